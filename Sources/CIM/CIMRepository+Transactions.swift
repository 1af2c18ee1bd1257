// CIMRepository+Transactions: explicit transactions, completing a transaction level (and writing it to the
// store), and the door a store uses to load instances without hooks.

extension CIMRepository {
    // MARK: - Explicit transactions

    /// Opens a transaction that stays open across calls until ``commitTransaction()`` or
    /// ``rollbackTransaction()`` (the `begin` statement). Transactions nest; only the outermost commit
    /// reaches the store.
    ///
    /// An explicit transaction belongs to the repository, not to a thread: it is meant for one session
    /// driving the repository, as a script does.
    public func beginTransaction() {
        locked {
            undoLog.append([])
            explicitLevels += 1
        }
    }

    /// The number of explicit transactions open.
    public var transactionDepth: Int { locked { explicitLevels } }

    /// Commits the innermost explicit transaction; at the outermost, its changes go to the store.
    /// Throws WBEM_E_INVALID_OPERATION when none is open, or the store's error (the transaction is then
    /// undone).
    public func commitTransaction() throws {
        try locked { () throws in
            guard explicitLevels > 0 else { throw CIMError(.invalidOperation, "No transaction is open; 'begin' starts one.") }
            explicitLevels -= 1
            try completeInnermostLevel()
        }
    }

    /// Undoes everything since the matching ``beginTransaction()``. Throws WBEM_E_INVALID_OPERATION when
    /// no transaction is open.
    public func rollbackTransaction() throws(CIMError) {
        try locked { () throws(CIMError) in
            guard explicitLevels > 0 else { throw CIMError(.invalidOperation, "No transaction is open; 'begin' starts one.") }
            explicitLevels -= 1
            undoInnermostLevel()
        }
    }

    // MARK: - Levels

    /// Undoes the innermost level's changes, newest first, and closes it.
    func undoInnermostLevel() {
        locked {
            let entries = undoLog.removeLast()
            for entry in entries.reversed() { undo(entry) }
        }
    }

    /// Closes the innermost level: its changes join the level around it, or, at the outermost, are
    /// written to the store. A store that fails gets the changes undone, and its error thrown.
    func completeInnermostLevel() throws {
        try locked { () throws in
            let done = undoLog.removeLast()
            if !undoLog.isEmpty {
                undoLog[undoLog.count - 1].append(contentsOf: done)
                return
            }
            guard let store = persistentStore, !storeWritesSuspended, !done.isEmpty else { return }
            do {
                try store.write(changes(from: done), from: self)
            } catch {
                for entry in done.reversed() { undo(entry) }
                throw error
            }
        }
    }

    /// The net effect of a level's undo entries: each touched instance once, as it is now.
    private func changes(from entries: [UndoEntry]) -> RepositoryChanges {
        var out = RepositoryChanges()
        var seen = Set<TouchedInstance>()
        var deletedBefore: [TouchedInstance: CIMInstance] = [:]
        var touched: [TouchedInstance] = []
        for entry in entries {
            switch entry {
            case .namespaceCreated(let ns): out.namespacesCreated.append(namespaceName(ns))
            case .classAdded(let ns, let name):
                if let cls = stores[ns]?.classes[name] { out.classesAdded.append((namespaceName(ns), cls)) }
            case .classRemoved(let ns, let cls, _): out.classesRemoved.append((namespaceName(ns), cls.name))
            case .created(let ns, let className, let key):
                let t = TouchedInstance(ns: ns, className: className, key: key)
                if seen.insert(t).inserted { touched.append(t) }
            case .modified(let ns, let old), .deleted(let ns, let old):
                let t = TouchedInstance(ns: ns, className: old.className, key: InstanceKey(old))
                if seen.insert(t).inserted { touched.append(t) }
                if case .deleted = entry { deletedBefore[t] = deletedBefore[t] ?? old }
            }
        }
        for t in touched {
            let ns = namespaceName(t.ns)
            if let now = stores[t.ns]?.tables[t.className]?.row(for: t.key) {
                out.instancesWritten.append((ns, now))
            } else if let gone = deletedBefore[t] {
                out.instancesDeleted.append((ns, gone))
            }
            // Created and deleted again inside the transaction: the store never saw it.
        }
        return out
    }

    func namespaceName(_ key: CIMName) -> String {
        namespaceOrder.first { CIMName($0) == key } ?? key.string
    }

    // MARK: - Stores

    /// The store committed changes are written to, or nil.
    public var store: (any RepositoryStore)? { locked { persistentStore } }

    /// Attaches the store that committed transactions go to from now on (after it has loaded its contents
    /// with ``loadFromStore(writingBack:undoable:_:)``).
    public func attach(_ store: any RepositoryStore) {
        locked { persistentStore = store }
    }

