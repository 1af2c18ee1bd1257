// Reading a repository image back: every read is bounds-checked and every value checked against its slot, so a
// damaged or foreign file is an error, never a crash or a half-made repository.

extension CIMRepository {
    /// A repository holding what the image holds (see ``RepositoryImage``): its namespaces, classes, indexes and
    /// instances, with no providers or hooks. A damaged image, or one of another format version, is
    /// WBEM_E_INVALID_PARAMETER.
    public convenience init(image bytes: [UInt8]) throws(CIMError) {
        var reader = try ImageReader(framed: bytes)
        self.init(defaultNamespace: try reader.string())
        try restore(from: &reader)
    }

    private func restore(from reader: inout ImageReader) throws(CIMError) {
        try locked { () throws(CIMError) in
            for _ in 0..<(try reader.count()) {
                let name = ObjectPath.normalizeNamespace(try reader.string())
                let ns = CIMName(name)
                if stores[ns] == nil {
                    stores[ns] = NamespaceStore()
                    namespaceOrder.append(name)
                }
                reader.classes = [:]
                var ordered: [CIMClass] = []
                for _ in 0..<(try reader.count()) {
                    let cls = try reader.cimClass()
                    guard reader.classes[cls.name] == nil else { throw reader.damaged("class \(cls.name) twice") }
                    reader.classes[cls.name] = cls
                    ordered.append(cls)
                }
                for _ in 0..<(try reader.count()) {
                    let className = CIMName(try reader.string())
                    for _ in 0..<(try reader.count()) {
                        extraIndexes[ns, default: [:]][className, default: []].insert(CIMName(try reader.string()))
                    }
                }
                for cls in ordered { stores[ns]!.add(cls, extraIndexes: indexNames(for: cls, in: ns)) }
                for _ in 0..<(try reader.count()) {
                    guard let cls = reader.classes[CIMName(try reader.string())] else { throw reader.damaged("rows of an unknown class") }
                    let rows = try reader.count()
                    stores[ns]!.tables[cls.name]!.reserveCapacity(rows)
                    for _ in 0..<rows {
                        let instance = CIMInstance(of: cls, slots: try reader.slotValues(of: cls))
                        let key = InstanceKey(instance)
                        guard !stores[ns]!.tables[cls.name]!.contains(key) else { throw reader.damaged("two \(cls.name) rows with one key") }
                        stores[ns]!.tables[cls.name]!.insert(instance, key: key)
                    }
                }
            }
            guard reader.isAtEnd else { throw reader.damaged("bytes after the last namespace") }
            schemaChanged()
        }
    }
}

/// Reads an image's payload; each method throws WBEM_E_INVALID_PARAMETER when the bytes run out or do not fit.
struct ImageReader {
    private let bytes: [UInt8]
    private var offset: Int
    private var strings: [String] = []
    /// The classes of the namespace being read: superclasses, the classes of rows and of embedded objects.
    var classes: [CIMName: CIMClass] = [:]

