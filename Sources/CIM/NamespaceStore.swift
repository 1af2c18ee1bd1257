// NamespaceStore: the classes, class families and instance tables of one namespace of a CIMRepository, and the
// process-wide schema generation counter.
import Foundation

/// The classes and instance tables of one namespace.
struct NamespaceStore {
    var classes: [CIMName: CIMClass] = [:]
    var order: [CIMName] = []
    var children: [CIMName: [CIMName]] = [:]
    var tables: [CIMName: InstanceTable] = [:]
    /// Each class and its descendants, depth first; queries ask for this on every run, so it is kept. Adding or
    /// removing a class changes only its own line's families, which are worked out again then (working out every
    /// class's for each class added made compiling a schema of hundreds of classes quadratic).
    private var family: [CIMName: [CIMName]] = [:]

    mutating func add(_ cls: CIMClass, extraIndexes: Set<CIMName>) {
        classes[cls.name] = cls
        order.append(cls.name)
        if let sup = cls.superclass { children[sup.name, default: []].append(cls.name) }
        refreshFamilies(of: cls)
        // A single key is served by the key index. Each part of a composite key gets a hash index of its own,
        // so `where PackageID = 'X'` on SMS_DistributionPoint (keys PackageID, ServerNALPath, SiteCode) need
        // not scan; so does any property qualified [Indexed].
        let compositeKey = cls.keySlots.count > 1
        var slots = Set(cls.properties.indices.filter {
            let p = cls.properties[$0]
            return p.isKey ? compositeKey : p.qualifiers.isIndexed
        })
        for name in extraIndexes { if let s = cls.slot(of: name) { slots.insert(s) } }
        tables[cls.name] = InstanceTable(cimClass: cls, indexedSlots: slots)
    }

    /// The same classes, families and indexes with empty tables.
    func withoutInstances() -> NamespaceStore {
        var copy = self
        copy.tables = tables.mapValues { InstanceTable(cimClass: $0.cimClass, indexedSlots: $0.indexedSlots) }
        return copy
    }

    mutating func remove(_ name: CIMName) {
        guard let cls = classes.removeValue(forKey: name) else { return }
        order.removeAll { $0 == name }
        if let sup = cls.superclass { children[sup.name]?.removeAll { $0 == name } }
        tables[name] = nil
        children[name] = nil
        family[name] = nil
        if let sup = cls.superclass, let parent = classes[sup.name] { refreshFamilies(of: parent) }
    }

    /// The instances of the class (and its subclasses when `deep`) whose slot equals the value, through the
    /// tables' indexes; nil when `cls` is not this namespace's class of that name (a plan made before the
    /// schema changed). One lookup per table: this is every key lookup's path.
    func instances(of cls: CIMClass, whereSlot slot: Int, equals value: CIMValue, deep: Bool) -> [CIMInstance]? {
        guard classes[cls.name] === cls else { return nil }
        if deep, let members = family[cls.name], members.count > 1 {
            return members.flatMap { tables[$0]!.instances(whereSlot: slot, equals: value) }
        }
        return tables[cls.name]!.instances(whereSlot: slot, equals: value)
    }

    /// The class and all its descendants, depth first in the order added.
    func descendants(of name: CIMName) -> [CIMName] {
        if let known = family[name] { return known }
        return walkDescendants(of: name)
    }

    /// Works out again the families a class and its ancestors head (after it came or its subclasses changed).
    private mutating func refreshFamilies(of cls: CIMClass) {
        for member in cls.lineage where classes[member.name] != nil { family[member.name] = walkDescendants(of: member.name) }
    }

    private func walkDescendants(of name: CIMName) -> [CIMName] {
        var out: [CIMName] = []
        var stack = [name]
        while let next = stack.popLast() {
            out.append(next)
            stack.append(contentsOf: (children[next] ?? []).reversed())
        }
        return out
    }
}

/// Hands out schema generations: one counter for every repository in the process, so no two schemas (of two
/// repositories, or one before and after a change) ever share a number.
enum SchemaGeneration {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last: UInt64 = 0

    static func next() -> UInt64 { lock.withLock { last += 1; return last } }
}
