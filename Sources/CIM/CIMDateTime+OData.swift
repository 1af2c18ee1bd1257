// CIMDateTime in OData's text forms, which the AdminService writes and reads for datetime properties: a
// timestamp as DateTimeOffset (`2026-11-01T09:00:00Z`, `…T09:00:00.5+01:00`), an interval as Duration
// (`P1DT02H03M04S`). The server and the AdminService client share these, so a value survives the round trip.
import Foundation

extension CIMDateTime {
    /// A DateTimeOffset (or a date alone) or a Duration; nil for anything else.
    public init?(odata text: String) {
        if text.hasPrefix("P") {
            guard let d = Self.duration(text) else { return nil }
            self = d
            return
        }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime], [.withFullDate]] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) {
                let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
                guard micros.magnitude < 1e17 else { return nil }
                self.init(utcMicroseconds: Int64(micros))
                return
            }
        }
        return nil
    }

    /// `P1DT02H03M04.5S` as an interval.
    private static func duration(_ text: String) -> CIMDateTime? {
        var days = 0.0, hours = 0.0, minutes = 0.0, seconds = 0.0, number = "", inTime = false
        for ch in text.dropFirst() {
            if ch.isASCII, ch.isNumber || ch == "." { number.append(ch); continue }
            if ch == "T", number.isEmpty, !inTime { inTime = true; continue }
            guard let v = Double(number), v < 1e9 else { return nil }
            number = ""
            switch (ch, inTime) {
            case ("D", false): days = v
            case ("H", true): hours = v
            case ("M", true): minutes = v
            case ("S", true): seconds = v
            default: return nil
            }
        }
        guard number.isEmpty else { return nil }
        let micros = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1_000_000
        guard micros < 1e17 else { return nil }
        return CIMDateTime(intervalMicroseconds: Int64(micros.rounded()))
    }

    /// The OData text: DateTimeOffset in the value's own offset (microseconds when there are any), or Duration.
    public var odataText: String {
        let dmtf = description  // yyyymmddHHMMSS.mmmmmmsUUU or ddddddddHHMMSS.mmmmmm:000
        let c = Array(dmtf)
        func part(_ r: Range<Int>) -> String { String(c[r]) }
        guard c.count >= 25 else { return dmtf }
        let micro = part(15..<21)
        if c[21] == ":" {
            let days = Int(part(0..<8)) ?? 0
            return "P\(days)DT\(part(8..<10))H\(part(10..<12))M\(part(12..<14))\(micro == "000000" ? "" : "." + micro)S"
        }
        let offset = Int(part(22..<25)) ?? 0
        let sign = c[21] == "-" ? "-" : "+"
        let zone = offset == 0 ? "Z" : String(format: "%@%02d:%02d", sign, offset / 60, offset % 60)
        return "\(part(0..<4))-\(part(4..<6))-\(part(6..<8))T\(part(8..<10)):\(part(10..<12)):\(part(12..<14))"
            + (micro == "000000" ? "" : "." + micro) + zone
    }
}
