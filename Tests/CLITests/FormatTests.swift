// Output formats through the binary: JSON parses back, CSV is RFC 4180, MOF compiles back.
import CMShell
import Foundation
import Site
import Testing

@Suite struct FormatTests {
    static let query = "select PackageID, Name, SourceVersion, SourceDate from SMS_Package where Manufacturer = 'Microsoft' order by PackageID"

    @Test func jsonParsesBack() throws {
        let r = try CLI.run(["--format", "json", "-c", Self.query])
        #expect(r.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows[0]["PackageID"] as? String == "S0100001")
        #expect(rows[0]["SourceVersion"] as? Int == 3)
        let date = try #require(rows[0]["SourceDate"] as? [String: Any])
        #expect(date["cim"] as? String == "20260801100000.000000+000")
        #expect(date["iso8601"] as? String == "2026-08-01T10:00:00.000000+00:00")
    }

    @Test func csvIsRFC4180() throws {
        let r = try CLI.run(["--format", "csv", "-c", #"select PackageID, Name from SMS_Package where PackageID = 'S0100004' or PackageID = 'S0100015' order by PackageID"#])
        #expect(r.stdout == "PackageID,Name\nS0100004,7-Zip 24.08 (x64)\nS0100015,Contoso Line-of-Business Suite\n")
        let quoted = try CLI.run(["--format", "csv", "-c", #"update SMS_Package("S0100004") set Description = "a, \"quoted\"\nvalue""# + "\n" + #"select PackageID, Description from SMS_Package where PackageID = 'S0100004'"#, "--quiet"])
        #expect(quoted.stdout == "PackageID,Description\nS0100004,\"a, \"\"quoted\"\"\nvalue\"\n")
    }

    @Test func mofCompilesBackIntoTheSchema() throws {
        let r = try CLI.run(["--format", "mof", "-c", "select * from SMS_Package where Manufacturer = 'Google'"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("instance of SMS_Package"))
        let empty = try SimulatedSite(siteCode: "S01")
        let result = try MOFCompiler.compile(r.stdout, fileName: "out.mof", into: empty.repository)
        #expect(result.instances.count == 1)
        let back = try empty.repository.instance(at: try ObjectPath(parsing: #"SMS_Package.PackageID="S0100006""#))
        #expect(back["Name"] == .string("Google Chrome Enterprise"))
        #expect(back["SourceVersion"] == .uint32(12))
    }

    @Test func listFormat() throws {
        let r = try CLI.run(["--format", "list", "-c", "select SiteCode, SiteName from SMS_Site where SiteCode = 'S02'"])
        #expect(r.stdout.contains("SiteCode = S02"))
        #expect(r.stdout.contains("SiteName = Contoso Branch"))
    }

    @Test func noColourWhenPiped() throws {
        let r = try CLI.run(["-c", "select * from SMS_Nope"], environment: ["NO_COLOR": ""])
        #expect(!r.stdout.contains("\u{1B}[") && !r.stderr.contains("\u{1B}["))
    }
}
