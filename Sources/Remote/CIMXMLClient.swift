// CIMXMLClient: a remote site over CIM-XML (DSP0200) — any WBEM server, or another `cmsh serve` — as an
// ObjectModel. The schema is fetched once (EnumerateClasses) into a local repository; instances come by the
// classic operations, whole WQL statements go to ExecQuery, methods are METHODCALLs. A server has no
// transactions to offer here: each change stands on its own, as it does for a WMI client.
import CIM
import CIMXML
import Foundation

public final class CIMXMLClient: ObjectModel, @unchecked Sendable {
    /// `root\sms\site_S01`.
    public let defaultNamespace: String
    /// `https://host:port/cimom`.
    public let endpoint: String
    /// The host, for the prompt and messages.
    public let host: String
    let transport: HTTPTransport
    /// The remote classes, compiled locally.
    let schema: CIMRepository
    private var messageID = 1000
    /// CIM-XML answers in one reply, so there is no progress to show between pages.
    public var progress: ((Int) -> Void)?

    /// Connects: fetches the namespace's classes (one request) and checks the credentials with it.
    /// `url` is `cimxml+https://HOST[:PORT]/root/sms/site_S01` (or `cimxml+http://` on loopback).
    public init(url: String, options: RemoteOptions) throws(CIMError) {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), scheme.hasPrefix("cimxml+"),
              let host = parts.host, !host.isEmpty else {
            throw CIMError(.invalidParameter, "\(url) is not a CIM-XML URL: write cimxml+https://HOST[:PORT]/root/sms/site_S01")
        }
        let transportScheme = String(scheme.dropFirst("cimxml+".count))
        guard transportScheme == "https" || transportScheme == "http" else { throw CIMError(.invalidParameter, "\(url): the scheme is cimxml+https or cimxml+http") }
        if transportScheme == "http", !RemoteOptions.isLoopback(host) {
            throw CIMError(.accessDenied, "cimxml+http is for loopback addresses only; use cimxml+https for \(host)")
        }
        let path = parts.path.split(separator: "/").map(String.init)
        guard !path.isEmpty else { throw CIMError(.invalidNamespace, "\(url) names no namespace; add it: …/root/sms/site_S01") }
        self.host = host
        defaultNamespace = path.joined(separator: "\\")
        endpoint = "\(transportScheme)://\(parts.percentEncodedHost ?? host)\(parts.port.map { ":\($0)" } ?? "")/cimom"
        transport = try HTTPTransport(options: options)
        try transport.pinIfAsked(endpoint)
        schema = CIMRepository(defaultNamespace: defaultNamespace)
        let classes = try call("EnumerateClasses", params: [("DeepInheritance", "<VALUE>TRUE</VALUE>"), ("LocalOnly", "<VALUE>FALSE</VALUE>"),
                                                          ("IncludeQualifiers", "<VALUE>TRUE</VALUE>")])
        let mof = RemoteSchema.mof(classes.children("CLASS"))
        do { _ = try MOFCompiler.compile(mof, fileName: "<\(host) schema>", into: schema) } catch {
            throw CIMError(.failed, "the classes \(host) sent do not compile: \(error.description)")
        }
    }

    /// A client on a schema already at hand, that has not talked to any server (the fuzz target's).
    init(schema: CIMRepository, host: String = "127.0.0.1") throws(CIMError) {
        self.schema = schema
        self.host = host
        defaultNamespace = schema.defaultNamespace
        endpoint = "https://\(host)/cimom"
        transport = try HTTPTransport(options: RemoteOptions())
    }

    public var location: String { "CIM-XML at \(endpoint), namespace \(defaultNamespace)" }
    public var namespaces: [String] { [defaultNamespace] }
    public func hasNamespace(_ name: String) -> Bool { name.equalsIgnoringCase(defaultNamespace) }

    /// Polled while a request is in flight; true aborts it with WBEM_E_CALL_CANCELLED. A host wires its
    /// cancellation here: `client.isInterrupted = { engine.cancellation.isCancelled }`.
    public var isInterrupted: @Sendable () -> Bool {
        get { transport.isInterrupted }
        set { transport.isInterrupted = newValue }
    }

    // MARK: - Classes (local, from the fetched schema)

    public func cimClass(named name: CIMName, namespace: String?) -> CIMClass? { schema.cimClass(named: name) }
    public func classes(namespace: String?) -> [CIMClass] { schema.classes() }
    public func subclasses(of name: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> [CIMClass] {
        try schema.subclasses(of: name, deep: deep)
    }

    // MARK: - Instances

    public func instance(at path: ObjectPath, namespace: String?) throws(CIMError) -> CIMInstance {
        let reply = try call("GetInstance", params: [("InstanceName", CIMXMLWriter.instanceName(path)), ("LocalOnly", "<VALUE>FALSE</VALUE>")])
        guard let element = reply.child("INSTANCE") else { throw CIMError(.failed, "\(host) answered GetInstance without an instance") }
        return try readInstance(element)
    }

    public func instances(of className: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> [CIMInstance] {
        let reply = try call("EnumerateInstances", params: [("ClassName", "<CLASSNAME NAME=\"\(xmlEscaped(className.string))\"/>"),
                                                          ("DeepInheritance", "<VALUE>\(deep ? "TRUE" : "FALSE")</VALUE>"),
                                                          ("LocalOnly", "<VALUE>FALSE</VALUE>")])
        return try instances(from: reply)
    }

    /// EnumerateInstances' IRETURNVALUE as instances.
    func instances(from reply: XMLElement) throws(CIMError) -> [CIMInstance] {
        var out: [CIMInstance] = []
        for named in reply.children("VALUE.NAMEDINSTANCE") {
            if let element = named.child("INSTANCE") { out.append(try readInstance(element)) }
        }
        return out
    }

    public func forEachInstance(of className: CIMName, deep: Bool, namespace: String?, _ body: (CIMInstance) throws -> Bool) throws {
        for instance in try instances(of: className, deep: deep, namespace: namespace) { if try !body(instance) { return } }
    }

    /// An equality the server evaluates: ExecQuery with the one condition (a key lookup becomes GetInstance).
    public func instances(of cls: CIMClass, whereSlot slot: Int, equals value: CIMValue, deep: Bool, namespace: String?) throws(CIMError) -> [CIMInstance] {
        let property = cls.properties[slot]
        if cls.keyProperties.count == 1, property.isKey {
            do { return [try instance(at: ObjectPath(className: cls.name, keys: [.init(property.name, value)]), namespace: namespace)] } catch {
                if error.status == .notFound { return [] }
                throw error
            }
        }
        let rows = try executeQuery("select * from \(cls.name) where \(property.name) = \(value.literal)", namespace: namespace)
        return rows.compactMap { if case .instance(let i) = $0 { i } else { nil } }
    }

    /// Keys are looked up on the server; other equalities too, so the planner sends them there.
    public func isIndexed(slot: Int, of cls: CIMClass, namespace: String?) -> Bool { true }

    public func count(of className: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> Int {
        try call("EnumerateInstanceNames", params: [("ClassName", "<CLASSNAME NAME=\"\(xmlEscaped(className.string))\"/>")]).children("INSTANCENAME").count
    }

    // MARK: - Changes

    @discardableResult
    public func createInstance(_ instance: CIMInstance, namespace: String?) throws -> ObjectPath {
        let reply = try call("CreateInstance", params: [("NewInstance", CIMXMLWriter.instance(instance, only: setProperties(instance)))])
        guard let name = reply.child("INSTANCENAME") else { return instance.path }
        return try CIMXMLWriter.path(name, schema.cimClass(named: instance.className))
    }

    public func modifyInstance(_ instance: CIMInstance, namespace: String?) throws {
        let named = "<VALUE.NAMEDINSTANCE>\(CIMXMLWriter.instanceName(instance.path))\(CIMXMLWriter.instance(instance))</VALUE.NAMEDINSTANCE>"
        _ = try call("ModifyInstance", params: [("ModifiedInstance", named)])
    }

    public func deleteInstance(at path: ObjectPath, namespace: String?) throws {
        _ = try call("DeleteInstance", params: [("InstanceName", CIMXMLWriter.instanceName(path))])
    }

    public func invokeMethod(_ methodName: CIMName, on target: ObjectPath, arguments: [(CIMName, CIMValue)], namespace: String?) throws -> MethodResult {
        let cls = try schema.requireClass(target.className)
        guard let method = cls.method(named: methodName) else { throw CIMError(.invalidMethod, "Class \(cls.name) has no method \(methodName).") }
        var params = ""
        for (name, value) in arguments {
            guard let p = method.inParameters.first(where: { $0.name == name }) else {
                throw CIMError(.invalidParameter, "\(cls.name).\(method.name) has no [in] parameter '\(name)'")
            }
            let typed = p.type.isArray && value.type?.isArray != true && !value.isNull ? CIMValue.array(CIMArray(elementType: p.type.scalar, [value])) : value
            params += "<PARAMVALUE NAME=\"\(xmlEscaped(p.name.string))\" PARAMTYPE=\"\(CIMXMLWriter.typeName(p.type.scalar))\">\(CIMXMLWriter.value(try typed.converted(to: p.type)))</PARAMVALUE>"
        }
        let path = target.isClassPath
            ? "<LOCALCLASSPATH>\(CIMXMLWriter.localNamespacePath(defaultNamespace))<CLASSNAME NAME=\"\(xmlEscaped(cls.name.string))\"/></LOCALCLASSPATH>"
            : "<LOCALINSTANCEPATH>\(CIMXMLWriter.localNamespacePath(defaultNamespace))\(CIMXMLWriter.instanceName(target))</LOCALINSTANCEPATH>"
        let response: XMLElement
        do {
            response = try exchange(method.name.string, body: "<METHODCALL NAME=\"\(xmlEscaped(method.name.string))\">\(path)\(params)</METHODCALL>", intrinsic: false)
        } catch {
            // A WBEM server raises a ReturnValue that is a WMI status as the call's error (cmsh serve does, as
            // the SMS Provider does); it is the method's result, which the interpreter reports itself.
            if let result = MethodResult(raisedBy: error, cls.name, method.name) { return result }
            throw error
        }
        let returnValue = try CIMXMLWriter.read(response.child("RETURNVALUE")?.child("VALUE"), as: method.returnType ?? CIMType(.sint32))
        var out: [(name: CIMName, value: CIMValue)] = []
        for p in response.children("PARAMVALUE") {
            guard let name = p["NAME"], let declared = method.parameters.first(where: { $0.name == CIMName(name) }) else { continue }
            out.append((declared.name, try CIMXMLWriter.read(p.child("VALUE") ?? p.child("VALUE.ARRAY") ?? p.child("VALUE.REFERENCE"), as: declared.type, classes: classLookup)))
        }
        return MethodResult(returnValue: returnValue, outParameters: out)
    }

    // MARK: - Transactions: none on the wire

    @discardableResult
    public func performAtomically<T>(_ body: () throws -> T) throws -> T { try body() }
    public func beginTransaction() {}
    public func commitTransaction() throws {
        throw CIMError(.notSupported, "a CIM-XML server has no transactions: each change was made as it ran")
    }
    public func rollbackTransaction() throws(CIMError) {
        throw CIMError(.notSupported, "a CIM-XML server has no transactions: the changes made so far stay")
    }

    // MARK: - Queries on the server

    public var queryCapabilities: QueryCapabilities { [.wql] }

    public func executeQuery(_ wql: String, namespace: String?) throws(CIMError) -> [QueryRow] {
        try rows(from: try call("ExecQuery", params: [("QueryLanguage", "<VALUE>WQL</VALUE>"), ("Query", "<VALUE>\(xmlEscaped(wql))</VALUE>")]))
    }

    /// ExecQuery's IRETURNVALUE as rows: instances, or a join's __GENERIC columns.
    func rows(from reply: XMLElement) throws(CIMError) -> [QueryRow] {
        var rows: [QueryRow] = []
        for object in reply.children where object.name == "VALUE.OBJECTWITHPATH" || object.name == "VALUE.OBJECT" {
            guard let element = object.child("INSTANCE") else { continue }
            if element["CLASSNAME"] == "__GENERIC" {
                rows.append(.values(element.children.filter { $0.name.hasPrefix("PROPERTY") }.map { p in
                    let type = CIMScalarType(name: p["TYPE"] ?? "string") ?? .string
                    let value = (try? CIMXMLWriter.read(p.child("VALUE") ?? p.child("VALUE.ARRAY"), as: CIMType(type, isArray: p.name == "PROPERTY.ARRAY"))) ?? .null
                    return (name: p["NAME"] ?? "", value: value)
                }))
            } else {
                rows.append(.instance(try readInstance(element)))
            }
        }
        return rows
    }

    // MARK: - The wire

    /// The properties a create sends: those given a value (the provider fills in the rest, keys included).
    private func setProperties(_ i: CIMInstance) -> Set<String> {
        Set(i.cimClass.properties.enumerated().filter { !i[slot: $0.offset].isNull }.map { $0.element.name.string.lowercased() })
    }

    /// An INSTANCE element as an instance of the local copy of its class (embedded objects included).
    func readInstance(_ element: XMLElement) throws(CIMError) -> CIMInstance {
        guard let className = element["CLASSNAME"], schema.cimClass(named: CIMName(className)) != nil else {
            throw CIMError(.invalidClass, "\(host) sent an instance of \(element["CLASSNAME"] ?? "no class"), which its schema does not declare")
        }
        return try CIMXMLWriter.readInstance(element, classes: classLookup)
    }

    private var classLookup: CIMXMLWriter.ClassLookup {
        let schema = self.schema
        return { schema.cimClass(named: $0) }
    }

    /// An intrinsic method call: its IRETURNVALUE (empty for operations that return nothing).
    private func call(_ name: String, params: [(String, String)]) throws(CIMError) -> XMLElement {
        let body = "<IMETHODCALL NAME=\"\(name)\">\(CIMXMLWriter.localNamespacePath(defaultNamespace))"
            + params.map { "<IPARAMVALUE NAME=\"\($0.0)\">\($0.1)</IPARAMVALUE>" }.joined() + "</IMETHODCALL>"
        let response = try exchange(name, body: body, intrinsic: true)
        return response.child("IRETURNVALUE") ?? XMLElement(name: "IRETURNVALUE", attributes: [:])
    }

    /// The operations that only read, which may be sent again after a broken connection.
    static let reads: Set<String> = ["GetClass", "EnumerateClasses", "EnumerateClassNames", "GetInstance", "EnumerateInstances",
                                     "EnumerateInstanceNames", "ExecQuery", "Associators", "AssociatorNames", "References", "ReferenceNames"]

    /// Sends one operation and returns its IMETHODRESPONSE / METHODRESPONSE, or throws its error.
    private func exchange(_ name: String, body: String, intrinsic: Bool) throws(CIMError) -> XMLElement {
        messageID += 1
        let document = #"<?xml version="1.0" encoding="utf-8" ?>"# + "\n"
            + #"<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="\#(messageID)" PROTOCOLVERSION="1.0"><SIMPLEREQ>"#
            + body + "</SIMPLEREQ></MESSAGE></CIM>"
        let objectHeader = defaultNamespace.replacingOccurrences(of: "\\", with: "/")
        let reply = try transport.send("POST", endpoint, headers: [
            #"Content-Type: application/xml; charset="utf-8""#, "CIMOperation: MethodCall", "CIMMethod: \(name)",
            "CIMObject: \(objectHeader)", "Expect:",
        ], body: Data(document.utf8), idempotent: Self.reads.contains(name))
        switch reply.status {
        case 200: break
        case 401: throw transport.unauthorized(host)
        case 403: throw CIMError(.accessDenied, "\(host) does not let this user do that (HTTP 403)")
        default:
            throw CIMError(.failed, "\(host) answered HTTP \(reply.status)" + (reply.headers["cimerror"].map { " (CIMError: \($0))" } ?? ""))
        }
        return try decode(reply.body, name, intrinsic: intrinsic)
    }

    /// A response body's IMETHODRESPONSE / METHODRESPONSE, or its ERROR as a CIM error. Whatever the server
    /// sent — not XML, not CIM-XML, hostile — this answers or throws, never traps (the FuzzCIMXMLReply target).
    func decode(_ body: Data, _ name: String, intrinsic: Bool) throws(CIMError) -> XMLElement {
        guard case .success(let root) = XMLElement.parse(body), root.name == "CIM",
              let response = root.child("MESSAGE")?.child("SIMPLERSP")?.child(intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE") else {
            throw CIMError(.failed, "\(host) answered \(name) with something that is not a CIM-XML response")
        }
        if let error = response.child("ERROR") {
            let code = Int(error["CODE"] ?? "") ?? 1
            throw CIMError(CIMXMLStatus.status(for: code), error["DESCRIPTION"].map { Self.sentence($0) } ?? "CIM error \(code)")
        }
        return response
    }

    /// A cmsh server's description starts with the WMI status name; the sentence is what follows.
    static func sentence(_ description: String) -> String {
        guard description.hasPrefix("WBEM_E_"), let colon = description.range(of: ": ") else { return description }
        return String(description[colon.upperBound...])
    }
}

extension RemoteAuthentication {
    var name: String {
        switch self {
        case .negotiate: "negotiate"
        case .kerberos: "kerberos"
        case .ntlm: "ntlm"
        case .basic: "basic"
        case .bearer: "a bearer token"
        case .none: "none"
        }
    }
}
