// A small site compiled from MOF, with two method providers, so the renderer tests render real query results.
import CIM
import Script
import CMShell

enum RenderFixture {
    /// Classes only: what a repository needs to read MOF output back.
    static let schema = #"""
    [Abstract] class SMS_PackageBaseClass {
        [Key] string PackageID;
        string Name;
        uint32 SourceVersion = 1;
        datetime SourceDate;
        string Description;
        [Static] sint32 GetNextID([In] string Prefix, [Out] uint32 NextID);
        sint32 AddDistributionPoints([In] string SiteCode[], [In] string NALPath[]);
    };
    class SMS_Package : SMS_PackageBaseClass { uint32 PkgFlags; };
    class SMS_DriverPackage : SMS_PackageBaseClass { };
    class SMS_Site { [Key] string SiteCode; string SiteName; };
    class SMS_R_System {
        [Key] uint32 ResourceId;
        string Name;
        string IPSubnets[];
        datetime LastLogonTimestamp;
        boolean Client;
        uint64 DiskBytes;
        real64 Score;
        char16 Grade;
    };
    class SMS_CollectionRuleQuery { string RuleName; string QueryExpression; };
    class SMS_Collection { [Key] string CollectionID; SMS_CollectionRuleQuery Rules[]; };
    [Association] class SMS_PackageToSite {
        [Key] SMS_PackageBaseClass ref Package;
        [Key] SMS_Site ref Site;
    };
    """#

    static let data = #"""
    instance of SMS_Site { SiteCode = "S01"; SiteName = "Contoso HQ"; };
    instance of SMS_Package as $P3 { PackageID = "S0100003"; Name = "Microsoft Office 365"; SourceVersion = 4; SourceDate = "20260615080000.000000+000"; Description = "Office, \"click-to-run\"\nsecond line"; PkgFlags = 16; };
    instance of SMS_Package { PackageID = "S0100004"; Name = "7-Zip 24.08"; SourceDate = "2026112609****.******+000"; Description = "  padded  "; };
    instance of SMS_Package { PackageID = "S0100005"; Name = "Dell Command Update"; };
    instance of SMS_DriverPackage { PackageID = "PKG00001"; Name = "Dell Latitude 7440 Drivers"; SourceDate = "20260101120000.000000+000"; };
    instance of SMS_R_System { ResourceId = 16777220; Name = "PC-0001"; IPSubnets = {"10.1.0.0", "192.168.1.0"}; LastLogonTimestamp = "20261120080000.000000+000"; Client = true; DiskBytes = 18446744073709551615; Score = 0.5; Grade = 'A'; };
    instance of SMS_R_System { ResourceId = 16777221; Name = "PC-0002"; IPSubnets = {"10.2.0.0"}; Client = false; DiskBytes = 512; Score = -2.25; };
    instance of SMS_Collection { CollectionID = "S0100010"; Rules = { instance of SMS_CollectionRuleQuery { RuleName = "All \"PCs\""; QueryExpression = "select * from SMS_R_System"; } }; };
    instance of SMS_PackageToSite { Package = $P3; Site = "SMS_Site.SiteCode=\"S01\""; };
    """#

    static let failureNote = "SiteCode[0]: site S09 does not exist (WBEM_E_NOT_FOUND)"

    static func repository(withData: Bool = true) throws -> CIMRepository {
        let repo = CIMRepository()
        _ = try MOFCompiler.compile(schema, fileName: "schema.mof", into: repo)
        guard withData else { return repo }
        _ = try MOFCompiler.compile(data, fileName: "data.mof", into: repo)
        repo.register(method: "GetNextID", of: "SMS_PackageBaseClass") { _ in
            MethodResult.success([("NextID", .uint32(7))])
        }
        repo.register(method: "AddDistributionPoints", of: "SMS_PackageBaseClass") { call in
            guard case .array(let sites) = call["SiteCode"], sites.elements.first == .string("S01") else {
                return MethodResult(returnValue: .sint32(3), message: failureNote)
            }
            return .success()
        }
        return repo
    }

    /// Every event a script output, run under `onerror continue` so a failing method still shows its result.
    static func events(_ script: String, repository: CIMRepository? = nil) throws -> [OutputEvent] {
        var events: [OutputEvent] = []
        let interpreter = Interpreter(repository: try repository ?? Self.repository()) { events.append($0) }
        let program = try Parser.parse("set onerror continue\n" + script, fileName: "test.cmsh")
        if case .failed(let d) = interpreter.run(program) { throw d }
        return events
    }

    /// The one value a script output.
    static func value(_ script: String) throws -> Value {
        let values = try events(script).compactMap { if case .value(let v) = $0 { v } else { nil } }
        guard values.count == 1, let value = values.first else { throw FixtureError("expected one value, got \(values.count)") }
        return value
    }

    static func render(_ script: String, _ format: OutputFormat, width: Int? = nil, color: Bool = false) throws -> String {
        Renderer(RenderOptions(format: format, color: color, terminalWidth: width)).render(try value(script))
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
