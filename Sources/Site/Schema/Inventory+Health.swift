// Inventory+Health: client health (ccmeval results and the per-client status summary) and the inventory classes
// about a machine's security and peripherals — Endpoint Protection, antimalware, TPM, firmware, BitLocker, Office,
// console usage, printers, video — as MOF.
//
// Sources of the property lists (names and types), class by class:
// - SMS_CH_EvalResult: the SDK page "SMS_CH_EvalResult Server WMI Class" (memdocs .../core/clients/status/). The page
//   lists no values for Result; the 1-7 scale is the one public client-health reports decode for
//   v_CH_ClientSummary.LastHealthEvaluationResult, which ccmeval takes from these results. HealthCheckGUID values are
//   the check IDs in "Client health checks" (memdocs .../core/clients/manage/client-health-checks.md).
// - SMS_G_System_CH_ClientSummary: the SDK has no page for a per-client summary, and no SMS_CH_Summary class exists
//   (the SMS_CH_* pages are SMS_CH_CheckSummary, _EvalResult, _Settings, _SummaryCurrent and _SummaryHistory, all
//   per collection or per check). This is the class WQL collection queries join for client activity; its
//   properties are those of a Configuration Manager 2002 site's root\sms\site_<code> namespace as enumerated by the
//   public epavvol/WmiQueryableCore generator (VNetDev.WmiQueryableCore.Sms/Classes/SmsGSystemChClientSummary.cs).
//   It is not a hardware inventory class: ResourceID alone is its key, without the inventory header.
// - Hardware inventory classes: the same 2002 namespace enumeration (SmsGSystem<Class>.cs), except
//   SYSTEM_CONSOLE_USAGE_MAXGROUP, which that site did not have; its properties are those of the client class
//   SMS_SystemConsoleUsage (SDK page), as in SMS_G_System_SYSTEM_CONSOLE_USAGE and the SQL view
//   v_GS_SYSTEM_CONSOLE_USAGE_MAXGROUP (the latest row of each resource). Types are ConfigMgr's, not the client
//   WMI class's: booleans of Win32_Tpm, the firmware class and BitLocker are uint32 0/1, and array properties of
//   Win32_Printer and Win32_VideoController are flattened into one comma-separated string.
// - Every SMS_G_System_ class starts with ``inventoryHeader``. In the 2002 namespace AntimalwareHealthStatus and
//   EndpointProtectionStatus carry ResourceID alone (they are views over Endpoint Protection status, one row per
//   client); they take the header too, with GroupID 1, so that every SMS_G_System_ class joins the same way.
// Value lists: BitLocker's from public ConfigMgr reports on v_GS_BITLOCKER_DETAILS (EncryptionMethod is
// Win32_EncryptableVolume's scale); RealTimeScanDirection from the Defender policy CSP; PrinterStatus from
// Win32_Printer; client status values from public reports on v_CH_ClientSummary and SMS_CombinedDeviceResources.

extension SiteSchema {
    /// Client health and the security, Office, console-usage, printer and video inventory classes. Each
    /// SMS_G_System_ hardware inventory class starts with ``inventoryHeader``.
    static let healthInventory = #"""
    // The SDK derives it from SMS_BaseClass, which is not modelled.
    [Description("Result of one client health check (ccmeval) on one client, from its latest evaluation.")]
    class SMS_CH_EvalResult {
        [Description("When the check ran.")]
        datetime EvalTime;
        [Description("Name of the check, e.g. Verify SMS Agent Host service status.")]
        string HealthCheckDescription;
        [Key, Description("ID of the check, e.g. {70BECB51-44A1-4b46-8A23-6EA3D345B677} (client service running).")]
        string HealthCheckGUID;
        [Key, Indexed, Description("ID of the resource (SMS_R_System.ResourceID) the check ran on.")]
        uint32 ResourceID;
        [Description("Outcome of the check."),
         ValueMap{"1", "2", "3", "4", "5", "6", "7"},
         Values{"Not Yet Evaluated", "Not Applicable", "Evaluation Failed", "Evaluated Remediated Failed",
                "Not Evaluated Dependency Failed", "Evaluated Remediated Succeeded", "Evaluation Succeeded"}]
        uint32 Result;
        [Description("Error code of a failed check or remediation, 0 when it passed.")]
        uint32 ResultCode;
        [Description("Detail text of a failed check or remediation.")]
        string ResultDetail;
        [Description("Kind of result the client reported.")]
        uint32 ResultType;
    };