    init(framed: [UInt8]) throws(CIMError) {
        bytes = framed
        offset = 0
        let header = RepositoryImage.headerSize
        guard framed.count >= header, Array(framed[0..<8]) == RepositoryImage.magic else { throw Self.damage("no image header") }
        let (version, length, sum) = framed.withUnsafeBytes {
            (UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)),
             UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 12, as: UInt64.self)),
             UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 20, as: UInt64.self)))
        }
        guard version == RepositoryImage.formatVersion else {
            throw Self.damage("format \(version), not \(RepositoryImage.formatVersion)")
        }
        guard length == UInt64(framed.count - header),
              framed.withUnsafeBytes({ RepositoryImage.checksum(UnsafeRawBufferPointer(rebasing: $0[header...])) }) == sum else {
            throw Self.damage("its length or checksum is wrong")
        }
        offset = header
    }

    var isAtEnd: Bool { offset == bytes.count }

    static func damage(_ what: String) -> CIMError {
        CIMError(.invalidParameter, "The repository image is damaged or of another version: \(what).")
    }

    func damaged(_ what: String) -> CIMError { Self.damage(what + " at byte \(offset)") }

    mutating func byte() throws(CIMError) -> UInt8 {
        guard offset < bytes.count else { throw damaged("it ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws(CIMError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw damaged("a number too long") }
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    mutating func signed() throws(CIMError) -> Int64 {
        let z = try unsigned()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    /// A count of things still to read: never more than the bytes left, so a damaged count cannot make a loop run
    /// for long or reserve much memory.
    mutating func count() throws(CIMError) -> Int {
        let n = try unsigned()
        guard n <= UInt64(bytes.count - offset) else { throw damaged("a count larger than the image") }
        return Int(n)
    }

    mutating func flag() throws(CIMError) -> Bool { try byte() != 0 }

    mutating func string() throws(CIMError) -> String {
        // A string's number is checked against the strings read so far (not the bytes left, which can be fewer).
        let n = try unsigned()
        if n > 0 {
            guard n <= UInt64(strings.count) else { throw damaged("a string numbered \(n) of \(strings.count)") }
            return strings[Int(n) - 1]
        }
        let length = try count()
        let s = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + length]), as: UTF8.self) }
        offset += length
        strings.append(s)
        return s
    }

    mutating func optionalString() throws(CIMError) -> String? { try flag() ? try string() : nil }

    mutating func type() throws(CIMError) -> CIMType {
        let b = try byte()
        guard let scalar = CIMScalarType(rawValue: b & 0x7f) else { throw damaged("type \(b)") }
        return CIMType(scalar, isArray: b & 0x80 != 0)
    }

    mutating func qualifiers() throws(CIMError) -> CIMQualifierSet {
        var out: [CIMQualifier] = []
        for _ in 0..<(try count()) {
            let name = CIMName(try string())
            let value = try value()
            var flavors: [String] = []
            for _ in 0..<(try count()) { flavors.append(try string()) }
            out.append(CIMQualifier(name, value, flavors: flavors))
        }
        return CIMQualifierSet(out)
    }

    /// A class, whose superclass was read before it.
    mutating func cimClass() throws(CIMError) -> CIMClass {
        let name = CIMName(try string())
        var superclass: CIMClass? = nil
        if let superName = try optionalString() {
            guard let found = classes[CIMName(superName)] else { throw damaged("class \(name) before its superclass \(superName)") }
            superclass = found
        }
        let classQualifiers = try self.qualifiers()
        let properties = try declarations(inheriting: superclass?.properties ?? [], of: name) { reader throws(CIMError) in
            try reader.property(of: name)
        }
        guard properties.count >= superclass?.properties.count ?? 0 else { throw damaged("class \(name) lost inherited properties") }
        let methods = try declarations(inheriting: superclass?.methods ?? [], of: name) { reader throws(CIMError) in
            try reader.method()
        }
        return CIMClass(restoring: name, superclass: superclass, qualifiers: classQualifiers, properties: properties, methods: methods)
    }

    /// A class's properties or methods: each the superclass's at that slot (a set flag) or read by `read`.
    private mutating func declarations<D>(inheriting inherited: [D], of name: CIMName,
                                          _ read: (inout ImageReader) throws(CIMError) -> D) throws(CIMError) -> [D] {
        var out: [D] = []
        for slot in 0..<(try count()) {
            if try flag() {
                guard slot < inherited.count else { throw damaged("\(name) inherits a declaration its superclass lacks") }
                out.append(inherited[slot])
            } else {
                out.append(try read(&self))
            }
        }
        return out
    }

    private mutating func property(of className: CIMName) throws(CIMError) -> CIMProperty {
        let name = CIMName(try string())
        let type = try type()
        let qualifiers = try self.qualifiers()
        let defaultValue = try value()
        guard defaultValue.isNull || defaultValue.type == type else { throw damaged("\(className).\(name)'s default is not \(type)") }
        let reference = try optionalString().map { CIMName($0) }
        return CIMProperty(name: name, type: type, qualifiers: qualifiers, defaultValue: defaultValue,
                           referenceClass: reference, classOrigin: CIMName(try string()))
    }

    private mutating func method() throws(CIMError) -> CIMMethod {
        let name = CIMName(try string())
        let returnType = try flag() ? try type() : nil
        let qualifiers = try self.qualifiers()
        let origin = CIMName(try string())
        var parameters: [CIMParameter] = []
        for _ in 0..<(try count()) {
            let pname = CIMName(try string())
            let type = try type()
            let pquals = try self.qualifiers()
            parameters.append(CIMParameter(name: pname, type: type, qualifiers: pquals, referenceClass: try optionalString().map { CIMName($0) }))
        }
        return CIMMethod(name: name, returnType: returnType, parameters: parameters, qualifiers: qualifiers, classOrigin: origin)
    }

    /// One value per property of `cls`, each null or of its property's type: a row, or an embedded object.
    mutating func slotValues(of cls: CIMClass, depth: Int = 0) throws(CIMError) -> [CIMValue] {
        var values: [CIMValue] = []
        values.reserveCapacity(cls.slotTypes.count)
        for type in cls.slotTypes {
            let value = try value(depth: depth)
            guard value.isNull || value.type == type else { throw damaged("a \(cls.name) value that is not \(type)") }
            values.append(value)
        }
        return values
    }

    /// A value. References and embedded objects hold values of their own: `depth` bounds how far they nest, so a
    /// crafted image cannot exhaust the stack (CIM values nest a level or two).
    mutating func value(depth: Int = 0) throws(CIMError) -> CIMValue {
        guard depth < 16 else { throw damaged("values nested too deeply") }
        let tag = try byte()
        if tag == RepositoryImage.Tag.null { return .null }
        guard let scalar = CIMScalarType(rawValue: (tag & ~RepositoryImage.Tag.arrayFlag) &- RepositoryImage.Tag.scalarBase) else {
            throw damaged("value tag \(tag)")
        }
        guard tag & RepositoryImage.Tag.arrayFlag != 0 else { return try payload(scalar, depth: depth) }
        var elements: [CIMValue] = []
        for _ in 0..<(try count()) {
            // An element is null or a scalar of the array's type (never an array): its tag says which before it is read.
            let elementTag = try byte()
            if elementTag == RepositoryImage.Tag.null { elements.append(.null); continue }
            guard elementTag == RepositoryImage.Tag.scalarBase &+ scalar.rawValue else { throw damaged("a \(scalar)[] element of another type") }
            elements.append(try payload(scalar, depth: depth))
        }
        return .array(CIMArray(elementType: scalar, elements))
    }

    /// A signed number that must fit `T`.
    private mutating func signed<T: FixedWidthInteger>(_: T.Type) throws(CIMError) -> T {
        let n = try signed()
        guard let v = T(exactly: n) else { throw damaged("\(n) does not fit \(T.self)") }
        return v
    }

    /// An unsigned number that must fit `T`.
    private mutating func unsigned<T: FixedWidthInteger>(_: T.Type) throws(CIMError) -> T {
        let n = try unsigned()
        guard let v = T(exactly: n) else { throw damaged("\(n) does not fit \(T.self)") }
        return v
    }

    private mutating func payload(_ scalar: CIMScalarType, depth: Int) throws(CIMError) -> CIMValue {
        switch scalar {
        case .boolean: return .boolean(try flag())
        case .sint8: return .sint8(try signed(Int8.self))
        case .sint16: return .sint16(try signed(Int16.self))
        case .sint32: return .sint32(try signed(Int32.self))
        case .sint64: return .sint64(try signed())
        case .uint8: return .uint8(try unsigned(UInt8.self))
        case .uint16: return .uint16(try unsigned(UInt16.self))
        case .uint32: return .uint32(try unsigned(UInt32.self))
        case .uint64: return .uint64(try unsigned())
        case .char16: return .char16(try unsigned(UInt16.self))
        case .real32: return .real32(Float(bitPattern: try unsigned(UInt32.self)))
        case .real64: return .real64(Double(bitPattern: try unsigned()))
        case .string: return .string(try string())
        case .datetime: return .datetime(try datetime())
        case .reference:
            let server = try optionalString(), namespace = try optionalString()
            let className = CIMName(try string())
            let singleton = try flag()
            var keys: [ObjectPath.KeyBinding] = []
            for _ in 0..<(try count()) {
                let name = try optionalString().map { CIMName($0) }
                keys.append(.init(name, try value(depth: depth + 1)))
            }
            return .reference(ObjectPath(server: server, namespace: namespace, className: className, keys: keys, isSingleton: singleton))
        case .object:
            let className = CIMName(try string())
            guard let cls = classes[className] else { throw damaged("an embedded \(className), a class not in the namespace") }
            let n = try count()
            guard n == cls.properties.count else { throw damaged("an embedded \(className) with \(n) values") }
            return .object(CIMInstance(of: cls, slots: try slotValues(of: cls, depth: depth + 1)))
        }
    }

    /// A datetime, checked to lie within what CIM can write (years 0–9999, intervals of 8-digit days).
    private mutating func datetime() throws(CIMError) -> CIMDateTime {
        let micros = try signed()
        let offset = try signed(Int16.self)
        let wildcards = CIMDateTime.Wildcards(rawValue: try byte())
        let interval = try flag()
        let lowest = CIMDateTime.daysFromCivil(year: 0, month: 1, day: 1) * 86_400_000_000
        let highest = CIMDateTime.daysFromCivil(year: 10_000, month: 1, day: 1) * 86_400_000_000 - 1
        let fits = interval ? (0...(100_000_000 * 86_400_000_000 - 1)).contains(micros)
                            : (lowest...highest).contains(micros) && (-999...999).contains(offset)
        guard fits else { throw damaged("a datetime out of range") }
        return CIMDateTime(storedMicroseconds: micros, utcOffsetMinutes: offset, wildcards: wildcards, isInterval: interval)
    }
}
