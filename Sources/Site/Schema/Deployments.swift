// Deployments: programs, advertisements, applications and their deployment types, deployment summaries and
// asset details, and task sequence packages, as MOF.
//
// Source: the ConfigMgr SDK "Server WMI Class" pages (learn.microsoft.com mem/configmgr/develop/reference/...),
// read from the MicrosoftDocs/SCCMdocs copy at b0674a5d85a3 (the state before they moved to MicrosoftDocs/memdocs;
// the memdocs copies of SMS_DeploymentSummary and SMS_DeploymentType were checked and match): SMS_Program,
// SMS_Advertisement, SMS_ConfigurationItemBaseClass, SMS_ConfigurationItemLatestBaseClass, SMS_Application,
// SMS_ApplicationLatest, SMS_DeploymentType, SMS_DeploymentInfo, SMS_DeploymentSummary, SMS_CIAssignmentBaseClass,
// SMS_ClassicDeploymentAssetDetails, SMS_AppDeploymentAssetDetails and SMS_TaskSequencePackage, and the method
// pages they link to. SMS_SoftwareUpdate and SMS_AuthorizationList are in Deployments+Updates.swift.
//
// Choices:
// - SMS_ConfigurationItemBaseClass is modelled as an abstract base here, because SMS_Application (the first class
//   to use it) is in this part. The pages of SMS_Application, SMS_DeploymentType, SMS_SoftwareUpdate and
//   SMS_AuthorizationList all name it as their base and repeat all 42 of its properties. Its own page only says
//   "See SMS_ConfigurationItemLatestBaseClass" for each property, so the descriptions and value lists come from that
//   page; access types and qualifiers come from SMS_ConfigurationItemBaseClass's page. SMS_Driver (in Packages.swift)
//   still declares these properties itself and is not rebased.
// - SMS_ApplicationLatest is declared in full, not derived from SMS_Application: its page derives it from
//   SMS_ConfigurationItemLatestBaseClass, leaves out ConfigurationFlags, and makes ModelName the key, not CI_ID.
// - Embedded objects are written `[EmbeddedInstance("X")] object`, as Packages.swift and Collections.swift do.
// - Which methods are static is not written on the method pages. A method is [Static] here when it names the
//   objects it works on through its parameters, or works on the whole site, not on the instance it is called on.
// - Where a property entry says "See <other class>", the description (and value list) is taken from that page.
// - Other places where the pages disagree with themselves are noted beside the declaration.
// - SMS_BaseClass, the SDK's root, is not modelled.

