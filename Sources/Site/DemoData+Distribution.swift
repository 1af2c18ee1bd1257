// Demo site data, as MOF: content already distributed: installed, pending, and failed on dp3 (which is offline).

extension DemoSite {
    static let distribution = #"""
instance of SMS_DistributionPoint
{
    PackageID = "S0100001";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 0;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100001";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 0;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100001";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 0;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100001";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 0;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100001";
    ServerNALPath = "[\"Display=\\\\dp3.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp3.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 0;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100001";
    ServerNALPath = "[\"Display=\\\\dp3.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp3.contoso.com\\";
    SiteCode = "S01";
    State = 3;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 0;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100001";
    ServerNALPath = "[\"Display=\\\\dp4.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\dp4.contoso.com\\";
    SiteCode = "S02";
    SiteName = "Contoso Branch";
    SourceSite = "S01";
    PackageType = 0;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100001";
    ServerNALPath = "[\"Display=\\\\dp4.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\dp4.contoso.com\\";
    SiteCode = "S02";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 0;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100003";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 0;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100003";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 7;
    PackageType = 0;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100003";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 0;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100003";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 7;
    PackageType = 0;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

// The bare-metal task sequence is on the HQ DPs, beside its boot image, as a deployment needs it.
instance of SMS_DistributionPoint
{
    PackageID = "S0100017";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 4;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100017";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 4;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100017";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 4;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100017";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 4;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100004";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 0;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100004";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 1;
    PackageType = 0;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100006";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 0;
    Status = 2;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100006";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    State = 1;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 12;
    PackageType = 0;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100007";
    ServerNALPath = "[\"Display=\\\\dp3.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp3.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 0;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100007";
    ServerNALPath = "[\"Display=\\\\dp3.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp3.contoso.com\\";
    SiteCode = "S01";
    State = 3;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 4;
    PackageType = 0;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
};

instance of SMS_DistributionPoint
{
    PackageID = "S010000B";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 257;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S010000B";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 2;
    PackageType = 257;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S010000D";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 258;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S010000D";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 258;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S010000D";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 258;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S010000D";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 258;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S010000D";
    ServerNALPath = "[\"Display=\\\\dp3.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp3.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 258;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S010000D";
    ServerNALPath = "[\"Display=\\\\dp3.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp3.contoso.com\\";
    SiteCode = "S01";
    State = 3;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 258;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
};

instance of SMS_DistributionPoint
{
    PackageID = "S010000D";
    ServerNALPath = "[\"Display=\\\\dp4.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\dp4.contoso.com\\";
    SiteCode = "S02";
    SiteName = "Contoso Branch";
    SourceSite = "S01";
    PackageType = 258;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S010000D";
    ServerNALPath = "[\"Display=\\\\dp4.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\dp4.contoso.com\\";
    SiteCode = "S02";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 3;
    PackageType = 258;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S010000F";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 5;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S010000F";
    ServerNALPath = "[\"Display=\\\\dp1.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 11;
    PackageType = 5;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S010000F";
    ServerNALPath = "[\"Display=\\\\dp4.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\dp4.contoso.com\\";
    SiteCode = "S02";
    SiteName = "Contoso Branch";
    SourceSite = "S01";
    PackageType = 5;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S010000F";
    ServerNALPath = "[\"Display=\\\\dp4.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\dp4.contoso.com\\";
    SiteCode = "S02";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 11;
    PackageType = 5;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100013";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    SiteName = "Contoso HQ";
    SourceSite = "S01";
    PackageType = 8;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100013";
    ServerNALPath = "[\"Display=\\\\dp2.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2.contoso.com\\";
    SiteCode = "S01";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 1;
    PackageType = 8;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

instance of SMS_DistributionPoint
{
    PackageID = "S0100008";
    ServerNALPath = "[\"Display=\\\\dp4.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\dp4.contoso.com\\";
    SiteCode = "S02";
    SiteName = "Contoso Branch";
    SourceSite = "S01";
    PackageType = 3;
    Status = 0;
    LastRefreshTime = "20261101090000.000000+000";
    RefreshNow = FALSE;
    ResourceType = "Windows NT Server";
    BitsEnabled = FALSE;
    IsPeerDP = FALSE;
    IsProtected = FALSE;
};

instance of SMS_PackageStatusDistPointsSummarizer
{
    PackageID = "S0100008";
    ServerNALPath = "[\"Display=\\\\dp4.contoso.com\\\"]MSWNET:[\"SMS_SITE=S02\"]\\\\dp4.contoso.com\\";
    SiteCode = "S02";
    State = 0;
    SummaryDate = "20261101090000.000000+000";
    SourceVersion = 1;
    PackageType = 3;
    SourceNALPath = "[\"Display=\\\\cm01.contoso.com\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\cm01.contoso.com\\";
    LastCopied = "20261101090000.000000+000";
};

"""#
}