    /// Asks the store for what other processes committed; nothing without a store.
    public func refreshFromStore() throws(CIMError) {
        guard let store = locked({ persistentStore }) else { return }
        try store.refresh(self)
    }

    /// Runs `body` the way a store loads what it holds (at open, and when other processes committed): as
    /// one transaction, with no hooks run — the data was validated when it was first stored, and effects
    /// such as status rows were stored with it — and nothing written back to the store. A restore from a
    /// MOF dump uses the same mode, minus the last part: its changes are written.
    ///
    /// `undoable: false` records nothing, for rows that are the store's state rather than a change: a site file
    /// being opened (a repository thrown away if the load fails: a log entry per instance would cost hundreds of
    /// megabytes at millions of instances, to undo what nobody will see), or a class's rows read on first use —
    /// which must not join the statement that set the read off, or its commit would write them all back.
    public func loadFromStore<T>(writingBack: Bool = false, undoable: Bool = true, _ body: () throws -> T) throws -> T {
        try locked { () throws -> T in
            let (hooks, writes) = (hooksSuspended, storeWritesSuspended)
            hooksSuspended = true
            storeWritesSuspended = writes || !writingBack
            defer { (hooksSuspended, storeWritesSuspended) = (hooks, writes) }
            if undoable { return try performAtomically(body) }
            undoLog.append([])  // a level of its own, dropped unwritten
            defer { undoLog.removeLast() }
            return try body()
        }
    }

    /// Puts a stored instance in place as it is, replacing any with the same key: no hooks, no key-family
    /// checks (the store held it, so it was valid when it was written). For stores, inside
    /// ``loadFromStore(writingBack:undoable:_:)``.
    public func putStoredInstance(_ instance: CIMInstance, namespace: String? = nil) throws(CIMError) {
        try locked { () throws(CIMError) in
            let ns = try resolveNamespace(namespace)
            // No local copy of the table: holding one would make the insert below copy every row (O(n²) loads).
            guard stores[ns]!.tables[instance.className] != nil else {
                throw CIMError(.invalidClass, "Class \(instance.className) does not exist.")
            }
            let key = InstanceKey(instance)
            if let old = stores[ns]!.tables[instance.className]!.row(for: key) {
                _ = stores[ns]!.tables[instance.className]!.replace(instance)
                record(.modified(ns, old))
            } else {
                stores[ns]!.tables[instance.className]!.insert(instance, key: key)
                record(.created(ns, instance.className, key))
            }
        }
    }

    /// Prepares a class's table for about `count` more instances before a bulk load, so its key index is sized
    /// once instead of growing (and rehashing) step by step. Only a hint: more or fewer instances may follow.
    public func reserveCapacity(_ count: Int, of className: CIMName, namespace: String? = nil) throws(CIMError) {
        try locked { () throws(CIMError) in
            let ns = try resolveNamespace(namespace)
            guard stores[ns]!.tables[className] != nil else { throw CIMError(.invalidClass, "Class \(className) does not exist.") }
            stores[ns]!.tables[className]!.reserveCapacity(max(0, count))
        }
    }

    /// ``putStoredInstance(_:namespace:)`` for many instances, as a bulk loader makes them (a site file's rows, a
    /// generated fleet): the lock is taken and the namespace resolved once, and each run of instances of one class
    /// goes into its table without looking the table up again — pass them grouped by class.
    public func putStoredInstances(_ instances: [CIMInstance], namespace: String? = nil) throws(CIMError) {
        try locked { () throws(CIMError) in
            let ns = try resolveNamespace(namespace)
            var start = instances.startIndex
            while start < instances.endIndex {
                let cls = instances[start].cimClass
                var end = start + 1
                while end < instances.endIndex && instances[end].cimClass === cls { end += 1 }
                // Out of the namespace while it fills: a table left in place would be found by name for every row.
                guard var table = stores[ns]!.tables.removeValue(forKey: cls.name) else {
                    throw CIMError(.invalidClass, "Class \(cls.name) does not exist.")
                }
                for instance in instances[start..<end] {
                    let key = InstanceKey(instance)
                    if let old = table.row(for: key) {
                        _ = table.replace(instance)
                        record(.modified(ns, old))
                    } else {
                        table.insert(instance, key: key)
                        record(.created(ns, cls.name, key))
                    }
                }
                stores[ns]!.tables[cls.name] = table
                start = end
            }
        }
    }

    /// Removes an instance a store no longer holds (deleted by another process); nothing when absent.
    public func removeStoredInstance(_ instance: CIMInstance, namespace: String? = nil) throws(CIMError) {
        try locked { () throws(CIMError) in
            let ns = try resolveNamespace(namespace)
            if let old = stores[ns]!.tables[instance.className]?.remove(InstanceKey(instance)) {
                record(.deleted(ns, old))
            }
        }
    }
}

private struct TouchedInstance: Hashable {
    let ns: CIMName
    let className: CIMName
    let key: InstanceKey
}