    [Description("Client status of each client: activity, last contacts, last inventory and last client check.")]
    class SMS_G_System_CH_ClientSummary {
        [Description("When Active Directory last recorded a logon by the computer account.")]
        datetime ADLastLogonTime;
        [Description("Whether the client is active: it sent a heartbeat, policy request, inventory or status message"
                     " within the client status period."),
         ValueMap{"0", "1"},
         Values{"Inactive", "Active"}]
        sint32 ClientActiveStatus;
        [Description("Result of the last client check (ccmeval)."),
         ValueMap{"1", "2", "3"},
         Values{"Passed", "Failed", "Unknown"}]
        uint32 ClientCheckPass;
        [Description("Result of the last remediation, if one ran."),
         ValueMap{"1", "2"},
         Values{"Passed", "Failed"}]
        uint32 ClientRemediationSuccess;
        [Description("Latest of the client's activity times.")]
        datetime LastActiveTime;
        [Description("When the client check last ran.")]
        datetime LastClientCheckTime;
        [Description("When the last heartbeat discovery record arrived.")]
        datetime LastDDR;
        [Description("When hardware inventory last reported.")]
        datetime LastHardwareScan;
        [Description("Management point the client last contacted, e.g. CM01.CONTOSO.COM.")]
        string LastMPServerName;
        [Description("When the client last requested policy.")]
        datetime LastPolicyRequest;
        [Description("When software inventory last reported.")]
        datetime LastSoftwareScan;
        [Description("When the client last sent a status message.")]
        datetime LastStatusMessage;
        [Key, Indexed, Description("ID of the resource (SMS_R_System.ResourceID).")]
        uint32 ResourceID;
    };

    [Description("Endpoint Protection state of each client, as flags the Endpoint Protection dashboard counts.")]
    class SMS_G_System_EndpointProtectionStatus {
    \#(inventoryHeader)
        [Description("A full scan is required.")]
        boolean AmFullscanRequired;
        [Description("Manual steps are required to finish remediating a threat.")]
        boolean AmManualStepsRequired;
        [Description("An offline scan is required.")]
        boolean AmOfflineScanRequired;
        [Description("Malware was recently cleaned.")]
        boolean AmRecentlyCleaned;
        [Description("Remediating a threat failed.")]
        boolean AmRemediationFailed;
        [Description("A restart is required to finish remediating a threat.")]
        boolean AmRestartRequired;
        [Description("Threat activity was detected recently.")]
        boolean AmThreatActivity;
        [Description("The client is at risk: not protected, or its definitions are too old.")]
        boolean AtRisk;
        [Description("Applying the antimalware policy failed.")]
        boolean EnforcementFailed;
        [Description("The antimalware policy was applied.")]
        boolean EnforcementSucceeded;
        [Description("The client is inactive.")]
        boolean Inactive;
        [Description("Installing the Endpoint Protection client failed.")]
        boolean InstallFailed;
        [Description("No antimalware definitions are installed.")]
        boolean NoSignature;
        [Description("No Configuration Manager client is installed.")]
        boolean NotClient;
        [Description("Endpoint Protection is not installed yet.")]
        boolean NotYetInstalled;
        [Description("A restart is pending to finish installing Endpoint Protection.")]
        boolean PendingReboot;
        [Description("Endpoint Protection is installed, enabled and healthy.")]
        boolean Protected;
        [Description("Definitions are more than 7 days old.")]
        boolean SignatureOlderThan7Days;
        [Description("Definitions are at most 1 day old.")]
        boolean SignatureUpTo1DayOld;
        [Description("Definitions are 1 to 3 days old.")]
        boolean SignatureUpTo3DaysOld;
        [Description("Definitions are 3 to 7 days old.")]
        boolean SignatureUpTo7DaysOld;
        [Description("The antimalware client reports itself unhealthy.")]
        boolean Unhealthy;
        [Description("The operating system is not supported by Endpoint Protection.")]
        boolean Unsupported;
    };

