// Session: one cmsh process's engine, output settings and the code that runs text and prints results.
import CMShell
import Dispatch
import Foundation
import LineEditor
import Remote

/// The engine plus how results are shown; shared by the batch runner and the REPL.
final class Session {
    /// The engine statements run on: the local site's, or a remote one's after `--connect` / `.connect`.
    private(set) var engine: Engine
    var renderer: Renderer
    let options: ShellOptions
    var timer: Bool
    private var statementStart: ContinuousClock.Instant?
    let stdout = FileHandle.standardOutput
    let stderr = FileHandle.standardError
    var colorAllowed: Bool

    init(options: ShellOptions) throws {
        self.options = options
        engine = try options.connect.map { try Self.remoteEngine($0, options) }
            ?? Engine(site: Self.siteModel(options), clock: options.siteClock, permissions: .shell, limits: options.limits)
        let env = ProcessInfo.processInfo.environment
        colorAllowed = !options.noColor && env["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
        renderer = Renderer(RenderOptions(format: options.format, color: colorAllowed,
                                          terminalWidth: isatty(STDOUT_FILENO) == 1 ? Terminal.width : nil,
                                          rowCount: !options.quiet))
        timer = options.timer
        if let user = options.auditAs { engine.site?.userName = user }
        for file in options.inventory {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw CMShellError(.notFound, "cannot read the inventory extension \(file)")
            }
            let made = try engine.extendInventory(mof: text, fileName: file)
            if !options.quiet && isatty(STDERR_FILENO) == 1 {
                FileHandle.standardError.write(Data("hardware inventory extended: \(made.joined(separator: ", "))\n".utf8))
            }
        }
        if let ns = options.namespace {
            guard engine.model.hasNamespace(ns) else {
                throw CMShellError(.invalidNamespace, "namespace \(ns) does not exist; the site's is \(engine.namespace)")
            }
            engine.namespace = ns
        }
        configure(engine)
    }

    /// An engine on the remote site at `url`, its requests abortable by the engine's cancellation.
    static func remoteEngine(_ url: String, _ options: ShellOptions) throws -> Engine {
        let site = try Connect.model(url, options)
        let engine = try Engine(site: .model(site), permissions: .shell, limits: options.limits)
        Connect.wire(site, to: engine)
        return engine
    }

    /// The remote site statements go to, or nil on a local one.
    var remote: (any RemoteModel)? { engine.model as? any RemoteModel }

    /// The session's hooks on an engine: output, dot-commands in scripts, --echo and --timer.
    private func configure(_ engine: Engine) {
        engine.output = { [unowned self] event in show(event) }
        engine.hostCommand = DotCommand.hostCommand(session: self)
        engine.beforeStatement = { [unowned self] text in
            if options.echo { write(text + "\n") }
            statementStart = ContinuousClock.now
        }
        engine.afterStatement = { [unowned self] _ in
            guard timer, let start = statementStart else { return }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            write(String(format: "Run Time: %.3f s\n", seconds))
        }
    }

    /// The local engine to come back to after `.disconnect`.
    private var localEngine: Engine?

    /// `.connect URL`: statements go to that site from now on; the local site waits, as it was.
    func connect(_ url: String) throws {
        let next = try Self.remoteEngine(url, options)
        next.errorMode = engine.errorMode
        configure(next)
        if remote == nil { localEngine = engine }
        engine = next
    }

    /// `.disconnect`: back to the local site (the demo site when the session started connected).
    func disconnect() throws {
        guard remote != nil else { throw CMShellError(.invalidOperation, "not connected: statements already run on the local site") }
        let local = try localEngine ?? Engine(site: Self.siteModel(options), clock: options.siteClock, permissions: .shell, limits: options.limits)
        local.errorMode = engine.errorMode
        configure(local)
        localEngine = nil
        engine = local
    }

    /// The demo site in memory, or the --site file (created first with --init).
    static func siteModel(_ options: ShellOptions) -> Engine.SiteModel {
        guard let path = options.site else { return options.systems.map { .demo(systems: $0) } ?? .demo }
        var fileOptions = SiteFile.Options()
        fileOptions.busyTimeout = options.busyTimeout
        let template: Engine.SiteTemplate? = switch options.initialize {
        case .demo?: options.systems.map { .demo(systems: $0) } ?? .demo
        case .empty?: .empty(siteCode: options.siteCode)
        case nil: nil
        }
        return .file(path, initialize: template, options: fileOptions)
    }

    func write(_ text: String) { stdout.write(Data(text.utf8)) }
    func writeError(_ text: String) { stderr.write(Data(text.utf8)) }

    /// Red "error:" on a colour terminal, as compilers print it.
    func errorText(_ text: String) -> String {
        guard colorAllowed, isatty(STDERR_FILENO) == 1 else { return text }
        return text.replacingOccurrences(of: ": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ", options: [], range: text.range(of: ": error: "))
    }

    /// Set while a batch run writes `--format json`: its results become one document.
    private var jsonRun: JSONRun?

    func show(_ event: OutputEvent) {
        switch event {
        case .status:
            if options.quiet { return }
            // For programs, stdout holds results only.
            if renderer.options.isMachineReadable, let (text, _) = renderer.render(event) { writeError(text); return }
        case .value(let value) where options.quiet && value.isLoneSuccess:
            return
        case .value(let value) where jsonRun != nil:
            let text = renderer.render(value)
            if !text.isEmpty { write(jsonRun!.add(text)) }
            return
        case .print(let values) where jsonRun != nil:
            let text = renderer.render(values.count == 1 ? values[0] : .list(values))
            write(jsonRun!.add(text.isEmpty ? "null" : text))
            return
        default: break
        }
        guard let (text, isError) = renderer.render(event) else { return }
        if isError { writeError(errorText(text)) } else { write(text) }
    }

