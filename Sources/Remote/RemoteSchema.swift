// RemoteSchema: a remote provider's classes, as EnumerateClasses sends them (DSP0201 CLASS elements), turned into
// MOF and compiled into a local repository — so class lookups, name checks, Tab completion and `--check` run
// locally, fetched once per connection, and the MOF compiler's checks apply to what the server sent.
import CIM
import CIMXML
import Foundation

enum RemoteSchema {
    /// The MOF declaring `classes` (superclasses first, as a server lists them; any order is sorted so).
    static func mof(_ classes: [XMLElement]) -> String {
        var byName: [String: XMLElement] = [:]
        for c in classes { if let n = c["NAME"] { byName[n.lowercased()] = c } }
        var written: Set<String> = [], out = ""
        func write(_ c: XMLElement, depth: Int = 0) {
            guard let name = c["NAME"], !written.contains(name.lowercased()), depth < 64 else { return }
            if let s = c["SUPERCLASS"], let base = byName[s.lowercased()] { write(base, depth: depth + 1) }
            guard !written.contains(name.lowercased()) else { return }
            written.insert(name.lowercased())
            out += declaration(c, base: c["SUPERCLASS"].flatMap { byName[$0.lowercased()] }) + "\n"
        }
        for c in classes { write(c) }
        return out
    }

    /// One class: its qualifiers, and the properties and methods it declares itself (a CLASS element lists
    /// the inherited ones too, which the superclass brings back when this compiles).
    private static func declaration(_ c: XMLElement, base: XMLElement?) -> String {
        let inherited = Set((base.map(allMembers) ?? []).map { $0.lowercased() })
        var out = qualifiers(c) + "class " + (c["NAME"] ?? "") + (c["SUPERCLASS"].map { " : " + $0 } ?? "") + "\n{\n"
        for p in c.children where p.name.hasPrefix("PROPERTY") {
            guard let name = p["NAME"], !inherited.contains(name.lowercased()) || p.child("QUALIFIER") != nil && overrides(p, base) else { continue }
            out += "    " + qualifiers(p) + type(of: p) + " " + name + (p.name == "PROPERTY.ARRAY" ? "[]" : "")
            if let v = p.child("VALUE") ?? p.child("VALUE.ARRAY"), let literal = literal(v, p["TYPE"] ?? "string") { out += " = " + literal }
            out += ";\n"
        }
        for m in c.children("METHOD") {
            guard let name = m["NAME"], !inherited.contains(name.lowercased()) else { continue }
            let params = m.children.filter { $0.name.hasPrefix("PARAMETER") }.map { p in
                qualifiers(p) + type(of: p) + " " + (p["NAME"] ?? "") + (p.name.hasSuffix("ARRAY") ? "[]" : "")
            }
            out += "    " + qualifiers(m) + (m["TYPE"] ?? "void") + " " + name + "(" + params.joined(separator: ", ") + ");\n"
        }
        return out + "};\n"
    }

    private static func allMembers(_ c: XMLElement) -> [String] {
        c.children.filter { $0.name.hasPrefix("PROPERTY") || $0.name == "METHOD" }.compactMap { $0["NAME"] }
    }

    /// A property the subclass lists with qualifiers of its own differs from the base's copy.
    private static func overrides(_ p: XMLElement, _ base: XMLElement?) -> Bool {
        guard let base, let name = p["NAME"],
              let inheritedCopy = base.children.first(where: { $0.name.hasPrefix("PROPERTY") && $0["NAME"]?.lowercased() == name.lowercased() }) else { return true }
        return qualifiers(p) != qualifiers(inheritedCopy)
    }

    /// The MOF type of a property or parameter element.
    private static func type(of e: XMLElement) -> String {
        if e.name.contains("REF") { return (e["REFERENCECLASS"] ?? "object") + " ref" }
        let t = e["TYPE"] ?? "string"
        // An embedded object arrives as a string with an EmbeddedInstance (or EmbeddedObject) qualifier.
        if t == "string", e.children("QUALIFIER").contains(where: { ["embeddedinstance", "embeddedobject"].contains($0["NAME"]?.lowercased() ?? "") }) {
            return "object"
        }
        return t
    }

    private static func qualifiers(_ e: XMLElement) -> String {
        let list = e.children("QUALIFIER").compactMap { q -> String? in
            guard let name = q["NAME"], name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !name.isEmpty else { return nil }
            if name.lowercased() == "embeddedobject" { return nil }  // DSP0004's boolean form; `object` says it
            let type = q["TYPE"] ?? "string"
            guard let v = q.child("VALUE") ?? q.child("VALUE.ARRAY") else { return name }
            if type == "boolean", v.name == "VALUE" { return v.text.uppercased() == "TRUE" ? name : name + "(FALSE)" }
            guard let l = literal(v, type) else { return nil }
            return v.name == "VALUE.ARRAY" ? name + l : name + "(" + l + ")"
        }
        return list.isEmpty ? "" : "[" + list.joined(separator: ", ") + "] "
    }

    /// A VALUE or VALUE.ARRAY as a MOF literal of the given CIM type.
    private static func literal(_ v: XMLElement, _ type: String) -> String? {
        if v.name == "VALUE.ARRAY" {
            let items = v.children.compactMap { $0.name == "VALUE.NULL" ? "NULL" : literal($0, type) }
            return "{" + items.joined(separator: ", ") + "}"
        }
        switch type {
        case "string", "datetime", "char16":
            return type == "char16" ? CIMValue.char16(v.text.utf16.first ?? 0).literal : CIMValue.string(v.text).literal
        case "boolean":
            return v.text.uppercased() == "TRUE" ? "TRUE" : "FALSE"
        default:
            let t = v.text.trimmingCharacters(in: .whitespaces)
            return t.isEmpty || !t.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) ? nil : t
        }
    }
}
