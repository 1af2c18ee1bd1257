// SELECT end to end: projection, WHERE semantics, LIKE, IN, joins, ORDER BY, DISTINCT, COUNT, LIMIT,
// index use, ASSOCIATORS OF / REFERENCES OF.
import Testing
import CIM
@testable import Script

@Suite struct SelectTests {
    @Test func projectionKeepsDeclaredNamesAndRowPaths() throws {
        let values = try TestSite.values("select packageid, NAME from SMS_Package order by PackageID")
        guard case .rows(let rs)? = values.first else { Issue.record("no rows"); return }
        #expect(rs.columns == ["PackageID", "Name"])
        #expect(rs.rows.map { $0.objectPath?.description } == [#"SMS_Package.PackageID="S0100003""#, #"SMS_Package.PackageID="S0100004""#, #"SMS_Package.PackageID="S0100005""#])
    }

    @Test func selectStarReturnsInstancesOfSubclassesToo() throws {
        let values = try TestSite.values("select * from SMS_PackageBaseClass")
        guard case .rows(let rs)? = values.first else { Issue.record("no rows"); return }
        #expect(rs.rows.count == 5)
        #expect(rs.columns.first == "PackageID")
        if case .instance(let i) = rs.rows[0] { #expect(i.className == "SMS_Package" || i.className == "SMS_DriverPackage") } else { Issue.record("not an instance") }
    }

    @Test(arguments: [
        ("select Name from SMS_PackageBaseClass where Manufacturer = 'dell' order by Name", ["Dell Command Update", "Dell Latitude 7440 Drivers"]),
        ("select Name from SMS_PackageBaseClass where Name like 'Dell%' order by Name desc", ["Dell Latitude 7440 Drivers", "Dell Command Update"]),
        ("select Name from SMS_PackageBaseClass where Name like '%[0-9]%' and not Name like '%Drivers' order by Name", ["7-Zip 24.08", "Microsoft Office 365"]),
        ("select Name from SMS_PackageBaseClass where Name like '_-Zip%'", ["7-Zip 24.08"]),
        ("select Name from SMS_PackageBaseClass where Name like '[^D7]%' order by Name", ["HP EliteBook 840 Drivers", "Microsoft Office 365"]),
        ("select Name from SMS_PackageBaseClass where PackageID in ('S0100003', 'pkg00001') order by Name", ["Dell Latitude 7440 Drivers", "Microsoft Office 365"]),
        ("select Name from SMS_PackageBaseClass where PackageID not in ('S0100003', 'PKG00001', 'S0100002') order by Name", ["7-Zip 24.08", "Dell Command Update"]),
        ("select Name from SMS_PackageBaseClass where SourceDate is null", ["Dell Command Update"]),
        ("select Name from SMS_PackageBaseClass where SourceDate > '2026-01-01' order by SourceDate", ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers", "Microsoft Office 365"]),
        ("select Name from SMS_PackageBaseClass where SourceDate < '20260101000000.000000+000'", ["7-Zip 24.08"]),
        ("select Name from SMS_PackageBaseClass where SourceVersion >= 4", ["Microsoft Office 365"]),
        ("select Name from SMS_PackageBaseClass where Description = null", []),  // null never equals
        ("select Name from SMS_PackageBaseClass where Description <> 'x'", []),  // nor differs
        ("select Name from SMS_PackageBaseClass where PackageID in (select PackageID from SMS_DistributionPoint where Status = 0)", ["Microsoft Office 365"]),
        ("select Name from SMS_PackageBaseClass where PackageID not in (select PackageID from SMS_DistributionPoint) and PackageType = 3 order by Name", ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers"]),
        ("select Name from SMS_PackageBaseClass where __CLASS = 'SMS_DriverPackage' order by Name", ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers"]),
        ("select Name from SMS_R_System where IPSubnets = '10.1.0.0' order by Name", ["PC-0001", "SRV-0001"]),
        ("select Name from SMS_R_System where IPSubnets like '192.%'", ["PC-0001"]),
        ("select Name from SMS_R_System where DateDiff(dd, LastLogonTimestamp, GetDate()) < 30", ["PC-0001"]),
        ("select Name from SMS_R_System where Client = true and (Name like 'PC%' or Name = 'x') order by Name", ["PC-0001", "PC-0002"]),
        ("select distinct Manufacturer from SMS_PackageBaseClass where Manufacturer like 'D%'", ["Dell"]),
        ("select upper(SiteName) as N from SMS_Site order by SiteCode", ["CONTOSO HQ", "CONTOSO BRANCH"]),
        ("select Name from SMS_PackageBaseClass order by Name limit 2", ["7-Zip 24.08", "Dell Command Update"]),
    ])
    func whereClauses(_ query: String, _ expected: [String]) throws {
        #expect(try TestSite.rows(query).map { $0.joined(separator: "|") } == expected)
    }

    @Test func countStar() throws {
        #expect(try TestSite.rows("select count(*) from SMS_PackageBaseClass where PackageType = 0") == [["3"]])
        let values = try TestSite.values("select count(*) from SMS_Site")
        guard case .rows(let rs)? = values.first else { return }
        #expect(rs.columns == ["Count"])
    }

    @Test func countingAWholeClassReadsTheTablesCounts() throws {
        // No WHERE, no join: the count of the class and its subclasses, as enumerating them gives, without a visit.
        let repository = try TestSite.repository()
        let all = try TestSite.rows("select PackageID from SMS_PackageBaseClass", repository: repository).count
        #expect(all == 5)
        #expect(try TestSite.rows("select count(*) from SMS_PackageBaseClass", repository: repository) == [["\(all)"]])
        #expect(try TestSite.rows("select count(*) as N from SMS_DriverPackage", repository: repository) == [["2"]])
        _ = try TestSite.values(#"delete SMS_Package("S0100003")"#, repository: repository)
        #expect(try TestSite.rows("select count(*) from SMS_PackageBaseClass", repository: repository) == [["4"]])
        let plan = try TestSite.rows("explain select count(*) from SMS_PackageBaseClass", repository: repository)
        #expect(plan.first?.contains { $0.contains("no row is visited") } == true, "\(plan)")
        let scan = try TestSite.rows("explain select count(*) from SMS_PackageBaseClass where PackageType = 0", repository: repository)
        #expect(scan.first?.contains("scan") == true, "\(scan)")
    }

    @Test func joins() throws {
        let rows = try TestSite.rows("""
        select SMS_R_System.Name, SMS_G_System_OPERATING_SYSTEM.Caption from SMS_R_System
        inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId
        where SMS_G_System_OPERATING_SYSTEM.Caption like "%Windows 1%"
        order by SMS_R_System.Name
        """)
        #expect(rows == [["PC-0001", "Microsoft Windows 11 Enterprise"], ["PC-0002", "Microsoft Windows 10 Enterprise"]])
        let aliased = try TestSite.rows("""
        select p.Name, dp.Status from SMS_PackageBaseClass as p
        left join SMS_DistributionPoint dp on dp.PackageID = p.PackageID
        where p.PackageType = 0 order by p.Name
        """)
        #expect(aliased == [["7-Zip 24.08", "2"], ["Dell Command Update", ""], ["Microsoft Office 365", "0"]])
    }

    @Test func indexedEqualityIsUsed() throws {
        let repo = try TestSite.repository()
        #expect(repo.isIndexed("Manufacturer", of: "SMS_Package"))
        let interp = Interpreter(repository: repo)
        let program = try Parser.parse("select * from SMS_Package where Manufacturer = 'Dell' and Name like 'x%'")
        guard case .expression(let e) = program.statements[0].kind, case .query(let q) = e.kind else { return }
        let cls = try repo.requireClass("SMS_Package")
        guard case .index(let slot, _, let value, _) = try interp.accessPath(q, [(q.from, cls)]) else {
            Issue.record("the index is not used"); return
        }
        #expect(slot == cls.slot(of: "Manufacturer") && value == .string("Dell"))
        // An OR cannot use the index.
        let orProgram = try Parser.parse("select * from SMS_Package where Manufacturer = 'Dell' or Name = 'x'")
        guard case .expression(let e2) = orProgram.statements[0].kind, case .query(let q2) = e2.kind else { return }
        guard case .scan = try interp.accessPath(q2, [(q2.from, cls)]) else { Issue.record("an OR used the index"); return }
    }

    @Test(arguments: [
        ("select * from SMS_Nothing", CIMStatus.invalidClass),
        ("select Colour from SMS_Package", .invalidQuery),
        ("select * from SMS_Package where Colour = 'red'", .invalidQuery),
        ("select * from SMS_Package where Name like 5", .invalidQuery),
        ("select * from SMS_Package where Name > 5", .typeMismatch),
        ("select * from SMS_Package p join SMS_Package p on p.PackageID = p.PackageID", .invalidQuery),
        ("select * from SMS_Package where PackageID in (select PackageID, Name from SMS_Package)", .invalidQuery),
    ])
    func queryErrors(_ query: String, _ status: CIMStatus) throws {
        #expect(try TestSite.failure(query)?.status == status)
    }
}

@Suite struct AssociationTests {
    @Test func associatorsAndReferences() throws {
        #expect(try TestSite.rows(#"associators of {SMS_Package.PackageID="S0100003"} where ResultClass = SMS_Site"#).map { $0[0] } == ["S01", "S02"])
        #expect(try TestSite.rows(#"associators of {SMS_Site.SiteCode="S01"}"#).map { $0[0] } == ["PKG00001", "S0100003"])
        #expect(try TestSite.rows(#"associators of {SMS_Site.SiteCode="S01"} where ResultClass = SMS_Package"#).map { $0[0] } == ["S0100003"])
        #expect(try TestSite.rows(#"associators of {SMS_Site.SiteCode="S01"} where Role = Package"#).isEmpty)
        #expect(try TestSite.rows(#"associators of {SMS_Site.SiteCode="S01"} where Role = Site ResultRole = Package"#).count == 2)
        #expect(try TestSite.rows(#"associators of {SMS_Site.SiteCode="S02"} where ClassDefsOnly"#) == [["SMS_Package"]])
        #expect(try TestSite.rows(#"references of {SMS_Package.PackageID="S0100003"}"#).count == 2)
        #expect(try TestSite.rows(#"references of {SMS_Package.PackageID="S0100003"} where KeysOnly"#).first?.first?.hasPrefix("SMS_PackageToSite.") == true)
        #expect(try TestSite.rows(#"references of {SMS_Package.PackageID="S0100004"}"#).isEmpty)
        #expect(try TestSite.failure(#"associators of {SMS_Package.PackageID="NOPE"}"#)?.status == .notFound)
    }
}
