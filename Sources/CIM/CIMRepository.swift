// CIMRepository: namespaces of classes and instances, with key and hash indexes, transactions and providers.
import Foundation

/// The store of classes and instances, organised in namespaces (`root\sms\site_S01` by default).
///
/// Every operation validates against the class definition and fails with a ``CIMError`` named by its WBEM
/// code. Operations are serialised by one recursive lock, so the repository can be shared between threads;
/// providers and hooks may call back into it. ``performAtomically(_:)`` groups changes: if the body throws,
/// every change made inside it is undone.
public final class CIMRepository: @unchecked Sendable {
    /// The namespace used when an operation names none.
    public let defaultNamespace: String
    private let defaultKey: CIMName

    let lock = NSRecursiveLock()
    var stores: [CIMName: NamespaceStore] = [:]
    var namespaceOrder: [String] = []
    private var providers: [ProviderKey: any MethodProvider] = [:]
    private var hooks: [CIMName: [any InstanceHook]] = [:]
    /// Who is told of client requests, and how deep the operation in progress is nested (1 = a client's).
    var requestObservers: [any RequestObserver] = []
    var requestDepth = 0
    /// Rows still to be made on first use (see CIMRepository+Deferred).
    /// Changed only through addFill and removeFill (CIMRepository+Deferred), which keep `deferredTriggers`.
    var deferredFills: [DeferredFill] = []
    /// Every class a pending fill waits for, in any namespace, with how many fills wait for it: a read of any
    /// other class (nearly every read) is let through by one lookup, without the task-local check or a look at
    /// each fill. (Counted, so a fill's end costs its own triggers, not a union of every other fill's: a site
    /// file defers one fill per class.)
    var deferredTriggers: [CIMName: Int] = [:]
    /// Namespaces clients may read but not change, with the sentence that says why.
    var readOnlyNamespaces: [CIMName: String] = [:]
    /// Undo entries of the transactions in progress (innermost last); empty when none is open.
    var undoLog: [[UndoEntry]] = []
    /// How many of those levels are explicit transactions (``beginTransaction()``), outermost first.
    var explicitLevels = 0
    /// Where committed changes go to last; nil for a repository that lives in memory only.
    var persistentStore: (any RepositoryStore)?
    /// Set while a store loads what it holds, or a dump is restored: no hooks run.
    var hooksSuspended = false
    /// Set while a store loads what it holds: completed transactions are not written back to it.
    var storeWritesSuspended = false
    /// Changes whenever a namespace, class or index is added or removed (see ``schemaGeneration``).
    private var generation = SchemaGeneration.next()

    public init(defaultNamespace: String = "root\\sms\\site_S01") {
        self.defaultNamespace = ObjectPath.normalizeNamespace(defaultNamespace)
        defaultKey = CIMName(self.defaultNamespace)
        _ = createNamespaceLocked(self.defaultNamespace)
    }

    /// A repository holding what `other` holds now: its namespaces, classes (shared: classes are immutable),
    /// instances and indexes, copied on write, so making the copy costs next to nothing however large `other` is.
    /// Providers, hooks, a store and open transactions are not copied. (The demo site is built once and copied
    /// for each engine that asks for the same one.)
    public init(copying other: CIMRepository) {
        (defaultNamespace, defaultKey, stores, namespaceOrder, extraIndexes, readOnlyNamespaces, deferredFills, deferredTriggers) = other.locked {
            (other.defaultNamespace, other.defaultKey, other.stores, other.namespaceOrder, other.extraIndexes,
             other.readOnlyNamespaces, other.deferredFills, other.deferredTriggers)
        }
    }

    /// A number that names the repository's schema as it is now — its namespaces, classes and indexes — and is
    /// never given to another schema, this repository's or any other's: what a cached query plan checks before
    /// it is used again.
    public var schemaGeneration: UInt64? { locked { generation } }

    /// Called under the lock by everything that adds or removes a namespace, class or index.
    func schemaChanged() { generation = SchemaGeneration.next() }

    @inline(__always)
    func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    // MARK: - Namespaces

    /// Creates a namespace (and does nothing when it exists).
    public func createNamespace(_ name: String) {
        locked { _ = createNamespaceLocked(ObjectPath.normalizeNamespace(name)) }
    }

