// The site's servers as resources, the installation's status messages, and the clients' history: each checked
// against what it must agree with (the roles, the site control records, each client's deployment state).
import CIM
import Testing
@testable import Site

@Suite struct SiteSystemResourceTests {
    @Test func everySiteSystemIsAResourceCarryingItsRoles() throws {
        let s = try SiteSession()
        var expected: [String: [String]] = [:]
        for row in try s.rows("select ServerName, RoleName from SMS_SystemResourceList") {
            expected[row[0].lowercased(), default: []].append(row[1])
        }
        let records = try s.site.repository.instances(of: "SMS_R_System").filter { $0["SystemRoles"]?.isNull == false }
        #expect(records.count == expected.count && expected.count == 6)
        for record in records {
            guard case .array(let names)? = record["ResourceNames"], case .string(let fqdn)? = names.elements.first,
                  case .array(let roles)? = record["SystemRoles"] else { Issue.record("\(record.path)"); continue }
            #expect(Set(roles.elements.compactMap(\.stringValue)) == Set(expected[fqdn] ?? []), "\(fqdn)")
            #expect(record["Name"]?.stringValue == String(fqdn.prefix { $0 != "." }).uppercased())
            #expect(record["Client"]?.integerValue == 1 && record["Obsolete"]?.integerValue == 0)
        }
        // The fleet keeps its own numbering: the servers come after it, and workstations have no role.
        let ids = records.compactMap { $0["ResourceID"]?.integerValue }
        #expect(ids.min()! > Int128(Fleet.firstSystemID) + 299)
        #expect(try s.rows("select Name from SMS_R_System where SystemRoles is not null and Name like 'PC-%'").isEmpty)
        // The console's "all site systems" query: ResourceNames[0] joined to SMS_SystemResourceList.ServerName.
        let joined = try s.rows("select Name from SMS_R_System where ResourceNames[0] in (select distinct ServerName from SMS_SystemResourceList) order by Name")
        #expect(joined == [["CM01"], ["CM02"], ["DP1"], ["DP2"], ["DP3"], ["DP4"]])
    }

    @Test func serversOutsideTheFleetAreDiscoveredAndFleetServersKeepTheirRecords() throws {
        // Without a fleet, the site's servers still are resources: discovery records with their roles.
        let bare = try SiteSession(site: DemoSite.make(clock: SiteClock(fixedAt: SiteSession.start), systems: 0))
        #expect(try bare.rows("select Name from SMS_R_System where SystemRoles is not null order by Name").map { $0[0] }
                == FleetCatalog.siteSystems.map(\.name).sorted())
        #expect(try bare.count("SMS_R_System") == FleetCatalog.siteSystems.count)
        // With one, they are the fleet's own (inventory included) and publishing adds none.
        let s = try SiteSession()
        let before = try s.count("SMS_R_System")
        try s.site.publishSiteSystems()
        #expect(try s.count("SMS_R_System") == before)
        #expect(try s.rows("select count(*) from SMS_G_System_OPERATING_SYSTEM where ResourceID in (select ResourceID from SMS_R_System where SystemRoles is not null)") == [["6"]])
    }
}

@Suite struct InstallationHistoryTests {
    @Test func eachInstalledComponentReportsItsInstallation() throws {
        let s = try SiteSession()
        for (role, component) in DemoSite.roleComponents {
            let servers = try s.rows("select ServerName from SMS_SystemResourceList where RoleName = '\(role)' and SiteCode = 'S01'").map { $0[0] }
            for number in DemoSite.componentInstallMessages {
                let machines = try s.rows("select MachineName from SMS_StatMsg where Component = '\(component)' and MessageID = \(number)").map { $0[0] }
                #expect(machines.sorted() == servers.sorted(), "\(component) \(number)")
            }
        }
        // The installation walkthroughs' checks: %1 of 1013 is the server, 4202 counts the site's roles.
        let installing = try s.rows("select stmsgin.InsStrValue from SMS_StatMsg stmsg inner join SMS_StatMsgInsStrings stmsgin on stmsg.RecordID = stmsgin.RecordID where stmsg.Component = 'SMS_MP_CONTROL_MANAGER' and stmsg.MessageID = 1013 and stmsgin.InsStrIndex = 0")
        #expect(installing == [["cm01.contoso.com"]])
        let roles = try s.rows("select count(*) from SMS_SCI_SysResUse where SiteCode = 'S01' and RoleName != 'SMS Provider'")
        #expect(try s.rows("select i.InsStrValue from SMS_StatMsg m join SMS_StatMsgInsStrings i on m.RecordID = i.RecordID where m.MessageID = 4202") == roles)
        #expect(try s.rows("select count(*) from SMS_StatMsg where Component = 'SMS_MP_CONTROL_MANAGER' and MessageID = 5460") == [["1"]])
    }

