// Packages: SMS_PackageBaseclass and the package classes derived from it, as MOF.
//
// Source: the SDK pages for SMS_PackageBaseclass and each subclass, and the AddDistributionPoints,
// RefreshPkgSource, AddDistributionPointGroup, AddDriverContent and RemoveDriverContent method pages.
// The subclass pages repeat every inherited property; here each class declares only what it adds.
// SMS_BaseClass (the SDK's root of the hierarchy, which has no properties of its own) is not modelled.

extension SiteSchema {
    /// SMS_PackageBaseclass and its seven concrete subclasses.
    ///
    /// AddDistributionPoints has the same signature on all seven subclass pages, so it is declared once on
    /// the base class and inherited. RefreshPkgSource is not: SMS_BootImagePackage's takes an optional
    /// ContextID, so each subclass declares its own.
    static let packages = #"""
    [Abstract, Description("Abstract parent of every package class.")]
    class SMS_PackageBaseclass {
        [Description("Operation the site is currently performing on the package."),
         ValueMap{"0", "1", "2", "3"},
         Values{"NONE", "UPDATE", "ADD", "DELETE"}]
        uint32 ActionInProgress;
        [Write, Lazy, Description("XML settings for alternate content providers.")]
        string AlternateContentProviders;
        [Write, Description("Longer free-text description of the package.")]
        string Description;
        [Write, Lazy, Description("XML data used for image deployment.")]
        uint8 ExtendedData[];
        [Write, Lazy, Description("Length of ExtendedData in bytes.")]
        uint32 ExtendedDataSize;
        [Write, Description("Minutes to wait before users are forced off the share.")]
        uint32 ForcedDisconnectDelay;
        [Write, Description("true to force users off the share when they block source updates.")]
        boolean ForcedDisconnectEnabled;
        [Write, Description("How many times to try forcing users off the share.")]
        uint32 ForcedDisconnectNumRetries;
        [Write, Description("Optional icon file contents shown for the package.")]
        uint8 Icon[];
        [Write, Lazy, Description("Length of Icon in bytes.")]
        uint32 IconSize;
        [Write, Description("true to ignore the schedule of the PreferredAddressType sender.")]
        boolean IgnoreAddressSchedule;
        [Write, Lazy, Description("Opaque data for partner extensions.")]
        uint8 ISVData[];
        [Write, Lazy, Description("Length of ISVData in bytes.")]
        uint32 ISVDataSize;
        [Write, Description("Free string reserved for partner extensions.")]
        string ISVString;
        [Write, Description("Language of the package.")]
        string Language;
        [Description("When the source was last refreshed on distribution points.")]
        datetime LastRefreshTime;
        [Description("Localized names of the package's categories.")]
        string LocalizedCategoryInstanceNames[];
        [Write, Description("Publisher of the package.")]
        string Manufacturer;
        [Write, Description("Name of the status MIF file for the package.")]
        string MIFFilename;
        [Write, Description("Name of the MIF file reporting program status.")]
        string MIFName;
        [Write, Description("Publisher name used for MIF status matching.")]
        string MIFPublisher;
        [Write, Description("Version string used for MIF status matching.")]
        string MIFVersion;
        [Write, Description("Display name of the package.")]
        string Name;
        [Write, Description("How many programs the package contains.")]
        uint32 NumOfPrograms;
        [Key, Description("Unique generated ID that programs, deployments and distribution points refer to.")]
        string PackageID;
        [Description("Total size of the package content.")]
        uint32 PackageSize;
        [Write, Description("The type of the package."),
         ValueMap{"0", "3", "4", "5", "6", "7", "8", "257", "258", "259"},
         Values{"Regular software distribution package", "Driver package", "Task sequence package",
                "Software update package", "Device setting package", "Virtual application package",
                "Application package", "Image package", "Boot image package", "OS upgrade package"}]
        uint32 PackageType;
        // The page gives bit 23 as "0x0100011 (23)"; the bit number is taken, the hexadecimal is a typo.
        [Write, Description("Bit flags for special package behaviour."),
         BitMap{"23", "24", "25", "26", "28", "29", "30"},
         BitValues{"DO_NOT_ENCRYPT_CONTENT_ON_CLOUD", "DO_NOT_DOWNLOAD", "PERSIST_IN_CACHE", "USE_BINARY_DELTA_REP",
                   "NO_PACKAGE", "USE_SPECIAL_MIF", "DISTRIBUTE_ON_DEMAND"}]
        uint32 PkgFlags;
        [Write, Description("How the package source files are accessed."),
         ValueMap{"0", "1", "2", "3", "4"},
         Values{"STORAGE_NEEDS_SPECIFYING", "STORAGE_NO_SOURCE", "STORAGE_DIRECT", "STORAGE_COMPRESS", "STORAGE_LOCAL"}]
        uint32 PkgSourceFlag;
        [Write, Description("Local or UNC path holding the package source files.")]
        string PkgSourcePath;
        [Write, Description("Sender to prefer when sending content to distribution points.")]
        string PreferredAddressType;
        [Write, Description("Priority used when sending the package.")]
        uint32 Priority;
        [Write, Lazy, Description("true to ask for the package source to be refreshed.")]
        boolean RefreshPkgSourceFlag;
        // The base page gives no access type; the subclass pages say Read/Write.
        [Write, Lazy, EmbeddedInstance("SMS_ScheduleToken"),
         Description("Schedule tokens for refreshing the source on distribution points.")]
        object RefreshSchedule[];
        [Description("Security scopes assigned to the package.")]
        string SecuredScopeNames[];
        [Description("Version stamp used to detect conflicting updates to the object.")]
        string SedoObjectVersion;
        [Write, Description("Share name used on distribution points.")]
        string ShareName;
        [Write, Description("Whether a common or package-specific share is used."),
         ValueMap{"1", "2"},
         Values{"SHARE_COMMON", "SHARE_SPECIFIC"}]
        uint32 ShareType;
        [Description("When the source files on distribution points were last updated.")]
        datetime SourceDate;
        [Description("Site code where the package was first created.")]
        string SourceSite;
        [Description("Package version at the site; rises on each update or refresh.")]
        uint32 SourceVersion;
        [Write, Description("Path on the site server to the compressed copy of the source.")]
        string StoredPkgPath;
        [Write, Description("Version of the compressed source copy.")]
        uint32 StoredPkgVersion;
        [Write, Description("Version string of the package.")]
        string Version;

