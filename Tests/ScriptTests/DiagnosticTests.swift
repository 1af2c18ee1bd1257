// Syntax errors: every error reported with its location, source line and caret; nothing runs.
import Testing
import CIM
@testable import Script

@Suite struct DiagnosticTests {
    func errors(_ text: String) -> [Diagnostic] {
        do { _ = try Parser.parse(text, fileName: "deploy.cmsh"); return [] } catch { return error.diagnostics }
    }

    @Test func everySyntaxErrorIsReportedWithRecovery() {
        let d = errors("""
        select from SMS_Package
        print "ok"
        $x = (1 + )
        for x in [1] { }
        """)
        #expect(d.map { "\($0.location.line):\($0.location.column)" } == ["1:8", "3:11", "4:5"])
        #expect(d[0].message == "expected an expression, found the keyword 'from'")
        #expect(d[1].message == "expected an expression, found ')'")
        #expect(d[2].message.hasPrefix("expected a variable such as $x after 'for'"))
    }

    @Test func renderingShowsLineAndCaret() throws {
        let d = try #require(errors("print 1\nselect * frm SMS_Package").first)
        #expect(d.description == """
        deploy.cmsh:2:10: error: expected 'from' and a class name after the select list, found 'frm'
        select * frm SMS_Package
                 ^~~
        """)
    }

    @Test func nothingRunsWhenAnyStatementIsBroken() throws {
        let repo = try TestSite.repository()
        #expect(throws: SyntaxErrors.self) {
            _ = try TestSite.run("delete SMS_Package(\"S0100003\")\nprint (", repository: repo)
        }
        #expect(try repo.count(of: "SMS_Package") == 3)
    }

    @Test func incompleteInputIsFlaggedForTheREPL() {
        for text in ["select * from SMS_Package where Name = 'x", "if true {", "print (1 +", "$a = [1,", "func f() {\n print 1", "/* comment"] {
            do { _ = try Parser.parse(text); Issue.record("\(text) parsed") } catch {
                #expect(error.isIncomplete, "\(text): \(error)")
            }
        }
        for text in ["print )", "select * from", "1 +* 2"] {
            do { _ = try Parser.parse(text + "\nprint 1;"); Issue.record("\(text) parsed") } catch {
                #expect(!error.isIncomplete, "\(text)")
            }
        }
    }

    @Test func mismatchedBracketsPointAtTheOpener() throws {
        let d = try #require(errors("print (1, [2)").first)
        #expect(d.message == "')' does not match; expected ']'")
        #expect(d.note == "to close '[' at 1:11")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let d = errors("print " + deep)
        #expect(d.first?.message.contains("nest too deep (limit is 200 levels)") == true)
        let deepBlocks = String(repeating: "if true {", count: 5000) + String(repeating: "}", count: 5000)
        #expect(!errors(deepBlocks).isEmpty)
        let deepNot = String(repeating: "not ", count: 100_000) + "true"
        #expect(!errors("print " + deepNot).isEmpty)
        let deepMinus = String(repeating: "- ", count: 100_000) + "1"  // "--" would start a comment
        #expect(!errors("print " + deepMinus).isEmpty)
    }

    @Test func hostileLiterals() {
        #expect(errors("print 99999999999999999999999").first?.message == "integer 99999999999999999999999 is too large (the largest is 18446744073709551615)")
        #expect(errors("print 1e999").first?.message.contains("out of range") == true)
        let huge = "print \"" + String(repeating: "x", count: 10_000_000) + "\""
        #expect(errors(huge).isEmpty)
        #expect(errors("print \"never closed").first?.kind == .incomplete)
    }

    @Test func invalidStatementForms() {
        #expect(errors("invoke SMS_Package(\"x\")").first?.message.contains("'invoke' needs a method call") == true)
        #expect(errors("1 = 2 = 3").count == 1)
        #expect(errors("select * from A cross join B on A.x = B.y").first?.message.contains("a cross join has no 'on'") == true)
        #expect(errors("select * from A group by x").first?.message.contains("GROUP BY") == true)
        #expect(errors("references of {A.K=1} where ResultRole = x").first?.message.contains("REFERENCES OF takes") == true)
        #expect(errors("func f($a, $a) { }").first?.message == "parameter $a is declared twice")
        #expect(errors("show tables").first?.message.contains("expected 'classes', 'methods' or 'namespaces'") == true)
    }
}
