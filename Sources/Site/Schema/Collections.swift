// Collections: collections, their membership rules, collection members and system resources, as MOF.
//
// Source: the SDK pages in collections/ (SMS_Collection, SMS_CollectionRule and its subclasses,
// SMS_CollectionMember_a and the SMS_Collection and SMS_CollectionRuleQuery method pages) and the
// SMS_R_System page.

extension SiteSchema {
    /// The collection rule classes, SMS_Collection, SMS_Resource/SMS_R_System and SMS_CollectionMember_a,
    /// in that order: the rules are declared first so that SMS_Collection can name SMS_CollectionRule as the
    /// type of its embedded rules and method parameters.
    ///
    /// Which methods are static is not written on the method pages. GetNumResults and
    /// VerifyNoCircularDependencies take the collections they work on as reference parameters, and the SDK
    /// example calls ValidateQuery on the SMS_CollectionRuleQuery class object, so those three are static;
    /// the rule methods and RequestRefresh act on the collection they are called on.
    static let collections = #"""
    [Abstract, Description("Abstract base of all collection membership rules.")]
    class SMS_CollectionRule {
        [Write, Description("Display name of the rule.")]
        string RuleName;
    };

    [Description("Rule that adds one specific resource to a collection.")]
    class SMS_CollectionRuleDirect : SMS_CollectionRule {
        [Write, Description("Class of the resource, e.g. SMS_R_System.")]
        string ResourceClassName;
        [Write, Description("ID of the resource to add.")]
        uint32 ResourceID;
    };

    [Description("Rule that takes members from the results of a query.")]
    class SMS_CollectionRuleQuery : SMS_CollectionRule {
        [Write, Description("WQL SELECT query whose results become members.")]
        string QueryExpression;
        [Description("Generated ID of the rule, needed to delete it.")]
        uint32 QueryID;

        [Static, Description("Checks that a query is valid WQL or extended WQL.")]
        boolean ValidateQuery(
            [In, ID(0), Description("Query text to check.")] string WQLQuery);
    };

    // The SDK pages of the include and exclude rules show SMS_BaseClass as their base, but they are added to
    // a collection through AddMembershipRule like the other rules and carry RuleName ("See SMS_CollectionRule"),
    // so they derive from SMS_CollectionRule here.
    [Description("Rule that adds the members of another collection.")]
    class SMS_CollectionRuleIncludeCollection : SMS_CollectionRule {
        [Write, Description("ID of the collection whose members are added.")]
        string IncludeCollectionID;
    };

    [Description("Rule that removes the members of another collection.")]
    class SMS_CollectionRuleExcludeCollection : SMS_CollectionRule {
        [Write, Description("ID of the collection whose members are left out.")]
        string ExcludeCollectionID;
    };

    [Description("A group of resources whose membership is defined by rules.")]
    class SMS_Collection {
        [Key, Description("Generated eight-character ID of the collection.")]
        string CollectionID;
        [Write, Lazy, Description("Membership rules of the collection.")]
        SMS_CollectionRule CollectionRules[];
        [Description("Whether the collection holds users, devices or other resources."),
         ValueMap{"0", "1", "2"},
         Values{"OTHER", "USER", "DEVICE"}]
        uint32 CollectionType;
        [Description("Number of variables set on the collection.")]
        sint32 CollectionVariablesCount;
        [Write, Description("Free-text note about the collection.")]
        string Comment;
        [Description("Current processing state of the collection."),
         ValueMap{"0", "1", "2", "3", "4", "5", "6", "7", "8"},
         Values{"NONE", "READY", "REFRESHING", "SAVING", "EVALUATING", "AWAITING_REFRESH", "DELETING",
                "APPENDING_MEMBER", "QUERYING"}]
        uint32 CurrentStatus;
        [Description("true if any member is provisioned.")]
        boolean HasProvisionedMember;
        [Description("Number of collections included in or excluded from this one.")]
        sint32 IncludeExcludeCollectionsCount;
        [Description("true for a collection that comes with the product.")]
        boolean IsBuiltIn;
        [Description("true if no limiting collection applies.")]
        boolean IsReferenceCollection;
        [Write, Lazy, Description("Opaque data for partner extensions.")]
        uint8 ISVData[];
        [Write, Lazy, Description("Length of ISVData in bytes.")]
        uint32 ISVDataSize;
        [Write, Description("Free string reserved for partner extensions.")]
        string ISVString;
        [Write, Description("When anything about the collection last changed.")]
        datetime LastChangeTime;
        [Write, Description("When the member list last changed.")]
        datetime LastMemberChangeTime;
        [Write, Description("When membership was last re-evaluated.")]
        datetime LastRefreshTime;
        [Write, Description("ID of the collection that limits this one's members.")]
        string LimitToCollectionID;
        // The property entry says DateTime, the syntax block String; a name is a string.
        [Write, Description("Name of the collection that limits this one's members.")]
        string LimitToCollectionName;
        [Description("Number of members seen at this site.")]
        sint32 LocalMemberCount;
        [Description("Class whose instances are the collection's members.")]
        string MemberClassName;
        [Description("Number of members.")]
        sint32 MemberCount;
        [Description("Flags turning on kinds of monitoring for the collection.")]
        uint32 MonitoringFlags;
        [Write, Description("Display name of the collection.")]
        string Name;
        [Write, Description("true if the collection was created at this site.")]
        boolean OwnedByThisSite;
        [Description("Number of power configurations.")]
        sint32 PowerConfigsCount;
        [Write, Lazy, EmbeddedInstance("SMS_ScheduleToken"),
         Description("Schedule tokens for periodic membership updates.")]
        object RefreshSchedule[];
        [Write, Lazy, Description("How membership is refreshed: manual, periodic or incremental."),
         ValueMap{"1", "2", "4"},
         Values{"MANUAL", "PERIODIC", "CONSTANT_UPDATE"}]
        uint32 RefreshType;
        // Only in the syntax block; its property entry is merged into RefreshType's and gives no access type.
        [Description("Not implemented.")]
        boolean ReplicateToSubSites;
        [Description("Number of maintenance windows.")]
        sint32 ServiceWindowsCount;
        [Description("true if the collection is a server group.")]
        boolean UseCluster;

