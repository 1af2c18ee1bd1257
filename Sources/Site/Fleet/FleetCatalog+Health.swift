// FleetCatalog+Health: the real-world values client health and the security, Office, printer and video inventory
// are made of — ccmeval's checks, TPM chips, display adapters by computer model, Microsoft 365 Apps channels,
// print queues and the site's management points.

extension FleetCatalog {
    // MARK: - Client health

    /// The checks ccmeval reports, with the IDs the "Client health checks" page gives them (in its HTML comments)
    /// and the names ccmeval's report uses. Eight of the page's two dozen: enough for every client to have a
    /// row per check without making the class the largest of the site.
    public static let healthChecks: [FleetHealthCheck] = [
        FleetHealthCheck(guid: "{AD9CAF50-6602-4857-A9F4-64864EA30BDF}", description: "Verify/Remediate client installation",
                         remediable: true),
        FleetHealthCheck(guid: "{2F373187-6295-4CBB-BE9E-8E43C459883A}", description: "Verify/Remediate client prerequisites",
                         remediable: true),
        FleetHealthCheck(guid: "{70BECB51-44A1-4b46-8A23-6EA3D345B677}",
                         description: "Verify/Remediate SMS Agent Host service status", remediable: true),
        FleetHealthCheck(guid: "{33F46523-5B82-417d-A363-A644E80CAD76}", description: "Verify CcmEval task has run in recent cycles",
                         remediable: true),
        FleetHealthCheck(guid: "{7B9F8FF6-EDF7-42CA-A67F-073A2E161C19}", description: "Verify/Remediate SQL CE database is healthy",
                         remediable: true),
        FleetHealthCheck(guid: "{A81778B5-9A1E-4A52-9C6E-6939CEFAA118}", description: "WMI repository integrity test",
                         remediable: true),
        FleetHealthCheck(guid: "{C35E790D-4C05-40A8-BB46-A68578966D19}", description: "WMI Event Sink Test", remediable: true),
        FleetHealthCheck(guid: "{5CC6C949-5001-4765-84B4-DD4FDC1E6940}", description: "Verify BITS exists", remediable: false),
    ]

    /// A check that fails: its position in ``healthChecks``, how often it is the one (in proportion to the page's
    /// "most common check failures", which the CcmEval task not having run leads by far), the HRESULT and the text.
    struct CheckFailure {
        let check: Int
        let weight: Double
        let code: UInt32
        let detail: String
    }

    static let checkFailures: [CheckFailure] = [
        CheckFailure(check: 3, weight: 0.62, code: 0x8000_4005, detail: "The CcmEval task has not run in the last 3 days."),
        CheckFailure(check: 1, weight: 0.12, code: 0x8007_0002, detail: "Prerequisite Microsoft Policy Platform is not installed."),
        CheckFailure(check: 2, weight: 0.08, code: 0x8007_041D, detail: "Service CcmExec did not start in a timely fashion."),
        CheckFailure(check: 4, weight: 0.06, code: 0x8000_4005, detail: "Client database CcmStore.sdf is corrupt."),
        CheckFailure(check: 0, weight: 0.05, code: 0x8000_4005, detail: "Client installation is incomplete."),
        CheckFailure(check: 6, weight: 0.04, code: 0x8004_1001, detail: "The WMI event sink of the client is lost."),
        CheckFailure(check: 7, weight: 0.03, code: 0x8007_0424, detail: "Service BITS does not exist."),
    ]

    /// The management point of each site's clients: cm01 for S01, cm02 for S02 (SMS_SystemResourceList).
    public static func managementPoint(ofSite siteCode: String) -> String {
        siteCode == "S02" ? "cm02.contoso.com" : "cm01.contoso.com"
    }

