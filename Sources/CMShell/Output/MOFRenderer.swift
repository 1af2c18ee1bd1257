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
        case .cimClass(let c): return declaration(of: c)
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

    // MARK: - Classes

    private static func declaration(of c: CIMClass) -> String {
        let base = c.superclass
        // Inherited qualifiers, properties and methods come back from the superclass when this compiles.
        let qualifiers = CIMQualifierSet(c.qualifiers.filter { base?.qualifiers[$0.name] != $0.value })
        var out = qualifierList(qualifiers, separator: "\n") + "class " + c.name.string
        out += (base.map { " : " + $0.name.string } ?? "") + "\n{\n"
        for p in c.properties where p.classOrigin == c.name || base?.property(named: p.name) != p {
            out += "    " + qualifierList(p.qualifiers) + typeName(p.type, p.referenceClass) + " " + p.name.string
            out += (p.type.isArray ? "[]" : "") + (p.defaultValue.isNull ? "" : " = " + p.defaultValue.literal) + ";\n"
        }
        for m in c.methods where m.classOrigin == c.name || base?.method(named: m.name) != m {
            let parameters = m.parameters.map { p in
                qualifierList(p.qualifiers) + typeName(p.type, p.referenceClass) + " " + p.name.string + (p.type.isArray ? "[]" : "")
            }
            out += "    " + qualifierList(m.qualifiers) + (m.returnType.map { typeName($0, nil) } ?? "void") + " "
                + m.name.string + "(" + parameters.joined(separator: ", ") + ");\n"
        }
        return out + "};\n"
    }

    /// `object` rather than the embedded class's name: the EmbeddedInstance qualifier, written with the
    /// others, already says which class, and `object` compiles even where that class is not yet declared.
    private static func typeName(_ type: CIMType, _ referenceClass: CIMName?) -> String {
        declaredTypeName(type, referenceClass, [])
    }

    /// `[Key, Description("x") : ToSubclass]` and the separator, or nothing.
    private static func qualifierList(_ set: CIMQualifierSet, separator: String = " ") -> String {
        guard !set.isEmpty else { return "" }
        let items = set.map { q in q.mofText + (q.flavors.isEmpty ? "" : " : " + q.flavors.joined(separator: " ")) }
        return "[" + items.joined(separator: ", ") + "]" + separator
    }
}
