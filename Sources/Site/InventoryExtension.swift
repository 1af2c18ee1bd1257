// InventoryExtension: the admin's own hardware inventory classes, as ConfigMgr's hardware inventory extension
// makes them — the admin imports a MOF of a WMI class (Contoso_AssetTag), and the site gets SMS_G_System_<NAME>
// (SMS_G_System_CONTOSO_ASSETTAG) with the inventory header (ResourceID, GroupID, RevisionID, TimeStamp, AgentID)
// and the class's properties. A `Fill` qualifier says what the fleet reports, so offline sites have data to query.
import CIM
import Foundation

/// Extends a site's hardware inventory from a MOF file of WMI classes.
///
/// Each class may carry `[Fill("clients")]` (every reporting client gets a row; the default) or `[Fill("none")]`
/// (the class stays empty until rows are created), and each property a rule for its value:
///
/// - `[Fill("{Name}-{ResourceID}")]` — text with the system's SMS_R_System properties in braces;
/// - `[Fill("one of Red|Green|Blue")]` — one of the choices, the same one for a system every time;
/// - `[Fill("range 1..100")]` — a whole number in the range, the same for a system every time;
/// - `[Fill("42")]` — that value, converted to the property's type.
///
/// A property with no rule is left null.
public struct InventoryExtension {
    public let site: SimulatedSite

    public init(site: SimulatedSite) { self.site = site }

    /// The qualifier the rules are written in, declared beside the schema's own.
    static let fillQualifier = "qualifier Fill : string, scope(class, property), flavor(Restricted);"

    /// Adds the classes of `mof` as inventory classes and fills them; returns the names of the classes made.
    /// Nothing is added when any class is bad or exists already.
    @discardableResult
    public func extend(mof: String, fileName: String = "<mof>") throws -> [CIMName] {
        let scratch = CIMRepository(defaultNamespace: "root\\cimv2")
        _ = try MOFCompiler.compile(SiteSchema.qualifiers + "\n" + Self.fillQualifier, fileName: "qualifiers.mof", into: scratch)
        _ = try MOFCompiler.compile(SiteSchema.inventoryHeaderClass, fileName: "header.mof", into: scratch)
        let header = try scratch.requireClass("Inventory_Header").properties
        let compiled = try MOFCompiler.compile(mof, fileName: fileName, into: scratch)
        guard !compiled.classes.isEmpty else {
            throw CIMError(.invalidParameter, "\(fileName) declares no class: an inventory extension is a MOF of WMI classes, e.g. class Contoso_AssetTag { [Key] string Tag; };")
        }
        let repository = site.repository, namespace = site.namespace
        var made: [(CIMClass, CIMClass)] = []
        for name in compiled.classes {
            let source = try scratch.requireClass(name)
            let inventoryName = CIMName("SMS_G_System_" + name.string.uppercased())
            guard repository.cimClass(named: inventoryName, namespace: namespace) == nil else {
                throw CIMError(.alreadyExists, "\(inventoryName) is already in the site; a class is added to hardware inventory once.")
            }
            // The class's own properties, not keys any more: the header's ResourceID and GroupID are.
            let own = source.properties.filter { p in !header.contains { $0.name == p.name } }.map { p in
                CIMProperty(name: p.name, type: p.type, qualifiers: CIMQualifierSet(p.qualifiers.filter { $0.name != "Key" && $0.name != "Fill" }))
            }
            let description = source.qualifiers["Description"]?.stringValue ?? "Hardware inventory of \(name) (an extension)."
            let cls = try CIMClass(name: inventoryName, qualifiers: [CIMQualifier("Description", .string(description))],
                                   properties: header.map { CIMProperty(name: $0.name, type: $0.type, qualifiers: $0.qualifiers) } + own)
            made.append((source, cls))
        }
        try repository.performInternally {
            for (source, cls) in made {
                try repository.addClass(cls, namespace: namespace)
                try repository.createIndex(on: "ResourceID", of: cls.name, namespace: namespace)
                try fill(cls, from: source)
            }
        }
        return made.map(\.1.name)
    }

