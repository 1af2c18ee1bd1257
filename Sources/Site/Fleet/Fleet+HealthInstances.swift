// Fleet+HealthInstances: one client's health and security inventory as rows — SMS_CH_EvalResult (ResourceID and
// HealthCheckGUID), SMS_G_System_CH_ClientSummary (ResourceID), and SMS_G_System_ rows with the inventory header,
// stamped with the system's last hardware scan like the rest of its inventory.
import CIM

/// The health and security classes, prepared once.
struct HealthClasses {
    let evalResult, clientSummary, endpointProtection, antimalware, tpm, firmware, bitLocker, office, consoleMaxGroup,
        printer, video: PreparedClass

    /// How many classes there are (their ``PreparedClass/id``s run from the first one given).
    static let count = 11

    init(_ repository: CIMRepository, firstID: Int, namespace: String?) throws {
        var sequence = PreparedClassSequence(repository: repository, namespace: namespace, id: firstID)
        func prepared(_ name: CIMName, _ properties: [CIMName], header: Bool = true) throws -> PreparedClass {
            try sequence.next(name, properties, header: header)
        }
        evalResult = try prepared("SMS_CH_EvalResult", [
            "ResourceID", "HealthCheckGUID", "HealthCheckDescription", "EvalTime", "Result", "ResultCode", "ResultDetail",
        ], header: false)
        clientSummary = try prepared("SMS_G_System_CH_ClientSummary", [
            "ResourceID", "ADLastLogonTime", "ClientActiveStatus", "ClientCheckPass", "ClientRemediationSuccess",
            "LastActiveTime", "LastClientCheckTime", "LastDDR", "LastHardwareScan", "LastMPServerName", "LastPolicyRequest",
            "LastSoftwareScan", "LastStatusMessage",
        ], header: false)
        endpointProtection = try prepared("SMS_G_System_EndpointProtectionStatus", [
            "AmFullscanRequired", "AmManualStepsRequired", "AmOfflineScanRequired", "AmRecentlyCleaned", "AmRemediationFailed",
            "AmRestartRequired", "AmThreatActivity", "AtRisk", "EnforcementFailed", "EnforcementSucceeded", "Inactive",
            "InstallFailed", "NoSignature", "NotClient", "NotYetInstalled", "PendingReboot", "Protected",
            "SignatureOlderThan7Days", "SignatureUpTo1DayOld", "SignatureUpTo3DaysOld", "SignatureUpTo7DaysOld", "Unhealthy",
            "Unsupported",
        ])
        antimalware = try prepared("SMS_G_System_AntimalwareHealthStatus", [
            "AntispywareEnabled", "AntispywareSignatureAge", "AntispywareSignatureUpdateDateTime", "AntispywareSignatureVersion",
            "AntivirusEnabled", "AntivirusSignatureAge", "AntivirusSignatureUpdateDateTime", "AntivirusSignatureVersion",
            "BehaviorMonitorEnabled", "Enabled", "EngineVersion", "IoavProtectionEnabled", "LastFullScanAge",
            "LastFullScanDateTimeEnd", "LastFullScanDateTimeStart", "LastFullScanSource", "LastQuickScanAge",
            "LastQuickScanDateTimeEnd", "LastQuickScanDateTimeStart", "LastQuickScanSource", "NisEnabled", "NisEngineVersion",
            "NisSignatureVersion", "OnAccessProtectionEnabled", "RealTimeScanDirection", "RtpEnabled", "Version",
        ])
        tpm = try prepared("SMS_G_System_TPM", [
            "IsActivated_InitialValue", "IsEnabled_InitialValue", "IsOwned_InitialValue", "ManufacturerId", "ManufacturerVersion",
            "ManufacturerVersionInfo", "PhysicalPresenceVersionInfo", "SpecVersion",
        ])
        firmware = try prepared("SMS_G_System_FIRMWARE", ["SecureBoot", "UEFI"])
        bitLocker = try prepared("SMS_G_System_BITLOCKER_DETAILS", [
            "BitlockerPersistentVolumeId", "Compliant", "ConversionStatus", "DeviceId", "DriveLetter", "EncryptionMethod",
            "EnforcePolicyDate", "IsAutoUnlockEnabled", "KeyProtectorTypes", "MbamPersistentVolumeId", "MbamVolumeType",
            "NoncomplianceDetectedDate", "ProtectionStatus", "ReasonsForNonCompliance",
        ])
        office = try prepared("SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS", [
            "AutoUpgrade", "CCMManaged", "CDNBaseUrl", "ClientCulture", "ClientFolder", "InstallationPath", "KeyName",
            "LastScenario", "LastScenarioResult", "OfficeMgmtCOM", "Platform", "SharedComputerLicensing", "UpdateChannel",
            "UpdatesEnabled", "VersionToReport", "cfgUpdateChannel",
        ])
        consoleMaxGroup = try prepared("SMS_G_System_SYSTEM_CONSOLE_USAGE_MAXGROUP", [
            "SecurityLogStartDate", "TopConsoleUser", "TotalConsoleTime", "TotalConsoleUsers", "TotalSecurityLogTime",
        ])
        printer = try prepared("SMS_G_System_PRINTER_DEVICE", [
            "Attributes", "Caption", "DetectedErrorState", "DeviceID", "DriverName", "Location", "Name", "PortName",
            "PrinterState", "PrinterStatus", "PrintJobDataType", "PrintProcessor", "ServerName", "ShareName", "SpoolEnabled",
            "Status", "SystemName",
        ])
        video = try prepared("SMS_G_System_VIDEO_CONTROLLER", [
            "AdapterCompatibility", "AdapterDACType", "AdapterRAM", "Availability", "Caption", "ConfigManagerErrorCode",
            "CurrentBitsPerPixel", "CurrentHorizontalResolution", "CurrentNumberOfColors", "CurrentRefreshRate",
            "CurrentVerticalResolution", "Description", "DeviceID", "DriverDate", "DriverVersion", "InfFilename", "InfSection",
            "InstalledDisplayDrivers", "Name", "PNPDeviceID", "Status", "SystemName", "VideoModeDescription", "VideoProcessor",
        ])
    }
}

