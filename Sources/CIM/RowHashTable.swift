// RowHashTable: row numbers found by a 32-bit hash, for an instance table's indexes.
//
// A dictionary from InstanceKey (or from a folded value) to row numbers held every key a second time — the row
// already has it: 24 bytes a key, a heap box for each two-part key that is not two integers, an array for longer
// ones and for each value's rows. Here an entry is 8 bytes, the hash and a row number, in an open-addressing table
// (linear probing; deletion shifts later entries back, so there are no tombstones). A probe compares hashes and
// asks its caller to compare the row's own values only when they agree.

struct RowHashTable: Sendable {
    /// 0 is an empty bucket; otherwise the hash in the high half and the row number + 1 in the low half.
    private var buckets: ContiguousArray<UInt64> = []
    private(set) var count = 0

    /// The bucket of the first entry with this hash whose row `matches`; nil when there is none.
    func find(hash: UInt32, matches: (Int32) -> Bool) -> Int? {
        guard !buckets.isEmpty else { return nil }
        let mask = buckets.count - 1
        var i = Int(hash) & mask
        while true {
            let entry = buckets[i]
            if entry == 0 { return nil }
            if UInt32(truncatingIfNeeded: entry >> 32) == hash, matches(Self.row(entry)) { return i }
            i = (i + 1) & mask
        }
    }

    func row(at bucket: Int) -> Int32 { Self.row(buckets[bucket]) }

    /// Points a bucket at another row with the same hash.
    mutating func setRow(at bucket: Int, _ row: Int32) {
        buckets[bucket] = Self.entry(hash: UInt32(truncatingIfNeeded: buckets[bucket] >> 32), row: row)
    }

    /// Adds an entry (the caller knows no row with it matches).
    mutating func insert(hash: UInt32, row: Int32) {
        if (count + 1) * 4 > buckets.count * 3 { grow(toHold: count + 1) }
        place(Self.entry(hash: hash, row: row))
        count += 1
    }

    mutating func remove(at bucket: Int) {
        let mask = buckets.count - 1
        var hole = bucket
        var j = bucket
        while true {  // shift back each later entry of the run whose home is not between the hole and itself
            j = (j + 1) & mask
            let entry = buckets[j]
            if entry == 0 { break }
            let home = Int(entry >> 32) & mask
            let stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j)
            if !stays {
                buckets[hole] = entry
                hole = j
            }
        }
        buckets[hole] = 0
        count -= 1
    }

    /// Sizes the table for `capacity` entries, so a bulk load does not rehash as it grows.
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 4 > buckets.count * 3 { grow(toHold: capacity) }
    }

    private mutating func grow(toHold wanted: Int) {
        var size = Swift.max(16, buckets.count)
        while wanted * 4 > size * 3 { size *= 2 }
        let old = buckets
        buckets = ContiguousArray(repeating: 0, count: size)
        for entry in old where entry != 0 { place(entry) }
    }

    private mutating func place(_ entry: UInt64) {
        let mask = buckets.count - 1
        var i = Int(entry >> 32) & mask
        while buckets[i] != 0 { i = (i + 1) & mask }
        buckets[i] = entry
    }

    private static func row(_ entry: UInt64) -> Int32 { Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1 }
    private static func entry(hash: UInt32, row: Int32) -> UInt64 { UInt64(hash) << 32 | UInt64(UInt32(row + 1)) }
}

extension Hashable {
    /// The hash a RowHashTable files this value under.
    var rowTableHash: UInt32 { UInt32(truncatingIfNeeded: hashValue) }
}
