// WMI object paths: parsing, formatting, escaping and equality.
import Testing
@testable import CIM

@Suite struct ObjectPathTests {
    static let nal = #"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#

    @Test(arguments: [
        #"\\SCCM01\root\sms\site_S01:SMS_DriverPackage.PackageID="PKG00001""#,
        #"root\sms\site_S01:SMS_Package.PackageID="S0100001""#,
        #"SMS_Package.PackageID="S0100001""#,
        #"SMS_DistributionPoint.PackageID="S0100001",ServerNALPath="[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\",SiteCode="S01""#,
        #"SMS_Identification=@"#,
        #"SMS_Package"#,
        #"Win32_Service="spooler""#,
        #"SMS_Collection.CollectionID=16777217"#,
        #"SMS_Flag.IsOn=TRUE"#,
        #"SMS_Neg.Offset=-5"#,
    ])
    func roundTrips(_ text: String) throws {
        let path = try ObjectPath(parsing: text)
        #expect(path.description == text)
        #expect(try ObjectPath(parsing: path.description) == path)
    }

    @Test func nalPathKeyRoundTripsExactly() throws {
        let path = ObjectPath(className: "SMS_DistributionPoint", keys: [
            .init("PackageID", .string("PKG00001")), .init("ServerNALPath", .string(Self.nal)), .init("SiteCode", .string("S01")),
        ])
        let text = path.description
        #expect(text == #"SMS_DistributionPoint.PackageID="PKG00001",ServerNALPath="[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\",SiteCode="S01""#)
        let back = try ObjectPath(parsing: text)
        #expect(back[key: "ServerNALPath"] == .string(Self.nal))
        #expect(back[key: "servernalpath"]?.stringValue == Self.nal)
    }

    @Test func partsAreParsed() throws {
        let p = try ObjectPath(parsing: #"\\.\root\sms\site_S01:SMS_Package.PackageID="X",Version=3"#)
        #expect(p.server == ".")
        #expect(p.namespace == #"root\sms\site_S01"#)
        #expect(p.className == "sms_package")
        #expect(p.keys.count == 2)
        #expect(p[key: "version"] == .sint64(3))
        let singleton = try ObjectPath(parsing: "SMS_Identification=@")
        #expect(singleton.isSingleton && singleton.keys.isEmpty)
        let forward = try ObjectPath(parsing: #"//./root/sms/site_S01:SMS_Package.PackageID="X""#)
        #expect(forward.namespace == "root/sms/site_S01")
        #expect(forward == p.withoutVersionKey())
    }

    @Test func equalityIgnoresCaseAndKeyOrder() throws {
        let a = try ObjectPath(parsing: #"SMS_DistributionPoint.PackageID="P1",SiteCode="S01""#)
        let b = try ObjectPath(parsing: #"sms_distributionpoint.sitecode="S01",packageid="p1""#)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        let c = try ObjectPath(parsing: #"SMS_DistributionPoint.PackageID="P2",SiteCode="S01""#)
        #expect(a != c)
        #expect(try ObjectPath(parsing: #"ROOT\SMS\SITE_S01:X.K="1""#) == ObjectPath(parsing: #"root/sms/site_S01:x.k="1""#))
    }

    @Test(arguments: [
        (#"SMS_Package.PackageID="unterminated"#, 23),
        (#"SMS_Package.PackageID="X"extra"#, 26),
        (#"SMS_Package.="X""#, 13),
        (#"SMS_Package.PackageID"#, 22),
        (#"SMS_Package.PackageID=bare"#, 23),
        (#"SMS_Package.PackageID="A",PackageID="B""#, 40),
        (#"\\server"#, 9),
        (#"1SMS"#, 1),
        ("", 1),
    ])
    func malformedPathsNameTheColumn(_ text: String, _ column: Int) {
        do {
            _ = try ObjectPath(parsing: text)
            Issue.record("'\(text)' should not parse")
        } catch {
            #expect(error.status == .invalidObjectPath)
            #expect(error.message.contains("column \(column)"), "\(error.message)")
        }
    }
}

extension ObjectPath {
    fileprivate func withoutVersionKey() -> ObjectPath {
        var copy = self
        copy.keys.removeAll { $0.name == "Version" }
        copy.server = "."
        return copy
    }
}
