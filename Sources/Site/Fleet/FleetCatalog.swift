// FleetCatalog: the real-world values the fleet generator draws from — Windows releases with their captions and
// builds, Active Directory sites and subnets, computer models with their BIOS, processors and disks.

/// The values fleets are made of. Each is a `let`, so every system of a kind shares one copy of its strings.
public enum FleetCatalog {
    // MARK: - Operating systems

    public static let windows11_24H2 = FleetOS(
        caption: "Microsoft Windows 11 Enterprise", version: "10.0.26100", buildNumber: "26100", release: "24H2",
        sku: 4, productType: 1, nameAndVersion: workstationNT, currentRevision: 2605, previousRevision: 2454,
        currentUpdate: "KB5048667", previousUpdate: "KB5046617")
    public static let windows11_24H2Pro = FleetOS(
        caption: "Microsoft Windows 11 Pro", version: "10.0.26100", buildNumber: "26100", release: "24H2",
        sku: 48, productType: 1, nameAndVersion: workstationNT, currentRevision: 2605, previousRevision: 2454,
        currentUpdate: "KB5048667", previousUpdate: "KB5046617")
    public static let windows11_23H2 = FleetOS(
        caption: "Microsoft Windows 11 Enterprise", version: "10.0.22631", buildNumber: "22631", release: "23H2",
        sku: 4, productType: 1, nameAndVersion: workstationNT, currentRevision: 4602, previousRevision: 4460,
        currentUpdate: "KB5048685", previousUpdate: "KB5046633")
    public static let windows10_22H2 = FleetOS(
        caption: "Microsoft Windows 10 Enterprise", version: "10.0.19045", buildNumber: "19045", release: "22H2",
        sku: 4, productType: 1, nameAndVersion: workstationNT, currentRevision: 5247, previousRevision: 5131,
        currentUpdate: "KB5048652", previousUpdate: "KB5046613")
    public static let windows10LTSC = FleetOS(
        caption: "Microsoft Windows 10 IoT Enterprise LTSC", version: "10.0.19044", buildNumber: "19044", release: "LTSC 2021",
        sku: 191, productType: 1, nameAndVersion: workstationNT, currentRevision: 5247, previousRevision: 5131,
        currentUpdate: "KB5048652", previousUpdate: "KB5046613")
    public static let server2019 = server("Microsoft Windows Server 2019 Standard", "10.0.17763", "17763", "2019", sku: 7,
                                          revisions: (6659, 6532), updates: ("KB5048661", "KB5046615"))
    public static let server2022 = server("Microsoft Windows Server 2022 Standard", "10.0.20348", "20348", "2022", sku: 7,
                                          revisions: (2966, 2849), updates: ("KB5048654", "KB5046616"))
    public static let server2022Datacenter = server("Microsoft Windows Server 2022 Datacenter", "10.0.20348", "20348", "2022",
                                                    sku: 8, revisions: (2966, 2849), updates: ("KB5048654", "KB5046616"))
    public static let server2025 = server("Microsoft Windows Server 2025 Standard", "10.0.26100", "26100", "2025", sku: 7,
                                          revisions: (2605, 2454), updates: ("KB5048667", "KB5046617"))

    static let workstationNT = "Microsoft Windows NT Workstation 10.0"
    static let serverNT = "Microsoft Windows NT Server 10.0"

    private static func server(_ caption: String, _ version: String, _ build: String, _ release: String, sku: UInt32,
                               revisions: (Int, Int), updates: (String, String)) -> FleetOS {
        FleetOS(caption: caption, version: version, buildNumber: build, release: release, sku: sku, productType: 3,
                nameAndVersion: serverNT, currentRevision: revisions.0, previousRevision: revisions.1,
                currentUpdate: updates.0, previousUpdate: updates.1)
    }

    /// The same release as a domain controller (ProductType 2).
    static func domainController(_ os: FleetOS) -> FleetOS {
        FleetOS(caption: os.caption, version: os.version, buildNumber: os.buildNumber, release: os.release, sku: os.sku,
                productType: 2, nameAndVersion: os.nameAndVersion, currentRevision: os.currentRevision,
                previousRevision: os.previousRevision, currentUpdate: os.currentUpdate, previousUpdate: os.previousUpdate)
    }

