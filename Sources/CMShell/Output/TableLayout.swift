// TableLayout: aligned columns under a header and separator, numbers right-aligned, cut to the terminal's width.
import CIM
import Script

/// A grid laid out as a table with a `3 rows` footer.
///
/// Cutting to a width first narrows the widest columns, cutting their cells with "…"; when the columns
/// still do not fit, the rightmost ones are dropped and the header ends in "…" to say so. Every line,
/// footer included, is at most the width.
struct TableLayout {
    var grid: Grid
    var options: RenderOptions

    static let gap = 2
    static let spacer = String(repeating: " ", count: gap)
    /// What a table with dropped columns adds to the header: the gap and "…".
    static let moreMarker = gap + 1

    var text: String {
        let count = grid.rows.count
        let footer = "\(count) row" + (count == 1 ? "" : "s")
        guard count > 0, !grid.columns.isEmpty else { return options.rowCount ? clamp(footer) + "\n" : "" }
        let cells = grid.rows.map { $0.map { TextWidth.singleLine($0.cellText) } }
        let numeric = grid.columns.indices.map(grid.isNumeric)
        let cellWidths = grid.columns.indices.map { c in cells.reduce(0) { max($0, TextWidth.of($1[c])) } }
        let (widths, shown) = fit(headers: grid.columns.map(TextWidth.of), cells: cellWidths, numeric: numeric)
        let dropped = shown < grid.columns.count
        func line(_ texts: [String]) -> String {
            let padded = (0..<shown).map { TextWidth.pad(TextWidth.truncate(texts[$0], to: widths[$0]), to: widths[$0], right: numeric[$0]) }
            return TextWidth.trimmingTrailingSpaces(padded.joined(separator: Self.spacer))
        }
        let style = Style(enabled: options.color)
        var lines = [line(grid.columns) + (dropped ? Self.spacer + "…" : "")]
        lines.append(widths.prefix(shown).map { String(repeating: "-", count: $0) }.joined(separator: Self.spacer))
        lines += cells.map(line)
        lines = lines.map(clamp)
        lines[0] = style.bold(lines[0])
        return lines.joined(separator: "\n") + "\n" + (options.rowCount ? "\n" + clamp(footer) + "\n" : "")
    }

    /// Column widths and how many columns (from the left) are shown.
    private func fit(headers: [Int], cells: [Int], numeric: [Bool]) -> (widths: [Int], shown: Int) {
        let natural = zip(headers, cells).map { max($0, $1) }
        guard let limit = options.terminalWidth else { return (natural, natural.count) }
        // The narrowest a column gets before columns are dropped instead: numbers are not cut, and text
        // keeps its header's width (up to 16) or 8, so what is shown stays readable.
        let floors = natural.indices.map { c in
            min(natural[c], max(numeric[c] ? cells[c] : 8, min(headers[c], 16)))
        }
        if let widths = Self.shrink(natural, floors, to: limit) { return (widths, natural.count) }
        var shown = natural.count
        while shown > 1 && floors.prefix(shown).reduce(0, +) + Self.gap * (shown - 1) + Self.moreMarker > limit { shown -= 1 }
        let budget = limit - Self.moreMarker
        let widths = Self.shrink(Array(natural.prefix(shown)), Array(floors.prefix(shown)), to: budget) ?? [max(1, budget)]
        return (widths, shown)
    }

    /// Narrows the widest columns together, a level at a time, so that long text gives way before short;
    /// nil when the columns do not fit even at their floors.
    private static func shrink(_ natural: [Int], _ floors: [Int], to limit: Int) -> [Int]? {
        var widths = natural
        var excess = widths.reduce(0, +) + gap * (widths.count - 1) - limit
        while excess > 0 {
            let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
            guard let top = shrinkable.map({ widths[$0] }).max() else { return nil }
            let atTop = shrinkable.filter { widths[$0] == top }
            let below = widths.filter { $0 < top } + atTop.map { floors[$0] }
            let step = max(1, min(top - (below.max() ?? 0), excess / atTop.count))
            for i in atTop where excess > 0 {
                widths[i] -= step
                excess -= step
            }
        }
        return widths
    }

    /// The last resort for widths too narrow for even one column: no line may pass the limit.
    private func clamp(_ line: String) -> String {
        guard let limit = options.terminalWidth else { return line }
        return TextWidth.truncate(line, to: limit)
    }
}
