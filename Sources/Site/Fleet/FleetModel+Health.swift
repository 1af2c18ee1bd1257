// FleetModel+Health: one reporting client's health and its security, Office, printer and video inventory, as plain
// values — what SMS_CH_EvalResult, SMS_G_System_CH_ClientSummary and the SMS_G_System_ classes of
// Inventory+Health.swift hold. FleetGenerator+Health.swift makes them; Fleet+HealthInstances.swift turns them into
// rows; tests compute expected answers from them.
import CIM

/// Client health and the security, Office, printer and video inventory of a client that reports inventory.
public struct FleetHealth: Sendable {
    public var summary: FleetClientSummary
    /// One result per check of ``FleetCatalog/healthChecks``, in that order.
    public var evalResults: [FleetEvalResult]
    public var protection: FleetProtection
    /// nil for a system without a TPM (a VMware guest without a virtual TPM).
    public var tpm: FleetTPMChip?
    public var firmware: FleetFirmware
    /// The volumes BitLocker management reports: C: on the systems its policy targets, nothing elsewhere.
    public var bitLocker: [FleetBitLockerVolume]
    /// Microsoft 365 Apps' Click-to-Run configuration, on workstations that have them.
    public var office: FleetOfficeConfiguration?
    /// Installed printers, the default one first.
    public var printers: [FleetPrinter]
    public var video: FleetVideoController
    /// The Entra ID device ID a hybrid-joined workstation reports (SMS_R_System.AADDeviceID); nil elsewhere.
    public var aadDeviceID: String?
}

/// The client's status (SMS_G_System_CH_ClientSummary): its contacts with the site and its last client check.
public struct FleetClientSummary: Sendable {
    /// ClientActiveStatus; the same as the system's Active.
    public var isActive: Bool
    /// ClientCheckPass 1 (passed) or 2 (failed).
    public var checkPassed: Bool
    /// ClientRemediationSuccess: nil when no remediation ran, else whether it worked.
    public var remediationSucceeded: Bool?
    public var lastClientCheck: CIMDateTime
    /// The heartbeat discovery record: the system's heartbeat AgentTime.
    public var lastDDR: CIMDateTime
    /// The inventory's LastHardwareScan.
    public var lastHardwareScan: CIMDateTime
    public var lastSoftwareScan: CIMDateTime
    public var lastPolicyRequest: CIMDateTime
    public var lastStatusMessage: CIMDateTime
    /// LastMPServerName: the management point of the client's assigned site.
    public var managementPoint: String
    /// ADLastLogonTime: the computer account's last logon (the system's LastLogonTimestamp).
    public var adLastLogon: CIMDateTime?

    /// LastActiveTime: the latest of its contacts.
    public var lastActive: CIMDateTime {
        max(lastDDR, lastHardwareScan, lastSoftwareScan, lastPolicyRequest, lastStatusMessage)
    }
}

/// One of the checks ccmeval runs ("Client health checks" in the ConfigMgr docs).
public struct FleetHealthCheck: Sendable, Hashable {
    /// HealthCheckGUID, in braces as ccmeval writes it.
    public let guid: String
    /// HealthCheckDescription, as ccmeval names the check in its report.
    public let description: String
    /// Whether ccmeval has a remediation for it; a check without one fails outright.
    public let remediable: Bool
}

/// The result of one check on one client (SMS_CH_EvalResult).
public struct FleetEvalResult: Sendable {
    public let check: FleetHealthCheck
    /// 7 evaluation succeeded, 6 remediated, 4 remediation failed, 3 evaluation failed.
    public let result: UInt32
    /// 0 when it passed, else the HRESULT of the failure.
    public let resultCode: UInt32
    /// What went wrong; nil when it passed.
    public let detail: String?
    public let evalTime: CIMDateTime

    public var passed: Bool { result == 7 || result == 6 }
}

/// Microsoft Defender's state (SMS_G_System_AntimalwareHealthStatus) and what the Endpoint Protection dashboard
/// makes of it (SMS_G_System_EndpointProtectionStatus).
public struct FleetProtection: Sendable {
    /// Real-time protection (and with it on-access, behaviour and download scanning) is on.
    public var realTimeProtection: Bool
    /// Age of the antivirus and antispyware definitions, in whole days before now.
    public var signatureAgeDays: Int
    public var signatureUpdated: CIMDateTime
    public var signatureVersion: String
    /// The antimalware platform (Version) and engine versions.
    public var platformVersion: String
    public var engineVersion: String
    public var lastQuickScan: CIMDateTime
    /// nil when no full scan has run.
    public var lastFullScan: CIMDateTime?

    /// Protected: running with real-time protection and definitions at most a week old.
    public var isProtected: Bool { realTimeProtection && signatureAgeDays <= 7 }
    public var isAtRisk: Bool { !isProtected }
    /// The one definition-age band the dashboard counts the client in: up to 1, 3 or 7 days, or older.
    public var signatureBand: SignatureBand {
        switch signatureAgeDays {
        case ...1: .upTo1Day
        case 2...3: .upTo3Days
        case 4...7: .upTo7Days
        default: .olderThan7Days
        }
    }

    public enum SignatureBand: Sendable { case upTo1Day, upTo3Days, upTo7Days, olderThan7Days }
}