    private func createNamespaceLocked(_ name: String) -> Bool {
        let key = CIMName(name)
        guard stores[key] == nil else { return false }
        stores[key] = NamespaceStore()
        namespaceOrder.append(name)
        schemaChanged()
        record(.namespaceCreated(key))
        return true
    }

    /// Creates a namespace holding another's classes — the same class objects and indexes, no instances — at once
    /// rather than class by class (a secondary site's namespace has its primary's schema). Does nothing when the
    /// namespace exists; WBEM_E_INVALID_NAMESPACE when the source does not.
    public func createNamespace(_ name: String, withClassesOf source: String) throws(CIMError) {
        try locked { () throws(CIMError) in
            let from = try nsKey(source)
            let normalized = ObjectPath.normalizeNamespace(name)
            guard createNamespaceLocked(normalized) else { return }
            let key = CIMName(normalized)
            let copy = stores[from]!.withoutInstances()
            stores[key] = copy
            extraIndexes[key] = extraIndexes[from]
            for className in copy.order { record(.classAdded(key, className)) }
        }
    }

    /// The namespaces, in creation order.
    public var namespaces: [String] { locked { namespaceOrder } }

    public func hasNamespace(_ name: String) -> Bool {
        locked { stores[CIMName(ObjectPath.normalizeNamespace(name))] != nil }
    }

    private func nsKey(_ namespace: String?) throws(CIMError) -> CIMName {
        // Every operation names its namespace; the common cases (none, or already normalised) skip Foundation.
        guard let namespace, namespace != defaultNamespace else { return defaultKey }
        let key = CIMName(namespace.utf8.contains(UInt8(ascii: "/")) ? ObjectPath.normalizeNamespace(namespace) : namespace)
        guard stores[key] != nil else {
            throw CIMError(.invalidNamespace, "Namespace \(namespace) does not exist.")
        }
        return key
    }

    // MARK: - Classes

    /// Adds a class. Its superclass must already be in the namespace; the name must be new.
    public func addClass(_ cimClass: CIMClass, namespace: String? = nil) throws(CIMError) {
        try locked { () throws(CIMError) in
            let ns = try nsKey(namespace)
            if let existing = stores[ns]!.classes[cimClass.name] {
                throw CIMError(.alreadyExists, "Class \(existing.name) already exists in \(namespace ?? defaultNamespace).")
            }
            if let sup = cimClass.superclass {
                guard let registered = stores[ns]!.classes[sup.name], registered === sup else {
                    throw CIMError(.invalidSuperclass, "Superclass \(sup.name) of \(cimClass.name) is not in \(namespace ?? defaultNamespace).")
                }
            }
            stores[ns]!.add(cimClass, extraIndexes: indexNames(for: cimClass, in: ns))
            schemaChanged()
            record(.classAdded(ns, cimClass.name))
        }
    }

    /// The class with this name (ignoring case), or nil.
    public func cimClass(named name: CIMName, namespace: String? = nil) -> CIMClass? {
        locked { (try? nsKey(namespace)).flatMap { stores[$0]!.classes[name] } }
    }

    /// The class with this name; WBEM_E_INVALID_CLASS when there is none.
    public func requireClass(_ name: CIMName, namespace: String? = nil) throws(CIMError) -> CIMClass {
        guard let c = cimClass(named: name, namespace: namespace) else {
            _ = try locked { () throws(CIMError) in try nsKey(namespace) }
            throw CIMError(.invalidClass, "Class \(name) does not exist in \(namespace ?? defaultNamespace).")
        }
        return c
    }

    /// All classes of a namespace in the order they were added.
    public func classes(namespace: String? = nil) -> [CIMClass] {
        locked { (try? nsKey(namespace)).map { ns in stores[ns]!.order.map { stores[ns]!.classes[$0]! } } ?? [] }
    }

