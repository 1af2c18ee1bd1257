// Distribution: distribution points, distribution point groups and package distribution status, as MOF.
//
// Source: the SDK pages for SMS_DistributionPoint, SMS_DistributionPointGroup,
// SMS_PackageStatusDistPointsSummarizer and SMS_DistributionDPStatus, and their method pages.
// All four derive from SMS_BaseClass in the SDK, which is not modelled, so they are root classes here.

extension SiteSchema {
    /// SMS_DistributionPoint, SMS_DistributionPointGroup, SMS_PackageStatusDistPointsSummarizer and
    /// SMS_DistributionDPStatus.
    ///
    /// The method pages do not say which methods are static. VerifyPackage and CancelDistribution are
    /// declared static because they take the package ID and the NAL path (the instance's own keys) as
    /// parameters, as class-level methods do; the group methods act on the group they are called on.
    static let distribution = #"""
    [Description("A package's placement on a distribution point that serves it to clients.")]
    class SMS_DistributionPoint {
        [Description("true if clients can download from this distribution point via BITS.")]
        boolean BitsEnabled;
        [Description("true for a branch distribution point.")]
        boolean IsPeerDP;
        [Description("true if the distribution point server is a protected site system.")]
        boolean IsProtected;
        [Write, Lazy, Description("Opaque vendor data about the package's program.")]
        uint8 ISVData[];
        [Write, Lazy, Description("Length of ISVData in bytes.")]
        uint32 ISVDataSize;
        [Write, Description("Free string reserved for partner extensions.")]
        string ISVString;
        [Write, Description("When the package copy on this server was last refreshed.")]
        datetime LastRefreshTime;
        [Description("Security class ID of the distributed object."),
         ValueMap{"2", "14", "18", "19", "23", "24", "31"},
         Values{"SMS_Package", "SMS_OperatingSystemInstallPackage", "SMS_ImagePackage", "SMS_BootImagePackage",
                "SMS_DriverPackage", "SMS_SoftwareUpdatesPackage", "SMS_Application"}]
        uint32 ObjectTypeID;
        [Key, Write, Description("ID of the package placed on this distribution point.")]
        string PackageID;
        [Description("Kind of package distributed."),
         ValueMap{"0", "3", "4", "5", "6", "257", "258", "259"},
         Values{"Regular software distribution package", "Driver package", "Task sequence package",
                "Software update package", "Device setting package", "Image package", "Boot image package",
                "OS upgrade package"}]
        uint32 PackageType;
        [Write, Description("Set to true to ask the site to refresh the package here.")]
        boolean RefreshNow;
        [Description("Kind of system resource hosting the distribution point.")]
        string ResourceType;
        [Write, Description("Key of the secured object.")]
        string SecureObjectID;
        [Key, Write, Description("NAL path of the distribution point server.")]
        string ServerNALPath;
        [Key, Write, Indexed, Description("Code of the site that owns this distribution point.")]
        string SiteCode;
        [Write, Description("Display name of the package's source site.")]
        string SiteName;
        [Write, Description("Code of the package's source site.")]
        string SourceSite;
        [Description("State of the package on this distribution point."),
         ValueMap{"0", "1", "2", "3"},
         Values{"NONE", "UPDATED", "ADDED", "DELETED"}]
        uint32 Status;

        [Static, Description("Checks every package file by recomputing its hash.")]
        sint32 VerifyPackage(
            [In, ID(0), Description("ID of the package to check.")] string PackageId,
            [In, ID(1), Description("NAL path of the distribution point server.")] string NALPath);
        [Static, Description("Stops a package distribution in progress.")]
        sint32 CancelDistribution(
            [In, ID(0), Description("ID of the package whose distribution to stop.")] string PackageId,
            [In, ID(1), Description("NAL path of the distribution point server.")] string NALPath);
    };

    [Description("Named set of distribution points, as shown in the console.")]
    class SMS_DistributionPointGroup {
        [Description("How many collections are linked to the group.")]
        uint32 CollectionCount;
        [Description("How many content items are linked to the group.")]
        uint32 ContentCount;
        [Description("true if every content item is synchronized.")]
        boolean ContentInSync;
        [Description("User who created the group.")]
        string CreatedBy;
        [Description("When the group was created.")]
        datetime CreatedOn;
        [Write, Description("Free-text description of the group.")]
        string Description;
        [Key, Write, Description("Unique ID generated for the group.")]
        string GroupID;
        [Description("true if the group contains at least one distribution point.")]
        boolean HasMember;
        [Description("true if at least one collection is linked to the group.")]
        boolean HasRelationship;
        [Description("How many distribution points belong to the group.")]
        uint32 MemberCount;
        [Description("User who last changed the group.")]
        string ModifiedBy;
        [Description("When the group was last changed.")]
        datetime ModifiedOn;
        [Write, Description("Display name of the group.")]
        string Name;
        [Description("How many content items are not in sync.")]
        uint32 OutOfSyncContentCount;
        [Description("Site where the group was defined.")]
        string SourceSite;