        [Description("Assigns the package to distribution points.")]
        sint32 AddDistributionPoints(
            [In, ID(0), Description("Site codes of the target distribution points.")] string SiteCode[],
            [In, ID(1), Description("NAL paths of the target distribution points.")] string NALPath[]);
        // The SDK documents AddDistributionPointGroup on SMS_ContentPackage; the SMS Provider has it on every
        // package class (scripts call it on driver packages and boot images alike), so it is declared here.
        [Description("Assigns the package to distribution point groups.")]
        sint32 AddDistributionPointGroup(
            [In, ID(0), Description("Distribution point groups to target, by GroupID or name.")] string DistributionPointGroup[]);
    };

    [Description("A software distribution package.")]
    class SMS_Package : SMS_PackageBaseclass {
        [Write, Description("Marks special package kinds, such as USMT."),
         ValueMap{"2"},
         Values{"USMT"}]
        sint32 DefaultImageFlags;
        [Description("true if the package ships predefined.")]
        boolean IsPredefinedPackage;
        [Write, Description("When Package Conversion Manager last analyzed the package.")]
        datetime TransformAnalysisDate;
        [Write, Description("Conversion readiness found by Package Conversion Manager analysis."),
         ValueMap{"0", "1", "2", "3", "4", "5"},
         Values{"Unknown", "NotApplicable", "NotReady", "Ready", "Transformed", "Error"}]
        uint32 TransformReadiness;

        [Description("Pushes updated source to every distribution point holding the package.")]
        sint32 RefreshPkgSource();
    };

    [Description("Package that carries the files of one or more device drivers.")]
    class SMS_DriverPackage : SMS_PackageBaseclass {
        [Description("Adds driver content to the package and, optionally, to distribution points.")]
        sint32 AddDriverContent(
            [In, ID(0), Description("IDs of the driver content to add.")] uint32 ContentIDs[],
            [In, ID(1), Description("Source folders holding the content files.")] string ContentSourcePath[],
            [In, Optional, ID(2), Description("If true (default), copy the changes to distribution points.")] boolean bRefreshDPs);
        [Description("Pushes updated source to every distribution point holding the package.")]
        sint32 RefreshPkgSource();
        [Description("Removes driver content from the package.")]
        sint32 RemoveDriverContent(
            [In, ID(0), Description("IDs of the driver content to remove.")] uint32 ContentIDs[],
            [In, Optional, ID(1), Description("If true (default), copy the changes to distribution points.")] boolean bRefreshDPs);
    };

    [Description("Package holding a WIM operating system image for deployment.")]
    class SMS_ImagePackage : SMS_PackageBaseclass {
        [Lazy, Description("XML describing the disk layout of the WIM image.")]
        string ImageDiskLayout;
        [Write, Lazy, Description("XML metadata describing the WIM image.")]
        string ImageProperty;

        [Description("Pushes updated source to every distribution point holding the package.")]
        sint32 RefreshPkgSource();
    };

