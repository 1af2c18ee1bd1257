// Lexer: cmsh source text → tokens. One pass over UTF-8 bytes, driven by the first byte of each token.
//
// Statements end at `;` or at a line end — but a line end ends a statement only where the statement could
// end. It is white space:
//   • inside ( … ) or [ … ]                          select a,⏎ b      f(1,⏎ 2)
//   • after a symbol that needs a right-hand side    $x = 1 +⏎ 2       select a,⏎ b from X
//   • after a keyword that needs more                select count(*) from X where⏎ Client = 1    … in⏎ (select …)
//   • before a line that starts with a clause word   select * from X⏎ where Name = 'a'⏎ order by Name    }⏎ else {
// so a query pasted over several lines runs as one statement. Inside { … } line ends do separate statements.
// Carriage returns, tabs and form feeds are white space everywhere.

import CIM

public struct Lexer {
    let source: SourceFile
    private let bytes: [UInt8]
    private var i = 0
    private var tokens: [Token] = []
    private var diagnostics: [Diagnostic] = []
    /// Open brackets, to decide whether a line end counts; each with its offset for "unclosed" messages.
    private var openers: [(Symbol, Int)] = []

    /// Words that, at the start of a line, continue the statement of the line before.
    static let clauseWords: Set<String> = [
        "where", "and", "or", "order", "group", "having", "join", "inner", "left", "right", "full", "on",
        "set", "else", "catch", "from", "limit", "union", "is", "like", "not", "in",
    ]

    /// Words that, at the end of a line, leave the statement open: none of them can end a statement. A word
    /// right after `.` is a property name (`$p.From`), never one of these.
    static let continuingWords: Set<String> = [
        "select", "distinct", "from", "where", "and", "or", "not", "in", "like", "is", "isa", "join", "inner",
        "left", "right", "full", "outer", "cross", "on", "order", "group", "having", "by", "as", "set", "update",
        "delete", "else", "try", "catch", "limit", "union", "for", "while", "if", "let", "func", "function",
        "invoke", "new", "explain", "describe", "assert",
    ]

    public init(_ source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    /// Tokenizes the whole source. Lexical errors are collected (the lexer skips the bad character and goes
    /// on) so the parser can report every error in one run.
    public static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    private mutating func run() {
        tokens.reserveCapacity(bytes.count / 4)
        while true {
            skipSpaceAndComments()
            guard i < bytes.count else { break }
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\n"):
                lineEnd()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                string(quote: c)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number()
            case UInt8(ascii: "$"):
                variable()
            case UInt8(ascii: ".") where atStatementStart && peek(1).map(Self.isWordStart) == true:
                command()
            default:
                if Self.isWordStart(c) { word() } else { symbol() }
            }
        }
        for (sym, offset) in openers.reversed() {
            let closer = sym == .leftParen ? ")" : (sym == .leftBracket ? "]" : "}")
            diagnostics.append(Diagnostic(kind: .incomplete, message: "'\(sym.rawValue)' is never closed; expected '\(closer)'",
                                          range: SourceRange(offset, offset + 1), in: source))
        }
        tokens.append(Token(kind: .end, range: SourceRange(bytes.count, bytes.count), text: ""))
    }