extension SiteSchema {
    /// Programs and advertisements, and the deployment summary and asset-detail classes. The application classes are in
    /// Applications.swift, SMS_TaskSequencePackage in TaskSequences.swift, software updates in Deployments+Updates.swift.
    static let deployments = #"""
    [Description("A program or command to run when software is distributed to a client.")]
    class SMS_Program {
        [Description("Action Configuration Manager is performing on the program's package."),
         ValueMap{"0", "1", "2", "3"},
         Values{"NONE", "UPDATE", "ADD", "DELETE"}]
        uint32 ActionInProgress;
        [Write, Description("Application hierarchy of the program.")]
        string ApplicationHierarchy;
        [Write, Description("Command line run when the program starts.")]
        string CommandLine;
        [Write, Description("Comment describing the program in the console.")]
        string Comment;
        [Write, Description("Program to run first, as <PackageID>;;<ProgramName>.")]
        string DependentProgram;
        [Write, Description("Not used.")]
        string Description;
        [Write, Description("Flags describing the device associated with the program."),
         BitMap{"24", "25", "26"},
         BitValues{"Always assign program to the client", "Assign only if on a high-bandwidth connection",
                   "Assign only if the device is docked"}]
        uint32 DeviceFlags;
        [Write, Description("Approximate disk space the program needs, as \"<size> <KB|MB|GB>\".")]
        string DiskSpaceReq;
        [Write, Description("Drive letter (a-z) the program maps to and runs from.")]
        string DriveLetter;
        [Write, Description("Approximate run time of the program, in minutes.")]
        uint32 Duration;
        [Write, Lazy, Description("XML data for image deployment.")]
        uint8 ExtendedData[];
        [Write, Lazy, Description("Length of ExtendedData in bytes.")]
        uint32 ExtendedDataSize;
        [Write, Description("Icon shown for the program in the console.")]
        uint8 Icon[];
        [Write, Lazy, Description("Size of the program icon in bytes; 0 clears the icon.")]
        uint32 IconSize;
        [Write, Lazy, Description("Opaque data for partner extensions.")]
        uint8 ISVData[];
        [Write, Lazy, Description("Length of ISVData in bytes.")]
        uint32 ISVDataSize;
        [Write, Description("Free string reserved for partner extensions.")]
        string ISVString;
        [Write, Description("Path of the Windows Installer package the program belongs to.")]
        string MSIFilePath;
        [Write, Description("Product ID of the Windows Installer package the program belongs to.")]
        string MSIProductID;
        [Key, Indexed, Write, Description("ID of the package the program belongs to.")]
        string PackageID;
        [Write, Description("Name of the package the program belongs to.")]
        string PackageName;
        // The property entry says String, the syntax block UInt32; the values are numbers.
        [Write, Description("Type of the package the program belongs to."),
         ValueMap{"0", "3", "4", "5", "6", "257", "258", "259"},
         Values{"Regular software distribution package", "Driver package", "Task sequence package",
                "Software update package", "Device setting package", "Image package", "Boot image package",
                "Operating system install package"}]
        uint32 PackageType;
        [Write, Description("Version of the package the program belongs to.")]
        string PackageVersion;
        [Write, Description("Installation characteristics of the program."),
         BitMap{"0", "1", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
                "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31"},
         BitValues{"AUTHORIZED_DYNAMIC_INSTALL", "USECUSTOMPROGRESSMSG", "DEFAULT_PROGRAM", "DISABLEMOMALERTONRUNNING",
                   "MOMALERTONFAIL", "RUN_DEPENDANT_ALWAYS", "WINDOWS_CE", "Not used", "COUNTDOWN", "FORCERERUN",
                   "DISABLED", "UNATTENDED", "USERCONTEXT", "ADMINRIGHTS", "EVERYUSER", "NOUSERLOGGEDIN", "OKTOQUIT",
                   "OKTOREBOOT", "USEUNCPATH", "PERSISTCONNECTION", "RUNMINIMIZED", "RUNMAXIMIZED", "HIDEWINDOW",
                   "OKTOLOGOFF", "RUNACCOUNT", "ANY_PLATFORM", "STILL_RUNNING", "SUPPORT_UNINSTALL",
                   "Platform not supported", "SHOW_IN_ARP"}]
        uint32 ProgramFlags;
        [Key, Write, Description("Name of the program, unique within its package.")]
        string ProgramName;
        [Write, Description("Registry key under ...\\CurrentVersion\\Uninstall naming the uninstall script.")]
        string RemovalKey;
        [Write, Description("Free-text description of additional requirements.")]
        string Requirements;
        [Write, Description("Secured type of the related package.")]
        uint32 SecuredTypeID;
        [Write, Lazy, EmbeddedInstance("SMS_OS_Details"),
         Description("Operating systems the program can run on, unless ANY_PLATFORM is set.")]
        object SupportedOperatingSystems[];
        [Write, Description("For internal use only.")]
        datetime TransformAnalysisDate;
        [Write, Description("For internal use only.")]
        string TransformDtID;
        [Write, Description("For internal use only.")]
        uint32 TransformReadiness;
        [Write, Description("Folder the program runs from, on the client or relative to the package folder.")]
        string WorkingDirectory;
    };

