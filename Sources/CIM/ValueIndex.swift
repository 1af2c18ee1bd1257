// ValueIndex: a hash index on one property of an instance table — value → the rows holding it, in row order.
//
// A dictionary from each folded value to an array of row numbers cost about 100 bytes for every distinct value
// (the key again, an entry, an array of its own): on an inventory class indexed by ResourceID, 100 bytes a row.
// Here the rows holding one value form a circular, doubly linked list threaded through two arrays indexed by row
// number (8 bytes a row), and an open-addressing table maps the value's hash to the list's last row (8 bytes a
// bucket). Values are never stored: a probe compares the value of the row it finds. Appending and removing a row
// are O(1), and a list walked from its first row gives rows in the order they were added.

struct ValueIndex: Sendable {
    let slot: Int
    /// Each distinct value's hash → the last row of its list.
    private var lists = RowHashTable()
    /// next[r] and previous[r]: the rows after and before row r in its value's list (-1 for rows not indexed).
    private var next: ContiguousArray<Int32> = []
    private var previous: ContiguousArray<Int32> = []

    init(slot: Int) { self.slot = slot }

    /// The bucket of `value`'s list, if any; `valueOf(row)` gives a row's value.
    private func list(of value: FoldedValue, hash: UInt32, _ valueOf: (Int32) -> FoldedValue) -> Int? {
        lists.find(hash: hash) { valueOf($0) == value }
    }

    /// The rows holding `value`, in the order they were added.
    func rows(holding value: FoldedValue, _ valueOf: (Int32) -> FoldedValue) -> [Int32] {
        guard let b = list(of: value, hash: value.rowTableHash, valueOf) else { return [] }
        let last = lists.row(at: b)
        var out: [Int32] = []
        var r = next[Int(last)]
        while true {
            out.append(r)
            if r == last { return out }
            r = next[Int(r)]
        }
    }

    /// Adds row `row`, holding `value`, after every row already added.
    mutating func insert(row: Int32, value: FoldedValue, _ valueOf: (Int32) -> FoldedValue) {
        let r = Int(row)
        while next.count <= r {  // rows are added at the end: one append, as a rule
            next.append(-1)
            previous.append(-1)
        }
        let hash = value.rowTableHash
        if let b = list(of: value, hash: hash, valueOf) {
            let last = lists.row(at: b)
            let first = next[Int(last)]
            next[Int(last)] = row
            previous[r] = last
            next[r] = first
            previous[Int(first)] = row
            lists.setRow(at: b, row)
        } else {
            next[r] = row
            previous[r] = row
            lists.insert(hash: hash, row: row)
        }
    }

    /// Removes row `row`, which holds `value`.
    mutating func remove(row: Int32, value: FoldedValue, _ valueOf: (Int32) -> FoldedValue) {
        let r = Int(row)
        guard r < next.count, next[r] >= 0, let b = list(of: value, hash: value.rowTableHash, valueOf) else { return }
        let before = previous[r], after = next[r]
        next[r] = -1
        previous[r] = -1
        if after == row {  // the only row holding the value
            lists.remove(at: b)
            return
        }
        next[Int(before)] = after
        previous[Int(after)] = before
        if lists.row(at: b) == row { lists.setRow(at: b, before) }
    }

    /// Makes room for rows up to `rowCount`, so a bulk load does not grow the lists one row at a time.
    mutating func reserveCapacity(rows rowCount: Int) {
        next.reserveCapacity(rowCount)
        previous.reserveCapacity(rowCount)
    }
}
