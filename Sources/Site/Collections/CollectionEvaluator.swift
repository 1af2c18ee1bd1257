// CollectionEvaluator: ConfigMgr's collection evaluator in-process — turns a collection's membership rules
// into members, and keeps SMS_FullCollectionMembership, SMS_CollectionMember_a and MemberCount in step.
//
// A collection's members are
//     limit ∩ ((query results ∪ direct members ∪ included collections' members) − excluded collections' members)
// where `limit` is the members of LimitToCollectionID (no limit for a collection without one, such as the
// built-in All Systems). Referenced collections contribute their stored membership, as in ConfigMgr, so
// after a collection changes, every collection that depends on it is evaluated again, dependencies first.
import CIM
import Foundation
import Script

struct CollectionEvaluator {
    let repository: CIMRepository
    let namespace: String
    let clock: SiteClock

    static let collectionClass: CIMName = "SMS_Collection"
    static let membershipClass: CIMName = "SMS_FullCollectionMembership"
    static let memberAssociation: CIMName = "SMS_CollectionMember_a"

    /// A collection's rules: the embedded SMS_CollectionRule instances of CollectionRules.
    static func rules(of collection: CIMInstance) -> [CIMInstance] {
        guard case .array(let a)? = collection["CollectionRules"] else { return [] }
        return a.elements.compactMap { if case .object(let rule) = $0 { rule } else { nil } }
    }

    /// The collections a collection reads: its limiting collection, then the included and excluded ones.
    static func dependencies(of collection: CIMInstance) -> [String] {
        var ids: [String] = []
        if let limit = collection["LimitToCollectionID"]?.stringValue, !limit.isEmpty { ids.append(limit) }
        for rule in rules(of: collection) {
            if let id = (rule["IncludeCollectionID"] ?? rule["ExcludeCollectionID"])?.stringValue { ids.append(id) }
        }
        return ids
    }

    func collection(_ id: String) throws -> CIMInstance {
        do {
            return try repository.instance(at: ObjectPath(className: Self.collectionClass, keys: [.init("CollectionID", .string(id))]),
                                           namespace: namespace)
        } catch {
            throw CIMError(.notFound, "Collection \(id) does not exist.")
        }
    }

    func allCollections() throws -> [CIMInstance] {
        try repository.instances(of: Self.collectionClass, namespace: namespace)
    }

    // MARK: - Dependencies

    /// True when `child` already depends on `parent` (directly or through others), or is it: making `parent`
    /// read `child` would then close a cycle.
    func wouldCycle(parent: String, child: String) throws -> Bool {
        var byID: [String: CIMInstance] = [:]
        for c in try allCollections() { if let id = c["CollectionID"]?.stringValue { byID[id.uppercased()] = c } }
        var stack = [child.uppercased()], seen = Set<String>()
        while let id = stack.popLast() {
            if id == parent.uppercased() { return true }
            guard seen.insert(id).inserted, let c = byID[id] else { continue }
            stack += Self.dependencies(of: c).map { $0.uppercased() }
        }
        return false
    }

    // MARK: - Evaluation

    /// Evaluates `id`, then every collection that depends on it, each after what it reads.
    func refresh(_ id: String) throws {
        let all = try allCollections()
        var dependents: [String: [String]] = [:]
        for c in all {
            guard let cid = c["CollectionID"]?.stringValue?.uppercased() else { continue }
            for d in Self.dependencies(of: c) { dependents[d.uppercased(), default: []].append(cid) }
        }
        // The affected collections, in an order where each comes after the collections it reads.
        var affected = Set<String>(), stack = [id.uppercased()]
        while let next = stack.popLast() {
            guard affected.insert(next).inserted else { continue }
            stack += dependents[next] ?? []
        }
        for cid in try dependencyOrder(all).filter(affected.contains) { try evaluate(try collection(cid)) }
    }

    /// Evaluates every collection, dependencies first (how a new site, or one just loaded with data, starts).
    func refreshAll() throws {
        for cid in try dependencyOrder(try allCollections()) { try evaluate(try collection(cid)) }
    }

