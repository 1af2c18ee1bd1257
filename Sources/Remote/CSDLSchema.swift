// CSDLSchema: an AdminService's `$metadata` (OData CSDL) turned into MOF and compiled into a local repository,
// as RemoteSchema does for CIM-XML's classes: entity types are keyed classes, complex types keyless ones
// (embedded objects such as collection rules), actions bound to a type are its methods and actions bound to an
// entity set its static methods. A method's [out] parameters are the members of its result type besides
// ReturnValue; a server that declares no result type gets them as they come.
import CIM
import CIMXML
import Foundation

enum CSDLSchema {
    /// The MOF declaring the document's classes, superclasses first.
    static func mof(_ root: XMLElement) -> String {
        let schemas = root.children("DataServices").flatMap { $0.children("Schema") }
        let elements = schemas.flatMap(\.children)
        let types = elements.filter { $0.name == "EntityType" || $0.name == "ComplexType" }
        var byName: [String: XMLElement] = [:]
        for t in types { if let n = t["Name"] { byName[n.lowercased()] = t } }
        // Result types of actions are not classes: they describe what a call answers.
        var resultTypes: Set<String> = []
        var methods: [String: [XMLElement]] = [:]
        for action in elements where action.name == "Action" {
            if let r = action.child("ReturnType")?["Type"].map(localName) { resultTypes.insert(r.lowercased()) }
            guard action["IsBound"]?.lowercased() == "true", let binding = action.children("Parameter").first?["Type"] else { continue }
            let isStatic = binding.hasPrefix("Collection(")
            let owner = localName(isStatic ? String(binding.dropFirst("Collection(".count).dropLast()) : binding)
            methods[owner.lowercased(), default: []].append(action)
        }
        var written: Set<String> = [], out = ""
        func write(_ t: XMLElement, depth: Int = 0) {
            guard let name = t["Name"], !written.contains(name.lowercased()), !resultTypes.contains(name.lowercased()), depth < 64 else { return }
            let base = t["BaseType"].map(localName)
            if let base, let b = byName[base.lowercased()] { write(b, depth: depth + 1) }
            guard !written.contains(name.lowercased()) else { return }
            written.insert(name.lowercased())
            out += declaration(t, base: base.flatMap { byName[$0.lowercased()] != nil ? $0 : nil },
                               methods: methods[name.lowercased()] ?? [], types: byName) + "\n"
        }
        for t in types { write(t) }
        return out
    }

    private static func declaration(_ t: XMLElement, base: String?, methods: [XMLElement], types: [String: XMLElement]) -> String {
        let keys = Set(t.child("Key")?.children("PropertyRef").compactMap { $0["Name"]?.lowercased() } ?? [])
        var qualifiers: [String] = []
        if t["Abstract"]?.lowercased() == "true" { qualifiers.append("Abstract") }
        var out = (qualifiers.isEmpty ? "" : "[" + qualifiers.joined(separator: ", ") + "] ")
            + "class " + (t["Name"] ?? "") + (base.map { " : " + $0 } ?? "") + "\n{\n"
        for p in t.children("Property") {
            guard let name = p["Name"], isIdentifier(name) else { continue }
            out += "    " + member(keys.contains(name.lowercased()) ? ["Key"] : [], p["Type"], name) + ";\n"
        }
        for m in methods {
            guard let name = m["Name"], isIdentifier(name) else { continue }
            let isStatic = m.children("Parameter").first?["Type"]?.hasPrefix("Collection(") == true
            var params = m.children("Parameter").dropFirst().compactMap { p -> String? in
                guard let n = p["Name"], isIdentifier(n) else { return nil }
                return member(["In"], p["Type"], n)
            }
            var returnType = "sint32"
            if let result = m.child("ReturnType")?["Type"] {
                if let r = types[localName(result).lowercased()] {
                    for p in r.children("Property") {
                        guard let n = p["Name"], isIdentifier(n) else { continue }
                        let (type, embedded, array) = mofType(p["Type"] ?? "Edm.String")
                        if n.lowercased() == "returnvalue" { returnType = array || embedded != nil ? "sint32" : type; continue }
                        params.append(member(["Out"], p["Type"], n))
                    }
                } else {
                    let (type, embedded, array) = mofType(result)
                    if !array, embedded == nil { returnType = type }
                }
            }
            out += "    " + (isStatic ? "[Static] " : "") + returnType + " " + name + "(" + params.joined(separator: ", ") + ");\n"
        }
        return out + "};\n"
    }

    /// A property or parameter declaration: qualifiers, type, name (`[In, EmbeddedInstance("R")] object r[]`).
    private static func member(_ qualifiers: [String], _ edm: String?, _ name: String) -> String {
        let (type, embedded, array) = mofType(edm ?? "Edm.String")
        let all = qualifiers + (embedded.map { ["EmbeddedInstance(\"\($0)\")"] } ?? [])
        return (all.isEmpty ? "" : "[" + all.joined(separator: ", ") + "] ") + type + " " + name + (array ? "[]" : "")
    }

    /// The MOF type of an EDM type, the class of an embedded object, and whether it is a collection. OData has
    /// no unsigned integers, so the AdminService's Int32/Int64 hold CIM's uint16/uint32 too: the signed reading
    /// one size up keeps every value.
    static func mofType(_ edm: String) -> (type: String, embedded: String?, array: Bool) {
        if edm.hasPrefix("Collection("), edm.hasSuffix(")") {
            let inner = mofType(String(edm.dropFirst("Collection(".count).dropLast()))
            return (inner.type, inner.embedded, true)
        }
        switch edm {
        case "Edm.Boolean": return ("boolean", nil, false)
        case "Edm.SByte": return ("sint8", nil, false)
        case "Edm.Byte": return ("uint8", nil, false)
        case "Edm.Int16": return ("sint16", nil, false)
        case "Edm.Int32": return ("sint32", nil, false)
        case "Edm.Int64": return ("sint64", nil, false)
        case "Edm.Decimal": return ("uint64", nil, false)
        case "Edm.Single": return ("real32", nil, false)
        case "Edm.Double": return ("real64", nil, false)
        case "Edm.DateTimeOffset", "Edm.Date", "Edm.Duration": return ("datetime", nil, false)
        case _ where edm.hasPrefix("Edm."): return ("string", nil, false)
        default:
            // A type of the schema: an embedded object of that class.
            let name = localName(edm)
            return isIdentifier(name) ? ("object", name, false) : ("string", nil, false)
        }
    }

    /// `AdminService.SMS_Package` → `SMS_Package`.
    static func localName(_ qualified: String) -> String { String(qualified.split(separator: ".").last ?? "") }

    private static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } && !(s.first?.isNumber ?? true)
    }
}
