// Inventory+Software: ConfigMgr's default inventory classes for what runs on a machine — installed programs,
// services, server features, hotfixes — and software inventory's files, as MOF.

extension SiteSchema {
    /// The software-related inventory classes. Each hardware inventory class starts with ``inventoryHeader``;
    /// SMS_G_System_SoftwareFile belongs to software inventory and is keyed by resource and file instead.
    static let softwareInventory = #"""
    [Description("32-bit programs in Add or Remove Programs (the WOW6432Node uninstall key), one row per program.")]
    class SMS_G_System_ADD_REMOVE_PROGRAMS {
    \#(inventoryHeader)
        [Description("Name shown in Add or Remove Programs.")]
        string DisplayName;
        [Description("Install date as the uninstall key stores it: yyyymmdd text.")]
        string InstallDate;
        [Description("Uninstall key name: a product code GUID or a name.")]
        string ProdID;
        string Publisher;
        [Description("DisplayVersion, e.g. 24.08.")]
        string Version;
    };

    [Description("64-bit programs in Add or Remove Programs, one row per program.")]
    class SMS_G_System_ADD_REMOVE_PROGRAMS_64 {
    \#(inventoryHeader)
        [Description("Name shown in Add or Remove Programs.")]
        string DisplayName;
        [Description("Install date as the uninstall key stores it: yyyymmdd text.")]
        string InstallDate;
        [Description("Uninstall key name: a product code GUID or a name.")]
        string ProdID;
        string Publisher;
        [Description("DisplayVersion, e.g. 131.0.6778.86.")]
        string Version;
    };

    // ConfigMgr's class has a dozen more properties (channel codes, property hashes…) that no collection query
    // uses; each would cost every row of a large fleet a value slot, so they are left out.
    [Description("Installed software (ConfigMgr's SMS_InstalledSoftware), one row per product, 32- and 64-bit.")]
    class SMS_G_System_INSTALLED_SOFTWARE {
    \#(inventoryHeader)
        [Description("Name shown in Add or Remove Programs.")]
        string ARPDisplayName;
        [Description("When the product was installed.")]
        datetime InstallDate;
        string InstalledLocation;
        [Description("Folder or share the product was installed from.")]
        string InstallSource;
        uint32 InstallType;
        string Language;
        string LocalPackage;
        string PackageCode;
        string ProductID;
        string ProductName;
        string ProductVersion;
        string Publisher;
        string RegisteredUser;
        [Description("Product code GUID, or the uninstall key name.")]
        string SoftwareCode;
        string UninstallString;
        string UpgradeCode;
        uint32 VersionMajor;
        uint32 VersionMinor;
    };

    [Description("Windows service (Win32_Service), one row per service.")]
    class SMS_G_System_SERVICE {
    \#(inventoryHeader)
        boolean AcceptPause;
        boolean AcceptStop;
        string Caption;
        string Description;
        [Description("Name shown in Services, e.g. SQL Server (MSSQLSERVER).")]
        string DisplayName;
        string ErrorControl;
        uint32 ExitCode;
        [Description("Service name, e.g. MSSQLSERVER.")]
        string Name;
        [Description("Command line of the service's executable.")]
        string PathName;
        uint32 ProcessId;
        [Description("Own Process, Share Process, Kernel Driver…")]
        string ServiceType;
        boolean Started;
        [Description("Auto, Manual or Disabled.")]
        string StartMode;
        [Description("Account the service runs as.")]
        string StartName;
        [Description("Running, Stopped…")]
        string State;
        string Status;
        string SystemName;
    };

    [Description("Windows Server role or feature (Win32_ServerFeature), one row per installed feature.")]
    class SMS_G_System_SERVER_FEATURE {
    \#(inventoryHeader)
        [Description("Feature number, e.g. 10 for Web Server (IIS).")]
        uint32 ID;
        string Name;
        [Description("ID of the feature this one is part of; 0 for a top-level role.")]
        uint32 ParentID;
    };

    [Description("Installed update (Win32_QuickFixEngineering), one row per hotfix.")]
    class SMS_G_System_QUICK_FIX_ENGINEERING {
    \#(inventoryHeader)
        string Caption;
        string CSName;
        [Description("Update, Security Update…")]
        string Description;
        string FixComments;
        [Description("KB number, e.g. KB5046617.")]
        string HotFixID;
        string InstallDate;
        string InstalledBy;
        [Description("Install date as Windows reports it: m/d/yyyy text.")]
        string InstalledOn;
        string Name;
        string ServicePackInEffect;
        string Status;
    };

    [Description("A file found by software inventory, one row per resource and file.")]
    class SMS_G_System_SoftwareFile {
        [Key, Indexed, Description("ID of the resource the file was found on.")]
        uint32 ResourceID;
        [Key, Description("ID of the file (its name, version and size), the same on every resource.")]
        uint32 FileID;
        uint32 RevisionID;
        datetime TimeStamp;
        [Description("How many copies of the file the resource holds.")]
        uint32 FileCount;
        string FileDescription;
        datetime FileModifiedDate;
        string FileName;
        [Description("Folder of the file, ending in a backslash.")]
        string FilePath;
        [Description("Size in bytes.")]
        uint32 FileSize;
        string FileVersion;
        datetime CreationDate;
        datetime ModifiedDate;
        [Description("ID of the product the file belongs to.")]
        uint32 ProductId;
    };
    """#
}
