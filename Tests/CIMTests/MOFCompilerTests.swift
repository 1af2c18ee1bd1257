// MOFCompilerTests: the MOF compiler end to end — a full schema, located errors with rollback, literals, namespaces.
import Testing
@testable import CIM

// MARK: - A full schema

/// Qualifier declarations, an abstract keyed base, two subclasses, a method, an association, aliases used
/// before and after their definition, and embedded instances.
private let schemaMOF = #"""
// Test schema for the MOF compiler.
qualifier Description : string = null, scope(any), flavor(ToSubclass, Translatable);
qualifier MaxLen : uint32, scope(property, method, parameter);
qualifier Values : string[], scope(property, method, parameter);
qualifier ValueMap : string[], scope(property, method, parameter);
Qualifier Lazy : ToSubClass;

/* The abstract base:
   every item has an ID. */
[Abstract, Description("Base of all " "test items"), Owner("team") : NotToSubclass]
class Test_Item
{
    [Key, MaxLen(8), Description("The unique ID") : ToSubclass Amended] string ItemID;
    string Name = "unnamed";
    [Values{"Off", "On"}, ValueMap{"0", "1"}] uint32 State = 1;
};

class Test_Package : Test_Item
{
    string SourcePaths[] = {"\\\\server\\share", "C:\\src"};
    datetime LastRefresh = "20261126093000.000000+000";
    uint8 Priority = 0x10;
    [Lazy] uint32 SizeKB;
    real64 Ratio = -2.5e3;
    real32 Scale = .5;
    char16 Marker = 'P';
    BOOLEAN Enabled = true;
    sint64 Offset = -9223372036854775808;
    [Static] sint32 Import([In, ID(1)] string Paths[], [In, Out, ID(0)] uint32 Flags,
                           [Out, ID(2)] Test_Item ref Created, [In, ID(3)] uint8 Levels[8]);
    void Refresh();
};

class Test_Program : Test_Item
{
    string CommandLine;
    uint16 Ports[] = {80, 443};
    sint32 Count = 017;
    uint8 Bits = 1010b;
};

[Association, Description("Links a program to the package it needs")]
class Test_ProgramPackage
{
    [Key] Test_Program ref Program;
    [Key] Test_Package ref Package;
};

class Test_Settings
{
    [Key] string Name;
    object Payload;
    Test_Item Item;
};

// Uses both aliases before they are defined.
instance of Test_ProgramPackage { Program = $Prog; Package = $Pkg; };

instance of Test_Package as $Pkg
{
    ItemID = "PKG00001";
    Name = "Office";
    SourcePaths = {"\\\\fs01\\office", "\\\\fs02\\office"};
    Priority = 200;
    SizeKB = 123456;
    Marker = '\x41';
    LastRefresh = "20260101120000.000000+060";
};

instance of Test_Program as $Prog
{
    ItemID = "PRG00001";
    CommandLine = "setup.exe /q \"quoted\"";
    Ports = {8080};
};

