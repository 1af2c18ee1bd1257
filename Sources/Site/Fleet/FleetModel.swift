// FleetModel: a generated fleet as plain Swift values — systems with their discovery data and inventory, users
// and user groups. Tests compute expected query answers from these values, independently of the query engine;
// Fleet+Instances.swift turns them into SMS_R_* and SMS_G_System_* instances.
import CIM

/// A generated fleet: what ``FleetGenerator`` made for a number of systems, a seed and a time.
public struct Fleet: Sendable {
    /// The seed it was generated from.
    public let seed: UInt64
    /// The site clock's time it was generated for: last-logon times, scans and install dates lie before it.
    public let now: CIMDateTime
    /// The systems, in ResourceID order (from 16777220).
    public var systems: [FleetSystem]
    /// The users, in ResourceID order (from 2063597568).
    public var users: [FleetUser]
    /// The user groups, in ResourceID order (from 2000000000).
    public var userGroups: [FleetUserGroup]

    /// The first ResourceID of each kind, as ConfigMgr numbers them.
    public static let firstSystemID: UInt32 = 16_777_220
    public static let firstUserID: UInt32 = 2_063_597_568
    public static let firstUserGroupID: UInt32 = 2_000_000_000
    /// The domain every resource belongs to.
    public static let domain = "CONTOSO"
    public static let domainDNSName = "CONTOSO.COM"
}

/// What a system is for.
public enum FleetRole: String, Sendable, CaseIterable {
    case workstation, kiosk, server
}

/// What a server does; decides its software, services, features, OU and groups. The raw value names its OU,
/// CONTOSO.COM/SERVERS/<raw value>.
public enum FleetServerFunction: String, Sendable, CaseIterable {
    case sql = "SQL", file = "FILE", web = "WEB", app = "APP", domainController = "DC"
    /// A ConfigMgr site system (site server, management point, distribution point): named by the site's roles
    /// (``FleetCatalog/siteSystems``), never drawn at random.
    case configMgr = "CONFIGMGR"

    /// How its servers' names start: SRV-SQL01, SRV-FS01, SRV-WEB01, SRV-APP01, DC01.
    public var namePrefix: String {
        switch self {
        case .sql: "SRV-SQL"
        case .file: "SRV-FS"
        case .web: "SRV-WEB"
        case .app: "SRV-APP"
        case .domainController: "DC"
        case .configMgr: "CM"
        }
    }
}

/// An Active Directory site: where a system is, which subnets it uses and which site it is assigned to.
public struct FleetADSite: Sendable, Hashable {
    /// ADSiteName, e.g. HQ.
    public let name: String
    /// The second octet of its addresses: 10.<octet>.x.y.
    public let octet: Int
    /// The ConfigMgr site its boundaries assign clients to (SMSAssignedSites).
    public let siteCode: String
    /// The last OU level of its workstations, e.g. HQ in CONTOSO.COM/WORKSTATIONS/HQ.
    public let workstationOU: String
}

/// One system: its discovery record (SMS_R_System) and, when a client reports inventory, its inventory.
public struct FleetSystem: Sendable {
    public var resourceID: UInt32
    /// Name and NetBIOS name, e.g. PC-0001.
    public var name: String
    public var role: FleetRole
    /// What a server does; nil for workstations and kiosks.
    public var function: FleetServerFunction?
    public var adSite: FleetADSite
    /// SystemOUName: every OU level, outermost first.
    public var ouNames: [String]
    /// SystemGroupName, as DOMAIN\group.
    public var groupNames: [String]
    /// IPAddresses (IPv4 first, then an IPv6 link-local address on workstations).
    public var ipAddresses: [String]
    /// IPSubnets: the subnet address of each IPv4 address, e.g. 10.1.0.0.
    public var ipSubnets: [String]
    /// MACAddresses; empty for systems with no client (discovery alone does not know them).
    public var macAddresses: [String]
    /// The operating system: from discovery (OperatingSystemNameandVersion, Build) and inventory.
    public var os: FleetOS
    public var hardware: FleetHardware
    /// Client = 1 (true), 0 (false) or null (nil: discovered, never tried).
    public var client: Bool?
    public var clientVersion: String?
    /// Active = 1.
    public var isActive: Bool
    /// Obsolete = 1: an older record of a computer that has a newer one with the same name.
    public var isObsolete: Bool
    /// SMSAssignedSites' single element.
    public var assignedSite: String
    public var lastLogon: CIMDateTime?
    public var lastLogonUserName: String?
    /// When discovery first found it (CreationDate).
    public var creationDate: CIMDateTime
    /// Heartbeat discovery's time (AgentTime of "Heartbeat Discovery"); nil without a client.
    public var lastHeartbeat: CIMDateTime?
    /// Active Directory system discovery's time.
    public var lastADDiscovery: CIMDateTime
    public var smsUniqueIdentifier: String?
    /// Hardware and software inventory; nil when no client reports it (no client, or an obsolete record).
    public var inventory: FleetInventory?

