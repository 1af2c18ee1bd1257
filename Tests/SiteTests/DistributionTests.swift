// AddDistributionPoints and the distribution life cycle on the demo site, through the language.
import Testing
import CIM
import Script
@testable import Site

@Suite struct AddDistributionPointsTests {
    static let seed = #"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])"#

    @Test func seedStatementAssignsAndDoesNotDuplicate() throws {
        let s = try SiteSession()
        #expect(try s.rows(#"select * from SMS_DistributionPoint where PackageID = "PKG00001""#).isEmpty)
        let (rv, _) = try s.invoke(Self.seed)
        #expect(rv == 0)
        let rows = try s.rows(#"select PackageID, ServerNALPath, SiteCode, SiteName, Status from SMS_DistributionPoint where PackageID = "PKG00001""#)
        // Stored in the server's canonical form, with its FQDN, as SMS_SystemResourceList has it.
        #expect(rows == [["PKG00001", #"["Display=\\dp1.contoso.com\"]MSWNET:["SMS_SITE=S01"]\\dp1.contoso.com\"#, "S01", "Contoso HQ", "2"]])
        #expect(try s.invoke(Self.seed).0 == 0)
        #expect(try s.rows(#"select * from SMS_DistributionPoint where PackageID = "PKG00001""#).count == 1)
        // the FQDN names the same server: still no duplicate
        #expect(try s.invoke(#"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [nal("dp1.contoso.com", "S01")])"#).0 == 0)
        #expect(try s.rows(#"select * from SMS_DistributionPoint where PackageID = "PKG00001""#).count == 1)
    }

    @Test func distributionRunsPendingThenInstalledOrFailed() throws {
        let s = try SiteSession()
        #expect(try s.invoke(#"invoke SMS_Package("S0100005").AddDistributionPoints(["S01", "S01"], [nal("dp2", "S01"), nal("dp3", "S01")])"#).0 == 0)
        let query = #"select ServerNALPath, State from SMS_PackageStatusDistPointsSummarizer where PackageID = 'S0100005' order by ServerNALPath"#
        #expect(try s.rows(query).map { $0[1] } == ["1", "1"])  // INSTALL_PENDING
        s.advance(10)
        #expect(try s.rows(query).map { $0[1] } == ["1", "1"])
        s.advance(30)
        #expect(try s.rows(query).map { $0[1] } == ["0", "3"])  // dp2 INSTALLED, dp3 (offline) INSTALL_FAILED
        #expect(try s.rows(#"select LastRefreshTime from SMS_DistributionPoint where PackageID = 'S0100005'"#).first == ["20261126090000.000000+000"])
    }

    @Test(arguments: [
        (#"["S01"], ["not a nal path"]"#, "NALPath[0]: Invalid NAL path 'not a nal path': expected '[' to start the display qualifiers, found 'n' at column 1"),
        (#"["S09"], [nal("dp1", "S09")]"#, "SiteCode[0]: site S09 does not exist"),
        (#"["S01"], [nal("cm01", "S01")]"#, "NALPath[0]: server cm01 is not a distribution point of site S01"),
        (#"["S01"], [nal("dp4", "S01")]"#, "NALPath[0]: server dp4 is not a distribution point of site S01"),
        (#"["S01", "S01"], [nal("dp1", "S01")]"#, "NALPath: has 1 element but SiteCode has 2; the arrays are parallel"),
        (#"[], []"#, "SiteCode: is empty"),
        (#"["S01"], [nal("dp1", "S02")]"#, "NALPath[0]: names site S02 but SiteCode[0] is S01"),
        (#"["S01", "S01"], [nal("dp1", "S01"), "[\"Display=\\\\dp2\\\"]MSWNET:[\"SMS_SITE=S01\"]"]"#, "NALPath[1]: Invalid NAL path"),
        (#"null, [nal("dp1", "S01")]"#, "SiteCode: is required"),
    ])
    func badRequestsFailPreciselyAndAddNothing(_ args: String, _ message: String) throws {
        let s = try SiteSession()
        let before = try s.count("SMS_DistributionPoint")
        let (rv, note) = try s.invoke("invoke SMS_DriverPackage(\"PKG00001\").AddDistributionPoints(\(args))")
        #expect(rv != 0)
        #expect(rv == Int128(Int32(bitPattern: CIMStatus.invalidParameter.rawValue)) || rv == Int128(Int32(bitPattern: CIMStatus.notFound.rawValue)))
        #expect(note?.contains(message) == true, "\(note ?? "nil")")
        #expect(try s.count("SMS_DistributionPoint") == before)
        #expect(try s.count("SMS_PackageStatusDistPointsSummarizer") == before)
    }

    @Test func aFailedInvokeStopsABatchWithThePlainMessage() throws {
        let s = try SiteSession()
        s.interpreter.errorMode = .stop
        do {
            try s.run(#"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S09"], [nal("dp1", "S09")])"#)
            Issue.record("should stop")
        } catch let d as Diagnostic {
            #expect(d.message.contains("the method returned -2147217406: SiteCode[0]: site S09 does not exist (WBEM_E_NOT_FOUND)"), "\(d.message)")
        }
    }

    @Test(arguments: ["SMS_Package(\"S0100003\")", "SMS_DriverPackage(\"S0100008\")", "SMS_ImagePackage(\"S010000C\")",
                      "SMS_BootImagePackage(\"S010000E\")", "SMS_SoftwareUpdatesPackage(\"S0100010\")",
                      "SMS_OperatingSystemInstallPackage(\"S0100012\")", "SMS_ContentPackage(\"S0100014\")"])
    func everyPackageClassDistributes(_ ref: String) throws {
        let s = try SiteSession()
        #expect(try s.invoke("invoke \(ref).AddDistributionPoints([\"S02\"], [nal(\"dp4\", \"S02\")])").0 == 0)
        #expect(try s.run("len(select * from SMS_DistributionPoint where PackageID = \(ref).PackageID and SiteCode = 'S02')")?.cimValue == .sint64(1))
    }

    @Test func deletingADPMarksItThenRemovesIt() throws {
        let s = try SiteSession()
        let dp = #"SMS_DistributionPoint(PackageID = "S0100004", ServerNALPath = nal("dp1.contoso.com", "S01"), SiteCode = "S01")"#
        try s.run("delete \(dp)")
        #expect(try s.run("\(dp).Status")?.cimValue == .uint32(3))
        #expect(try s.rows("select State from SMS_PackageStatusDistPointsSummarizer where PackageID = 'S0100004'") == [["4"]])
        // the SDK's advice: filter out DPs marked for deletion
        #expect(try s.rows("select * from SMS_DistributionPoint where PackageID = 'S0100004' and Status <> 3").isEmpty)
        s.advance(60)
        #expect(try s.rows("select * from SMS_DistributionPoint where PackageID = 'S0100004'").isEmpty)
        #expect(try s.rows("select * from SMS_PackageStatusDistPointsSummarizer where PackageID = 'S0100004'").isEmpty)
    }

    @Test func refreshPkgSourceBumpsVersionAndRedistributes() throws {
        let s = try SiteSession()
        try s.run(#"invoke SMS_Package("S0100003").RefreshPkgSource()"#)
        #expect(try s.rows(#"select SourceVersion, SourceDate from SMS_Package where PackageID = "S0100003""#) == [["8", "20261126090000.000000+000"]])
        #expect(Set(try s.rows("select State, SourceVersion from SMS_PackageStatusDistPointsSummarizer where PackageID = 'S0100003'").map { $0.joined(separator: "/") }) == ["7/8"])
        s.advance(31)
        #expect(Set(try s.rows("select State from SMS_PackageStatusDistPointsSummarizer where PackageID = 'S0100003'").map { $0[0] }) == ["0"])
        #expect(Set(try s.rows("select Status from SMS_DistributionPoint where PackageID = 'S0100003'").map { $0[0] }) == ["1"])  // UPDATED
    }

    @Test func verifyAndCancel() throws {
        let s = try SiteSession()
        // S0100007 failed on dp3: verification retries it; dp3 is still offline, so it fails again.
        #expect(try s.invoke(#"invoke SMS_DistributionPoint.VerifyPackage("S0100007", nal("dp3", "S01"))"#).0 == 0)
        #expect(try s.rows("select State from SMS_PackageStatusDistPointsSummarizer where PackageID = 'S0100007'") == [["2"]])
        s.advance(31)
        #expect(try s.rows("select State from SMS_PackageStatusDistPointsSummarizer where PackageID = 'S0100007'") == [["3"]])
        // A distribution still pending can be cancelled; it ends INSTALL_FAILED.
        try s.run(#"invoke SMS_Package("S0100006").AddDistributionPoints(["S01"], [nal("dp1", "S01")])"#)
        #expect(try s.invoke(#"invoke SMS_DistributionPoint.CancelDistribution("S0100006", nal("dp1", "S01"))"#).0 == 0)
        #expect(try s.rows("select State from SMS_PackageStatusDistPointsSummarizer where PackageID = 'S0100006' and ServerNALPath like '%dp1%'") == [["3"]])
        #expect(try s.invoke(#"invoke SMS_DistributionPoint.CancelDistribution("S0100004", nal("dp1", "S01"))"#).0 != 0)
        #expect(try s.invoke(#"invoke SMS_DistributionPoint.VerifyPackage("S0100004", nal("dp4", "S02"))"#).1?.contains("is not on distribution point") == true)
    }
}
