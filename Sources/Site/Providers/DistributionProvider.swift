// DistributionProvider: AddDistributionPoints on every package class, RefreshPkgSource, and the static
// SMS_DistributionPoint methods VerifyPackage and CancelDistribution.
import CIM

/// Assigns packages to distribution points the way the SMS Provider does, validating every pair first so
/// that a request with any bad pair changes nothing.
struct DistributionProvider {
    weak let site: SimulatedSite?

    func register() {
        guard let site else { return }
        let repo = site.repository
        repo.register(method: "AddDistributionPoints", of: "SMS_PackageBaseclass") { call in
            try addDistributionPoints(call)
        }
        repo.register(method: "RefreshPkgSource", of: "SMS_PackageBaseclass") { call in
            try refresh(call.repository, package: call.instance!)
            return .success()
        }
        repo.register(method: "VerifyPackage", of: "SMS_DistributionPoint") { call in try verify(call, cancel: false) }
        repo.register(method: "CancelDistribution", of: "SMS_DistributionPoint") { call in try verify(call, cancel: true) }
    }

    // MARK: - AddDistributionPoints

    /// One resolved target: the DP server's canonical NAL path (from SMS_SystemResourceList) at a site.
    struct Target {
        var siteCode: String
        var siteName: String
        var serverNALPath: String
    }

    func addDistributionPoints(_ call: MethodInvocation) throws -> MethodResult {
        guard case .array(let sites) = call["SiteCode"] else {
            return .failure(.invalidParameter, parameter: "SiteCode", "is required: pass an array of site codes such as [\"S01\"]")
        }
        guard case .array(let nals) = call["NALPath"] else {
            return .failure(.invalidParameter, parameter: "NALPath", "is required: pass an array of NAL paths such as [nal(\"dp1\", \"S01\")]")
        }
        guard sites.count > 0 else { return .failure(.invalidParameter, parameter: "SiteCode", "is empty; give at least one site code") }
        guard sites.count == nals.count else {
            return .failure(.invalidParameter, parameter: "NALPath",
                            "has \(nals.count) element\(nals.count == 1 ? "" : "s") but SiteCode has \(sites.count); the arrays are parallel and must be the same length")
        }
        var targets: [Target] = []
        for (i, (siteValue, nalValue)) in zip(sites.elements, nals.elements).enumerated() {
            switch resolve(call.repository, site: siteValue, nal: nalValue, index: i) {
            case .success(let t): targets.append(t)
            case .failure(let result): return result
            }
        }
        try assign(call.repository, package: call.instance!, to: targets)
        return .success()
    }


    /// Checks one (site, NAL path) pair: the path parses, the site exists, and the server holds the
    /// "SMS Distribution Point" role at that site.
    func resolve(_ repo: CIMRepository, site siteValue: CIMValue, nal nalValue: CIMValue, index i: Int,
                 siteParameter: String = "SiteCode", nalParameter: String = "NALPath") -> Resolution<Target> {
        guard let siteCode = siteValue.stringValue, !siteCode.isEmpty else {
            return .failure(.failure(.invalidParameter, parameter: siteParameter, index: i, "is null or empty"))
        }
        guard let nalText = nalValue.stringValue, !nalText.isEmpty else {
            return .failure(.failure(.invalidParameter, parameter: nalParameter, index: i, "is null or empty"))
        }
        let nal: NALPath
        do { nal = try NALPath(parsing: nalText) } catch {
            return .failure(.failure(.invalidParameter, parameter: nalParameter, index: i, error.message))
        }
        guard let server = nal.server else {
            return .failure(.failure(.invalidParameter, parameter: nalParameter, index: i, "'\(nalText)' does not name a server; a distribution point's NAL path is MSWNET with \\\\server"))
        }
        guard let site = try? repo.instance(at: ObjectPath(className: "SMS_Site", keys: [.init("SiteCode", .string(siteCode))])) else {
            return .failure(.failure(.notFound, parameter: siteParameter, index: i, "site \(siteCode) does not exist"))
        }
        if let nalSite = nal.siteCode, !nalSite.equalsIgnoringCase(siteCode) {
            return .failure(.failure(.invalidParameter, parameter: nalParameter, index: i, "names site \(nalSite) but SiteCode[\(i)] is \(siteCode)"))
        }
        guard let dp = distributionPointRole(repo, server: server, siteCode: siteCode) else {
            return .failure(.failure(.notFound, parameter: nalParameter, index: i, "server \(server) is not a distribution point of site \(siteCode) (see SMS_SystemResourceList where RoleName = 'SMS Distribution Point')"))
        }
        return .success(Target(siteCode: site["SiteCode"]?.stringValue ?? siteCode, siteName: site["SiteName"]?.stringValue ?? "",
                               serverNALPath: dp["NALPath"]?.stringValue ?? nalText))
    }