    /// The subclasses of a class: direct ones only, or every descendant (`deep`), in the order added.
    public func subclasses(of name: CIMName, deep: Bool = true, namespace: String? = nil) throws(CIMError) -> [CIMClass] {
        try locked { () throws(CIMError) in
            let ns = try nsKey(namespace)
            guard stores[ns]!.classes[name] != nil else {
                throw CIMError(.invalidClass, "Class \(name) does not exist.")
            }
            let names = deep ? Array(stores[ns]!.descendants(of: name).dropFirst()) : (stores[ns]!.children[name] ?? [])
            return names.map { stores[ns]!.classes[$0]! }
        }
    }

    /// Removes a class that has no subclasses and no instances.
    public func deleteClass(_ name: CIMName, namespace: String? = nil) throws(CIMError) {
        try locked { () throws(CIMError) in
            let ns = try nsKey(namespace)
            guard let cls = stores[ns]!.classes[name] else { throw CIMError(.notFound, "Class \(name) does not exist.") }
            if !(stores[ns]!.children[name] ?? []).isEmpty {
                throw CIMError(.classHasChildren, "Class \(cls.name) has subclasses; delete them first.")
            }
            if stores[ns]!.tables[name]!.liveCount > 0 {
                throw CIMError(.classHasInstances, "Class \(cls.name) has instances; delete them first.")
            }
            stores[ns]!.remove(name)
            schemaChanged()
            record(.classRemoved(ns, cls, extraIndexes: []))
        }
    }

    // MARK: - Indexes

    var extraIndexes: [CIMName: [CIMName: Set<CIMName>]] = [:]

    func indexNames(for cls: CIMClass, in ns: CIMName) -> Set<CIMName> {
        var names = Set<CIMName>()
        for ancestor in cls.lineage { names.formUnion(extraIndexes[ns]?[ancestor.name] ?? []) }
        return names
    }

    /// Adds a hash index on a non-key property of a class and its subclasses, so an equality filter on it
    /// need not scan. (Properties qualified `[Indexed]` in MOF get one automatically.)
    public func createIndex(on property: CIMName, of className: CIMName, namespace: String? = nil) throws(CIMError) {
        try locked { () throws(CIMError) in
            let ns = try nsKey(namespace)
            let (cls, slot) = try classAndSlot(className, property, ns)
            extraIndexes[ns, default: [:]][cls.name, default: []].insert(property)
            for name in stores[ns]!.descendants(of: cls.name) { stores[ns]!.tables[name]!.addIndex(slot: slot) }
            schemaChanged()
        }
    }

    /// A class of the namespace and the slot of one of its properties (WBEM_E_INVALID_CLASS / _PROPERTY).
    private func classAndSlot(_ className: CIMName, _ property: CIMName, _ ns: CIMName) throws(CIMError) -> (CIMClass, Int) {
        guard let cls = stores[ns]!.classes[className] else {
            throw CIMError(.invalidClass, "Class \(className) does not exist.")
        }
        guard let slot = cls.slot(of: property) else {
            throw CIMError(.invalidProperty, "Class \(cls.name) has no property \(property).")
        }
        return (cls, slot)
    }

    /// Is there a hash index (or the key index) serving equality on this property of this class?
    public func isIndexed(_ property: CIMName, of className: CIMName, namespace: String? = nil) -> Bool {
        guard let cls = cimClass(named: className, namespace: namespace), let slot = cls.slot(of: property) else { return false }
        return isIndexed(slot: slot, of: cls, namespace: namespace)
    }

    /// ``isIndexed(_:of:namespace:)`` for a class and slot already resolved (as a query plan holds them):
    /// no name lookups but the table's.
    public func isIndexed(slot: Int, of cls: CIMClass, namespace: String? = nil) -> Bool {
        locked {
            guard let ns = try? nsKey(namespace), let table = stores[ns]!.tables[cls.name] else { return false }
            return cls.isSingleKey(slot) || table.isIndexed(slot: slot)
        }
    }

    // MARK: - Reading instances

    /// The instance at a path; WBEM_E_NOT_FOUND when absent, WBEM_E_INVALID_OBJECT_PATH when the keys do
    /// not match the class's keys. A path naming a base class finds instances of its subclasses too.
    public func instance(at path: ObjectPath, namespace: String? = nil) throws(CIMError) -> CIMInstance {
        guard let found = try existingInstance(at: path, namespace: namespace) else {
            throw CIMError(.notFound, "No instance \(path.relative) exists.")
        }
        return found
    }

