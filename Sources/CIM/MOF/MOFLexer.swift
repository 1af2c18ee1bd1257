// MOFLexer: splits MOF text into tokens (names, literals, punctuation), each with its 1-based line and column.

/// A position in MOF source. Both numbers are 1-based; the column counts Unicode scalars, so a line with
/// `é` or `€` before the error still points at the right character.
struct MOFLocation: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// One token of MOF source.
struct MOFToken: Sendable {
    enum Kind: Equatable, Sendable {
        case identifier(String)
        /// `$Name`, held without the `$`.
        case alias(String)
        /// One quoted string with its escapes decoded; the parser joins adjacent strings.
        case string(String)
        case char16(UInt16)
        /// The magnitude of an integer literal (at most 64 bits); a leading sign is its own token.
        case integer(Int128)
        /// A real literal's text, kept as text so a real32 target is parsed once, without double rounding.
        case real(String)
        case punct(Unicode.Scalar)
        case end
    }

    var kind: Kind
    var location: MOFLocation
    /// The token as written, for messages.
    var raw: String

    /// How a message names this token: `'string'`, `';'`, `the string "abc"`, `the end of the file`.
    var display: String {
        switch kind {
        case .end: return "the end of the file"
        case .string:
            let shown = raw.unicodeScalars.count > 32 ? String(String.UnicodeScalarView(raw.unicodeScalars.prefix(30))) + "…" : raw
            return "the string " + shown
        default: return "'" + raw + "'"
        }
    }
}