    /// Workstation releases and how common each is.
    static let workstationReleases: [(FleetOS, Double)] = [
        (windows11_24H2, 0.36), (windows11_24H2Pro, 0.04), (windows11_23H2, 0.30), (windows10_22H2, 0.30),
    ]
    static let serverReleases: [(FleetOS, Double)] = [
        (server2019, 0.30), (server2022, 0.35), (server2022Datacenter, 0.15), (server2025, 0.20),
    ]

    // MARK: - Sites

    public static let hq = FleetADSite(name: "HQ", octet: 1, siteCode: "S01", workstationOU: "HQ")
    public static let branch = FleetADSite(name: "Branch", octet: 2, siteCode: "S02", workstationOU: "BRANCH")
    public static let london = FleetADSite(name: "London", octet: 3, siteCode: "S01", workstationOU: "LONDON")
    public static let sites = [hq, branch, london]
    static let workstationSites: [(FleetADSite, Double)] = [(hq, 0.55), (branch, 0.25), (london, 0.20)]
    static let serverSites: [(FleetADSite, Double)] = [(hq, 0.80), (branch, 0.10), (london, 0.10)]
    /// Servers' second network, for backups: 192.168.100.0 and up.
    static let backupNetwork = "192.168"

    // MARK: - Processors

    static let corei7U = FleetProcessor(name: "13th Gen Intel(R) Core(TM) i7-1365U", manufacturer: "GenuineIntel",
                                        cores: 10, logicalProcessors: 12, maxClockSpeed: 1800)
    static let corei5U = FleetProcessor(name: "13th Gen Intel(R) Core(TM) i5-1345U", manufacturer: "GenuineIntel",
                                        cores: 10, logicalProcessors: 12, maxClockSpeed: 1600)
    static let corei5 = FleetProcessor(name: "13th Gen Intel(R) Core(TM) i5-13500", manufacturer: "GenuineIntel",
                                       cores: 14, logicalProcessors: 20, maxClockSpeed: 2500)
    static let ryzen7 = FleetProcessor(name: "AMD Ryzen 7 PRO 7840U w/ Radeon 780M Graphics", manufacturer: "AuthenticAMD",
                                       cores: 8, logicalProcessors: 16, maxClockSpeed: 3301)
    static let surfaceCPU = FleetProcessor(name: "12th Gen Intel(R) Core(TM) i7-1265U", manufacturer: "GenuineIntel",
                                           cores: 10, logicalProcessors: 12, maxClockSpeed: 1800)
    static let xeonGold = FleetProcessor(name: "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", manufacturer: "GenuineIntel",
                                         cores: 32, logicalProcessors: 64, maxClockSpeed: 1995)
    static let xeonSilver = FleetProcessor(name: "Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz", manufacturer: "GenuineIntel",
                                           cores: 16, logicalProcessors: 32, maxClockSpeed: 2394)

    // MARK: - Computer models

