// Inventory: discovery records for users and user groups, and the header every inventory class shares, as MOF.
//
// SMS_R_System is in Collections.swift beside SMS_Resource. The hardware and software inventory classes are in
// Inventory+Hardware.swift and Inventory+Software.swift; their property names are those of ConfigMgr's default
// hardware inventory classes (SMS_G_System_<WMI class>), which the SDK pages in our reference do not list.

extension SiteSchema {
    /// The keys and bookkeeping properties of every hardware inventory class: one row per resource and
    /// `GroupID` (1 for single-instance classes; 1…n for disks, services, software…). `ResourceID` is indexed
    /// so that a join on it from SMS_R_System is a hash lookup, not a scan.
    static let inventoryHeader = """
            [Key, Indexed, Description("ID of the resource (SMS_R_System.ResourceID) the row was inventoried on.")]
            uint32 ResourceID;
            [Key, Description("Number of the row among the resource's rows of this class, from 1.")]
            uint32 GroupID;
            [Description("How many inventory cycles changed the row.")]
            uint32 RevisionID;
            [Description("When the row was last inventoried.")]
            datetime TimeStamp;
            [Description("Inventory agent that reported the row.")]
            uint32 AgentID;
    """

    /// SMS_R_User and SMS_R_UserGroup: user and user-group discovery records. They derive from SMS_Resource, so
    /// their ResourceIDs share one key space with SMS_R_System's (ConfigMgr gives users IDs from 2063597568 and
    /// groups from 2000000000, systems from 16777216).
    static let inventory = #"""
    [Description("Discovery record for a user account (Active Directory user discovery).")]
    class SMS_R_User : SMS_Resource {
        [Description("Azure AD tenant of the user, for cloud-synchronised users.")]
        string AADTenantID;
        [Description("Azure AD object ID of the user.")]
        string AADUserID;
        [Description("When the account was created in Active Directory.")]
        datetime ADObjectCreationTime;
        [Description("Discovery methods that found the user.")]
        string AgentName[];
        [Description("Sites where those discovery methods ran.")]
        string AgentSite[];
        [Description("When each discovery happened.")]
        datetime AgentTime[];
        [Description("When the record was created, i.e. first discovery.")]
        datetime CreationDate;
        [Description("Active Directory distinguished name of the account.")]
        string DistinguishedName;
        [Description("DNS name of the user's domain, e.g. CONTOSO.COM.")]
        string FullDomainName;
        [Description("Display name of the user, e.g. Jane Doe.")]
        string FullUserName;
        [Description("E-mail address.")]
        string Mail;
        [Description("DOMAIN\\user (Full Name).")]
        string Name;
        [Description("Network operating system of the domain, e.g. Windows NT.")]
        string NetworkOperatingSystem;
        [Description("Active Directory object GUID.")]
        uint8 ObjectGUID[];
        [Description("Active Directory primary group ID.")]
        uint32 PrimaryGroupID;
        [Description("Resource type number, as listed in SMS_ResourceMap: 4 for users.")]
        uint32 ResourceType = 4;
        [Description("Security groups the user is a member of.")]
        string SecurityGroupName[];
        [Description("Active Directory security identifier.")]
        string SID;
        [Description("DOMAIN\\user, the name collection rules usually match.")]
        string UniqueUserName;
        [Description("Active Directory userAccountControl flags.")]
        uint32 UserAccountControl;
        [Description("Groups the user is a member of, as DOMAIN\\group.")]
        string UserGroupName[];
        [Description("Account name (sAMAccountName).")]
        string UserName;
        [Description("Active Directory OUs holding the user, every level.")]
        string UserOUName[];
        [Description("User principal name, e.g. jdoe@contoso.com.")]
        string UserPrincipalName;
        [Description("NetBIOS name of the user's domain.")]
        string WindowsNTDomain;
    };

    [Description("Discovery record for a user group (Active Directory group discovery).")]
    class SMS_R_UserGroup : SMS_Resource {
        [Description("DNS name of the group's domain.")]
        string ADDomainName;
        [Description("When the group was created in Active Directory.")]
        datetime ADObjectCreationTime;
        [Description("Discovery methods that found the group.")]
        string AgentName[];
        [Description("Sites where those discovery methods ran.")]
        string AgentSite[];
        [Description("When each discovery happened.")]
        datetime AgentTime[];
        [Description("When the record was created, i.e. first discovery.")]
        datetime CreationDate;
        [Description("Active Directory distinguished name of the group.")]
        string DistinguishedName;
        [Description("E-mail address of the group, if any.")]
        string Mail;
        [Description("DOMAIN\\group.")]
        string Name;
        [Description("Network operating system of the domain.")]
        string NetworkOperatingSystem;
        [Description("Active Directory object GUID.")]
        uint8 ObjectGUID[];
        [Description("Resource type number, as listed in SMS_ResourceMap: 3 for user groups.")]
        uint32 ResourceType = 3;
        [Description("Active Directory security identifier.")]
        string SID;
        [Description("DOMAIN\\group, as collection rules match it.")]
        string UniqueUsergroupName;
        [Description("Name of the group without its domain.")]
        string UsergroupName;
        [Description("NetBIOS name of the group's domain.")]
        string WindowsNTDomain;
    };
    """#
}
