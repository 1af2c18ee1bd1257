// SourceFile and SourceRange: where a token or node came from, mapped to file:line:col on demand.
//
// Tokens carry only UTF-8 byte offsets (cheap to produce); lines and columns are computed when a diagnostic
// needs them, from a table of line starts. Columns count Unicode scalars, so carets line up under non-ASCII text.

/// A span of source text, as UTF-8 byte offsets `[start, end)`.
public struct SourceRange: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }
    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange { SourceRange(min(start, other.start), max(end, other.end)) }
    public static let none = SourceRange(0, 0)
}

/// A 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    /// `deploy.cmsh:3:14`
    public var description: String { "\(file):\(line):\(column)" }
}

/// The text of one script, with its name and the index needed to map offsets to lines.
public final class SourceFile: Sendable {
    public let name: String
    public let text: String
    let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The line (1-based) holding a byte offset.
    func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(of: clamped)
        let start = lineStarts[line]
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
        var column = 1
        for b in bytes[start..<clamped] where b & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(file: name, line: line + 1, column: column)
    }

    /// The byte offset of a line and column (the inverse of ``location(of:)``), for ordering diagnostics.
    public func offset(of location: SourceLocation) -> Int {
        let line = max(0, min(location.line - 1, lineStarts.count - 1))
        var offset = lineStarts[line]
        var column = 1
        while offset < bytes.count, column < location.column, bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
            if offset >= bytes.count || bytes[offset] & 0xC0 != 0x80 { column += 1 }
        }
        return offset
    }

    /// The text of the line holding an offset, without its newline.
    public func lineText(containing offset: Int) -> String {
        let line = lineIndex(of: max(0, min(offset, bytes.count)))
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text of a range.
    public func text(of range: SourceRange) -> String {
        let s = max(0, min(range.start, bytes.count)), e = max(s, min(range.end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}