    public static let latitude7440 = FleetHardwareModel(
        manufacturer: "Dell Inc.", model: "Latitude 7440", productVersion: "", kind: .notebook, chassisType: 10,
        biosManufacturer: "Dell Inc.", biosVersions: ["1.14.1", "1.10.0"], processor: corei7U, memoryGB: [16, 32],
        diskGB: [512, 1024], diskModel: "KIOXIA KXG80ZNV512G NVMe 512GB", networkAdapter: "Intel(R) Wi-Fi 6E AX211 160MHz",
        macPrefix: "D0:8E:79")
    public static let latitude5540 = FleetHardwareModel(
        manufacturer: "Dell Inc.", model: "Latitude 5540", productVersion: "", kind: .notebook, chassisType: 10,
        biosManufacturer: "Dell Inc.", biosVersions: ["1.12.0", "1.7.1"], processor: corei5U, memoryGB: [8, 16],
        diskGB: [256, 512], diskModel: "SK hynix PC801 NVMe 512GB", networkAdapter: "Intel(R) Wi-Fi 6E AX211 160MHz",
        macPrefix: "C4:5A:B1")
    public static let optiPlex7010 = FleetHardwareModel(
        manufacturer: "Dell Inc.", model: "OptiPlex 7010", productVersion: "", kind: .desktop, chassisType: 3,
        biosManufacturer: "Dell Inc.", biosVersions: ["1.16.0", "1.11.1"], processor: corei5, memoryGB: [8, 16, 32],
        diskGB: [256, 512], diskModel: "PC SN740 NVMe WD 512GB", networkAdapter: "Intel(R) Ethernet Connection (17) I219-LM",
        macPrefix: "B0:4F:13")
    public static let eliteBook840 = FleetHardwareModel(
        manufacturer: "HP", model: "HP EliteBook 840 14 inch G10 Notebook PC", productVersion: "", kind: .notebook,
        chassisType: 10, biosManufacturer: "HP", biosVersions: ["V70 Ver. 01.06.00", "V70 Ver. 01.03.02"], processor: corei7U,
        memoryGB: [16, 32], diskGB: [512], diskModel: "SAMSUNG MZVL2512HDJD-00BH1", networkAdapter: "Intel(R) Wi-Fi 6E AX211 160MHz",
        macPrefix: "BC:0F:F3")
    public static let eliteDeskMini = FleetHardwareModel(
        manufacturer: "HP", model: "HP EliteDesk 800 G9 Desktop Mini PC", productVersion: "", kind: .desktop, chassisType: 35,
        biosManufacturer: "HP", biosVersions: ["U21 Ver. 02.17.00", "U21 Ver. 02.09.01"], processor: corei5, memoryGB: [8, 16],
        diskGB: [256, 512], diskModel: "SAMSUNG MZVL2256HCHQ-00BH1", networkAdapter: "Intel(R) Ethernet Connection (17) I219-LM",
        macPrefix: "84:2A:FD")
    public static let thinkPadT14 = FleetHardwareModel(
        manufacturer: "LENOVO", model: "21HD", productVersion: "ThinkPad T14 Gen 4", kind: .notebook, chassisType: 10,
        biosManufacturer: "LENOVO", biosVersions: ["R2FET59W (1.39 )", "R2FET47W (1.27 )"], processor: ryzen7, memoryGB: [16, 32],
        diskGB: [512, 1024], diskModel: "SAMSUNG MZVL4512HBLU-00BL7", networkAdapter: "Realtek RTL8852CE WiFi 6E PCI-E NIC",
        macPrefix: "F4:A8:0D")
    public static let thinkPadX1 = FleetHardwareModel(
        manufacturer: "LENOVO", model: "21HM", productVersion: "ThinkPad X1 Carbon Gen 11", kind: .notebook, chassisType: 10,
        biosManufacturer: "LENOVO", biosVersions: ["N3XET60W (1.35 )", "N3XET51W (1.26 )"], processor: corei7U, memoryGB: [16, 32],
        diskGB: [512, 1024], diskModel: "SAMSUNG MZVL4512HBLU-00BL7", networkAdapter: "Intel(R) Wi-Fi 6E AX211 160MHz",
        macPrefix: "38:DE:AD")
    public static let thinkCentreM70q = FleetHardwareModel(
        manufacturer: "LENOVO", model: "12E3", productVersion: "ThinkCentre M70q Gen 4", kind: .desktop, chassisType: 35,
        biosManufacturer: "LENOVO", biosVersions: ["M4MKT2AA", "M4MKT1EA"], processor: corei5, memoryGB: [8, 16],
        diskGB: [256, 512], diskModel: "UMIS RPETJ512MKP1QDQ", networkAdapter: "Intel(R) Ethernet Connection (17) I219-V",
        macPrefix: "6C:4B:90")
    public static let surfaceLaptop5 = FleetHardwareModel(
        manufacturer: "Microsoft Corporation", model: "Surface Laptop 5", productVersion: "", kind: .notebook, chassisType: 9,
        biosManufacturer: "Microsoft Corporation", biosVersions: ["21.105.143", "20.102.143"], processor: surfaceCPU,
        memoryGB: [16], diskGB: [256, 512], diskModel: "SAMSUNG MZ9LQ512HBLU-00B00", networkAdapter: "Intel(R) Wi-Fi 6 AX201 160MHz",
        macPrefix: "60:45:BD")
    public static let powerEdgeR750 = FleetHardwareModel(
        manufacturer: "Dell Inc.", model: "PowerEdge R750", productVersion: "", kind: .rackServer, chassisType: 23,
        biosManufacturer: "Dell Inc.", biosVersions: ["1.15.2", "1.12.1"], processor: xeonGold, memoryGB: [256, 512],
        diskGB: [480], diskModel: "DELLBOSS VD", networkAdapter: "Broadcom NetXtreme E-Series Advanced Dual-port 25Gb SFP28 Ethernet OCP 3.0 Adapter",
        macPrefix: "B4:96:91")
    public static let proLiantDL380 = FleetHardwareModel(
        manufacturer: "HPE", model: "ProLiant DL380 Gen10 Plus", productVersion: "", kind: .rackServer, chassisType: 23,
        biosManufacturer: "HPE", biosVersions: ["U46 v2.16 (03/01/2024)", "U46 v1.90 (11/04/2023)"], processor: xeonSilver,
        memoryGB: [256, 384], diskGB: [480], diskModel: "HPE Smart Array P408i-a SR Gen10", networkAdapter: "HPE Ethernet 10/25Gb 2-port 640FLR-SFP28 Adapter",
        macPrefix: "94:40:C9")
    public static let vmwareVM = FleetHardwareModel(
        manufacturer: "VMware, Inc.", model: "VMware7,1", productVersion: "", kind: .virtualMachine, chassisType: 1,
        biosManufacturer: "VMware, Inc.", biosVersions: ["VMW71.00V.21100432.B64.2301110304", "VMW71.00V.18227214.B64.2106252220"],
        processor: xeonGold, memoryGB: [8, 16, 32, 64], diskGB: [100, 127], diskModel: "VMware Virtual disk SCSI Disk Device",
        networkAdapter: "vmxnet3 Ethernet Adapter", macPrefix: "00:50:56")
    public static let hyperVVM = FleetHardwareModel(
        manufacturer: "Microsoft Corporation", model: "Virtual Machine", productVersion: "", kind: .virtualMachine, chassisType: 3,
        biosManufacturer: "Microsoft Corporation", biosVersions: ["Hyper-V UEFI Release v4.1", "Hyper-V UEFI Release v4.0"],
        processor: xeonSilver, memoryGB: [8, 16, 32], diskGB: [127], diskModel: "Microsoft Virtual Disk",
        networkAdapter: "Microsoft Hyper-V Network Adapter", macPrefix: "00:15:5D")

