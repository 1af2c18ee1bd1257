// Fleet+InventoryInstances: one system's inventory as SMS_G_System_* rows, each keyed by ResourceID and GroupID
// (1…n for classes with several rows per system), stamped with the system's last hardware scan.
import CIM

/// The inventory classes, prepared once: every one lists the inventory header first.
struct InventoryClasses {
    let operatingSystem, computerSystem, product, bios, enclosure, processor, memory, logicalDisk, disk, adapter,
        system, consoleUsage, workstationStatus, addRemove32, addRemove64, installedSoftware, service, serverFeature,
        quickFix, softwareFile: PreparedClass

    /// How many classes there are (their ``PreparedClass/id``s run from the first one given).
    static let count = 20

    init(_ repository: CIMRepository, firstID: Int, namespace: String?) throws {
        var sequence = PreparedClassSequence(repository: repository, namespace: namespace, id: firstID)
        func prepared(_ name: CIMName, _ properties: [CIMName], header: Bool = true) throws -> PreparedClass {
            try sequence.next(name, properties, header: header)
        }
        operatingSystem = try prepared("SMS_G_System_OPERATING_SYSTEM", [
            "BootDevice", "BuildNumber", "Caption", "CodeSet", "CountryCode", "CSName", "CurrentTimeZone", "FreePhysicalMemory",
            "InstallDate", "LastBootUpTime", "Locale", "Manufacturer", "Name", "OperatingSystemSKU", "Organization",
            "OSArchitecture", "OSLanguage", "OSProductSuite", "OSType", "ProductType", "RegisteredUser",
            "ServicePackMajorVersion", "ServicePackMinorVersion", "SystemDirectory", "SystemDrive", "TotalVirtualMemorySize",
            "TotalVisibleMemorySize", "Version", "WindowsDirectory",
        ])
        computerSystem = try prepared("SMS_G_System_COMPUTER_SYSTEM", [
            "Caption", "CurrentTimeZone", "Description", "Domain", "DomainRole", "Manufacturer", "Model", "Name",
            "NumberOfLogicalProcessors", "NumberOfProcessors", "PCSystemType", "Roles", "Status", "SystemType",
            "TotalPhysicalMemory", "UserName",
        ])
        product = try prepared("SMS_G_System_COMPUTER_SYSTEM_PRODUCT", ["IdentifyingNumber", "Name", "UUID", "Vendor", "Version"])
        bios = try prepared("SMS_G_System_PC_BIOS", [
            "BIOSVersion", "Caption", "Description", "Manufacturer", "Name", "ReleaseDate", "SerialNumber", "SMBIOSBIOSVersion",
            "SoftwareElementID", "SoftwareElementState", "TargetOperatingSystem", "Version",
        ])
        enclosure = try prepared("SMS_G_System_SYSTEM_ENCLOSURE", ["ChassisTypes", "Manufacturer", "SerialNumber", "SMBIOSAssetTag", "Tag"])
        processor = try prepared("SMS_G_System_PROCESSOR", [
            "AddressWidth", "Architecture", "DataWidth", "DeviceID", "Is64Bit", "IsHyperthreadCapable", "IsMobile", "IsMulticore",
            "Manufacturer", "MaxClockSpeed", "Name", "NormSpeed", "NumberOfCores", "NumberOfLogicalProcessors", "ProcessorType",
            "Status", "SystemName",
        ])
        memory = try prepared("SMS_G_System_X86_PC_MEMORY", [
            "AvailableVirtualMemory", "TotalPageFileSpace", "TotalPhysicalMemory", "TotalVirtualMemory",
        ])
        logicalDisk = try prepared("SMS_G_System_LOGICAL_DISK", [
            "Access", "Caption", "Compressed", "Description", "DeviceID", "DriveType", "FileSystem", "FreeSpace", "Name", "Size",
            "SystemName", "VolumeName",
        ])
        disk = try prepared("SMS_G_System_DISK", [
            "Caption", "Description", "DeviceID", "Index", "InterfaceType", "Manufacturer", "MediaType", "Model", "Name",
            "Partitions", "SCSIBus", "SCSILogicalUnit", "SCSIPort", "SCSITargetId", "Size", "SystemName",
        ])
        adapter = try prepared("SMS_G_System_NETWORK_ADAPTER_CONFIGURATION", [
            "DefaultIPGateway", "Description", "DHCPEnabled", "DNSDomain", "DNSHostName", "Index", "IPAddress", "IPEnabled",
            "IPSubnet", "MACAddress",
        ])
        system = try prepared("SMS_G_System_SYSTEM", ["Domain", "Name", "SystemRole", "SystemType"])
        consoleUsage = try prepared("SMS_G_System_SYSTEM_CONSOLE_USAGE", [
            "SecurityLogStartDate", "TopConsoleUser", "TotalConsoleTime", "TotalConsoleUsers", "TotalSecurityLogTime",
        ])
        workstationStatus = try prepared("SMS_G_System_WORKSTATION_STATUS", ["LastHardwareScan"])
        let programs: [CIMName] = ["DisplayName", "InstallDate", "ProdID", "Publisher", "Version"]
        addRemove32 = try prepared("SMS_G_System_ADD_REMOVE_PROGRAMS", programs)
        addRemove64 = try prepared("SMS_G_System_ADD_REMOVE_PROGRAMS_64", programs)
        installedSoftware = try prepared("SMS_G_System_INSTALLED_SOFTWARE", [
            "ARPDisplayName", "InstallDate", "InstallSource", "ProductName", "ProductVersion", "Publisher", "SoftwareCode",
            "VersionMajor", "VersionMinor",
        ])
        service = try prepared("SMS_G_System_SERVICE", [
            "AcceptPause", "AcceptStop", "Caption", "DisplayName", "ErrorControl", "ExitCode", "Name",
            "PathName", "ProcessId", "ServiceType", "Started", "StartMode", "StartName", "State", "Status", "SystemName",
        ])
        serverFeature = try prepared("SMS_G_System_SERVER_FEATURE", ["ID", "Name", "ParentID"])
        quickFix = try prepared("SMS_G_System_QUICK_FIX_ENGINEERING", [
            "Caption", "CSName", "Description", "FixComments", "HotFixID", "InstalledBy", "InstalledOn",
        ])
        softwareFile = try prepared("SMS_G_System_SoftwareFile", [
            "ResourceID", "FileID", "RevisionID", "TimeStamp", "FileCount", "FileDescription", "FileModifiedDate", "FileName",
            "FilePath", "FileSize", "FileVersion", "CreationDate", "ModifiedDate", "ProductId",
        ], header: false)
    }
}