    /// Collection IDs (upper-cased) ordered so that each follows the collections it depends on. A cycle,
    /// which the rule methods refuse, is broken at an arbitrary point rather than looping.
    private func dependencyOrder(_ all: [CIMInstance]) throws -> [String] {
        var deps: [String: [String]] = [:]
        var ids: [String] = []
        for c in all {
            guard let cid = c["CollectionID"]?.stringValue?.uppercased() else { continue }
            ids.append(cid)
            deps[cid] = Self.dependencies(of: c).map { $0.uppercased() }
        }
        var order: [String] = [], state: [String: Bool] = [:]  // false: visiting, true: done
        func visit(_ id: String) {
            guard state[id] == nil, deps[id] != nil else { return }
            state[id] = false
            for d in deps[id] ?? [] { visit(d) }
            state[id] = true
            order.append(id)
        }
        ids.forEach(visit)
        return order
    }

    /// Computes one collection's members from its rules and writes them out.
    func evaluate(_ collection: CIMInstance) throws {
        guard let id = collection["CollectionID"]?.stringValue else { return }
        var members: [UInt32: Bool] = [:]  // ResourceID → added by a direct rule
        var resources: [UInt32: CIMInstance] = [:]
        var excluded = Set<UInt32>()
        for rule in Self.rules(of: collection) {
            switch rule.className.string.lowercased() {
            case "sms_collectionrulequery":
                guard let text = rule["QueryExpression"]?.stringValue else { continue }
                // A rule whose query no longer runs (a class or property gone) adds no members, as in ConfigMgr.
                for resource in (try? resourcesSelected(by: text, ruleName: rule["RuleName"]?.stringValue)) ?? [] {
                    guard let rid = Self.resourceID(resource) else { continue }
                    resources[rid] = resource
                    members[rid] = members[rid] ?? false
                }
            case "sms_collectionruledirect":
                guard let rid = rule["ResourceID"].flatMap(Self.uint32), let resource = self.resource(rid) else { continue }
                resources[rid] = resource
                members[rid] = true
            case "sms_collectionruleincludecollection":
                guard let other = rule["IncludeCollectionID"]?.stringValue else { continue }
                for rid in try storedMemberIDs(other) where members[rid] == nil { members[rid] = false }
            case "sms_collectionruleexcludecollection":
                guard let other = rule["ExcludeCollectionID"]?.stringValue else { continue }
                excluded.formUnion(try storedMemberIDs(other))
            default:
                continue
            }
        }
        for rid in excluded { members[rid] = nil }
        if let limit = collection["LimitToCollectionID"]?.stringValue, !limit.isEmpty {
            _ = try self.collection(limit)  // a limit that does not exist is an error, not "no limit"
            let allowed = try storedMemberIDs(limit)
            members = members.filter { allowed.contains($0.key) }
        }
        try write(members, resources, of: collection, id: id)
    }

    /// The resources a query rule selects: the rows of its FROM class that its joins and WHERE keep.
    func resourcesSelected(by text: String, ruleName: String?) throws -> [CIMInstance] {
        let stored = try StoredQuery(text, fileName: ruleName ?? "query")
        let interpreter = Interpreter(repository: repository, namespace: namespace)
        let clock = self.clock
        interpreter.clockOverride = { clock.now }
        return try interpreter.fromInstances(of: stored)
    }

    func storedMemberIDs(_ collectionID: String) throws -> Set<UInt32> {
        let rows = try repository.instances(of: Self.membershipClass, where: "CollectionID", equals: .string(collectionID), namespace: namespace)
        return Set(rows.compactMap { $0["ResourceID"].flatMap(Self.uint32) })
    }

    func resource(_ id: UInt32) -> CIMInstance? {
        try? repository.instance(at: ObjectPath(className: "SMS_Resource", keys: [.init("ResourceID", .uint32(id))]), namespace: namespace)
    }

    static func resourceID(_ resource: CIMInstance) -> UInt32? { resource["ResourceID"].flatMap(uint32) }

    static func uint32(_ v: CIMValue) -> UInt32? { v.integerValue.flatMap { UInt32(exactly: $0) } }

    // MARK: - Writing the membership

