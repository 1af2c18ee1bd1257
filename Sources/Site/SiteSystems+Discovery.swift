// SiteSystems+Discovery: the site's own servers as resources. A site server, its management point and its
// distribution points run the ConfigMgr client and are found by Active Directory System Discovery like any other
// server, so each has an SMS_R_System record — the one whose SystemRoles lists what it does for the site, and
// whose ResourceNames[0] is the ServerName SMS_SystemResourceList gives (the console's "all site systems" query
// joins the two on exactly that).
import CIM

extension SiteSystems {
    /// Writes a discovery record for every server in SMS_SystemResourceList that has none (matched by its FQDN in
    /// ResourceNames or its NetBIOS name), with the roles it holds; a server that already has one — a fleet system
    /// named like it — keeps its record, and the fleet loader has given it its roles. ResourceIDs follow the
    /// highest in use.
    func discoverServers() throws {
        guard repository.cimClass(named: "SMS_R_System", namespace: namespace) != nil else { return }
        let roles = try repository.instances(of: "SMS_SystemResourceList", namespace: namespace)
        var servers: [(fqdn: String, siteCode: String, roles: [String])] = []
        for role in roles {
            guard let server = role["ServerName"]?.stringValue?.lowercased(), let name = role["RoleName"]?.stringValue else { continue }
            if let i = servers.firstIndex(where: { $0.fqdn == server }) {
                if !servers[i].roles.contains(name) { servers[i].roles.append(name) }
            } else {
                servers.append((server, role["SiteCode"]?.stringValue ?? SimulatedSite.siteCode(of: namespace) ?? "", [name]))
            }
        }
        guard !servers.isEmpty else { return }
        let known = try repository.instances(of: "SMS_R_System", namespace: namespace)
        var names = Set<String>(), highest = Fleet.firstSystemID - 1
        for system in known {
            if let name = system["NetbiosName"]?.stringValue { names.insert(name.lowercased()) }
            if case .array(let list)? = system["ResourceNames"] { for case .string(let n) in list.elements { names.insert(n.lowercased()) } }
            if let id = system["ResourceID"]?.integerValue, id > highest { highest = UInt32(truncatingIfNeeded: id) }
        }
        for server in servers {
            let netbios = String(server.fqdn.prefix { $0 != "." })
            guard !names.contains(server.fqdn), !names.contains(netbios) else { continue }
            highest += 1
            try repository.createInstance(record(server.fqdn, netbios: netbios.uppercased(), siteCode: server.siteCode,
                                                 roles: server.roles, resourceID: highest), namespace: namespace)
        }
    }

    /// What discovery and the server's own client report about a site system (Windows Server 2022, a virtual
    /// machine in the servers' ConfigMgr OU, in the AD site of the site it serves).
    private func record(_ fqdn: String, netbios: String, siteCode code: String, roles: [String], resourceID: UInt32) throws -> CIMInstance {
        var row = try CIMInstance(of: repository.requireClass("SMS_R_System", namespace: namespace))
        let adSite = FleetCatalog.sites.first { $0.siteCode == code } ?? FleetCatalog.hq
        let os = FleetCatalog.server2022
        let seen = CIMDateTime(utcMicroseconds: clock.now.utcMicroseconds - 86_400_000_000)
        let agents = ["Heartbeat Discovery", "SMS_AD_SYSTEM_DISCOVERY_AGENT"]
        let ous = ["CONTOSO.COM/SERVERS", "CONTOSO.COM/SERVERS/CONFIGMGR"]
        let hash = FleetRandom.fnv1a(fqdn.utf8)
        let values: [(CIMName, CIMValue)] = [
            ("ResourceID", .uint32(resourceID)), ("Name", .string(netbios)), ("NetbiosName", .string(netbios)),
            ("ResourceNames", strings([fqdn])), ("ResourceType", .uint32(5)), ("SystemRoles", strings(roles)),
            ("Active", .uint32(1)), ("Client", .uint32(1)), ("ClientType", .uint32(1)), ("Obsolete", .uint32(0)),
            ("Decommissioned", .uint32(0)), ("ClientVersion", .string(FleetCatalog.configMgrClient.version)),
            ("AgentName", strings(agents)), ("AgentSite", strings(agents.map { _ in code })),
            ("AgentTime", .array(CIMArray(elementType: .datetime, agents.map { _ in .datetime(seen) }))),
            ("OperatingSystemNameandVersion", .string(os.nameAndVersion)), ("Build", .string(os.version)),
            ("BuildExt", .string(os.version + "." + String(os.currentRevision))), ("OSBranch", .string(os.servicingBranch)),
            ("ADSiteName", .string(adSite.name)), ("FullDomainName", .string(Fleet.domainDNSName)),
            ("ResourceDomainORWorkgroup", .string(Fleet.domain)), ("SMSAssignedSites", strings([code])),
            ("SMSInstalledSites", strings([code])), ("SystemOUName", strings(ous)),
            ("DistinguishedName", .string("CN=\(netbios),OU=CONFIGMGR,OU=SERVERS,DC=contoso,DC=com")),
            ("SMSUniqueIdentifier", .string("GUID:" + Self.guid(hash))), ("IsVirtualMachine", .boolean(true)),
            ("PrimaryGroupID", .uint32(515)), ("UserAccountControl", .uint32(4_096)),
            ("SystemGroupName", strings([Fleet.domain + #"\Domain Computers"#, Fleet.domain + #"\ConfigMgr Site Systems"#])),
            ("IPAddresses", strings(["10.\(adSite.octet).10.\(10 + hash % 200)"])), ("IPSubnets", strings(["10.\(adSite.octet).10.0"])),
            ("CreationDate", .datetime(CIMDateTime(utcMicroseconds: clock.now.utcMicroseconds - 400 * 86_400_000_000))),
        ]
        try row.set(values.filter { row.cimClass.property(named: $0.0) != nil })
        return row
    }

    private func strings(_ list: [String]) -> CIMValue { .array(CIMArray(elementType: .string, list.map { .string($0) })) }

    /// A GUID made from a hash, in the registry form SMSUniqueIdentifier uses.
    static func guid(_ hash: UInt64) -> String {
        let low = hash &* 0x9E37_79B9_7F4A_7C15
        func hex(_ n: UInt64) -> String {
            let digits = String(n, radix: 16, uppercase: true)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        let c = Array(hex(hash) + hex(low))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(c[$0]) }.joined(separator: "-")
    }
}
