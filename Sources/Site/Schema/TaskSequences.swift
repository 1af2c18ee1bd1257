// TaskSequences: SMS_TaskSequencePackage, the package that holds a task sequence, as MOF (on SMS_PackageBaseclass).
// Source and choices: see Deployments.swift.

extension SiteSchema {
    /// SMS_TaskSequencePackage and its methods.
    static let taskSequences = #"""
    [Description("Package holding a task sequence: the steps to run.")]
    class SMS_TaskSequencePackage : SMS_PackageBaseclass {
        [Write, Lazy, Description("ID of the boot image package, if References includes a boot image.")]
        string BootImageID;
        [Write, Lazy, Description("Category of the task sequence package, set from SMS_TaskSequence.Category.")]
        string Category;
        [Write, Lazy, Description("Custom progress message set in the console.")]
        string CustomProgressMsg;
        [Write, Lazy, Description("Program to run first, as <PackageID>;;<ProgramName>.")]
        string DependentProgram;
        [Write, Description("Approximate run time, in minutes.")]
        uint32 Duration;
        // The table leaves out bit 4, which the page's text ("default program") and default value (152084496)
        // include; it is added under SMS_Program's name. RUN_DEPENDANT_ALWAYS is bit 9 here, bit 7 on SMS_Program.
        [Write, Description("Installation characteristics of the program."),
         BitMap{"0", "1", "4", "8", "9", "10", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22",
                "23", "24", "25", "26", "27", "28", "29", "31"},
         BitValues{"AUTHORIZED_DYNAMIC_INSTALL", "USE_CUSTOM_PROGRESS_MSG", "DEFAULT_PROGRAM", "WINDOWS_CE",
                   "RUN_DEPENDANT_ALWAYS", "COUNTDOWN", "DISABLED", "UNATTENDED", "USERCONTEXT", "ADMINRIGHTS",
                   "EVERYUSER", "NOUSERLOGGEDIN", "OKTOQUIT", "OKTOREBOOT", "USEUNCPATH", "PERSISTCONNECTION",
                   "RUNMINIMIZED", "RUNMAXIMIZED", "HIDEWINDOW", "OKTOLOGOFF", "RUNACCOUNT", "ANY_PLATFORM",
                   "STILL_RUNNING", "SUPPORT_UNINSTALL", "SHOW_IN_ARP"}]
        uint32 ProgramFlags;
        [Lazy, EmbeddedInstance("SMS_TaskSequence_Reference"),
         Description("Packages, programs and applications referred to by the task sequence's steps.")]
        object References[];
        [Description("Number of entries in References.")]
        uint32 ReferencesCount;
        [Write, Lazy, Description("Used internally by the SMS Provider.")]
        string Reserved;
        [Lazy, Description("XML of the task sequence.")]
        string Sequence;
        [Write, Lazy, EmbeddedInstance("SMS_OS_Details"),
         Description("Platforms the program can run on.")]
        object SupportedOperatingSystems[];
        [Write, Lazy, Description("Task sequence package conditions."),
         BitMap{"0"},
         BitValues{"DANGLING_REF"}]
        uint32 TaskSequenceFlags;
        [Lazy, Description("Kind of task sequence."),
         ValueMap{"1", "2"},
         Values{"Generic task sequence", "Operating system deployment task sequence"}]
        uint32 Type;

