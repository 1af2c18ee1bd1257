// Fleet+Instances: a fleet becomes instances — SMS_R_System, SMS_R_User, SMS_R_UserGroup and the
// SMS_G_System_* inventory rows — put straight into a repository that holds the site schema.
import CIM

extension Fleet {
    /// Puts the fleet's resources and inventory into `repository`, which must hold the site schema and no
    /// resources with the fleet's IDs. Instances go in as a site file loads them: no hooks, no key-family checks
    /// (the generator's ID ranges do not overlap), so 100,000 systems take seconds. Not atomic: call it on a new
    /// site. ``FleetGenerator/load(systems:seed:now:into:namespace:deferringHealth:inOneThread:)`` does the same without holding the model.
    ///
    /// - Returns: How many instances of each class the repository then holds.
    @discardableResult
    public func load(into repository: CIMRepository, namespace: String? = nil) throws -> [String: Int] {
        var loader = try FleetLoader(repository: repository, namespace: namespace, now: now)
        try loader.reserve(systems: systems.count, users: users.count)
        for group in userGroups { try loader.put(group) }
        for user in users { try loader.put(user) }
        for system in systems { try loader.put(system, ridOffset: users.count) }
        try loader.flush()
        return try Self.instanceCounts(in: repository, namespace: namespace)
    }

    /// The classes a fleet fills, discovery first.
    public static let classNames: [String] = [
        "SMS_R_System", "SMS_R_User", "SMS_R_UserGroup", "SMS_G_System_OPERATING_SYSTEM", "SMS_G_System_COMPUTER_SYSTEM",
        "SMS_G_System_COMPUTER_SYSTEM_PRODUCT", "SMS_G_System_PC_BIOS", "SMS_G_System_SYSTEM_ENCLOSURE",
        "SMS_G_System_PROCESSOR", "SMS_G_System_X86_PC_MEMORY", "SMS_G_System_LOGICAL_DISK", "SMS_G_System_DISK",
        "SMS_G_System_NETWORK_ADAPTER_CONFIGURATION", "SMS_G_System_SYSTEM", "SMS_G_System_SYSTEM_CONSOLE_USAGE",
        "SMS_G_System_WORKSTATION_STATUS", "SMS_G_System_ADD_REMOVE_PROGRAMS", "SMS_G_System_ADD_REMOVE_PROGRAMS_64",
        "SMS_G_System_INSTALLED_SOFTWARE", "SMS_G_System_SERVICE", "SMS_G_System_SERVER_FEATURE",
        "SMS_G_System_QUICK_FIX_ENGINEERING", "SMS_G_System_SoftwareFile",
    ]

    /// How many instances of each of ``classNames`` and ``healthClassNames`` a repository holds.
    public static func instanceCounts(in repository: CIMRepository, namespace: String? = nil) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for name in classNames + healthClassNames { counts[name] = try repository.count(of: CIMName(name), namespace: namespace) }
        return counts
    }
}

/// A class's instances made from values listed in a fixed order of properties, like a prepared statement:
/// the property slots are looked up once.
struct PreparedClass {
    let cimClass: CIMClass
    let slots: [Int]
    /// Its queue in the loader.
    let id: Int
    /// For each slot, the position of its value among the listed properties, or -1 when it keeps its default.
    private let sources: [Int]

    init(_ repository: CIMRepository, _ className: CIMName, _ properties: [CIMName], id: Int, namespace: String?) throws {
        let cls = try repository.requireClass(className, namespace: namespace)
        cimClass = cls
        self.id = id
        slots = try properties.map { name in
            guard let slot = cls.slot(of: name) else {
                throw CIMError(.invalidProperty, "Class \(className) has no property \(name).")
            }
            return slot
        }
        var sources = Array(repeating: -1, count: cls.properties.count)
        for (position, slot) in slots.enumerated() { sources[slot] = position }
        self.sources = sources
    }

