// CIMRepository+Deferred: classes whose rows are made the first time someone looks — a simulated site's large,
// derived data (every client's state for every deployment) costs nothing at start-up for the sessions that never
// read it.

/// Rows made on first use: `fill` runs once, the first time any of `triggers` in the namespace is read or changed,
/// or the whole repository is dumped or stored.
struct DeferredFill {
    let namespace: CIMName
    /// The classes named, their subclasses (a row of one is a row of the class) and their superclasses (a deep read
    /// of one reads the class): worked out once, so a read's check is one set lookup.
    let triggers: Set<CIMName>
    let fill: @Sendable (CIMRepository) throws -> Void

    /// Set while ``CIMRepository/withoutFilling(_:)`` runs on this task or thread.
    @TaskLocal static var suspended = false
}

extension CIMRepository {
    /// Defers making the rows of `classes` until they are first used. `fill` receives the repository it runs on (a
    /// copy made with ``init(copying:)`` keeps the deferral and fills itself); it runs as the repository's own work
    /// (not audited), outside any transaction a client has open, so a rollback does not take its rows away. The
    /// classes and their families must exist when this is called (a subclass added later does not set it off).
    public func deferFilling(_ classes: [CIMName], namespace: String? = nil,
                             _ fill: @escaping @Sendable (CIMRepository) throws -> Void) throws(CIMError) {
        try locked { () throws(CIMError) in
            let ns = try resolveNamespace(namespace)
            var triggers = Set<CIMName>()
            for name in classes {
                guard let cls = stores[ns]?.classes[name] else { throw CIMError(.invalidClass, "Class \(name) does not exist.") }
                triggers.formUnion(stores[ns]!.descendants(of: name))
                triggers.formUnion(cls.lineage.map(\.name))
            }
            addFill(DeferredFill(namespace: ns, triggers: triggers, fill: fill))
        }
    }

    /// How many deferred fills have not run yet.
    public var pendingFills: Int { locked { deferredFills.count } }

    /// Runs every deferred fill now (before a dump or a copy to a store).
    public func fillDeferred() throws {
        while let next = locked({ deferredFills.isEmpty ? nil : removeFill(at: 0) }) { try runOrPutBack(next) }
    }

    /// Runs `body` without setting off deferred fills, for the site's own bookkeeping that reads a class only to
    /// add to it — the next free RecordID of a status message does not need the history made later, and making it
    /// there would make every status message the site raises cost the whole history.
    public func withoutFilling<T>(_ body: () throws -> T) rethrows -> T {
        try DeferredFill.$suspended.withValue(true) { try body() }
    }

    private func addFill(_ fill: DeferredFill) {
        deferredFills.append(fill)
        for name in fill.triggers { deferredTriggers[name, default: 0] += 1 }
    }

    private func removeFill(at index: Int) -> DeferredFill {
        let fill = deferredFills.remove(at: index)
        for name in fill.triggers {
            if let n = deferredTriggers[name], n > 1 { deferredTriggers[name] = n - 1 } else { deferredTriggers[name] = nil }
        }
        return fill
    }

    /// Runs the fills `className` in `ns` sets off. Called at the start of every read and change.
    @inline(__always)
    func fillIfDeferred(_ className: CIMName, _ ns: CIMName) throws(CIMError) {
        guard deferredTriggers[className] != nil, !DeferredFill.suspended else { return }
        try fillDeferred(className, ns)
    }

    private func fillDeferred(_ className: CIMName, _ ns: CIMName) throws(CIMError) {
        while let next = locked({ () -> DeferredFill? in
            guard let i = deferredFills.firstIndex(where: { $0.namespace == ns && $0.triggers.contains(className) }) else { return nil }
            return removeFill(at: i)
        }) {
            do { try runOrPutBack(next) } catch {
                if let error = error as? CIMError { throw error }
                throw CIMError(.failed, "Could not make the rows of \(className): \(error)")
            }
        }
    }

    /// Runs a fill taken off the list; one that fails goes back on it, to be tried again at the next use (a store
    /// that could not be read just then must not leave its classes empty for good).
    private func runOrPutBack(_ fill: DeferredFill) throws {
        do { try run(fill) } catch {
            locked { addFill(fill) }
            throw error
        }
    }

    private func run(_ deferred: DeferredFill) throws {
        try locked {
            // Outside the client's transaction: the rows are the site's, made once, whatever the client undoes.
            let open = undoLog, explicit = explicitLevels
            undoLog = []
            explicitLevels = 0
            defer { undoLog = open; explicitLevels = explicit }
            try performInternally { try deferred.fill(self) }
        }
    }
}
