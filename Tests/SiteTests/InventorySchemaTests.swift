// The discovery and inventory classes: SMS_R_User and SMS_R_UserGroup beside SMS_R_System, and the
// SMS_G_System_* classes with ConfigMgr's property names, keys and the indexed ResourceID joins rely on.
import Testing
import CIM
@testable import Site

/// Every class the inventory schema adds.
let inventoryClasses: [CIMName] = [
    "SMS_R_User", "SMS_R_UserGroup",
    "SMS_G_System_OPERATING_SYSTEM", "SMS_G_System_COMPUTER_SYSTEM", "SMS_G_System_COMPUTER_SYSTEM_PRODUCT",
    "SMS_G_System_PC_BIOS", "SMS_G_System_SYSTEM_ENCLOSURE", "SMS_G_System_PROCESSOR", "SMS_G_System_X86_PC_MEMORY",
    "SMS_G_System_LOGICAL_DISK", "SMS_G_System_DISK", "SMS_G_System_NETWORK_ADAPTER_CONFIGURATION", "SMS_G_System_SYSTEM",
    "SMS_G_System_SYSTEM_CONSOLE_USAGE", "SMS_G_System_WORKSTATION_STATUS",
    "SMS_G_System_ADD_REMOVE_PROGRAMS", "SMS_G_System_ADD_REMOVE_PROGRAMS_64", "SMS_G_System_INSTALLED_SOFTWARE",
    "SMS_G_System_SERVICE", "SMS_G_System_SERVER_FEATURE", "SMS_G_System_QUICK_FIX_ENGINEERING",
    "SMS_G_System_SoftwareFile",
]

@Suite struct InventorySchemaTests {
    let repo: CIMRepository

    init() throws {
        repo = CIMRepository()
        for part in SiteSchema.parts { _ = try MOFCompiler.compile(part.text, fileName: part.name, into: repo) }
    }

    func cimClass(_ name: CIMName) throws -> CIMClass {
        try #require(repo.cimClass(named: name), "class \(name) is missing")
    }

    @Test func usersAndGroupsAreResourcesBesideSystems() throws {
        for name: CIMName in ["SMS_R_System", "SMS_R_User", "SMS_R_UserGroup"] {
            let cls = try cimClass(name)
            #expect(cls.isSubclass(of: "SMS_Resource"), "\(name)")
            #expect(cls.keyProperties.map(\.name) == ["ResourceID"], "\(name)")
            #expect(cls.property(named: "ResourceID")?.classOrigin == "SMS_Resource")
        }
        #expect(try cimClass("SMS_R_User").property(named: "ResourceType")?.defaultValue == .uint32(4))
        #expect(try cimClass("SMS_R_UserGroup").property(named: "ResourceType")?.defaultValue == .uint32(3))
        #expect(Set(try repo.subclasses(of: "SMS_Resource").map(\.name)) == ["SMS_R_System", "SMS_R_User", "SMS_R_UserGroup"])
    }

    @Test func hardwareInventoryIsKeyedByResourceAndGroup() throws {
        for name in inventoryClasses where name.string.hasPrefix("SMS_G_") && name != "SMS_G_System_SoftwareFile" {
            let cls = try cimClass(name)
            #expect(cls.superclass == nil, "\(name)")
            #expect(cls.keyProperties.map(\.name) == ["ResourceID", "GroupID"], "keys of \(name)")
            #expect(cls.property(named: "ResourceID")?.qualifiers.isIndexed == true, "\(name).ResourceID is [Indexed]")
            for (property, type) in [("ResourceID", CIMType.uint32), ("GroupID", .uint32), ("RevisionID", .uint32),
                                     ("TimeStamp", .datetime), ("AgentID", .uint32)] {
                #expect(cls.property(named: CIMName(property))?.type == type, "\(name).\(property)")
            }
            #expect(repo.isIndexed("ResourceID", of: name), "a join on \(name).ResourceID uses an index")
        }
        // Software inventory's files are keyed by resource and file instead.
        let files = try cimClass("SMS_G_System_SoftwareFile")
        #expect(files.keyProperties.map(\.name) == ["ResourceID", "FileID"])
        #expect(files.property(named: "GroupID") == nil)
    }