    [Description("Offers a program of a package to the members of a collection.")]
    class SMS_Advertisement {
        [Description("Action Configuration Manager is performing on the package."),
         ValueMap{"0", "1", "2"},
         Values{"NONE", "UPDATE", "ADD"}]
        uint32 ActionInProgress;
        [Write, Description("How the advertisement is announced to the user."),
         BitMap{"5", "8", "9", "10", "12", "15", "16", "17", "18", "19", "20", "21", "22", "23", "25", "26",
                "28", "29"},
         BitValues{"IMMEDIATE", "ONSYSTEMSTARTUP", "ONUSERLOGON", "ONUSERLOGOFF", "OPTIONALPREDOWNLOAD", "WINDOWS_CE",
                   "ENABLE_PEER_CACHING", "DONOT_FALLBACK", "ENABLE_TS_FROM_CD_AND_PXE", "APTSINTRANETONLY",
                   "OVERRIDE_SERVICE_WINDOWS", "REBOOT_OUTSIDE_OF_SERVICE_WINDOWS", "WAKE_ON_LAN_ENABLED",
                   "SHOW_PROGRESS", "NO_DISPLAY", "ONSLOWNET", "TARGETTOWINPE", "HIDDENINWINPE"}]
        uint32 AdvertFlags;
        [Key, Write, Description("Unique generated ID of the advertisement.")]
        string AdvertisementID;
        [Write, Description("Unique friendly name of the advertisement.")]
        string AdvertisementName;
        [Write, Lazy, EmbeddedInstance("SMS_ScheduleToken"),
         Description("Schedule tokens for when the advertisement becomes mandatory on clients.")]
        object AssignedSchedule[];
        [Write, Lazy, Description("true if the AssignedSchedule schedule is active.")]
        boolean AssignedScheduleEnabled;
        [Write, Lazy, Description("true if AssignedSchedule is in UTC.")]
        boolean AssignedScheduleIsGMT;
        [Description("ID of the assignment associated with the advertisement.")]
        uint32 AssignmentID;
        [Write, Indexed, Description("ID of the collection the advertisement targets.")]
        string CollectionID;
        [Write, Description("Free-text note about the advertisement.")]
        string Comment;
        [Write, Description("Flags describing the device."),
         BitMap{"24", "25", "26"},
         BitValues{"Always assign program to the client", "Assign only if on a high-bandwidth connection",
                   "Assign only if the device is docked"}]
        uint32 DeviceFlags;
        [Write, Description("When the advertisement stops being available to clients.")]
        datetime ExpirationTime;
        [Write, Lazy, Description("true if the advertisement expires at ExpirationTime.")]
        boolean ExpirationTimeEnabled;
        [Write, Lazy, Description("true if ExpirationTime is in UTC.")]
        boolean ExpirationTimeIsGMT;
        [Write, Description("Reserved.")]
        string HierarchyPath;
        [Write, Description("true (default) to advertise to the subcollections of the collection too.")]
        boolean IncludeSubCollection;
        [Write, Lazy, Description("Opaque data for partner extensions.")]
        uint8 ISVData[];
        [Write, Lazy, Description("Length of ISVData in bytes.")]
        uint32 ISVDataSize;
        [Write, Description("Free string reserved for partner extensions.")]
        string ISVString;
        [Write, Description("Minutes to show the mandatory OS deployment countdown to the user.")]
        uint32 MandatoryCountdown;
        [Write, Description("Whether the advertisement is required or available."),
         ValueMap{"0", "2"},
         Values{"Required", "Available"}]
        uint32 OfferType;
        [Write, Indexed, Description("ID of the advertised package, in uppercase.")]
        string PackageID;
        [Write, Description("When the advertisement becomes available to clients.")]
        datetime PresentTime;
        [Write, Lazy, Description("true (default) if PresentTime is enforced.")]
        boolean PresentTimeEnabled;
        [Write, Lazy, Description("true if PresentTime is in UTC.")]
        boolean PresentTimeIsGMT;
        [Write, Description("Priority for replicating the advertisement to child sites."),
         ValueMap{"1", "2", "3"},
         Values{"HIGH", "NORMAL", "LOW"}]
        uint32 Priority;
        [Write, Description("The program of the package to advertise.")]
        string ProgramName;
        // The page spells bit 17 "DON'T_FALLBACK"; the apostrophe is dropped.
        [Write, Description("How the program runs when the client is near to or far from a distribution point."),
         BitMap{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "17", "18"},
         BitValues{"BATTERY_POWER", "RUN_FROM_CD", "DOWNLOAD_FROM_CD", "RUN_FROM_LOCAL_DISPPOINT",
                   "DOWNLOAD_FROM_LOCAL_DISPPOINT", "DONT_RUN_NO_LOCAL_DISPPOINT", "DOWNLOAD_FROM_REMOTE_DISPPOINT",
                   "RUN_FROM_REMOTE_DISPPOINT", "DOWNLOAD_ON_DEMAND_FROM_LOCAL_DP", "DOWNLOAD_ON_DEMAND_FROM_REMOTE_DP",
                   "BALLOON_REMINDERS_REQUIRED", "RERUN_ALWAYS", "RERUN_NEVER", "RERUN_IF_FAILED", "RERUN_IF_SUCCEEDED",
                   "PERSIST_ON_WRITE_FILTER_DEVICES", "DONT_FALLBACK", "DP_ALLOW_METERED_NETWORK"}]
        uint32 RemoteClientFlags;
        [Description("Site code of the site where the advertisement originates.")]
        string SourceSite;
        [Description("Internal: flags duplicating the time-related properties."),
         BitMap{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
         BitValues{"ENABLE_PRESENT", "ENABLE_EXPIRATION", "ENABLE_AVAILABLE", "ENABLE_UNAVAILABLE", "ENABLE_MANDATORY",
                   "GMT_PRESENT", "GMT_EXPIRATION", "GMT_AVAILABLE", "GMT_UNAVAILABLE", "GMT_MANDATORY"}]
        uint32 TimeFlags;

        [Static, Description("Gets the IDs of the advertisements targeted to a resource.")]
        sint32 GetAdvertisements(
            [In, ID(0), Description("ID of the resource.")] uint32 ResourceID,
            [Out, ID(1), Description("IDs of the advertisements.")] string AdvertisementIDs[]);
        [Static, Description("Gets the ID number the next advertisement created will use.")]
        sint32 GetNextID(
            [Out, ID(0), Description("ID number for the next advertisement.")] uint32 NextID);
        [Static, Description("Sends a warning status message about a user deployment to a risky collection.")]
        sint32 RiskyDeploymentStatusMessage(
            [In, ID(0), Description("ID of the deployment.")] string DeploymentID,
            [In, ID(1), Description("Name of the deployment.")] string DeploymentName,
            [In, ID(2), Description("Package ID of the deployment.")] string PackageID,
            [In, ID(3), Description("Collection ID of the deployment.")] string CollectionID);
        [Static, Description("Sets the ID number the next advertisement created will use.")]
        sint32 SetNextID(
            [In, ID(0), Description("ID number for the next advertisement.")] uint32 NextID);
        [Description("Sets the source site code of the advertisement.")]
        sint32 SetSourceSite(
            [In, ID(0), Description("Site code of the new source site.")] string SourceSite);
        [Description("Deprecated: sets the source site to the current site, unlocking the advertisement.")]
        sint32 Unlock();
    };

