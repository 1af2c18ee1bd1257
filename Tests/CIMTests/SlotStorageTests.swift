// Packed instance values (SlotStorage): every type round-trips, nulls are not stored, slots past the first bitmap
// word and wide cells land where they are read, a change never shows through a copy, and equality and hashing
// follow the values, not how the instance was built.
import Testing
@testable import CIM

@Suite struct SlotStorageTests {
    /// One property of every kind of cell, then enough filler to reach slots 64 and up (a second bitmap word).
    static func wideClass() throws -> CIMClass {
        var properties: [CIMProperty] = [
            CIMProperty(name: "Key", type: CIMType(.string), qualifiers: [CIMQualifier("Key", .boolean(true))]),
            CIMProperty(name: "Flag", type: CIMType(.boolean)),
            CIMProperty(name: "Small", type: CIMType(.sint8)),
            CIMProperty(name: "Byte", type: CIMType(.uint8)),
            CIMProperty(name: "Short", type: CIMType(.sint16)),
            CIMProperty(name: "Word", type: CIMType(.uint16)),
            CIMProperty(name: "Int", type: CIMType(.sint32)),
            CIMProperty(name: "UInt", type: CIMType(.uint32)),
            CIMProperty(name: "Long", type: CIMType(.sint64)),
            CIMProperty(name: "ULong", type: CIMType(.uint64)),
            CIMProperty(name: "Float", type: CIMType(.real32)),
            CIMProperty(name: "Double", type: CIMType(.real64)),
            CIMProperty(name: "Char", type: CIMType(.char16)),
            CIMProperty(name: "When", type: CIMType(.datetime)),
            CIMProperty(name: "Ref", type: CIMType(.reference)),
            CIMProperty(name: "Names", type: CIMType(.string, isArray: true)),
            CIMProperty(name: "Level", type: CIMType(.uint8), defaultValue: .uint8(3)),
        ]
        for i in properties.count..<70 { properties.append(CIMProperty(name: CIMName("Filler\(i)"), type: CIMType(i.isMultiple(of: 2) ? .string : .uint32))) }
        properties.append(CIMProperty(name: "Last", type: CIMType(.string)))
        return try CIMClass(name: "Wide", properties: properties)
    }

    static let sample: [(CIMName, CIMValue)] = [
        ("Key", .string("a key longer than fifteen bytes, so the string has storage of its own")),
        ("Flag", .boolean(true)), ("Small", .sint8(-5)), ("Byte", .uint8(250)), ("Short", .sint16(-30_000)),
        ("Word", .uint16(65_000)), ("Int", .sint32(Int32.min)), ("UInt", .uint32(UInt32.max)),
        ("Long", .sint64(Int64.min)), ("ULong", .uint64(UInt64.max)), ("Float", .real32(-1.5)),
        ("Double", .real64(.pi)), ("Char", .char16(0x263A)),
        ("When", .datetime(try! CIMDateTime(parsing: "20261126090000.123456+060"))),
        ("Ref", .reference(ObjectPath(className: "SMS_Package", keys: [.init("PackageID", .string("PKG00001"))]))),
        ("Names", .array(CIMArray(elementType: .string, [.string("x"), .string("y")]))),
        ("Filler64", .string("past the first bitmap word")), ("Filler65", .uint32(65)), ("Last", .string("last")),
    ]

