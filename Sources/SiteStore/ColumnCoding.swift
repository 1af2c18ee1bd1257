// ColumnCoding: CIM values in SQLite columns, chosen so that the site file is plain SQL to read: integers and
// booleans as INTEGER, reals as REAL, strings, datetimes, references and char16 as TEXT; arrays and embedded
// instances as JSON text. Decoding is exact: reading a column back gives the value that was written.
import CIM
import Foundation
import GRDB

enum ColumnCoding {
    /// The column's declared type (its SQLite affinity).
    static func sqlType(_ type: CIMType) -> String {
        if type.isArray { return "TEXT" }
        switch type.scalar {
        case .boolean, .sint8, .uint8, .sint16, .uint16, .sint32, .uint32, .sint64: return "INTEGER"
        // A uint64 above Int64.max does not fit an SQLite integer, so such values are kept as decimal text.
        // The column has no declared type: INTEGER or NUMERIC affinity would turn that text into a REAL
        // and lose the low digits.
        case .uint64: return ""
        case .real32, .real64: return "REAL"
        default: return "TEXT"
        }
    }

    static func encode(_ value: CIMValue) throws(CIMError) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .boolean(let b): return (b ? 1 : 0 as Int64).databaseValue
        case .uint64(let v): return Int64(exactly: v).map(\.databaseValue) ?? String(v).databaseValue
        case .real32(let v): return Double(v).databaseValue
        case .real64(let v): return v.databaseValue
        case .array, .object:
            guard let form = textForm(value),
                  let data = try? JSONSerialization.data(withJSONObject: form, options: [.fragmentsAllowed]) else {
                throw CIMError(.failed, "The value \(value.literal) cannot be stored.")
            }
            return String(decoding: data, as: UTF8.self).databaseValue
        default:
            if let i = value.integerValue, let v = Int64(exactly: i) { return v.databaseValue }
            return (textForm(value) as? String ?? value.literal).databaseValue
        }
    }

    static func decode(_ stored: DatabaseValue, as type: CIMType, in context: DecodingContext) throws(CIMError) -> CIMValue {
        switch stored.storage {
        case .null: return .null
        case .int64(let v):
            if type.scalar == .boolean && !type.isArray { return .boolean(v != 0) }
            return try CIMValue.integer(Int128(v), as: type.scalar)
        case .double(let v):
            return type.scalar == .real32 ? .real32(Float(v)) : .real64(v)
        case .string(let text):
            if type.isArray || type.scalar == .object {
                guard let form = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
                    throw context.damaged("a \(type) column holds text that is not JSON")
                }
                return try fromTextForm(form, as: type, in: context)
            }
            return try scalar(fromText: text, as: type.scalar, in: context)
        case .blob:
            throw context.damaged("a \(type) column holds a blob")
        }
    }

    // MARK: - Text forms (inside JSON)

    /// Strings for scalars (exact for every type), arrays of those, and `{"class", "properties"}` objects for
    /// embedded instances; nil for null.
    private static func textForm(_ value: CIMValue) -> Any? {
        switch value {
        case .null: return nil
        case .boolean(let b): return b ? "true" : "false"
        case .real32(let v): return String(v)
        case .real64(let v): return String(v)
        case .char16(let c): return String(c)
        case .string(let s): return s
        case .datetime(let d): return d.description
        case .reference(let p): return p.description
        case .array(let a): return a.elements.map { textForm($0) ?? NSNull() }
        case .object(let instance):
            var properties: [String: Any] = [:]
            for (property, v) in instance.propertyValues { if let form = textForm(v) { properties[property.name.string] = form } }
            return ["class": instance.className.string, "properties": properties] as [String: Any]
        default: return value.integerValue.map { String($0) }
        }
    }

    private static func fromTextForm(_ form: Any, as type: CIMType, in context: DecodingContext) throws(CIMError) -> CIMValue {
        if form is NSNull { return .null }
        if type.isArray {
            guard let items = form as? [Any] else { throw context.damaged("an array column holds something else") }
            var elements: [CIMValue] = []
            elements.reserveCapacity(items.count)
            for item in items { elements.append(try fromTextForm(item, as: CIMType(type.scalar), in: context)) }
            return .array(CIMArray(elementType: type.scalar, elements))
        }
        if type.scalar == .object {
            guard let object = form as? [String: Any], let className = object["class"] as? String,
                  let properties = object["properties"] as? [String: Any] else {
                throw context.damaged("an embedded instance is not a class and properties")
            }
            guard let cls = context.repository.cimClass(named: CIMName(className), namespace: context.namespace) else {
                throw context.damaged("an embedded instance is of class \(className), which the site does not have")
            }
            var instance = CIMInstance(of: cls)
            for (name, value) in properties {
                guard let property = cls.property(named: CIMName(name)) else {
                    throw context.damaged("\(className) has no property \(name)")
                }
                try instance.set(property.name, try fromTextForm(value, as: property.type, in: context))
            }
            return .object(instance)
        }
        guard let text = form as? String else { throw context.damaged("a \(type) value is not text") }
        return try scalar(fromText: text, as: type.scalar, in: context)
    }

    private static func scalar(fromText text: String, as scalar: CIMScalarType, in context: DecodingContext) throws(CIMError) -> CIMValue {
        switch scalar {
        case .string: return .string(text)
        case .boolean:
            switch text { case "true": return .boolean(true); case "false": return .boolean(false)
            default: throw context.damaged("'\(text)' is not a boolean") }
        case .real32:
            guard let v = Float(text) else { throw context.damaged("'\(text)' is not a real32") }
            return .real32(v)
        case .real64:
            guard let v = Double(text) else { throw context.damaged("'\(text)' is not a real64") }
            return .real64(v)
        case .char16:
            guard let v = UInt16(text) else { throw context.damaged("'\(text)' is not a char16") }
            return .char16(v)
        case .datetime: return .datetime(try CIMDateTime(parsing: text))
        case .reference: return .reference(try ObjectPath(parsing: text))
        case .object: throw context.damaged("an embedded instance is stored as plain text")
        default:
            guard let v = Int128(text) else { throw context.damaged("'\(text)' is not an integer") }
            return try CIMValue.integer(v, as: scalar)
        }
    }
}

/// Where decoded values live (embedded instances need their class), and how to name damage.
struct DecodingContext {
    let repository: CIMRepository
    let namespace: String
    let file: String

    func damaged(_ what: String) -> CIMError {
        CIMError(.invalidStream, "The site file \(file) is damaged: \(what).")
    }
}