    /// An instance with `values` in the properties' order; nulls leave the class default. For an inventory
    /// class the header supplies the first five (ResourceID, GroupID, RevisionID, TimeStamp, AgentID) and `values`
    /// the rest. Each slot is written once, into the array that becomes the instance's own.
    func instance(_ header: InventoryHeader?, group: Int = 0, _ values: [CIMValue]) throws(CIMError) -> CIMInstance {
        let defaults = cimClass.defaultValues
        let skip = header == nil ? 0 : 5
        let all = [CIMValue](unsafeUninitializedCapacity: defaults.count) { buffer, count in
            for slot in 0..<defaults.count {
                let position = sources[slot]
                let value: CIMValue
                if position < 0 {
                    value = .null
                } else if let header, position < skip {
                    value = header.value(at: position, group: group)
                } else {
                    value = position - skip < values.count ? values[position - skip] : .null
                }
                (buffer.baseAddress! + slot).initialize(to: value.isNull ? defaults[slot] : value)
            }
            count = defaults.count
        }
        return try CIMInstance(of: cimClass, slotValues: all)
    }
}

/// Turns fleet values into instances and stores them, sharing the values many instances hold (OU chains,
/// group lists, constant strings) so that a large fleet's memory is mostly its unique strings.
struct FleetLoader {
    let repository: CIMRepository
    let namespace: String?
    let now: CIMDateTime
    /// Where batches of instances go: into the repository, or to the thread that stores them.
    private let sink: ([CIMInstance]) throws -> Void
    /// Instances not yet stored, by ``PreparedClass/id``.
    private var pending: [[CIMInstance]]
    let classes: InventoryClasses
    let healthClasses: HealthClasses
    /// Whether a system's health and security rows go with the rest of its inventory; off when they are made later,
    /// on first use (``FleetGenerator/load(systems:seed:now:into:namespace:deferringHealth:inOneThread:)``).
    var includesHealth = true
    private let system: PreparedClass
    private let user: PreparedClass
    private let userGroup: PreparedClass
    private var stringLists: [[String]: CIMValue] = [:]
    private var sharedStrings: [String: CIMValue] = [:]
    private var chassisTypes: [UInt32: CIMValue] = [:]
    /// When user and group discovery last ran (a day before now), shared by every user and group.
    let discoveryTimes: CIMValue
    /// Per product: the INSTALLED_SOFTWARE values derived from its catalog entry.
    var softwareValues: [FleetSoftware: InstalledSoftwareValues] = [:]
    /// SMS_R_System.SystemRoles by server FQDN (lower case): the roles SMS_SystemResourceList gives it.
    let siteSystemRoles: [String: CIMValue]

    /// A loader that stores into `repository`, or hands each batch of instances of one class to `sink`.
    init(repository: CIMRepository, namespace: String?, now: CIMDateTime,
         sink: (([CIMInstance]) throws -> Void)? = nil) throws {
        self.repository = repository
        self.namespace = namespace
        self.sink = sink ?? { try repository.putStoredInstances($0, namespace: namespace) }
        self.now = now
        classes = try InventoryClasses(repository, firstID: 3, namespace: namespace)
        healthClasses = try HealthClasses(repository, firstID: 3 + InventoryClasses.count, namespace: namespace)
        pending = Array(repeating: [], count: 3 + InventoryClasses.count + HealthClasses.count)
        siteSystemRoles = try Self.siteSystemRoles(in: repository, namespace: namespace)
        discoveryTimes = Self.datetimes([CIMDateTime(utcMicroseconds: now.utcMicroseconds - 86_400_000_000)])
        system = try PreparedClass(repository, "SMS_R_System", [
            "ResourceID", "Active", "ADSiteName", "AgentName", "AgentSite", "AgentTime", "Build", "BuildExt", "Client",
            "ClientType", "ClientVersion", "CreationDate", "Decommissioned", "DistinguishedName", "FullDomainName",
            "IPAddresses", "IPSubnets", "IPv6Addresses", "IsVirtualMachine", "LastLogonTimestamp", "LastLogonUserDomain",
            "LastLogonUserName", "MACAddresses", "Name", "NetbiosName", "Obsolete", "OperatingSystemNameandVersion",
            "PrimaryGroupID", "ResourceDomainORWorkgroup", "ResourceNames", "ResourceType", "SecurityGroupName", "SID",
            "SMBIOSGUID", "SMSAssignedSites", "SMSInstalledSites", "SMSUniqueIdentifier", "SystemGroupName", "SystemOUName",
            "UserAccountControl",
            // What the client reports about itself (heartbeat discovery), and the site's roles.
            "AADDeviceID", "AADTenantID", "ClientEdition", "DeviceOwner", "DNSForestGuid", "HardwareID", "IsAOACCapable",
            "IsClientAMT30Compatible", "IsPortableOperatingSystem", "IsWriteFilterCapable", "OSBranch", "SerialNumber",
            "SystemRoles", "VirtualMachineType",
        ], id: 0, namespace: namespace)
        user = try PreparedClass(repository, "SMS_R_User", [
            "ResourceID", "AgentName", "AgentSite", "AgentTime", "CreationDate", "DistinguishedName", "FullDomainName",
            "FullUserName", "Mail", "Name", "NetworkOperatingSystem", "PrimaryGroupID", "ResourceType", "SecurityGroupName",
            "SID", "UniqueUserName", "UserAccountControl", "UserGroupName", "UserName", "UserOUName", "UserPrincipalName",
            "WindowsNTDomain",
        ], id: 1, namespace: namespace)
        userGroup = try PreparedClass(repository, "SMS_R_UserGroup", [
            "ResourceID", "ADDomainName", "AgentName", "AgentSite", "AgentTime", "CreationDate", "DistinguishedName", "Name",
            "NetworkOperatingSystem", "ResourceType", "SID", "UniqueUsergroupName", "UsergroupName", "WindowsNTDomain",
        ], id: 2, namespace: namespace)
    }

