// Statements as people write them, through the Engine: queries broken over lines, else/catch after `}`,
// carriage returns, SQL's `update … set … where`, ANSI-89, cross, right and full joins. (RealInputCLITests
// runs the same text through the cmsh binary as a file, -c and stdin.)
import Foundation
import Testing
@testable import CMShell

@Suite struct RealInputTests {
    /// Runs `text` on a fresh demo site and returns what it printed, results as CSV (as `cmsh --format csv`).
    func runEveryWay(_ text: String, _ arguments: [String] = ["--format", "csv"]) throws -> String {
        let e = try Engine(site: .demo, clock: SiteClock(fixedAt: try CIMDateTime(parsing: "20261126090000.000000+000")))
        let renderer = Renderer(RenderOptions(format: arguments.contains("csv") ? .csv : .table))
        var out = "", errors = ""
        e.output = { event in
            if case .status = event { return }
            if let (text, isError) = renderer.render(event) { if isError { errors += text } else { out += text } }
        }
        let r = e.run(script: text, fileName: "<test>")
        #expect(r.exitCode == 0, "\(text)\n\(r.outcome)\n\(errors)")
        return out
    }

    func single(_ text: String) throws -> String { try runEveryWay(text) }

    /// A trailing keyword, an operator, `in` before its subquery: the statement goes on to the next line.
    @Test(arguments: [
        ("select count(*)\nfrom SMS_R_System\nwhere\n  Client = 1", "select count(*) from SMS_R_System where Client = 1"),
        ("select count(*) from SMS_R_System where Client = 1 and\n  Active = 1",
         "select count(*) from SMS_R_System where Client = 1 and Active = 1"),
        ("select count(*) from SMS_R_System where ResourceID in\n  (select ResourceID from SMS_G_System_COMPUTER_SYSTEM where Manufacturer like 'Dell%')",
         "select count(*) from SMS_R_System where ResourceID in (select ResourceID from SMS_G_System_COMPUTER_SYSTEM where Manufacturer like 'Dell%')"),
        ("select Name,\n  ResourceID from\n SMS_R_System where Name like 'PC-000%' order by\n Name", "select Name, ResourceID from SMS_R_System where Name like 'PC-000%' order by Name"),
        ("select count(*) from SMS_R_System inner join\n SMS_G_System_OPERATING_SYSTEM on\n SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceID where not\n Client = 0",
         "select count(*) from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceID where not Client = 0"),
    ])
    func statementContinuesWhileIncomplete(broken: String, oneLine: String) throws {
        let expected = try single(oneLine)
        #expect(expected.split(separator: "\n").count >= 2)
        #expect(try runEveryWay(broken) == expected)
    }

    /// `}` and `else {` on the next line; `catch` likewise.
    @Test func elseAndCatchOnTheNextLine() throws {
        let out = try runEveryWay("""
            if (1 = 2) {
              print "then"
            }
            else {
              print "else branch"
            }
            try {
              $p = SMS_Package("S01FFFFF")
            }
            catch $e {
              print "caught " + $e.name
            }
            """, [])
        #expect(out == "else branch\ncaught WBEM_E_NOT_FOUND\n")
    }

    /// Carriage returns and tabs are white space; a trailing keyword keeps a CRLF file's statement open.
    @Test func carriageReturnsAndTabs() throws {
        let expected = try single("select Name from SMS_Package")
        #expect(try single("SELECT\nName\rFROM\tSMS_Package") == expected)
        #expect(try runEveryWay("select Name from\r\n\tSMS_Package\r\n") == expected)
    }

    /// A property named like a keyword, after `.`, ends a line as any name does.
    @Test func keywordPropertyAtLineEnd() throws {
        let out = try runEveryWay("$o = new SMS_Package { Name = \"on\" }\nprint $o.Name\nprint 1", [])
        #expect(out.hasSuffix("on\n1\n"))
    }

