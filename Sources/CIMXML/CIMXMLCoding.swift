// CIMXMLCoding: classes, instances, names and values in DSP0201's XML (CIMXMLWriter), and CIM-XML values read
// back as CIM values of the declared type — shared by the server (cmsh serve) and the client (--connect).
import CIM
import Foundation

public enum CIMXMLWriter {
    public static func typeName(_ t: CIMScalarType) -> String { t == .reference ? "reference" : t.name }

    public static func valueText(_ v: CIMValue) -> String {
        switch v {
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .string(let s): return s
        case .char16(let c): return String(c)
        case .datetime(let d): return d.description
        case .real32(let f): return "\(f)"
        case .real64(let d): return "\(d)"
        case .object(let i): return instance(i)
        case .reference(let p): return p.description
        default: return v.integerValue.map { String($0) } ?? "\(v)"
        }
    }

    public static func value(_ v: CIMValue) -> String {
        switch v {
        case .null: return ""
        case .array(let a):
            return "<VALUE.ARRAY>" + a.elements.map { $0.isNull ? "<VALUE.NULL/>" : "<VALUE>\(xmlEscaped(valueText($0)))</VALUE>" }.joined() + "</VALUE.ARRAY>"
        case .reference(let p): return "<VALUE.REFERENCE>\(instanceName(p))</VALUE.REFERENCE>"
        default: return "<VALUE>\(xmlEscaped(valueText(v)))</VALUE>"
        }
    }

    public static func qualifier(_ q: CIMQualifier) -> String {
        let type: String
        if case .array(let a) = q.value { type = typeName(a.elementType) } else { type = q.value.type.map { typeName($0.scalar) } ?? "boolean" }
        return "<QUALIFIER NAME=\"\(xmlEscaped(q.name.string))\" TYPE=\"\(type)\">\(value(q.value))</QUALIFIER>"
    }

    /// Key, In and Out always (clients read them to build requests); the rest when asked.
    public static func qualifiers(_ set: CIMQualifierSet, all: Bool) -> String {
        set.filter { all || ["key", "in", "out"].contains($0.name.string.lowercased()) }.map(qualifier).joined()
    }

    public static func property(_ p: CIMProperty, _ v: CIMValue, qualifiers withQualifiers: Bool?) -> String {
        let q = withQualifiers.map { qualifiers(p.qualifiers, all: $0) } ?? ""
        let name = xmlEscaped(p.name.string)
        if p.type.scalar == .reference {
            let ref = p.referenceClass.map { " REFERENCECLASS=\"\(xmlEscaped($0.string))\"" } ?? ""
            return "<PROPERTY.REFERENCE NAME=\"\(name)\"\(ref)>\(q)\(v.isNull ? "" : value(v))</PROPERTY.REFERENCE>"
        }
        // An embedded object travels as a string holding its INSTANCE; DSP0201 2.2's EmbeddedObject attribute
        // is left out because sblim-wbemcli's parser refuses it.
        let embedded = ""
        if p.type.isArray {
            return "<PROPERTY.ARRAY NAME=\"\(name)\" TYPE=\"\(p.type.scalar == .object ? "string" : typeName(p.type.scalar))\"\(embedded)>\(q)\(value(v))</PROPERTY.ARRAY>"
        }
        return "<PROPERTY NAME=\"\(name)\" TYPE=\"\(p.type.scalar == .object ? "string" : typeName(p.type.scalar))\"\(embedded)>\(q)\(value(v))</PROPERTY>"
    }

