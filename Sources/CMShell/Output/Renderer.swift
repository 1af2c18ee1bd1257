// Renderer: the output formats, their options, and what every format shares (grids of cells, text widths, colour).
import CIM
import Script

/// How values are written: the `--format` of the CLI.
///
/// - `table`: aligned columns under a header, numbers right-aligned, with a `2 rows` footer.
/// - `list`: a `Name = value` block for each row.
/// - `json`: JSON documents; rows as arrays of objects in column order, datetimes as `{iso8601, cim}`.
/// - `csv`: RFC 4180 with a header row and lines ending in LF.
/// - `mof`: instances, query rows and classes as MOF the compiler reads back; other records as comments.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// One of the formats: `table` and `list` for people, `json` and `csv` for programs, `mof` for the MOF
    /// compiler; ``OutputFormat`` describes each.
    case table, list, json, csv, mof
}

/// How a ``Renderer`` writes: the format, colour, and the width of the terminal.
public struct RenderOptions: Sendable, Hashable {
    /// The output format; `table` by default.
    public var format: OutputFormat = .table
    /// ANSI colour for table headers and errors only; never any escape codes when false.
    public var color = false
    /// Cut wide tables to this many terminal cells with "…"; nil means full width (output is piped).
    public var terminalWidth: Int? = nil
    /// End tables and lists with `3 rows` (off for `cmsh --quiet`: results only).
    public var rowCount = true

    /// Makes options; by default a table without colour at full width.
    public init(format: OutputFormat = .table, color: Bool = false, terminalWidth: Int? = nil, rowCount: Bool = true) {
        self.format = format
        self.color = color
        self.terminalWidth = terminalWidth
        self.rowCount = rowCount
    }

    /// Whether the format is for programs (json, csv, mof): status lines then belong on stderr, so what a
    /// program reads from stdout is the results alone.
    public var isMachineReadable: Bool { format == .json || format == .csv || format == .mof }
}

/// Turns values and interpreter events into text in one of the output formats.
///
/// ```swift
/// let renderer = Renderer(RenderOptions(format: .table))
/// engine.output = { event in
///     if let (text, _) = renderer.render(event) { print(text, terminator: "") }
/// }
/// ```
public struct Renderer: Sendable {
    /// The format, colour and width this renderer writes with.
    public var options: RenderOptions

    /// Makes a renderer with these options (a table without colour at full width by default).
    public init(_ options: RenderOptions = RenderOptions()) { self.options = options }

    /// The text for a value, ending in "\n" (empty string for null).
    public func render(_ value: Value) -> String {
        if value.isNull { return "" }
        let text: String
        switch options.format {
        case .table, .list: text = TextRenderer(options: options).render(value)
        case .json: text = JSONRenderer.render(value)
        case .csv: text = CSVRenderer.render(value)
        case .mof: text = MOFRenderer.render(value)
        }
        return text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    /// The text for an output event and whether it belongs on stderr (errors), or nil when nothing is shown.
    public func render(_ event: OutputEvent) -> (text: String, isError: Bool)? {
        switch event {
        case .value(let value):
            let text = render(value)
            return text.isEmpty ? nil : (text, false)
        case .print(let values):
            // JSON output stays machine-readable: each printed value is a JSON document of its own.
            if options.format == .json { return (values.map { JSONRenderer.render($0) + "\n" }.joined(), false) }
            return (values.map(\.displayText).joined(separator: " ") + "\n", false)
        case .status(let line):
            return (line + "\n", false)
        case .error(let diagnostic):
            return (Style(enabled: options.color).errorWord(in: diagnostic.description) + "\n", true)
        }
    }
}

// MARK: - Grids

/// Rows of named cells: what a query result, a list of objects, or one object looks like to the tabular formats.
struct Grid {
    var columns: [String]
    var rows: [[Value]]

    init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }

    /// A query result, each row's cells looked up by column name: an instance of a subclass in a
    /// base-class query thereby shows exactly the base class's columns.
    init(_ result: ResultSet) {
        columns = result.columns
        rows = result.rows.map { row in result.columns.map { Grid.cell(row, $0) } }
    }

    /// Instances and records side by side; columns are every field name in order of first appearance.
    /// Nil when some element has no fields (a list of scalars is not a table).
    init?(objects: [Value]) {
        var columns: [String] = []
        for object in objects {
            guard let fields = object.fields else { return nil }
            for f in fields where !columns.contains(where: { $0.equalsIgnoringCase(f.name) }) { columns.append(f.name) }
        }
        self.columns = columns
        rows = objects.map { object in columns.map { Grid.cell(object, $0) } }
    }

