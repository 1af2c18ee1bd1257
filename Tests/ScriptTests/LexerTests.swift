// The lexer: strings and escapes (the seed's NAL path byte for byte), numbers, comments, line-end rules.
import Testing
@testable import Script

@Suite struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] { Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind) }
    func tokens(_ text: String) -> [Token] { Lexer.tokenize(SourceFile(name: "t", text: text)).tokens }
    func errors(_ text: String) -> [Diagnostic] { Lexer.tokenize(SourceFile(name: "t", text: text)).diagnostics }

    @Test func seedNALPathDecodesExactly() {
        let t = tokens(#""[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\""#)
        #expect(t[0].kind == .string)
        #expect(t[0].text == #"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#)
    }

    @Test(arguments: [
        (#""a\"b""#, "a\"b"), (#"'it\'s'"#, "it's"), (#""tab\there""#, "tab\there"), (#""nl\nx""#, "nl\nx"),
        (#""\r\0""#, "\r\0"), (#""\x41\x7a""#, "Az"), (#""caf\u{E9}""#, "café"), (#""\u{1F600}""#, "😀"),
        (#"'double " inside'"#, "double \" inside"), (#""""#, ""), (#""ünïcödé""#, "ünïcödé"),
    ])
    func stringEscapes(_ source: String, _ expected: String) {
        #expect(errors(source).isEmpty)
        #expect(tokens(source)[0].text == expected)
    }

    @Test(arguments: [
        (#""bad \q escape""#, 6, "unknown escape sequence '\\q'"),
        (#""\x4""#, 2, "two hexadecimal digits"),
        (#""\u{110000}""#, 2, "Unicode scalar"),
        (#""\u41""#, 2, "'\\u' must be followed by '{hex digits}'"),
    ])
    func badEscapesAreLocated(_ source: String, _ column: Int, _ fragment: String) throws {
        let e = try #require(errors(source).first)
        #expect(e.location.column == column)
        #expect(e.message.contains(fragment), "\(e.message)")
    }

    @Test func unterminatedThingsAreIncomplete() {
        for source in ["\"open", "select * from X where Name = 'a", "/* never closed", "f(1, 2", "[1, 2", "if x {"] {
            let e = errors(source)
            #expect(e.contains { $0.kind == .incomplete }, "\(source)")
        }
    }

    @Test func numbers() {
        let t = tokens("42 0x1F 3.5 1e3 2.5E-2")
        #expect(t.prefix(5).map(\.kind) == [.integer, .integer, .real, .real, .real])
        #expect(t[1].text == "0x1F")
        #expect(!errors("12abc").isEmpty)
        #expect(!errors("0x").isEmpty)
    }

    @Test func commentsAreSkipped() {
        #expect(kinds("1 # comment\n2 -- another\n/* block\n */ 3") == [.integer, .newline, .integer, .newline, .integer, .end])
    }

    @Test func lineEndsEndStatementsOnlyWhereTheyCan() {
        // inside parentheses and brackets, after an operator or comma, before a clause word: no statement end
        #expect(!kinds("f(1,\n2)").contains(.newline))
        #expect(!kinds("[1,\n2]").contains(.newline))
        #expect(!kinds("$x = 1 +\n2").contains(.newline))
        #expect(!kinds("select *\nfrom SMS_Package\nwhere Name = 'a'\n  and PackageID = 'b'\norder by Name").contains(.newline))
        #expect(kinds("print 1\nprint 2").filter { $0 == .newline }.count == 1)
        // inside braces, line ends separate statements
        #expect(kinds("if true {\nprint 1\nprint 2\n}").filter { $0 == .newline }.count == 2)
    }

    @Test func variablesAreCaseInsensitive() {
        #expect(tokens("$Site")[0].text == "site")
        #expect(tokens("$?")[0].text == "?")
        #expect(!errors("$ x").isEmpty)
    }

    @Test func hostileBytesAreErrorsNotCrashes() {
        #expect(errors("select \u{0} from X").first?.message.contains("NUL") == true)
        let invalid = String(decoding: [0x73, 0xFF, 0xFE, 0x61], as: UTF8.self)
        #expect(!errors(invalid).isEmpty)
        #expect(errors("a | b").first?.message.contains("'||'") == true)
        #expect(!errors("§").isEmpty)
    }

    @Test func rawPathsAfterAssociatorsOfAndUse() {
        let t = tokens(#"associators of {SMS_Package.PackageID="S0100003"} where ResultClass = SMS_Site"#)
        #expect(t[2].kind == .string && t[2].text == #"SMS_Package.PackageID="S0100003""#)
        let u = tokens(#"use root\sms\site_S01"#)
        #expect(u[1].kind == .string && u[1].text == #"root\sms\site_S01"#)
    }
}

@Suite struct ContinuationTests {
    func kinds(_ text: String) -> [TokenKind] { Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind) }

    @Test func setContinuesOnlyAnUpdate() {
        #expect(!kinds("update SMS_Package where Name = 'x'\n  set Description = 'y'").contains(.newline))
        #expect(kinds("print 1\nset onerror continue").contains(.newline))
        #expect(kinds("if true { print 1 }\nset onerror stop").contains(.newline))
    }
}