    public static func cimClass(_ cls: CIMClass, qualifiers all: Bool) -> String {
        var out = "<CLASS NAME=\"\(xmlEscaped(cls.name.string))\""
        if let s = cls.superclass { out += " SUPERCLASS=\"\(xmlEscaped(s.name.string))\"" }
        out += ">" + (all ? qualifiers(cls.qualifiers, all: true) : "")
        for p in cls.properties { out += property(p, p.defaultValue, qualifiers: all) }
        for m in cls.methods {
            out += "<METHOD NAME=\"\(xmlEscaped(m.name.string))\"" + (m.returnType.map { " TYPE=\"\(typeName($0.scalar))\"" } ?? "") + ">"
            out += qualifiers(m.qualifiers, all: all)
            for p in m.parameters {
                let q = qualifiers(p.qualifiers, all: all)
                let name = xmlEscaped(p.name.string)
                if p.type.scalar == .reference {
                    let ref = p.referenceClass.map { " REFERENCECLASS=\"\(xmlEscaped($0.string))\"" } ?? ""
                    out += p.type.isArray ? "<PARAMETER.REFARRAY NAME=\"\(name)\"\(ref)>\(q)</PARAMETER.REFARRAY>"
                                          : "<PARAMETER.REFERENCE NAME=\"\(name)\"\(ref)>\(q)</PARAMETER.REFERENCE>"
                } else {
                    let type = p.type.scalar == .object ? "string" : typeName(p.type.scalar)
                    out += p.type.isArray ? "<PARAMETER.ARRAY NAME=\"\(name)\" TYPE=\"\(type)\">\(q)</PARAMETER.ARRAY>"
                                          : "<PARAMETER NAME=\"\(name)\" TYPE=\"\(type)\">\(q)</PARAMETER>"
                }
            }
            out += "</METHOD>"
        }
        return out + "</CLASS>"
    }

    public static func instance(_ i: CIMInstance, only names: Set<String>? = nil) -> String {
        var out = "<INSTANCE CLASSNAME=\"\(xmlEscaped(i.className.string))\">"
        for (slot, p) in i.cimClass.properties.enumerated() where names?.contains(p.name.string.lowercased()) ?? true {
            out += property(p, i[slot: slot], qualifiers: nil)
        }
        return out + "</INSTANCE>"
    }

    public static func keyValue(_ v: CIMValue) -> String {
        let kind: String
        switch v {
        case .string, .char16, .datetime: kind = "string"
        case .boolean: kind = "boolean"
        case .reference(let p): return "<VALUE.REFERENCE>\(instanceName(p))</VALUE.REFERENCE>"
        default: kind = "numeric"
        }
        let type = v.type.map { " TYPE=\"\(typeName($0.scalar))\"" } ?? ""
        return "<KEYVALUE VALUETYPE=\"\(kind)\"\(type)>\(xmlEscaped(valueText(v)))</KEYVALUE>"
    }

    public static func instanceName(_ p: ObjectPath) -> String {
        "<INSTANCENAME CLASSNAME=\"\(xmlEscaped(p.className.string))\">"
            + p.keys.map { key in
                guard let name = key.name else { return keyValue(key.value) }
                return "<KEYBINDING NAME=\"\(xmlEscaped(name.string))\">\(keyValue(key.value))</KEYBINDING>"
            }.joined()
            + "</INSTANCENAME>"
    }

    public static func localNamespacePath(_ namespace: String) -> String {
        "<LOCALNAMESPACEPATH>" + namespace.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            .map { "<NAMESPACE NAME=\"\(xmlEscaped(String($0)))\"/>" }.joined() + "</LOCALNAMESPACEPATH>"
    }

    public static func instancePath(_ p: ObjectPath, _ namespace: String) -> String {
        "<INSTANCEPATH><NAMESPACEPATH><HOST>localhost</HOST>\(localNamespacePath(namespace))</NAMESPACEPATH>\(instanceName(p))</INSTANCEPATH>"
    }

    // MARK: - Reading

    /// Finds the class of an embedded instance by name.
    public typealias ClassLookup = (CIMName) -> CIMClass?

