// CIM datetimes: timestamps, intervals, wildcards, comparison.
import Testing
@testable import CIM

@Suite struct DateTimeTests {
    @Test(arguments: [
        "20261126093000.000000+000", "19980416135809.123456-300", "00000101000000.000000+000",
        "99991231235959.999999+999", "20240229120000.000000+060",
        "19980416******.000000+***", "****0401******.000000+***", "19980401135809.000000-***",
        "00000001120032.000000:000", "99999999235959.999999:000", "00000000000000.000000:000",
    ])
    func roundTrips(_ text: String) throws {
        let dt = try CIMDateTime(parsing: text)
        #expect(dt.description == text)
        #expect(try CIMDateTime(parsing: dt.description) == dt)
    }

    @Test(arguments: [
        "2026112609300.000000+000",      // 24 characters
        "20261126093000,000000+000",     // no dot
        "20261326093000.000000+000",     // month 13
        "20230229093000.000000+000",     // not a leap year
        "20261126253000.000000+000",     // hour 25
        "199*0416******.000000+***",     // partial wildcard field
        "2026112609300a.000000+000",     // letter
        "000000011200**.000000:000",     // wildcard in an interval
        "00000001120032.000000:001",     // interval must end :000
        "20261126093000.000000*000",     // bad sign
        "",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: CIMError.self) { _ = try CIMDateTime(parsing: text) }
    }

    @Test func fieldsReadBack() throws {
        let dt = try CIMDateTime(parsing: "19980416135809.123456-300")
        #expect([dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond] == [1998, 4, 16, 13, 58, 9, 123456])
        #expect(dt.utcOffsetMinutes == -300)
        let iv = try CIMDateTime(parsing: "00000001120032.000000:000")
        #expect(iv.isInterval && iv.days == 1 && iv.hour == 12 && iv.second == 32)
        #expect(iv.iso8601 == "P1DT12H0M32S")
        #expect(dt.iso8601 == "1998-04-16T13:58:09.123456-05:00")
    }

    @Test func comparesAsInstantsAcrossOffsets() throws {
        let a = try CIMDateTime(parsing: "20261126120000.000000+060")
        let b = try CIMDateTime(parsing: "20261126110000.000000+000")
        let c = try CIMDateTime(parsing: "20261126110001.000000+000")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(b < c)
    }

    @Test func wildcardsCompareCharacterForCharacter() throws {
        // The SDK's example: these two are not equal.
        let zoned = try CIMDateTime(parsing: "19980401135809.000000+000")
        let unzoned = try CIMDateTime(parsing: "19980401135809.000000+***")
        #expect(zoned != unzoned)
        #expect(unzoned.wildcards == .utcOffset)
    }

    @Test func unixEpochAndCivilArithmetic() throws {
        let epoch = try CIMDateTime(year: 1970, month: 1, day: 1)
        #expect(epoch.utcMicroseconds == 0)
        let leap = try CIMDateTime(year: 2000, month: 2, day: 29, hour: 23, minute: 59, second: 59)
        #expect(CIMDateTime(utcMicroseconds: leap.utcMicroseconds + 1_000_000).description == "20000301000000.000000+000")
        #expect(throws: CIMError.self) { _ = try CIMDateTime(year: 2026, month: 4, day: 31) }
    }
}
