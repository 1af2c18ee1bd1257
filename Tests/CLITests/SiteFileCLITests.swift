// `cmsh --site`: creating, reopening, --transaction, a forgotten commit, --dump and loading it back.
import Foundation
import Testing

@Suite struct SiteFileCLITests {
    let dir: URL = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-cli-site-\(UUID().uuidString)")
    func path(_ name: String) throws -> String {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    @Test func aBatchChangesWhatTheNextRunSees() throws {
        let site = try path("contoso.site")
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try CLI.run(["--site", site, "--init", "demo", "--systems", "12", "-c",
                                #"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [nal("dp2", "S01")])"#])
        #expect(made.status == 0, "\(made.stderr)")
        let seen = try CLI.run(["--site", site, "--format", "csv", "-c",
                                "select ServerNALPath from SMS_DistributionPoint where PackageID = 'PKG00001' order by ServerNALPath"])
        #expect(seen.stdout.contains("dp2"))
        // --transaction: a script that fails keeps nothing, not even the statements before the failure
        let script = try CLI.script(#"new SMS_Package { PackageID = "S0140001", Name = "first" }"# + "\nprint 1 / 0\n")
        let failed = try CLI.run(["--site", site, "--transaction", script.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("rolled back"))
        #expect(try CLI.run(["--site", site, "-c", "print len(select * from SMS_Package where PackageID = 'S0140001')"]).stdout == "0\n")
        // a script that ends inside `begin` keeps nothing and exits 1
        let open = try CLI.run(["--site", site, "-c", "begin\n" + #"new SMS_Package { PackageID = "S0140002", Name = "second" }"#])
        #expect(open.status == 1)
        #expect(open.stderr.contains("'begin' without 'commit'"))
        #expect(try CLI.run(["--site", site, "--check-integrity"]).stdout.contains("ok"))
    }

    @Test func aCollectionAndItsMembersAreKeptInTheFile() throws {
        let site = try path("collections.site")
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try CLI.run(["--site", site, "--init", "demo", "-c", """
            $c = new SMS_Collection { Name = "Pilot", LimitToCollectionID = "SMS00001" }
            invoke SMS_Collection($c.CollectionID).AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "PCs", QueryExpression = "select * from SMS_R_System where Name like 'PC-%'" })
            print $c.CollectionID
            """])
        #expect(made.status == 0, "\(made.stderr)")
        let id = made.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let seen = try CLI.run(["--site", site, "--format", "csv", "-c", """
            select MemberCount from SMS_Collection where CollectionID = '\(id)'
            select count(*) from SMS_FullCollectionMembership where CollectionID = '\(id)' and Name like 'PC-%'
            select RuleName from SMS_CollectionRuleQuery
            """])
        #expect(seen.status == 0, "\(seen.stderr)")
        let lines = seen.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count >= 4 && lines[1] == lines[3] && Int(lines[1]) ?? 0 > 0, "\(seen.stdout)")
    }

    @Test func aDumpLoadsIntoAnEmptySite() throws {
        let (site, copy, mof) = (try path("a.site"), try path("b.site"), try path("a.mof"))
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["--site", site, "--init", "demo", "--systems", "12", "-c", "print 1"]).status == 0)
        let dump = try CLI.run(["--site", site, "--dump"])
        #expect(dump.status == 0)
        try dump.stdout.write(toFile: mof, atomically: true, encoding: .utf8)
        let load = try CLI.run(["--site", copy, "--init", "empty", mof])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(try CLI.run(["--site", copy, "--dump"]).stdout == dump.stdout)
    }

    @Test func siteOptionsAreCheckedBeforeAnythingRuns() throws {
        #expect(try CLI.run(["--init", "demo", "-c", "print 1"]).status == 2)
        #expect(try CLI.run(["--check-integrity"]).status == 2)
        let missing = try CLI.run(["--site", "/nonexistent/dir/x.site", "-c", "print 1"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("WBEM_E_NOT_FOUND") || missing.stderr.contains("no site file"))
    }
}