        [Description("Adds one membership rule to CollectionRules.")]
        sint32 AddMembershipRule(
            [In, ID(0), Description("The rule to add.")] SMS_CollectionRule collectionRule,
            [Out, ID(1), Description("Generated query ID, for query rules.")] uint32 QueryID);
        [Description("Adds several membership rules to CollectionRules.")]
        sint32 AddMembershipRules(
            [In, ID(0), Description("The rules to add.")] SMS_CollectionRule collectionRules[],
            [Out, ID(1), Description("IDs assigned to the added rules.")] uint32 QueryIDs[]);
        [Description("Removes one membership rule.")]
        sint32 DeleteMembershipRule(
            [In, ID(0), Description("The rule to remove.")] SMS_CollectionRule collectionRule);
        [Description("Removes several membership rules.")]
        sint32 DeleteMembershipRules(
            [In, ID(0), Description("The rules to remove.")] SMS_CollectionRule collectionRules[]);
        [Static, Description("Counts a collection's direct members, excluding subcollections.")]
        sint32 GetNumResults(
            [In, ID(0), Description("The collection, by ID or object path.")] SMS_Collection ref Collection,
            [Out, ID(1), Description("How many members the collection has.")] uint32 Result);
        // The parameter includesubcollections is deprecated and no longer part of the signature.
        [Description("Asks the collection evaluator to recompute membership now.")]
        sint32 RequestRefresh();
        [Static, Description("Checks that nesting one collection under another creates no cycle.")]
        sint32 VerifyNoCircularDependencies(
            [In, ID(0), Description("The would-be parent collection.")] SMS_Collection ref parentCollection,
            [In, ID(1), Description("The would-be child collection.")] SMS_Collection ref subCollection,
            [Out, ID(2), Description("true when no cycle would result.")] boolean Result);
    };

    // SMS_Resource has no page among the sources; it is declared because SMS_R_System derives from it and
    // SMS_CollectionMember_a refers to it. It holds only what SMS_R_System's page attributes to it: ResourceID.
    [Abstract, Description("Abstract base of all discovered resources.")]
    class SMS_Resource {
        [Key, Write, Description("Unique ID of the resource.")]
        uint32 ResourceID;
    };

