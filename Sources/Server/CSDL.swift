// CSDL: the `$metadata` document of the WMI route — an entity type per class with a key, a complex type per
// class without one (embedded objects such as collection rules), an action per method, and the entity sets.
import CIM

enum CSDL {
    static let namespace = "AdminService"

    static func document(_ classes: [CIMClass]) -> String {
        var out = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        out += #"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>"#
        out += #"<Schema Namespace="\#(namespace)" xmlns="http://docs.oasis-open.org/odata/ns/edm">"#
        for cls in classes {
            let keyed = !cls.keySlots.isEmpty
            let kind = keyed ? "EntityType" : "ComplexType"
            out += "<\(kind) Name=\"\(xml(cls.name.string))\"\(cls.isAbstract ? " Abstract=\"true\"" : "")>"
            if keyed {
                out += "<Key>" + cls.keyProperties.map { "<PropertyRef Name=\"\(xml($0.name.string))\"/>" }.joined() + "</Key>"
            }
            for p in cls.properties {
                out += "<Property Name=\"\(xml(p.name.string))\" Type=\"\(edmType(p.type, p.qualifiers["EmbeddedInstance"]?.stringValue))\"\(p.isKey ? " Nullable=\"false\"" : "")/>"
            }
            out += "</\(kind)>"
        }
        for cls in classes where !cls.keySlots.isEmpty || cls.methods.contains(where: \.isStatic) {
            for m in cls.methods where m.classOrigin == cls.name || m.classOrigin.string.isEmpty {
                out += "<Action Name=\"\(xml(m.name.string))\" IsBound=\"\(m.isStatic ? "false" : "true")\">"
                if !m.isStatic { out += "<Parameter Name=\"bindingParameter\" Type=\"\(namespace).\(xml(cls.name.string))\"/>" }
                for p in m.inParameters {
                    out += "<Parameter Name=\"\(xml(p.name.string))\" Type=\"\(edmType(p.type, p.qualifiers["EmbeddedInstance"]?.stringValue))\"/>"
                }
                if let r = m.returnType { out += "<ReturnType Type=\"\(edmType(r, nil))\"/>" }
                out += "</Action>"
            }
        }
        out += "<EntityContainer Name=\"Container\">"
        for cls in classes where !cls.keySlots.isEmpty {
            out += "<EntitySet Name=\"\(xml(cls.name.string))\" EntityType=\"\(namespace).\(xml(cls.name.string))\"/>"
        }
        return out + "</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>\n"
    }

    /// The EDM type of a CIM type. Unsigned types widen to the next signed one (OData has no unsigned
    /// integers); uint64 is Edm.Decimal, which keeps every digit.
    static func edmType(_ type: CIMType, _ embedded: String?) -> String {
        let scalar: String = switch type.scalar {
        case .boolean: "Edm.Boolean"
        case .sint8: "Edm.SByte"
        case .uint8: "Edm.Byte"
        case .sint16: "Edm.Int16"
        case .uint16, .sint32: "Edm.Int32"
        case .uint32, .sint64: "Edm.Int64"
        case .uint64: "Edm.Decimal"
        case .real32: "Edm.Single"
        case .real64: "Edm.Double"
        case .char16, .string, .reference: "Edm.String"
        case .datetime: "Edm.DateTimeOffset"
        case .object: embedded.map { "\(namespace).\($0)" } ?? "Edm.Untyped"
        }
        return type.isArray ? "Collection(\(scalar))" : scalar
    }

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
