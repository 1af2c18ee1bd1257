// Collections: rules in, members out — query, direct, include and exclude rules, limiting collections,
// refresh, circular dependencies refused, ValidateQuery, and the membership classes kept in step.
import CIM
import Script
import Testing
@testable import Site

/// A site with eight systems whose membership anyone can work out by eye, and the built-in All Systems.
struct CollectionSite {
    let session: SiteSession

    static let systems: [(id: Int, name: String, ou: String, os: String, client: Int)] = [
        (16777220, "HQ-PC1", "CONTOSO.COM/WORKSTATIONS/HQ", "Microsoft Windows NT Workstation 10.0", 1),
        (16777221, "HQ-PC2", "CONTOSO.COM/WORKSTATIONS/HQ", "Microsoft Windows NT Workstation 10.0", 1),
        (16777222, "BR-PC1", "CONTOSO.COM/WORKSTATIONS/BRANCH", "Microsoft Windows NT Workstation 10.0", 1),
        (16777223, "BR-PC2", "CONTOSO.COM/WORKSTATIONS/BRANCH", "Microsoft Windows NT Workstation 10.0", 0),
        (16777224, "SRV-SQL1", "CONTOSO.COM/SERVERS", "Microsoft Windows NT Server 10.0", 1),
        (16777225, "SRV-FS1", "CONTOSO.COM/SERVERS", "Microsoft Windows NT Server 10.0", 1),
        (16777226, "KIOSK-1", "CONTOSO.COM/WORKSTATIONS/KIOSK", "Microsoft Windows NT Workstation 10.0", 1),
        (16777227, "LAB-PC1", "CONTOSO.COM/LAB", "Microsoft Windows NT Workstation 10.0", 1),
    ]

    static func systemMOF(_ s: (id: Int, name: String, ou: String, os: String, client: Int)) -> String {
        """
        instance of SMS_R_System { ResourceID = \(s.id); Name = "\(s.name)"; NetbiosName = "\(s.name)"; Client = \(s.client);
            ClientType = 1; Active = 1; Obsolete = 0; ResourceDomainORWorkgroup = "CONTOSO";
            OperatingSystemNameandVersion = "\(s.os)"; SystemOUName = {"\(s.ou)"}; SMSAssignedSites = {"S01"}; };

        """
    }

    init() throws {
        let site = try SimulatedSite(siteCode: "S01", clock: SiteClock(fixedAt: SiteSession.start))
        let mof = Self.systems.map(Self.systemMOF).joined() + """
            instance of SMS_Collection { CollectionID = "SMS00001"; Name = "All Systems"; IsBuiltIn = TRUE;
                CollectionRules = { instance of SMS_CollectionRuleQuery { QueryID = 1; RuleName = "All Systems";
                                                                         QueryExpression = "select * from SMS_R_System"; } }; };
            """
        _ = try MOFCompiler.compile(mof, fileName: "collections-test.mof", into: site.repository)
        try site.refreshCollections()
        session = try SiteSession(site: site)
    }

    /// Member names of a collection, sorted, from SMS_FullCollectionMembership.
    func members(_ id: String) throws -> [String] {
        try session.rows("select Name from SMS_FullCollectionMembership where CollectionID = '\(id)' order by Name").map { $0[0] }
    }

    func memberCount(_ id: String) throws -> Int {
        Int(try session.rows("select MemberCount from SMS_Collection where CollectionID = '\(id)'")[0][0]) ?? -1
    }

    /// Creates a collection limited to `limit` and returns its generated ID.
    func create(_ name: String, limit: String = "SMS00001") throws -> String {
        try session.run("$c = new SMS_Collection { Name = \"\(name)\", LimitToCollectionID = \"\(limit)\" }")
        return try session.rows("select CollectionID from SMS_Collection where Name = '\(name)'")[0][0]
    }

