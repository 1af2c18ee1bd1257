// CollectionHook: what the SMS Provider does when a collection is created, changed or deleted — assigns the
// next CollectionID, checks and names the limiting collection, re-evaluates membership when the rules or the
// limit change, refuses to delete a built-in collection or one that others read, and drops its members.
import CIM

struct CollectionHook: InstanceHook {
    weak let site: SimulatedSite?

    private func evaluator(_ context: HookContext) -> CollectionEvaluator {
        CollectionEvaluator(repository: context.repository, namespace: context.namespace, clock: site?.clock ?? SiteClock())
    }

    func validate(_ change: InstanceChange, proposed: inout CIMInstance?, in context: HookContext) throws {
        guard let site else { return }
        let evaluator = evaluator(context)
        switch change {
        case .create:
            guard var c = proposed else { return }
            if c["CollectionID"]?.isNull ?? true {
                try c.set("CollectionID", .string(try SiteGeneratedID.next(context.repository, className: "SMS_Collection",
                                                                           property: "CollectionID", prefix: site.siteCode)))
            }
            let builtIn = c["IsBuiltIn"]?.boolValue ?? false
            if c["CollectionType"]?.isNull ?? true { try c.set("CollectionType", .uint32(2)) }  // DEVICE
            if c["IsBuiltIn"]?.isNull ?? true { try c.set("IsBuiltIn", .boolean(false)) }
            if c["OwnedByThisSite"]?.isNull ?? true { try c.set("OwnedByThisSite", .boolean(true)) }
            if c["RefreshType"]?.isNull ?? true { try c.set("RefreshType", .uint32(2)) }  // PERIODIC
            for name in ["MemberCount", "LocalMemberCount", "IncludeExcludeCollectionsCount"] where c[CIMName(name)]?.isNull ?? true { try c.set(CIMName(name), .sint32(0)) }
            if c["CurrentStatus"]?.isNull ?? true { try c.set("CurrentStatus", .uint32(1)) }
            if c["LastChangeTime"]?.isNull ?? true { try c.set("LastChangeTime", .datetime(site.clock.now)) }
            let limit = c["LimitToCollectionID"]?.stringValue ?? ""
            if limit.isEmpty && !builtIn {
                throw CIMError(.invalidParameter, "SMS_Collection.LimitToCollectionID is required: every collection is limited by another, e.g. SMS00001 (All Systems).")
            }
            try nameLimit(&c, evaluator)
            proposed = c
        case .modify(let old, _):
            guard var c = proposed else { return }
            let id = c["CollectionID"]?.stringValue ?? ""
            if old["LimitToCollectionID"] != c["LimitToCollectionID"] {
                if let limit = c["LimitToCollectionID"]?.stringValue, !limit.isEmpty, try evaluator.wouldCycle(parent: id, child: limit) {
                    throw CIMError(.invalidParameter, "Collection \(limit) already depends on \(id): limiting \(id) by it would make a circular dependency.")
                }
                try nameLimit(&c, evaluator)
                proposed = c
            }
        case .delete(let c):
            let id = c["CollectionID"]?.stringValue ?? ""
            if c["IsBuiltIn"]?.boolValue == true {
                throw CIMError(.accessDenied, "Collection \(id) is built in and cannot be deleted.")
            }
            let readers = try evaluator.allCollections().filter { other in
                CollectionEvaluator.dependencies(of: other).contains { $0.caseInsensitiveCompare(id) == .orderedSame }
            }.compactMap { $0["CollectionID"]?.stringValue }
            if !readers.isEmpty {
                throw CIMError(.invalidOperation, "Collection \(id) is the limiting, included or excluded collection of \(readers.joined(separator: ", ")); change those first.")
            }
        }
    }

    func didChange(_ change: InstanceChange, in context: HookContext) throws {
        let evaluator = evaluator(context)
        switch change {
        case .create:
            // A new collection has no members until its first refresh or rule change, as in ConfigMgr — and
            // a site reloaded from MOF brings its stored membership with it.
            return
        case .modify(let old, let new):
            // The evaluator's own write changes only counts and times, so this does not recurse.
            guard old["CollectionRules"] != new["CollectionRules"] || old["LimitToCollectionID"] != new["LimitToCollectionID"],
                  let id = new["CollectionID"]?.stringValue else { return }
            try evaluator.refresh(id)
        case .delete(let c):
            guard let id = c["CollectionID"]?.stringValue else { return }
            for className in [CollectionEvaluator.membershipClass, CollectionEvaluator.memberAssociation] {
                for row in try context.repository.instances(of: className, where: "CollectionID", equals: .string(id), namespace: context.namespace) {
                    try context.repository.deleteInstance(at: row.path, namespace: context.namespace)
                }
            }
        }
    }

    /// Fills LimitToCollectionName from LimitToCollectionID, which must name an existing collection.
    private func nameLimit(_ c: inout CIMInstance, _ evaluator: CollectionEvaluator) throws {
        guard let limit = c["LimitToCollectionID"]?.stringValue, !limit.isEmpty else { return }
        let limiting = try evaluator.collection(limit)
        try c.set("LimitToCollectionName", limiting["Name"] ?? .null)
    }
}
