// TextRenderer: the human formats — `table` (aligned columns) and `list` (`Name = value` blocks).
import CIM
import Script

/// Table and list differ only in how rows are laid out; single objects, method results, classes and
/// scalars read the same in both.
struct TextRenderer {
    var options: RenderOptions
    private var style: Style { Style(enabled: options.color) }

    func render(_ value: Value) -> String {
        switch value {
        case .rows(let result):
            return rows(Grid(result)) + failures(result.rows)
        case .list(let items):
            guard !items.isEmpty, let grid = Grid(objects: items) else { return value.displayText + "\n" }
            return rows(grid) + failures(items)
        case .instance, .cim(.object), .record:
            // A method's result reads `ReturnValue = 0` and its out parameters, like any single object.
            return block(value.fields ?? []) + failures([value])
        case .cimClass(let cimClass):
            return ClassDescription(cimClass: cimClass, style: style).text
        case .cim:
            // An empty string is still a line of output; only null shows nothing.
            return value.displayText + "\n"
        }
    }

    private func rows(_ grid: Grid) -> String {
        if options.format == .table { return TableLayout(grid: grid, options: options).text }
        if grid.rows.isEmpty { return options.rowCount ? "0 rows\n" : "" }
        return grid.rows.map { block(Array(zip(grid.columns, $0))) }.joined(separator: "\n")
    }

    /// `Name = value` lines with the names padded so the `=` line up; a multi-line value continues under
    /// its first line rather than at the left margin.
    func block(_ fields: [(name: String, value: Value)]) -> String {
        let width = fields.map { TextWidth.of($0.name) }.max() ?? 0
        let indent = "\n" + String(repeating: " ", count: width + 3)
        return fields.map { field in
            let lines = field.value.cellText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let line = TextWidth.pad(field.name, to: width, right: false) + " = " + lines.joined(separator: indent)
            return TextWidth.trimmingTrailingSpaces(line) + "\n"
        }.joined()
    }

    /// `error: <note>` for each method result whose ReturnValue is not zero; over a query's rows the
    /// object the method ran on comes first, so the line says which call failed.
    private func failures(_ values: [Value]) -> String {
        values.compactMap { value -> String? in
            guard let note = value.methodFailure else { return nil }
            let target = Grid.cell(value, "Target").cellText
            return style.errorWord(in: "error: " + (target.isEmpty ? "" : target + ": ") + note) + "\n"
        }.joined()
    }
}
