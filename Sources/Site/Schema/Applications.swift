// Applications: configuration items and applications — SMS_ConfigurationItemBaseClass, SMS_Application,
// SMS_ApplicationLatest and SMS_DeploymentType — as MOF. Sources and choices: see Deployments.swift.

extension SiteSchema {
    /// The properties every configuration item has but CI_ID, ConfigurationFlags and ModelName (which differ
    /// between SMS_ConfigurationItemBaseClass and SMS_ApplicationLatest: key, presence).
    static let configurationItemProperties = #"""
        [Write, Description("Condition the client evaluates first; the item is evaluated only if it holds.")]
        string ApplicabilityCondition;
        [Write, Description("Unique IDs of the categories the item belongs to.")]
        string CategoryInstance_UniqueIDs[];
        [Write, Description("ID of the configuration item, unique across sites.")]
        string CI_UniqueID;
        [Description("Type of the configuration item."),
         ValueMap{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "13", "14", "21", "24", "25", "26", "27",
                  "28", "29", "40", "50", "60", "70"},
         Values{"SoftwareUpdate", "Baseline", "OperatingSystem", "BusinessPolicy (General)", "Application", "Driver",
                "OtherConfigurationItem", "SoftwareUpdateBundle", "AuthorizationList (SoftwareUpdateAuthorizationList)",
                "AppModel", "GlobalSettings", "GlobalExpression", "Platform", "DeploymentType", "Install Policy Type",
                "DeploymentTechnology", "HostingTechnology", "InstallerTechnology", "PublishingItem",
                "ApplicationGroup", "SettingsDefinition", "ConfigurationPolicy", "VirtualEnvironment",
                "AbstractConfigurationItem"}]
        uint32 CIType_ID;
        [Description("Policy version of the item, incremented automatically.")]
        uint32 CIVersion;
        [Description("User who created the item.")]
        string CreatedBy;
        [Description("When the item was created.")]
        datetime DateCreated;
        [Description("When the item was last modified.")]
        datetime DateLastModified;
        [Description("When the item's compliance policy takes effect.")]
        datetime EffectiveDate;
        [Description("Whether the license terms were accepted."),
         ValueMap{"0", "1", "2"},
         Values{"Declined", "Accepted", "Undetermined"}]
        uint32 EULAAccepted;
        [Description("true if the item has license terms.")]
        boolean EULAExists;
        [Description("When the license terms were signed off.")]
        datetime EULASignoffDate;
        [Description("User who signed off the license terms.")]
        string EULASignoffUser;
        [Description("Context the item is evaluated in."),
         ValueMap{"0", "1"},
         Values{"System", "User"}]
        uint32 ExecutionContext;
        [Write, Description("true if the item is bundled in another configuration item.")]
        boolean IsBundle;
        [Description("Deprecated.")]
        boolean IsDigest;
        [Write, Description("true if the item is enabled and can be evaluated.")]
        boolean IsEnabled;
        [Write, Description("true if the item is no longer active.")]
        boolean IsExpired;
        [Write, Description("true if the item is not shown in the console.")]
        boolean IsHidden;
        [Description("true for the latest revision of the item.")]
        boolean IsLatest;
        // SMS_ConfigurationItemLatestBaseClass has no entry for IsQuarantined; this description is a summary.
        [Description("true if the item is in quarantine.")]
        boolean IsQuarantined;
        [Description("true if a newer configuration item supersedes this one.")]
        boolean IsSuperseded;
        [Write, Description("true if a user created the item.")]
        boolean IsUserDefined;
        [Description("User who last modified the item.")]
        string LastModifiedBy;
        [Description("Localized names of the item's categories.")]
        string LocalizedCategoryInstanceNames[];
        [Description("Localized description of the item.")]
        string LocalizedDescription;
        [Description("Localized display name of the item.")]
        string LocalizedDisplayName;
        [Description("URL with more localized information about the item.")]
        string LocalizedInformativeURL;
        [Description("Locale ID of the localized properties.")]
        uint32 LocalizedPropertyLocaleID;
        // The SDK entry is a placeholder ("ModelID description ..."); this description is a summary.
        [Write, Description("ID of the item's model.")]
        uint32 ModelID;
        [Write, Description("Valid uses of the item.")]
        uint32 PermittedUses;
        [Write, Description("Categories of the platforms the item applies to.")]
        string PlatformCategoryInstance_UniqueIDs[];
        [Description("Platform the item applies to.")]
        uint32 PlatformType;
        [Write, Lazy, EmbeddedInstance("SMS_SDMPackageLocalizedData"),
         Description("Localized data files of the item's SDM package.")]
        object SDMPackageLocalizedData[];
        [Write, Description("Deprecated.")]
        uint32 SDMPackageVersion;
        [Write, Lazy, Description("Digest (or SML definition) of the configuration item.")]
        string SDMPackageXML;
        [Description("Security scopes assigned to the item.")]
        string SecuredScopeNames[];
        [Description("Version stamp used to detect conflicting updates to the object.")]
        string SedoObjectVersion;
        [Write, Description("Site where the item was imported or created.")]
        string SourceSite;
    """#

    /// The properties an application adds to a configuration item, in SMS_Application and SMS_ApplicationLatest.
    static let applicationProperties = #"""
        [Description("1 if the application is featured, else 0.")]
        uint32 Featured;
        [Description("true if the application has content.")]
        boolean HasContent;
        [Description("true if the application has an enabled deployment type and so can be deployed.")]
        boolean IsDeployable;
        [Description("true if a deployment assigns the application to a collection.")]
        boolean IsDeployed;
        [Description("true if the application supersedes another.")]
        boolean IsSuperseding;
        [Description("Whether setup requires a user to be logged on."),
         ValueMap{"0", "1"},
         Values{"Others", "LogonRequired"}]
        uint32 LogonRequirement;
        [Description("Manufacturer of the application.")]
        string Manufacturer;
        [Description("Number of deployment types that depend on this application.")]
        uint32 NumberOfDependentDTs;
        // The entry points to SMS_ConfigurationItemLatestBaseClass, which has no such property; a summary.
        [Description("Number of task sequences that depend on this application.")]
        uint32 NumberOfDependentTS;
        [Description("Number of deployments.")]
        uint32 NumberOfDeployments;
        [Description("Number of deployment types.")]
        uint32 NumberOfDeploymentTypes;
        [Description("Number of devices with the application installed.")]
        uint32 NumberOfDevicesWithApp;
        [Description("Number of devices that failed to install the application.")]
        uint32 NumberOfDevicesWithFailure;
        [Description("Number of settings that refer to the application's deployment types.")]
        uint32 NumberOfSettings;
        [Description("Number of users with the application installed.")]
        uint32 NumberOfUsersWithApp;
        [Description("Number of users that failed to install the application.")]
        uint32 NumberOfUsersWithFailure;
        [Description("Number of users that requested the application.")]
        uint32 NumberOfUsersWithRequest;
        [Description("Number of virtual environments that refer to the application's deployment types.")]
        uint32 NumberOfVirtualEnvironments;
        [Write, Lazy, Description("Package ID of the content; generated unless set.")]
        string PackageID;
        [Description("Software version of the application.")]
        string SoftwareVersion;
        [Description("Version of the source application, if imported.")]
        uint32 SourceCIVersion;
        [Description("Model name of the source application, if imported.")]
        string SourceModelName;
        [Description("When summarization last ran for the application.")]
        datetime SummarizationTime;
    """#

    /// SMS_ConfigurationItemBaseClass, SMS_Application, SMS_ApplicationLatest (declared in full: its page derives it
    /// from SMS_ConfigurationItemLatestBaseClass, leaves out ConfigurationFlags and keys it by ModelName) and
    /// SMS_DeploymentType.
    static let applications = #"""
    [Abstract, Description("Abstract base of configuration items such as applications and software updates.")]
    class SMS_ConfigurationItemBaseClass {
        [Key, Write, Description("ID of the configuration item, unique only within the site.")]
        uint32 CI_ID;
        [Description("Bitmask of additional properties."),
         BitMap{"0"},
         BitValues{"COMPLIANCE_POLICY"}]
        uint64 ConfigurationFlags;
        [Write, Description("Model name of the item, the same for all its revisions.")]
        string ModelName;
    \#(configurationItemProperties)
    };

