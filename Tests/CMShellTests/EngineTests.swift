// The embedding API: running and preparing scripts, host classes, methods, hooks and functions, limits,
// cancellation, the sandbox, and engines running side by side.
import Foundation
import Testing
@testable import CMShell

@Suite struct EngineTests {
    /// An engine whose output is collected.
    final class Collected: @unchecked Sendable {
        var events: [OutputEvent] = []
        var printed: [String] { events.compactMap { if case .print(let v) = $0 { v.map(\.displayText).joined(separator: " ") } else { nil } } }
    }

    func engine(_ model: Engine.SiteModel = .demo) throws -> (Engine, Collected) {
        let e = try Engine(site: model, clock: SiteClock(fixedAt: try CIMDateTime(parsing: "20261126090000.000000+000")))
        let c = Collected()
        e.output = { c.events.append($0) }
        return (e, c)
    }

    @Test func runsTheSeedStatementAndEvaluates() throws {
        let (e, _) = try engine()
        let r = e.run(script: #"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])"#)
        #expect(r.exitCode == 0)
        #expect(try e.evaluate("$?").cimValue == .sint32(0))
        #expect(try e.evaluate(#"len(select * from SMS_DistributionPoint where PackageID = "PKG00001")"#).cimValue == .sint64(1))
        #expect(try e.evaluate("1 + 2").cimValue == .sint64(3))
        #expect(throws: CMShellError.self) { try e.evaluate("SMS_Package(\"nope\")") }
    }

    @Test func runReportsSyntaxAndRuntimeErrorsWithLocations() throws {
        let (e, _) = try engine()
        let syntax = e.run(script: "print 1\nselect frm", fileName: "a.cmsh")
        guard case .syntaxErrors(let d) = syntax.outcome else { Issue.record("expected syntax errors"); return }
        #expect(syntax.exitCode == 2)
        #expect(d[0].location == SourceLocation(file: "a.cmsh", line: 2, column: 11))  // `frm` is a select item; `from` is missing
        let runtime = e.run(script: "\n$p = SMS_Package(\"S01FFFFF\")", fileName: "b.cmsh")
        guard case .failed(let error) = runtime.outcome else { Issue.record("expected a failure"); return }
        #expect(runtime.exitCode == 1)
        #expect(error.status == .notFound)
        #expect(error.message == #"No instance SMS_Package.PackageID="S01FFFFF" exists."#)
        #expect(error.location == SourceLocation(file: "b.cmsh", line: 2, column: 6))
        #expect(error.description.hasPrefix("b.cmsh:2:6: error: WBEM_E_NOT_FOUND: No instance"))
    }

    @Test func preparedScriptRerunsWithNewVariables() throws {
        let (e, c) = try engine()
        guard case .success(let prepared) = e.prepare("print SMS_Site($site).SiteName") else { Issue.record("parse failed"); return }
        for site in ["S01", "S02"] {
            e.set("$site", .string(site))
            #expect(e.run(prepared).exitCode == 0)
        }
        #expect(c.printed == ["Contoso HQ", "Contoso Branch"])
    }

    @Test func hostClassMethodHookAndFunction() throws {
        let (e, c) = try engine(.empty(siteCode: "S01"))
        try e.compileMOF("""
            class Host_Counter { [Key] string Name; uint32 Value; [Static] sint32 Bump([In] string Name, [Out] uint32 Value); };
            instance of Host_Counter { Name = "a"; Value = 1; };
            """)
        e.register(method: "Bump", of: "Host_Counter") { call in
            var counter = try call.repository.instance(at: ObjectPath(className: "Host_Counter", keys: [.init(nil, call["Name"])]))
            let next = (counter["Value"]?.integerValue ?? 0) + 1
            try counter.set("Value", .uint32(UInt32(next)))
            try call.repository.modifyInstance(counter)
            return .success([("Value", .uint32(UInt32(next)))])
        }
        struct NoZ: InstanceHook {
            func validate(_ change: InstanceChange, proposed: inout CIMInstance?, in context: HookContext) throws {
                if case .create(let i) = change, i["Name"]?.stringValue?.hasPrefix("z") == true {
                    throw CIMError(.accessDenied, "names starting with z are reserved")
                }
            }
        }
        e.register(hook: NoZ(), for: "Host_Counter")
        e.define(function: "twice") { args in .integer(2 * Int64(args[0].cimValue?.integerValue ?? 0)) }
        let r = e.run(script: """
            let $r = invoke Host_Counter.Bump("a")
            print $r.Value, twice($r.Value)
            try { new Host_Counter { Name = "zed" } } catch $e { print $e.name }
            """)
        #expect(r.exitCode == 0)
        #expect(c.printed == ["2 4", "WBEM_E_ACCESS_DENIED"])
        #expect(throws: CMShellError.self) { try e.compileMOF("class Broken {", fileName: "broken.mof") }
        do { try e.compileMOF("class Broken {", fileName: "broken.mof") } catch let err as CMShellError {
            #expect(err.location?.file == "broken.mof")
        }
    }

    @Test(arguments: ["steps", "loops", "calls", "output", "time"])
    func aLimitStopsTheRunAndLeavesTheEngineUsable(_ which: String) throws {
        let (e, c) = try engine()
        var limits = EngineLimits()
        var script = "while true { $x = 1 }"
        switch which {
        case "steps": limits.maxSteps = 500
        case "loops": limits.maxLoopIterations = 100
        case "calls": limits.maxCallDepth = 20; script = "func f($n) { return f($n + 1) }\nf(0)"
        case "output": limits.maxOutputBytes = 200; script = "while true { print \"a line of output\" }"
        default: limits.timeLimit = .milliseconds(50)
        }
        e.limits = limits
        let before = try e.engineDPCount()
        let r = e.run(script: "update SMS_Package(\"S0100004\") set Description = \"kept\"\n" + script)
        guard case .failed(let error) = r.outcome else { Issue.record("\(which): expected a stop"); return }
        let expected: [String: CIMStatus] = ["steps": .quotaViolation, "loops": .quotaViolation, "calls": .quotaViolation,
                                             "output": .callCancelled, "time": .timedOut]
        #expect(error.status == expected[which])
        if which == "output" { #expect(c.events.contains { if case .status(let s) = $0 { s.contains("output limit of 200 bytes") } else { false } }) }
        // usable afterwards, the repository consistent: the statement before the runaway one stayed done
        e.limits = EngineLimits()
        #expect(try e.evaluate(#"SMS_Package("S0100004").Description"#).displayText == "kept")
        #expect(try e.engineDPCount() == before)
        #expect(e.run(script: "print 1").exitCode == 0)
    }

    @Test func cancellationFromAnotherThread() throws {
        let (e, _) = try engine()
        var limits = EngineLimits()
        limits.timeLimit = .seconds(60)  // a backstop: a broken cancel fails the test instead of hanging the run
        e.limits = limits
        let r = cancellingRepeatedly(e.cancellation) { e.run(script: "$n = 0\nwhile true { $n = $n + 1 }") }
        guard case .failed(let error) = r.outcome else { Issue.record("expected cancellation"); return }
        #expect(error.status == .callCancelled)
        #expect(e.run(script: "print $n > 0").exitCode == 0)  // the next run starts uncancelled
    }

    @Test func sandboxRefusesFilesUnlessGranted() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-sandbox-\(UUID().uuidString).cmsh")
        try "print \"from file\"".write(to: url, atomically: true, encoding: .utf8)
        let (closed, _) = try engine()
        guard case .failed(let error) = closed.run(file: url.path).outcome else { Issue.record("file read should be refused"); return }
        #expect(error.status == .accessDenied)
        let (open, c) = try engine()
        open.permissions = [.readFiles]
        #expect(open.run(file: url.path).exitCode == 0)
        #expect(c.printed == ["from file"])
    }

    @Test func twoEnginesInParallelDoNotInterfere() async throws {
        let results = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for n in 0..<2 {
                group.addTask {
                    let e = try Engine()
                    let c = Collected()
                    e.output = { c.events.append($0) }
                    e.set("$me", .integer(Int64(n)))
                    let r = e.run(script: """
                        for $i in [1, 2, 3, 4, 5] { new SMS_Package { Name = "engine " + str($me) + " #" + str($i) } }
                        print $me, len(select * from SMS_Package where Name like 'engine %')
                        """)
                    #expect(r.exitCode == 0)
                    return (n, c.printed)
                }
            }
            var out: [Int: [String]] = [:]
            for try await (n, printed) in group { out[n] = printed }
            return out
        }
        #expect(results[0] == ["0 5"])
        #expect(results[1] == ["1 5"])
    }

    @Test func checkFindsUnknownNamesWithoutRunning() throws {
        let (e, c) = try engine()
        let problems = e.check("print 1\nselect * from SMS_Nope\ninvoke SMS_Package.Bogus()")
        #expect(problems.map(\.location.line) == [2, 3])
        #expect(c.events.isEmpty)
        // RefreshPkgSource is declared on each package subclass, not on the base class: through an instance
        // reference of the base class it resolves; on the class itself it does not.
        #expect(e.check(#"invoke SMS_PackageBaseClass("S0100004").RefreshPkgSource()"#).isEmpty)
        #expect(e.check("invoke SMS_PackageBaseClass.RefreshPkgSource()").count == 1)
        // functions the host defined are known too
        #expect(e.check("print owner(1)").count == 1)
        e.define(function: "owner") { _ in .null }
        #expect(e.check("print owner(1)").isEmpty)
    }
}

extension Engine {
    fileprivate func engineDPCount() throws -> Int { try repository.count(of: "SMS_DistributionPoint") }
}
