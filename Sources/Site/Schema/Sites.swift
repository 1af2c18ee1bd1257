// Sites: the site, its system resources and roles, NAL path helpers and the extended error object, as MOF.
//
// Source: the SDK pages for SMS_Site, SMS_SystemResourceList, SMS_SCI_SysResUse, SMS_NAL_Methods (with the
// PackNALPath and UnPackNALPath method pages) and SMS_ExtendedStatus. Their SDK base classes (SMS_BaseClass,
// SMS_SiteControlItem, __ExtendedStatus) are not modelled, so every class here is a root class and declares
// the properties the page lists as inherited.

extension SiteSchema {
    /// SMS_Site, SMS_SystemResourceList, SMS_SCI_SysResUse, SMS_NAL_Methods and SMS_ExtendedStatus.
    ///
    /// PackNALPath and UnPackNALPath are static: the class is abstract and the SDK example calls them on the
    /// class object (`Services.Get("SMS_NAL_Methods")`).
    static let sites = #"""
    [Description("One Configuration Manager site: its identity, server, version and state.")]
    class SMS_Site {
        [Description("Build number of the installed Configuration Manager release.")]
        uint32 BuildNumber;
        [Write, Description("Internal use only; contents are undocumented.")]
        string Features;
        [Write, Description("Folder where the site's Configuration Manager files are installed.")]
        string InstallDir;
        [Write, Description("Special operating mode the site is currently in."),
         ValueMap{"1", "2", "3", "4", "5", "6", "7"},
         Values{"Replication maintenance", "Recovery in progress", "Upgrade in progress", "Evaluation has expired",
                "Site expansion in progress",
                "Interop mode where there are primary sites, having the same version as the CAS, were not upgraded",
                "Interop mode where there are secondary sites, having the same version as the top-level site server, were not upgraded"}]
        uint32 Mode;
        [Write, Description("Code of the site this one reports to (its parent).")]
        string ReportingSiteCode;
        [Write, Description("Action requested for a secondary site, such as create or upgrade."),
         ValueMap{"1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010", "1011", "1012", "1013"},
         Values{"Create a secondary site; the primary site will send down the installation media",
                "Create a secondary site using the installation media already available on the secondary site",
                "Secondary site creation has started",
                "Upgrade a secondary site; the primary site will send down the installation media",
                "Upgrade a secondary site using the installation media already available on the secondary site",
                "Secondary site upgrade has started",
                "Deinstall a secondary site",
                "Secondary site deinstall has started",
                "Delete a secondary site",
                "Secondary site deletion has started",
                "Recover a secondary site; the primary site will send down the installation media",
                "Recover a secondary site; the installation media is already available on the secondary site",
                "Secondary site recovery has started"}]
        uint32 RequestedStatus;
        [Write, Description("Whether this secondary site is current with the updates installed at its parent.")]
        uint32 SecondarySiteCMUpdateStatus;
        [Write, Description("Name of the server hosting the site.")]
        string ServerName;
        [Key, Write, Description("The site's three-character code.")]
        string SiteCode;
        [Write, Description("Display name of the site.")]
        string SiteName;
        [Description("Current operational state of the site."),
         ValueMap{"1", "2", "3", "4", "5", "6", "7", "8", "9"},
         Values{"ACTIVE", "PENDING", "FAILED", "DELETED", "UPGRADE",
                "Failed to delete or deinstall the secondary site", "Failed to upgrade the secondary site",
                "Secondary site recovery is in progress", "Failed to recover secondary site"}]
        uint32 Status;
        [Write, Description("Site server time zone in Win32 TIME_ZONE_INFORMATION form.")]
        string TimeZoneInfo;
        [Write, Description("Kind of site: secondary, primary or central administration site."),
         ValueMap{"1", "2", "4"},
         Values{"SECONDARY", "PRIMARY", "CAS"}]
        uint32 Type;
        [Write, Description("Full Configuration Manager version string of this site.")]
        string Version;
    };

    [Description("Lists each site system role with its NAL path, resource type and owning site.")]
    class SMS_SystemResourceList {
        [Description("true if this role accepts connections from Internet clients.")]
        boolean InternetEnabled;
        [Description("true if the role serves Internet and intranet clients alike.")]
        boolean InternetShared;
        [Key, Description("NAL path identifying the site system.")]
        string NALPath;
        [Key, Description("Kind of system resource, for example a Windows NT server.")]
        string ResourceType;
        [Key, Indexed, Description("Name of the site system role the server holds.")]
        string RoleName;
        [Description("Host name of the site system server.")]
        string ServerName;
        [Description("Intranet FQDN of the site system.")]
        string ServerRemoteName;
        [Key, Indexed, Description("Code of the site the resource belongs to.")]
        string SiteCode;
        [Description("Whether the role communicates over HTTP, HTTPS or neither."),
         ValueMap{"0", "1", "2", "3", "4"},
         Values{"HTTP", "HTTPS", "Not applicable", "Always HTTPS", "Always HTTP"}]
        uint32 SslState;
    };