    // The properties the SDK page does not list (AADDeviceID, ClientEdition, OSBranch, SerialNumber…) are those of
    // a Configuration Manager 2002 site's SMS_R_System as enumerated by the public epavvol/WmiQueryableCore generator
    // (VNetDev.WmiQueryableCore.Sms/Classes/SmsRSystem.cs), with its types. Their values: ClientEdition's from the
    // SDK page "ClientEditions Method in Class SMS_Collection" (which spells 11 "Andriod"); DeviceOwner's from the
    // SDK page of SMS_FullCollectionMembership; OSBranch's from public collection queries (OSBranch = '0' CB,
    // '1' CBB, '2' LTSB; a string there and in the enumeration).
    [Description("Discovery record for a computer or other system resource.")]
    class SMS_R_System : SMS_Resource {
        [Description("Azure AD (Entra ID) device ID of the system, a GUID; empty unless the device is Azure AD joined.")]
        string AADDeviceID;
        [Description("Azure AD tenant the device is joined to, a GUID.")]
        string AADTenantID;
        [Description("1 if the client is healthy and active on the network, 0 if not.")]
        uint32 Active;
        [Description("Active Directory site of the client.")]
        string ADSiteName;
        [Description("Discovery methods that found the resource.")]
        string AgentName[];
        [Description("Sites where those discovery methods ran.")]
        string AgentSite[];
        [Description("When each discovery happened.")]
        datetime AgentTime[];
        uint32 AlwaysInternet;
        [Description("Intel AMT firmware version, if the system has AMT.")]
        string AMTFullVersion;
        [Description("Intel AMT provisioning state.")]
        uint32 AMTStatus;
        // Build, BuildExt and FullDomainName are not on the SDK page; current ConfigMgr discovery adds them and
        // collection queries use them (`SMS_R_System.Build = "10.0.26100"`).
        [Description("Operating system version, e.g. 10.0.26100.")]
        string Build;
        [Description("Operating system version with the update revision, e.g. 10.0.26100.2605.")]
        string BuildExt;
        [Description("Whether the Configuration Manager client is installed."),
         ValueMap{"0", "1"},
         Values{"A computer that has no client software installed", "A computer that has client software installed"}]
        uint32 Client;
        [Description("Edition of the client."),
         ValueMap{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"},
         Values{"Desktop", "Windows RT", "Windows Mobile 6", "Nokia Symbian", "Windows Phone", "Mac", "Windows CE",
                "Windows Embedded", "iOS", "iPad", "iPodTouch", "Android", "iSocConsumer", "Unix/Linux"}]
        uint32 ClientEdition;
        [Description("Kind of client installed."),
         ValueMap{"0", "1", "3"},
         Values{"Legacy", "Advanced Client", "Device Client"}]
        uint32 ClientType;
        [Description("Client software version.")]
        string ClientVersion;
        [Description("Processor type, e.g. StrongARM.")]
        string CPUType;
        [Description("When the record was created, i.e. first discovery.")]
        datetime CreationDate;
        [Description("Whether the resource has been decommissioned.")]
        uint32 Decommissioned;
        [Description("Whether the device is company or personally owned."),
         ValueMap{"1", "2"},
         Values{"Company", "Personal"}]
        uint32 DeviceOwner;
        [Description("true if policy turns off access to all Windows Update features.")]
        boolean DisableWindowsUpdateAccess;
        [Description("Active Directory distinguished name of the account.")]
        string DistinguishedName;
        [Description("GUID of the Active Directory forest the system belongs to.")]
        string DNSForestGuid;
        [Description("true if policy stops the system connecting to Windows Update Internet locations.")]
        boolean DoNotConnectToWULocations;
        string EASDeviceID;
        [Description("Extended Security Updates state of the system.")]
        string ESUValue;
        [Description("DNS name of the system's domain, e.g. CONTOSO.COM.")]
        string FullDomainName;
        [Description("ID derived from the client's hardware.")]
        string HardwareID;
        uint32 InternetEnabled;
        [Description("IP addresses of the resource.")]
        string IPAddresses[];
        [Description("Subnet masks for the resource's IP addresses.")]
        string IPSubnets[];
        [Description("IPv6 addresses of the resource.")]
        string IPv6Addresses[];
        [Description("IPv6 prefixes of the resource.")]
        string IPv6Prefixes[];
        [Description("true if the device supports Always On, Always Connected (connected standby).")]
        boolean IsAOACCapable;
        [Description("true if a user is assigned to the resource.")]
        boolean IsAssignedToUser;
        [Description("1 if the system is compatible with Intel AMT 3.0 or later, 0 if not.")]
        uint32 IsClientAMT30Compatible;
        [Description("true if changes to the computer are kept.")]
        boolean IsMachineChangesPersisted;
        [Description("true if the system runs a portable operating system (Windows To Go).")]
        boolean IsPortableOperatingSystem;
        [Description("true for a virtual machine.")]
        boolean IsVirtualMachine;
        [Description("true if the operating system supports write filters (Windows Embedded).")]
        boolean IsWriteFilterCapable;
        [Description("Domain of the last signed-in user when discovered.")]
        string LastLogonUserDomain;
        [Description("Last signed-in user when discovered.")]
        string LastLogonUserName;
        [Description("When a user last logged on.")]
        datetime LastLogonTimestamp;
        [Description("MAC addresses of the resource.")]
        string MACAddresses[];
        [Description("Authority that manages the device (Configuration Manager or an MDM service).")]
        uint32 ManagementAuthority;
        [Description("Compliance state the MDM service reports for the device.")]
        string MDMComplianceStatus;
        [Description("GUID of the assigned device category (CategoryID in SMS_MDMDeviceCategory), if any.")]
        string MDMDeviceCategory;
        // The SDK page names this MDMDeviceCategory (declared); the 2002 namespace has MDMDeviceCategoryID instead.
        [Description("GUID of the assigned device category (CategoryID in SMS_MDMDeviceCategory), if any.")]
        string MDMDeviceCategoryID;
        [Description("Name of the system.")]
        string Name;
        [Description("NetBIOS name of the system.")]
        string NetbiosName;
        [Description("Active Directory object GUID.")]
        uint8 ObjectGUID[];
        [Description("1 if a newer record for the same computer supersedes this one.")]
        uint32 Obsolete;
        [Description("Free text naming the OS and its version.")]
        string OperatingSystemNameandVersion;
        [Description("Windows servicing branch."),
         ValueMap{"0", "1", "2"},
         Values{"Current Branch", "Current Branch for Business", "Long-Term Servicing Branch"}]
        string OSBranch;
        [Description("Old client GUID, reported after the client moved to new hardware.")]
        string PreviousSMSUUID;
        [Description("Active Directory primary group ID.")]
        uint32 PrimaryGroupID;
        [Description("Device ID the publisher of a third-party MDM reports.")]
        string PublisherDeviceID;
        [Description("Domain or workgroup of the system.")]
        string ResourceDomainORWorkgroup;
        [Description("Other, non-NetBIOS names of the system.")]
        string ResourceNames[];
        [Description("Resource type number, as listed in SMS_ResourceMap.")]
        uint32 ResourceType;
        // The syntax block says String[], the property entry String; the name is plural, as for SystemGroupName.
        [Description("Security groups that include the system.")]
        string SecurityGroupName[];
        [Description("Microsoft Defender for Endpoint device ID, if onboarded.")]
        string SenseID;
        [Description("Serial number of the system.")]
        string SerialNumber;
        [Description("Active Directory security identifier.")]
        string SID;
        [Description("SMBIOS GUID of the computer.")]
        string SMBIOSGUID;
        [Description("Codes of sites the resource is assigned to by boundaries.")]
        string SMSAssignedSites[];
        [Description("Codes of sites the resource reports to.")]
        string SMSInstalledSites[];
        // Only in the syntax block; the page has no entry for it.
        string SMSResidentSites[];
        [Description("Unique client ID reported by the computer.")]
        string SMSUniqueIdentifier;
        [Description("When the client last created a new GUID.")]
        datetime SMSUUIDChangeDate;
        [Description("SNMP community used when network discovery found it.")]
        string SNMPCommunityName;
        [Description("1 if Intel AMT auto-provisioning is suppressed for the system.")]
        uint32 SuppressAutoProvision;
        [Description("Active Directory containers holding the system.")]
        string SystemContainerName[];
        [Description("Active Directory groups the system is in.")]
        string SystemGroupName[];
        // The property entry is headed "SystemSystemOUName"; the syntax block's name is used.
        [Description("Active Directory OUs holding the system.")]
        string SystemOUName[];
        [Description("Site system roles the resource hosts, e.g. distribution point.")]
        string SystemRoles[];
        [Description("Undocumented.")]
        uint32 Unknown;
        [Description("Active Directory userAccountControl flags.")]
        uint32 UserAccountControl;
        [Description("Host of the virtual machine.")]
        string VirtualMachineHostName;
        [Description("Kind of virtual machine, for virtual systems.")]
        uint32 VirtualMachineType;
        [Description("Device wipe state reported via Exchange ActiveSync."),
         ValueMap{"1", "2", "3"},
         Values{"Wipe Pending", "Wipe Cancelling", "Wipe Confirmed/Registered"}]
        uint32 WipeStatus;
        [Description("Unique key of a Windows To Go workspace.")]
        string WTGUniqueKey;
    };

