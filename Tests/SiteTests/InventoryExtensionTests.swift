// Custom hardware inventory: the admin's WMI classes become SMS_G_System_<NAME> with the inventory header, filled
// for every reporting client by the file's Fill rules — the expected rows computed from the fleet model.
import CIM
import Script
import Testing
@testable import Site

@Suite struct InventoryExtensionTests {
    static let mof = """
        [Description("Contoso's asset register."), Fill("clients")]
        class Contoso_AssetTag {
            [Key, Fill("CT-{ResourceID}")] string Tag;
            [Fill("one of Finance|Engineering|Sales")] string CostCenter;
            [Fill("range 0..36")] uint32 WarrantyMonths;
            [Fill("{Name}.contoso.com")] string Fqdn;
            [Fill("{IsVirtualMachine} {IPAddresses} {CreationDate}")] string Facts;
            string Custodian;
        };
        [Fill("none")]
        class Contoso_Lease { [Key] string LeaseID; datetime Ends; };
        """

    /// The systems that report inventory: clients that are not obsolete.
    static var reporting: [FleetSystem] {
        FleetGenerator.generate(systems: FleetGenerator.defaultSystemCount, seed: FleetGenerator.defaultSeed, now: SiteSession.start)
            .systems.filter { $0.hasClient && !$0.isObsolete }
    }

    @Test func classesGetTheHeaderAndEveryReportingClientARow() throws {
        let s = try SiteSession()
        let made = try InventoryExtension(site: s.site).extend(mof: Self.mof, fileName: "contoso.mof")
        #expect(made == ["SMS_G_System_CONTOSO_ASSETTAG", "SMS_G_System_CONTOSO_LEASE"])
        let cls = try s.site.repository.requireClass("SMS_G_System_CONTOSO_ASSETTAG")
        #expect(cls.keyProperties.map(\.name) == ["ResourceID", "GroupID"], "the header's keys, not the WMI class's")
        #expect(cls.properties.map(\.name.string) == ["ResourceID", "GroupID", "RevisionID", "TimeStamp", "AgentID",
                                                      "Tag", "CostCenter", "WarrantyMonths", "Fqdn", "Facts", "Custodian"])
        let expected = Self.reporting.map { ["\($0.name)", "CT-\($0.resourceID)", "\($0.name).contoso.com", "1"] }.sorted { $0[0] < $1[0] }
        let rows = try s.rows("""
            select s.Name, a.Tag, a.Fqdn, a.GroupID from SMS_R_System s join SMS_G_System_CONTOSO_ASSETTAG a on a.ResourceID = s.ResourceID
            order by s.Name
            """)
        #expect(rows == expected)
        // Other types as text: a boolean, an array's first element, a datetime in DMTF form.
        let pc = try s.site.repository.instance(at: ObjectPath(className: "SMS_R_System", keys: [.init("ResourceID", .uint32(Fleet.firstSystemID))]))
        guard case .boolean(let vm)? = pc["IsVirtualMachine"], case .array(let addresses)? = pc["IPAddresses"],
              case .datetime(let created)? = pc["CreationDate"], let address = addresses.elements.first?.stringValue else {
            Issue.record("PC-0001 lacks the properties the template names"); return
        }
        #expect(try s.rows("select Facts from SMS_G_System_CONTOSO_ASSETTAG where ResourceID = \(Fleet.firstSystemID)")
                == [["\(vm) \(address) \(created.description)"]])
        let values = try s.rows("select CostCenter, WarrantyMonths, Custodian from SMS_G_System_CONTOSO_ASSETTAG")
        let odd = values.filter { !["Finance", "Engineering", "Sales"].contains($0[0]) || !(0...36).contains(Int($0[1]) ?? -1) }
        #expect(!values.isEmpty && odd.isEmpty, "\(odd.prefix(3))")
        #expect(try s.site.repository.instances(of: "SMS_G_System_CONTOSO_ASSETTAG").allSatisfy { ($0["Custodian"] ?? .null).isNull },
                "a property with no rule is left null")
        #expect(Set(values.map { $0[0] }).count == 3, "the choices are all used over a fleet")
        #expect(try s.count("SMS_G_System_CONTOSO_LEASE") == 0, "Fill(\"none\") leaves the class empty")
        // The same system gets the same values on another site: the rule hashes its ResourceID, not a random draw.
        let other = try SiteSession()
        try InventoryExtension(site: other.site).extend(mof: Self.mof)
        #expect(try other.rows("select Tag, CostCenter, WarrantyMonths from SMS_G_System_CONTOSO_ASSETTAG order by Tag")
                == (try s.rows("select Tag, CostCenter, WarrantyMonths from SMS_G_System_CONTOSO_ASSETTAG order by Tag")))
    }

    @Test(arguments: [
        ("class Contoso_AssetTag { [Key] string Tag; };\nclass Contoso_AssetTag2 { [Fill(\"range 9..1\")] uint32 N; };", "range LOW..HIGH"),
        ("class Contoso_X { [Fill(\"{NoSuchProperty}\")] string N; };", "NoSuchProperty"),
        ("class Contoso_X { [Fill(\"many\")] uint32 N; };", "gives 'many'"),
        ("// nothing here\n", "declares no class"),
        ("class Contoso_X { string N };", "contoso.mof:1"),
    ])
    func badExtensionsAreRefusedWholeAndSayWhy(_ mof: String, _ reason: String) throws {
        let s = try SiteSession()
        let before = s.site.repository.classes().count
        do {
            try InventoryExtension(site: s.site).extend(mof: mof, fileName: "contoso.mof")
            Issue.record("accepted: \(mof)")
        } catch {
            #expect("\(error)".contains(reason), "\(error)")
        }
        #expect(s.site.repository.classes().count == before, "nothing is added")
    }

    @Test func aClassIsAddedOnce() throws {
        let s = try SiteSession()
        try InventoryExtension(site: s.site).extend(mof: "class Contoso_X { [Key] string N; };")
        #expect(throws: CIMError.self) { try InventoryExtension(site: s.site).extend(mof: "class Contoso_X { [Key] string N; };") }
    }
}