    /// true for a client whose agent reports (Client = 1).
    public var hasClient: Bool { client == true }
    public var isServer: Bool { role == .server }
    /// The IPv4 address of its first adapter.
    public var primaryIPAddress: String { ipAddresses[0] }
    public var fqdn: String { name.lowercased() + ".contoso.com" }
}

/// A release of Windows with its edition: what OPERATING_SYSTEM reports.
public struct FleetOS: Sendable, Hashable {
    /// Caption, e.g. Microsoft Windows 11 Enterprise.
    public let caption: String
    /// Version, e.g. 10.0.26100.
    public let version: String
    /// BuildNumber, e.g. 26100.
    public let buildNumber: String
    /// Release name, e.g. 24H2 or 2022.
    public let release: String
    public let sku: UInt32
    /// 1 workstation, 2 domain controller, 3 server.
    public let productType: UInt32
    /// SMS_R_System.OperatingSystemNameandVersion.
    public let nameAndVersion: String
    /// Update build revisions: the current cumulative update's and the previous one's.
    public let currentRevision: Int
    public let previousRevision: Int
    /// The cumulative updates (KB numbers) of those revisions.
    public let currentUpdate: String
    public let previousUpdate: String

    public var isServer: Bool { productType != 1 }
    public var isWindows11: Bool { caption.contains("Windows 11") }
}

/// A computer model with the parts it ships with.
public struct FleetHardwareModel: Sendable, Hashable {
    public enum Kind: String, Sendable { case notebook, desktop, rackServer, virtualMachine }
    /// COMPUTER_SYSTEM.Manufacturer, e.g. Dell Inc.
    public let manufacturer: String
    /// COMPUTER_SYSTEM.Model, e.g. Latitude 7440 (a machine type, 21HD, on Lenovo).
    public let model: String
    /// COMPUTER_SYSTEM_PRODUCT.Version: the marketing name on Lenovo, else empty.
    public let productVersion: String
    public let kind: Kind
    /// SYSTEM_ENCLOSURE.ChassisTypes' single element.
    public let chassisType: UInt32
    public let biosManufacturer: String
    /// SMBIOSBIOSVersion: the current release and an older one.
    public let biosVersions: [String]
    public let processor: FleetProcessor
    /// Memory sizes it is sold with, in GB.
    public let memoryGB: [Int]
    /// Size of its system disk, in GB.
    public let diskGB: [Int]
    public let diskModel: String
    public let networkAdapter: String
    /// The first three bytes of its MAC addresses.
    public let macPrefix: String
    public var isVirtual: Bool { kind == .virtualMachine }
}

/// A processor model.
public struct FleetProcessor: Sendable, Hashable {
    public let name: String
    public let manufacturer: String
    public let cores: Int
    public let logicalProcessors: Int
    /// MaxClockSpeed in MHz.
    public let maxClockSpeed: Int
}

