// CIMClass: a class definition — superclass chain, qualifiers, properties laid out as slots, methods.

/// A property declaration. Its position in ``CIMClass/properties`` is its slot in every instance.
public struct CIMProperty: Hashable, Sendable {
    public var name: CIMName
    public var type: CIMType
    public var qualifiers: CIMQualifierSet
    /// The default value given in the class declaration (null when none).
    public var defaultValue: CIMValue
    /// For `ref` properties, the class the reference points to (`SMS_Package ref Package`).
    public var referenceClass: CIMName?
    /// The class that declared the property (WMI's `__CLASS_ORIGIN`).
    public var classOrigin: CIMName

    public init(name: CIMName, type: CIMType, qualifiers: CIMQualifierSet = [], defaultValue: CIMValue = .null,
                referenceClass: CIMName? = nil, classOrigin: CIMName = "") {
        self.name = name
        self.type = type
        self.qualifiers = qualifiers
        self.defaultValue = defaultValue
        self.referenceClass = referenceClass
        self.classOrigin = classOrigin
    }

    public var isKey: Bool { qualifiers.isKey }
}

/// A method parameter: typed, with `[In]`/`[Out]` and an `ID` giving its position.
public struct CIMParameter: Hashable, Sendable {
    public var name: CIMName
    public var type: CIMType
    public var qualifiers: CIMQualifierSet
    public var referenceClass: CIMName?

    public init(name: CIMName, type: CIMType, qualifiers: CIMQualifierSet = [], referenceClass: CIMName? = nil) {
        self.name = name
        self.type = type
        self.qualifiers = qualifiers
        self.referenceClass = referenceClass
    }

    /// Parameters with neither qualifier are input parameters, as MOF compilers assume.
    public var isIn: Bool { qualifiers.isIn || !qualifiers.isOut }
    public var isOut: Bool { qualifiers.isOut }
}

/// A method declaration: `SInt32 AddDistributionPoints([In] String SiteCode[], [In] String NALPath[])`.
public struct CIMMethod: Hashable, Sendable {
    public var name: CIMName
    public var returnType: CIMType?
    /// Parameters in declaration order (or `ID` order when IDs are given).
    public var parameters: [CIMParameter]
    public var qualifiers: CIMQualifierSet
    public var classOrigin: CIMName

    public init(name: CIMName, returnType: CIMType?, parameters: [CIMParameter] = [],
                qualifiers: CIMQualifierSet = [], classOrigin: CIMName = "") {
        self.name = name
        self.returnType = returnType
        self.parameters = parameters
        self.qualifiers = qualifiers
        self.classOrigin = classOrigin
    }

    public var isStatic: Bool { qualifiers.isStatic }
    public var inParameters: [CIMParameter] { parameters.filter(\.isIn) }
    public var outParameters: [CIMParameter] { parameters.filter(\.isOut) }

    /// `SInt32 AddDistributionPoints([In] String SiteCode[], [In] String NALPath[])` — for `describe`.
    public var signature: String {
        let params = parameters.map { p -> String in
            let dir = p.isIn && p.isOut ? "[In, Out] " : (p.isOut ? "[Out] " : "[In] ")
            let type = p.type.scalar == .reference ? "\(p.referenceClass?.string ?? "object") ref" : p.type.scalar.name
            return dir + type + " " + p.name.string + (p.type.isArray ? "[]" : "")
        }
        return (isStatic ? "static " : "") + (returnType?.description ?? "void") + " " + name.string
            + "(" + params.joined(separator: ", ") + ")"
    }
}