    [Description("An application: every revision, with its deployment types in SDMPackageXML.")]
    class SMS_Application : SMS_ConfigurationItemBaseClass {
    \#(applicationProperties)
        sint32 GetCIDocumentBody(
            [In, ID(0), Description("ID of the document.")] string DocumentID,
            [Out, ID(1), Description("Body of the document.")] string Document);
        [Description("Gets all of the configuration item documents for installing the application.")]
        sint32 GetCIDocuments(
            [Out, ID(0), Description("Configuration item IDs of the documents.")] uint32 DocCIID[],
            [Out, ID(1), Description("IDs of the documents.")] string DocumentID[],
            [Out, ID(2), Description("Type of each: 1 manifest, 2 properties, 3 latest policy, -3 older policy.")]
            string DocumentType[]);
        [Static, Description("Reserved for future use.")]
        sint32 InitiateUserInstall(
            [In, ID(0), Description("Model name of the application.")] string ModelName,
            [In, ID(1), Description("Unique user name.")] string Username,
            [In, ID(2), Description("Unique ID of a client.")] string ClientGUID);
        [Static, Description("Reserved for future use.")]
        sint32 ManageDeploymentForDevice(
            [In, ID(0), Description("ID of the application deployment.")] string AssignmentUniqueID,
            [In, ID(1), Description("Unique ID of a client.")] string ClientGUID,
            [In, ID(2), Description("Activate or deactivate the deployment."),
             ValueMap{"1", "2"},
             Values{"Activate", "Deactivate"}] uint32 Action);
        [Description("Restores this application and its deployment types as the current active application.")]
        sint32 Restore();
        [Description("Sets the expired state of this application.")]
        sint32 SetIsExpired(
            [In, ID(0), Description("true (default) to expire the application; false to undo.")] boolean Expired);
        [Description("Updates the statistics of this application.")]
        sint32 UpdateStats();
    };

