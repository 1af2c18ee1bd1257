// RepositoryStore: where a repository's committed changes are kept beyond the process (a site file), and how
// changes committed by other processes come back in.

/// A place that keeps a repository's classes and instances: the repository works in memory and hands each
/// committed transaction to its store; the store writes it durably, all of it or none.
///
/// Two implementations ship: none at all (a repository without a store lives in memory, as the demo site
/// does) and the SQLite site file in the `SiteStore` module. Stores are attached with
/// ``CIMRepository/attach(_:)`` after they have loaded what they hold.
public protocol RepositoryStore: AnyObject, Sendable {
    /// Writes one committed transaction. Throwing (a full disk, another writer holding the file, a conflict)
    /// makes the repository undo the transaction in memory too, so memory and store stay the same.
    func write(_ changes: RepositoryChanges, from repository: CIMRepository) throws(CIMError)
    /// Brings the repository up to date with what other processes committed since the last call; cheap when
    /// nothing changed. Engines call it before each statement.
    func refresh(_ repository: CIMRepository) throws(CIMError)
}

/// What one committed transaction changed, in the order a store must apply it: namespaces, then classes
/// added, then instances written or deleted, then classes removed.
public struct RepositoryChanges: Sendable {
    public var namespacesCreated: [String] = []
    /// Classes added, base classes before their subclasses.
    public var classesAdded: [(namespace: String, cimClass: CIMClass)] = []
    /// Instances as they now are (created or modified).
    public var instancesWritten: [(namespace: String, instance: CIMInstance)] = []
    /// Instances that no longer exist, as they were.
    public var instancesDeleted: [(namespace: String, instance: CIMInstance)] = []
    public var classesRemoved: [(namespace: String, name: CIMName)] = []

    public init() {}

    public var isEmpty: Bool {
        namespacesCreated.isEmpty && classesAdded.isEmpty && instancesWritten.isEmpty
            && instancesDeleted.isEmpty && classesRemoved.isEmpty
    }
}
