// JSONRenderer: values as JSON — rows as arrays of objects in column order, datetimes as {iso8601, cim}.
import CIM
import Script

/// A JSON document, written by hand because JSONSerialization does not keep key order (and the order of a
/// query's columns is the order a reader expects).
indirect enum JSON {
    case null
    case bool(Bool)
    /// The number's text, already valid JSON.
    case number(String)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    /// Pretty-printed with two-space indents; arrays of scalars stay on one line.
    func text(indent: String = "") -> String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return Self.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) { return "[" + items.map { $0.text() }.joined(separator: ", ") + "]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let inner = indent + "  "
            return "{\n" + members.map { inner + Self.quote($0) + ": " + $1.text(indent: inner) }.joined(separator: ",\n")
                + "\n" + indent + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x7F:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}

enum JSONRenderer {
    static func render(_ value: Value) -> String { json(value).text() }

    static func json(_ value: Value) -> JSON {
        switch value {
        case .cim(let v): return json(v)
        case .list(let items): return .array(items.map(json))
        case .instance(let i): return object(i, withClass: false)
        case .record(let r):
            return object(r.fields.map(\.name), r.fields.map(\.value), failure: value.methodFailure)
        case .rows(let result):
            let grid = Grid(result)
            return .array(zip(result.rows, grid.rows).map { object(grid.columns, $1, failure: $0.methodFailure) })
        case .cimClass(let c): return describe(c)
        }
    }

    static func json(_ v: CIMValue) -> JSON {
        switch v {
        case .null: return .null
        case .boolean(let b): return .bool(b)
        case .sint8, .uint8, .sint16, .uint16, .sint32, .uint32, .sint64, .uint64: return .number(v.literal)
        case .real32, .real64:
            // JSON has no NaN or infinity.
            return v.doubleValue?.isFinite == true ? .number(v.literal) : .null
        case .char16, .string, .reference: return .string(v.displayText)
        case .datetime(let d): return .object([("iso8601", d.iso8601.map(JSON.string) ?? .null), ("cim", .string(d.description))])
        case .object(let i): return object(i, withClass: true)
        case .array(let a): return .array(a.elements.map(json))
        }
    }

    /// Named values in order; a failed method call adds its explanation as `error`.
    private static func object(_ names: [String], _ values: [Value], failure: String?) -> JSON {
        .object(zip(names, values).map { ($0, json($1)) } + (failure.map { [("error", JSON.string($0))] } ?? []))
    }

    /// An instance's properties in declared order; an embedded one also names its class, since nothing
    /// around it does.
    private static func object(_ i: CIMInstance, withClass: Bool) -> JSON {
        let members = i.propertyValues.map { ($0.name.string, json($1)) }
        return .object(withClass ? [("__CLASS", .string(i.className.string))] + members : members)
    }

    private static func describe(_ c: CIMClass) -> JSON {
        .object([
            ("name", .string(c.name.string)),
            ("superclass", c.superclass.map { .string($0.name.string) } ?? .null),
            ("qualifiers", qualifiers(c.qualifiers)),
            ("properties", .array(c.properties.map { p in
                .object([("name", .string(p.name.string)), ("type", .string(p.typeText)), ("key", .bool(p.isKey)),
                         ("qualifiers", qualifiers(p.qualifiers)), ("default", json(p.defaultValue))])
            })),
            ("methods", .array(c.methods.map { m in
                .object([("name", .string(m.name.string)), ("signature", .string(m.signature)), ("static", .bool(m.isStatic))])
            })),
        ])
    }

    private static func qualifiers(_ set: CIMQualifierSet) -> JSON {
        .array(set.map { .object([("name", .string($0.name.string)), ("value", json($0.value))]) })
    }
}