instance of Test_Settings
{
    Name = "s1";
    Payload = instance of Test_Program { ItemID = "EMB1"; Ports = {1, 2}; };
    Item = instance of Test_Package { ItemID = "EMB2"; };
};
"""#

@Test func compilesAFullSchema() throws {
    let repo = CIMRepository()
    let result = try MOFCompiler.compile(schemaMOF, fileName: "schema.mof", into: repo)
    #expect(result.classes == ["Test_Item", "Test_Package", "Test_Program", "Test_ProgramPackage", "Test_Settings"])
    #expect(result.instances.count == 4)
    #expect(result.instances.allSatisfy { $0.namespace == repo.defaultNamespace })

    // Classes, inheritance and class qualifiers.
    let item = try #require(repo.cimClass(named: "test_item"))
    let package = try #require(repo.cimClass(named: "Test_Package"))
    let program = try #require(repo.cimClass(named: "Test_Program"))
    #expect(item.isAbstract)
    #expect(item.qualifiers.descriptionText == "Base of all test items")
    #expect(item.qualifiers.qualifiers.first { $0.name == "Description" }?.flavors == ["ToSubclass", "Translatable"])
    #expect(package.superclass === item && program.superclass === item)
    #expect(!package.isAbstract)
    #expect(package.qualifiers.descriptionText == "Base of all test items")  // ToSubclass propagates
    #expect(item.qualifiers["Owner"] == .string("team") && package.qualifiers["Owner"] == nil)
    #expect(try #require(repo.cimClass(named: "Test_ProgramPackage")).isAssociation)

    // Properties: keys, qualifiers, types and defaults.
    let id = try #require(package.property(named: "ItemID"))
    #expect(id.isKey && id.classOrigin == "Test_Item")
    #expect(id.qualifiers["MaxLen"] == .uint32(8))
    #expect(id.qualifiers.qualifiers.first { $0.name == "Description" }?.flavors == ["ToSubclass", "Amended"])
    let state = try #require(package.property(named: "State"))
    #expect(state.defaultValue == .uint32(1))
    #expect(state.qualifiers.valueMap?.map(\.text) == ["Off", "On"])
    #expect(state.qualifiers.valueMap?.map(\.value) == ["0", "1"])
    #expect(package.property(named: "SizeKB")?.qualifiers.isLazy == true)
    #expect(package.property(named: "SizeKB")?.qualifiers.qualifiers.first?.flavors == ["ToSubclass"])
    #expect(package.property(named: "Name")?.defaultValue == .string("unnamed"))
    #expect(package.property(named: "SourcePaths")?.type == CIMType.string.arrayType)
    #expect(package.property(named: "SourcePaths")?.defaultValue
        == .array(CIMArray(elementType: .string, [.string(#"\\server\share"#), .string(#"C:\src"#)])))
    #expect(package.property(named: "LastRefresh")?.defaultValue
        == .datetime(try CIMDateTime(year: 2026, month: 11, day: 26, hour: 9, minute: 30)))
    #expect(package.property(named: "Priority")?.defaultValue == .uint8(16))
    #expect(package.property(named: "Ratio")?.defaultValue == .real64(-2500))
    #expect(package.property(named: "Scale")?.defaultValue == .real32(0.5))
    #expect(package.property(named: "Marker")?.defaultValue == .char16(0x50))
    #expect(package.property(named: "Enabled")?.defaultValue == .boolean(true))
    #expect(package.property(named: "Offset")?.defaultValue == .sint64(.min))
    #expect(program.property(named: "Count")?.defaultValue == .sint32(15))
    #expect(program.property(named: "Bits")?.defaultValue == .uint8(10))
    #expect(program.property(named: "Ports")?.defaultValue == .array(CIMArray(elementType: .uint16, [.uint16(80), .uint16(443)])))
    let settings = try #require(repo.cimClass(named: "Test_Settings"))
    #expect(settings.property(named: "Item")?.type == .object)
    #expect(settings.property(named: "Item")?.qualifiers["EmbeddedInstance"] == .string("Test_Item"))

    // Methods: ID order, directions, arrays and references.
    let importMethod = try #require(package.method(named: "import"))
    #expect(importMethod.isStatic)
    #expect(importMethod.returnType == .sint32)
    #expect(importMethod.parameters.map(\.name) == ["Flags", "Paths", "Created", "Levels"])
    #expect(importMethod.inParameters.map(\.name) == ["Flags", "Paths", "Levels"])
    #expect(importMethod.outParameters.map(\.name) == ["Flags", "Created"])
    #expect(importMethod.parameters[1].type == CIMType.string.arrayType)
    #expect(importMethod.parameters[2].type == .reference && importMethod.parameters[2].referenceClass == "Test_Item")
    #expect(importMethod.parameters[3].type == CIMType.uint8.arrayType)
    #expect(package.method(named: "Refresh")?.returnType == nil)
    #expect(package.method(named: "Refresh")?.parameters.isEmpty == true)

    // Instances and their values; defaults fill what the instance leaves out.
    let office = try repo.instance(at: ObjectPath(parsing: #"Test_Package.ItemID="PKG00001""#))
    #expect(office["Name"] == .string("Office"))
    #expect(office["Priority"] == .uint8(200))
    #expect(office["SizeKB"] == .uint32(123456))
    #expect(office["Marker"] == .char16(0x41))
    #expect(office["State"] == .uint32(1))
    #expect(office["SourcePaths"]?.arrayValue?.elements == [.string(#"\\fs01\office"#), .string(#"\\fs02\office"#)])
    #expect(office["LastRefresh"] == .datetime(try CIMDateTime(year: 2026, month: 1, day: 1, hour: 11)))
    let setup = try repo.instance(at: ObjectPath(parsing: #"Test_Program.ItemID="PRG00001""#))
    #expect(setup["CommandLine"] == .string(#"setup.exe /q "quoted""#))
    #expect(setup["Ports"] == .array(CIMArray(elementType: .uint16, [.uint16(8080)])))
    #expect(try repo.count(of: "Test_Item") == 2)  // embedded instances are not stored

    // References made from aliases equal the aliased instances' paths.
    let links = try repo.instances(of: "Test_ProgramPackage")
    let link = try #require(links.first)
    #expect(links.count == 1)
    #expect(link["Program"] == .reference(setup.path))
    #expect(link["Package"] == .reference(office.path))

    // Embedded instances.
    let stored = try #require(try repo.instances(of: "Test_Settings").first)
    guard case .object(let payload)? = stored["Payload"], case .object(let embeddedItem)? = stored["Item"] else {
        Issue.record("Payload and Item should hold embedded objects")
        return
    }
    #expect(payload.className == "Test_Program" && payload["Ports"]?.arrayValue?.count == 2)
    #expect(embeddedItem.className == "Test_Package" && embeddedItem["ItemID"] == .string("EMB2"))
}

@Test func storedInstancesCompileBackFromTheirMOFText() throws {
    let repo = CIMRepository(), copy = CIMRepository()
    _ = try MOFCompiler.compile(schemaMOF, into: repo)
    let classesOnly = try #require(schemaMOF.range(of: "// Uses both aliases"))
    _ = try MOFCompiler.compile(String(schemaMOF[..<classesOnly.lowerBound]), into: copy)
    for cimClass in repo.classes() {
        for instance in try repo.instances(of: cimClass.name, deep: false) {
            let path = try MOFCompiler.compile(instance.mofText() + ";", into: copy).instances.first?.relative
            #expect(path == instance.path)
            // Compared as text: embedded instances in the copy belong to the copy's classes, so they are never `==`.
            #expect(try copy.instance(at: instance.path).mofText() == instance.mofText())
        }
    }
}

@Test func readsEveryNumberForm() throws {
    let repo = CIMRepository()
    _ = try MOFCompiler.compile("""
        class N { [Key] uint8 K; sint32 D; sint32 H; sint32 O; sint32 B; sint64 Neg; uint64 Big; real64 R; real64 E; real32 F; };
        instance of N { K = 1; D = -42; H = 0xFe; O = 0101; B = +1000001B; Neg = -0x10; Big = 18446744073709551615;
                        R = 3.14; E = -1.2778E+02; F = 2.3e-2; };
        """, into: repo)
    let n = try repo.instance(at: ObjectPath(parsing: "N.K=1"))
    #expect(n["D"] == .sint32(-42) && n["H"] == .sint32(254) && n["O"] == .sint32(65) && n["B"] == .sint32(65))
    #expect(n["Neg"] == .sint64(-16) && n["Big"] == .uint64(.max))
    #expect(n["R"] == .real64(3.14) && n["E"] == .real64(-127.78) && n["F"] == .real32(0.023))
}

// MARK: - Errors: located, and the repository left as it was

struct BadMOF: Sendable, CustomTestStringConvertible {
    var name: String
    /// Appended to ``validPrefix``, so it starts on line 7.
    var text: String
    var line: Int
    var column: Int
    var fragment: String
    var status: CIMStatus
    var testDescription: String { name }
}

/// Six valid lines (a class and an aliased instance) that every bad case follows.
private let validPrefix = """
class Bad_Valid
{
    [Key] string ID;
    uint8 Level;
};
instance of Bad_Valid as $V { ID = "one"; };

