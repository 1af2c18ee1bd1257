// Session: one cmsh process's engine, output settings and the code that runs text and prints results.
import CMShell
import Foundation
import LineEditor

/// The engine plus how results are shown; shared by the batch runner and the REPL.
final class Session {
    let engine: Engine
    var renderer: Renderer
    let options: CMSH
    var timer: Bool
    private var statementStart: ContinuousClock.Instant?
    let stdout = FileHandle.standardOutput
    let stderr = FileHandle.standardError
    var colorAllowed: Bool

    init(options: CMSH) throws {
        self.options = options
        engine = try Engine(site: .demo, permissions: .shell, limits: options.limits)
        let env = ProcessInfo.processInfo.environment
        colorAllowed = !options.noColor && env["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
        renderer = Renderer(RenderOptions(format: options.format, color: colorAllowed,
                                          terminalWidth: isatty(STDOUT_FILENO) == 1 ? Terminal.width : nil))
        timer = options.timer
        if let ns = options.namespace {
            guard engine.repository.hasNamespace(ns) else {
                throw CMShellError(.invalidNamespace, "namespace \(ns) does not exist; the demo site's is \(engine.namespace)")
            }
            engine.namespace = ns
        }
        engine.output = { [unowned self] event in show(event) }
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

    func write(_ text: String) { stdout.write(Data(text.utf8)) }
    func writeError(_ text: String) { stderr.write(Data(text.utf8)) }

    /// Red "error:" on a colour terminal, as compilers print it.
    func errorText(_ text: String) -> String {
        guard colorAllowed, isatty(STDERR_FILENO) == 1 else { return text }
        return text.replacingOccurrences(of: ": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ", options: [], range: text.range(of: ": error: "))
    }

    func show(_ event: OutputEvent) {
        if options.quiet, case .status = event { return }
        guard let (text, isError) = renderer.render(event) else { return }
        if isError { writeError(errorText(text)) } else { write(text) }
    }

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
        return report(engine.run(script: text, fileName: fileName))
    }
}
