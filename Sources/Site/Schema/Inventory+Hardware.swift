// Inventory+Hardware: ConfigMgr's default hardware inventory classes for the machine itself — operating system,
// computer, BIOS, enclosure, processors, memory, disks, network adapters — as MOF.
//
// Names follow ConfigMgr's SMS_G_System_<WMI class> classes: the WMI class's property names, with sizes in the
// units ConfigMgr reports (LOGICAL_DISK and DISK in MB, X86_PC_MEMORY and OPERATING_SYSTEM memory in KB).

extension SiteSchema {
    /// The hardware inventory classes about the machine. Each starts with ``inventoryHeader``.
    static let hardwareInventory = #"""
    [Description("Operating system (Win32_OperatingSystem), one row per resource.")]
    class SMS_G_System_OPERATING_SYSTEM {
    \#(inventoryHeader)
        string BootDevice;
        [Description("Build number, e.g. 26100.")]
        string BuildNumber;
        [Description("Product name, e.g. Microsoft Windows 11 Enterprise.")]
        string Caption;
        string CodeSet;
        string CountryCode;
        [Description("Latest service pack, empty on Windows 10 and later.")]
        string CSDVersion;
        string CSName;
        [Description("Minutes from UTC.")]
        sint32 CurrentTimeZone;
        string Description;
        [Description("Free physical memory in KB.")]
        uint32 FreePhysicalMemory;
        [Description("When the operating system was installed.")]
        datetime InstallDate;
        [Description("When the system last started.")]
        datetime LastBootUpTime;
        string Locale;
        string Manufacturer;
        [Description("Caption|Windows directory|boot partition.")]
        string Name;
        [Description("SKU number: 4 Enterprise, 48 Pro, 7 Server Standard, 8 Server Datacenter, 125 Enterprise LTSC.")]
        uint32 OperatingSystemSKU;
        string Organization;
        [Description("64-bit or 32-bit.")]
        string OSArchitecture;
        uint32 OSLanguage;
        uint32 OSProductSuite;
        uint32 OSType;
        [Description("1 workstation, 2 domain controller, 3 server."),
         ValueMap{"1", "2", "3"},
         Values{"Work Station", "Domain Controller", "Server"}]
        uint32 ProductType;
        string RegisteredUser;
        string SerialNumber;
        uint32 ServicePackMajorVersion;
        uint32 ServicePackMinorVersion;
        string SystemDirectory;
        string SystemDrive;
        uint32 TotalSwapSpaceSize;
        [Description("Virtual memory in KB.")]
        uint32 TotalVirtualMemorySize;
        [Description("Physical memory visible to the OS, in KB.")]
        uint32 TotalVisibleMemorySize;
        [Description("Version, e.g. 10.0.26100.")]
        string Version;
        string WindowsDirectory;
    };

    [Description("Computer system (Win32_ComputerSystem), one row per resource.")]
    class SMS_G_System_COMPUTER_SYSTEM {
    \#(inventoryHeader)
        uint32 AdminPasswordStatus;
        string BootupState;
        string Caption;
        sint32 CurrentTimeZone;
        string Description;
        [Description("DNS domain the computer belongs to.")]
        string Domain;
        [Description("0 standalone workstation, 1 member workstation, 3 member server, 5 primary domain controller.")]
        uint32 DomainRole;
        [Description("Maker, e.g. Dell Inc., LENOVO, VMware, Inc.")]
        string Manufacturer;
        [Description("Model, e.g. Latitude 7440 (a machine type such as 21HD on Lenovo).")]
        string Model;
        string Name;
        uint32 NumberOfLogicalProcessors;
        [Description("Number of processor sockets.")]
        uint32 NumberOfProcessors;
        [Description("1 desktop, 2 mobile, 4 enterprise server.")]
        uint32 PCSystemType;
        [Description("Roles, e.g. LM_Workstation, SQLServer.")]
        string Roles[];
        string Status;
        [Description("x64-based PC.")]
        string SystemType;
        [Description("Physical memory in bytes.")]
        uint64 TotalPhysicalMemory;
        [Description("User signed in at the console, DOMAIN\\user.")]
        string UserName;
    };

    [Description("Computer product (Win32_ComputerSystemProduct), one row per resource.")]
    class SMS_G_System_COMPUTER_SYSTEM_PRODUCT {
    \#(inventoryHeader)
        [Description("Serial number (service tag).")]
        string IdentifyingNumber;
        [Description("Product name; a machine type on Lenovo.")]
        string Name;
        string SKUNumber;
        [Description("SMBIOS UUID.")]
        string UUID;
        string Vendor;
        [Description("Product version; the marketing name on Lenovo, e.g. ThinkPad T14 Gen 4.")]
        string Version;
    };

    [Description("BIOS (Win32_BIOS), one row per resource.")]
    class SMS_G_System_PC_BIOS {
    \#(inventoryHeader)
        string BIOSVersion;
        string BuildNumber;
        string Caption;
        string Description;
        string Manufacturer;
        string Name;
        [Description("Release date of the BIOS.")]
        datetime ReleaseDate;
        string SerialNumber;
        [Description("BIOS version as SMBIOS reports it, e.g. 1.14.1.")]
        string SMBIOSBIOSVersion;
        string SoftwareElementID;
        uint32 SoftwareElementState;
        uint32 TargetOperatingSystem;
        string Version;
    };

