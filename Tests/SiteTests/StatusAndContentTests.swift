// Status messages, audit messages and content status, end to end: a change or a distribution, then the status
// messages, summarizers and per-DP rows a ConfigMgr administrator would read about it.
import CIM
import Script
import Testing
@testable import Site

@Suite struct AuditTests {
    /// Audit messages by a user (%1): MessageID and insertion strings %1…, oldest first.
    static func audits(_ s: SiteSession, by user: String) throws -> [(id: String, strings: [String])] {
        let messages = try s.rows("""
            select m.RecordID, m.MessageID from SMS_StatusMessage m join SMS_StatMsgInsStrings i on i.RecordID = m.RecordID
            where m.MessageType = 768 and i.InsStrIndex = 0 and i.InsStrValue = "\(user.replacingOccurrences(of: "\\", with: "\\\\"))"
            order by m.RecordID
            """)
        return try messages.map { m in
            (m[1], try s.rows("select InsStrValue from SMS_StatMsgInsStrings where RecordID = \(m[0]) order by InsStrIndex").map { $0[0] })
        }
    }

    @Test func everyChangeIsAuditedAsTheSessionsUser() throws {
        let s = try SiteSession()
        let user = #"CONTOSO\auditor"#
        s.site.userName = user
        // The demo's history: its objects were created by its administrators, at their own dates; jdoe changed a
        // collection this morning.
        let history = try s.rows(#"select MessageID, Time from SMS_StatMsgWithInsStrings where MessageType = 768 and InsString1 = 'CONTOSO\\jdoe' order by Time"#)
        #expect(history.count > 1 && history.dropLast().allSatisfy { $0[1] < "20261126" })
        #expect(history.last == ["30016", "20261126082000.000000+000"])
        #expect(try Self.audits(s, by: user).isEmpty, "building the demo is not this user's change")
        try s.run(#"new SMS_Package { Name = "Audit me" }"#)
        let id = try #require(try s.rows(#"select PackageID from SMS_Package where Name = "Audit me""#).first?[0])
        try s.run(#"update SMS_Package("\#(id)") set Description = "changed""#)
        #expect(try s.invoke(#"invoke SMS_Package("\#(id)").AddDistributionPoints(["S01"], [nal("dp1", "S01")])"#).0 == 0)
        try s.run(#"delete from SMS_Package where PackageID = "\#(id)""#)
        let audits = try Self.audits(s, by: user)
        #expect(audits.map(\.id) == ["30000", "30001", "30001", "30002"])
        #expect(audits.allSatisfy { $0.strings.first == user && $0.strings[1] == id })
        #expect(audits[2].strings.last == "SMS_Package.AddDistributionPoints", "the method a user ran")
        // The attributes say the user (403) and the package (400), as the console's audit queries read them.
        let record = try #require(try s.rows("select RecordID from SMS_StatusMessage where MessageID = 30002").first?[0])
        #expect(try s.rows("select AttributeID, AttributeValue from SMS_StatMsgAttributes where RecordID = \(record) order by AttributeID")
                == [["400", id], ["403", user]])
        let message = try #require(try s.rows("select Component, ModuleName, Severity, SiteCode from SMS_StatMsg where RecordID = \(record)").first)
        #expect(message == ["cmsh", "SMS Provider", "1073741824", "S01"])
    }

    @Test func collectionsDevicesAndFailuresAsConfigMgrRecordsThem() throws {
        let s = try SiteSession()
        s.site.userName = #"CONTOSO\helpdesk"#
        #expect(try s.invoke(#"invoke SMS_Collection("S0100010").RequestRefresh()"#).0 == 0)
        try s.run(#"delete from SMS_R_System where ResourceID = 16777220"#)
        // A failed call changed nothing, and is not audited; its caller has the error.
        #expect(try s.invoke(#"invoke SMS_Package("S0100003").AddDistributionPoints(["S09"], [nal("dp1", "S09")])"#).0 != 0)
        let audits = try Self.audits(s, by: #"CONTOSO\helpdesk"#)
        #expect(audits.map(\.id) == ["30104", "30066"])
        #expect(audits[0].strings.prefix(2) == [#"CONTOSO\helpdesk"#, "S0100010"])
        #expect(audits[1].strings.prefix(3) == [#"CONTOSO\helpdesk"#, "16777220", "PC-0001"])
    }

    @Test func aRolledBackChangeLeavesNoAudit() throws {
        let s = try SiteSession()
        s.site.userName = "CONTOSO\\undone"
        try s.run("begin")
        try s.run(#"new SMS_Package { Name = "Never" }"#)
        #expect(try Self.audits(s, by: "CONTOSO\\undone").count == 1)
        try s.run("rollback")
        #expect(try Self.audits(s, by: "CONTOSO\\undone").isEmpty)
    }
}

@Suite struct ContentStatusTests {
    static let dp1 = #"["Display=\\dp1.contoso.com\"]MSWNET:["SMS_SITE=S01"]\\dp1.contoso.com\"#
    static let dp3 = #"["Display=\\dp3.contoso.com\"]MSWNET:["SMS_SITE=S01"]\\dp3.contoso.com\"#

    /// The distribution and transfer managers' messages about a package (milestones, not the audit of the call),
    /// oldest first: MessageID and %1, %2.
    static func messages(_ s: SiteSession, _ package: String) throws -> [[String]] {
        try s.rows("""
            select m.MessageID, w.InsString1, w.InsString2 from SMS_StatusMessage m join SMS_StatMsgWithInsStrings w on w.RecordID = m.RecordID
            join SMS_StatMsgAttributes a on a.RecordID = m.RecordID
            where a.AttributeID = 400 and a.AttributeValue = "\(package)" and m.MessageType = 256 order by m.RecordID
            """)
    }

    @Test func aDistributionMovesMessagesSummariesAndDPStatusTogether() throws {
        let s = try SiteSession()
        let package = "S0100002"
        #expect(try s.invoke(#"invoke SMS_Package("\#(package)").AddDistributionPoints(["S01", "S01"], [nal("dp1", "S01"), nal("dp3", "S01")])"#).0 == 0)
        let name = try #require(try s.rows("select Name from SMS_Package where PackageID = '\(package)'").first?[0])
        #expect(try Self.messages(s, package) == [["2342", name, Self.dp1], ["2342", name, Self.dp3]])
        #expect(try s.rows("select Targeted, NumberSuccess, NumberInProgress, NumberErrors from SMS_ObjectContentInfo where ObjectID = '\(package)'")
                == [["2", "0", "2", "0"]])
        #expect(try s.rows("select Type, Assets from SMS_DistributionStatus where ObjectID = '\(package)'") == [["2", "2"]])
        s.advance(31)
        // dp1 has it (the transfer manager's 8200, then 2330); dp3 is offline (2391, then the package's 2302).
        let after = try Self.messages(s, package).dropFirst(2).map { $0[0] }
        #expect(Set(after) == ["8200", "2330", "2391", "2302"] && after.count == 4, "\(after)")
        #expect(try s.rows("select MessageID, Severity from SMS_StatusMessage where MessageID = 2391 order by RecordID desc").first?[1] == "3221225472")
        #expect(try s.rows("select Targeted, NumberSuccess, NumberInProgress, NumberErrors from SMS_ObjectContentInfo where ObjectID = '\(package)'")
                == [["2", "1", "0", "1"]])
        #expect(try s.rows("select Type, Assets from SMS_DistributionStatus where ObjectID = '\(package)' order by Type") == [["1", "1"], ["3", "1"]])
        #expect(try s.rows("select Targeted, Installed, Failed from SMS_PackageStatusDetailSummarizer where PackageID = '\(package)' and SiteCode = 'S01'")
                == [["2", "1", "1"]])
        #expect(try s.rows("select Targeted, Installed, Failed from SMS_PackageStatusRootSummarizer where PackageID = '\(package)'") == [["2", "1", "1"]])
        #expect(try s.rows("select Name, MessageState from SMS_DistributionDPStatus where PackageID = '\(package)' order by Name")
                == [["dp1.contoso.com", "1"], ["dp3.contoso.com", "4"]])
        #expect(try s.rows("select NALPath from SMS_DPContentInfo where ObjectID = '\(package)' order by NALPath") == [[Self.dp1], [Self.dp3]])
        try Self.expectDPCountsAreTheirRows(s)
        // Removing it: REMOVAL_PENDING, then gone with a 2332 and every view emptied.
        try s.run(#"delete from SMS_DistributionPoint where PackageID = "\#(package)""#)
        s.advance(31)
        #expect(try Self.messages(s, package).suffix(2).map { $0[0] } == ["2332", "2332"])
        #expect(try s.rows("select * from SMS_ObjectContentInfo where ObjectID = '\(package)'").isEmpty)
        #expect(try s.rows("select * from SMS_DistributionDPStatus where PackageID = '\(package)'").isEmpty)
        #expect(try s.rows("select * from SMS_DPContentInfo where ObjectID = '\(package)'").isEmpty)
        try Self.expectDPCountsAreTheirRows(s)  // kept by each change, not recounted: still the rows' counts
    }

    /// Every DP's counts (SMS_DPStatusInfo) are those of the summarizer rows on it.
    static func expectDPCountsAreTheirRows(_ s: SiteSession) throws {
        for dp in try s.rows("select NALPath, NumberInstalled, NumberErrors, MessageCount from SMS_DPStatusInfo") {
            let states = try s.rows(#"select State from SMS_PackageStatusDistPointsSummarizer where ServerNALPath = "\#(dp[0].replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))""#).map { $0[0] }
            #expect(dp[1] == String(states.filter { $0 == "0" }.count) && dp[2] == String(states.filter { $0 == "3" }.count)
                    && dp[3] == String(states.count), "\(dp[0])")
        }
    }

    @Test func refreshNowRedistributesToThatDPOnly() throws {
        let s = try SiteSession()
        let dp = #"SMS_DistributionPoint(PackageID = "S0100001", ServerNALPath = nal("dp1.contoso.com", "S01"), SiteCode = "S01")"#
        try s.run("update \(dp) set RefreshNow = true")
        #expect(try s.rows(#"select RefreshNow, Status from SMS_DistributionPoint where PackageID = "S0100001" and ServerNALPath like "%dp1%""#) == [["false", "1"]])
        #expect(try s.rows(#"select State from SMS_PackageStatusDistPointsSummarizer where PackageID = "S0100001" order by ServerNALPath"#).map { $0[0] }
                == ["7", "0", "3", "0"])
        s.advance(31)
        #expect(try s.rows(#"select State from SMS_PackageStatusDistPointsSummarizer where PackageID = "S0100001" and ServerNALPath like "%dp1%""#) == [["0"]])
    }

    @Test func distributionPointGroupsTakeAndDropPackages() throws {
        let s = try SiteSession()
        let hq = "SMS_DistributionPointGroup(\"{8A3F2C10-5B7E-4D21-9C6A-1E0D4B7F2A01}\")"
        // The HQ group has dp1 and dp2: a driver package sent to it lands on both.
        #expect(try s.invoke(#"invoke \#(hq).AddPackages(["S0100006", "PKG00001"])"#).0 == 0)
        #expect(try s.rows(#"select count(*) from SMS_DistributionPoint where PackageID = "S0100006""#) == [["2"]])
        #expect(try s.rows(#"select PkgID from SMS_DPGroupPackages where PkgID = "S0100006""#).count == 1)
        #expect(try s.invoke(#"invoke \#(hq).AddPackages(["NOPE0001"])"#).1?.contains("PackageIDs[0]") == true)
        #expect(try s.invoke(#"invoke \#(hq).RemovePackages(["S0100006"])"#).0 == 0)
        #expect(try s.rows(#"select Status from SMS_DistributionPoint where PackageID = "S0100006""#).map { $0[0] } == ["3", "3"])
        #expect(try s.invoke(#"invoke \#(hq).RemovePackages(["S0100006"])"#).1?.contains("is not targeted") == true)
        // AddDistributionPointGroup works on every package class, by name or ID.
        #expect(try s.invoke(#"invoke SMS_BootImagePackage("S010000E").AddDistributionPointGroup(["HQ Distribution Points"])"#).0 == 0)
        #expect(try s.rows(#"select count(*) from SMS_DistributionPoint where PackageID = "S010000E" and Status <> 3"#) == [["2"]])
    }

    @Test func siteSystemsAreRecordedFromTheirRoles() throws {
        let s = try SiteSession()
        let roles = try s.rows("select NALPath, RoleName, SiteCode from SMS_SystemResourceList order by NALPath, RoleName")
        #expect(try s.rows("select NALPath, RoleName, SiteCode from SMS_SCI_SysResUse order by NALPath, RoleName") == roles)
        #expect(roles.contains { $0[1] == "SMS Software Update Point" })
        let dps = roles.filter { $0[1] == "SMS Distribution Point" }.map { [$0[0], $0[2]] }
        #expect(try s.rows("select NALPath, SiteCode from SMS_DistributionPointInfo order by NALPath") == dps)
        #expect(try s.rows("select NALPath from SMS_DPStatusInfo order by NALPath") == dps.map { [$0[0]] })
        // Servers use their FQDN throughout.
        #expect(dps.allSatisfy { $0[0].contains(".contoso.com") })
    }
}
