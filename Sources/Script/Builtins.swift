// Builtin functions: strings, lists, dates (WQL's DateDiff/DateAdd/GetDate) and nal(server, site).
import CIM
import Foundation

extension Interpreter {
    /// Builtins whose first argument is a unit word (`DateDiff(dd, …)`), not a value to evaluate.
    public static let unitFirstFunctions: Set<String> = ["datediff", "dateadd", "datepart"]

    /// The builtin functions, lower-cased (for static checks and completion).
    public static let builtinNames: Set<String> = [
        "len", "length", "count", "upper", "lower", "trim", "contains", "startswith", "endswith", "split", "join",
        "format", "now", "getdate", "datediff", "dateadd", "datepart", "substring", "nal", "typeof", "str", "string", "int",
    ]

    /// Calls a builtin by lower-cased name; nil when there is no builtin of that name.
    func builtin(_ name: String, _ args: [Value], _ argExprs: [Argument], _ range: SourceRange) throws -> Value? {
        func arg(_ i: Int) -> Value { i < args.count ? args[i] : .null }
        func argRange(_ i: Int) -> SourceRange { i < argExprs.count ? argExprs[i].value.range : range }
        func count(_ n: ClosedRange<Int>) throws(ScriptError) {
            guard n.contains(args.count) else {
                let expected = n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound) to \(n.upperBound)"
                throw ScriptError(.invalidParameter, "\(name)() takes \(expected) argument\(n.upperBound == 1 ? "" : "s"), not \(args.count)", at: range)
            }
        }
        func text(_ i: Int) throws(ScriptError) -> String? {
            let v = arg(i)
            if v.isNull { return nil }
            guard case .cim(let c) = v, c.type?.isArray != true else {
                throw ScriptError(.typeMismatch, "\(name)() needs a string, not \(v.kindDescription)", at: argRange(i))
            }
            return c.displayText
        }
        switch name {
        case "len", "length", "count":
            try count(1...1)
            switch arg(0) {
            case .cim(.string(let s)): return .integer(Int64(s.count))
            case .cim(.array(let a)): return .integer(Int64(a.count))
            case .list(let l): return .integer(Int64(l.count))
            case .rows(let r): return .integer(Int64(r.rows.count))
            case .cim(.null): return .integer(0)
            case let v: throw ScriptError(.typeMismatch, "len() needs a string, list or query, not \(v.kindDescription)", at: argRange(0))
            }
        case "upper", "lower", "trim":
            try count(1...1)
            guard let s = try text(0) else { return .null }
            return .string(name == "upper" ? s.uppercased() : name == "lower" ? s.lowercased() : s.trimmedWhitespace)
        case "contains", "startswith", "endswith":
            try count(2...2)
            if case .list(let items) = arg(0), name == "contains" {
                return .boolean(try items.contains { try compare(.equal, $0, arg(1), range) == true })
            }
            if case .cim(.array(let a)) = arg(0), name == "contains" {
                return .boolean(try a.elements.contains { try compare(.equal, .cim($0), arg(1), range) == true })
            }
            guard let s = try text(0), let t = try text(1) else { return .null }
            let (ls, lt) = (s.lowercased(), t.lowercased())
            return .boolean(name == "contains" ? ls.contains(lt) : name == "startswith" ? ls.hasPrefix(lt) : ls.hasSuffix(lt))
        case "split":
            try count(1...2)
            guard let s = try text(0) else { return .null }
            let sep = try text(1) ?? ","
            guard !sep.isEmpty else { throw ScriptError(.invalidParameter, "split() needs a non-empty separator", at: argRange(1)) }
            return .list(s.components(separatedBy: sep).map { .string($0) })
        case "join":
            try count(1...2)
            let sep = try text(1) ?? ", "
            let items = try iterate(arg(0), argRange(0))
            return .string(items.map(\.displayText).joined(separator: sep))
        case "format":
            guard args.count >= 1, let fmt = try text(0) else {
                throw ScriptError(.invalidParameter, "format() needs a format string such as \"{0} on {1}\"", at: range)
            }
            return .string(try format(fmt, Array(args.dropFirst()), argRange(0)))
        case "now", "getdate":
            try count(0...0)
            return .cim(.datetime(clock()))
        case "datediff":
            try count(3...3)
            return try dateDiff(try unitWord(argExprs[0], arg(0)), arg(1), arg(2), argExprs, range)
        case "datepart":
            try count(2...2)
            guard let d = try dateValue(arg(1), argRange(1)) else { return .null }
            let fields: [String: Int] = ["yy": d.year, "yyyy": d.year, "year": d.year, "mm": d.month, "m": d.month, "month": d.month,
                                         "dd": d.day, "d": d.day, "day": d.day, "hh": d.hour, "hour": d.hour,
                                         "mi": d.minute, "n": d.minute, "minute": d.minute, "ss": d.second, "s": d.second, "second": d.second]
            let unit = try unitWord(argExprs[0], arg(0))
            guard let v = fields[unit] else {
                throw ScriptError(.invalidParameter, "'\(unit)' is not a date part; use yy, mm, dd, hh, mi or ss", at: argExprs[0].value.range)
            }
            return .integer(Int64(v))
        case "substring":
            try count(3...3)
            guard let s = try text(0) else { return .null }
            guard let start = arg(1).cimValue?.integerValue, let length = arg(2).cimValue?.integerValue, length >= 0 else {
                throw ScriptError(.invalidParameter, "SUBSTRING(text, start, length) needs whole numbers, start counting from 1", at: range)
            }
            let chars = Array(s)
            let from = max(0, min(Int128(chars.count), start - 1)), to = max(from, min(Int128(chars.count), start - 1 + length))
            return .string(String(chars[Int(from)..<Int(to)]))
        case "dateadd":
            try count(3...3)
            let word = try unitWord(argExprs[0], arg(0))
            let monthsPerUnit: Int64? = ["mm": 1, "m": 1, "month": 1, "months": 1, "yy": 12, "yyyy": 12, "year": 12, "years": 12][word]
            let unit = monthsPerUnit == nil ? try datePart(argExprs[0], arg(0)) : 0
            guard let n = arg(1).cimValue?.integerValue, let step = Int64(exactly: n) else {
                throw ScriptError(.typeMismatch, "DateAdd() needs a whole number of units", at: argRange(1))
            }
            guard let d = try dateValue(arg(2), argRange(2)) else { return .null }
            if let monthsPerUnit { return try addMonths(step, times: monthsPerUnit, to: d, range) }
            let (delta, overflow) = step.multipliedReportingOverflow(by: unit)
            if overflow { throw dateOutOfRange(range) }
            return try checkedTimestamp(d.utcMicroseconds.addingReportingOverflow(delta), range)
        case "nal":
            try count(2...2)
            guard let server = try text(0), let site = try text(1) else { return .null }
            return .string(#"["Display=\\"# + server + #"\"]MSWNET:["SMS_SITE="# + site + #""]\\"# + server + #"\"#)
        case "typeof":
            try count(1...1)
            return .string(arg(0).typeName)
        case "str", "string":
            try count(1...1)
            return .string(arg(0).displayText)
        case "int":
            try count(1...1)
            do { return .cim(try toCIM(arg(0), argRange(0)).converted(to: .sint64)) } catch let e as CIMError {
                throw ScriptError(e.status, e.message, at: argRange(0))
            }
        default:
            return nil
        }
    }