    [Description("System enclosure (Win32_SystemEnclosure), one row per resource.")]
    class SMS_G_System_SYSTEM_ENCLOSURE {
    \#(inventoryHeader)
        [Description("Chassis types: 3 desktop, 9 laptop, 10 notebook, 13 all in one, 23 rack mount, 31 convertible, 35 mini PC, 1 other (virtual).")]
        uint32 ChassisTypes[];
        string Description;
        string Manufacturer;
        string Model;
        string SerialNumber;
        string SMBIOSAssetTag;
        string Tag;
    };

    [Description("Processor (Win32_Processor), one row per socket.")]
    class SMS_G_System_PROCESSOR {
    \#(inventoryHeader)
        uint32 AddressWidth;
        [Description("0 x86, 9 x64, 12 ARM64.")]
        uint32 Architecture;
        string CPUKey;
        uint32 DataWidth;
        [Description("CPU0, CPU1…")]
        string DeviceID;
        uint32 Family;
        boolean Is64Bit;
        boolean IsHyperthreadCapable;
        boolean IsMobile;
        boolean IsMulticore;
        string Manufacturer;
        [Description("Maximum clock speed in MHz.")]
        uint32 MaxClockSpeed;
        string Name;
        uint32 NormSpeed;
        uint32 NumberOfCores;
        uint32 NumberOfLogicalProcessors;
        string ProcessorId;
        uint32 ProcessorType;
        string SocketDesignation;
        string Status;
        string SystemName;
        string Version;
    };

    [Description("Memory (ConfigMgr's own X86_PC_Memory), one row per resource; sizes in KB.")]
    class SMS_G_System_X86_PC_MEMORY {
    \#(inventoryHeader)
        uint32 AvailableVirtualMemory;
        uint32 TotalPageFileSpace;
        [Description("Physical memory in KB.")]
        uint32 TotalPhysicalMemory;
        uint32 TotalVirtualMemory;
    };

    [Description("Logical disk (Win32_LogicalDisk), one row per volume; sizes in MB.")]
    class SMS_G_System_LOGICAL_DISK {
    \#(inventoryHeader)
        uint32 Access;
        uint32 Availability;
        string Caption;
        boolean Compressed;
        string Description;
        [Description("Drive letter, e.g. C:.")]
        string DeviceID;
        [Description("2 removable, 3 local disk, 4 network drive, 5 CD-ROM.")]
        uint32 DriveType;
        string FileSystem;
        [Description("Free space in MB.")]
        uint32 FreeSpace;
        string Name;
        [Description("Size in MB.")]
        uint32 Size;
        string SystemName;
        string VolumeName;
        string VolumeSerialNumber;
    };

    [Description("Physical disk (Win32_DiskDrive), one row per disk; size in MB.")]
    class SMS_G_System_DISK {
    \#(inventoryHeader)
        uint32 Availability;
        string Caption;
        string Description;
        string DeviceID;
        uint32 Index;
        [Description("IDE, SCSI, NVMe…")]
        string InterfaceType;
        string Manufacturer;
        string MediaType;
        string Model;
        string Name;
        uint32 Partitions;
        string PNPDeviceID;
        uint32 SCSIBus;
        uint32 SCSILogicalUnit;
        uint32 SCSIPort;
        uint32 SCSITargetId;
        [Description("Size in MB.")]
        uint32 Size;
        string SystemName;
    };

    [Description("Network adapter configuration (Win32_NetworkAdapterConfiguration), one row per adapter.")]
    class SMS_G_System_NETWORK_ADAPTER_CONFIGURATION {
    \#(inventoryHeader)
        string DefaultIPGateway[];
        string Description;
        boolean DHCPEnabled;
        string DHCPServer;
        string DNSDomain;
        string DNSHostName;
        uint32 Index;
        string IPAddress[];
        boolean IPEnabled;
        string IPSubnet[];
        [Description("MAC address, e.g. 00:50:56:9A:12:34.")]
        string MACAddress;
        string ServiceName;
    };

    [Description("ConfigMgr's summary of the system (SMS_G_System_SYSTEM), one row per resource.")]
    class SMS_G_System_SYSTEM {
    \#(inventoryHeader)
        string Domain;
        string Name;
        [Description("Workstation or Server.")]
        string SystemRole;
        [Description("X64-based PC.")]
        string SystemType;
    };

    [Description("Console usage summary (ConfigMgr's SMS_SystemConsoleUsage), one row per resource.")]
    class SMS_G_System_SYSTEM_CONSOLE_USAGE {
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

    [Description("When the client last reported hardware inventory, one row per resource.")]
    class SMS_G_System_WORKSTATION_STATUS {
    \#(inventoryHeader)
        datetime LastHardwareScan;
    };
    """#
}
