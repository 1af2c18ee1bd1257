// CSVRenderer: RFC 4180 fields with a header row, lines ending in LF rather than CRLF.
import CIM
import Script

/// CSV as RFC 4180 describes it, except that records end in LF: that is what Unix tools and editors expect,
/// and Excel, PowerShell's Import-Csv and Python's csv module all read it. A line break inside a field is
/// kept as it is, inside quotes.
enum CSVRenderer {
    static func render(_ value: Value) -> String {
        switch value {
        case .rows(let result): return table(Grid(result))
        case .list(let items):
            if items.isEmpty { return "" }
            guard let grid = Grid(objects: items) else { return line(items.map(\.cellText)) }
            return table(grid)
        case .instance, .record, .cim(.object):
            return table(Grid(columns: value.fields?.map(\.name) ?? [], rows: [value.fields?.map(\.value) ?? []]))
        case .cimClass(let c):
            // A class as a table of its properties: the part of `describe` a spreadsheet is useful for.
            return table(Grid(columns: ["Name", "Type", "Key", "Qualifiers", "Default"], rows: c.properties.map { p in
                [.string(p.name.string), .string(p.typeText), .boolean(p.isKey),
                 .string(p.qualifiers.map(\.mofText).joined(separator: ", ")), .cim(p.defaultValue)]
            }))
        default:
            return line([value.cellText])
        }
    }

    private static func table(_ grid: Grid) -> String {
        guard !grid.columns.isEmpty else { return "" }
        return line(grid.columns) + grid.rows.map { line($0.map(\.cellText)) }.joined()
    }

    private static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// Quoted when it holds a comma, quote or line break, or starts or ends with a space (which many
    /// readers would otherwise trim); quotes inside are doubled.
    static func field(_ s: String) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || s.first?.isWhitespace == true || s.last?.isWhitespace == true
        return needsQuotes ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
    }
}