    /// `.format`: a batch's JSON document is closed before another format writes.
    func setFormat(_ format: OutputFormat) {
        if format != .json, jsonRun != nil { write(jsonRun!.finish()); jsonRun = nil }
        renderer.options.format = format
        if inBatch, format == .json, jsonRun == nil { jsonRun = JSONRun() }
    }
    /// A batch run (not the prompt) is under way.
    private var inBatch = false

    /// Reports a run's failure on stderr; returns the exit code.
    @discardableResult
    func report(_ result: RunResult) -> Int32 {
        switch result.outcome {
        case .completed, .exited: break
        case .failed(let error): writeError(errorText(error.description) + "\n")
        case .syntaxErrors(let diagnostics):
            for d in diagnostics { writeError(errorText(d.description) + "\n") }
        }
        return result.exitCode
    }

    /// Runs a whole script (file, -c or stdin): every syntax error first, else the statements in order.
    func runBatch(text: String, fileName: String, arguments: [String], scriptName: String? = nil) -> Int32 {
        if options.check {
            let problems = engine.check(text, fileName: fileName)
            for d in problems { writeError(errorText(d.description) + "\n") }
            return problems.isEmpty ? 0 : 2
        }
        engine.errorMode = options.onerror ?? .stop
        engine.set("args", .list(arguments.map { .string($0) }))
        engine.set("0", .string(scriptName ?? fileName))
        for (i, a) in arguments.enumerated() { engine.set("\(i + 1)", .string(a)) }
        if options.transaction { engine.repository.beginTransaction() }
        inBatch = true
        installInterruptHandler()
        if renderer.options.format == .json { jsonRun = JSONRun() }
        let code = report(engine.run(script: text, fileName: fileName))
        if jsonRun != nil { write(jsonRun!.finish()); jsonRun = nil }
        return finishTransactions(after: code)
    }

    private var interruptSource: (any DispatchSourceSignal)?

    /// Ctrl-C while a batch runs stops the running statement (WBEM_E_CALL_CANCELLED, exit 1), which is
    /// undone, so a site file keeps what the finished statements did; a second Ctrl-C ends cmsh at once.
    private func installInterruptHandler() {
        Interrupts.routeToDispatch()
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let cancellation = engine.cancellation
        nonisolated(unsafe) var presses = 0
        source.setEventHandler {
            presses += 1
            if presses > 1 { _exit(130) }
            cancellation.cancel()
        }
        source.resume()
        interruptSource = source
    }

    /// A batch leaves no transaction open: --transaction commits when the script succeeded; anything else
    /// still open is rolled back, and that is an error (the script forgot its `commit`).
    /// Closes what must be closed before the process ends without tearing the session down: the site file.
    func closeForExit() {
        try? engine.siteFile?.close()
    }

    private func finishTransactions(after code: Int32) -> Int32 {
        let repository = engine.repository
        var code = code
        if options.transaction && repository.transactionDepth == 1 {
            if code == 0 {
                do { try repository.commitTransaction() } catch {
                    writeError("cmsh: the transaction was not committed: \(error)\n")
                    code = 1
                }
            } else {
                try? repository.rollbackTransaction()
                writeError("cmsh: the script failed, so the transaction was rolled back; nothing it did was kept\n")
            }
        }
        if rollBackOpenTransactions() {
            writeError("cmsh: the script ended inside a transaction ('begin' without 'commit'); it was rolled back\n")
            code = code == 0 ? 1 : code
        }
        return code
    }

    /// Rolls back every transaction still open (a batch or a shell session is ending); true if there was one.
    func rollBackOpenTransactions() -> Bool {
        let repository = engine.repository
        guard repository.transactionDepth > 0 else { return false }
        while repository.transactionDepth > 0 { try? repository.rollbackTransaction() }
        return true
    }

    /// Loads a MOF file as data (a `.dump`): stored as written, no provider side effects. Exit code.
    func loadMOF(_ text: String, fileName: String) -> Int32 {
        do {
            let result = try engine.load(mof: text, fileName: fileName)
            show(.status("\(result.classes.count) classes and \(result.instances.count) instances loaded from \(fileName)."))
            return 0
        } catch {
            writeError(errorText("\(error)") + "\n")
            return 1
        }
    }

    /// `--dump`: the whole site as MOF on standard output.
    func dumpSite() -> Int32 {
        if let remote {
            writeError("cmsh: --dump writes a local site; \(remote.host) is remote: select what you need, or dump the site file on its server\n")
            return 1
        }
        do { write(try engine.repository.mofDump()); return 0 } catch {
            writeError("cmsh: \(error)\n")
            return 1
        }
    }

    /// `--check-integrity`: SQLite's integrity check of the site file.
    func checkIntegrity() -> Int32 {
        guard let file = engine.siteFile else { return 2 }
        do {
            let problems = try file.checkIntegrity()
            if problems.isEmpty { write("ok: \(file.path) passed the integrity check\n"); return 0 }
            for p in problems { writeError("\(file.path): \(p)\n") }
            return 1
        } catch {
            writeError("cmsh: \(error)\n")
            return 1
        }
    }
}

extension Value {
    /// A method's result that says only "it worked" (`ReturnValue = 0` and nothing else): `--quiet` hides it.
    var isLoneSuccess: Bool {
        guard case .record(let r) = self, r.fields.count == 1, r.fields[0].name == "ReturnValue" else { return false }
        return r.fields[0].value.cimValue?.integerValue == 0
    }
}
