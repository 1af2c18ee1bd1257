// TerminalLineReader: libedit line editing on a terminal — emacs/vi keys, persistent history, Ctrl-R, Tab completion, Ctrl-C/Ctrl-D.
import CLibEdit
import EditShim
import Foundation

/// Line editing for an interactive session.
///
/// - UTF-8 needs a UTF-8 `LC_CTYPE`: `LANG`/`LC_ALL` should name a UTF-8 locale. When they name C/POSIX
///   (or another charset), the reader switches `LC_CTYPE` to "C.UTF-8"; without a UTF-8 locale libedit
///   silently drops every non-ASCII key.
/// - Ctrl-C does not raise SIGINT while a line is being edited: ISIG is off in libedit's edit-mode tty
///   settings and ^C is bound to a function that abandons the line (`.interrupted`). Between `readLine`
///   calls the terminal is in its normal mode with ISIG, so the CLI's own SIGINT handler sees Ctrl-C
///   while a statement runs.
/// - libedit's signal handling is on (terminal restored on SIGTERM/SIGHUP during editing, redraw on
///   resize/SIGCONT). Its handlers reach the EditLine through a process-global pointer, so create one
///   terminal reader per process, and call `readLine` from one thread (a dedicated one: it blocks).
/// - `~/.editrc` (or `$EDITRC`) is read after the built-in bindings, so users can override them; lines
///   prefixed `cmsh:` apply to this program only.
public final class TerminalLineReader: LineReader {
    private var editLine: OpaquePointer?
    private var historyStore: OpaquePointer?
    private let session: EditSession
    private let historyFile: String?
    /// False when an existing history file could not be read: saving would destroy a file we don't understand.
    private var historyFileWritable = true

    /// nil when stdin is not a terminal. historyFile nil = no persistence.
    public init?(programName: String = "cmsh", historyFile: String?, historyLimit: Int = 10_000) {
        guard isatty(STDIN_FILENO) != 0 else { return nil }
        Self.selectUTF8Locale()
        // With stdout redirected (`cmsh | tee log`) prompts and echo go to the terminal on stderr instead of the pipe.
        let output = isatty(STDOUT_FILENO) == 0 && isatty(STDERR_FILENO) != 0 ? shim_stderr() : shim_stdout()
        guard let output, let editLine = el_init(programName, shim_stdin(), output, shim_stderr()) else { return nil }
        guard let historyStore = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.historyStore = historyStore
        self.historyFile = historyFile
        session = EditSession(output: output)

        // The callbacks are C function pointers and cannot capture; they find the session through
        // EL_CLIENTDATA. Unretained is enough: `session` outlives the EditLine, which close() ends first.
        shim_el_set_clientdata(editLine, Unmanaged.passUnretained(session).toOpaque())
        shim_el_set_prompt(editLine, { el in EditSession.of(el)?.prompt }, EditSession.invisibleDelimiter)
        shim_el_add_function(editLine, EditSession.completeName, "Complete the word before the cursor") { el, _ in
            EditSession.of(el)?.complete(el) ?? UInt8(CC_ERROR)
        }
        shim_el_add_function(editLine, EditSession.interruptName, "Abandon the line being edited") { el, _ in
            EditSession.of(el)?.interrupted = true
            // CC_NEWLINE ends el_gets without appending '\n' to the buffer; readLine discards the line anyway.
            return UInt8(CC_NEWLINE)
        }
        shim_el_set_signal(editLine, 1)

        shim_history_set_size(historyStore, Int32(clamping: max(historyLimit, 0)))
        shim_history_set_unique(historyStore, 1)   // drop consecutive duplicates
        shim_el_set_history(editLine, historyStore)
        loadHistory()

        shim_el_set_editor(editLine, EditMode.emacs.rawValue)
        installBindings()
        // Only the edit-mode settings lose ISIG; libedit restores the normal settings whenever el_gets returns.
        parse("setty", "-d", "-isig")
        el_source(editLine, nil)   // after our bindings, so ~/.editrc wins
    }

    deinit { close() }

    /// Tab completion. `line` is the whole buffer, `cursor` a Character offset into it.
    /// Marks prompt text that prints nothing (a colour escape) so libedit counts no columns for it and
    /// sends it to the terminal as it is: `reader.readLine(prompt: TerminalLineReader.nonPrinting("\u{1B}[1m") + "> ")`.
    public static func nonPrinting(_ text: String) -> String {
        let delimiter = String(UnicodeScalar(UInt8(EditSession.invisibleDelimiter)))
        return delimiter + text + delimiter
    }

    public var completer: ((_ line: String, _ cursor: Int) -> Completion)? {
        get { session.completer }
        set { session.completer = newValue }
    }

