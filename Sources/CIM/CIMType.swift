// CIMType: the CIM intrinsic data types (boolean … object), scalar or array.

/// One of the CIM intrinsic types, without the array flag.
public enum CIMScalarType: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case boolean, sint8, uint8, sint16, uint16, sint32, uint32, sint64, uint64
    case real32, real64, char16, string, datetime, reference, object

    /// The MOF spelling: `boolean`, `sint32`, `datetime`, `ref`, `object`.
    public var name: String {
        switch self {
        case .boolean: "boolean"
        case .sint8: "sint8"
        case .uint8: "uint8"
        case .sint16: "sint16"
        case .uint16: "uint16"
        case .sint32: "sint32"
        case .uint32: "uint32"
        case .sint64: "sint64"
        case .uint64: "uint64"
        case .real32: "real32"
        case .real64: "real64"
        case .char16: "char16"
        case .string: "string"
        case .datetime: "datetime"
        case .reference: "ref"
        case .object: "object"
        }
    }

    public var description: String { name }

    /// Looks a type up by its MOF name, ignoring case (`String`, `UINT32`, `DateTime`); `nil` when unknown.
    public init?(name: String) {
        let lower = name.lowercased()
        if lower == "reference" { self = .reference; return }
        guard let match = Self.allCases.first(where: { $0.name == lower }) else { return nil }
        self = match
    }

    public var isInteger: Bool {
        switch self {
        case .sint8, .uint8, .sint16, .uint16, .sint32, .uint32, .sint64, .uint64: true
        default: false
        }
    }

    public var isReal: Bool { self == .real32 || self == .real64 }
    public var isNumeric: Bool { isInteger || isReal }

    /// The inclusive range of an integer type; `nil` for other types. Held as Int128 bounds so that one
    /// comparison covers signed and unsigned sources alike.
    var integerRange: ClosedRange<Int128>? {
        switch self {
        case .sint8: Int128(Int8.min)...Int128(Int8.max)
        case .uint8: 0...Int128(UInt8.max)
        case .sint16: Int128(Int16.min)...Int128(Int16.max)
        case .uint16: 0...Int128(UInt16.max)
        case .sint32: Int128(Int32.min)...Int128(Int32.max)
        case .uint32: 0...Int128(UInt32.max)
        case .sint64: Int128(Int64.min)...Int128(Int64.max)
        case .uint64: 0...Int128(UInt64.max)
        default: nil
        }
    }
}

/// A CIM type: a scalar type, or an array of one (`string[]`).
public struct CIMType: Hashable, Sendable, CustomStringConvertible {
    public var scalar: CIMScalarType
    public var isArray: Bool

    public init(_ scalar: CIMScalarType, isArray: Bool = false) {
        self.scalar = scalar
        self.isArray = isArray
    }

    public static let boolean = CIMType(.boolean)
    public static let sint8 = CIMType(.sint8)
    public static let uint8 = CIMType(.uint8)
    public static let sint16 = CIMType(.sint16)
    public static let uint16 = CIMType(.uint16)
    public static let sint32 = CIMType(.sint32)
    public static let uint32 = CIMType(.uint32)
    public static let sint64 = CIMType(.sint64)
    public static let uint64 = CIMType(.uint64)
    public static let real32 = CIMType(.real32)
    public static let real64 = CIMType(.real64)
    public static let char16 = CIMType(.char16)
    public static let string = CIMType(.string)
    public static let datetime = CIMType(.datetime)
    public static let reference = CIMType(.reference)
    public static let object = CIMType(.object)

    /// The array type whose elements are of this scalar type.
    public var arrayType: CIMType { CIMType(scalar, isArray: true) }
    /// The element type of an array type (or the type itself).
    public var elementType: CIMType { CIMType(scalar) }

    /// `string[]`, `uint32`, `ref`
    public var description: String { isArray ? scalar.name + "[]" : scalar.name }

    /// Parses `uint32`, `String[]`, `DATETIME` (case-insensitive); `nil` when not a CIM type name.
    public init?(name: String) {
        var base = Substring(name)
        var array = false
        if base.hasSuffix("[]") { base = base.dropLast(2); array = true }
        guard let scalar = CIMScalarType(name: String(base)) else { return nil }
        self.init(scalar, isArray: array)
    }
}
