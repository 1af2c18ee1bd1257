// CIMDateTime: CIM DATETIME values, timestamps (yyyymmddHHMMSS.mmmmmmsUUU) and intervals (ddddddddHHMMSS.mmmmmm:000).
//
// Stored in 16 bytes so a CIMValue stays small: the stated local time as microseconds since 1970-01-01
// (or the interval's length), the UTC offset in minutes, and a mask of the fields written as asterisks.

/// A CIM datetime: a point in time with a UTC offset, or an interval. Timestamp fields may be asterisks.
public struct CIMDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Fields of a timestamp that can be written as asterisks (unused, per the CIM_DATETIME rules).
    public struct Wildcards: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let year = Wildcards(rawValue: 1 << 0)
        public static let month = Wildcards(rawValue: 1 << 1)
        public static let day = Wildcards(rawValue: 1 << 2)
        public static let hour = Wildcards(rawValue: 1 << 3)
        public static let minute = Wildcards(rawValue: 1 << 4)
        public static let second = Wildcards(rawValue: 1 << 5)
        public static let microsecond = Wildcards(rawValue: 1 << 6)
        public static let utcOffset = Wildcards(rawValue: 1 << 7)
    }

    /// Microseconds: since 1970-01-01T00:00:00 in the stated local time (timestamps), or the length (intervals).
    public private(set) var microseconds: Int64
    /// Minutes east of UTC (timestamps only).
    public private(set) var utcOffsetMinutes: Int16
    public private(set) var wildcards: Wildcards
    public let isInterval: Bool

    static let microsPerSecond: Int64 = 1_000_000
    static let microsPerDay: Int64 = 86_400 * microsPerSecond

    // MARK: - Making values

    /// A timestamp from its fields. Fields listed in `wildcards` are ignored and printed as asterisks.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                microsecond: Int = 0, utcOffsetMinutes: Int = 0, wildcards: Wildcards = []) throws(CIMError) {
        let y = wildcards.contains(.year) ? 0 : year
        let mo = wildcards.contains(.month) ? 1 : month
        let d = wildcards.contains(.day) ? 1 : day
        let h = wildcards.contains(.hour) ? 0 : hour
        let mi = wildcards.contains(.minute) ? 0 : minute
        let s = wildcards.contains(.second) ? 0 : second
        let us = wildcards.contains(.microsecond) ? 0 : microsecond
        let off = wildcards.contains(.utcOffset) ? 0 : utcOffsetMinutes
        func check(_ ok: Bool, _ what: String) throws(CIMError) {
            if !ok { throw CIMError(.valueOutOfRange, "Datetime \(what) is out of range.") }
        }
        try check((0...9999).contains(y), "year \(y)")
        try check((1...12).contains(mo), "month \(mo)")
        try check((1...Self.daysIn(month: mo, year: y)).contains(d), "day \(d) (for month \(mo))")
        try check((0...23).contains(h), "hour \(h)")
        try check((0...59).contains(mi), "minute \(mi)")
        try check((0...60).contains(s), "second \(s)")  // 60 admits a leap second
        try check((0...999_999).contains(us), "microsecond \(us)")
        try check((-999...999).contains(off), "UTC offset \(off)")
        let days = Self.daysFromCivil(year: y, month: mo, day: d)
        microseconds = ((days * 24 + Int64(h)) * 60 + Int64(mi)) * 60 * Self.microsPerSecond
            + Int64(s) * Self.microsPerSecond + Int64(us)
        self.utcOffsetMinutes = Int16(off)
        self.wildcards = wildcards
        isInterval = false
    }

    /// An interval of the given length; days must fit the 8-digit field.
    public init(intervalDays days: Int, hours: Int = 0, minutes: Int = 0, seconds: Int = 0,
                microseconds us: Int = 0) throws(CIMError) {
        guard (0...99_999_999).contains(days), (0...23).contains(hours), (0...59).contains(minutes),
              (0...59).contains(seconds), (0...999_999).contains(us)
        else { throw CIMError(.valueOutOfRange, "Datetime interval field is out of range.") }
        microseconds = ((Int64(days) * 24 + Int64(hours)) * 60 + Int64(minutes)) * 60 * Self.microsPerSecond
            + Int64(seconds) * Self.microsPerSecond + Int64(us)
        utcOffsetMinutes = 0
        wildcards = []
        isInterval = true
    }

    /// An interval of a signed microsecond length, clamped at zero (intervals have no sign).
    public init(intervalMicroseconds: Int64) {
        microseconds = max(0, min(intervalMicroseconds, 99_999_999 * Self.microsPerDay + Self.microsPerDay - 1))
        utcOffsetMinutes = 0
        wildcards = []
        isInterval = true
    }

    /// A timestamp at the given UTC instant (microseconds since the Unix epoch), stated at UTC offset 0.
    public init(utcMicroseconds: Int64) {
        microseconds = utcMicroseconds
        utcOffsetMinutes = 0
        wildcards = []
        isInterval = false
    }

    /// A value from its stored fields, as a repository image holds them (the image's checksum vouches for them).
    init(storedMicroseconds: Int64, utcOffsetMinutes: Int16, wildcards: Wildcards, isInterval: Bool) {
        microseconds = storedMicroseconds
        self.utcOffsetMinutes = utcOffsetMinutes
        self.wildcards = wildcards
        self.isInterval = isInterval
    }

    /// The microseconds as stored (local time for a timestamp), for a repository image.
    var storedMicroseconds: Int64 { microseconds }

    // MARK: - Reading fields

    /// The instant as microseconds since the Unix epoch in UTC (timestamps); the length (intervals).
    public var utcMicroseconds: Int64 {
        isInterval ? microseconds : microseconds - Int64(utcOffsetMinutes) * 60 * Self.microsPerSecond
    }

    private var civil: (year: Int, month: Int, day: Int) {
        Self.civilFromDays(microseconds.floorDiv(Self.microsPerDay))
    }
    private var timeOfDay: Int64 { microseconds.floorMod(Self.microsPerDay) }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }
    public var hour: Int { Int(timeOfDay / (3600 * Self.microsPerSecond)) }
    public var minute: Int { Int(timeOfDay / (60 * Self.microsPerSecond) % 60) }
    public var second: Int { Int(timeOfDay / Self.microsPerSecond % 60) }
    public var microsecond: Int { Int(timeOfDay % Self.microsPerSecond) }
    /// Whole days of an interval.
    public var days: Int { Int(microseconds / Self.microsPerDay) }

    // MARK: - Text

    /// Parses the 25-character DMTF form: `20261126093000.000000+000`, `****0401******.000000+***`, or an
    /// interval `00000001120032.000000:000`. Whole fields may be asterisks in timestamps, never in intervals.
    public init(parsing text: String) throws(CIMError) {
        let chars = Array(text.utf8)
        func bad(_ why: String) -> CIMError {
            CIMError(.invalidParameter, "'\(text)' is not a CIM datetime: \(why). Expected yyyymmddHHMMSS.mmmmmmsUUU or ddddddddHHMMSS.mmmmmm:000.")
        }
        guard chars.count == 25 else { throw bad("it has \(chars.count) characters, not 25") }
        guard chars[14] == UInt8(ascii: ".") else { throw bad("character 15 must be '.'") }
        let sign = chars[21]
        // Reads a field of digits, or of asterisks when allowed; a field mixing both is invalid.
        func field(_ range: Range<Int>, _ name: String, wildcard: Wildcards?) throws(CIMError) -> Int? {
            let slice = chars[range]
            if slice.allSatisfy({ $0 == UInt8(ascii: "*") }) {
                guard wildcard != nil else { throw bad("the \(name) cannot be asterisks") }
                return nil
            }
            var value = 0
            for c in slice {
                guard c >= 0x30 && c <= 0x39 else { throw bad("the \(name) must be digits or all asterisks") }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        if sign == UInt8(ascii: ":") {
            guard chars[22...24].elementsEqual("000".utf8) else { throw bad("an interval ends in ':000'") }
            try self.init(intervalDays: try field(0..<8, "days", wildcard: nil)!,
                          hours: try field(8..<10, "hours", wildcard: nil)!,
                          minutes: try field(10..<12, "minutes", wildcard: nil)!,
                          seconds: try field(12..<14, "seconds", wildcard: nil)!,
                          microseconds: try field(15..<21, "microseconds", wildcard: nil)!)
            return
        }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            throw bad("character 22 must be '+', '-' or ':'")
        }
        var mask: Wildcards = []
        func part(_ r: Range<Int>, _ name: String, _ w: Wildcards) throws(CIMError) -> Int {
            guard let v = try field(r, name, wildcard: w) else { mask.insert(w); return 0 }
            return v
        }
        let y = try part(0..<4, "year", .year), mo = try part(4..<6, "month", .month)
        let d = try part(6..<8, "day", .day), h = try part(8..<10, "hour", .hour)
        let mi = try part(10..<12, "minute", .minute), s = try part(12..<14, "second", .second)
        let us = try part(15..<21, "microseconds", .microsecond), off = try part(22..<25, "UTC offset", .utcOffset)
        do {
            try self.init(year: y, month: mo, day: d, hour: h, minute: mi, second: s, microsecond: us,
                          utcOffsetMinutes: sign == UInt8(ascii: "-") ? -off : off, wildcards: mask)
        } catch {
            throw bad(error.message.lowercased().replacingOccurrences(of: ".", with: ""))
        }
        // `-***` and `+***` differ character for character, so keep the sign of a wildcarded offset.
        if mask.contains(.utcOffset) && sign == UInt8(ascii: "-") { utcOffsetMinutes = -1 }
    }

    /// The DMTF form, exactly 25 characters.
    public var description: String {
        if isInterval {
            let t = timeOfDay
            return Self.pad(days, 8) + Self.pad(hour, 2) + Self.pad(minute, 2) + Self.pad(Int(t / Self.microsPerSecond % 60), 2)
                + "." + Self.pad(Int(t % Self.microsPerSecond), 6) + ":000"
        }
        func f(_ value: Int, _ width: Int, _ w: Wildcards) -> String {
            wildcards.contains(w) ? String(repeating: "*", count: width) : Self.pad(value, width)
        }
        let c = civil
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        return f(c.year, 4, .year) + f(c.month, 2, .month) + f(c.day, 2, .day) + f(hour, 2, .hour)
            + f(minute, 2, .minute) + f(second, 2, .second) + "." + f(microsecond, 6, .microsecond)
            + sign + f(Int(utcOffsetMinutes.magnitude), 3, .utcOffset)
    }

    /// ISO 8601 (`2026-11-26T09:30:00.000000+00:00`) for JSON; intervals use `P1DT12H0M32S`. `nil` when wildcarded.
    public var iso8601: String? {
        guard wildcards.isEmpty else { return nil }
        if isInterval {
            let frac = microsecond == 0 ? "" : "." + Self.pad(microsecond, 6)
            return "P\(days)DT\(hour)H\(minute)M\(second)\(frac)S"
        }
        let c = civil
        let off = Int(utcOffsetMinutes.magnitude)
        return Self.pad(c.year, 4) + "-" + Self.pad(c.month, 2) + "-" + Self.pad(c.day, 2) + "T" + Self.pad(hour, 2)
            + ":" + Self.pad(minute, 2) + ":" + Self.pad(second, 2) + "." + Self.pad(microsecond, 6)
            + (utcOffsetMinutes < 0 ? "-" : "+") + Self.pad(off / 60, 2) + ":" + Self.pad(off % 60, 2)
    }

    // MARK: - Comparison

    /// Datetimes without wildcards compare as instants (so `…120000.000000+060` equals `…110000.000000+000`);
    /// WMI compares wildcarded ones character for character, and so do we.
    public static func == (lhs: CIMDateTime, rhs: CIMDateTime) -> Bool {
        guard lhs.isInterval == rhs.isInterval else { return false }
        if lhs.wildcards.isEmpty && rhs.wildcards.isEmpty { return lhs.utcMicroseconds == rhs.utcMicroseconds }
        return lhs.description == rhs.description
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isInterval)
        if wildcards.isEmpty { hasher.combine(utcMicroseconds) } else { hasher.combine(description) }
    }

    public static func < (lhs: CIMDateTime, rhs: CIMDateTime) -> Bool {
        if lhs.isInterval != rhs.isInterval { return lhs.isInterval }
        if lhs.wildcards.isEmpty && rhs.wildcards.isEmpty { return lhs.utcMicroseconds < rhs.utcMicroseconds }
        return lhs.description < rhs.description
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian; H. Hinnant's days-from-civil algorithm)

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = y.floorDiv(400)
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = z.floorDiv(146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension Int64 {
    func floorDiv(_ d: Int64) -> Int64 { let q = self / d; return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q }
    func floorMod(_ d: Int64) -> Int64 { self - floorDiv(d) * d }
}
