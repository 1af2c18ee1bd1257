// CIMRepository+Requests: the changes a client asks for, told apart from the ones providers and hooks make while
// carrying them out — what an SMS Provider audits ("user X deleted package Y"), as opposed to the bookkeeping
// that follows (the package's DPs, summaries and status messages going with it).

/// A change a client of the repository asked for, reported once it is done (inside its transaction).
public enum ClientRequest: Sendable {
    case create(CIMInstance)
    case modify(old: CIMInstance, new: CIMInstance)
    /// A delete; `kept` is the state a hook kept the object in instead (a DP marked DELETED), if any.
    case delete(CIMInstance, kept: CIMInstance?)
    /// A method that ran; `target` is the instance's path, or the class's for a static method.
    case invoke(method: CIMName, of: CIMClass, target: ObjectPath, result: MethodResult)
}

/// Told of every change a client asks for, not of the changes made while serving it. A throw undoes the
/// request, as a hook's does.
public protocol RequestObserver: Sendable {
    func didServe(_ request: ClientRequest, in context: HookContext) throws
}

extension CIMRepository {
    /// Registers an observer of client requests (an audit trail).
    public func register(requestObserver: any RequestObserver) {
        locked { requestObservers.append(requestObserver) }
    }

    /// Runs `body` as the repository's own work — a site's timers, a bulk load — all together or not at all, as
    /// ``performAtomically(_:)`` does: the changes it makes are not client requests and are not reported.
    @discardableResult
    public func performInternally<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        requestDepth += 1
        defer { requestDepth -= 1; lock.unlock() }
        return try performAtomically(body)
    }

    /// Runs one operation; `outermost` tells it whether a client asked for it (rather than a provider or hook
    /// inside another operation). Called under the lock (inside ``performAtomically(_:)``).
    func servingRequest<T>(_ body: (_ outermost: Bool) throws -> T) rethrows -> T {
        requestDepth += 1
        defer { requestDepth -= 1 }
        return try body(requestDepth == 1)
    }

    /// Tells the observers of a request that is done. Observers run one level deeper, so what they write
    /// (an audit message) is not a request in turn.
    func report(_ request: ClientRequest, namespace: String?) throws {
        guard !hooksSuspended, !requestObservers.isEmpty else { return }
        let context = HookContext(repository: self, namespace: namespace ?? defaultNamespace)
        try performInternally {
            for observer in requestObservers { try observer.didServe(request, in: context) }
        }
    }

    /// Makes a namespace read-only to clients (a replica: a secondary site's objects are administered at its
    /// primary): their creates, modifies, deletes and methods there fail with WBEM_E_ACCESS_DENIED and `reason`.
    /// The repository's own work (``performInternally(_:)``) can still fill it.
    public func makeReadOnly(namespace: String, reason: String) {
        locked { readOnlyNamespaces[CIMName(ObjectPath.normalizeNamespace(namespace))] = reason }
    }

    /// Whether clients may change a namespace.
    public func isReadOnly(namespace: String) -> Bool {
        locked { readOnlyNamespaces[CIMName(ObjectPath.normalizeNamespace(namespace))] != nil }
    }

    func checkWritable(_ ns: CIMName) throws(CIMError) {
        if let reason = readOnlyNamespaces[ns] { throw CIMError(.accessDenied, reason) }
    }
}
