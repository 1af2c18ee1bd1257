// Operators: arithmetic with overflow as an error (never a trap), and comparison with WMI's rules —
// strings ignore case, datetimes compare as datetimes, anything compared with null is unknown.
import CIM
import Foundation

extension Interpreter {
    func arithmetic(_ op: BinaryOperator, _ l: Value, _ r: Value, _ range: SourceRange) throws(ScriptError) -> Value {
        if case .cim(.sint64(let x)) = l, case .cim(.sint64(let y)) = r, let v = Self.int64Arithmetic(op, x, y) {
            return .cim(.sint64(v))
        }
        if op == .concat || (op == .add && (isText(l) || isText(r))) {
            if l.isNull || r.isNull { return op == .concat ? .string(l.displayText + r.displayText) : .null }
            let s = l.displayText + r.displayText
            guard s.utf8.count <= limits.maxCollectionSize else {
                throw ScriptError(.quotaViolation, "string too long (limit is \(limits.maxCollectionSize) bytes)", at: range)
            }
            return .string(s)
        }
        if op == .add, case .list(let a) = l, case .list(let b) = r {
            // `$l = $l + $l` in a loop doubles the list: without a bound it eats all memory in 30 turns.
            guard a.count + b.count <= limits.maxCollectionSize else {
                throw ScriptError(.quotaViolation, "list too long (limit is \(limits.maxCollectionSize) elements)", at: range)
            }
            return .list(a + b)
        }
        guard case .cim(let a) = l, case .cim(let b) = r else {
            throw ScriptError(.typeMismatch, "cannot apply '\(op.rawValue)' to \(l.kindDescription) and \(r.kindDescription)", at: range)
        }
        if a.isNull || b.isNull { return .null }
        if case .datetime(let d) = a, let result = try dateArithmetic(op, d, b, range) { return result }
        if let x = a.integerValue, let y = b.integerValue {
            let result: Int128
            switch op {
            case .add: result = x + y
            case .subtract: result = x - y
            case .multiply:
                let (m, overflow) = x.multipliedReportingOverflow(by: y)
                if overflow { throw overflowError(op, range) }
                result = m
            case .divide, .remainder:
                guard y != 0 else { throw ScriptError(.invalidParameter, "division by zero", at: range) }
                result = op == .divide ? x / y : x % y
            case .concat: result = 0
            }
            if let s = Int64(exactly: result) { return .cim(.sint64(s)) }
            if let u = UInt64(exactly: result) { return .cim(.uint64(u)) }
            throw overflowError(op, range)
        }
        guard let x = a.doubleValue, let y = b.doubleValue else {
            throw ScriptError(.typeMismatch, "cannot apply '\(op.rawValue)' to \(l.kindDescription) and \(r.kindDescription)", at: range)
        }
        switch op {
        case .add: return .cim(.real64(x + y))
        case .subtract: return .cim(.real64(x - y))
        case .multiply: return .cim(.real64(x * y))
        case .divide, .remainder:
            guard y != 0 else { throw ScriptError(.invalidParameter, "division by zero", at: range) }
            return .cim(.real64(op == .divide ? x / y : x.truncatingRemainder(dividingBy: y)))
        case .concat: return .null
        }
    }

    /// The common case (script integers are sint64) without widening to Int128. nil when the result does not
    /// fit in Int64 or the divisor is zero: the general path then decides (uint64 result, overflow or error).
    @inline(__always)
    static func int64Arithmetic(_ op: BinaryOperator, _ x: Int64, _ y: Int64) -> Int64? {
        let (v, overflow): (Int64, Bool)
        switch op {
        case .add: (v, overflow) = x.addingReportingOverflow(y)
        case .subtract: (v, overflow) = x.subtractingReportingOverflow(y)
        case .multiply: (v, overflow) = x.multipliedReportingOverflow(by: y)
        case .divide:
            if y == 0 { return nil }
            (v, overflow) = x.dividedReportingOverflow(by: y)
        case .remainder:
            if y == 0 { return nil }
            (v, overflow) = x.remainderReportingOverflow(dividingBy: y)
        case .concat: return nil
        }
        return overflow ? nil : v
    }

