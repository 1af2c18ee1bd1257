// Tokens: what the lexer hands the parser — a kind, the source range, and the decoded value if any.

public enum TokenKind: Hashable, Sendable {
    /// A name or keyword (`select`, `SMS_Package`, `PackageID`); keywords are recognised by the parser in
    /// context, so WQL words stay usable as property names.
    case word
    /// `$name` (the text is the name without `$`); `$?` is the last result.
    case variable
    case string
    case integer
    case real
    case symbol(Symbol)
    /// A shell command on a line of its own, `.format csv` (the text is the whole line); the host runs it.
    case command
    /// A line end that ends a statement (the lexer drops those that cannot end one).
    case newline
    case end
}

/// Punctuation and operators.
public enum Symbol: String, Hashable, Sendable, CaseIterable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}"
    case comma = ",", semicolon = ";", dot = ".", colon = ":"
    case equal = "=", doubleEqual = "==", notEqual = "!=", lessGreater = "<>"
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", concat = "||"
    case bang = "!", at = "@"

    /// Does a line ending right after this symbol leave the statement open (`a +`⏎`b`, `f(a,`⏎`b)`)?
    var continuesLine: Bool {
        switch self {
        case .comma, .dot, .colon, .equal, .doubleEqual, .notEqual, .lessGreater, .less, .lessEqual, .greater,
             .greaterEqual, .plus, .minus, .star, .slash, .percent, .concat, .bang, .leftParen, .leftBracket, .leftBrace:
            true
        case .rightParen, .rightBracket, .rightBrace, .semicolon, .at:
            false
        }
    }
}

public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var range: SourceRange
    /// Words: the word; strings: the decoded text; variables: the name; numbers: the digits as written.
    public var text: String

    /// Is this the word `keyword`, ignoring case?
    @inlinable
    public func isWord(_ keyword: String) -> Bool { kind == .word && text.equalsIgnoringCaseASCII(keyword) }

    public func isSymbol(_ s: Symbol) -> Bool { kind == .symbol(s) }
}

extension String {
    /// ASCII case-insensitive equality for comparing against lower-case keyword spellings.
    @inlinable
    public func equalsIgnoringCaseASCII(_ lowercaseKeyword: String) -> Bool {
        let a = utf8, b = lowercaseKeyword.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y && (x | 0x20) != y { return false }
        return true
    }
}
