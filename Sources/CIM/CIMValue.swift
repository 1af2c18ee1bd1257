// CIMValue: one typed CIM value (every intrinsic type, arrays of each, and null) and its conversions.

/// A CIM value. Integers keep their declared width, so a `uint8` property holds `.uint8`, never a wider
/// integer; ``converted(to:)`` performs the range-checked conversions WMI applies on assignment.
public enum CIMValue: Hashable, Sendable {
    case null
    case boolean(Bool)
    case sint8(Int8), uint8(UInt8), sint16(Int16), uint16(UInt16)
    case sint32(Int32), uint32(UInt32), sint64(Int64), uint64(UInt64)
    case real32(Float), real64(Double)
    /// A UTF-16 code unit, as CIM's char16.
    case char16(UInt16)
    case string(String)
    case datetime(CIMDateTime)
    /// A reference to another object (a `ref` property or parameter).
    indirect case reference(ObjectPath)
    /// An embedded object (an instance that lives inside a property or a method argument; not stored on its own).
    case object(CIMInstance)
    case array(CIMArray)

    /// The value's own type; `nil` for null (which fits every type).
    public var type: CIMType? {
        let scalar: CIMScalarType
        switch self {
        case .null: return nil
        case .boolean: scalar = .boolean
        case .sint8: scalar = .sint8
        case .uint8: scalar = .uint8
        case .sint16: scalar = .sint16
        case .uint16: scalar = .uint16
        case .sint32: scalar = .sint32
        case .uint32: scalar = .uint32
        case .sint64: scalar = .sint64
        case .uint64: scalar = .uint64
        case .real32: scalar = .real32
        case .real64: scalar = .real64
        case .char16: scalar = .char16
        case .string: scalar = .string
        case .datetime: scalar = .datetime
        case .reference: scalar = .reference
        case .object: scalar = .object
        case .array(let a): return CIMType(a.elementType, isArray: true)
        }
        return CIMType(scalar)
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The value of any integer case widened to Int128, so range checks need no per-type code.
    public var integerValue: Int128? {
        switch self {
        case .sint8(let v): Int128(v)
        case .uint8(let v): Int128(v)
        case .sint16(let v): Int128(v)
        case .uint16(let v): Int128(v)
        case .sint32(let v): Int128(v)
        case .uint32(let v): Int128(v)
        case .sint64(let v): Int128(v)
        case .uint64(let v): Int128(v)
        default: nil
        }
    }

    /// The value of any numeric case as a Double.
    public var doubleValue: Double? {
        switch self {
        case .real32(let v): Double(v)
        case .real64(let v): v
        default: integerValue.map { Double($0) }
        }
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .boolean(let b) = self { b } else { nil } }
    public var arrayValue: CIMArray? { if case .array(let a) = self { a } else { nil } }

    /// Makes an integer value of the given integer type; throws WBEM_E_VALUE_OUT_OF_RANGE when it does not fit.
    public static func integer(_ v: Int128, as scalar: CIMScalarType) throws(CIMError) -> CIMValue {
        guard let range = scalar.integerRange else {
            throw CIMError(.typeMismatch, "\(scalar) is not an integer type.")
        }
        guard range.contains(v) else {
            throw CIMError(.valueOutOfRange, "\(v) is out of range for \(scalar) (\(range.lowerBound) to \(range.upperBound)).")
        }
        switch scalar {
        case .sint8: return .sint8(Int8(v))
        case .uint8: return .uint8(UInt8(v))
        case .sint16: return .sint16(Int16(v))
        case .uint16: return .uint16(UInt16(v))
        case .sint32: return .sint32(Int32(v))
        case .uint32: return .uint32(UInt32(v))
        case .sint64: return .sint64(Int64(v))
        default: return .uint64(UInt64(v))
        }
    }

    // MARK: - Conversion

    /// Converts this value to `type` as WMI does on assignment: integers across widths with range checks
    /// (300 → uint8 is WBEM_E_VALUE_OUT_OF_RANGE, not a wrap), integers to reals, integral reals to integers,
    /// strings to datetime/reference/char16 by parsing, strings of digits to integers (WMI scripting passes
    /// 64-bit integers as strings), and a scalar to a one-element array. Anything else is WBEM_E_TYPE_MISMATCH.
    public func converted(to type: CIMType) throws(CIMError) -> CIMValue {
        if case .null = self { return .null }
        if type.isArray {
            guard case .array(let array) = self else {
                return .array(CIMArray(elementType: type.scalar, [try converted(to: type.elementType)]))
            }
            if array.elementType == type.scalar { return self }
            var out: [CIMValue] = []
            out.reserveCapacity(array.count)
            for (i, element) in array.elements.enumerated() {
                do { out.append(try element.converted(to: type.elementType)) } catch {
                    throw CIMError(error.status, "Element \(i): \(error.message)")
                }
            }
            return .array(CIMArray(elementType: type.scalar, out))
        }
        if case .array = self { throw mismatch(type, "an array cannot be assigned to a scalar") }
        let target = type.scalar
        if target.isInteger {
            if let v = integerValue { return try .integer(v, as: target) }
            switch self {
            case .real32, .real64:
                let d = doubleValue!
                guard d.isFinite, d.rounded() == d, let v = Int128(exactly: d) else {
                    throw mismatch(type, "\(d) is not a whole number")
                }
                return try .integer(v, as: target)
            case .string(let s):
                guard let v = Self.parseInteger(s) else { throw mismatch(type, "'\(s)' is not a number") }
                return try .integer(v, as: target)
            case .boolean(let b): return try .integer(b ? 1 : 0, as: target)
            default: throw mismatch(type, nil)
            }
        }
        switch target {
        case .real32, .real64:
            let d: Double
            if let v = doubleValue { d = v } else if case .string(let s) = self, let v = Double(s) { d = v } else {
                throw mismatch(type, nil)
            }
            if target == .real32 {
                guard !d.isFinite || abs(d) <= Double(Float.greatestFiniteMagnitude) else {
                    throw CIMError(.valueOutOfRange, "\(d) is out of range for real32.")
                }
                return .real32(Float(d))
            }
            return .real64(d)
        case .boolean:
            if case .boolean = self { return self }
            if let v = integerValue { return .boolean(v != 0) }
            if case .string(let s) = self {
                if s.equalsIgnoringCase("true") { return .boolean(true) }
                if s.equalsIgnoringCase("false") { return .boolean(false) }
            }
            throw mismatch(type, nil)
        case .string:
            switch self {
            case .string: return self
            case .char16(let c): return .string(String(decoding: [c], as: UTF16.self))
            default: throw mismatch(type, nil)
            }
        case .char16:
            switch self {
            case .char16: return self
            case .string(let s):
                let units = Array(s.utf16)
                guard units.count == 1 else { throw mismatch(type, "a char16 holds exactly one character") }
                return .char16(units[0])
            default:
                if let v = integerValue, (0...0xFFFF).contains(v) { return .char16(UInt16(v)) }
                throw mismatch(type, nil)
            }
        case .datetime:
            switch self {
            case .datetime: return self
            case .string(let s): return .datetime(try CIMDateTime(parsing: s))
            default: throw mismatch(type, nil)
            }
        case .reference:
            switch self {
            case .reference: return self
            case .string(let s): return .reference(try ObjectPath(parsing: s))
            case .object(let instance): return .reference(instance.path)
            default: throw mismatch(type, nil)
            }
        case .object:
            if case .object = self { return self }
            throw mismatch(type, nil)
        default:
            throw mismatch(type, nil)
        }
    }

    private func mismatch(_ type: CIMType, _ why: String?) -> CIMError {
        let what = self.type.map { "a \($0) value" } ?? "null"
        let base = "Cannot convert \(what) (\(literal)) to \(type)"
        return CIMError(.typeMismatch, why.map { base + ": " + $0 + "." } ?? base + ".")
    }

    /// Parses a decimal or `0x` hexadecimal integer with an optional sign; `nil` when it is not one.
    public static func parseInteger(_ text: String) -> Int128? {
        var s = Substring(text.trimmingSpaces)
        var negative = false
        if s.first == "-" || s.first == "+" { negative = s.first == "-"; s = s.dropFirst() }
        var radix = 10
        if s.hasPrefix("0x") || s.hasPrefix("0X") { radix = 16; s = s.dropFirst(2) }
        // Int128(_:radix:) takes a sign of its own: refuse a second one ("--…"), whose magnitude could be
        // Int128.min, and negating that traps.
        guard let first = s.first, first.isHexDigit, s.count <= 40, let magnitude = Int128(s, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }
}

/// The elements of an array value, with their element type (so an empty array still knows it is `string[]`).
public struct CIMArray: Hashable, Sendable {
    public var elementType: CIMScalarType
    public var elements: [CIMValue]

    public init(elementType: CIMScalarType, _ elements: [CIMValue]) {
        self.elementType = elementType
        self.elements = elements
    }

    public var count: Int { elements.count }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