    /// The CIM value in `element` (VALUE, VALUE.ARRAY, VALUE.REFERENCE, or a KEYVALUE) as `type`. An embedded
    /// object travels as a string holding its INSTANCE; with `classes` it is read back as the instance.
    public static func read(_ element: XMLElement?, as type: CIMType, classes: ClassLookup? = nil) throws(CIMError) -> CIMValue {
        guard let element else { return .null }
        switch element.name {
        case "VALUE.ARRAY":
            var items: [CIMValue] = []
            for child in element.children where child.name == "VALUE" || child.name == "VALUE.NULL" {
                items.append(child.name == "VALUE.NULL" ? .null : try read(child, as: CIMType(type.scalar), classes: classes))
            }
            return .array(CIMArray(elementType: type.scalar, items))
        case "VALUE.REFERENCE":
            return .reference(try path(element.child("INSTANCENAME") ?? element.children.first?.child("INSTANCENAME")))
        case "VALUE.NULL": return .null
        default:
            if type.isArray { return .array(CIMArray(elementType: type.scalar, [try read(element, as: CIMType(type.scalar), classes: classes)])) }
            if type.scalar == .object, let classes {
                let embedded = element.child("INSTANCE") ?? {
                    if case .success(let e) = XMLElement.parse(Data(element.text.utf8)) { return e }
                    return nil
                }()
                guard let embedded, embedded.name == "INSTANCE" else {
                    throw CIMError(.typeMismatch, "expected an embedded INSTANCE, found \(element.text.prefix(60))")
                }
                return .object(try readInstance(embedded, classes: classes))
            }
            let text = element.text
            if type.scalar == .boolean { return .boolean(text.trimmingCharacters(in: .whitespaces).lowercased() == "true") }
            return try CIMValue.string(text).converted(to: type)
        }
    }

    /// An INSTANCE element as an instance of its class; properties the class does not declare are an error.
    public static func readInstance(_ element: XMLElement, classes: @escaping ClassLookup) throws(CIMError) -> CIMInstance {
        guard let className = element["CLASSNAME"], let cls = classes(CIMName(className)) else {
            throw CIMError(.invalidClass, "an INSTANCE of \(element["CLASSNAME"] ?? "no class"), which is not a class here")
        }
        var instance = CIMInstance(of: cls)
        for child in element.children where child.name.hasPrefix("PROPERTY") {
            guard let name = child["NAME"] else { continue }
            guard let p = cls.property(named: CIMName(name)) else { throw CIMError(.invalidProperty, "class \(cls.name) has no property '\(name)'") }
            let value = child.child("VALUE") ?? child.child("VALUE.ARRAY") ?? child.child("VALUE.REFERENCE")
            try instance.set(p.name, try read(value, as: p.type, classes: classes))
        }
        return instance
    }

    /// An INSTANCENAME as an object path (values typed by the class when known, else as the client sent them).
    public static func path(_ element: XMLElement?, _ cls: CIMClass? = nil) throws(CIMError) -> ObjectPath {
        guard let element, let className = element["CLASSNAME"] else { throw CIMError(.invalidParameter, "expected an INSTANCENAME with a CLASSNAME") }
        var bindings: [ObjectPath.KeyBinding] = []
        for binding in element.children("KEYBINDING") {
            guard let name = binding["NAME"] else { continue }
            let declared = cls?.property(named: CIMName(name))?.type
            if let ref = binding.child("VALUE.REFERENCE") {
                bindings.append(.init(CIMName(name), try read(ref, as: CIMType(.reference))))
            } else if let key = binding.child("KEYVALUE") {
                let fallback: CIMType = key["VALUETYPE"] == "numeric" ? CIMType(.sint64) : key["VALUETYPE"] == "boolean" ? CIMType(.boolean) : CIMType(.string)
                bindings.append(.init(CIMName(name), try read(key, as: declared ?? fallback)))
            }
        }
        if bindings.isEmpty, let key = element.child("KEYVALUE"), let k = cls?.keyProperties.first {
            bindings.append(.init(k.name, try read(key, as: k.type)))
        }
        return ObjectPath(className: CIMName(className), keys: bindings)
    }
}
