// A small ConfigMgr-like site compiled from MOF, with a Swift AddDistributionPoints provider, for the
// language tests. (The full simulated site is the Site module's job; this keeps Script's tests self-contained.)
import CIM
@testable import Script

enum TestSite {
    static let mof = #"""
    [Abstract] class SMS_PackageBaseClass {
        [Key] string PackageID;
        string Name;
        [Indexed] string Manufacturer;
        uint32 PackageType;
        uint32 SourceVersion = 1;
        datetime SourceDate;
        string Description;
        [Static] sint32 Touch([In] string Note);
        sint32 AddDistributionPoints([In] string SiteCode[], [In] string NALPath[]);
        sint32 RefreshPkgSource();
    };
    class SMS_Package : SMS_PackageBaseClass { uint32 PkgFlags; };
    class SMS_DriverPackage : SMS_PackageBaseClass { };
    class SMS_DistributionPoint {
        [Key] string PackageID;
        [Key] string ServerNALPath;
        [Key] string SiteCode;
        uint32 Status;
        string SiteName;
    };
    class SMS_Site { [Key] string SiteCode; string SiteName; uint8 Type; };
    class SMS_R_System {
        [Key] uint32 ResourceId;
        string Name;
        string IPSubnets[];
        datetime LastLogonTimestamp;
        boolean Client;
    };
    class SMS_G_System_OPERATING_SYSTEM { [Key] uint32 ResourceID; string Caption; string Version; };
    class SMS_CollectionRuleQuery { string RuleName; string QueryExpression; };
    [Association] class SMS_PackageToSite {
        [Key] SMS_PackageBaseClass ref Package;
        [Key] SMS_Site ref Site;
    };