    /// emacs by default. Switching loads libedit's default key map for the mode and re-adds cmsh's keys
    /// (Tab, Ctrl-C, Ctrl-R); `~/.editrc` bindings are applied at start-up only.
    public var editMode: EditMode {
        get {
            guard let editLine, let name = shim_el_get_editor(editLine) else { return .emacs }
            return EditMode(rawValue: String(cString: name)) ?? .emacs
        }
        set {
            guard let editLine else { return }
            shim_el_set_editor(editLine, newValue.rawValue)
            installBindings()
        }
    }

    public func readLine(prompt: String) -> LineInput {
        guard let editLine else { return .endOfInput }
        session.setPrompt(prompt)
        session.interrupted = false
        // libedit only tracks SIGWINCH while el_gets runs; pick up a resize that happened during a statement.
        el_resize(editLine)
        var count: Int32 = 0
        let text = el_gets(editLine, &count)
        let readErrno = errno
        if session.interrupted {
            // The screen cursor is where the user left it; re-echo the rest of the abandoned line so "^C" and
            // the next prompt land after all of it, even when it wraps onto more rows.
            session.write(Self.textAfterCursor(editLine) + "^C\n")
            return .interrupted
        }
        guard let text, count > 0 else {
            session.write("\n")
            // A signal that reached libedit's handler (kill -INT, not the keyboard) ends el_gets with EINTR.
            return count < 0 && readErrno == EINTR ? .interrupted : .endOfInput
        }
        // el_gets' count is in bytes and includes the '\n'; the buffer is not reliably NUL-terminated.
        var bytes = UnsafeRawBufferPointer(start: text, count: Int(count))[...]
        if bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    /// Whitespace-only entries are ignored; a repeat of the newest entry is dropped (H_SETUNIQUE).
    public func addHistory(_ entry: String) {
        guard let historyStore, !entry.allSatisfy(\.isWhitespace) else { return }
        var trimmed = Substring(entry)
        while trimmed.last?.isNewline == true { trimmed = trimmed.dropLast() }
        shim_history_enter(historyStore, String(trimmed))
    }

    /// Oldest first.
    public var history: [String] {
        guard let historyStore else { return [] }
        var entries: [String] = []
        // libedit's "first" is the newest entry and "prev" moves towards newer ones.
        var entry = shim_history_step(historyStore, H_LAST)
        while let current = entry {
            entries.append(String(cString: current))
            entry = shim_history_step(historyStore, H_PREV)
        }
        return entries
    }

    /// Rewrites the history file (last writer wins between concurrent sessions) with mode 0600.
    public func saveHistory() {
        guard let historyStore, let historyFile, historyFileWritable else { return }
        makeDirectory(containing: historyFile)
        // libedit creates the file with fopen's 0666 & ~umask before tightening it; create it 0600 first
        // so the history is never readable by others, then enforce 0600 whatever libedit did.
        let fd = open(historyFile, O_WRONLY | O_CREAT, 0o600)
        if fd >= 0 { closeDescriptor(fd) }
        if shim_history_save(historyStore, historyFile) >= 0 { chmod(historyFile, 0o600) }
    }

    /// Saves history, ends libedit (restoring the terminal) and makes further reads return `.endOfInput`.
    public func close() {
        guard let editLine else { return }
        saveHistory()
        el_end(editLine)
        self.editLine = nil
        if let historyStore { history_end(historyStore) }
        historyStore = nil
    }

    private static func textAfterCursor(_ editLine: OpaquePointer) -> String {
        guard let info = el_line(editLine)?.pointee, info.lastchar > info.cursor else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: info.cursor, count: info.lastchar - info.cursor), as: UTF8.self)
    }

    // MARK: - Setup helpers

    /// EL_EDITOR resets the key maps, so this runs at start-up and after every mode switch.
    /// `-a` is vi's command map (unused in emacs mode).
    private func installBindings() {
        for map in [[], ["-a"]] {
            parse(["bind"] + map + ["^I", EditSession.completeName])
            parse(["bind"] + map + ["^C", EditSession.interruptName])
            parse(["bind"] + map + ["^R", "em-inc-search-prev"])
        }
    }

    private func parse(_ words: String...) { parse(words) }

    /// el_parse takes argv, so editrc-style commands need no variadic shim.
    private func parse(_ words: [String]) {
        guard let editLine else { return }
        let owned = words.map { strdup($0) }
        defer { owned.forEach { free($0) } }
        var argv = owned.map { UnsafePointer($0) }
        _ = el_parse(editLine, Int32(argv.count), &argv)
    }

    private func loadHistory() {
        guard let historyStore, let historyFile else { return }
        var info = stat()
        guard stat(historyFile, &info) == 0 else { return }   // first run: nothing to load
        if shim_history_load(historyStore, historyFile) < 0 && info.st_size > 0 { historyFileWritable = false }
    }

    /// Creates missing parent directories as 0700 (history can hold object paths, site codes, credentials typed as arguments).
    private func makeDirectory(containing file: String) {
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var path = ""
        for component in directory.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o700) == 0 { chmod(path, 0o700) }   // chmod: a restrictive umask must not matter
        }
    }

    /// LC_CTYPE decides how libedit decodes keys; see the type's documentation.
    private static func selectUTF8Locale() {
        _ = setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}

