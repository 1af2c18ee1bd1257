// JSONRun: `--format json` over a whole batch run — exactly one JSON document on stdout.
//
// A run with one result prints that result's document as it is (a query's array of rows, a method's
// object); a run with several prints an array holding each in order; a run with none prints `[]`. Only the
// first result is held back (until a second shows the run has several); the rest stream as they come.

struct JSONRun {
    private var first: String?
    private var streaming = false

    /// The text to write now for the next result's document.
    mutating func add(_ document: String) -> String {
        let document = Self.trimmed(document)
        if streaming { return ",\n" + Self.indented(document) }
        guard let held = first else { first = document; return "" }
        streaming = true
        first = nil
        return "[\n" + Self.indented(held) + ",\n" + Self.indented(document)
    }

    /// What closes the document.
    mutating func finish() -> String {
        defer { first = nil; streaming = false }
        if streaming { return "\n]\n" }
        return (first ?? "[]") + "\n"
    }

    /// JSON strings never hold a raw line break, so indenting after each one keeps the document valid.
    private static func indented(_ document: String) -> String {
        "  " + document.replacingOccurrences(of: "\n", with: "\n  ")
    }

    private static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
