// SlotStorage: an instance's values in one allocation, packed by type, nulls not stored.
//
// An instance used to hold one 24-byte CIMValue per declared property. Most instances set a few of their class's
// properties (a driver package sets 8 of 44) and most values are small integers, so that spent most of an instance
// on nulls and enum padding. Here one buffer holds a null bitmap (one bit per slot) and then, for each slot that
// holds a value, in slot order, its cells: one 8-byte cell for a number, boolean or char16 (its bits), two for a
// string or a datetime (the value itself), one for anything else (arrays, references, embedded objects: a boxed
// CIMValue — rare, and big anyway). Which slots take two cells is a property of the class (CellLayout), so a
// slot's cell is found with two population counts per bitmap word, not by walking the row.
//
// The buffer is never shared while it changes: CIMInstance copies it first unless it is the only holder.

/// How one class's instances lay their values out: each slot's type and how many cells it takes.
final class CellLayout: Sendable {
    enum Kind: UInt8 {
        case bits, string, datetime, boxed

        /// How many 8-byte cells a value of this kind takes.
        var cells: Int { self == .string || self == .datetime ? 2 : 1 }
    }

    let slotCount: Int
    /// Bitmap words at the start of every buffer: one bit per slot.
    let wordCount: Int
    let kinds: [Kind]
    let scalars: [CIMScalarType]
    /// Per bitmap word, the slots that take two cells.
    let wide: [UInt64]
    /// Whether any slot holds a reference-counted value (strings, boxes): buffers of other classes free nothing.
    let holdsReferences: Bool

    init(types: [CIMType]) {
        slotCount = types.count
        wordCount = (types.count + 63) / 64
        kinds = types.map { type in
            if type.isArray { return .boxed }
            switch type.scalar {
            case .string: return .string
            case .datetime: return .datetime
            case .reference, .object: return .boxed
            default: return .bits
            }
        }
        scalars = types.map(\.scalar)
        var wide = [UInt64](repeating: 0, count: wordCount)
        for (slot, kind) in kinds.enumerated() where kind.cells == 2 {
            wide[slot >> 6] |= 1 << UInt64(slot & 63)
        }
        self.wide = wide
        holdsReferences = kinds.contains { $0 == .string || $0 == .boxed }
    }
}

/// A CIMValue that does not fit a cell, held by reference in one.
private final class ValueBox: Sendable {
    let value: CIMValue
    init(_ value: CIMValue) { self.value = value }
}

/// One instance's values: the class's layout as the header, then the bitmap words, then the cells. (The number of
/// cells is the bitmap's business: nothing else keeps it.)
final class SlotStorage: ManagedBuffer<CellLayout, UInt64> {
    private var layout: CellLayout { header }

    /// Packs one value per slot; each non-null value must already be of its slot's declared type.
    static func make(_ layout: CellLayout, _ values: [CIMValue]) -> SlotStorage {
        values.withUnsafeBufferPointer { values in
            layout.kinds.withUnsafeBufferPointer { kinds in
                var cellCount = 0
                for slot in values.indices where !values[slot].isNull { cellCount &+= kinds[slot].cells }
                let storage = unsafeDowncast(create(minimumCapacity: layout.wordCount + cellCount) { _ in layout },
                                             to: SlotStorage.self)
                storage.withUnsafeMutablePointerToElements { p in
                    p.initialize(repeating: 0, count: layout.wordCount)
                    var cell = layout.wordCount
                    for slot in values.indices where !values[slot].isNull {
                        p[slot &>> 6] |= 1 &<< UInt64(slot & 63)
                        write(values[slot], kind: kinds[slot], at: p + cell)
                        cell &+= kinds[slot].cells
                    }
                }
                return storage
            }
        }
    }

    deinit {
        let layout = self.layout
        guard layout.holdsReferences else { return }
        withUnsafeMutablePointerToElements { p in
            forEachCell(p) { slot, cell in Self.destroy(cell, kind: layout.kinds[slot]) }
        }
    }

