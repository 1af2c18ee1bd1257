// SiteSystems: what a site records about its site systems, derived from its roles (SMS_SystemResourceList) so
// the records cannot disagree: the site control file's role records (SMS_SCI_SysResUse), and for every
// distribution point its configuration (SMS_DistributionPointInfo) and content status (SMS_DPStatusInfo).
import CIM

struct SiteSystems {
    let repository: CIMRepository
    let namespace: String
    let clock: SiteClock

    /// Writes the records of every role the site has, replacing any there are.
    func publish() throws {
        let roles = try repository.instances(of: "SMS_SystemResourceList", namespace: namespace)
        let siteServers = Dictionary(roles.filter { $0["RoleName"]?.stringValue == "SMS Site Server" }
            .compactMap { r in r["SiteCode"]?.stringValue.map { ($0, r["ServerName"]?.stringValue ?? "") } },
                                     uniquingKeysWith: { a, _ in a })
        let sites = Dictionary(try repository.instances(of: "SMS_Site", namespace: namespace)
            .compactMap { s in s["SiteCode"]?.stringValue.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        var dpNumber: UInt32 = 0
        for role in roles {
            guard let nal = role["NALPath"]?.stringValue, let name = role["RoleName"]?.stringValue,
                  let code = role["SiteCode"]?.stringValue, let server = role["ServerName"]?.stringValue else { continue }
            let site = sites[code]
            // 2 = on the primary's site server, 1 = on a secondary's, 8 = on a server of its own.
            let colocated: UInt32 = siteServers[code].map { NALPath.sameServer($0, server) } == true
                ? (site?["Type"]?.integerValue == 1 ? 1 : 2) : 8
            try put("SMS_SCI_SysResUse", [
                ("FileType", .uint32(2)), ("ItemName", .string("\(nal),\(name)")), ("ItemType", .string("System Resource Usage")),
                ("SiteCode", .string(code)), ("NALPath", .string(nal)), ("NALType", role["ResourceType"] ?? .string("Windows NT Server")),
                ("NetworkOSPath", .string("\\\\" + server)), ("RoleName", .string(name)), ("RoleCount", .uint32(1)),
                ("SslState", role["SslState"] ?? .uint32(0)), ("Type", .uint32(colocated)),
            ])
            guard name == "SMS Distribution Point" else { continue }
            dpNumber += 1
            try put("SMS_DistributionPointInfo", [
                ("NALPath", .string(nal)), ("ResourceType", role["ResourceType"] ?? .string("Windows NT Server")),
                ("SiteCode", .string(code)), ("SiteName", site?["SiteName"] ?? .null), ("ServerName", .string(server)),
                ("Name", .string(server)), ("ID", .uint32(dpNumber)), ("ShareName", .string("SMS_DP$")), ("Drive", .string("D:")),
                ("IsActive", .boolean(true)), ("IsPeerDP", .boolean(false)), ("IsProtected", .boolean(false)),
                ("IsPullDP", .boolean(false)), ("IsPXE", .boolean(false)), ("IsMulticast", .boolean(false)),
                ("BitsEnabled", .boolean(true)), ("InternetFacing", role["InternetEnabled"] ?? .boolean(false)),
                ("Communication", .uint32(0)), ("PreStagingAllowed", .boolean(false)), ("Priority", .uint32(200)),
                ("HealthCheckEnabled", .boolean(true)), ("HealthCheckPriority", .uint32(1)), ("TransferRate", .uint32(0)),
                ("OperatingSystem", .string("Microsoft Windows Server 2022 Standard")), ("GroupCount", .uint32(0)),
            ])
            try ContentStatusViews(repository: repository, namespace: namespace, clock: clock).refreshServer(nal)
        }
        // Each site's hierarchy manager processed the site control file the roles were added through.
        let log = StatusMessages(repository: repository, namespace: namespace, clock: clock)
        for code in Set(roles.compactMap { $0["SiteCode"]?.stringValue }).sorted() where code.equalsIgnoringCase(log.siteCode) {
            try log.raise(StatusMessage(component: "SMS_HIERARCHY_MANAGER", messageID: 3306,
                                        strings: [#"C:\Program Files\Microsoft Configuration Manager\inboxes\hman.box\\#(code).SCU"#,
                                                  sites[code]?["SiteName"]?.stringValue ?? code, code],
                                        attributes: [(.siteCode, code)]))
        }
    }

    private func put(_ className: CIMName, _ values: [(CIMName, CIMValue)]) throws {
        try repository.putRow(className, values, namespace: namespace)
    }

}

extension SimulatedSite {
    /// Records the site's systems from its roles (SMS_SCI_SysResUse, SMS_DistributionPointInfo,
    /// SMS_DPStatusInfo) and each server without a discovery record as an SMS_R_System carrying its roles — what a
    /// site does as its roles are installed; the demo calls it once its data and fleet are in.
    public func publishSiteSystems(discoveringServers: Bool = true) throws {
        try repository.performInternally {
            let systems = SiteSystems(repository: repository, namespace: namespace, clock: clock)
            try systems.publish()
            if discoveringServers { try systems.discoverServers() }
        }
    }
}
