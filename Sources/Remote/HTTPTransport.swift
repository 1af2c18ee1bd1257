// HTTPTransport: one keep-alive HTTPS connection to a provider through libcurl, which does the Windows
// authentication real sites need — SPNEGO/Kerberos from the user's ticket cache, NTLM — and Basic. Requests
// are synchronous (the interpreter is), bounded in size and time, and abortable through the interruption check the host wires in.
import CCurl
import CIM
import Crypto
import CurlShim
import Foundation
import SwiftASN1
import X509

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
    /// The server's certificate is the one with this SHA-256 fingerprint (hex, colons optional): a self-signed
    /// site certificate pinned, as the AdminService has by default. Checked before anything is sent; after
    /// that every connection must present the same public key.
    case fingerprint(String)
}

extension RemoteTrust {
    /// A SHA-256 fingerprint as hex digits alone, upper case (`ab:cd:…` → `ABCD…`): 64 of them when it is one.
    public static func normalizedFingerprint(_ text: String) -> String { text.uppercased().filter(\.isHexDigit) }
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

    /// Plain http (and cimxml+http) is for these only.
    public static func isLoopback(_ host: String) -> Bool { ["127.0.0.1", "::1", "[::1]", "localhost"].contains(host.lowercased()) }
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

    init(options: RemoteOptions) throws(CIMError) {
        var reason: UnsafePointer<CChar>?
        guard cmsh_curl_load(&reason) == 0 else {
            throw CIMError(.failed, "--connect needs libcurl, which could not be loaded (\(reason.map { String(cString: $0) } ?? "unknown reason")); on Debian: apt install libcurl4")
        }
        guard let h = cmsh_curl_easy_init() else { throw CIMError(.failed, "libcurl could not start a session") }
        handle = h
        self.options = options
    }

    deinit { cmsh_curl_easy_cleanup(handle) }

    /// The public key a `--fingerprint` pin allows, as libcurl's PINNEDPUBLICKEY takes it (`sha256//…`).
    private var pinnedKey: String?

    /// Sends one request; transport failures (refused, DNS, TLS, timeout, too large) are CIM errors with a
    /// plain sentence, HTTP statuses are the caller's to judge. An idempotent request (a read) that fails on
    /// the way — a connection dropped, a server that died mid-reply, 502/503/504 — is tried once more; a write
    /// never is, since it may have been done.
    func send(_ method: String, _ url: String, headers: [String] = [], body: Data? = nil, idempotent: Bool = false) throws(CIMError) -> HTTPReply {
        do {
            let reply = try perform(method, url, headers: headers, body: body, fresh: !idempotent)
            guard idempotent, [502, 503, 504].contains(reply.status) else { return reply }
        } catch {
            guard idempotent, error.status != .callCancelled, error.status != .quotaViolation, error.status != .accessDenied,
                  !isInterrupted() else { throw error }
        }
        return try perform(method, url, headers: headers, body: body)
    }

