// ODataValues: CIM values as the AdminService writes them in JSON, both ways — reading a server's entities back
// into instances of the client's copy of the classes, writing request bodies, `$filter` and key literals.
// Whatever a server sends (wrong types, huge numbers, odd dates) becomes a CIM error or a null, never a trap.
import CIM
import CIMXML
import Foundation

enum ODataValues {
    typealias ClassLookup = (CIMName) -> CIMClass?

    // MARK: - Reading

    /// An entity as an instance of `cls` (or of the subclass its `@odata.type` names); members the class
    /// does not declare are ignored, as a newer server's extra properties should be.
    static func instance(_ members: [String: JSONNode], of cls: CIMClass, classes: ClassLookup) throws(CIMError) -> CIMInstance {
        var cls = cls
        if let tag = members["@odata.type"]?.string, let derived = classes(CIMName(typeName(tag))) { cls = derived }
        var instance = CIMInstance(of: cls)
        for (slot, p) in cls.properties.enumerated() {
            guard let json = members[p.name.string] ?? members.first(where: { $0.key.equalsIgnoringCase(p.name.string) })?.value else { continue }
            let value = try cimValue(json, as: p.type, "\(cls.name).\(p.name)", classes: classes)
            do { try instance.set(slot: slot, value) } catch {
                throw CIMError(.typeMismatch, "\(cls.name).\(p.name): \(error.message)")
            }
        }
        return instance
    }

    /// `#AdminService.SMS_Package` → `SMS_Package`.
    static func typeName(_ tag: String) -> String {
        String(tag.drop { $0 == "#" }.split(separator: ".").last ?? "")
    }

    /// A JSON value as a CIM value of `type`.
    static func cimValue(_ json: JSONNode, as type: CIMType, _ what: String, classes: ClassLookup) throws(CIMError) -> CIMValue {
        if case .null = json { return .null }
        if type.isArray {
            guard case .array(let items) = json else { throw CIMError(.typeMismatch, "\(what) came as a JSON \(json.kind), not an array") }
            var out: [CIMValue] = []
            for item in items { out.append(try cimValue(item, as: CIMType(type.scalar), what, classes: classes)) }
            return .array(CIMArray(elementType: type.scalar, out))
        }
        let raw: CIMValue
        switch (json, type.scalar) {
        case (.object(let members), .object):
            guard let tag = members["@odata.type"]?.string, let cls = classes(CIMName(typeName(tag))) else {
                throw CIMError(.typeMismatch, "\(what) is an embedded object without a class this site declares")
            }
            return .object(try instance(members, of: cls, classes: classes))
        case (.string(let s), .datetime):
            guard let d = CIMDateTime(odata: s) else { throw CIMError(.typeMismatch, "\(what): '\(s)' is not a date and time") }
            return .datetime(d)
        case (.string(let s), .reference):
            do { return .reference(try ObjectPath(parsing: s)) } catch { throw CIMError(.typeMismatch, "\(what): \(error.message)") }
        case (.bool(let b), _): raw = .boolean(b)
        case (.integer(let i), _): raw = .sint64(i)
        case (.real(let d), _): raw = .real64(d)
        case (.string(let s), _): raw = .string(s)
        case (.array, _), (.object, _), (.null, _):
            throw CIMError(.typeMismatch, "\(what) came as a JSON \(json.kind), not a \(type)")
        }
        do { return try raw.converted(to: type) } catch { throw CIMError(.typeMismatch, "\(what): \(error.message)") }
    }

    // MARK: - Writing

    /// A CIM value as JSON text: the shapes the AdminService takes in a request body.
    static func json(_ v: CIMValue) -> String {
        switch v {
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .string(let s): return quoted(s)
        case .char16(let c): return quoted(String(utf16CodeUnits: [c], count: 1))
        case .real32(let d): return Double(d).isFinite ? "\(d)" : "null"
        case .real64(let d): return d.isFinite ? "\(d)" : "null"
        case .datetime(let d): return quoted(d.odataText)
        case .reference(let path): return quoted(path.description)
        case .object(let instance): return object(instance, tagged: true)
        case .array(let a): return "[" + a.elements.map(json).joined(separator: ",") + "]"
        default: return v.integerValue.map { String($0) } ?? quoted("\(v)")
        }
    }

    /// An instance's properties that have a value, as a JSON object (with its class when it is embedded).
    static func object(_ i: CIMInstance, tagged: Bool, only names: Set<String>? = nil) -> String {
        var members: [String] = tagged ? ["\"@odata.type\":" + quoted("#AdminService." + i.className.string)] : []
        for (slot, p) in i.cimClass.properties.enumerated() where !i[slot: slot].isNull {
            if let names, !names.contains(p.name.string.lowercased()) { continue }
            members.append(quoted(p.name.string) + ":" + json(i[slot: slot]))
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where ch.value < 0x20: out += String(format: "\\u%04x", ch.value)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// A value as an OData literal in `$filter` or a key: `'text'` (quotes doubled), numbers, true/false, null,
    /// DateTimeOffset.
    static func literal(_ v: CIMValue) -> String {
        switch v {
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .char16(let c): return literal(.string(String(utf16CodeUnits: [c], count: 1)))
        case .datetime(let d): return d.odataText
        case .real32(let d): return "\(d)"
        case .real64(let d): return "\(d)"
        case .reference(let path): return literal(.string(path.description))
        default: return v.integerValue.map { String($0) } ?? literal(.string("\(v)"))
        }
    }

    /// A condition as `$filter` text.
    static func filter(_ term: FilterTerm) -> String {
        switch term {
        case .compare(let p, let op, let v): return "\(p) \(op.rawValue) \(literal(v))"
        case .match(let kind, let p, let text): return "\(kind.rawValue)(\(p),\(literal(.string(text))))"
        case .and(let a, let b): return "(\(filter(a)) and \(filter(b)))"
        case .or(let a, let b): return "(\(filter(a)) or \(filter(b)))"
        case .not(let a): return "not (\(filter(a)))"
        }
    }
}
