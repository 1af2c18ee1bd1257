// Classes: inheritance, slot layout, qualifiers, case-insensitive lookup.
import Testing
@testable import CIM

@Suite struct ClassTests {
    @Test func inheritedPropertiesKeepTheirSlots() throws {
        let repo = try Fixture.repository()
        let base = try repo.requireClass("SMS_PackageBaseClass")
        let pkg = try repo.requireClass("sms_package")
        #expect(pkg.name.string == "SMS_Package")  // declared case kept for display
        #expect(pkg.superclass === base)
        #expect(pkg.slot(of: "packageid") == base.slot(of: "PackageID"))
        #expect(pkg.properties.map(\.name.string) == ["PackageID", "Name", "Manufacturer", "Priority", "SourceDate", "PkgFlags"])
        #expect(pkg.property(named: "PKGFLAGS")?.classOrigin == "SMS_Package")
        #expect(pkg.property(named: "name")?.classOrigin == "SMS_PackageBaseClass")
        #expect(pkg.keyProperties.map(\.name) == ["PackageID"])
        #expect(pkg.isSubclass(of: "sms_packagebaseclass"))
        #expect(!base.isSubclass(of: "SMS_Package"))
        #expect(base.isAbstract && !pkg.isAbstract)  // Abstract is not inherited
        #expect(pkg.method(named: "adddistributionpoints")?.signature
                == "sint32 AddDistributionPoints([In] string SiteCode[], [In] string NALPath[])")
        #expect(pkg.lineage.map(\.name) == ["SMS_Package", "SMS_PackageBaseClass"])
    }

    @Test func subclassesDeepAndShallow() throws {
        let repo = try Fixture.repository()
        let grand = try CIMClass(name: "SMS_BigPackage", superclass: try repo.requireClass("SMS_Package"))
        try repo.addClass(grand)
        #expect(try repo.subclasses(of: "SMS_PackageBaseClass", deep: false).map(\.name) == ["SMS_Package", "SMS_DriverPackage"])
        #expect(try repo.subclasses(of: "SMS_PackageBaseClass").map(\.name) == ["SMS_Package", "SMS_BigPackage", "SMS_DriverPackage"])
        #expect(throws: CIMError.self) { _ = try repo.subclasses(of: "Nope") }
    }

    @Test func badDeclarationsAreRejected() throws {
        let base = try CIMClass(name: "Base", properties: [CIMProperty(name: "ID", type: .string, qualifiers: [CIMQualifier("Key")])])
        #expect(throws: CIMError.self) {
            _ = try CIMClass(name: "Dup", properties: [CIMProperty(name: "A", type: .string), CIMProperty(name: "a", type: .uint8)])
        }
        #expect(throws: CIMError.self) {  // override with another type
            _ = try CIMClass(name: "Sub", superclass: base, properties: [CIMProperty(name: "ID", type: .uint32)])
        }
        #expect(throws: CIMError.self) {  // a key below a keyed class
            _ = try CIMClass(name: "Sub", superclass: base, properties: [CIMProperty(name: "K2", type: .string, qualifiers: [CIMQualifier("Key")])])
        }
        #expect(throws: CIMError.self) { _ = try CIMClass(name: "9lives") }
        #expect(throws: CIMError.self) {
            _ = try CIMClass(name: "M", methods: [CIMMethod(name: "F", returnType: nil, parameters: [
                CIMParameter(name: "p", type: .string), CIMParameter(name: "P", type: .string)])])
        }
        let repo = CIMRepository()
        try repo.addClass(base)
        #expect(throws: CIMError(.alreadyExists, "Class Base already exists in root\\sms\\site_S01.")) {
            try repo.addClass(try CIMClass(name: "BASE"))
        }
        let orphanParent = try CIMClass(name: "Elsewhere")
        #expect(throws: CIMError.self) { try repo.addClass(try CIMClass(name: "Orphan", superclass: orphanParent)) }
    }

    @Test func qualifierSetsReadStandardQualifiers() {
        let q: CIMQualifierSet = [CIMQualifier("key"), CIMQualifier("Lazy"), CIMQualifier("Description", .string("Site code")),
                                  CIMQualifier("Values", .array(CIMArray(elementType: .string, [.string("Off"), .string("On")]))),
                                  CIMQualifier("ValueMap", .array(CIMArray(elementType: .string, [.string("0"), .string("1")]))),
                                  CIMQualifier("Write", .boolean(false))]
        #expect(q.isKey && q.isLazy && !q.isWrite && !q.isStatic)
        #expect(q.descriptionText == "Site code")
        #expect(q.valueMap?.map(\.text) == ["Off", "On"])
        #expect(q.valueMap?.map(\.value) == ["0", "1"])
    }
}