/// The values every inventory row of one system starts with (GroupID aside; AgentID is 1).
struct InventoryHeader {
    let resourceID: CIMValue
    let revision: CIMValue
    let timeStamp: CIMValue

    /// The header of the system's rows: stamped with its last hardware scan, revised once a month since install.
    init(_ s: FleetSystem, _ inv: FleetInventory, now: CIMDateTime) {
        resourceID = .uint32(s.resourceID)
        revision = .uint32(UInt32(1 + (now.utcMicroseconds - inv.installDate.utcMicroseconds) / (30 * 86_400_000_000)))
        timeStamp = .datetime(inv.lastHardwareScan)
    }

    /// ResourceID, GroupID, RevisionID, TimeStamp and AgentID, by position.
    func value(at position: Int, group: Int) -> CIMValue {
        switch position {
        case 0: resourceID
        case 1: .uint32(UInt32(group))
        case 2: revision
        case 3: timeStamp
        default: .uint32(1)
        }
    }
}

/// What INSTALLED_SOFTWARE shows of a catalog product, computed once per product.
struct InstalledSoftwareValues {
    let installSource: CIMValue
    let softwareCode: CIMValue
    let major: CIMValue
    let minor: CIMValue
}

extension FleetLoader {
    private typealias V = CIMValue