    /// Calls `body` with each set slot and its first cell, in slot order.
    private func forEachCell(_ p: UnsafeMutablePointer<UInt64>, _ body: (Int, UnsafeMutablePointer<UInt64>) -> Void) {
        let layout = self.layout
        var cell = layout.wordCount
        for w in 0..<layout.wordCount {
            var bits = p[w]
            while bits != 0 {
                let slot = w << 6 | bits.trailingZeroBitCount
                body(slot, p + cell)
                cell += layout.kinds[slot].cells
                bits &= bits &- 1
            }
        }
    }

    /// The first cell of a slot, or nil when the slot is null.
    @inline(__always)
    private func cellIndex(of slot: Int, _ p: UnsafeMutablePointer<UInt64>) -> Int? {
        let layout = self.layout
        let w = slot &>> 6
        let bit = UInt64(1) &<< UInt64(slot & 63)
        let word = p[w]
        guard word & bit != 0 else { return nil }
        let below = word & (bit &- 1)
        var cell = layout.wordCount &+ below.nonzeroBitCount &+ (below & layout.wide[w]).nonzeroBitCount
        var i = 0
        while i < w {
            cell &+= p[i].nonzeroBitCount &+ (p[i] & layout.wide[i]).nonzeroBitCount
            i &+= 1
        }
        return cell
    }

    func value(at slot: Int) -> CIMValue {
        withUnsafeMutablePointerToElements { p in
            guard let cell = cellIndex(of: slot, p) else { return .null }
            return Self.read(slot: slot, layout: layout, at: p + cell)
        }
    }

    /// Every slot's value, nulls included.
    var values: [CIMValue] {
        let layout = self.layout
        var out = [CIMValue](repeating: .null, count: layout.slotCount)
        withUnsafeMutablePointerToElements { p in
            forEachCell(p) { slot, cell in out[slot] = Self.read(slot: slot, layout: layout, at: cell) }
        }
        return out
    }

    /// Calls `body` with each non-null value and its slot, in slot order.
    func forEachValue(_ body: (Int, CIMValue) -> Void) {
        let layout = self.layout
        withUnsafeMutablePointerToElements { p in
            forEachCell(p) { slot, cell in body(slot, Self.read(slot: slot, layout: layout, at: cell)) }
        }
    }

    /// Replaces a set slot's value with another non-null one, in place: the caller holds the only reference.
    /// Returns false (changing nothing) when the slot is null, so the row must be rebuilt with a cell more.
    func replaceInPlace(slot: Int, with value: CIMValue) -> Bool {
        let kind = layout.kinds[slot]
        return withUnsafeMutablePointerToElements { p in
            guard let cell = cellIndex(of: slot, p) else { return false }
            Self.destroy(p + cell, kind: kind)
            Self.write(value, kind: kind, at: p + cell)
            return true
        }
    }