    /// Contoso's Entra ID tenant, which hybrid-joined workstations report (SMS_R_System.AADTenantID).
    public static let tenantID = "8f2c6d1e-4b7a-4c3e-9a51-3d0e7b62c4f8"
    /// The contoso.com forest's GUID (SMS_R_System.DNSForestGuid), the same for every system.
    public static let forestGUID = "3e0d3b5c-8f0a-4a5b-9c61-2b7e4d1a9f20"

    // MARK: - Microsoft Defender

    /// Platform and engine versions: the current monthly release and the one before.
    static let defenderVersions: [(platform: String, engine: String)] = [
        ("4.18.24090.11", "1.1.24090.11"), ("4.18.24080.9", "1.1.24080.11"),
    ]

    // MARK: - TPM

    static let intelPTT = FleetTPMChip(manufacturerID: 1_229_870_147, manufacturerVersion: "600.18.0.0",
                                       manufacturerVersionInfo: "Intel", specVersion: "2.0, 0, 1.38", physicalPresenceVersion: "1.3")
    static let infineon = FleetTPMChip(manufacturerID: 1_229_346_816, manufacturerVersion: "16.13.0.0",
                                       manufacturerVersionInfo: "SLB9672", specVersion: "2.0, 0, 1.38", physicalPresenceVersion: "1.3")
    static let amdFTPM = FleetTPMChip(manufacturerID: 1_095_582_720, manufacturerVersion: "6.24.0.6",
                                      manufacturerVersionInfo: "AMD", specVersion: "2.0, 0, 1.38", physicalPresenceVersion: "1.3")
    static let hyperVTPM = FleetTPMChip(manufacturerID: 1_297_303_124, manufacturerVersion: "8215.266.25.96",
                                        manufacturerVersionInfo: "Virtual TPM", specVersion: "2.0, 0, 1.38",
                                        physicalPresenceVersion: "1.3")
    static let vmwareTPM = FleetTPMChip(manufacturerID: 1_447_775_575, manufacturerVersion: "2.0.0.0",
                                        manufacturerVersionInfo: "VMware", specVersion: "2.0, 0, 1.38",
                                        physicalPresenceVersion: "1.3")

    /// The TPM a model ships with: the firmware TPM of its processor (Intel PTT, AMD fTPM), Infineon chips in HP
    /// machines and rack servers, Hyper-V's virtual TPM in (generation 2) guests. VMware guests have a virtual TPM
    /// only when one was added, which ``FleetGenerator`` decides per machine.
    static func tpm(of model: FleetHardwareModel) -> FleetTPMChip {
        switch model.kind {
        case .virtualMachine: return model.manufacturer == "VMware, Inc." ? vmwareTPM : hyperVTPM
        case .rackServer: return infineon
        case .notebook, .desktop:
            if model.manufacturer == "HP" { return infineon }
            return model.processor.manufacturer == "AuthenticAMD" ? amdFTPM : intelPTT
        }
    }

    // MARK: - Display adapters

