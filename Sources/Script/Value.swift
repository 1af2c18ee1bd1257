// Value: what cmsh expressions evaluate to — CIM values, lists, instances, records, query results, classes.
import CIM

/// A runtime value. Instances keep their class and path so front ends can render them as table, list,
/// JSON, CSV or MOF, and so `invoke` can act on the rows of a query.
///
/// Only the large payloads (records, result sets) are boxed: scalars, lists and instances are stored inline,
/// so arithmetic and comparisons in a loop allocate nothing.
public enum Value: Sendable {
    /// A CIM value: null, a scalar, a CIM array, a datetime, a reference or an embedded object.
    case cim(CIMValue)
    /// A script array (`[1, "a", $p]`); becomes a typed CIM array when passed to a method or property.
    case list([Value])
    /// An instance from the repository (or an embedded one).
    case instance(CIMInstance)
    /// Named fields: a projected query row, a method's `__PARAMETERS` result, a caught error.
    indirect case record(Record)
    /// The rows a query returned.
    indirect case rows(ResultSet)
    /// A class named in a statement (`SMS_Package`), as `describe` shows it.
    case cimClass(CIMClass)

    public static let null = Value.cim(.null)
    public static func string(_ s: String) -> Value { .cim(.string(s)) }
    public static func integer(_ i: Int64) -> Value { .cim(.sint64(i)) }
    public static func boolean(_ b: Bool) -> Value { .cim(.boolean(b)) }

    public var isNull: Bool { if case .cim(.null) = self { true } else { false } }
    /// A CIM array (an array property's value), as opposed to a script list.
    var isCIMArray: Bool { if case .cim(.array) = self { true } else { false } }
    public var cimValue: CIMValue? { if case .cim(let v) = self { v } else { nil } }
    public var stringValue: String? { cimValue?.stringValue }

    /// The object path behind a value, when it names one object: an instance, a row of a single-class
    /// query, a reference, or a path string.
    public var objectPath: ObjectPath? {
        switch self {
        case .instance(let i): i.path
        case .record(let r): r.path
        case .cim(.reference(let p)): p
        case .cim(.object(let i)): i.path
        default: nil
        }
    }

    /// A short name of the kind of value, for error messages: "a string", "a list", "an instance of SMS_Package".
    /// What `typeof` answers: the CIM type (`sint64`, `string[]`, `datetime`), `null`, `list`, the class
    /// of an instance, `record`, `rows` or `class`.
    public var typeName: String {
        switch self {
        case .cim(.null): "null"
        case .cim(let v): v.type?.description ?? "value"
        case .list: "list"
        case .instance(let i): i.className.string
        case .record: "record"
        case .rows: "rows"
        case .cimClass: "class"
        }
    }

    public var kindDescription: String {
        switch self {
        case .cim(.null): "null"
        case .cim(let v): "a " + (v.type?.description ?? "value")
        case .list: "a list"
        case .instance(let i): "an instance of \(i.className)"
        case .record(let r): r.className.map { "a \($0) row" } ?? "a record"
        case .rows: "query results"
        case .cimClass(let c): "the class \(c.name)"
        }
    }
}

/// Named fields in order, looked up ignoring case.
public struct Record: Sendable {
    /// The class the row came from (a single-class query) or a WMI system class name (`__PARAMETERS`).
    public var className: String?
    /// The object the row stands for, when it stands for one (lets `invoke` act on query rows).
    public var path: ObjectPath?
    public var fields: [(name: String, value: Value)]
    /// A sentence explaining the record, e.g. the plain-English meaning of a non-zero ReturnValue.
    public var note: String?

    public init(className: String? = nil, path: ObjectPath? = nil, fields: [(name: String, value: Value)] = [], note: String? = nil) {
        self.className = className
        self.path = path
        self.fields = fields
        self.note = note
    }

    public subscript(name: String) -> Value? {
        fields.first { $0.name.equalsIgnoringCase(name) }?.value
    }
}

/// The result of a query: column names and rows (instances for `select *`, records otherwise).
public struct ResultSet: Sendable {
    public var className: String?
    public var columns: [String]
    public var rows: [Value]
    public init(className: String?, columns: [String], rows: [Value]) {
        self.className = className
        self.columns = columns
        self.rows = rows
    }
}

// MARK: - Plain text

extension Value {
    /// The value as plain text: strings unquoted, lists as `[a, b]`, instances as their path.
    public var displayText: String {
        switch self {
        case .cim(let v): v.displayText
        case .list(let items): "[" + items.map(\.displayText).joined(separator: ", ") + "]"
        case .instance(let i): i.path.description
        case .record(let r): r.path?.description ?? "{" + r.fields.map { "\($0.name) = \($0.value.displayText)" }.joined(separator: ", ") + "}"
        case .rows(let rs): "\(rs.rows.count) row\(rs.rows.count == 1 ? "" : "s")"
        case .cimClass(let c): c.name.string
        }
    }

    /// Field names and values of an instance or record (what `list` output and member access see).
    public var fields: [(name: String, value: Value)]? {
        switch self {
        case .instance(let i): zip(i.cimClass.properties, i.values).map { ($0.name.string, Value.cim($1)) }
        case .cim(.object(let i)): zip(i.cimClass.properties, i.values).map { ($0.name.string, Value.cim($1)) }
        case .record(let r): r.fields
        default: nil
        }
    }
}
