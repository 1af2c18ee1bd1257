// Changes that must not give a wrong result silently: update writes only what it names, names are checked
// when no row matches, and a delete takes what depends on the object with it.
import Foundation
import Testing
@testable import CMShell

@Suite struct ChangeSemanticsTests {
    func engine() throws -> Engine {
        try Engine(site: .demo, clock: SiteClock(fixedAt: try CIMDateTime(parsing: "20261126090000.000000+000")))
    }

    func count(_ e: Engine, _ query: String) throws -> Int {
        Int(try e.evaluate("len(\(query))").displayText)!
    }

    @Test func updateOfAFetchedObjectWritesOnlyWhatItNames() throws {
        let e = try engine()
        let before = try e.evaluate(#"SMS_Package("S0100003").Description"#).displayText
        #expect(e.run(script: """
            $p = SMS_Package("S0100003")
            $p.Description = "local only"
            update $p set Priority = 1
            """).exitCode == 0)
        #expect(try e.evaluate(#"SMS_Package("S0100003").Description"#).displayText == before)
        #expect(try e.evaluate(#"SMS_Package("S0100003").Priority"#).displayText == "1")
        #expect(try e.evaluate("$p.Description").displayText == "local only")
    }

    @Test func updateChecksNamesWhenNothingMatches() throws {
        let e = try engine()
        // Found before the run (nothing runs), and by the run itself when the text is only known then.
        for script in [#"update SMS_Package where Name = "nomatch" set Descr = "y""#,
                       #"update SMS_Package set Descr = "y" where Name = "nomatch""#] {
            guard case .syntaxErrors(let errors) = e.run(script: "print 1\n" + script).outcome else { Issue.record("\(script) ran"); continue }
            #expect(errors.first?.status == .invalidProperty)
            #expect(errors.first?.message.contains("did you mean 'Description'?") == true, "\(errors)")
            let interpreter = Interpreter(repository: e.repository)
            guard case .failed(let error) = interpreter.run(try Parser.parse(script)) else { Issue.record("\(script) ran"); continue }
            #expect(error.status == .invalidProperty)
            #expect(error.message.contains("did you mean 'Description'?"))
        }
        guard case .failed(let key) = e.run(script: #"update SMS_Package where Name = "nomatch" set PackageID = "X""#).outcome else {
            Issue.record("a key change ran"); return
        }
        #expect(key.status == .readOnly)
    }

    @Test func deletingAPackageRemovesItsPlacementsAndStatus() throws {
        let e = try engine()
        #expect(e.run(script: #"invoke SMS_Package("S0100003").AddDistributionPoints(["S01"], [nal("dp2", "S01")])"#).exitCode == 0)
        let id = #"PackageID = "S0100003""#
        #expect(try count(e, "select * from SMS_DistributionPoint where \(id)") > 0)
        #expect(try count(e, "select * from SMS_PackageStatusDistPointsSummarizer where \(id)") > 0)
        #expect(e.run(script: #"delete SMS_Package("S0100003")"#).exitCode == 0)
        for cls in ["SMS_DistributionPoint", "SMS_PackageStatusDistPointsSummarizer", "SMS_DistributionDPStatus"] {
            #expect(try count(e, "select * from \(cls) where \(id)") == 0, "\(cls)")
        }
        #expect(try count(e, #"select * from SMS_DPGroupPackages where PkgID = "S0100003""#) == 0)
    }

    @Test func deletingASystemRemovesItsMembershipsAndInventory() throws {
        let e = try engine()
        let all = Int(try e.evaluate(#"SMS_Collection("SMS00001").MemberCount"#).displayText)!
        #expect(try count(e, "select * from SMS_G_System_OPERATING_SYSTEM where ResourceID = 16777220") == 1)
        #expect(e.run(script: "delete SMS_R_System(16777220)").exitCode == 0)
        #expect(try count(e, "select * from SMS_FullCollectionMembership where ResourceID = 16777220") == 0)
        #expect(try count(e, "select * from SMS_CollectionMember_a where ResourceID = 16777220") == 0)
        #expect(try count(e, "select * from SMS_G_System_OPERATING_SYSTEM where ResourceID = 16777220") == 0)
        #expect(Int(try e.evaluate(#"SMS_Collection("SMS00001").MemberCount"#).displayText)! == all - 1)
    }

    @Test func deletingADistributionPointRoleRemovesItsPlacements() throws {
        let e = try engine()
        let condition = #"where RoleName = "SMS Distribution Point" and ServerName like "dp1%""#
        #expect(try count(e, "select * from SMS_SystemResourceList " + condition) == 1)
        #expect(try count(e, #"select * from SMS_DistributionPoint where ServerNALPath like "%dp1%""#) > 0)
        let r = e.run(script: "delete from SMS_SystemResourceList " + condition)
        #expect(r.exitCode == 0, "\(r.outcome)")
        #expect(try count(e, #"select * from SMS_DistributionPoint where ServerNALPath like "%dp1%""#) == 0)
        #expect(try count(e, #"select * from SMS_DPGroupMembers where DPNALPath like "%dp1%""#) == 0)
    }
}
