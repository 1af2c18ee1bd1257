// ShellOptions: what a cmsh run needs from its command line, as plain values — copied from CMSH's parsed options,
// or made directly for the two forms scripts use most (`cmsh -c STATEMENTS`, `cmsh FILE`), so that those starts
// skip ArgumentParser: its reflection over forty options (a conformance lookup for each property wrapper's type,
// each scanning every conformance record of a large binary) was a fifth of a cold start's instructions.
import CMShell
import Foundation
import LineEditor

/// cmsh's options as values. Every CMSH option has a field here of the same name and default (`init(_:)` copies them).
struct ShellOptions {
    var command: String? = nil
    var check = false
    var format: OutputFormat = .table
    var noColor = false
    var quiet = false
    var echo = false
    var onerror: ErrorMode? = nil
    var timer = false
    var namespace: String? = nil
    var maxCallDepth = 200
    var maxOutputMB = 100
    var maxSteps = 0
    var maxMemoryMB: Int? = nil
    var timeLimit = 0
    var site: String? = nil
    var initialize: SiteInit? = nil
    var systems: Int? = nil
    var inventory: [String] = []
    var auditAs: String? = nil
    var siteCode: String = "S01"
    var clock: String? = nil
    var transaction = false
    var busyTimeout: Double = 5
    var checkIntegrity = false
    var dump = false
    var connect: String? = nil
    var user: String? = nil
    var auth = "negotiate"
    var caCert: String? = nil
    var fingerprint: String? = nil
    var insecure = false
    var tokenFile: String? = nil
    var pageSize = 1000
    var connectTimeout = 15
    var file: String? = nil
    var scriptArguments: [String] = []

    init() {}

    /// The options ArgumentParser parsed (and CMSH validated).
    init(_ options: CMSH) {
        command = options.command
        check = options.check
        format = options.format
        noColor = options.noColor
        quiet = options.quiet
        echo = options.echo
        onerror = options.onerror
        timer = options.timer
        namespace = options.namespace
        maxCallDepth = options.maxCallDepth
        maxOutputMB = options.maxOutputMB
        maxSteps = options.maxSteps
        maxMemoryMB = options.maxMemoryMB
        timeLimit = options.timeLimit
        site = options.site
        initialize = options.initialize
        systems = options.systems
        inventory = options.inventory
        auditAs = options.auditAs
        siteCode = options.siteCode
        clock = options.clock
        transaction = options.transaction
        busyTimeout = options.busyTimeout
        checkIntegrity = options.checkIntegrity
        dump = options.dump
        connect = options.connect
        user = options.user
        auth = options.auth
        caCert = options.caCert
        fingerprint = options.fingerprint
        insecure = options.insecure
        tokenFile = options.tokenFile
        pageSize = options.pageSize
        connectTimeout = options.connectTimeout
        file = options.file
        scriptArguments = options.scriptArguments
    }

    /// The options of `cmsh -c STATEMENTS` or `cmsh FILE` with nothing else on the line; nil for any other command
    /// line, which ArgumentParser parses. Statements or a file name starting with `-` go to it too (it tells them
    /// from options), as does `help`.
    init?(commonForm arguments: [String]) {
        switch arguments.count {
        case 2 where arguments[0] == "-c" && !arguments[1].hasPrefix("-"): command = arguments[1]
        case 1 where !arguments[0].hasPrefix("-") && arguments[0] != "help" && arguments[0] != "serve": file = arguments[0]
        default: return nil
        }
    }

    /// The engine's limits from the options.
    var limits: EngineLimits {
        var limits = EngineLimits()
        limits.maxCallDepth = maxCallDepth
        let (outputBytes, tooMany) = maxOutputMB.multipliedReportingOverflow(by: 1 << 20)
        limits.maxOutputBytes = maxOutputMB == 0 || tooMany ? nil : outputBytes
        limits.maxSteps = maxSteps == 0 ? nil : maxSteps
        limits.timeLimit = timeLimit == 0 ? nil : .seconds(timeLimit)
        let memoryMB = maxMemoryMB ?? Int(clamping: (ProcessInfo.processInfo.physicalMemory / 2) >> 20)
        let (memoryBytes, tooMuch) = memoryMB.multipliedReportingOverflow(by: 1 << 20)
        limits.maxMemoryBytes = memoryMB == 0 || tooMuch ? nil : memoryBytes
        return limits
    }

    /// The site's clock: fixed by --clock, else the system's.
    var siteClock: SiteClock { clock.flatMap(SiteClockOption.parse).map { SiteClock(fixedAt: $0) } ?? SiteClock() }

    /// Runs what the options ask for — a check, a dump, statements, a file, standard input or the shell — and
    /// returns the exit status (0, 1 a runtime error, 2 a usage error).
    func run() -> Int32 {
        CMSH.takeHangupAndTerminate()
        let session: Session
        do { session = try Session(options: self) } catch {
            FileHandle.standardError.write(Data("cmsh: \(error)\n".utf8))
            // A site that cannot be reached is a failure (1), as a failed statement is; a site that cannot
            // be opened or made as asked is a usage error (2).
            return connect != nil ? 1 : 2
        }
        let code: Int32
        if checkIntegrity {
            code = session.checkIntegrity()
        } else if dump {
            code = session.dumpSite()
        } else if let command {
            code = session.runBatch(text: command, fileName: "<command>", arguments: scriptArguments)
        } else if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("cmsh: cannot read \(file): no such file or it is not readable\n".utf8))
                return 2
            }
            let text = String(decoding: data, as: UTF8.self)
            code = file.lowercased().hasSuffix(".mof")
                ? session.loadMOF(text, fileName: file)
                : session.runBatch(text: text, fileName: file, arguments: scriptArguments)
        } else if !Terminal.isInteractive {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            code = session.runBatch(text: String(decoding: data, as: UTF8.self), fileName: "<stdin>", arguments: scriptArguments)
        } else {
            code = REPL(session: session).run()
        }
        // Out now, with the output flushed and a site file closed: taking a large site apart object by object
        // would take longer than many runs (seconds for 100,000 systems), and nothing in it is left to write.
        session.closeForExit()
        fflush(nil)  // every C stream: print() goes through stdout's buffer
        return code
    }
}