    /// One row (GroupID 1) per reporting client — a client that is not obsolete, as for the default classes —
    /// unless the class says `Fill("none")`.
    private func fill(_ cls: CIMClass, from source: CIMClass) throws {
        guard source.qualifiers["Fill"]?.stringValue?.lowercased() != "none" else { return }
        let repository = site.repository, namespace = site.namespace
        let rules = source.properties.compactMap { p in p.qualifiers["Fill"]?.stringValue.map { (p, $0) } }
        let now = CIMValue.datetime(site.clock.now)
        var rows: [CIMInstance] = []
        try repository.forEachInstance(of: "SMS_R_System", namespace: namespace) { system in
            guard system["Client"]?.integerValue == 1, system["Obsolete"]?.integerValue != 1,
                  let id = system["ResourceID"]?.integerValue.flatMap({ UInt32(exactly: $0) }) else { return true }
            var row = CIMInstance(of: cls)
            try row.set("ResourceID", .uint32(id))
            try row.set("GroupID", .uint32(1))
            try row.set("RevisionID", .uint32(1))
            try row.set("AgentID", .uint32(1))
            try row.set("TimeStamp", now)
            for (property, rule) in rules {
                try row.set(property.name, try Self.value(rule, for: property, of: system, id: id, className: cls.name))
            }
            rows.append(row)
            return true
        }
        try repository.putStoredInstances(rows, namespace: namespace)
    }

    /// A rule's value for one system.
    static func value(_ rule: String, for property: CIMProperty, of system: CIMInstance, id: UInt32, className: CIMName) throws -> CIMValue {
        let seed = FleetRandom.fnv1a("\(className).\(property.name):\(id)".utf8)
        let text: String
        if rule.lowercased().hasPrefix("one of ") {
            let choices = rule.dropFirst(7).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !choices.isEmpty else { throw CIMError(.invalidParameter, "Fill(\"\(rule)\") on \(property.name) lists no choices") }
            text = choices[Int(seed % UInt64(choices.count))]
        } else if rule.lowercased().hasPrefix("range "), let dots = rule.range(of: "..") {
            guard let low = Int64(rule[rule.index(rule.startIndex, offsetBy: 6)..<dots.lowerBound].trimmingCharacters(in: .whitespaces)),
                  let high = Int64(rule[dots.upperBound...].trimmingCharacters(in: .whitespaces)), low <= high else {
                throw CIMError(.invalidParameter, "Fill(\"\(rule)\") on \(property.name) is not 'range LOW..HIGH'")
            }
            text = String(low + Int64(seed % UInt64(high - low + 1)))
        } else {
            text = try substitute(rule, from: system, property: property.name)
        }
        do { return try CIMValue.string(text).converted(to: property.type) } catch {
            throw CIMError(error.status, "Fill(\"\(rule)\") on \(property.name) gives '\(text)': \(error.message)")
        }
    }

    /// `{Property}` replaced by the system's value of it as text: a datetime in DMTF form, a boolean true/false, an
    /// array its first element (ResourceNames, IPAddresses: the one a template means), null nothing.
    private static func substitute(_ template: String, from system: CIMInstance, property: CIMName) throws -> String {
        var out = "", rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw CIMError(.invalidParameter, "Fill(\"\(template)\") on \(property) has a '{' that is never closed")
            }
            let name = CIMName(String(rest[rest.index(after: open)..<close]))
            guard system.cimClass.property(named: name) != nil else {
                throw CIMError(.invalidProperty, "Fill(\"\(template)\") on \(property) names \(name), which SMS_R_System does not have")
            }
            var value = system[name] ?? .null
            if case .array(let list) = value { value = list.elements.first ?? .null }
            out += value.displayText
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

extension SiteSchema {
    /// The inventory header as a class of its own, for extensions to copy.
    static var inventoryHeaderClass: String { "class Inventory_Header {\n\(inventoryHeader)\n};" }
}