    [Description("Antimalware client health (Microsoft Defender's MSFT_MpComputerStatus), one row per client.")]
    class SMS_G_System_AntimalwareHealthStatus {
    \#(inventoryHeader)
        boolean AntispywareEnabled;
        [Description("Age of the antispyware definitions in days.")]
        uint32 AntispywareSignatureAge;
        datetime AntispywareSignatureUpdateDateTime;
        [Description("Antispyware definitions version, e.g. 1.421.120.0.")]
        string AntispywareSignatureVersion;
        boolean AntivirusEnabled;
        [Description("Age of the antivirus definitions in days.")]
        uint32 AntivirusSignatureAge;
        datetime AntivirusSignatureUpdateDateTime;
        [Description("Antivirus definitions version, e.g. 1.421.120.0.")]
        string AntivirusSignatureVersion;
        boolean BehaviorMonitorEnabled;
        [Description("Whether the antimalware service is enabled.")]
        boolean Enabled;
        [Description("Antimalware engine version, e.g. 1.1.24090.11.")]
        string EngineVersion;
        [Description("Whether downloads and attachments are scanned (IOfficeAntivirus).")]
        boolean IoavProtectionEnabled;
        [Description("Days since the last full scan; 4294967295 if none ran.")]
        uint32 LastFullScanAge;
        datetime LastFullScanDateTimeEnd;
        datetime LastFullScanDateTimeStart;
        [Description("What started the last full scan.")]
        uint8 LastFullScanSource;
        [Description("Days since the last quick scan.")]
        uint32 LastQuickScanAge;
        datetime LastQuickScanDateTimeEnd;
        datetime LastQuickScanDateTimeStart;
        [Description("What started the last quick scan (2 for a scheduled scan).")]
        uint8 LastQuickScanSource;
        [Description("Whether network inspection is enabled.")]
        boolean NisEnabled;
        string NisEngineVersion;
        string NisSignatureVersion;
        boolean OnAccessProtectionEnabled;
        [Description("Product status flags.")]
        uint32 ProductStatus;
        [Description("Files that real-time protection monitors."),
         ValueMap{"0", "1", "2"},
         Values{"Incoming and outgoing", "Incoming", "Outgoing"}]
        uint8 RealTimeScanDirection;
        [Description("Whether real-time protection is enabled.")]
        boolean RtpEnabled;
        [Description("Antimalware client version, e.g. 4.18.24090.11.")]
        string Version;
    };

    [Description("Trusted Platform Module (Win32_Tpm), one row per resource that has one.")]
    class SMS_G_System_TPM {
    \#(inventoryHeader)
        [Description("1 if the TPM was activated when inventoried, 0 if not.")]
        uint32 IsActivated_InitialValue;
        [Description("1 if the TPM was enabled when inventoried, 0 if not.")]
        uint32 IsEnabled_InitialValue;
        [Description("1 if the TPM had an owner when inventoried, 0 if not.")]
        uint32 IsOwned_InitialValue;
        [Description("TCG vendor ID: the vendor's four ASCII letters as a number, e.g. 1229346816 (IFX, Infineon).")]
        uint32 ManufacturerId;
        [Description("Firmware version of the TPM, e.g. 7.85.4555.0.")]
        string ManufacturerVersion;
        [Description("Vendor text about the TPM, e.g. SLB9672.")]
        string ManufacturerVersionInfo;
        [Description("Physical presence interface version, e.g. 1.3.")]
        string PhysicalPresenceVersionInfo;
        [Description("TPM specification version, level and revision, e.g. 2.0, 0, 1.59.")]
        string SpecVersion;
    };