    private func isText(_ v: Value) -> Bool {
        if case .cim(.string) = v { return true }
        return false
    }

    private func overflowError(_ op: BinaryOperator, _ range: SourceRange) -> ScriptError {
        ScriptError(.valueOutOfRange, "integer overflow in '\(op.rawValue)' (results must fit in 64 bits)", at: range)
    }

    /// datetime ± interval → datetime; datetime − datetime → interval.
    private func dateArithmetic(_ op: BinaryOperator, _ d: CIMDateTime, _ b: CIMValue, _ range: SourceRange) throws(ScriptError) -> Value? {
        guard case .datetime(let e) = b else { return nil }
        switch (op, d.isInterval, e.isInterval) {
        case (.add, false, true): return try checkedTimestamp(d.utcMicroseconds.addingReportingOverflow(e.utcMicroseconds), range)
        case (.subtract, false, true): return try checkedTimestamp(d.utcMicroseconds.subtractingReportingOverflow(e.utcMicroseconds), range)
        case (.subtract, false, false):
            let (span, overflow) = d.utcMicroseconds.subtractingReportingOverflow(e.utcMicroseconds)
            guard !overflow, span != .min else { throw dateOutOfRange(range) }
            return .cim(.datetime(CIMDateTime(intervalMicroseconds: abs(span))))
        case (.add, true, true):
            let (sum, overflow) = d.microseconds.addingReportingOverflow(e.microseconds)
            guard !overflow else { throw dateOutOfRange(range) }
            return .cim(.datetime(CIMDateTime(intervalMicroseconds: sum)))
        default: throw ScriptError(.typeMismatch, "cannot apply '\(op.rawValue)' to these datetimes", at: range)
        }
    }

    /// A timestamp from checked arithmetic: an overflow, or a result outside the years a DMTF datetime can
    /// write (0 to 9999), is an error rather than a trap or a garbled date.
    func checkedTimestamp(_ result: (partialValue: Int64, overflow: Bool), _ range: SourceRange) throws(ScriptError) -> Value {
        let date = CIMDateTime(utcMicroseconds: result.partialValue)
        guard !result.overflow, (0...9999).contains(date.year) else { throw dateOutOfRange(range) }
        return .cim(.datetime(date))
    }

    func dateOutOfRange(_ range: SourceRange) -> ScriptError {
        ScriptError(.valueOutOfRange, "datetime result is out of range (years 0 to 9999)", at: range)
    }

    /// Compares two values; nil means unknown (either side null). Arrays match when any element matches.
    func compare(_ op: ComparisonOperator, _ l: Value, _ r: Value, _ range: SourceRange) throws(ScriptError) -> Bool? {
        switch (l, r) {
        case (.cim(.sint64(let x)), .cim(.sint64(let y))): return Self.holds(op, x == y ? 0 : (x < y ? -1 : 1))
        case (.cim(.array(let a)), .cim(let b)) where b.type?.isArray != true:
            if b.isNull { return nil }
            for e in a.elements where try compare(op, .cim(e), r, range) == true { return true }
            return false
        case (.cim(let a), .cim(.array)) where a.type?.isArray != true:
            // `'10.1.0.0' = IPSubnets`: a constant may stand on either side.
            return try compare(op.mirrored, r, l, range)
        case (.cim(let a), .cim(let b)):
            if a.isNull || b.isNull { return nil }
            if op != .equal && op != .notEqual, a.boolValue != nil || b.boolValue != nil {
                throw ScriptError(.invalidQuery, "booleans can only be compared with = and <>, not '\(op.rawValue)'", at: range)
            }
            return Self.holds(op, try ordering(a, b, range))
        case (.instance(let a), .instance(let b)):
            guard op == .equal || op == .notEqual else { break }
            return (a.path == b.path) == (op == .equal)
        case (.cimClass(let a), .cimClass(let b)):
            guard op == .equal || op == .notEqual else { break }
            return (a === b) == (op == .equal)
        case (.cim(.null), _), (_, .cim(.null)):
            return nil
        default: break
        }
        throw ScriptError(.typeMismatch, "cannot compare \(l.kindDescription) with \(r.kindDescription) using '\(op.rawValue)'", at: range)
    }