    /// One cell: a property or field by name, or a WMI system property (`__CLASS`, `__RELPATH`, `__PATH`).
    static func cell(_ row: Value, _ column: String) -> Value {
        switch row {
        case .instance(let i), .cim(.object(let i)):
            if let v = i[CIMName(column)] { return .cim(v) }
            return systemProperty(column, className: i.className.string, path: i.path)
        case .record(let r):
            if let v = r[column] { return v }
            return systemProperty(column, className: r.className, path: r.path)
        default:
            return row
        }
    }

    private static func systemProperty(_ name: String, className: String?, path: ObjectPath?) -> Value {
        if name.equalsIgnoringCase("__CLASS"), let className { return .string(className) }
        if name.equalsIgnoringCase("__RELPATH") || name.equalsIgnoringCase("__PATH"), let path { return .string(path.description) }
        return .null
    }

    /// A column is numeric (right-aligned) when it holds at least one number and nothing but numbers and nulls.
    func isNumeric(_ column: Int) -> Bool {
        var sawNumber = false
        for row in rows {
            if row[column].isNull { continue }
            guard row[column].isNumber else { return false }
            sawNumber = true
        }
        return sawNumber
    }
}

extension Value {
    var isNumber: Bool {
        guard case .cim(let v) = self, let type = v.type else { return false }
        return !type.isArray && type.scalar.isNumeric
    }

    /// The value in a table, list or CSV cell: null empty, booleans true/false, datetimes DMTF, arrays and
    /// script lists alike as `{a, b}`.
    var cellText: String {
        switch self {
        case .list(let items): "{" + items.map(\.cellText).joined(separator: ", ") + "}"
        default: displayText
        }
    }

    /// A `__PARAMETERS` record whose ReturnValue is not zero: the note to show (or a generic sentence). A
    /// boolean ReturnValue of false (ValidateQuery's answer) shows its note when the method gave one.
    var methodFailure: String? {
        guard case .record(let r) = self, r.className == "__PARAMETERS", let rv = r["ReturnValue"]?.cimValue else { return nil }
        if let code = rv.integerValue, code != 0 { return r.note ?? "the method returned \(code)" }
        if rv.boolValue == false { return r.note }
        return nil
    }
}

// MARK: - Text

/// ANSI SGR styling, applied after layout so escape codes never count towards a column's width.
struct Style {
    var enabled: Bool

    func bold(_ s: String) -> String { enabled && !s.isEmpty ? "\u{1B}[1m" + s + "\u{1B}[0m" : s }
    func red(_ s: String) -> String { enabled ? "\u{1B}[1;31m" + s + "\u{1B}[0m" : s }

    /// Paints the first "error:" of a message red (a diagnostic's first line reads `file:1:5: error: …`).
    func errorWord(in text: String) -> String {
        guard enabled, let range = text.range(of: "error:") else { return text }
        return text.replacingCharacters(in: range, with: red("error:"))
    }
}

enum TextWidth {
    /// Terminal columns a string takes: East Asian wide characters and emoji take two.
    static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

    static func of(_ c: Character) -> Int {
        guard let scalar = c.unicodeScalars.first else { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The string cut to at most `width` columns, ending in "…" when anything was cut.
    static func truncate(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        guard width > 0 else { return "" }
        var out = "", used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    static func pad(_ s: String, to width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(s)))
        return right ? fill + s : s + fill
    }

    /// One line for a table cell: line breaks become "↵" and other control characters spaces, so that a
    /// multi-line description cannot break the columns.
    static func singleLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return s }
        var out = String.UnicodeScalarView()
        for c in s {
            if c.isNewline { out.append("↵"); continue }
            for u in c.unicodeScalars { out.append(u.value < 0x20 || u.value == 0x7F ? " " : u) }
        }
        return String(out)
    }

    /// Rows of cells left-aligned in columns two spaces apart (for listings that are never cut).
    static func align(_ rows: [[String]]) -> [String] {
        let widths = rows.reduce(into: [Int]()) { widths, row in
            for (i, cell) in row.enumerated() {
                if i == widths.count { widths.append(0) }
                widths[i] = max(widths[i], of(cell))
            }
        }
        return rows.map { row in
            trimmingTrailingSpaces(row.enumerated().map { pad($1, to: widths[$0], right: false) }.joined(separator: "  "))
        }
    }

    static func trimmingTrailingSpaces(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

// MARK: - Class descriptions

extension CIMProperty {
    /// The type as a declaration reads: `string[]`, `SMS_Site ref`, or the class of an embedded instance.
    var typeText: String { typeText(withArray: true) }

    func typeText(withArray: Bool) -> String {
        type.declaredName(referenceClass: referenceClass, qualifiers: qualifiers) + (withArray && type.isArray ? "[]" : "")
    }
}
