// Limits through the cmsh binary: --time-limit, --max-steps and --max-memory-mb stop a runaway query with
// exit 1 and a located error; Ctrl-C at the prompt stops one and the shell goes on.
import Foundation
import Testing

@Suite struct LimitsCLITests {
    /// Three systems in name order, over the demo's 300: some 4.5 million rows, far longer than any limit here.
    static let selfJoin = "select count(*) from SMS_R_System as a inner join SMS_R_System as b on a.Name < b.Name inner join SMS_R_System as c on b.Name < c.Name"

    @Test func timeLimitStopsAJoin() throws {
        let r = try CLI.run(["--time-limit", "1", "-c", Self.selfJoin])
        #expect(r.status == 1)
        #expect(r.stderr.contains("<command>:1:") && r.stderr.contains("WBEM_E_TIMED_OUT"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func maxStepsCountsRows() throws {
        let r = try CLI.run(["--max-steps", "100", "-c", "print 1\nselect count(*) from SMS_R_System where ResourceID > 0"])
        #expect(r.status == 1)
        #expect(r.stdout == "1\n")
        #expect(r.stderr.contains("<command>:2:") && r.stderr.contains("WBEM_E_QUOTA_VIOLATION") && r.stderr.contains("rows visited"))
    }

    @Test func maxMemoryStopsAGrowingResult() throws {
        let r = try CLI.run(["--max-memory-mb", "1", "-c",
                             "select count(*) from SMS_R_System as a inner join SMS_R_System as b on a.Name <> b.Name"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("WBEM_E_OUT_OF_MEMORY") && r.stderr.contains("--max-memory-mb"), "\(r.stderr)")
        let bad = try CLI.run(["--max-memory-mb", "-5", "-c", "print 1"])
        #expect(bad.status == 2)
        // 0 turns the limit off.
        #expect(try CLI.run(["--max-memory-mb", "0", "-c", "print 1"]).status == 0)
    }
}

@Suite struct BatchInterruptTests {
    /// SIGINT (Ctrl-C) stops a batch's running statement: cmsh exits 1 with WBEM_E_CALL_CANCELLED rather
    /// than dying of the signal.
    @Test func sigintStopsTheRunningStatement() throws {
        var env = ProcessInfo.processInfo.environment
        env["CMSH_HISTORY"] = ""
        let child = try ChildProcess.start(CLI.binary.path, ["--time-limit", "60", "-c", "print \"started\"\n" + LimitsCLITests.selfJoin + "\nprint \"not reached\""],
                                           environment: env)
        var output = ""
        while !output.contains("started") {
            let chunk = child.read()
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
        Thread.sleep(forTimeInterval: 0.3)
        child.kill(SIGINT)
        while true {
            let chunk = child.read()
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
        #expect(child.wait() == 1)
        #expect(output == "started\n")
    }
}

/// SIGHUP (a closed terminal) and SIGTERM (`kill`) end cmsh even when it was started with them blocked, as a
/// test runner's threads (and some daemons) start their children: a statement in an endless loop is stopped.
@Suite struct HangupTests {
    @Test(arguments: [SIGHUP, SIGTERM])
    func aSignalEndsABusyRun(_ signal: Int32) throws {
        var env = ProcessInfo.processInfo.environment
        env["CMSH_HISTORY"] = ""
        let child = try ChildProcess.start(CLI.binary.path, ["-c", #"print "looping"; while true { $x = 1 }"#], environment: env)
        var output = ""
        for _ in 0..<100 where !output.contains("looping") { output += String(decoding: child.read(), as: UTF8.self) }
        #expect(output.contains("looping"))
        child.kill(signal)
        // A cmsh that ignored it is killed after 3 s, so the test ends either way (and then fails).
        Thread.sleep(forTimeInterval: 3)
        child.kill(SIGKILL)
        #expect(child.wait() == 128 + signal)
    }
}