    func equals(_ other: SlotStorage) -> Bool {
        if self === other { return true }
        let layout = self.layout
        guard layout === other.layout else { return false }
        return withUnsafeMutablePointerToElements { p in
            other.withUnsafeMutablePointerToElements { q in
                // Equal bitmaps under one layout put every value in the same cells.
                for w in 0..<layout.wordCount where p[w] != q[w] { return false }
                var equal = true
                forEachCell(p) { slot, cell in
                    guard equal else { return }
                    let offset = cell - p
                    equal = Self.read(slot: slot, layout: layout, at: cell) == Self.read(slot: slot, layout: layout, at: q + offset)
                }
                return equal
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        let layout = self.layout
        withUnsafeMutablePointerToElements { p in
            for w in 0..<layout.wordCount { hasher.combine(p[w]) }
            forEachCell(p) { slot, cell in hasher.combine(Self.read(slot: slot, layout: layout, at: cell)) }
        }
    }

    // MARK: - Cells

    private static func box(in cell: UnsafeMutablePointer<UInt64>) -> Unmanaged<ValueBox> {
        Unmanaged.fromOpaque(UnsafeRawPointer(bitPattern: UInt(cell.pointee))!)
    }

    /// Gives back what a set cell owns (a string's storage, a box), before it is dropped or written again.
    private static func destroy(_ cell: UnsafeMutablePointer<UInt64>, kind: CellLayout.Kind) {
        switch kind {
        case .string: UnsafeMutableRawPointer(cell).assumingMemoryBound(to: String.self).deinitialize(count: 1)
        case .boxed: box(in: cell).release()
        case .bits, .datetime: break
        }
    }

    private static func write(_ value: CIMValue, kind: CellLayout.Kind, at cell: UnsafeMutablePointer<UInt64>) {
        // Every way into an instance converts values to their declared types (CIMInstance.set, the loaders'
        // slot-value initialisers, the image reader's type check), so a value that does not fit its slot's kind
        // is a bug, not bad input.
        func expect(_ wanted: CellLayout.Kind) {
            if kind != wanted { preconditionFailure("a \(value.type.map { "\($0)" } ?? "null") value stored in a \(kind) slot") }
        }
        switch value {
        case .string(let s):
            expect(.string)
            UnsafeMutableRawPointer(cell).bindMemory(to: String.self, capacity: 1).initialize(to: s)
        case .datetime(let d):
            expect(.datetime)
            UnsafeMutableRawPointer(cell).bindMemory(to: CIMDateTime.self, capacity: 1).initialize(to: d)
        case .array, .reference, .object:
            expect(.boxed)
            // Held as a retained pointer's bits: the cell owns one reference, given back in deinit.
            cell.pointee = UInt64(UInt(bitPattern: Unmanaged.passRetained(ValueBox(value)).toOpaque()))
        case .boolean(let b): expect(.bits); cell.pointee = b ? 1 : 0
        case .sint8(let v): expect(.bits); cell.pointee = UInt64(bitPattern: Int64(v))
        case .uint8(let v): expect(.bits); cell.pointee = UInt64(v)
        case .sint16(let v): expect(.bits); cell.pointee = UInt64(bitPattern: Int64(v))
        case .uint16(let v): expect(.bits); cell.pointee = UInt64(v)
        case .sint32(let v): expect(.bits); cell.pointee = UInt64(bitPattern: Int64(v))
        case .uint32(let v): expect(.bits); cell.pointee = UInt64(v)
        case .sint64(let v): expect(.bits); cell.pointee = UInt64(bitPattern: v)
        case .uint64(let v): expect(.bits); cell.pointee = v
        case .real32(let v): expect(.bits); cell.pointee = UInt64(v.bitPattern)
        case .real64(let v): expect(.bits); cell.pointee = v.bitPattern
        case .char16(let v): expect(.bits); cell.pointee = UInt64(v)
        case .null: preconditionFailure("a null is never stored")
        }
    }

    private static func read(slot: Int, layout: CellLayout, at cell: UnsafeMutablePointer<UInt64>) -> CIMValue {
        let raw = UnsafeRawPointer(cell)
        switch layout.kinds[slot] {
        case .string: return .string(raw.assumingMemoryBound(to: String.self).pointee)
        case .datetime: return .datetime(raw.assumingMemoryBound(to: CIMDateTime.self).pointee)
        case .boxed: return box(in: cell).takeUnretainedValue().value
        case .bits:
            let bits = cell.pointee
            switch layout.scalars[slot] {
            case .boolean: return .boolean(bits != 0)
            case .sint8: return .sint8(Int8(truncatingIfNeeded: bits))
            case .uint8: return .uint8(UInt8(truncatingIfNeeded: bits))
            case .sint16: return .sint16(Int16(truncatingIfNeeded: bits))
            case .uint16: return .uint16(UInt16(truncatingIfNeeded: bits))
            case .sint32: return .sint32(Int32(truncatingIfNeeded: bits))
            case .uint32: return .uint32(UInt32(truncatingIfNeeded: bits))
            case .sint64: return .sint64(Int64(bitPattern: bits))
            case .uint64: return .uint64(bits)
            case .real32: return .real32(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
            case .real64: return .real64(Double(bitPattern: bits))
            case .char16: return .char16(UInt16(truncatingIfNeeded: bits))
            case .string, .datetime, .reference, .object: return .null  // never .bits (CellLayout)
            }
        }
    }
}