/// A hand-written scanner over the source's Unicode scalars. It never traps: every index is bounds-checked
/// and integer literals are accumulated in Int128 and rejected once they pass 64 bits.
struct MOFLexer {
    let file: String
    private let scalars: [Unicode.Scalar]
    /// The source's UTF-8 bytes, and where each scalar starts in them (nil when every scalar is one byte): a
    /// token's text is then one slice of bytes, not a string built scalar by scalar.
    private let bytes: [UInt8]
    private let byteOffsets: [Int]?
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ source: String, file: String) {
        self.file = file
        scalars = Array(source.unicodeScalars)
        bytes = Array(source.utf8)
        if bytes.count == scalars.count {
            byteOffsets = nil
        } else {
            var offsets = [Int](), offset = 0
            offsets.reserveCapacity(scalars.count + 1)
            for scalar in scalars {
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
            byteOffsets = offsets
        }
        if scalars.first == "\u{FEFF}" { index = 1; lineStart = 1 }  // a byte-order mark is not content
    }

    private var location: MOFLocation { MOFLocation(line: line, column: index - lineStart + 1) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = index + offset
        return i < scalars.count ? scalars[i] : nil
    }

    /// Moves past one scalar, counting `\n`, `\r\n` and a lone `\r` as one line break each.
    private mutating func advance() {
        guard index < scalars.count else { return }
        let c = scalars[index]
        index += 1
        if c == "\n" || c == "\r" {
            if c == "\r" && peek() == "\n" { index += 1 }
            line += 1
            lineStart = index
        }
    }

    private func text(from start: Int) -> String { text(start, index) }

    private func text(_ start: Int, _ end: Int) -> String {
        let from = byteOffsets?[start] ?? start, to = byteOffsets?[end] ?? end
        return String(decoding: bytes[from..<to], as: UTF8.self)
    }

    private func fail(_ message: String, at location: MOFLocation, _ status: CIMStatus = .invalidSyntax) -> MOFDiagnostic {
        MOFDiagnostic(file: file, location: location, message: message, status: status)
    }

    // MARK: - Tokens

    mutating func next() throws(MOFDiagnostic) -> MOFToken {
        try skipTrivia()
        let start = location, begin = index
        guard let c = peek() else { return MOFToken(kind: .end, location: start, raw: "") }
        if Self.isIdentifierStart(c) {
            skipIdentifier()
            let name = text(from: begin)
            return MOFToken(kind: .identifier(name), location: start, raw: name)
        }
        if Self.isDigit(c) || (c == "." && peek(1).map(Self.isDigit) == true) { return try number(start) }
        switch c {
        case "\"":
            let value = try quoted(start)
            return MOFToken(kind: .string(value), location: start, raw: text(from: begin))
        case "'":
            return try char16(start, begin)
        case "$":
            advance()
            guard let n = peek(), Self.isIdentifierStart(n) else {
                throw fail("expected an alias name after '$'", at: start)
            }
            let nameStart = index
            skipIdentifier()
            return MOFToken(kind: .alias(text(from: nameStart)), location: start, raw: text(from: begin))
        case "{", "}", "[", "]", "(", ")", ";", ",", ":", "=", "#", "+", "-":
            advance()
            return MOFToken(kind: .punct(c), location: start, raw: String(c))
        default:
            throw fail("unexpected character \(Self.describe(c))", at: start)
        }
    }

    /// Skips white space and comments; an unterminated `/*` is an error at its opening.
    private mutating func skipTrivia() throws(MOFDiagnostic) {
        while let c = peek() {
            switch c {
            case " ", "\t", "\n", "\r", "\u{B}", "\u{C}":
                advance()
            case "/" where peek(1) == "/":
                while let d = peek(), d != "\n", d != "\r" { advance() }
            case "/" where peek(1) == "*":
                let open = location
                advance(); advance()
                while true {
                    guard let d = peek() else {
                        throw fail("unterminated comment: '/*' has no matching '*/'", at: open)
                    }
                    if d == "*" && peek(1) == "/" { advance(); advance(); break }
                    advance()
                }
            default:
                return
            }
        }
    }

    private mutating func skipIdentifier() {
        while let c = peek(), Self.isIdentifierContinue(c) { advance() }
    }

    // MARK: - Strings and characters

    /// Reads a `"…"` string (the opening quote is current) and returns its decoded text.
    private mutating func quoted(_ start: MOFLocation) throws(MOFDiagnostic) -> String {
        advance()
        // Most strings have no escape: their text is the bytes up to the closing quote, taken at once.
        var end = index
        while end < scalars.count {
            let c = scalars[end]
            if c == "\"" {
                let value = text(index, end)
                index = end + 1  // no line break inside, so the line count stands
                return value
            }
            if c == "\\" || c == "\n" || c == "\r" || c == "\0" { break }
            end += 1
        }
        var units: [UInt16] = []
        while let unit = try character(in: "string", quote: "\"", openedAt: start) { units.append(contentsOf: unit) }
        // `\xD800` and friends can produce half a surrogate pair, which is not text.
        guard let value = String(validating: units, as: UTF16.self) else {
            throw fail("string contains an unpaired UTF-16 surrogate escape", at: start, .invalidParameter)
        }
        return value
    }

    private mutating func char16(_ start: MOFLocation, _ begin: Int) throws(MOFDiagnostic) -> MOFToken {
        advance()
        var units: [UInt16] = []
        while let unit = try character(in: "character literal", quote: "'", openedAt: start) { units.append(contentsOf: unit) }
        guard units.count == 1 else {
            throw fail("a char16 literal holds exactly one UTF-16 character, not \(units.count)", at: start, .typeMismatch)
        }
        return MOFToken(kind: .char16(units[0]), location: start, raw: text(from: begin))
    }

    /// Reads one character of a quoted literal as UTF-16 code units, decoding escapes; nil at the closing quote.
    private mutating func character(in what: String, quote: Unicode.Scalar, openedAt start: MOFLocation) throws(MOFDiagnostic) -> [UInt16]? {
        guard let c = peek(), c != "\n", c != "\r" else {
            throw fail("unterminated \(what): missing closing \(quote == "'" ? "\"'\"" : "'\"'")", at: start)
        }
        if c == quote { advance(); return nil }
        if c == "\0" { throw fail("NUL character inside a \(what)", at: location) }
        guard c == "\\" else {
            advance()
            return Array(String(c).utf16)
        }
        let escape = location
        advance()
        guard let e = peek(), e != "\n", e != "\r" else {
            throw fail("unterminated \(what): missing closing \(quote == "'" ? "\"'\"" : "'\"'")", at: start)
        }
        advance()
        switch e {
        case "b": return [0x08]
        case "t": return [0x09]
        case "n": return [0x0A]
        case "f": return [0x0C]
        case "r": return [0x0D]
        case "\"", "'", "\\": return [UInt16(e.value)]
        case "x", "X":
            var value: UInt16 = 0, digits = 0
            while digits < 4, let h = peek(), let v = Self.hexValue(h) {
                value = value << 4 | UInt16(v)
                digits += 1
                advance()
            }
            guard digits > 0 else { throw fail("'\\\(e)' must be followed by 1 to 4 hexadecimal digits", at: escape) }
            return [value]
        default:
            throw fail("unknown escape sequence '\\\(e)' in \(what)", at: escape)
        }
    }

    // MARK: - Numbers

    /// Decimal, octal (leading 0), hexadecimal (0x), binary (trailing b) integers and reals (1.5, .5, 2e10).
    private mutating func number(_ start: MOFLocation) throws(MOFDiagnostic) -> MOFToken {
        let begin = index
        if peek() == "0", let x = peek(1), x == "x" || x == "X" {
            advance(); advance()
            let digitsStart = index
            while let c = peek(), Self.hexValue(c) != nil { advance() }
            let digits = text(from: digitsStart)
            try rejectTrailingLetters(begin, start)
            guard !digits.isEmpty else { throw fail("'\(text(from: begin))' is not a valid hexadecimal number", at: start) }
            return try integer(digits, radix: 16, begin, start)
        }
        while let c = peek(), Self.isDigit(c) { advance() }
        let digits = text(from: begin)
        var isReal = false
        if peek() == ".", let d = peek(1), Self.isDigit(d) {
            isReal = true
            advance()
            while let c = peek(), Self.isDigit(c) { advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let d = peek(signed ? 2 : 1), Self.isDigit(d) {
                isReal = true
                advance()
                if signed { advance() }
                while let c = peek(), Self.isDigit(c) { advance() }
            }
        }
        if isReal {
            try rejectTrailingLetters(begin, start)
            let literal = text(from: begin)
            guard let value = Double(literal), value.isFinite else {
                throw fail("real number \(literal) is out of range", at: start, .valueOutOfRange)
            }
            return MOFToken(kind: .real(literal), location: start, raw: literal)
        }
        if let b = peek(), b == "b" || b == "B", !(peek(1).map(Self.isIdentifierContinue) ?? false) {
            advance()
            guard digits.unicodeScalars.allSatisfy({ $0 == "0" || $0 == "1" }) else {
                throw fail("'\(text(from: begin))' is not a valid binary number", at: start)
            }
            return try integer(digits, radix: 2, begin, start)
        }
        try rejectTrailingLetters(begin, start)
        if digits.unicodeScalars.count > 1 && digits.hasPrefix("0") {
            guard digits.unicodeScalars.allSatisfy({ ("0"..."7").contains($0) }) else {
                throw fail("'\(digits)' is not a valid octal number (a leading 0 means octal)", at: start)
            }
            return try integer(digits, radix: 8, begin, start)
        }
        return try integer(digits, radix: 10, begin, start)
    }

    /// `12abc` is one bad token, not the number 12 followed by a name.
    private mutating func rejectTrailingLetters(_ begin: Int, _ start: MOFLocation) throws(MOFDiagnostic) {
        guard let c = peek(), Self.isIdentifierContinue(c) else { return }
        skipIdentifier()
        throw fail("'\(text(from: begin))' is not a valid number", at: start)
    }

    /// The value of a digit string; more than 64 bits is an error, found before Int128 could overflow.
    private func integer(_ digits: String, radix: Int, _ begin: Int, _ start: MOFLocation) throws(MOFDiagnostic) -> MOFToken {
        var value: Int128 = 0
        for c in digits.unicodeScalars {
            value = value * Int128(radix) + Int128(Self.hexValue(c) ?? 0)
            if value > Int128(UInt64.max) {
                throw fail("integer \(text(from: begin)) is too large: MOF integers are at most 64 bits", at: start, .valueOutOfRange)
            }
        }
        return MOFToken(kind: .integer(value), location: start, raw: text(from: begin))
    }

    // MARK: - Character classes

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// The same rule as ``CIMName/isValidIdentifier(_:)``: a letter or `_`, then letters, digits, `_`.
    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "_" || ((c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A) }
        return c.properties.isAlphabetic
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 0x30
        case "a"..."f": c.value - 0x61 + 10
        case "A"..."F": c.value - 0x41 + 10
        default: nil
        }
    }

    /// `'@'` for printable ASCII, `U+0000` otherwise (so NUL and stray bytes show up in a message).
    static func describe(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if c == "\u{FFFD}" { return "\(code) (the file is not valid UTF-8 text)" }
        if c.value >= 0x21 && c.value < 0x7F { return "'\(c)'" }
        return code
    }
}
