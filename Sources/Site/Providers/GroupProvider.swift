// GroupProvider: distribution point groups — SMS_DistributionPointGroup.AddDistributionPoints /
// RemoveDistributionPoints / AddPackages / RemovePackages, and AddDistributionPointGroup on every package class.
import CIM

struct GroupProvider {
    weak let site: SimulatedSite?

    func register() {
        guard let site else { return }
        let repo = site.repository
        repo.register(method: "AddDistributionPoints", of: "SMS_DistributionPointGroup") { call in try addMembers(call) }
        repo.register(method: "RemoveDistributionPoints", of: "SMS_DistributionPointGroup") { call in try removeMembers(call) }
        repo.register(method: "AddPackages", of: "SMS_DistributionPointGroup") { call in try addPackages(call) }
        repo.register(method: "RemovePackages", of: "SMS_DistributionPointGroup") { call in try removePackages(call) }
        repo.register(method: "AddDistributionPointGroup", of: "SMS_PackageBaseclass") { call in try addGroups(call) }
    }

    private var distribution: DistributionProvider { DistributionProvider(site: site) }

    /// Adds DPs (by NAL path) to the group; with AddTargetedPackages (the default) the group's packages are
    /// distributed to the new members.
    func addMembers(_ call: MethodInvocation) throws -> MethodResult {
        guard let site, let group = call.instance, let groupID = group["GroupID"]?.stringValue else { return .failure(.notFound, "no group") }
        guard case .array(let nals) = call["DPNALPath"], nals.count > 0 else {
            return .failure(.invalidParameter, parameter: "DPNALPath", "is required: pass an array of DP NAL paths")
        }
        let repo = call.repository
        var targets: [DistributionProvider.Target] = []
        for (i, nalValue) in nals.elements.enumerated() {
            guard let text = nalValue.stringValue, let nal = try? NALPath(parsing: text) else {
                return .failure(.invalidParameter, parameter: "DPNALPath", index: i, parseMessage(nalValue))
            }
            let siteCode = nal.siteCode ?? site.siteCode
            switch distribution.resolve(repo, site: .string(siteCode), nal: nalValue, index: i, siteParameter: "DPNALPath", nalParameter: "DPNALPath") {
            case .success(let t): targets.append(t)
            case .failure(let r): return r
            }
        }
        let memberClass = try repo.requireClass("SMS_DPGroupMembers")
        for t in targets {
            let member = try CIMInstance(of: memberClass, properties: [("GroupID", .string(groupID)), ("DPNALPath", .string(t.serverNALPath)),
                                                                        ("SiteCode", .string(t.siteCode)), ("AddedOn", .datetime(site.clock.now))])
            if (try? repo.instance(at: member.path)) == nil { try repo.createInstance(member) }
        }
        if call["AddTargetedPackages"].boolValue ?? true {
            for package in try packages(of: groupID, repo) { try distribution.assign(repo, package: package, to: targets) }
        }
        try updateCounts(groupID, repo)
        return .success()
    }

    /// Why a DPNALPath element is not a NAL path.
    private func parseMessage(_ v: CIMValue) -> String {
        guard let text = v.stringValue else { return "is null" }
        do { _ = try NALPath(parsing: text); return "is not a distribution point's NAL path" } catch { return error.message }
    }