    /// The instance at `path`, or nil when there is none (an unknown namespace or class is still an error): for
    /// code that asks whether a row exists, which a not-found error's message (the path written out) would cost
    /// more than the lookup.
    public func existingInstance(at path: ObjectPath, namespace: String? = nil) throws(CIMError) -> CIMInstance? {
        try locked { () throws(CIMError) in
            let ns = try nsKey(path.namespace ?? namespace)
            let cls = try classForPath(path, ns)
            try fillIfDeferred(cls.name, ns)
            let key = try instanceKey(for: path, of: cls)
            for name in stores[ns]!.descendants(of: cls.name) {
                if let found = stores[ns]!.tables[name]!.row(for: key) { return found }
            }
            return nil
        }
    }

    /// The instances of a class, with or without those of its subclasses, in creation order.
    public func instances(of className: CIMName, deep: Bool = true, namespace: String? = nil) throws(CIMError) -> [CIMInstance] {
        var out: [CIMInstance] = []
        for rows in try rowSnapshots(of: className, deep: deep, namespace: namespace) {
            for case let row? in rows { out.append(row) }
        }
        return out
    }

    /// Visits the instances of a class (and its subclasses when `deep`) without copying them into an array;
    /// return false from `body` to stop. The repository may be changed from inside `body`: the visit
    /// goes on over the instances as they were when it started.
    public func forEachInstance(of className: CIMName, deep: Bool = true, namespace: String? = nil,
                                _ body: (CIMInstance) throws -> Bool) throws {
        for rows in try rowSnapshots(of: className, deep: deep, namespace: namespace) {
            for case let row? in rows { if try !body(row) { return } }
        }
    }

