// Statements as people write them, through the cmsh binary: queries broken over lines in files, -c and stdin,
// SQL's `update … set … where`, ANSI-89 and full joins.
import Foundation
import Testing

@Suite struct RealInputTests {
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

    func single(_ text: String) throws -> String {
        let r = try CLI.run(["--format", "csv", "-c", text])
        #expect(r.status == 0, "\(text)\n\(r.stderr)")
        return r.stdout
    }

    /// A trailing keyword, an operator, `in` before its subquery: the statement goes on to the next line.
    @Test(arguments: [
        ("select count(*)\nfrom SMS_R_System\nwhere\n  Client = 1", "select count(*) from SMS_R_System where Client = 1"),
        ("select count(*) from SMS_R_System where Client = 1 and\n  Active = 1",
         "select count(*) from SMS_R_System where Client = 1 and Active = 1"),
        ("select count(*) from SMS_R_System where ResourceID in\n  (select ResourceID from SMS_G_System_COMPUTER_SYSTEM where Manufacturer like 'Dell%')",
         "select count(*) from SMS_R_System where ResourceID in (select ResourceID from SMS_G_System_COMPUTER_SYSTEM where Manufacturer like 'Dell%')"),
        ("select Name,\n  ResourceID from\n SMS_R_System where Name like 'PC-000%' order by\n Name", "select Name, ResourceID from SMS_R_System where Name like 'PC-000%' order by Name"),
        ("select count(*) from SMS_R_System inner join\n SMS_G_System_OPERATING_SYSTEM on\n SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceID where not\n Client = 0",
         "select count(*) from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceID where not Client = 0"),
    ])
    func statementContinuesWhileIncomplete(broken: String, oneLine: String) throws {
        let expected = try single(oneLine)
        #expect(expected.split(separator: "\n").count >= 2)
        #expect(try runEveryWay(broken) == expected)
    }

    /// `}` and `else {` on the next line; `catch` likewise.
    @Test func elseAndCatchOnTheNextLine() throws {
        let out = try runEveryWay("""
            if (1 = 2) {
              print "then"
            }
            else {
              print "else branch"
            }
            try {
              $p = SMS_Package("S01FFFFF")
            }
            catch $e {
              print "caught " + $e.name
            }
            """, [])
        #expect(out == "else branch\ncaught WBEM_E_NOT_FOUND\n")
    }

    /// Carriage returns and tabs are white space; a trailing keyword keeps a CRLF file's statement open.
    @Test func carriageReturnsAndTabs() throws {
        let expected = try single("select Name from SMS_Package")
        #expect(try single("SELECT\nName\rFROM\tSMS_Package") == expected)
        #expect(try runEveryWay("select Name from\r\n\tSMS_Package\r\n") == expected)
    }

    /// A property named like a keyword, after `.`, ends a line as any name does.
    @Test func keywordPropertyAtLineEnd() throws {
        let out = try runEveryWay("$o = new SMS_Package { Name = \"on\" }\nprint $o.Name\nprint 1", [])
        #expect(out.hasSuffix("on\n1\n"))
    }

