// A collection rule whose query fails when it runs is never silent: ValidateQuery says why, RequestRefresh
// fails, the collection keeps its members and waits (CurrentStatus 5), and a status message records it.
import Foundation
import Testing
@testable import CMShell

@Suite struct CollectionRuleErrorTests {
    func note(_ v: Value) -> String? { if case .record(let r) = v { r.note } else { nil } }

    func engine() throws -> Engine {
        let e = try Engine(site: .demo, clock: SiteClock(fixedAt: try CIMDateTime(parsing: "20261126090000.000000+000")))
        e.errorMode = .continue
        return e
    }

    @Test func validateQueryRunsTheQuery() throws {
        let e = try engine()
        let r = try e.evaluate(#"invoke SMS_CollectionRuleQuery.ValidateQuery("select * from SMS_R_System where DATEDIFF(dd, Name, GetDate()) < 30")"#)
        #expect(r.fields?.first { $0.name == "ReturnValue" }?.value.cimValue == .boolean(false))
        #expect(note(r)?.contains("query:1:") == true && note(r)?.contains("WBEM_E_TYPE_MISMATCH") == true, "\(note(r) ?? "")")
        let heartbeat = try e.evaluate(#"invoke SMS_CollectionRuleQuery.ValidateQuery("select * from SMS_R_System where DATEDIFF(day, AgentTime, GetDate()) < 30")"#)
        #expect(heartbeat.fields?.first?.value.cimValue == .boolean(true))
    }

    @Test func aRuleThatStopsWorkingIsReported() throws {
        let e = try engine()
        #expect(e.run(script: """
            $c = new SMS_Collection { Name = "Fragile", LimitToCollectionID = "SMS00001" }
            $id = SMS_Collection($c.CollectionID).CollectionID
            invoke SMS_Collection($id).AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "cpu", QueryExpression = "select * from SMS_R_System where Name like 'PC-00%' or DATEDIFF(dd, CPUType, GetDate()) < 30" })
            """).exitCode == 0)
        let members = try e.evaluate("SMS_Collection($id).MemberCount").displayText
        #expect(Int(members)! > 0)
        // CPUType was empty everywhere; now one system's value is not a date, and the rule cannot run.
        #expect(e.run(script: #"update SMS_R_System(16777223) set CPUType = "x64""#).exitCode == 0)
        let refresh = try e.evaluate("invoke SMS_Collection($id).RequestRefresh()")
        let rv = try #require(refresh.fields?.first { $0.name == "ReturnValue" }?.value.cimValue?.integerValue)
        #expect(rv != 0)
        #expect(note(refresh)?.contains("rule cpu failed at cpu:1:") == true, "\(note(refresh) ?? "")")
        #expect(try e.evaluate("SMS_Collection($id).MemberCount").displayText == members)
        #expect(try e.evaluate("SMS_Collection($id).CurrentStatus").displayText == "5")
        let message = try e.evaluate("""
            select m.RecordID, m.Component, m.Severity, m.MessageID, s.InsStrValue from SMS_StatusMessage as m
            inner join SMS_StatMsgInsStrings as s on s.RecordID = m.RecordID
            where s.InsStrIndex = 3 and m.Component = "SMS_COLLECTION_EVALUATOR"
            """)
        guard case .rows(let rows) = message else { Issue.record("expected rows"); return }
        #expect(rows.rows.count == 1)
        let row = try #require(rows.rows.first?.fields)
        #expect(row.first { $0.name == "m.Component" }?.value.displayText == "SMS_COLLECTION_EVALUATOR")
        #expect(row.first { $0.name == "m.Severity" }?.value.displayText == "3221225472")
        #expect(row.first { $0.name == "m.MessageID" }?.value.displayText == "2542")
        #expect(row.first { $0.name == "s.InsStrValue" }?.value.displayText.contains("cpu:1:") == true)
        // Fixed, the rule runs again and the collection is READY.
        #expect(e.run(script: #"update SMS_R_System(16777223) set CPUType = null"#).exitCode == 0)
        let fixed = try e.evaluate("invoke SMS_Collection($id).RequestRefresh()")
        #expect(fixed.fields?.first?.value.cimValue?.integerValue == 0)
        #expect(try e.evaluate("SMS_Collection($id).CurrentStatus").displayText == "1")
    }
}
