// LineReader: the line-input contract the REPL codes against, shared by the terminal and the plain reader.

/// The outcome of one `readLine(prompt:)`.
public enum LineInput: Equatable, Sendable {
    /// A line without its line terminator. After Up recalled a multi-line history entry it can hold
    /// embedded "\n"s: treat those as consecutive physical lines of one statement.
    case line(String)
    /// Ctrl-C on the terminal: the half-typed line was discarded and the cursor is on a fresh line.
    case interrupted
    /// Ctrl-D on an empty line, the end of piped input, or an unrecoverable read error.
    case endOfInput
}

/// libedit's two key maps.
public enum EditMode: String, Sendable {
    case emacs, vi
}

/// What Tab completion offers: the start (Character offset into the line) of the word being completed, and candidates for it.
public struct Completion: Sendable {
    /// Character offset where the word under completion starts; the text from here to the cursor is replaced.
    public var wordStart: Int
    /// Whole replacement words, in display order. Nothing is appended after a unique match, so a completer
    /// that wants a trailing space (or `(`) puts it in the candidate.
    public var candidates: [String]

    public init(wordStart: Int, candidates: [String]) {
        self.wordStart = wordStart
        self.candidates = candidates
    }
}

/// Line input for the REPL. Not thread-safe: drive one reader from one thread, and since `readLine`
/// blocks, from a dedicated thread rather than the Swift concurrency pool.
public protocol LineReader: AnyObject {
    /// Reads one physical line (no trailing newline). Prompts are shown only by the terminal reader.
    func readLine(prompt: String) -> LineInput
    /// Records an entry in history (a whole statement, possibly multi-line: store it as ONE entry).
    func addHistory(_ entry: String)
    /// The recorded entries, oldest first.
    var history: [String] { get }
}
