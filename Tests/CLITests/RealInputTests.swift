// Statements as people write them, through the cmsh binary: a query broken over lines runs the same as a
// file, -c and stdin; CRLF files; names checked before the run; and the smaller items of real input.
import Foundation
import Testing

@Suite struct RealInputCLITests {
    /// Runs `text` three ways — a file, `-c` and stdin — and returns stdout when all three agree.
    func runEveryWay(_ text: String, _ arguments: [String] = ["--format", "csv"]) throws -> String {
        let file = try CLI.script(text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let viaFile = try CLI.run(arguments + [file.path])
        let viaCommand = try CLI.run(arguments + ["-c", text])
        let viaStdin = try CLI.run(arguments, stdin: text)
        for r in [viaFile, viaCommand, viaStdin] { #expect(r.status == 0, "\(text)\n\(r.stderr)") }
        #expect(viaFile.stdout == viaCommand.stdout && viaCommand.stdout == viaStdin.stdout)
        return viaFile.stdout
    }

    @Test func aQueryBrokenOverLinesRunsFromAFileCommandAndStdin() throws {
        let broken = try runEveryWay("select count(*)\nfrom SMS_R_System\nwhere\n  Client = 1 and\n  ResourceID in\n  (select ResourceID from SMS_G_System_COMPUTER_SYSTEM)\n")
        let oneLine = try CLI.run(["--format", "csv", "-c", "select count(*) from SMS_R_System where Client = 1 and ResourceID in (select ResourceID from SMS_G_System_COMPUTER_SYSTEM)"])
        #expect(broken == oneLine.stdout && broken.hasPrefix("Count\n"))
        let crlf = try CLI.run(["--format", "csv"], stdin: "select Name from\r\n\tSMS_Package where\r\n PackageID = 'S0100003'\r\n")
        #expect(crlf.status == 0 && crlf.stdout.split(separator: "\n").count == 2, "\(crlf.stderr)")
    }

    /// A bad name on line 2 stops the script before line 1 prints: exit 2, nothing on stdout, located.
    @Test func namesAreCheckedBeforeAnythingRuns() throws {
        for args in [["-c"], ["--check", "-c"]] {
            let r = try CLI.run(args + ["print \"start\"\nselect Nmae from SMS_R_System"])
            #expect(r.status == 2)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("<command>:2:8: error: WBEM_E_INVALID_QUERY: 'Nmae' is not a property of SMS_R_System; did you mean 'Name'?"), "\(r.stderr)")
        }
    }
}

/// The smaller items of real input: one GetDate() per statement, errors that locate and never echo control
/// bytes, the overflow rule, limit messages, statuses from ReturnValues, typeof.
@Suite struct SmallerRealInputTests {
    func run(_ script: String) throws -> CLIResult { try CLI.run(["-c", script]) }

    /// One run for the items that succeed: GetDate() once per statement (while a loop still sees time
    /// pass), the overflow rule's uint64, a caught ReturnValue's status, typeof.
    @Test func getDateOverflowStatusAndTypeof() throws {
        let r = try run("""
            print GetDate() - DateAdd(dd, -1, GetDate())
            print DATEDIFF(ss, GetDate(), GetDate())
            $a = GetDate()
            $i = 0
            while $i < 20000 { $i = $i + 1 }
            print GetDate() >= $a
            print 9223372036854775807 + 1, typeof(9223372036854775807 + 1)
            try { invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S09"], [nal("dp1", "S09")]) } catch $e { print $e.name }
            print typeof(1), typeof(1.5), typeof("a"), typeof([1]), typeof(null), typeof(SMS_Package("S0100003"))
            """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            00000001000000.000000:000
            0
            true
            9223372036854775808 uint64
            WBEM_E_NOT_FOUND
            sint64 real64 string list null SMS_Package

            """)
    }

    @Test func anUnterminatedStringIsReportedWhereItStarts() throws {
        let r = try CLI.run([], stdin: "print 1\nprint \"abc\nprint 2\nprint 3\n")
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("<stdin>:2:7: error: unterminated string"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func errorsNeverEchoControlBytes() throws {
        let r = try run("print \"a\"\u{1}\u{1B}[31m bad")
        #expect(r.status == 2)
        #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{1}"), "\(r.stderr.debugDescription)")
        #expect(r.stderr.contains("unexpected character: '\\x01'") && r.stderr.contains("'\\x1B'"))
        let cr = try CLI.run([], stdin: "SELECT\nNmae\rFROM\tSMS_Package\n")
        #expect(!cr.stderr.contains("\r"))
        #expect(cr.stderr.contains("Nmae\u{240D}FROM SMS_Package"))
    }

    @Test func aHugeTokenIsQuotedShort() throws {
        let r = try run("print 1 " + String(repeating: "x", count: 100_000))
        #expect(r.status == 2)
        #expect(r.stderr.count < 1_000, "\(r.stderr.count) bytes of error")
        #expect(r.stderr.contains("found 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'"))
    }

    @Test func integerOverflowFollowsTheDocumentedRule() throws {
        let beyond = try run("print 18446744073709551615 + 1")
        #expect(beyond.status == 1 && beyond.stderr.contains("WBEM_E_VALUE_OUT_OF_RANGE"))
        let below = try run("print -9223372036854775807 - 2")
        #expect(below.status == 1 && below.stderr.contains("WBEM_E_VALUE_OUT_OF_RANGE"))
    }

    @Test func theNestingMessageNamesTheLimitHit() throws {
        let chain = try run("print " + Array(repeating: "1", count: 300).joined(separator: " or "))
        #expect(chain.stderr.contains("too many operators in one expression (limit is 200)"))
        let brackets = try run("print " + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300))
        #expect(brackets.stderr.contains("brackets, blocks and calls nest too deep (limit is 200 levels)"))
    }

}