    [Description("The latest revision of each application.")]
    class SMS_ApplicationLatest {
        [Description("ID of the configuration item, unique only within the site.")]
        uint32 CI_ID;
        [Key, Write, Description("Model name of the application, the same for all its revisions.")]
        string ModelName;
    \#(configurationItemProperties)
    \#(applicationProperties)
        sint32 SetIsExpired(
            [In, ID(0), Description("true (default) to expire the application.")] boolean Expired);
        [Description("Updates the statistics of this application.")]
        sint32 UpdateStats();
    };

    [Description("A deployment type of an application; read-only, changed through SMS_Application.")]
    class SMS_DeploymentType : SMS_ConfigurationItemBaseClass {
        [Description("Model name of the application.")]
        string AppModelName;
        [Description("Content ID.")]
        string ContentId;
        [Description("true if the deployment type has dependencies.")]
        boolean Dependencies;
        [Description("Number of clients that installed it successfully or already have it.")]
        uint32 EnforcementSuccess;
        [Description("Number of deployment types this one depends on.")]
        uint32 NumberOfDependedDTs;
        // The syntax block names it NumberOfDependentDTs, the property entry NumberOfDependents; the syntax wins,
        // as for SMS_Application.NumberOfDependentDTs.
        [Description("Number of deployment types that depend on this one.")]
        uint32 NumberOfDependentDTs;
        [Description("Priority of the deployment type in the latest application revision.")]
        uint32 PriorityInLatestApp;
        [Description("Technology of the deployment type.")]
        string Technology;

        [Static, Description("Schedules a deployment type extension for distribution through the hierarchy.")]
        sint32 DistributeDeploymentTypeExtension(
            [In, ID(0), Description("File name of the technology extension.")] string TechnologyExtensionFileName);
    };

    """#
}