    /// The current time, from the host's clock when it set one (tests and the simulated site fix it).
    /// Read once per statement, as SQL Server reads GETDATE() once per query: `GetDate() - DateAdd(dd, -1,
    /// GetDate())` is exactly one day, and every row of a query sees the same now.
    func clock() -> CIMDateTime {
        if let now = statementNow { return now }
        let now = clockOverride?() ?? CIMDateTime(utcMicroseconds: Int64(Date().timeIntervalSince1970 * 1_000_000))
        statementNow = now
        return now
    }

    /// The unit word of DateDiff/DateAdd/DatePart, lower-cased.
    func unitWord(_ arg: Argument, _ value: Value) throws(ScriptError) -> String {
        if case .name(let n) = arg.value.kind { return n.lowercased() }
        if let s = value.stringValue { return s.lowercased() }
        throw ScriptError(.invalidParameter, "expected a date part such as dd, hh or mi", at: arg.value.range)
    }

    /// DateAdd(mm | yy, n, d): calendar months, the day kept where the month has it and else its last day
    /// (SQL Server's DATEADD(month, 1, '2026-01-31') is 2026-02-28), the time of day kept; in UTC.
    func addMonths(_ step: Int64, times months: Int64, to d: CIMDateTime, _ range: SourceRange) throws(ScriptError) -> Value {
        let utc = CIMDateTime(utcMicroseconds: d.utcMicroseconds)
        let (delta, overflow) = step.multipliedReportingOverflow(by: months)
        let (total, overflow2) = Int64(utc.year * 12 + utc.month - 1).addingReportingOverflow(delta)
        guard !overflow, !overflow2, (0...9999 * 12 + 11).contains(total) else { throw dateOutOfRange(range) }
        let year = Int(total / 12), month = Int(total % 12) + 1
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        do {
            return .cim(.datetime(try CIMDateTime(year: year, month: month, day: min(utc.day, length), hour: utc.hour,
                                                  minute: utc.minute, second: utc.second, microsecond: utc.microsecond)))
        } catch {
            throw dateOutOfRange(range)
        }
    }

