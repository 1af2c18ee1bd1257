// `--systems N`: the demo site's generated fleet, in memory or written into a new site file; anywhere else a
// usage error.
import Foundation
import Testing

@Suite struct FleetCLITests {
    static let count = "select count(*) from SMS_R_System"

    @Test func theDemoSiteHas300SystemsAndSystemsChangesThat() throws {
        let plain = try CLI.run(["--format", "csv", "-c", Self.count])
        // 300 computers drawn, then the site's six servers.
        #expect(plain.status == 0 && plain.stdout == "Count\n306\n", "\(plain.stderr)")
        let sized = try CLI.run(["--systems", "25", "--format", "csv", "-c", Self.count + "\nselect count(*) from SMS_G_System_OPERATING_SYSTEM where ResourceID < 16777245"])
        #expect(sized.status == 0, "\(sized.stderr)")
        #expect(sized.stdout.hasPrefix("Count\n31\n"))
        // No fleet: the site's servers are still discovered.
        let none = try CLI.run(["--systems", "0", "--format", "csv", "-c", Self.count])
        #expect(none.stdout == "Count\n6\n")
    }

    @Test func aSiteFileTakesTheFleetItWasCreatedWith() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-fleet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let site = dir.appendingPathComponent("fleet.site").path
        let made = try CLI.run(["--site", site, "--init", "demo", "--systems", "40", "-c", "print 1"])
        #expect(made.status == 0, "\(made.stderr)")
        let seen = try CLI.run(["--site", site, "--format", "csv", "-c", Self.count])
        #expect(seen.stdout == "Count\n46\n", "\(seen.stderr)")
    }

    @Test(arguments: [
        (["--site", "/tmp/never.site", "--systems", "5", "-c", "print 1"], "--systems sizes the demo site"),
        (["--site", "/tmp/never.site", "--init", "empty", "--systems", "5", "-c", "print 1"], "--systems sizes the demo site"),
        (["--systems=-3", "-c", "print 1"], "--systems takes a number from 0 to 1000000"),
        (["--systems", "1000001", "-c", "print 1"], "--systems takes a number from 0 to 1000000"),
        (["--systems", "many", "-c", "print 1"], "many"),
    ])
    func systemsElsewhereIsAUsageError(_ arguments: [String], _ message: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.site"))
    }

    @Test func helpDescribesSystems() throws {
        let help = try CLI.run(["--help"])
        #expect(help.stdout.contains("--systems <n>"))
        #expect(help.stdout.contains("--init demo --systems 100000"))
    }
}
