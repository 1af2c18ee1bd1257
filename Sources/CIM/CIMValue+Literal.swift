// Text forms of a CIMValue: the MOF literal (for .mof output and round-trips) and the plain display text.

extension CIMValue {
    /// The value as a MOF literal: `"text"` with escapes, `42`, `TRUE`, `NULL`, `{"a", "b"}`, `'c'`,
    /// datetimes and references as quoted strings, an embedded object as `instance of Class { … }`.
    public var literal: String {
        switch self {
        case .null: return "NULL"
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .sint8, .uint8, .sint16, .uint16, .sint32, .uint32, .sint64, .uint64:
            return String(integerValue!)
        case .real32(let f): return Self.formatReal(Double(f), isSingle: true)
        case .real64(let d): return Self.formatReal(d, isSingle: false)
        case .char16(let c):
            // Half a surrogate pair is not text, so it can only be written as an escape.
            if UTF16.isLeadSurrogate(c) || UTF16.isTrailSurrogate(c) { return "'" + Self.hexEscape(c) + "'" }
            return "'" + Self.escape(String(decoding: [c], as: UTF16.self), quote: "'") + "'"
        case .string(let s): return Self.quoteString(s)
        case .datetime(let d): return "\"" + d.description + "\""
        case .reference(let p): return Self.quoteString(p.description)
        case .object(let instance): return instance.mofText(indent: "")
        case .array(let a): return "{" + a.elements.map(\.literal).joined(separator: ", ") + "}"
        }
    }

    /// The value as a person reads it in a table: strings unquoted, datetimes in DMTF form, arrays as
    /// `{a, b}`, null as the empty string.
    public var displayText: String {
        switch self {
        case .null: return ""
        case .boolean(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .char16, .datetime, .reference: return (try? converted(to: .string))?.stringValue ?? plainText
        case .array(let a): return "{" + a.elements.map(\.displayText).joined(separator: ", ") + "}"
        case .object(let instance): return "instance of " + instance.className.string
        default: return literal
        }
    }

    private var plainText: String {
        switch self {
        case .datetime(let d): return d.description
        case .reference(let p): return p.description
        default: return literal
        }
    }

    /// A MOF string literal: `"` and `\` escaped, control characters as `\n`, `\t`, `\xHHHH`.
    public static func quoteString(_ s: String) -> String { "\"" + escape(s, quote: "\"") + "\"" }

    static func escape(_ s: String, quote: Character) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if Character(scalar) == quote { out += "\\" + String(quote) }
                else if scalar.value < 0x20 || scalar.value == 0x7F { out += hexEscape(UInt16(scalar.value)) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// `\x000A`: always four digits, because MOF's `\x` takes up to four and a shorter escape would swallow
    /// a hex digit that follows it (`"\x1" + "A"` must not read back as `\x1A`).
    static func hexEscape(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return "\\x" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    static func formatReal(_ d: Double, isSingle: Bool) -> String {
        if d.isNaN || d.isInfinite { return String(d) }
        let text = isSingle ? String(Float(d)) : String(d)
        return text
    }
}

extension CIMInstance {
    /// The instance as MOF: `instance of Class\n{\n    Prop = value;\n};`, listing properties that are not null.
    public func mofText(indent: String = "") -> String {
        var out = indent + "instance of " + className.string + "\n" + indent + "{\n"
        for (property, value) in zip(cimClass.properties, values) where !value.isNull {
            out += indent + "    " + property.name.string + " = " + value.literal + ";\n"
        }
        return out + indent + "}"
    }
}
