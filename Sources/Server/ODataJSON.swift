// ODataJSON: CIM values as the AdminService writes them in JSON, and JSON request bodies back into CIM values
// of the types the class or method declares.
import CIM
import CIMXML
import Foundation

/// A JSON value with object members in order (a class's properties in declaration order read best).
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// The number's text, already valid JSON.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The JSON text as UTF-8, written straight into bytes: a response is mostly property names and values
    /// that need no escaping, copied a run at a time.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out)
        return out
    }

    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Bytes of multi-byte UTF-8 sequences are all ≥ 0x80, so only ASCII needs looking at.
            var start = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

enum ODataJSON {
    /// The largest integer a JSON reader holding doubles keeps exactly; beyond it sint64/uint64 go as strings.
    static let exactIntegerLimit: Int128 = 1 << 53

    /// An instance's properties in declaration order (system properties left out).
    static func entity(_ instance: CIMInstance) -> JSONValue {
        .object(instance.cimClass.properties.indices.map { slot in
            (instance.cimClass.properties[slot].name.string, value(instance[slot: slot]))
        })
    }

    static func value(_ v: CIMValue) -> JSONValue {
        switch v {
        case .null: return .null
        case .boolean(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .char16(let c): return .string(String(c))
        case .real32(let d): return number(Double(d))
        case .real64(let d): return number(d)
        case .datetime(let d): return .string(d.odataText)
        case .reference(let path): return .string(path.description)
        case .object(let instance):
            return .object([("@odata.type", .string("#AdminService." + instance.className.string))] + members(entity(instance)))
        case .array(let a): return .array(a.elements.map(value))
        default:
            guard let i = v.integerValue else { return .string("\(v)") }
            return abs(i) <= exactIntegerLimit ? .number(String(i)) : .string(String(i))
        }
    }

    private static func members(_ v: JSONValue) -> [(String, JSONValue)] {
        if case .object(let m) = v { return m } else { return [] }
    }

    private static func number(_ d: Double) -> JSONValue {
        guard d.isFinite else { return .string(d.isNaN ? "NaN" : (d < 0 ? "-INF" : "INF")) }
        if d == d.rounded(), abs(d) < 1e15 { return .number(String(Int64(d))) }
        return .number("\(d)")
    }

    // MARK: - Request bodies

    /// Parses a request body that must be a JSON object.
    static func object(_ data: Data) throws(ODataError) -> [String: JSONNode] {
        guard !data.isEmpty else { return [:] }
        let parsed: JSONNode
        do { parsed = try JSONDecoder().decode(JSONNode.self, from: data) } catch {
            throw ODataError(.badRequest, .invalidParameter, "the request body is not valid JSON")
        }
        guard case .object(let object) = parsed else {
            throw ODataError(.badRequest, .invalidParameter, "the request body must be a JSON object")
        }
        return object
    }

    /// A JSON value as a CIM value of `type`; `what` names it in errors ("SiteCode", "Description").
    /// Finds a class by name, for embedded objects in a body (`{"@odata.type": "#AdminService.SMS_CollectionRuleQuery", …}`).
    typealias ClassLookup = (String) -> CIMClass?

    static func cimValue(_ json: JSONNode, as type: CIMType, _ what: String, classes: ClassLookup? = nil) throws(ODataError) -> CIMValue {
        if case .null = json { return .null }
        if type.scalar == .object, !type.isArray, case .object(let members) = json {
            return .object(try embeddedInstance(members, what, classes))
        }
        if type.isArray {
            guard case .array(let items) = json else {
                throw ODataError(.badRequest, .typeMismatch, "\(what) must be a JSON array of \(type.scalar)")
            }
            var elements: [CIMValue] = []
            for (i, item) in items.enumerated() {
                elements.append(try cimValue(item, as: CIMType(type.scalar), "\(what)[\(i)]", classes: classes))
            }
            return .array(CIMArray(elementType: type.scalar, elements))
        }
        let raw: CIMValue
        switch json {
        case .bool(let b): raw = .boolean(b)
        case .integer(let i): raw = .sint64(i)
        case .real(let d): raw = .real64(d)
        case .string(let s):
            // Datetimes come as OData writes them; a DMTF string is taken too.
            if type.scalar == .datetime, let d = CIMDateTime(odata: s) { return .datetime(d) }
            raw = .string(s)
        case .null: return .null
        case .array, .object:
            throw ODataError(.badRequest, .typeMismatch, "\(what) must be a \(type), not a JSON \(json.kind)")
        }
        do { return try raw.converted(to: type) } catch {
            throw ODataError(.badRequest, .typeMismatch, "\(what) must be a \(type): \(error.message)")
        }
    }
}

extension ODataJSON {
    /// An embedded object written as OData writes a derived complex value: its class in `@odata.type`.
    static func embeddedInstance(_ members: [String: JSONNode], _ what: String, _ classes: ClassLookup?) throws(ODataError) -> CIMInstance {
        guard case .string(let tag)? = members["@odata.type"] else {
            throw ODataError(.badRequest, .typeMismatch, "\(what) is an embedded object: name its class in \"@odata.type\" (\"#AdminService.SMS_CollectionRuleQuery\")")
        }
        let name = String(tag.drop { $0 == "#" }.split(separator: ".").last ?? "")
        guard let cls = classes?(name) else { throw ODataError(.badRequest, .invalidClass, "\(what): class \(name) does not exist") }
        var instance = CIMInstance(of: cls)
        for (key, value) in members where !key.hasPrefix("@") {
            guard let p = cls.property(named: CIMName(key)) else {
                throw ODataError(.badRequest, .invalidProperty, "\(what): class \(cls.name) has no property '\(key)'")
            }
            let converted = try cimValue(value, as: p.type, "\(what).\(p.name)", classes: classes)
            do { try instance.set(p.name, converted) } catch { throw ODataError(error.status, error.message) }
        }
        return instance
    }
}