    /// About how many rows of each class a system has, a little over the generator's averages: what the tables
    /// reserve before a load.
    static let rowsPerSystem: [CIMName: Double] = [
        "SMS_R_System": 1, "SMS_G_System_PROCESSOR": 1.05, "SMS_G_System_LOGICAL_DISK": 1.05, "SMS_G_System_DISK": 1.05,
        "SMS_G_System_NETWORK_ADAPTER_CONFIGURATION": 1.05, "SMS_G_System_ADD_REMOVE_PROGRAMS": 1.6,
        "SMS_G_System_ADD_REMOVE_PROGRAMS_64": 4.0, "SMS_G_System_INSTALLED_SOFTWARE": 5.6, "SMS_G_System_SERVICE": 3.9,
        "SMS_G_System_SERVER_FEATURE": 1.2, "SMS_G_System_QUICK_FIX_ENGINEERING": 1.9, "SMS_G_System_SoftwareFile": 1.5,
        "SMS_CH_EvalResult": 7.6, "SMS_G_System_TPM": 0.95, "SMS_G_System_BITLOCKER_DETAILS": 0.45,
        "SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS": 0.75, "SMS_G_System_PRINTER_DEVICE": 3.6,
    ]

    /// Sizes the tables for a fleet of this many systems and users.
    func reserve(systems: Int, users: Int) throws {
        try repository.reserveCapacity(users, of: "SMS_R_User", namespace: namespace)
        for name in Fleet.classNames + Fleet.healthClassNames where name != "SMS_R_User" && name != "SMS_R_UserGroup" {
            let perSystem = Self.rowsPerSystem[CIMName(name)] ?? 0.95
            try repository.reserveCapacity(Int(Double(systems) * perSystem), of: CIMName(name), namespace: namespace)
        }
    }

    /// Makes an instance of a prepared class and queues it; each class's instances go to the sink a few
    /// thousand at a time, as one run for ``CIMRepository/putStoredInstances(_:namespace:)``.
    mutating func store(_ prepared: PreparedClass, _ values: [CIMValue]) throws {
        try queue(prepared.instance(nil, values), prepared.id)
    }

    /// Makes an inventory row and queues it.
    mutating func store(_ prepared: PreparedClass, _ header: InventoryHeader, group: Int, _ values: [CIMValue]) throws {
        try queue(prepared.instance(header, group: group, values), prepared.id)
    }

    private mutating func queue(_ instance: CIMInstance, _ id: Int) throws {
        pending[id].append(instance)
        if pending[id].count >= Self.batchSize {
            try sink(pending[id])
            pending[id] = []
            pending[id].reserveCapacity(Self.batchSize)
        }
    }

    static let batchSize = 2_048