    mutating func putInventory(_ s: FleetSystem, _ inv: FleetInventory) throws {
        let c = classes
        let h = InventoryHeader(s, inv, now: now)
        let stamp = h.timeStamp
        let name = V.string(s.name)
        let hw = s.hardware, model = hw.model, os = s.os
        let server = s.role == .server

        try store(c.operatingSystem, h, group: 1, [
            .string("\\Device\\HarddiskVolume1"), .string(os.buildNumber), .string(os.caption), .string("1252"), .string("1"),
            name, .sint32(0), Self.uint(hw.memoryKB / 2), .datetime(inv.installDate), .datetime(inv.lastBootUpTime),
            .string("0409"), .string("Microsoft Corporation"), shared(os.caption + "|C:\\WINDOWS|\\Device\\Harddisk0\\Partition3"),
            Self.uint(os.sku), .string("Contoso"), .string("64-bit"), Self.uint(1033),
            Self.uint(server ? 272 : 256), Self.uint(18), Self.uint(os.productType), .string("Contoso"), Self.uint(0), Self.uint(0),
            .string("C:\\WINDOWS\\system32"), .string("C:"), Self.uint(hw.memoryKB + min(hw.memoryKB, 16_777_216)),
            Self.uint(hw.memoryKB), .string(os.version), .string("C:\\WINDOWS"),
        ])
        let logical = hw.model.isVirtual ? hw.sockets * hw.coresPerSocket : hw.sockets * model.processor.logicalProcessors
        var roles = ["LM_Workstation", "LM_Server", "NT"]
        switch s.function {
        case .sql?: roles += ["Server_NT", "SQLServer"]
        case .domainController?: roles = ["LM_Workstation", "LM_Server", "Primary_Domain_Controller", "Timesource", "NT", "DFS"]
        case .file?, .web?, .app?, .configMgr?: roles += ["Server_NT"]
        case nil: break
        }
        let pcType: UInt32 = model.kind == .notebook ? 2 : model.kind == .rackServer ? 4 : 1
        try store(c.computerSystem, h, group: 1, [
            name, .sint32(0), .string("AT/AT COMPATIBLE"), .string("contoso.com"),
            Self.uint(s.function == .domainController ? 5 : server ? 3 : 1), .string(model.manufacturer), .string(model.model),
            name, Self.uint(logical), Self.uint(hw.sockets), Self.uint(pcType), strings(roles), .string("OK"),
            .string("x64-based PC"), .uint64(UInt64(hw.memoryKB) * 1024),
            s.role == .workstation ? Self.optional(inv.topConsoleUser) : .null,
        ])
        try store(c.product, h, group: 1, [
            .string(hw.serialNumber), .string(model.model), .string(hw.uuid), .string(model.manufacturer),
            .string(model.productVersion),
        ])
        let smbios = V.string(hw.biosVersion)
        try store(c.bios, h, group: 1, [
            smbios, smbios, smbios, .string(model.biosManufacturer), smbios, .datetime(hw.biosReleaseDate),
            .string(hw.serialNumber), smbios, smbios, Self.uint(3), Self.uint(0), smbios,
        ])
        try store(c.enclosure, h, group: 1, [
            chassis(model.chassisType), .string(model.manufacturer), .string(hw.serialNumber),
            .string(model.isVirtual ? "No Asset Tag" : "CONTOSO-" + hw.serialNumber.prefix(7)), .string("System Enclosure 0"),
        ])
        for socket in 0..<hw.sockets {
            let cpu = model.processor
            let threads = model.isVirtual ? hw.coresPerSocket : cpu.logicalProcessors
            try store(c.processor, h, group: socket + 1, [
                Self.uint(64), Self.uint(9), Self.uint(64), .string("CPU" + String(socket)), .boolean(true),
                .boolean(threads > hw.coresPerSocket), .boolean(model.kind == .notebook), .boolean(hw.coresPerSocket > 1),
                .string(cpu.manufacturer), Self.uint(cpu.maxClockSpeed), .string(cpu.name), Self.uint(cpu.maxClockSpeed),
                Self.uint(hw.coresPerSocket), Self.uint(threads), Self.uint(3), .string("OK"), name,
            ])
        }
        let pageFile = min(hw.memoryKB, 16_777_216)
        try store(c.memory, h, group: 1, [
            Self.uint(hw.memoryKB / 2 + pageFile / 2), Self.uint(pageFile), Self.uint(hw.memoryKB), Self.uint(hw.memoryKB + pageFile),
        ])
        for (n, volume) in inv.logicalDisks.enumerated() {
            let letter = V.string(volume.deviceID)
            try store(c.logicalDisk, h, group: n + 1, [
                Self.uint(0), letter, .boolean(false), .string("Local Fixed Disk"), letter, Self.uint(volume.driveType),
                .string(volume.fileSystem), Self.uint(volume.freeMB), letter, Self.uint(volume.sizeMB), name,
                .string(volume.volumeName),
            ])
        }
        for d in inv.disks {
            let device = V.string("\\\\.\\PHYSICALDRIVE" + String(d.index))
            try store(c.disk, h, group: d.index + 1, [
                .string(d.model), .string("Disk drive"), device, Self.uint(d.index), .string(d.interfaceType),
                .string("(Standard disk drives)"), .string("Fixed hard disk media"), .string(d.model), device,
                Self.uint(d.partitions), Self.uint(0), Self.uint(0), Self.uint(server ? 2 : 0), Self.uint(d.index),
                Self.uint(d.sizeMB), name,
            ])
        }
        for (n, a) in inv.adapters.enumerated() {
            try store(c.adapter, h, group: n + 1, [
                a.defaultGateway.isEmpty ? .null : strings(a.defaultGateway), .string(a.description), .boolean(a.dhcpEnabled),
                .string("contoso.com"), .string(s.name.lowercased()), Self.uint(a.index), Self.stringArray(a.ipAddresses),
                .boolean(true), strings(a.ipSubnetMasks), .string(a.macAddress),
            ])
        }
        try store(c.system, h, group: 1, [
            .string(Fleet.domain), name, .string(server ? "Server" : "Workstation"), .string("X64-based PC"),
        ])
        try store(c.consoleUsage, h, group: 1, [
            .datetime(CIMDateTime(utcMicroseconds: inv.lastHardwareScan.utcMicroseconds - 90 * 86_400_000_000)),
            Self.optional(inv.topConsoleUser), Self.uint(inv.totalConsoleTime), Self.uint(inv.consoleUsers), Self.uint(129_600),
        ])
        try store(c.workstationStatus, h, group: 1, [stamp])
        try putSoftware(s, inv, h)
    }

