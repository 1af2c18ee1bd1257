// SiteHost: the served site — one engine, owned by an actor so requests reach it one at a time (the
// repository's transactions are per repository, so writers must not interleave). Each operation is the
// AdminService's: a query, an instance by key, create, modify, delete, a method.
import CIM
import CIMXML
import CMShell
import Foundation

actor SiteHost {
    let engine: Engine
    /// The namespace served, `root\sms\site_S01`.
    let namespace: String
    /// Per-request limits, applied to the queries a request runs.
    private let limits: EngineLimits
    /// The most rows one response may carry; nil for no limit.
    let maxRows: Int?

    init(makeEngine: @Sendable () throws -> Engine, limits: EngineLimits, maxRows: Int? = nil) throws {
        let engine = try makeEngine()
        self.engine = engine
        self.namespace = engine.namespace
        self.limits = limits
        self.maxRows = maxRows
        engine.limits = limits
    }

    /// A response of `count` rows is refused past --max-rows: the client narrows or pages its request.
    func checkRows(_ count: Int) throws(ODataError) {
        guard let maxRows, count > maxRows else { return }
        throw ODataError(.badRequest, .quotaViolation, "the result has \(count) rows, more than this server's --max-rows \(maxRows) for one response; narrow it with $filter (a WHERE clause) or page with $top and $skip")
    }

    var repository: CIMRepository { engine.repository }

    /// Classes by name, for embedded objects in request bodies.
    private var classLookup: ODataJSON.ClassLookup {
        let repository = engine.repository
        return { repository.cimClass(named: CIMName($0)) }
    }

    /// The classes a client may name (entity sets), sorted.
    func classes() -> [CIMClass] {
        engine.repository.classes(namespace: namespace).sorted { $0.name.string < $1.name.string }
    }

    func metadata(baseURL: String) -> String { CSDL.document(classes()) }

    func requireClass(_ name: String) throws(ODataError) -> CIMClass {
        guard let cls = engine.cimClass(named: name) else {
            throw ODataError(.notFound, .invalidClass, "class \(name) does not exist in \(namespace)")
        }
        return cls
    }

    /// Lets the simulated site move distributions along, as the engine does before each statement.
    func tick() { engine.site?.tick() }

    // MARK: - Reading

    /// A GET on an entity set: the rows its options select, and the count before $top/$skip when asked.
    /// A GET on an entity set: the rows its options select (at most `pageSize` of them; `more` says whether
    /// rows are left for the next page), and the count before $top/$skip when asked.
    func query(_ className: String, _ options: ODataOptions, pageSize: Int? = nil) throws(ODataError)
        -> (cls: CIMClass, rows: [JSONValue], count: Int?, more: Bool) {
        tick()
        let cls = try requireClass(className)
        let wql = try options.wql(for: cls)
        let value: Value
        do { value = try engine.evaluate(wql) } catch {
            let e = error as? CMShellError
            throw ODataError(e?.status ?? .failed, e?.message ?? "\(error)")
        }
        guard case .rows(let result) = value else { return (cls, [], options.count ? 0 : nil, false) }
        let all = result.rows
        let skipped = all.dropFirst(min(options.skip, all.count))
        let wanted = options.top.map { Array(skipped.prefix($0)) } ?? Array(skipped)
        let page = pageSize.map { Array(wanted.prefix($0)) } ?? wanted
        try checkRows(page.count)
        return (cls, page.map { Self.json($0, of: cls) }, options.count ? all.count : nil, page.count < wanted.count)
    }

    /// A row as JSON; an instance of a subclass says its class, as OData marks a derived type.
    static func json(_ row: Value, of cls: CIMClass) -> JSONValue {
        switch row {
        case .instance(let i) where i.className != cls.name:
            guard case .object(let members) = ODataJSON.entity(i) else { return .null }
            return .object([("@odata.type", .string("#\(CSDL.namespace).\(i.className)"))] + members)
        case .instance(let i): return ODataJSON.entity(i)
        case .record(let r): return .object(r.fields.map { ($0.name, ODataJSON.value($0.value.cimValue ?? .null)) })
        default: return .null
        }
    }

    func instance(_ className: String, _ keys: [WMIResource.KeyPart]) throws(ODataError) -> (CIMClass, CIMInstance) {
        tick()
        let cls = try requireClass(className)
        let path = try self.path(cls, keys)
        do { return (cls, try engine.repository.instance(at: path, namespace: namespace)) } catch {
            throw ODataError(.notFound, .notFound, "No instance \(path) exists.")
        }
    }

    /// The object path a key in the URL names: one value for a class with one key, else every key by name.
    func path(_ cls: CIMClass, _ keys: [WMIResource.KeyPart]) throws(ODataError) -> ObjectPath {
        let declared = cls.keyProperties
        var bindings: [ObjectPath.KeyBinding] = []
        if keys.count == 1, keys[0].name == nil {
            guard declared.count == 1 else {
                throw ODataError(.badRequest, .invalidObjectPath, "\(cls.name) has \(declared.count) keys (\(declared.map(\.name.string).joined(separator: ", "))): name each, as \(cls.name)(\(declared.map { "\($0.name)='…'" }.joined(separator: ",")))")
            }
            bindings.append(.init(declared[0].name, try Self.keyValue(keys[0].value, declared[0])))
        } else {
            for key in keys {
                guard let name = key.name, let p = declared.first(where: { $0.name == CIMName(name) }) else {
                    throw ODataError(.badRequest, .invalidObjectPath, "'\(key.name ?? "?")' is not a key of \(cls.name); its keys are \(declared.map(\.name.string).joined(separator: ", "))")
                }
                bindings.append(.init(p.name, try Self.keyValue(key.value, p)))
            }
        }
        return ObjectPath(className: cls.name, keys: bindings)
    }

    static func keyValue(_ value: CIMValue, _ property: CIMProperty) throws(ODataError) -> CIMValue {
        do { return try value.converted(to: property.type) } catch {
            throw ODataError(.badRequest, .invalidObjectPath, "key \(property.name) must be a \(property.type): \(error.message)")
        }
    }

    // MARK: - Changes

    /// The authenticated user of the request being served (nil when serving without a users file).
    @TaskLocal static var requestUser: String?
    /// Who changes are audited as when a request has no user: the user running `cmsh serve`.
    private lazy var serverUser = engine.site?.userName ?? ""

    func atomically<T>(_ body: () throws -> T) throws(ODataError) -> T {
        tick()
        // The site audits each change (SMS Provider 30000-series messages) as the request's user.
        engine.site?.userName = Self.requestUser ?? serverUser
        do { return try engine.repository.performAtomically(body) } catch let e as ODataError { throw e } catch let e as CIMError {
            throw ODataError(e.status, e.message)
        } catch {
            throw ODataError(.internalError, .failed, "\(error)")
        }
    }

    private func set(_ body: [String: JSONNode], on instance: inout CIMInstance, replacing: Bool) throws(ODataError) {
        let cls = instance.cimClass
        for (name, json) in body where !name.hasPrefix("@odata.") {
            guard let p = cls.property(named: CIMName(name)) else {
                throw ODataError(.badRequest, .invalidProperty, "class \(cls.name) has no property '\(name)'")
            }
            let value = try ODataJSON.cimValue(json, as: p.type, p.name.string, classes: classLookup)
            do { try instance.set(p.name, value) } catch { throw ODataError(error.status, error.message) }
        }
        if replacing {
            for p in cls.properties where !p.isKey && body[p.name.string] == nil && !body.keys.contains(where: { $0.equalsIgnoringCase(p.name.string) }) {
                try? instance.set(p.name, .null)
            }
        }
    }

    func create(_ className: String, _ body: [String: JSONNode]) throws(ODataError) -> (CIMClass, CIMInstance) {
        let cls = try requireClass(className)
        var instance = CIMInstance(of: cls)
        try set(body, on: &instance, replacing: false)
        let stored = instance
        let path = try atomically { try engine.repository.createInstance(stored, namespace: namespace) }
        do { return (cls, try engine.repository.instance(at: path, namespace: namespace)) } catch { return (cls, stored) }
    }

    func modify(_ className: String, _ keys: [WMIResource.KeyPart], _ body: [String: JSONNode], replacing: Bool) throws(ODataError) -> (CIMClass, CIMInstance) {
        var (cls, instance) = try self.instance(className, keys)
        for (name, json) in body {
            guard let p = instance.cimClass.property(named: CIMName(name)), p.isKey else { continue }
            if (try? ODataJSON.cimValue(json, as: p.type, name)) != instance[p.name] {
                throw ODataError(.badRequest, .readOnly, "\(instance.className).\(p.name) is a key and cannot be changed")
            }
        }
        try set(body, on: &instance, replacing: replacing)
        let changed = instance
        try atomically { try engine.repository.modifyInstance(changed, namespace: namespace) }
        return (cls, (try? engine.repository.instance(at: changed.path, namespace: namespace)) ?? changed)
    }

    func delete(_ className: String, _ keys: [WMIResource.KeyPart]) throws(ODataError) {
        let (_, instance) = try self.instance(className, keys)
        try atomically { try engine.repository.deleteInstance(at: instance.path, namespace: namespace) }
    }

    /// A static method (`keys` nil) or a method of the instance the keys name, with the [in] parameters
    /// from the JSON body. A ReturnValue that is a WMI status becomes the request's error.
    func invoke(_ className: String, _ keys: [WMIResource.KeyPart]?, _ methodName: String, _ body: [String: JSONNode]) throws(ODataError) -> JSONValue {
        let target: ObjectPath
        let cls: CIMClass
        if let keys {
            let (_, instance) = try self.instance(className, keys)
            cls = instance.cimClass
            target = instance.path
        } else {
            cls = try requireClass(className)
            target = ObjectPath(className: cls.name)
        }
        guard let method = cls.method(named: CIMName(methodName)) else {
            throw ODataError(.badRequest, .invalidMethod, "class \(cls.name) has no method \(methodName)")
        }
        var arguments: [(CIMName, CIMValue)] = []
        for (name, json) in body where !name.hasPrefix("@odata.") {
            guard let p = method.inParameters.first(where: { $0.name == CIMName(name) }) else {
                throw ODataError(.badRequest, .invalidParameter, "\(cls.name).\(method.name) has no [in] parameter '\(name)'; its parameters are \(method.inParameters.map(\.name.string).joined(separator: ", "))")
            }
            arguments.append((p.name, try ODataJSON.cimValue(json, as: p.type, p.name.string, classes: classLookup)))
        }
        let result = try atomically { try engine.repository.invokeMethod(method.name, on: target, arguments: arguments, namespace: namespace) }
        var members: [(String, JSONValue)] = [("ReturnValue", ODataJSON.value(result.returnValue))]
        for out in result.outParameters { members.append((out.name.string, ODataJSON.value(out.value))) }
        if let code = result.returnValue.integerValue, code != 0, let rv = Int32(exactly: code) {
            let status = CIMStatus(rawValue: UInt32(bitPattern: rv))
            if status.isKnown {
                throw ODataError(status, "\(cls.name).\(method.name) returned \(code)" + (result.message.map { ": " + $0 } ?? ""))
            }
        }
        if let message = result.message { members.append(("@cmsh.message", .string(message))) }
        return .object(members)
    }
}