    /// The server's "SMS Distribution Point" row at the site, matching short names against FQDNs.
    func distributionPointRole(_ repo: CIMRepository, server: String, siteCode: String) -> CIMInstance? {
        let roles = (try? repo.instances(of: "SMS_SystemResourceList", where: "RoleName", equals: .string("SMS Distribution Point"))) ?? []
        return roles.first { role in
            guard role["SiteCode"]?.stringValue?.equalsIgnoringCase(siteCode) == true else { return false }
            if let name = role["ServerName"]?.stringValue, NALPath.sameServer(name, server) { return true }
            let roleServer = (role["NALPath"]?.stringValue).flatMap { try? NALPath(parsing: $0) }?.server
            return roleServer.map { NALPath.sameServer($0, server) } ?? false
        }
    }

    /// Creates the SMS_DistributionPoint and summarizer rows for targets the package is not yet on.
    func assign(_ repo: CIMRepository, package: CIMInstance, to targets: [Target]) throws {
        guard let site else { return }
        let now = CIMValue.datetime(site.clock.now)
        let dpClass = try repo.requireClass("SMS_DistributionPoint")
        let summaryClass = try repo.requireClass("SMS_PackageStatusDistPointsSummarizer")
        let packageID = package["PackageID"] ?? .null
        for t in targets {
            let keys: [(CIMName, CIMValue)] = [("PackageID", packageID), ("ServerNALPath", .string(t.serverNALPath)), ("SiteCode", .string(t.siteCode))]
            let dp = try CIMInstance(of: dpClass, properties: keys + [
                ("SiteName", .string(t.siteName)), ("SourceSite", package["SourceSite"] ?? .null),
                ("PackageType", package["PackageType"] ?? .null), ("Status", .uint32(DistributionPointStatus.added.rawValue)),
                ("LastRefreshTime", now), ("RefreshNow", .boolean(false)), ("ResourceType", .string("Windows NT Server")),
            ])
            if try repo.existingInstance(at: dp.path) != nil { continue }  // already assigned: not duplicated
            try repo.createInstance(dp)
            let summary = try CIMInstance(of: summaryClass, properties: keys + [
                ("State", .uint32(UInt32(DistributionState.installPending.rawValue))), ("SummaryDate", now),
                ("SourceVersion", package["SourceVersion"] ?? .null), ("PackageType", package["PackageType"] ?? .null),
                ("SourceNALPath", .string(NALPath.server("\(site.siteCode)-SITE", site: site.siteCode).description)),
            ])
            if let existing = try repo.existingInstance(at: summary.path) {
                var s = existing
                try s.set("State", .uint32(UInt32(DistributionState.installPending.rawValue)))
                try s.set("SummaryDate", now)
                try repo.modifyInstance(s)
            } else {
                try repo.createInstance(summary)
            }
        }
    }

    // MARK: - RefreshPkgSource

    /// Bumps the source version and date and sends the new content to every DP the package is on.
    func refresh(_ repo: CIMRepository, package: CIMInstance) throws {
        guard let site else { return }
        let now = CIMValue.datetime(site.clock.now)
        var p = try repo.instance(at: package.path)
        let version = (p["SourceVersion"]?.integerValue ?? 0) + 1
        try p.set("SourceVersion", .uint32(UInt32(clamping: version)))
        try p.set("SourceDate", now)
        try p.set("LastRefreshTime", now)
        try repo.modifyInstance(p)
        let id = p["PackageID"] ?? .null
        for var dp in try repo.instances(of: "SMS_DistributionPoint", where: "PackageID", equals: id)
        where dp["Status"] != .uint32(DistributionPointStatus.deleted.rawValue) {
            try dp.set("Status", .uint32(DistributionPointStatus.updated.rawValue))
            try dp.set("LastRefreshTime", now)
            try repo.modifyInstance(dp)
        }
        for var row in try repo.instances(of: "SMS_PackageStatusDistPointsSummarizer", where: "PackageID", equals: id) {
            let state = DistributionState(of: row)
            guard state != .removalPending && state != .removalRetrying else { continue }
            try row.set("State", .uint32(UInt32(DistributionState.contentUpdating.rawValue)))
            try row.set("SourceVersion", .uint32(UInt32(clamping: version)))
            try row.set("SummaryDate", now)
            try repo.modifyInstance(row)
        }
    }

    // MARK: - VerifyPackage / CancelDistribution