    instance of SMS_Site { SiteCode = "S01"; SiteName = "Contoso HQ"; Type = 2; };
    instance of SMS_Site { SiteCode = "S02"; SiteName = "Contoso Branch"; Type = 1; };
    instance of SMS_DriverPackage as $P1 { PackageID = "PKG00001"; Name = "Dell Latitude 7440 Drivers"; Manufacturer = "Dell"; PackageType = 3; SourceDate = "20260101120000.000000+000"; };
    instance of SMS_DriverPackage { PackageID = "S0100002"; Name = "HP EliteBook 840 Drivers"; Manufacturer = "HP"; PackageType = 3; SourceDate = "20260301120000.000000+000"; };
    instance of SMS_Package as $P3 { PackageID = "S0100003"; Name = "Microsoft Office 365"; Manufacturer = "Microsoft"; PackageType = 0; SourceVersion = 4; SourceDate = "20260615080000.000000+000"; };
    instance of SMS_Package { PackageID = "S0100004"; Name = "7-Zip 24.08"; Manufacturer = "Igor Pavlov"; PackageType = 0; SourceDate = "20250910080000.000000+000"; };
    instance of SMS_Package { PackageID = "S0100005"; Name = "Dell Command Update"; Manufacturer = "Dell"; PackageType = 0; };
    instance of SMS_DistributionPoint { PackageID = "S0100003"; ServerNALPath = "[\"Display=\\\\dp2\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2\\"; SiteCode = "S01"; Status = 0; SiteName = "Contoso HQ"; };
    instance of SMS_DistributionPoint { PackageID = "S0100004"; ServerNALPath = "[\"Display=\\\\dp2\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2\\"; SiteCode = "S01"; Status = 2; SiteName = "Contoso HQ"; };
    instance of SMS_R_System { ResourceId = 16777220; Name = "PC-0001"; IPSubnets = {"10.1.0.0", "192.168.1.0"}; LastLogonTimestamp = "20261120080000.000000+000"; Client = true; };
    instance of SMS_R_System { ResourceId = 16777221; Name = "PC-0002"; IPSubnets = {"10.2.0.0"}; LastLogonTimestamp = "20260801080000.000000+000"; Client = true; };
    instance of SMS_R_System { ResourceId = 16777222; Name = "SRV-0001"; IPSubnets = {"10.1.0.0"}; Client = false; };
    instance of SMS_G_System_OPERATING_SYSTEM { ResourceID = 16777220; Caption = "Microsoft Windows 11 Enterprise"; Version = "10.0.26100"; };
    instance of SMS_G_System_OPERATING_SYSTEM { ResourceID = 16777221; Caption = "Microsoft Windows 10 Enterprise"; Version = "10.0.19045"; };
    instance of SMS_G_System_OPERATING_SYSTEM { ResourceID = 16777222; Caption = "Microsoft Windows Server 2022 Standard"; Version = "10.0.20348"; };
    instance of SMS_PackageToSite { Package = $P1; Site = "SMS_Site.SiteCode=\"S01\""; };
    instance of SMS_PackageToSite { Package = $P3; Site = "SMS_Site.SiteCode=\"S01\""; };
    instance of SMS_PackageToSite { Package = $P3; Site = "SMS_Site.SiteCode=\"S02\""; };
    """#

    /// The NAL path of dp1 in the seed statement, decoded.
    static let dp1NAL = #"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#

    static func repository() throws -> CIMRepository {
        let repo = CIMRepository()
        _ = try MOFCompiler.compile(mof, fileName: "testsite.mof", into: repo)
        // A simplified AddDistributionPoints: parallel arrays, known sites only, no duplicates, atomic.
        repo.register(method: "AddDistributionPoints", of: "SMS_PackageBaseClass") { call in
            guard case .array(let sites) = call["SiteCode"], case .array(let nals) = call["NALPath"], sites.count == nals.count, sites.count > 0 else {
                return MethodResult(returnValue: .sint32(2), message: "SiteCode and NALPath must be non-empty arrays of the same length")
            }
            let dp = try call.repository.requireClass("SMS_DistributionPoint")
            for (site, nal) in zip(sites.elements, nals.elements) {
                guard (try? call.repository.instance(at: ObjectPath(className: "SMS_Site", keys: [.init(nil, site)]))) != nil else {
                    return MethodResult(returnValue: .sint32(3), message: "site \(site.displayText) does not exist")
                }
                let instance = try CIMInstance(of: dp, properties: [("PackageID", call.instance!["PackageID"]!), ("ServerNALPath", nal), ("SiteCode", site), ("Status", .uint32(0))])
                if (try? call.repository.instance(at: instance.path)) == nil { try call.repository.createInstance(instance) }
            }
            return .success()
        }
        repo.register(method: "RefreshPkgSource", of: "SMS_PackageBaseClass") { call in
            var p = call.instance!
            let v = p["SourceVersion"]?.integerValue ?? 0
            try p.set("SourceVersion", .sint64(Int64(v + 1)))
            try call.repository.modifyInstance(p)
            return .success()
        }
        repo.register(method: "Touch", of: "SMS_PackageBaseClass") { call in
            MethodResult(returnValue: .sint32(call["Note"].stringValue == "fail" ? 5 : 0), message: "touch failed")
        }
        return repo
    }

    /// Runs a script against a fresh test site; returns the outcome and everything it output.
    static func run(_ text: String, repository: CIMRepository? = nil, limits: Limits = Limits(),
                    setup: (Interpreter) -> Void = { _ in }) throws -> (Interpreter.Outcome, [OutputEvent], Interpreter) {
        let repo = try repository ?? Self.repository()
        var events: [OutputEvent] = []
        let interpreter = Interpreter(repository: repo, limits: limits) { events.append($0) }
        interpreter.clockOverride = { try! CIMDateTime(parsing: "20261126120000.000000+000") }
        setup(interpreter)
        let program = try Parser.parse(text, fileName: "test.cmsh")
        let outcome = interpreter.run(program)
        return (outcome, events, interpreter)
    }

    /// The values a script output (expression statements), in order.
    static func values(_ text: String, repository: CIMRepository? = nil) throws -> [Value] {
        let (outcome, events, _) = try run(text, repository: repository)
        if case .failed(let d) = outcome { throw d }
        return events.compactMap { if case .value(let v) = $0 { v } else { nil } }
    }

    /// The printed lines of a script.
    static func printed(_ text: String, repository: CIMRepository? = nil) throws -> [String] {
        let (outcome, events, _) = try run(text, repository: repository)
        if case .failed(let d) = outcome { throw d }
        return events.compactMap { if case .print(let vs) = $0 { vs.map(\.displayText).joined(separator: " ") } else { nil } }
    }

    /// A query's rows as lists of display strings.
    static func rows(_ query: String, repository: CIMRepository? = nil) throws -> [[String]] {
        guard case .rows(let rs)? = try values(query, repository: repository).last else { return [] }
        return rs.rows.map { row in (row.fields ?? []).map { $0.value.displayText } }
    }

    /// The single runtime error a script fails with.
    static func failure(_ text: String) throws -> Diagnostic? {
        let (outcome, _, _) = try run(text)
        if case .failed(let d) = outcome { return d }
        return nil
    }
}
