// Credentials: the server's TLS identity (a PEM pair, or a self-signed certificate made at start) and the
// users who may call it (a file of PBKDF2-SHA256 hashes — never a password).
import Crypto
import _CryptoExtras
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// The certificate chain and key the server presents, with the SHA-256 fingerprint clients can pin.
public struct ServerIdentity: Sendable {
    public let certificateChain: [NIOSSLCertificate]
    public let privateKey: NIOSSLPrivateKey
    /// SHA-256 of the leaf certificate's DER, as `AB:CD:…` (what `curl --pinnedpubkey` or a browser shows).
    public let fingerprint: String
    /// The leaf certificate as PEM, for clients that verify against it (`curl --cacert`, requests' `verify=`).
    public let certificatePEM: String

    /// A PEM certificate (chain) and key from files.
    public static func load(certificate certPath: String, key keyPath: String) throws -> ServerIdentity {
        let chain = try NIOSSLCertificate.fromPEMFile(certPath)
        guard let leaf = chain.first else { throw ServerError("\(certPath) holds no certificate") }
        let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        let der = try leaf.toDERBytes()
        return ServerIdentity(certificateChain: chain, privateKey: key, fingerprint: Self.fingerprint(der),
                              certificatePEM: String(decoding: (try? String(contentsOfFile: certPath, encoding: .utf8)).map { Array($0.utf8) } ?? [], as: UTF8.self))
    }

    /// A new P-256 key and a certificate it signs for `localhost` and 127.0.0.1, valid for a year — the
    /// AdminService's own default is a self-signed site certificate too.
    public static func selfSigned(hostName: String = "localhost") throws -> ServerIdentity {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName(hostName); OrganizationName("cmsh serve") }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: now.addingTimeInterval(365 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                KeyUsage(digitalSignature: true, keyCertSign: true)
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([.dnsName(hostName), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
            },
            issuerPrivateKey: .init(key))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        let der = serializer.serializedBytes
        let pem = try certificate.serializeAsPEM().pemString
        return ServerIdentity(certificateChain: [try NIOSSLCertificate(bytes: der, format: .der)],
                              privateKey: try NIOSSLPrivateKey(bytes: Array(key.derRepresentation), format: .der),
                              fingerprint: fingerprint(der), certificatePEM: pem + "\n")
    }

    static func fingerprint(_ der: [UInt8]) -> String {
        SHA256.hash(data: der).map { String(format: "%02X", $0) }.joined(separator: ":")
    }
}

/// An error starting or configuring the server, with a plain sentence.
public struct ServerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Who may call the server, from a users file of two kinds of line:
///   `name:pbkdf2-sha256$rounds$salt$hash`  a password (salt and hash in base64), checked by HTTP Basic;
///   `name:token-sha256$hash`              a bearer token (the SHA-256 of the token, in base64).
/// A token is 256 random bits, so one SHA-256 round is as strong as any key stretching; a password is not,
/// hence PBKDF2's 210,000 rounds.
public struct UserStore: Sendable {
    public static let rounds = 210_000
    static let tokenPrefix = "cmsh_"

    private var hashes: [String: String]
    /// base64(SHA-256(token)) → user name.
    private var tokens: [String: String]

    public init() { hashes = [:]; tokens = [:] }

    /// Reads a users file; refuses one that others can read or write (it holds password hashes).
    public init(file path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ServerError("cannot read the users file \(path): \(String(cString: strerror(errno)))") }
        if info.st_mode & 0o077 != 0 {
            throw ServerError("the users file \(path) is open to other users (mode \(String(info.st_mode & 0o777, radix: 8))); it holds password and token hashes: chmod 600 \(path)")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        hashes = [:]
        tokens = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":") else { throw Self.badLine(path, number) }
            let name = String(trimmed[..<colon]), secret = trimmed[trimmed.index(after: colon)...]
            if secret.hasPrefix("pbkdf2-sha256$") {
                hashes[name.lowercased()] = String(secret)
            } else if secret.hasPrefix("token-sha256$") {
                tokens[String(secret.dropFirst("token-sha256$".count))] = name
            } else {
                throw Self.badLine(path, number)
            }
        }
    }

    static func badLine(_ path: String, _ number: Int) -> ServerError {
        ServerError("\(path):\(number + 1): expected name:pbkdf2-sha256$rounds$salt$hash or name:token-sha256$hash (make lines with cmsh serve --add-user or --add-token)")
    }

    public var isEmpty: Bool { hashes.isEmpty && tokens.isEmpty }

    /// The line to store for a user: a fresh salt and the PBKDF2-SHA256 of the password.
    public static func entry(user: String, password: String) throws -> String {
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255) }
        let hash = try derive(password, salt: salt, rounds: rounds)
        return "\(user):pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// A new bearer token for a user: the token (shown once, never stored) and the line to store.
    public static func newToken(user: String) -> (token: String, entry: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = tokenPrefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return (token, "\(user):token-sha256$\(tokenDigest(token))")
    }

    static func tokenDigest(_ token: String) -> String { Data(SHA256.hash(data: Data(token.utf8))).base64EncodedString() }

    /// The user a bearer token belongs to, if it is one of the file's.
    public func user(forToken token: String) -> String? {
        guard token.hasPrefix(Self.tokenPrefix) else { return nil }
        return tokens[Self.tokenDigest(token)]
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                    outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Whether the password is the user's (compared in constant time).
    public func verify(user: String, password: String) -> Bool {
        guard let stored = hashes[user.lowercased()] else { return false }
        let parts = stored.split(separator: "$")
        guard parts.count == 4, let rounds = Int(parts[1]), rounds >= 1_000,
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
              let actual = try? Self.derive(password, salt: Array(salt), rounds: rounds), actual.count == expected.count else { return false }
        return zip(actual, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