    func verify(_ call: MethodInvocation, cancel: Bool) throws -> MethodResult {
        guard let id = call["PackageId"].stringValue, let nal = call["NALPath"].stringValue else {
            return .failure(.invalidParameter, parameter: call["PackageId"].isNull ? "PackageId" : "NALPath", "is required")
        }
        let rows = try call.repository.instances(of: "SMS_PackageStatusDistPointsSummarizer", where: "PackageID", equals: .string(id))
        guard let row = rows.first(where: { sameDP($0["ServerNALPath"]?.stringValue, nal) }) else {
            return .failure(.notFound, parameter: "NALPath", "package \(id) is not on distribution point \(nal)")
        }
        let state = DistributionState(of: row)
        if !cancel {
            // Verification re-checks the content: a failed copy is retried, an installed one stays installed.
            guard state == .installFailed else { return .success() }
            var r = row
            try r.set("State", .uint32(UInt32(DistributionState.installRetrying.rawValue)))
            try r.set("SummaryDate", .datetime(site?.clock.now ?? CIMDateTime(utcMicroseconds: 0)))
            try call.repository.modifyInstance(r)
            return .success()
        }
        guard state == .installPending || state == .installRetrying || state == .contentUpdating else {
            return .failure(.invalidOperation, parameter: "PackageId", "no distribution of \(id) to that distribution point is in progress (state \(state?.name ?? "unknown"))")
        }
        var r = row
        try r.set("State", .uint32(UInt32(DistributionState.installFailed.rawValue)))
        try call.repository.modifyInstance(r)
        return .success()
    }

    func sameDP(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        if a.equalsIgnoringCase(b) { return true }
        guard let x = (try? NALPath(parsing: a))?.server, let y = (try? NALPath(parsing: b))?.server else { return false }
        return NALPath.sameServer(x, y)
    }
}

/// Deleting an SMS_DistributionPoint does not remove it at once: ConfigMgr marks it DELETED (Status 3) and
/// its summarizer row REMOVAL_PENDING; the removal completes when the site's clock passes the delay.
struct DistributionPointHook: InstanceHook {
    weak let site: SimulatedSite?

    func validate(_ change: InstanceChange, proposed: inout CIMInstance?, in context: HookContext) throws {
        if case .modify(let old, let new) = change, new["RefreshNow"] == .boolean(true) {
            try refreshNow(old, &proposed, in: context)
            return
        }
        guard case .delete(let dp) = change, let site, !site.isRemovingForGood(dp.path) else { return }
        var marked = dp
        try marked.set("Status", .uint32(DistributionPointStatus.deleted.rawValue))
        proposed = marked  // keep the row, marked for deletion
        let summaryPath = ObjectPath(className: "SMS_PackageStatusDistPointsSummarizer", keys: dp.path.keys)
        if var row = try? context.repository.instance(at: summaryPath) {
            try row.set("State", .uint32(UInt32(DistributionState.removalPending.rawValue)))
            try row.set("SummaryDate", .datetime(site.clock.now))
            try context.repository.modifyInstance(row)
        }
    }

    /// `RefreshNow = true` asks the site to copy the package to this DP again, as the console's "Redistribute"
    /// does: the flag does not stay set; the DP is UPDATED and its summarizer row CONTENT_UPDATING until the copy
    /// completes (or fails on an offline server) after the delay. A DP marked for deletion cannot be refreshed.
    private func refreshNow(_ old: CIMInstance, _ proposed: inout CIMInstance?, in context: HookContext) throws {
        guard let site, var dp = proposed else { return }
        guard old["Status"] != .uint32(DistributionPointStatus.deleted.rawValue) else {
            throw CIMError(.invalidOperation, "\(old.path) is being removed (Status 3 DELETED) and cannot be refreshed.")
        }
        let now = CIMValue.datetime(site.clock.now)
        try dp.set("RefreshNow", .boolean(false))
        try dp.set("Status", .uint32(DistributionPointStatus.updated.rawValue))
        try dp.set("LastRefreshTime", now)
        proposed = dp
        let summaryPath = ObjectPath(className: "SMS_PackageStatusDistPointsSummarizer", keys: old.path.keys)
        if var row = try? context.repository.instance(at: summaryPath, namespace: context.namespace) {
            try row.set("State", .uint32(UInt32(DistributionState.contentUpdating.rawValue)))
            try row.set("SummaryDate", now)
            try context.repository.modifyInstance(row, namespace: context.namespace)
        }
    }
}

/// What a method's argument names, or the failure the method returns when it names nothing usable.
enum Resolution<Value> { case success(Value), failure(MethodResult) }
