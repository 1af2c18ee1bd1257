// PlainLineReader: line input from a pipe or file (scripts, `echo … | cmsh`), with no prompts and no editing.
import Foundation

public final class PlainLineReader: LineReader {
    private let input: FileHandle
    private var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`; consumed bytes are dropped in bulk, not one line at a time.
    private var start = 0
    private var atEnd = false
    private var entries: [String] = []

    public init(input: FileHandle = .standardInput) {
        self.input = input
    }

    public func readLine(prompt: String) -> LineInput {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { consume(upTo: newline + 1) }
                return .line(Self.decode(buffer[start..<newline]))
            }
            if atEnd {
                // Input that does not end in a newline still ends in a line.
                guard start < buffer.count else { return .endOfInput }
                defer { consume(upTo: buffer.count) }
                return .line(Self.decode(buffer[start...]))
            }
            searchFrom = buffer.count
            fill()
        }
    }

    public func addHistory(_ entry: String) {
        // Kept only so the REPL can treat both readers alike; same duplicate rule as the terminal reader.
        guard !entry.allSatisfy(\.isWhitespace), entry != entries.last else { return }
        entries.append(entry)
    }

    public var history: [String] { entries }

    /// Appends whatever the next read returns; retries reads a signal interrupted (the REPL's SIGINT handler
    /// must not end a script), and treats errors like end of input.
    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(input.fileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[..<n])
                return
            }
            if n < 0 && errno == EINTR { continue }
            atEnd = true
            return
        }
    }

    private func consume(upTo end: Int) {
        start = end
        // Compact once the consumed prefix dominates, so a long script costs O(n) overall.
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 64 * 1024 && start > buffer.count / 2 {
            buffer.removeSubrange(..<start)
            start = 0
        }
    }

    /// CRLF files (Windows editors) lose the CR too; invalid UTF-8 becomes U+FFFD rather than failing; NULs stay.
    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        let body = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
        return String(decoding: body, as: UTF8.self)
    }
}