    [Description("Information on deployments of every kind.")]
    class SMS_DeploymentInfo {
        [Write, Description("ID of the collection the deployment targets.")]
        string CollectionID;
        [Write, Description("Name of the collection the deployment targets.")]
        string CollectionName;
        [Key, Write, Description("Unique generated ID of the deployment.")]
        string DeploymentID;
        [Write, Description("Purpose of the deployment.")]
        uint32 DeploymentIntent;
        [Write, Description("Name of the deployment (advertisement or assignment).")]
        string DeploymentName;
        [Write, Description("Deployment type.")]
        uint32 DeploymentType;
        [Key, Write, Description("Type ID of the deployment.")]
        uint32 DeploymentTypeID;
        [Write, Description("ID of the target: the package ID, or a configuration item's unique ID.")]
        string TargetID;
        [Write, Description("Name of the target package, application or update.")]
        string TargetName;
        [Write, Description("Security type ID of the target, e.g. 2 for a package.")]
        uint32 TargetSecurityTypeID;
        [Write, Description("Program name for a package; otherwise empty.")]
        string TargetSubName;

        // The method page names the class SMS_Deployment_Info.
        [Static, Description("Gets the IDs and types of the deployments targeted to a resource.")]
        sint32 GetDeployments(
            [In, ID(0), Description("ID of the resource, unique only within the site.")] uint32 ResourceID,
            [Out, ID(1), Description("IDs of the deployments.")] string DeploymentIDs[],
            [Out, ID(2), Description("Type IDs of the deployments.")] uint32 DeploymentTypeID[]);
    };