    func addQuery(_ id: String, _ name: String, _ query: String) throws -> (Int128, String?) {
        try session.invoke(#"invoke SMS_Collection("\#(id)").AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "\#(name)", QueryExpression = "\#(query)" })"#)
    }

    func addRule(_ id: String, _ rule: String) throws -> (Int128, String?) {
        try session.invoke(#"invoke SMS_Collection("\#(id)").AddMembershipRule(new \#(rule))"#)
    }
}

@Suite struct CollectionTests {
    @Test func builtInAllSystemsHoldsEverySystem() throws {
        let site = try CollectionSite()
        #expect(try site.members("SMS00001") == CollectionSite.systems.map(\.name).sorted())
        #expect(try site.memberCount("SMS00001") == 8)
        // The association carries the same members, with references to both ends.
        let links = try site.session.rows("select ResourceID from SMS_CollectionMember_a where CollectionID = 'SMS00001' order by ResourceID")
        #expect(links.map { $0[0] } == CollectionSite.systems.map { String($0.id) })
        #expect(try site.session.rows(#"select count(*) from SMS_FullCollectionMembership where CollectionID = "SMS00001" and IsDirect = false and IsClient = true"#) == [["7"]])
    }

    @Test func aDynamicCollectionListsWhatItsQuerySelectsAndFollowsARefresh() throws {
        let site = try CollectionSite()
        let id = try site.create("Servers")
        #expect(id == "S0100001")  // the site code and five hex digits, as ConfigMgr numbers them
        #expect(try site.session.rows("select LimitToCollectionName, MemberCount from SMS_Collection where CollectionID = '\(id)'") == [["All Systems", "0"]])
        let (rv, note) = try site.addQuery(id, "Server OU", #"select SMS_R_System.ResourceID from SMS_R_System where SMS_R_System.SystemOUName like \"%/SERVERS\""#)
        #expect(rv == 0, "\(note ?? "")")
        #expect(try site.members(id) == ["SRV-FS1", "SRV-SQL1"])
        #expect(try site.memberCount(id) == 2)

        // A new server is discovered: members follow once the limiting collection and this one are refreshed.
        try site.session.run(#"new SMS_R_System { ResourceID = 16777230, Name = "SRV-WEB1", Client = 1, ClientType = 1, SystemOUName = ["CONTOSO.COM/SERVERS"] }"#)
        #expect(try site.members(id) == ["SRV-FS1", "SRV-SQL1"])
        #expect(try site.session.invoke(#"invoke SMS_Collection("SMS00001").RequestRefresh()"#).0 == 0)
        #expect(try site.members(id) == ["SRV-FS1", "SRV-SQL1", "SRV-WEB1"])  // dependents are re-evaluated too
        #expect(try site.memberCount(id) == 3)
        #expect(try site.session.invoke(#"invoke SMS_Collection("\#(id)").RequestRefresh()"#).0 == 0)
        #expect(try site.members(id) == ["SRV-FS1", "SRV-SQL1", "SRV-WEB1"])
    }

    @Test func queryIDsNumberTheRulesAndDeleteFindsThem() throws {
        let site = try CollectionSite()
        let id = try site.create("Mixed")
        guard case .record(let first)? = try site.session.run(#"invoke SMS_Collection("\#(id)").AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "HQ", QueryExpression = "select * from SMS_R_System where SystemOUName like '%/HQ'" })"#),
              case .record(let second)? = try site.session.run(#"invoke SMS_Collection("\#(id)").AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "Lab", QueryExpression = "select * from SMS_R_System where Name like 'LAB%'" })"#) else {
            Issue.record("no results"); return
        }
        #expect(first["QueryID"]?.displayText == "1")
        #expect(second["QueryID"]?.displayText == "2")
        #expect(try site.members(id) == ["HQ-PC1", "HQ-PC2", "LAB-PC1"])
        #expect(try site.session.invoke(#"invoke SMS_Collection("\#(id)").DeleteMembershipRule(new SMS_CollectionRuleQuery { QueryID = 1 })"#).0 == 0)
        #expect(try site.members(id) == ["LAB-PC1"])
        let (rv, note) = try site.session.invoke(#"invoke SMS_Collection("\#(id)").DeleteMembershipRule(new SMS_CollectionRuleQuery { QueryID = 1 })"#)
        #expect(rv != 0)
        #expect(note?.contains("has no such rule") == true)
        #expect(note?.contains("WBEM_E_NOT_FOUND") == true)
    }

    @Test func directRulesAddOneResourceEach() throws {
        let site = try CollectionSite()
        let id = try site.create("Pilot")
        #expect(try site.addRule(id, #"SMS_CollectionRuleDirect { ResourceClassName = "SMS_R_System", ResourceID = 16777227, RuleName = "LAB-PC1" }"#).0 == 0)
        #expect(try site.members(id) == ["LAB-PC1"])
        #expect(try site.session.rows("select IsDirect from SMS_FullCollectionMembership where CollectionID = '\(id)'") == [["true"]])
        let duplicate = try site.addRule(id, #"SMS_CollectionRuleDirect { ResourceClassName = "SMS_R_System", ResourceID = 16777227 }"#)
        #expect(duplicate.0 != 0 && duplicate.1?.contains("already has a direct rule") == true)
        let missing = try site.addRule(id, #"SMS_CollectionRuleDirect { ResourceClassName = "SMS_R_System", ResourceID = 99 }"#)
        #expect(missing.0 != 0 && missing.1?.contains("no resource has ResourceID 99") == true)
        #expect(try site.session.invoke(#"invoke SMS_Collection("\#(id)").DeleteMembershipRule(new SMS_CollectionRuleDirect { ResourceID = 16777227 })"#).0 == 0)
        #expect(try site.members(id).isEmpty)
        #expect(try site.memberCount(id) == 0)
    }

    @Test func includeExcludeAndLimitingCompose() throws {
        let site = try CollectionSite()
        let hq = try site.create("HQ")
        _ = try site.addQuery(hq, "HQ OU", "select * from SMS_R_System where SystemOUName like '%/HQ'")
        let servers = try site.create("Servers")
        _ = try site.addQuery(servers, "Server OS", "select * from SMS_R_System where OperatingSystemNameandVersion like '%Server%'")
        let exceptions = try site.create("Exceptions")
        _ = try site.addRule(exceptions, "SMS_CollectionRuleDirect { ResourceID = 16777224 }")
        let clients = try site.create("Clients")
        _ = try site.addQuery(clients, "Clients", "select * from SMS_R_System where Client = 1")

        // (HQ ∪ Servers) − Exceptions, limited to Clients.
        let patch = try site.create("Patch ring 1", limit: clients)
        #expect(try site.addRule(patch, #"SMS_CollectionRuleIncludeCollection { IncludeCollectionID = "\#(hq)" }"#).0 == 0)
        #expect(try site.addRule(patch, #"SMS_CollectionRuleIncludeCollection { IncludeCollectionID = "\#(servers)" }"#).0 == 0)
        #expect(try site.members(patch) == ["HQ-PC1", "HQ-PC2", "SRV-FS1", "SRV-SQL1"])
        #expect(try site.addRule(patch, #"SMS_CollectionRuleExcludeCollection { ExcludeCollectionID = "\#(exceptions)" }"#).0 == 0)
        #expect(try site.members(patch) == ["HQ-PC1", "HQ-PC2", "SRV-FS1"])
        // A direct rule inside the collection is still cut by the limit: BR-PC2 has no client.
        #expect(try site.addRule(patch, "SMS_CollectionRuleDirect { ResourceID = 16777223 }").0 == 0)
        #expect(try site.members(patch) == ["HQ-PC1", "HQ-PC2", "SRV-FS1"])
        #expect(try site.session.rows("select IncludeExcludeCollectionsCount from SMS_Collection where CollectionID = '\(patch)'") == [["3"]])

        // Changing an included collection's rules re-evaluates the collections that read it.
        #expect(try site.session.invoke(#"invoke SMS_Collection("\#(hq)").AddMembershipRule(new SMS_CollectionRuleDirect { ResourceID = 16777222 })"#).0 == 0)
        #expect(try site.members(patch) == ["BR-PC1", "HQ-PC1", "HQ-PC2", "SRV-FS1"])
        // So does changing the limit (BR-PC2 now passes).
        try site.session.run(#"update SMS_Collection("\#(patch)") set LimitToCollectionID = "SMS00001""#)
        #expect(try site.members(patch) == ["BR-PC1", "BR-PC2", "HQ-PC1", "HQ-PC2", "SRV-FS1"])
        #expect(try site.session.rows("select LimitToCollectionName from SMS_Collection where CollectionID = '\(patch)'") == [["All Systems"]])
    }

    @Test func circularDependenciesAreRefused() throws {
        let site = try CollectionSite()
        let a = try site.create("A"), b = try site.create("B"), c = try site.create("C")
        #expect(try site.addRule(a, #"SMS_CollectionRuleIncludeCollection { IncludeCollectionID = "\#(b)" }"#).0 == 0)
        #expect(try site.addRule(b, #"SMS_CollectionRuleExcludeCollection { ExcludeCollectionID = "\#(c)" }"#).0 == 0)
        let (rv, note) = try site.addRule(c, #"SMS_CollectionRuleIncludeCollection { IncludeCollectionID = "\#(a)" }"#)
        #expect(rv != 0)
        #expect(note?.contains("circular dependency") == true)
        #expect(try site.session.rows("select IncludeExcludeCollectionsCount from SMS_Collection where CollectionID = '\(c)'") == [["0"]])
        let itself = try site.addRule(a, #"SMS_CollectionRuleIncludeCollection { IncludeCollectionID = "\#(a)" }"#)
        #expect(itself.0 != 0 && itself.1?.contains("itself") == true)
        // Through the limit as well.
        #expect(throws: Diagnostic.self) { try site.session.run(#"update SMS_Collection("\#(c)") set LimitToCollectionID = "\#(a)""#) }
        // VerifyNoCircularDependencies asks the same question without changing anything.
        func verify(_ parent: String, _ child: String) throws -> String {
            guard case .record(let r)? = try site.session.run(#"invoke SMS_Collection.VerifyNoCircularDependencies("SMS_Collection.CollectionID=\"\#(parent)\"", "SMS_Collection.CollectionID=\"\#(child)\"")"#) else { return "?" }
            return r["Result"]?.displayText ?? "?"
        }
        #expect(try verify(c, a) == "false")
        #expect(try verify(a, c) == "true")
        #expect(try verify(a, a) == "false")
    }

    @Test func validateQueryLocatesWhatIsWrong() throws {
        let site = try CollectionSite()
        func validate(_ query: String) throws -> (String, String?) {
            guard case .record(let r)? = try site.session.run(#"invoke SMS_CollectionRuleQuery.ValidateQuery("\#(query)")"#) else { return ("?", nil) }
            return (r["ReturnValue"]?.displayText ?? "?", r.note)
        }
        #expect(try validate("select * from SMS_R_System where Name like 'HQ%'").0 == "true")
        let misspelt = try validate("select * from SMS_R_System where Nmae = 'x'")
        #expect(misspelt.0 == "false")
        #expect(misspelt.1?.hasPrefix("query:1:34: ") == true, "\(misspelt.1 ?? "")")
        #expect(misspelt.1?.contains("Nmae") == true)
        let broken = try validate("select * from SMS_R_System where")
        #expect(broken.0 == "false" && broken.1?.contains("query:1:") == true)
        let notResources = try validate("select * from SMS_Package")
        #expect(notResources.0 == "false" && notResources.1?.contains("resource class") == true)

        // AddMembershipRule refuses the same query, says where, and adds nothing.
        let id = try site.create("Broken")
        let (rv, note) = try site.addQuery(id, "typo", "select * from SMS_R_Sytem")
        #expect(rv != 0)
        #expect(note?.contains("typo:1:15") == true, "\(note ?? "")")
        #expect(note?.contains("WBEM_E_INVALID_CLASS") == true)
        #expect(try site.session.rows("select CollectionRules from SMS_Collection where CollectionID = '\(id)'") == [["{}"]]
                || site.session.rows("select CollectionRules from SMS_Collection where CollectionID = '\(id)'") == [[""]])
    }

    @Test func addMembershipRulesIsAllOrNothing() throws {
        let site = try CollectionSite()
        let id = try site.create("Batch")
        let (rv, note) = try site.session.invoke(#"invoke SMS_Collection("\#(id)").AddMembershipRules([new SMS_CollectionRuleDirect { ResourceID = 16777220 }, new SMS_CollectionRuleDirect { ResourceID = 1 }])"#)
        #expect(rv != 0)
        #expect(note?.hasPrefix("collectionRules[1]: ") == true, "\(note ?? "")")
        #expect(try site.members(id).isEmpty)
        guard case .record(let r)? = try site.session.run(#"invoke SMS_Collection("\#(id)").AddMembershipRules([new SMS_CollectionRuleDirect { ResourceID = 16777220 }, new SMS_CollectionRuleQuery { QueryExpression = "select * from SMS_R_System where Name = 'LAB-PC1'" }])"#) else {
            Issue.record("no result"); return
        }
        #expect(r["QueryIDs"]?.displayText == "{0, 1}")
        #expect(try site.members(id) == ["HQ-PC1", "LAB-PC1"])
        #expect(try site.session.invoke(#"invoke SMS_Collection("\#(id)").DeleteMembershipRules([new SMS_CollectionRuleDirect { ResourceID = 16777220 }, new SMS_CollectionRuleQuery { QueryID = 1 }])"#).0 == 0)
        #expect(try site.members(id).isEmpty)
        guard case .record(let n)? = try site.session.run(#"invoke SMS_Collection.GetNumResults("SMS_Collection.CollectionID=\"SMS00001\"")"#) else { Issue.record("no result"); return }
        #expect(n["Result"]?.displayText == "8")
    }

    @Test func deletingCollections() throws {
        let site = try CollectionSite()
        #expect(throws: Diagnostic.self) { try site.session.run(#"delete SMS_Collection("SMS00001")"#) }  // built in
        let base = try site.create("Base")
        _ = try site.addQuery(base, "all", "select * from SMS_R_System")
        let reader = try site.create("Reader", limit: base)
        #expect(throws: Diagnostic.self) { try site.session.run(#"delete SMS_Collection("\#(base)")"#) }  // Reader reads it
        try site.session.run(#"delete SMS_Collection("\#(reader)")"#)
        try site.session.run(#"delete SMS_Collection("\#(base)")"#)
        #expect(try site.session.rows("select count(*) from SMS_FullCollectionMembership where CollectionID = '\(base)'") == [["0"]])
        #expect(try site.session.rows("select count(*) from SMS_CollectionMember_a where CollectionID = '\(base)'") == [["0"]])
        #expect(throws: Diagnostic.self) { try site.session.run(#"new SMS_Collection { Name = "No limit" }"#) }
        #expect(throws: Diagnostic.self) { try site.session.run(#"new SMS_Collection { Name = "Bad limit", LimitToCollectionID = "S01FFFFF" }"#) }
    }
}