    /// Brings the membership rows of one collection to `members`: creates, updates and deletes only what
    /// differs, then stamps MemberCount and the refresh times on the collection.
    private func write(_ members: [UInt32: Bool], _ resources: [UInt32: CIMInstance], of collection: CIMInstance, id: String) throws {
        let membershipClass = try repository.requireClass(Self.membershipClass, namespace: namespace)
        let associationClass = try repository.requireClass(Self.memberAssociation, namespace: namespace)
        var current: [UInt32: CIMInstance] = [:]
        for row in try repository.instances(of: Self.membershipClass, where: "CollectionID", equals: .string(id), namespace: namespace) {
            if let rid = row["ResourceID"].flatMap(Self.uint32) { current[rid] = row }
        }
        var currentLinks: [UInt32: CIMInstance] = [:]
        for row in try repository.instances(of: Self.memberAssociation, where: "CollectionID", equals: .string(id), namespace: namespace) {
            if let rid = row["ResourceID"].flatMap(Self.uint32) { currentLinks[rid] = row }
        }
        var changed = false
        func link(_ fields: [(CIMName, CIMValue)], _ resource: CIMInstance) throws -> CIMInstance {
            var link = try CIMInstance(of: associationClass, properties: fields.filter { associationClass.property(named: $0.0) != nil })
            try link.set("collection", .reference(collection.path))
            try link.set("resource", .reference(resource.path))
            return link
        }
        for (rid, isDirect) in members.sorted(by: { $0.key < $1.key }) {
            guard let resource = resources[rid] ?? self.resource(rid) else { continue }
            let fields = Self.memberFields(resource, collectionID: id, isDirect: isDirect)
            let row = try CIMInstance(of: membershipClass, properties: fields)
            if let existing = current.removeValue(forKey: rid) {
                guard existing != row else { continue }
                try repository.modifyInstance(row, namespace: namespace)
                try repository.modifyInstance(try link(fields, resource), namespace: namespace)
            } else {
                try repository.createInstance(row, namespace: namespace)
                try repository.createInstance(try link(fields, resource), namespace: namespace)
            }
            changed = true
        }
        for (rid, row) in current {
            try repository.deleteInstance(at: row.path, namespace: namespace)
            if let link = currentLinks[rid] { try repository.deleteInstance(at: link.path, namespace: namespace) }
            changed = true
        }
        var updated = try self.collection(id)
        let now = CIMValue.datetime(clock.now)
        try updated.set("MemberCount", .sint32(Int32(clamping: members.count)))
        try updated.set("LocalMemberCount", .sint32(Int32(clamping: members.count)))
        try updated.set("LastRefreshTime", now)
        if changed { try updated.set("LastMemberChangeTime", now) }
        try updated.set("CurrentStatus", .uint32(1))  // READY
        try repository.modifyInstance(updated, namespace: namespace)
    }

    /// What SMS_FullCollectionMembership says about a member, read off its discovery record.
    static func memberFields(_ r: CIMInstance, collectionID: String, isDirect: Bool) -> [(CIMName, CIMValue)] {
        func flag(_ name: CIMName) -> CIMValue {
            guard let v = r[name], !v.isNull else { return .null }
            if let b = v.boolValue { return .boolean(b) }
            return v.integerValue.map { .boolean($0 != 0) } ?? .null
        }
        let name = r["NetbiosName"].flatMap { $0.isNull ? nil : $0 } ?? r["Name"] ?? .null
        let domain = [r["ResourceDomainORWorkgroup"], r["WindowsNTDomain"]].compactMap { $0 }.first { !$0.isNull } ?? .null
        var siteCode = CIMValue.null
        if case .array(let sites)? = r["SMSAssignedSites"], let first = sites.elements.first { siteCode = first }
        var fields: [(CIMName, CIMValue)] = [
            ("CollectionID", .string(collectionID)), ("ResourceID", r["ResourceID"] ?? .null), ("Name", name),
            ("Domain", domain), ("IsDirect", .boolean(isDirect)), ("IsClient", flag("Client")),
            ("IsActive", flag("Active")), ("IsObsolete", flag("Obsolete")), ("IsDecommissioned", flag("Decommissioned")),
            ("IsVirtualMachine", flag("IsVirtualMachine")), ("IsAlwaysInternet", flag("AlwaysInternet")),
            ("IsInternetEnabled", flag("InternetEnabled")), ("ResourceType", r["ResourceType"] ?? .null),
            ("SiteCode", siteCode), ("SMSID", r["SMSUniqueIdentifier"] ?? .null),
            ("IsAssigned", .boolean(!siteCode.isNull)),
        ]
        if let clientType = r["ClientType"], !clientType.isNull { fields.append(("ClientType", clientType)) }
        if let version = r["ClientVersion"], !version.isNull { fields.append(("ClientVersion", version)) }
        return fields
    }
}