/// The hardware one system has: its model and what varies between machines of that model.
public struct FleetHardware: Sendable {
    public let model: FleetHardwareModel
    public let serialNumber: String
    public let uuid: String
    public let biosVersion: String
    public let biosReleaseDate: CIMDateTime
    /// Processor sockets (PROCESSOR rows).
    public let sockets: Int
    /// Cores per socket (differs from the model's for virtual machines).
    public let coresPerSocket: Int
    public let memoryGB: Int
    /// TotalPhysicalMemory of X86_PC_MEMORY, in KB: memoryGB less what the firmware keeps.
    public let memoryKB: UInt32
}

/// Hardware and software inventory of one system.
public struct FleetInventory: Sendable {
    /// The update build revision installed (the current CU's or the previous one's).
    public var buildRevision: Int
    public var installDate: CIMDateTime
    public var lastBootUpTime: CIMDateTime
    /// LastHardwareScan, and every inventory row's TimeStamp.
    public var lastHardwareScan: CIMDateTime
    public var logicalDisks: [FleetLogicalDisk]
    public var disks: [FleetDisk]
    public var adapters: [FleetAdapter]
    public var software: [FleetInstall]
    public var services: [FleetService]
    public var serverFeatures: [FleetServerFeature]
    public var hotfixes: [FleetHotfix]
    public var topConsoleUser: String?
    public var totalConsoleTime: Int
    public var consoleUsers: Int
    /// Client health and the security, Office, printer and video inventory (FleetModel+Health.swift).
    public var health: FleetHealth
}

/// A volume (LOGICAL_DISK); sizes in MB.
public struct FleetLogicalDisk: Sendable {
    public let deviceID: String
    public let volumeName: String
    public let fileSystem: String
    public let sizeMB: UInt32
    public let freeMB: UInt32
    /// 3 local disk.
    public let driveType: UInt32
}

/// A physical or virtual disk (DISK); size in MB.
public struct FleetDisk: Sendable {
    public let index: Int
    public let model: String
    public let interfaceType: String
    public let sizeMB: UInt32
    public let partitions: Int
}

/// A network adapter's configuration (NETWORK_ADAPTER_CONFIGURATION).
public struct FleetAdapter: Sendable {
    public let index: Int
    public let description: String
    public let macAddress: String
    public let ipAddresses: [String]
    /// Masks, as Windows reports them: 255.255.255.0 (and 64 for an IPv6 address).
    public let ipSubnetMasks: [String]
    public let defaultGateway: [String]
    public let dhcpEnabled: Bool
}

/// One installed product: a catalog entry and when it was installed.
public struct FleetInstall: Sendable {
    public let software: FleetSoftware
    public let installDate: CIMDateTime
}

/// A service of one system (SERVICE).
public struct FleetService: Sendable {
    public let definition: FleetServiceDefinition
    /// Auto, Manual or Disabled.
    public let startMode: String
    /// Running or Stopped.
    public let state: String
}

/// A Windows Server feature (SERVER_FEATURE).
public struct FleetServerFeature: Sendable, Hashable {
    public let id: UInt32
    public let name: String
    public let parentID: UInt32
}

/// An installed update (QUICK_FIX_ENGINEERING).
public struct FleetHotfix: Sendable {
    public let hotFixID: String
    public let description: String
    public let installedOn: CIMDateTime
    public let installedBy: String
}

/// A user account (SMS_R_User).
public struct FleetUser: Sendable {
    public let resourceID: UInt32
    /// sAMAccountName, e.g. jdoe.
    public let userName: String
    /// Display name, e.g. Jane Doe.
    public let fullName: String
    public let department: String
    public let adSite: FleetADSite
    /// UserOUName: every OU level.
    public let ouNames: [String]
    /// UserGroupName, as DOMAIN\group.
    public let groupNames: [String]
    public let mail: String
    public let sid: String
    public let creationDate: CIMDateTime

    public var uniqueUserName: String { Fleet.domain + "\\" + userName }
}

/// A user group (SMS_R_UserGroup).
public struct FleetUserGroup: Sendable {
    public let resourceID: UInt32
    /// The group's name without its domain, e.g. Domain Users.
    public let name: String
    public let sid: String
    public let creationDate: CIMDateTime

    public var uniqueName: String { Fleet.domain + "\\" + name }
}
