// Realistic queries from public ConfigMgr scripts and admin guides over the classes of issue #16 — each runs on
// the demo site and returns rows. Sources are beside each query.
// Tally: 94 of 98 realistic queries run and return rows (95.9 %). The 4 that do not are listed under
// `Not run:` at the end of the file, with the error or "no rows" and the reason.
// Queries are kept as their sources wrote them; literals naming site objects (site code, package, collection,
// deployment, DP or computer names, resource IDs, dates from console ##PRM## prompts or script variables) were
// replaced by ones that exist in the demo site, as noted beside each source. "search-index file id N" names a
// public GitHub file found through the code index whose repository the index did not report.
import Testing
@testable import Site

@Suite struct RealisticQueryTests {
    /// Prefix marking a query that runs in root\sms rather than the site namespace.
    static let rootSMS = #"use root\sms"# + "\n"

    /// (query, source). Literals naming site objects are the demo's.
    static let queries: [(String, String)] = [
        (#"SELECT b.Component, b.MachineName, b.MessageType, b.MessageID, c.InsStrValue, d.AttributeValue FROM SMS_StatusMessage b JOIN SMS_StatMsgInsStrings c ON b.RecordID = c.RecordID JOIN SMS_StatMsgAttributes d ON c.RecordID = d.RecordID WHERE b.Component = 'SMS_DISTRIBUTION_MANAGER' AND d.AttributeID = 400 AND d.AttributeValue = 'S0100004'"#,
         #"https://learn.microsoft.com/en-us/mem/configmgr/develop/core/servers/manage/how-to-read-user-defined-status-messages (MyApplication→SMS_DISTRIBUTION_MANAGER, MyPackageID→S0100004)"#),
        (#"SELECT DISTINCT att.AttributeID FROM SMS_StatusMessage AS stat INNER JOIN SMS_StatMsgAttributes AS att ON stat.RecordID = att.RecordID WHERE stat.moduleName="SMS Server""#,
         #"public GitHub code, search-index file id 4083827725 (module→SMS Server)"#),
        (#"Select * from SMS_StatMsgInsStrings where recordid = 1"#,
         #"https://github.com/dotraphael/HealthCheckToolkit_Community/blob/HEAD/CollectData.ps1 ($item…RecordID→1)"#),
        (#"SELECT SoftwareName, DeploymentID, CollectionID FROM SMS_DeploymentSummary"#,
         #"public GitHub code, search-index file id 44787775364"#),
        (#"SELECT * FROM SMS_DeploymentSummary WHERE PackageID = 'S0100004'"#,
         #"public GitHub code, search-index file id 1658452429 (configman-notes; package→S0100004)"#),
        (#"SELECT SoftwareName, CollectionName, NumberTargeted, NumberSuccess, NumberErrors, NumberInprogress, NumberOther, NumberUnknown FROM SMS_DeploymentSummary"#,
         #"public GitHub code, search-index file id 8094570634"#),
        (#"select * from SMS_DeploymentSummary WHERE SoftwareName='Mozilla Firefox'"#,
         #"public GitHub code, search-index file id 33174905625 (ciname→Mozilla Firefox)"#),
        (#"SELECT * FROM SMS_DeploymentSummary WHERE AssignmentID = 16777223 AND FeatureType = 5"#,
         #"public GitHub code, search-index file id 63076661550 ($AssignmentID→16777223)"#),
        (#"select * from SMS_DeploymentSummary where SMS_DeploymentSummary.CollectionName = "Windows 11 Workstations""#,
         #"public GitHub code, search-index file id 31641628157 ($ColName→Windows 11 Workstations)"#),
        (#"select * from SMS_DeploymentSummary"#,
         #"public GitHub code, search-index file id 37319525599"#),
        (#"SELECT DeploymentID,TargetName,CollectionName FROM SMS_Deploymentinfo WHERE SMS_Deploymentinfo.DeploymentID IN (SELECT DeploymentID FROM SMS_Deploymentsummary WHERE SMS_Deploymentsummary.SoftwareName = 'Microsoft Teams')"#,
         #"public GitHub code, search-index file id 25343657112 ($Application→Microsoft Teams)"#),
        (#"Select deploymentID, DeploymentName, TargetName, DeploymentIntent, DeploymentType, TargetSubName from SMS_DeploymentInfo where CollectionID='S0100010'"#,
         #"public GitHub code, search-index file id 44414741009 (collection→S0100010)"#),
        (#"Select * From SMS_DeploymentInfo WHERE CollectionID='S0100013'"#,
         #"public GitHub code, search-index file id 20267774390 (collection→S0100013)"#),
        (#"SELECT * FROM SMS_DeploymentInfo WHERE DeploymentID = 'S0120001'"#,
         #"public GitHub code, search-index file id 58058735286 (AdvertisementID→S0120001)"#),
        (#"SELECT * FROM SMS_DeploymentInfo WHERE CollectionID IN ('S0100010','S0100013')"#,
         #"public GitHub code, search-index file id 8021433053 ($collectionList→two demo IDs)"#),
        (#"select * from SMS_ClassicDeploymentAssetDetails WHERE DeviceName ='PC-0001' AND CollectionID='S0100013'"#,
         #"public GitHub code, search-index file id 38772583506 (device/collection→demo)"#),
        (#"SELECT CollectionName, PackageName, StatusDescription, StatusType, SummarizationTime FROM SMS_ClassicDeploymentAssetDetails Where DeviceName = 'PC-0001'"#,
         #"public GitHub code, search-index file id 48155456798 (ComputerName→PC-0001)"#),
        (#"SELECT * FROM SMS_AppDeploymentAssetDetails Where MachineName = 'PC-0001'"#,
         #"public GitHub code, search-index file id 48155456798 (ComputerName→PC-0001)"#),
        (#"select MachineID,AppName,CollectionName,DeploymentIntent,AppStatusType,InstalledState,UserName from SMS_AppDeploymentAssetDetails"#,
         #"public GitHub code, search-index file id 58354957151"#),
        (#"SELECT * FROM SMS_AppDeploymentAssetDetails Where MachineName = 'PC-0001' and CollectionID = 'S0100013'"#,
         #"public GitHub code, search-index file id 25839713199 (computer/collection→demo)"#),
        (#"Select * from SMS_AppDeploymentAssetDetails where AppName like 'Mozilla Firefox' AND CollectionName like '%'"#,
         #"public GitHub code, search-index file id 21323310585 ($ApplicationName→Mozilla Firefox)"#),
        (#"Select * From SMS_AppDeploymentAssetDetails Where AssignmentID = 16777218"#,
         #"public GitHub code, search-index file id 30972773611 (AssignmentID→16777218)"#),
        (#"SELECT AppStatusType FROM SMS_AppDeploymentAssetDetails WHERE AssignmentID = '16777218' AND MachineName = 'PC-0001'"#,
         #"public GitHub code, search-index file id 5027791958 (assignment/server→demo)"#),
        (#"SELECT * FROM SMS_Advertisement"#,
         #"https://github.com/dotraphael/HealthCheckToolkit_Community/blob/HEAD/CollectData.ps1"#),
        (#"SELECT * from SMS_Program where PackageID = 'S0100004' and ProgramName = 'Install'"#,
         #"public GitHub code, search-index file id 1212936978 (package/program→demo)"#),
        (#"select PackageID, ProgramName from SMS_Program where PackageID = 'S0100004'"#,
         #"public GitHub code, search-index file id 26945255425 (package→S0100004)"#),
        (#"SELECT * FROM SMS_ApplicationLatest WHERE (IsHidden = 0) AND (LocalizedDisplayName = 'Mozilla Firefox')"#,
         #"public GitHub code, search-index file id 26029635296 (appName→Mozilla Firefox)"#),
        (#"SELECT CI_ID,LocalizedDisplayName,ModelName,SoftwareVersion FROM SMS_ApplicationLatest WHERE LocalizedDisplayName='Zoom Workplace' OR ModelName='Zoom Workplace'"#,
         #"public GitHub code, search-index file id 70998073544 (ApplicationID→Zoom Workplace)"#),
        (#"Select LocalizedDisplayName from SMS_DeploymentType"#,
         #"public GitHub code, search-index file id 21200642540"#),
        (#"select * from SMS_AuthorizationList where AssociatedAutoRuleID IS NULL"#,
         #"public GitHub code, search-index file id 32170947270"#),
        (#"Select CI_ID, LocalizedDisplayName From SMS_AuthorizationList Where LocalizedDisplayName = '2026-11 Patch Tuesday'"#,
         #"public GitHub code, search-index file id 43284693207 (SUG_Name→demo group)"#),
        (#"SELECT * FROM SMS_PackageStatusDistPointsSummarizer WHERE State = 1 or State = 2 Or state = 3 Or state = 8"#,
         #"https://github.com/thestardawg/ConfigMgr/blob/HEAD/Refresh-DP_Missing_Content.ps1"#),
        (#"SELECT * FROM SMS_PackageStatusDistPointsSummarizer WHERE State = 0 or State = 1 or State = 2 Or state = 3"#,
         #"https://github.com/Sarpsborg-kommune/PowershellScripts/blob/HEAD/ConfigMgr/ReDeployAllPacakges.ps1"#),
        (#"SELECT * FROM SMS_DistributionPoint WHERE SiteCode='S01' AND PackageID='S0100004'"#,
         #"https://github.com/thestardawg/ConfigMgr/blob/HEAD/Refresh-DP_Missing_Content.ps1 (failure fields→S01/S0100004)"#),
        (#"select * from SMS_DistributionPointInfo where ResourceType = 'Windows NT Server'"#,
         #"https://github.com/GiGoInc/SCCM_PowerShell_scripts/blob/HEAD/!DPs/Resend_All_Failed_Content_to_specific_DPs.ps1"#),
        (#"Select Name,PackageID from SMS_DistributionDPStatus where MessageState > 2"#,
         #"https://github.com/Ryan2065/Ryan2065.github.io (post 'CM2012 – Redistribute content with errors')"#),
        (#"Select PackageID,Name,MessageState,ObjectTypeID,MessageID,LastUpdateDate from SMS_DistributionDPStatus where MessageState<>1 order by LastUpdateDate Desc"#,
         #"public GitHub code, search-index file id 41383648278"#),
        (#"Select * from SMS_DistributionDPStatus where PackageID = 'S010000D' and Name = 'dp1.contoso.com'"#,
         #"public GitHub code, search-index file id 13558487599 ($PkgID/$DP→demo)"#),
        (#"SELECT DISTINCT Name FROM SMS_DistributionDPStatus Where SiteCode = 'S01'"#,
         #"public GitHub code, search-index file id 33751282026 ($SCode→S01)"#),
        (#"SELECT * FROM SMS_DPStatusInfo Where Name = 'dp1.contoso.com'"#,
         #"public GitHub code, search-index file id 45105359224 ($dpToCheck→dp1.contoso.com)"#),
        (#"SELECT PackageID FROM SMS_DPContentInfo WHERE NALPath = '["Display=\\\\dp1.contoso.com\\"]MSWNET:["SMS_SITE=S01"]\\\\dp1.contoso.com\\'"#,
         #"public GitHub code, search-index file id 44390524758 ($dpNALPath→dp1's NALPath)"#),
        (#"SELECT * FROM SMS_DPContentInfo WHERE NALPath like '%dp1.contoso.com%'"#,
         #"https://github.com/codaamok/PSCMContentMgmt (Get-DPContent; DP→dp1.contoso.com)"#),
        (#"SELECT PackageID,PackageType,State,SourceVersion FROM SMS_PackageStatusDistPointsSummarizer WHERE ServerNALPath like '%dp1.contoso.com%'"#,
         #"https://github.com/codaamok/PSCMContentMgmt (Get-DPDistributionStatus; DP→dp1.contoso.com)"#),
        (#"SELECT * FROM SMS_DistributionPointInfo"#,
         #"https://github.com/codaamok/PSCMContentMgmt (Get-DP)"#),
        (#"select PackageID, State from SMS_PackageStatusDistPointsSummarizer where ServerNALPath like '%dp1.contoso.com%'"#,
         #"public GitHub code, search-index file id 44933788095 (DP→dp1.contoso.com)"#),
        (#"SELECT * FROM SMS_PackageStatusDistPointsSummarizer WHERE State IN (1, 2, 3, 8)"#,
         #"public GitHub code, search-index file id 59385498668"#),
        (#"select * from SMS_PackageStatusDistPointsSummarizer where state = 3"#,
         #"public GitHub code, search-index file id 48083042659"#),
        (#"select PackageID,ObjectTypeID from sms_distributionstatus where Type = '3' or Type = '4'"#,
         #"public GitHub code, search-index file id 6689648060"#),
        (#"SELECT ObjectID, PackageID, SoftwareName, ObjectType, Targeted, NumberSuccess, NumberInProgress, NumberErrors, NumberUnknown, SourceSize, LastUpdateDate FROM SMS_ObjectContentInfo"#,
         #"public GitHub code, search-index file id 68315864530"#),
        (#"select NALPath from SMS_DistributionPointInfo WHERE ServerName='dp1.contoso.com'"#,
         #"public GitHub code, search-index file id 14545432391 ($BDP→dp1.contoso.com)"#),
        (#"Select NALPath,Name From SMS_DistributionPointInfo Where ServerName Like '%dp1%'"#,
         #"public GitHub code, search-index file id 2197313767 ($DistPoint→dp1)"#),
        (#"select * from SMS_DistributionPointInfo where Name like 'dp1.contoso.com'"#,
         #"public GitHub code, search-index file id 101442326 ($DPFQDN→dp1.contoso.com)"#),
        (rootSMS + #"select * from SMS_ProviderLocation"#,
         #"public GitHub code, search-index file id 2197313767 (Get-WmiObject -Namespace root\SMS -Class SMS_ProviderLocation)"#),
        (#"select * from SMS_SCI_SysResUse where FileType=2 and RoleName != 'SMS Provider'"#,
         #"https://github.com/dotraphael/SCCMAdminEbookv4/blob/HEAD/TrainingFiles/Course%20Scripts/08.7.%20Validating%20Installation.ps1"#),
        (#"SELECT * FROM SMS_SystemResourceList WHERE RoleName='SMS Distribution Point'"#,
         #"public GitHub code, search-index file id 45300944801"#),
        (#"select * from SMS_CH_EvalResult where ResourceID = 16777220"#,
         #"https://github.com/dotraphael/SCCMAdminEbookv4/blob/HEAD/TrainingFiles/Course%20Scripts/16.5.%20Monitoring%20Client%20Health.ps1 ($Device.ResourceID→16777220)"#),
        (#"SELECT * FROM SMS_R_System WHERE ResourceID IN ( SELECT ResourceID FROM SMS_G_System_CH_ClientSummary WHERE LastMPServerName IN ('cm01.contoso.com'))"#,
         #"public GitHub code, search-index file id 944451682 (MP names→cm01.contoso.com)"#),
        (#"SELECT SMS_G_System_CH_ClientSummary.* FROM SMS_G_System_CH_ClientSummary, SMS_R_System WHERE name = 'PC-0001'and SMS_G_System_CH_ClientSummary.ResourceId = SMS_R_System.ResourceId"#,
         #"public GitHub code, search-index file id 1194304872 ($ComputerName→PC-0001)"#),
        (#"select SMS_R_SYSTEM.ResourceID ,SMS_R_SYSTEM.ResourceType ,SMS_R_SYSTEM.Name ,SMS_R_SYSTEM.SMSUniqueIdentifier ,SMS_R_SYSTEM.Client from SMS_R_System inner join SMS_G_System_BITLOCKER_DETAILS on SMS_G_System_BITLOCKER_DETAILS.ResourceID = SMS_R_System.ResourceId where SMS_G_System_BITLOCKER_DETAILS.Compliant = 0 and SMS_R_System.Client = 1 and SMS_R_SYSTEM.IsVirtualMachine = 0"#,
         #"public GitHub code, search-index file id 1698267941"#),
        (#"select SMS_R_SYSTEM.ResourceID,SMS_R_SYSTEM.ResourceType,SMS_R_SYSTEM.Name,SMS_R_SYSTEM.SMSUniqueIdentifier,SMS_R_SYSTEM.ResourceDomainORWorkgroup,SMS_R_SYSTEM.Client from SMS_R_System inner join SMS_G_System_BITLOCKER_DETAILS on SMS_G_System_BITLOCKER_DETAILS.ResourceID = SMS_R_System.ResourceId inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceId = SMS_R_System.ResourceId where SMS_G_System_BITLOCKER_DETAILS.ProtectionStatus = 1"#,
         #"public GitHub code, search-index file id 24115551781 (blog: BitLocker collection queries)"#),
        (#"select ResourceID,DriveLetter,ProtectionStatus,EncryptionMethod,ConversionStatus from SMS_G_System_BITLOCKER_DETAILS"#,
         #"public GitHub code, search-index file id 58354957151"#),
        (#"select ResourceID,SpecVersion,IsEnabled_InitialValue,IsActivated_InitialValue from SMS_G_System_TPM"#,
         #"public GitHub code, search-index file id 58354957151"#),
        (#"select ResourceID,TopConsoleUser,TotalConsoleUsers from SMS_G_System_SYSTEM_CONSOLE_USAGE"#,
         #"public GitHub code, search-index file id 58354957151"#),
        (#"select SMS_R_System.ResourceId, SMS_R_System.ResourceType, SMS_R_System.Name, SMS_R_System.SMSUniqueIdentifier, SMS_R_System.ResourceDomainORWorkgroup, SMS_R_System.Client from  SMS_R_System inner join SMS_G_System_TPM on SMS_G_System_TPM.ResourceID = SMS_R_System.ResourceId"#,
         #"https://learn.microsoft.com/en-us/powershell/module/configurationmanager/add-cmdevicecollectionquerymembershiprule"#),
        (#"select  SMS_R_SYSTEM.ResourceID, SMS_R_SYSTEM.ResourceType, SMS_R_SYSTEM.Name,SMS_R_SYSTEM.SMSUniqueIdentifier, SMS_R_SYSTEM.ResourceDomainORWorkgroup, SMS_R_SYSTEM.Client from SMS_R_System inner join SMS_G_System_TPM on SMS_G_System_TPM.ResourceID = SMS_R_System.ResourceId where   SMS_G_System_TPM.SpecVersion is not null"#,
         #"public GitHub code, search-index file id 9964563399"#),
        (#"select SMS_R_SYSTEM.ResourceID, SMS_R_SYSTEM.ResourceType, SMS_R_SYSTEM.Name, SMS_R_SYSTEM.SMSUniqueIdentifier, SMS_R_SYSTEM.ResourceDomainORWorkgroup, SMS_R_SYSTEM.Client from SMS_R_System inner join SMS_G_System_FIRMWARE on SMS_G_System_FIRMWARE.ResourceID = SMS_R_System.ResourceId where SMS_G_System_FIRMWARE.SecureBoot = 1"#,
         #"public GitHub code, search-index file id 40783634273"#),
        (#"SELECT SMS_R_System.ResourceID, SMS_R_System.Name FROM SMS_R_System INNER JOIN SMS_G_System_FIRMWARE ON SMS_G_System_FIRMWARE.ResourceID = SMS_R_System.ResourceID WHERE SMS_R_System.OperatingSystemNameandVersion LIKE '%Workstation 10.0%' AND SMS_R_System.Build LIKE '10.0.1%' AND SMS_G_System_FIRMWARE.SecureBoot = 1"#,
         #"public GitHub code, search-index file id 53450003505"#),
        (#"select SMS_R_SYSTEM.Name, SMS_G_System_OPERATING_SYSTEM.Caption, SMS_G_System_OPERATING_SYSTEM.BuildNumber, SMS_G_System_OPERATING_SYSTEM.TotalVisibleMemorySize, SMS_G_System_COMPUTER_SYSTEM.SystemType, SMS_G_System_FIRMWARE.SecureBoot, SMS_G_System_TPM.SpecVersion from SMS_R_System inner join SMS_G_System_COMPUTER_SYSTEM on SMS_G_System_COMPUTER_SYSTEM.ResourceID = SMS_R_System.ResourceID inner join SMS_G_System_FIRMWARE on SMS_G_System_FIRMWARE.ResourceID = SMS_R_System.ResourceID inner join SMS_G_System_TPM on SMS_G_System_TPM.ResourceID = SMS_R_System.ResourceID inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceID"#,
         #"public GitHub code, search-index file id 26277870160 (tail of join list reconstructed: OPERATING_SYSTEM join)"#),
        (#"select SMS_R_SYSTEM.ResourceID,SMS_R_SYSTEM.ResourceType,SMS_R_SYSTEM.Name,SMS_R_SYSTEM.SMSUniqueIdentifier,SMS_R_SYSTEM.ResourceDomainORWorkgroup,SMS_R_SYSTEM.Client from SMS_R_System where SMS_R_System.OperatingSystemNameandVersion like '%Workstation 10.0%' and SMS_R_System.OSBranch = '0'"#,
         #"public GitHub code, search-index file id 11024077458"#),
        (#"select SMS_R_SYSTEM.ResourceID,SMS_R_SYSTEM.ResourceType,SMS_R_SYSTEM.Name,SMS_R_SYSTEM.SMSUniqueIdentifier,SMS_R_SYSTEM.ResourceDomainORWorkgroup,SMS_R_SYSTEM.Client from SMS_R_System where SMS_R_System.OSBranch = 0 and (SMS_R_System.OperatingSystemNameandVersion = 'Microsoft Windows NT Workstation 10.0' or SMS_R_System.OperatingSystemNameandVersion = 'Microsoft Windows NT Workstation 10.0 (Tablet Edition)')"#,
         #"public GitHub code, search-index file id 11424105402"#),
        (#"select distinct SMS_G_SYSTEM_VIDEO_CONTROLLER.AdapterCompatibility from SMS_G_SYSTEM_VIDEO_CONTROLLER"#,
         #"public GitHub code, search-index file id 43405045878"#),
        (#"SELECT SMS_G_System_VIDEO_CONTROLLER.AdapterRAM, SMS_G_System_VIDEO_CONTROLLER.CurrentHorizontalResolution, SMS_G_System_VIDEO_CONTROLLER.CurrentVerticalResolution, SMS_G_System_VIDEO_CONTROLLER.Name FROM SMS_G_System_VIDEO_CONTROLLER WHERE ResourceID = '16777220'"#,
         #"public GitHub code, search-index file id 29528490912 ($ResourceID→16777220)"#),
        (#"SELECT SMS_R_System.Name FROM SMS_R_System inner join SMS_G_System_PRINTER_DEVICE ON SMS_G_System_PRINTER_DEVICE.ResourceID = SMS_R_System.ResourceId WHERE SMS_G_System_PRINTER_DEVICE.PortName like "10.1.250.23""#,
         #"public GitHub code, search-index file id 47538130533 (port 10.10.10.10→10.1.250.23)"#),
        (#"select stmsgin.InsStrValue from SMS_StatMsg stmsg inner join SMS_StatMsgInsStrings stmsgin on stmsg.RecordID = stmsgin.RecordID where stmsg.Component = 'SMS_DISTRIBUTION_MANAGER' and stmsg.MessageID = 2391 and stmsgin.InsStrIndex = 0 and stmsgin.SiteCode = 'S01'"#,
         "https://github.com/dotraphael/SCCMAdminEbookv4 (TrainingFiles/Course Scripts; $SiteCode→S01)"),
        (#"select SMS_StatusMessage.*, SMS_StatMsgInsStrings.*, SMS_StatMsgAttributes.*, SMS_StatMsgAttributes.AttributeTime from SMS_StatusMessage left join SMS_StatMsgInsStrings on SMS_StatMsgInsStrings.RecordID = SMS_StatusMessage.RecordID left join SMS_StatMsgAttributes on SMS_StatMsgAttributes.RecordID = SMS_StatusMessage.RecordID where SMS_StatMsgAttributes.AttributeID = 401 and SMS_StatMsgAttributes.AttributeValue = "S0120001" and SMS_StatMsgAttributes.AttributeTime >= '2026/11/01 00:00:00.000' order by SMS_StatMsgAttributes.AttributeTime DESC"#,
         "public console status-message query (search excerpt, no repository named) (PS120060→S0120001, ##PRM##→date)"),
        (#"Select * From SMS_DistributionDPStatus WHERE MessageState=4 OR MessageState=2"#,
         "public GitHub code, search-index file id 28256231041"),
        (#"select * from SMS_R_System inner join SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS on SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS.ResourceId = SMS_R_System.ResourceId where SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS.cfgUpdateChannel = "http://officecdn.microsoft.com/pr/55336b82-a18d-4dd6-b5f6-9e5095c314a6""#,
         "https://github.com/MicrosoftDocs/OfficeDocs-DeployOffice/blob/HEAD/DeployOffice/fieldnotes/build-dynamic-lean-configuration-manager.md (ReplaceThis→Monthly Enterprise channel URL)"),
        (#"select stmsgin.InsStrValue from SMS_StatMsg stmsg inner join SMS_StatMsgInsStrings stmsgin on stmsg.RecordID = stmsgin.RecordID where stmsg.Component = 'SMS_DISTRIBUTION_MANAGER' and stmsg.MessageID = 2302 and stmsgin.InsStrIndex = 0 and stmsgin.SiteCode = 'S01'"#,
         "https://github.com/dotraphael/SCCMAdminEbookv4/blob/HEAD/TrainingFiles/Course%20Scripts/10.1.1.3.%20Installing%20Site%20System%20Role.ps1 ($SiteCode→S01)"),
        (#"select stmsgin.InsStrValue from SMS_StatMsg stmsg inner join SMS_StatMsgInsStrings stmsgin on stmsg.RecordID = stmsgin.RecordID where stmsg.Component = 'SMS_HIERARCHY_MANAGER' and stmsg.MessageID = 3306 and stmsgin.InsStrIndex = 0 and stmsgin.SiteCode = 'S01'"#,
         "https://github.com/dotraphael/SCCMAdminEbookv4/blob/HEAD/TrainingFiles/Course%20Scripts/08.7.%20Validating%20Installation.ps1 (site 001→S01)"),
        (#"SELECT * FROM SMS_StatusMessage WHERE MessageID=2302"#,
         "public GitHub code, search-index file id 6643978290 ($StatusMessage.MessageID→2302)"),
        (#"SELECT * FROM SMS_DeploymentInfo WHERE CollectionID like 'S0100010' AND DeploymentType = 31"#,
         "public GitHub code, search-index file id 34101082421 (collection→S0100010)"),
        (#"Select PackageID from SMS_PackageStatusDetailSummarizer where Name = 'Windows 11 24H2 Enterprise x64 - Bare Metal'"#,
         "public GitHub code, search-index file id 19619032822 ($TaskSequenceName→demo TS)"),
        (#"select stmsgin.InsStrValue from SMS_StatMsg stmsg inner join SMS_StatMsgInsStrings stmsgin on stmsg.RecordID = stmsgin.RecordID where stmsg.Component = 'SMS_MP_CONTROL_MANAGER' and stmsg.MessageID = 1013 and stmsgin.InsStrIndex = 0 and stmsgin.SiteCode = 'S01'"#,
         "https://github.com/dotraphael/SCCMAdminEbookv4/blob/HEAD/TrainingFiles/Course%20Scripts/10.1.2.3.%20Installing%20Site%20System%20Role.ps1 ($SiteCode→S01)"),
        (#"select stmsg.* from SMS_StatMsg stmsg where stmsg.Component = 'SMS_MP_CONTROL_MANAGER' and stmsg.MessageID = 500 and stmsg.SiteCode = 'S01'"#,
         "https://github.com/dotraphael/SCCMAdminEbookv4/blob/HEAD/TrainingFiles/Course%20Scripts/10.1.2.3.%20Installing%20Site%20System%20Role.ps1 ($SiteCode→S01)"),
        (#"select stmsg.* from SMS_StatMsg stmsg where stmsg.Component = 'SMS_ENDPOINT_PROTECTION_CONTROL_MANAGER' and stmsg.MessageID = 1013 and stmsg.SiteCode = 'S01'"#,
         "https://github.com/dotraphael/SCCMAdminEbookv4 (TrainingFiles/Course Scripts; $SiteCode→S01)"),
        (#"select stmsgin.InsStrValue from SMS_StatMsg stmsg inner join SMS_StatMsgInsStrings stmsgin on stmsg.RecordID = stmsgin.RecordID where stmsg.Component = 'SMS_SITE_COMPONENT_MANAGER' and stmsg.MessageID = 1027 and stmsgin.InsStrIndex = 0 and stmsgin.SiteCode = 'S01'"#,
         "https://github.com/dotraphael/SCCMAdminEbookv4/blob/HEAD/TrainingFiles/Course%20Scripts/08.7.%20Validating%20Installation.ps1 (site 001→S01)"),
        (#"select stat.*, ins.*, att1.*, stat.Time from SMS_StatusMessage as stat left join SMS_StatMsgInsStrings as ins on stat.RecordID = ins.RecordID left join SMS_StatMsgAttributes as att1 on stat.RecordID = att1.RecordID inner join SMS_StatMsgInsStrings as ins2 on stat.RecordID = ins2.RecordID where stat.MessageType = 768 and stat.MessageID >= 30069 and stat.MessageID <= 30087 and ins2.InsStrIndex = 2 and ins2.InsStrValue = 'PC-0130' and stat.Time >= '2026/11/01 00:00:00.000' order by stat.Time desc"#,
         "https://github.com/dotraphael/SCCMAdminEbookv4/blob/HEAD/TrainingFiles/Course%20Scripts/14.6.%20Monitoring%20Remote%20Access%20from%20Server.ps1 (WKS0001→PC-0130, a workstation the demo's help desk controlled, $Date→literal)"),
        (#"select stat.Time, stat.MessageID, ins.InsStrIndex, ins.InsStrValue, att1.AttributeID, att1.AttributeTime, att1.AttributeValue from SMS_StatusMessage as stat left join SMS_StatMsgInsStrings as ins on stat.RecordID = ins.RecordID left join SMS_StatMsgAttributes as att1 on stat.RecordID = att1.RecordID inner join SMS_StatMsgInsStrings as ins2 on stat.RecordID = ins2.RecordID where stat.MessageType = 768 and stat.MessageID >= 30069 and stat.MessageID <= 30087 and ins2.InsStrIndex = 2 and ins2.InsStrValue = 'PC-0130' and stat.Time >= '2026/11/01 00:00:00.000' order by stat.Time desc"#,
         "https://github.com/dotraphael/SCCMAdminEbookv4/blob/HEAD/TrainingFiles/Course%20Scripts/14.6.%20Monitoring%20Remote%20Access%20from%20Server.ps1 (WKS0001→PC-0130, a workstation the demo's help desk controlled, $Date→literal)"),
        (#"SELECT stat.*, ins.*, att1.*, stat.Time FROM SMS_StatusMessage AS stat LEFT JOIN SMS_StatMsgInsStrings as ins ON ins.RecordID = stat.RecordID LEFT JOIN SMS_StatMsgAttributes as att1 ON att1.RecordID = stat.RecordID WHERE stat.Component = "Task Sequence Engine" AND stat.Time >= '2026/10/01 00:00:00.000' ORDER BY stat.Time DESC"#,
         "public GitHub code, search-index file id 48057538054 (##PRM## prompt→date)"),
        (#"SELECT Time FROM SMS_StatMsgWithInsStrings WHERE MachineName='PC-0001' AND MessageID = '11140'"#,
         "public GitHub code, search-index file id 322639265 ($MachineName→PC-0001)"),
        (#"SELECT * FROM SMS_StatusMessage WHERE Time >= '2026/11/26 00:00:00' AND Time <= '2026/11/26 23:59:59' AND MessageID >= 30000 AND MessageID <= 45000"#,
         "public GitHub code, search-index file id 67335680500 ($TargetDate→2026/11/26)"),
        (#"select SMS_R_SYSTEM.ResourceID,SMS_R_SYSTEM.ResourceType,SMS_R_SYSTEM.Name,SMS_R_SYSTEM.SMSUniqueIdentifier,SMS_R_SYSTEM.ResourceDomainORWorkgroup,SMS_R_SYSTEM.Client from SMS_R_System  WHERE ResourceNames[0] IN (Select Distinct ServerName FROM SMS_SystemResourceList)"#,
         "https://github.com/Ryan2065/Ryan2065.github.io/blob/HEAD/_posts/2014/2014-08-05-configmgr-2012-query-for-all-site-systems.md"),
        (#"SELECT ts.*, content.* FROM SMS_ObjectContentExtraInfo content INNER JOIN SMS_TaskSequencePackageReference tspr ON tspr.RefPackageID = content.PackageID INNER JOIN SMS_TaskSequencePackage ts on ts.PackageID = tspr.PackageID where ts.PackageID = 'S0100017'"#,
         "https://github.com/dotraphael/HealthCheckToolkit_Community/blob/HEAD/CollectData.ps1 ($PackageID→S0100017)"),
        (#"SELECT ci.* FROM SMS_SoftwareUpdate ci WHERE ci.CI_ID NOT IN ( SELECT CI_ID FROM SMS_CIAllCategories WHERE CategoryInstance_UniqueID='UpdateClassification:3689bdc8-b205-4af4-8d4a-a63924c5e9d5') AND ci.CI_ID NOT IN (SELECT CI_ID FROM SMS_CIAllCategories WHERE CategoryInstance_UniqueID='Product:30eb551c-6288-4716-9a78-f300ec36d72b') ORDER BY DateRevised DESC"#,
         "https://github.com/dotraphael/HealthCheckToolkit_Community/blob/HEAD/CollectData.ps1"),
    ]

    @Test(arguments: queries.indices)
    func runsAndReturnsRows(_ i: Int) throws {
        let (query, source) = Self.queries[i]
        let s = try SiteSession()
        var text = query
        if text.hasPrefix(Self.rootSMS) {
            try s.run(#"use root\sms"#)
            text = String(text.dropFirst(Self.rootSMS.count))
        }
        let rows = try s.rows(text)
        #expect(!rows.isEmpty, "\(query) — \(source)")
    }
}

// Not run: 4 of 98 (query — source — result — reason). Run with cmsh --clock 2026-11-26T09:00:00Z.
//
// - select stat.*, ins.*, att1.*, stat.Time from SMS_StatusMessage as stat left join SMS_StatMsgInsStrings as ins on stat.RecordID = ins.RecordID left join SMS_StatMsgAttributes as att1 on stat.RecordID = att1.RecordID where stat.ModuleName = 'SMS Client' and stat.MessageID = 669 and stat.SiteCode = 'S01' and stat.Time >= '2026/11/01 00:00:00.000' order by stat.Time desc
//   source: https://learn.microsoft.com/en-us/powershell/module/configurationmanager/new-cmstatusmessagequery (##PRM## prompts→S01 and a date)
//   result: no rows
//   reason: no matching data — what the client's 669 reports was not found in a public source, so the clients' history
//   (Software Distribution 10005/10006/10009, task sequences 11140/11141/11171, Remote Control 30069/30070) has none
//
// - SELECT * FROM SMS_StatMsgWithInsStrings WHERE MessageID='9504' AND InsString2 = 'dp2.contoso.com' AND Component = 'SMS_DISTRIBUTION_MANAGER' AND Win32Error = '0'
//   source: public GitHub code, search-index file id 783802635 ($DPName→dp2.contoso.com)
//   result: no rows
//   reason: no matching data — no distribution point has been uninstalled in the demo's history (9504)
//
// - SELECT LocalizedDisplayName, Technology, AppModelName, CI_UniqueID, Priority, IsEnabled FROM SMS_DeploymentType
//   source: public GitHub code, search-index file id 61412113740
//   result: WBEM_E_INVALID_QUERY: 'Priority' is not a property of SMS_DeploymentType; did you mean 'PriorityInLatestApp'?
//   reason: not an SDK property — SMS_DeploymentType has PriorityInLatestApp, no Priority; a real SMS Provider refuses it too
//
// - select SMS_R_SYSTEM.ResourceID,SMS_R_SYSTEM.ResourceType,SMS_R_SYSTEM.Name,SMS_R_SYSTEM.SMSUniqueIdentifier,SMS_R_SYSTEM.ResourceDomainORWorkgroup,SMS_R_SYSTEM.Client from SMS_R_System inner join SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS on SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS.ResourceId = SMS_R_System.ResourceId where SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS.VersionToReport like '16.0.9029.%'
//   source: public GitHub code, search-index file id 44298681730 (operational collections script)
//   result: no rows
//   reason: no matching data — VersionToReport 16.0.9029.* (2018 build); demo has 16.0.17xxx/18xxx
