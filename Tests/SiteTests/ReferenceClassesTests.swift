// The reference classes of the demo site — SMS_TaskSequencePackageReference, SMS_ObjectContentExtraInfo and
// SMS_CIAllCategories: their properties and keys as the SDK pages give them, a realistic query each with the rows
// worked out from the demo data they derive from (packages, summarizer rows, the items' categories), and how they
// follow changes. Expected rows are computed from those sources here, never copied from a run.
import CIM
import Script
import Testing
@testable import Site

/// One reference class: its SDK properties (name → type), keys, a query, and how to work out the query's rows.
struct ReferenceClassCase: Sendable, CustomTestStringConvertible {
    let className: String
    let properties: [String: String]
    let keys: Set<String>
    let query: String
    let expected: @Sendable (SiteSession) throws -> [[String]]
    var testDescription: String { className }
}

/// What the demo data says, read from the classes the reference rows are made from.
enum ReferenceSources {
    /// Every package by PackageID, with the columns the reference classes repeat.
    static func packages(_ s: SiteSession) throws -> [String: [String: String]] {
        let columns = ["PackageID", "Name", "Description", "PackageType", "SourceVersion", "SourceSite", "PackageSize", "SourceDate"]
        let rows = try s.rows("select \(columns.joined(separator: ", ")) from SMS_PackageBaseclass")
        return Dictionary(uniqueKeysWithValues: rows.map { r in (r[0], Dictionary(uniqueKeysWithValues: zip(columns, r))) })
    }

    /// A configuration item's categories as it names them: (unique ID, localized name) in order.
    static func categories(of item: CIMInstance) -> [(id: String, name: String)] {
        let ids = item["CategoryInstance_UniqueIDs"]?.arrayValue?.elements.compactMap(\.stringValue) ?? []
        let names = item["LocalizedCategoryInstanceNames"]?.arrayValue?.elements.compactMap(\.stringValue) ?? []
        #expect(ids.count == names.count, "\(item.path): one name per category")
        return zip(ids, names).map { ($0, $1) }
    }

    /// The demo's software updates and applications, the configuration items that name categories.
    static func items(_ s: SiteSession) throws -> [CIMInstance] {
        try s.site.repository.instances(of: "SMS_SoftwareUpdate") + s.site.repository.instances(of: "SMS_Application")
    }

