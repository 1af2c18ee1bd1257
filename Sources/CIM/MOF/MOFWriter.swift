// MOFWriter: classes and qualifiers as MOF text the compiler reads back to the same definitions — for the
// shell's `--format mof`, `.dump`, and the schema a site file keeps.

extension CIMQualifier {
    /// As MOF writes it: `Key`, `Key(FALSE)`, `Description("…")`, `Values{"a", "b"}`.
    public var mofText: String {
        switch value {
        case .boolean(true): name.string
        case .array: name.string + value.literal
        default: name.string + "(" + value.literal + ")"
        }
    }
}

extension CIMType {
    /// The type as a declaration spells it: `SMS_Site ref`, `object ref`, the embedded class for
    /// `[EmbeddedInstance("X")] object` when `qualifiers` are given, else the scalar name (no `[]`).
    public func declaredName(referenceClass: CIMName?, qualifiers: CIMQualifierSet = []) -> String {
        switch scalar {
        case .reference: (referenceClass?.string ?? "object") + " ref"
        case .object: qualifiers["EmbeddedInstance"]?.stringValue ?? "object"
        default: scalar.name
        }
    }
}

extension CIMClass {
    /// The class's declaration: its own qualifiers, and the properties and methods it declares or
    /// overrides. Compiled into a repository holding the superclass, it gives back this class.
    public var mofDeclaration: String {
        let base = superclass
        // Inherited qualifiers, properties and methods come back from the superclass when this compiles.
        let own = CIMQualifierSet(qualifiers.filter { base?.qualifiers[$0.name] != $0.value })
        var out = Self.qualifierList(own, separator: "\n") + "class " + name.string
        out += (base.map { " : " + $0.name.string } ?? "") + "\n{\n"
        for p in properties where p.classOrigin == name || base?.property(named: p.name) != p {
            // `object`, not the embedded class's name: the EmbeddedInstance qualifier, written with the others,
            // already says which class, and `object` compiles even where that class is declared later.
            out += "    " + Self.qualifierList(p.qualifiers) + p.type.declaredName(referenceClass: p.referenceClass)
            out += " " + p.name.string + (p.type.isArray ? "[]" : "")
            out += (p.defaultValue.isNull ? "" : " = " + p.defaultValue.literal) + ";\n"
        }
        for m in methods where m.classOrigin == name || base?.method(named: m.name) != m {
            let parameters = m.parameters.map { p in
                Self.qualifierList(p.qualifiers) + p.type.declaredName(referenceClass: p.referenceClass) + " "
                    + p.name.string + (p.type.isArray ? "[]" : "")
            }
            out += "    " + Self.qualifierList(m.qualifiers)
                + (m.returnType.map { $0.declaredName(referenceClass: nil) } ?? "void") + " "
                + m.name.string + "(" + parameters.joined(separator: ", ") + ");\n"
        }
        return out + "};\n"
    }

    /// `[Key, Description("x") : ToSubclass]` and the separator, or nothing.
    private static func qualifierList(_ set: CIMQualifierSet, separator: String = " ") -> String {
        guard !set.isEmpty else { return "" }
        let items = set.map { q in q.mofText + (q.flavors.isEmpty ? "" : " : " + q.flavors.joined(separator: " ")) }
        return "[" + items.joined(separator: ", ") + "]" + separator
    }
}

extension CIMRepository {
    /// Everything the repository holds as one MOF file: for each namespace a `#pragma namespace`, its
    /// classes (base classes first, as they were added) and then its instances (by class, in creation
    /// order). Compiling it into a repository with none of it — or with the same classes already — gives the
    /// same contents back; `.dump` writes this.
    public func mofDump() throws -> String {
        try fillDeferred()
        var out = "// cmsh dump of \(defaultNamespace) and the namespaces beside it\n"
        for ns in namespaces {
            let classes = self.classes(namespace: ns)
            out += "\n#pragma namespace(\"" + ns.replacingOccurrences(of: "\\", with: "\\\\") + "\")\n"
            for cls in classes { out += "\n" + cls.mofDeclaration }
            for cls in classes where !cls.isAbstract {
                for instance in try instances(of: cls.name, deep: false, namespace: ns) {
                    out += "\n" + instance.mofText() + ";\n"
                }
            }
        }
        return out
    }
}