/// A class: immutable once made, shared by reference between the repository and its instances.
///
/// Properties include inherited ones, superclass first, so an inherited property has the same slot in
/// every subclass and a compiled predicate over a base class works on instances of any subclass.
public final class CIMClass: Sendable, CustomStringConvertible {
    public let name: CIMName
    public let superclass: CIMClass?
    public let qualifiers: CIMQualifierSet
    /// All properties, inherited first, in slot order.
    public let properties: [CIMProperty]
    /// The properties' names as declared, in slot order: made once, since every `select *` lists them.
    public let propertyNames: [String]
    /// All methods, inherited ones overridden by name.
    public let methods: [CIMMethod]
    /// Slots of the key properties, in declaration order.
    public let keySlots: [Int]
    /// Each property's default value, in slot order: a new instance's values.
    public let defaultValues: [CIMValue]
    /// Each property's type, in slot order (checked for every value of a new instance).
    let slotTypes: [CIMType]
    /// How instances pack their values (SlotStorage), and the packed defaults every new instance starts from (never
    /// changed: an instance copies a shared buffer before changing it, so it may cross threads).
    let cellLayout: CellLayout
    nonisolated(unsafe) let defaultStorage: SlotStorage
    private let slotByName: [CIMName: Int]
    private let methodByName: [CIMName: Int]
    /// Number of classes above this one (0 for a root class).
    public let depth: Int

    /// Builds a class from its own declarations and its superclass. Throws when a property or method is
    /// declared twice, when a key is added below a class that already has keys, or on an override that
    /// changes a property's type.
    public init(name: CIMName, superclass: CIMClass? = nil, qualifiers: CIMQualifierSet = [],
                properties own: [CIMProperty] = [], methods ownMethods: [CIMMethod] = []) throws(CIMError) {
        guard CIMName.isValidIdentifier(name.string) else {
            throw CIMError(.invalidClass, "'\(name)' is not a valid class name.")
        }
        self.name = name
        self.superclass = superclass
        self.depth = (superclass?.depth ?? -1) + 1
        var quals = qualifiers
        if let superclass {
            // Abstract is never inherited: a concrete subclass of an abstract class is concrete.
            quals = quals.inheriting(from: CIMQualifierSet(superclass.qualifiers.filter { $0.name != "Abstract" }))
        }
        self.qualifiers = quals
        var props = superclass?.properties ?? []
        var slots: [CIMName: Int] = [:]
        for (i, p) in props.enumerated() { slots[p.name] = i }
        let inheritedKeys = !(superclass?.keySlots.isEmpty ?? true)
        var seen = Set<CIMName>()
        for var p in own {
            guard CIMName.isValidIdentifier(p.name.string) else {
                throw CIMError(.invalidProperty, "'\(p.name)' is not a valid property name in class \(name).")
            }
            guard seen.insert(p.name).inserted else {
                throw CIMError(.invalidProperty, "Property \(p.name) is declared twice in class \(name).")
            }
            if let slot = slots[p.name] {
                let inherited = props[slot]
                guard inherited.type == p.type else {
                    throw CIMError(.typeMismatch, "Property \(name).\(p.name) is \(p.type) but \(inherited.classOrigin) declares it as \(inherited.type).")
                }
                p.qualifiers = p.qualifiers.inheriting(from: inherited.qualifiers)
                p.classOrigin = inherited.classOrigin
                if p.defaultValue.isNull { p.defaultValue = inherited.defaultValue }
                props[slot] = p
            } else {
                if p.isKey && inheritedKeys {
                    throw CIMError(.invalidQualifier, "Class \(name) cannot add key \(p.name): its superclass already defines the keys.")
                }
                p.classOrigin = name
                slots[p.name] = props.count
                props.append(p)
            }
        }
        var meths = superclass?.methods ?? []
        var methodSlots: [CIMName: Int] = [:]
        for (i, m) in meths.enumerated() { methodSlots[m.name] = i }
        var seenMethods = Set<CIMName>()
        for var m in ownMethods {
            guard seenMethods.insert(m.name).inserted else {
                throw CIMError(.invalidMethod, "Method \(m.name) is declared twice in class \(name).")
            }
            var paramNames = Set<CIMName>()
            for p in m.parameters where !paramNames.insert(p.name).inserted {
                throw CIMError(.invalidDuplicateParameter, "Parameter \(p.name) is declared twice in method \(name).\(m.name).")
            }
            if let slot = methodSlots[m.name] {
                m.classOrigin = meths[slot].classOrigin
                m.qualifiers = m.qualifiers.inheriting(from: meths[slot].qualifiers)
                meths[slot] = m
            } else {
                m.classOrigin = name
                methodSlots[m.name] = meths.count
                meths.append(m)
            }
        }
        properties = props
        propertyNames = props.map(\.name.string)
        methods = meths
        slotByName = slots
        methodByName = methodSlots
        keySlots = props.indices.filter { props[$0].isKey }
        slotTypes = props.map(\.type)
        defaultValues = Self.defaults(of: props)
        cellLayout = CellLayout(types: slotTypes)
        defaultStorage = SlotStorage.make(cellLayout, defaultValues)
    }