    [Description("Summary of an application, software update or classic program deployment.")]
    class SMS_DeploymentSummary {
        [Write, Description("Name of the application.")]
        string ApplicationName;
        [Write, Description("ID of the configuration item assignment, unique only within the site.")]
        uint32 AssignmentID;
        [Write, Description("ID of the deployed configuration item, unique only within the site.")]
        uint32 CI_ID;
        [Write, Indexed, Description("ID of the collection the deployment targets.")]
        string CollectionID;
        [Write, Description("Name of the collection the deployment targets.")]
        string CollectionName;
        [Write, Description("When the assignment was created.")]
        datetime CreationTime;
        [Key, Write, Description("Unique generated ID of the deployment.")]
        string DeploymentID;
        // The entry refers to SMS_AppDeploymentAssetDetails, whose values are used.
        [Write, Description("Intended purpose of the deployment."),
         ValueMap{"1", "2", "3"},
         Values{"Install", "Uninstall", "Preflight"}]
        uint32 DeploymentIntent;
        [Write, Description("When the deployment started.")]
        datetime DeploymentTime;
        // The entry refers to SMS_CIAssignmentBaseClass, whose values are used.
        [Description("Whether the configuration item is required or not allowed."),
         ValueMap{"1", "2"},
         Values{"REQUIRED", "NOT_ALLOWED"}]
        sint32 DesiredConfigType;
        [Write, Description("When the assignment will be enforced.")]
        datetime EnforcementDeadline;
        [Write, Description("Kind of thing deployed."),
         ValueMap{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "28"},
         Values{"Application", "Program", "MobileProgram", "Script", "SoftwareUpdate", "Baseline", "TaskSequence",
                "ContentDistribution", "DistributionPointGroup", "DistributionPointHealth", "ConfigurationPolicy",
                "AbstractConfigurationItem"}]
        uint32 FeatureType;
        [Write, Description("Model name of the deployed configuration item.")]
        string ModelName;
        [Write, Description("When the deployment was last modified.")]
        datetime ModificationTime;
        [Write, Description("Number of clients with an error installing the deployment.")]
        sint32 NumberErrors;
        [Write, Description("Number of clients with the deployment in progress.")]
        sint32 NumberInProgress;
        [Write, Description("Number of clients whose requirements for the deployment are not met.")]
        sint32 NumberOther;
        [Write, Description("Number of clients that installed the deployment.")]
        sint32 NumberSuccess;
        [Write, Description("Number of clients targeted by the deployment.")]
        sint32 NumberTargeted;
        [Write, Description("Number of clients whose compliance state is unknown.")]
        sint32 NumberUnknown;
        [Write, Description("Secured object class ID."),
         ValueMap{"200", "201"},
         Values{"SMS_CIAssignment", "SMS_Advertisement"}]
        uint32 ObjectTypeID;
        [Description("Package ID, for classic program deployments.")]
        string PackageID;
        [Write, Description("Policy model ID.")]
        uint32 PolicyModelID;
        [Description("Program name, for classic program deployments.")]
        string ProgramName;
        [Write, Description("ID of the secured object.")]
        string SecuredObjectId;
        [Write, Description("Name of the software.")]
        string SoftwareName;
        [Write, Description("When the summary was computed.")]
        datetime SummarizationTime;
        [Write, Description("Summary type.")]
        uint32 SummaryType;

        [Static, Description("Updates the summarized results of a classic deployment.")]
        sint32 UpdateClassicDeployment(
            [In, ID(0), Description("ID of the advertisement.")] string OfferID);
        [Static, Description("Updates the summarized results of a deployment.")]
        sint32 UpdateDeployment(
            [In, ID(0), Description("ID of the configuration item assignment.")] uint32 AssignmentID);
    };