    @Test func propertiesHaveConfigMgrsNamesAndTypes() throws {
        let types: [(CIMName, CIMName, CIMType)] = [
            ("SMS_R_User", "UserName", .string), ("SMS_R_User", "UserGroupName", CIMType.string.arrayType),
            ("SMS_R_User", "UserOUName", CIMType.string.arrayType), ("SMS_R_User", "AgentTime", CIMType.datetime.arrayType),
            ("SMS_R_UserGroup", "UniqueUsergroupName", .string), ("SMS_R_UserGroup", "ADDomainName", .string),
            ("SMS_R_System", "Build", .string), ("SMS_R_System", "FullDomainName", .string),
            ("SMS_G_System_OPERATING_SYSTEM", "Caption", .string), ("SMS_G_System_OPERATING_SYSTEM", "BuildNumber", .string),
            ("SMS_G_System_OPERATING_SYSTEM", "InstallDate", .datetime), ("SMS_G_System_OPERATING_SYSTEM", "LastBootUpTime", .datetime),
            ("SMS_G_System_OPERATING_SYSTEM", "OperatingSystemSKU", .uint32),
            ("SMS_G_System_OPERATING_SYSTEM", "TotalVisibleMemorySize", .uint32),
            ("SMS_G_System_COMPUTER_SYSTEM", "Roles", CIMType.string.arrayType),
            ("SMS_G_System_COMPUTER_SYSTEM", "TotalPhysicalMemory", .uint64),
            ("SMS_G_System_COMPUTER_SYSTEM_PRODUCT", "UUID", .string), ("SMS_G_System_PC_BIOS", "ReleaseDate", .datetime),
            ("SMS_G_System_PC_BIOS", "SMBIOSBIOSVersion", .string),
            ("SMS_G_System_SYSTEM_ENCLOSURE", "ChassisTypes", CIMType.uint32.arrayType),
            ("SMS_G_System_PROCESSOR", "NumberOfCores", .uint32), ("SMS_G_System_PROCESSOR", "Is64Bit", .boolean),
            ("SMS_G_System_X86_PC_MEMORY", "TotalPhysicalMemory", .uint32),
            ("SMS_G_System_LOGICAL_DISK", "FreeSpace", .uint32), ("SMS_G_System_LOGICAL_DISK", "DriveType", .uint32),
            ("SMS_G_System_DISK", "Size", .uint32), ("SMS_G_System_DISK", "InterfaceType", .string),
            ("SMS_G_System_NETWORK_ADAPTER_CONFIGURATION", "IPAddress", CIMType.string.arrayType),
            ("SMS_G_System_NETWORK_ADAPTER_CONFIGURATION", "DefaultIPGateway", CIMType.string.arrayType),
            ("SMS_G_System_NETWORK_ADAPTER_CONFIGURATION", "DHCPEnabled", .boolean),
            ("SMS_G_System_ADD_REMOVE_PROGRAMS", "InstallDate", .string),
            ("SMS_G_System_ADD_REMOVE_PROGRAMS_64", "DisplayName", .string),
            ("SMS_G_System_INSTALLED_SOFTWARE", "InstallDate", .datetime),
            ("SMS_G_System_INSTALLED_SOFTWARE", "ProductVersion", .string),
            ("SMS_G_System_INSTALLED_SOFTWARE", "VersionMajor", .uint32),
            ("SMS_G_System_SERVICE", "StartMode", .string), ("SMS_G_System_SERVICE", "Started", .boolean),
            ("SMS_G_System_SERVER_FEATURE", "ID", .uint32), ("SMS_G_System_QUICK_FIX_ENGINEERING", "HotFixID", .string),
            ("SMS_G_System_SYSTEM_CONSOLE_USAGE", "TotalConsoleTime", .uint32),
            ("SMS_G_System_SYSTEM_CONSOLE_USAGE", "SecurityLogStartDate", .datetime),
            ("SMS_G_System_WORKSTATION_STATUS", "LastHardwareScan", .datetime),
            ("SMS_G_System_SoftwareFile", "FileSize", .uint32), ("SMS_G_System_SoftwareFile", "ModifiedDate", .datetime),
            ("SMS_G_System_SYSTEM", "SystemRole", .string),
        ]
        for (className, name, type) in types {
            let property = try #require(try cimClass(className).property(named: name), "\(className).\(name) is missing")
            #expect(property.type == type, "\(className).\(name)")
        }
    }

    @Test func namesIgnoreCaseAsWMIDoes() throws {
        #expect(repo.cimClass(named: "sms_g_system_operating_system")?.name == "SMS_G_System_OPERATING_SYSTEM")
        #expect(repo.cimClass(named: "SMS_G_SYSTEM_SOFTWAREFILE")?.name.string == "SMS_G_System_SoftwareFile")
        #expect(try cimClass("SMS_G_System_OPERATING_SYSTEM").property(named: "caption")?.name.string == "Caption")
    }
}
