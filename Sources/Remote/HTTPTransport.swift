// HTTPTransport: one keep-alive HTTPS connection to a provider through libcurl, which does the Windows
// authentication real sites need — SPNEGO/Kerberos from the user's ticket cache, NTLM — and Basic. Requests
// are synchronous (the interpreter is), bounded in size and time, and abortable through the interruption check the host wires in.
import CCurl
import CIM
import CurlShim
import Foundation

/// How the client proves who it is.
public enum RemoteAuthentication: Sendable, Equatable {
    /// Kerberos or NTLM, as the server offers (SPNEGO); with no password, the ticket cache's credentials.
    case negotiate
    case kerberos
    case ntlm
    case basic
    /// `Authorization: Bearer …` (a token for a cloud management gateway, or `cmsh serve --add-token`).
    case bearer(String)
    case none
}

/// Whom the client trusts to be the server.
public enum RemoteTrust: Sendable, Equatable {
    /// The system's certificate authorities.
    case system
    /// A PEM bundle of certificate authorities (or the server's own self-signed certificate).
    case caFile(String)
    /// No verification at all (warned by the CLI).
    case insecure
}

/// What a connection needs: where, as whom, trusting what.
public struct RemoteOptions: Sendable {
    public var user: String?
    /// Never logged or shown; kept only for the connection's life.
    public var password: String?
    public var authentication: RemoteAuthentication = .negotiate
    public var trust: RemoteTrust = .system
    /// Seconds to wait for a connection.
    public var connectTimeout: Int = 15
    /// Seconds one request may take in all.
    public var requestTimeout: Int = 300
    /// The largest response body taken, in bytes; a bigger one is an error, not an exhausted client.
    public var maxResponseBytes: Int = 512 << 20
    public init() {}
}

/// An HTTP answer.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: Data
}

final class HTTPTransport: @unchecked Sendable {
    let options: RemoteOptions
    private let handle: UnsafeMutableRawPointer
    /// Polled during a transfer (about once a second when the server is silent): true aborts it — the
    /// engine's cancellation (Ctrl-C, the time limit) is wired in here.
    var isInterrupted: @Sendable () -> Bool = { false }

    // CURLAUTH_* are macros with casts, which Swift does not import.
    private static let authBasic = 1 << 0, authNegotiate = 1 << 2, authNTLM = 1 << 3

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    init(options: RemoteOptions) throws(CIMError) {
        _ = Self.globalInit
        guard let h = curl_easy_init() else { throw CIMError(.failed, "libcurl could not start a session") }
        handle = h
        self.options = options
    }

    deinit { curl_easy_cleanup(handle) }