    static let irisXe = FleetVideoAdapter(
        name: "Intel(R) Iris(R) Xe Graphics", compatibility: "Intel Corporation",
        pnpDeviceID: "PCI\\VEN_8086&DEV_A7A1&SUBSYS_0C0F1028&REV_04\\3&11583659&0&10", adapterRAM: 134_217_728,
        driverVersion: "31.0.101.5186", driverAgeDays: 240, infFilename: "oem42.inf", infSection: "iRPLPD_w10_DS",
        installedDisplayDrivers: "igdumdim0.dll,igd10iumd64.dll,igd10iumd64.dll,igd12umd64.dll",
        videoProcessor: "Intel(R) Iris(R) Xe Graphics Family")
    static let irisXe12 = FleetVideoAdapter(
        name: "Intel(R) Iris(R) Xe Graphics", compatibility: "Intel Corporation",
        pnpDeviceID: "PCI\\VEN_8086&DEV_46A8&SUBSYS_00451414&REV_0C\\3&11583659&0&10", adapterRAM: 134_217_728,
        driverVersion: "31.0.101.4502", driverAgeDays: 420, infFilename: "oem17.inf", infSection: "iADLPD_w10_DS",
        installedDisplayDrivers: "igdumdim0.dll,igd10iumd64.dll,igd10iumd64.dll,igd12umd64.dll",
        videoProcessor: "Intel(R) Iris(R) Xe Graphics Family")
    static let uhd770 = FleetVideoAdapter(
        name: "Intel(R) UHD Graphics 770", compatibility: "Intel Corporation",
        pnpDeviceID: "PCI\\VEN_8086&DEV_A780&SUBSYS_0C0E1028&REV_04\\3&11583659&0&10", adapterRAM: 134_217_728,
        driverVersion: "31.0.101.5186", driverAgeDays: 240, infFilename: "oem42.inf", infSection: "iRPLDTD_w10_DS",
        installedDisplayDrivers: "igdumdim0.dll,igd10iumd64.dll,igd10iumd64.dll,igd12umd64.dll",
        videoProcessor: "Intel(R) UHD Graphics Family")
    static let radeon780M = FleetVideoAdapter(
        name: "AMD Radeon(TM) 780M", compatibility: "Advanced Micro Devices, Inc.",
        pnpDeviceID: "PCI\\VEN_1002&DEV_15BF&SUBSYS_50BD17AA&REV_D2\\4&2A2B3A4B&0&0041", adapterRAM: 536_870_912,
        driverVersion: "31.0.21912.14", driverAgeDays: 300, infFilename: "oem61.inf", infSection: "ati2mtag_Phoenix",
        installedDisplayDrivers: "aticfx64.dll,aticfx64.dll,aticfx64.dll,amdxc64.dll",
        videoProcessor: "AMD Radeon Graphics Processor (0x15BF)")
    static let matroxDell = FleetVideoAdapter(
        name: "Matrox G200eW3 (Nuvoton) WDDM 2.0", compatibility: "Matrox Graphics, Inc.",
        pnpDeviceID: "PCI\\VEN_102B&DEV_0536&SUBSYS_0AA41028&REV_04\\4&1F4A5A3&0&00E1", adapterRAM: 16_777_216,
        driverVersion: "9.15.1.224", driverAgeDays: 900, infFilename: "oem8.inf", infSection: "G200eW3",
        installedDisplayDrivers: "mgag200ew3wddm.dll", videoProcessor: "Matrox G200eW3")
    static let matroxHPE = FleetVideoAdapter(
        name: "Matrox G200eH3 (HPE) WDDM 2.0", compatibility: "Matrox Graphics, Inc.",
        pnpDeviceID: "PCI\\VEN_102B&DEV_0538&SUBSYS_00E4103C&REV_02\\4&2B7E4C1&0&00E0", adapterRAM: 16_777_216,
        driverVersion: "9.15.1.224", driverAgeDays: 900, infFilename: "oem9.inf", infSection: "G200eH3",
        installedDisplayDrivers: "mgag200eh3wddm.dll", videoProcessor: "Matrox G200eH3")
    static let hyperVVideo = FleetVideoAdapter(
        name: "Microsoft Hyper-V Video", compatibility: "Microsoft Corporation",
        pnpDeviceID: "VMBUS\\{DA0A7802-E377-4AAC-8E77-0558EB1073F8}\\{5620E0C7-8062-4DCE-AEB7-520C7EF76171}",
        adapterRAM: 8_388_608, driverVersion: "10.0.20348.1", driverAgeDays: 1200, infFilename: "wvmbusvideo.inf",
        infSection: "HyperVVideo_Inst", installedDisplayDrivers: "", videoProcessor: nil)
    static let vmwareSVGA = FleetVideoAdapter(
        name: "VMware SVGA 3D", compatibility: "VMware, Inc.",
        pnpDeviceID: "PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD&REV_00\\3&61AAA01&0&78", adapterRAM: 268_435_456,
        driverVersion: "9.17.7.2", driverAgeDays: 330, infFilename: "oem5.inf", infSection: "VM3D_AMD64",
        installedDisplayDrivers: "vm3dum64_loader.dll,vm3dum64_10.dll,vm3dum64_10.dll,vm3dum64_10.dll",
        videoProcessor: nil)