    /// Rows of a query with their columns by name (joined queries name them alias.Property).
    static func namedRows(_ s: SiteSession, _ query: String) throws -> [[String: String]] {
        guard case .rows(let rs)? = try s.run(query) else { return [] }
        return rs.rows.map { row in
            Dictionary((row.fields ?? []).map { ($0.name, $0.value.displayText) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Microsoft Update's categories the demo's updates use, with their names (checked against public lists of
    /// WSUS products and classifications).
    static let microsoftUpdateCategories: [String: String] = [
        "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441": "Security Updates",
        "UpdateClassification:cd5ffd1e-e932-4e3a-bf74-18bf0b1bbd83": "Updates",
        "UpdateClassification:3689bdc8-b205-4af4-8d4a-a63924c5e9d5": "Upgrades",
        "Product:72e7624a-5b00-45d2-b92f-e561c0a6a160": "Windows 11",
        "Product:b3c75dc1-155f-4be4-b015-3f1a91758e52": "Windows 10, version 1903 and later",
        "Product:71718f13-7324-4b0f-8f9e-2ca9dc978e53": "Microsoft Server operating system-21H2",
        "Product:f702a48c-919b-45d6-9aef-ca4248d50397": "Windows Server 2019",
        "Product:30eb551c-6288-4716-9a78-f300ec36d72b": "Office 365 Client",
    ]
}

@Suite struct ReferenceClassesTests {
    static let classes: [ReferenceClassCase] = [
        .init(className: "SMS_TaskSequencePackageReference",
              properties: ["Description": "string", "ObjectID": "string", "ObjectName": "string", "ObjectType": "uint32",
                           "PackageID": "string", "Version": "string",
                           // Not on the SDK page; on SMS_TaskSequencePackageReference_All's, and read by scripts.
                           "RefPackageID": "string"],
              keys: ["ObjectID", "PackageID"],
              // Which task sequences use a package (public scripts: "... where RefPackageID = '$pkid'").
              query: "select PackageID, ObjectID, ObjectName, ObjectType, Description from SMS_TaskSequencePackageReference where RefPackageID = 'PKG00001'") { s in
            let packages = try ReferenceSources.packages(s)
            let driver = try #require(packages["PKG00001"])
            // The task sequences that reference it, as each task sequence's reference list (keys only) says.
            let users = try s.rows("select PackageID from SMS_TaskSequencePackageReference where ObjectID = 'PKG00001'").map { $0[0] }
            #expect(users.count == 2, "the bare-metal and the upgrade task sequences use the Dell drivers")
            return users.map { [$0, "PKG00001", driver["Name"]!, driver["PackageType"]!, driver["Description"]!] }
        },
        .init(className: "SMS_ObjectContentExtraInfo",
              properties: ["DateCreated": "datetime", "Description": "string", "FeatureType": "uint32", "LastUpdateDate": "datetime",
                           "NumberErrors": "uint32", "NumberInProgress": "uint32", "NumberSuccess": "uint32", "NumberUnknown": "uint32",
                           "ObjectID": "string", "ObjectType": "uint32", "ObjectTypeID": "uint32", "PackageID": "string",
                           "SoftwareName": "string", "SourceSite": "string", "SourceSize": "uint32", "SourceVersion": "uint32",
                           "Targeted": "uint32"],
              keys: ["ObjectID"],
              query: "SELECT ObjectID, PackageID, SoftwareName, ObjectType, SourceVersion, SourceSite, SourceSize, Targeted, NumberSuccess, NumberInProgress, NumberErrors FROM SMS_ObjectContentExtraInfo") { s in
            // One row per package; the counts are those of its summarizer rows (State 0 installed, 3 and 6 failed).
            var states: [String: [Int]] = [:]
            for r in try s.rows("select PackageID, State from SMS_PackageStatusDistPointsSummarizer") { states[r[0], default: []].append(Int(r[1])!) }
            return try ReferenceSources.packages(s).values.map { p in
                let st = states[p["PackageID"]!] ?? []
                let success = st.count { $0 == 0 }, errors = st.count { $0 == 3 || $0 == 6 }
                return [p["PackageID"]!, p["PackageID"]!, p["Name"]!, p["PackageType"]!, p["SourceVersion"]!, p["SourceSite"]!,
                        p["PackageSize"]!, String(st.count), String(success), String(st.count - success - errors), String(errors)]
            }
        },
        .init(className: "SMS_CIAllCategories",
              properties: ["CategoryInstanceID": "uint32", "CategoryInstance_UniqueID": "string", "CategoryTypeName": "string",
                           "CI_ID": "uint32", "CI_UniqueID": "string", "LocalizedCategoryInstanceName": "string",
                           "LocalizedPropertyLocaleID": "uint32", "ModelName": "string", "ObjectTypeID": "uint32"],
              keys: ["CategoryInstanceID", "CI_ID"],
              query: "select CI_ID, CI_UniqueID, CategoryInstance_UniqueID, CategoryTypeName, LocalizedCategoryInstanceName from SMS_CIAllCategories") { s in
            try ReferenceSources.items(s).flatMap { item in
                ReferenceSources.categories(of: item).map { c in
                    [item["CI_ID"]!.displayText, item["CI_UniqueID"]!.displayText, c.id, String(c.id.prefix { $0 != ":" }), c.name]
                }
            }
        },
    ]

    @Test(arguments: classes) func theClassHasTheSDKsPropertiesAndTheRowsTheDemoDataGives(_ c: ReferenceClassCase) throws {
        let s = try SiteSession()
        let cls = try #require(s.site.repository.cimClass(named: CIMName(c.className)))
        #expect(Dictionary(uniqueKeysWithValues: cls.properties.map { ($0.name.string, $0.type.description) }) == c.properties)
        #expect(Set(cls.keyProperties.map(\.name.string)) == c.keys)
        let actual = try s.rows(c.query)
        let expected = try c.expected(s)
        #expect(!actual.isEmpty, "\(c.query) returns rows")
        #expect(actual.map { $0.joined(separator: "|") }.sorted() == expected.map { $0.joined(separator: "|") }.sorted(), "\(c.query)")
    }

    // MARK: - SMS_TaskSequencePackageReference

    @Test func eachTaskSequenceHasItsReferencesCountOfExistingPackagesItsBootImageAmongThem() throws {
        let s = try SiteSession()
        let packages = try ReferenceSources.packages(s)
        let sequences = try s.rows("select PackageID, ReferencesCount, BootImageID from SMS_TaskSequencePackage")
        #expect(sequences.count == 3)
        for ts in sequences {
            let refs = try s.rows("select ObjectID, RefPackageID, ObjectName, ObjectType from SMS_TaskSequencePackageReference where PackageID = '\(ts[0])'")
            #expect(String(refs.count) == ts[1], "\(ts[0]): one row per reference, ReferencesCount of them")
            for r in refs {
                let package = try #require(packages[r[0]], "\(ts[0]) refers to \(r[0]), which exists")
                #expect(r[1] == r[0] && r[2] == package["Name"] && r[3] == package["PackageType"], "\(ts[0]) → \(r[0])")
                #expect(package["PackageType"] != "4", "a task sequence refers to content, not to another task sequence here")
            }
            if !ts[2].isEmpty { #expect(refs.contains { $0[0] == ts[2] }, "\(ts[0]) refers to its boot image \(ts[2])") }
        }
    }

    @Test func referencesFollowTheirPackages() throws {
        let s = try SiteSession()
        let before = try #require(Int(try s.rows("select count(*) from SMS_TaskSequencePackageReference")[0][0]))
        let upgradeReferences = try s.rows("select ObjectID from SMS_TaskSequencePackageReference where PackageID = 'S0100018'").count
        try s.run(#"update SMS_Package("S0100004") set Name = "7-Zip 24.09 (x64)""#)
        #expect(try s.rows("select ObjectName from SMS_TaskSequencePackageReference where ObjectID = 'S0100004'") == [["7-Zip 24.09 (x64)"]])
        // A referenced package deleted: the task sequence still names it, and is flagged DANGLING_REF (bit 0).
        try s.run(#"delete from SMS_Package where PackageID = "S0100005""#)
        #expect(try s.rows("select PackageID from SMS_TaskSequencePackageReference where ObjectID = 'S0100005'") == [["S0100019"]])
        #expect(try s.rows("select PackageID, TaskSequenceFlags from SMS_TaskSequencePackage where TaskSequenceFlags <> 0") == [["S0100019", "1"]])
        // A task sequence deleted: its references go with it.
        try s.run(#"delete from SMS_TaskSequencePackage where PackageID = "S0100018""#)
        #expect(try s.rows("select ObjectID from SMS_TaskSequencePackageReference where PackageID = 'S0100018'").isEmpty)
        #expect(try s.rows("select count(*) from SMS_TaskSequencePackageReference") == [[String(before - upgradeReferences)]])
    }

    @Test func theHealthCheckQueryListsTheBareMetalSequencesContent() throws {
        // https://github.com/dotraphael/HealthCheckToolkit_Community/blob/HEAD/CollectData.ps1 ($PackageID→S0100017)
        let s = try SiteSession()
        let rows = try ReferenceSources.namedRows(s, "SELECT ts.*, content.* FROM SMS_ObjectContentExtraInfo content INNER JOIN SMS_TaskSequencePackageReference tspr ON tspr.RefPackageID = content.PackageID INNER JOIN SMS_TaskSequencePackage ts on ts.PackageID = tspr.PackageID where ts.PackageID = 'S0100017'")
        let declared = try s.rows("select ReferencesCount from SMS_TaskSequencePackage where PackageID = 'S0100017'")
        let references = try s.rows("select ObjectID from SMS_TaskSequencePackageReference where PackageID = 'S0100017'").map { $0[0] }
        #expect(String(rows.count) == declared.first?.first)
        #expect(rows.compactMap { $0["content.ObjectID"] }.sorted() == references.sorted())
        #expect(rows.allSatisfy { $0["ts.PackageID"] == "S0100017" && $0["ts.Name"] == "Windows 11 24H2 Enterprise x64 - Bare Metal" })
        let packages = try ReferenceSources.packages(s)
        for row in rows {
            let id = try #require(row["content.ObjectID"])
            #expect(row["content.SoftwareName"] == packages[id]?["Name"] && row["content.SourceVersion"] == packages[id]?["SourceVersion"], "\(id)")
        }
    }

    // MARK: - SMS_ObjectContentExtraInfo

    @Test func extraInfoAgreesWithObjectContentInfoWhereBothHaveARow() throws {
        let s = try SiteSession()
        func agree(_ context: String) throws {
            let distributed = try ReferenceSources.namedRows(s, "select * from SMS_ObjectContentInfo")
            #expect(!distributed.isEmpty)
            let extra = try ReferenceSources.namedRows(s, "select * from SMS_ObjectContentExtraInfo")
            let byID = Dictionary(uniqueKeysWithValues: extra.map { ($0["ObjectID"]!, $0) })
            for row in distributed { #expect(byID[row["ObjectID"]!] == row, "\(row["ObjectID"]!), \(context)") }
            #expect(Set(byID.keys) == Set(try ReferenceSources.packages(s).keys), "one row per package, \(context)")
        }
        try agree("as built")
        // Distribute, refresh and make a package: every change keeps them together.
        #expect(try s.invoke(#"invoke SMS_Package("S0100002").AddDistributionPoints(["S01"], [nal("dp1", "S01")])"#).0 == 0)
        try agree("distribution requested")
        s.advance(31)
        try agree("distributed")
        #expect(try s.invoke(#"invoke SMS_Package("S0100003").RefreshPkgSource()"#).0 == 0)
        #expect(try s.rows("select SourceVersion from SMS_ObjectContentExtraInfo where ObjectID = 'S0100003'")
                == s.rows("select SourceVersion from SMS_Package where PackageID = 'S0100003'"))
        try agree("refreshed")
        try s.run(#"new SMS_Package { Name = "Contoso Tools" }"#)
        #expect(try s.rows("select Targeted, NumberSuccess, FeatureType from SMS_ObjectContentExtraInfo where SoftwareName = 'Contoso Tools'") == [["0", "0", "8"]])
        try agree("a package made")
        try s.run(#"delete from SMS_Package where PackageID = "S0100001""#)
        #expect(try s.rows("select ObjectID from SMS_ObjectContentExtraInfo where ObjectID = 'S0100001'").isEmpty)
        try agree("a distributed package deleted")
    }

    // MARK: - SMS_CIAllCategories

    @Test func everyUpdateHasAClassificationAndProductsMicrosoftUpdateKnows() throws {
        let s = try SiteSession()
        let updates = try s.site.repository.instances(of: "SMS_SoftwareUpdate")
        #expect(updates.count >= 2)
        var used = Set<String>()
        for update in updates {
            let categories = ReferenceSources.categories(of: update)
            #expect(categories.count { $0.id.hasPrefix("UpdateClassification:") } == 1, "\(update.path)")
            #expect(categories.contains { $0.id.hasPrefix("Product:") }, "\(update.path)")
            for c in categories {
                #expect(ReferenceSources.microsoftUpdateCategories[c.id] == c.name, "\(update.path): \(c.id) is \(c.name)")
                used.insert(c.id)
            }
        }
        // The console lists Upgrades and Office 365 Client apart: the demo has some of each, and others.
        #expect(used.contains("UpdateClassification:3689bdc8-b205-4af4-8d4a-a63924c5e9d5"))
        #expect(used.contains("Product:30eb551c-6288-4716-9a78-f300ec36d72b"))
    }

    @Test func aCategoryHasOneSiteIDAndItemsOfOneKind() throws {
        let s = try SiteSession()
        let rows = try s.rows("select CategoryInstance_UniqueID, CategoryInstanceID, CategoryTypeName, CI_ID, ObjectTypeID, LocalizedPropertyLocaleID from SMS_CIAllCategories")
        let ids = Dictionary(grouping: rows, by: { $0[0].lowercased() }).mapValues { Set($0.map { $0[1] }) }
        #expect(ids.values.allSatisfy { $0.count == 1 }, "one CategoryInstanceID per category")
        #expect(Set(ids.values.map { $0.first! }).count == ids.count, "a CategoryInstanceID per category")
        let apps = Set(try s.rows("select CI_ID from SMS_Application").map { $0[0] })
        for r in rows {
            #expect(r[0].hasPrefix(r[2] + ":"), "typed by its prefix: \(r[0])")
            #expect(r[4] == (apps.contains(r[3]) ? "31" : ""), "ObjectTypeID of \(r[3])")
            #expect(r[5] == "1033")
        }
        // All items of a category (the SDK's other use of the class): the two collaboration applications.
        let collaboration = try s.rows("""
            select a.LocalizedDisplayName from SMS_Application a join SMS_CIAllCategories c on c.CI_ID = a.CI_ID
            where c.LocalizedCategoryInstanceName = 'Collaboration' order by a.LocalizedDisplayName
            """)
        #expect(collaboration == [["Microsoft Teams"], ["Zoom Workplace"]])
    }

    @Test func allSoftwareUpdatesLeavesOutUpgradesAndOffice365() throws {
        // The console's All Software Updates node: every update but the Upgrades classification and the Office 365
        // Client product (https://github.com/dotraphael/HealthCheckToolkit_Community/blob/HEAD/CollectData.ps1).
        let s = try SiteSession()
        let upgrades = "UpdateClassification:3689bdc8-b205-4af4-8d4a-a63924c5e9d5", office = "Product:30eb551c-6288-4716-9a78-f300ec36d72b"
        let rows = try ReferenceSources.namedRows(s, "SELECT ci.* FROM SMS_SoftwareUpdate ci WHERE ci.CI_ID NOT IN ( SELECT CI_ID FROM SMS_CIAllCategories WHERE CategoryInstance_UniqueID='\(upgrades)') AND ci.CI_ID NOT IN (SELECT CI_ID FROM SMS_CIAllCategories WHERE CategoryInstance_UniqueID='\(office)') ORDER BY DateRevised DESC")
        let updates = try s.site.repository.instances(of: "SMS_SoftwareUpdate")
        let kept = updates.filter { u in !ReferenceSources.categories(of: u).contains { $0.id == upgrades || $0.id == office } }
        #expect(kept.count < updates.count, "some updates are left out")
        #expect(Set(rows.compactMap { $0["ci.CI_ID"] ?? $0["CI_ID"] }) == Set(kept.map { $0["CI_ID"]!.displayText }))
        #expect(rows.count == kept.count)
        let revised = rows.compactMap { $0["ci.DateRevised"] ?? $0["DateRevised"] }
        #expect(revised.count == rows.count && revised == revised.sorted(by: >), "newest first")
    }
}