    /// Sends one request; transport failures (refused, DNS, TLS, timeout, too large) are CIM errors with a
    /// plain sentence, HTTP statuses are the caller's to judge.
    func send(_ method: String, _ url: String, headers: [String] = [], body: Data? = nil) throws(CIMError) -> HTTPReply {
        curl_easy_reset(handle)
        let h = handle
        func set(_ o: CURLoption, _ v: Int) { _ = cmsh_curl_set_long(h, o, v) }
        func set(_ o: CURLoption, _ v: String) { _ = cmsh_curl_set_string(h, o, v) }
        set(CURLOPT_URL, url)
        set(CURLOPT_CUSTOMREQUEST, method)
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_CONNECTTIMEOUT, options.connectTimeout)
        set(CURLOPT_TIMEOUT, options.requestTimeout)
        set(CURLOPT_ACCEPT_ENCODING, "")  // gzip and friends, decoded by libcurl
        set(CURLOPT_CERTINFO, 1)
        switch options.trust {
        case .system: break
        case .caFile(let path): set(CURLOPT_CAINFO, path)
        case .insecure: set(CURLOPT_SSL_VERIFYPEER, 0); set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        var fields = headers
        switch options.authentication {
        case .negotiate, .kerberos:
            set(CURLOPT_HTTPAUTH, Self.authNegotiate)
            // An empty user name makes libcurl take the ticket cache's credentials.
            set(CURLOPT_USERNAME, options.user ?? "")
            if let password = options.password { set(CURLOPT_PASSWORD, password) }
        case .ntlm:
            set(CURLOPT_HTTPAUTH, Self.authNTLM)
            set(CURLOPT_USERNAME, options.user ?? "")
            set(CURLOPT_PASSWORD, options.password ?? "")
        case .basic:
            set(CURLOPT_HTTPAUTH, Self.authBasic)
            set(CURLOPT_USERNAME, options.user ?? "")
            set(CURLOPT_PASSWORD, options.password ?? "")
        case .bearer(let token):
            fields.append("Authorization: Bearer \(token)")
        case .none:
            break
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for field in fields { list = curl_slist_append(list, field) }
        defer { curl_slist_free_all(list) }
        _ = cmsh_curl_set_headers(h, list)
        if let body {
            // COPYPOSTFIELDS copies the bytes, so they need not outlive this call.
            _ = body.withUnsafeBytes { raw in cmsh_curl_set_body(h, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count) }
        }
        let sink = Sink(limit: options.maxResponseBytes, interrupted: isInterrupted)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        _ = cmsh_curl_set_receivers(h, { data, size, count, context in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            return sink.body(data, size * count)
        }, { data, size, count, context in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            return sink.header(data, size * count)
        }, context)
        _ = cmsh_curl_set_progress(h, { context, _, _, _, _ in
            Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue().shouldStop ? 1 : 0
        }, context)
        let code = curl_easy_perform(h)
        guard code == CURLE_OK else { throw transportError(code, url, sink) }
        return HTTPReply(status: cmsh_curl_response_code(h), headers: sink.headers, body: sink.data)
    }

    /// The PEM of the certificate the server presented on the last transfer (for a TLS error's message).
    var peerCertificatePEM: String? { cmsh_curl_peer_certificate(handle).map { String(cString: $0) } }

    private func transportError(_ code: CURLcode, _ url: String, _ sink: Sink) -> CIMError {
        let host = URLComponents(string: url)?.host ?? url
        let reason = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_ABORTED_BY_CALLBACK:
            return CIMError(.callCancelled, "the request to \(host) was cancelled")
        case CURLE_WRITE_ERROR where sink.shouldStop:
            return CIMError(.callCancelled, "the request to \(host) was cancelled")
        case CURLE_WRITE_ERROR where sink.overflowed:
            return CIMError(.quotaViolation, "the reply from \(host) is larger than \(options.maxResponseBytes >> 20) MB; narrow the query")
        case CURLE_COULDNT_RESOLVE_HOST:
            return CIMError(.failed, "cannot resolve \(host): \(reason)")
        case CURLE_COULDNT_CONNECT:
            return CIMError(.failed, "cannot connect to \(host): \(reason) (is the server running, and is this its port?)")
        case CURLE_OPERATION_TIMEDOUT:
            return CIMError(.timedOut, "\(host) did not answer in time: \(reason)")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CONNECT_ERROR:
            return CIMError(.accessDenied, "the TLS certificate of \(host) is not trusted: \(reason); trust it with --ca-cert PEM (or --insecure, warned)")
        default:
            return CIMError(.failed, "the request to \(host) failed: \(reason)")
        }
    }
}

/// Collects one response: its header lines and its body, up to a limit.
private final class Sink {
    let limit: Int
    let interrupted: () -> Bool
    var data = Data()
    var headers: [String: String] = [:]
    var overflowed = false

    init(limit: Int, interrupted: @escaping () -> Bool) {
        self.limit = limit
        self.interrupted = interrupted
    }

    var shouldStop: Bool { interrupted() }

    func body(_ bytes: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        if shouldStop { return 0 }
        guard data.count + count <= limit else { overflowed = true; return 0 }
        if let bytes { data.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: count) }
        return count
    }

    func header(_ bytes: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard let bytes else { return count }
        let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
        if line.hasPrefix("HTTP/") { headers = [:] }  // a new response (after a 401 challenge, say)
        if let colon = line.firstIndex(of: ":") {
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return count
    }
}