    /// The row arrays of the class's tables. Copy-on-write makes this O(number of classes), not of rows.
    private func rowSnapshots(of className: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> [ContiguousArray<CIMInstance?>] {
        try locked { () throws(CIMError) in
            let ns = try nsKey(namespace)
            guard stores[ns]!.classes[className] != nil else {
                throw CIMError(.invalidClass, "Class \(className) does not exist.")
            }
            try fillIfDeferred(className, ns)
            let names = deep ? stores[ns]!.descendants(of: className) : [className]
            return names.map { stores[ns]!.tables[$0]!.rows }
        }
    }

    /// The instances whose property equals the value (strings ignoring case), using the key index or a hash
    /// index where the property has one and scanning otherwise.
    public func instances(of className: CIMName, where property: CIMName, equals value: CIMValue,
                          deep: Bool = true, namespace: String? = nil) throws(CIMError) -> [CIMInstance] {
        let (cls, slot) = try locked { () throws(CIMError) in try classAndSlot(className, property, try nsKey(namespace)) }
        return try instances(of: cls, whereSlot: slot, equals: value, deep: deep, namespace: namespace)
    }

    /// ``instances(of:where:equals:deep:namespace:)`` for a class and slot already resolved (as a query plan
    /// holds them): no lookups of the class or property by name.
    public func instances(of cls: CIMClass, whereSlot slot: Int, equals value: CIMValue,
                          deep: Bool = true, namespace: String? = nil) throws(CIMError) -> [CIMInstance] {
        try locked { () throws(CIMError) in
            let ns = try nsKey(namespace)
            try fillIfDeferred(cls.name, ns)
            guard let rows = stores[ns]!.instances(of: cls, whereSlot: slot, equals: value, deep: deep) else {
                throw notRegistered(cls)
            }
            return rows
        }
    }

    /// The number of instances of a class (with its subclasses when `deep`).
    public func count(of className: CIMName, deep: Bool = true, namespace: String? = nil) throws(CIMError) -> Int {
        try locked { () throws(CIMError) in
            let ns = try nsKey(namespace)
            guard stores[ns]!.classes[className] != nil else {
                throw CIMError(.invalidClass, "Class \(className) does not exist.")
            }
            try fillIfDeferred(className, ns)
            let names = deep ? stores[ns]!.descendants(of: className) : [className]
            return names.reduce(0) { $0 + stores[ns]!.tables[$1]!.liveCount }
        }
    }

    // MARK: - Changing instances

    /// Stores a new instance. Its class must be concrete and in the namespace, every key set and unique
    /// across the key's class family. Returns the new instance's path. Hooks may veto or adjust it.
    @discardableResult
    public func createInstance(_ instance: CIMInstance, namespace: String? = nil) throws -> ObjectPath {
        try performAtomically { try servingRequest { outermost in
            let ns = try locked { () throws(CIMError) in try nsKey(namespace) }
            if outermost { try checkWritable(ns) }
            let cls = instance.cimClass
            try locked { () throws(CIMError) in try fillIfDeferred(cls.name, ns) }
            try locked { () throws(CIMError) in try checkRegistered(cls, ns) }
            if cls.isAbstract {
                throw CIMError(.invalidOperation, "Class \(cls.name) is abstract; create an instance of one of its subclasses.")
            }
            var proposed: CIMInstance? = instance
            try runValidate(.create(instance), &proposed, cls, namespace)
            let final = proposed ?? instance
            try locked { () throws(CIMError) in
                try checkKeys(final)
                let key = InstanceKey(final)
                let root = keyRoot(of: cls)
                for name in stores[ns]!.descendants(of: root.name) where stores[ns]!.tables[name]!.contains(key) {
                    throw CIMError(.alreadyExists, "An instance \(final.path) already exists.")
                }
                stores[ns]!.tables[cls.name]!.insert(final, key: key)
                record(.created(ns, cls.name, key))
            }
            try runDidChange(.create(final), cls, namespace)
            if outermost { try report(.create(final), namespace: namespace) }
            return final.path
        } }
    }

    /// Replaces a stored instance (found by its key values) with this one. Keys cannot change.
    public func modifyInstance(_ instance: CIMInstance, namespace: String? = nil) throws {
        try performAtomically { try servingRequest { outermost in
            let ns = try locked { () throws(CIMError) in try nsKey(namespace) }
            if outermost { try checkWritable(ns) }
            let cls = instance.cimClass
            try locked { () throws(CIMError) in try fillIfDeferred(cls.name, ns) }
            try locked { () throws(CIMError) in try checkRegistered(cls, ns); try checkKeys(instance) }
            guard let old = locked({ stores[ns]!.tables[cls.name]!.row(for: InstanceKey(instance)) }) else {
                throw CIMError(.notFound, "No instance \(instance.path) exists.")
            }
            var proposed: CIMInstance? = instance
            try runValidate(.modify(old: old, new: instance), &proposed, cls, namespace)
            let final = proposed ?? instance
            guard InstanceKey(final) == InstanceKey(old) else {
                throw CIMError(.invalidOperation, "The key of \(old.path) cannot be changed.")
            }
            locked {
                _ = stores[ns]!.tables[cls.name]!.replace(final)
                record(.modified(ns, old))
            }
            try runDidChange(.modify(old: old, new: final), cls, namespace)
            if outermost { try report(.modify(old: old, new: final), namespace: namespace) }
        } }
    }

    /// Deletes the instance at a path; WBEM_E_NOT_FOUND when absent.
    public func deleteInstance(at path: ObjectPath, namespace: String? = nil) throws {
        try performAtomically { try servingRequest { outermost in
            let old = try instance(at: path, namespace: namespace)
            let ns = try locked { () throws(CIMError) in try nsKey(path.namespace ?? namespace) }
            if outermost { try checkWritable(ns) }
            var proposed: CIMInstance? = nil
            try runValidate(.delete(old), &proposed, old.cimClass, namespace)
            if let kept = proposed {
                // The hook keeps the object in a new state instead (ConfigMgr marks a distribution point
                // DELETED and removes it later): store that state, keys unchanged.
                guard InstanceKey(kept) == InstanceKey(old) else {
                    throw CIMError(.invalidOperation, "A hook tried to change the key of \(old.path) while deleting it.")
                }
                locked {
                    _ = stores[ns]!.tables[old.className]!.replace(kept)
                    record(.modified(ns, old))
                }
                try runDidChange(.modify(old: old, new: kept), old.cimClass, namespace)
                if outermost { try report(.delete(old, kept: kept), namespace: namespace) }
                return
            }
            locked {
                _ = stores[ns]!.tables[old.className]!.remove(InstanceKey(old))
                record(.deleted(ns, old))
            }
            try runDidChange(.delete(old), old.cimClass, namespace)
            if outermost { try report(.delete(old, kept: nil), namespace: namespace) }
        } }
    }

    // MARK: - Transactions

    /// Runs `body` so that its changes to the repository happen all together or not at all: when it throws,
    /// every class and instance change made inside is undone before the error propagates. Nests. When the
    /// outermost level completes, its changes go to the ``store`` (if any); if that write fails, they are
    /// undone too and the store's error is thrown.
    public func performAtomically<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        undoLog.append([])
        let result: T
        do {
            result = try body()
        } catch {
            undoInnermostLevel()
            throw error
        }
        try completeInnermostLevel()
        return result
    }

