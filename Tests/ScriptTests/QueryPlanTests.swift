// explain: the plan printed is the plan followed — key and index lookups, index or hash joins, nested loops,
// where the filter runs — and StoredQuery: one SELECT kept as text, checked and run with located errors.
import CIM
import Testing
@testable import Script

@Suite struct QueryPlanTests {
    /// (Source, Access) of each step of `explain <query>`.
    func plan(_ query: String, repository: CIMRepository? = nil) throws -> [[String]] {
        try TestSite.rows("explain " + query, repository: repository).map { [$0[1], $0[2]] }
    }

    @Test func singleClassAccessPaths() throws {
        #expect(try plan("select * from SMS_Package where PackageID = 'S0100003'") ==
                [["SMS_Package", "key lookup"], ["where", "filter"]])
        #expect(try plan("select * from SMS_Package where Manufacturer = 'Dell' and Name like 'D%'") ==
                [["SMS_Package", "index lookup"], ["where", "filter"]])
        #expect(try plan("select * from SMS_Package where Manufacturer = 'Dell' or Name = 'x' order by Name") ==
                [["SMS_Package", "scan"], ["where", "filter"], ["order by", "sort"]])
        let detail = try TestSite.rows("explain select * from SMS_Package where Manufacturer = 'Dell'")[0][3]
        #expect(detail.contains("hash index on Manufacturer"))
    }

    @Test func joinMethods() throws {
        // ResourceID is the key of the OS class: each system probes the key index.
        let indexJoin = "select SMS_R_System.Name from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId where SMS_G_System_OPERATING_SYSTEM.Caption like '%Windows 11%'"
        #expect(try plan(indexJoin) == [["SMS_R_System", "scan"], ["SMS_G_System_OPERATING_SYSTEM", "inner join, key lookup"], ["where", "filter"]])
        #expect(try TestSite.rows(indexJoin) == [["PC-0001"]])
        let details = try TestSite.rows("explain " + indexJoin).map { $0[3] }
        #expect(details[2] == #"SMS_G_System_OPERATING_SYSTEM.Caption like '%Windows 11%' — compiled, tested on each SMS_G_System_OPERATING_SYSTEM instance before it joins"#)
        #expect(!details[1].contains("re-tested"))  // the key index decided the ON equality
        // An ON clause with more than the equality is re-tested on each candidate, and still holds.
        let extra = "select SMS_R_System.Name from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId and SMS_G_System_OPERATING_SYSTEM.Version like '10.0.2%'"
        #expect(try TestSite.rows("explain " + extra)[1][3].contains("re-tested"))
        #expect(try TestSite.rows(extra + " order by SMS_R_System.Name") == [["PC-0001"], ["SRV-0001"]])
        // Version is not indexed: the joined class is hashed once.
        let hashJoin = "select a.Name from SMS_R_System as a left join SMS_G_System_OPERATING_SYSTEM as b on b.Version = a.Name"
        #expect(try plan(hashJoin)[1] == ["SMS_G_System_OPERATING_SYSTEM as b", "left join, hash"])
        #expect(try TestSite.rows(hashJoin).count == 3)  // left join: every system, no OS matched
        let loop = "select a.Name from SMS_R_System as a inner join SMS_G_System_OPERATING_SYSTEM as b on b.ResourceID > a.ResourceId"
        #expect(try plan(loop)[1] == ["SMS_G_System_OPERATING_SYSTEM as b", "inner join, nested loop"])
        #expect(try TestSite.rows(loop).count == 3)  // 16777220 < 16777221, 16777222; 16777221 < 16777222
    }

    @Test func whereIsSplitAndEachPartRunsAsSoonAsItsClassesAreJoined() throws {
        let query = "select a.Name from SMS_R_System as a left join SMS_G_System_OPERATING_SYSTEM as b on b.Version = a.Name where b.Caption is null and a.Client = true and DateDiff(dd, a.LastLogonTimestamp, '2026-11-26') < 200"
        let steps = try TestSite.rows("explain " + query)
        #expect(steps.map { $0[1] } == ["SMS_R_System as a", "where", "SMS_G_System_OPERATING_SYSTEM as b", "where"])
        #expect(steps[1][3].hasPrefix("a.Client = true and DateDiff(dd, a.LastLogonTimestamp, '2026-11-26') < 200 — compiled"))
        #expect(steps[3][3].hasPrefix("b.Caption is null — tested on each row after joining"))
        // The left join's missing side is null when its part of WHERE runs, as if WHERE ran last.
        #expect(try TestSite.rows(query) == [["PC-0001"], ["PC-0002"]])
        #expect(try TestSite.rows(query.replacingOccurrences(of: "b.Caption is null", with: "b.Caption is not null")).isEmpty)
    }

    @Test func explainChecksNamesAndRunsNothing() throws {
        let failure = try TestSite.failure("explain select Colour from SMS_Package")
        #expect(failure?.status == .invalidQuery)
        #expect(failure?.location.column == 16)
    }

    @Test func storedQueriesRunOnTheirOwn() throws {
        let repo = try TestSite.repository()
        let interpreter = Interpreter(repository: repo)
        let q = try StoredQuery("select Name from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId where SMS_G_System_OPERATING_SYSTEM.Caption like '%Windows 1%' order by Name desc limit 1")
        // The FROM class's rows that pass, whatever the select list, order and limit say.
        let names = try interpreter.fromInstances(of: q).compactMap { $0["Name"]?.stringValue }
        #expect(Set(names) == ["PC-0001", "PC-0002"])
        #expect(throws: Diagnostic.self) { try StoredQuery("print 1") }
        #expect(throws: Diagnostic.self) { try StoredQuery("select * from SMS_R_System; select * from SMS_Site") }
        do {
            try interpreter.check(try StoredQuery("select * from SMS_R_System where Nmae = 1", fileName: "rule"))
            Issue.record("a misspelt property should not check")
        } catch {
            #expect(error.location.description == "rule:1:34")
            #expect(error.status == .invalidQuery)
        }
    }
}
