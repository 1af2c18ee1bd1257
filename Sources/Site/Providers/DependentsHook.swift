// DependentsHook: what the SMS Provider removes along with an object, so nothing is left pointing at it —
// a package's placements and statuses, a distribution point's placements, a resource's memberships and
// inventory. Runs inside the deleting statement, so it all goes or none of it does.
import CIM

struct DependentsHook: InstanceHook {
    weak let site: SimulatedSite?

    func didChange(_ change: InstanceChange, in context: HookContext) throws {
        guard case .delete(let object) = change, let site else { return }
        let remover = Remover(site: site, context: context)
        let lineage = Set(object.cimClass.lineage.map(\.name))
        if lineage.contains("SMS_PackageBaseclass"), let id = object["PackageID"] {
            try remover.packageDependents(id)
        } else if lineage.contains("SMS_Resource"), let id = object["ResourceID"] {
            try remover.resourceDependents(id)
        } else if object.className == "SMS_SystemResourceList", object["RoleName"]?.stringValue == "SMS Distribution Point",
                  let nal = object["NALPath"]?.stringValue {
            try remover.distributionPointDependents(nal)
        }
    }
}

private struct Remover {
    let site: SimulatedSite
    let context: HookContext
    var repository: CIMRepository { context.repository }

    /// Rows of `className` whose `property` equals `value` (none when the class is not in the schema).
    func rows(_ className: CIMName, _ property: CIMName, _ value: CIMValue) throws -> [CIMInstance] {
        guard repository.cimClass(named: className, namespace: context.namespace) != nil else { return [] }
        return try repository.instances(of: className, where: property, equals: value, namespace: context.namespace)
    }

    func delete(_ rows: [CIMInstance]) throws {
        for row in rows where (try? repository.instance(at: row.path, namespace: context.namespace)) != nil {
            try repository.deleteInstance(at: row.path, namespace: context.namespace)
        }
    }

    /// A placement goes for good, not through the DP hook's REMOVAL_PENDING: its package is gone.
    func deletePlacements(_ placements: [CIMInstance]) throws {
        for dp in placements {
            try site.removingForGood(dp.path) { try repository.deleteInstance(at: dp.path, namespace: context.namespace) }
            try delete([try? repository.instance(at: ObjectPath(className: "SMS_PackageStatusDistPointsSummarizer", keys: dp.path.keys),
                                                  namespace: context.namespace)].compactMap { $0 })
        }
    }

    func packageDependents(_ id: CIMValue) throws {
        try deletePlacements(try rows("SMS_DistributionPoint", "PackageID", id))
        try delete(try rows("SMS_PackageStatusDistPointsSummarizer", "PackageID", id))
        try delete(try rows("SMS_DistributionDPStatus", "PackageID", id))
        try delete(try rows("SMS_DPGroupPackages", "PkgID", id))
        try delete(try rows("SMS_PackageToContent", "PackageID", id))
    }

    /// The server's placements, statuses and group memberships (NAL paths compared by server, as the
    /// distribution provider does).
    func distributionPointDependents(_ nal: String) throws {
        guard let server = (try? NALPath(parsing: nal))?.server else { return }
        func onServer(_ row: CIMInstance, _ property: CIMName) -> Bool {
            guard let text = row[property]?.stringValue, let other = (try? NALPath(parsing: text))?.server else { return false }
            return NALPath.sameServer(server, other)
        }
        try deletePlacements(try repository.instances(of: "SMS_DistributionPoint", namespace: context.namespace).filter { onServer($0, "ServerNALPath") })
        try delete(try repository.instances(of: "SMS_PackageStatusDistPointsSummarizer", namespace: context.namespace).filter { onServer($0, "ServerNALPath") })
        try delete(try repository.instances(of: "SMS_DPGroupMembers", namespace: context.namespace).filter { onServer($0, "DPNALPath") })
    }

    /// Its collection memberships (each collection's counts follow) and its inventory.
    func resourceDependents(_ id: CIMValue) throws {
        let memberships = try rows(CollectionEvaluator.membershipClass, "ResourceID", id)
        try delete(memberships)
        try delete(try rows(CollectionEvaluator.memberAssociation, "ResourceID", id))
        for cls in repository.classes(namespace: context.namespace)
        where cls.name.string.hasPrefix("SMS_G_") && cls.property(named: "ResourceID") != nil && !cls.isAbstract {
            try delete(try rows(cls.name, "ResourceID", id))
        }
        // Counts as the evaluator keeps them; rules are not re-run (the resource is simply gone).
        let evaluator = CollectionEvaluator(repository: repository, namespace: context.namespace, clock: site.clock)
        for collectionID in Set(memberships.compactMap { $0["CollectionID"]?.stringValue }) {
            guard var collection = try? evaluator.collection(collectionID) else { continue }
            let count = Int32(clamping: try evaluator.storedMemberIDs(collectionID).count)
            try collection.set("MemberCount", .sint32(count))
            try collection.set("LocalMemberCount", .sint32(count))
            try collection.set("LastMemberChangeTime", .datetime(site.clock.now))
            try repository.modifyInstance(collection, namespace: context.namespace)
        }
    }
}
