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
        self.message = Self.printable(message, limit: 400)
        self.status = status
        self.note = note
        location = source.location(of: range.start)
        sourceLine = Self.controlPictures(source.lineText(containing: range.start))
        let endLoc = source.location(of: range.end)
        caretWidth = endLoc.line == location.line ? max(1, endLoc.column - location.column) : 1
    }

    /// `file:line:col: error: message`, then the source line, then the caret — as compilers print them. A
    /// very long line is shown as the part around the caret.
    public var description: String {
        var out = "\(location): error: \(message)"
        if let note { out += " (\(note))" }
        var line = sourceLine.replacingTabs()
        var column = location.column
        if line.count > Self.lineWindow * 2 {
            let start = max(0, column - 1 - Self.lineWindow)
            let end = min(line.count, column - 1 + Self.lineWindow)
            let characters = Array(line)
            line = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
            column = column - start + (start > 0 ? 1 : 0)
        }
        if !line.isEmpty || column == 1 {
            out += "\n" + line + "\n" + String(repeating: " ", count: max(0, column - 1)) + "^"
            if caretWidth > 1 { out += String(repeating: "~", count: min(caretWidth - 1, max(0, line.count - column))) }
        }
        return out
    }

    /// Characters of source shown on each side of the caret.
    static let lineWindow = 120

    /// The message with control characters escaped (`\x1B`), so a hostile script cannot drive the terminal
    /// through an error message, and cut to `limit` characters.
    static func printable(_ text: String, limit: Int) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { return out + "…" }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// A source line with each control character shown as its one-column picture (␛ for ESC, ␍ for a carriage
    /// return), so the caret stays under the right column; tabs stay (they become spaces when printed).
    static func controlPictures(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { s -> Unicode.Scalar in
            if s.value < 0x20 && s != "\t" { return Unicode.Scalar(0x2400 + s.value)! }
            if s.value == 0x7F { return "\u{2421}" }
            if (0x80...0x9F).contains(s.value) { return "\u{FFFD}" }
            return s
        }))
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
