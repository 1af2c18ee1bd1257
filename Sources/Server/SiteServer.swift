// SiteServer: `cmsh serve` — a site on HTTPS (Hummingbird 2 on SwiftNIO): the AdminService's WMI route under
// /AdminService/wmi/ and CIM-XML on POST /cimom, every request authenticated (Basic or a bearer token against a
// users file), one access-log line each.
import CIM
import CIMXML
import CMShell
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import NIOConcurrencyHelpers

/// How `cmsh serve` listens and whom it lets in.
public struct ServerConfiguration: Sendable {
    public enum Transport: Sendable {
        case tls(ServerIdentity)
        /// Plain HTTP: loopback addresses only.
        case plain
    }

    public var host = "127.0.0.1"
    public var port = 8443
    public var transport: Transport
    /// nil: no authentication (`--no-auth`, loopback only).
    public var users: UserStore?
    /// The limits each request's query runs under.
    public var limits = EngineLimits()
    /// The most rows (instances, names) one response may carry; nil for no limit.
    public var maxRows: Int? = 100_000
    /// The largest request body taken, in bytes.
    public var maxBodyBytes = 4 << 20
    /// Where access-log lines go (one per request).
    public var log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }

    public init(transport: Transport, users: UserStore?) {
        self.transport = transport
        self.users = users
    }

    var isLoopback: Bool { host == "127.0.0.1" || host == "::1" || host == "localhost" }
}

/// Per-request state: who the caller is, for the access log.
struct ServerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var remote: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remote = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}

public enum SiteServer {
    /// Serves the site `makeEngine` opens until SIGINT or SIGTERM; `onReady` gets the URL once listening.
    public static func run(_ configuration: ServerConfiguration, makeEngine: @escaping @Sendable () throws -> Engine,
                           onReady: @escaping @Sendable (String) -> Void) async throws {
        if case .plain = configuration.transport, !configuration.isLoopback {
            throw ServerError("--plain-http is for loopback addresses only (127.0.0.1, ::1); use TLS for \(configuration.host)")
        }
        if configuration.users == nil, !configuration.isLoopback {
            throw ServerError("--no-auth is for loopback addresses only")
        }
        let host = try SiteHost(makeEngine: makeEngine, limits: configuration.limits, maxRows: configuration.maxRows)
        let scheme: String
        let server: HTTPServerBuilder
        switch configuration.transport {
        case .tls(let identity):
            scheme = "https"
            var tls = TLSConfiguration.makeServerConfiguration(certificateChain: identity.certificateChain.map { .certificate($0) },
                                                               privateKey: .privateKey(identity.privateKey))
            tls.minimumTLSVersion = .tlsv12
            server = try .tls(.http1(configuration: .init(idleTimeout: .seconds(60))), tlsConfiguration: tls)
        case .plain:
            scheme = "http"
            server = .http1(configuration: .init(idleTimeout: .seconds(60)))
        }
        let routes = AdminServiceRoutes(host: host, maxBodyBytes: configuration.maxBodyBytes)
        let maxBody = configuration.maxBodyBytes
        let authenticator = configuration.users.map { Authenticator(users: $0) }
        let log = configuration.log
        let responder = CallbackResponder<ServerContext> { request, context in
            let started = ContinuousClock.now
            var user = "-"
            let response: Response
            if let authenticator {
                switch authenticator.user(for: request) {
                case .some(let name):
                    user = name
                    // The user reaches the site's audit trail with the request, whichever route serves it.
                    response = await SiteHost.$requestUser.withValue(name) {
                        await dispatch(request, routes, host, maxBody, baseURL(request, scheme))
                    }
                case nil: response = unauthorized(request)
                }
            } else {
                response = await dispatch(request, routes, host, maxBody, baseURL(request, scheme))
            }
            let elapsed = ContinuousClock.now - started
            let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            log("\(context.remote) \(user) \"\(request.method) \(request.uri.description.prefix(500))\" \(response.status.code) \(String(format: "%.1f", ms))ms")
            return response
        }
        let app = Application(
            responder: responder, server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cmsh"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                onReady("\(scheme)://\(configuration.host):\(port)")
            },
            logger: Logger(label: "cmsh.serve", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await app.runService()
    }

    /// CIM-XML on POST /cimom, everything else to the AdminService routes.
    static func dispatch(_ request: Request, _ routes: AdminServiceRoutes, _ host: SiteHost, _ maxBody: Int, _ baseURL: String) async -> Response {
        guard request.uri.path == "/cimom" else { return await routes.respond(request, baseURL: baseURL) }
        guard request.method == .post else {
            return Response(status: .methodNotAllowed, headers: [.allow: "POST"])
        }
        var request = request
        let data: Data
        do { data = Data(try await request.collectBody(upTo: maxBody).readableBytesView) } catch {
            return Response(status: .contentTooLarge, headers: [.init("CIMError")!: "request-not-valid"])
        }
        let reply = await host.cimxml(data, operationHeader: request.headers[.init("CIMOperation")!])
        var headers: HTTPFields = [.contentType: #"application/xml; charset="utf-8""#, .init("CIMOperation")!: "MethodResponse"]
        if let error = reply.cimError { headers[.init("CIMError")!] = error }
        return Response(status: HTTPResponse.Status(code: reply.httpStatus), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: reply.body)))
    }

    /// 401 with both challenges; CIM-XML clients get their own error header rather than an OData body.
    static func unauthorized(_ request: Request) -> Response {
        var headers = HTTPFields()
        headers.append(HTTPField(name: .wwwAuthenticate, value: "Basic realm=\"cmsh\", charset=\"UTF-8\""))
        headers.append(HTTPField(name: .wwwAuthenticate, value: "Bearer realm=\"cmsh\""))
        let sentence = "authentication required: HTTP Basic with a user of the --users file, or a bearer token from cmsh serve --add-token"
        if request.uri.path == "/cimom" {
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .unauthorized, headers: headers, body: .init(byteBuffer: ByteBuffer(string: sentence + "\n")))
        }
        var response = AdminServiceRoutes.error(ODataError(.unauthorized, .accessDenied, sentence))
        for field in headers { response.headers.append(field) }
        return response
    }

    static func baseURL(_ request: Request, _ scheme: String) -> String {
        "\(scheme)://\(request.head.authority ?? "localhost")/AdminService/wmi"
    }
}

/// HTTP Basic or a bearer token against the users file. A verified password is remembered (by its SHA-256,
/// never as text), so a client on keep-alive does not pay PBKDF2's 210,000 rounds on every request. A lock,
/// not an actor: the check is a hash and a set lookup, and a hop to an actor's executor would cost more; the
/// PBKDF2 itself runs outside the lock.
final class Authenticator: Sendable {
    let users: UserStore
    private let verified = NIOLockedValueBox<Set<String>>([])

    init(users: UserStore) { self.users = users }

    func user(for request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        if header.lowercased().hasPrefix("bearer ") {
            return users.user(forToken: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        }
        guard header.lowercased().hasPrefix("basic "),
              let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        let name = String(text[..<colon]), password = String(text[text.index(after: colon)...])
        let digest = Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
        if verified.withLockedValue({ $0.contains(digest) }) { return name }
        guard users.verify(user: name, password: password) else { return nil }
        verified.withLockedValue { set in
            if set.count > 10_000 { set.removeAll() }
            set.insert(digest)
        }
        return name
    }
}