/// A TPM as Win32_Tpm describes it; every system of a model has the same one.
public struct FleetTPMChip: Sendable, Hashable {
    /// TCG vendor ID: the vendor's ASCII letters as a big-endian number (INTC, IFX, AMD, MSFT, VMW).
    public let manufacturerID: UInt32
    public let manufacturerVersion: String
    public let manufacturerVersionInfo: String
    public let specVersion: String
    public let physicalPresenceVersion: String
}

/// How the system boots (SMS_G_System_FIRMWARE).
public struct FleetFirmware: Sendable, Hashable {
    public let uefi: Bool
    /// Never on without UEFI; always on under Windows 11, which requires it.
    public let secureBoot: Bool
}

/// One volume as BitLocker management reports it (SMS_G_System_BITLOCKER_DETAILS).
public struct FleetBitLockerVolume: Sendable {
    public let driveLetter: String
    /// The volume's GUID, lower case, as in \\?\Volume{…}\.
    public let volumeGUID: String
    /// 0 operating system volume, 1 fixed data volume.
    public let volumeType: UInt32
    /// 6 XTS-AES 128, 7 XTS-AES 256.
    public let encryptionMethod: UInt32
    /// 1 fully encrypted, 2 encryption in progress.
    public let conversionStatus: UInt32
    /// ProtectionStatus 1 (on) or 0 (off: suspended, or still encrypting).
    public let protectionOn: Bool
    /// "1,3": TPM and a numerical (recovery) password.
    public let keyProtectorTypes: String
    /// ReasonsForNonCompliance: empty when compliant.
    public let reasonsForNonCompliance: String
    /// When the volume was first found not compliant; nil when compliant.
    public let noncomplianceDetected: CIMDateTime?

    public var isCompliant: Bool { reasonsForNonCompliance.isEmpty }
}

/// A Microsoft 365 Apps update channel and its content delivery URL.
public struct FleetOfficeChannel: Sendable, Hashable {
    /// The channel's name, e.g. Current.
    public let name: String
    public let guid: String
    public var url: String { "http://officecdn.microsoft.com/pr/" + guid }
}

/// Microsoft 365 Apps' Click-to-Run configuration (SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS).
public struct FleetOfficeConfiguration: Sendable {
    public let channel: FleetOfficeChannel
    /// VersionToReport: the installed Microsoft 365 Apps' version.
    public let version: String
    /// x64 or x86, as the installed product is 64- or 32-bit.
    public let platform: String
}

/// A printer installed on a system (SMS_G_System_PRINTER_DEVICE).
public struct FleetPrinter: Sendable, Hashable {
    /// DeviceID and Name: Microsoft Print to PDF, or \\PRN01\<share> for a network printer.
    public let name: String
    public let driverName: String
    public let portName: String
    /// \\PRN01 for a network printer; nil for a local one.
    public let serverName: String?
    public let shareName: String?
    public let location: String?
    public let isDefault: Bool

    public var isNetwork: Bool { serverName != nil }
    /// The same printer, as the default one or not.
    public func asDefault(_ isDefault: Bool) -> FleetPrinter {
        FleetPrinter(name: name, driverName: driverName, portName: portName, serverName: serverName, shareName: shareName,
                     location: location, isDefault: isDefault)
    }
    /// Win32_Printer's Attributes: 64 local or 16 network, plus 4 for the default printer.
    public var attributes: UInt32 { (isNetwork ? 16 : 64) + (isDefault ? 4 : 0) }
}

/// A display adapter model as Win32_VideoController reports it.
public struct FleetVideoAdapter: Sendable, Hashable {
    public let name: String
    /// AdapterCompatibility: the chipset's maker.
    public let compatibility: String
    public let pnpDeviceID: String
    /// AdapterRAM in bytes.
    public let adapterRAM: UInt32
    public let driverVersion: String
    /// How old the installed driver is, in days before now.
    public let driverAgeDays: Int
    public let infFilename: String
    public let infSection: String
    public let installedDisplayDrivers: String
    /// VideoProcessor; nil where the virtual adapter reports none.
    public let videoProcessor: String?
}

/// One system's display adapter and the mode it runs in.
public struct FleetVideoController: Sendable {
    public let adapter: FleetVideoAdapter
    /// The adapter's driver version; Hyper-V's inbox driver has the operating system's.
    public let driverVersion: String
    public let horizontalResolution: UInt32
    public let verticalResolution: UInt32
    public let refreshRate: UInt32
    public let driverDate: CIMDateTime
}

extension FleetSystem {
    /// SMS_R_System.HardwareID: "2:" and 40 hexadecimal digits, a hash of what identifies the machine (its SMBIOS
    /// UUID and serial number), so an obsolete record of the same computer has the same one.
    public var hardwareID: String {
        let bytes = Array((hardware.uuid + "|" + hardware.serialNumber).utf8)
        // FNV-1a with three offsets: 192 bits, of which the first 160 are printed.
        let words = [0xCBF2_9CE4_8422_2325, 0x84222325CBF29CE4, 0x9E37_79B9_7F4A_7C15].map { FleetRandom.fnv1a(bytes, basis: $0) }
        let digits = words.map { FleetGenerator.hex($0, 16) }.joined()
        return "2:" + digits.prefix(40)
    }
}

extension FleetOS {
    /// SMS_R_System.OSBranch: "2" (long-term servicing) for LTSC editions and Windows Server, whose releases are
    /// long-term servicing channel ones; "0" (current branch) for the other Windows 10 and 11 editions.
    public var servicingBranch: String { isServer || caption.contains("LTSC") ? "2" : "0" }
}