        // AddDistributionPoints is inherited from SMS_PackageBaseclass (same signature).
        [Description("Adds a change notification for the task sequence package.")]
        sint32 AddChangeNotification();
        // The page gives uint32 as the return type, and names the second output "PacakgeIds" (sic, as in WMI).
        [Static, Description("Lists the packages a task sequence refers to that are not shared.")]
        uint32 CheckReferencesShareType(
            [In, ID(0), Description("ID of the task sequence package.")] string PackageID,
            [Out, ID(1), Description("true if the package can run from the distribution point.")] boolean CanRunFromDP,
            [Out, ID(2), Description("IDs of the referred packages that are not shared.")] string PacakgeIds[],
            [Out, ID(3), Description("Names of the referred packages that are not shared.")] string PackageNames[]);
        [Static, Description("Gets all site-wide client configuration policies and their assignments.")]
        sint32 GetClientConfigPolicies(
            [Out, ID(0), Description("XML of each policy.")] string PolicyXmls[],
            [Out, ID(1), Description("XML of each policy's assignment, aligned with PolicyXmls.")]
            string PolicyAssignmentXmls[]);
        [Static, Description("Gets the hash of some content.")]
        sint32 GetContentHash(
            [In, ID(0), Description("ID of the content.")] uint32 ContentID,
            [In, ID(1), Description("ID of the hash algorithm.")] uint32 HashAlgID,
            [Out, ID(2), Description("Hash of the content.")] string Hash);
        [Static, Description("Gets the hash of a package.")]
        sint32 GetPackageDefaultHash(
            [In, ID(0), Description("ID of the task sequence package.")] string PackageID,
            [In, ID(1), Description("Version of the package at the site (its SourceVersion).")] uint32 SourceVersion,
            [Out, ID(2), Description("Hash of the package content.")] string Hash);
        [Static, Description("Gets the hash of the task sequence package.")]
        sint32 GetPackageHash(
            [In, ID(0), Description("ID of the task sequence package.")] string PackageID,
            [In, ID(1), Description("Version of the package at the site (its SourceVersion).")] uint32 SourceVersion,
            [Out, ID(2), Description("Hash of the package content.")] string Hash,
            [Out, ID(3), Description("Kind of hash: 1 MD5, 2 SHA-1.")] uint32 HashVersion);
        [Static, Description("Gets the task sequence held by a task sequence package.")]
        sint32 GetSequence(
            [In, ID(0), EmbeddedInstance("SMS_TaskSequencePackage"), Description("The task sequence package.")]
            object TaskSequencePackage,
            [Out, ID(1), EmbeddedInstance("SMS_TaskSequence"), Description("The task sequence it holds.")]
            object TaskSequence);
        [Static, Description("Gets all policies of a task sequence.")]
        sint32 GetTsPolicies(
            [In, ID(0), Description("Advertisement ID to embed in the policy.")] string AdvertisementID,
            [In, ID(1), Description("ID of a task sequence package in the database; or give TaskSequence.")]
            string PackageID,
            [In, ID(2), EmbeddedInstance("SMS_TaskSequence"), Description("A task sequence in memory.")]
            object TaskSequence,
            [In, ID(3), Description("Name for the advertisement.")] string AdvertisementName,
            [In, ID(4), Description("Comment for the advertisement.")] string AdvertisementComment,
            [In, ID(5), Description("Flags, as in SMS_Advertisement.AdvertFlags.")] uint32 AdvertisementFlags,
            [In, ID(6), Description("Boot image package; needed with TaskSequence, else null.")] string BootImageID,
            [In, ID(7), Description("Source site code for the advertisement.")] string SourceSite,
            [Out, ID(8), Description("XML of the task sequence's policy and dependent policies.")] string PolicyXmls[],
            [Out, ID(9), Description("XML of each policy's assignment, aligned with PolicyXmls.")]
            string PolicyAssignmentXmls[]);
        [Static, Description("Gets all policies of a task sequence, for stand-alone media.")]
        sint32 GetTsPoliciesSaMedia(
            [In, ID(0), Description("Advertisement ID to embed in the policy.")] string AdvertisementID,
            [In, ID(1), Description("ID of a task sequence package in the database; or give TaskSequence.")]
            string PackageID,
            [In, ID(2), EmbeddedInstance("SMS_TaskSequence"), Description("A task sequence in memory.")]
            object TaskSequence,
            [In, ID(3), Description("Name for the advertisement.")] string AdvertisementName,
            [In, ID(4), Description("Comment for the advertisement.")] string AdvertisementComment,
            [In, ID(5), Description("Flags, as in SMS_Advertisement.AdvertFlags.")] uint32 AdvertisementFlags,
            [In, ID(6), Description("Boot image package; needed with TaskSequence, else null.")] string BootImageID,
            [In, ID(7), Description("Source site code for the advertisement.")] string SourceSite,
            [Out, ID(8), Description("XML of the task sequence's policy and dependent policies.")] string PolicyXmls[],
            [Out, ID(9), Description("XML of each policy's assignment, aligned with PolicyXmls.")]
            string PolicyAssignmentXmls[]);
        // The page gives uint32 as the return type and IDs 0, 2 and 3; "PacakgeIds" (sic) is as in WMI.
        [Static, Description("Gets the task sequence packages related to a driver category.")]
        uint32 GetTSRelatedToDriverCategory(
            [In, ID(0), Description("Unique ID of the category instance.")] string CategoryUniqueId,
            [Out, ID(1), Description("IDs of the related packages.")] string PacakgeIds[],
            [Out, ID(2), Description("Names of the related packages.")] string PackageNames[]);
        [Static, Description("Makes an SMS_TaskSequence from the XML of an exported task sequence package.")]
        sint32 ImportSequence(
            [In, ID(0), Description("XML of the task sequence package to import.")] string SequenceXML,
            [Out, ID(1), EmbeddedInstance("SMS_TaskSequence"), Description("The task sequence produced.")]
            object TaskSequence);
        [Description("Infrastructure only: refreshes the package source on all distribution points.")]
        sint32 RefreshPkgSource();
        [Static, Description("Puts a task sequence into a task sequence package.")]
        sint32 SetSequence(
            [In, ID(0), EmbeddedInstance("SMS_TaskSequencePackage"), Description("The package to update.")]
            object TaskSequencePackage,
            [In, ID(1), EmbeddedInstance("SMS_TaskSequence"), Description("The task sequence to put in it.")]
            object TaskSequence,
            [Out, ID(2), Description("Relative WMI path of the updated package.")] string SavedTaskSequencePackagePath);
        [Description("Sets the source site code of the task sequence package.")]
        sint32 SetSourceSite(
            [In, ID(0), Description("Site code of the new source site.")] string SourceSite);
        [Description("Sets the source site to the current site, unlocking the task sequence package.")]
        sint32 Unlock();
    };
    """#
}
