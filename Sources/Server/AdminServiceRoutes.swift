// AdminServiceRoutes: the WMI route of the ConfigMgr administration service — service document, $metadata,
// entity sets with query options, instances by key, create/modify/delete, static and bound actions — and its
// OData JSON answers and error bodies.
import CIM
import CIMXML
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

struct AdminServiceRoutes: Sendable {
    let host: SiteHost
    let maxBodyBytes: Int
    static let prefix = "/AdminService/wmi"

    func respond(_ request: Request, baseURL: String) async -> Response {
        do {
            return try await route(request, baseURL: baseURL)
        } catch let error as ODataError {
            return Self.error(error)
        } catch {
            return Self.error(ODataError(.internalError, .failed, "\(error)"))
        }
    }

    private func route(_ request: Request, baseURL: String) async throws -> Response {
        let rawPath = request.uri.path
        guard let path = rawPath.removingPercentEncoding else { throw ODataError(.badRequest, .invalidParameter, "the path is not valid percent-encoding") }
        guard path.lowercased().hasPrefix(Self.prefix.lowercased()) else {
            if path == "/" || path.lowercased() == "/adminservice" || path.lowercased() == "/adminservice/" {
                return Self.json(.object([("@odata.context", .string(baseURL + "/$metadata")), ("value", .array([
                    .object([("name", .string("wmi")), ("kind", .string("Service")), ("url", .string(baseURL + "/"))])]))]))
            }
            throw ODataError(.notFound, .notFound, "no route \(path): the WMI route is \(Self.prefix)/")
        }
        var rest = String(path.dropFirst(Self.prefix.count))
        if rest.hasPrefix("/") { rest.removeFirst() }
        while rest.hasSuffix("/") { rest.removeLast() }
        let resource = try WMIResource.parse(rest)
        let method = request.method
        var request = request
        switch resource {
        case .serviceDocument:
            try allow(method, [.get])
            let sets = await host.classes().filter { !$0.keySlots.isEmpty }.map { cls -> JSONValue in
                .object([("name", .string(cls.name.string)), ("kind", .string("EntitySet")), ("url", .string(cls.name.string))])
            }
            return Self.json(.object([("@odata.context", .string(baseURL + "/$metadata")), ("value", .array(sets))]))
        case .metadata:
            try allow(method, [.get])
            return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8", .init("OData-Version")!: "4.0"],
                            body: .init(byteBuffer: ByteBuffer(string: await host.metadata(baseURL: baseURL))))
        case .entitySet(let className):
            switch method {
            case .get:
                let items = Self.queryItems(request.uri.query)
                let options = try ODataOptions(query: items)
                // `Prefer: odata.maxpagesize=N` pages the result: N rows and an @odata.nextLink to the rest.
                let pageSize = Self.maxPageSize(request.headers[values: HTTPField.Name("Prefer")!])
                let (cls, rows, count, more) = try await host.query(className, options, pageSize: pageSize)
                var members: [(String, JSONValue)] = [("@odata.context", .string("\(baseURL)/$metadata#\(cls.name)"))]
                if let count { members.append(("@odata.count", .number(String(count)))) }
                if more, let pageSize {
                    members.append(("@odata.nextLink", .string(Self.nextLink(baseURL + "/" + cls.name.string, items, options, pageSize))))
                }
                members.append(("value", .array(rows)))
                var headers: HTTPFields = [:]
                if let pageSize { headers[HTTPField.Name("Preference-Applied")!] = "odata.maxpagesize=\(pageSize)" }
                return Self.json(.object(members), headers: headers)
            case .post:
                let body = try await self.body(&request)
                let (cls, instance) = try await host.create(className, body)
                return Self.json(entityDocument(cls, instance, baseURL), status: .created,
                                 headers: [.location: "\(baseURL)/\(cls.name)(\(Self.keyText(instance)))"])
            default: throw notAllowed(method, "GET, POST")
            }
        case .entity(let className, let keys):
            switch method {
            case .get:
                let (cls, instance) = try await host.instance(className, keys)
                return Self.json(.object([("@odata.context", .string("\(baseURL)/$metadata#\(cls.name)")),
                                          ("value", .array([ODataJSON.entity(instance)]))]))
            // PATCH merges (OData's update); PUT replaces; POST on the instance URL merges too — the WMI route's
            // modify is WMI's Put_ of the changed object, and scripts written for it POST to the instance.
            case .patch, .put, .post:
                let body = try await self.body(&request)
                let (cls, instance) = try await host.modify(className, keys, body, replacing: method == .put)
                return Self.json(entityDocument(cls, instance, baseURL))
            case .delete:
                try await host.delete(className, keys)
                return Response(status: .noContent)
            default: throw notAllowed(method, "GET, PATCH, PUT, POST, DELETE")
            }
        case .staticAction(let className, let name):
            try allow(method, [.post])
            let body = try await self.body(&request)
            return Self.json(actionDocument(try await host.invoke(className, nil, name, body), className, name, baseURL))
        case .boundAction(let className, let keys, let name):
            try allow(method, [.post])
            let body = try await self.body(&request)
            return Self.json(actionDocument(try await host.invoke(className, keys, name, body), className, name, baseURL))
        }
    }

    private func entityDocument(_ cls: CIMClass, _ instance: CIMInstance, _ baseURL: String) -> JSONValue {
        guard case .object(let members) = ODataJSON.entity(instance) else { return .null }
        return .object([("@odata.context", .string("\(baseURL)/$metadata#\(cls.name)/$entity"))] + members)
    }

    private func actionDocument(_ result: JSONValue, _ className: String, _ method: String, _ baseURL: String) -> JSONValue {
        guard case .object(let members) = result else { return result }
        return .object([("@odata.context", .string("\(baseURL)/$metadata#\(CSDL.namespace).\(method)"))] + members)
    }

    private func body(_ request: inout Request) async throws -> [String: JSONNode] {
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: maxBodyBytes) } catch {
            throw ODataError(.payloadTooLarge, .quotaViolation, "the request body is larger than \(maxBodyBytes) bytes")
        }
        return try ODataJSON.object(Data(buffer.readableBytesView))
    }

    private func allow(_ method: HTTPRequest.Method, _ allowed: [HTTPRequest.Method]) throws {
        guard allowed.contains(method) else { throw notAllowed(method, allowed.map(\.rawValue).joined(separator: ", ")) }
    }

    private func notAllowed(_ method: HTTPRequest.Method, _ allowed: String) -> ODataError {
        ODataError(.methodNotAllowed, .notSupported, "\(method) is not allowed here; use \(allowed)")
    }

    /// The page size a `Prefer` header asks for (`odata.maxpagesize=500`), if any.
    static func maxPageSize(_ prefer: [String]) -> Int? {
        for value in prefer {
            for part in value.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "odata.maxpagesize", let n = Int(pair[1]), n > 0 { return n }
            }
        }
        return nil
    }

    /// The URL of the page after this one: the same options, `$skip` past this page (and `$top` less by it).
    static func nextLink(_ url: String, _ items: [(String, String)], _ options: ODataOptions, _ pageSize: Int) -> String {
        var kept = items.filter { !["$skip", "$top"].contains($0.0.lowercased()) }
        kept.append(("$skip", String(options.skip + pageSize)))
        if let top = options.top { kept.append(("$top", String(top - pageSize))) }
        let allowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))
        return url + "?" + kept.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name) + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
    }

    /// `K='v'` or `'v'` for a Location header.
    static func keyText(_ instance: CIMInstance) -> String {
        let keys = instance.cimClass.keyProperties
        func literal(_ v: CIMValue) -> String {
            if case .string(let s) = v { return "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
            return v.integerValue.map { String($0) } ?? "'\(v)'"
        }
        if keys.count == 1 { return literal(instance[keys[0].name] ?? .null) }
        return keys.map { "\($0.name)=\(literal(instance[$0.name] ?? .null))" }.joined(separator: ",")
    }

    /// The query string's items, percent-decoded (`+` is a space, as forms send it).
    static func queryItems(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ") }
            let name = parts[0].removingPercentEncoding ?? parts[0]
            let value = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
            return (name, value)
        }
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; odata.metadata=minimal; charset=utf-8"
        fields[.init("OData-Version")!] = "4.0"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: value.bytes)))
    }

    /// An OData error body: the WMI status name as the code, its number, and the plain sentence.
    static func error(_ e: ODataError, extraHeaders: HTTPFields = [:]) -> Response {
        let body = JSONValue.object([("error", .object([
            ("code", .string(e.status.name)),
            ("message", .string(e.message)),
            ("details", .array([.object([("code", .string(e.status.hex)), ("message", .string(e.status.summary))])])),
        ]))])
        return json(body, status: HTTPResponse.Status(code: e.http.rawValue), headers: extraHeaders)
    }
}
