// --connect: the remote site a session runs against (the Remote module does the work; this is its command line).
import CIM
import CMShell
import Foundation
import Remote

enum Connect {
    /// The remote model the options name, connected (its schema fetched): the password from CMSH_PASSWORD
    /// or a no-echo prompt — never an argument — and only when the method needs one.
    static func model(_ options: CMSH) throws -> any ObjectModel {
        guard let url = options.connect else { throw CMShellError(.invalidParameter, "no --connect URL") }
        var remote = RemoteOptions()
        remote.user = options.user
        // No one request outlives the run's time limit.
        if options.timeLimit > 0 { remote.requestTimeout = options.timeLimit }
        remote.trust = options.insecure ? .insecure : options.caCert.map { .caFile($0) } ?? .system
        remote.authentication = switch options.auth.lowercased() {
        case "basic": .basic
        case "ntlm": .ntlm
        case "kerberos": .kerberos
        default: .negotiate
        }
        if options.insecure { FileHandle.standardError.write(Data("cmsh: warning: --insecure: the server's certificate is not checked; anyone on the path can read and change what you send\n".utf8)) }
        let needsPassword = remote.authentication == .basic || remote.authentication == .ntlm
        if let user = options.user, needsPassword || ProcessInfo.processInfo.environment["CMSH_PASSWORD"] != nil {
            if let password = ProcessInfo.processInfo.environment["CMSH_PASSWORD"] {
                remote.password = password
            } else if isatty(STDIN_FILENO) == 1 {
                remote.password = PasswordPrompt.read("Password for \(user): ")
            } else {
                throw CMShellError(.accessDenied, "--auth \(options.auth) needs a password for \(user): set CMSH_PASSWORD or run on a terminal to be asked")
            }
        } else if needsPassword {
            throw CMShellError(.accessDenied, "--auth \(options.auth) needs --user")
        }
        guard url.lowercased().hasPrefix("cimxml+") else {
            throw CMShellError(.notSupported, "\(url): only CIM-XML sites (cimxml+https://HOST[:PORT]/root/sms/site_S01) can be connected to yet")
        }
        do { return try CIMXMLClient(url: url, options: remote) } catch {
            throw CMShellError(error.status, "cannot connect to \(url): \(error.message)")
        }
    }
}
