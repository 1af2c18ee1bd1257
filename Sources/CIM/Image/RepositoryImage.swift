// RepositoryImage: a repository's namespaces, classes, indexes and instances as one block of bytes, read back far
// faster than compiling the MOF they came from — what lets a process start from a schema and data compiled once.
//
// Layout (all integers LEB128 varints, signed ones zigzagged, unless said otherwise):
//
//     "CMSHIMG\n"  u32 little-endian format version   u64 LE payload length   u64 LE checksum of the payload
//     payload:  defaultNamespace, namespace count, then per namespace:
//               name, class count, classes (superclasses first), extra-index count, (class, property names)…,
//               then per class that has rows: class name, row count, rows (one value per property slot)
//
// A class's properties and methods each start with a flag: set, the superclass's at that slot, unchanged (most
// of a subclass's are), so the reader shares that declaration; clear, the declaration follows.
// Strings are interned: each is written once and then referred to by number, so the thousands of repeated
// qualifier names, types and origins cost a byte or two each and share one String when read. The image is a
// cache, never an interchange format: a reader refuses any other version, and a damaged image (wrong length or
// checksum, a value that does not fit its slot) is WBEM_E_INVALID_PARAMETER, so callers compile instead.

/// Writes and reads repository images (see the layout above).
public enum RepositoryImage {
    /// Changes whenever the layout does: an image of another version is refused.
    public static let formatVersion: UInt32 = 2
    static let magic: [UInt8] = Array("CMSHIMG\n".utf8)
    static let headerSize = 8 + 4 + 8 + 8

    /// Value tags. Scalars are `scalarBase + CIMScalarType.rawValue`; arrays add `arrayFlag`.
    enum Tag {
        static let null: UInt8 = 0
        static let scalarBase: UInt8 = 1
        static let arrayFlag: UInt8 = 0x40
    }

    /// A 64-bit checksum of the bytes, eight at a time (a cache check, not a defence against tampering).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            h ^= h >> 29
            i += 8
        }
        while i < bytes.count { h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01b3; i += 1 }
        return h ^ (h >> 32)
    }
}

extension CIMRepository {
    /// The repository's namespaces, classes, indexes and instances as an image (see ``RepositoryImage``).
    /// Providers, hooks, a store, read-only marks and rows still to be made on first use are not part of it:
    /// a repository with deferred fills is WBEM_E_FAILED (make them first, or image it before deferring).
    public func image() throws(CIMError) -> [UInt8] {
        try locked { () throws(CIMError) -> [UInt8] in
            guard deferredFills.isEmpty else {
                throw CIMError(.failed, "A repository with rows still to be made cannot be imaged.")
            }
            var out = ImageWriter()
            out.string(defaultNamespace)
            out.count(namespaceOrder.count)
            for name in namespaceOrder {
                let key = CIMName(name)
                guard let store = stores[key] else { continue }
                out.string(name)
                let classes = store.order.compactMap { store.classes[$0] }
                out.count(classes.count)
                for cls in classes { out.cimClass(cls) }
                let extra = (extraIndexes[key] ?? [:]).sorted { $0.key < $1.key }
                out.count(extra.count)
                for (className, properties) in extra {
                    out.string(className.string)
                    out.count(properties.count)
                    for p in properties.sorted() { out.string(p.string) }
                }
                let filled = classes.filter { (store.tables[$0.name]?.liveCount ?? 0) > 0 }
                out.count(filled.count)
                for cls in filled {
                    let rows = store.tables[cls.name]!.rows
                    out.string(cls.name.string)
                    out.count(store.tables[cls.name]!.liveCount)
                    for case let row? in rows { for value in row.values { out.value(value) } }
                }
            }
            return out.finished()
        }
    }
}

/// Builds an image's payload, then frames it with the header.
struct ImageWriter {
    private var bytes: [UInt8] = []
    /// Keyed by the UTF-8 bytes: Swift's `==` on strings treats canonically equivalent ones (é, e + ◌́) as one.
    private var interned: [[UInt8]: Int] = [:]

    init(reserving capacity: Int = 1 << 18) { bytes.reserveCapacity(capacity) }

    func finished() -> [UInt8] { Self.framed(bytes) }