    /// Whether a comparison holds, given the operands' order (-1, 0, 1).
    @inline(__always)
    static func holds(_ op: ComparisonOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessEqual: order <= 0
        case .greater: order > 0
        case .greaterEqual: order >= 0
        }
    }

    /// Orders a number and text that reads as a number (`"8"`, `" 10 "`, `"2.5"`) by value; nil when either is
    /// neither. Integers compare exactly, whatever their size.
    static func numericOrder(_ a: CIMValue, _ b: CIMValue) -> Int? {
        func integer(_ v: CIMValue) -> Int128? { if case .string(let s) = v { CIMValue.parseInteger(s) } else { v.integerValue } }
        func real(_ v: CIMValue) -> Double? {
            if case .string(let s) = v { Double(s.trimmingCharacters(in: .whitespaces)) } else { v.doubleValue }
        }
        if let x = integer(a), let y = integer(b) { return x == y ? 0 : (x < y ? -1 : 1) }
        if let x = real(a), let y = real(b), !x.isNaN, !y.isNaN { return x == y ? 0 : (x < y ? -1 : 1) }
        return nil
    }

    static func truthValue(_ v: CIMValue) -> Bool? {
        switch v {
        case .boolean(let b): return b
        case .string(let s): return s.equalsIgnoringCase("true") ? true : (s.equalsIgnoringCase("false") ? false : nil)
        default:
            guard let i = v.integerValue, i == 0 || i == 1 else { return nil }
            return i == 1
        }
    }

    /// -1, 0, 1. Strings ignore case; a string meets a datetime as a datetime; numbers by value.
    func ordering(_ a: CIMValue, _ b: CIMValue, _ range: SourceRange) throws(ScriptError) -> Int {
        switch (a, b) {
        case let (.string(x), .string(y)): return x.compareIgnoringCase(y)
        case let (.datetime(x), .datetime(y)): return x == y ? 0 : (x < y ? -1 : 1)
        case let (.datetime(x), .string(y)): return try ordering(.datetime(x), .datetime(parseDate(y, range)), range)
        case let (.string(x), .datetime(y)): return try ordering(.datetime(parseDate(x, range)), .datetime(y), range)
        case (.boolean, _), (_, .boolean):
            // WQL compares booleans with =, <> only; TRUE also equals 1 and "TRUE", FALSE 0 and "FALSE".
            guard let x = Self.truthValue(a), let y = Self.truthValue(b) else {
                throw ScriptError(.typeMismatch, "cannot compare \(Value.cim(a).kindDescription) with \(Value.cim(b).kindDescription)", at: range)
            }
            return x == y ? 0 : (x ? 1 : -1)
        case let (.reference(x), .reference(y)): return x == y ? 0 : x.description.compareIgnoringCase(y.description)
        case let (.char16(x), .string(y)), let (.string(y), .char16(x)):
            let xs = String(decoding: [x], as: UTF16.self)
            return xs.compareIgnoringCase(y)
        default:
            if let x = a.integerValue, let y = b.integerValue { return x == y ? 0 : (x < y ? -1 : 1) }
            if let x = a.doubleValue, let y = b.doubleValue { return x == y ? 0 : (x < y ? -1 : 1) }
            // A number meets text that is a number as a number: ConfigMgr's query designer writes
            // `ChassisTypes in ("8", "9", "10")`, and SQL Server, where collection queries run, converts the text.
            if let order = Self.numericOrder(a, b) { return order }
            throw ScriptError(.typeMismatch, "cannot compare \(Value.cim(a).kindDescription) with \(Value.cim(b).kindDescription)", at: range)
        }
    }

    /// A string compared with a datetime: the DMTF form, or the WQL forms `yyyy-mm-dd [HH:MM[:SS]]`.
    func parseDate(_ s: String, _ range: SourceRange) throws(ScriptError) -> CIMDateTime {
        if let d = try? CIMDateTime(parsing: s) { return d }
        if let d = WQLDate.parse(s) { return d }
        throw ScriptError(.typeMismatch, "'\(s)' is not a date; use yyyymmddHHMMSS.mmmmmm+UUU or yyyy-mm-dd [HH:MM:SS]", at: range)
    }
}