    // The SDK derives it from SMS_BaseClass, which is not modelled. One instance per member of each
    // collection, written by the collection evaluator (RequestRefresh and the rule methods).
    [Description("Lists every member resource of every collection.")]
    class SMS_FullCollectionMembership {
        [Write, Description("Kind of certificate the client uses."),
         ValueMap{"1", "2"},
         Values{"Self-signed certificate", "PKI certificate"}]
        uint32 ClientCertType;
        [Description("Kind of client."),
         ValueMap{"1", "3"},
         Values{"Client", "Device"}]
        uint32 ClientType;
        [Write, Description("Version of the installed client software.")]
        string ClientVersion;
        [Key, Indexed, Description("ID of the collection the member belongs to.")]
        string CollectionID;
        [Write, Description("Category of the device.")]
        string DeviceCategory;
        [Write, Description("Whether the device is company or personally owned."),
         ValueMap{"1", "2"},
         Values{"Company", "Personal"}]
        uint32 DeviceOwner;
        [Description("Domain the resource belongs to.")]
        string Domain;
        [Description("true if the client is active.")]
        boolean IsActive;
        [Description("true for an Internet-facing client.")]
        boolean IsAlwaysInternet;
        [Description("Whether the resource is approved."),
         ValueMap{"0", "1", "2"},
         Values{"Not approved", "Approved", "Not applicable"}]
        uint32 IsApproved;
        [Description("true if the client is assigned to a site.")]
        boolean IsAssigned;
        [Description("true for a blocked resource.")]
        boolean IsBlocked;
        [Description("true if the client is installed.")]
        boolean IsClient;
        [Description("true for a decommissioned resource.")]
        boolean IsDecommissioned;
        [Description("true if a direct rule added the member.")]
        boolean IsDirect;
        [Description("true if Internet access is enabled for the resource.")]
        boolean IsInternetEnabled;
        [Description("true for an obsolete record.")]
        boolean IsObsolete;
        [Description("true for a virtual machine.")]
        boolean IsVirtualMachine;
        [Description("Name of the member.")]
        string Name;
        [Write, Description("Priority of the client settings.")]
        uint32 Priority;
        [Key, Indexed, Description("ID of the member resource.")]
        uint32 ResourceID;
        [Description("Member's resource type (see SMS_ResourceMap).")]
        uint32 ResourceType;
        [Description("Code of the member's site.")]
        string SiteCode;
        [Description("Unique SMS ID of the member.")]
        string SMSID;
    };