    /// The display adapter of a model — the processor's integrated graphics on PCs, the BMC's Matrox chip on rack
    /// servers, the hypervisor's virtual adapter in guests — and the resolution it runs at.
    static func video(of model: FleetHardwareModel) -> (FleetVideoAdapter, width: UInt32, height: UInt32) {
        switch model.kind {
        case .virtualMachine:
            return model.manufacturer == "VMware, Inc." ? (vmwareSVGA, 1280, 800) : (hyperVVideo, 1024, 768)
        case .rackServer:
            return (model.manufacturer == "HPE" ? matroxHPE : matroxDell, 1024, 768)
        case .desktop:
            return (uhd770, 1920, 1080)
        case .notebook:
            if model.processor.manufacturer == "AuthenticAMD" { return (radeon780M, 1920, 1200) }
            if model.manufacturer == "Microsoft Corporation" { return (irisXe12, 2256, 1504) }
            return (irisXe, 1920, 1200)
        }
    }

    // MARK: - Microsoft 365 Apps

    public static let currentChannel = FleetOfficeChannel(name: "Current", guid: "492350f6-3a01-4f97-b9c0-c7c6ddf67d60")
    public static let monthlyEnterpriseChannel = FleetOfficeChannel(name: "MonthlyEnterprise",
                                                                    guid: "55336b82-a18d-4dd6-b5f6-9e5095c314a6")
    public static let semiAnnualChannel = FleetOfficeChannel(name: "SemiAnnual", guid: "7ffbc6bf-bc32-4f92-8982-f9dd17fd3114")

    // MARK: - Printers

    static let printToPDF = FleetPrinter(name: "Microsoft Print to PDF", driverName: "Microsoft Print To PDF",
                                         portName: "PORTPROMPT:", serverName: nil, shareName: nil, location: nil, isDefault: false)
    static let xpsWriter = FleetPrinter(name: "Microsoft XPS Document Writer", driverName: "Microsoft XPS Document Writer v4",
                                        portName: "PORTPROMPT:", serverName: nil, shareName: nil, location: nil, isDefault: false)
    static let oneNote = FleetPrinter(name: "OneNote (Desktop)", driverName: "Send to Microsoft OneNote 16 Driver",
                                      portName: "nul:", serverName: nil, shareName: nil, location: nil, isDefault: false)
    static let fax = FleetPrinter(name: "Fax", driverName: "Microsoft Shared Fax Driver", portName: "SHRFAX:",
                                  serverName: nil, shareName: nil, location: nil, isDefault: false)
    /// The print server every site's queues are shared from.
    public static let printServer = "\\\\PRN01"

    /// The queues on PRN01 for an AD site's workstations: share name, location and the printer's address (on
    /// 10.<site>.250.x, above the servers' range).
    static func printQueues(of site: FleetADSite) -> [FleetPrinter] {
        let queues: [(String, String, Int)] = switch site.name {
        case "HQ": [("HQ-Floor1-MFP", "HQ Floor 1", 21), ("HQ-Floor2-Color", "HQ Floor 2", 22), ("HQ-Floor3-MFP", "HQ Floor 3", 23)]
        case "Branch": [("Branch-MFP", "Branch Office", 21)]
        default: [("LON-MFP", "London Floor 1", 21), ("LON-Color", "London Floor 2", 22)]
        }
        let driver = site.name == "HQ" ? "HP Universal Printing PCL 6" : "Canon Generic Plus PCL6"
        return queues.map { share, location, host in
            FleetPrinter(name: printServer + "\\" + share, driverName: driver,
                         portName: "10." + String(site.octet) + ".250." + String(host), serverName: printServer,
                         shareName: share, location: location, isDefault: true)
        }
    }
}