    // FileType, ItemName, ItemType and SiteCode come from SMS_SiteControlItem, whose page is not among the
    // sources; their descriptions are summaries.
    [Description("Site control entry for a role's use of a server or network resource.")]
    class SMS_SCI_SysResUse {
        [Key, Write, Description("Kind of site control file that contains this item.")]
        uint32 FileType;
        [Key, Description("Name identifying this site control item.")]
        string ItemName;
        [Key, Description("Category of this site control item.")]
        string ItemType;
        [Write, Description("NAL path of the resource in use.")]
        string NALPath;
        [Write, Description("Readable label for the kind of NetworkOSPath, e.g. Windows NT Server.")]
        string NALType;
        [Write, Description("Path of the resource as the network OS sees it.")]
        string NetworkOSPath;
        [Write, EmbeddedInstance("SMS_EmbeddedPropertyList"),
         Description("Embedded lists of named settings for the resource.")]
        object PropLists[];
        [Write, EmbeddedInstance("SMS_EmbeddedProperty"),
         Description("Embedded named settings for the resource.")]
        object Props[];
        [Write, Description("How many roles are recorded.")]
        uint32 RoleCount;
        [Write, Indexed, Description("Name of the site system role the server holds.")]
        string RoleName;
        [Lazy, EmbeddedInstance("SMS_ServiceWindow"), Description("Maintenance windows defined for this site system.")]
        object ServiceWindows[];
        [Key, Write, Description("Code of the site that owns this item.")]
        string SiteCode;
        [Description("Whether the role communicates over HTTP, HTTPS or neither."),
         ValueMap{"0", "1", "2", "3", "4"},
         Values{"HTTP", "HTTPS", "Not applicable", "Always HTTPS", "Always HTTP"}]
        uint32 SslState;
        [Write, Description("Which kind of site server, if any, also hosts this role."),
         ValueMap{"1", "2", "4", "8"},
         Values{"The site system role is colocated on the secondary site server",
                "The site system role is colocated on the primary site server",
                "The site system role is colocated on the CAS site server",
                "The site system role is not colocated with any site server"}]
        uint32 Type;
    };

    [Abstract, Description("Helpers for building and parsing NAL paths.")]
    class SMS_NAL_Methods {
        [Static, Description("Builds a NAL path string from its separate parts.")]
        sint32 PackNALPath(
            [In, ID(0), Description("Display qualifiers used by the admin console.")] string DisplayQualifiers[],
            [In, ID(1), Description("Network OS type of the path, e.g. MSWNET."),
             ValueMap{"GENERIC", "MSWNET"}, Values{"All providers accept this account specification", "Windows NT"}] string NALType,
            [In, ID(2), Description("Path to the resource in network OS form.")] string NetworkOSPath,
            [In, Optional, ID(3), Description("Optional qualifiers specific to a component.")] string NetworkConnectionQualifiers[],
            [Out, ID(4), Description("The resulting packed NAL path.")] string NALPath);
        [Static, Description("Splits a NAL path string into its separate parts.")]
        sint32 UnPackNALPath(
            [In, ID(0), Description("The NAL path to split.")] string NALPath,
            [Out, ID(1), Description("Display qualifiers used by the admin console.")] string DisplayQualifiers[],
            [Out, ID(2), Description("Network OS type of the path, e.g. MSWNET.")] string NALType,
            [Out, ID(3), Description("Path to the resource in network OS form.")] string NetworkOSPath,
            [Out, ID(4), Description("Qualifiers specific to a component.")] string NetworkConnectionQualifiers[]);
    };

    [Description("Extra detail about the most recent provider error.")]
    class SMS_ExtendedStatus {
        [Write, Description("Optional extra detail on why the error happened.")]
        string CauseInfo;
        [Write, Description("Optional free-text explanation of the error or status.")]
        string Description;
        [Write, Description("Error code combining severity, facility, reason and other fields.")]
        uint32 ErrorCode;
        [Write, Description("Source module that reported the error.")]
        string File;
        [Write, Description("Line in that module where the error arose.")]
        uint32 Line;
        [Write, Description("Optional detail such as the failing object, parameter or SQL text.")]
        string ObjectInfo;
        [Write, Description("What was being done when the failure happened.")]
        string Operation;
        [Write, Description("Parameter values that relate to the failure or status change.")]
        string ParameterInfo;
        [Write, Description("Provider that raised or reported the problem.")]
        string ProviderName;
        [Write, Description("Message text from the most recent SQL error.")]
        string SQLMessage;
        [Write, Description("Severity of the most recent SQL error.")]
        uint32 SQLSeverity;
        [Write, Description("Status code from the most recent SQL error.")]
        uint32 SQLStatus;
        [Write, Description("Result code, error or informational, of the operation.")]
        uint32 StatusCode;
    };
    """#
}
