// Qualifiers: named values attached to classes, properties, methods and parameters ([Key], [Description("…")]).

/// A qualifier such as `Key`, `Description("…")` or `ValueMap{"0","1"}`.
public struct CIMQualifier: Hashable, Sendable {
    public var name: CIMName
    public var value: CIMValue
    /// Flavors from MOF (`ToSubclass`, `Restricted`, `Amended`, …), kept for display and round-trips.
    public var flavors: [String]

    public init(_ name: CIMName, _ value: CIMValue = .boolean(true), flavors: [String] = []) {
        self.name = name
        self.value = value
        self.flavors = flavors
    }

    /// Does this qualifier propagate to subclasses? (`Restricted` or `NotToSubclass` stops it.)
    public var propagates: Bool {
        !flavors.contains { $0.equalsIgnoringCase("Restricted") || $0.equalsIgnoringCase("NotToSubclass") }
    }
}

/// The qualifiers of one element, looked up by name ignoring case.
public struct CIMQualifierSet: Hashable, Sendable, Sequence, ExpressibleByArrayLiteral {
    public private(set) var qualifiers: [CIMQualifier]

    public init(_ qualifiers: [CIMQualifier] = []) { self.qualifiers = qualifiers }
    public init(arrayLiteral elements: CIMQualifier...) { self.qualifiers = elements }

    public func makeIterator() -> IndexingIterator<[CIMQualifier]> { qualifiers.makeIterator() }
    public var isEmpty: Bool { qualifiers.isEmpty }

    /// The qualifier's value, or nil when absent.
    public subscript(name: CIMName) -> CIMValue? {
        qualifiers.first { $0.name == name }?.value
    }

    /// True when the qualifier is present and not `false` (`[Key]` and `[Key(true)]` both count).
    public func isSet(_ name: CIMName) -> Bool {
        guard let v = self[name] else { return false }
        if case .boolean(let b) = v { return b }
        return true
    }

    /// Adds or replaces a qualifier.
    public mutating func set(_ qualifier: CIMQualifier) {
        if let i = qualifiers.firstIndex(where: { $0.name == qualifier.name }) {
            qualifiers[i] = qualifier
        } else {
            qualifiers.append(qualifier)
        }
    }

    /// Inherits the parent's propagating qualifiers that this set does not override.
    func inheriting(from parent: CIMQualifierSet) -> CIMQualifierSet {
        var result = self
        for q in parent.qualifiers where q.propagates && self[q.name] == nil { result.qualifiers.append(q) }
        return result
    }

    // Standard qualifiers, by name.
    public var isKey: Bool { isSet("Key") }
    public var isAbstract: Bool { isSet("Abstract") }
    public var isAssociation: Bool { isSet("Association") }
    public var isStatic: Bool { isSet("Static") }
    public var isLazy: Bool { isSet("Lazy") }
    public var isRequired: Bool { isSet("Required") }
    public var isIndexed: Bool { isSet("Indexed") }
    public var isSingleton: Bool { isSet("Singleton") }
    public var isIn: Bool { isSet("In") }
    public var isOut: Bool { isSet("Out") }
    /// `Read` is WMI's default for properties; `[Write]` marks a property the user may change.
    public var isWrite: Bool { isSet("Write") }
    public var descriptionText: String? { self["Description"]?.stringValue }
    /// The `ID` qualifier of a method parameter (its position in the call).
    public var id: Int? { self["ID"]?.integerValue.flatMap { Int(exactly: $0) } }

    /// `Values`/`ValueMap` as a map from stored value to its display text, when both are given.
    public var valueMap: [(value: String, text: String)]? {
        guard case .array(let texts)? = self["Values"] else { return nil }
        let keys: [String]
        if case .array(let map)? = self["ValueMap"] {
            keys = map.elements.map { $0.stringValue ?? "" }
        } else {
            keys = texts.elements.indices.map(String.init)
        }
        return zip(keys, texts.elements.map { $0.stringValue ?? "" }).map { ($0, $1) }
    }
}
