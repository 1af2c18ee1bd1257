// CIM types and values: names, literals, conversions and their range errors.
import Testing
@testable import CIM

@Suite struct TypeNameTests {
    @Test(arguments: CIMScalarType.allCases)
    func scalarNamesRoundTripIgnoringCase(_ scalar: CIMScalarType) throws {
        #expect(CIMScalarType(name: scalar.name) == scalar)
        #expect(CIMScalarType(name: scalar.name.uppercased()) == scalar)
        let array = try #require(CIMType(name: scalar.name + "[]"))
        #expect(array == CIMType(scalar, isArray: true))
        #expect(array.description == scalar.name + "[]")
    }

    @Test func unknownTypeNamesAreRejected() {
        #expect(CIMType(name: "int") == nil)
        #expect(CIMType(name: "string[") == nil)
        #expect(CIMType(name: "DateTime") == .datetime)
        #expect(CIMType(name: "String") == .string)
    }
}

@Suite struct LiteralTests {
    struct Case: Sendable, CustomStringConvertible {
        let value: CIMValue
        let literal: String
        var description: String { literal }
    }

    static let cases: [Case] = [
        Case(value: .null, literal: "NULL"),
        Case(value: .boolean(true), literal: "TRUE"),
        Case(value: .boolean(false), literal: "FALSE"),
        Case(value: .sint8(-128), literal: "-128"),
        Case(value: .uint8(255), literal: "255"),
        Case(value: .sint16(-32768), literal: "-32768"),
        Case(value: .uint16(65535), literal: "65535"),
        Case(value: .sint32(Int32.min), literal: "-2147483648"),
        Case(value: .uint32(UInt32.max), literal: "4294967295"),
        Case(value: .sint64(Int64.min), literal: "-9223372036854775808"),
        Case(value: .uint64(UInt64.max), literal: "18446744073709551615"),
        Case(value: .real32(1.5), literal: "1.5"),
        Case(value: .real64(-2.25e10), literal: "-22500000000.0"),
        Case(value: .char16(0x41), literal: "'A'"),
        Case(value: .string("say \"hi\"\\\n"), literal: #""say \"hi\"\\\n""#),
        Case(value: .datetime(try! CIMDateTime(parsing: "20261126093000.000000+000")), literal: "\"20261126093000.000000+000\""),
        Case(value: .reference(try! ObjectPath(parsing: #"SMS_Package.PackageID="S0100001""#)),
             literal: #""SMS_Package.PackageID=\"S0100001\"""#),
        Case(value: .array(CIMArray(elementType: .string, [.string("S01"), .string("S02")])), literal: #"{"S01", "S02"}"#),
        Case(value: .array(CIMArray(elementType: .uint32, [])), literal: "{}"),
    ]

    @Test(arguments: cases)
    func formatsAsMOFLiteral(_ c: Case) {
        #expect(c.value.literal == c.literal)
    }

    @Test func displayTextIsPlain() {
        #expect(CIMValue.string("dp1").displayText == "dp1")
        #expect(CIMValue.null.displayText == "")
        #expect(CIMValue.array(CIMArray(elementType: .string, [.string("a"), .string("b")])).displayText == "{a, b}")
        #expect(CIMValue.char16(0x7A).displayText == "z")
    }
}

@Suite struct ConversionTests {
    @Test(arguments: [
        (CIMScalarType.uint8, Int128(300)), (.uint8, -1), (.sint8, 128), (.sint8, -129), (.uint16, 65536),
        (.sint16, 32768), (.uint32, 4_294_967_296), (.sint32, 2_147_483_648), (.sint64, Int128(Int64.max) + 1),
        (.uint64, -1), (.uint64, Int128(UInt64.max) + 1),
    ])
    func outOfRangeIntegersAreErrorsNotWraps(_ scalar: CIMScalarType, _ value: Int128) {
        let source: CIMValue = value < 0 ? .sint64(Int64(clamping: value)) : .uint64(UInt64(clamping: value))
        // Values beyond 64 bits can only come from Int128 arithmetic; check them through `integer(_:as:)`.
        #expect(throws: CIMError.self) { _ = try CIMValue.integer(value, as: scalar) }
        if Int128(Int64.min)...Int128(UInt64.max) ~= value {
            do {
                _ = try source.converted(to: CIMType(scalar))
                Issue.record("\(value) should not fit \(scalar)")
            } catch let error as CIMError {
                #expect(error.status == .valueOutOfRange)
                #expect(error.message.contains(String(value)))
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    @Test func integersConvertAcrossWidthsInRange() throws {
        #expect(try CIMValue.sint64(255).converted(to: .uint8) == .uint8(255))
        #expect(try CIMValue.uint8(7).converted(to: .sint64) == .sint64(7))
        #expect(try CIMValue.sint32(-5).converted(to: .real64) == .real64(-5))
        #expect(try CIMValue.real64(42).converted(to: .uint16) == .uint16(42))
        #expect(try CIMValue.string("18446744073709551615").converted(to: .uint64) == .uint64(.max))
        #expect(try CIMValue.string("0x10").converted(to: .sint32) == .sint32(16))
    }

    @Test func mismatchedTypesAreTypeMismatch() {
        let cases: [(CIMValue, CIMType)] = [
            (.real64(1.5), .sint32), (.string("S01"), .sint32), (.string("ab"), .char16),
            (.boolean(true), .datetime), (.array(CIMArray(elementType: .string, [])), .string),
            (.sint32(1), .string), (.string("x"), .object),
        ]
        for (value, type) in cases {
            #expect(throws: CIMError.self) { _ = try value.converted(to: type) }
            do { _ = try value.converted(to: type) } catch let e as CIMError {
                #expect(e.status == .typeMismatch || e.status == .invalidParameter, "\(value) → \(type): \(e)")
            } catch {}
        }
    }

    @Test func scalarBecomesOneElementArrayAndElementsConvert() throws {
        #expect(try CIMValue.string("S01").converted(to: CIMType.string.arrayType)
                == .array(CIMArray(elementType: .string, [.string("S01")])))
        let wide = CIMValue.array(CIMArray(elementType: .sint64, [.sint64(1), .sint64(2)]))
        #expect(try wide.converted(to: CIMType.uint8.arrayType) == .array(CIMArray(elementType: .uint8, [.uint8(1), .uint8(2)])))
        let bad = CIMValue.array(CIMArray(elementType: .sint64, [.sint64(1), .sint64(999)]))
        #expect(throws: CIMError(.valueOutOfRange, "Element 1: 999 is out of range for uint8 (0 to 255).")) {
            _ = try bad.converted(to: CIMType.uint8.arrayType)
        }
    }

    @Test func stringsParseIntoDatetimeReferenceAndChar() throws {
        let dt = try CIMValue.string("20261126093000.000000+000").converted(to: .datetime)
        #expect(dt.type == .datetime)
        let ref = try CIMValue.string(#"SMS_Package.PackageID="X""#).converted(to: .reference)
        #expect(ref == .reference(ObjectPath(className: "SMS_Package", keys: [.init("PackageID", .string("X"))])))
        #expect(try CIMValue.string("Q").converted(to: .char16) == .char16(0x51))
        #expect(try CIMValue.null.converted(to: .uint8) == .null)
    }

    @Test func realOverflowIntoReal32IsOutOfRange() {
        #expect(throws: CIMError.self) { _ = try CIMValue.real64(1e300).converted(to: .real32) }
    }
}

@Suite struct StatusTests {
    @Test func codesCarryTheirRealValuesAndNames() {
        #expect(CIMStatus.notFound.rawValue == 0x8004_1002)
        #expect(CIMStatus.notFound.name == "WBEM_E_NOT_FOUND")
        #expect(CIMStatus.invalidObjectPath.name == "WBEM_E_INVALID_OBJECT_PATH")
        #expect(CIMStatus.invalidObjectPath.rawValue == 0x8004_103A)
        #expect(CIMStatus.alreadyExists.rawValue == 0x8004_1019)
        #expect(CIMStatus.typeMismatch.rawValue == 0x8004_1005)
        #expect(CIMStatus.notSupported.rawValue == 0x8004_100C)
        #expect(CIMError(.notFound, "No instance X exists.").description == "WBEM_E_NOT_FOUND (0x80041002): No instance X exists.")
    }
}