    @Test func updateInSQLOrder() throws {
        let out = try runEveryWay("""
            update SMS_Package set Description = "x", Priority = 1 where PackageID = "S0100003"
            select PackageID, Description, Priority from SMS_Package where Description = "x"
            update SMS_Package where PackageID = "S0100003" set Description = "y"
            select Description from SMS_Package where PackageID = "S0100003"
            """)
        #expect(out == "PackageID,Description,Priority\nS0100003,x,1\nDescription\ny\n")
        let e = try Engine()
        guard case .syntaxErrors(let twice) = e.run(script: #"update SMS_Package where Name = "a" set Description = "x" where Name = "b""#).outcome else {
            Issue.record("a second where parsed"); return
        }
        #expect(twice.first?.message.contains("'where' is given twice") == true)
    }

    /// `from A, B where A.X = B.X` is the inner join on that equality, planned as one (a key lookup).
    @Test func ansi89JoinIsTheInnerJoin() throws {
        let comma = "select SMS_Collection.Name, SMS_FullCollectionMembership.ResourceID from SMS_FullCollectionMembership, SMS_Collection where SMS_FullCollectionMembership.CollectionID = SMS_Collection.CollectionID order by SMS_Collection.Name, SMS_FullCollectionMembership.ResourceID"
        let inner = "select SMS_Collection.Name, SMS_FullCollectionMembership.ResourceID from SMS_FullCollectionMembership inner join SMS_Collection on SMS_FullCollectionMembership.CollectionID = SMS_Collection.CollectionID order by SMS_Collection.Name, SMS_FullCollectionMembership.ResourceID"
        let rows = try single(comma)
        #expect(rows.split(separator: "\n").count > 100)
        #expect(rows == (try single(inner)))
        let plan = try runEveryWay("explain " + comma, ["--format", "table"])
        #expect(plan.contains("cross join, key lookup"), "\(plan)")
        // Without an equality the product is every pair.
        let product = try single("select count(*) from SMS_Site, SMS_DistributionPoint")
        let sites = try single("select count(*) from SMS_Site"), dps = try single("select count(*) from SMS_DistributionPoint")
        func n(_ csv: String) -> Int { Int(csv.split(separator: "\n")[1])! }
        #expect(n(product) == n(sites) * n(dps))
        #expect(try single("select count(*) from SMS_Site cross join SMS_DistributionPoint") == product)
    }

    /// A full join keeps the unmatched rows of both sides; right join those of the joined class.
    @Test func fullAndRightJoins() throws {
        func n(_ q: String) throws -> Int { Int(try single(q).split(separator: "\n")[1])! }
        let on = "on p.PackageID = d.PackageID"
        let left = try n("select count(*) from SMS_Package as p left join SMS_DistributionPoint as d \(on)")
        let right = try n("select count(*) from SMS_Package as p right join SMS_DistributionPoint as d \(on)")
        let rightOnly = try n("select count(*) from SMS_Package as p right outer join SMS_DistributionPoint as d \(on) where p.PackageID is null")
        let full = try n("select count(*) from SMS_Package as p full join SMS_DistributionPoint as d \(on)")
        let fullOuter = try n("select count(*) from SMS_Package as p full outer join SMS_DistributionPoint as d \(on)")
        #expect(right == (try n("select count(*) from SMS_DistributionPoint")))
        #expect(rightOnly > 0)
        #expect(full == left + rightOnly && fullOuter == full)
    }

    /// The classic duplicate-computer-names query: only names that two systems share come back.
    @Test func duplicateNamesQuery() throws {
        let rows = try single("select r.Name, r.ResourceID from SMS_R_System as r full join SMS_R_System as s1 on s1.ResourceId = r.ResourceId full join SMS_R_System as s2 on s2.Name = s1.Name where s1.Name = s2.Name and s1.ResourceId != s2.ResourceId")
            .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(!rows.isEmpty)
        let all = try single("select Name from SMS_R_System").split(separator: "\n").dropFirst().map(String.init)
        var counts: [String: Int] = [:]
        for name in all { counts[name, default: 0] += 1 }
        #expect(Set(rows) == Set(counts.filter { $0.value > 1 }.keys))
    }
}