    static func isWordStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == UInt8(ascii: "_") || c >= 0xC0
    }
    static func isWordByte(_ c: UInt8) -> Bool {
        isWordStart(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x80 && c < 0xC0)
    }

    private mutating func error(_ message: String, _ start: Int, _ end: Int, kind: Diagnostic.Kind = .syntax) {
        diagnostics.append(Diagnostic(kind: kind, message: message, range: SourceRange(start, end), in: source))
    }

    private mutating func add(_ kind: TokenKind, _ start: Int, _ text: String) {
        tokens.append(Token(kind: kind, range: SourceRange(start, i), text: text))
    }

    // MARK: - Space, comments, line ends

    private mutating func skipSpaceAndComments() {
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == 0x0C {
                i += 1
            } else if c == UInt8(ascii: "#") || (c == UInt8(ascii: "-") && peek(1) == UInt8(ascii: "-")) {
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
            } else if c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                let start = i
                i += 2
                while i < bytes.count && !(bytes[i] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) { i += 1 }
                if i >= bytes.count {
                    error("unterminated comment; '/*' is never closed by '*/'", start, start + 2, kind: .incomplete)
                } else {
                    i += 2
                }
            } else if c == 0xEF && peek(1) == 0xBB && peek(2) == 0xBF && i == 0 {
                i += 3  // a UTF-8 byte-order mark
            } else {
                return
            }
        }
    }

    private func peek(_ ahead: Int) -> UInt8? { i + ahead < bytes.count ? bytes[i + ahead] : nil }

    private mutating func lineEnd() {
        let start = i
        i += 1
        // Inside ( ) or [ ], after a symbol that wants more, or at the very start: the line end is space.
        if let (sym, _) = openers.last, sym != .leftBrace { return }
        guard let last = tokens.last else { return }
        switch last.kind {
        case .newline: return
        case .symbol(let s) where s.continuesLine: return
        case .word where Self.continuingWords.contains(last.text.lowercased()) && !followsDot(tokens.count - 1): return
        default: break
        }
        if let word = nextLineFirstWord(), Self.clauseWords.contains(word) {
            // `set` continues only an `update` (update X⏎ set P = 1); elsewhere it starts `set onerror …`.
            if word != "set" || statementStartsWith("update") { return }
        }
        tokens.append(Token(kind: .newline, range: SourceRange(start, start + 1), text: "\n"))
    }

    /// Does the next token start a statement (nothing before it but a statement's end)?
    private var atStatementStart: Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .newline, .symbol(.semicolon), .symbol(.leftBrace), .symbol(.rightBrace): return true
        default: return false
        }
    }

    /// A shell command (`.format csv`, `.members SMS00001`) on a line of its own: the whole line is one
    /// token, its text as written, so arguments need no quoting.
    private mutating func command() {
        let start = i
        while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
        var end = i
        while end > start && [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[end - 1]) { end -= 1 }
        tokens.append(Token(kind: .command, range: SourceRange(start, end), text: String(decoding: bytes[start..<end], as: UTF8.self)))
    }

    /// Is the token at `index` a name after `.` (a property such as `$p.From`)?
    private func followsDot(_ index: Int) -> Bool { index > 0 && tokens[index - 1].isSymbol(.dot) }

    /// Is the first token of the statement being read the given word?
    private func statementStartsWith(_ word: String) -> Bool {
        var k = tokens.count - 1
        while k >= 0 {
            switch tokens[k].kind {
            case .newline, .symbol(.semicolon), .symbol(.leftBrace), .symbol(.rightBrace):
                return k + 1 < tokens.count && tokens[k + 1].isWord(word)
            default: k -= 1
            }
        }
        return !tokens.isEmpty && tokens[0].isWord(word)
    }

    /// Looks past blank and comment-only lines to the first word of the next line, lower-cased.
    private func nextLineFirstWord() -> String? {
        var j = i
        while j < bytes.count {
            let c = bytes[j]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") {
                j += 1
            } else if c == UInt8(ascii: "#") || (c == UInt8(ascii: "-") && j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: "-")) {
                while j < bytes.count && bytes[j] != UInt8(ascii: "\n") { j += 1 }
            } else {
                break
            }
        }
        let start = j
        while j < bytes.count && Self.isWordByte(bytes[j]) { j += 1 }
        guard j > start, j - start <= 6 else { return nil }
        return String(decoding: bytes[start..<j], as: UTF8.self).lowercased()
    }

    // MARK: - Words, variables, numbers

    private mutating func word() {
        let start = i
        while i < bytes.count && Self.isWordByte(bytes[i]) { i += 1 }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if text.unicodeScalars.contains("\u{FFFD}") {
            error("unexpected character: invalid UTF-8", start, i)
            return
        }
        // Names may hold non-ASCII letters (élément), but not other symbols (§, •, emoji).
        if let bad = text.unicodeScalars.first(where: { $0.value >= 0x80 && !$0.properties.isAlphabetic }) {
            error("unexpected character: '\(bad)'", start, i)
            return
        }
        let previous = tokens.last
        add(.word, start, text)
        // Two places where WQL takes raw text the tokenizer must not split: `associators of {path}` and
        // `use [namespace] root\sms\site_S01`. Both come back as string tokens.
        if text.equalsIgnoringCaseASCII("of"), let previous,
           previous.isWord("associators") || previous.isWord("references") {
            rawUntilClosingBrace()
        } else if text.equalsIgnoringCaseASCII("use") || (text.equalsIgnoringCaseASCII("namespace") && previous?.isWord("use") == true) {
            rawNamespace()
        }
    }

    private mutating func variable() {
        let start = i
        i += 1
        if i < bytes.count && bytes[i] == UInt8(ascii: "?") {
            i += 1
            add(.variable, start, "?")
            return
        }
        let nameStart = i
        while i < bytes.count && Self.isWordByte(bytes[i]) { i += 1 }
        if i == nameStart {
            error("expected a variable name after '$'", start, start + 1)
            return
        }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        if name.unicodeScalars.contains("\u{FFFD}") {
            error("unexpected character in a variable name: invalid UTF-8", start, i)
            return
        }
        // Variables are case-insensitive ($Site is $site): fold once here so lookups never fold.
        add(.variable, start, name.lowercased())
    }

    private mutating func number() {
        let start = i
        if bytes[i] == UInt8(ascii: "0"), let x = peek(1), x | 0x20 == UInt8(ascii: "x") {
            i += 2
            let digits = i
            while i < bytes.count && Self.isHexDigit(bytes[i]) { i += 1 }
            if i == digits { error("expected hexadecimal digits after '0x'", start, i) }
            if i < bytes.count && Self.isWordByte(bytes[i]) {
                while i < bytes.count && Self.isWordByte(bytes[i]) { i += 1 }
                error("'\(String(decoding: bytes[start..<i], as: UTF8.self))' is not a valid number", start, i)
                return
            }
            add(.integer, start, String(decoding: bytes[start..<i], as: UTF8.self))
            return
        }
        var isReal = false
        while i < bytes.count && Self.isDigit(bytes[i]) { i += 1 }
        if i + 1 < bytes.count && bytes[i] == UInt8(ascii: ".") && Self.isDigit(bytes[i + 1]) {
            isReal = true
            i += 1
            while i < bytes.count && Self.isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && bytes[i] | 0x20 == UInt8(ascii: "e") {
            var j = i + 1
            if j < bytes.count && (bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-")) { j += 1 }
            if j < bytes.count && Self.isDigit(bytes[j]) {
                isReal = true
                i = j
                while i < bytes.count && Self.isDigit(bytes[i]) { i += 1 }
            }
        }
        if i < bytes.count && Self.isWordByte(bytes[i]) {
            while i < bytes.count && Self.isWordByte(bytes[i]) { i += 1 }
            error("'\(String(decoding: bytes[start..<i], as: UTF8.self))' is not a valid number or name", start, i)
            return
        }
        add(isReal ? .real : .integer, start, String(decoding: bytes[start..<i], as: UTF8.self))
    }

    /// After `of`: `{ \\server\ns:Class.Key="v" }` → a string token holding the trimmed path.
    private mutating func rawUntilClosingBrace() {
        skipSpaceAndComments()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return }
        let start = i
        i += 1
        var quote: UInt8? = nil
        while i < bytes.count {
            let c = bytes[i]
            if let q = quote {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "}") {
                break
            }
            i += 1
        }
        guard i < bytes.count else {
            i = bytes.count
            error("'{' is never closed; expected '}' after the object path", start, start + 1, kind: .incomplete)
            return
        }
        let text = String(decoding: bytes[(start + 1)..<i], as: UTF8.self).trimmedWhitespace
        i += 1
        add(.string, start, text)
    }

    /// After `use`: an unquoted namespace such as `root\sms\site_S01` → a string token.
    private mutating func rawNamespace() {
        var j = i
        while j < bytes.count && (bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t")) { j += 1 }
        let start = j
        while j < bytes.count && (Self.isWordByte(bytes[j]) || bytes[j] == UInt8(ascii: "\\") || bytes[j] == UInt8(ascii: "/")) { j += 1 }
        let text = String(decoding: bytes[start..<j], as: UTF8.self)
        // `use namespace …`: leave the word `namespace` to be lexed normally.
        guard j > start, !text.equalsIgnoringCaseASCII("namespace"),
              text.contains("\\") || text.contains("/") || text.lowercased().hasPrefix("root") else { return }
        i = j
        add(.string, start, text)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }

    // MARK: - Strings

    /// "…" or '…' with escapes \" \' \\ \n \t \r \0 \xHH \u{H…}. An unknown escape is an error at its location.
    private mutating func string(quote: UInt8) {
        let start = i
        i += 1
        var out: [UInt8] = []
        var segment = i
        while true {
            guard i < bytes.count else {
                error("unterminated string; the \(quote == UInt8(ascii: "'") ? "'" : "\"") opened here is never closed",
                      start, start + 1, kind: .incomplete)
                return
            }
            let c = bytes[i]
            if c == quote { break }
            if c == UInt8(ascii: "\\") {
                out.append(contentsOf: bytes[segment..<i])
                let escStart = i
                i += 1
                guard i < bytes.count else { continue }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "0"): out.append(0x00)
                case UInt8(ascii: "x"):
                    var value: UInt32 = 0
                    var n = 0
                    while n < 2, i < bytes.count, Self.isHexDigit(bytes[i]) { value = value * 16 + Self.hexValue(bytes[i]); i += 1; n += 1 }
                    if n != 2 { error("'\\x' must be followed by two hexadecimal digits", escStart, i) }
                    else { appendScalar(value, to: &out) }
                case UInt8(ascii: "u"):
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else {
                        error("'\\u' must be followed by '{hex digits}', as in \\u{E9}", escStart, i)
                        break
                    }
                    i += 1
                    var value: UInt32 = 0
                    var n = 0
                    while i < bytes.count, Self.isHexDigit(bytes[i]) {
                        if n < 8 { value = value * 16 + Self.hexValue(bytes[i]) }
                        i += 1; n += 1
                    }
                    if i < bytes.count, bytes[i] == UInt8(ascii: "}"), (1...6).contains(n), Unicode.Scalar(value) != nil {
                        i += 1
                        appendScalar(value, to: &out)
                    } else {
                        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1 }
                        error("'\\u{…}' needs 1 to 6 hexadecimal digits naming a Unicode scalar", escStart, i)
                    }
                default:
                    let shown = String(decoding: bytes[(i - 1)..<min(i - 1 + Self.scalarLength(e), bytes.count)], as: UTF8.self)
                    error("unknown escape sequence '\\\(shown)' in string; use '\\\\' for a backslash", escStart, i)
                }
                segment = i
                continue
            }
            i += 1
        }
        out.append(contentsOf: bytes[segment..<i])
        i += 1
        add(.string, start, String(decoding: out, as: UTF8.self))
    }

    static func hexValue(_ c: UInt8) -> UInt32 { isDigit(c) ? UInt32(c - 0x30) : UInt32((c | 0x20) - 0x61 + 10) }
    static func scalarLength(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    private func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    // MARK: - Symbols

    private mutating func symbol() {
        let start = i
        let c = bytes[i]
        let next = peek(1)
        func two(_ s: Symbol) { i += 2; add(.symbol(s), start, s.rawValue) }
        func one(_ s: Symbol) { i += 1; add(.symbol(s), start, s.rawValue) }
        switch c {
        case UInt8(ascii: "("): one(.leftParen); openers.append((.leftParen, start))
        case UInt8(ascii: "["): one(.leftBracket); openers.append((.leftBracket, start))
        case UInt8(ascii: "{"): one(.leftBrace); openers.append((.leftBrace, start))
        case UInt8(ascii: ")"): close(.leftParen, .rightParen, start)
        case UInt8(ascii: "]"): close(.leftBracket, .rightBracket, start)
        case UInt8(ascii: "}"): close(.leftBrace, .rightBrace, start)
        case UInt8(ascii: ","): one(.comma)
        case UInt8(ascii: ";"): one(.semicolon)
        case UInt8(ascii: "."): one(.dot)
        case UInt8(ascii: ":"): one(.colon)
        case UInt8(ascii: "@"): one(.at)
        case UInt8(ascii: "+"): one(.plus)
        case UInt8(ascii: "-"): one(.minus)
        case UInt8(ascii: "*"): one(.star)
        case UInt8(ascii: "/"): one(.slash)
        case UInt8(ascii: "%"): one(.percent)
        case UInt8(ascii: "="): next == UInt8(ascii: "=") ? two(.doubleEqual) : one(.equal)
        case UInt8(ascii: "!"): next == UInt8(ascii: "=") ? two(.notEqual) : one(.bang)
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") { two(.lessEqual) } else if next == UInt8(ascii: ">") { two(.lessGreater) } else { one(.less) }
        case UInt8(ascii: ">"): next == UInt8(ascii: "=") ? two(.greaterEqual) : one(.greater)
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { two(.concat) } else { i += 1; error("unexpected '|'; did you mean '||'?", start, i) }
        default:
            let length = Self.scalarLength(c)
            i = min(bytes.count, i + max(1, length))
            let shown = String(decoding: bytes[start..<i], as: UTF8.self)
            let what = c == 0 ? "a NUL byte" : (shown == "\u{FFFD}" ? "invalid UTF-8" : "'\(shown)'")
            error("unexpected character: \(what)", start, i)
        }
    }

    private mutating func close(_ opener: Symbol, _ closer: Symbol, _ start: Int) {
        i += 1
        if let last = openers.last, last.0 == opener {
            openers.removeLast()
        } else if let last = openers.last {
            // A mismatched closer: report it, and close the innermost opener if this one closes an outer one.
            let expected = last.0 == .leftParen ? ")" : (last.0 == .leftBracket ? "]" : "}")
            let loc = source.location(of: last.1)
            diagnostics.append(Diagnostic(kind: .syntax, message: "'\(closer.rawValue)' does not match; expected '\(expected)'",
                                          range: SourceRange(start, i), in: source,
                                          note: "to close '\(last.0.rawValue)' at \(loc.line):\(loc.column)"))
            if openers.contains(where: { $0.0 == opener }) {
                while let top = openers.last, top.0 != opener { openers.removeLast() }
                openers.removeLast()
            }
        } else {
            error("unexpected '\(closer.rawValue)' with nothing to close", start, i)
        }
        add(.symbol(closer), start, closer.rawValue)
    }
}

extension String {
    var trimmedWhitespace: String {
        var sub = Substring(self)
        while let f = sub.first, f.isWhitespace { sub = sub.dropFirst() }
        while let l = sub.last, l.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }
}
