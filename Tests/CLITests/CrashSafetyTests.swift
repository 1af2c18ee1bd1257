// kill -9 in the middle of a long batch on a site file: no committed statement lost, no partial one kept.
import Foundation
import Testing

@Suite(.serialized) struct CrashSafetyTests {
    /// Each statement creates a package and puts it on a DP: two writes that must stand or fall together.
    static let statements = 1_500
    static var script: String {
        (1...statements).map { i in
            let id = String(format: "S011%04d", i)
            return #"if true { new SMS_Package { PackageID = "\#(id)", Name = "batch \#(i)" }; invoke SMS_Package("\#(id)").AddDistributionPoints(["S01"], [nal("dp1", "S01")]) }"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func killNineMidBatchKeepsExactlyTheCommittedPrefix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let template = dir.appendingPathComponent("template.site").path
        #expect(try CLI.run(["--site", template, "--init", "demo", "--systems", "12", "-c", "print 1"]).status == 0)
        let scriptURL = dir.appendingPathComponent("batch.cmsh")
        try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)

        var midRun = 0
        for round in 0..<5 {
            let site = dir.appendingPathComponent("round\(round).site").path
            try FileManager.default.copyItem(atPath: template, toPath: site)
            let child = try ChildProcess.start(CLI.binary.path, ["--site", site, scriptURL.path],
                                               environment: ProcessInfo.processInfo.environment)
            // Kill after a random number of statements have reported back (each prints `ReturnValue = 0`),
            // so the kill lands mid-batch however fast or slow the machine is.
            let target = Int.random(in: 10...600)
            var reported = 0
            while reported < target {
                let chunk = child.read()
                if chunk.isEmpty { break }
                reported += chunk.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
            child.kill(SIGKILL)
            child.wait()

            // Reopen (recovering the WAL) and check the invariants.
            let check = try CLI.run(["--site", site, "-c", """
                for $p in select PackageID from SMS_Package where Name like 'batch %' order by PackageID {
                    print $p.PackageID, len(select * from SMS_DistributionPoint where PackageID = $p.PackageID)
                }
                for $dp in select PackageID from SMS_DistributionPoint {
                    assert len(select * from SMS_PackageBaseclass where PackageID = $dp.PackageID) = 1, "a DP without its package"
                }
                """])
            #expect(check.status == 0, "round \(round): \(check.stderr)")
            let rows = check.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            // exactly statements 1…k: no gap (a later commit kept while an earlier was lost), each with its DP
            let expected = (0..<rows.count).map { [String(format: "S011%04d", $0 + 1), "1"] }
            #expect(rows == expected, "round \(round): not a committed prefix: \(check.stdout.prefix(300))")
            if rows.count > 0 && rows.count < Self.statements { midRun += 1 }
            #expect(try CLI.run(["--site", site, "--check-integrity"]).status == 0)
        }
        // The kills must have landed mid-run for the test to mean anything.
        #expect(midRun == 5, "only \(midRun) of 5 kills landed in the middle of the batch")
    }
}