    [Description("Per-device status of classic software distribution deployments.")]
    class SMS_ClassicDeploymentAssetDetails {
        [Description("ID of the collection the advertisement targets.")]
        string CollectionID;
        [Description("Name of the collection the advertisement targets.")]
        string CollectionName;
        [Key, Indexed, Description("Unique generated ID of the deployment.")]
        string DeploymentID;
        [Key, Indexed, Description("Resource ID of the device.")]
        uint32 DeviceID;
        [Description("NetBIOS name of the computer.")]
        string DeviceName;
        [Description("true if the computer is assigned to a user.")]
        boolean IsMachineAssignedToUser;
        [Description("true if changes to the virtual machine are persisted.")]
        boolean IsMachineChangesPersisted;
        [Description("true for a virtual machine.")]
        boolean IsVM;
        [Description("Software distribution or software update status message ID.")]
        uint32 MessageID;
        [Description("ID of the advertised package.")]
        string PackageID;
        [Description("Name of the advertised package.")]
        string PackageName;
        [Description("Name of the advertised program.")]
        string ProgramName;
        [Description("Status description.")]
        string StatusDescription;
        [Description("Status type."),
         ValueMap{"1", "2", "4", "5"},
         Values{"Success", "InProgress", "Unknown", "Error"}]
        uint32 StatusType;
        [Description("When summarization last ran, or the current UTC time if it has not.")]
        datetime SummarizationTime;
        [Description("Last user to log on to the client.")]
        string UserName;
        [Description("Host name of the virtual machine's host.")]
        string VMHostName;
    };

    [Description("Per-device and per-user status of application deployments.")]
    class SMS_AppDeploymentAssetDetails {
        [Description("Configuration item ID of the application.")]
        uint32 AppCI;
        [Description("Name of the application.")]
        string AppName;
        [Description("Status of the application."),
         ValueMap{"1", "2", "3", "4", "5"},
         Values{"Success", "InProgress", "RequirementsNotMet", "Unknown", "Error"}]
        uint32 AppStatusType;
        [Key, Indexed, Description("ID of the configuration item assignment, unique only within the site.")]
        uint32 AssignmentID;
        [Description("ID of the configuration item assignment, unique across sites.")]
        string AssignmentUniqueID;
        [Description("ID of the collection the deployment targets.")]
        string CollectionID;
        [Description("Name of the collection.")]
        string CollectionName;
        [Description("Compliance state of the configuration item.")]
        uint32 ComplianceState;
        [Description("Intended purpose of the deployment."),
         ValueMap{"1", "2", "3"},
         Values{"Install", "Uninstall", "Preflight"}]
        uint32 DeploymentIntent;
        [Key, Description("Configuration item ID of the deployment type.")]
        uint32 DTCI;
        [Key, Description("Model ID of the deployment type.")]
        uint32 DTModelID;
        [Description("Name of the deployment type.")]
        string DTName;
        [Description("Deployment type result ID.")]
        uint64 DTResultID;
        [Description("Enforcement state."),
         ValueMap{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"},
         Values{"Enforcement State Unknown", "Enforcement started", "Enforcement waiting for content",
                "Waiting for another installation to complete", "Waiting for maintenance window before installing",
                "Restart required before installing", "General failure", "Pending installation", "Installing update",
                "Pending system restart", "Successfully installed update", "Failed to install update",
                "Downloading update", "Downloaded update", "Failed to download update"}]
        uint32 EnforcementState;
        [Description("Extended information description ID.")]
        uint32 ExtendedInfoDescriptionID;
        [Description("Extended information ID.")]
        uint32 ExtendedInfoID;
        [Description("Installed state."),
         ValueMap{"1", "2", "3"},
         Values{"Uninstall", "Install", "Unknown"}]
        uint32 InstalledState;
        [Description("true if the computer is assigned to a user.")]
        boolean IsMachineAssignedToUser;
        [Description("true if changes to the virtual machine are persisted.")]
        boolean IsMachineChangesPersisted;
        [Description("true for a virtual machine.")]
        boolean IsVM;
        // The page says "ID of the virtual machine" and "Virtual machine name" for these two.
        [Indexed, Description("Resource ID of the machine.")]
        uint32 MachineID;
        [Key, Description("Name of the machine.")]
        string MachineName;
        [Description("Policy model ID.")]
        uint32 PolicyModelID;
        [Description("Revision.")]
        uint32 Revision;
        [Description("Deployment time.")]
        datetime StartTime;
        [Description("Status type."),
         ValueMap{"1", "2", "3", "4", "5"},
         Values{"Success", "InProgress", "RequirementsNotMet", "Unknown", "Error"}]
        uint32 StatusType;
        [Description("Technology of the deployment type.")]
        string Technology;
        [Description("Update state.")]
        uint32 UpdateState;
        [Key, Description("User name.")]
        string UserName;
        [Description("Host name of the virtual machine's host.")]
        string VMHostName;
    };

    """#
}
