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

    /// The table's rows, as every method is given them: an index keeps no values, it reads the rows'.
    typealias Rows = ContiguousArray<CIMInstance?>

    private func value(of row: Int32, in rows: Rows) -> FoldedValue { FoldedValue(rows[Int(row)]?[slot: slot] ?? .null) }

    /// The bucket of `value`'s list, if any.
    private func list(of value: FoldedValue, in rows: Rows) -> Int? {
        lists.find(hash: value.rowTableHash) { self.value(of: $0, in: rows) == value }
    }

    /// The rows holding `value`, in the order they were added.
    func rows(holding value: FoldedValue, in rows: Rows) -> [Int32] {
        guard let b = list(of: value, in: rows) else { return [] }
        let last = lists.row(at: b)
        var out: [Int32] = []
        var r = next[Int(last)]
        while true {
            out.append(r)
            if r == last { return out }
            r = next[Int(r)]
        }
    }

    /// Adds row `row` (as `rows` now hold it) after every row already added with its value.
    mutating func insert(row: Int32, in rows: Rows) {
        let r = Int(row)
        while next.count <= r {  // rows are added at the end: one append, as a rule
            next.append(-1)
            previous.append(-1)
        }
        let value = value(of: row, in: rows)
        if let b = list(of: value, in: rows) {
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
            lists.insert(hash: value.rowTableHash, row: row)
        }
    }

    /// Removes row `row`, which `rows` must still hold with the value it was added with.
    mutating func remove(row: Int32, in rows: Rows) {
        let r = Int(row)
        guard r < next.count, next[r] >= 0, let b = list(of: value(of: row, in: rows), in: rows) else { return }
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