    private mutating func putSoftware(_ s: FleetSystem, _ inv: FleetInventory, _ h: InventoryHeader) throws {
        let c = classes
        var (rows32, rows64) = (0, 0)
        for (n, install) in inv.software.enumerated() {
            let sw = install.software
            let d = install.installDate
            let ymd = String(d.year) + FleetGenerator.padded(d.month, 2) + FleetGenerator.padded(d.day, 2)
            let arp: [V] = [.string(sw.displayName), .string(ymd), .string(sw.productCode), .string(sw.publisher), .string(sw.version)]
            if sw.is64Bit {
                rows64 += 1
                try store(c.addRemove64, h, group: rows64, arp)
            } else {
                rows32 += 1
                try store(c.addRemove32, h, group: rows32, arp)
            }
            let derived = installedValues(sw)
            try store(c.installedSoftware, h, group: n + 1, [
                .string(sw.displayName), .datetime(d), derived.installSource, .string(sw.displayName), .string(sw.version),
                .string(sw.publisher), derived.softwareCode, derived.major, derived.minor,
            ])
            if let file = sw.file {
                try store(c.softwareFile, [
                    Self.uint(s.resourceID), Self.uint(file.fileID), Self.uint(1), .datetime(inv.lastHardwareScan), Self.uint(1),
                    .string(file.description), .datetime(d), .string(file.fileName), .string(file.filePath),
                    Self.uint(file.fileSize), .string(file.fileVersion), .datetime(d), .datetime(d), Self.uint(file.productID),
                ])
            }
        }
        let name = V.string(s.name)
        for (n, svc) in inv.services.enumerated() {
            let def = svc.definition
            let running = svc.state == "Running"
            try store(c.service, h, group: n + 1, [
                .boolean(false), .boolean(running), .string(def.displayName), .string(def.displayName),
                .string("Normal"), Self.uint(running ? 0 : 1077), .string(def.name), .string(def.pathName),
                Self.uint(running ? 1000 + (Int(s.resourceID) * 7 + n * 131) % 30_000 : 0), .string(def.serviceType),
                .boolean(running), .string(svc.startMode), .string(def.startName), .string(svc.state), .string("OK"), name,
            ])
        }
        for (n, feature) in inv.serverFeatures.enumerated() {
            try store(c.serverFeature, h, group: n + 1, [Self.uint(feature.id), .string(feature.name), Self.uint(feature.parentID)])
        }
        for (n, fix) in inv.hotfixes.enumerated() {
            let on = fix.installedOn
            try store(c.quickFix, h, group: n + 1, [
                shared("https://support.microsoft.com/help/" + fix.hotFixID.dropFirst(2)), name,
                .string(fix.description), .string(""), .string(fix.hotFixID), .string(fix.installedBy),
                .string(String(on.month) + "/" + String(on.day) + "/" + String(on.year)),
            ])
        }
    }

    /// INSTALLED_SOFTWARE's derived values of a product, made once and shared by every row of it.
    private mutating func installedValues(_ sw: FleetSoftware) -> InstalledSoftwareValues {
        if let known = softwareValues[sw] { return known }
        let parts = sw.version.split(separator: ".")
        let values = InstalledSoftwareValues(
            installSource: .string(FleetCatalog.installSourceRoot + sw.family.filter { $0 != " " && $0 != "|" } + "\\"),
            softwareCode: .string(sw.productCode.lowercased()),
            major: parts.first.flatMap { UInt32($0) }.map { .uint32($0) } ?? .null,
            minor: parts.dropFirst().first.flatMap { UInt32($0) }.map { .uint32($0) } ?? .null)
        softwareValues[sw] = values
        return values
    }
}

/// Prepares inventory classes one after another, numbering their loader queues in order; each lists the inventory
/// header's properties first unless told not to.
struct PreparedClassSequence {
    let repository: CIMRepository
    let namespace: String?
    var id: Int

    mutating func next(_ name: CIMName, _ properties: [CIMName], header: Bool = true) throws -> PreparedClass {
        defer { id += 1 }
        let head: [CIMName] = header ? ["ResourceID", "GroupID", "RevisionID", "TimeStamp", "AgentID"] : []
        return try PreparedClass(repository, name, head + properties, id: id, namespace: namespace)
    }
}
