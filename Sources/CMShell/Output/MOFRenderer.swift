// MOFRenderer: instances, query rows and classes as MOF the compiler reads back; the rest as MOF comments.
import CIM
import Script

/// MOF output is meant to be fed back to the MOF compiler (into a repository holding the schema):
///
/// - An instance is `instance of Class { … };` with its non-null properties (``CIMInstance/mofText(indent:)``).
/// - A projected query row (a record of one class) is `instance of Class` with only the selected columns:
///   it compiles back when the selection includes the keys and names properties. A column that is not a
///   property name (`upper(Name)`) becomes a `//` comment inside the block, and a null column is left out,
///   as in an instance, so it keeps the class default.
/// - A record of no class or of a WMI system class (a join row, a method's `__PARAMETERS`) has no class to
///   compile into, so it is written as `//` comment lines: the file still compiles, to nothing.
/// - A class is its declaration: own qualifiers, and the properties and methods it declares or overrides.
/// - A scalar is its MOF literal.
enum MOFRenderer {
    static func render(_ value: Value) -> String {
        switch value {
        case .rows(let result): return result.rows.map(render).joined(separator: "\n")
        case .list(let items):
            if let literal = literal(value) { return literal + "\n" }
            return items.map(render).joined(separator: "\n")
        case .instance(let i), .cim(.object(let i)): return i.mofText() + ";\n"
        case .record(let r): return record(r, failure: value.methodFailure)
        case .cimClass(let c): return c.mofDeclaration
        case .cim(let v): return v.literal + "\n"
        }
    }

    /// A value as a MOF literal, or nil when MOF has no literal for it (a record, a class, query rows).
    private static func literal(_ value: Value) -> String? {
        switch value {
        case .cim(let v): return v.literal
        case .instance(let i): return i.mofText()
        case .list(let items):
            var parts: [String] = []
            for item in items {
                guard let text = literal(item) else { return nil }
                parts.append(text)
            }
            return "{" + parts.joined(separator: ", ") + "}"
        default: return nil
        }
    }

    private static func record(_ r: Record, failure: String?) -> String {
        guard let className = r.className, !className.hasPrefix("__"), CIMName.isValidIdentifier(className) else {
            var out = comment(r.className ?? "record")
            for (name, value) in r.fields { out += comment(name + " = " + (literal(value) ?? value.displayText)) }
            return out + (failure.map { comment("error: " + $0) } ?? "")
        }
        var out = "instance of " + className + "\n{\n"
        for (name, value) in r.fields where !value.isNull {
            if CIMName.isValidIdentifier(name), let text = literal(value) {
                out += "    " + name + " = " + text + ";\n"
            } else {
                out += "    " + comment(name + " = " + (literal(value) ?? value.displayText))
            }
        }
        return out + "};\n"
    }

    /// A `//` line; line breaks inside (an embedded instance's literal) would end the comment, so they go.
    private static func comment(_ text: String) -> String {
        "// " + text.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
    }
}
