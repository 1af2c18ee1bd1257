// root\sms and SMS_ProviderLocation: how every real script finds its site — connect to root\sms, take the
// provider whose ProviderForLocalSite is true, and go to its NamespacePath's namespace.
import CIM
import Script
import Testing
@testable import Site

@Suite struct NamespaceTests {
    @Test func scriptsFindTheirSiteInRootSMS() throws {
        let s = try SiteSession()
        #expect(try s.rows("show namespaces").map { $0[0] } == [#"root\sms\site_S01"#, #"root\sms"#, #"root\sms\site_S02"#])
        try s.run(#"use root\sms"#)
        let provider = try s.rows("select SiteCode, Machine, NamespacePath from SMS_ProviderLocation where ProviderForLocalSite = true")
        #expect(provider == [["S01", "cm01.contoso.com", #"\\cm01.contoso.com\root\sms\site_S01"#]])
        // The site's classes live in the site namespace, not here.
        #expect(throws: Diagnostic.self) { try s.run("select * from SMS_Package") }
        try s.run("use root\\sms\\site_" + provider[0][0])
        #expect(try s.rows("select count(*) from SMS_Site") == [["2"]])
    }

    @Test func anEmptySiteHasTheClassButNoProvider() throws {
        let s = try SiteSession(site: try SimulatedSite(siteCode: "S07"))
        try s.run(#"use root\sms"#)
        #expect(try s.rows("select count(*) from SMS_ProviderLocation") == [["0"]])
    }

    @Test func anUnknownNamespaceIsInvalidNamespace() throws {
        let s = try SiteSession()
        do {
            try s.run(#"use root\cimv2"#)
            Issue.record("root\\cimv2 should not exist")
        } catch let d as Diagnostic {
            #expect(d.status == .invalidNamespace && d.message.contains("show namespaces"), "\(d.message)")
        }
    }

    /// The secondary site S02 has a namespace of its own, so `use` works; with no SMS Provider of its own, it is a
    /// read-only view of what S02 holds, and a change is refused naming where to make it.
    @Test func theSecondarySiteIsAReadOnlyView() throws {
        let s = try SiteSession()
        try s.run(#"use root\sms\site_S02"#)
        #expect(try s.rows("select SiteCode, Type from SMS_Site order by SiteCode") == [["S01", "2"], ["S02", "1"]])
        #expect(try s.rows("select distinct ServerName from SMS_SystemResourceList order by ServerName") == [["cm02.contoso.com"], ["dp4.contoso.com"]])
        let primaryDP4 = try s.rows(#"select PackageID from SMS_DistributionPoint where SiteCode = "S02" order by PackageID"#)
        #expect(!primaryDP4.isEmpty)
        for change in [#"delete from SMS_Package where PackageID = "S0100001""#, #"invoke SMS_Package("S0100001").RefreshPkgSource()"#,
                       #"new SMS_Package { Name = "x" }"#] {
            do {
                try s.run(change)
                Issue.record("\(change) changed the secondary's namespace")
            } catch let d as Diagnostic {
                #expect(d.status == .accessDenied && d.message.contains(#"root\sms\site_S01"#), "\(d.message)")
            }
        }
        // The same rows as the primary holds for S02.
        try s.run(#"use root\sms\site_S01"#)
        #expect(try s.rows(#"select PackageID from SMS_DistributionPoint where SiteCode = "S02" order by PackageID"#) == primaryDP4)
    }
}
