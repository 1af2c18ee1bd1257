// FoldedValue: a CIMValue seen the way WMI matches values — strings ignoring case, numbers by value.
// It is the key type of the repository's key and hash indexes.

/// Wraps a value so that equality and hashing follow WMI's matching rules: `"PKG00001" == "pkg00001"`,
/// `uint8(5) == sint64(5)`, `real64(5.0) == sint32(5)`. Used for key lookup and hash indexes.
public struct FoldedValue: Hashable, Sendable {
    public let value: CIMValue
    public init(_ value: CIMValue) { self.value = value }

    public static func == (lhs: FoldedValue, rhs: FoldedValue) -> Bool {
        switch (lhs.value, rhs.value) {
        case let (.string(a), .string(b)): return a == b || a.equalsIgnoringCase(b)  // exact: the usual hit, cheaply
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a.elements, b.elements).allSatisfy { FoldedValue($0) == FoldedValue($1) }
        case let (.reference(a), .reference(b)): return a == b
        case let (.datetime(a), .datetime(b)): return a == b
        case (.null, .null): return true
        default:
            if let a = lhs.value.integerValue, let b = rhs.value.integerValue { return a == b }
            if let a = lhs.value.doubleValue, let b = rhs.value.doubleValue { return a == b }
            return lhs.value == rhs.value
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch value {
        case .string(let s): s.hashIgnoringCase(into: &hasher)
        case .array(let a): for e in a.elements { FoldedValue(e).hash(into: &hasher) }
        case .reference(let p): p.hash(into: &hasher)
        case .real32, .real64:
            // Integral reals must hash like the equal integer.
            let d = value.doubleValue!
            if let i = Int128(exactly: d) { hasher.combine(i) } else { hasher.combine(d) }
        default:
            if let i = value.integerValue { hasher.combine(i) } else { hasher.combine(value) }
        }
    }
}