    [Description("Package holding a Windows PE boot image for task sequences.")]
    class SMS_BootImagePackage : SMS_PackageBaseclass {
        [Description("Processor architecture of the boot image."),
         ValueMap{"x86", "ia64", "x64"},
         Values{"I386 32-bit microprocessor", "Itanium 64-bit microprocessor", "X86-64 64-bit microprocessor"}]
        string Architecture;
        [Write, Lazy, Description("UNC path of the background bitmap shown in WinPE.")]
        string BackgroundBitmapPath;
        [Write, Lazy, Description("ID to query for progress of adding deployment binaries to the image.")]
        string ContextID;
        [Write, Description("true for a default boot image.")]
        boolean DefaultImage;
        [Write, Lazy, Description("true if the command prompt is available in WinPE.")]
        boolean EnableLabShell;
        [Lazy, Description("XML describing the disk layout of the WIM image.")]
        string ImageDiskLayout;
        [Write, Lazy, Description("Unused for boot images.")]
        uint32 ImageIndex;
        [Write, Description("OS version of the boot WIM's default image.")]
        string ImageOSVersion;
        [Write, Description("Source path the image originally came from.")]
        string ImagePath;
        [Write, Lazy, Description("XML metadata describing the WIM image, such as its version.")]
        string ImageProperty;
        [Write, Lazy, Description("IDs of optional WinPE components to include."),
         ValueMap{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
                  "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26"},
         Values{"WinPE-DismCmdlets", "WinPE-Dot3Svc", "WinPE-EnhancedStorage", "WinPE-FMAPI", "WinPE-FontSupport-JA-JP",
                "WinPE-FontSupport-KO-KR", "WinPE-FontSupport-ZH-CN", "WinPE-FontSupport-ZH-HK", "WinPE-FontSupport-ZH-TW",
                "WinPE-HTA", "WinPE-StorageWMI", "WinPE-LegacySetup", "WinPE-MDAC", "WinPE-NetFx4", "WinPE-PowerShell3",
                "WinPE-PPPoE", "WinPE-RNDIS", "WinPE-Scripting", "WinPE-SecureStartup", "WinPE-Setup", "WinPE-Setup-Client",
                "WinPE-Setup-Server", "Not applicable", "WinPE-WDS-Tools", "WinPE-WinReCfg", "WinPE-WMI"}]
        uint32 OptionalComponents[];
        [Write, Lazy, Description("Command line of the pre-start hook added to WinPE.")]
        string PreExecCommandLine;
        [Write, Description("UNC source folder for the pre-start hook added to WinPE.")]
        string PreExecSourceDirectory;
        [Write, Lazy, EmbeddedInstance("SMS_Driver_Details"),
         Description("Details of drivers to import into the boot image.")]
        object ReferencedDrivers[];
        // The page lists the permitted sizes (32, 64, 128, 256 and 512 MB) without names, so no ValueMap.
        [Write, Lazy, Description("WinPE scratch space size, in MB.")]
        uint32 ScratchSpace;

        [Description("Pushes updated source to every distribution point holding the package.")]
        sint32 RefreshPkgSource(
            [In, Optional, ID(0), Description("Optional context ID for tracking the boot image status.")] string ContextID);
    };

    [Description("Package carrying the files for software updates.")]
    class SMS_SoftwareUpdatesPackage : SMS_PackageBaseclass {
        [Description("Pushes updated source to every distribution point holding the package.")]
        sint32 RefreshPkgSource();
    };

    [Description("Package holding source files for a scripted OS installation.")]
    class SMS_OperatingSystemInstallPackage : SMS_PackageBaseclass {
        [Write, Lazy, Description("XML metadata describing the WIM image.")]
        string ImageProperty;

        [Description("Pushes updated source to every distribution point holding the package.")]
        sint32 RefreshPkgSource();
    };

    [Description("A package of deployable content.")]
    class SMS_ContentPackage : SMS_PackageBaseclass {
        [Write, Description("Secured object type of the content.")]
        uint32 ObjectTypeID;
        [Write, Description("Security key identifying the content.")]
        string SecurityKey;