    [Description("Firmware type and Secure Boot state (ConfigMgr's SMS_Firmware), one row per resource.")]
    class SMS_G_System_FIRMWARE {
    \#(inventoryHeader)
        [Description("1 if Secure Boot is on, 0 if not.")]
        uint32 SecureBoot;
        [Description("1 if the machine booted through UEFI, 0 if legacy BIOS.")]
        uint32 UEFI;
    };

    [Description("BitLocker state of each volume, as ConfigMgr BitLocker Management reports it; one row per volume.")]
    class SMS_G_System_BITLOCKER_DETAILS {
    \#(inventoryHeader)
        [Description("BitLocker's persistent ID of the volume, a GUID.")]
        string BitlockerPersistentVolumeId;
        [Description("Whether the volume complies with the BitLocker management policy."),
         ValueMap{"0", "1", "2"},
         Values{"Not compliant", "Compliant", "Not applicable"}]
        uint32 Compliant;
        [Description("Encryption state of the volume."),
         ValueMap{"0", "1", "2", "3", "4", "5"},
         Values{"Fully decrypted", "Fully encrypted", "Encryption in progress", "Decryption in progress",
                "Encryption paused", "Decryption paused"}]
        uint32 ConversionStatus;
        [Description("Volume device ID, \\\\?\\Volume{GUID}\\.")]
        string DeviceId;
        [Description("Drive letter, e.g. C:.")]
        string DriveLetter;
        [Description("Encryption algorithm (Win32_EncryptableVolume's values)."),
         ValueMap{"0", "1", "2", "3", "4", "5", "6", "7"},
         Values{"None", "AES 128 with diffuser", "AES 256 with diffuser", "AES 128", "AES 256",
                "Hardware encryption", "XTS-AES 128", "XTS-AES 256"}]
        uint32 EncryptionMethod;
        [Description("When the policy is to be enforced, as text; empty when no grace period applies.")]
        string EnforcePolicyDate;
        [Description("Whether the data volume unlocks automatically.")]
        uint32 IsAutoUnlockEnabled;
        [Description("Key protector types, comma-separated: 1 TPM, 2 external key, 3 numerical password, 4 TPM and PIN,"
                     " 5 TPM and startup key, 6 TPM, PIN and startup key, 7 public key, 8 passphrase.")]
        string KeyProtectorTypes;
        [Description("Persistent ID of the volume for BitLocker management, a GUID.")]
        string MbamPersistentVolumeId;
        [Description("Kind of volume."),
         ValueMap{"0", "1", "2", "3"},
         Values{"Operating system volume", "Fixed data volume", "Removable data volume", "Virtual data volume"}]
        uint32 MbamVolumeType;
        [Description("When the volume was first found not compliant, as text.")]
        string NoncomplianceDetectedDate;
        [Description("Whether BitLocker protects the volume."),
         ValueMap{"0", "1", "2"},
         Values{"Off", "On", "Unknown"}]
        uint32 ProtectionStatus;
        [Description("Codes of the reasons the volume is not compliant, comma-separated, e.g. 1 (not encrypted),"
                     " 13 (protection suspended); empty when compliant.")]
        string ReasonsForNonCompliance;
    };

