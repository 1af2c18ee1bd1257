// REPL: the interactive shell — prompts, continuation lines, history, completion, Ctrl-C and dot-commands.
import CMShell
import Dispatch
import Foundation
import LineEditor

/// Reads statements at a prompt and runs each as soon as it is complete.
///
/// A statement is complete when it parses; while it is not (an open quote, bracket or block, a trailing
/// operator or keyword, an `if` block that an `else` on the next line may join) the continuation prompt asks
/// for more. Lines that arrive together — a paste — are gathered and
/// run as one script, so a multi-line query pasted at the prompt runs once.
final class REPL {
    let session: Session
    let reader: any LineReader
    var engine: Engine { session.engine }
    private var signalSource: (any DispatchSourceSignal)?

    init(session: Session) {
        self.session = session
        if let terminal = TerminalLineReader(historyFile: REPL.historyPath(), historyLimit: 10_000) {
            reader = terminal
        } else {
            reader = PlainLineReader()
        }
        engine.errorMode = session.options.onerror ?? .continue
        if let terminal = reader as? TerminalLineReader {
            let pending = PendingText()
            self.pending = pending
            // Completion asks the engine of the moment: `.connect` changes the site, and so the names.
            terminal.completer = { [unowned session] line, cursor in
                let completer = Completer(engine: session.engine, dotCommands: DotCommand.names)
                let r = completer.complete(line, cursor: cursor, context: pending.text)
                return Completion(wordStart: r.wordStart, candidates: r.candidates)
            }
        }
    }

    /// The statement typed so far on earlier lines, for completion context.
    final class PendingText { var text = "" }
    private var pending: PendingText?

    /// `$CMSH_HISTORY`, else `$XDG_STATE_HOME/cmsh/history`, else `~/.local/state/cmsh/history`.
    /// `$HOME` is read from the environment: NSHomeDirectory() answers from the password database, which
    /// is wrong under `sudo -E`, in containers and wherever a test sets HOME.
    static func historyPath(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = env["CMSH_HISTORY"] { return explicit.isEmpty ? nil : explicit }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let base = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home + "/.local/state")
        return base + "/cmsh/history"
    }

    var prompt: String {
        let code = engine.namespace.split(separator: "_").last.map(String.init) ?? "cmsh"
        // `*` while a transaction is open, as a reminder that nothing since `begin` is kept until `commit`.
        // `S01@cm01` when connected: where the statements go.
        let remote = session.remote.map { "@" + $0.host } ?? ""
        let text = "cmsh \(code)\(remote)\(engine.repository.transactionDepth > 0 ? "*" : "")> "
        guard session.colorAllowed, reader is TerminalLineReader else { return text }
        // libedit must know the escapes print nothing: unmarked, it drops the ESC and shows "[1;34m".
        return TerminalLineReader.nonPrinting("\u{1B}[1;34m") + text + TerminalLineReader.nonPrinting("\u{1B}[0m")
    }
    var continuationPrompt: String { "   ...> " }

    func run() -> Int32 {
        installInterruptHandler()
        if !session.options.quiet {
            let site = session.remote.map { "\($0.location) (\(engine.namespace))" }
                ?? "ConfigMgr site \(engine.site?.siteCode ?? "?") (\(engine.namespace))"
            session.write("cmsh \(CMSH.version) — \(site). Type .help for help, .quit to leave.\n")
        }
        var buffer: [String] = []
        while true {
            pending?.text = buffer.joined(separator: "\n")
            switch reader.readLine(prompt: buffer.isEmpty ? prompt : continuationPrompt) {
            case .endOfInput:
                if !buffer.isEmpty { submit(buffer.joined(separator: "\n")) }
                if reader is TerminalLineReader { session.write("\n") }
                rollBackOpenTransaction()
                return 0
            case .interrupted:
                buffer = []
                continue
            case .line(let line):
                if buffer.isEmpty, line.trimmingCharacters(in: .whitespaces).hasPrefix(".") {
                    reader.addHistory(line)
                    switch DotCommand.run(line, session: session, reader: reader) {
                    case .continue: continue
                    case .quit(let code): rollBackOpenTransaction(); return code
                    case .run(let statements): submit(statements)
                    case .read(let path):
                        let mode = engine.errorMode
                        engine.errorMode = session.options.onerror ?? .stop
                        session.report(engine.run(file: path))
                        engine.errorMode = mode
                    case .failed(let message): session.writeError(message + "\n")
                    }
                    continue
                }
                buffer.append(line)
                let text = buffer.joined(separator: "\n")
                if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { buffer = []; continue }
                // More input already waiting (a paste): gather it before deciding.
                if Terminal.hasPendingInput { continue }
                switch engine.prepare(text) {
                case .failure(let errors) where errors.isIncomplete: continue
                // `}` of an `if` may be followed by `else` on the next line; an empty line runs it as it is.
                case .success(let script) where script.awaitsElse && !line.allSatisfy(\.isWhitespace): continue
                default: break
                }
                reader.addHistory(text)
                submit(text)
                buffer = []
            }
        }
    }

    /// Leaving with a transaction open drops it, as SQL shells do, and says so.
    private func rollBackOpenTransaction() {
        if session.rollBackOpenTransactions() { session.writeError("the open transaction was rolled back (no 'commit')\n") }
    }

    /// Runs one complete statement (or a pasted batch) and shows its results or errors.
    func submit(_ text: String) {
        let result = engine.run(script: text, fileName: "<stdin>")
        session.report(result)
        if case .failed(let e) = result.outcome, e.status == .callCancelled { session.writeError("interrupted\n") }
    }

    /// Ctrl-C while a statement runs cancels it; at the prompt the line editor handles it.
    private func installInterruptHandler() {
        Interrupts.routeToDispatch()
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        // The engine of the moment: `.connect` and `.disconnect` change it.
        source.setEventHandler { [unowned session] in session.engine.cancellation.cancel() }
        source.resume()
        signalSource = source
    }
}