    @Test func everyTypeRoundTripsAndUnsetSlotsReadNull() throws {
        let cls = try Self.wideClass()
        let instance = try CIMInstance(of: cls, properties: Self.sample)
        for (name, value) in Self.sample { #expect(instance[name] == value, "\(name)") }
        #expect(instance["Level"] == .uint8(3), "a default is stored like any value")
        #expect(instance["Filler20"] == .null && instance["Filler67"] == .null)
        #expect(instance.values.count == cls.properties.count)
        var seen: [Int] = []
        instance.forEachValue { slot, value in seen.append(slot); #expect(value == instance[slot: slot]) }
        #expect(seen == seen.sorted() && seen.count == Self.sample.count + 1)
    }

    @Test func theSameValuesMakeEqualInstancesHoweverTheyWereBuilt() throws {
        let cls = try Self.wideClass()
        let direct = try CIMInstance(of: cls, properties: Self.sample)
        var stepwise = CIMInstance(of: cls)
        for (name, value) in Self.sample.reversed() { try stepwise.set(name, value) }
        let fromSlots = try CIMInstance(of: cls, slotValues: direct.values)
        #expect(direct == stepwise && direct == fromSlots)
        #expect(Set([direct, stepwise, fromSlots]).count == 1)
        try stepwise.set("Filler30", .string("x"))
        try stepwise.set("Filler30", .null)  // set, then null again: no trace left
        #expect(direct == stepwise && direct.hashValue == stepwise.hashValue)
        try stepwise.set("Word", .uint16(1))
        #expect(direct != stepwise)
    }

    @Test func settingSeveralAtOnceIsSettingEachAndAllOrNothing() throws {
        let cls = try Self.wideClass()
        var batch = CIMInstance(of: cls)
        try batch.set(Self.sample)
        #expect(batch == (try CIMInstance(of: cls, properties: Self.sample)))
        let before = batch
        #expect(throws: CIMError.self) { try batch.set([("Word", .uint16(9)), ("Byte", .sint32(300))]) }
        #expect(throws: CIMError.self) { try batch.set([("Word", .uint16(9)), ("NoSuchProperty", .null)]) }
        #expect(batch == before, "a failed batch changes nothing")
        try batch.set([("Word", .string("12")), ("Filler20", .string("x")), ("Key", .null)])
        #expect(batch["Word"] == .uint16(12) && batch["Filler20"] == .string("x") && batch["Key"] == .null)
    }

    @Test func aChangeNeverShowsThroughACopy() throws {
        let cls = try Self.wideClass()
        let original = try CIMInstance(of: cls, properties: Self.sample)
        var copy = original
        try copy.set("Key", .string("changed in place"))  // a set slot: replaced where it is
        try copy.set("Filler40", .string("added"))  // a null slot: the row grows
        try copy.set("Names", .null)  // a boxed value dropped
        try copy.set("Filler66", .string("dense part"))
        #expect(original["Key"] == Self.sample[0].1 && original["Filler40"] == .null && original["Names"] != .null)
        #expect(copy["Key"] == .string("changed in place") && copy["Filler40"] == .string("added"))
        #expect(copy["Names"] == .null && copy["Filler66"] == .string("dense part") && copy["Last"] == .string("last"))
        let fresh = CIMInstance(of: cls)
        var other = fresh
        try other.set("Int", .sint32(7))
        #expect(fresh["Int"] == .null && CIMInstance(of: cls)["Int"] == .null, "the class's shared defaults are untouched")
    }

    @Test func embeddedObjectsAndArraysOfInstancesSurviveCopiesAndDrops() throws {
        let cls = try Self.wideClass()
        let holder = try CIMClass(name: "Holder", properties: [
            CIMProperty(name: "Inner", type: CIMType(.object)),
            CIMProperty(name: "Many", type: CIMType(.object, isArray: true)),
        ])
        let inner = try CIMInstance(of: cls, properties: Self.sample)
        var outer = try CIMInstance(of: holder, properties: [("Inner", .object(inner)), ("Many", .array(CIMArray(elementType: .object, [.object(inner), .object(inner)])))])
        let kept = outer
        try outer.set("Inner", .null)
        #expect(kept["Inner"] == .object(inner))
        guard case .array(let many)? = kept["Many"], case .object(let first) = many.elements[0] else {
            Issue.record("Many lost its elements"); return
        }
        #expect(first == inner && first["Filler64"] == .string("past the first bitmap word"))
    }
}
