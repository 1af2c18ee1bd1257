// Collections over the generated fleet: a dynamic collection made with AddMembershipRule lists exactly the
// members the fleet model says it should — query, direct, include and exclude rules under a limit — and
// RequestRefresh brings in a system discovered afterwards.
import Foundation
import Testing
@testable import CMShell

@Suite struct FleetCollectionTests {
    func members(_ engine: Engine, _ id: String) throws -> Set<UInt32> {
        guard case .rows(let r) = try engine.evaluate("select ResourceID from SMS_FullCollectionMembership where CollectionID = '\(id)'") else { return [] }
        return Set(r.rows.compactMap { $0.fields?.first?.value.cimValue?.integerValue }.map { UInt32($0) })
    }

    @Test func aDynamicCollectionHasTheMembersTheFleetModelGives() throws {
        let fleet = QueryFleet.fleet
        let engine = try QueryFleet.engine()
        let win11 = Set(fleet.systems.filter { $0.inventory != nil && $0.os.isWindows11 }.map(\.resourceID))
        let servers = Set(fleet.systems.filter { $0.os.nameAndVersion.contains("Server") }.map(\.resourceID))
        let clients = Set(fleet.systems.filter { $0.hasClient && !$0.isObsolete }.map(\.resourceID))
        let direct = try #require(servers.sorted().first)
        let stale = Set(fleet.systems.filter { (QueryFleet.days(since: $0.lastLogon) ?? .max) >= 90 }.map(\.resourceID))
        #expect(!win11.isEmpty && !stale.intersection(win11).isEmpty && !clients.isEmpty)

        let result = engine.run(script: """
            $clients = new SMS_Collection { Name = "Healthy clients", LimitToCollectionID = "SMS00001" }
            invoke SMS_Collection($clients.CollectionID).AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "clients", QueryExpression = "select * from SMS_R_System where Client = 1 and Obsolete = 0" })
            $stale = new SMS_Collection { Name = "Stale", LimitToCollectionID = "SMS00001" }
            invoke SMS_Collection($stale.CollectionID).AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "stale", QueryExpression = "select * from SMS_R_System where DATEDIFF(dd, LastLogonTimestamp, GetDate()) >= 90 or LastLogonTimestamp is null" })
            $pilot = new SMS_Collection { Name = "Pilot", LimitToCollectionID = $clients.CollectionID }
            invoke SMS_Collection($pilot.CollectionID).AddMembershipRules([
                new SMS_CollectionRuleQuery { RuleName = "Win11", QueryExpression = "select SMS_R_System.ResourceID from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId where SMS_G_System_OPERATING_SYSTEM.Caption like '%Windows 11%'" },
                new SMS_CollectionRuleDirect { ResourceClassName = "SMS_R_System", ResourceID = \(direct) },
                new SMS_CollectionRuleExcludeCollection { ExcludeCollectionID = $stale.CollectionID }])
            """)
        #expect(result.exitCode == 0, "\(result.outcome)")
        let pilot = try #require(engine.evaluate("$pilot.CollectionID").cimValue?.stringValue)
        let staleOrNever = stale.union(fleet.systems.filter { $0.lastLogon == nil }.map(\.resourceID))
        let expected = win11.union([direct]).subtracting(staleOrNever).intersection(clients)
        #expect(try members(engine, pilot) == expected)
        #expect(try engine.evaluate("SMS_Collection($pilot.CollectionID).MemberCount").cimValue?.integerValue == Int128(expected.count))

        // A Windows 11 client discovered later joins once the collections it depends on are refreshed.
        let added = engine.run(script: """
            new SMS_R_System { ResourceID = 16999999, Name = "NEW-PC", Client = 1, Obsolete = 0, LastLogonTimestamp = GetDate() }
            new SMS_G_System_OPERATING_SYSTEM { ResourceID = 16999999, GroupID = 1, Caption = "Microsoft Windows 11 Enterprise" }
            """)
        #expect(added.exitCode == 0, "\(added.outcome)")
        #expect(try !members(engine, pilot).contains(16_999_999))
        #expect(engine.run(script: #"invoke SMS_Collection("SMS00001").RequestRefresh()"#).exitCode == 0)
        #expect(try members(engine, pilot) == expected.union([16_999_999]))
    }
}
