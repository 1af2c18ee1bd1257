// Case-insensitive comparison and hashing without allocating, as WMI compares names and string values.
//
// WMI names are ASCII identifiers, and most string data is ASCII too, so the fast path folds bytes in place;
// only a string with non-ASCII bytes pays for `lowercased()`.

extension String {
    /// True when both strings are equal ignoring case (WMI's rule for names and string comparisons).
    @inlinable
    public func equalsIgnoringCase(_ other: String) -> Bool {
        var lhs = self, rhs = other
        if let fast = lhs.withUTF8({ a in rhs.withUTF8({ b in CaseFolding.asciiEqual(a, b) }) }) { return fast }
        return lhs.lowercased() == rhs.lowercased()
    }

    /// Orders two strings ignoring case; `nil`-free three-way result (-1, 0, 1).
    public func compareIgnoringCase(_ other: String) -> Int {
        var lhs = self, rhs = other
        if let fast = lhs.withUTF8({ a in rhs.withUTF8({ b in CaseFolding.asciiCompare(a, b) }) }) { return fast }
        let l = lhs.lowercased(), r = rhs.lowercased()
        return l < r ? -1 : (l == r ? 0 : 1)
    }

    /// Feeds the case-folded form of the string to a hasher.
    ///
    /// The folded bytes are mixed into one 64-bit word (FNV-1a) and the hasher gets that word: one
    /// `combine` instead of a byte buffer, which makes name lookups (the repository's and classes'
    /// dictionaries) several times cheaper. Only a string with non-ASCII bytes pays for `lowercased()`;
    /// both paths mix the same lower-cased bytes, so strings equal ignoring case hash alike.
    public func hashIgnoringCase(into hasher: inout Hasher) { hasher.combine(foldedHash) }

    /// The word `hashIgnoringCase` feeds the hasher (CIMName keeps it).
    var foldedHash: UInt64 {
        var copy = self
        let folded: UInt64? = copy.withUTF8 { bytes in bytes.contains { $0 >= 0x80 } ? nil : CaseFolding.mix(bytes) }
        return folded ?? CaseFolding.mix(lowercased().utf8)
    }
}

@usableFromInline
enum CaseFolding {
    @inlinable
    static func lower(_ byte: UInt8) -> UInt8 { (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte }

    /// FNV-1a over the bytes with ASCII letters lower-cased (what `hashIgnoringCase` feeds the hasher).
    static func mix(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(lower(byte))) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Equality over ASCII bytes; `nil` when either side has non-ASCII bytes and needs Unicode folding.
    @inlinable
    static func asciiEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if a.count != b.count {
            // Different byte counts can still be equal under Unicode folding only if non-ASCII is present.
            if a.contains(where: { $0 >= 0x80 }) || b.contains(where: { $0 >= 0x80 }) { return nil }
            return false
        }
        for i in 0..<a.count {
            let x = a[i], y = b[i]
            if x == y { continue }
            if x >= 0x80 || y >= 0x80 { return nil }
            if lower(x) != lower(y) { return false }
        }
        return true
    }

    static func asciiCompare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = min(a.count, b.count)
        for i in 0..<n {
            let x = a[i], y = b[i]
            if x >= 0x80 || y >= 0x80 { return nil }
            let lx = lower(x), ly = lower(y)
            if lx != ly { return lx < ly ? -1 : 1 }
        }
        if a.count == b.count { return 0 }
        let rest = a.count > b.count ? UnsafeBufferPointer(rebasing: a[n...]) : UnsafeBufferPointer(rebasing: b[n...])
        if rest.contains(where: { $0 >= 0x80 }) { return nil }
        return a.count < b.count ? -1 : 1
    }
}

/// A WMI name (class, property, method, qualifier, namespace): compared and hashed ignoring case,
/// displayed in the case it was declared with.
///
/// The case-folded hash is worked out once, when the name is made: names are made once (parsing a statement,
/// reading a schema) and looked up many times (every query asks the repository for its namespace, class and
/// table), so a lookup hashes one word instead of folding the name's bytes again, and two different names are
/// told apart by that word before their bytes are compared.
public struct CIMName: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name as declared, e.g. `SMS_DriverPackage`.
    public let string: String
    /// FNV-1a of the case-folded bytes: equal for names equal ignoring case.
    private let foldedHash: UInt64

    public init(_ string: String) {
        self.string = string
        self.foldedHash = string.foldedHash
    }
    public init(stringLiteral value: String) { self.init(value) }

    public static func == (lhs: CIMName, rhs: CIMName) -> Bool {
        // Most names found are spelled as they were declared: the exact comparison settles those cheaply.
        lhs.foldedHash == rhs.foldedHash && (lhs.string == rhs.string || lhs.string.equalsIgnoringCase(rhs.string))
    }
    public static func < (lhs: CIMName, rhs: CIMName) -> Bool { lhs.string.compareIgnoringCase(rhs.string) < 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(foldedHash) }
    public var description: String { string }

    /// Is this a valid MOF/WMI identifier (letter or `_`, then letters, digits, `_`)?
    public static func isValidIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