/// The readable date forms WQL queries use: `2026-11-26`, `2026-11-26 09:30`, `2026-11-26 09:30:00`,
/// `11/26/2026`. Always read as UTC.
enum WQLDate {
    static func parse(_ text: String) -> CIMDateTime? {
        let s = text.trimmedWhitespace
        let parts = s.split(separator: " ", maxSplits: 1).map(String.init)
        guard let datePart = parts.first else { return nil }
        if let long = longForm(s) { return long }
        var y = 0, m = 0, d = 0
        if datePart.count == 8, let n = Int(datePart) {
            (y, m, d) = (n / 10000, n / 100 % 100, n % 100)  // 20260101
        } else if datePart.contains(".") || (datePart.contains("/") && datePart.split(separator: "/").first?.count == 4) {
            let f = datePart.split(whereSeparator: { $0 == "." || $0 == "/" }).compactMap { Int($0) }
            guard f.count == 3 else { return nil }
            (y, m, d) = (f[0], f[1], f[2])  // 2026.01.01, 2026/01/01
        } else if datePart.contains("-") && datePart.split(separator: "-").first?.count != 4 {
            let f = datePart.split(separator: "-").compactMap { Int($0) }
            guard f.count == 3 else { return nil }
            (m, d, y) = (f[0], f[1], fullYear(f[2]))  // 01-01-2026, US order
        } else if datePart.contains("-") {
            let f = datePart.split(separator: "-").compactMap { Int($0) }
            guard f.count == 3 else { return nil }
            (y, m, d) = (f[0], f[1], f[2])
        } else if datePart.contains("/") {
            let f = datePart.split(separator: "/").compactMap { Int($0) }
            guard f.count == 3 else { return nil }
            (m, d, y) = (f[0], f[1], fullYear(f[2]))  // US order, as WQL's default locale writes it
        } else {
            return nil
        }
        var h = 0, mi = 0, sec = 0
        if parts.count == 2 {
            let t = parts[1].split(separator: ":").compactMap { Int($0) }
            guard (1...4).contains(t.count) else { return nil }
            h = t[0]
            if t.count > 1 { mi = t[1] }
            if t.count > 2 { sec = t[2] }
        }
        return try? CIMDateTime(year: y, month: m, day: d, hour: h, minute: mi, second: sec)
    }

    /// Two-digit years: 00–49 are 20xx, 50–99 are 19xx (the usual Windows cut-over).
    static func fullYear(_ y: Int) -> Int { y >= 100 ? y : (y < 50 ? 2000 + y : 1900 + y) }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// `January 1, 2026`, `Jan 1 2026`, `1 January, 2026`, `2026 January 1`, `January 2026`.
    static func longForm(_ text: String) -> CIMDateTime? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
        guard let mi = words.firstIndex(where: { w in w.count >= 3 && months.contains { $0.hasPrefix(w) } }) else { return nil }
        guard let month = months.firstIndex(where: { $0.hasPrefix(words[mi]) }) else { return nil }
        let numbers = words.enumerated().filter { $0.offset != mi }.compactMap { Int($0.element) }
        var day = 1, year: Int
        switch numbers.count {
        case 1: year = numbers[0]
        case 2:
            // The four-digit (or larger) number is the year, whichever side of the month it stands.
            if numbers[0] > 31 { (year, day) = (numbers[0], numbers[1]) } else { (day, year) = (numbers[0], numbers[1]) }
        default: return nil
        }
        return try? CIMDateTime(year: fullYear(year), month: month + 1, day: day)
    }
}
