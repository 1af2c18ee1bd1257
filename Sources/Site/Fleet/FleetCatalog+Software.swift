// FleetCatalog+Software: the programs, services, server features and people fleets are made of.

/// A product as Add or Remove Programs lists it.
public struct FleetSoftware: Sendable, Hashable {
    /// What the product is, whatever its version (7-Zip, Google Chrome…); a system has at most one of each.
    public let family: String
    /// DisplayName, e.g. 7-Zip 24.08 (x64).
    public let displayName: String
    public let publisher: String
    public let version: String
    /// ProdID / SoftwareCode: the uninstall key, a product code GUID for MSI packages.
    public let productCode: String
    /// In ADD_REMOVE_PROGRAMS_64 when true, ADD_REMOVE_PROGRAMS (the 32-bit view) when false.
    public let is64Bit: Bool
    /// The file software inventory finds for it, if any.
    public let file: FleetSoftwareFile?

    /// Name and version tell catalog entries apart; hashing only them keeps per-product caches cheap.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(displayName)
        hasher.combine(version)
    }
}

/// A file software inventory reports (SoftwareFile).
public struct FleetSoftwareFile: Sendable, Hashable {
    public let fileID: UInt32
    public let fileName: String
    /// Folder, ending in a backslash.
    public let filePath: String
    public let fileSize: UInt32
    public let fileVersion: String
    public let description: String
    public let productID: UInt32
}

/// A Windows service as it is installed; how it is set up on one system is a ``FleetService``.
public struct FleetServiceDefinition: Sendable, Hashable {
    public let name: String
    public let displayName: String
    public let pathName: String
    public let startName: String
    /// Own Process or Share Process.
    public let serviceType: String
}

extension FleetCatalog {
    // MARK: - Software

    private static func app(_ family: String, _ name: String, _ publisher: String, _ version: String, _ code: String,
                            x64: Bool = true, file: FleetSoftwareFile? = nil) -> FleetSoftware {
        FleetSoftware(family: family, displayName: name, publisher: publisher, version: version, productCode: code,
                      is64Bit: x64, file: file)
    }

    private static func file(_ id: UInt32, _ name: String, _ path: String, _ size: UInt32, _ version: String,
                             _ description: String) -> FleetSoftwareFile {
        FleetSoftwareFile(fileID: id, fileName: name, filePath: path, fileSize: size, fileVersion: version,
                          description: description, productID: id / 10)
    }

