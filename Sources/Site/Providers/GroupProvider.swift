// GroupProvider: distribution point groups — SMS_DistributionPointGroup.AddDistributionPoints /
// RemoveDistributionPoints and SMS_ContentPackage.AddDistributionPointGroup.
import CIM

struct GroupProvider {
    weak let site: SimulatedSite?

    func register() {
        guard let site else { return }
        let repo = site.repository
        repo.register(method: "AddDistributionPoints", of: "SMS_DistributionPointGroup") { call in try addMembers(call) }
        repo.register(method: "RemoveDistributionPoints", of: "SMS_DistributionPointGroup") { call in try removeMembers(call) }
        repo.register(method: "AddDistributionPointGroup", of: "SMS_ContentPackage") { call in try addGroups(call) }
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
        let link = try repo.requireClass("SMS_DPGroupPackages")
        for id in resolved {
            let row = try CIMInstance(of: link, properties: [("GroupID", .string(id)), ("PkgID", package["PackageID"] ?? .null), ("AddedOn", .datetime(site.clock.now))])
            if (try? repo.instance(at: row.path)) == nil { try repo.createInstance(row) }
            let targets = try repo.instances(of: "SMS_DPGroupMembers", where: "GroupID", equals: .string(id)).compactMap { m -> DistributionProvider.Target? in
                guard let nal = m["DPNALPath"]?.stringValue, let code = m["SiteCode"]?.stringValue else { return nil }
                let name = (try? repo.instance(at: ObjectPath(className: "SMS_Site", keys: [.init("SiteCode", .string(code))])))?["SiteName"]?.stringValue ?? ""
                return DistributionProvider.Target(siteCode: code, siteName: name, serverNALPath: nal)
            }
            try distribution.assign(repo, package: package, to: targets)
            try updateCounts(id, repo)
        }
        return .success()
    }

    func findGroup(_ idOrName: String, _ repo: CIMRepository) throws -> CIMInstance? {
        if let g = try? repo.instance(at: ObjectPath(className: "SMS_DistributionPointGroup", keys: [.init("GroupID", .string(idOrName))])) { return g }
        return try repo.instances(of: "SMS_DistributionPointGroup", where: "Name", equals: .string(idOrName)).first
    }

    func packages(of groupID: String, _ repo: CIMRepository) throws -> [CIMInstance] {
        try repo.instances(of: "SMS_DPGroupPackages", where: "GroupID", equals: .string(groupID)).compactMap { link in
            guard let id = link["PkgID"] else { return nil }
            return try? repo.instance(at: ObjectPath(className: "SMS_PackageBaseclass", keys: [.init("PackageID", id)]))
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
