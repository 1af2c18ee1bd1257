// A table of WQL queries, valid and invalid, adapted from the WQL reference (WMI's "Querying with WQL",
// "WHERE Clause", "WQL Operators", "LIKE Operator", "ISA Operator for Data Queries", "ASSOCIATORS OF",
// "REFERENCES OF", "WQL-Supported Date Formats") and ConfigMgr's Extended WQL ("Extended WMI Query Language",
// "Special Queries") to the classes of the test site and WQLFixture. Each case gives the exact rows (as
// display strings; any order unless the query sorts) or the error: its status and 1-based line and column,
// and for a syntax error that `Parser.parse` throws `SyntaxErrors` there. The data is listed in WQLFixture.swift.
import Testing
import CIM
@testable import Script

struct WQLCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// These rows, in any order.
        case rows([[String]])
        /// These rows, in this order (the query has ORDER BY).
        case ordered([[String]])
        /// Association results, by object path, in any order.
        case paths([String])
        /// A runtime error with this status at line:column.
        case error(CIMStatus, line: Int, column: Int)
        /// A syntax error (`SyntaxErrors`, WBEM_E_INVALID_SYNTAX) whose first diagnostic is at line:column.
        case syntax(line: Int, column: Int)
    }

    var id: String
    var query: String
    var outcome: Outcome
    /// The result's column names, when the case checks them.
    var columns: [String]? = nil
    var testDescription: String { id }

    /// Rows in any order.
    static func rows(_ id: String, _ query: String, _ rows: [[String]], columns: [String]? = nil) -> WQLCase {
        WQLCase(id: id, query: query, outcome: .rows(rows), columns: columns)
    }
    /// Rows in this order.
    static func ordered(_ id: String, _ query: String, _ rows: [[String]], columns: [String]? = nil) -> WQLCase {
        WQLCase(id: id, query: query, outcome: .ordered(rows), columns: columns)
    }
    /// A single column, any order.
    static func values(_ id: String, _ query: String, _ values: [String]) -> WQLCase {
        WQLCase(id: id, query: query, outcome: .rows(values.map { [$0] }))
    }
    /// A single column, in this order.
    static func sorted(_ id: String, _ query: String, _ values: [String]) -> WQLCase {
        WQLCase(id: id, query: query, outcome: .ordered(values.map { [$0] }))
    }
    static func paths(_ id: String, _ query: String, _ paths: [String]) -> WQLCase {
        WQLCase(id: id, query: query, outcome: .paths(paths))
    }
    static func fails(_ id: String, _ query: String, _ status: CIMStatus, _ line: Int, _ column: Int) -> WQLCase {
        WQLCase(id: id, query: query, outcome: .error(status, line: line, column: column))
    }
    static func syntax(_ id: String, _ query: String, _ line: Int, _ column: Int) -> WQLCase {
        WQLCase(id: id, query: query, outcome: .syntax(line: line, column: column))
    }
}

// MARK: - Paths and values used in several cases

