// ContentStatus: content distribution status and distribution point information classes, as MOF.
//
// Source: the ConfigMgr SDK "Server WMI Class" pages (MicrosoftDocs/memdocs, under
// memdocs/configmgr/develop/reference/core/servers/): configure/sms_distributionstatus,
// configure/sms_packagestatusdetailsummarizer, console/sms_objectcontentinfo, configure/sms_dpstatusinfo,
// configure/sms_distributionpointinfo (with its method pages getchainedpulldps-method-in-class-
// smsdistributionpointinfo and setdpmaintenancemode-method-in-class-sms-distributionpointinfo),
// configure/sms_packagestatusrootsummarizer, configure/sms_dpcontentinfo and
// configure/sms_packagecontentserverinfo (each "-server-wmi-class.md"). All derive from SMS_BaseClass in the
// SDK, which is not modelled, so they are root classes here.
//
// Choices where the pages disagree:
// - SMS_DistributionPointInfo: the syntax block says `UInt32 Region` and `String ServiceType`, the property
//   list says Region is a String (an Azure region) and ServiceType a UInt32. The property list is followed.
// - SMS_DistributionStatus.ObjectTypeID: the page names value 2 "SMS_DistributionStatus"; every sibling page
//   (SMS_ObjectContentInfo, SMS_DPContentInfo, SMS_DistributionDPStatus, SMS_DistributionPoint) names 2
//   SMS_Package, so SMS_Package is used.
// - SMS_PackageContentServerInfo.PackageType: the page gives 6 = content package and 8 = device setting
//   package; SMS_PackageBaseclass and the PKG_TYPE tables of SMS_ObjectContentInfo, SMS_DPContentInfo and
//   SMS_PackageStatusDistPointsSummarizer give 6 = device setting, 8 = content package. The majority is used.
// - SMS_PackageStatusDetailSummarizer and SMS_PackageStatusRootSummarizer: the Remarks give the class a
//   Read (read-only) qualifier while every property is listed Read/Write; as for
//   SMS_PackageStatusDistPointsSummarizer in Distribution.swift, the per-property access is followed ([Write]).
// - SMS_DistributionPointInfo has three keys (NALPath, ResourceType, SiteCode) as the page marks them.

extension SiteSchema {
    /// SMS_DistributionStatus, SMS_PackageStatusDetailSummarizer, SMS_PackageStatusRootSummarizer,
    /// SMS_ObjectContentInfo, SMS_DPContentInfo, SMS_PackageContentServerInfo, SMS_DPStatusInfo and
    /// SMS_DistributionPointInfo.
    ///
    /// The method pages do not say which methods are static. GetChainedPullDPs and SetDPMaintenanceMode are
    /// declared static because they take the distribution point's NAL path as a parameter, as class-level
    /// methods do (the same reasoning as VerifyPackage in Distribution.swift).
    static let contentStatus = #"""
    [Description("Count of distribution points in one status category for a package or application.")]
    class SMS_DistributionStatus {
        [Description("Number of distribution points in this status.")]
        uint32 Assets;
        [Description("When the status was last updated.")]
        datetime LastUpdateDate;
        [Key, Description("Category of the status message.")]
        uint32 MessageCategory;
        [Key, Description("Package ID or model name of the content.")]
        string ObjectID;
        [Description("Security class ID of the content object."),
         ValueMap{"2", "14", "18", "19", "21", "23", "24", "31"},
         Values{"SMS_Package", "SMS_OperatingSystemInstallPackage", "SMS_ImagePackage", "SMS_BootImagePackage",
                "SMS_DeviceSettingPackage", "SMS_DriverPackage", "SMS_SoftwareUpdatesPackage", "SMS_Application"}]
        uint32 ObjectTypeID;
        [Indexed, Description("ID of the package.")]
        string PackageID;
        [Description("Kind of status counted."),
         ValueMap{"1", "2", "3"},
         Values{"Success", "InProgress", "Error"}]
        uint32 Type;
    };