        [Description("Puts distribution points into this group.")]
        sint32 AddDistributionPoints(
            [In, ID(0), Description("NAL paths of the distribution points to add.")] string DPNALPath[],
            [In, Optional, ID(1)] boolean AddTargetedPackages);
        [Description("Takes distribution points out of this group.")]
        sint32 RemoveDistributionPoints(
            [In, ID(0), Description("NAL paths of the distribution points to remove.")] string DPNALPath[],
            [In, Optional, ID(1)] boolean RemoveTargetedPackages);
        [Description("Targets packages at this group: each is distributed to every member.")]
        sint32 AddPackages(
            [In, ID(0), Description("IDs of the packages to target.")] string PackageIDs[]);
        [Description("Stops targeting packages at this group: each is removed from the members.")]
        sint32 RemovePackages(
            [In, ID(0), Description("IDs of the packages to stop targeting.")] string PackageIDs[]);
    };

    [Description("Per-site, per-distribution-point summary of package distribution state.")]
    class SMS_PackageStatusDistPointsSummarizer {
        [Write, Description("UTC time the package files were last copied here successfully.")]
        datetime LastCopied;
        [Key, Write, Indexed, Description("ID of the package.")]
        string PackageID;
        [Description("Kind of package."),
         ValueMap{"0", "3", "4", "5", "6", "7", "8", "257", "258", "259"},
         Values{"PKG_TYPE_REGULAR", "PKG_TYPE_DRIVER", "PKG_TYPE_TASK_SEQUENCE", "PKG_TYPE_SWUPDATES",
                "PKG_TYPE_DEVICE_SETTING", "PKG_TYPE_VIRTUAL_APP", "PKG_CONTENT_PACKAGE", "PKG_TYPE_IMAGE",
                "PKG_TYPE_BOOTIMAGE", "PKG_TYPE_OSINSTALLIMAGE"}]
        uint32 PackageType;
        [Description("Security type of the package concerned.")]
        uint32 SecuredTypeID;
        [Write, Description("Key of the secured object.")]
        string SecureObjectID;
        [Key, Write, Description("NAL path of the distribution point.")]
        string ServerNALPath;
        [Key, Write, Description("Site code this summary belongs to.")]
        string SiteCode;
        [Write, Description("NAL path where the package source files live.")]
        string SourceNALPath;
        [Write, Description("Source version of the package now on this distribution point.")]
        uint32 SourceVersion;
        [Write, Description("Install or removal state of the package content here."),
         ValueMap{"0", "1", "2", "3", "4", "5", "6", "7", "8"},
         Values{"INSTALLED", "INSTALL_PENDING", "INSTALL_RETRYING", "INSTALL_FAILED", "REMOVAL_PENDING",
                "REMOVAL_RETRYING", "REMOVAL_FAILED", "CONTENT_UPDATING", "CONTENT_MONITORING"}]
        uint32 State;
        [Write, Description("UTC time of the latest reported package status change.")]
        datetime SummaryDate;
    };

    [Description("Status message from a distribution point role about its content.")]
    class SMS_DistributionDPStatus {
        [Description("Count of distribution point groups.")]
        uint32 GroupCount;
        [Key, Description("Database ID of the distribution point.")]
        uint64 ID;
        [Description("Insertion string 1 of the status message.")]
        string InsString1;
        [Description("Insertion string 10 of the status message.")]
        string InsString10;
        [Description("Insertion string 2 of the status message.")]
        string InsString2;
        [Description("Insertion string 3 of the status message.")]
        string InsString3;
        [Description("Insertion string 4 of the status message.")]
        string InsString4;
        [Description("Insertion string 5 of the status message.")]
        string InsString5;
        [Description("Insertion string 6 of the status message.")]
        string InsString6;
        [Description("Insertion string 7 of the status message.")]
        string InsString7;
        [Description("Insertion string 8 of the status message.")]
        string InsString8;
        [Description("Insertion string 9 of the status message.")]
        string InsString9;
        [Description("true for a branch distribution point.")]
        boolean IsPeerDP;
        [Description("ID of the most recent status message.")]
        uint64 LastStatusID;
        [Description("When the status was last updated.")]
        datetime LastUpdateDate;
        [Description("Category of the status message.")]
        uint32 MessageCategory;
        [Description("Full message ID including severity bits.")]
        uint32 MessageFullID;
        [Description("ID of the status message.")]
        uint32 MessageID;
        // The page gives the severities in hexadecimal: 0x40000000, 0x80000000 and 0xC0000000.
        [Description("Severity of the status message."),
         ValueMap{"1073741824", "2147483648", "3221225472"},
         Values{"Success", "Warning", "Error"}]
        uint32 MessageSeverity;
        // The page lists 1 Success, 2 InProgress, 3 Error; sites report a failed copy as 4, which is what admins'
        // scripts test (MessageState = 4), so failures are 4 here and 3 is kept for the page's sake.
        [Description("Overall state the message reports."),
         ValueMap{"1", "2", "3", "4"},
         Values{"Success", "InProgress", "Error", "Failed"}]
        uint32 MessageState;
        [Description("NAL path of the distribution point.")]
        string NalPath;
        [Description("Name of the distribution point.")]
        string Name;
        [Description("Package ID or model name of the content.")]
        string ObjectID;
        [Description("Security class ID of the content object."),
         ValueMap{"2", "14", "18", "19", "23", "24", "31"},
         Values{"SMS_Package", "SMS_OperatingSystemInstallPackage", "SMS_ImagePackage", "SMS_BootImagePackage",
                "SMS_DriverPackage", "SMS_SoftwareUpdatesPackage", "SMS_Application"}]
        uint32 ObjectTypeID;
        [Indexed, Description("ID of the package on this distribution point.")]
        string PackageID;
        [Description("Type of the resource.")]
        string ResourceType;
        [Description("Site the status came from.")]
        string SiteCode;
    };
    """#
}
