// `cmsh serve`: the site on the network (the Server module does the work; this is its command line).
import ArgumentParser
import CIM
import CMShell
import Dispatch
import Foundation
import Server
import Site

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cmsh serve",
        abstract: "Serve a site over HTTPS: the ConfigMgr AdminService's WMI route at /AdminService/wmi/ and CIM-XML at /cimom.",
        usage: """
        cmsh serve [--listen 127.0.0.1:8443] [--site FILE | --systems N] [--tls-cert PEM --tls-key PEM | --self-signed | --plain-http] --users FILE
        cmsh serve --add-user NAME --users FILE      add a user (the password is asked for, never given as an argument)
        cmsh serve --add-token NAME --users FILE     make a bearer token for NAME (printed once; only its hash is kept)
        """,
        discussion: """
        Every request is authenticated against --users: HTTP Basic (PBKDF2-SHA256 hashes, made by --add-user) or
        "Authorization: Bearer TOKEN" (tokens made by --add-token; delete the line to revoke one). --no-auth and
        --plain-http are refused except on loopback. Each request's query runs under --time-limit, --max-memory-mb
        and --max-rows. With --self-signed (the default) a certificate is
        made at start; its SHA-256 fingerprint is printed, and --cert-out writes it for clients to trust.
          curl --cacert cert.pem -u admin https://127.0.0.1:8443/AdminService/wmi/SMS_Site
          pywbemcli -s https://127.0.0.1:8443 -u admin --ca-certs cert.pem -d root/sms/site_S01 class enumerate --no
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

    @Option(help: ArgumentHelp(SiteClockOption.help, valueName: "datetime"))
    var clock: String?

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

    @Option(help: ArgumentHelp("The users file: name:pbkdf2-sha256$… and name:token-sha256$… lines.", valueName: "file"))
    var users: String?

    @Option(name: .customLong("add-user"), help: ArgumentHelp("Add (or replace) a user in --users and exit; the password is read without echo.", valueName: "name"))
    var addUser: String?

    @Option(name: .customLong("add-token"), help: ArgumentHelp("Make a bearer token for a user in --users, print it once and exit.", valueName: "name"))
    var addToken: String?

    @Flag(name: .customLong("no-auth"), help: "Let requests in without authentication (loopback only).")
    var noAuth = false

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds one request's query may take (default 30); 0 for none.", valueName: "seconds"))
    var timeLimit = 30

    @Option(name: .customLong("max-memory-mb"), help: ArgumentHelp("Stop a request whose query grows the server past this many MB (default: half the machine's memory).", valueName: "mb"))
    var maxMemoryMB: Int?

    @Option(name: .customLong("max-rows"), help: ArgumentHelp("The most rows (instances, names) one response may carry (default 100000); 0 for no limit.", valueName: "n"))
    var maxRows = 100_000

    @Option(help: ArgumentHelp("Access log: common (one line per request on stderr) or none.", valueName: "format"))
    var log = "common"

    func validate() throws {
        if let clock { try SiteClockOption.check(clock) }
        if tlsCert != nil && tlsKey == nil || tlsKey != nil && tlsCert == nil { throw ValidationError("--tls-cert and --tls-key go together.") }
        if plainHTTP && (tlsCert != nil || selfSigned) { throw ValidationError("--plain-http turns TLS off; it cannot go with --tls-cert or --self-signed.") }
        if addUser == nil && addToken == nil && users == nil && !noAuth { throw ValidationError("--users FILE is required (or --no-auth on loopback); make users with --add-user NAME --users FILE.") }
        if addUser != nil && users == nil { throw ValidationError("--add-user needs --users FILE: the file to add the user to.") }
        if addToken != nil && users == nil { throw ValidationError("--add-token needs --users FILE: the file to keep the token's hash in.") }
        if addUser != nil && addToken != nil { throw ValidationError("--add-user and --add-token are separate steps; give one.") }
        if maxRows < 0 { throw ValidationError("--max-rows takes a count, 0 for no limit.") }
        if !["common", "none"].contains(log) { throw ValidationError("--log takes common or none, not \(log).") }
        if initialize != nil && site == nil { throw ValidationError("--init needs --site FILE.") }
    }

    func run() throws {
        if let addUser, let users { return try Self.add(user: addUser, to: users) }
        if let addToken, let users { return try Self.add(tokenFor: addToken, to: users) }
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
        configuration.maxRows = maxRows == 0 ? nil : maxRows
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
                try await SiteServer.run(configuration, makeEngine: {
                    try Engine(site: Serve.model(options), clock: options.clock.map { SiteClock(fixedAt: $0) } ?? SiteClock(), permissions: [])
                }) { url in
                    Self.say("listening on \(url) (AdminService at /AdminService/wmi/, CIM-XML at /cimom)", stdout: true)
                }
            } catch { failure = error }
        }
        finished.wait()
        if let failure { throw Self.fail("\(failure)") }
    }

    /// The site options, Sendable for the server's engine factory.
    struct SiteOptions: Sendable { var site: String?; var initialize: SiteInit?; var systems: Int?; var clock: CIMDateTime? }
    var siteOptions: SiteOptions { SiteOptions(site: site, initialize: initialize, systems: systems, clock: clock.flatMap(SiteClockOption.parse)) }

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
        try checkUserName(user)
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            let first = PasswordPrompt.read("Password for \(user): "), second = PasswordPrompt.read("Again: ")
            guard first == second else { throw fail("the passwords differ; nothing written") }
            password = first
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        guard password.count >= 8 else { throw fail("a password needs at least 8 characters; nothing written") }
        try store(try UserStore.entry(user: user, password: password), in: path) { line in
            line.lowercased().hasPrefix(user.lowercased() + ":pbkdf2-sha256$")
        }
        say("user \(user) written to \(path)")
    }

    /// Makes a bearer token, keeps its hash beside the user's other lines and prints the token — the only time
    /// it is shown.
    static func add(tokenFor user: String, to path: String) throws {
        try checkUserName(user)
        let (token, entry) = UserStore.newToken(user: user)
        try store(entry, in: path) { _ in false }
        say("a bearer token for \(user) is kept (as its hash) in \(path); it is shown only now:")
        FileHandle.standardOutput.write(Data((token + "\n").utf8))
    }

    /// A name the users file can hold: one line, `name:` then the secret.
    static func checkUserName(_ user: String) throws {
        guard !user.isEmpty, !user.contains(":"), !user.contains("\n") else { throw ValidationError("a user name cannot be empty or hold ':'") }
    }

    /// Rewrites the users file with `line` added and the lines `replaces` picks dropped: a new file of mode
    /// 0600 beside it, renamed over it, so a failure never leaves the file half-written.
    static func store(_ line: String, in path: String, replacing replaces: (Substring) -> Bool) throws {
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let kept = existing.split(separator: "\n").filter { !replaces($0) }
        let text = (kept.map(String.init) + [line]).joined(separator: "\n") + "\n"
        let temporary = path + ".new-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0o600)
        guard fd >= 0 else { throw fail("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let written = text.withCString { write(fd, $0, strlen($0)) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == text.utf8.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw fail("cannot write \(path); it is unchanged")
        }
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
