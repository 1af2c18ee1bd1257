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
            // A class derives from its superclass when both are of one kind (OData keeps entity and complex
            // types apart); it then declares only its own properties, and the key stays the base's.
            let base = cls.superclass.flatMap { $0.keySlots.isEmpty == !keyed ? $0 : nil }
            out += "<\(kind) Name=\"\(xml(cls.name.string))\"" + (base.map { " BaseType=\"\(namespace).\(xml($0.name.string))\"" } ?? "")
                + (cls.isAbstract ? " Abstract=\"true\"" : "") + ">"
            if keyed, base == nil {
                out += "<Key>" + cls.keyProperties.map { "<PropertyRef Name=\"\(xml($0.name.string))\"/>" }.joined() + "</Key>"
            }
            for p in cls.properties where base?.property(named: p.name) == nil {
                out += "<Property Name=\"\(xml(p.name.string))\" Type=\"\(edmType(p.type, p.qualifiers["EmbeddedInstance"]?.stringValue))\"\(p.isKey ? " Nullable=\"false\"" : "")/>"
            }
            out += "</\(kind)>"
        }
        // Methods are actions bound to the class (instance methods) or to its entity set (static ones, as
        // `POST …/wmi/SMS_Admin.GetAdminExtendedData` calls them). What a call answers — ReturnValue and the
        // [out] parameters — is a complex type of its own, `Class_Method_Result`.
        var actions = "", results = ""
        for cls in classes where !cls.keySlots.isEmpty || cls.methods.contains(where: \.isStatic) {
            for m in cls.methods where m.classOrigin == cls.name || m.classOrigin.string.isEmpty {
                let binding = m.isStatic ? "Collection(\(namespace).\(xml(cls.name.string)))" : "\(namespace).\(xml(cls.name.string))"
                actions += "<Action Name=\"\(xml(m.name.string))\" IsBound=\"true\"><Parameter Name=\"bindingParameter\" Type=\"\(binding)\"/>"
                for p in m.inParameters {
                    actions += "<Parameter Name=\"\(xml(p.name.string))\" Type=\"\(edmType(p.type, p.qualifiers["EmbeddedInstance"]?.stringValue))\"/>"
                }
                let result = "\(cls.name)_\(m.name)_Result"
                actions += "<ReturnType Type=\"\(namespace).\(xml(result))\"/></Action>"
                results += "<ComplexType Name=\"\(xml(result))\">"
                if let r = m.returnType { results += "<Property Name=\"ReturnValue\" Type=\"\(edmType(r, nil))\"/>" }
                for p in m.outParameters {
                    results += "<Property Name=\"\(xml(p.name.string))\" Type=\"\(edmType(p.type, p.qualifiers["EmbeddedInstance"]?.stringValue))\"/>"
                }
                results += "</ComplexType>"
            }
        }
        out += results + actions
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