    /// Which unit a moment falls in, counted from 1970-01-01 (UTC); weeks from the Sunday before it (it was a
    /// Thursday), as SQL Server's DATEDIFF(wk, …) counts them.
    static func boundaryIndex(_ micros: Int64, _ unit: Int64) -> Int64 {
        func floorDiv(_ x: Int64, _ y: Int64) -> Int64 { x >= 0 ? x / y : -((-x + y - 1) / y) }
        let day: Int64 = 86_400_000_000
        guard unit == 7 * day else { return floorDiv(micros, unit) }
        return floorDiv(floorDiv(micros, day) + 4, 7)
    }

    /// DATEDIFF(unit, a, b) of two values (null when either is): for years and months the calendar boundaries
    /// crossed; else, like SQL Server, where ConfigMgr runs collection queries, the number of unit boundaries
    /// crossed, so 23:00 yesterday is one day before 01:00 today. Weeks start on Sunday.
    func dateDiff(_ unit: String, _ x: Value, _ y: Value, _ args: [Argument], _ range: SourceRange) throws(ScriptError) -> Value {
        func argRange(_ i: Int) -> SourceRange { i < args.count ? args[i].value.range : range }
        guard let a = try dateValue(x, argRange(1)), let b = try dateValue(y, argRange(2)) else { return .null }
        switch unit {
        case "yy", "yyyy", "year": return .integer(Int64(b.year - a.year))
        case "mm", "m", "month": return .integer(Int64((b.year - a.year) * 12 + b.month - a.month))
        default: return try boundariesCrossed(a, b, try datePart(word: unit, at: argRange(0)), range)
        }
    }

    /// DATEDIFF's count for a fixed-length unit (in microseconds, as `datePart` gives it).
    func boundariesCrossed(_ a: CIMDateTime, _ b: CIMDateTime, _ unit: Int64, _ range: SourceRange) throws(ScriptError) -> Value {
        let (_, overflow) = b.utcMicroseconds.subtractingReportingOverflow(a.utcMicroseconds)
        guard !overflow else { throw dateOutOfRange(range) }
        return .integer(Self.boundaryIndex(b.utcMicroseconds, unit) - Self.boundaryIndex(a.utcMicroseconds, unit))
    }

    /// DateDiff's first argument: a unit name (`dd`, `day`, `hh`, `mi`, `ss`, `wk`…) as a bare word or string.
    func datePart(_ arg: Argument, _ value: Value) throws(ScriptError) -> Int64 {
        try datePart(word: try unitWord(arg, value), at: arg.value.range)
    }

    /// A fixed-length date part's length in microseconds; the error points at `range`.
    func datePart(word unit: String, at range: SourceRange) throws(ScriptError) -> Int64 {
        let second: Int64 = 1_000_000
        switch unit {
        case "dd", "d", "day", "days": return 86_400 * second
        case "hh", "hour", "hours": return 3600 * second
        case "mi", "n", "minute", "minutes": return 60 * second
        case "ss", "s", "second", "seconds": return second
        case "wk", "ww", "week", "weeks": return 7 * 86_400 * second
        case "ms", "millisecond": return 1000
        default:
            throw ScriptError(.invalidParameter, "'\(unit)' is not a date part; use dd, hh, mi, ss or wk", at: range)
        }
    }

    func dateValue(_ v: Value, _ range: SourceRange) throws(ScriptError) -> CIMDateTime? {
        switch v {
        case .cim(.datetime(let d)): return d
        case .cim(.string(let s)): return try parseDate(s, range)
        case .cim(.null): return nil
        default: throw ScriptError(.typeMismatch, "expected a datetime, found \(v.kindDescription)", at: range)
        }
    }

    /// `format("{0} has {1} DPs", $name, $n)` — .NET-style positional holes, as PowerShell's -f.
    func format(_ fmt: String, _ args: [Value], _ range: SourceRange) throws(ScriptError) -> String {
        var out = ""
        var chars = fmt[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "{" {
                if chars.first == "{" { out.append("{"); chars = chars.dropFirst(); continue }
                guard let close = chars.firstIndex(of: "}"), let i = Int(chars[..<close]) else {
                    throw ScriptError(.invalidParameter, "bad format hole in \"\(fmt)\"; write {0}, {1}, … or {{ for a brace", at: range)
                }
                guard i >= 0 && i < args.count else {
                    throw ScriptError(.invalidParameter, "format hole {\(i)} has no argument (\(args.count) given)", at: range)
                }
                out += args[i].displayText
                chars = chars[chars.index(after: close)...]
            } else if c == "}" && chars.first == "}" {
                out.append("}")
                chars = chars.dropFirst()
            } else {
                out.append(c)
            }
        }
        return out
    }
}