    /// A class exactly as it was made before — its qualifiers, properties and methods already merged with its
    /// superclass's — as a repository image holds it (RepositoryImage): nothing is inherited or checked again,
    /// only the lookup tables are built. The reader checks that the superclass is the one named.
    init(restoring name: CIMName, superclass: CIMClass?, qualifiers: CIMQualifierSet, properties: [CIMProperty],
         methods: [CIMMethod]) {
        self.name = name
        self.superclass = superclass
        self.depth = (superclass?.depth ?? -1) + 1
        self.qualifiers = qualifiers
        self.properties = properties
        self.methods = methods
        var slots: [CIMName: Int] = [:]
        slots.reserveCapacity(properties.count)
        for (i, p) in properties.enumerated() { slots[p.name] = i }
        var methodSlots: [CIMName: Int] = [:]
        for (i, m) in methods.enumerated() { methodSlots[m.name] = i }
        slotByName = slots
        methodByName = methodSlots
        propertyNames = properties.map(\.name.string)
        keySlots = properties.indices.filter { properties[$0].isKey }
        slotTypes = properties.map(\.type)
        defaultValues = Self.defaults(of: properties)
        cellLayout = CellLayout(types: slotTypes)
        defaultStorage = SlotStorage.make(cellLayout, defaultValues)
    }

    /// Each property's default converted to its type (a default that does not convert is null): instances store
    /// only values of their slots' types.
    private static func defaults(of properties: [CIMProperty]) -> [CIMValue] {
        properties.map { (try? $0.defaultValue.converted(to: $0.type)) ?? .null }
    }

    /// The slot of a property, ignoring case; nil when the class has no such property.
    public func slot(of property: CIMName) -> Int? { slotByName[property] }
    public func property(named name: CIMName) -> CIMProperty? { slotByName[name].map { properties[$0] } }
    public func method(named name: CIMName) -> CIMMethod? { methodByName[name].map { methods[$0] } }
    public var keyProperties: [CIMProperty] { keySlots.map { properties[$0] } }

    /// Whether the class has exactly one key and it is at `slot` (asked on every indexed read: no array is made).
    public func isSingleKey(_ slot: Int) -> Bool { keySlots.count == 1 && keySlots[0] == slot }

    public var isAbstract: Bool { qualifiers.isAbstract }
    public var isAssociation: Bool { qualifiers.isAssociation }
    public var isSingleton: Bool { qualifiers.isSingleton }

    /// The class and its superclasses, this class first.
    public var lineage: [CIMClass] {
        var out: [CIMClass] = []
        var c: CIMClass? = self
        while let k = c { out.append(k); c = k.superclass }
        return out
    }

    /// True when this class is `other` or derives from it (WQL's ISA).
    public func isSubclass(of other: CIMName) -> Bool {
        var c: CIMClass? = self
        while let k = c {
            if k.name == other { return true }
            c = k.superclass
        }
        return false
    }

    /// Properties declared (not inherited) by this class.
    public var ownProperties: [CIMProperty] { properties.filter { $0.classOrigin == name } }

    public var description: String { name.string }
}
