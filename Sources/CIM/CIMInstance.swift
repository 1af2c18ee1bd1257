// CIMInstance: an instance of a class, held as its class plus one value per property slot.

/// An instance: its class and a contiguous array of values indexed by the class's property slots.
/// A value type; the repository hands out copies, and changes go back through the repository.
public struct CIMInstance: Hashable, Sendable {
    public let cimClass: CIMClass
    /// One value per slot of ``cimClass``'s ``CIMClass/properties``.
    public private(set) var values: [CIMValue]

    /// A new instance with every property at its class default.
    public init(of cimClass: CIMClass) {
        self.cimClass = cimClass
        self.values = cimClass.defaultValues
    }

    /// An instance from one value per slot, in slot order (start from ``CIMClass/defaultValues``): the fast way
    /// for a loader that makes many instances. A value already of its property's type is taken as it is; any
    /// other is converted, as ``set(slot:_:)`` does. A wrong number of values is WBEM_E_INVALID_PARAMETER.
    public init(of cimClass: CIMClass, slotValues: [CIMValue]) throws(CIMError) {
        guard slotValues.count == cimClass.properties.count else {
            throw CIMError(.invalidParameter, "Class \(cimClass.name) has \(cimClass.properties.count) properties, not \(slotValues.count).")
        }
        self.cimClass = cimClass
        self.values = slotValues
        let types = cimClass.slotTypes
        for slot in slotValues.indices {
            let value = slotValues[slot]
            if value.isNull || value.type == types[slot] { continue }
            try set(slot: slot, value)
        }
    }

    /// A new instance with the given properties set (converted to their declared types); the rest default.
    /// Unknown properties are WBEM_E_NOT_FOUND, unconvertible values WBEM_E_TYPE_MISMATCH or
    /// WBEM_E_VALUE_OUT_OF_RANGE.
    public init(of cimClass: CIMClass, properties: [(CIMName, CIMValue)]) throws(CIMError) {
        self.init(of: cimClass)
        for (name, value) in properties { try set(name, value) }
    }

    init(of cimClass: CIMClass, slots: [CIMValue]) {
        self.cimClass = cimClass
        self.values = slots
    }

    public var className: CIMName { cimClass.name }

    /// The value of a property by name (ignoring case); nil when the class has no such property.
    public subscript(name: CIMName) -> CIMValue? {
        cimClass.slot(of: name).map { values[$0] }
    }

    /// The value at a slot (see ``CIMClass/slot(of:)``): the fast path for compiled queries.
    @inlinable
    public subscript(slot slot: Int) -> CIMValue { values[slot] }

    /// Sets a property, converting the value to the declared type.
    public mutating func set(_ name: CIMName, _ value: CIMValue) throws(CIMError) {
        guard let slot = cimClass.slot(of: name) else {
            throw CIMError(.notFound, "Class \(cimClass.name) has no property '\(name)'.")
        }
        try set(slot: slot, value)
    }

    /// Sets the property at a slot, converting the value to the declared type.
    public mutating func set(slot: Int, _ value: CIMValue) throws(CIMError) {
        let property = cimClass.properties[slot]
        do {
            values[slot] = try value.converted(to: property.type)
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
            ObjectPath.KeyBinding(cimClass.properties[$0].name, values[$0])
        })
    }

    /// Properties and values in declared order.
    public var propertyValues: [(CIMProperty, CIMValue)] { Array(zip(cimClass.properties, values)) }

    public static func == (lhs: CIMInstance, rhs: CIMInstance) -> Bool {
        lhs.cimClass === rhs.cimClass && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(cimClass))
        hasher.combine(values)
    }
}