extension Fleet {
    /// The classes client health and the security inventory fill: every reporting client has a row of each but
    /// TPM (not on VMware guests without a virtual TPM), BITLOCKER_DETAILS (notebooks), OFFICE365 (workstations
    /// with Microsoft 365 Apps) and PRINTER_DEVICE (none where the spooler is off); several eval results and
    /// printers each.
    public static let healthClassNames: [String] = [
        "SMS_CH_EvalResult", "SMS_G_System_CH_ClientSummary", "SMS_G_System_EndpointProtectionStatus",
        "SMS_G_System_AntimalwareHealthStatus", "SMS_G_System_TPM", "SMS_G_System_FIRMWARE", "SMS_G_System_BITLOCKER_DETAILS",
        "SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS", "SMS_G_System_SYSTEM_CONSOLE_USAGE_MAXGROUP",
        "SMS_G_System_PRINTER_DEVICE", "SMS_G_System_VIDEO_CONTROLLER",
    ]
}

extension FleetLoader {
    private typealias V = CIMValue
    private static let day: Int64 = 86_400_000_000

    /// Whole days from `time` to now, as Defender counts a definition's or a scan's age.
    private func days(since time: CIMDateTime) -> V { Self.uint((now.utcMicroseconds - time.utcMicroseconds) / Self.day) }

    /// A time as BitLocker management writes it in its text properties: 2026-11-20 08:13:05.
    private static func text(_ t: CIMDateTime) -> String {
        String(t.year) + "-" + FleetGenerator.padded(t.month, 2) + "-" + FleetGenerator.padded(t.day, 2) + " "
            + FleetGenerator.padded(t.hour, 2) + ":" + FleetGenerator.padded(t.minute, 2) + ":" + FleetGenerator.padded(t.second, 2)
    }

    /// A system's health and security rows alone (none for a system that reports no inventory).
    mutating func putHealth(of s: FleetSystem) throws {
        guard let inventory = s.inventory else { return }
        try putHealth(s, inventory, InventoryHeader(s, inventory, now: now))
    }