    [Description("Distribution summary of one package for one site of the hierarchy.")]
    class SMS_PackageStatusDetailSummarizer {
        [Write, Description("Distribution points in the site that ran out of retries installing or removing the package.")]
        uint32 Failed;
        [Write, Description("Distribution points in the site holding the current source version of the package.")]
        uint32 Installed;
        [Write, Description("Name of the package.")]
        string Name;
        [Key, Write, Description("ID of the package.")]
        string PackageID;
        [Write, Description("Distribution points in the site retrying an install or removal of the package.")]
        uint32 Retrying;
        [Key, Write, Description("Code of a site with at least one distribution point for the package.")]
        string SiteCode;
        [Write, Description("Display name of the site.")]
        string SiteName;
        [Write, Description("Version of the package source files.")]
        uint32 SourceVersion;
        [Write, Description("UTC time of the latest reported package status change for this site.")]
        datetime SummaryDate;
        [Write, Description("Distribution points in the site targeted with the package.")]
        uint32 Targeted;
    };

    [Description("Distribution summary of one package across all sites of the hierarchy.")]
    class SMS_PackageStatusRootSummarizer {
        [Write, Description("Distribution points that ran out of retries installing or removing the package.")]
        uint32 Failed;
        [Write, Description("Distribution points holding the current source version of the package.")]
        uint32 Installed;
        [Write, Description("Name of the package.")]
        string Name;
        [Key, Write, Description("ID of the package.")]
        string PackageID;
        [Write, Description("Distribution points retrying an install or removal of the package.")]
        uint32 Retrying;
        [Write, Description("Size in KB of the compressed package source.")]
        uint32 SourceCompressedSize;
        [Write, Description("When this version of the source files was created.")]
        datetime SourceDate;
        [Write, Description("Code of the site where the package originated.")]
        string SourceSite;
        [Write, Description("Size in KB of the package source files.")]
        uint32 SourceSize;
        [Write, Description("Current source version, as set by the originating site.")]
        uint32 SourceVersion;
        [Write, Description("Distribution points, child sites included, meant to hold the package.")]
        uint32 Targeted;
    };

    [Description("Content distribution summary of one package or application.")]
    class SMS_ObjectContentInfo {
        [Description("When the package was created.")]
        datetime DateCreated;
        [Description("Description of the package or application.")]
        string Description;
        [Description("Feature ID used for monitoring; 8 by default.")]
        uint32 FeatureType;
        [Description("When the package was last updated.")]
        datetime LastUpdateDate;
        [Description("Count of distribution points that failed.")]
        uint32 NumberErrors;
        [Description("Count of distribution points still pending.")]
        uint32 NumberInProgress;
        [Description("Count of distribution points that succeeded.")]
        uint32 NumberSuccess;
        [Description("Count of distribution points in an unknown state.")]
        uint32 NumberUnknown;
        [Key, Description("Package ID or model name of the content.")]
        string ObjectID;
        [Description("Kind of content object."),
         ValueMap{"0", "3", "4", "5", "6", "8", "257", "258", "259", "512"},
         Values{"PKG_TYPE_REGULAR", "PKG_TYPE_DRIVER", "PKG_TYPE_TASK_SEQUENCE", "PKG_TYPE_SWUPDATES",
                "PKG_TYPE_DEVICE_SETTING", "PKG_CONTENT_PACKAGE", "PKG_TYPE_IMAGE", "PKG_TYPE_BOOTIMAGE",
                "PKG_TYPE_OSINSTALLIMAGE", "APPLICATION"}]
        uint32 ObjectType;
        [Description("Security class ID of the content object."),
         ValueMap{"2", "14", "18", "19", "21", "23", "24", "31"},
         Values{"SMS_Package", "SMS_OperatingSystemInstallPackage", "SMS_ImagePackage", "SMS_BootImagePackage",
                "SMS_DeviceSettingPackage", "SMS_DriverPackage", "SMS_SoftwareUpdatesPackage", "SMS_Application"}]
        uint32 ObjectTypeID;
        [Indexed, Description("ID of the package.")]
        string PackageID;
        [Description("Name of the package or application.")]
        string SoftwareName;
        [Description("Site the content comes from.")]
        string SourceSite;
        [Description("Size of the package source.")]
        uint32 SourceSize;
        [Description("Version of the package source.")]
        uint32 SourceVersion;
        [Description("Count of distribution points targeted.")]
        uint32 Targeted;
    };