        [Description("Pushes updated source to the distribution points.")]
        sint32 RefreshPkgSource();
    };
    """#

    /// SMS_Driver: a device driver in the driver catalog.
    ///
    /// The SDK derives it from SMS_ConfigurationItemBaseClass, which is not modelled, so the class is a root
    /// here and declares the inherited configuration-item properties itself. Their page entries only say
    /// "See SMS_ConfigurationItemBaseClass", so their descriptions below are summaries, not the SDK's text.
    static let drivers = #"""
    [Description("Catalog entry for a device driver that task sequences can install.")]
    class SMS_Driver {
        [Write, Description("Rule the client checks to decide whether the item applies.")]
        string ApplicabilityCondition;
        [Write, Description("Unique IDs of the driver's categories.")]
        string CategoryInstance_UniqueIDs[];
        [Key, Write, Description("Site-local ID of the configuration item.")]
        uint32 CI_ID;
        [Write, Description("Globally unique ID of the configuration item.")]
        string CI_UniqueID;
        [Description("Configuration item type; 6 means driver.")]
        uint32 CIType_ID;
        [Description("Revision number of the configuration item.")]
        uint32 CIVersion;
        [Description("Flag bits of the configuration item.")]
        uint64 ConfigurationFlags;
        [Write, Description("Folder containing the driver files.")]
        string ContentSourcePath;
        [Description("User who created the item.")]
        string CreatedBy;
        [Description("When the item was created.")]
        datetime DateCreated;
        [Description("When the item was last changed.")]
        datetime DateLastModified;
        [Description("true if the driver is needed to boot.")]
        boolean DriverBootCritical;
        [Description("Device class of the driver, e.g. Net or Display, from its INF.")]
        string DriverClass;
        [Description("Driver date as given in the INF file.")]
        datetime DriverDate;
        [Description("INF file name and path, relative to ContentSourcePath.")]
        string DriverINFFile;
        [Description("Vendor or author of the driver, per its INF file.")]
        string DriverProvider;
        [Description("true if a trusted authority has signed the driver.")]
        boolean DriverSigned;
        [Description("Who signed the driver, when it is signed.")]
        string DriverSigner;
        [Description("Kind of driver; at present always INF.")]
        string DriverType;
        [Description("Driver version assigned by its provider.")]
        string DriverVersion;
        [Description("When the configuration item takes effect.")]
        datetime EffectiveDate;
        [Description("Acceptance state of the item's license terms.")]
        uint32 EULAAccepted;
        [Description("true if the item comes with license terms.")]
        boolean EULAExists;
        [Description("When the license terms were accepted.")]
        datetime EULASignoffDate;
        [Description("User who accepted the license terms.")]
        string EULASignoffUser;
        [Description("Context the configuration item runs in.")]
        uint32 ExecutionContext;
        [Write, Description("true if the item is a bundle.")]
        boolean IsBundle;
        [Lazy, Description("true if the item is a digest.")]
        boolean IsDigest;
        [Write, Description("true if the driver is enabled for use.")]
        boolean IsEnabled;
        [Write, Description("true if the item is expired.")]
        boolean IsExpired;
        [Write, Description("true if the item is hidden.")]
        boolean IsHidden;
        [Description("true for the newest revision of the item.")]
        boolean IsLatest;
        [Description("true if the item is in quarantine.")]
        boolean IsQuarantined;
        [Description("true if a newer item supersedes this one.")]
        boolean IsSuperseded;
        [Write, Description("true if a user, not the system, created the item.")]
        boolean IsUserDefined;
        [Description("User who last changed the item.")]
        string LastModifiedBy;
        [Description("Localized names of the driver's categories.")]
        string LocalizedCategoryInstanceNames[];
        [Description("Description of the driver in the current locale.")]
        string LocalizedDescription;
        [Description("Display name of the driver in the current locale.")]
        string LocalizedDisplayName;
        [Write, Lazy, EmbeddedInstance("SMS_CI_LocalizedEulas"), Description("Unused.")]
        object LocalizedEulas[];
        [Write, Lazy, EmbeddedInstance("SMS_CI_LocalizedProperties"),
         Description("Per-language localized details for the driver.")]
        object LocalizedInformation[];
        [Description("Localized URL with more information about the driver.")]
        string LocalizedInformativeURL;
        [Description("Locale ID of the localized values.")]
        uint32 LocalizedPropertyLocaleID;
        [Write, Description("ID of the item's model.")]
        uint32 ModelID;
        [Write, Description("Version-independent model name of the item.")]
        string ModelName;
        [Write, Description("Uses allowed for the item.")]
        uint32 PermittedUses;
        [Write, Description("Unique IDs of the item's platform categories.")]
        string PlatformCategoryInstance_UniqueIDs[];
        // The syntax block says UInt32, the property entry String; SMS_ConfigurationItemLatestBaseClass says UInt32.
        [Write, Description("Platform type of the item.")]
        uint32 PlatformType;
        [Write, Lazy, EmbeddedInstance("SMS_SDMPackageLocalizedData"), Description("Localized data of the item's SDM package.")]
        object SDMPackageLocalizedData[];
        [Write, Description("Version of the item's SDM package.")]
        uint32 SDMPackageVersion;
        [Write, Lazy, Description("SDM package XML that defines the item.")]
        string SDMPackageXML;
        [Description("Security scopes assigned to the driver.")]
        string SecuredScopeNames[];
        [Description("Version stamp used to detect conflicting updates to the object.")]
        string SedoObjectVersion;
        [Write, Description("Site code where the item was first created.")]
        string SourceSite;
    };
    """#
}
