// `cmsh serve`: the site on the network (the Server module does the work; this is its command line).
import ArgumentParser
import CMShell
import Dispatch
import Foundation
import Server

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cmsh serve",
        abstract: "Serve a site over HTTPS: the ConfigMgr AdminService's WMI route at /AdminService/wmi/.",
        usage: """
        cmsh serve [--listen 127.0.0.1:8443] [--site FILE | --systems N] [--tls-cert PEM --tls-key PEM | --self-signed | --plain-http] --users FILE
        cmsh serve --add-user NAME --users FILE      add a user (the password is asked for, never given as an argument)
        """,
        discussion: """
        Every request is authenticated with HTTP Basic against --users (PBKDF2-SHA256 hashes, made by --add-user);
        --no-auth and --plain-http are refused except on loopback. With --self-signed (the default) a certificate is
        made at start; its SHA-256 fingerprint is printed, and --cert-out writes it for clients to trust.
          curl --cacert cert.pem -u admin https://127.0.0.1:8443/AdminService/wmi/SMS_Site
        See docs/serve.md for the routes, the JSON shapes and the errors.
        """)

    @Option(help: ArgumentHelp("Address and port to listen on; port 0 picks a free one.", valueName: "host:port"))
    var listen = "127.0.0.1:8443"

    @Option(help: ArgumentHelp("Serve the site in this SQLite file (created with --init).", valueName: "file"))
    var site: String?

    @Option(name: .customLong("init"), help: ArgumentHelp("Create the --site file first.", valueName: "demo|empty"))
    var initialize: SiteInit?

    @Option(help: ArgumentHelp("The demo site's generated fleet size.", valueName: "n"))
    var systems: Int?

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate (chain) to present.", valueName: "pem"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "pem"))
    var tlsKey: String?

    @Flag(name: .customLong("self-signed"), help: "Make a self-signed certificate at start (the default without --tls-cert).")
    var selfSigned = false

    @Flag(name: .customLong("plain-http"), help: "No TLS (loopback only).")
    var plainHTTP = false

    @Option(name: .customLong("cert-out"), help: ArgumentHelp("Write the server's certificate (PEM) here, for clients to trust.", valueName: "file"))
    var certOut: String?

    @Option(help: ArgumentHelp("The users file: name:pbkdf2-sha256$… lines.", valueName: "file"))
    var users: String?

    @Option(name: .customLong("add-user"), help: ArgumentHelp("Add (or replace) a user in --users and exit; the password is read without echo.", valueName: "name"))
    var addUser: String?

    @Flag(name: .customLong("no-auth"), help: "Let requests in without authentication (loopback only).")
    var noAuth = false

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds one request's query may take (default 30); 0 for none.", valueName: "seconds"))
    var timeLimit = 30

    @Option(name: .customLong("max-memory-mb"), help: ArgumentHelp("Stop a request whose query grows the server past this many MB (default: half the machine's memory).", valueName: "mb"))
    var maxMemoryMB: Int?

    @Option(help: ArgumentHelp("Access log: common (one line per request on stderr) or none.", valueName: "format"))
    var log = "common"

    func validate() throws {
        if tlsCert != nil && tlsKey == nil || tlsKey != nil && tlsCert == nil { throw ValidationError("--tls-cert and --tls-key go together.") }
        if plainHTTP && (tlsCert != nil || selfSigned) { throw ValidationError("--plain-http turns TLS off; it cannot go with --tls-cert or --self-signed.") }
        if addUser == nil && users == nil && !noAuth { throw ValidationError("--users FILE is required (or --no-auth on loopback); make users with --add-user NAME --users FILE.") }
        if addUser != nil && users == nil { throw ValidationError("--add-user needs --users FILE: the file to add the user to.") }
        if !["common", "none"].contains(log) { throw ValidationError("--log takes common or none, not \(log).") }
        if initialize != nil && site == nil { throw ValidationError("--init needs --site FILE.") }
    }

    func run() throws {
        if let addUser, let users { return try Self.add(user: addUser, to: users) }
        let (host, port) = try Self.address(listen)
        var transport = ServerConfiguration.Transport.plain
        var fingerprint: String?
        if !plainHTTP {
            let identity = try tlsCert.map { try ServerIdentity.load(certificate: $0, key: tlsKey!) } ?? ServerIdentity.selfSigned()
            if let certOut { try identity.certificatePEM.write(toFile: certOut, atomically: true, encoding: .utf8) }
            fingerprint = identity.fingerprint
            transport = .tls(identity)
        }
        var configuration = ServerConfiguration(transport: transport, users: noAuth ? nil : try UserStore(file: users!))
        configuration.host = host
        configuration.port = port
        var limits = EngineLimits()
        limits.timeLimit = timeLimit == 0 ? nil : .seconds(timeLimit)
        let memoryMB = maxMemoryMB ?? Int(clamping: (ProcessInfo.processInfo.physicalMemory / 2) >> 20)
        limits.maxMemoryBytes = memoryMB == 0 ? nil : memoryMB << 20
        configuration.limits = limits
        if log == "none" { configuration.log = { _ in } }
        if plainHTTP { Self.say("warning: --plain-http: requests and passwords cross the network unencrypted (loopback only)") }
        if noAuth { Self.say("warning: --no-auth: anyone who can reach \(host) can change the site") }
        if let fingerprint { Self.say("TLS certificate SHA-256 fingerprint \(fingerprint)") }
        let options = siteOptions
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        Task {
            defer { finished.signal() }
            do {
                try await SiteServer.run(configuration, makeEngine: { try Engine(site: Serve.model(options), permissions: []) }) { url in
                    Self.say("listening on \(url) (AdminService at /AdminService/wmi/)", stdout: true)
                }
            } catch { failure = error }
        }
        finished.wait()
        if let failure { throw Self.fail("\(failure)") }
    }

    /// The site options, Sendable for the server's engine factory.
    struct SiteOptions: Sendable { var site: String?; var initialize: SiteInit?; var systems: Int? }
    var siteOptions: SiteOptions { SiteOptions(site: site, initialize: initialize, systems: systems) }

    static func model(_ o: SiteOptions) -> Engine.SiteModel {
        guard let path = o.site else { return o.systems.map { .demo(systems: $0) } ?? .demo }
        let template: Engine.SiteTemplate? = switch o.initialize {
        case .demo?: o.systems.map { .demo(systems: $0) } ?? .demo
        case .empty?: .empty(siteCode: "S01")
        case nil: nil
        }
        return .file(path, initialize: template)
    }

    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen takes host:port, such as 127.0.0.1:8443, not \(text)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    /// Says why on stderr and exits 1.
    static func fail(_ reason: String) -> ExitCode {
        say(reason)
        return ExitCode.failure
    }

    static func say(_ line: String, stdout: Bool = false) {
        (stdout ? FileHandle.standardOutput : FileHandle.standardError).write(Data("cmsh serve: \(line)\n".utf8))
    }

    /// Asks for the password (twice, without echo, on a terminal; one line from stdin otherwise) and writes
    /// the user's line, replacing an earlier one; the file stays mode 0600.
    static func add(user: String, to path: String) throws {
        guard !user.isEmpty, !user.contains(":"), !user.contains("\n") else { throw ValidationError("a user name cannot be empty or hold ':'") }
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            let first = PasswordPrompt.read("Password for \(user): "), second = PasswordPrompt.read("Again: ")
            guard first == second else { throw fail("the passwords differ; nothing written") }
            password = first
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        guard password.count >= 8 else { throw fail("a password needs at least 8 characters; nothing written") }
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let kept = existing.split(separator: "\n").filter { !$0.lowercased().hasPrefix(user.lowercased() + ":") }
        let text = (kept.map(String.init) + [try UserStore.entry(user: user, password: password)]).joined(separator: "\n") + "\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw fail("cannot write \(path)") }
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        chmod(path, 0o600)
        say("user \(user) written to \(path)")
    }
}

/// Reads a line from the terminal with echo off.
enum PasswordPrompt {
    static func read(_ prompt: String) -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var old = termios()
        tcgetattr(STDIN_FILENO, &old)
        var silent = old
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &old); FileHandle.standardError.write(Data("\n".utf8)) }
        return readLine(strippingNewline: true) ?? ""
    }
}
