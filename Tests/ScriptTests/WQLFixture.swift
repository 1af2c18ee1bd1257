// WQLFixture: the test site (TestSite.mof) plus collections, collection membership, embedded collection rules
// and two more association classes, for the table-driven WQL tests in WQLTableTests.swift.
//
// The data, for computing expected rows by hand (the clock is fixed at 2026-11-26 12:00:00 UTC):
//
//   SMS_Collection
//   CollectionID Name            Comment              Type Members BuiltIn LastRefreshTime (UTC)   LimitTo  Prio Coverage TotalBytes            Tags              PrimaryRule
//   SMS00001     All Systems     All systems          2    3       true    2026-11-25 06:00:00     null     0    1.0      0                     {builtin}         null
//   SMS00002     All Users       All users            1    0       true    2026-10-01 00:00:00     null     0    0.0      0                     {builtin, users}  null
//   S0100010     Pilot_Ring      null                 2    2       false   2026-11-20 12:00:00     SMS00001 -5   0.66     5000000000            {pilot, ring1}    SMS_CollectionRuleQuery
//   S0100011     [Test] Servers  Servers under test   2    1       false   2026-03-15 09:30:00     SMS00001 10   0.33     18446744073709551615  {}                SMS_CollectionRuleDirect
//   S0100012     100% Compliant  Fully 100% patched   2    0       false   null                    S0100010 -1   null     null                  null              SMS_CollectionRuleIncludeCollection
//   S0100013     O'Brien\Lab     Lab of O'Brien       1    0       false   2026-11-26 10:59:59     SMS00002 3    0.5      1024                  {lab}             null
//                                                                          (written 11:59:59 at +060)
//   S0100014     PilotXRing      Typo twin            2    0       false   2026-11-26 00:00:00     SMS00001 1    0.0      0                     {pilot}           null
//
//   SMS_FullCollectionMembership (CollectionID, ResourceID, Name)
//     SMS00001 16777220 PC-0001 · SMS00001 16777221 PC-0002 · SMS00001 16777222 SRV-0001
//     S0100010 16777220 PC-0001 · S0100010 16777221 PC-0002 · S0100011 16777222 SRV-0001
//
//   SMS_CollectionDependency [Association, Dependency] (Dependent → Limiting)
//     S0100010 → SMS00001 · S0100011 → SMS00001 · S0100012 → S0100010 · S0100013 → SMS00002 · S0100014 → SMS00001
//   SMS_CollectionToSystem [Association] (Collection, Resource)
//     SMS00001–16777220 · SMS00001–16777221 · SMS00001–16777222 · S0100010–16777220 · S0100010–16777221 · S0100011–16777222
//
// SMS_Collection carries the class qualifier [Secured] (for RequiredQualifier).
import CIM
@testable import Script

enum WQLFixture {
    static let mof = #"""
    [Abstract] class SMS_CollectionRule { string RuleName; };
    class SMS_CollectionRuleDirect : SMS_CollectionRule { string ResourceClassName; uint32 ResourceID; };
    class SMS_CollectionRuleIncludeCollection : SMS_CollectionRule { string IncludeCollectionID; };

    [Secured] class SMS_Collection {
        [Key] string CollectionID;
        string Name;
        string Comment;
        uint32 CollectionType;
        uint32 MemberCount;
        boolean IsBuiltIn;
        datetime LastRefreshTime;
        string LimitToCollectionID;
        sint32 Priority;
        real64 Coverage;
        uint64 TotalBytes;
        string Tags[];
        object PrimaryRule;
    };
    class SMS_FullCollectionMembership { [Key] string CollectionID; [Key] uint32 ResourceID; string Name; };
    [Association, Dependency] class SMS_CollectionDependency {
        [Key] SMS_Collection ref Dependent;
        [Key] SMS_Collection ref Limiting;
    };
    [Association] class SMS_CollectionToSystem {
        [Key] SMS_Collection ref Collection;
        [Key] SMS_R_System ref Resource;
    };

