// cmsh: the command line — options, then a batch run (file, -c, stdin) or the interactive shell.
import ArgumentParser
import CMShell
import Foundation
import LineEditor
import Remote
import Site

@main
struct CMSH: ParsableCommand {
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "cmsh",
        abstract: "A shell for the ConfigMgr (SCCM) SMS Provider: WQL queries, method calls and scripts.",
        usage: """
        cmsh                                  interactive shell on the demo site
        cmsh FILE [ARGS…]                     run a script (ARGS are $args, $1, $2 …)
        cmsh -c 'STATEMENTS'                  run statements
        cmsh < script.cmsh                    run statements from standard input
        cmsh --site FILE [--init demo|empty]  the same on a site kept in an SQLite file
        cmsh --systems N                      the demo site with a generated fleet of N systems
        cmsh --connect URL [--user U --auth A] the same against a remote site (https://HOST/AdminService or cimxml+https://HOST/root/sms/site_S01)
        cmsh serve --users FILE               serve the site over HTTPS (AdminService, CIM-XML); cmsh serve --help
        """,
        discussion: """
        Examples:
          cmsh -c "select PackageID, Name from SMS_DriverPackage where Name like 'Dell%' order by Name"
          cmsh -c 'invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [nal("dp1", "S01")])'
          cmsh --format csv -c "select PackageID, Name, SourceVersion from SMS_Package" > packages.csv
          cmsh --check deploy.cmsh              parse and resolve names without running
          echo "select * from SMS_Site" | cmsh --format json
          cmsh --site contoso.site --init demo  create a site file from the demo site and open the shell
          cmsh --site big.site --init demo --systems 100000   a demo site with 100,000 systems and their inventory
          cmsh --site contoso.site --transaction deploy.cmsh   all of deploy.cmsh, or none of it
          cmsh --site contoso.site --dump > contoso.mof; cmsh --site copy.site --init empty contoso.mof
          kinit admin@CONTOSO.COM; cmsh --connect https://cm01.contoso.com/AdminService -c "select * from SMS_Site"

        Exit status: 0 success; 1 a runtime error stopped the script (or `exit 1`); 2 a usage or syntax error.
        Errors go to standard error as file:line:col: error: … with the source line and a caret.
        See docs/language.md for the language, docs/site.md for the demo site and docs/connect.md for remote sites.
        """,
        version: "cmsh \(version)")

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these statements and exit.", valueName: "statements"))
    var command: String?

    @Flag(help: "Parse the script and resolve class and method names without running it; report every error.")
    var check = false

    @Option(help: ArgumentHelp("Output format: table, list, json, csv or mof. With json a run prints one JSON document; with json, csv and mof status lines go to stderr.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    @Flag(help: "Print results only: no banner, no status lines such as '1 instance updated.', no '3 rows' footers, no lone 'ReturnValue = 0'.")
    var quiet = false

    @Flag(help: "Print each statement before its result (for logs).")
    var echo = false

    @Option(help: ArgumentHelp("On a runtime error or a non-zero ReturnValue: stop (the default for scripts) or continue (the exit status is still 1 if anything failed).", valueName: "mode"))
    var onerror: ErrorMode?

    @Flag(help: "Print how long each statement took.")
    var timer = false

    @Option(help: ArgumentHelp("Start in this namespace (default root\\sms\\site_S01).", valueName: "namespace"))
    var namespace: String?

    // Limits, so that a typo (a loop that never ends, a recursion without a base case) cannot take the
    // machine down. Each stops the run with an error; 0 turns a limit off.
    @Option(name: .customLong("max-call-depth"), help: ArgumentHelp("Stop a script whose function calls nest deeper than this.", valueName: "n"))
    var maxCallDepth = 200

    @Option(name: .customLong("max-output-mb"), help: ArgumentHelp("Stop a run that prints more than this many megabytes; 0 for no limit.", valueName: "mb"))
    var maxOutputMB = 100

    @Option(name: .customLong("max-steps"), help: ArgumentHelp("Stop a run after this many steps (a statement run or a row a query visits); 0 (the default) for no limit.", valueName: "n"))
    var maxSteps = 0

    @Option(name: .customLong("max-memory-mb"), help: ArgumentHelp("Stop a run when cmsh's memory grows past this many megabytes (default: half the machine's memory); 0 for no limit.", valueName: "mb"))
    var maxMemoryMB: Int?

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Stop a run after this many seconds; 0 (the default) for no limit.", valueName: "seconds"))
    var timeLimit = 0

    @Option(help: ArgumentHelp("Keep the site in this SQLite file (created with --init); without it the demo site lives in memory.", valueName: "file"))
    var site: String?

    @Option(name: .customLong("init"), help: ArgumentHelp("Create the --site file first: a copy of the demo site, or the schema with no instances.", valueName: "demo|empty"))
    var initialize: SiteInit?

    @Option(help: ArgumentHelp("How many computers the demo site's generated fleet draws (default 300; the site's six servers come on top), in memory or with --init demo.", valueName: "n"))
    var systems: Int?

    @Option(name: .customLong("inventory"), help: ArgumentHelp("Extend the simulated site's hardware inventory with the WMI classes of this MOF file (SMS_G_System_<NAME>, filled by its Fill rules); repeatable. See docs/site.md.", valueName: "mof"))
    var inventory: [String] = []

    @Option(name: .customLong("audit-as"), help: ArgumentHelp("The user a simulated site's audit messages name for this session's changes (default DOMAIN\\user of the account running cmsh).", valueName: "user"))
    var auditAs: String?

    @Option(name: .customLong("site-code"), help: ArgumentHelp("The site code for --init empty (default S01).", valueName: "code"))
    var siteCode: String = "S01"

    @Option(help: ArgumentHelp(SiteClockOption.help, valueName: "datetime"))
    var clock: String?

    @Flag(help: "Run the whole script as one transaction: all of it is kept, or none of it.")
    var transaction = false

    @Option(name: .customLong("busy-timeout"), help: ArgumentHelp("Seconds to wait for another cmsh writing the --site file (default 5).", valueName: "seconds"))
    var busyTimeout: Double = 5

    @Flag(name: .customLong("check-integrity"), help: "Run SQLite's integrity check on the --site file and exit (0 when sound).")
    var checkIntegrity = false

    @Flag(help: "Print the whole site (schema and instances) as MOF and exit; a .mof FILE argument loads such a dump.")
    var dump = false

    @Option(help: ArgumentHelp("Run against a remote site: https://HOST[:PORT]/AdminService (the administration service) or cimxml+https://HOST[:PORT]/root/sms/site_S01 (CIM-XML). See docs/connect.md.", valueName: "url"))
    var connect: String?

    @Option(help: ArgumentHelp("The user for --connect: DOMAIN\\name or name@REALM (the password comes from CMSH_PASSWORD or a prompt, never an argument).", valueName: "user"))
    var user: String?

    @Option(help: ArgumentHelp("How --connect authenticates: negotiate (Kerberos or NTLM, the default), kerberos, ntlm or basic.", valueName: "method"))
    var auth = "negotiate"

    @Option(name: .customLong("ca-cert"), help: ArgumentHelp("Trust the server certificates this PEM file vouches for (its own, for a self-signed one).", valueName: "pem"))
    var caCert: String?

    @Option(help: ArgumentHelp("Trust the server whose certificate has this SHA-256 fingerprint (a self-signed site certificate, pinned).", valueName: "sha256"))
    var fingerprint: String?

    @Flag(help: "Do not verify the server's TLS certificate (warned; for a lab only).")
    var insecure = false

    @Option(name: .customLong("token-file"), help: ArgumentHelp("Authenticate with the bearer token on this file's first line (a cloud management gateway's, or cmsh serve --add-token's); mode 600.", valueName: "file"))
    var tokenFile: String?

    @Option(name: .customLong("page-size"), help: ArgumentHelp("Rows per page asked of an AdminService (default 1000); larger results come in pages.", valueName: "n"))
    var pageSize = 1000

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp("Seconds to wait for --connect's server to accept a connection (default 15).", valueName: "seconds"))
    var connectTimeout = 15

    @ArgumentParser.Argument(help: ArgumentHelp("A script to run (a .mof file is loaded as data).", valueName: "file"))
    var file: String?

    @ArgumentParser.Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Arguments for the script: $args, $1, $2 …", valueName: "args"))
    var scriptArguments: [String] = []

    /// The largest fleet --systems makes: about 40 million instances, some 20 GB of memory.
    static let maxSystems = 1_000_000

    /// Usage errors exit with 2 (not ArgumentParser's 64), as the shell promises.
    static func main() {
        // The demo's schema and data are compiled once per build and kept as an image (DemoSite+Image).
        DemoSite.imageCacheDirectory = DemoSite.defaultCacheDirectory
        // `cmsh serve …` is a command of its own; any other first word is a script or an option.
        if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "serve" {
            Serve.main(Array(CommandLine.arguments.dropFirst(2)))
            return
        }
        // The common forms (`cmsh -c STATEMENTS`, `cmsh FILE`) need no parser (see ShellOptions).
        if let common = ShellOptions(commonForm: Array(CommandLine.arguments.dropFirst())) {
            Foundation.exit(common.run())
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    func validate() throws {
        if initialize != nil && site == nil { throw ValidationError("--init needs --site FILE: the file to create.") }
        if let systems {
            if site != nil && initialize != .demo {
                throw ValidationError("--systems sizes the demo site: use it without --site, or with --site FILE --init demo.")
            }
            guard (0...Self.maxSystems).contains(systems) else {
                throw ValidationError("--systems takes a number from 0 to \(Self.maxSystems), not \(systems).")
            }
        }
        if connect != nil && (site != nil || systems != nil || initialize != nil) {
            throw ValidationError("--connect runs against a remote site; it cannot go with --site, --init or --systems.")
        }
        if !["negotiate", "kerberos", "ntlm", "basic"].contains(auth.lowercased()) {
            throw ValidationError("--auth takes negotiate, kerberos, ntlm or basic, not \(auth).")
        }
        if let clock { try SiteClockOption.check(clock) }
        if connect != nil && transaction {
            throw ValidationError("--transaction needs a local site: a remote site has no transactions, each change is made as it runs.")
        }
        if [insecure, caCert != nil, fingerprint != nil].filter({ $0 }).count > 1 {
            throw ValidationError("--insecure, --ca-cert and --fingerprint each say whom to trust: give one.")
        }
        if let fingerprint, RemoteTrust.normalizedFingerprint(fingerprint).count != 64 {
            throw ValidationError("--fingerprint takes a SHA-256 fingerprint: 64 hex digits, colons allowed (as cmsh serve prints it).")
        }
        if connectTimeout < 1 { throw ValidationError("--connect-timeout takes a number of seconds, 1 or more.") }
        if pageSize < 1 { throw ValidationError("--page-size takes a number of rows, 1 or more.") }
        if checkIntegrity && site == nil { throw ValidationError("--check-integrity needs --site FILE.") }
        if busyTimeout < 0 { throw ValidationError("--busy-timeout takes a number of seconds, 0 or more.") }
        for (name, value) in [("--max-call-depth", maxCallDepth), ("--max-output-mb", maxOutputMB), ("--max-steps", maxSteps),
                              ("--time-limit", timeLimit), ("--max-memory-mb", maxMemoryMB ?? 0)] where value < 0 {
            throw ValidationError("\(name) must be 0 or more, not \(value)")
        }
        guard maxCallDepth > 0 else { throw ValidationError("--max-call-depth must be at least 1") }
    }

    func run() throws {
        Foundation.exit(ShellOptions(self).run())
    }
}

extension CMSH {
    /// A closed terminal (SIGHUP) or a `kill` (SIGTERM) ends cmsh, as it ends any shell. The main thread starts
    /// with most signals blocked (inherited from the runtime's set-up), so they would never arrive: unblock
    /// them and take their default action. What a statement committed is in the site file already; an open
    /// transaction is not committed, as after any crash.
    static func takeHangupAndTerminate() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for s in [SIGHUP, SIGTERM] {
            sigaddset(&signals, s)
            signal(s, SIG_DFL)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}

/// What `--init` creates.
enum SiteInit: String, ExpressibleByArgument, CaseIterable {
    case demo, empty
}

extension OutputFormat: ExpressibleByArgument {}
extension ErrorMode: ExpressibleByArgument {}
