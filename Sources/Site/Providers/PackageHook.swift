// PackageHook: what the SMS Provider does when a package is created or changed — assigns the next
// PackageID with the site's prefix (S0100005 …), stamps source site and dates, keeps PackageID read-only.
import CIM

struct PackageHook: InstanceHook {
    weak let site: SimulatedSite?

    func validate(_ change: InstanceChange, proposed: inout CIMInstance?, in context: HookContext) throws {
        guard let site, case .create = change, var p = proposed else { return }
        if p["PackageID"]?.isNull ?? true {
            try p.set("PackageID", .string(try nextPackageID(context.repository, prefix: site.siteCode)))
        }
        if p["SourceSite"]?.isNull ?? true { try p.set("SourceSite", .string(site.siteCode)) }
        if p["SourceVersion"]?.isNull ?? true { try p.set("SourceVersion", .uint32(1)) }
        let now = CIMValue.datetime(site.clock.now)
        if p["SourceDate"]?.isNull ?? true { try p.set("SourceDate", now) }
        if p["LastRefreshTime"]?.isNull ?? true { try p.set("LastRefreshTime", now) }
        proposed = p
    }

    /// The site code followed by five hex digits, one more than the highest such ID in use.
    func nextPackageID(_ repo: CIMRepository, prefix: String) throws -> String {
        var highest = 0
        try repo.forEachInstance(of: "SMS_PackageBaseclass") { p in
            if let id = p["PackageID"]?.stringValue, id.count == prefix.count + 5, id.uppercased().hasPrefix(prefix.uppercased()),
               let n = Int(id.dropFirst(prefix.count), radix: 16) {
                highest = max(highest, n)
            }
            return true
        }
        guard highest < 0xFFFFF else { throw CIMError(.quotaViolation, "Site \(prefix) has used every package ID.") }
        let hex = String(highest + 1, radix: 16, uppercase: true)
        return prefix.uppercased() + String(repeating: "0", count: 5 - hex.count) + hex
    }
}
