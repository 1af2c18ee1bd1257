// The demo site's data, DP groups, driver content, NAL paths, package IDs, and real-world queries.
import Testing
import CIM
import Script
@testable import Site

@Suite struct DemoSiteTests {
    @Test func demoSiteHasWhatTheIssueAsksFor() throws {
        let s = try SiteSession()
        #expect(try s.rows("select SiteCode, SiteName, Type from SMS_Site order by SiteCode") == [["S01", "Contoso HQ", "2"], ["S02", "Contoso Branch", "1"]])
        #expect(try s.count("SMS_PackageBaseclass") >= 20)
        for cls in ["SMS_Package", "SMS_DriverPackage", "SMS_ImagePackage", "SMS_BootImagePackage", "SMS_SoftwareUpdatesPackage",
                    "SMS_OperatingSystemInstallPackage", "SMS_ContentPackage"] {
            #expect(try s.site.repository.count(of: CIMName(cls), deep: false) >= 2, "\(cls)")
        }
        #expect(try s.run(#"SMS_DriverPackage("PKG00001").Name"#)?.displayText == "Dell Latitude 7440 Windows 11 Drivers")
        let ids = try s.rows("select PackageID from SMS_PackageBaseclass where PackageID <> 'PKG00001'").map { $0[0] }
        #expect(ids.allSatisfy { $0.count == 8 && $0.hasPrefix("S01") && Int($0.dropFirst(3), radix: 16) != nil })
        #expect(try s.rows("select ServerName from SMS_SystemResourceList where RoleName = 'SMS Distribution Point' and SiteCode = 'S01' order by ServerName")
                == [["dp1.contoso.com"], ["dp2.contoso.com"], ["dp3.contoso.com"]])
        #expect(s.site.offlineServers == ["dp3"])
        #expect(try s.count("SMS_Driver") > 0 && s.count("SMS_Collection") >= 4 && s.count("SMS_R_System") == 300 + FleetCatalog.siteSystems.count)
        #expect(try s.rows("select count(*) from SMS_PackageStatusDistPointsSummarizer where State = 3").first?.first != "0")
    }

    @Test func aDemoMadeLazilyIsTheOneMadeAtOnce() throws {
        let eager = try DemoSite.build(clock: SiteClock(fixedAt: SiteSession.start), systems: 40, seed: 7, lazily: false)
        let lazy = try DemoSite.build(clock: SiteClock(fixedAt: SiteSession.start), systems: 40, seed: 7, lazily: true)
        // What a packages-only session reads is there; the fleet and the members are made on first use.
        // Eager: health, deployment state, client history wait. Lazy: the fleet (whose health waits inside it) and
        // the evaluation too.
        #expect(lazy.repository.pendingFills == eager.repository.pendingFills + 1, "the fleet and the evaluation wait")
        #expect(try lazy.repository.count(of: "SMS_DriverPackage") == eager.repository.count(of: "SMS_DriverPackage"))
        #expect(lazy.repository.pendingFills == eager.repository.pendingFills + 1, "reading packages makes neither")
        #expect(try lazy.repository.count(of: "SMS_FullCollectionMembership") == eager.repository.count(of: "SMS_FullCollectionMembership"))
        #expect(try lazy.repository.count(of: "SMS_R_System") == 40 + FleetCatalog.siteSystems.count)
        // Everything made, the two are the same site: every class, every row, in the same order.
        try eager.repository.fillDeferred()
        try lazy.repository.fillDeferred()
        let (a, b) = (try eager.repository.mofDump(), try lazy.repository.mofDump())
        #expect(a.count > 100_000 && a == b)
    }

    @Test func theDeclaredDemoReadFromItsImageIsTheOneCompiled() throws {
        let compiled = try DemoSite.makeDeclared()
        let read = try CIMRepository(image: try compiled.image())
        let dump = try compiled.mofDump()
        #expect(dump.contains("PKG00001") && dump.contains("instance of SMS_DPStatusInfo"))
        #expect(try read.mofDump() == dump)
        // A site attached to what was read works as one on what was compiled: hooks and providers come with the site.
        let site = try SimulatedSite(attachingTo: read, clock: SiteClock(fixedAt: SiteSession.start))
        #expect(try site.repository.count(of: "SMS_PackageBaseclass") >= 20)
    }

    @Test func theDeclaredPartIsTheSameWhateverTheSessionsClock() throws {
        // What the site derives from the demo's declared rows is as of DemoSite.declaredAsOf; the fleet and the
        // site's history follow the session's clock.
        let early = try DemoSite.make(clock: SiteClock(fixedAt: SiteSession.start), systems: 10)
        let late = try DemoSite.make(clock: SiteClock(fixedAt: try CIMDateTime(parsing: "20270301120000.000000+000")), systems: 10)
        for cls: CIMName in ["SMS_DistributionDPStatus", "SMS_ObjectContentInfo", "SMS_PackageStatusDetailSummarizer", "SMS_DistributionStatus"] {
            let a = try early.repository.instances(of: cls), b = try late.repository.instances(of: cls)
            #expect(!a.isEmpty && a.map(\.values) == b.map(\.values), "\(cls)")
        }
        #expect(try early.repository.instances(of: "SMS_ObjectContentInfo").allSatisfy { $0["LastUpdateDate"] == .datetime(DemoSite.declaredAsOf) })
        let newest = { (site: SimulatedSite) in try site.repository.instances(of: "SMS_R_System").compactMap { $0["CreationDate"] }.map(\.literal).max() }
        #expect(try newest(early) != newest(late), "the fleet follows the clock")
    }

    @Test(.timeLimit(.minutes(1))) func aLargeFleetIsMadeAtOnceOnTwoThreads() throws {
        // Past threadedFrom systems a fleet is made on a second thread, which a lazy fill (holding the repository's
        // lock) could not use — it would wait for itself: such a demo's fleet is made at once.
        let site = try DemoSite.build(clock: SiteClock(fixedAt: SiteSession.start), systems: FleetGenerator.threadedFrom, seed: 3, lazily: true)
        #expect(try site.repository.count(of: "SMS_R_System") == FleetGenerator.threadedFrom + FleetCatalog.siteSystems.count)
        #expect(try site.repository.count(of: "SMS_FullCollectionMembership") > FleetGenerator.threadedFrom)
    }

    @Test func realWorldJoin() throws {
        let s = try SiteSession()
        let rows = try s.rows("""
        select p.PackageID, p.Name, dp.SiteCode from SMS_DistributionPoint as dp
        inner join SMS_PackageBaseClass as p on p.PackageID = dp.PackageID
        where dp.ServerNALPath like '%dp4%' order by p.PackageID
        """)
        #expect(rows.map { $0[0] } == ["S0100001", "S0100008", "S010000D", "S010000F"])
        #expect(rows.allSatisfy { $0[2] == "S02" })
        let failed = try s.rows("select PackageID from SMS_PackageStatusDistPointsSummarizer where State = 3 order by PackageID")
        #expect(failed.map { $0[0] } == ["S0100001", "S0100007", "S010000D"])
    }

    @Test func newPackagesGetTheNextIDAndKeepIt() throws {
        let s = try SiteSession()
        let path = try s.run(#"new SMS_Package { Name = "Visual Studio Code", Manufacturer = "Microsoft" }"#)
        #expect(path?.objectPath?.description == #"SMS_Package.PackageID="S010001A""#)
        #expect(try s.run(#"SMS_Package("S010001A").SourceSite"#)?.displayText == "S01")
        #expect(try s.run(#"new SMS_DriverPackage { Name = "Another" }"#)?.objectPath?.description == #"SMS_DriverPackage.PackageID="S010001B""#)
        #expect(throws: Diagnostic.self) { try s.run(#"update SMS_Package("S010001A") set PackageID = "S0100099""#) }
    }
}

