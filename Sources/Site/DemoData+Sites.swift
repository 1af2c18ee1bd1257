// Demo site data, as MOF: sites S01 (primary, Contoso HQ) and S02, their servers and roles, four distribution points and two DP groups.

extension DemoSite {
    static let sites = #"""
instance of SMS_Site
{
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    Type = 2;
    ServerName = "cm01.contoso.com";
    Version = "5.00.9128.1000";
    BuildNumber = 9128;
    InstallDir = "D:\\Program Files\\Microsoft Configuration Manager";
    Status = 1;
    Mode = 0;
};

instance of SMS_Site
{
    SiteCode = "S02";
    SiteName = "Contoso Branch";
    Type = 1;
    ReportingSiteCode = "S01";
    ServerName = "cm02.contoso.com";
    Version = "5.00.9128.1000";
    BuildNumber = 9128;
    Status = 1;
    Mode = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Site Server";
    SiteCode = "S01";
    ServerName = "cm01.contoso.com";
    ServerRemoteName = "cm01.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Provider";
    SiteCode = "S01";
    ServerName = "cm01.contoso.com";
    ServerRemoteName = "cm01.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS SQL Server";
    SiteCode = "S01";
    ServerName = "cm01.contoso.com";
    ServerRemoteName = "cm01.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Management Point";
    SiteCode = "S01";
    ServerName = "cm01.contoso.com";
    ServerRemoteName = "cm01.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Software Update Point";
    SiteCode = "S01";
    ServerName = "cm01.contoso.com";
    ServerRemoteName = "cm01.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Endpoint Protection Point";
    SiteCode = "S01";
    ServerName = "cm01.contoso.com";
    ServerRemoteName = "cm01.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\cm02.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\cm02.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Site Server";
    SiteCode = "S02";
    ServerName = "cm02.contoso.com";
    ServerRemoteName = "cm02.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\cm02.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\cm02.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Management Point";
    SiteCode = "S02";
    ServerName = "cm02.contoso.com";
    ServerRemoteName = "cm02.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Distribution Point";
    SiteCode = "S01";
    ServerName = "dp1.contoso.com";
    ServerRemoteName = "dp1.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Distribution Point";
    SiteCode = "S01";
    ServerName = "dp2.contoso.com";
    ServerRemoteName = "dp2.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\dp3.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp3.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Distribution Point";
    SiteCode = "S01";
    ServerName = "dp3.contoso.com";
    ServerRemoteName = "dp3.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_SystemResourceList
{
    NALPath = "[\"Display=\\\\dp4.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\dp4.contoso.com\\";
    ResourceType = "Windows NT Server";
    RoleName = "SMS Distribution Point";
    SiteCode = "S02";
    ServerName = "dp4.contoso.com";
    ServerRemoteName = "dp4.contoso.com";
    InternetEnabled = FALSE;
    InternetShared = FALSE;
    SslState = 0;
};

instance of SMS_DistributionPointGroup
{
    GroupID = "{8A3F2C10-5B7E-4D21-9C6A-1E0D4B7F2A01}";
    Name = "HQ Distribution Points";
    Description = "Every distribution point at Contoso HQ";
    CreatedBy = "CONTOSO\\cmadmin";
    CreatedOn = "20261101090000.000000+000";
    ModifiedOn = "20261101090000.000000+000";
    SourceSite = "S01";
    MemberCount = 2;
    HasMember = TRUE;
    ContentCount = 1;
    CollectionCount = 0;
    ContentInSync = TRUE;
    HasRelationship = FALSE;
    OutOfSyncContentCount = 0;
};

instance of SMS_DistributionPointGroup
{
    GroupID = "{8A3F2C10-5B7E-4D21-9C6A-1E0D4B7F2A02}";
    Name = "Branch Distribution Points";
    Description = "Distribution points at the branch site";
    CreatedBy = "CONTOSO\\cmadmin";
    CreatedOn = "20261101090000.000000+000";
    ModifiedOn = "20261101090000.000000+000";
    SourceSite = "S01";
    MemberCount = 0;
    HasMember = FALSE;
    ContentCount = 0;
    CollectionCount = 0;
    ContentInSync = TRUE;
    HasRelationship = FALSE;
    OutOfSyncContentCount = 0;
};

instance of SMS_DPGroupMembers
{
    GroupID = "{8A3F2C10-5B7E-4D21-9C6A-1E0D4B7F2A01}";
    DPNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    AddedOn = "20261101090000.000000+000";
};

instance of SMS_DPGroupMembers
{
    GroupID = "{8A3F2C10-5B7E-4D21-9C6A-1E0D4B7F2A01}";
    DPNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    AddedOn = "20261101090000.000000+000";
};

instance of SMS_DPGroupPackages
{
    GroupID = "{8A3F2C10-5B7E-4D21-9C6A-1E0D4B7F2A01}";
    PkgID = "S0100003";
    AddedOn = "20261101090000.000000+000";
};

// The modules whose messages the demo site holds, so the usual join from a message to its DLL finds a row.
instance of SMS_StatMsgModuleNames { ModuleName = "SMS Server"; MsgDLLName = "srvmsgs.dll"; };
instance of SMS_StatMsgModuleNames { ModuleName = "SMS Provider"; MsgDLLName = "provmsgs.dll"; };
instance of SMS_StatMsgModuleNames { ModuleName = "SMS Client"; MsgDLLName = "climsgs.dll"; };
"""#
}
