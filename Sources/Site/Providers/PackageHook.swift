// PackageHook: what the SMS Provider does when a package is created or changed — assigns the next
// PackageID with the site's prefix (S0100005 …), stamps source site and dates, keeps PackageID read-only —
// and what follows a package made, changed or deleted: its content information and the task sequence
// references that name it.
import CIM

struct PackageHook: InstanceHook {
    weak let site: SimulatedSite?

    func didChange(_ change: InstanceChange, in context: HookContext) throws {
        guard let site else { return }
        let package: CIMInstance
        switch change {
        case .create(let p), .modify(_, let p), .delete(let p): package = p
        }
        guard let id = package["PackageID"]?.stringValue else { return }
        // Name, source version and size show in the package's content information whether or not it is on a DP.
        try ContentStatusViews(repository: context.repository, namespace: context.namespace, clock: site.clock)
            .refreshContentInformation(package: id)
        let references = TaskSequenceReferences(repository: context.repository, namespace: context.namespace)
        if case .delete = change { try references.packageDeleted(package) } else { try references.packageChanged(package) }
    }

    func validate(_ change: InstanceChange, proposed: inout CIMInstance?, in context: HookContext) throws {
        guard let site, case .create = change, var p = proposed else { return }
        if p["PackageID"]?.isNull ?? true {
            try p.set("PackageID", .string(try SiteGeneratedID.next(context.repository, className: "SMS_PackageBaseclass", property: "PackageID", prefix: site.siteCode)))
        }
        if p["SourceSite"]?.isNull ?? true { try p.set("SourceSite", .string(site.siteCode)) }
        if p["SourceVersion"]?.isNull ?? true { try p.set("SourceVersion", .uint32(1)) }
        let now = CIMValue.datetime(site.clock.now)
        if p["SourceDate"]?.isNull ?? true { try p.set("SourceDate", now) }
        if p["LastRefreshTime"]?.isNull ?? true { try p.set("LastRefreshTime", now) }
        proposed = p
    }
}

/// IDs the SMS Provider generates: the site code followed by five hex digits (S0100005), one more than the
/// highest such ID of the class in use. Packages and collections are numbered this way.
enum SiteGeneratedID {
    static func next(_ repo: CIMRepository, className: CIMName, property: CIMName, prefix: String) throws -> String {
        var highest = 0
        try repo.forEachInstance(of: className) { p in
            if let id = p[property]?.stringValue, id.count == prefix.count + 5, id.uppercased().hasPrefix(prefix.uppercased()),
               let n = Int(id.dropFirst(prefix.count), radix: 16) {
                highest = max(highest, n)
            }
            return true
        }
        guard highest < 0xFFFFF else { throw CIMError(.quotaViolation, "Site \(prefix) has used every \(className) ID.") }
        let hex = String(highest + 1, radix: 16, uppercase: true)
        return prefix.uppercased() + String(repeating: "0", count: 5 - hex.count) + hex
    }
}
