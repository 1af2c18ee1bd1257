// Names are resolved before anything runs, through the Engine: classes, properties, methods, arguments,
// functions and variables (RealInputCLITests checks the binary's exit status and silence).
import Foundation
import Testing
@testable import CMShell

/// Names are resolved before anything runs, in every run (not only --check).
@Suite struct NamesCheckedFirstTests {
    /// The script (after a `print "start"`) fails before anything runs, every error located; `check`
    /// (what `cmsh --check` runs) finds the same.
    func stopsBeforeRunning(_ script: String, _ expected: [String], on e: Engine) throws {
        var printed: [OutputEvent] = []
        e.output = { printed.append($0) }
        let text = "print \"start\"\n" + script
        let r = e.run(script: text, fileName: "<command>")
        guard case .syntaxErrors(let diagnostics) = r.outcome else { Issue.record("\(script) ran: \(r.outcome)"); return }
        #expect(r.exitCode == 2)
        #expect(printed.isEmpty, "\(script) ran")
        let report = diagnostics.map(\.description).joined(separator: "\n")
        for text in expected { #expect(report.contains(text), "\(script)\n\(report)") }
        #expect(e.check(text, fileName: "<command>") == diagnostics)
    }

    @Test func aBadPropertyOnLine2StopsTheScriptBeforeLine1() throws {
        let e = try Engine()
        try stopsBeforeRunning("select Nmae from SMS_R_System", ["<command>:2:8:", "'Nmae' is not a property of SMS_R_System; did you mean 'Name'?"], on: e)
        try stopsBeforeRunning("select Name from SMS_R_System where Clinet = 1", ["<command>:2:37:", "did you mean 'Client'?"], on: e)
        try stopsBeforeRunning("select Name from SMS_R_System order by LastLogonTimestmp", ["did you mean 'LastLogonTimestamp'?"], on: e)
        try stopsBeforeRunning(#"update SMS_Package where Name = "nomatch" set Descr = "y""#, ["WBEM_E_INVALID_PROPERTY", "did you mean 'Description'?"], on: e)
        try stopsBeforeRunning(#"update SMS_Package("S0100003") set Priorty = 1"#, ["WBEM_E_INVALID_PROPERTY", "did you mean 'Priority'?"], on: e)
        try stopsBeforeRunning(#"$p = new SMS_Package { Nmae = "x" }"#, ["WBEM_E_INVALID_PROPERTY", "did you mean 'Name'?"], on: e)
        try stopsBeforeRunning(#"print SMS_Package("S0100003").Descriptin"#, ["did you mean 'Description'?"], on: e)
    }

    @Test func classesEvenWhereTheRunWouldNeverGo() throws {
        let e = try Engine()
        try stopsBeforeRunning("if 1 = 2 { select * from SMS_Pakage }", ["WBEM_E_INVALID_CLASS", "did you mean 'SMS_Package'?"], on: e)
        try stopsBeforeRunning("select * from SMS_R_System where 1 = 2 and ResourceID in (select ResourceID from SMS_G_System_NOPE)",
                               ["class SMS_G_System_NOPE does not exist"], on: e)
    }

    @Test func methodsAndTheirArguments() throws {
        let e = try Engine()
        try stopsBeforeRunning(#"invoke SMS_Package("S0100003").AddDistributionPoint(["S01"], ["x"])"#,
                               ["WBEM_E_INVALID_METHOD", "did you mean 'AddDistributionPoints'?"], on: e)
        try stopsBeforeRunning(#"invoke SMS_Package("S0100003").AddDistributionPoints(["S01"], ["x"], 3)"#,
                               ["WBEM_E_INVALID_PARAMETER", "takes 2 arguments, not 3"], on: e)
        try stopsBeforeRunning(#"invoke SMS_Package("S0100003").AddDistributionPoints(SiteCod: "S01")"#, ["no [in] parameter 'SiteCod'"], on: e)
        try stopsBeforeRunning(#"print upperr("a")"#, ["'upperr' is not a function or a class; did you mean 'upper'?"], on: e)
    }

    @Test func variablesUsedBeforeAnyAssignment() throws {
        let e = try Engine()
        try stopsBeforeRunning("print $count\n$count = 1", ["<command>:2:7:", "variable $count is used before it is set"], on: e)
        try stopsBeforeRunning("func f() { return $never }\nprint f()", ["variable $never is never set"], on: e)
        // Loops, functions reading globals set later, catch and for variables are fine.
        var printed: [String] = []
        e.output = { if case .print(let v) = $0 { printed.append(v.map(\.displayText).joined(separator: " ")) } }
        e.set("args", .list([]))
        let ok = e.run(script: """
            func total() { return $n * 2 }
            $n = 0
            while $n < 3 { if $n > 0 { print $last } ; $last = $n ; $n = $n + 1 }
            for $i in [1] { print $i }
            try { $x = 1 / 0 } catch $e { print $e.name }
            print total(), $args
            """)
        #expect(ok.exitCode == 0, "\(ok.outcome)")
        #expect(Array(printed.prefix(3)) == ["0", "1", "1"])
    }

    /// A property of a variable is only known when it runs: it is checked then, with the same words.
    @Test func dynamicNamesAreCheckedWhenTheyRun() throws {
        let e = try Engine()
        var printed: [OutputEvent] = []
        e.output = { printed.append($0) }
        guard case .failed(let error) = e.run(script: "print \"start\"\n$p = SMS_Package(\"S0100003\")\nprint $p.Nmae").outcome else {
            Issue.record("ran to the end"); return
        }
        #expect(printed.count == 1)
        #expect(error.location?.line == 3)
    }
}
