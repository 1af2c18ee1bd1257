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
        case 1: self = .single(FoldedValue(instance[slot: slots[0]]))
        case 2: self = Self.pair(instance[slot: slots[0]], instance[slot: slots[1]])
        default: self = .composite(slots.map { FoldedValue(instance[slot: $0]) })
        }
    }

    init(values: [CIMValue]) {
        switch values.count {
        case 1: self = .single(FoldedValue(values[0]))
        case 2: self = Self.pair(values[0], values[1])
        default: self = .composite(values.map(FoldedValue.init))
        }
    }

    /// Whether `instance` has this key (as `InstanceKey(instance) == self`, without making its key).
    func isKey(of instance: CIMInstance) -> Bool {
        let slots = instance.cimClass.keySlots
        switch self {
        case .single(let v): return slots.count == 1 && FoldedValue(instance[slot: slots[0]]) == v
        case .integers(let a, let b):
            guard slots.count == 2, let x = instance[slot: slots[0]].integerValue, let y = instance[slot: slots[1]].integerValue else { return false }
            return x == Int128(a) && y == Int128(b)
        case .pair(let a, let b):
            return slots.count == 2 && FoldedValue(instance[slot: slots[0]]) == a && FoldedValue(instance[slot: slots[1]]) == b
        case .composite(let values):
            return values.count == slots.count && zip(values, slots).allSatisfy { $0 == FoldedValue(instance[slot: $1]) }
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
    private var keyIndex = RowHashTable()
    /// The hash indexes, one per indexed slot (a class has a few).
    private var indexes: [ValueIndex]

    init(cimClass: CIMClass, indexedSlots: Set<Int>) {
        self.cimClass = cimClass
        indexes = indexedSlots.sorted().map(ValueIndex.init(slot:))
    }

    var indexedSlots: Set<Int> { Set(indexes.map(\.slot)) }

    func row(for key: InstanceKey) -> CIMInstance? {
        rowNumber(for: key).flatMap { rows[Int($0)] }
    }

    func contains(_ key: InstanceKey) -> Bool { rowNumber(for: key) != nil }

    private func rowNumber(for key: InstanceKey) -> Int32? { keyBucket(for: key).map(keyIndex.row(at:)) }

    private func keyBucket(for key: InstanceKey) -> Int? {
        keyIndex.find(hash: key.rowTableHash) { r in rows[Int(r)].map(key.isKey(of:)) ?? false }
    }

    mutating func insert(_ instance: CIMInstance) { insert(instance, key: InstanceKey(instance)) }

    /// Inserts an instance whose key the caller has computed (and checked is not in the table).
    mutating func insert(_ instance: CIMInstance, key: InstanceKey) {
        let r = Int32(rows.count)
        rows.append(instance)
        keyIndex.insert(hash: key.rowTableHash, row: r)
        liveCount += 1
        // `rows` is passed by value: a copy for the call, released before rows next changes.
        for i in indexes.indices { indexes[i].insert(row: r, in: rows) }
    }

    /// Makes room for `count` more rows, so that a bulk load does not rehash the key index as it grows.
    mutating func reserveCapacity(_ count: Int) {
        rows.reserveCapacity(rows.count + count)
        keyIndex.reserveCapacity(keyIndex.count + count)
        for i in indexes.indices { indexes[i].reserveCapacity(rows: rows.count + count) }
    }

    /// Replaces the instance with the same key; returns the old one (nil when absent).
    mutating func replace(_ instance: CIMInstance) -> CIMInstance? {
        guard let r = rowNumber(for: InstanceKey(instance)), let old = rows[Int(r)] else { return nil }
        // A row whose indexed value changes leaves its list while it still holds the old value and joins the new
        // value's list (at the end) once it holds the new one.
        let moved = indexes.indices.filter { FoldedValue(old[slot: indexes[$0].slot]) != FoldedValue(instance[slot: indexes[$0].slot]) }
        for i in moved { indexes[i].remove(row: r, in: rows) }
        rows[Int(r)] = instance
        for i in moved { indexes[i].insert(row: r, in: rows) }
        return old
    }

    /// Removes the instance with this key; returns it (nil when absent).
    mutating func remove(_ key: InstanceKey) -> CIMInstance? {
        guard let bucket = keyBucket(for: key) else { return nil }
        let r = keyIndex.row(at: bucket)
        guard let old = rows[Int(r)] else { return nil }
        keyIndex.remove(at: bucket)
        for i in indexes.indices { indexes[i].remove(row: r, in: rows) }
        rows[Int(r)] = nil
        liveCount -= 1
        if rows.count > 1024 && liveCount < rows.count / 2 { compact() }
        return old
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
        guard !isIndexed(slot: slot) else { return }
        var index = ValueIndex(slot: slot)
        index.reserveCapacity(rows: rows.count)
        for r in rows.indices where rows[r] != nil { index.insert(row: Int32(r), in: rows) }
        indexes.append(index)
    }

    func isIndexed(slot: Int) -> Bool { indexes.contains { $0.slot == slot } }

    /// Instances whose slot equals the value (WMI matching): through the key index when the slot is the single
    /// key, a hash index when there is one, a scan otherwise.
    func instances(whereSlot slot: Int, equals value: CIMValue) -> [CIMInstance] {
        let folded = FoldedValue(value)
        if cimClass.isSingleKey(slot) {
            return row(for: .single(folded)).map { [$0] } ?? []
        }
        if let index = indexes.first(where: { $0.slot == slot }) {
            return index.rows(holding: folded, in: rows).compactMap { rows[Int($0)] }
        }
        return rows.compactMap { row in
            guard let row, FoldedValue(row[slot: slot]) == folded else { return nil }
            return row
        }
    }
}
