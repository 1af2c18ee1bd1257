// Demo site data, as MOF: packages of every package class, PKG00001 (the SDK examples' driver package) among them.

extension DemoSite {
    static let packages = #"""
instance of SMS_DriverPackage
{
    PackageID = "PKG00001";
    Name = "Dell Latitude 7440 Windows 11 Drivers";
    Manufacturer = "Dell";
    PackageType = 3;
    PkgSourcePath = "\\\\fs01\\sources\\drivers\\Dell\\Latitude7440";
    PkgSourceFlag = 2;
    SourceDate = "20260912140000.000000+000";
    LastRefreshTime = "20260912140000.000000+000";
    SourceVersion = 2;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 531456;
    Description = "Dell Latitude 7440 Windows 11 Drivers for Contoso devices";
    Language = "";
};

instance of SMS_Package
{
    PackageID = "S0100001";
    Name = "Configuration Manager Client Package";
    Manufacturer = "Microsoft";
    PackageType = 0;
    PkgSourcePath = "D:\\Program Files\\Microsoft Configuration Manager\\Client";
    PkgSourceFlag = 2;
    SourceDate = "20260801100000.000000+000";
    LastRefreshTime = "20260801100000.000000+000";
    SourceVersion = 3;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 493568;
    Description = "Configuration Manager Client Package for Contoso devices";
    Language = "";
};

instance of SMS_Package
{
    PackageID = "S0100002";
    Name = "Configuration Manager Client Piloting Package";
    Manufacturer = "Microsoft";
    PackageType = 0;
    PkgSourcePath = "D:\\Program Files\\Microsoft Configuration Manager\\Client";
    PkgSourceFlag = 2;
    SourceDate = "20260801100000.000000+000";
    LastRefreshTime = "20260801100000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 834560;
    Description = "Configuration Manager Client Piloting Package for Contoso devices";
    Language = "";
};

instance of SMS_Package
{
    PackageID = "S0100003";
    Name = "Microsoft 365 Apps for enterprise";
    Manufacturer = "Microsoft";
    PackageType = 0;
    PkgSourcePath = "\\\\fs01\\sources\\apps\\M365";
    PkgSourceFlag = 2;
    SourceDate = "20261015080000.000000+000";
    LastRefreshTime = "20261015080000.000000+000";
    SourceVersion = 7;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 379904;
    Description = "Microsoft 365 Apps for enterprise for Contoso devices";
    Language = "";
};

instance of SMS_Package
{
    PackageID = "S0100004";
    Name = "7-Zip 24.08 (x64)";
    Manufacturer = "Igor Pavlov";
    PackageType = 0;
    PkgSourcePath = "\\\\fs01\\sources\\apps\\7zip";
    PkgSourceFlag = 2;
    SourceDate = "20250910080000.000000+000";
    LastRefreshTime = "20250910080000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 695296;
    Description = "7-Zip 24.08 (x64) for Contoso devices";
    Language = "";
};

instance of SMS_Package
{
    PackageID = "S0100005";
    Name = "Notepad++ 8.7";
    Manufacturer = "Notepad++ Team";
    PackageType = 0;
    PkgSourcePath = "\\\\fs01\\sources\\apps\\npp";
    PkgSourceFlag = 2;
    SourceDate = "20250620080000.000000+000";
    LastRefreshTime = "20250620080000.000000+000";
    SourceVersion = 2;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 543744;
    Description = "Notepad++ 8.7 for Contoso devices";
    Language = "";
};

instance of SMS_Package
{
    PackageID = "S0100006";
    Name = "Google Chrome Enterprise";
    Manufacturer = "Google";
    PackageType = 0;
    PkgSourcePath = "\\\\fs01\\sources\\apps\\chrome";
    PkgSourceFlag = 2;
    SourceDate = "20261105080000.000000+000";
    LastRefreshTime = "20261105080000.000000+000";
    SourceVersion = 12;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 960512;
    Description = "Google Chrome Enterprise for Contoso devices";
    Language = "";
};

instance of SMS_Package
{
    PackageID = "S0100007";
    Name = "Adobe Acrobat Reader DC";
    Manufacturer = "Adobe";
    PackageType = 0;
    PkgSourcePath = "\\\\fs01\\sources\\apps\\acrobat";
    PkgSourceFlag = 2;
    SourceDate = "20260514080000.000000+000";
    LastRefreshTime = "20260514080000.000000+000";
    SourceVersion = 4;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 922624;
    Description = "Adobe Acrobat Reader DC for Contoso devices";
    Language = "";
};

instance of SMS_DriverPackage
{
    PackageID = "S0100008";
    Name = "HP EliteBook 840 G10 Windows 11 Drivers";
    Manufacturer = "HP";
    PackageType = 3;
    PkgSourcePath = "\\\\fs01\\sources\\drivers\\HP\\EB840G10";
    PkgSourceFlag = 2;
    SourceDate = "20260822140000.000000+000";
    LastRefreshTime = "20260822140000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 607232;
    Description = "HP EliteBook 840 G10 Windows 11 Drivers for Contoso devices";
    Language = "";
};

instance of SMS_DriverPackage
{
    PackageID = "S0100009";
    Name = "Lenovo ThinkPad T14 Gen 4 Windows 11 Drivers";
    Manufacturer = "Lenovo";
    PackageType = 3;
    PkgSourcePath = "\\\\fs01\\sources\\drivers\\Lenovo\\T14G4";
    PkgSourceFlag = 2;
    SourceDate = "20260703140000.000000+000";
    LastRefreshTime = "20260703140000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 796672;
    Description = "Lenovo ThinkPad T14 Gen 4 Windows 11 Drivers for Contoso devices";
    Language = "";
};

instance of SMS_DriverPackage
{
    PackageID = "S010000A";
    Name = "Dell OptiPlex 7010 Windows 11 Drivers";
    Manufacturer = "Dell";
    PackageType = 3;
    PkgSourcePath = "\\\\fs01\\sources\\drivers\\Dell\\OptiPlex7010";
    PkgSourceFlag = 2;
    SourceDate = "20251130140000.000000+000";
    LastRefreshTime = "20251130140000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 531456;
    Description = "Dell OptiPlex 7010 Windows 11 Drivers for Contoso devices";
    Language = "";
};

instance of SMS_ImagePackage
{
    PackageID = "S010000B";
    Name = "Windows 11 Enterprise 24H2 x64";
    Manufacturer = "Microsoft";
    PackageType = 257;
    PkgSourcePath = "\\\\fs01\\sources\\os\\w11-24h2\\install.wim";
    PkgSourceFlag = 2;
    SourceDate = "20261001120000.000000+000";
    LastRefreshTime = "20261001120000.000000+000";
    SourceVersion = 2;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 266240;
    Description = "Windows 11 Enterprise 24H2 x64 for Contoso devices";
    Language = "";
};

instance of SMS_ImagePackage
{
    PackageID = "S010000C";
    Name = "Windows Server 2022 Standard";
    Manufacturer = "Microsoft";
    PackageType = 257;
    PkgSourcePath = "\\\\fs01\\sources\\os\\ws2022\\install.wim";
    PkgSourceFlag = 2;
    SourceDate = "20250301120000.000000+000";
    LastRefreshTime = "20250301120000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 190464;
    Description = "Windows Server 2022 Standard for Contoso devices";
    Language = "";
};

instance of SMS_BootImagePackage
{
    PackageID = "S010000D";
    Name = "Boot image (x64)";
    Manufacturer = "Microsoft";
    PackageType = 258;
    PkgSourcePath = "\\\\cm01.contoso.com\\SMS_S01\\osd\\boot\\x64\\boot.wim";
    PkgSourceFlag = 2;
    SourceDate = "20261002120000.000000+000";
    LastRefreshTime = "20261002120000.000000+000";
    SourceVersion = 3;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 657408;
    Description = "Boot image (x64) for Contoso devices";
    Language = "";
};

instance of SMS_BootImagePackage
{
    PackageID = "S010000E";
    Name = "Boot image (arm64)";
    Manufacturer = "Microsoft";
    PackageType = 258;
    PkgSourcePath = "\\\\cm01.contoso.com\\SMS_S01\\osd\\boot\\arm64\\boot.wim";
    PkgSourceFlag = 2;
    SourceDate = "20261002120000.000000+000";
    LastRefreshTime = "20261002120000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 733184;
    Description = "Boot image (arm64) for Contoso devices";
    Language = "";
};

instance of SMS_SoftwareUpdatesPackage
{
    PackageID = "S010000F";
    Name = "Windows 11 Cumulative Updates 2026";
    Manufacturer = "Microsoft";
    PackageType = 5;
    PkgSourcePath = "\\\\fs01\\sources\\updates\\w11-2026";
    PkgSourceFlag = 2;
    SourceDate = "20261111020000.000000+000";
    LastRefreshTime = "20261111020000.000000+000";
    SourceVersion = 11;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 417792;
    Description = "Windows 11 Cumulative Updates 2026 for Contoso devices";
    Language = "";
};

instance of SMS_SoftwareUpdatesPackage
{
    PackageID = "S0100010";
    Name = "Microsoft 365 Apps Updates";
    Manufacturer = "Microsoft";
    PackageType = 5;
    PkgSourcePath = "\\\\fs01\\sources\\updates\\m365";
    PkgSourceFlag = 2;
    SourceDate = "20261111020000.000000+000";
    LastRefreshTime = "20261111020000.000000+000";
    SourceVersion = 9;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 114688;
    Description = "Microsoft 365 Apps Updates for Contoso devices";
    Language = "";
};

instance of SMS_OperatingSystemInstallPackage
{
    PackageID = "S0100011";
    Name = "Windows 11 24H2 Upgrade";
    Manufacturer = "Microsoft";
    PackageType = 259;
    PkgSourcePath = "\\\\fs01\\sources\\os\\w11-24h2-media";
    PkgSourceFlag = 2;
    SourceDate = "20261001120000.000000+000";
    LastRefreshTime = "20261001120000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 922624;
    Description = "Windows 11 24H2 Upgrade for Contoso devices";
    Language = "";
};

instance of SMS_OperatingSystemInstallPackage
{
    PackageID = "S0100012";
    Name = "Windows 10 22H2 Upgrade";
    Manufacturer = "Microsoft";
    PackageType = 259;
    PkgSourcePath = "\\\\fs01\\sources\\os\\w10-22h2-media";
    PkgSourceFlag = 2;
    SourceDate = "20240115120000.000000+000";
    LastRefreshTime = "20240115120000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 922624;
    Description = "Windows 10 22H2 Upgrade for Contoso devices";
    Language = "";
};

instance of SMS_ContentPackage
{
    PackageID = "S0100013";
    Name = "Company Portal";
    Manufacturer = "Microsoft";
    PackageType = 8;
    PkgSourcePath = "\\\\fs01\\sources\\apps\\companyportal";
    PkgSourceFlag = 2;
    SourceDate = "20260901080000.000000+000";
    LastRefreshTime = "20260901080000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 581632;
    Description = "Company Portal for Contoso devices";
    Language = "";
};

instance of SMS_ContentPackage
{
    PackageID = "S0100014";
    Name = "Zoom Workplace";
    Manufacturer = "Zoom";
    PackageType = 8;
    PkgSourcePath = "\\\\fs01\\sources\\apps\\zoom";
    PkgSourceFlag = 2;
    SourceDate = "20261020080000.000000+000";
    LastRefreshTime = "20261020080000.000000+000";
    SourceVersion = 2;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 581632;
    Description = "Zoom Workplace for Contoso devices";
    Language = "";
};

instance of SMS_Package
{
    PackageID = "S0100015";
    Name = "Contoso Line-of-Business Suite";
    Manufacturer = "Contoso";
    PackageType = 0;
    PkgSourcePath = "\\\\fs01\\sources\\apps\\contoso-lob";
    PkgSourceFlag = 2;
    SourceDate = "20260401080000.000000+000";
    LastRefreshTime = "20260401080000.000000+000";
    SourceVersion = 5;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 266240;
    Description = "Contoso Line-of-Business Suite for Contoso devices";
    Language = "";
};

instance of SMS_DriverPackage
{
    PackageID = "S0100016";
    Name = "Surface Laptop 6 Drivers";
    Manufacturer = "Microsoft";
    PackageType = 3;
    PkgSourcePath = "\\\\fs01\\sources\\drivers\\Microsoft\\SurfaceLaptop6";
    PkgSourceFlag = 2;
    SourceDate = "20261015140000.000000+000";
    LastRefreshTime = "20261015140000.000000+000";
    SourceVersion = 1;
    SourceSite = "S01";
    Priority = 2;
    PackageSize = 960512;
    Description = "Surface Laptop 6 Drivers for Contoso devices";
    Language = "";
};

"""#
}