    // The SDK derives it from SMS_BaseAssociation, which is not modelled.
    [Association, Description("Links a collection to each of its member resources.")]
    class SMS_CollectionMember_a {
        [Write, Description("Kind of certificate the client uses."),
         ValueMap{"1", "2"},
         Values{"Self-signed certificate", "Certificate issued by a certification authority"}]
        uint32 ClientCertType;
        [Description("Kind of client."),
         ValueMap{"1", "3"},
         Values{"Client", "Device"}]
        uint32 ClientType;
        [Key, Description("The collection.")]
        SMS_Collection ref collection;
        [Indexed, Description("ID of that collection.")]
        string CollectionID;
        [Description("Whether the device is company or personally owned."),
         ValueMap{"1", "2"},
         Values{"Company", "Personal"}]
        uint32 DeviceOwner;
        [Description("Windows domain of the resource.")]
        string Domain;
        [Description("true for an active resource.")]
        boolean IsActive;
        [Description("true if the resource is permanently Internet-based.")]
        boolean IsAlwaysInternet;
        [Description("Approval state of the resource."),
         ValueMap{"0", "1", "2"},
         Values{"Not approved", "Approved", "Not applicable"}]
        uint32 IsApproved;
        [Description("true if the resource falls in site boundaries and is assigned.")]
        boolean IsAssigned;
        [Description("true for a blocked resource.")]
        boolean IsBlocked;
        [Description("true if the client is installed.")]
        boolean IsClient;
        [Description("true for a decommissioned resource.")]
        boolean IsDecommissioned;
        [Description("true if a direct rule added the member.")]
        boolean IsDirect;
        [Description("true if Internet access is enabled for the resource.")]
        boolean IsInternetEnabled;
        [Description("true for an obsolete record.")]
        boolean IsObsolete;
        [Write, Description("true for a virtual machine.")]
        boolean IsVirtualMachine;
        [Description("Name of the member.")]
        string Name;
        [Key, Description("The member resource.")]
        SMS_Resource ref resource;
        [Description("ID of the member.")]
        uint32 ResourceID;
        [Description("Member's resource type (see SMS_ResourceMap).")]
        uint32 ResourceType;
        [Description("Code of the member's site.")]
        string SiteCode;
        [Description("Unique SMS ID of the member.")]
        string SMSID;
    };
    """#
}
