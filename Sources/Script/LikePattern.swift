// LikePattern: WQL's LIKE — % any run, _ one character, [abc] a set, [a-z] a range, [^…] a negated set;
// case-insensitive as WMI compares strings.
//
// Patterns and texts that are ASCII (nearly all of them) are matched byte by byte with ASCII case folding,
// without copying the text; anything else is matched by Character after `lowercased()`. Both run the same
// matcher, generic over the unit.

struct LikePattern {
    private let bytes: LikeProgram<UInt8>?
    private let characters: LikeProgram<Character>
    /// The shapes collection queries are made of — `'Dell%'`, `'%Windows 11%'`, `'%.contoso.com'`, a plain
    /// string — as one folded ASCII literal and where it must sit: compared directly, without the matcher's
    /// backtracking loop. Nil for any other pattern.
    private let literal: (bytes: [UInt8], anchoredStart: Bool, anchoredEnd: Bool)?

    init(_ pattern: String) {
        characters = LikeProgram(Array(pattern.lowercased()))
        let ascii = pattern.utf8.allSatisfy { $0 < 0x80 }
        let folded = pattern.utf8.map(\.folded)
        bytes = ascii ? LikeProgram(folded) : nil
        var core = folded[...]
        let leading = core.prefix { $0 == .percent }.count, trailing = core.reversed().prefix { $0 == .percent }.count
        if ascii, leading < core.count {
            core = core.dropFirst(leading).dropLast(trailing)
            let plain = !core.contains { $0 == .percent || $0 == .underscore || $0 == .openBracket }
            literal = plain ? (Array(core), leading == 0, trailing == 0) : nil
        } else {
            literal = ascii && !core.isEmpty ? ([], false, false) : nil  // '%', '%%': anything matches
        }
    }

    func matches(_ text: String) -> Bool {
        if let bytes {
            var text = text
            // `\r\n` is one Character, so a text with `\r` goes the Character way (as does non-ASCII).
            let result: Bool? = text.withUTF8 { s in
                guard s.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
                if let literal { return Self.matchesLiteral(s, literal.bytes, literal.anchoredStart, literal.anchoredEnd) }
                return bytes.matches(s)
            }
            if let result { return result }
        }
        return characters.matches(Array(text.lowercased()))
    }

    /// Does the folded literal sit in `s` at its start, its end, both (equal) or anywhere?
    private static func matchesLiteral(_ s: UnsafeBufferPointer<UInt8>, _ lit: [UInt8], _ atStart: Bool, _ atEnd: Bool) -> Bool {
        let n = lit.count, count = s.count
        guard n <= count else { return false }
        func sits(at start: Int) -> Bool {
            for k in 0..<n where s[start + k].folded != lit[k] { return false }
            return true
        }
        switch (atStart, atEnd) {
        case (true, true): return n == count && sits(at: 0)
        case (true, false): return sits(at: 0)
        case (false, true): return sits(at: count - n)
        case (false, false):
            guard let first = lit.first else { return true }
            for start in 0...(count - n) where s[start].folded == first && sits(at: start) { return true }
            return false
        }
    }
}

/// A unit LIKE patterns are made of: a Character, or an ASCII byte.
protocol LikeUnit: Comparable {
    static var percent: Self { get }
    static var underscore: Self { get }
    static var openBracket: Self { get }
    static var closeBracket: Self { get }
    static var caret: Self { get }
    static var dash: Self { get }
    /// The unit as the pattern (already folded) compares it.
    var folded: Self { get }
}

extension Character: LikeUnit {
    static var percent: Character { "%" }
    static var underscore: Character { "_" }
    static var openBracket: Character { "[" }
    static var closeBracket: Character { "]" }
    static var caret: Character { "^" }
    static var dash: Character { "-" }
    var folded: Character { self }  // texts are lower-cased as a whole before matching
}

extension UInt8: LikeUnit {
    static var percent: UInt8 { UInt8(ascii: "%") }
    static var underscore: UInt8 { UInt8(ascii: "_") }
    static var openBracket: UInt8 { UInt8(ascii: "[") }
    static var closeBracket: UInt8 { UInt8(ascii: "]") }
    static var caret: UInt8 { UInt8(ascii: "^") }
    static var dash: UInt8 { UInt8(ascii: "-") }
    var folded: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }  // ASCII A-Z to a-z
}

/// A parsed pattern over one kind of unit.
struct LikeProgram<Unit: LikeUnit> {
    enum Element {
        case any            // %
        case one            // _
        case literal(Unit)
        case set([ClosedRange<Unit>], negated: Bool)
    }
    let elements: [Element]

    /// Parses a pattern whose units are already folded to lower case.
    init(_ chars: [Unit]) {
        var out: [Element] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case .percent:
                if case .any? = out.last {} else { out.append(.any) }
            case .underscore: out.append(.one)
            case .openBracket:
                // A set runs to the next ']' (a ']' first in the set is literal); without one, '[' is literal.
                var j = i + 1
                var negated = false
                if j < chars.count && chars[j] == .caret { negated = true; j += 1 }
                let setStart = j
                if j < chars.count && chars[j] == .closeBracket { j += 1 }
                while j < chars.count && chars[j] != .closeBracket { j += 1 }
                if j >= chars.count {
                    out.append(.literal(.openBracket))
                } else {
                    var ranges: [ClosedRange<Unit>] = []
                    var k = setStart
                    while k < j {
                        if k + 2 < j && chars[k + 1] == .dash && chars[k] <= chars[k + 2] {
                            ranges.append(chars[k]...chars[k + 2])
                            k += 3
                        } else {
                            ranges.append(chars[k]...chars[k])
                            k += 1
                        }
                    }
                    out.append(.set(ranges, negated: negated))
                    i = j
                }
            default: out.append(.literal(c))
            }
            i += 1
        }
        elements = out
    }

    /// Iterative matching with backtracking to the last `%` only: linear in practice, never exponential.
    func matches<Text: RandomAccessCollection<Unit>>(_ s: Text) -> Bool where Text.Index == Int {
        var p = 0, t = s.startIndex
        var star = -1, mark = 0
        let end = s.endIndex
        while t < end {
            if p < elements.count {
                let unit = s[t].folded
                switch elements[p] {
                case .any:
                    star = p; mark = t; p += 1
                    continue
                case .one:
                    p += 1; t += 1
                    continue
                case .literal(let c) where c == unit:
                    p += 1; t += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains(where: { $0.contains(unit) }) != negated:
                    p += 1; t += 1
                    continue
                default: break
                }
            }
            guard star >= 0 else { return false }
            p = star + 1
            mark += 1
            t = mark
        }
        while p < elements.count, case .any = elements[p] { p += 1 }
        return p == elements.count
    }
}