    mutating func putHealth(_ s: FleetSystem, _ inv: FleetInventory, _ h: InventoryHeader) throws {
        let c = healthClasses
        let health = inv.health
        let id = Self.uint(s.resourceID)
        let name = V.string(s.name)
        for result in health.evalResults {
            try store(c.evalResult, [
                id, .string(result.check.guid), .string(result.check.description), .datetime(result.evalTime),
                Self.uint(result.result), Self.uint(result.resultCode), Self.optional(result.detail),
            ])
        }
        let summary = health.summary
        try store(c.clientSummary, [
            id, summary.adLastLogon.map { .datetime($0) } ?? .null, .sint32(summary.isActive ? 1 : 0),
            Self.uint(summary.checkPassed ? 1 : 2), summary.remediationSucceeded.map { Self.uint($0 ? 1 : 2) } ?? .null,
            .datetime(summary.lastActive), .datetime(summary.lastClientCheck), .datetime(summary.lastDDR),
            .datetime(summary.lastHardwareScan), .string(summary.managementPoint), .datetime(summary.lastPolicyRequest),
            .datetime(summary.lastSoftwareScan), .datetime(summary.lastStatusMessage),
        ])
        try putProtection(s, health.protection, h)
        if let tpm = health.tpm {
            try store(c.tpm, h, group: 1, [
                Self.uint(1), Self.uint(1), Self.uint(1), Self.uint(tpm.manufacturerID), .string(tpm.manufacturerVersion),
                .string(tpm.manufacturerVersionInfo), .string(tpm.physicalPresenceVersion), .string(tpm.specVersion),
            ])
        }
        try store(c.firmware, h, group: 1, [Self.uint(health.firmware.secureBoot ? 1 : 0), Self.uint(health.firmware.uefi ? 1 : 0)])
        for (n, volume) in health.bitLocker.enumerated() {
            let guid = V.string("{" + volume.volumeGUID + "}")
            try store(c.bitLocker, h, group: n + 1, [
                guid, Self.uint(volume.isCompliant ? 1 : 0), Self.uint(volume.conversionStatus),
                .string("\\\\?\\Volume{" + volume.volumeGUID + "}\\"), .string(volume.driveLetter), Self.uint(volume.encryptionMethod),
                .string(""), Self.uint(0), .string(volume.keyProtectorTypes), guid, Self.uint(volume.volumeType),
                .string(volume.noncomplianceDetected.map(Self.text) ?? ""), Self.uint(volume.protectionOn ? 1 : 0),
                .string(volume.reasonsForNonCompliance),
            ])
        }
        if let office = health.office {
            let url = shared(office.channel.url)
            try store(c.office, h, group: 1, [
                .string("False"), .string("True"), url, .string("en-us"),
                .string("C:\\Program Files\\Common Files\\Microsoft Shared\\ClickToRun"),
                .string(office.platform == "x64" ? "C:\\Program Files\\Microsoft Office" : "C:\\Program Files (x86)\\Microsoft Office"),
                .string("Configuration"), .string("UPDATE"), .string("Success"), .string("True"), .string(office.platform),
                .string("0"), url, .string("True"), .string(office.version),
                url,  // the channel the deployment configuration set (Office Deployment Tool's Channel), as ConfigMgr inventories it
            ])
        }
        // The same figures as SYSTEM_CONSOLE_USAGE: the view keeps each resource's latest row, and there is one.
        try store(c.consoleMaxGroup, h, group: 1, [
            .datetime(CIMDateTime(utcMicroseconds: inv.lastHardwareScan.utcMicroseconds - 90 * Self.day)),
            Self.optional(inv.topConsoleUser), Self.uint(inv.totalConsoleTime), Self.uint(inv.consoleUsers), Self.uint(129_600),
        ])
        for (n, printer) in health.printers.enumerated() {
            let printerName = V.string(printer.name)
            try store(c.printer, h, group: n + 1, [
                Self.uint(printer.attributes), printerName, Self.uint(0), printerName, .string(printer.driverName),
                Self.optional(printer.location), printerName, .string(printer.portName), Self.uint(0), Self.uint(3),
                .string("RAW"), .string("winprint"), Self.optional(printer.serverName), Self.optional(printer.shareName),
                Self.uint(1), .string("Unknown"), name,
            ])
        }
        let video = health.video, adapter = video.adapter
        let adapterName = V.string(adapter.name)
        try store(c.video, h, group: 1, [
            .string(adapter.compatibility), .string("Internal"), Self.uint(adapter.adapterRAM), Self.uint(3), adapterName,
            Self.uint(0), Self.uint(32), Self.uint(video.horizontalResolution), .string("4294967296"), Self.uint(video.refreshRate),
            Self.uint(video.verticalResolution), adapterName, .string("VideoController1"), .datetime(video.driverDate),
            .string(video.driverVersion), .string(adapter.infFilename), .string(adapter.infSection),
            .string(adapter.installedDisplayDrivers), adapterName, .string(adapter.pnpDeviceID), .string("OK"), name,
            shared(String(video.horizontalResolution) + " x " + String(video.verticalResolution) + " x 4294967296 colors"),
            Self.optional(adapter.videoProcessor),
        ])
    }

    private mutating func putProtection(_ s: FleetSystem, _ p: FleetProtection, _ h: InventoryHeader) throws {
        let c = healthClasses
        let band = p.signatureBand
        let no = V.boolean(false)
        try store(c.endpointProtection, h, group: 1, [
            no, no, no, no, no, no, no, .boolean(p.isAtRisk), no, .boolean(true), .boolean(!s.isActive), no, no, no, no, no,
            .boolean(p.isProtected), .boolean(band == .olderThan7Days), .boolean(band == .upTo1Day), .boolean(band == .upTo3Days),
            .boolean(band == .upTo7Days), .boolean(!p.realTimeProtection), no,
        ])
        let rtp = V.boolean(p.realTimeProtection)
        let yes = V.boolean(true)
        let age = Self.uint(p.signatureAgeDays)
        let updated = V.datetime(p.signatureUpdated)
        let signature = V.string(p.signatureVersion)
        let fullEnd = p.lastFullScan
        // A quick scan takes minutes, a full one most of an hour.
        let quickStart = CIMDateTime(utcMicroseconds: p.lastQuickScan.utcMicroseconds - 180_000_000)
        let fullStart = fullEnd.map { CIMDateTime(utcMicroseconds: $0.utcMicroseconds - 2_700_000_000) }
        try store(c.antimalware, h, group: 1, [
            yes, age, updated, signature, yes, age, updated, signature, rtp, yes, .string(p.engineVersion), rtp,
            fullEnd.map { days(since: $0) } ?? Self.uint(UInt32.max), fullEnd.map { .datetime($0) } ?? .null,
            fullStart.map { .datetime($0) } ?? .null, fullEnd == nil ? .null : .uint8(2), days(since: p.lastQuickScan),
            .datetime(p.lastQuickScan), .datetime(quickStart), .uint8(2), yes, .string(p.engineVersion), signature, rtp,
            .uint8(0), rtp, .string(p.platformVersion),
        ])
    }
}
