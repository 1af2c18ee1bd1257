// root\sms and SMS_ProviderLocation: how every real script finds its site — connect to root\sms, take the
// provider whose ProviderForLocalSite is true, and go to its NamespacePath's namespace.
import CIM
import Script
import Testing
@testable import Site

@Suite struct NamespaceTests {
    @Test func scriptsFindTheirSiteInRootSMS() throws {
        let s = try SiteSession()
        #expect(try s.rows("show namespaces").map { $0[0] } == [#"root\sms\site_S01"#, #"root\sms"#])
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
}
