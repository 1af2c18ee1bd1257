// Demo site data, as MOF: drivers and their content. Collections are in DemoData+Collections.swift; the
// systems, users and their inventory are generated (Fleet/FleetGenerator.swift).

extension DemoSite {
    static let inventory = #"""
instance of SMS_Driver
{
    CI_ID = 16777301;
    CI_UniqueID = "Driver_16777301";
    LocalizedDisplayName = "Intel(R) Ethernet Connection I219-LM";
    DriverClass = "Net";
    DriverVersion = "12.19.2.45";
    DriverProvider = "Intel";
    DriverINFFile = "e1d68x64.inf";
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\e1d68x64";
    IsEnabled = TRUE;
    DriverSigned = TRUE;
    DateCreated = "20261101090000.000000+000";
};

instance of SMS_CIToContent
{
    ContentID = 17301;
    CI_ID = 16777301;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\e1d68x64";
};

instance of SMS_PackageToContent
{
    PackageID = "PKG00001";
    ContentID = 17301;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\e1d68x64";
};

instance of SMS_Driver
{
    CI_ID = 16777302;
    CI_UniqueID = "Driver_16777302";
    LocalizedDisplayName = "Realtek High Definition Audio";
    DriverClass = "MEDIA";
    DriverVersion = "6.0.9600.1";
    DriverProvider = "Realtek";
    DriverINFFile = "hdxrt.inf";
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\hdxrt";
    IsEnabled = TRUE;
    DriverSigned = TRUE;
    DateCreated = "20261101090000.000000+000";
};

instance of SMS_CIToContent
{
    ContentID = 17302;
    CI_ID = 16777302;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\hdxrt";
};

instance of SMS_PackageToContent
{
    PackageID = "PKG00001";
    ContentID = 17302;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\hdxrt";
};

instance of SMS_Driver
{
    CI_ID = 16777303;
    CI_UniqueID = "Driver_16777303";
    LocalizedDisplayName = "Dell Touchpad";
    DriverClass = "Mouse";
    DriverVersion = "10.3201.101.215";
    DriverProvider = "Dell";
    DriverINFFile = "DellTouchpad.inf";
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\DellTouchpad";
    IsEnabled = TRUE;
    DriverSigned = TRUE;
    DateCreated = "20261101090000.000000+000";
};

instance of SMS_CIToContent
{
    ContentID = 17303;
    CI_ID = 16777303;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\DellTouchpad";
};

instance of SMS_PackageToContent
{
    PackageID = "PKG00001";
    ContentID = 17303;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\DellTouchpad";
};

instance of SMS_Driver
{
    CI_ID = 16777304;
    CI_UniqueID = "Driver_16777304";
    LocalizedDisplayName = "Intel(R) Wi-Fi 6E AX211 160MHz";
    DriverClass = "Net";
    DriverVersion = "23.60.0.10";
    DriverProvider = "Intel";
    DriverINFFile = "Netwtw14.inf";
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\Netwtw14";
    IsEnabled = TRUE;
    DriverSigned = TRUE;
    DateCreated = "20261101090000.000000+000";
};

instance of SMS_CIToContent
{
    ContentID = 17304;
    CI_ID = 16777304;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\Netwtw14";
};

instance of SMS_PackageToContent
{
    PackageID = "S0100008";
    ContentID = 17304;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\Netwtw14";
};

instance of SMS_Driver
{
    CI_ID = 16777305;
    CI_UniqueID = "Driver_16777305";
    LocalizedDisplayName = "Synaptics SMBus TouchPad";
    DriverClass = "Mouse";
    DriverVersion = "19.5.35.61";
    DriverProvider = "Synaptics";
    DriverINFFile = "SynPD.inf";
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\SynPD";
    IsEnabled = TRUE;
    DriverSigned = TRUE;
    DateCreated = "20261101090000.000000+000";
};

instance of SMS_CIToContent
{
    ContentID = 17305;
    CI_ID = 16777305;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\SynPD";
};

instance of SMS_PackageToContent
{
    PackageID = "S0100008";
    ContentID = 17305;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\SynPD";
};

instance of SMS_Driver
{
    CI_ID = 16777306;
    CI_UniqueID = "Driver_16777306";
    LocalizedDisplayName = "Lenovo Power Management Driver";
    DriverClass = "System";
    DriverVersion = "1.67.21.11";
    DriverProvider = "Lenovo";
    DriverINFFile = "ibmpmdrv.inf";
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\ibmpmdrv";
    IsEnabled = TRUE;
    DriverSigned = TRUE;
    DateCreated = "20261101090000.000000+000";
};

instance of SMS_CIToContent
{
    ContentID = 17306;
    CI_ID = 16777306;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\ibmpmdrv";
};

instance of SMS_PackageToContent
{
    PackageID = "S0100009";
    ContentID = 17306;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\ibmpmdrv";
};

instance of SMS_Driver
{
    CI_ID = 16777307;
    CI_UniqueID = "Driver_16777307";
    LocalizedDisplayName = "Intel(R) Graphics";
    DriverClass = "Display";
    DriverVersion = "31.0.101.5445";
    DriverProvider = "Intel";
    DriverINFFile = "iigd_dch.inf";
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\iigd_dch";
    IsEnabled = TRUE;
    DriverSigned = TRUE;
    DateCreated = "20261101090000.000000+000";
};

instance of SMS_CIToContent
{
    ContentID = 17307;
    CI_ID = 16777307;
    ContentSourcePath = "\\\\fs01\\sources\\drivers\\raw\\iigd_dch";
};
"""#
}
