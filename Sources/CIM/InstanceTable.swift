// InstanceTable: the instances of exactly one class, with a key index and optional hash indexes.
//
// Rows never move while they are live: a deleted row leaves a hole (nil) so that the row numbers held by the
// indexes stay valid, and the table compacts itself (rebuilding the indexes) once holes outnumber live rows.
// Enumeration therefore returns instances in creation order, which keeps output deterministic.

/// The identity of an instance within its key family: its key values, folded (strings ignore case).
///
/// Two-part keys — the common composite, an inventory row's ResourceID and GroupID — have cases of their own so
/// that a row of the key index allocates nothing: two integers (the values keys are converted to their declared
/// types, so one class always makes the same case) or, boxed, two other values.
enum InstanceKey: Hashable, Sendable {
    case single(FoldedValue)
    case integers(Int64, Int64)
    indirect case pair(FoldedValue, FoldedValue)
    case composite([FoldedValue])

    init(_ instance: CIMInstance) {
        let slots = instance.cimClass.keySlots
        switch slots.count {
        case 1: self = .single(FoldedValue(instance.values[slots[0]]))
        case 2: self = Self.pair(instance.values[slots[0]], instance.values[slots[1]])
        default: self = .composite(slots.map { FoldedValue(instance.values[$0]) })
        }
    }

    init(values: [CIMValue]) {
        switch values.count {
        case 1: self = .single(FoldedValue(values[0]))
        case 2: self = Self.pair(values[0], values[1])
        default: self = .composite(values.map(FoldedValue.init))
        }
    }

    private static func pair(_ a: CIMValue, _ b: CIMValue) -> InstanceKey {
        if let x = a.integerValue.flatMap({ Int64(exactly: $0) }), let y = b.integerValue.flatMap({ Int64(exactly: $0) }) {
            return .integers(x, y)
        }
        return .pair(FoldedValue(a), FoldedValue(b))
    }
}

struct InstanceTable: Sendable {
    let cimClass: CIMClass
    private(set) var rows: ContiguousArray<CIMInstance?> = []
    private(set) var liveCount = 0
    private var keyIndex: [InstanceKey: Int32] = [:]
    /// slot → (folded value → rows holding it)
    private var hashIndexes: [Int: [FoldedValue: [Int32]]] = [:]
    /// The indexed slots as a plain array. Loops walk this, never `hashIndexes.keys`: a keys view holds the
    /// dictionary's storage, so mutating through it would copy every index on every insert.
    private var indexed: [Int] = []

    init(cimClass: CIMClass, indexedSlots: Set<Int>) {
        self.cimClass = cimClass
        for slot in indexedSlots { hashIndexes[slot] = [:] }
        indexed = indexedSlots.sorted()
    }

    var indexedSlots: Set<Int> { Set(indexed) }

    func row(for key: InstanceKey) -> CIMInstance? {
        guard let r = keyIndex[key] else { return nil }
        return rows[Int(r)]
    }

    func contains(_ key: InstanceKey) -> Bool { keyIndex[key] != nil }

    mutating func insert(_ instance: CIMInstance) { insert(instance, key: InstanceKey(instance)) }

    /// Inserts an instance whose key the caller has computed (and checked is not in the table).
    mutating func insert(_ instance: CIMInstance, key: InstanceKey) {
        let r = Int32(rows.count)
        rows.append(instance)
        keyIndex[key] = r
        liveCount += 1
        for slot in indexed { hashIndexes[slot]![FoldedValue(instance.values[slot]), default: []].append(r) }
    }

    /// Makes room for `count` more rows, so that a bulk load does not rehash the key index as it grows.
    mutating func reserveCapacity(_ count: Int) {
        rows.reserveCapacity(rows.count + count)
        keyIndex.reserveCapacity(keyIndex.count + count)
    }

    /// Replaces the instance with the same key; returns the old one (nil when absent).
    mutating func replace(_ instance: CIMInstance) -> CIMInstance? {
        guard let r = keyIndex[InstanceKey(instance)], let old = rows[Int(r)] else { return nil }
        for slot in indexed where FoldedValue(old.values[slot]) != FoldedValue(instance.values[slot]) {
            removeFromIndex(slot: slot, value: old.values[slot], row: r)
            hashIndexes[slot]![FoldedValue(instance.values[slot]), default: []].append(r)
        }
        rows[Int(r)] = instance
        return old
    }

    /// Removes the instance with this key; returns it (nil when absent).
    mutating func remove(_ key: InstanceKey) -> CIMInstance? {
        guard let r = keyIndex.removeValue(forKey: key), let old = rows[Int(r)] else { return nil }
        for slot in indexed { removeFromIndex(slot: slot, value: old.values[slot], row: r) }
        rows[Int(r)] = nil
        liveCount -= 1
        if rows.count > 1024 && liveCount < rows.count / 2 { compact() }
        return old
    }

    private mutating func removeFromIndex(slot: Int, value: CIMValue, row: Int32) {
        let folded = FoldedValue(value)
        guard var bucket = hashIndexes[slot]![folded] else { return }
        if let i = bucket.lastIndex(of: row) { bucket.remove(at: i) }
        hashIndexes[slot]![folded] = bucket.isEmpty ? nil : bucket
    }

    /// Drops the holes left by deletions and rebuilds the indexes.
    private mutating func compact() {
        let live = rows.compactMap { $0 }
        let slots = indexedSlots
        self = InstanceTable(cimClass: cimClass, indexedSlots: slots)
        rows.reserveCapacity(live.count)
        for instance in live { insert(instance) }
    }

    /// Adds a hash index on a slot, indexing the rows already present.
    mutating func addIndex(slot: Int) {
        guard hashIndexes[slot] == nil else { return }
        var index: [FoldedValue: [Int32]] = [:]
        for (r, instance) in rows.enumerated() {
            if let instance { index[FoldedValue(instance.values[slot]), default: []].append(Int32(r)) }
        }
        hashIndexes[slot] = index
        indexed.append(slot)
    }

    func isIndexed(slot: Int) -> Bool { hashIndexes[slot] != nil }

    /// Instances whose slot equals the value (WMI matching): through the key index when the slot is the single
    /// key, a hash index when there is one, a scan otherwise.
    func instances(whereSlot slot: Int, equals value: CIMValue) -> [CIMInstance] {
        let folded = FoldedValue(value)
        if cimClass.keySlots == [slot] {
            return row(for: .single(folded)).map { [$0] } ?? []
        }
        if let index = hashIndexes[slot] {
            return (index[folded] ?? []).compactMap { rows[Int($0)] }
        }
        return rows.compactMap { row in
            guard let row, FoldedValue(row.values[slot]) == folded else { return nil }
            return row
        }
    }
}