    /// One transfer. `fresh` takes a new connection: libcurl sends a request again by itself when a reused
    /// keep-alive connection turns out closed, which a write must never be (it may have been done).
    private func perform(_ method: String, _ url: String, headers: [String], body: Data?, authenticate: Bool = true,
                         fresh: Bool = false) throws(CIMError) -> HTTPReply {
        cmsh_curl_easy_reset(handle)
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
        if fresh { set(CURLOPT_FRESH_CONNECT, 1) }
        switch options.trust {
        case .system: break
        case .caFile(let path): set(CURLOPT_CAINFO, path)
        case .insecure: set(CURLOPT_SSL_VERIFYPEER, 0); set(CURLOPT_SSL_VERIFYHOST, 0)
        case .fingerprint:
            // The chain is not what is trusted here, the key is: libcurl refuses any other before sending.
            set(CURLOPT_SSL_VERIFYPEER, 0); set(CURLOPT_SSL_VERIFYHOST, 0)
            if let pinnedKey { set(CURLOPT_PINNEDPUBLICKEY, pinnedKey) }
        }
        var fields = headers
        switch authenticate ? options.authentication : .none {
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
        for field in fields { list = cmsh_curl_slist_append(list, field) }
        defer { cmsh_curl_slist_free_all(list) }
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
        let code = cmsh_curl_easy_perform(h)
        guard code == CURLE_OK else { throw transportError(code, url, sink) }
        return HTTPReply(status: cmsh_curl_response_code(h), headers: sink.headers, body: sink.data)
    }

    /// The PEM of the certificate the server presented on the last transfer (for a TLS error's message).
    var peerCertificatePEM: String? { cmsh_curl_peer_certificate(handle).map { String(cString: $0) } }

    /// With `--fingerprint`: connects once without credentials, checks the certificate's SHA-256 against the
    /// pin and from then on allows only its public key. Without it, nothing.
    func pinIfAsked(_ url: String) throws(CIMError) {
        guard case .fingerprint(let expected) = options.trust, pinnedKey == nil else { return }
        let host = URLComponents(string: url)?.host ?? url
        _ = try perform("GET", url, headers: [], body: nil, authenticate: false)
        guard let pem = peerCertificatePEM, let der = Self.der(fromPEM: pem) else {
            throw CIMError(.accessDenied, "\(host) presented no certificate to check against --fingerprint")
        }
        let seen = Self.fingerprint(der)
        guard RemoteTrust.normalizedFingerprint(seen) == RemoteTrust.normalizedFingerprint(expected) else {
            throw CIMError(.accessDenied, "the TLS certificate of \(host) has SHA-256 fingerprint \(seen), not the pinned \(expected); if the site's certificate was renewed, check the new one and pin it")
        }
        do {
            let certificate = try Certificate(derEncoded: der)
            var serializer = DER.Serializer()
            try serializer.serialize(certificate.publicKey)
            pinnedKey = "sha256//" + Data(SHA256.hash(data: serializer.serializedBytes)).base64EncodedString()
        } catch {
            throw CIMError(.accessDenied, "the TLS certificate of \(host) could not be read: \(error)")
        }
    }

    /// `AB:CD:…`, SHA-256 of a certificate's DER, as `cmsh serve` and openssl print it.
    static func fingerprint(_ der: [UInt8]) -> String {
        SHA256.hash(data: der).map { String(format: "%02X", $0) }.joined(separator: ":")
    }

    static func der(fromPEM pem: String) -> [UInt8]? {
        let body = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        return Data(base64Encoded: body).map { [UInt8]($0) }
    }

    /// The fingerprint of whatever certificate the server presents, fetched without trusting or sending
    /// anything, for an error message: `(its SHA-256 fingerprint is …)`.
    private func fingerprintSeen(_ url: String) -> String? {
        guard let probe = try? HTTPTransport(options: { var o = options; o.trust = .insecure; o.authentication = .none; return o }()),
              (try? probe.perform("GET", url, headers: [], body: nil, authenticate: false)) != nil,
              let pem = probe.peerCertificatePEM, let der = Self.der(fromPEM: pem) else { return nil }
        return Self.fingerprint(der)
    }

    /// 401: which authentication was tried, and what to check.
    func unauthorized(_ host: String) -> CIMError {
        let hint = switch options.authentication {
        case .negotiate, .kerberos: "check --user and the password, or run kinit for a Kerberos ticket"
        case .bearer: "check the token in --token-file"
        default: "check --user and the password"
        }
        return CIMError(.accessDenied, "\(host) refused the credentials (HTTP 401, tried \(options.authentication.name)); \(hint)")
    }

    /// The WMI status nearest an HTTP status, for a reply without an error body.
    static func status(forHTTP code: Int) -> CIMStatus {
        switch code {
        case 401, 403: .accessDenied
        case 404: .notFound
        case 400, 422: .invalidParameter
        case 405, 501: .notSupported
        case 408, 504: .timedOut
        case 409: .alreadyExists
        case 413: .quotaViolation
        case 503: .serverTooBusy
        default: .failed
        }
    }

    private func transportError(_ code: CURLcode, _ url: String, _ sink: Sink) -> CIMError {
        let host = URLComponents(string: url)?.host ?? url
        let reason = String(cString: cmsh_curl_easy_strerror(code))
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
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return CIMError(.accessDenied, "\(host) presented a different key than the certificate pinned with --fingerprint; nothing was sent")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CONNECT_ERROR:
            let seen = code == CURLE_PEER_FAILED_VERIFICATION ? fingerprintSeen(url).map { " (its SHA-256 fingerprint is \($0))" } ?? "" : ""
            return CIMError(.accessDenied, "the TLS certificate of \(host) is not trusted: \(reason)\(seen); trust it with --ca-cert PEM or --fingerprint SHA256 (or --insecure, warned)")
        case CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_SEND_ERROR:
            return CIMError(.failed, "the connection to \(host) broke off: \(reason) (did the server stop?)")
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