    static let workstationModels: [(FleetHardwareModel, Double)] = [
        (latitude7440, 0.24), (latitude5540, 0.10), (optiPlex7010, 0.15), (eliteBook840, 0.15), (eliteDeskMini, 0.07),
        (thinkPadT14, 0.12), (thinkPadX1, 0.05), (thinkCentreM70q, 0.07), (surfaceLaptop5, 0.05),
    ]
    static let kioskModels: [(FleetHardwareModel, Double)] = [(optiPlex7010, 0.5), (eliteDeskMini, 0.3), (thinkCentreM70q, 0.2)]
    /// Three servers in four are virtual machines.
    static let serverModels: [(FleetHardwareModel, Double)] = [
        (vmwareVM, 0.45), (hyperVVM, 0.30), (powerEdgeR750, 0.15), (proLiantDL380, 0.10),
    ]

    /// How many functions servers have, by weight; every site with servers also gets a domain controller.
    /// Contoso's ConfigMgr servers, as the demo site's roles (SMS_SystemResourceList) name them: servers of the
    /// fleet like any other — each runs the ConfigMgr client — whose SystemRoles are those roles.
    public static let siteSystems: [(name: String, site: FleetADSite)] = [
        ("CM01", hq), ("CM02", branch), ("DP1", hq), ("DP2", hq), ("DP3", london), ("DP4", branch),
    ]

    static let serverFunctions: [(FleetServerFunction, Double)] = [
        (.app, 0.35), (.web, 0.22), (.sql, 0.18), (.file, 0.17), (.domainController, 0.08),
    ]
}
