// Spelling: "did you mean …?" for a misspelt class, property, method or function name.
import CIM

enum Spelling {
    /// `; did you mean 'SMS_Package'?` when one known name is close to `name` (an edit distance of at most
    /// a third of its length, and at most 3), else "".
    static func suggestion(for name: String, among candidates: some Sequence<String>) -> String {
        guard let best = closest(to: name, among: candidates) else { return "" }
        return "; did you mean '\(best)'?"
    }

    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        // A name cut short (`Descr`) is the one name it begins, if only one does.
        if lowered.count >= 3 {
            let extended = candidates.filter { $0.lowercased().hasPrefix(lowered) && $0.count > lowered.count }
            if extended.count == 1 { return extended[0] }
        }
        let target = Array(lowered.utf8)
        let limit = min(3, max(1, target.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().utf8)
            guard abs(c.count - target.count) <= limit, c != target else { continue }
            let d = distance(target, c, limit: limit)
            if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit (a typist's `Nmae`), giving up
    /// early once every path exceeds `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
                current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return rowMin }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