    func record(_ entry: UndoEntry) {
        if !undoLog.isEmpty { undoLog[undoLog.count - 1].append(entry) }
    }

    func undo(_ entry: UndoEntry) {
        switch entry {
        case .namespaceCreated, .classAdded, .classRemoved: schemaChanged()
        default: break
        }
        switch entry {
        case .namespaceCreated(let ns):
            stores[ns] = nil
            namespaceOrder.removeAll { CIMName($0) == ns }
        case .classAdded(let ns, let name):
            stores[ns]?.remove(name)
        case .classRemoved(let ns, let cls, let extra):
            stores[ns]?.add(cls, extraIndexes: extra)
        case .created(let ns, let className, let key):
            _ = stores[ns]?.tables[className]?.remove(key)
        case .modified(let ns, let old):
            _ = stores[ns]?.tables[old.className]?.replace(old)
        case .deleted(let ns, let old):
            stores[ns]?.tables[old.className]?.insert(old)
        }
    }

    // MARK: - Hooks

    /// Registers a hook for instance changes of a class and all its subclasses.
    public func register(hook: any InstanceHook, for className: CIMName) {
        locked { hooks[className, default: []].append(hook) }
    }

    private func hooksFor(_ cls: CIMClass) -> [any InstanceHook] {
        locked { cls.lineage.reversed().flatMap { hooks[$0.name] ?? [] } }
    }

    private func runValidate(_ change: InstanceChange, _ proposed: inout CIMInstance?, _ cls: CIMClass, _ namespace: String?) throws {
        if hooksSuspended { return }
        let context = HookContext(repository: self, namespace: namespace ?? defaultNamespace)
        for hook in hooksFor(cls) {
            try hook.validate(change, proposed: &proposed, in: context)
            if let p = proposed, p.cimClass !== cls {
                throw CIMError(.invalidOperation, "A hook changed the class of \(cls.name) instance to \(p.className).")
            }
        }
    }

    private func runDidChange(_ change: InstanceChange, _ cls: CIMClass, _ namespace: String?) throws {
        if hooksSuspended { return }
        let context = HookContext(repository: self, namespace: namespace ?? defaultNamespace)
        for hook in hooksFor(cls) { try hook.didChange(change, in: context) }
    }

    // MARK: - Providers

    /// Registers the Swift implementation of a method. A provider registered on a base class serves its
    /// subclasses too, unless a subclass has its own.
    public func register(_ provider: any MethodProvider, for method: CIMName, of className: CIMName, in namespace: String? = nil) {
        locked { providers[ProviderKey(namespace: CIMName(ObjectPath.normalizeNamespace(namespace ?? defaultNamespace)), className: className, method: method)] = provider }
    }

    /// Registers a closure as the implementation of a method.
    public func register(method: CIMName, of className: CIMName, in namespace: String? = nil,
                         _ body: @escaping @Sendable (MethodInvocation) throws -> MethodResult) {
        register(ClosureMethodProvider(body), for: method, of: className, in: namespace)
    }

    func provider(for method: CIMName, of cls: CIMClass, ns: CIMName) -> (any MethodProvider)? {
        locked {
            for c in cls.lineage {
                if let p = providers[ProviderKey(namespace: ns, className: c.name, method: method)] { return p }
            }
            return nil
        }
    }