    /// A payload behind the header: magic, format version, length and checksum.
    static func framed(_ payload: [UInt8]) -> [UInt8] {
        var framed = RepositoryImage.magic
        framed.reserveCapacity(RepositoryImage.headerSize + payload.count)
        withUnsafeBytes(of: RepositoryImage.formatVersion.littleEndian) { framed.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { framed.append(contentsOf: $0) }
        let sum = payload.withUnsafeBytes { RepositoryImage.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { framed.append(contentsOf: $0) }
        framed.append(contentsOf: payload)
        return framed
    }

    mutating func unsigned(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    mutating func signed(_ v: Int64) { unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
    mutating func count(_ n: Int) { unsigned(UInt64(n)) }
    mutating func byte(_ b: UInt8) { bytes.append(b) }
    mutating func flag(_ b: Bool) { bytes.append(b ? 1 : 0) }

    /// 0 then the text for a string not seen before; otherwise its number plus one.
    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        if let n = interned[utf8] { count(n + 1); return }
        interned[utf8] = interned.count
        unsigned(0)
        count(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func optionalString(_ s: String?) {
        flag(s != nil)
        if let s { string(s) }
    }

    mutating func type(_ t: CIMType) { byte(t.scalar.rawValue | (t.isArray ? 0x80 : 0)) }

    mutating func qualifiers(_ set: CIMQualifierSet) {
        count(set.qualifiers.count)
        for q in set.qualifiers {
            string(q.name.string)
            value(q.value)
            count(q.flavors.count)
            for f in q.flavors { string(f) }
        }
    }

    mutating func cimClass(_ cls: CIMClass) {
        string(cls.name.string)
        optionalString(cls.superclass?.name.string)
        qualifiers(cls.qualifiers)
        declarations(cls.properties, inheriting: cls.superclass?.properties ?? []) { $0.property($1) }
        declarations(cls.methods, inheriting: cls.superclass?.methods ?? []) { $0.method($1) }
    }

    /// A class's properties or methods. Most of a subclass's are its superclass's, unchanged: one byte says so, and
    /// the reader shares the superclass's declaration (its qualifiers' storage too) instead of reading a copy.
    /// Unchanged means the same bytes: `==` ignores a name's case and compares datetimes as instants.
    private mutating func declarations<D>(_ all: [D], inheriting inherited: [D], _ write: (inout ImageWriter, D) -> Void) {
        count(all.count)
        for (slot, declaration) in all.enumerated() {
            let same = slot < inherited.count
                && Self.bytes { write(&$0, inherited[slot]) } == Self.bytes { write(&$0, declaration) }
            flag(same)
            if !same { write(&self, declaration) }
        }
    }

    /// What `write` writes into an empty writer: the exact form of a declaration, for comparing two.
    private static func bytes(_ write: (inout ImageWriter) -> Void) -> [UInt8] {
        var scratch = ImageWriter(reserving: 256)
        write(&scratch)
        return scratch.bytes
    }

    private mutating func property(_ p: CIMProperty) {
        string(p.name.string)
        type(p.type)
        qualifiers(p.qualifiers)
        value(p.defaultValue)
        optionalString(p.referenceClass?.string)
        string(p.classOrigin.string)
    }

    private mutating func method(_ m: CIMMethod) {
        string(m.name.string)
        flag(m.returnType != nil)
        if let r = m.returnType { type(r) }
        qualifiers(m.qualifiers)
        string(m.classOrigin.string)
        count(m.parameters.count)
        for p in m.parameters {
            string(p.name.string)
            type(p.type)
            qualifiers(p.qualifiers)
            optionalString(p.referenceClass?.string)
        }
    }

    mutating func value(_ v: CIMValue) {
        switch v {
        case .null: byte(RepositoryImage.Tag.null)
        case .array(let a):
            byte((RepositoryImage.Tag.scalarBase + a.elementType.rawValue) | RepositoryImage.Tag.arrayFlag)
            count(a.elements.count)
            for e in a.elements { value(e) }
        default:
            byte(RepositoryImage.Tag.scalarBase + v.type!.scalar.rawValue)
            payload(v)
        }
    }

    /// A scalar's bytes after its tag.
    private mutating func payload(_ v: CIMValue) {
        switch v {
        case .boolean(let b): flag(b)
        case .sint8(let n): signed(Int64(n))
        case .sint16(let n): signed(Int64(n))
        case .sint32(let n): signed(Int64(n))
        case .sint64(let n): signed(n)
        case .uint8(let n): unsigned(UInt64(n))
        case .uint16(let n): unsigned(UInt64(n))
        case .uint32(let n): unsigned(UInt64(n))
        case .uint64(let n): unsigned(n)
        case .char16(let c): unsigned(UInt64(c))
        case .real32(let x): unsigned(UInt64(x.bitPattern))
        case .real64(let x): unsigned(x.bitPattern)
        case .string(let s): string(s)
        case .datetime(let d):
            signed(d.storedMicroseconds)
            signed(Int64(d.utcOffsetMinutes))
            byte(d.wildcards.rawValue)
            flag(d.isInterval)
        case .reference(let path):
            optionalString(path.server)
            optionalString(path.namespace)
            string(path.className.string)
            flag(path.isSingleton)
            count(path.keys.count)
            for k in path.keys {
                optionalString(k.name?.string)
                value(k.value)
            }
        case .object(let instance):
            string(instance.className.string)
            count(instance.values.count)
            for e in instance.values { value(e) }
        case .null, .array: break
        }
    }
}