    instance of SMS_Collection { CollectionID = "SMS00001"; Name = "All Systems"; Comment = "All systems"; CollectionType = 2; MemberCount = 3;
        IsBuiltIn = true; LastRefreshTime = "20261125060000.000000+000"; Priority = 0; Coverage = 1.0; TotalBytes = 0; Tags = {"builtin"}; };
    instance of SMS_Collection { CollectionID = "SMS00002"; Name = "All Users"; Comment = "All users"; CollectionType = 1; MemberCount = 0;
        IsBuiltIn = true; LastRefreshTime = "20261001000000.000000+000"; Priority = 0; Coverage = 0.0; TotalBytes = 0; Tags = {"builtin", "users"}; };
    instance of SMS_Collection { CollectionID = "S0100010"; Name = "Pilot_Ring"; CollectionType = 2; MemberCount = 2;
        IsBuiltIn = false; LastRefreshTime = "20261120120000.000000+000"; LimitToCollectionID = "SMS00001"; Priority = -5; Coverage = 0.66;
        TotalBytes = 5000000000; Tags = {"pilot", "ring1"};
        PrimaryRule = instance of SMS_CollectionRuleQuery { RuleName = "Windows 11"; QueryExpression = "select * from SMS_R_System"; }; };
    instance of SMS_Collection { CollectionID = "S0100011"; Name = "[Test] Servers"; Comment = "Servers under test"; CollectionType = 2; MemberCount = 1;
        IsBuiltIn = false; LastRefreshTime = "20260315093000.000000+000"; LimitToCollectionID = "SMS00001"; Priority = 10; Coverage = 0.33;
        TotalBytes = 18446744073709551615; Tags = {};
        PrimaryRule = instance of SMS_CollectionRuleDirect { RuleName = "SRV-0001"; ResourceClassName = "SMS_R_System"; ResourceID = 16777222; }; };
    instance of SMS_Collection { CollectionID = "S0100012"; Name = "100% Compliant"; Comment = "Fully 100% patched"; CollectionType = 2; MemberCount = 0;
        IsBuiltIn = false; LimitToCollectionID = "S0100010"; Priority = -1;
        PrimaryRule = instance of SMS_CollectionRuleIncludeCollection { RuleName = "Pilot"; IncludeCollectionID = "S0100010"; }; };
    instance of SMS_Collection { CollectionID = "S0100013"; Name = "O'Brien\\Lab"; Comment = "Lab of O'Brien"; CollectionType = 1; MemberCount = 0;
        IsBuiltIn = false; LastRefreshTime = "20261126115959.000000+060"; LimitToCollectionID = "SMS00002"; Priority = 3; Coverage = 0.5;
        TotalBytes = 1024; Tags = {"lab"}; };
    instance of SMS_Collection { CollectionID = "S0100014"; Name = "PilotXRing"; Comment = "Typo twin"; CollectionType = 2; MemberCount = 0;
        IsBuiltIn = false; LastRefreshTime = "20261126000000.000000+000"; LimitToCollectionID = "SMS00001"; Priority = 1; Coverage = 0.0;
        TotalBytes = 0; Tags = {"pilot"}; };

    instance of SMS_FullCollectionMembership { CollectionID = "SMS00001"; ResourceID = 16777220; Name = "PC-0001"; };
    instance of SMS_FullCollectionMembership { CollectionID = "SMS00001"; ResourceID = 16777221; Name = "PC-0002"; };
    instance of SMS_FullCollectionMembership { CollectionID = "SMS00001"; ResourceID = 16777222; Name = "SRV-0001"; };
    instance of SMS_FullCollectionMembership { CollectionID = "S0100010"; ResourceID = 16777220; Name = "PC-0001"; };
    instance of SMS_FullCollectionMembership { CollectionID = "S0100010"; ResourceID = 16777221; Name = "PC-0002"; };
    instance of SMS_FullCollectionMembership { CollectionID = "S0100011"; ResourceID = 16777222; Name = "SRV-0001"; };

    instance of SMS_CollectionDependency { Dependent = "SMS_Collection.CollectionID=\"S0100010\""; Limiting = "SMS_Collection.CollectionID=\"SMS00001\""; };
    instance of SMS_CollectionDependency { Dependent = "SMS_Collection.CollectionID=\"S0100011\""; Limiting = "SMS_Collection.CollectionID=\"SMS00001\""; };
    instance of SMS_CollectionDependency { Dependent = "SMS_Collection.CollectionID=\"S0100012\""; Limiting = "SMS_Collection.CollectionID=\"S0100010\""; };
    instance of SMS_CollectionDependency { Dependent = "SMS_Collection.CollectionID=\"S0100013\""; Limiting = "SMS_Collection.CollectionID=\"SMS00002\""; };
    instance of SMS_CollectionDependency { Dependent = "SMS_Collection.CollectionID=\"S0100014\""; Limiting = "SMS_Collection.CollectionID=\"SMS00001\""; };

    instance of SMS_CollectionToSystem { Collection = "SMS_Collection.CollectionID=\"SMS00001\""; Resource = "SMS_R_System.ResourceId=16777220"; };
    instance of SMS_CollectionToSystem { Collection = "SMS_Collection.CollectionID=\"SMS00001\""; Resource = "SMS_R_System.ResourceId=16777221"; };
    instance of SMS_CollectionToSystem { Collection = "SMS_Collection.CollectionID=\"SMS00001\""; Resource = "SMS_R_System.ResourceId=16777222"; };
    instance of SMS_CollectionToSystem { Collection = "SMS_Collection.CollectionID=\"S0100010\""; Resource = "SMS_R_System.ResourceId=16777220"; };
    instance of SMS_CollectionToSystem { Collection = "SMS_Collection.CollectionID=\"S0100010\""; Resource = "SMS_R_System.ResourceId=16777221"; };
    instance of SMS_CollectionToSystem { Collection = "SMS_Collection.CollectionID=\"S0100011\""; Resource = "SMS_R_System.ResourceId=16777222"; };
    """#

    /// A fresh repository holding the test site and the collections above.
    static func repository() throws -> CIMRepository {
        let repo = CIMRepository()
        _ = try MOFCompiler.compile(TestSite.mof, fileName: "testsite.mof", into: repo)
        _ = try MOFCompiler.compile(mof, fileName: "wqlfixture.mof", into: repo)
        return repo
    }
}