/// A free function because inside the reader `close` names the reader's own method.
private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}

/// The state the C callbacks need, reached through EL_CLIENTDATA.
final class EditSession {
    static let completeName = "cmsh-complete"
    static let interruptName = "cmsh-interrupt"
    /// Prompt text between two \u{1} characters takes no columns (for colour escapes).
    static let invisibleDelimiter = CChar(1)

    let output: UnsafeMutablePointer<FILE>
    /// strdup'd: libedit keeps calling the prompt function while it redraws, so the pointer must stay valid.
    private(set) var prompt: UnsafeMutablePointer<CChar>?
    var interrupted = false
    var completer: ((_ line: String, _ cursor: Int) -> Completion)?

    init(output: UnsafeMutablePointer<FILE>) {
        self.output = output
    }

    deinit { free(prompt) }

    static func of(_ editLine: OpaquePointer?) -> EditSession? {
        guard let editLine, let data = shim_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<EditSession>.fromOpaque(data).takeUnretainedValue()
    }

    func setPrompt(_ text: String) {
        free(prompt)
        prompt = strdup(text)
    }

    /// Goes through libedit's FILE so it interleaves correctly with libedit's own buffered output.
    func write(_ text: String) {
        fputs(text, output)
        fflush(output)
    }

    /// Bound to Tab: extend the word by what all candidates share, list them when that adds nothing, beep when there are none.
    func complete(_ editLine: OpaquePointer?) -> UInt8 {
        guard let editLine, let completer, let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        // el_line's pointers index the multibyte (UTF-8) rendering of the buffer, so the offsets are bytes.
        let all = UnsafeRawBufferPointer(start: info.buffer, count: info.lastchar - info.buffer)
        let line = String(decoding: all, as: UTF8.self)
        let beforeCursor = Array(String(decoding: all[..<(info.cursor - info.buffer)], as: UTF8.self))

        switch CompletionStep(completer(line, beforeCursor.count), beforeCursor: beforeCursor) {
        case .none:
            return UInt8(CC_REFRESH_BEEP)
        case .done:
            return UInt8(CC_NORM)
        case .replace(let deleteCount, let insert):
            // el_deletestr counts the wide characters libedit stores, i.e. Unicode scalars.
            if deleteCount > 0 { el_deletestr(editLine, Int32(deleteCount)) }
            return el_insertstr(editLine, insert) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
        case .list(let candidates):
            write("\n" + Self.columns(candidates, width: Terminal.columns(of: fileno(output)) ?? 80))
            return UInt8(CC_REDISPLAY)   // redraw prompt and line below the list
        }
    }

    /// Lays candidates out in rows, as many columns as fit.
    static func columns(_ items: [String], width: Int) -> String {
        let cell = (items.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / cell)
        var text = ""
        for (index, item) in items.enumerated() {
            let last = index % perRow == perRow - 1 || index == items.count - 1
            text += last ? item + "\n" : item.padding(toLength: cell, withPad: " ", startingAt: 0)
        }
        return text
    }
}

/// What one Tab press does, decided from the completer's answer alone (no libedit involved).
enum CompletionStep: Equatable {
    case none                                       // no candidates: beep
    case done                                       // the word already is the only candidate
    case replace(deleteCount: Int, insert: String)  // delete scalars before the cursor, then insert
    case list([String])                             // ambiguous and nothing more to insert

    init(_ completion: Completion, beforeCursor: [Character]) {
        let candidates = completion.candidates
        guard let first = candidates.first else {
            self = .none
            return
        }
        let start = min(max(completion.wordStart, 0), beforeCursor.count)
        let typed = String(beforeCursor[start...])
        let shared = candidates.dropFirst().reduce(first) { String($0.commonPrefix(with: $1)) }
        if shared.count > typed.count || (shared.count == typed.count && shared != typed) {
            // Usually `shared` extends `typed`; when it differs (case-insensitive matching) the word is replaced.
            self = shared.hasPrefix(typed)
                ? .replace(deleteCount: 0, insert: String(shared.dropFirst(typed.count)))
                : .replace(deleteCount: typed.unicodeScalars.count, insert: shared)
        } else if Set(candidates).count > 1 {
            self = .list(candidates)
        } else {
            self = .done
        }
    }
}