    // MARK: - Internals shared with the method dispatcher

    func resolveNamespace(_ namespace: String?) throws(CIMError) -> CIMName {
        try locked { () throws(CIMError) in try nsKey(namespace) }
    }

    private func checkRegistered(_ cls: CIMClass, _ ns: CIMName) throws(CIMError) {
        guard let registered = stores[ns]!.classes[cls.name], registered === cls else { throw notRegistered(cls) }
    }

    /// A class object that is not the namespace's class of its name (a plan or instance made before the schema
    /// changed, or from another repository).
    private func notRegistered(_ cls: CIMClass) -> CIMError {
        CIMError(.invalidClass, "Class \(cls.name) is not defined in this namespace.")
    }

    func classForPath(_ path: ObjectPath, _ ns: CIMName) throws(CIMError) -> CIMClass {
        guard let cls = stores[ns]!.classes[path.className] else {
            throw CIMError(.invalidClass, "Class \(path.className) does not exist.")
        }
        return cls
    }

    private func keyRoot(of cls: CIMClass) -> CIMClass {
        guard let first = cls.keyProperties.first else { return cls }
        return cls.lineage.first { $0.name == first.classOrigin } ?? cls
    }

    private func checkKeys(_ instance: CIMInstance) throws(CIMError) {
        let cls = instance.cimClass
        if cls.keySlots.isEmpty && !cls.isSingleton {
            throw CIMError(.noKey, "Class \(cls.name) has no key properties, so its instances cannot be stored.")
        }
        for slot in cls.keySlots where instance[slot: slot].isNull {
            throw CIMError(.illegalNull, "Key property \(cls.name).\(cls.properties[slot].name) must have a value.")
        }
    }

    /// Matches a path's key bindings to the class's keys: every key given once, no others.
    func instanceKey(for path: ObjectPath, of cls: CIMClass) throws(CIMError) -> InstanceKey {
        if path.isSingleton {
            guard cls.isSingleton else { throw CIMError(.invalidObjectPath, "Class \(cls.name) is not a singleton; '\(path)' needs key values.") }
            return .composite([])
        }
        let keyProps = cls.keyProperties
        guard !keyProps.isEmpty else {
            throw CIMError(.invalidObjectPath, "Class \(cls.name) has no keys, so '\(path)' cannot name an instance.")
        }
        if path.keys.count == 1, path.keys[0].name == nil {
            guard keyProps.count == 1 else {
                throw CIMError(.invalidObjectPath, "Class \(cls.name) has \(keyProps.count) keys (\(keyProps.map(\.name.string).joined(separator: ", "))); name each one.")
            }
            return .single(FoldedValue(try convertKey(path.keys[0].value, keyProps[0], cls)))
        }
        for binding in path.keys {
            guard let name = binding.name, keyProps.contains(where: { $0.name == name }) else {
                throw CIMError(.invalidObjectPath, "'\(binding.name?.string ?? "?")' is not a key of \(cls.name); its keys are \(keyProps.map(\.name.string).joined(separator: ", ")).")
            }
        }
        var values: [CIMValue] = []
        for prop in keyProps {
            guard let v = path[key: prop.name] else {
                throw CIMError(.invalidObjectPath, "The path '\(path)' lacks key \(prop.name) of \(cls.name).")
            }
            values.append(try convertKey(v, prop, cls))
        }
        return InstanceKey(values: values)
    }

    private func convertKey(_ value: CIMValue, _ prop: CIMProperty, _ cls: CIMClass) throws(CIMError) -> CIMValue {
        do { return try value.converted(to: prop.type) } catch {
            throw CIMError(.invalidObjectPath, "Key \(cls.name).\(prop.name): \(error.message)")
        }
    }
}

private struct ProviderKey: Hashable {
    let namespace: CIMName
    let className: CIMName
    let method: CIMName
}

enum UndoEntry {
    case namespaceCreated(CIMName)
    case classAdded(CIMName, CIMName)
    case classRemoved(CIMName, CIMClass, extraIndexes: Set<CIMName>)
    case created(CIMName, CIMName, InstanceKey)
    case modified(CIMName, CIMInstance)
    case deleted(CIMName, CIMInstance)
}