@Suite struct GroupAndDriverTests {
    static let hq = "{8A3F2C10-5B7E-4D21-9C6A-1E0D4B7F2A01}"
    static let branch = "{8A3F2C10-5B7E-4D21-9C6A-1E0D4B7F2A02}"

    @Test func addingADPToAGroupPullsTheGroupsContent() throws {
        let s = try SiteSession()
        #expect(try s.invoke(#"invoke SMS_DistributionPointGroup("\#(Self.hq)").AddDistributionPoints([nal("dp3", "S01")], true)"#).0 == 0)
        #expect(try s.run(#"SMS_DistributionPointGroup("\#(Self.hq)").MemberCount"#)?.cimValue == .uint32(3))
        // the group's package S0100003 now goes to dp3 as well
        #expect(try s.rows(#"select SiteCode from SMS_DistributionPoint where PackageID = "S0100003" and ServerNALPath like '%dp3%'"#) == [["S01"]])
        #expect(try s.invoke(#"invoke SMS_DistributionPointGroup("\#(Self.hq)").RemoveDistributionPoints([nal("dp3", "S01")], true)"#).0 == 0)
        #expect(try s.run(#"SMS_DistributionPointGroup("\#(Self.hq)").MemberCount"#)?.cimValue == .uint32(2))
        #expect(try s.run(#"SMS_DistributionPoint(PackageID = "S0100003", ServerNALPath = nal("dp3.contoso.com", "S01"), SiteCode = "S01").Status"#)?.cimValue == .uint32(3))
        #expect(try s.invoke(#"invoke SMS_DistributionPointGroup("\#(Self.hq)").AddDistributionPoints([nal("cm01", "S01")])"#).1?.contains("is not a distribution point") == true)
        #expect(try s.invoke(#"invoke SMS_DistributionPointGroup("\#(Self.branch)").RemoveDistributionPoints([nal("dp1", "S01")])"#).1?.contains("is not a member") == true)
    }