    [Description("One package or application held on one distribution point.")]
    class SMS_DPContentInfo {
        [Write, Description("Description of the package or application.")]
        string Description;
        [Description("true for a predefined package.")]
        boolean IsPredefinedPackage;
        [Key, Write, Description("NAL path of the distribution point.")]
        string NALPath;
        [Write, Description("Name of the package or application.")]
        string Name;
        [Key, Write, Description("Package ID, or unique ID of the configuration item.")]
        string ObjectID;
        [Description("Kind of content object."),
         ValueMap{"0", "3", "4", "5", "6", "8", "257", "258", "259", "512"},
         Values{"PKG_TYPE_REGULAR", "PKG_TYPE_DRIVER", "PKG_TYPE_TASK_SEQUENCE", "PKG_TYPE_SWUPDATES",
                "PKG_TYPE_DEVICE_SETTING", "PKG_CONTENT_PACKAGE", "PKG_TYPE_IMAGE", "PKG_TYPE_BOOTIMAGE",
                "PKG_TYPE_OSINSTALLIMAGE", "APPLICATION"}]
        uint32 ObjectType;
        [Description("Security class ID of the content object."),
         ValueMap{"2", "14", "18", "19", "23", "24", "31"},
         Values{"SMS_Package", "SMS_OperatingSystemInstallPackage", "SMS_ImagePackage", "SMS_BootImagePackage",
                "SMS_DriverPackage", "SMS_SoftwareUpdatesPackage", "SMS_Application"}]
        uint32 ObjectTypeID;
        [Write, Indexed, Description("ID of the package.")]
        string PackageID;
        [Write, Description("Source size of the package.")]
        uint32 SourceSize;
    };

    [Description("A distribution point or distribution point group to which a package or application was distributed.")]
    class SMS_PackageContentServerInfo {
        [Key, Write, Description("Unique ID of the distribution point group (or distribution point).")]
        string ContentServerID;
        [Write, Description("Security ID of the distribution point or distribution point group.")]
        string ContentServerSecurityID;
        [Write, Description("Whether the content server is a distribution point or a group."),
         ValueMap{"1", "2"},
         Values{"Distribution Point", "Distribution Point Group"}]
        uint32 ContentServerType;
        [Write, Description("Description of the distribution point or group.")]
        string Description;
        [Write, Description("true if BITS is enabled.")]
        uint32 IsBitsEnabled;
        [Write, Description("true for a branch distribution point.")]
        uint32 IsPeerDP;
        [Write, Description("Name of the distribution point or group.")]
        string Name;
        [Key, Write, Description("Package ID or CI_UniqueID of the content.")]
        string ObjectID;
        [Description("Security class ID of the content server."),
         ValueMap{"42", "43"},
         Values{"SMS_DistributionPointInfo", "SMS_DistributionPointGroup"}]
        uint32 ObjectTypeID;
        [Write, Indexed, Description("ID of the package.")]
        string PackageID;
        [Write, Description("Kind of package."),
         ValueMap{"0", "3", "4", "5", "6", "8", "257", "258", "259", "512"},
         Values{"Regular software distribution package.", "Driver package.", "Task sequence package.",
                "Software update package.", "Device setting package.", "Content package.", "Image package.",
                "Boot image package.", "Operating system install package.", "Application package."}]
        uint32 PackageType;
    };

    [Description("Content status summary of one distribution point.")]
    class SMS_DPStatusInfo {
        [Description("true if distribution point monitoring watches this distribution point.")]
        boolean IsDPMonEnabled;
        [Description("true if multicast is enabled here.")]
        boolean IsMulticast;
        [Description("true for a pull distribution point.")]
        boolean IsPullDP;
        [Description("true if PXE is enabled here.")]
        boolean IsPXE;
        [Description("When the last status message arrived.")]
        datetime LastStatusTime;
        [Description("Count of messages for this distribution point.")]
        uint32 MessageCount;
        [Description("State of the message."),
         ValueMap{"1", "2", "3"},
         Values{"Success", "InProgress", "Error"}]
        uint32 MessageState;
        [Key, Description("NAL path of the distribution point.")]
        string NALPath;
        [Description("Name of the distribution point.")]
        string Name;
        [Description("Count of content that failed to install.")]
        uint32 NumberErrors;
        [Description("Count of content installations in progress.")]
        uint32 NumberInProgress;
        [Description("Count of content installed.")]
        uint32 NumberInstalled;
        [Description("Count of content in an unknown state.")]
        uint32 NumberUnknown;
        [Description("Version the distribution point is upgraded to.")]
        string Version;
    };