    public static let configMgrClient = app("Configuration Manager Client", "Configuration Manager Client",
                                            "Microsoft Corporation", "5.00.9132.1000", "{A2F0E2F2-4F43-4C41-A2BB-1A5AC2E4B8B1}")
    public static let configMgrClientOld = app("Configuration Manager Client", "Configuration Manager Client",
                                               "Microsoft Corporation", "5.00.9128.1000", "{8864FB91-94EE-4F16-A144-0D82A232049D}")
    public static let edge = app("Microsoft Edge", "Microsoft Edge", "Microsoft Corporation", "131.0.2903.112", "Microsoft Edge",
                                 x64: false)
    public static let office365 = app("Microsoft 365 Apps", "Microsoft 365 Apps for enterprise - en-us",
                                      "Microsoft Corporation", "16.0.18129.20158", "O365ProPlusRetail - en-us")
    public static let office365Old = app("Microsoft 365 Apps", "Microsoft 365 Apps for enterprise - en-us",
                                         "Microsoft Corporation", "16.0.17928.20286", "O365ProPlusRetail - en-us")
    public static let sevenZip2408 = app("7-Zip", "7-Zip 24.08 (x64)", "Igor Pavlov", "24.08", "7-Zip",
                                         file: file(1030, "7zFM.exe", "C:\\Program Files\\7-Zip\\", 996_352, "24.08", "7-Zip File Manager"))
    public static let sevenZip2301 = app("7-Zip", "7-Zip 23.01 (x64)", "Igor Pavlov", "23.01", "7-Zip",
                                         file: file(1031, "7zFM.exe", "C:\\Program Files\\7-Zip\\", 966_144, "23.01", "7-Zip File Manager"))
    public static let sevenZip1900 = app("7-Zip", "7-Zip 19.00 (x64)", "Igor Pavlov", "19.00", "7-Zip",
                                         file: file(1032, "7zFM.exe", "C:\\Program Files\\7-Zip\\", 862_720, "19.00", "7-Zip File Manager"))
    public static let chrome131 = chrome("131.0.6778.205", "{3B1DEB6F-2C7A-3F38-9A7B-5E23F2A1C1A1}", 1040, 3_195_160)
    public static let chrome130 = chrome("130.0.6723.117", "{6F0A2E4D-8F44-3C4B-8B45-1E5D2B6F2C11}", 1041, 3_177_752)
    public static let chrome126 = chrome("126.0.6478.127", "{0B1C6F2E-5F1D-3B8E-A1C7-8B3E2D5F6A21}", 1042, 3_101_496)
    public static let reader64 = app("Adobe Acrobat Reader", "Adobe Acrobat Reader (64-bit)", "Adobe", "24.005.20320",
                                     "{AC76BA86-1033-FF00-7760-BC15014EA700}",
                                     file: file(1050, "Acrobat.exe", "C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\", 6_311_480,
                                                "24.5.20320.0", "Adobe Acrobat"))
    public static let reader64Old = app("Adobe Acrobat Reader", "Adobe Acrobat Reader (64-bit)", "Adobe", "24.003.20180",
                                        "{AC76BA86-1033-FF00-7760-BC15014EA700}",
                                        file: file(1051, "Acrobat.exe", "C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\", 6_270_520,
                                                   "24.3.20180.0", "Adobe Acrobat"))
    public static let readerDC32 = app("Adobe Acrobat Reader", "Adobe Acrobat Reader DC", "Adobe", "21.011.20039",
                                       "{AC76BA86-7AD7-1033-7B44-AC0F074E4100}", x64: false,
                                       file: file(1052, "AcroRd32.exe", "C:\\Program Files (x86)\\Adobe\\Acrobat Reader DC\\Reader\\",
                                                  3_187_200, "21.11.20039.0", "Adobe Acrobat Reader DC"))
    public static let firefox = app("Mozilla Firefox", "Mozilla Firefox (x64 en-US)", "Mozilla", "133.0.3",
                                    "Mozilla Firefox 133.0.3 (x64 en-US)")
    public static let zoom = app("Zoom Workplace", "Zoom Workplace (64-bit)", "Zoom Video Communications, Inc.", "6.3.52884",
                                 "{F7D9B3A6-4C1E-4B2A-9B1B-6E0D5A2E3C41}")
    public static let notepadPlusPlus = app("Notepad++", "Notepad++ (64-bit x64)", "Notepad++ Team", "8.7.4", "Notepad++")
    public static let java8 = app("Java 8", "Java 8 Update 401", "Oracle Corporation", "8.0.4010.10",
                                  "{26A24AE4-039D-4CA4-87B4-2F32180401F0}", x64: false)
    public static let ciscoVPN = app("Cisco Secure Client", "Cisco Secure Client - AnyConnect VPN", "Cisco Systems, Inc.",
                                     "5.1.6.103", "{0E1B7F77-5A4B-4F0B-9C36-8B2E0A7B9F0C}", x64: false)
    public static let dellCommandUpdate = app("Dell Command | Update", "Dell Command | Update for Windows Universal", "Dell Inc.",
                                              "5.4.0", "{E40C2C69-CA25-4E4A-8F47-C3E4D2C6D6C8}")
    public static let vmwareTools = app("VMware Tools", "VMware Tools", "VMware, Inc.", "12.4.5.23787635",
                                        "{C1A0D2D6-F0B7-4A5B-8A8F-1E2E0B3C4D51}")
    public static let sql2019 = app("SQL Server", "Microsoft SQL Server 2019 (64-bit)", "Microsoft Corporation", "15.0.4410.1",
                                    "Microsoft SQL Server SQLServer2019",
                                    file: file(1060, "sqlservr.exe", "C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\",
                                               491_576, "2019.150.4410.1", "SQL Server Windows NT - 64 Bit"))
    public static let sql2022 = app("SQL Server", "Microsoft SQL Server 2022 (64-bit)", "Microsoft Corporation", "16.0.4165.4",
                                    "Microsoft SQL Server SQLServer2022",
                                    file: file(1061, "sqlservr.exe", "C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\",
                                               526_392, "2022.160.4165.4", "SQL Server Windows NT - 64 Bit"))
    public static let ssms = app("SQL Server Management Studio", "Microsoft SQL Server Management Studio - 20.2",
                                 "Microsoft Corporation", "20.2.30.0", "{1B8CFC46-1F08-4DA7-9FEA-E1F523FBD67F}", x64: false)
    public static let dotnetHosting = app(".NET Hosting Bundle", "Microsoft .NET 8.0.11 - Windows Server Hosting",
                                          "Microsoft Corporation", "8.0.11.24521", "{4A8D5AA1-4B2E-4F4E-8A59-0E3A6B1C7D91}", x64: false)