    @Test func contentPackageToGroup() throws {
        let s = try SiteSession()
        try s.run(#"invoke SMS_DistributionPointGroup("\#(Self.branch)").AddDistributionPoints([nal("dp4", "S02")])"#)
        #expect(try s.invoke(#"invoke SMS_ContentPackage("S0100014").AddDistributionPointGroup(["Branch Distribution Points"])"#).0 == 0)
        #expect(try s.rows("select SiteCode from SMS_DistributionPoint where PackageID = 'S0100014'") == [["S02"]])
        #expect(try s.run(#"SMS_DistributionPointGroup("\#(Self.branch)").ContentCount"#)?.cimValue == .uint32(1))
        #expect(try s.invoke(#"invoke SMS_ContentPackage("S0100014").AddDistributionPointGroup(["No Such Group"])"#).0 != 0)
    }

    @Test func driverContent() throws {
        let s = try SiteSession()
        let before = try s.run(#"SMS_DriverPackage("S0100009").SourceVersion"#)?.cimValue
        #expect(try s.invoke(#"invoke SMS_DriverPackage("S0100009").AddDriverContent([17307], ["\\\\fs01\\sources\\drivers\\raw\\iigd_dch"], true)"#).0 == 0)
        #expect(try s.rows("select ContentID from SMS_PackageToContent where PackageID = 'S0100009' order by ContentID") == [["17306"], ["17307"]])
        #expect(try s.run(#"SMS_DriverPackage("S0100009").SourceVersion"#)?.cimValue != before)
        #expect(try s.invoke(#"invoke SMS_DriverPackage("S0100009").RemoveDriverContent([17306], false)"#).0 == 0)
        #expect(try s.rows("select ContentID from SMS_PackageToContent where PackageID = 'S0100009'") == [["17307"]])
        #expect(try s.invoke(#"invoke SMS_DriverPackage("S0100009").RemoveDriverContent([17301])"#).1?.contains("is not in driver package") == true)
        #expect(try s.invoke(#"invoke SMS_DriverPackage("S0100009").AddDriverContent([99999], ["x"])"#).1?.contains("ContentIDs[0]: content 99999 does not exist") == true)
    }
}

@Suite struct NALTests {
    static let seedNAL = #"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#

    @Test func parseAndFormatRoundTrip() throws {
        let nal = try NALPath(parsing: #"["Display=\\dp1.contoso.com\"]MSWNET:["SMS_SITE=S01"]\\dp1.contoso.com\"#)
        #expect(nal.server == "dp1.contoso.com" && nal.siteCode == "S01" && nal.type == "MSWNET")
        #expect(nal.description == #"["Display=\\dp1.contoso.com\"]MSWNET:["SMS_SITE=S01"]\\dp1.contoso.com\"#)
        #expect(NALPath.server("dp1", site: "S01").description == Self.seedNAL)
        let generic = try NALPath(parsing: #"["Display=CONTOSO\jdoe"]GENERIC:["SMS_SITE=S01","Preferred"]CONTOSO\jdoe"#)
        #expect(generic.type == "GENERIC" && generic.connectionQualifiers == ["SMS_SITE=S01", "Preferred"] && generic.server == nil)
        #expect(NALPath.sameServer("dp1", "DP1.contoso.com") && !NALPath.sameServer("dp1", "dp10.contoso.com"))
    }

    /// SMS 2.0's forms — no display qualifiers, or no lists at all — are read and written back as they came.
    @Test(arguments: [
        (#"MSWNET:["SMS_SITE=ABC"]\\SERVER\SHARE"#, "SERVER", "ABC"),
        (#"MSWNET:\\SERVER\"#, "SERVER", nil),
        (#"MSWNET:["SMS_SITE=S01"]\\dp1.contoso.com\"#, "dp1.contoso.com", "S01"),
    ] as [(String, String, String?)])
    func sms20FormsRoundTrip(_ text: String, _ server: String, _ site: String?) throws {
        let nal = try NALPath(parsing: text)
        #expect(nal.type == "MSWNET" && nal.server == server && nal.siteCode == site && nal.displayQualifiers.isEmpty)
        #expect(nal.description == text)
    }

    @Test(arguments: [
        (#"["Display=\\dp1\"]MSWNET["SMS_SITE=S01"]\\dp1\"#, 25, "expected ':' after the NAL type"),
        (#"["Display=\\dp1\"]NETWARE:["SMS_SITE=S01"]\\dp1\"#, 19, "unknown NAL type 'NETWARE'"),
        (#"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]dp1"#, 42, "an MSWNET path must start with \\\\server"),
        (#"["Display=\\dp1]MSWNET:["SMS_SITE=S01"]\\dp1\"#, 26, "expected ',' or ']' between display qualifiers"),
        (#"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp|1\"#, 46, "'|' cannot appear in a server path"),
        (#"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01\\dp1\"#, 27, "the quote opened here is never closed"),
        ("", 1, "expected '[' to start the display qualifiers"),
    ])
    func errorsPointAtTheBadCharacter(_ text: String, _ column: Int, _ fragment: String) {
        do {
            _ = try NALPath(parsing: text)
            Issue.record("should not parse")
        } catch {
            #expect(error.message.contains("at column \(column)"), "\(error.message)")
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func nalMethodsAndBuiltinAgree() throws {
        let s = try SiteSession()
        let packed = try s.run(#"invoke SMS_NAL_Methods.PackNALPath(["Display=\\\\dp1\\"], "MSWNET", "\\\\dp1\\", ["SMS_SITE=S01"])"#)
        guard case .record(let r)? = packed else { Issue.record("no result"); return }
        #expect(r["NALPath"]?.displayText == Self.seedNAL)
        #expect(try s.run(#"nal("dp1", "S01")"#)?.displayText == Self.seedNAL)
        guard case .record(let u)? = try s.run(#"invoke SMS_NAL_Methods.UnPackNALPath(nal("dp2", "S01"))"#) else { Issue.record("no result"); return }
        #expect(u["NetworkOSPath"]?.displayText == #"\\dp2\"#)
        #expect(u["NALType"]?.displayText == "MSWNET")
        #expect(try s.invoke(#"invoke SMS_NAL_Methods.UnPackNALPath("garbage")"#).0 != 0)
        #expect(try s.invoke(#"invoke SMS_NAL_Methods.PackNALPath([], "IPX", "x", [])"#).1?.contains("MSWNET or GENERIC") == true)
    }
}
