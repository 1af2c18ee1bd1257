// Diagnostics: located errors rendered as `file:line:col: error: message`, the source line and a caret.
import CIM

/// A located error from the lexer, parser or interpreter.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The text is not valid cmsh; nothing in the script ran.
        case syntax
        /// The input stopped in the middle of a statement (an open string, bracket or block): a REPL
        /// shows its continuation prompt instead of an error.
        case incomplete
        /// A statement failed while running.
        case runtime
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation
    /// The WMI status behind a runtime error (WBEM_E_NOT_FOUND …); syntax errors use WBEM_E_INVALID_SYNTAX.
    public var status: CIMStatus
    /// The source line and the caret under the offending column.
    public var sourceLine: String
    public var caretWidth: Int
    /// A note pointing elsewhere, e.g. "to close '(' at 3:7".
    public var note: String?

    public init(kind: Kind, message: String, range: SourceRange, in source: SourceFile,
                status: CIMStatus = .invalidSyntax, note: String? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.note = note
        location = source.location(of: range.start)
        sourceLine = source.lineText(containing: range.start)
        let endLoc = source.location(of: range.end)
        caretWidth = endLoc.line == location.line ? max(1, endLoc.column - location.column) : 1
    }

    /// `file:line:col: error: message`, then the source line, then the caret — as compilers print them.
    public var description: String {
        var out = "\(location): error: \(message)"
        if let note { out += " (\(note))" }
        let line = sourceLine.replacingTabs()
        if !line.isEmpty || location.column == 1 {
            out += "\n" + line + "\n" + String(repeating: " ", count: max(0, location.column - 1)) + "^"
            if caretWidth > 1 { out += String(repeating: "~", count: min(caretWidth - 1, max(0, line.count - location.column))) }
        }
        return out
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.kind == b.kind && a.message == b.message && a.location == b.location && a.status == b.status
    }
    public func hash(into h: inout Hasher) { h.combine(message); h.combine(location) }
}

/// All the syntax errors of a script that failed to parse (the parser recovers and reports each one).
public struct SyntaxErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// True when the only problem is that input ended mid-statement (the REPL should read another line).
    public var isIncomplete: Bool { diagnostics.count == 1 && diagnostics[0].kind == .incomplete }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension String {
    /// Tabs become single spaces so the caret lines up whatever the terminal's tab width.
    func replacingTabs() -> String { replacingOccurrences(of: "\t", with: " ") }
}