    @Test func thisMorningsChangeIsAudited() throws {
        let s = try SiteSession()
        let today = try s.rows("select MessageID, MachineName from SMS_StatusMessage where MessageType = 768 and Time >= '2026/11/26 00:00:00' and Time <= '2026/11/26 23:59:59' and MessageID >= 30000 and MessageID < 30069")
        #expect(today == [["30016", StatusMessages.siteServer]])
    }
}

@Suite struct ClientHistoryTests {
    /// Per deployment, the clients that started it, finished it and failed it, from the messages.
    private func counts(_ s: SiteSession, started: UInt32, succeeded: UInt32, failed: UInt32) throws -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for (i, number) in [started, succeeded, failed].enumerated() {
            for row in try s.rows("select a.AttributeValue from SMS_StatusMessage m join SMS_StatMsgAttributes a on m.RecordID = a.RecordID where m.MessageID = \(number) and a.AttributeID = 401") {
                result[row[0], default: [0, 0, 0]][i] += 1
            }
        }
        return result
    }

    @Test func messagesAgreeWithEachDeploymentsSummary() throws {
        let s = try SiteSession()
        let programs = try counts(s, started: ClientHistory.Message.programStarted, succeeded: ClientHistory.Message.programSucceeded,
                                  failed: ClientHistory.Message.programFailed)
        let sequences = try counts(s, started: ClientHistory.Message.sequenceStarted, succeeded: ClientHistory.Message.sequenceCompleted,
                                   failed: ClientHistory.Message.sequenceFailed)
        #expect(!programs.isEmpty && !sequences.isEmpty)
        // Every advertisement began weeks before the test clock, so every client that reported has a message.
        for row in try s.rows("select DeploymentID, FeatureType, NumberSuccess, NumberInProgress, NumberErrors from SMS_DeploymentSummary where FeatureType = 2 or FeatureType = 7") {
            let n = row[2...].map { Int($0)! }
            let got = (row[1] == "7" ? sequences : programs)[row[0]] ?? [0, 0, 0]
            #expect(got == [n[0] + n[1] + n[2], n[0], n[2]], "\(row[0])")
        }
    }

    @Test func aClientsTaskSequenceRunIsTheRowItReports() throws {
        let s = try SiteSession()
        let started = try s.rows("select MachineName, i.InsStrValue from SMS_StatMsg m join SMS_StatMsgInsStrings i on m.RecordID = i.RecordID where m.MessageID = 11140 and i.InsStrIndex = 0 and m.MachineName = 'PC-0001' order by i.InsStrValue")
        let details = try s.rows("select DeviceName, DeploymentID from SMS_ClassicDeploymentAssetDetails where DeviceName = 'PC-0001' and StatusType != 4 and PackageID in (select PackageID from SMS_TaskSequencePackage) order by DeploymentID")
        #expect(!started.isEmpty && started == details)
    }

    @Test func remoteControlSessionsFollowTheRule() throws {
        let s = try SiteSession()
        let seed = DeploymentState.seed("RemoteControl")
        let expected = try s.rows("select ResourceID, Name from SMS_R_System where Client = 1 and Active = 1 and Name like 'PC-%' and Obsolete = 0")
            .filter { DeploymentState.bucket(resourceID: UInt32($0[0])!, seed: seed) < ClientHistory.remoteControlPercent }.map { $0[1] }.sorted()
        #expect(!expected.isEmpty)
        let targets = try s.rows("select i.InsStrValue from SMS_StatusMessage m join SMS_StatMsgInsStrings i on m.RecordID = i.RecordID where m.MessageType = 768 and m.MessageID = 30069 and i.InsStrIndex = 2").map { $0[0] }
        #expect(targets.sorted() == expected)
    }

    @Test func raisingAMessageDoesNotMakeTheHistoryAndRecordIDsStayUnique() throws {
        let s = try SiteSession()
        let log = StatusMessages(repository: s.site.repository, namespace: s.site.namespace, clock: s.site.clock)
        let first = try log.raise(StatusMessage(component: "Test", messageID: 39997))
        // Writing did not make the clients' messages; the first read does, numbered after what is there.
        let ids = try s.rows("select RecordID from SMS_StatusMessage").map { Int($0[0])! }
        #expect(Set(ids).count == ids.count && ids.contains(Int(first)))
        #expect(try s.rows("select RecordID from SMS_StatusMessage where MessageID = 11140").allSatisfy { Int($0[0])! > Int(first) })
    }
}
