// AdminServiceClient: a remote site through the ConfigMgr administration service's WMI route (OData v4 JSON
// over HTTPS) — a production SMS Provider, or another `cmsh serve` — as an ObjectModel. The schema comes once
// from `$metadata`; one class's filter, projection, order and row count go over as `$filter`, `$select`,
// `$orderby` and `$top` (joins and what OData cannot say stay in cmsh); large results come page by page through
// `@odata.nextLink`. No transactions: each change stands on its own, as it does for any AdminService client.
import CIM
import CIMXML
import Foundation

public final class AdminServiceClient: ObjectModel, @unchecked Sendable {
    /// `root\sms\site_S01`: the provider's own site, found on connecting.
    public private(set) var defaultNamespace: String
    /// `https://host:port/AdminService/wmi`.
    public let endpoint: String
    /// The host, for the prompt and messages.
    public let host: String
    let transport: HTTPTransport
    let schema: CIMRepository
    /// Rows asked for per page (`Prefer: odata.maxpagesize`); the server may send fewer.
    public var pageSize = 1000
    /// Called with the rows received so far while a result takes more than a second (the CLI's progress
    /// line), and with -1 when such a result is complete.
    public var progress: ((Int) -> Void)?

    /// Connects: fetches `$metadata` (which checks the credentials too) and finds the provider's site.
    /// `url` is `https://HOST[:PORT]/AdminService` (or `http://` on loopback).
    public init(url: String, options: RemoteOptions) throws(CIMError) {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = parts.host, !host.isEmpty else {
            throw CIMError(.invalidParameter, "\(url) is not an AdminService URL: write https://HOST[:PORT]/AdminService")
        }
        if scheme == "http", !RemoteOptions.isLoopback(host) {
            throw CIMError(.accessDenied, "http is for loopback addresses only; use https for \(host)")
        }
        var path = parts.path
        while path.hasSuffix("/") { path.removeLast() }
        if path.lowercased().hasSuffix("/wmi") { path.removeLast(4) }
        guard path.lowercased().hasSuffix("/adminservice") else {
            throw CIMError(.invalidParameter, "\(url) is not an AdminService URL: its path ends in /AdminService")
        }
        self.host = host
        endpoint = "\(scheme)://\(parts.percentEncodedHost ?? host)\(parts.port.map { ":\($0)" } ?? "")\(path)/wmi"
        transport = try HTTPTransport(options: options)
        try transport.pinIfAsked(endpoint)
        defaultNamespace = "root\\sms"
        schema = CIMRepository(defaultNamespace: defaultNamespace)
        let metadata = try get(endpoint + "/$metadata", accept: "application/xml")
        guard case .success(let root) = XMLElement.parse(metadata, maxElements: 2_000_000), root.name == "Edmx" else {
            throw CIMError(.failed, "\(host) answered $metadata with something that is not an OData CSDL document")
        }
        do { _ = try MOFCompiler.compile(CSDLSchema.mof(root), fileName: "<\(host) $metadata>", into: schema) } catch {
            throw CIMError(.failed, "the classes \(host) describes do not compile: \(error.description)")
        }
        if let code = try siteCode() { defaultNamespace = "root\\sms\\site_" + code }
    }

    /// The provider's site code: SMS_ProviderLocation's local site, else the site that reports to no other.
    private func siteCode() throws(CIMError) -> String? {
        if schema.cimClass(named: "SMS_ProviderLocation") != nil {
            let rows = try instances(matching: ClassQuery(className: "SMS_ProviderLocation", filter: .compare("ProviderForLocalSite", .eq, .boolean(true))), namespace: nil)
            if let code = rows.first?["SiteCode"]?.stringValue { return code }
        }
        guard schema.cimClass(named: "SMS_Site") != nil else { return nil }
        let sites = try instances(matching: ClassQuery(className: "SMS_Site"), namespace: nil)
        let top = sites.first { ($0["ReportingSiteCode"]?.stringValue ?? "").isEmpty } ?? sites.first
        return top?["SiteCode"]?.stringValue
    }

    public var location: String { "AdminService at \(endpoint)" }
    public var namespaces: [String] { [defaultNamespace] }
    public func hasNamespace(_ name: String) -> Bool { name.equalsIgnoringCase(defaultNamespace) }