    [Description("Microsoft 365 Apps Click-to-Run configuration (the ClickToRun\\Configuration registry key).")]
    class SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS {
    \#(inventoryHeader)
        [Description("Whether Office upgrades automatically, True or False.")]
        string AutoUpgrade;
        [Description("True when Configuration Manager manages Office updates.")]
        string CCMManaged;
        [Description("Content delivery URL of the installed channel: http://officecdn.microsoft.com/pr/<GUID>.")]
        string CDNBaseUrl;
        [Description("Update channel set by the configuration file, if any.")]
        string cfgUpdateChannel;
        [Description("Office language, e.g. en-us.")]
        string ClientCulture;
        [Description("Folder of the Click-to-Run client.")]
        string ClientFolder;
        [Description("Update channel set by group policy, if any.")]
        string GPOChannel;
        [Description("OfficeMgmtCOM set by group policy, if any.")]
        string GPOOfficeMgmtCOM;
        [Description("Folder Office is installed in, e.g. C:\\Program Files\\Microsoft Office.")]
        string InstallationPath;
        [Description("Registry key the row was read from.")]
        string KeyName;
        [Description("Last Click-to-Run scenario, e.g. UPDATE.")]
        string LastScenario;
        [Description("Result of the last scenario, e.g. Success.")]
        string LastScenarioResult;
        [Description("True when Office updates through Configuration Manager's COM interface.")]
        string OfficeMgmtCOM;
        [Description("x64 or x86.")]
        string Platform;
        [Description("1 when shared computer activation is on.")]
        string SharedComputerLicensing;
        [Description("Effective update channel URL.")]
        string UpdateChannel;
        [Description("Update source set by policy, if any.")]
        string UpdatePath;
        [Description("Whether Office updates are enabled, True or False.")]
        string UpdatesEnabled;
        [Description("Update source URL, if set.")]
        string UpdateUrl;
        [Description("Installed Office version, e.g. 16.0.18129.20158.")]
        string VersionToReport;
    };

    [Description("Console usage summary of each resource's latest inventory row (ConfigMgr's SMS_SystemConsoleUsage).")]
    class SMS_G_System_SYSTEM_CONSOLE_USAGE_MAXGROUP {
    \#(inventoryHeader)
        [Description("When the security log the figures come from starts.")]
        datetime SecurityLogStartDate;
        [Description("User with the most console time, DOMAIN\\user.")]
        string TopConsoleUser;
        [Description("Minutes of console use in the period.")]
        uint32 TotalConsoleTime;
        [Description("How many users signed in at the console in the period.")]
        uint32 TotalConsoleUsers;
        [Description("Minutes the security log covers.")]
        uint32 TotalSecurityLogTime;
    };

    [Description("Printer (Win32_Printer), one row per printer installed on the resource.")]
    class SMS_G_System_PRINTER_DEVICE {
    \#(inventoryHeader)
        [Description("Win32_Printer attribute flags, e.g. 64 for a local printer, 16 for a network printer.")]
        uint32 Attributes;
        uint32 Availability;
        uint32 AveragePagesPerMinute;
        [Description("Capability codes, comma-separated.")]
        string Capabilities;
        [Description("Capabilities in words, comma-separated.")]
        string CapabilityDescriptions;
        string Caption;
        uint32 ConfigManagerErrorCode;
        uint32 ConfigManagerUserConfig;
        uint32 DefaultPriority;
        string Description;
        uint32 DetectedErrorState;
        [Description("Printer name, e.g. Microsoft Print to PDF or \\\\PRN01\\Floor2-Color.")]
        string DeviceID;
        [Description("Printer driver, e.g. Microsoft Print To PDF.")]
        string DriverName;
        uint32 ErrorCleared;
        string ErrorDescription;
        uint32 HorizontalResolution;
        datetime InstallDate;
        uint32 JobCountSinceLastReset;
        string LanguagesSupported;
        uint32 LastErrorCode;
        string Location;
        string Name;
        string PaperSizesSupported;
        string PNPDeviceID;
        [Description("Port, e.g. PORTPROMPT:, nul:, XPSPort: or an IP port such as 10.1.20.15.")]
        string PortName;
        string PowerManagementCapabilities;
        uint32 PowerManagementSupported;
        string PrinterPaperNames;
        uint32 PrinterState;
        [Description("Status of the printer."),
         ValueMap{"1", "2", "3", "4", "5", "6", "7"},
         Values{"Other", "Unknown", "Idle", "Printing", "Warmup", "Stopped Printing", "Offline"}]
        uint32 PrinterStatus;
        string PrintJobDataType;
        string PrintProcessor;
        string SeparatorFile;
        [Description("Print server of a network printer, e.g. \\\\PRN01.")]
        string ServerName;
        [Description("Share name of a shared or network printer.")]
        string ShareName;
        uint32 SpoolEnabled;
        datetime StartTime;
        string Status;
        uint32 StatusInfo;
        [Description("Computer the printer is installed on.")]
        string SystemName;
        datetime TimeOfLastReset;
        datetime UntilTime;
        uint32 VerticalResolution;
    };

