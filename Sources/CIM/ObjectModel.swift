// ObjectModel: what a script needs from a site, whatever keeps it — the in-memory repository (and the SQLite
// file behind it), a remote SMS Provider, a database. The interpreter talks to this protocol only; each backend
// says what it can evaluate itself (`queryCapabilities`), and the planner hands it that much.

/// What a backend can evaluate on its own side, so the planner sends it there instead of fetching rows.
public struct QueryCapabilities: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Whole WQL statements (joins, subselects, ConfigMgr's extensions), as CIM-XML's ExecQuery takes them.
    public static let wql = QueryCapabilities(rawValue: 1)
    /// One class's filter, projection, order and row count (``ClassQuery``), as the AdminService's `$filter`,
    /// `$select`, `$orderby` and `$top` take them; joins and what has no such form stay in cmsh.
    public static let classQuery = QueryCapabilities(rawValue: 2)
}

/// A site a script runs against. ``CIMRepository`` is the local one; remote clients implement it too.
public protocol ObjectModel: AnyObject {
    var defaultNamespace: String { get }
    var namespaces: [String] { get }
    func hasNamespace(_ name: String) -> Bool

    // Classes
    func cimClass(named name: CIMName, namespace: String?) -> CIMClass?
    func classes(namespace: String?) -> [CIMClass]
    func subclasses(of name: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> [CIMClass]

    // Instances
    func instance(at path: ObjectPath, namespace: String?) throws(CIMError) -> CIMInstance
    func instances(of className: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> [CIMInstance]
    /// Visits instances without collecting them; `body` returns false to stop.
    func forEachInstance(of className: CIMName, deep: Bool, namespace: String?, _ body: (CIMInstance) throws -> Bool) throws
    /// Instances whose property (by slot) equals the value; fast where ``isIndexed(slot:of:namespace:)``.
    func instances(of cls: CIMClass, whereSlot slot: Int, equals value: CIMValue, deep: Bool, namespace: String?) throws(CIMError) -> [CIMInstance]
    func isIndexed(slot: Int, of cls: CIMClass, namespace: String?) -> Bool
    func count(of className: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> Int

    // Changes
    @discardableResult
    func createInstance(_ instance: CIMInstance, namespace: String?) throws -> ObjectPath
    func modifyInstance(_ instance: CIMInstance, namespace: String?) throws
    func deleteInstance(at path: ObjectPath, namespace: String?) throws
    func invokeMethod(_ methodName: CIMName, on target: ObjectPath, arguments: [(CIMName, CIMValue)], namespace: String?) throws -> MethodResult

    // Transactions: a backend without them runs `body` as it is (each change stands on its own).
    @discardableResult
    func performAtomically<T>(_ body: () throws -> T) throws -> T
    func beginTransaction()
    func commitTransaction() throws
    func rollbackTransaction() throws(CIMError)

    // What the backend evaluates itself
    var queryCapabilities: QueryCapabilities { get }
    /// Runs a whole WQL statement on the backend (only when ``queryCapabilities`` has `.wql`): the rows as
    /// instances, or, for a join or a projection the backend answers with no instance path, as records of
    /// named values.
    func executeQuery(_ wql: String, namespace: String?) throws -> [QueryRow]
    /// One class's instances as the backend narrows them (only when ``queryCapabilities`` has `.classQuery`).
    func instances(matching query: ClassQuery, namespace: String?) throws -> [CIMInstance]
    /// What ``instances(matching:namespace:)`` sends for `query`, for `explain`.
    func request(for query: ClassQuery) -> String
    /// A line for `explain`: where the backend is and what goes over the wire.
    var location: String { get }
    /// A number naming the schema as it is now, changed by any change to it and never reused: a query plan
    /// made under one generation holds while the generation stands. Nil for a backend whose schema can change
    /// without its knowing (a remote one): its plans are made afresh every run.
    var schemaGeneration: UInt64? { get }
}

/// One row a backend answered for a pushed-down query.
public enum QueryRow {
    case instance(CIMInstance)
    /// Named values in the statement's order (a join's `Class.Property` columns, say).
    case values([(name: String, value: CIMValue)])
}

extension ObjectModel {
    public var schemaGeneration: UInt64? { nil }

    public func instances(matching query: ClassQuery, namespace: String?) throws -> [CIMInstance] {
        throw CIMError(.notSupported, "\(location) does not evaluate one class's filter itself")
    }
    public func request(for query: ClassQuery) -> String { "" }
    public func cimClass(named name: CIMName) -> CIMClass? { cimClass(named: name, namespace: nil) }
    public func classes() -> [CIMClass] { classes(namespace: nil) }
    public func subclasses(of name: CIMName, namespace: String? = nil) throws(CIMError) -> [CIMClass] {
        try subclasses(of: name, deep: true, namespace: namespace)
    }
    public func instance(at path: ObjectPath) throws(CIMError) -> CIMInstance { try instance(at: path, namespace: nil) }
    public func instances(of className: CIMName, namespace: String? = nil) throws(CIMError) -> [CIMInstance] {
        try instances(of: className, deep: true, namespace: namespace)
    }
    public func forEachInstance(of className: CIMName, namespace: String? = nil, _ body: (CIMInstance) throws -> Bool) throws {
        try forEachInstance(of: className, deep: true, namespace: namespace, body)
    }
    public func instances(of cls: CIMClass, whereSlot slot: Int, equals value: CIMValue, namespace: String? = nil) throws(CIMError) -> [CIMInstance] {
        try instances(of: cls, whereSlot: slot, equals: value, deep: true, namespace: namespace)
    }
    public func count(of className: CIMName, namespace: String? = nil) throws(CIMError) -> Int {
        try count(of: className, deep: true, namespace: namespace)
    }
    @discardableResult
    public func createInstance(_ instance: CIMInstance) throws -> ObjectPath { try createInstance(instance, namespace: nil) }
    public func modifyInstance(_ instance: CIMInstance) throws { try modifyInstance(instance, namespace: nil) }
    public func deleteInstance(at path: ObjectPath) throws { try deleteInstance(at: path, namespace: nil) }
    public func invokeMethod(_ methodName: CIMName, on target: ObjectPath, arguments: [(CIMName, CIMValue)] = []) throws -> MethodResult {
        try invokeMethod(methodName, on: target, arguments: arguments, namespace: nil)
    }
}

extension CIMRepository: ObjectModel {
    public var queryCapabilities: QueryCapabilities { [] }
    public func executeQuery(_ wql: String, namespace: String?) throws -> [QueryRow] {
        throw CIMError(.notSupported, "the local repository evaluates queries in cmsh")
    }
    public var location: String { "local" }
}
