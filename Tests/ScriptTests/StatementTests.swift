// End-to-end statements against the test site: the seed invoke, object references, changes, scripting.
import Foundation
import Testing
import CIM
@testable import Script

@Suite struct InvokeTests {
    static let seed = #"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])"#

    @Test func seedStatementWorksByteForByte() throws {
        let repo = try TestSite.repository()
        let values = try TestSite.values(Self.seed, repository: repo)
        guard case .record(let r)? = values.first else { Issue.record("expected a result record"); return }
        #expect(r["ReturnValue"]?.cimValue == .sint32(0))
        let dp = try repo.instances(of: "SMS_DistributionPoint", where: "PackageID", equals: .string("PKG00001"))
        #expect(dp.count == 1)
        #expect(dp.first?["ServerNALPath"] == .string(TestSite.dp1NAL))
        // repeating it adds no duplicate
        _ = try TestSite.values(Self.seed, repository: repo)
        #expect(try repo.instances(of: "SMS_DistributionPoint", where: "PackageID", equals: .string("PKG00001")).count == 1)
    }

    @Test func namedArgumentsScalarCoercionAndResultVariables() throws {
        let (outcome, _, interp) = try TestSite.run(#"""
        let $r = invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(NALPath: nal("dp1", "S01"), SiteCode: "S01")
        print $r.ReturnValue, $?
        """#)
        #expect(outcome == .completed)
        #expect(interp.get("?")?.cimValue == .sint32(0))
        #expect(interp.get("result") != nil)
    }

    @Test func nonZeroReturnValueStopsUnderOnerrorStop() throws {
        let (outcome, _, interp) = try TestSite.run(#"""
        invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S09"], ["x"])
        print "not reached"
        """#)
        guard case .failed(let d) = outcome else { Issue.record("expected failure"); return }
        #expect(d.message.contains("returned 3: site S09 does not exist"))
        #expect(d.location.line == 1)
        #expect(interp.get("?")?.cimValue == .sint32(3))
    }

    @Test func onerrorContinueGoesOn() throws {
        let printed = try TestSite.printed(#"""
        set onerror continue
        invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S09"], ["x"])
        print "after", $?
        """#)
        #expect(printed == ["after 3"])
    }

    @Test func argumentTypeErrorsPointAtTheArgument() throws {
        let d = try #require(try TestSite.failure(#"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [1, "a"])"#))
        #expect(d.status == .typeMismatch)
        #expect(d.location.column == 69)  // the second argument, [1, "a"]
        let d2 = try #require(try TestSite.failure(#"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(Bogus: ["S01"])"#))
        #expect(d2.status == .invalidParameter)
        #expect(d2.location.column == 60)
    }

    @Test func staticMethodsAndMethodErrors() throws {
        #expect(try TestSite.failure(#"invoke SMS_Package.Touch("ok")"#) == nil)
        #expect(try TestSite.failure(#"invoke SMS_Package.RefreshPkgSource()"#)?.status == .invalidMethod)
        #expect(try TestSite.failure(#"invoke SMS_Package("S0100003").NoSuchMethod()"#)?.status == .invalidMethod)
        #expect(try TestSite.failure(#"invoke SMS_Package("NOPE").RefreshPkgSource()"#)?.status == .notFound)
    }

    @Test func invokeOverAQueryActsOnEachRow() throws {
        let repo = try TestSite.repository()
        let values = try TestSite.values(#"invoke (select * from SMS_Package where Manufacturer = 'Dell' or Name like '7-Zip%').RefreshPkgSource()"#, repository: repo)
        guard case .rows(let rs)? = values.first else { Issue.record("expected rows"); return }
        #expect(rs.rows.count == 2)
        #expect(rs.columns == ["Target", "ReturnValue"])
        #expect(try repo.instance(at: try ObjectPath(parsing: #"SMS_Package.PackageID="S0100004""#))["SourceVersion"] == .uint32(2))
    }
}

@Suite struct ObjectTests {
    @Test func referencesFetchInstances() throws {
        let printed = try TestSite.printed(#"""
        $p = SMS_DriverPackage("pkg00001")
        print $p.Name, $p.PackageID
        $dp = SMS_DistributionPoint(PackageID = "S0100003", ServerNALPath = nal("dp2", "S01"), SiteCode = "S01")
        print $dp.SiteName
        print get "SMS_Site.SiteCode=\"S02\"".SiteName
        print SMS_PackageBaseClass("S0100003").__CLASS
        """#)
        #expect(printed == ["Dell Latitude 7440 Drivers PKG00001", "Contoso HQ", "Contoso Branch", "SMS_Package"])
    }

    @Test func missingObjectsAndBadKeys() throws {
        #expect(try TestSite.failure(#"$p = SMS_Package("S0199999")"#)?.status == .notFound)
        #expect(try TestSite.failure(#"$p = SMS_DistributionPoint("x")"#)?.status == .invalidObjectPath)
        #expect(try TestSite.failure(#"$p = SMS_Site(Name = "x")"#)?.status == .invalidObjectPath)
        #expect(try TestSite.failure(#"$p = SMS_Nothing"#)?.status == .invalidClass)
    }

    @Test func newUpdateDelete() throws {
        let repo = try TestSite.repository()
        let (outcome, events, _) = try TestSite.run(#"""
        $path = new SMS_Package { PackageID = "S0100010", Name = "Notepad++", Manufacturer = "Don Ho" }
        print $path
        update SMS_Package("S0100010") set Description = "editor", PkgFlags = 16
        update SMS_Package where Manufacturer = 'Dell' set Description = "dell"
        delete SMS_Package("S0100004")
        delete from SMS_DistributionPoint where Status = 2
        """#, repository: repo)
        #expect(outcome == .completed)
        let statuses = events.compactMap { if case .status(let s) = $0 { s } else { nil } }
        #expect(statuses == ["1 instance updated.", "1 instance updated.", "1 instance deleted.", "1 instance deleted."])
        let np = try repo.instance(at: try ObjectPath(parsing: #"SMS_Package.PackageID="S0100010""#))
        #expect(np["PkgFlags"] == .uint32(16))
        #expect(np["Description"] == .string("editor"))
        #expect(try repo.count(of: "SMS_Package") == 3)
        #expect(try repo.count(of: "SMS_DistributionPoint") == 1)
    }

    @Test func changesAreValidatedByTheClass() throws {
        #expect(try TestSite.failure(#"new SMS_Package { PackageID = "S0100003" }"#)?.status == .alreadyExists)
        #expect(try TestSite.failure(#"new SMS_Package { Colour = "red" }"#)?.status == .invalidProperty)
        #expect(try TestSite.failure(#"new SMS_Site { SiteCode = "S09", Type = 300 }"#)?.status == .valueOutOfRange)
        #expect(try TestSite.failure(#"update SMS_Package("S0100003") set PackageID = "X""#)?.status == .readOnly)
        #expect(try TestSite.failure(#"update SMS_Package("S0100003") set SourceVersion = "many""#)?.status == .typeMismatch)
        #expect(try TestSite.failure(#"new SMS_PackageBaseClass { PackageID = "B" }"#)?.status == .invalidOperation)
    }

    @Test func aFailingUpdateChangesNothing() throws {
        let repo = try TestSite.repository()
        let (outcome, _, _) = try TestSite.run(#"update SMS_PackageBaseClass where PackageType = 0 set SourceVersion = -1"#, repository: repo)
        guard case .failed(let d) = outcome else { Issue.record("expected failure"); return }
        #expect(d.status == .valueOutOfRange)
        #expect(try repo.instance(at: try ObjectPath(parsing: #"SMS_Package.PackageID="S0100003""#))["SourceVersion"] == .uint32(4))
    }

    @Test func embeddedObjectsAreNotStored() throws {
        let repo = try TestSite.repository()
        let values = try TestSite.values(#"new SMS_CollectionRuleQuery { RuleName = "Win11", QueryExpression = "select * from SMS_R_System" }"#, repository: repo)
        guard case .cim(.object(let rule))? = values.first else { Issue.record("expected an embedded object"); return }
        #expect(rule["RuleName"] == .string("Win11"))
    }
}

@Suite struct LongScriptTests {
    @Test func twoHundredLineAuditScriptRuns() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/audit.cmsh")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count >= 200)
        let repo = try TestSite.repository()
        let (outcome, events, _) = try TestSite.run(text, repository: repo)
        #expect(outcome == .exited(0), "\(outcome)")
        let printed = events.compactMap { if case .print(let vs) = $0 { vs.map(\.displayText).joined(separator: " ") } else { nil } }
        #expect(printed == [
            "manufacturers: Dell=2, HP=1, Igor Pavlov=1, Microsoft=1",
            "undistributed: 3 packages",
            "assigned PKG00001   to Contoso HQ (SMS_DriverPackage)",
            "assigned S0100002   to Contoso HQ (SMS_DriverPackage)",
            "assigned S0100005   to Contoso HQ (SMS_Package)",
            "caught: WBEM_E_NOT_FOUND at line 143",
            "refreshed: 2 packages",
            "versions: 10 4",
            "placements: 5",
            "sites: S01 Contoso HQ; S02 Contoso Branch",
            "summary: 5 packages / 5 placements",
        ])
        #expect(try repo.count(of: "SMS_DistributionPoint") == 5)
    }
}