    [Description("Settings and properties of one distribution point site system.")]
    class SMS_DistributionPointInfo {
        [Write, Description("true if a schedule is configured on this address.")]
        boolean AddressScheduleEnabled;
        [Write, Description("PXE bind exception.")]
        string BindExcept;
        [Write, Description("PXE bind policy.")]
        boolean BindPolicy;
        [Write, Description("true if the distribution point is BITS-enabled.")]
        boolean BitsEnabled;
        [Write, Description("PXE certificate type.")]
        boolean CertificateType;
        [Write, Description("HTTP or HTTPS; 0 by default.")]
        uint32 Communication;
        [Write, Description("Description of the distribution point.")]
        string Description;
        [Description("Distribution point flags."),
         ValueMap{"0"},
         Values{"DP_TYPE_READONLY"}]
        uint32 DPFlags;
        [Write, Description("Drive the distribution point uses.")]
        string Drive;
        [Write, Description("Count of distribution point groups containing this distribution point.")]
        uint32 GroupCount;
        [Description("true if the distribution point belongs to a distribution point group.")]
        boolean HasRelationship;
        [Write, Description("true if health check is enabled.")]
        boolean HealthCheckEnabled;
        [Write, Description("Thread priority of the health check; 4 by default.")]
        uint32 HealthCheckPriority;
        [Write, Description("Schedule of the health check.")]
        string HealthCheckSchedule;
        [Description("Database ID of the distribution point.")]
        uint32 ID;
        [Write, Description("GUID identifying the distribution point, made at install time.")]
        string IdentityGUID;
        [Write, Description("true if the distribution point is Internet-facing.")]
        boolean InternetFacing;
        [Write, Description("true if PXE is active.")]
        boolean IsActive;
        [Write, Description("true if multicast is enabled.")]
        boolean IsMulticast;
        [Write, Description("true for a branch distribution point.")]
        boolean IsPeerDP;
        [Write, Description("true if the site system is protected.")]
        boolean IsProtected;
        [Write, Description("true for a pull distribution point.")]
        boolean IsPullDP;
        [Write, Description("true if PXE is enabled.")]
        boolean IsPXE;
        [Key, Write, Description("NAL path of the distribution point.")]
        string NALPath;
        [Description("Network operating system path.")]
        string Name;
        [Write, Description("Operating system of the computer.")]
        string OperatingSystem;
        [Write, Description("true if prestaging is allowed.")]
        boolean PreStagingAllowed;
        [Write, Description("Distribution priority; 1 by default.")]
        uint32 Priority;
        [Write, Description("PXE password.")]
        string PXEPassword;
        [Write, Description("true if rate limits are enabled.")]
        boolean RateLimitsEnabled;
        // The syntax block says UInt32; the property list says String (an Azure region). String is used.
        [Write, Description("Azure region of a cloud-based distribution point.")]
        string Region;
        [Key, Write, Description("Resource type of the distribution point: Server or Server share.")]
        string ResourceType;
        [Write, Description("PXE response delay.")]
        uint32 ResponseDelay;
        [Write, Indexed, Description("Server name of the distribution point computer.")]
        string ServerName;
        // The syntax block says String; the property list says UInt32. UInt32 is used.
        [Write, Description("Service type; cloud-based distribution points only.")]
        uint32 ServiceType;
        [Write, Description("Obsolete: share distribution points are not supported.")]
        string ShareName;
        [Key, Write, Description("Code of the site that owns the distribution point.")]
        string SiteCode;
        [Write, Description("Site name.")]
        string SiteName;
        [Write, Description("true if PXE answers unknown computers.")]
        boolean SupportUnknownMachines;
        [Write, Description("Average transfer rate in Kbps.")]
        uint32 TransferRate;
        [Write, Description("PXE user-device affinity setting.")]
        uint32 UdaSetting;

        [Static, Description("Lists the pull distribution points chained behind a source, so an assignment makes no loop.")]
        sint32 GetChainedPullDPs(
            [In, ID(0), Description("NAL path of the source distribution point.")] string SourceDPNALPath,
            [Out, ID(1), Description("The chained distribution points.")] string ChainedDPs[]);
        [Static, Description("Puts a distribution point into or out of maintenance mode.")]
        uint32 SetDPMaintenanceMode(
            [In, ID(0), Description("NAL path of the distribution point server.")] string NALPath,
            [In, ID(1), Description("1 to enable maintenance mode, 0 to disable it.")] uint32 Mode);
    };
    """#
}
