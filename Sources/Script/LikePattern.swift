// LikePattern: WQL's LIKE — % any run, _ one character, [abc] a set, [a-z] a range, [^…] a negated set;
// case-insensitive as WMI compares strings.

struct LikePattern {
    enum Element {
        case any            // %
        case one            // _
        case literal(Character)
        case set([ClosedRange<Character>], negated: Bool)
    }
    let elements: [Element]

    init(_ pattern: String) {
        var out: [Element] = []
        let chars = Array(pattern.lowercased())
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "%":
                if case .any? = out.last {} else { out.append(.any) }
            case "_": out.append(.one)
            case "[":
                // A set runs to the next ']' (a ']' first in the set is literal); without one, '[' is literal.
                var j = i + 1
                var negated = false
                if j < chars.count && chars[j] == "^" { negated = true; j += 1 }
                let setStart = j
                if j < chars.count && chars[j] == "]" { j += 1 }
                while j < chars.count && chars[j] != "]" { j += 1 }
                if j >= chars.count {
                    out.append(.literal("["))
                } else {
                    var ranges: [ClosedRange<Character>] = []
                    var k = setStart
                    while k < j {
                        if k + 2 < j && chars[k + 1] == "-" && chars[k] <= chars[k + 2] {
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
    func matches(_ text: String) -> Bool {
        let s = Array(text.lowercased())
        var p = 0, t = 0
        var star = -1, mark = 0
        while t < s.count {
            if p < elements.count {
                switch elements[p] {
                case .any:
                    star = p; mark = t; p += 1
                    continue
                case .one:
                    p += 1; t += 1
                    continue
                case .literal(let c) where c == s[t]:
                    p += 1; t += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains(where: { $0.contains(s[t]) }) != negated:
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
