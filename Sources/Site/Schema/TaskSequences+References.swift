// Task sequences, references: SMS_TaskSequencePackageReference, one row per package or application a task
// sequence refers to, as MOF.
//
// Source: the ConfigMgr SDK page "SMS_TaskSequencePackageReference Server WMI Class" (MicrosoftDocs/memdocs,
// memdocs/configmgr/develop/reference/osd/sms_tasksequencepackagereference-server-wmi-class.md). The class derives
// from SMS_BaseClass, which is not modelled, so it is a root class here.
//
// Choices:
// - RefPackageID is not on the page's property list, but sites have it: public admin scripts select and join on
//   SMS_TaskSequencePackageReference.RefPackageID, and the SDK's sibling class SMS_TaskSequencePackageReference_All
//   documents it ("the package identifier of the legacy package", or of the application's content). Its access
//   there is Read, so it has no [Write] here.
// - Every other property is Read/Write on the page, so each is [Write], as the other schema files mark Read/Write.
// - The page's ObjectType table is followed as it is (it has no 4, 6 or 8, unlike SMS_ObjectContentInfo's).

extension SiteSchema {
    /// SMS_TaskSequencePackageReference.
    static let taskSequenceReferences = #"""
    [Description("A package or application that a task sequence refers to.")]
    class SMS_TaskSequencePackageReference {
        [Write, Description("Description of the referenced object.")]
        string Description;
        [Key, Write, Description("ID of the referenced object: a PackageID, or an application's model name.")]
        string ObjectID;
        [Write, Description("Name of the referenced object.")]
        string ObjectName;
        [Write, Description("Kind of the referenced object."),
         ValueMap{"0", "3", "5", "257", "258", "259", "512"},
         Values{"PKG_TYPE_REGULAR", "PKG_TYPE_DRIVER", "PKG_TYPE_SWUPDATES", "PKG_TYPE_IMAGE", "PKG_TYPE_BOOTIMAGE",
                "PKG_TYPE_OSINSTALLIMAGE", "Application"}]
        uint32 ObjectType;
        [Key, Write, Description("ID of the task sequence package.")]
        string PackageID;
        // Not on the page: see the note at the top of the file.
        [Description("PackageID of the referenced content: the package's own, or the application's content package.")]
        string RefPackageID;
        [Write, Description("Version of the referenced object.")]
        string Version;
    };
    """#
}
