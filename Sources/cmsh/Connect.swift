// --connect and .connect: the remote site a session runs against (the Remote module does the work; this is its
// command line — options, the password, the warning for --insecure).
import CIM
import CMShell
import Foundation
import Remote

enum Connect {
    /// The remote site at `url`, connected (its schema fetched) with the session's --user, --auth and trust
    /// options: the password from CMSH_PASSWORD or a no-echo prompt — never an argument — and only when the
    /// method needs one; a bearer token from --token-file.
    static func model(_ url: String, _ options: ShellOptions) throws -> any RemoteModel {
        var remote = RemoteOptions()
        remote.user = options.user
        // No one request outlives the run's time limit.
        if options.timeLimit > 0 { remote.requestTimeout = options.timeLimit }
        remote.connectTimeout = options.connectTimeout
        remote.trust = options.insecure ? .insecure : options.fingerprint.map { .fingerprint($0) } ?? options.caCert.map { .caFile($0) } ?? .system
        remote.authentication = switch options.auth.lowercased() {
        case "basic": .basic
        case "ntlm": .ntlm
        case "kerberos": .kerberos
        default: .negotiate
        }
        if let tokenFile = options.tokenFile { remote.authentication = .bearer(try token(tokenFile)) }
        if options.insecure { FileHandle.standardError.write(Data("cmsh: warning: --insecure: the server's certificate is not checked; anyone on the path can read and change what you send\n".utf8)) }
        let needsPassword = remote.authentication == .basic || remote.authentication == .ntlm
        if let user = options.user, options.tokenFile == nil, needsPassword || ProcessInfo.processInfo.environment["CMSH_PASSWORD"] != nil {
            if let password = ProcessInfo.processInfo.environment["CMSH_PASSWORD"] {
                remote.password = password
            } else if isatty(STDIN_FILENO) == 1 {
                remote.password = PasswordPrompt.read("Password for \(user): ")
            } else {
                throw CMShellError(.accessDenied, "--auth \(options.auth) needs a password for \(user): set CMSH_PASSWORD or run on a terminal to be asked")
            }
        } else if needsPassword, options.tokenFile == nil {
            throw CMShellError(.accessDenied, "--auth \(options.auth) needs --user")
        }
        do {
            let site = try RemoteSite.connect(url, options: remote)
            (site as? AdminServiceClient)?.pageSize = options.pageSize
            return site
        } catch {
            throw CMShellError(error.status, "cannot connect to \(url): \(error.message)")
        }
    }

    /// The first line of a token file; refused when others may read it, as a password file would be.
    static func token(_ path: String) throws -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let data = FileManager.default.contents(atPath: path) else {
            throw CMShellError(.notFound, "cannot read the token file \(path)")
        }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw CMShellError(.accessDenied, "the token file \(path) can be read by others (mode \(String(mode, radix: 8))); chmod 600 it")
        }
        let token = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)?
            .trimmingCharacters(in: .whitespaces) ?? ""
        guard !token.isEmpty, token.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
            throw CMShellError(.invalidParameter, "the token file \(path) holds no token on its first line")
        }
        return token
    }

    /// Wires the engine's cancellation (Ctrl-C, --time-limit) into requests in flight, and, on a terminal,
    /// a progress line for results that take more than a second.
    static func wire(_ site: any RemoteModel, to engine: Engine) {
        let cancellation = engine.cancellation
        site.isInterrupted = { cancellation.isCancelled }
        guard isatty(STDERR_FILENO) == 1 else { return }
        let host = site.host
        site.progress = { rows in
            FileHandle.standardError.write(Data((rows < 0 ? "\r\u{1B}[K" : "\r\u{1B}[K\(rows) rows so far from \(host)…").utf8))
        }
    }
}
