// What collection queries rely on beyond plain WQL: DateDiff counting boundaries as SQL Server does, DateAdd by
// calendar months and years, numbers
// meeting numeric text (`ChassisTypes in ("8", "9")`), index lookups with such text, and uncorrelated
// subqueries run once per query rather than once per row.
import Testing
import CIM
@testable import Script

@Suite struct CollectionSemanticsTests {
    @Test(arguments: [
        ("DateDiff(dd, '2026-11-25 23:00', '2026-11-26 01:00')", "1"),   // two hours, one midnight
        ("DateDiff(dd, '2026-11-26 00:00', '2026-11-26 23:59')", "0"),
        ("DateDiff(dd, '2026-11-26 01:00', '2026-11-25 23:00')", "-1"),
        ("DateDiff(hh, '2026-11-26 10:59:59', '2026-11-26 11:00:00')", "1"),
        ("DateDiff(mi, '2026-11-26 10:59:59', '2026-11-26 11:00:58')", "1"),
        ("DateDiff(wk, '2026-11-28', '2026-11-29')", "1"),               // Saturday to Sunday
        ("DateDiff(wk, '2026-11-29', '2026-12-05')", "0"),               // Sunday to Saturday
        ("DateDiff(wk, '1969-12-27', '1970-01-04')", "2"),               // before 1970 too
        ("DateDiff(yy, '2026-12-31', '2027-01-01')", "1"),
    ])
    func dateDiffCountsBoundaries(_ expression: String, _ expected: String) throws {
        #expect(try TestSite.printed("print " + expression) == [expected])
    }

    @Test(arguments: [
        ("DateAdd(mm, -6, '2026-11-26 09:00')", "20260526090000.000000+000"),
        ("DateAdd(month, 1, '2026-01-31')", "20260228000000.000000+000"),   // the month's last day
        ("DateAdd(mm, 1, '2028-01-31')", "20280229000000.000000+000"),      // a leap year
        ("DateAdd(yy, 1, '2024-02-29')", "20250228000000.000000+000"),
        ("DateAdd(year, -1, '2026-11-26 23:59:59')", "20251126235959.000000+000"),
        ("DateAdd(mm, 13, '2026-12-15')", "20280115000000.000000+000"),
    ])
    func dateAddMovesByCalendarMonths(_ expression: String, _ expected: String) throws {
        #expect(try TestSite.printed("print " + expression) == [expected])
    }

    @Test func dateAddOutOfTheCalendarIsAnError() throws {
        let error = try #require(try TestSite.failure("print DateAdd(yy, -3000, GetDate())"))
        #expect(error.status == .valueOutOfRange)
    }

    @Test func numbersMeetNumericText() throws {
        #expect(try TestSite.printed(#"print 8 = "8", 8 = " 8 ", 2.5 < "3", "10" > 9, 16777220 = "16777220.0""#) == ["true true true true true"])
        #expect(throws: Diagnostic.self) { try TestSite.printed(#"print 8 = "eight""#) }
        // Text against text still compares as text, ignoring case.
        #expect(try TestSite.printed(#"print "10" < "9""#) == ["true"])
        #expect(try TestSite.rows(#"select Name from SMS_R_System where ResourceId in ("16777220", "16777222") order by Name"#)
                == [["PC-0001"], ["SRV-0001"]])
    }

    @Test func anIndexLookupConvertsTheConstant() throws {
        // ResourceId is the key (an index): the text must find the number, as a scan would.
        #expect(try TestSite.rows(#"select Name from SMS_R_System where ResourceId = "16777221""#) == [["PC-0002"]])
        #expect(try TestSite.rows(#"select Name from SMS_R_System where ResourceId = "16777221" and Name like "PC%""#) == [["PC-0002"]])
        #expect(try TestSite.rows(#"select PackageID from SMS_PackageBaseClass where Manufacturer = "igor pavlov""#) == [["S0100004"]])
    }

    @Test func anUncorrelatedSubqueryRunsOncePerQuery() throws {
        var inner = 0
        let (outcome, events, _) = try TestSite.run("""
            select Name from SMS_R_System where ResourceId not in (select ResourceID from SMS_G_System_OPERATING_SYSTEM where tick(Caption) like "%Server%")
            select Name from SMS_Package where PackageID in (select PackageID from SMS_DistributionPoint where tick(PackageID) <> "")
            """) { interpreter in
            interpreter.define(function: "tick") { args in inner += 1; return args[0] }
        }
        if case .failed(let d) = outcome { throw d }
        let rows = events.compactMap { if case .value(.rows(let r)) = $0 { r.rows.count } else { nil } }
        #expect(rows == [2, 2])
        // Each subquery visits its rows once (three systems' OS, two DP rows), not once per outer row.
        #expect(inner == 3 + 2)
        // A subquery inside a function body is that call's own: two calls, two runs.
        var calls = 0
        let (again, printed, _) = try TestSite.run("""
            func servers() { return len(select Name from SMS_R_System where ResourceId in (select ResourceID from SMS_G_System_OPERATING_SYSTEM where count2(Caption) like "%Server%")) }
            print servers() + servers()
            """) { interpreter in
            interpreter.define(function: "count2") { args in calls += 1; return args[0] }
        }
        if case .failed(let d) = again { throw d }
        #expect(printed.contains { if case .print(let v) = $0 { v.map(\.displayText) == ["2"] } else { false } })
        #expect(calls == 6)
    }
}