private func coll(_ id: String) -> String { #"SMS_Collection.CollectionID=""# + id + #"""# }
private func sys(_ id: Int) -> String { "SMS_R_System.ResourceId=\(id)" }
private func dependency(_ dependent: String, _ limiting: String) -> String {
    #"SMS_CollectionDependency.Dependent="SMS_Collection.CollectionID=\""# + dependent
        + #"\"",Limiting="SMS_Collection.CollectionID=\""# + limiting + #"\"""#
}
private func toSystem(_ collection: String, _ resource: Int) -> String {
    #"SMS_CollectionToSystem.Collection="SMS_Collection.CollectionID=\""# + collection
        + #"\"",Resource="SMS_R_System.ResourceId="# + String(resource) + #"""#
}
private let dp2NAL = #"["Display=\\dp2\"]MSWNET:["SMS_SITE=S01"]\\dp2\"#
private let allPackages = ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers", "Microsoft Office 365", "7-Zip 24.08", "Dell Command Update"]
private let allCollections = ["SMS00001", "SMS00002", "S0100010", "S0100011", "S0100012", "S0100013", "S0100014"]

enum WQLTable {
    // MARK: SELECT: *, property lists, aliases, system properties, base classes
    // select-statement-for-data-queries.md, querying-with-wql.md, special-queries.md ("Base Class Queries")
    static let select: [WQLCase] = [
        .rows("select-star", "select * from SMS_Site",
              [["S01", "Contoso HQ", "2"], ["S02", "Contoso Branch", "1"]], columns: ["SiteCode", "SiteName", "Type"]),
        .rows("select-star-where", "SELECT * FROM SMS_Site WHERE SiteCode = 'S01'", [["S01", "Contoso HQ", "2"]]),
        .rows("select-property-list", "select SiteName, SiteCode from SMS_Site",
              [["Contoso HQ", "S01"], ["Contoso Branch", "S02"]], columns: ["SiteName", "SiteCode"]),
        .values("base-class-returns-subclasses", "select Name from SMS_PackageBaseClass", allPackages),
        .rows("select-star-subclass", "select * from SMS_DriverPackage",
              [["PKG00001", "Dell Latitude 7440 Drivers", "Dell", "3", "1", "20260101120000.000000+000", ""],
               ["S0100002", "HP EliteBook 840 Drivers", "HP", "3", "1", "20260301120000.000000+000", ""]],
              columns: ["PackageID", "Name", "Manufacturer", "PackageType", "SourceVersion", "SourceDate", "Description"]),
        .values("class-only-abstract", "select Name from SMS_PackageBaseClass where __CLASS = 'SMS_PackageBaseClass'", []),
        .values("class-only-subclass", #"select Name from SMS_PackageBaseClass where __CLASS = "SMS_Package""#,
                ["Microsoft Office 365", "7-Zip 24.08", "Dell Command Update"]),
        .values("class-or-class", #"SELECT Name FROM SMS_PackageBaseClass WHERE __CLASS = "SMS_Package" OR __CLASS = "SMS_DriverPackage""#, allPackages),
        .rows("select-__class", "select __CLASS, Name from SMS_PackageBaseClass where Manufacturer = 'Dell'",
              [["SMS_DriverPackage", "Dell Latitude 7440 Drivers"], ["SMS_Package", "Dell Command Update"]], columns: ["__CLASS", "Name"]),
        .rows("select-__relpath", "select __RELPATH from SMS_Site where SiteCode = 'S01'", [[#"SMS_Site.SiteCode="S01""#]]),
        .rows("select-__superclass", "select __SUPERCLASS, Name from SMS_PackageBaseClass where PackageID = 'S0100003'",
              [["SMS_PackageBaseClass", "Microsoft Office 365"]]),
        .rows("alias-with-as", "select SiteCode as Code, SiteName as Title from SMS_Site where Type = 1",
              [["S02", "Contoso Branch"]], columns: ["Code", "Title"]),
        .rows("alias-as-mixed-case", "select SiteCode AS Code, SiteName As Title from SMS_Site where Type = 2",
              [["S01", "Contoso HQ"]], columns: ["Code", "Title"]),
        .rows("class-qualified-star", "select SMS_Site.* from SMS_Site",
              [["S01", "Contoso HQ", "2"], ["S02", "Contoso Branch", "1"]], columns: ["SiteCode", "SiteName", "Type"]),
        .values("source-alias-qualified", "select s.SiteCode from SMS_Site as s where s.Type = 2", ["S01"]),
        .values("source-alias-without-as", "select s.SiteName from SMS_Site s where s.SiteCode = 'S02'", ["Contoso Branch"]),
        .values("class-qualified-property", "select SMS_Site.SiteName from SMS_Site where SMS_Site.SiteCode = 'S02'", ["Contoso Branch"]),
        .values("no-instances", "select * from SMS_CollectionRuleQuery", []),
        .rows("key-lookup", "select Name, MemberCount from SMS_Collection where CollectionID = 'SMS00001'", [["All Systems", "3"]]),
    ]

    // MARK: Comparison operators on strings: always case-insensitive (where-clause.md, wql-operators.md)
    static let strings: [WQLCase] = [
        .values("string-eq-lower", #"select SiteCode from SMS_Site where SiteName = "contoso hq""#, ["S01"]),
        .values("string-eq-upper", #"select SiteCode from SMS_Site where SiteName = "CONTOSO HQ""#, ["S01"]),
        .values("string-eq-mixed", #"select SiteCode from SMS_Site where SiteName = "cOnToSo hQ""#, ["S01"]),
        .values("string-ne-angle", "select SiteCode from SMS_Site where SiteCode <> 's01'", ["S02"]),
        .values("string-ne-bang", "select SiteCode from SMS_Site where SiteCode != 'S01'", ["S02"]),
        .values("string-lt", "select SiteCode from SMS_Site where SiteName < 'contoso c'", ["S02"]),
        .values("string-gt", "select SiteCode from SMS_Site where SiteName > 'CONTOSO C'", ["S01"]),
        .values("string-le", "select SiteCode from SMS_Site where SiteName <= 'Contoso HQ'", ["S01", "S02"]),
        .values("string-ge", "select SiteCode from SMS_Site where SiteName >= 'contoso hq'", ["S01"]),
        .values("constant-operator-property", "select SiteCode from SMS_Site where 'S02' = SiteCode", ["S02"]),
        .values("constant-lt-property", "select SiteCode from SMS_Site where 'contoso branch' < SiteName", ["S01"]),
        .values("string-range", "select Name from SMS_PackageBaseClass where Manufacturer >= 'i' and Manufacturer < 'N'",
                ["7-Zip 24.08", "Microsoft Office 365"]),
        .values("escaped-quote-and-backslash", #"select CollectionID from SMS_Collection where Name = 'O\'Brien\\Lab'"#, ["S0100013"]),
        .values("single-quote-inside-double", #"select CollectionID from SMS_Collection where Comment = "Lab of O'Brien""#, ["S0100013"]),
        .values("escaped-double-quote", #"select CollectionID from SMS_Collection where Name <> "\"quoted\"" and CollectionType = 1"#,
                ["SMS00002", "S0100013"]),
    ]

    // MARK: Numbers (numbers.md), booleans (where-clause.md)
    static let numbers: [WQLCase] = [
        .values("int-eq", "select Name from SMS_PackageBaseClass where PackageType = 3", ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers"]),
        .values("int-ne", "select Name from SMS_PackageBaseClass where PackageType <> 3", ["Microsoft Office 365", "7-Zip 24.08", "Dell Command Update"]),
        .values("int-gt", "select Name from SMS_PackageBaseClass where SourceVersion > 1", ["Microsoft Office 365"]),
        .values("int-ge", "select Name from SMS_PackageBaseClass where SourceVersion >= 1", allPackages),
        .values("int-lt", "select Name from SMS_PackageBaseClass where SourceVersion < 4",
                ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers", "7-Zip 24.08", "Dell Command Update"]),
        .values("int-ne-bang", "select Name from SMS_PackageBaseClass where PackageType != 0", ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers"]),
        .values("int-le-none", "select Name from SMS_PackageBaseClass where SourceVersion <= 0", []),
        .values("int-constant-first", "select Name from SMS_PackageBaseClass where 3 = PackageType", ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers"]),
        .values("hex-literal", "select Name from SMS_PackageBaseClass where PackageType = 0x3", ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers"]),
        .values("negative-lt", "select CollectionID from SMS_Collection where Priority < 0", ["S0100010", "S0100012"]),
        .values("negative-eq", "select CollectionID from SMS_Collection where Priority = -5", ["S0100010"]),
        .values("negative-range", "select CollectionID from SMS_Collection where Priority >= -1 and Priority <= 1",
                ["SMS00001", "SMS00002", "S0100012", "S0100014"]),
        .values("real-gt", "select CollectionID from SMS_Collection where Coverage > 0.5", ["SMS00001", "S0100010"]),
        .values("real-eq-integer", "select CollectionID from SMS_Collection where Coverage = 0", ["SMS00002", "S0100014"]),
        .values("real-exponent", "select CollectionID from SMS_Collection where Coverage >= 5e-1", ["SMS00001", "S0100010", "S0100013"]),
        .values("uint32-eq-real", "select CollectionID from SMS_Collection where MemberCount = 3.0", ["SMS00001"]),
        .values("unsigned-gt-negative", "select CollectionID from SMS_Collection where MemberCount > -1", allCollections),
        .values("uint64-max", "select CollectionID from SMS_Collection where TotalBytes = 18446744073709551615", ["S0100011"]),
        .values("uint64-gt-32bit", "select CollectionID from SMS_Collection where TotalBytes > 4294967296", ["S0100010", "S0100011"]),
        .values("uint64-zero", "select CollectionID from SMS_Collection where TotalBytes = 0", ["SMS00001", "SMS00002", "S0100014"]),
        .values("bool-eq-TRUE", "select Name from SMS_R_System where Client = TRUE", ["PC-0001", "PC-0002"]),
        .values("bool-eq-true-lower", "select Name from SMS_R_System where Client = true", ["PC-0001", "PC-0002"]),
        .values("bool-ne-FALSE", "select Name from SMS_R_System where Client <> FALSE", ["PC-0001", "PC-0002"]),
        .values("bool-eq-FALSE", "select Name from SMS_R_System where Client = FALSE", ["SRV-0001"]),
        .values("bool-bang-FALSE", "select Name from SMS_R_System where Client != FALSE", ["PC-0001", "PC-0002"]),
        .values("bool-and-int", "select CollectionID from SMS_Collection where IsBuiltIn = true and CollectionType = 2", ["SMS00001"]),
        .values("bool-false-count", "select CollectionID from SMS_Collection where IsBuiltIn = false and MemberCount > 0", ["S0100010", "S0100011"]),
    ]

    // MARK: Datetimes: DMTF and the readable forms (wql-supported-date-formats.md, cim-datetime.md)
    static let dates: [WQLCase] = [
        .values("dmtf-eq", "select Name from SMS_PackageBaseClass where SourceDate = '20260101120000.000000+000'", ["Dell Latitude 7440 Drivers"]),
        .values("dmtf-eq-offset", "select Name from SMS_PackageBaseClass where SourceDate = '20260101130000.000000+060'", ["Dell Latitude 7440 Drivers"]),
        .values("dmtf-lt", "select Name from SMS_PackageBaseClass where SourceDate < '20260101000000.000000+000'", ["7-Zip 24.08"]),
        .values("iso-date-gt", "select Name from SMS_PackageBaseClass where SourceDate > '2026-01-01'",
                ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers", "Microsoft Office 365"]),
        .values("iso-datetime-ge", "select Name from SMS_PackageBaseClass where SourceDate >= '2026-03-01 12:00:00'",
                ["HP EliteBook 840 Drivers", "Microsoft Office 365"]),
        .values("iso-hhmm-lt", "select Name from SMS_PackageBaseClass where SourceDate < '2026-01-01 12:00'", ["7-Zip 24.08"]),
        .values("iso-hhmm-le", "select Name from SMS_PackageBaseClass where SourceDate <= '2026-01-01 12:00'", ["7-Zip 24.08", "Dell Latitude 7440 Drivers"]),
        .values("date-ne-skips-null", "select Name from SMS_PackageBaseClass where SourceDate <> '2026-06-15 08:00:00'",
                ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers", "7-Zip 24.08"]),
        .values("us-date", "select Name from SMS_PackageBaseClass where SourceDate = '03/01/2026 12:00'", ["HP EliteBook 840 Drivers"]),
        .values("date-constant-first", "select Name from SMS_PackageBaseClass where '2026-01-01' < SourceDate",
                ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers", "Microsoft Office 365"]),
        .values("datetime-offset-normalised", "select CollectionID from SMS_Collection where LastRefreshTime = '20261126105959.000000+000'", ["S0100013"]),
        .values("date-gt-midnight", "select CollectionID from SMS_Collection where LastRefreshTime > '2026-11-26'", ["S0100013"]),
        .values("date-ge-midnight", "select CollectionID from SMS_Collection where LastRefreshTime >= '2026-11-26'", ["S0100013", "S0100014"]),
        .values("date-in-list", "select PackageID from SMS_PackageBaseClass where SourceDate in ('2026-01-01 12:00', '20260301120000.000000+000')",
                ["PKG00001", "S0100002"]),
        .values("date-eq-midnight-no-match", "select PackageID from SMS_PackageBaseClass where SourceDate = '2026-01-01'", []),
        .values("date-between", "select Name from SMS_R_System where LastLogonTimestamp >= '2026-08-01' and LastLogonTimestamp < '2026-11-01'", ["PC-0002"]),
    ]

    // MARK: NULL: = null is never true; IS [NOT] NULL (wql-operators.md, wql-sql-for-wmi.md)
    static let nulls: [WQLCase] = [
        .values("is-null", "select CollectionID from SMS_Collection where Comment is null", ["S0100010"]),
        .values("is-not-null", "select CollectionID from SMS_Collection where Comment is not null",
                ["SMS00001", "SMS00002", "S0100011", "S0100012", "S0100013", "S0100014"]),
        .values("IS-NULL-upper", "SELECT CollectionID FROM SMS_Collection WHERE LimitToCollectionID IS NULL", ["SMS00001", "SMS00002"]),
        .values("eq-null-never-true", "select CollectionID from SMS_Collection where Comment = null", []),
        .values("ne-null-never-true", "select CollectionID from SMS_Collection where Comment <> null", []),
        .values("null-eq-null", "select CollectionID from SMS_Collection where null = null", []),
        .values("not-eq-null-unknown", "select CollectionID from SMS_Collection where not (Comment = null)", []),
        .values("null-is-null", "select SiteCode from SMS_Site where null is null", ["S01", "S02"]),
        .values("ne-skips-null", "select CollectionID from SMS_Collection where Comment <> 'Typo twin'",
                ["SMS00001", "SMS00002", "S0100011", "S0100012", "S0100013"]),
        .values("or-is-null", "select CollectionID from SMS_Collection where Comment = 'x' or Comment is null", ["S0100010"]),
        .values("not-like-skips-null", "select CollectionID from SMS_Collection where not Comment like 'All%'",
                ["S0100011", "S0100012", "S0100013", "S0100014"]),
        .values("array-is-null", "select CollectionID from SMS_Collection where Tags is null", ["S0100012"]),
        .values("embedded-is-not-null", "select CollectionID from SMS_Collection where PrimaryRule is not null", ["S0100010", "S0100011", "S0100012"]),
        .values("two-nulls", "select CollectionID from SMS_Collection where Coverage is null and TotalBytes is null", ["S0100012"]),
        .values("null-and-not-null", "select Name from SMS_PackageBaseClass where SourceDate is not null and Description is null",
                ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers", "Microsoft Office 365", "7-Zip 24.08"]),
        .values("in-list-with-null", "select CollectionID from SMS_Collection where Comment in ('All users', null)", ["SMS00002"]),
        .values("not-in-list-with-null", "select CollectionID from SMS_Collection where Comment not in ('All users', null)", []),
        .values("function-of-null", "select CollectionID from SMS_Collection where upper(Comment) is null", ["S0100010"]),
    ]

    // MARK: AND / OR / NOT: OR after AND; parentheses (wql-sql-for-wmi.md, where-clause.md)
    static let logic: [WQLCase] = [
        .values("and-before-or", "select CollectionID from SMS_Collection where CollectionType = 1 or IsBuiltIn = true and MemberCount > 0",
                ["SMS00002", "S0100013", "SMS00001"]),
        .values("and-before-or-swapped", "select CollectionID from SMS_Collection where IsBuiltIn = true and MemberCount > 0 or CollectionType = 1",
                ["SMS00002", "S0100013", "SMS00001"]),
        .values("parentheses-first", "select CollectionID from SMS_Collection where (CollectionType = 1 or IsBuiltIn = true) and MemberCount > 0", ["SMS00001"]),
        .values("not-binds-tighter-than-and", "select CollectionID from SMS_Collection where not CollectionType = 2 and MemberCount = 0", ["SMS00002", "S0100013"]),
        .values("not-parenthesised", "select CollectionID from SMS_Collection where not (CollectionType = 2 and MemberCount = 0)",
                ["SMS00001", "SMS00002", "S0100010", "S0100011", "S0100013"]),
        .values("not-class-lt", #"select Name from SMS_PackageBaseClass where NOT __CLASS < "SMS_E" AND NOT Name LIKE "7%""#,
                ["Microsoft Office 365", "Dell Command Update"]),
        .values("logicaldisk-or", #"select Name from SMS_PackageBaseClass where Manufacturer = "Dell" OR Manufacturer = "HP""#,
                ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers", "Dell Command Update"]),
        .values("logicaldisk-grouped", #"select Name from SMS_PackageBaseClass where (Manufacturer = "Dell" OR Manufacturer = "HP") AND PackageType > 1 AND Name LIKE "%Drivers""#,
                ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers"]),
        .values("double-not", "select SiteCode from SMS_Site where not not SiteCode = 'S01'", ["S01"]),
        .values("or-and-no-parens", "select SiteCode from SMS_Site where SiteCode = 'S01' or SiteCode = 'S02' and Type = 2", ["S01"]),
        .values("or-and-parens", "select SiteCode from SMS_Site where (SiteCode = 'S01' or SiteCode = 'S02') and Type = 1", ["S02"]),
        .values("nested-parens", "select SiteCode from SMS_Site where ((((Type = 1))))", ["S02"]),
        .values("unknown-or-true", "select CollectionID from SMS_Collection where Comment = 'x' or MemberCount = 3", ["SMS00001"]),
        .values("not-of-or-with-unknown", "select CollectionID from SMS_Collection where not (Comment = 'All users' or MemberCount > 0)",
                ["S0100012", "S0100013", "S0100014"]),
    ]

    // MARK: LIKE: % _ [abc] [a-z] [^…], [] as the escape (like-operator.md)
    static let like: [WQLCase] = [
        .values("like-prefix", "select Name from SMS_Collection where Name like 'All%'", ["All Systems", "All Users"]),
        .values("like-suffix", "select Name from SMS_Collection where Name like '%Ring'", ["Pilot_Ring", "PilotXRing"]),
        .values("like-underscore-any-char", "select Name from SMS_Collection where Name like 'Pilot_Ring'", ["Pilot_Ring", "PilotXRing"]),
        .values("like-escaped-underscore", "select Name from SMS_Collection where Name like 'Pilot[_]Ring'", ["Pilot_Ring"]),
        .values("like-contains-underscore", "select Name from SMS_Collection where Name like '%[_]%'", ["Pilot_Ring"]),
        .values("like-escaped-bracket", "select Name from SMS_Collection where Name like '[[]Test]%'", ["[Test] Servers"]),
        .values("like-escaped-percent", "select Name from SMS_Collection where Name like '%[%]%'", ["100% Compliant"]),
        .values("like-backslash", #"select Name from SMS_Collection where Name LIKE "%\\%""#, [#"O'Brien\Lab"#]),
        .values("not-like-backslash", #"select Name from SMS_Collection where NOT Name LIKE "%\\%" AND Name LIKE "P%""#, ["Pilot_Ring", "PilotXRing"]),
        .values("like-range", "select Name from SMS_Collection where Name like '[A-C]%'", ["All Systems", "All Users"]),
        .values("like-set", "select Name from SMS_Collection where Name like '[xyz1]%'", ["100% Compliant"]),
        .values("like-negated-range", "select Name from SMS_Collection where Name like '[^a-p]%'", ["[Test] Servers", "100% Compliant"]),
        .values("like-digit-range", "select Name from SMS_PackageBaseClass where Name like '%[0-9][0-9].[0-9][0-9]'", ["7-Zip 24.08"]),
        .values("like-percent-all", "select CollectionID from SMS_Collection where Name like '%'", allCollections),
        .values("like-no-wildcards-case", "select Name from SMS_Collection where Name like 'all systems'", ["All Systems"]),
        .values("like-three-underscores", "select Name from SMS_Collection where Name like '___ Users'", ["All Users"]),
        .values("not-like-infix", "select Name from SMS_Collection where Name not like 'All%'",
                ["Pilot_Ring", "[Test] Servers", "100% Compliant", #"O'Brien\Lab"#, "PilotXRing"]),
        .values("like-and-like", "select Name from SMS_PackageBaseClass where Name like '%Drivers' and Manufacturer like 'd%'", ["Dell Latitude 7440 Drivers"]),
        .values("like-on-__class", #"select Name from SMS_PackageBaseClass where __CLASS like "%Driver%""#, ["Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers"]),
        .values("like-__class-escaped-underscore", #"select Name from SMS_PackageBaseClass where __CLASS LIKE "SMS[_]P%""#,
                ["Microsoft Office 365", "7-Zip 24.08", "Dell Command Update"]),
        .values("like-escaped-quote", #"select CollectionID from SMS_Collection where Name like 'O\'Brien%'"#, ["S0100013"]),
        .values("like-middle", "select Name from SMS_PackageBaseClass where Name like '%Book%'", ["HP EliteBook 840 Drivers"]),
    ]

    // MARK: IN / NOT IN / IS IN / IS NOT IN, lists and subqueries (extended-wmi-query-language.md, special-queries.md)
    static let membership: [WQLCase] = [
        .values("in-list", "select SiteCode from SMS_Site where SiteCode in ('S01', 's03')", ["S01"]),
        .values("not-in-list", "select SiteCode from SMS_Site where SiteCode not in ('S01')", ["S02"]),
        .values("is-in-list", "select SiteCode from SMS_Site where SiteCode is in ('s02')", ["S02"]),
        .values("is-not-in-list", "select SiteCode from SMS_Site where SiteCode is not in ('S02', 'S03')", ["S01"]),
        .values("in-numbers", "select SiteCode from SMS_Site where Type in (1, 2)", ["S01", "S02"]),
        .values("in-negative-numbers", "select CollectionID from SMS_Collection where Priority in (-5, 10)", ["S0100010", "S0100011"]),
        .values("in-mixed-real-int", "select CollectionID from SMS_Collection where Coverage in (1, 0.5)", ["SMS00001", "S0100013"]),
        .values("in-case-insensitive", "select CollectionID from SMS_Collection where Name in ('all systems', 'PILOT_RING')", ["SMS00001", "S0100010"]),
        .values("in-subquery", "select Name from SMS_R_System where ResourceId in (select ResourceID from SMS_FullCollectionMembership where CollectionID = 'S0100010')",
                ["PC-0001", "PC-0002"]),
        .values("not-in-subquery", "select Name from SMS_R_System where ResourceId not in (select ResourceID from SMS_FullCollectionMembership where CollectionID = 'S0100010')",
                ["SRV-0001"]),
        .values("is-in-subquery", "select Name from SMS_R_System where ResourceId is in (select ResourceID from SMS_FullCollectionMembership where CollectionID = 'S0100011')",
                ["SRV-0001"]),
        .values("is-not-in-subquery", "select Name from SMS_R_System where Name is not in (select Name from SMS_FullCollectionMembership where CollectionID = 'SMS00001')", []),
        .values("nested-subqueries", "select SiteName from SMS_Site where SiteCode in (select SiteCode from SMS_DistributionPoint where PackageID in (select PackageID from SMS_Package where Manufacturer = 'Microsoft'))",
                ["Contoso HQ"]),
        .values("in-empty-subquery", "select SiteCode from SMS_Site where SiteCode in (select SiteCode from SMS_DistributionPoint where Status = 99)", []),
        .values("not-in-empty-subquery", "select SiteCode from SMS_Site where SiteCode not in (select SiteCode from SMS_DistributionPoint where Status = 99)", ["S01", "S02"]),
        .values("in-distinct-subquery", "select SiteName from SMS_Site where SiteCode in (select distinct SiteCode from SMS_DistributionPoint)", ["Contoso HQ"]),
        .values("in-subquery-aliased-column", "select Name from SMS_PackageBaseClass where PackageID in (select dp.PackageID as P from SMS_DistributionPoint dp where dp.Status = 2)",
                ["7-Zip 24.08"]),
    ]

    // MARK: Array-valued properties: any element matches (special-queries.md "Array Property Queries")
    static let arrays: [WQLCase] = [
        .values("array-eq", "select Name from SMS_R_System where IPSubnets = '10.1.0.0'", ["PC-0001", "SRV-0001"]),
        .values("array-eq-second-element", #"SELECT Name FROM SMS_R_System WHERE IPSubnets = "192.168.1.0""#, ["PC-0001"]),
        .values("array-in-list", #"SELECT Name FROM SMS_R_System WHERE IPSubnets IN ("10.2.0.0", "192.168.1.0")"#, ["PC-0001", "PC-0002"]),
        .values("array-not-in-list", "select Name from SMS_R_System where IPSubnets not in ('10.1.0.0')", ["PC-0002"]),
        .values("array-like", "select Name from SMS_R_System where IPSubnets like '10.%'", ["PC-0001", "PC-0002", "SRV-0001"]),
        .values("array-like-one", "select Name from SMS_R_System where IPSubnets like '192.%'", ["PC-0001"]),
        .values("array-ne-any-element", "select Name from SMS_R_System where IPSubnets <> '10.1.0.0'", ["PC-0001", "PC-0002"]),
        .values("array-eq-case", "select CollectionID from SMS_Collection where Tags = 'BUILTIN'", ["SMS00001", "SMS00002"]),
        .values("array-eq-strings", "select CollectionID from SMS_Collection where Tags = 'pilot'", ["S0100010", "S0100014"]),
        .values("array-like-set", "select CollectionID from SMS_Collection where Tags like '[r-s]%'", ["S0100010"]),
        .values("array-not-eq-empty-array", "select CollectionID from SMS_Collection where not Tags = 'builtin'", ["S0100010", "S0100011", "S0100013", "S0100014"]),
        .values("array-in-subquery", "select Name from SMS_R_System where IPSubnets in (select IPSubnets from SMS_R_System where Name = 'PC-0002')", ["PC-0002"]),
        .rows("array-projected", "select Name, IPSubnets from SMS_R_System where Name = 'PC-0001'", [["PC-0001", "{10.1.0.0, 192.168.1.0}"]]),
    ]

    // MARK: ISA and embedded objects (isa-operator-for-data-queries.md, where-clause.md "Prop.embedprop")
    static let isa: [WQLCase] = [
        .values("isa-base-class", "select CollectionID from SMS_Collection where PrimaryRule isa 'SMS_CollectionRule'", ["S0100011", "S0100012"]),
        .values("isa-exact-class", #"select CollectionID from SMS_Collection where PrimaryRule ISA "SMS_CollectionRuleDirect""#, ["S0100011"]),
        .values("isa-unrelated-class", "select CollectionID from SMS_Collection where PrimaryRule isa 'SMS_CollectionRuleQuery'", ["S0100010"]),
        .values("not-isa-skips-null", "select CollectionID from SMS_Collection where not PrimaryRule isa 'SMS_CollectionRule'", ["S0100010"]),
        .values("isa-bare-class-name", "select CollectionID from SMS_Collection where PrimaryRule isa SMS_CollectionRule", ["S0100011", "S0100012"]),
        .values("__class-isa", "select Name from SMS_PackageBaseClass where __CLASS isa 'SMS_Package'", ["Microsoft Office 365", "7-Zip 24.08", "Dell Command Update"]),
        .values("__class-isa-base", "select Name from SMS_PackageBaseClass where __CLASS isa 'SMS_PackageBaseClass'", allPackages),
        .values("__class-isa-sibling", "select PackageID from SMS_Package where __CLASS isa 'SMS_DriverPackage'", []),
        .values("isa-or-isa", "select CollectionID from SMS_Collection where PrimaryRule isa 'SMS_CollectionRuleQuery' or PrimaryRule isa 'SMS_CollectionRuleIncludeCollection'",
                ["S0100010", "S0100012"]),
    ]

    // MARK: Joins, inner and left, qualified names and aliases (extended-wmi-query-language.md; special-queries.md "Collection-limiting")
    static let joins: [WQLCase] = [
        .rows("inner-join-qualified", """
              select SMS_R_System.Name, SMS_G_System_OPERATING_SYSTEM.Caption from SMS_R_System \
              inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId \
              where SMS_G_System_OPERATING_SYSTEM.Caption like '%Server%'
              """, [["SRV-0001", "Microsoft Windows Server 2022 Standard"]],
              columns: ["SMS_R_System.Name", "SMS_G_System_OPERATING_SYSTEM.Caption"]),
        .ordered("join-aliases-order", "select sys.Name, os.Version from SMS_R_System as sys join SMS_G_System_OPERATING_SYSTEM as os on os.ResourceID = sys.ResourceId order by os.Version",
                 [["PC-0002", "10.0.19045"], ["SRV-0001", "10.0.20348"], ["PC-0001", "10.0.26100"]]),
        .values("collection-limiting-join", """
                select SMS_R_System.Name from SMS_R_System inner join SMS_FullCollectionMembership \
                on SMS_FullCollectionMembership.ResourceID = SMS_R_System.ResourceId \
                where SMS_FullCollectionMembership.CollectionID = 'S0100010'
                """, ["PC-0001", "PC-0002"]),
        .rows("left-join-keeps-unmatched", "select c.CollectionID, m.ResourceID from SMS_Collection c left join SMS_FullCollectionMembership m on m.CollectionID = c.CollectionID where c.CollectionType = 2",
              [["SMS00001", "16777220"], ["SMS00001", "16777221"], ["SMS00001", "16777222"], ["S0100010", "16777220"], ["S0100010", "16777221"],
               ["S0100011", "16777222"], ["S0100012", ""], ["S0100014", ""]]),
        .values("left-outer-join-anti", "select c.Name from SMS_Collection as c left outer join SMS_FullCollectionMembership as m on m.CollectionID = c.CollectionID where m.ResourceID is null",
                ["All Users", "100% Compliant", #"O'Brien\Lab"#, "PilotXRing"]),
        .rows("three-way-join", "select s.Name, o.Caption, m.CollectionID from SMS_R_System s join SMS_G_System_OPERATING_SYSTEM o on o.ResourceID = s.ResourceId join SMS_FullCollectionMembership m on m.ResourceID = s.ResourceId where m.CollectionID = 'S0100011'",
              [["SRV-0001", "Microsoft Windows Server 2022 Standard", "S0100011"]]),
        .rows("join-select-star", "select * from SMS_Site s join SMS_DistributionPoint dp on dp.SiteCode = s.SiteCode where dp.Status = 2",
              [["S01", "Contoso HQ", "2", "S0100004", dp2NAL, "S01", "2", "Contoso HQ"]],
              columns: ["s.SiteCode", "s.SiteName", "s.Type", "dp.PackageID", "dp.ServerNALPath", "dp.SiteCode", "dp.Status", "dp.SiteName"]),
        .rows("join-qualified-star", "select s.*, dp.PackageID from SMS_Site s inner join SMS_DistributionPoint dp on dp.SiteCode = s.SiteCode",
              [["S01", "Contoso HQ", "2", "S0100003"], ["S01", "Contoso HQ", "2", "S0100004"]],
              columns: ["s.SiteCode", "s.SiteName", "s.Type", "dp.PackageID"]),
        .rows("join-on-and", "select s.SiteCode, dp.PackageID from SMS_Site s join SMS_DistributionPoint dp on dp.SiteCode = s.SiteCode and dp.Status = 0",
              [["S01", "S0100003"]]),
        .rows("left-join-on-and", "select s.SiteCode, dp.PackageID from SMS_Site s left join SMS_DistributionPoint dp on dp.SiteCode = s.SiteCode and dp.Status = 0",
              [["S01", "S0100003"], ["S02", ""]]),
        .rows("join-subclass-rows", "select p.Name, dp.SiteCode from SMS_Package p join SMS_DistributionPoint dp on dp.PackageID = p.PackageID",
              [["Microsoft Office 365", "S01"], ["7-Zip 24.08", "S01"]]),
        .ordered("join-order-desc-limit", "select sys.Name, m.CollectionID from SMS_R_System sys join SMS_FullCollectionMembership m on m.ResourceID = sys.ResourceId order by sys.Name desc, m.CollectionID limit 3",
                 [["SRV-0001", "S0100011"], ["SRV-0001", "SMS00001"], ["PC-0002", "S0100010"]]),
        .rows("join-count", "select count(*) from SMS_R_System s join SMS_FullCollectionMembership m on m.ResourceID = s.ResourceId", [["6"]]),
        .values("join-distinct", "select distinct s.Name from SMS_R_System s join SMS_FullCollectionMembership m on m.ResourceID = s.ResourceId",
                ["PC-0001", "PC-0002", "SRV-0001"]),
        .values("join-unqualified-unique-name", "select Caption from SMS_R_System s join SMS_G_System_OPERATING_SYSTEM o on o.ResourceID = s.ResourceId where Client = false",
                ["Microsoft Windows Server 2022 Standard"]),
        .values("left-join-null-right-side", "select s.SiteCode from SMS_Site s left join SMS_DistributionPoint dp on dp.SiteCode = s.SiteCode where dp.Status is null",
                ["S02"]),
        .values("join-reversed-on", "select o.Version from SMS_R_System s join SMS_G_System_OPERATING_SYSTEM o on s.ResourceId = o.ResourceID where s.Name = 'PC-0001'",
                ["10.0.26100"]),
    ]

    // MARK: ORDER BY asc/desc, several keys; DISTINCT; COUNT(*); LIMIT (extended-wmi-query-language.md)
    static let shaping: [WQLCase] = [
        .sorted("order-by", "select Name from SMS_PackageBaseClass order by Name",
                ["7-Zip 24.08", "Dell Command Update", "Dell Latitude 7440 Drivers", "HP EliteBook 840 Drivers", "Microsoft Office 365"]),
        .sorted("order-by-desc", "select Name from SMS_PackageBaseClass order by Name desc",
                ["Microsoft Office 365", "HP EliteBook 840 Drivers", "Dell Latitude 7440 Drivers", "Dell Command Update", "7-Zip 24.08"]),
        .sorted("order-by-asc-desc", "select Name from SMS_PackageBaseClass order by Manufacturer asc, Name desc",
                ["Dell Latitude 7440 Drivers", "Dell Command Update", "HP EliteBook 840 Drivers", "7-Zip 24.08", "Microsoft Office 365"]),
        .sorted("order-by-nulls-first", "select PackageID from SMS_PackageBaseClass order by PackageType desc, SourceDate",
                ["PKG00001", "S0100002", "S0100005", "S0100004", "S0100003"]),
        .sorted("order-by-case-insensitive", "select Name from SMS_Collection order by Name",
                ["100% Compliant", "[Test] Servers", "All Systems", "All Users", #"O'Brien\Lab"#, "Pilot_Ring", "PilotXRing"]),
        .sorted("order-by-signed-stable", "select CollectionID from SMS_Collection order by Priority",
                ["S0100010", "S0100012", "SMS00001", "SMS00002", "S0100014", "S0100013", "S0100011"]),
        .sorted("order-by-desc-then-asc", "select CollectionID from SMS_Collection order by Priority desc, CollectionID",
                ["S0100011", "S0100013", "S0100014", "SMS00001", "SMS00002", "S0100012", "S0100010"]),
        .sorted("order-by-datetime-nulls-first", "select CollectionID from SMS_Collection order by LastRefreshTime",
                ["S0100012", "S0100011", "SMS00002", "S0100010", "SMS00001", "S0100014", "S0100013"]),
        .sorted("order-by-datetime-desc", "select Name from SMS_R_System order by LastLogonTimestamp desc", ["PC-0001", "PC-0002", "SRV-0001"]),
        .sorted("order-by-unselected", "select CollectionID from SMS_Collection where CollectionType = 1 order by Name desc", ["S0100013", "SMS00002"]),
        .sorted("order-by-qualified", "select SiteCode from SMS_Site order by SMS_Site.SiteName", ["S02", "S01"]),
        .sorted("order-by-boolean", "select Name from SMS_R_System order by Client, Name", ["SRV-0001", "PC-0001", "PC-0002"]),
        .sorted("ORDER-BY-ASC", "SELECT SiteCode FROM SMS_Site ORDER BY SiteCode ASC", ["S01", "S02"]),
        .values("distinct", "select distinct Manufacturer from SMS_PackageBaseClass", ["Dell", "HP", "Microsoft", "Igor Pavlov"]),
        .values("distinct-number", "select distinct PackageType from SMS_PackageBaseClass", ["3", "0"]),
        .rows("distinct-two-columns", "select distinct CollectionType, IsBuiltIn from SMS_Collection",
              [["2", "true"], ["1", "true"], ["2", "false"], ["1", "false"]]),
        .values("distinct-with-null", "select distinct LimitToCollectionID from SMS_Collection", ["", "SMS00001", "S0100010", "SMS00002"]),
        .rows("count-star", "select count(*) from SMS_Collection", [["7"]], columns: ["Count"]),
        .rows("count-where", "select count(*) from SMS_Collection where IsBuiltIn = false", [["5"]]),
        .rows("count-alias", "select count(*) as Total from SMS_R_System where Client = true", [["2"]], columns: ["Total"]),
        .rows("COUNT-none", "SELECT COUNT(*) FROM SMS_Site WHERE SiteCode = 'nope'", [["0"]]),
        .sorted("limit", "select Name from SMS_Collection order by Name limit 2", ["100% Compliant", "[Test] Servers"]),
        .sorted("limit-zero", "select Name from SMS_Collection order by Name limit 0", []),
        .values("limit-larger", "select SiteCode from SMS_Site limit 100", ["S01", "S02"]),
        .sorted("distinct-order-limit", "select distinct Manufacturer from SMS_PackageBaseClass order by Manufacturer limit 2", ["Dell", "HP"]),
    ]

    // MARK: upper, lower, GetDate, DateDiff, DateAdd (extended-wmi-query-language.md); the clock is 2026-11-26 12:00 UTC
    static let functions: [WQLCase] = [
        .rows("upper-select", "select upper(Name) from SMS_R_System where Client = false", [["SRV-0001"]], columns: ["upper(Name)"]),
        .ordered("lower-select-alias", "select lower(SiteName) as Lower from SMS_Site order by SiteCode", [["contoso hq"], ["contoso branch"]], columns: ["Lower"]),
        .values("upper-where", "select SiteCode from SMS_Site where upper(SiteName) = 'CONTOSO HQ'", ["S01"]),
        .values("lower-like", "select Name from SMS_R_System where lower(Name) like 'pc-%'", ["PC-0001", "PC-0002"]),
        .values("datediff-lt", "select Name from SMS_R_System where DateDiff(dd, LastLogonTimestamp, GetDate()) < 30", ["PC-0001"]),
        .values("datediff-day-ge", "select Name from SMS_R_System where DATEDIFF(day, LastLogonTimestamp, GETDATE()) >= 30", ["PC-0002"]),
        .rows("datediff-select", "select Name, DateDiff(dd, LastLogonTimestamp, GetDate()) as Days from SMS_R_System",
              [["PC-0001", "6"], ["PC-0002", "117"], ["SRV-0001", ""]], columns: ["Name", "Days"]),
        .values("dateadd-threshold", "select Name from SMS_R_System where LastLogonTimestamp > DateAdd(dd, -30, GetDate())", ["PC-0001"]),
        // DateDiff counts unit boundaries, as SQL Server does: 10:59:59 UTC (11:59:59+01:00) is two hour boundaries
        // and 61 minute boundaries before 12:00, though only 1 h 0 min 1 s earlier.
        .values("datediff-hours-offset", "select CollectionID from SMS_Collection where DateDiff(hh, LastRefreshTime, GetDate()) = 2", ["S0100013"]),
        .values("datediff-minutes", "select CollectionID from SMS_Collection where DateDiff(mi, LastRefreshTime, GetDate()) = 61", ["S0100013"]),
        .values("dateadd-hours", "select CollectionID from SMS_Collection where LastRefreshTime >= DateAdd(hh, -12, GetDate())", ["S0100013", "S0100014"]),
        .values("getdate-gt", "select CollectionID from SMS_Collection where GetDate() > LastRefreshTime",
                ["SMS00001", "SMS00002", "S0100010", "S0100011", "S0100013", "S0100014"]),
        .values("datediff-string-date", "select Name from SMS_R_System where DateDiff(dd, '2026-11-01', LastLogonTimestamp) > 0", ["PC-0001"]),
        .rows("getdate-select", "select GetDate() as Now from SMS_Site where SiteCode = 'S01'", [["20261126120000.000000+000"]]),
        .rows("dateadd-select", "select DateAdd(dd, 1, '2026-12-31') as D from SMS_Site where SiteCode = 'S01'", [["20270101000000.000000+000"]]),
        .rows("datediff-weeks", "select DateDiff(wk, SourceDate, GetDate()) as Weeks from SMS_Package where PackageID = 'S0100003'", [["23"]]),
    ]

    // MARK: Keywords, class and property names in any spelling; queries over several lines
    static let spelling: [WQLCase] = [
        .rows("upper-case-everything", "SELECT * FROM SMS_SITE WHERE SITECODE = 'S01'", [["S01", "Contoso HQ", "2"]]),
        .rows("lower-case-names", "select sitename from sms_site where sitecode = 's02'", [["Contoso Branch"]], columns: ["SiteName"]),
        .sorted("mixed-case-keywords", "SeLeCt NaMe FrOm sMs_PaCkAgEbAsEcLaSs WhErE pAcKaGeTyPe = 3 AnD nOt NaMe LiKe 'hp%' OrDeR bY nAmE dEsC",
                ["Dell Latitude 7440 Drivers"]),
        .values("mixed-case-distinct", "select DISTINCT manufacturer FROM sms_packagebaseclass where MANUFACTURER Is Not Null",
                ["Dell", "HP", "Microsoft", "Igor Pavlov"]),
        .rows("mixed-case-count", "select COUNT(*) from sms_r_system where client = TRUE and ipsubnets = '10.1.0.0'", [["1"]]),
        .rows("mixed-case-join-alias", "select S.name, O.caption from sms_r_system s INNER JOIN sms_g_system_operating_system o ON o.resourceid = S.RESOURCEID where o.CAPTION like '%11%'",
              [["PC-0001", "Microsoft Windows 11 Enterprise"]]),
        .values("mixed-case-in-isa", "select collectionid from SMS_COLLECTION where PRIMARYRULE IsA 'sms_collectionrule' AND collectionid IS IN ('s0100011')", ["S0100011"]),
        .sorted("multi-line", """
                select Name
                from SMS_R_System
                where Client = true
                  and Name like 'PC%'
                order by Name desc
                """, ["PC-0002", "PC-0001"]),
        .rows("multi-line-select-list", """
              select SiteCode,
                     SiteName
              from SMS_Site
              where Type = 1
              """, [["S02", "Contoso Branch"]]),
        .values("multi-line-parentheses", """
                select CollectionID from SMS_Collection where (
                    CollectionType = 1
                    or MemberCount > 2
                )
                """, ["SMS00001", "SMS00002", "S0100013"]),
        .rows("multi-line-join", """
              select s.Name, o.Version
              from SMS_R_System s
              inner join SMS_G_System_OPERATING_SYSTEM o
                on o.ResourceID = s.ResourceId
              where s.Client = false
              """, [["SRV-0001", "10.0.20348"]]),
        .values("multi-line-comments", """
                select SiteName -- the name
                from SMS_Site -- the class
                where SiteCode = 'S01'
                """, ["Contoso HQ"]),
        .values("multi-line-subquery", """
                select Name from SMS_R_System
                where ResourceId in (
                    select ResourceID from SMS_FullCollectionMembership
                    where CollectionID = 'S0100011'
                )
                """, ["SRV-0001"]),
        .values("crlf-and-tabs", "select SiteCode\r\n\tfrom SMS_Site\r\n\twhere Type = 2", ["S01"]),
    ]

    // MARK: ASSOCIATORS OF / REFERENCES OF with each WHERE option (associators-of-statement.md, references-of-statement.md)
    static let associations: [WQLCase] = [
        .paths("assoc-all", #"associators of {SMS_Collection.CollectionID="SMS00001"}"#,
               [coll("S0100010"), coll("S0100011"), coll("S0100014"), sys(16777220), sys(16777221), sys(16777222)]),
        .paths("assoc-assocclass", #"ASSOCIATORS OF {SMS_Collection.CollectionID="SMS00001"} WHERE AssocClass = SMS_CollectionDependency"#,
               [coll("S0100010"), coll("S0100011"), coll("S0100014")]),
        .paths("assoc-resultclass", #"associators of {SMS_Collection.CollectionID="SMS00001"} where ResultClass = SMS_R_System"#,
               [sys(16777220), sys(16777221), sys(16777222)]),
        .paths("assoc-role", #"associators of {SMS_Collection.CollectionID="S0100010"} where Role = Dependent"#, [coll("SMS00001")]),
        .paths("assoc-resultrole", #"associators of {SMS_Collection.CollectionID="S0100010"} where ResultRole = Dependent"#, [coll("S0100012")]),
        .paths("assoc-resultrole-other-class", #"associators of {SMS_Collection.CollectionID="S0100010"} where ResultRole = Resource"#,
               [sys(16777220), sys(16777221)]),
        .paths("assoc-both-roles", #"associators of {SMS_Collection.CollectionID="S0100010"}"#,
               [coll("SMS00001"), coll("S0100012"), sys(16777220), sys(16777221)]),
        .paths("assoc-requiredassocqualifier", #"associators of {SMS_Collection.CollectionID="S0100010"} where RequiredAssocQualifier = Dependency"#,
               [coll("SMS00001"), coll("S0100012")]),
        .paths("assoc-requiredassocqualifier-association", #"associators of {SMS_R_System.ResourceId=16777222} WHERE RequiredAssocQualifier = Association"#,
               [coll("SMS00001"), coll("S0100011")]),
        .paths("assoc-requiredqualifier", #"associators of {SMS_R_System.ResourceId=16777220} where RequiredQualifier = Secured"#,
               [coll("SMS00001"), coll("S0100010")]),
        .paths("assoc-requiredqualifier-none", #"associators of {SMS_Collection.CollectionID="S0100010"} where RequiredQualifier = Dynamic"#, []),
        .rows("assoc-classdefsonly", #"associators of {SMS_R_System.ResourceId=16777222} where ClassDefsOnly"#, [["SMS_Collection"]]),
        .rows("assoc-classdefsonly-two-classes", #"associators of {SMS_Collection.CollectionID="S0100010"} WHERE ClassDefsOnly"#,
              [["SMS_Collection"], ["SMS_R_System"]]),
        .paths("assoc-keysonly", #"associators of {SMS_R_System.ResourceId=16777221} where KeysOnly"#, [coll("SMS00001"), coll("S0100010")]),
        .paths("assoc-all-options", #"associators of {SMS_Collection.CollectionID="S0100010"} where AssocClass = SMS_CollectionToSystem ResultClass = SMS_R_System Role = Collection ResultRole = Resource"#,
               [sys(16777220), sys(16777221)]),
        .paths("assoc-resultclass-requiredqualifier", #"associators of {SMS_R_System.ResourceId=16777220} where resultClass = SMS_Collection requiredQualifier = Secured"#,
               [coll("SMS00001"), coll("S0100010")]),
        .paths("assoc-role-mismatch", #"associators of {SMS_Site.SiteCode="S01"} where Role = Package"#, []),
        .paths("assoc-single-key-shorthand", #"associators of {SMS_Site="S02"}"#, [#"SMS_Package.PackageID="S0100003""#]),
        .paths("assoc-resultclass-base", #"associators of {SMS_Site.SiteCode="S01"} where ResultClass = SMS_PackageBaseClass"#,
               [#"SMS_DriverPackage.PackageID="PKG00001""#, #"SMS_Package.PackageID="S0100003""#]),
        .paths("assoc-lower-case", #"associators of {sms_site.sitecode="S02"} where resultclass = sms_package"#, [#"SMS_Package.PackageID="S0100003""#]),
        .paths("assoc-multi-line", """
               associators of {SMS_Collection.CollectionID="SMS00002"}
                  where ResultClass = SMS_Collection
               """, [coll("S0100013")]),
        .paths("refs-all", #"references of {SMS_Collection.CollectionID="S0100010"}"#,
               [dependency("S0100010", "SMS00001"), dependency("S0100012", "S0100010"), toSystem("S0100010", 16777220), toSystem("S0100010", 16777221)]),
        .paths("refs-resultclass", #"REFERENCES OF {SMS_Collection.CollectionID="S0100010"} WHERE ResultClass = SMS_CollectionDependency"#,
               [dependency("S0100010", "SMS00001"), dependency("S0100012", "S0100010")]),
        .paths("refs-role", #"references of {SMS_Collection.CollectionID="S0100010"} where Role = Limiting"#, [dependency("S0100012", "S0100010")]),
        .paths("refs-requiredqualifier", #"references of {SMS_Collection.CollectionID="S0100010"} where RequiredQualifier = Dependency"#,
               [dependency("S0100010", "SMS00001"), dependency("S0100012", "S0100010")]),
        .rows("refs-classdefsonly", #"references of {SMS_Collection.CollectionID="S0100010"} where ClassDefsOnly"#,
              [["SMS_CollectionDependency"], ["SMS_CollectionToSystem"]]),
        .paths("refs-keysonly", #"references of {SMS_R_System.ResourceId=16777222} where KeysOnly"#,
               [toSystem("SMS00001", 16777222), toSystem("S0100011", 16777222)]),
        .paths("refs-resultclass-requiredqualifier", #"references of {SMS_Collection.CollectionID="SMS00001"} where resultclass = SMS_CollectionToSystem requiredQualifier = Association"#,
               [toSystem("SMS00001", 16777220), toSystem("SMS00001", 16777221), toSystem("SMS00001", 16777222)]),
        .paths("refs-none", #"references of {SMS_Package.PackageID="S0100004"}"#, []),
    ]

    // MARK: Invalid queries that fail when they run: status and location
    static let runtimeErrors: [WQLCase] = [
        .fails("unknown-class", "select * from SMS_Nothing", .invalidClass, 1, 15),
        .fails("unknown-joined-class", "select * from SMS_Site s join SMS_Nothing n on n.X = s.SiteCode", .invalidClass, 1, 31),
        .fails("unknown-property-select", "select Colour from SMS_Site", .invalidQuery, 1, 8),
        .fails("unknown-property-where", "select * from SMS_Site where Colour = 'red'", .invalidQuery, 1, 30),
        .fails("unknown-property-order-by", "select SiteCode from SMS_Site order by Colour", .invalidQuery, 1, 40),
        .fails("unknown-qualified-property-select", "select s.Colour from SMS_Site s", .invalidQuery, 1, 8),
        .fails("unknown-alias", "select x.SiteCode from SMS_Site s", .invalidQuery, 1, 8),
        .fails("class-twice-without-alias", "select * from SMS_Site join SMS_Site on SMS_Site.SiteCode = SMS_Site.SiteCode", .invalidQuery, 1, 1),
        .fails("count-with-other-items", "select SiteName, count(*) from SMS_Site", .invalidQuery, 1, 18),
        .fails("like-integer-pattern", "select * from SMS_Site where SiteName like 5", .invalidQuery, 1, 44),
        .fails("like-real-pattern", "select Name from SMS_PackageBaseClass where Name like 1.5", .invalidQuery, 1, 55),
        .fails("like-datetime-pattern", "select * from SMS_Site where SiteName like GetDate()", .invalidQuery, 1, 44),
        .fails("string-gt-number", "select * from SMS_Site where SiteName > 5", .typeMismatch, 1, 30),
        .fails("number-eq-string", "select * from SMS_Site where Type = 'two'", .typeMismatch, 1, 30),
        .fails("boolean-eq-string", "select Name from SMS_R_System where Client = 'yes'", .typeMismatch, 1, 37),
        .fails("datetime-gt-number", "select Name from SMS_R_System where LastLogonTimestamp > 5", .typeMismatch, 1, 37),
        .fails("datetime-gt-not-a-date", "select Name from SMS_R_System where LastLogonTimestamp > 'last tuesday'", .typeMismatch, 1, 37),
        .fails("boolean-ge-number", "select Name from SMS_R_System where Client >= 0", .invalidQuery, 1, 37),
        .fails("in-list-incompatible", "select * from SMS_Site where Type in ('one', 'two')", .typeMismatch, 1, 39),
        .fails("where-not-a-condition", "select * from SMS_Site where SiteCode", .typeMismatch, 1, 30),
        .fails("subquery-two-columns", "select * from SMS_Site where SiteCode in (select SiteCode, SiteName from SMS_DistributionPoint)", .invalidQuery, 1, 43),
        .fails("subquery-star", "select * from SMS_Site where SiteCode in (select * from SMS_DistributionPoint)", .invalidQuery, 1, 43),
        .fails("subquery-unknown-class", "select * from SMS_Site where SiteCode in (select SiteCode from SMS_Nope)", .invalidClass, 1, 64),
        .fails("limit-negative", "select * from SMS_Site limit -1", .invalidQuery, 1, 30),
        .fails("limit-string", "select * from SMS_Site limit 'two'", .invalidQuery, 1, 30),
        .fails("datediff-bad-unit", "select Name from SMS_R_System where DateDiff(xx, LastLogonTimestamp, GetDate()) > 1", .invalidParameter, 1, 46),
        .fails("multi-line-unknown-class", "select Name\nfrom SMS_Nothing", .invalidClass, 2, 6),
        .fails("multi-line-unknown-property", "select SiteName\nfrom SMS_Site\nwhere Colour = 'red'", .invalidQuery, 3, 7),
        .fails("assoc-not-found", #"associators of {SMS_Site.SiteCode="S99"}"#, .notFound, 1, 16),
        .fails("assoc-bad-path", "associators of {SMS_Site.=}", .invalidObjectPath, 1, 16),
    ]

    // MARK: Invalid queries the parser rejects (SyntaxErrors, WBEM_E_INVALID_SYNTAX)
    static let syntaxErrors: [WQLCase] = [
        .syntax("missing-from", "select * SMS_Site", 1, 10),
        .syntax("missing-from-before-where", "select SiteCode where SiteCode = 'S01'", 1, 17),
        .syntax("missing-class", "select * from", 1, 14),
        .syntax("alias-needs-as", "select SiteCode Code from SMS_Site", 1, 17),
        .syntax("typo-in-from", "select SiteName frm SMS_Site", 1, 17),
        .syntax("missing-select-list", "select from SMS_Site", 1, 8),
        .syntax("bad-operator-tilde", "select * from SMS_Site where SiteCode ~ 'S01'", 1, 39),
        .syntax("bad-operator-equal-less", "select * from SMS_Site where SiteCode =< 'S01'", 1, 40),
        .syntax("bad-operator-greater-less", "select * from SMS_Site where Type >< 1", 1, 36),
        .syntax("bad-operator-triple-equal", "select * from SMS_Site where SiteCode === 'S01'", 1, 41),
        .syntax("bad-operator-word", "select * from SMS_Site where SiteName contains 'HQ'", 1, 39),
        .syntax("is-with-number", "select * from SMS_Site where Type IS 5", 1, 38),
        .syntax("is-not-with-string", "select * from SMS_Site where SiteName IS NOT 'Contoso HQ'", 1, 46),
        .syntax("unterminated-string", "select * from SMS_Site where SiteCode = 'S01", 1, 41),
        .syntax("unterminated-string-multi-line", "select * from SMS_Site\nwhere SiteName = \"Contoso", 2, 18),
        .syntax("unclosed-parenthesis", "select * from SMS_Site where (Type = 1", 1, 30),
        .syntax("extra-parenthesis", "select * from SMS_Site where (Type = 1))", 1, 40),
        .syntax("unclosed-outer-parenthesis", "select * from SMS_Site where ((Type = 1) or (Type = 2)", 1, 30),
        .syntax("unclosed-in-list", "select * from SMS_Site where SiteCode in ('S01', 'S02'", 1, 42),
        .syntax("trailing-garbage", "select * from SMS_Site where SiteCode = 'S01' garbage", 1, 47),
        .syntax("trailing-word-after-alias", "select * from SMS_Site s t", 1, 26),
        .syntax("trailing-number-after-limit", "select SiteCode from SMS_Site order by SiteCode limit 1 2", 1, 57),
        .syntax("dangling-where", "select * from SMS_Site where", 1, 29),
        .syntax("dangling-and", "select * from SMS_Site where Type = 1 and", 1, 42),
        .syntax("and-without-left-operand", "select * from SMS_Site where and Type = 1", 1, 30),
        .syntax("or-or", "select * from SMS_Site where Type = 1 or or Type = 2", 1, 42),
        .syntax("order-without-by", "select * from SMS_Site order SiteCode", 1, 30),
        .syntax("in-without-parentheses", "select * from SMS_Site where SiteCode in 'S01'", 1, 42),
        .syntax("not-without-like-or-in", "select * from SMS_Site where SiteCode not 'S01'", 1, 39),
        .syntax("like-without-pattern", "select * from SMS_Site where Name like", 1, 39),
        .syntax("group-by", "select SiteName from SMS_Site group by SiteName", 1, 31),
        .syntax("group-by-after-where", "select SiteName from SMS_Site where Type = 1 group by SiteName", 1, 46),
        .syntax("having", "select * from SMS_Site having Type = 1", 1, 24),
        .syntax("cross-join-with-on", "select * from SMS_Site s cross join SMS_DistributionPoint dp on dp.SiteCode = s.SiteCode", 1, 62),
        .syntax("full-outer-without-join", "select * from SMS_Site s full outer SMS_DistributionPoint dp on dp.SiteCode = s.SiteCode", 1, 37),
        .syntax("join-without-on", "select * from SMS_Site s join SMS_DistributionPoint dp where dp.Status = 0", 1, 56),
        .syntax("bad-escape", #"select * from SMS_Site where SiteName = 'Contoso\q'"#, 1, 49),
        .syntax("bad-hex-escape", #"select * from SMS_Site where SiteName = "\x4""#, 1, 42),
        .syntax("multi-line-double-operator", "select SiteName\nfrom SMS_Site\nwhere SiteCode = = 'S01'", 3, 18),
        .syntax("assoc-operator-not-equal", #"associators of {SMS_Site.SiteCode="S01"} where ResultClass <> SMS_Package"#, 1, 60),
        .syntax("assoc-and-between-options", #"associators of {SMS_Site.SiteCode="S01"} where ResultClass = SMS_Package AND Role = Site"#, 1, 74),
        .syntax("assoc-missing-braces", #"associators of SMS_Site.SiteCode="S01""#, 1, 16),
        .syntax("assoc-unclosed-brace", #"associators of {SMS_Site.SiteCode="S01""#, 1, 16),
        .syntax("assoc-unknown-option", #"associators of {SMS_Site.SiteCode="S01"} where Colour = Red"#, 1, 48),
    ]

    /// Behaviours fixed after the first run of this table, each against its reference page.
    static let referenceFixes: [WQLCase] = [
        // where-clause.md: TRUE equals 1 and "TRUE"; booleans take only = and <>.
        .sorted("bool-equals-one", "select Name from SMS_R_System where Client = 1", ["PC-0001", "PC-0002"]),
        .sorted("bool-equals-zero", "select Name from SMS_R_System where Client = 0", ["SRV-0001"]),
        .sorted("bool-not-one", "select Name from SMS_R_System where Client != 1", ["SRV-0001"]),
        .sorted("bool-equals-string", #"select Name from SMS_R_System where Client = "TRUE""#, ["PC-0001", "PC-0002"]),
        .sorted("bool-equals-string-mixed-case", #"select Name from SMS_R_System where Client = "False""#, ["SRV-0001"]),
        .fails("bool-less-equal", "select Name from SMS_R_System where Client <= TRUE", .invalidQuery, 1, 37),
        .fails("bool-greater", "select Name from SMS_R_System where Client > FALSE", .invalidQuery, 1, 37),
        .syntax("ge-null", "select * from SMS_Site where Type >= null", 1, 35),
        // wql-supported-date-formats.md
        .values("date-long-month-first", "select Name from SMS_PackageBaseClass where SourceDate < 'January 1, 2026'", ["7-Zip 24.08"]),
        .values("date-short-month", "select Name from SMS_PackageBaseClass where SourceDate < 'Jan 1 2026'", ["7-Zip 24.08"]),
        .values("date-day-first", "select Name from SMS_PackageBaseClass where SourceDate < '1 January, 2026'", ["7-Zip 24.08"]),
        .values("date-year-first", "select Name from SMS_PackageBaseClass where SourceDate < '2026 January 1'", ["7-Zip 24.08"]),
        .values("date-month-year", "select Name from SMS_PackageBaseClass where SourceDate < 'January 2026'", ["7-Zip 24.08"]),
        .values("date-compact", "select Name from SMS_PackageBaseClass where SourceDate < '20260101'", ["7-Zip 24.08"]),
        .values("date-dots", "select Name from SMS_PackageBaseClass where SourceDate < '2026.01.01'", ["7-Zip 24.08"]),
        .values("date-slashes-year-first", "select Name from SMS_PackageBaseClass where SourceDate < '2026/01/01'", ["7-Zip 24.08"]),
        .values("date-us-dashes", "select Name from SMS_PackageBaseClass where SourceDate < '01-01-2026'", ["7-Zip 24.08"]),
        .values("date-two-digit-year", "select Name from SMS_PackageBaseClass where SourceDate < '1/1/26'", ["7-Zip 24.08"]),
        // constant on the left of an array property
        .sorted("constant-left-of-array", "select Name from SMS_R_System where '10.1.0.0' = IPSubnets", ["PC-0001", "SRV-0001"]),
        // select-statement-for-data-queries.md: embedded paths, null and invalid ones match nothing
        .values("embedded-path", "select CollectionID from SMS_Collection where PrimaryRule.RuleName = 'Pilot'", ["S0100012"]),
        .values("embedded-invalid-path", "select CollectionID from SMS_Collection where PrimaryRule is not null and PrimaryRule.Invalid = 1", []),
        // unknown names are errors even when no row is evaluated
        .fails("unknown-after-false-and", "select * from SMS_Site where Type = 99 and Colour = 1", .invalidQuery, 1, 44),
        .fails("unknown-on-empty-class", "select * from SMS_CollectionRuleQuery where Colour = 1", .invalidQuery, 1, 45),
        .fails("unknown-in-order-by", "select RuleName from SMS_CollectionRuleQuery order by Colour", .invalidQuery, 1, 55),
        .fails("unknown-after-index-miss", "select * from SMS_Package where Manufacturer = 'Nobody' and Colour = 1", .invalidQuery, 1, 61),
        .fails("unknown-qualified-where", "select * from SMS_Site s where s.Colour = 1", .invalidQuery, 1, 32),
        .fails("ambiguous-join-column", "select Name from SMS_R_System s join SMS_G_System_OPERATING_SYSTEM o on o.ResourceID = s.ResourceId where ResourceID = 1", .invalidQuery, 1, 111),
        // associators-of-statement.md / references-of-statement.md
        .syntax("classdefsonly-with-resultclass", #"associators of {SMS_Site.SiteCode="S01"} where ClassDefsOnly ResultClass = SMS_Package"#, 1, 62),
        .syntax("references-resultrole", #"references of {SMS_Site.SiteCode="S01"} where ResultRole = Package"#, 1, 47),
        // extended-wmi-query-language.md
        .syntax("distinct-count", "select distinct count(*) from SMS_Site", 1, 1),
        .sorted("substring", "select Name from SMS_R_System where SUBSTRING(Name, 1, 2) = 'PC'", ["PC-0001", "PC-0002"]),
        .values("datepart", "select Name from SMS_R_System where DatePart(yy, LastLogonTimestamp) = 2026 and DatePart(mm, LastLogonTimestamp) = 11", ["PC-0001"]),
        .values("datediff-months", "select Name from SMS_R_System where DateDiff(mm, LastLogonTimestamp, GetDate()) >= 3", ["PC-0002"]),
        // querying-with-wql.md: keywords are reserved
        .syntax("keyword-as-class", "select * from where Type = 1", 1, 15),
    ]

    static let all: [WQLCase] = select + strings + numbers + dates + nulls + logic + like + membership + arrays + isa + joins
        + shaping + functions + spelling + associations + runtimeErrors + syntaxErrors + referenceFixes

    // MARK: - Running a case

    static func check(_ c: WQLCase) throws {
        let repository = try WQLFixture.repository()
        switch c.outcome {
        case .syntax(let line, let column):
            do {
                _ = try Parser.parse(c.query, fileName: "wql.cmsh")
                Issue.record("\(c.id): parsed; expected a syntax error at \(line):\(column)")
            } catch {
                let first = error.diagnostics.first
                #expect(first?.status == .invalidSyntax, "\(c.id): \(error)")
                #expect(first?.kind != .runtime, "\(c.id): \(error)")
                #expect(first.map { [$0.location.line, $0.location.column] } == [line, column], "\(c.id): \(error)")
            }
        case .error(let status, let line, let column):
            let (outcome, _, _) = try TestSite.run(c.query, repository: repository)
            guard case .failed(let d) = outcome else {
                Issue.record("\(c.id): ran without error (\(outcome)); expected \(status) at \(line):\(column)")
                return
            }
            #expect(d.kind == .runtime, "\(c.id): \(d)")
            #expect(d.status == status, "\(c.id): \(d)")
            #expect([d.location.line, d.location.column] == [line, column], "\(c.id): \(d)")
        case .rows(let expected), .ordered(let expected):
            let rs = try results(c, repository)
            let actual = rs.rows.map { row in (row.fields ?? []).map { $0.value.displayText } }
            if case .ordered = c.outcome {
                #expect(actual == expected, "\(c.id)")
            } else {
                #expect(unordered(actual) == unordered(expected), "\(c.id)")
            }
            if let columns = c.columns { #expect(rs.columns == columns, "\(c.id)") }
        case .paths(let expected):
            let rs = try results(c, repository)
            #expect(rs.rows.map(\.displayText).sorted() == expected.sorted(), "\(c.id)")
        }
    }

    private static func results(_ c: WQLCase, _ repository: CIMRepository) throws -> ResultSet {
        let values = try TestSite.values(c.query, repository: repository)
        guard values.count == 1, case .rows(let rs) = values[0] else {
            Issue.record("\(c.id): expected one result set, got \(values.map(\.kindDescription))")
            return ResultSet(className: nil, columns: [], rows: [])
        }
        return rs
    }

    private static func unordered(_ rows: [[String]]) -> [[String]] {
        rows.sorted { $0.joined(separator: "\u{1F}") < $1.joined(separator: "\u{1F}") }
    }
}

@Suite struct WQLTableTests {
    @Test(arguments: WQLTable.select) func select(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.strings) func stringComparisons(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.numbers) func numbersAndBooleans(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.dates) func datetimes(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.nulls) func nulls(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.logic) func andOrNot(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.like) func like(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.membership) func inLists(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.arrays) func arrays(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.isa) func isa(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.joins) func joins(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.shaping) func orderDistinctCountLimit(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.functions) func functions(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.spelling) func spellingAndLayout(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.associations) func associations(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.runtimeErrors) func runtimeErrors(_ c: WQLCase) throws { try WQLTable.check(c) }
    @Test(arguments: WQLTable.syntaxErrors) func syntaxErrors(_ c: WQLCase) throws { try WQLTable.check(c) }

    @Test func tableSize() {
        #expect(WQLTable.all.count >= 150)
        #expect(Set(WQLTable.all.map(\.id)).count == WQLTable.all.count, "case ids are unique")
    }
}