    /// Removes DPs from the group; with RemoveTargetedPackages the group's packages are removed from them.
    func removeMembers(_ call: MethodInvocation) throws -> MethodResult {
        guard let group = call.instance, let groupID = group["GroupID"]?.stringValue else { return .failure(.notFound, "no group") }
        guard case .array(let nals) = call["DPNALPath"], nals.count > 0 else {
            return .failure(.invalidParameter, parameter: "DPNALPath", "is required: pass an array of DP NAL paths")
        }
        let repo = call.repository
        let members = try repo.instances(of: "SMS_DPGroupMembers", where: "GroupID", equals: .string(groupID))
        var removing: [CIMInstance] = []
        for (i, nal) in nals.elements.enumerated() {
            guard let text = nal.stringValue, let member = members.first(where: { distribution.sameDP($0["DPNALPath"]?.stringValue, text) }) else {
                return .failure(.notFound, parameter: "DPNALPath", index: i, "\(nal.displayText) is not a member of group \(groupID)")
            }
            removing.append(member)
        }
        let packageIDs = try packages(of: groupID, repo).compactMap { $0["PackageID"] }
        for member in removing {
            try repo.deleteInstance(at: member.path)
            guard call["RemoveTargetedPackages"].boolValue == true, let nal = member["DPNALPath"] else { continue }
            for id in packageIDs {
                let dp = ObjectPath(className: "SMS_DistributionPoint", keys: [.init("PackageID", id), .init("ServerNALPath", nal), .init("SiteCode", member["SiteCode"] ?? .null)])
                if (try? repo.instance(at: dp)) != nil { try repo.deleteInstance(at: dp) }
            }
        }
        try updateCounts(groupID, repo)
        return .success()
    }

    /// Targets the package at each group (by GroupID or name) and distributes it to every member.
    func addGroups(_ call: MethodInvocation) throws -> MethodResult {
        guard let site, let package = call.instance else { return .failure(.notFound, "no package") }
        guard case .array(let groups) = call["DistributionPointGroup"], groups.count > 0 else {
            return .failure(.invalidParameter, parameter: "DistributionPointGroup", "is required: pass an array of group IDs or names")
        }
        let repo = call.repository
        var resolved: [String] = []
        for (i, g) in groups.elements.enumerated() {
            guard let text = g.stringValue, let group = try findGroup(text, repo), let id = group["GroupID"]?.stringValue else {
                return .failure(.notFound, parameter: "DistributionPointGroup", index: i, "no distribution point group has the ID or name '\(g.displayText)'")
            }
            resolved.append(id)
        }
        for id in resolved {
            try target(package, at: id, repo, now: site.clock.now)
            try updateCounts(id, repo)
        }
        return .success()
    }

    /// Links the package to the group (SMS_DPGroupPackages) and distributes it to every member.
    private func target(_ package: CIMInstance, at groupID: String, _ repo: CIMRepository, now: CIMDateTime) throws {
        let link = try repo.requireClass("SMS_DPGroupPackages")
        let row = try CIMInstance(of: link, properties: [("GroupID", .string(groupID)), ("PkgID", package["PackageID"] ?? .null), ("AddedOn", .datetime(now))])
        if (try? repo.instance(at: row.path)) == nil { try repo.createInstance(row) }
        try distribution.assign(repo, package: package, to: try members(of: groupID, repo))
    }

    /// The group's members as distribution targets.
    private func members(of groupID: String, _ repo: CIMRepository) throws -> [DistributionProvider.Target] {
        try repo.instances(of: "SMS_DPGroupMembers", where: "GroupID", equals: .string(groupID)).compactMap { m in
            guard let nal = m["DPNALPath"]?.stringValue, let code = m["SiteCode"]?.stringValue else { return nil }
            let name = (try? repo.instance(at: ObjectPath(className: "SMS_Site", keys: [.init("SiteCode", .string(code))])))?["SiteName"]?.stringValue ?? ""
            return DistributionProvider.Target(siteCode: code, siteName: name, serverNALPath: nal)
        }
    }

    /// The packages a PackageIDs argument names, every one checked before anything changes.
    private func packages(named call: MethodInvocation) -> Resolution<[CIMInstance]> {
        guard case .array(let ids) = call["PackageIDs"], ids.count > 0 else {
            return .failure(.failure(.invalidParameter, parameter: "PackageIDs", "is required: pass an array of package IDs such as [\"S0100001\"]"))
        }
        var found: [CIMInstance] = []
        for (i, id) in ids.elements.enumerated() {
            guard id.stringValue != nil, let package = call.repository.package(id) else {
                return .failure(.failure(.notFound, parameter: "PackageIDs", index: i, "no package has the ID \(id.displayText)"))
            }
            found.append(package)
        }
        return .success(found)
    }

