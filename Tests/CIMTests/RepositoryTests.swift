// The repository: creating, reading, indexing, modifying and deleting instances; transactions and hooks.
import Foundation
import Testing
@testable import CIM

@Suite struct RepositoryTests {
    @Test func createAndLookUpByKeyIgnoringCase() throws {
        let repo = try Fixture.repository()
        let path = try repo.createInstance(try Fixture.package(repo, "SMS_DriverPackage", "PKG00001", name: "Dell drivers"))
        #expect(path.description == #"SMS_DriverPackage.PackageID="PKG00001""#)
        let found = try repo.instance(at: try ObjectPath(parsing: #"sms_driverpackage.packageid="pkg00001""#))
        #expect(found["Name"] == .string("Dell drivers"))
        #expect(found["Priority"] == .uint8(2))  // class default
        // A base-class path finds the subclass instance; so does WMI's single-key shorthand.
        #expect(try repo.instance(at: ObjectPath(parsing: #"SMS_PackageBaseClass.PackageID="PKG00001""#)).className == "SMS_DriverPackage")
        #expect(try repo.instance(at: ObjectPath(parsing: #"SMS_DriverPackage="PKG00001""#)) == found)
    }

    @Test func enumerationWithAndWithoutSubclasses() throws {
        let repo = try Fixture.repository()
        try repo.createInstance(try Fixture.package(repo, "SMS_Package", "S0100001", name: "Office"))
        try repo.createInstance(try Fixture.package(repo, "SMS_DriverPackage", "S0100002", name: "HP"))
        try repo.createInstance(try Fixture.package(repo, "SMS_Package", "S0100003", name: "Teams"))
        #expect(try repo.instances(of: "SMS_PackageBaseClass").map { $0["PackageID"]!.displayText } == ["S0100001", "S0100003", "S0100002"])
        #expect(try repo.instances(of: "SMS_PackageBaseClass", deep: false).isEmpty)
        #expect(try repo.count(of: "sms_package") == 2)
        var seen = 0
        try repo.forEachInstance(of: "SMS_PackageBaseClass") { _ in seen += 1; return seen < 2 }
        #expect(seen == 2)
    }

    @Test func validationErrorsCarryWBEMCodes() throws {
        let repo = try Fixture.repository()
        let pkg = try repo.requireClass("SMS_Package")
        try repo.createInstance(try Fixture.package(repo, "SMS_Package", "S0100001", name: "Office"))
        func status(_ body: () throws -> Void) -> CIMStatus? {
            do { try body(); return nil } catch let e as CIMError { return e.status } catch { return nil }
        }
        // duplicate key — also across the hierarchy (a driver package may not reuse a package's ID)
        #expect(status { try repo.createInstance(try Fixture.package(repo, "SMS_Package", "s0100001", name: "x")) } == .alreadyExists)
        #expect(status { try repo.createInstance(try Fixture.package(repo, "SMS_DriverPackage", "S0100001", name: "x")) } == .alreadyExists)
        // missing key, unknown property, wrong type, out of range, abstract class
        #expect(status { try repo.createInstance(CIMInstance(of: pkg)) } == .illegalNull)
        #expect(status { _ = try CIMInstance(of: pkg, properties: [("Colour", .string("red"))]) } == .notFound)
        #expect(status { _ = try CIMInstance(of: pkg, properties: [("PkgFlags", .string("lots"))]) } == .typeMismatch)
        #expect(status { _ = try CIMInstance(of: pkg, properties: [("Priority", .sint32(300))]) } == .valueOutOfRange)
        #expect(status { try repo.createInstance(try Fixture.package(repo, "SMS_PackageBaseClass", "B1", name: "x")) } == .invalidOperation)
        // lookups
        #expect(status { _ = try repo.instance(at: try ObjectPath(parsing: #"SMS_Package.PackageID="NOPE""#)) } == .notFound)
        #expect(status { _ = try repo.instance(at: try ObjectPath(parsing: #"SMS_Nope.PackageID="X""#)) } == .invalidClass)
        #expect(status { _ = try repo.instance(at: try ObjectPath(parsing: #"SMS_Package.Name="X""#)) } == .invalidObjectPath)
        #expect(status { _ = try repo.instance(at: try ObjectPath(parsing: #"SMS_DistributionPoint="X""#)) } == .invalidObjectPath)
        #expect(status { _ = try repo.instances(of: "SMS_Package", namespace: "root\\nowhere") } == .invalidNamespace)
        #expect(status { try repo.deleteInstance(at: try ObjectPath(parsing: #"SMS_Package.PackageID="NOPE""#)) } == .notFound)
        #expect(try repo.count(of: "SMS_PackageBaseClass") == 1)
    }

    @Test func hashIndexesAnswerEqualityAndFollowChanges() throws {
        let repo = try Fixture.repository()
        for i in 0..<50 {
            try repo.createInstance(try Fixture.package(repo, i % 2 == 0 ? "SMS_Package" : "SMS_DriverPackage",
                                                        "S01\(String(format: "%05X", i))", name: "P\(i)",
                                                        manufacturer: i % 5 == 0 ? "Dell" : "HP"))
        }
        #expect(repo.isIndexed("Manufacturer", of: "SMS_Package"))   // [Indexed] on the base class
        #expect(repo.isIndexed("PackageID", of: "SMS_Package"))      // the key index
        #expect(!repo.isIndexed("Name", of: "SMS_Package"))
        #expect(try repo.instances(of: "SMS_PackageBaseClass", where: "manufacturer", equals: .string("dell")).count == 10)
        #expect(try repo.instances(of: "SMS_Package", where: "Manufacturer", equals: .string("DELL")).count == 5)
        // an index added later covers existing rows and subclasses
        try repo.createIndex(on: "Name", of: "SMS_PackageBaseClass")
        #expect(repo.isIndexed("Name", of: "SMS_DriverPackage"))
        #expect(try repo.instances(of: "SMS_PackageBaseClass", where: "Name", equals: .string("p7")).map { $0["PackageID"]! } == [.string("S0100007")])
        // modify moves the row between buckets; delete removes it
        var p = try repo.instance(at: try ObjectPath(parsing: #"SMS_Package.PackageID="S0100000""#))
        try p.set("Manufacturer", .string("Lenovo"))
        try repo.modifyInstance(p)
        #expect(try repo.instances(of: "SMS_PackageBaseClass", where: "Manufacturer", equals: .string("Dell")).count == 9)
        #expect(try repo.instances(of: "SMS_PackageBaseClass", where: "Manufacturer", equals: .string("Lenovo")).count == 1)
        try repo.deleteInstance(at: p.path)
        #expect(try repo.instances(of: "SMS_PackageBaseClass", where: "Manufacturer", equals: .string("Lenovo")).isEmpty)
        // equality on a non-indexed property scans and agrees
        #expect(try repo.instances(of: "SMS_PackageBaseClass", where: "Priority", equals: .sint64(2)).count == 49)
    }

    @Test func deletesCompactWithoutLosingInstancesOrIndexes() throws {
        let repo = try Fixture.repository()
        for i in 0..<3000 {
            try repo.createInstance(try Fixture.package(repo, "SMS_Package", "P\(i)", name: "N\(i)", manufacturer: "M\(i % 3)"))
        }
        for i in 0..<3000 where i % 4 != 0 { try repo.deleteInstance(at: ObjectPath(className: "SMS_Package", keys: [.init("PackageID", .string("P\(i)"))])) }
        #expect(try repo.count(of: "SMS_Package") == 750)
        #expect(try repo.instance(at: ObjectPath(className: "SMS_Package", keys: [.init(nil, .string("p2996"))]))["Name"] == .string("N2996"))
        #expect(try repo.instances(of: "SMS_Package", where: "Manufacturer", equals: .string("M0")).count == 250)
        #expect(try repo.instances(of: "SMS_Package").first?["PackageID"] == .string("P0"))  // creation order kept
    }

    @Test func modifyCannotChangeKeysOrInventInstances() throws {
        let repo = try Fixture.repository()
        try repo.createInstance(try Fixture.package(repo, "SMS_Package", "S0100001", name: "Office"))
        let ghost = try Fixture.package(repo, "SMS_Package", "S0199999", name: "ghost")
        #expect(throws: CIMError.self) { try repo.modifyInstance(ghost) }
        #expect(try repo.count(of: "SMS_Package") == 1)
    }

    @Test func performAtomicallyUndoesEverythingOnError() throws {
        let repo = try Fixture.repository()
        try repo.createInstance(try Fixture.package(repo, "SMS_Package", "KEEP", name: "kept"))
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try repo.performAtomically {
                try repo.createInstance(try Fixture.package(repo, "SMS_Package", "NEW1", name: "a"))
                var kept = try repo.instance(at: ObjectPath(className: "SMS_Package", keys: [.init(nil, .string("KEEP"))]))
                try kept.set("Name", .string("changed"))
                try repo.modifyInstance(kept)
                try repo.deleteInstance(at: kept.path)
                try repo.addClass(try CIMClass(name: "Temp"))
                repo.createNamespace("root\\temp")
                throw Boom()
            }
        }
        #expect(try repo.instances(of: "SMS_Package").map { $0["Name"]! } == [.string("kept")])
        #expect(repo.cimClass(named: "Temp") == nil)
        #expect(!repo.hasNamespace("root\\temp"))
    }

    @Test func hooksCanFillInVetoAndReact() throws {
        let repo = try Fixture.repository()
        struct AssignID: InstanceHook {
            func validate(_ change: InstanceChange, proposed: inout CIMInstance?, in context: HookContext) throws {
                if case .create = change, proposed?["PackageID"] == .null { try proposed?.set("PackageID", .string("AUTO1")) }
                if case .delete(let old) = change, old["Name"] == .string("protected") {
                    throw CIMError(.accessDenied, "Package \(old["PackageID"]!.displayText) is protected.")
                }
            }
            func didChange(_ change: InstanceChange, in context: HookContext) throws {
                if case .create(let inst) = change, inst["Name"] == .string("explode") {
                    throw CIMError(.failed, "didChange refused")
                }
            }
        }
        repo.register(hook: AssignID(), for: "SMS_PackageBaseClass")
        let path = try repo.createInstance(try CIMInstance(of: try repo.requireClass("SMS_Package"), properties: [("Name", .string("protected"))]))
        #expect(path.description == #"SMS_Package.PackageID="AUTO1""#)
        #expect(throws: CIMError.self) { try repo.deleteInstance(at: path) }
        #expect(try repo.count(of: "SMS_Package") == 1)
        #expect(throws: CIMError.self) {
            try repo.createInstance(try Fixture.package(repo, "SMS_DriverPackage", "D1", name: "explode"))
        }
        #expect(try repo.count(of: "SMS_DriverPackage") == 0)  // didChange's throw undid the create
    }

    @Test func namespacesKeepClassesApart() throws {
        let repo = CIMRepository()
        repo.createNamespace("root/cimv2")
        try repo.addClass(try CIMClass(name: "Thing", properties: [CIMProperty(name: "ID", type: .uint32, qualifiers: [CIMQualifier("Key")])]), namespace: "root\\cimv2")
        #expect(repo.cimClass(named: "Thing") == nil)
        #expect(repo.cimClass(named: "Thing", namespace: "ROOT\\CIMV2") != nil)
        #expect(repo.namespaces == ["root\\sms\\site_S01", "root\\cimv2"])
        let thing = try repo.requireClass("Thing", namespace: "root\\cimv2")
        try repo.createInstance(try CIMInstance(of: thing, properties: [("ID", .uint32(7))]), namespace: "root\\cimv2")
        #expect(try repo.instance(at: try ObjectPath(parsing: #"root\cimv2:Thing.ID=7"#))["ID"] == .uint32(7))
        // an instance of a class from another namespace is refused
        #expect(throws: CIMError.self) { try repo.createInstance(try CIMInstance(of: thing, properties: [("ID", .uint32(8))])) }
    }

    @Test func concurrentReadersAndAWriterDoNotInterfere() async throws {
        let repo = try Fixture.repository()
        for i in 0..<200 { try repo.createInstance(try Fixture.package(repo, "SMS_Package", "P\(i)", name: "N\(i)")) }
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for i in 200..<400 { try repo.createInstance(try Fixture.package(repo, "SMS_Package", "P\(i)", name: "N\(i)")) }
                return 0
            }
            for _ in 0..<3 {
                group.addTask {
                    var found = 0
                    for i in 0..<200 {
                        if (try? repo.instance(at: ObjectPath(className: "SMS_Package", keys: [.init(nil, .string("P\(i)"))]))) != nil { found += 1 }
                    }
                    return found
                }
            }
            var total = 0
            for try await n in group { total += n }
            #expect(total == 600)
        }
        #expect(try repo.count(of: "SMS_Package") == 400)
    }
}