    [Description("Display adapter (Win32_VideoController), one row per adapter.")]
    class SMS_G_System_VIDEO_CONTROLLER {
    \#(inventoryHeader)
        string AcceleratorCapabilities;
        [Description("Chipset maker, e.g. Intel Corporation, NVIDIA, VMware, Inc.")]
        string AdapterCompatibility;
        [Description("Digital-to-analogue converter, e.g. Internal.")]
        string AdapterDACType;
        [Description("Video memory in bytes.")]
        uint32 AdapterRAM;
        [Description("3 when running.")]
        uint32 Availability;
        string CapabilityDescriptions;
        string Caption;
        uint32 ColorTableEntries;
        [Description("0 when the device works properly.")]
        uint32 ConfigManagerErrorCode;
        uint32 ConfigManagerUserConfig;
        [Description("Colour depth, e.g. 32.")]
        uint32 CurrentBitsPerPixel;
        [Description("Horizontal resolution in pixels, e.g. 1920.")]
        uint32 CurrentHorizontalResolution;
        string CurrentNumberOfColors;
        uint32 CurrentNumberOfColumns;
        uint32 CurrentNumberOfRows;
        [Description("Refresh rate in Hz, e.g. 60.")]
        uint32 CurrentRefreshRate;
        uint32 CurrentScanMode;
        [Description("Vertical resolution in pixels, e.g. 1080.")]
        uint32 CurrentVerticalResolution;
        string Description;
        [Description("VideoController1, VideoController2…")]
        string DeviceID;
        string DeviceSpecificPens;
        uint32 DitherType;
        [Description("Date of the driver.")]
        datetime DriverDate;
        [Description("Driver version, e.g. 31.0.101.5186.")]
        string DriverVersion;
        uint32 ErrorCleared;
        string ErrorDescription;
        uint32 ICMIntent;
        uint32 ICMMethod;
        [Description("INF file of the driver, e.g. oem42.inf.")]
        string InfFilename;
        string InfSection;
        datetime InstallDate;
        [Description("Display driver files, comma-separated.")]
        string InstalledDisplayDrivers;
        uint32 LastErrorCode;
        uint32 MaxMemorySupported;
        uint32 MaxNumberControlled;
        uint32 MaxRefreshRate;
        uint32 MinRefreshRate;
        uint32 Monochrome;
        [Description("Adapter name, e.g. Intel(R) Iris(R) Xe Graphics or Microsoft Hyper-V Video.")]
        string Name;
        uint32 NumberOfColorPlanes;
        uint32 NumberOfVideoPages;
        [Description("Plug and Play device ID, e.g. PCI\\VEN_8086&DEV_A7A0&….")]
        string PNPDeviceID;
        string PowerManagementCapabilities;
        uint32 PowerManagementSupported;
        uint32 ProtocolSupported;
        uint32 ReservedSystemPaletteEntries;
        uint32 SpecificationVersion;
        string Status;
        uint32 StatusInfo;
        string SystemName;
        uint32 SystemPaletteEntries;
        datetime TimeOfLastReset;
        uint32 VideoArchitecture;
        uint32 VideoMemoryType;
        uint32 VideoMode;
        [Description("Current mode in words, e.g. 1920 x 1080 x 4294967296 colors.")]
        string VideoModeDescription;
        [Description("Graphics processor, e.g. Intel(R) Iris(R) Xe Graphics Family.")]
        string VideoProcessor;
    };
    """#
}