"""

private let badCases: [BadMOF] = [
    BadMOF(name: "unknown type", text: "class Bad_T { strin Name; };", line: 7, column: 15,
           fragment: "unknown type 'strin'", status: .invalidCIMType),
    BadMOF(name: "missing semicolon", text: "class Bad_M\n{\n    string Name\n    string Other;\n};", line: 10, column: 5,
           fragment: "expected ';' after property 'Name' but found 'string'", status: .invalidSyntax),
    BadMOF(name: "unknown superclass", text: "class Bad_S : Nope { };", line: 7, column: 15,
           fragment: "superclass Nope of class Bad_S does not exist", status: .invalidSuperclass),
    BadMOF(name: "unterminated string", text: "instance of Bad_Valid { ID = \"abc; };", line: 7, column: 30,
           fragment: "unterminated string", status: .invalidSyntax),
    BadMOF(name: "unterminated comment", text: "  /* never closed\nclass Bad_C { };", line: 7, column: 3,
           fragment: "unterminated comment", status: .invalidSyntax),
    BadMOF(name: "bad escape", text: #"instance of Bad_Valid { ID = "a\qb"; };"#, line: 7, column: 32,
           fragment: #"unknown escape sequence '\q'"#, status: .invalidSyntax),
    BadMOF(name: "integer too large", text: "instance of Bad_Valid { ID = \"x\"; Level = 99999999999999999999999; };", line: 7, column: 43,
           fragment: "99999999999999999999999 is too large", status: .valueOutOfRange),
    BadMOF(name: "uint8 out of range", text: "instance of Bad_Valid { ID = \"x\"; Level = 300; };", line: 7, column: 43,
           fragment: "300 is out of range for uint8", status: .valueOutOfRange),
    BadMOF(name: "unknown property", text: "instance of Bad_Valid { ID = \"x\"; Colour = 1; };", line: 7, column: 35,
           fragment: "class Bad_Valid has no property 'Colour'", status: .notFound),
    BadMOF(name: "undefined alias", text: "class Bad_R { [Key] Bad_Valid ref Target; };\ninstance of Bad_R { Target = $Missing; };",
           line: 8, column: 30, fragment: "alias $Missing is not defined", status: .notFound),
    BadMOF(name: "unknown instance class", text: "instance of Nope { };", line: 7, column: 13,
           fragment: "class Nope does not exist", status: .invalidClass),
    BadMOF(name: "duplicate alias", text: "instance of Bad_Valid as $v { ID = \"two\"; };", line: 7, column: 26,
           fragment: "alias $v is already defined at line 6", status: .alreadyExists),
    BadMOF(name: "partial parameter IDs", text: "class Bad_P { void M([In, ID(0)] string A, [In] string B); };", line: 7, column: 56,
           fragment: "parameter B of Bad_P.M has no ID qualifier", status: .missingParameterID),
    BadMOF(name: "duplicate key", text: "instance of Bad_Valid { ID = \"ONE\"; };", line: 7, column: 1,
           fragment: "already exists", status: .alreadyExists),
    BadMOF(name: "duplicate class in file", text: "class Bad_Valid { [Key] string ID; };", line: 7, column: 7,
           fragment: "class Bad_Valid already exists", status: .alreadyExists),
    BadMOF(name: "duplicate class in repository", text: "class base_thing { };", line: 7, column: 7,
           fragment: "class Base_Thing already exists", status: .alreadyExists),
    BadMOF(name: "pragma include", text: "#pragma include(\"other.mof\")", line: 7, column: 9,
           fragment: "#pragma include is not supported", status: .notSupported),
    BadMOF(name: "NUL character", text: "class Bad_G {\u{0} };", line: 7, column: 14,
           fragment: "unexpected character U+0000", status: .invalidSyntax),
    BadMOF(name: "invalid UTF-8", text: String(decoding: Array("class Bad_U ".utf8) + [0xC3, 0x28, 0xFF], as: UTF8.self),
           line: 7, column: 13, fragment: "unexpected character U+FFFD", status: .invalidSyntax),
    BadMOF(name: "error after a namespace pragma", text: "#pragma namespace(\"\\\\\\\\.\\\\root\\\\bad\")\nclass Bad_N : Missing { };",
           line: 8, column: 15, fragment: "superclass Missing", status: .invalidSuperclass),
    BadMOF(name: "declared qualifier type", text: "qualifier Weight : uint32;\nclass Bad_Q { [Key, Weight(\"heavy\")] string K; };",
           line: 8, column: 28, fragment: "qualifier Weight is declared as uint32", status: .invalidQualifierType),
    BadMOF(name: "declared qualifier scope", text: "qualifier Hot : boolean, scope(property);\n[Hot] class Bad_Q { };",
           line: 8, column: 2, fragment: "qualifier Hot cannot qualify a class", status: .invalidQualifier),
    BadMOF(name: "array element out of range", text: "class Bad_A { [Key] string K; uint8 L[]; };\ninstance of Bad_A { K = \"k\"; L = {1, 256}; };",
           line: 8, column: 38, fragment: "(element 2): 256 is out of range", status: .valueOutOfRange),
    BadMOF(name: "alias cycle through keys", text: """
        class Bad_Y { [Key] Bad_Y ref Other; };
        instance of Bad_Y as $A { Other = $B; };
        instance of Bad_Y as $B { Other = $A; };
        """, line: 8, column: 35, fragment: "alias $B refers back to itself", status: .circularReference),
    BadMOF(name: "embedded instances nested too deep",
           text: "class Bad_D { [Key] string K; object O; };\ninstance of Bad_D { K = \"k\"; O = "
               + String(repeating: "instance of Bad_D { O = ", count: 70) + "1" + String(repeating: "; }", count: 70) + "; };",
           line: 8, column: 1 + 33 + 24 * 64, fragment: "nested more than 64 levels", status: .invalidSyntax),
]

/// What the repository holds, compared before and after a failing compile.
private struct Snapshot: Equatable {
    var namespaces: [String]
    var classes: [String]
    var instances: [String]

    init(_ repo: CIMRepository) throws {
        namespaces = repo.namespaces
        classes = repo.classes().map(\.name.string)
        instances = try repo.classes().flatMap { try repo.instances(of: $0.name, deep: false).map(\.path.description) }
    }
}

@Test(arguments: badCases)
func reportsLocatedErrorsAndChangesNothing(_ bad: BadMOF) throws {
    let repo = CIMRepository()
    _ = try MOFCompiler.compile("""
        [Abstract] class Base_Thing { [Key] string Name; uint8 Level; };
        class Base_Widget : Base_Thing { };
        instance of Base_Widget { Name = "w1"; Level = 3; };
        """, into: repo)
    let before = try Snapshot(repo)
    do {
        _ = try MOFCompiler.compile(validPrefix + bad.text, fileName: "bad.mof", into: repo)
        Issue.record("\(bad.name) compiled without error")
    } catch {
        #expect(error.file == "bad.mof")
        #expect(error.line == bad.line, "\(error)")
        #expect(error.column == bad.column, "\(error)")
        #expect(error.message.contains(bad.fragment), "\(error)")
        #expect(error.status == bad.status, "\(error.status)")
        #expect(error.description == "bad.mof:\(bad.line):\(bad.column): error: \(error.message)")
    }
    #expect(try Snapshot(repo) == before)
    #expect(repo.cimClass(named: "Bad_Valid") == nil)
}

@Test func neverTrapsOnTruncatedOrMangledInput() {
    // Every prefix of a real schema, and the schema with each of a few bytes replaced, must fail (or pass) cleanly.
    let scalars = Array(schemaMOF.unicodeScalars)
    for end in stride(from: 0, to: scalars.count, by: 3) {
        let text = String(String.UnicodeScalarView(scalars[..<end]))
        _ = try? MOFCompiler.compile(text, into: CIMRepository())
    }
    for (i, replacement) in zip(stride(from: 5, to: scalars.count, by: 37), ["{", "\"", "$", "]", "0x", "-", "/*", "'", "\0"].cycled()) {
        let text = String(String.UnicodeScalarView(scalars[..<i])) + replacement + String(String.UnicodeScalarView(scalars[(i + 1)...]))
        _ = try? MOFCompiler.compile(text, into: CIMRepository())
    }
}

// MARK: - Literals

@Test func mofLiteralsRoundTrip() throws {
    let path = try ObjectPath(parsing: #"\\.\root\sms\site_S01:SMS_Package.PackageID="S01\\00001",Version=3"#)
    let values: [(CIMValue, CIMType)] = [
        (.boolean(true), .boolean), (.boolean(false), .boolean),
        (.sint8(.min), .sint8), (.uint8(.max), .uint8), (.sint16(.min), .sint16), (.uint16(.max), .uint16),
        (.sint32(.min), .sint32), (.uint32(.max), .uint32), (.sint64(.min), .sint64), (.sint64(.max), .sint64),
        (.uint64(.max), .uint64), (.uint64(0), .uint64),
        (.real32(3.14159), .real32), (.real32(-0.1), .real32), (.real32(1e-30), .real32), (.real32(.greatestFiniteMagnitude), .real32),
        (.real64(0.1), .real64), (.real64(-2.5e10), .real64), (.real64(5e-324), .real64), (.real64(1e300), .real64),
        (.real64(.infinity), .real64), (.real32(-.infinity), .real32),
        (.char16(0x41), .char16), (.char16(0x27), .char16), (.char16(0x5C), .char16), (.char16(0x0A), .char16),
        (.char16(0x20AC), .char16), (.char16(0xD800), .char16), (.char16(0), .char16),
        (.string(""), .string), (.string("plain"), .string),
        (.string(#"with "double" and 'single' quotes"#), .string),
        (.string(#"back\slash \\ and \x41 text"#), .string),
        (.string("line1\nline2\r\n\ttab\u{8}\u{C}"), .string),
        (.string("non-ASCII: é ü € 日本語 🎉"), .string),
        (.string("\u{1}A control character before a hex letter, and \u{0}0 NUL before a digit"), .string),
        (.string("\u{7F}DEL"), .string),
        (.datetime(try CIMDateTime(parsing: "20261126093000.123456-300")), .datetime),
        (.datetime(try CIMDateTime(parsing: "00000001120032.000000:000")), .datetime),
        (.datetime(try CIMDateTime(parsing: "****0401******.000000+***")), .datetime),
        (.reference(path), .reference),
        (.reference(try ObjectPath(parsing: "Win32_OperatingSystem=@")), .reference),
        (.null, .string), (.null, CIMType.uint8.arrayType),
        (.array(CIMArray(elementType: .string, [.string("a"), .string("b\"c"), .string("")])), CIMType.string.arrayType),
        (.array(CIMArray(elementType: .uint8, [])), CIMType.uint8.arrayType),
        (.array(CIMArray(elementType: .sint32, [.sint32(1), .sint32(-2)])), CIMType.sint32.arrayType),
        (.array(CIMArray(elementType: .real64, [.real64(1.5), .real64(-0.25)])), CIMType.real64.arrayType),
        (.array(CIMArray(elementType: .boolean, [.boolean(true), .boolean(false)])), CIMType.boolean.arrayType),
        (.array(CIMArray(elementType: .char16, [.char16(0x61), .char16(0x22)])), CIMType.char16.arrayType),
        (.array(CIMArray(elementType: .datetime, [.datetime(try CIMDateTime(parsing: "20200101000000.000000+000"))])), CIMType.datetime.arrayType),
        (.array(CIMArray(elementType: .reference, [.reference(path)])), CIMType.reference.arrayType),
    ]
    for (value, type) in values {
        let literal = value.literal
        let parsed = try CIMValue(mofLiteral: literal, as: type)
        #expect(parsed == value, "\(literal) read back as \(parsed.literal)")
    }
    let nan = try CIMValue(mofLiteral: CIMValue.real64(.nan).literal, as: .real64)
    #expect(nan.doubleValue?.isNaN == true)
}

@Test func mofLiteralErrors() {
    func status(_ text: String, _ type: CIMType) -> CIMStatus? {
        do { _ = try CIMValue(mofLiteral: text, as: type); return nil } catch { return error.status }
    }
    #expect(status("300", .uint8) == .valueOutOfRange)
    #expect(status("-1", .uint32) == .valueOutOfRange)
    #expect(status("\"abc", .string) == .invalidSyntax)
    #expect(status("1 2", .sint32) == .invalidSyntax)
    #expect(status("{1, {2}}", CIMType.sint32.arrayType) == .invalidSyntax)
    #expect(status("$Alias", .reference) == .notSupported)
    #expect(status("\"x\"", .uint8) == .typeMismatch)
    #expect(status("{1}", .uint8) == .typeMismatch)
    #expect(status("1e39", .real32) == .valueOutOfRange)
    #expect(status("0x10000000000000000", .uint64) == .valueOutOfRange)
    #expect(status("'ab'", .char16) == .typeMismatch)
    #expect(status("\"\\xD800\"", .string) == .invalidParameter)
    do {
        _ = try CIMValue(mofLiteral: "{1, 2,}", as: CIMType.uint8.arrayType)
        Issue.record("a trailing comma should not parse")
    } catch {
        #expect(error.message.contains("expected a value but found '}'") && error.message.contains("column 7"), "\(error)")
    }
}

// MARK: - Namespaces

@Test func pragmaNamespacePlacesDeclarations() throws {
    let repo = CIMRepository()
    let result = try MOFCompiler.compile(#"""
        class Home_A { [Key] string K; };
        #pragma namespace("\\\\.\\root\\cmsh\\test")
        #pragma classflags("forceupdate")
        #pragma autorecover
        class NS_A { [Key] string K; };
        instance of NS_A as $InTest { K = "a"; };
        #pragma namespace("//./root/other")
        class NS_B { [Key] string K; NS_A ref Elsewhere; };
        instance of NS_B { K = "b"; Elsewhere = $InTest; };
        """#, into: repo)
    #expect(repo.cimClass(named: "Home_A") != nil)
    #expect(repo.hasNamespace(#"root\cmsh\test"#) && repo.hasNamespace(#"root\other"#))
    #expect(repo.cimClass(named: "NS_A", namespace: #"root\cmsh\test"#) != nil)
    #expect(repo.cimClass(named: "NS_A") == nil)
    #expect(repo.cimClass(named: "NS_B", namespace: "root/other") != nil)
    #expect(result.instances.map(\.namespace) == [#"root\cmsh\test"#, #"root\other"#])
    // An alias into another namespace carries that namespace.
    let b = try #require(try repo.instances(of: "NS_B", namespace: #"root\other"#).first)
    #expect(b["Elsewhere"] == .reference(try ObjectPath(parsing: #"root\cmsh\test:NS_A.K="a""#)))

    // The namespace argument picks the starting namespace, and is created when missing.
    _ = try MOFCompiler.compile("class Arg_C { };", into: repo, namespace: #"root\arg"#)
    #expect(repo.cimClass(named: "Arg_C", namespace: #"root\arg"#) != nil)
}

private extension Array {
    /// The elements repeated forever (for pairing a short list of edits with many positions).
    func cycled() -> UnfoldSequence<Element, Int> {
        sequence(state: 0) { i in
            guard !isEmpty else { return nil }
            defer { i = (i + 1) % count }
            return self[i]
        }
    }
}

// MARK: - Nesting limits

@Test func embeddedInstancesNestUpToTheLimit() throws {
    func nested(_ levels: Int, _ open: String) -> String {
        "class Deep { [Key] string K; object O; };\ninstance of Deep { K = \"top\"; O = "
            + String(repeating: open, count: levels) + "NULL" + String(repeating: "; }", count: levels) + "; };"
    }
    let repo = CIMRepository()
    _ = try MOFCompiler.compile(nested(MOFParser.maxNesting, "instance of Deep { O = "), into: repo)
    var value = try repo.instance(at: ObjectPath(parsing: #"Deep.K="top""#))["O"]
    var depth = 0
    while case .object(let inner)? = value { depth += 1; value = inner["O"] }
    #expect(depth == MOFParser.maxNesting)

    // Instances written inside qualifier values count towards the same limit (the parser must not recurse freely).
    do {
        _ = try MOFCompiler.compile(nested(500, "instance of Deep { [Q(instance of Deep { O = NULL; })] O = "), into: CIMRepository())
        Issue.record("500 levels of nesting should be refused")
    } catch {
        #expect(error.message.contains("nested more than 64 levels"), "\(error)")
    }
    do {
        _ = try MOFCompiler.compile(nested(500, "instance of Deep { [Q("), into: CIMRepository())
        Issue.record("500 levels of nesting through qualifiers should be refused")
    } catch {
        #expect(error.message.contains("nested more than 64 levels"), "\(error)")
    }
}