    private static func chrome(_ version: String, _ code: String, _ id: UInt32, _ size: UInt32) -> FleetSoftware {
        app("Google Chrome", "Google Chrome", "Google LLC", version, code,
            file: file(id, "chrome.exe", "C:\\Program Files\\Google\\Chrome\\Application\\", size, version, "Google Chrome"))
    }

    /// Where installers are kept; INSTALLED_SOFTWARE.InstallSource names a folder under it.
    static let installSourceRoot = "\\\\fs01\\sources\\apps\\"

    // MARK: - Services

    private static func service(_ name: String, _ display: String, _ path: String, as account: String = "LocalSystem",
                                shared: Bool = false) -> FleetServiceDefinition {
        FleetServiceDefinition(name: name, displayName: display, pathName: path, startName: account,
                               serviceType: shared ? "Share Process" : "Own Process")
    }

    public static let ccmExec = service("CcmExec", "SMS Agent Host", "C:\\WINDOWS\\CCM\\CcmExec.exe")
    public static let spooler = service("Spooler", "Print Spooler", "C:\\WINDOWS\\System32\\spoolsv.exe")
    public static let winRM = service("WinRM", "Windows Remote Management (WS-Management)",
                                      "C:\\WINDOWS\\System32\\svchost.exe -k NetworkService -p", as: "NT AUTHORITY\\NetworkService", shared: true)
    public static let lanmanServer = service("LanmanServer", "Server", "C:\\WINDOWS\\system32\\svchost.exe -k netsvcs -p", shared: true)
    public static let vmTools = service("VMTools", "VMware Tools", "\"C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe\"")
    public static let hyperVHeartbeat = service("vmicheartbeat", "Hyper-V Heartbeat Service",
                                                "C:\\WINDOWS\\system32\\svchost.exe -k ICService -p", shared: true)
    public static let vpnAgent = service("csc_vpnagent", "Cisco Secure Client - AnyConnect VPN Agent",
                                         "\"C:\\Program Files (x86)\\Cisco\\Cisco Secure Client\\csc_vpnagent.exe\"")
    public static let sqlServer2019 = service("MSSQLSERVER", "SQL Server (MSSQLSERVER)",
                                              "\"C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe\" -sMSSQLSERVER",
                                              as: "CONTOSO\\svc_sql")
    public static let sqlServer2022 = service("MSSQLSERVER", "SQL Server (MSSQLSERVER)",
                                              "\"C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe\" -sMSSQLSERVER",
                                              as: "CONTOSO\\svc_sql")
    public static let sqlAgent2019 = service("SQLSERVERAGENT", "SQL Server Agent (MSSQLSERVER)",
                                             "\"C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\SQLAGENT.EXE\" -i MSSQLSERVER",
                                             as: "CONTOSO\\svc_sql")
    public static let sqlAgent2022 = service("SQLSERVERAGENT", "SQL Server Agent (MSSQLSERVER)",
                                             "\"C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\SQLAGENT.EXE\" -i MSSQLSERVER",
                                             as: "CONTOSO\\svc_sql")
    public static let iis = service("W3SVC", "World Wide Web Publishing Service",
                                    "C:\\WINDOWS\\system32\\svchost.exe -k iissvcs", shared: true)
    public static let ntds = service("NTDS", "Active Directory Domain Services", "C:\\WINDOWS\\System32\\lsass.exe", shared: true)
    public static let dns = service("DNS", "DNS Server", "C:\\WINDOWS\\system32\\dns.exe")