    /// Hands over what is still queued.
    mutating func flush() throws {
        for id in pending.indices where !pending[id].isEmpty {
            try sink(pending[id])
            pending[id] = []
        }
    }

    /// A string array value of its own, for a list no other instance holds (addresses).
    static func stringArray(_ list: [String]) -> CIMValue {
        .array(CIMArray(elementType: .string, list.map { .string($0) }))
    }

    /// One shared array value per distinct list of strings, for lists many instances hold (OU chains, groups).
    mutating func strings(_ list: [String]) -> CIMValue {
        if let known = stringLists[list] { return known }
        let value = CIMValue.array(CIMArray(elementType: .string, list.map { .string($0) }))
        stringLists[list] = value
        return value
    }

    /// SYSTEM_ENCLOSURE.ChassisTypes with one element, shared by every system of that chassis.
    mutating func chassis(_ type: UInt32) -> CIMValue {
        if let known = chassisTypes[type] { return known }
        let value = CIMValue.array(CIMArray(elementType: .uint32, [.uint32(type)]))
        chassisTypes[type] = value
        return value
    }

    /// One shared string value for text many instances hold that is built per instance.
    mutating func shared(_ text: String) -> CIMValue {
        if let known = sharedStrings[text] { return known }
        sharedStrings[text] = .string(text)
        return .string(text)
    }

    static func uint(_ n: some BinaryInteger) -> CIMValue { .uint32(UInt32(n)) }
    static func optional(_ s: String?) -> CIMValue { s.map { .string($0) } ?? .null }
    static func datetimes(_ list: [CIMDateTime]) -> CIMValue {
        .array(CIMArray(elementType: .datetime, list.map { .datetime($0) }))
    }

    // MARK: - Discovery records

    mutating func put(_ s: FleetSystem, ridOffset: Int) throws {
        let client = s.hasClient
        let agents = client ? ["Heartbeat Discovery", "SMS_AD_SYSTEM_DISCOVERY_AGENT"] : ["SMS_AD_SYSTEM_DISCOVERY_AGENT"]
        let agentTimes = client ? [s.lastHeartbeat ?? s.lastADDiscovery, s.lastADDiscovery] : [s.lastADDiscovery]
        let ipv6 = s.ipAddresses.filter { $0.contains(":") }
        let dn = "CN=" + s.name + "," + Self.distinguishedOUs(s.ouNames) + ",DC=contoso,DC=com"
        let isDC = s.function == .domainController
        try store(system, [
            Self.uint(s.resourceID), Self.uint(s.isActive ? 1 : 0), .string(s.adSite.name), strings(agents),
            strings(agents.map { _ in s.assignedSite }), Self.datetimes(agentTimes),
            client ? .string(s.os.version) : .null,
            client ? .string(s.os.version + "." + String(s.inventory?.buildRevision ?? s.os.currentRevision)) : .null,
            s.client.map { Self.uint($0 ? 1 : 0) } ?? .null, client ? Self.uint(1) : .null, Self.optional(s.clientVersion),
            .datetime(s.creationDate), Self.uint(0), .string(dn), .string(Fleet.domainDNSName),
            Self.stringArray(s.ipAddresses), strings(s.ipSubnets), ipv6.isEmpty ? .null : Self.stringArray(ipv6),
            client ? .boolean(s.hardware.model.isVirtual) : .null, s.lastLogon.map { .datetime($0) } ?? .null,
            s.lastLogonUserName == nil ? .null : .string(Fleet.domain), Self.optional(s.lastLogonUserName),
            s.macAddresses.isEmpty ? .null : Self.stringArray(s.macAddresses), .string(s.name), .string(s.name),
            Self.uint(s.isObsolete ? 1 : 0), .string(s.os.nameAndVersion), Self.uint(isDC ? 516 : 515),
            .string(Fleet.domain), Self.stringArray([s.fqdn]), Self.uint(5), strings(s.groupNames),
            .string(FleetGenerator.domainSID + "-" + String(1100 + ridOffset + Int(s.resourceID - Fleet.firstSystemID))),
            client ? .string(s.hardware.uuid) : .null, strings([s.assignedSite]),
            client ? strings([s.assignedSite]) : .null, Self.optional(s.smsUniqueIdentifier),
            strings(s.groupNames), strings(s.ouNames), Self.uint(isDC ? 532_480 : 4_096),
        ] + clientReport(s))
        if let inventory = s.inventory {
            try putInventory(s, inventory)
            if includesHealth { try putHealth(s, inventory, InventoryHeader(s, inventory, now: now)) }
        }
    }

