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
    /// What one refresh reads many times: every resource by ResourceID, built on first use.
    private let cache = Cache()

    init(repository: CIMRepository, namespace: String, clock: SiteClock) {
        self.repository = repository
        self.namespace = namespace
        self.clock = clock
    }

    private final class Cache {
        var resources: [UInt32: CIMInstance]?
        var rowBuilder: MemberRowBuilder?
    }

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

    /// A query rule the evaluator could not run: the collection keeps the members it had.
    struct RuleFailure: Sendable {
        var collectionID: String
        var ruleName: String
        /// Located in the rule's text: "Win11:1:34: 'Nmae' is not a property of SMS_R_System".
        var reason: String
        var status: CIMStatus
    }

    /// Errors that belong to the statement that set off the evaluation, not to a rule: Ctrl-C, the time limit,
    /// the step budget, the memory limit. They stop the evaluation (and the statement, which is undone).
    static let runLimitStatuses: Set<CIMStatus> = [.callCancelled, .timedOut, .quotaViolation, .outOfMemory]

    /// Evaluates `id`, then every collection that depends on it, each after what it reads. Returns the rules
    /// that could not run (each also recorded as a status message, see ``evaluate(_:)``).
    @discardableResult
    func refresh(_ id: String) throws -> [RuleFailure] {
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
        return try dependencyOrder(all).filter(affected.contains).flatMap { try evaluate(try collection($0)) }
    }

    /// Evaluates every collection, dependencies first (how a new site, or one just loaded with data, starts).
    @discardableResult
    func refreshAll() throws -> [RuleFailure] {
        try dependencyOrder(try allCollections()).flatMap { try evaluate(try collection($0)) }
    }

    /// Collection IDs (upper-cased) ordered so that each follows the collections it depends on. A cycle,
    /// which the rule methods refuse, is broken at an arbitrary point rather than looping.
    private func dependencyOrder(_ all: [CIMInstance]) -> [String] {
        var deps: [String: [String]] = [:]
        var ids: [String] = []
        for c in all {
            guard let cid = c["CollectionID"]?.stringValue?.uppercased() else { continue }
            ids.append(cid)
            deps[cid] = Self.dependencies(of: c).map { $0.uppercased() }
        }
        var order: [String] = [], seen = Set<String>()
        func visit(_ id: String) {
            guard deps[id] != nil, seen.insert(id).inserted else { return }
            for d in deps[id] ?? [] { visit(d) }
            order.append(id)
        }
        ids.forEach(visit)
        return order
    }

    /// Computes one collection's members from its rules and writes them out.
    ///
    /// A query rule that fails when it runs (a class or property gone, a type error) leaves the collection
    /// as it was, as ConfigMgr's evaluator does: the members it had, CurrentStatus 5 (AWAITING_REFRESH —
    /// the refresh is still owed), and an error status message from SMS_COLLECTION_EVALUATOR naming the
    /// collection, the rule and the located reason. The failures are returned for the method that asked.
    func evaluate(_ collection: CIMInstance) throws -> [RuleFailure] {
        guard let id = collection["CollectionID"]?.stringValue else { return [] }
        var members: [UInt32: Bool] = [:]  // ResourceID → added by a direct rule
        var resources: [UInt32: CIMInstance] = [:]
        var excluded = Set<UInt32>()
        for rule in Self.rules(of: collection) {
            switch rule.className.string.lowercased() {
            case "sms_collectionrulequery":
                guard let text = rule["QueryExpression"]?.stringValue else { continue }
                let ruleName = rule["RuleName"]?.stringValue ?? "query"
                let selected: [CIMInstance]
                switch selection(by: text, ruleName: ruleName) {
                case .success(let instances): selected = instances
                case .failure(let d):
                    if Self.runLimitStatuses.contains(d.status) { throw CIMError(d.status, d.message) }
                    let failure = RuleFailure(collectionID: id, ruleName: ruleName, reason: "\(d.location): \(d.message)", status: d.status)
                    try recordFailure(failure, of: collection)
                    return [failure]
                }
                for resource in selected {
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
        return []
    }

    /// The collection waits for a refresh that works, and a status message says why.
    private func recordFailure(_ failure: RuleFailure, of collection: CIMInstance) throws {
        var updated = collection
        try updated.set("CurrentStatus", .uint32(5))  // AWAITING_REFRESH
        try repository.modifyInstance(updated, namespace: namespace)
        try StatusMessages(repository: repository, namespace: namespace, clock: clock).raise(StatusMessage(
            component: "SMS_COLLECTION_EVALUATOR", messageID: StatusMessages.ruleFailedMessageID, severity: .error,
            strings: [failure.ruleName, collection["Name"]?.stringValue ?? "", failure.collectionID, failure.reason, failure.status.name],
            attributes: [(.collectionID, failure.collectionID)]))
    }

    /// The resources a query rule selects: the rows of its FROM class that its joins and WHERE keep.
    func resourcesSelected(by text: String, ruleName: String?) throws(Diagnostic) -> [CIMInstance] {
        try queryInterpreter().fromInstances(of: StoredQuery(text, fileName: ruleName ?? "query"))
    }

    private func selection(by text: String, ruleName: String) -> Result<[CIMInstance], Diagnostic> {
        do { return .success(try resourcesSelected(by: text, ruleName: ruleName)) } catch { return .failure(error) }
    }

    /// An interpreter for a rule's query: this site's repository and namespace, GetDate() on the site clock,
    /// and the limits of the statement that set off the evaluation (Ctrl-C, time, steps, memory).
    func queryInterpreter() -> Interpreter {
        let interpreter = Interpreter(repository: repository, namespace: namespace)
        interpreter.inheritLimitsOfCurrentRun()
        let clock = self.clock
        interpreter.clockOverride = { clock.now }
        return interpreter
    }

    func storedMemberIDs(_ collectionID: String) throws -> Set<UInt32> {
        Set(try rowsByResource(Self.membershipClass, of: collectionID).keys)
    }

    /// A collection's rows of a membership class (SMS_FullCollectionMembership or SMS_CollectionMember_a), by
    /// ResourceID, through the CollectionID index.
    private func rowsByResource(_ className: CIMName, of collectionID: String) throws -> [UInt32: CIMInstance] {
        var rows: [UInt32: CIMInstance] = [:]
        for row in try repository.instances(of: className, where: "CollectionID", equals: .string(collectionID), namespace: namespace) {
            if let rid = row["ResourceID"].flatMap(Self.uint32) { rows[rid] = row }
        }
        return rows
    }

    /// The resource (system, user, group) with this ResourceID. The first call indexes them all: a refresh
    /// looks up every member of every collection it evaluates.
    func resource(_ id: UInt32) -> CIMInstance? {
        if cache.resources == nil {
            var index: [UInt32: CIMInstance] = [:]
            try? repository.forEachInstance(of: "SMS_Resource", namespace: namespace) { r in
                if let rid = Self.resourceID(r) { index[rid] = r }
                return true
            }
            cache.resources = index
        }
        return cache.resources?[id]
    }

    static func resourceID(_ resource: CIMInstance) -> UInt32? { resource["ResourceID"].flatMap(uint32) }

    static func uint32(_ v: CIMValue) -> UInt32? { v.integerValue.flatMap { UInt32(exactly: $0) } }

    // MARK: - Writing the membership

    /// Brings the membership rows of one collection to `members`: creates, updates and deletes only what
    /// differs, then stamps MemberCount and the refresh times on the collection. Rows are built slot by slot
    /// and stored in bulk (the membership classes have no hooks); the changes are still part of the statement's
    /// transaction, so a failure later in the statement undoes them.
    private func write(_ members: [UInt32: Bool], _ resources: [UInt32: CIMInstance], of collection: CIMInstance, id: String) throws {
        if cache.rowBuilder == nil {
            cache.rowBuilder = try MemberRowBuilder(try repository.requireClass(Self.membershipClass, namespace: namespace),
                                                    try repository.requireClass(Self.memberAssociation, namespace: namespace))
        }
        let builder = cache.rowBuilder!
        var current = try rowsByResource(Self.membershipClass, of: id), currentLinks = try rowsByResource(Self.memberAssociation, of: id)
        var rows: [CIMInstance] = [], links: [CIMInstance] = []
        let idValue = CIMValue.string(id), collectionPath = CIMValue.reference(collection.path)
        for (rid, isDirect) in members.sorted(by: { $0.key < $1.key }) {
            guard let resource = resources[rid] ?? self.resource(rid) else { continue }
            let row = try builder.row(resource, collectionID: idValue, isDirect: isDirect)
            let rowChanged = current.removeValue(forKey: rid) != row
            let hadLink = currentLinks.removeValue(forKey: rid) != nil
            guard rowChanged || !hadLink else { continue }  // the link carries nothing the row does not
            if rowChanged { rows.append(row) }
            links.append(try builder.link(resource, collectionID: idValue, isDirect: isDirect, collectionPath: collectionPath))
        }
        try repository.putStoredInstances(rows, namespace: namespace)
        try repository.putStoredInstances(links, namespace: namespace)
        for row in Array(current.values) + Array(currentLinks.values) { try repository.deleteInstance(at: row.path, namespace: namespace) }
        let changed = !rows.isEmpty || !current.isEmpty
        var updated = try self.collection(id)
        let now = CIMValue.datetime(clock.now)
        try updated.set("MemberCount", .sint32(Int32(clamping: members.count)))
        try updated.set("LocalMemberCount", .sint32(Int32(clamping: members.count)))
        try updated.set("LastRefreshTime", now)
        if changed { try updated.set("LastMemberChangeTime", now) }
        try updated.set("CurrentStatus", .uint32(1))  // READY
        try repository.modifyInstance(updated, namespace: namespace)
    }
}

/// Builds a member's SMS_FullCollectionMembership row and SMS_CollectionMember_a link from its discovery
/// record, slot by slot. Every slot is found once — those of the two membership classes when the builder is
/// made, those of each resource class the first time one of its instances comes by — so a refresh of 100,000
/// members looks up no names.
private final class MemberRowBuilder {
    let membership: CIMClass, association: CIMClass

    /// The member properties copied from the discovery record, each with the properties it comes from (the
    /// first one set wins).
    static let copied: [(member: CIMName, from: [CIMName])] = [
        ("ResourceID", ["ResourceID"]), ("Name", ["NetbiosName", "Name"]), ("Domain", ["ResourceDomainORWorkgroup", "WindowsNTDomain"]),
        ("ResourceType", ["ResourceType"]), ("SMSID", ["SMSUniqueIdentifier"]), ("ClientType", ["ClientType"]),
        ("ClientVersion", ["ClientVersion"]),
    ]
    /// Member flags read from 0/1 (or boolean) discovery properties.
    static let flags: [(member: CIMName, from: CIMName)] = [
        ("IsClient", "Client"), ("IsActive", "Active"), ("IsObsolete", "Obsolete"), ("IsDecommissioned", "Decommissioned"),
        ("IsVirtualMachine", "IsVirtualMachine"), ("IsAlwaysInternet", "AlwaysInternet"), ("IsInternetEnabled", "InternetEnabled"),
    ]

    /// Where a member property goes in the row and in the link (nil: that class has no such property).
    private struct Target { let row: Int?, link: Int? }
    private let copiedTargets: [Target], flagTargets: [Target]
    private let collectionID: Target, isDirect: Target, siteCode: Target, isAssigned: Target
    private let collectionRef: Int, resourceRef: Int

    /// Where a resource class keeps what the rows copy.
    private struct SourceSlots { let copied: [[Int]], flags: [Int?], assignedSites: Int? }
    private var sources: [ObjectIdentifier: SourceSlots] = [:]

    init(_ membership: CIMClass, _ association: CIMClass) throws {
        self.membership = membership
        self.association = association
        func target(_ name: CIMName) -> Target { Target(row: membership.slot(of: name), link: association.slot(of: name)) }
        copiedTargets = Self.copied.map { target($0.member) }
        flagTargets = Self.flags.map { target($0.member) }
        (collectionID, isDirect, siteCode, isAssigned) = (target("CollectionID"), target("IsDirect"), target("SiteCode"), target("IsAssigned"))
        guard let c = association.slot(of: "collection"), let r = association.slot(of: "resource") else {
            throw CIMError(.invalidClass, "\(association.name) lacks its collection and resource references.")
        }
        (collectionRef, resourceRef) = (c, r)
    }

    private func slots(of cls: CIMClass) -> SourceSlots {
        if let known = sources[ObjectIdentifier(cls)] { return known }
        let made = SourceSlots(copied: Self.copied.map { $0.from.compactMap { cls.slot(of: $0) } },
                               flags: Self.flags.map { cls.slot(of: $0.from) }, assignedSites: cls.slot(of: "SMSAssignedSites"))
        sources[ObjectIdentifier(cls)] = made
        return made
    }

    /// The member's row, with the values its link shares.
    func row(_ r: CIMInstance, collectionID id: CIMValue, isDirect direct: Bool) throws -> CIMInstance {
        try CIMInstance(of: membership, slotValues: values(r, id, direct, \.row, membership.defaultValues))
    }

    /// The member's link from the collection (at `collectionPath`) to the resource.
    func link(_ r: CIMInstance, collectionID id: CIMValue, isDirect direct: Bool, collectionPath: CIMValue) throws -> CIMInstance {
        var v = values(r, id, direct, \.link, association.defaultValues)
        v[collectionRef] = collectionPath
        v[resourceRef] = .reference(r.path)
        return try CIMInstance(of: association, slotValues: v)
    }

    private func values(_ r: CIMInstance, _ id: CIMValue, _ direct: Bool, _ side: KeyPath<Target, Int?>, _ start: [CIMValue]) -> [CIMValue] {
        let source = slots(of: r.cimClass)
        var v = start
        func put(_ t: Target, _ value: CIMValue) { if let slot = t[keyPath: side] { v[slot] = value } }
        put(collectionID, id)
        put(isDirect, .boolean(direct))
        for (t, candidates) in zip(copiedTargets, source.copied) {
            put(t, candidates.lazy.map { r[slot: $0] }.first { !$0.isNull } ?? .null)
        }
        for (t, slot) in zip(flagTargets, source.flags) {
            guard let slot else { continue }
            let x = r[slot: slot]
            put(t, x.boolValue.map(CIMValue.boolean) ?? x.integerValue.map { .boolean($0 != 0) } ?? .null)
        }
        var site = CIMValue.null
        if let slot = source.assignedSites, case .array(let sites) = r[slot: slot], let first = sites.elements.first { site = first }
        put(siteCode, site)
        put(isAssigned, .boolean(!site.isNull))
        return v
    }
}
