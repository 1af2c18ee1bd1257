// Demo site data, as MOF: software updates and the update group. Each update names its categories —
// UpdateClassification and Product, with the IDs Microsoft Update gives them — in CategoryInstance_UniqueIDs, and
// their names in the same order in LocalizedCategoryInstanceNames; SMS_CIAllCategories is made from the two.
// Part of DemoSite.deployments (DemoData+Deployments.swift).

extension DemoSite {
    static let softwareUpdates = #"""
// Software updates: the cumulative updates the fleet installs (FleetCatalog), this month's and last month's
// (superseded), and the .NET update every system has. NumPresent, NumMissing… are computed by DeploymentState.
instance of SMS_SoftwareUpdate { CI_ID = 16777601; CI_UniqueID = "7e1d4c2b-0181-4a5b-8c9d-0000004d095b";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0181-4a5b-8c9d-0000004d095b"; CIType_ID = 8;
    CIVersion = 1; ArticleID = "5048667"; BulletinID = "";
    LocalizedDisplayName = "2026-11 Cumulative Update for Windows 11 Version 24H2 for x64-based Systems (KB5048667)";
    LocalizedDescription = "Install this update to resolve issues in Windows. After you install this item, you may have to restart your computer.";
    LocalizedInformativeURL = "https://support.microsoft.com/help/5048667";
    CategoryInstance_UniqueIDs = {"Product:72e7624a-5b00-45d2-b92f-e561c0a6a160",
        "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441"};
    LocalizedCategoryInstanceNames = {"Windows 11", "Security Updates"}; DatePosted = "20261110180000.000000+000";
    DateRevised = "20261110180000.000000+000"; IsDeployed = TRUE; IsDeployable = TRUE; IsSuperseded = FALSE;
    IsExpired = FALSE; IsContentProvisioned = TRUE; IsEnabled = TRUE; IsLatest = TRUE; IsHidden = FALSE;
    IsUserDefined = FALSE; Severity = 10; SeverityName = "Critical"; MaxExecutionTime = 60; RevisionNumber = 1;
    Size = 3455713280; SourceSite = "S01"; DateCreated = "20261110190000.000000+000";
    DateLastModified = "20261110190000.000000+000"; CreatedBy = "NT AUTHORITY\\SYSTEM"; };
instance of SMS_SoftwareUpdate { CI_ID = 16777602; CI_UniqueID = "7e1d4c2b-0182-4a5b-8c9d-0000004d096d";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0182-4a5b-8c9d-0000004d096d"; CIType_ID = 8;
    CIVersion = 1; ArticleID = "5048685"; BulletinID = "";
    LocalizedDisplayName = "2026-11 Cumulative Update for Windows 11 Version 23H2 for x64-based Systems (KB5048685)";
    LocalizedDescription = "Install this update to resolve issues in Windows. After you install this item, you may have to restart your computer.";
    LocalizedInformativeURL = "https://support.microsoft.com/help/5048685";
    CategoryInstance_UniqueIDs = {"Product:72e7624a-5b00-45d2-b92f-e561c0a6a160",
        "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441"};
    LocalizedCategoryInstanceNames = {"Windows 11", "Security Updates"}; DatePosted = "20261110180000.000000+000";
    DateRevised = "20261110180000.000000+000"; IsDeployed = TRUE; IsDeployable = TRUE; IsSuperseded = FALSE;
    IsExpired = FALSE; IsContentProvisioned = TRUE; IsEnabled = TRUE; IsLatest = TRUE; IsHidden = FALSE;
    IsUserDefined = FALSE; Severity = 10; SeverityName = "Critical"; MaxExecutionTime = 60; RevisionNumber = 1;
    Size = 812646400; SourceSite = "S01"; DateCreated = "20261110190000.000000+000";
    DateLastModified = "20261110190000.000000+000"; CreatedBy = "NT AUTHORITY\\SYSTEM"; };
instance of SMS_SoftwareUpdate { CI_ID = 16777603; CI_UniqueID = "7e1d4c2b-0183-4a5b-8c9d-0000004d094c";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0183-4a5b-8c9d-0000004d094c"; CIType_ID = 8;
    CIVersion = 1; ArticleID = "5048652"; BulletinID = "";
    LocalizedDisplayName = "2026-11 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5048652)";
    LocalizedDescription = "Install this update to resolve issues in Windows. After you install this item, you may have to restart your computer.";
    LocalizedInformativeURL = "https://support.microsoft.com/help/5048652";
    CategoryInstance_UniqueIDs = {"Product:b3c75dc1-155f-4be4-b015-3f1a91758e52",
        "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441"};
    LocalizedCategoryInstanceNames = {"Windows 10, version 1903 and later", "Security Updates"};
    DatePosted = "20261110180000.000000+000";
    DateRevised = "20261110180000.000000+000"; IsDeployed = TRUE; IsDeployable = TRUE; IsSuperseded = FALSE;
    IsExpired = FALSE; IsContentProvisioned = TRUE; IsEnabled = TRUE; IsLatest = TRUE; IsHidden = FALSE;
    IsUserDefined = FALSE; Severity = 10; SeverityName = "Critical"; MaxExecutionTime = 60; RevisionNumber = 1;
    Size = 704643072; SourceSite = "S01"; DateCreated = "20261110190000.000000+000";
    DateLastModified = "20261110190000.000000+000"; CreatedBy = "NT AUTHORITY\\SYSTEM"; };
instance of SMS_SoftwareUpdate { CI_ID = 16777604; CI_UniqueID = "7e1d4c2b-0184-4a5b-8c9d-0000004d094e";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0184-4a5b-8c9d-0000004d094e"; CIType_ID = 8;
    CIVersion = 1; ArticleID = "5048654"; BulletinID = "";
    LocalizedDisplayName = "2026-11 Cumulative Update for Microsoft server operating system version 21H2 for x64-based Systems (KB5048654)";
    LocalizedDescription = "Install this update to resolve issues in Windows. After you install this item, you may have to restart your computer.";
    LocalizedInformativeURL = "https://support.microsoft.com/help/5048654";
    CategoryInstance_UniqueIDs = {"Product:71718f13-7324-4b0f-8f9e-2ca9dc978e53",
        "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441"};
    LocalizedCategoryInstanceNames = {"Microsoft Server operating system-21H2", "Security Updates"};
    DatePosted = "20261110180000.000000+000"; DateRevised = "20261110180000.000000+000"; IsDeployed = TRUE;
    IsDeployable = TRUE; IsSuperseded = FALSE; IsExpired = FALSE; IsContentProvisioned = TRUE; IsEnabled = TRUE;
    IsLatest = TRUE; IsHidden = FALSE; IsUserDefined = FALSE; Severity = 8; SeverityName = "Important";
    MaxExecutionTime = 60; RevisionNumber = 1; Size = 561512448; SourceSite = "S01";
    DateCreated = "20261110190000.000000+000"; DateLastModified = "20261110190000.000000+000";
    CreatedBy = "NT AUTHORITY\\SYSTEM"; };
instance of SMS_SoftwareUpdate { CI_ID = 16777605; CI_UniqueID = "7e1d4c2b-0185-4a5b-8c9d-0000004d0955";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0185-4a5b-8c9d-0000004d0955"; CIType_ID = 8;
    CIVersion = 1; ArticleID = "5048661"; BulletinID = "";
    LocalizedDisplayName = "2026-11 Cumulative Update for Windows Server 2019 for x64-based Systems (KB5048661)";
    LocalizedDescription = "Install this update to resolve issues in Windows. After you install this item, you may have to restart your computer.";
    LocalizedInformativeURL = "https://support.microsoft.com/help/5048661";
    CategoryInstance_UniqueIDs = {"Product:f702a48c-919b-45d6-9aef-ca4248d50397",
        "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441"};
    LocalizedCategoryInstanceNames = {"Windows Server 2019", "Security Updates"};
    DatePosted = "20261110180000.000000+000"; DateRevised = "20261110180000.000000+000"; IsDeployed = TRUE;
    IsDeployable = TRUE; IsSuperseded = FALSE; IsExpired = FALSE; IsContentProvisioned = TRUE; IsEnabled = TRUE;
    IsLatest = TRUE; IsHidden = FALSE; IsUserDefined = FALSE; Severity = 8; SeverityName = "Important";
    MaxExecutionTime = 60; RevisionNumber = 1; Size = 660602880; SourceSite = "S01";
    DateCreated = "20261110190000.000000+000"; DateLastModified = "20261110190000.000000+000";
    CreatedBy = "NT AUTHORITY\\SYSTEM"; };
instance of SMS_SoftwareUpdate { CI_ID = 16777606; CI_UniqueID = "7e1d4c2b-0186-4a5b-8c9d-0000004d0159";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0186-4a5b-8c9d-0000004d0159"; CIType_ID = 8;
    CIVersion = 1; ArticleID = "5046617"; BulletinID = "";
    LocalizedDisplayName = "2026-10 Cumulative Update for Windows 11 Version 24H2 for x64-based Systems (KB5046617)";
    LocalizedDescription = "Install this update to resolve issues in Windows. After you install this item, you may have to restart your computer.";
    LocalizedInformativeURL = "https://support.microsoft.com/help/5046617";
    CategoryInstance_UniqueIDs = {"Product:72e7624a-5b00-45d2-b92f-e561c0a6a160",
        "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441"};
    LocalizedCategoryInstanceNames = {"Windows 11", "Security Updates"}; DatePosted = "20261013180000.000000+000";
    DateRevised = "20261013180000.000000+000"; IsDeployed = FALSE; IsDeployable = TRUE; IsSuperseded = TRUE;
    IsExpired = FALSE; IsContentProvisioned = FALSE; IsEnabled = TRUE; IsLatest = TRUE; IsHidden = FALSE;
    IsUserDefined = FALSE; Severity = 10; SeverityName = "Critical"; MaxExecutionTime = 60; RevisionNumber = 1;
    Size = 3289612288; SourceSite = "S01"; DateCreated = "20261013190000.000000+000";
    DateLastModified = "20261013190000.000000+000"; CreatedBy = "NT AUTHORITY\\SYSTEM"; };
instance of SMS_SoftwareUpdate { CI_ID = 16777607; CI_UniqueID = "7e1d4c2b-0187-4a5b-8c9d-0000004d0169";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0187-4a5b-8c9d-0000004d0169"; CIType_ID = 8;
    CIVersion = 1; ArticleID = "5046633"; BulletinID = "";
    LocalizedDisplayName = "2026-10 Cumulative Update for Windows 11 Version 23H2 for x64-based Systems (KB5046633)";
    LocalizedDescription = "Install this update to resolve issues in Windows. After you install this item, you may have to restart your computer.";
    LocalizedInformativeURL = "https://support.microsoft.com/help/5046633";
    CategoryInstance_UniqueIDs = {"Product:72e7624a-5b00-45d2-b92f-e561c0a6a160",
        "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441"};
    LocalizedCategoryInstanceNames = {"Windows 11", "Security Updates"}; DatePosted = "20261013180000.000000+000";
    DateRevised = "20261013180000.000000+000"; IsDeployed = FALSE; IsDeployable = TRUE; IsSuperseded = TRUE;
    IsExpired = FALSE; IsContentProvisioned = FALSE; IsEnabled = TRUE; IsLatest = TRUE; IsHidden = FALSE;
    IsUserDefined = FALSE; Severity = 10; SeverityName = "Critical"; MaxExecutionTime = 60; RevisionNumber = 1;
    Size = 789577728; SourceSite = "S01"; DateCreated = "20261013190000.000000+000";
    DateLastModified = "20261013190000.000000+000"; CreatedBy = "NT AUTHORITY\\SYSTEM"; };
instance of SMS_SoftwareUpdate { CI_ID = 16777608; CI_UniqueID = "7e1d4c2b-0188-4a5b-8c9d-0000004d0155";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0188-4a5b-8c9d-0000004d0155"; CIType_ID = 8;
    CIVersion = 1; ArticleID = "5046613"; BulletinID = "";
    LocalizedDisplayName = "2026-10 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5046613)";
    LocalizedDescription = "Install this update to resolve issues in Windows. After you install this item, you may have to restart your computer.";
    LocalizedInformativeURL = "https://support.microsoft.com/help/5046613";
    CategoryInstance_UniqueIDs = {"Product:b3c75dc1-155f-4be4-b015-3f1a91758e52",
        "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441"};
    LocalizedCategoryInstanceNames = {"Windows 10, version 1903 and later", "Security Updates"};
    DatePosted = "20261013180000.000000+000";
    DateRevised = "20261013180000.000000+000"; IsDeployed = FALSE; IsDeployable = TRUE; IsSuperseded = TRUE;
    IsExpired = FALSE; IsContentProvisioned = FALSE; IsEnabled = TRUE; IsLatest = TRUE; IsHidden = FALSE;
    IsUserDefined = FALSE; Severity = 10; SeverityName = "Critical"; MaxExecutionTime = 60; RevisionNumber = 1;
    Size = 690487296; SourceSite = "S01"; DateCreated = "20261013190000.000000+000";
    DateLastModified = "20261013190000.000000+000"; CreatedBy = "NT AUTHORITY\\SYSTEM"; };
instance of SMS_SoftwareUpdate { CI_ID = 16777609; CI_UniqueID = "7e1d4c2b-0189-4a5b-8c9d-0000004cfeae";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0189-4a5b-8c9d-0000004cfeae"; CIType_ID = 8;
    CIVersion = 1; ArticleID = "5045934"; BulletinID = "";
    LocalizedDisplayName = "2026-09 Cumulative Update for .NET Framework 3.5 and 4.8.1 for Windows (KB5045934)";
    LocalizedDescription = "Install this update to resolve issues in Windows. After you install this item, you may have to restart your computer.";
    LocalizedInformativeURL = "https://support.microsoft.com/help/5045934";
    CategoryInstance_UniqueIDs = {"Product:72e7624a-5b00-45d2-b92f-e561c0a6a160",
        "Product:b3c75dc1-155f-4be4-b015-3f1a91758e52", "Product:71718f13-7324-4b0f-8f9e-2ca9dc978e53",
        "Product:f702a48c-919b-45d6-9aef-ca4248d50397", "UpdateClassification:0fa1201d-4330-4fa8-8ae9-b877473b6441"};
    LocalizedCategoryInstanceNames = {"Windows 11", "Windows 10, version 1903 and later",
        "Microsoft Server operating system-21H2", "Windows Server 2019", "Security Updates"};
    DatePosted = "20260908180000.000000+000";
    DateRevised = "20260908180000.000000+000"; IsDeployed = FALSE; IsDeployable = TRUE; IsSuperseded = FALSE;
    IsExpired = FALSE; IsContentProvisioned = FALSE; IsEnabled = TRUE; IsLatest = TRUE; IsHidden = FALSE;
    IsUserDefined = FALSE; Severity = 8; SeverityName = "Important"; MaxExecutionTime = 60; RevisionNumber = 1;
    Size = 75497472; SourceSite = "S01"; DateCreated = "20260908190000.000000+000";
    DateLastModified = "20260908190000.000000+000"; CreatedBy = "NT AUTHORITY\\SYSTEM"; };

// This month's Microsoft 365 Apps build (the one the fleet's current Office has) and Windows 11 24H2 feature
// update: the console lists them apart from the other updates (the Office 365 Client product, the Upgrades
// classification). Neither has a KB article, so DeploymentState, which counts updates by KB in
// QUICK_FIX_ENGINEERING, leaves their compliance counts unset.
instance of SMS_SoftwareUpdate { CI_ID = 16777610; CI_UniqueID = "7e1d4c2b-0190-4a5b-8c9d-00000046c7e6";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0190-4a5b-8c9d-00000046c7e6"; CIType_ID = 8;
    CIVersion = 1; BulletinID = "";
    LocalizedDisplayName = "Microsoft 365 Apps Update - Current Channel Version 2410 for x64 based Edition (Build 18129.20158)";
    LocalizedDescription = "This month's Current Channel build of Microsoft 365 Apps for enterprise (64-bit).";
    LocalizedInformativeURL = "https://learn.microsoft.com/officeupdates/current-channel";
    CategoryInstance_UniqueIDs = {"Product:30eb551c-6288-4716-9a78-f300ec36d72b",
        "UpdateClassification:cd5ffd1e-e932-4e3a-bf74-18bf0b1bbd83"};
    LocalizedCategoryInstanceNames = {"Office 365 Client", "Updates"}; DatePosted = "20261110180000.000000+000";
    DateRevised = "20261110180000.000000+000"; IsDeployed = FALSE; IsDeployable = TRUE; IsSuperseded = FALSE;
    IsExpired = FALSE; IsContentProvisioned = FALSE; IsEnabled = TRUE; IsLatest = TRUE; IsHidden = FALSE;
    IsUserDefined = FALSE; Severity = 0; MaxExecutionTime = 60; RevisionNumber = 1; Size = 3305111552;
    SourceSite = "S01"; DateCreated = "20261110190000.000000+000"; DateLastModified = "20261110190000.000000+000";
    CreatedBy = "NT AUTHORITY\\SYSTEM"; };
instance of SMS_SoftwareUpdate { CI_ID = 16777611; CI_UniqueID = "7e1d4c2b-0191-4a5b-8c9d-00000024c8b1";
    ModelName = "Site_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/SUM_7e1d4c2b-0191-4a5b-8c9d-00000024c8b1"; CIType_ID = 8;
    CIVersion = 1; BulletinID = "";
    LocalizedDisplayName = "Windows 11 (business editions), version 24H2 x64 2026-11B";
    LocalizedDescription = "Install the latest version of Windows: Windows 11, version 24H2.";
    LocalizedInformativeURL = "https://learn.microsoft.com/windows/release-health/";
    CategoryInstance_UniqueIDs = {"Product:72e7624a-5b00-45d2-b92f-e561c0a6a160",
        "UpdateClassification:3689bdc8-b205-4af4-8d4a-a63924c5e9d5"};
    LocalizedCategoryInstanceNames = {"Windows 11", "Upgrades"}; DatePosted = "20261110180000.000000+000";
    DateRevised = "20261110180000.000000+000"; IsDeployed = FALSE; IsDeployable = TRUE; IsSuperseded = FALSE;
    IsExpired = FALSE; IsContentProvisioned = FALSE; IsEnabled = TRUE; IsLatest = TRUE; IsHidden = FALSE;
    IsUserDefined = FALSE; Severity = 0; MaxExecutionTime = 120; RevisionNumber = 1; Size = 4718592000;
    SourceSite = "S01"; DateCreated = "20261110190000.000000+000"; DateLastModified = "20261110190000.000000+000";
    CreatedBy = "NT AUTHORITY\\SYSTEM"; };

// The update group of this month's cumulative updates.
instance of SMS_AuthorizationList { CI_ID = 16777650;
    CI_UniqueID = "ScopeId_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/AuthList_9C4E2A17-5D3B-4F68-B1A0-7E2D6C8F4B11";
    ModelName = "ScopeId_7A3F8E52-6B1C-4D9A-9E2F-3C5B8D1A7E40/AuthList_9C4E2A17-5D3B-4F68-B1A0-7E2D6C8F4B11";
    CIType_ID = 9; CIVersion = 2; LocalizedDisplayName = "2026-11 Patch Tuesday";
    LocalizedDescription = "Cumulative updates released on 2026-11-10, for every Windows release the fleet runs";
    Updates = {16777601, 16777602, 16777603, 16777604, 16777605}; NumberOfUpdates = 5; NumberOfExpiredUpdates = 0;
    NumberOfCollectionsDeployed = 2; IsDeployed = TRUE; IsProvisioned = TRUE; ContainsExpiredUpdates = FALSE;
    ContainsSupersededUpdates = FALSE; CreatedBy = "CONTOSO\\cmadmin"; LastModifiedBy = "CONTOSO\\cmadmin";
    DateCreated = "20261111090000.000000+000"; DateLastModified = "20261111090000.000000+000"; SourceSite = "S01";
    IsEnabled = TRUE; IsExpired = FALSE; IsHidden = FALSE; IsLatest = TRUE; IsSuperseded = FALSE;
    IsUserDefined = TRUE; SecuredScopeNames = {"Default"}; };
"""#
}
