// Scripting: variables, expressions, control flow, functions, try/catch, assert, exit, builtins, limits.
import Testing
import CIM
@testable import Script

@Suite struct ScriptingTests {
    @Test func variablesAndExpressions() throws {
        let printed = try TestSite.printed(#"""
        let $x = 6 * 7
        $Y = $x - 2 ; print $y, $X % 5, 7 / 2, 7.0 / 2, -$x
        print "a" + "b" || 1, "n=" + 3, [1, 2] + [3]
        $list = ["dp1", "dp2", "dp3"]
        print $list[0], $list[-1], len($list), $list.Count
        $list[1] = "DP-TWO"
        print join($list, ";"), split("a,b,c", ",")[2]
        print upper("x"), lower("Y"), trim("  t  "), contains("Contoso", "TOSO"), startswith("S0100001", "s01")
        print format("{0} has {1} DPs ({{}})", "S01", 3)
        print 1 < 2 and not (2 < 1), null is null, 5 in (1, 5), "A" = "a", 0x10
        print typeof(1.5), typeof([1]), str(12) + "!"
        """#)
        #expect(printed == [
            "40 2 3 3.5 -42",
            "ab1 n=3 [1, 2, 3]",
            "dp1 dp3 3 3",
            "dp1;DP-TWO;dp3 c",
            "X y t true true",
            "S01 has 3 DPs ({})",
            "true true true true 16",
            "real64 list 12!",
        ])
    }

    @Test func controlFlow() throws {
        let printed = try TestSite.printed(#"""
        $total = 0
        for $i in [1, 2, 3, 4, 5, 6] {
            if $i == 2 { continue }
            else if $i > 4 { break }
            $total = $total + $i
        }
        print $total
        $n = 0
        while $n < 10 { $n = $n + 3 }
        print $n
        if false { print "no" } else { print "else" }
        if null { print "null is not true" }
        for $p in (select PackageID from SMS_Package where PackageType = 0 order by PackageID) {
            print $p.PackageID
        }
        """#)
        #expect(printed == ["8", "12", "else", "S0100003", "S0100004", "S0100005"])
    }

    @Test func functionsAndRecursion() throws {
        let printed = try TestSite.printed(#"""
        func fact($n) {
            if $n <= 1 { return 1 }
            return $n * fact($n - 1)
        }
        func dpCount($pkg) {
            return len(select * from SMS_DistributionPoint where PackageID = $pkg)
        }
        func noReturn() { $local = 1 }
        print fact(10), dpCount("S0100003"), noReturn()
        $x = "global"
        func shadow($x) { return $x + "!" }
        print shadow("arg"), $x
        """#)
        #expect(printed == ["3628800 1 ", "arg! global"])
    }

    @Test func tryCatchExposesCodeAndMessage() throws {
        let printed = try TestSite.printed(#"""
        try {
            $p = SMS_Package("S0199999")
            print "not reached"
        } catch $e {
            print $e.name, $e.code, $e.line
            print contains($e.message, "S0199999")
        }
        try { assert 1 == 2, "custom" } catch $e { print $e.message }
        """#)
        #expect(printed == ["WBEM_E_NOT_FOUND 2147749890 2", "true", "custom"])
    }

    @Test func exitCodes() throws {
        #expect(try TestSite.run("print 1\nexit 3\nprint 2").0 == .exited(3))
        #expect(try TestSite.run("exit").0 == .exited(0))
        #expect(try TestSite.run("func f() { exit 4 }\nf()").0 == .exited(4))
    }

    @Test(arguments: [
        ("print 1 / 0", CIMStatus.invalidParameter, "division by zero", 1, 7),
        ("print 18446744073709551615 + 1", .valueOutOfRange, "overflow", 1, 7),
        ("print -9223372036854775807 - 2", .valueOutOfRange, "overflow", 1, 7),
        ("print 4294967296 * 4294967296", .valueOutOfRange, "overflow", 1, 7),
        ("print $nope", .notFound, "variable $nope is not set", 1, 7),
        ("func f($n) { return f($n + 1) }\nf(1)", .quotaViolation, "too many nested function calls (limit is 200)", 1, 21),
        ("assert 1 > 2", .failed, "assertion failed: 1 > 2", 1, 1),
        ("print [1, 2][5]", .invalidParameter, "index 5 is out of range", 1, 14),
        ("print nosuchfunction(1)", .notFound, "'nosuchfunction' is not a function or a class", 1, 7),
        ("print len(1, 2)", .invalidParameter, "len() takes 1 argument", 1, 7),
        ("if 5 { }", .typeMismatch, "expected true or false", 1, 4),
        ("for $x in 5 { }", .typeMismatch, "cannot loop over", 1, 11),
        ("set onerror sometimes", .invalidParameter, "'set onerror' takes 'stop' or 'continue'", 1, 1),
        ("use root\\nowhere", .invalidNamespace, "does not exist", 1, 1),
    ])
    func runtimeErrorsAreLocated(_ script: String, _ status: CIMStatus, _ fragment: String, _ line: Int, _ column: Int) throws {
        let d = try #require(try TestSite.failure(script))
        #expect(d.status == status)
        #expect(d.message.contains(fragment), "\(d.message)")
        #expect(d.location.line == line && d.location.column == column, "\(d.location)")
        #expect(d.message.hasPrefix(status.name + ": "))
    }

    @Test func limitsStopRunawayScripts() throws {
        var limits = Limits()
        limits.maxSteps = 1000
        let (outcome, _, _) = try TestSite.run("while true { $x = 1 }", limits: limits)
        guard case .failed(let d) = outcome else { Issue.record("expected the step limit"); return }
        #expect(d.status == .quotaViolation)
        #expect(d.message.contains("limit is 1000"))
        limits = Limits()
        limits.maxLoopIterations = 50
        let (o2, _, _) = try TestSite.run("for $i in [1,2,3] { }\n$n = 0\nwhile true { $n = $n + 1 }", limits: limits)
        guard case .failed(let d2) = o2 else { Issue.record("expected the loop limit"); return }
        #expect(d2.message.contains("too many loop iterations (limit is 50)"))
    }

    @Test func hostFunctionsAndVariables() throws {
        let (outcome, events, _) = try TestSite.run("print lookupOwner($site)") { interp in
            interp.set("$site", .string("S01"))
            interp.define(function: "lookupOwner") { args in .string("owner of \(args[0].displayText)") }
        }
        #expect(outcome == .completed)
        guard case .print(let values)? = events.first else { Issue.record("no print"); return }
        #expect(values.first?.displayText == "owner of S01")
    }

    @Test func introspection() throws {
        let values = try TestSite.values("describe SMS_DriverPackage\nshow classes like 'SMS_%Package'\nshow methods of SMS_Package\nshow namespaces")
        guard values.count == 4, case .cimClass(let c) = values[0], case .rows(let classes) = values[1],
              case .rows(let methods) = values[2], case .rows(let ns) = values[3] else { Issue.record("\(values)"); return }
        #expect(c.name == "SMS_DriverPackage")
        #expect(classes.rows.compactMap { $0.fields?.first?.value.displayText } == ["SMS_Package", "SMS_DriverPackage"])
        #expect(methods.rows.count == 3)
        #expect(ns.rows.count == 1)
        #expect(try TestSite.failure("describe SMS_Nope")?.status == .invalidClass)
    }

    @Test func nalBuiltinBuildsTheSeedPath() throws {
        #expect(try TestSite.printed(#"print nal("dp1", "S01")"#) == [TestSite.dp1NAL])
    }

    @Test func datetimeArithmetic() throws {
        let printed = try TestSite.printed(#"""
        $d = SMS_Package("S0100003").SourceDate
        print $d, DateAdd(dd, 10, $d), DateDiff(hh, $d, "2026-06-16 08:00")
        print GetDate() > $d, now() - $d
        """#)
        #expect(printed == ["20260615080000.000000+000 20260625080000.000000+000 24",
                            "true 00000164040000.000000:000"])
    }
}
