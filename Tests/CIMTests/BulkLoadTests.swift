// Bulk loading: instances made from slot values, put in by the thousand, tables sized beforehand, two-part
// integer keys, and a repository copied on write.
import Testing
@testable import CIM

@Suite struct BulkLoadTests {
    /// An inventory-like class keyed by two integers, with an indexed ResourceID.
    static func inventoryRepository() throws -> CIMRepository {
        let repo = CIMRepository()
        _ = try MOFCompiler.compile("""
            class Row { [Key, Indexed] uint32 ResourceID; [Key] uint32 GroupID; string Name; uint8 Level = 3; datetime At; };
            class Pair { [Key] string A; [Key] string B; };
            """, fileName: "bulk.mof", into: repo)
        return repo
    }

    @Test func instancesFromSlotValuesKeepTypedValuesAndConvertOthers() throws {
        let repo = try Self.inventoryRepository()
        let row = try repo.requireClass("Row")
        var values = row.defaultValues
        #expect(values[row.slot(of: "Level")!] == .uint8(3))
        values[row.slot(of: "ResourceID")!] = .uint32(16_777_220)
        values[row.slot(of: "GroupID")!] = .sint64(1)  // converted to uint32
        values[row.slot(of: "At")!] = .string("20261126090000.000000+000")  // parsed
        let instance = try CIMInstance(of: row, slotValues: values)
        #expect(instance["GroupID"] == .uint32(1))
        #expect(instance["At"] == .datetime(try CIMDateTime(parsing: "20261126090000.000000+000")))
        #expect(instance["Level"] == .uint8(3))
        #expect(throws: CIMError.self) { try CIMInstance(of: row, slotValues: [.uint32(1)]) }
        values[row.slot(of: "Level")!] = .sint64(300)
        #expect { try CIMInstance(of: row, slotValues: values) } throws: { ($0 as? CIMError)?.status == .valueOutOfRange }
    }

    @Test func putStoredInstancesLoadsRunsOfClassesAndIndexesThem() throws {
        let repo = try Self.inventoryRepository()
        let row = try repo.requireClass("Row"), pair = try repo.requireClass("Pair")
        try repo.reserveCapacity(10_000, of: "Row")
        var batch: [CIMInstance] = []
        for id in 0..<2_000 {
            for group in 1...3 {
                batch.append(try CIMInstance(of: row, properties: [("ResourceID", .uint32(UInt32(id))), ("GroupID", .uint32(UInt32(group))),
                                                                   ("Name", .string("r\(id)-\(group)"))]))
            }
        }
        batch.append(try CIMInstance(of: pair, properties: [("A", .string("x")), ("B", .string("y"))]))
        try repo.putStoredInstances(batch)
        #expect(try repo.count(of: "Row") == 6_000)
        // Lookups by path, with the key values in any integer form or as text, find the rows.
        let found = try repo.instance(at: ObjectPath(parsing: #"Row.ResourceID="1999",GroupID=2"#))
        #expect(found["Name"] == .string("r1999-2"))
        #expect(try repo.instance(at: ObjectPath(parsing: #"Pair.A="X",B="Y""#))["A"] == .string("x"))
        #expect(try repo.instances(of: "Row", where: "ResourceID", equals: .sint32(7)).count == 3)
        // Putting an instance with the same key again replaces it.
        try repo.putStoredInstances([try CIMInstance(of: row, properties: [("ResourceID", .uint32(7)), ("GroupID", .uint32(1)),
                                                                          ("Name", .string("again"))])])
        #expect(try repo.count(of: "Row") == 6_000)
        #expect(try repo.instance(at: ObjectPath(parsing: "Row.ResourceID=7,GroupID=1"))["Name"] == .string("again"))
        // A normal create still sees the bulk-loaded keys.
        #expect { try repo.createInstance(batch[0]) } throws: { ($0 as? CIMError)?.status == .alreadyExists }
        #expect { try repo.putStoredInstances(batch.prefix(1).map { $0 }, namespace: "root\\nowhere") } throws: {
            ($0 as? CIMError)?.status == .invalidNamespace
        }
    }

    @Test func aCopyIsIndependentOfItsOriginal() throws {
        let repo = try Self.inventoryRepository()
        let row = try repo.requireClass("Row")
        try repo.createIndex(on: "Name", of: "Row")
        try repo.createInstance(try CIMInstance(of: row, properties: [("ResourceID", .uint32(1)), ("GroupID", .uint32(1)), ("Name", .string("one"))]))
        let copy = CIMRepository(copying: repo)
        #expect(copy.defaultNamespace == repo.defaultNamespace)
        #expect(copy.isIndexed("Name", of: "Row"))
        #expect(try copy.instances(of: "Row", where: "Name", equals: .string("ONE")).count == 1)
        try copy.createInstance(try CIMInstance(of: row, properties: [("ResourceID", .uint32(2)), ("GroupID", .uint32(1))]))
        try repo.deleteInstance(at: ObjectPath(parsing: "Row.ResourceID=1,GroupID=1"))
        #expect(try copy.count(of: "Row") == 2)
        #expect(try repo.count(of: "Row") == 0)
        // The copy shares the original's class objects, so its instances are of its own registered classes.
        #expect(copy.cimClass(named: "Row") === row)
    }
}