    /// SMS_R_System's properties from the client's own report (nothing for a system without a client: discovery
    /// alone does not know them), its AD forest, and the site system roles it holds.
    private func clientReport(_ s: FleetSystem) -> [CIMValue] {
        let roles = siteSystemRoles[s.fqdn] ?? .null
        let forest = CIMValue.string(FleetCatalog.forestGUID)
        guard s.hasClient else { return [.null, .null, .null, .null, forest] + Array(repeating: .null, count: 7) + [roles, .null] }
        let model = s.hardware.model
        let aad = s.inventory?.health.aadDeviceID
        return [
            Self.optional(aad), aad == nil ? .null : .string(FleetCatalog.tenantID), Self.uint(0), Self.uint(1), forest,
            .string(s.hardwareID), .boolean(model.kind == .notebook), Self.uint(0), .boolean(false),
            .boolean(s.role == .kiosk), .string(s.os.servicingBranch), .string(s.hardware.serialNumber), roles,
            Self.uint(model.isVirtual ? 1 : 0),
        ]
    }

    /// The roles of each server in SMS_SystemResourceList, in the order listed, by lower-case FQDN; empty when
    /// the site has none (or no such class).
    static func siteSystemRoles(in repository: CIMRepository, namespace: String?) throws -> [String: CIMValue] {
        guard repository.cimClass(named: "SMS_SystemResourceList", namespace: namespace) != nil else { return [:] }
        var roles: [String: [String]] = [:]
        for row in try repository.instances(of: "SMS_SystemResourceList", namespace: namespace) {
            guard let server = row["ServerName"]?.stringValue?.lowercased(), let role = row["RoleName"]?.stringValue else { continue }
            if !roles[server, default: []].contains(role) { roles[server, default: []].append(role) }
        }
        return roles.mapValues(stringArray)
    }

    /// OU=HQ,OU=WORKSTATIONS from CONTOSO.COM/WORKSTATIONS/HQ (the deepest OU in the chain).
    static func distinguishedOUs(_ ouNames: [String]) -> String {
        guard let deepest = ouNames.last else { return "CN=Computers" }
        return deepest.split(separator: "/").dropFirst().reversed().map { "OU=" + $0 }.joined(separator: ",")
    }

    mutating func put(_ u: FleetUser) throws {
        try store(user, [
            Self.uint(u.resourceID), strings(["SMS_AD_USER_DISCOVERY_AGENT"]), strings(["S01"]), discoveryTimes,
            .datetime(u.creationDate), .string("CN=" + u.fullName + ",OU=" + u.department + ",OU=Staff,DC=contoso,DC=com"),
            .string(Fleet.domainDNSName), .string(u.fullName), .string(u.mail),
            .string(u.uniqueUserName + " (" + u.fullName + ")"), .string("Windows NT"), Self.uint(513), Self.uint(4),
            strings(u.groupNames.map { String($0.dropFirst(Fleet.domain.count + 1)) }), .string(u.sid),
            .string(u.uniqueUserName), Self.uint(512), strings(u.groupNames), .string(u.userName), strings(u.ouNames),
            .string(u.userName + "@contoso.com"), .string(Fleet.domain),
        ])
    }

    mutating func put(_ g: FleetUserGroup) throws {
        let container = g.name.hasPrefix("Domain ") ? "CN=Users" : "OU=Groups"
        try store(userGroup, [
            Self.uint(g.resourceID), .string(Fleet.domainDNSName), strings(["SMS_AD_SECURITY_GROUP_DISCOVERY_AGENT"]),
            strings(["S01"]), discoveryTimes, .datetime(g.creationDate),
            .string("CN=" + g.name + "," + container + ",DC=contoso,DC=com"), .string(g.uniqueName), .string("Windows NT"),
            Self.uint(3), .string(g.sid), .string(g.uniqueName), .string(g.name), .string(Fleet.domain),
        ])
    }
}
