// ClassDescription: `describe` in the table and list formats — lineage, qualifiers, keys, properties, methods.
import CIM

/// What an admin looks for in a class: where it sits, which properties identify an object, which can be
/// written, their types and defaults, and how to call its methods.
struct ClassDescription {
    var cimClass: CIMClass
    var style: Style

    var text: String {
        var out = "class " + cimClass.lineage.map(\.name.string).joined(separator: " : ") + "\n"
        if !cimClass.qualifiers.isEmpty {
            out += "Qualifiers: " + cimClass.qualifiers.map(\.mofText).joined(separator: ", ") + "\n"
        }
        let keys = cimClass.keyProperties
        if !keys.isEmpty { out += section("Keys", TextWidth.align(keys.map { [$0.name.string, $0.typeText] })) }
        if !cimClass.properties.isEmpty { out += section("Properties", TextWidth.align(cimClass.properties.map(Self.row))) }
        if !cimClass.methods.isEmpty { out += section("Methods", cimClass.methods.map(\.signature)) }
        return out
    }

    /// Name, type, flag qualifiers (`key lazy write`), default. Valued qualifiers such as Description are
    /// left out: they would push the columns off the screen.
    private static func row(_ p: CIMProperty) -> [String] {
        let flags = p.qualifiers.filter { $0.value == .boolean(true) }.map { $0.name.string.lowercased() }
        return [p.name.string, p.typeText, flags.joined(separator: " "), p.defaultValue.isNull ? "" : "= " + p.defaultValue.literal]
    }

    private func section(_ title: String, _ lines: [String]) -> String {
        "\n" + style.bold(title + ":") + "\n" + lines.map { "    " + $0 + "\n" }.joined()
    }
}
