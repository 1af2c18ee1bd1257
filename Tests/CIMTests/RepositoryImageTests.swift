// Repository images: what is read back is what was written — classes, qualifiers, indexes, every kind of value,
// row order — and a damaged image is an error, never a crash or a half-made repository.
import Testing
@testable import CIM

@Suite struct RepositoryImageTests {
    /// The fixture's packages and DPs, plus a class with every type, an override, embedded objects and a second
    /// namespace: what an image must carry.
    static func richRepository() throws -> CIMRepository {
        let repo = try Fixture.repository()
        _ = try MOFCompiler.compile(#"""
        [Description("Every CIM type.")]
        class Cmsh_AllTypes {
            [Key] string ID;
            boolean B; sint8 S8; uint8 U8 = 7; sint16 S16; uint16 U16; sint32 S32; uint32 U32; sint64 S64; uint64 U64;
            real32 R32; real64 R64; char16 C; datetime When; string Names[]; uint32 Codes[];
            SMS_Package ref Package;
            [Values{"Off", "On"}, ValueMap{"0", "1"}] uint32 State;
            [Static] sint32 Ping([In] string Text, [Out] string Echo);
        };
        class Cmsh_Derived : Cmsh_AllTypes {
            [Description("Overridden here."), Write] uint32 State;
            string Extra;
        };
        class Cmsh_Recased : Cmsh_AllTypes { [KEY] string id; };
        instance of Cmsh_AllTypes {
            ID = "a"; B = true; S8 = -8; U8 = 200; S16 = -1600; U16 = 60000; S32 = -2000000000; U32 = 4000000000;
            S64 = -9000000000000000000; U64 = 18000000000000000000; R32 = 1.5; R64 = -2.25e300; C = 'x';
            When = "20261126093015.123456+060"; Names = {"é", "", "b"}; Codes = {1, 2};
            Package = "SMS_Package.PackageID=\"PKG1\""; State = 1;
        };
        instance of Cmsh_AllTypes { ID = "interval"; When = "00000001020304.000005:000"; };
        instance of Cmsh_AllTypes { ID = "wild"; When = "2026**26******.******+000"; };
        instance of Cmsh_Derived { ID = "d"; State = 0; Extra = "more"; };
        instance of Cmsh_AllTypes { ID = "composed"; Names = {"\#("Caf\u{e9}")", "\#("Cafe\u{301}")"}; };
        """#, fileName: "all.mof", into: repo)
        try repo.createIndex(on: "U32", of: "Cmsh_AllTypes")
        repo.createNamespace("root\\cmsh\\other")
        try repo.addClass(try CIMClass(name: "Holder", properties: [
            CIMProperty(name: "ID", type: .uint32, qualifiers: [CIMQualifier("Key")]),
            CIMProperty(name: "Inner", type: .object),
            CIMProperty(name: "Many", type: CIMType.object.arrayType),
        ]), namespace: "root\\cmsh\\other")
        let holder = try #require(repo.cimClass(named: "Holder", namespace: "root\\cmsh\\other"))
        let inner = try CIMInstance(of: holder, properties: [("ID", .uint32(9))])
        _ = try repo.createInstance(try CIMInstance(of: holder, properties: [
            ("ID", .uint32(1)), ("Inner", .object(inner)), ("Many", .array(CIMArray(elementType: .object, [.object(inner), .null]))),
        ]), namespace: "root\\cmsh\\other")
        for i in 0..<50 {
            _ = try repo.createInstance(try CIMInstance(of: try repo.requireClass("SMS_Package"), properties: [
                ("PackageID", .string("PKG\(i)")), ("Name", .string("Package \(i % 7)")), ("Manufacturer", .string(i % 2 == 0 ? "Dell" : "HP")),
            ]))
        }
        // A hole in the table: the image holds the rows that are, in their order.
        try repo.deleteInstance(at: ObjectPath(className: "SMS_Package", keys: [.init("PackageID", .string("PKG3"))]))
        return repo
    }

    @Test func anImageReadsBackAsTheRepositoryItWasMadeFrom() throws {
        let original = try Self.richRepository()
        let copy = try CIMRepository(image: try original.image())
        #expect(copy.namespaces == original.namespaces)
        #expect(copy.defaultNamespace == original.defaultNamespace)
        let dump = try original.mofDump()
        #expect(dump.contains("Cmsh_Derived") && dump.contains("PKG49"))
        #expect(try copy.mofDump() == dump)
        for ns in original.namespaces {
            for cls in original.classes(namespace: ns) {
                let read = try #require(copy.cimClass(named: cls.name, namespace: ns))
                #expect(read.properties == cls.properties && read.methods == cls.methods && read.qualifiers == cls.qualifiers)
                // Exactly, not only as `==` sees it (names ignore case there).
                #expect(read.propertyNames == cls.propertyNames)
                #expect(read.properties.map { $0.qualifiers.map(\.name.string) } == cls.properties.map { $0.qualifiers.map(\.name.string) })
                #expect(read.keySlots == cls.keySlots && read.superclass?.name == cls.superclass?.name)
                // As literals: an embedded object's class is the copy's own (instances compare classes by identity).
                #expect(try copy.instances(of: cls.name, deep: false, namespace: ns).map { $0.values.map(\.literal) }
                        == original.instances(of: cls.name, deep: false, namespace: ns).map { $0.values.map(\.literal) }, "\(cls.name)")
            }
        }
        // Indexes come back (the [Indexed] one, the composite key's parts, and one made by createIndex), and so do
        // lookups through them and the key index.
        #expect(copy.isIndexed("Manufacturer", of: "SMS_Package") && copy.isIndexed("U32", of: "Cmsh_Derived"))
        #expect(copy.isIndexed("ServerNALPath", of: "SMS_DistributionPoint"))
        #expect(try copy.instances(of: "SMS_Package", where: "Manufacturer", equals: .string("dell")).count == 25)
        #expect(try copy.instance(at: ObjectPath(className: "SMS_PackageBaseClass", keys: [.init("PackageID", .string("pkg7"))]))["Name"] == .string("Package 0"))
        let inner = try copy.instance(at: ObjectPath(className: "Holder", keys: [.init("ID", .uint32(1))]), namespace: "root\\cmsh\\other")["Inner"]
        guard case .object(let embedded)? = inner else { Issue.record("no embedded object: \(String(describing: inner))"); return }
        #expect(embedded["ID"] == .uint32(9))
        // A property re-declared in another case keeps its spelling; strings Swift calls equal (é composed or not)
        // keep their bytes.
        #expect(copy.cimClass(named: "Cmsh_Recased")?.propertyNames.first == "id")
        let names = try copy.instance(at: ObjectPath(className: "Cmsh_AllTypes", keys: [.init("ID", .string("composed"))]))["Names"]
        #expect(names?.arrayValue?.elements.map { Array($0.stringValue?.utf8 ?? "".utf8) } == [Array("Caf\u{e9}".utf8), Array("Cafe\u{301}".utf8)])
        // What is read back is a working repository: it takes changes, and its schema is new to plan caches.
        _ = try copy.createInstance(try CIMInstance(of: try copy.requireClass("SMS_Package"), properties: [("PackageID", .string("NEW"))]))
        #expect(try copy.count(of: "SMS_Package") == 50)
        #expect(copy.schemaGeneration != original.schemaGeneration)
    }

    @Test func aDamagedImageIsRefusedWithTheReason() throws {
        let image = try Self.richRepository().image()
        func refusal(_ bytes: [UInt8]) -> CIMError? {
            do { _ = try CIMRepository(image: bytes); return nil } catch { return error }
        }
        #expect(refusal([])?.status == .invalidParameter)
        #expect(refusal(Array("not an image at all, but long enough".utf8))?.message.contains("no image header") == true)
        var flipped = image
        flipped[flipped.count / 2] ^= 0x20
        #expect(refusal(flipped)?.message.contains("checksum") == true)
        var otherVersion = image
        otherVersion[8] &+= 1
        #expect(refusal(otherVersion)?.message.contains("format") == true)
        #expect(refusal(Array(image.dropLast(1)))?.status == .invalidParameter)
        // Bytes that pass the checksum but do not make sense (a payload cut short, or with bytes changed, and framed
        // again): every one is refused, none crashes.
        let payload = Array(image[RepositoryImage.headerSize...])
        let framed = ImageWriter.framed
        #expect(refusal(framed(payload)) == nil, "re-framing alone changes nothing")
        var refused = 0, tried = 0
        for cut in stride(from: 0, to: payload.count, by: max(1, payload.count / 97)) {
            tried += 1
            if refusal(framed(Array(payload[..<cut]))) != nil { refused += 1 }
        }
        #expect(refused == tried, "every image cut short is refused")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var changed = payload
            for _ in 0..<3 { changed[Int.random(in: 0..<changed.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = refusal(framed(changed))   // refused or read: either way no crash, no hang
        }
    }

    @Test func valuesNestedWithoutEndAreRefusedNotFollowed() throws {
        // Checksummed bytes no writer makes: an array whose element is an array, and references whose key is a
        // reference, ten thousand deep. The reader refuses both without running out of stack.
        func reader(_ payload: [UInt8]) throws -> ImageReader { try ImageReader(framed: ImageWriter.framed(payload)) }
        let arrayOfBooleans = (RepositoryImage.Tag.scalarBase + CIMScalarType.boolean.rawValue) | RepositoryImage.Tag.arrayFlag
        var arrays = try reader(Array(repeating: [arrayOfBooleans, 1], count: 10_000).flatMap { $0 })
        #expect(throws: CIMError.self) { try arrays.value() }
        let reference = RepositoryImage.Tag.scalarBase + CIMScalarType.reference.rawValue
        // server, namespace absent; class "A" (new, then string 1); not a singleton; one key, unnamed, whose value follows.
        let first: [UInt8] = [reference, 0, 0, 0, 1, UInt8(ascii: "A"), 0, 1, 0]
        let again: [UInt8] = [reference, 0, 0, 1, 0, 1, 0]
        var references = try reader(first + Array(repeating: again, count: 10_000).flatMap { $0 })
        #expect(throws: CIMError.self) { try references.value() }
    }

    @Test func aRepositoryWithRowsStillToBeMadeIsNotImaged() throws {
        let repo = try Fixture.repository()
        try repo.deferFilling(["SMS_Package"]) { _ in }
        #expect(throws: CIMError.self) { try repo.image() }
    }
}
