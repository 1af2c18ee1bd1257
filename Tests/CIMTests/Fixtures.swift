// A small package/DP schema built in Swift (not MOF), shared by the repository and dispatch tests.
@testable import CIM

enum Fixture {
    /// Base → Package, DriverPackage; DistributionPoint with a three-part key; a static helper class.
    static func repository() throws -> CIMRepository {
        let repo = CIMRepository()
        let base = try CIMClass(name: "SMS_PackageBaseClass", qualifiers: [CIMQualifier("Abstract")], properties: [
            CIMProperty(name: "PackageID", type: .string, qualifiers: [CIMQualifier("Key")]),
            CIMProperty(name: "Name", type: .string),
            CIMProperty(name: "Manufacturer", type: .string, qualifiers: [CIMQualifier("Indexed")]),
            CIMProperty(name: "Priority", type: .uint8, defaultValue: .uint8(2)),
            CIMProperty(name: "SourceDate", type: .datetime),
        ], methods: [
            CIMMethod(name: "AddDistributionPoints", returnType: .sint32, parameters: [
                CIMParameter(name: "SiteCode", type: CIMType.string.arrayType, qualifiers: [CIMQualifier("In")]),
                CIMParameter(name: "NALPath", type: CIMType.string.arrayType, qualifiers: [CIMQualifier("In")]),
            ]),
            CIMMethod(name: "Describe", returnType: .sint32, parameters: [
                CIMParameter(name: "Prefix", type: .string, qualifiers: [CIMQualifier("In")]),
                CIMParameter(name: "Text", type: .string, qualifiers: [CIMQualifier("Out")]),
            ]),
        ])
        let package = try CIMClass(name: "SMS_Package", superclass: base, properties: [
            CIMProperty(name: "PkgFlags", type: .uint32),
        ])
        let driver = try CIMClass(name: "SMS_DriverPackage", superclass: base)
        let dp = try CIMClass(name: "SMS_DistributionPoint", properties: [
            CIMProperty(name: "PackageID", type: .string, qualifiers: [CIMQualifier("Key")]),
            CIMProperty(name: "ServerNALPath", type: .string, qualifiers: [CIMQualifier("Key")]),
            CIMProperty(name: "SiteCode", type: .string, qualifiers: [CIMQualifier("Key")]),
            CIMProperty(name: "Status", type: .uint32),
        ])
        let nal = try CIMClass(name: "SMS_NAL_Methods", methods: [
            CIMMethod(name: "PackNALPath", returnType: .sint32, parameters: [
                CIMParameter(name: "Server", type: .string, qualifiers: [CIMQualifier("In")]),
                CIMParameter(name: "NALPath", type: .string, qualifiers: [CIMQualifier("Out")]),
            ], qualifiers: [CIMQualifier("Static")]),
        ])
        for c in [base, package, driver, dp, nal] { try repo.addClass(c) }
        return repo
    }

    static func package(_ repo: CIMRepository, _ className: CIMName, _ id: String, name: String,
                        manufacturer: String = "Contoso") throws -> CIMInstance {
        try CIMInstance(of: try repo.requireClass(className), properties: [
            ("PackageID", .string(id)), ("Name", .string(name)), ("Manufacturer", .string(manufacturer)),
        ])
    }
}
