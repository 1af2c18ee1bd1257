// Collection workloads: a generated fleet of N systems (Engine's demo site with `systems: N`), a realistic
// three-class collection query over it, and a collection refresh running that query as a rule.
import CMShell
import Foundation

/// The query admins paste into a collection: Windows 11 Dell machines whose user logged on in the last 30 days.
let collectionQuery = """
    select SMS_R_System.ResourceID, SMS_R_System.Name from SMS_R_System
    inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId
    inner join SMS_G_System_COMPUTER_SYSTEM on SMS_G_System_COMPUTER_SYSTEM.ResourceID = SMS_R_System.ResourceId
    where SMS_G_System_OPERATING_SYSTEM.Caption like "%Windows 11%"
      and SMS_G_System_COMPUTER_SYSTEM.Manufacturer like "Dell%"
      and DATEDIFF(dd, SMS_R_System.LastLogonTimestamp, GetDate()) < 30
    """

func collectionWorkloads(sizes: [Int]) throws {
    guard wanted("collection-query") || wanted("fleet") else { return }
    for n in sizes where n <= 100_000 {
        let rssBefore = currentRSSKB()
        let start = now()
        let engine = try Engine(site: .demo(systems: n), clock: SiteClock(fixedAt: try CIMDateTime(parsing: "20261126090000.000000+000")))
        engine.output = { _ in }
        let made = Double(now() - start) / Double(n)
        // Counting every class makes what waits for first use too (deployment state, clients' history).
        let instances = try engine.repository.classes().filter { !$0.isAbstract }
            .reduce(0) { $0 + (try engine.repository.count(of: $1.name, deep: false)) }
        let grown = Double(currentRSSKB() - rssBefore) * 1024
        emit(["workload": "fleet", "n": n, "impl": "cmsh", "unit": "system", "median_ns": made, "p90_ns": made, "ops": n,
              "peak_rss_kb": peakRSSKB(), "bytes_per_system": grown / Double(n), "bytes_per_instance": grown / Double(instances),
              "note": "demo site with \(n) generated systems: \(instances) instances, built-in collections evaluated; "
                + "memory \(Int(grown / Double(n))) B per system, \(Int(grown / Double(instances))) B per instance"])

        let query = prepared(engine, collectionQuery)
        final class Counter: @unchecked Sendable { var rows = 0 }
        let counter = Counter()
        engine.output = { event in if case .value(.rows(let rs)) = event { counter.rows = rs.rows.count } }
        measure("collection-query", n: n, ops: 1, rounds: n >= 100_000 ? 5 : 9,
                note: "3-class join (R_System ⨝ OPERATING_SYSTEM ⨝ COMPUTER_SYSTEM), LIKE ×2 + DATEDIFF; per query") { _ in
            let r = engine.run(query)
            if r.exitCode != 0 { fail("collection query", r) }
        }
        let members = counter.rows
        engine.output = { _ in }
        FileHandle.standardError.write(Data("collection-query at \(n) systems: \(members) members\n".utf8))

        // The same query as a collection's rule: evaluation plus writing the membership rows.
        engine.set("$q", .string(collectionQuery))
        let setUp = engine.run(script: """
            $c = new SMS_Collection { Name = "Bench", LimitToCollectionID = "SMS00001" }
            invoke SMS_Collection($c.CollectionID).AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "bench", QueryExpression = $q })
            """)
        if setUp.exitCode != 0 { fail("collection set-up", setUp) }
        let refresh = prepared(engine, "invoke SMS_Collection($c.CollectionID).RequestRefresh()")
        measure("collection-refresh", n: n, ops: 1, rounds: 5,
                note: "RequestRefresh of a collection with that query rule (\(members) members, limited to All Systems)") { _ in
            let r = engine.run(refresh)
            if r.exitCode != 0 { fail("collection refresh", r) }
        }
    }
}