    @Test func updateInSQLOrder() throws {
        let r = try CLI.run(["--format", "csv", "-c", """
            update SMS_Package set Description = "x", Priority = 1 where PackageID = "S0100003"
            select PackageID, Description, Priority from SMS_Package where Description = "x"
            update SMS_Package where PackageID = "S0100003" set Description = "y"
            select Description from SMS_Package where PackageID = "S0100003"
            """])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "PackageID,Description,Priority\nS0100003,x,1\nDescription\ny\n")
        #expect(r.stderr.contains("1 instance updated."))  // csv is for programs: status lines on stderr
        let twice = try CLI.run(["-c", #"update SMS_Package where Name = "a" set Description = "x" where Name = "b""#])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("'where' is given twice"))
    }

    /// `from A, B where A.X = B.X` is the inner join on that equality, planned as one (a key lookup).
    @Test func ansi89JoinIsTheInnerJoin() throws {
        let comma = "select SMS_Collection.Name, SMS_FullCollectionMembership.ResourceID from SMS_FullCollectionMembership, SMS_Collection where SMS_FullCollectionMembership.CollectionID = SMS_Collection.CollectionID order by SMS_Collection.Name, SMS_FullCollectionMembership.ResourceID"
        let inner = "select SMS_Collection.Name, SMS_FullCollectionMembership.ResourceID from SMS_FullCollectionMembership inner join SMS_Collection on SMS_FullCollectionMembership.CollectionID = SMS_Collection.CollectionID order by SMS_Collection.Name, SMS_FullCollectionMembership.ResourceID"
        let rows = try single(comma)
        #expect(rows.split(separator: "\n").count > 100)
        #expect(rows == (try single(inner)))
        let plan = try CLI.run(["-c", "explain " + comma])
        #expect(plan.stdout.contains("cross join, key lookup"), "\(plan.stdout)")
        // Without an equality the product is every pair.
        let product = try single("select count(*) from SMS_Site, SMS_DistributionPoint")
        let sites = try single("select count(*) from SMS_Site"), dps = try single("select count(*) from SMS_DistributionPoint")
        func n(_ csv: String) -> Int { Int(csv.split(separator: "\n")[1])! }
        #expect(n(product) == n(sites) * n(dps))
        #expect(try single("select count(*) from SMS_Site cross join SMS_DistributionPoint") == product)
    }

    /// A full join keeps the unmatched rows of both sides; right join those of the joined class.
    @Test func fullAndRightJoins() throws {
        func n(_ q: String) throws -> Int { Int(try single(q).split(separator: "\n")[1])! }
        let on = "on p.PackageID = d.PackageID"
        let left = try n("select count(*) from SMS_Package as p left join SMS_DistributionPoint as d \(on)")
        let right = try n("select count(*) from SMS_Package as p right join SMS_DistributionPoint as d \(on)")
        let rightOnly = try n("select count(*) from SMS_Package as p right outer join SMS_DistributionPoint as d \(on) where p.PackageID is null")
        let full = try n("select count(*) from SMS_Package as p full join SMS_DistributionPoint as d \(on)")
        let fullOuter = try n("select count(*) from SMS_Package as p full outer join SMS_DistributionPoint as d \(on)")
        #expect(right == (try n("select count(*) from SMS_DistributionPoint")))
        #expect(rightOnly > 0)
        #expect(full == left + rightOnly && fullOuter == full)
    }

    /// The classic duplicate-computer-names query: only names that two systems share come back.
    @Test func duplicateNamesQuery() throws {
        let rows = try single("select r.Name, r.ResourceID from SMS_R_System as r full join SMS_R_System as s1 on s1.ResourceId = r.ResourceId full join SMS_R_System as s2 on s2.Name = s1.Name where s1.Name = s2.Name and s1.ResourceId != s2.ResourceId")
            .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(!rows.isEmpty)
        let all = try single("select Name from SMS_R_System").split(separator: "\n").dropFirst().map(String.init)
        var counts: [String: Int] = [:]
        for name in all { counts[name, default: 0] += 1 }
        #expect(Set(rows) == Set(counts.filter { $0.value > 1 }.keys))
    }
}

/// Names are resolved before anything runs, in every run (not only --check).
@Suite struct NamesCheckedFirstTests {
    func stopsBeforeRunning(_ script: String, _ expected: [String]) throws {
        let r = try CLI.run(["-c", "print \"start\"\n" + script])
        #expect(r.status == 2, "\(script)\n\(r.stderr)")
        #expect(r.stdout.isEmpty, "\(script) ran: \(r.stdout)")
        for text in expected { #expect(r.stderr.contains(text), "\(script)\n\(r.stderr)") }
        let check = try CLI.run(["--check", "-c", "print \"start\"\n" + script])
        #expect(check.status == 2 && check.stdout.isEmpty)
    }

    @Test func aBadPropertyOnLine2StopsTheScriptBeforeLine1() throws {
        try stopsBeforeRunning("select Nmae from SMS_R_System", ["<command>:2:8:", "'Nmae' is not a property of SMS_R_System; did you mean 'Name'?"])
        try stopsBeforeRunning("select Name from SMS_R_System where Clinet = 1", ["<command>:2:37:", "did you mean 'Client'?"])
        try stopsBeforeRunning("select Name from SMS_R_System order by LastLogonTimestmp", ["did you mean 'LastLogonTimestamp'?"])
        try stopsBeforeRunning(#"update SMS_Package where Name = "nomatch" set Descr = "y""#, ["WBEM_E_INVALID_PROPERTY", "did you mean 'Description'?"])
        try stopsBeforeRunning(#"update SMS_Package("S0100003") set Priorty = 1"#, ["WBEM_E_INVALID_PROPERTY", "did you mean 'Priority'?"])
        try stopsBeforeRunning(#"$p = new SMS_Package { Nmae = "x" }"#, ["WBEM_E_INVALID_PROPERTY", "did you mean 'Name'?"])
        try stopsBeforeRunning(#"print SMS_Package("S0100003").Descriptin"#, ["did you mean 'Description'?"])
    }

    @Test func classesEvenWhereTheRunWouldNeverGo() throws {
        try stopsBeforeRunning("if 1 = 2 { select * from SMS_Pakage }", ["WBEM_E_INVALID_CLASS", "did you mean 'SMS_Package'?"])
        try stopsBeforeRunning("select * from SMS_R_System where 1 = 2 and ResourceID in (select ResourceID from SMS_G_System_NOPE)",
                               ["class SMS_G_System_NOPE does not exist"])
    }

    @Test func methodsAndTheirArguments() throws {
        try stopsBeforeRunning(#"invoke SMS_Package("S0100003").AddDistributionPoint(["S01"], ["x"])"#,
                               ["WBEM_E_INVALID_METHOD", "did you mean 'AddDistributionPoints'?"])
        try stopsBeforeRunning(#"invoke SMS_Package("S0100003").AddDistributionPoints(["S01"], ["x"], 3)"#,
                               ["WBEM_E_INVALID_PARAMETER", "takes 2 arguments, not 3"])
        try stopsBeforeRunning(#"invoke SMS_Package("S0100003").AddDistributionPoints(SiteCod: "S01")"#, ["no [in] parameter 'SiteCod'"])
        try stopsBeforeRunning(#"print upperr("a")"#, ["'upperr' is not a function or a class; did you mean 'upper'?"])
    }

    @Test func variablesUsedBeforeAnyAssignment() throws {
        try stopsBeforeRunning("print $count\n$count = 1", ["<command>:2:7:", "variable $count is used before it is set"])
        try stopsBeforeRunning("func f() { return $never }\nprint f()", ["variable $never is never set"])
        // Loops, functions reading globals set later, catch and for variables are fine.
        let ok = try CLI.run(["-c", """
            func total() { return $n * 2 }
            $n = 0
            while $n < 3 { if $n > 0 { print $last } ; $last = $n ; $n = $n + 1 }
            for $i in [1] { print $i }
            try { $x = 1 / 0 } catch $e { print $e.name }
            print total(), $args
            """])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("0\n1\n1\nWBEM_E_"))
    }

    /// A property of a variable is only known when it runs: it is checked then, with the same words.
    @Test func dynamicNamesAreCheckedWhenTheyRun() throws {
        let r = try CLI.run(["-c", "print \"start\"\n$p = SMS_Package(\"S0100003\")\nprint $p.Nmae"])
        #expect(r.status == 1)
        #expect(r.stdout == "start\n")
    }
}

/// The smaller items of real input: one GetDate() per statement, errors that locate and never echo control
/// bytes, the overflow rule, limit messages, statuses from ReturnValues, typeof.
@Suite struct SmallerRealInputTests {
    func run(_ script: String) throws -> CLIResult { try CLI.run(["-c", script]) }

    @Test func getDateHasOneValuePerStatement() throws {
        let r = try run("print GetDate() - DateAdd(dd, -1, GetDate())\nprint DATEDIFF(ss, GetDate(), GetDate())")
        #expect(r.stdout == "00000001000000.000000:000\n0\n", "\(r.stdout)")
        // A loop still sees time pass: each statement reads the clock again.
        let loop = try run("$a = GetDate()\n$i = 0\nwhile $i < 20000 { $i = $i + 1 }\nprint GetDate() >= $a")
        #expect(loop.stdout == "true\n")
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
        #expect(try run("print 9223372036854775807 + 1, typeof(9223372036854775807 + 1)").stdout == "9223372036854775808 uint64\n")
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

    @Test func aCaughtReturnValueCarriesItsStatus() throws {
        let r = try run(#"try { invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S09"], [nal("dp1", "S09")]) } catch $e { print $e.name }"#)
        #expect(r.stdout == "WBEM_E_NOT_FOUND\n", "\(r.stdout)\(r.stderr)")
    }

    @Test func typeofNamesTheType() throws {
        #expect(try run(#"print typeof(1), typeof(1.5), typeof("a"), typeof([1]), typeof(null), typeof(SMS_Package("S0100003"))"#).stdout
                == "sint64 real64 string list null SMS_Package\n")
    }
}