    /// SMS_DistributionPointGroup.AddPackages: targets each package at the group and distributes it to the members.
    func addPackages(_ call: MethodInvocation) throws -> MethodResult {
        guard let site, let groupID = call.instance?["GroupID"]?.stringValue else { return .failure(.notFound, "no group") }
        switch packages(named: call) {
        case .failure(let result): return result
        case .success(let packages):
            for package in packages { try target(package, at: groupID, call.repository, now: site.clock.now) }
        }
        try updateCounts(groupID, call.repository)
        return .success()
    }

    /// SMS_DistributionPointGroup.RemovePackages: the group stops targeting each package, and the package's
    /// content is removed from the group's members (marked DELETED, gone after the delay, as a DP removal is).
    func removePackages(_ call: MethodInvocation) throws -> MethodResult {
        guard let groupID = call.instance?["GroupID"]?.stringValue else { return .failure(.notFound, "no group") }
        let repo = call.repository
        let packages: [CIMInstance]
        switch self.packages(named: call) {
        case .failure(let result): return result
        case .success(let found): packages = found
        }
        let links = packages.map { ObjectPath(className: "SMS_DPGroupPackages", keys: [.init("GroupID", .string(groupID)), .init("PkgID", $0["PackageID"] ?? .null)]) }
        for (i, link) in links.enumerated() where (try? repo.instance(at: link)) == nil {
            return .failure(.notFound, parameter: "PackageIDs", index: i, "package \(packages[i]["PackageID"]?.stringValue ?? "") is not targeted at group \(groupID)")
        }
        let members = try members(of: groupID, repo)
        for (package, link) in zip(packages, links) {
            let id = package["PackageID"] ?? .null
            try repo.deleteInstance(at: link)
            for member in members {
                let dp = ObjectPath(className: "SMS_DistributionPoint", keys: [.init("PackageID", id), .init("ServerNALPath", .string(member.serverNALPath)), .init("SiteCode", .string(member.siteCode))])
                if let found = try? repo.instance(at: dp), found["Status"] != .uint32(DistributionPointStatus.deleted.rawValue) {
                    try repo.deleteInstance(at: dp)
                }
            }
        }
        try updateCounts(groupID, repo)
        return .success()
    }

    func findGroup(_ idOrName: String, _ repo: CIMRepository) throws -> CIMInstance? {
        if let g = try? repo.instance(at: ObjectPath(className: "SMS_DistributionPointGroup", keys: [.init("GroupID", .string(idOrName))])) { return g }
        return try repo.instances(of: "SMS_DistributionPointGroup", where: "Name", equals: .string(idOrName)).first
    }

    func packages(of groupID: String, _ repo: CIMRepository) throws -> [CIMInstance] {
        try repo.instances(of: "SMS_DPGroupPackages", where: "GroupID", equals: .string(groupID)).compactMap { link in
            guard let id = link["PkgID"] else { return nil }
            return repo.package(id)
        }
    }

    /// Keeps MemberCount, ContentCount and HasMember in step with the membership tables.
    func updateCounts(_ groupID: String, _ repo: CIMRepository) throws {
        guard var group = try findGroup(groupID, repo) else { return }
        let members = try repo.instances(of: "SMS_DPGroupMembers", where: "GroupID", equals: .string(groupID)).count
        let content = try repo.instances(of: "SMS_DPGroupPackages", where: "GroupID", equals: .string(groupID)).count
        try group.set("MemberCount", .uint32(UInt32(members)))
        try group.set("HasMember", .boolean(members > 0))
        try group.set("ContentCount", .uint32(UInt32(content)))
        if let site { try group.set("ModifiedOn", .datetime(site.clock.now)) }
        try repo.modifyInstance(group)
    }
}