    /// Polled while a request is in flight; true aborts it with WBEM_E_CALL_CANCELLED.
    public var isInterrupted: @Sendable () -> Bool {
        get { transport.isInterrupted }
        set { transport.isInterrupted = newValue }
    }

    // MARK: - Classes (local, from $metadata)

    public func cimClass(named name: CIMName, namespace: String?) -> CIMClass? { schema.cimClass(named: name) }
    public func classes(namespace: String?) -> [CIMClass] { schema.classes() }
    public func subclasses(of name: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> [CIMClass] {
        try schema.subclasses(of: name, deep: deep)
    }

    private var classLookup: ODataValues.ClassLookup {
        let schema = self.schema
        return { schema.cimClass(named: $0) }
    }

    // MARK: - Instances

    public func instance(at path: ObjectPath, namespace: String?) throws(CIMError) -> CIMInstance {
        let cls = try schema.requireClass(path.className)
        let reply = try json(try get(instanceURL(path)), "GetInstance")
        let entity = reply["value"]?.items?.first?.members ?? reply.members
        guard let entity else { throw CIMError(.notFound, "No instance \(path) exists.") }
        return try ODataValues.instance(entity, of: cls, classes: classLookup)
    }

    public func instances(of className: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> [CIMInstance] {
        try instances(matching: ClassQuery(className: className), namespace: namespace)
    }

    /// Rows as their pages come: a visitor that stops early fetches no more pages.
    public func forEachInstance(of className: CIMName, deep: Bool, namespace: String?, _ body: (CIMInstance) throws -> Bool) throws {
        try forEach(matching: ClassQuery(className: className), body)
    }

    public func instances(of cls: CIMClass, whereSlot slot: Int, equals value: CIMValue, deep: Bool, namespace: String?) throws(CIMError) -> [CIMInstance] {
        try instances(matching: ClassQuery(className: cls.name, filter: .compare(cls.properties[slot].name, .eq, value)), namespace: namespace)
    }

    /// Every lookup is a request: the planner hashes a join's rows once instead of asking per row.
    public func isIndexed(slot: Int, of cls: CIMClass, namespace: String?) -> Bool { false }

    public func count(of className: CIMName, deep: Bool, namespace: String?) throws(CIMError) -> Int {
        let reply = try json(try get(endpoint + "/" + className.string + "?$count=true&$top=0"), "count")
        if case .integer(let n)? = reply["@odata.count"] { return Int(clamping: n) }
        return reply["value"]?.items?.count ?? 0
    }

    // MARK: - Queries on the server

    public var queryCapabilities: QueryCapabilities { [.classQuery] }

    public func executeQuery(_ wql: String, namespace: String?) throws -> [QueryRow] {
        throw CIMError(.notSupported, "the AdminService takes no WQL; cmsh evaluates the query over its rows")
    }

    public func request(for query: ClassQuery) -> String {
        let url = queryURL(query)
        return "GET " + (url.removingPercentEncoding ?? url) + " (pages of \(pageSize))"
    }

    /// One class's rows, narrowed by the server, fetched page after page.
    public func instances(matching query: ClassQuery, namespace: String?) throws(CIMError) -> [CIMInstance] {
        var out: [CIMInstance] = []
        do { try forEach(matching: query) { out.append($0); return true } } catch let e as CIMError { throw e } catch {
            throw CIMError(.failed, "\(error)")
        }
        return out
    }

    /// Visits one class's rows page by page; `body` returns false to stop (no further page is asked for).
    func forEach(matching query: ClassQuery, _ body: (CIMInstance) throws -> Bool) throws {
        let cls = try schema.requireClass(query.className)
        var count = 0
        var next: String? = queryURL(query)
        let started = ContinuousClock.now
        var pages = 0, showed = false
        defer { if showed { progress?(-1) } }
        while let url = next {
            pages += 1
            let reply = try json(try get(url, paged: true), "the rows of \(cls.name)")
            guard let rows = reply["value"]?.items else {
                throw CIMError(.failed, "\(host) answered a query on \(cls.name) without a \"value\" array")
            }
            for row in rows {
                guard let members = row.members else { throw CIMError(.failed, "\(host) sent a row of \(cls.name) that is not an object") }
                if let top = query.top, count >= top { return }
                count += 1
                if try !body(try ODataValues.instance(members, of: cls, classes: classLookup)) { return }
            }
            if let top = query.top, count >= top { return }
            next = try reply["@odata.nextLink"]?.string.map(checkedNextLink)
            // A server whose pages never end is stopped at a bound: 100,000 pages.
            guard pages < 100_000 else { throw CIMError(.quotaViolation, "\(host) sent more than 100,000 pages for \(cls.name)") }
            if next != nil, ContinuousClock.now - started > .seconds(1) { progress?(count); showed = true }
        }
    }

    /// The URL of a class query: `$filter`, `$select`, `$orderby`, `$top`, each percent-encoded.
    func queryURL(_ q: ClassQuery) -> String {
        var options: [(String, String)] = []
        if let filter = q.filter { options.append(("$filter", ODataValues.filter(filter))) }
        if let properties = q.properties, !properties.isEmpty { options.append(("$select", properties.map(\.string).joined(separator: ","))) }
        if !q.orderBy.isEmpty { options.append(("$orderby", q.orderBy.map { $0.property.string + ($0.ascending ? "" : " desc") }.joined(separator: ","))) }
        if let top = q.top { options.append(("$top", String(top))) }
        let query = options.map { $0.0 + "=" + Self.queryEncoded($0.1) }.joined(separator: "&")
        return endpoint + "/" + q.className.string + (query.isEmpty ? "" : "?" + query)
    }

    /// A next page must come from the same service: a link elsewhere would take the credentials with it.
    private func checkedNextLink(_ link: String) throws(CIMError) -> String {
        guard link.lowercased().hasPrefix(endpoint.lowercased() + "/") else {
            throw CIMError(.accessDenied, "\(host) sent a next-page link outside \(endpoint); not followed")
        }
        return link
    }

    /// A query option's value: what would end or split it (`&`, `=`, `+`, `#`, spaces) percent-encoded.
    static func queryEncoded(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))) ?? s
    }

    /// A key in the path: everything but unreserved characters percent-encoded.
    static func encoded(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }

    /// `…/wmi/SMS_Package('S0100003')`, or every key by name for a class with several.
    func instanceURL(_ path: ObjectPath) -> String {
        let keys = path.keys.count == 1 ? ODataValues.literal(path.keys[0].value)
            : path.keys.map { "\($0.name?.string ?? "")=\(ODataValues.literal($0.value))" }.joined(separator: ",")
        return endpoint + "/" + path.className.string + "(" + Self.encoded(keys) + ")"
    }

    // MARK: - Changes

    @discardableResult
    public func createInstance(_ instance: CIMInstance, namespace: String?) throws -> ObjectPath {
        let reply = try json(try send("POST", endpoint + "/" + instance.className.string, body: ODataValues.object(instance, tagged: false)), "create")
        guard let members = reply.members, let cls = schema.cimClass(named: instance.className) else { return instance.path }
        return try ODataValues.instance(members, of: cls, classes: classLookup).path
    }

    public func modifyInstance(_ instance: CIMInstance, namespace: String?) throws {
        // Every property the class has, nulls too: the server's copy becomes this one, as WMI's Put_ does.
        let members = instance.cimClass.properties.enumerated().filter { !$0.element.isKey }.map {
            ODataValues.quoted($0.element.name.string) + ":" + ODataValues.json(instance[slot: $0.offset])
        }
        _ = try send("PATCH", instanceURL(instance.path), body: "{" + members.joined(separator: ",") + "}")
    }

    public func deleteInstance(at path: ObjectPath, namespace: String?) throws {
        _ = try send("DELETE", instanceURL(path), body: nil)
    }

    public func invokeMethod(_ methodName: CIMName, on target: ObjectPath, arguments: [(CIMName, CIMValue)], namespace: String?) throws -> MethodResult {
        let cls = try schema.requireClass(target.className)
        guard let method = cls.method(named: methodName) else { throw CIMError(.invalidMethod, "Class \(cls.name) has no method \(methodName).") }
        var members: [String] = []
        for (name, value) in arguments {
            guard let p = method.inParameters.first(where: { $0.name == name }) else {
                throw CIMError(.invalidParameter, "\(cls.name).\(method.name) has no [in] parameter '\(name)'")
            }
            let typed = p.type.isArray && value.type?.isArray != true && !value.isNull ? CIMValue.array(CIMArray(elementType: p.type.scalar, [value])) : value
            members.append(ODataValues.quoted(p.name.string) + ":" + ODataValues.json(try typed.converted(to: p.type)))
        }
        let url = target.isClassPath ? endpoint + "/" + cls.name.string + "." + method.name.string
            : instanceURL(target) + "/AdminService." + method.name.string
        let reply: JSONNode
        do { reply = try json(try send("POST", url, body: "{" + members.joined(separator: ",") + "}"), "\(cls.name).\(method.name)") } catch {
            // A ReturnValue that is a WMI status comes back as the request's error (as the SMS Provider raises
            // it); it is the method's result, which the interpreter reports itself.
            if let result = MethodResult(raisedBy: error, cls.name, method.name) { return result }
            throw error
        }
        guard let object = reply.members else { throw CIMError(.failed, "\(host) answered \(cls.name).\(method.name) without a JSON object") }
        let returnValue = try object["ReturnValue"].map { try ODataValues.cimValue($0, as: method.returnType ?? CIMType(.sint32), "ReturnValue", classes: classLookup) } ?? .sint32(0)
        var out: [(name: CIMName, value: CIMValue)] = []
        for p in method.outParameters {
            guard let json = object[p.name.string] else { continue }
            out.append((p.name, try ODataValues.cimValue(json, as: p.type, "\(method.name).\(p.name)", classes: classLookup)))
        }
        return MethodResult(returnValue: returnValue, outParameters: out, message: object["@cmsh.message"]?.string)
    }

    // MARK: - Transactions: none on the wire

    @discardableResult
    public func performAtomically<T>(_ body: () throws -> T) throws -> T { try body() }
    public func beginTransaction() {}
    public func commitTransaction() throws {
        throw CIMError(.notSupported, "the AdminService has no transactions: each change was made as it ran")
    }
    public func rollbackTransaction() throws(CIMError) {
        throw CIMError(.notSupported, "the AdminService has no transactions: the changes made so far stay")
    }

    // MARK: - The wire

    private func get(_ url: String, accept: String = "application/json", paged: Bool = false) throws(CIMError) -> Data {
        var headers = ["Accept: \(accept)"]
        if paged { headers.append("Prefer: odata.maxpagesize=\(pageSize)") }
        let reply = try transport.send("GET", url, headers: headers, idempotent: true)
        try check(reply)
        return reply.body
    }

    private func send(_ method: String, _ url: String, body: String?) throws(CIMError) -> Data {
        let reply = try transport.send(method, url, headers: ["Accept: application/json", "Content-Type: application/json", "Expect:"],
                                       body: body.map { Data($0.utf8) })
        try check(reply)
        return reply.body
    }

    private func json(_ data: Data, _ what: String) throws(CIMError) -> JSONNode {
        if data.isEmpty { return .object([:]) }
        guard let node = JSONNode.parse(data) else { throw CIMError(.failed, "\(host) answered \(what) with something that is not JSON") }
        return node
    }

    /// A non-2xx reply as the WMI status its OData error body names (`"code": "WBEM_E_NOT_FOUND"`), else by
    /// its HTTP status.
    private func check(_ reply: HTTPReply) throws(CIMError) {
        guard !(200..<300).contains(reply.status) else { return }
        if reply.status == 401 { throw transport.unauthorized(host) }
        let error = JSONNode.parse(reply.body)?["error"]
        let message = error?["message"]?.string
        let status = error?["code"]?.string.flatMap(CIMStatus.init(name:)) ?? HTTPTransport.status(forHTTP: reply.status)
        throw CIMError(status, message.map { CIMXMLClient.sentence($0) } ?? "\(host) answered HTTP \(reply.status)")
    }
}

extension MethodResult {
    /// The result a server raised as the call's error: `Class.Method returned N: sentence`, N a WMI status.
    init?(raisedBy error: CIMError, _ cls: CIMName, _ method: CIMName) {
        let prefix = "\(cls).\(method) returned "
        guard error.message.hasPrefix(prefix) else { return nil }
        let rest = error.message.dropFirst(prefix.count)
        let digits = rest.prefix { $0 == "-" || $0.isNumber }
        guard let code = Int32(digits) else { return nil }
        let explanation = rest.dropFirst(digits.count)
        self.init(returnValue: .sint32(code), message: explanation.hasPrefix(": ") ? String(explanation.dropFirst(2)) : nil)
    }
}
