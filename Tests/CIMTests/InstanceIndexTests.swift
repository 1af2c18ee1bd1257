// An instance table's indexes (RowHashTable for keys, ValueIndex for indexed properties) against a plain scan:
// after thousands of seeded inserts, replacements that move rows between values, and removals (enough to make
// the table compact itself), every key is found or not as the scan says and every value's rows come back in the
// scan's order — including values that differ only in case, and a table forced into hash collisions.
import Testing
@testable import CIM

@Suite struct InstanceIndexTests {
    /// A small deterministic generator (the tests must not depend on the run).
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func table() throws -> (InstanceTable, CIMClass) {
        let cls = try CIMClass(name: "Row", properties: [
            CIMProperty(name: "ResourceID", type: CIMType(.uint32), qualifiers: [CIMQualifier("Key")]),
            CIMProperty(name: "Name", type: CIMType(.string), qualifiers: [CIMQualifier("Key")]),
            CIMProperty(name: "Group", type: CIMType(.string)),
            CIMProperty(name: "Level", type: CIMType(.uint8)),
        ])
        return (InstanceTable(cimClass: cls, indexedSlots: [0, 2]), cls)
    }

    static func row(_ cls: CIMClass, _ id: Int, _ name: String, _ group: String?, _ level: Int) throws -> CIMInstance {
        try CIMInstance(of: cls, properties: [("ResourceID", .uint32(UInt32(id))), ("Name", .string(name)),
                                              ("Group", group.map(CIMValue.string) ?? .null), ("Level", .uint8(UInt8(level)))])
    }

    /// Whether two answers hold the same instances. (An index lists a row that changed value after the rows that
    /// had it before; a scan lists rows in table order. Compared as Bools, so a failure does not print every row.)
    static func same(_ a: [CIMInstance], _ b: [CIMInstance]) -> Bool { a.count == b.count && Set(a) == Set(b) }

    /// Checks every index answer against a scan of the live rows.
    static func check(_ table: InstanceTable, ids: Range<Int>, groups: [String?]) {
        let live = table.rows.compactMap { $0 }
        #expect(live.count == table.liveCount)
        for id in ids {
            let scanned = live.filter { $0[slot: 0] == .uint32(UInt32(id)) }
            #expect(same(table.instances(whereSlot: 0, equals: .uint32(UInt32(id))), scanned), "ResourceID \(id)")
            #expect(scanned.allSatisfy { table.row(for: InstanceKey($0)) == $0 }, "keys of ResourceID \(id)")
        }
        for group in groups {
            let value = group.map(CIMValue.string) ?? .null
            let scanned = live.filter { FoldedValue($0[slot: 2]) == FoldedValue(value) }
            #expect(same(table.instances(whereSlot: 2, equals: value), scanned), "Group \(group ?? "null")")
            if let group {
                #expect(same(table.instances(whereSlot: 2, equals: .string(group.uppercased())), scanned), "case ignored")
            }
        }
    }

    @Test func indexesAgreeWithAScanThroughInsertsReplacementsAndRemovals() throws {
        var (table, cls) = try Self.table()
        let groups: [String?] = ["alpha", "Beta", "gamma", nil]
        var random = Seeded(state: 42)
        var keys: [(Int, String)] = []
        for i in 0..<3_000 {
            let key = (random.next(400), "n\(i)")
            table.insert(try Self.row(cls, key.0, key.1, groups[random.next(groups.count)], i % 200))
            keys.append(key)
        }
        Self.check(table, ids: 0..<400, groups: groups)
        let inOrder = table.rows.compactMap { $0 }.filter { $0[slot: 2] == .string("alpha") }
        #expect(table.instances(whereSlot: 2, equals: .string("alpha")) == inOrder, "before any change, rows in table order")
        #expect(table.row(for: InstanceKey(values: [.uint32(1), .string("missing")])) == nil)
        #expect(table.row(for: InstanceKey(values: [.uint32(UInt32(keys[7].0)), .string("N7")])) != nil, "keys fold case")

        // Replacements move rows between groups (and to null); removals leave holes, then compact the table.
        for _ in 0..<1_500 {
            let (id, name) = keys[random.next(keys.count)]
            _ = table.replace(try Self.row(cls, id, name, groups[random.next(groups.count)], random.next(200)))
        }
        Self.check(table, ids: 0..<400, groups: groups)
        var removed = 0
        for (id, name) in keys where random.next(3) != 0 {
            if table.remove(InstanceKey(values: [.uint32(UInt32(id)), .string(name)])) != nil { removed += 1 }
        }
        #expect(removed > 1_500 && table.liveCount == 3_000 - removed)
        #expect(table.rows.count < 3_000, "holes outnumbered live rows: the table compacted")
        Self.check(table, ids: 0..<400, groups: groups)
        for (id, name) in keys.prefix(50) {  // removed keys can come back
            if table.row(for: InstanceKey(values: [.uint32(UInt32(id)), .string(name)])) == nil {
                table.insert(try Self.row(cls, id, name, "alpha", 1))
            }
        }
        Self.check(table, ids: 0..<400, groups: groups)
    }

    @Test func collidingHashesStillFindTheirOwnRows() {
        var lists = RowHashTable()
        // Ten rows under one hash, ten under another landing in the same buckets: probes must compare rows.
        for r in 0..<20 { lists.insert(hash: r < 10 ? 7 : 7 + 1 << 20, row: Int32(r)) }
        for r in 0..<20 {
            let hash: UInt32 = r < 10 ? 7 : 7 + 1 << 20
            #expect(lists.find(hash: hash) { $0 == Int32(r) }.map(lists.row(at:)) == Int32(r))
        }
        for r in stride(from: 0, to: 20, by: 2) {  // removing shifts later entries back over the holes
            let hash: UInt32 = r < 10 ? 7 : 7 + 1 << 20
            lists.remove(at: lists.find(hash: hash) { $0 == Int32(r) }!)
        }
        #expect(lists.count == 10)
        for r in 0..<20 {
            let hash: UInt32 = r < 10 ? 7 : 7 + 1 << 20
            #expect((lists.find(hash: hash) { $0 == Int32(r) } != nil) == !r.isMultiple(of: 2), "row \(r)")
        }
    }
}