    // MARK: - Server features (Win32_ServerFeature IDs)

    static let baseFeatures: [FleetServerFeature] = [
        .init(id: 481, name: "File and Storage Services", parentID: 0), .init(id: 482, name: "Storage Services", parentID: 481),
        .init(id: 417, name: ".NET Framework 4.8 Features", parentID: 0), .init(id: 418, name: ".NET Framework 4.8", parentID: 417),
        .init(id: 412, name: "Windows PowerShell", parentID: 0), .init(id: 413, name: "Windows PowerShell 5.1", parentID: 412),
    ]
    static let fileServerFeatures: [FleetServerFeature] = [
        .init(id: 487, name: "File and iSCSI Services", parentID: 481), .init(id: 5, name: "File Server", parentID: 487),
    ]
    static let webServerFeatures: [FleetServerFeature] = [
        .init(id: 2, name: "Web Server (IIS)", parentID: 0), .init(id: 3, name: "Web Server", parentID: 2),
    ]
    static let domainControllerFeatures: [FleetServerFeature] = [
        .init(id: 110, name: "Active Directory Domain Services", parentID: 0), .init(id: 13, name: "DNS Server", parentID: 0),
    ]

    // MARK: - People

    static let firstNames = [
        "Jane", "Alice", "Ben", "Carlos", "Diana", "Erik", "Fatima", "George", "Hannah", "Ivan", "Julia", "Kenji", "Laura",
        "Mohammed", "Nina", "Oscar", "Priya", "Quentin", "Rosa", "Samuel", "Tara", "Umar", "Vera", "William", "Xia",
        "Yusuf", "Zoe", "Aaron", "Beatrice", "Chen", "Daniel", "Elena", "Felix", "Grace", "Hiro", "Isabel", "Jonas",
        "Katarina", "Liam", "Maya", "Noah", "Olivia", "Pablo", "Ruth", "Sofia", "Thomas", "Ursula", "Victor", "Wen",
    ]
    static let lastNames = [
        "Doe", "Smith", "Wong", "Garcia", "Miller", "Johansson", "Khan", "Brown", "Schmidt", "Petrov", "Rossi", "Tanaka",
        "Martin", "Ali", "Novak", "Fischer", "Patel", "Dubois", "Silva", "Cohen", "Nguyen", "Hassan", "Kowalski",
        "Taylor", "Li", "Yilmaz", "Murphy", "Adams", "Berg", "Chang", "Davies", "Evans", "Ferreira", "Gupta", "Hughes",
        "Ito", "Jensen", "Kim", "Larsen", "Moreau", "Nielsen", "O'Brien", "Park", "Quinn", "Reyes", "Sato", "Torres",
    ]
    public static let departments = ["Finance", "HR", "Engineering", "Sales", "Marketing", "IT", "Operations", "Legal"]
    /// The user groups every fleet has, in ResourceID order: Domain Users first, then the departments, then the rest.
    public static let userGroupNames = ["Domain Users", "Domain Admins"] + departments
        + ["Helpdesk", "SQL Admins", "VPN Users", "Staff HQ", "Staff Branch", "Staff London"]
}
