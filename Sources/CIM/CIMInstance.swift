// CIMInstance: an instance of a class, held as its class plus its packed slot values (SlotStorage).

/// An instance: its class and its values, packed into one buffer with a null bitmap (nulls are not stored).
/// A value type; the repository hands out copies, and changes go back through the repository.
public struct CIMInstance: Hashable, Sendable {
    public let cimClass: CIMClass
    /// Shared between copies; copied before a change unless this instance is its only holder, so a shared buffer
    /// never changes — which is why it may cross threads (ManagedBuffer itself is not Sendable).
    nonisolated(unsafe) private var storage: SlotStorage

    /// A new instance with every property at its class default.
    public init(of cimClass: CIMClass) {
        self.cimClass = cimClass
        self.storage = cimClass.defaultStorage
    }

    /// An instance from one value per slot, in slot order (start from ``CIMClass/defaultValues``): the fast way
    /// for a loader that makes many instances. A value already of its property's type is taken as it is; any
    /// other is converted, as ``set(slot:_:)`` does. A wrong number of values is WBEM_E_INVALID_PARAMETER.
    public init(of cimClass: CIMClass, slotValues: [CIMValue]) throws(CIMError) {
        guard slotValues.count == cimClass.properties.count else {
            throw CIMError(.invalidParameter, "Class \(cimClass.name) has \(cimClass.properties.count) properties, not \(slotValues.count).")
        }
        var values = slotValues
        let types = cimClass.slotTypes
        for slot in values.indices {
            let value = values[slot]
            if value.isNull || value.type == types[slot] { continue }
            values[slot] = try Self.converted(value, slot: slot, of: cimClass)
        }
        self.init(of: cimClass, slots: values)
    }

    /// A new instance with the given properties set (converted to their declared types); the rest default.
    /// Unknown properties are WBEM_E_NOT_FOUND, unconvertible values WBEM_E_TYPE_MISMATCH or
    /// WBEM_E_VALUE_OUT_OF_RANGE.
    public init(of cimClass: CIMClass, properties: [(CIMName, CIMValue)]) throws(CIMError) {
        var values = cimClass.defaultValues
        try Self.apply(properties, to: &values, of: cimClass)
        self.init(of: cimClass, slots: values)
    }

    /// An instance from values already of their slots' types (or null).
    init(of cimClass: CIMClass, slots: [CIMValue]) {
        self.cimClass = cimClass
        self.storage = SlotStorage.make(cimClass.cellLayout, slots)
    }

    public var className: CIMName { cimClass.name }

    /// The value of a property by name (ignoring case); nil when the class has no such property.
    public subscript(name: CIMName) -> CIMValue? {
        cimClass.slot(of: name).map { storage.value(at: $0) }
    }

    /// The value at a slot (see ``CIMClass/slot(of:)``): the fast path for compiled queries.
    public subscript(slot slot: Int) -> CIMValue { storage.value(at: slot) }

    /// Every slot's value in slot order, nulls included (made on each call: ``subscript(slot:)`` reads one).
    public var values: [CIMValue] { storage.values }

    /// Calls `body` with each non-null value and its slot, in slot order.
    public func forEachValue(_ body: (Int, CIMValue) -> Void) { storage.forEachValue(body) }

    /// Sets a property, converting the value to the declared type.
    public mutating func set(_ name: CIMName, _ value: CIMValue) throws(CIMError) {
        try set(slot: Self.slot(of: name, in: cimClass), value)
    }

    /// Sets several properties (each converted as ``set(_:_:)`` converts) with one repacking of the values, not
    /// one per property. An unknown property is WBEM_E_NOT_FOUND; when any fails, nothing changes.
    public mutating func set(_ properties: [(CIMName, CIMValue)]) throws(CIMError) {
        var values = storage.values
        try Self.apply(properties, to: &values, of: cimClass)
        storage = SlotStorage.make(cimClass.cellLayout, values)
    }

    /// Sets the property at a slot, converting the value to the declared type.
    public mutating func set(slot: Int, _ value: CIMValue) throws(CIMError) {
        let value = try Self.converted(value, slot: slot, of: cimClass)
        if isKnownUniquelyReferenced(&storage), !value.isNull, storage.replaceInPlace(slot: slot, with: value) { return }
        var values = storage.values
        values[slot] = value
        storage = SlotStorage.make(cimClass.cellLayout, values)
    }

    /// Puts each named property's converted value in its slot; WBEM_E_NOT_FOUND for a name the class lacks.
    private static func apply(_ properties: [(CIMName, CIMValue)], to values: inout [CIMValue], of cimClass: CIMClass) throws(CIMError) {
        for (name, value) in properties {
            let slot = try slot(of: name, in: cimClass)
            values[slot] = try converted(value, slot: slot, of: cimClass)
        }
    }

    private static func slot(of name: CIMName, in cimClass: CIMClass) throws(CIMError) -> Int {
        guard let slot = cimClass.slot(of: name) else {
            throw CIMError(.notFound, "Class \(cimClass.name) has no property '\(name)'.")
        }
        return slot
    }

    private static func converted(_ value: CIMValue, slot: Int, of cimClass: CIMClass) throws(CIMError) -> CIMValue {
        let property = cimClass.properties[slot]
        do {
            return try value.converted(to: property.type)
        } catch {
            throw CIMError(error.status, "\(cimClass.name).\(property.name): \(error.message)")
        }
    }

    /// The instance's relative object path, built from its key properties.
    public var path: ObjectPath {
        if cimClass.isSingleton && cimClass.keySlots.isEmpty {
            return ObjectPath(className: cimClass.name, isSingleton: true)
        }
        return ObjectPath(className: cimClass.name, keys: cimClass.keySlots.map {
            ObjectPath.KeyBinding(cimClass.properties[$0].name, storage.value(at: $0))
        })
    }

    /// Properties and values in declared order.
    public var propertyValues: [(CIMProperty, CIMValue)] { Array(zip(cimClass.properties, values)) }

    public static func == (lhs: CIMInstance, rhs: CIMInstance) -> Bool {
        lhs.cimClass === rhs.cimClass && lhs.storage.equals(rhs.storage)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(cimClass))
        storage.hash(into: &hasher)
    }
}
