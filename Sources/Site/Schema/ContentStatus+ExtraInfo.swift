// Content status, extra info: SMS_ObjectContentExtraInfo, the content summary of every package, distributed or
// not, as MOF.
//
// Source: the ConfigMgr SDK page "SMS_ObjectContentExtraInfo Server WMI Class" (MicrosoftDocs/memdocs,
// memdocs/configmgr/develop/reference/core/servers/console/sms_objectcontentextrainfo-server-wmi-class.md). The
// class derives from SMS_BaseClass, which is not modelled, so it is a root class here.
//
// The page lists the same properties as SMS_ObjectContentInfo (ContentStatus.swift), every one read-only; the
// differences from that class are the page's: PackageID is not [Indexed], and only ObjectID is a key.

extension SiteSchema {
    /// SMS_ObjectContentExtraInfo.
    static let contentExtraInfo = #"""
    [Description("Content information of one package or application.")]
    class SMS_ObjectContentExtraInfo {
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
        [Description("Secured object class ID of the content object."),
         ValueMap{"2", "14", "18", "19", "21", "23", "24", "31"},
         Values{"SMS_Package", "SMS_OperatingSystemInstallPackage", "SMS_ImagePackage", "SMS_BootImagePackage",
                "SMS_DeviceSettingPackage", "SMS_DriverPackage", "SMS_SoftwareUpdatesPackage", "SMS_Application"}]
        uint32 ObjectTypeID;
        [Description("ID of the package.")]
        string PackageID;
        [Description("Name of the package or application.")]
        string SoftwareName;
        [Description("Site the package comes from.")]
        string SourceSite;
        [Description("Size of the package source.")]
        uint32 SourceSize;
        [Description("Version of the package source.")]
        uint32 SourceVersion;
        [Description("Count of distribution points targeted.")]
        uint32 Targeted;
    };
    """#
}
