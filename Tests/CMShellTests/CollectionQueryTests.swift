// Collection membership queries as ConfigMgr admins write them, run through the Engine on a generated fleet of
// 2,000 systems, each checked against an answer computed in Swift from the fleet model — never from the query
// engine. Joins of two to four classes, array properties, IS IN / IS NOT IN, DATEDIFF and DATEADD against
// GetDate() (the site clock), NOT IN subselects, version strings, disks, memory, chassis types, users and groups.
import Foundation
import Testing
@testable import CMShell

/// The fleet every case runs on, and the model its answers come from.
enum QueryFleet {
    static let now = try! CIMDateTime(parsing: "20261126090000.000000+000")
    static let systems = 2_000
    static let seed: UInt64 = 7
    static let fleet = FleetGenerator.generate(systems: systems, seed: seed, now: now)

    /// A fresh engine on that fleet (the demo site is built once per clock and copied).
    static func engine() throws -> Engine {
        try Engine(site: .demo(systems: systems, seed: seed), clock: SiteClock(fixedAt: now))
    }

    static let microsPerDay: Int64 = 86_400_000_000

    /// DATEDIFF(unit, date, GetDate()) as SQL Server counts it (ConfigMgr runs collection queries there): the
    /// number of unit boundaries crossed, not whole units elapsed.
    static func boundaries(_ unit: Int64, since date: CIMDateTime?) -> Int64? {
        guard let date else { return nil }
        func index(_ t: Int64) -> Int64 { t >= 0 ? t / unit : (t - unit + 1) / unit }
        return index(now.utcMicroseconds) - index(date.utcMicroseconds)
    }

    static func days(since date: CIMDateTime?) -> Int64? { boundaries(microsPerDay, since: date) }
}

extension FleetSystem {
    var reporting: FleetInventory? { inventory }
    func has(_ predicate: (FleetSoftware) -> Bool) -> Bool { inventory?.software.contains { predicate($0.software) } ?? false }
    func installs(_ predicate: (FleetSoftware) -> Bool) -> [FleetInstall] { inventory?.software.filter { predicate($0.software) } ?? [] }
    func service(_ name: String) -> FleetService? { inventory?.services.first { $0.definition.name == name } }
    var memoryKB: UInt32 { hardware.memoryKB }
}

extension String {
    func hasPrefixIgnoringCase(_ p: String) -> Bool { lowercased().hasPrefix(p.lowercased()) }
    func hasSuffixIgnoringCase(_ p: String) -> Bool { lowercased().hasSuffix(p.lowercased()) }
}

/// One query and the resources it must return.
struct CollectionQuery: Sendable, CustomTestStringConvertible {
    let id: String
    let wql: String
    let expected: @Sendable (Fleet) -> Set<UInt32>
    var testDescription: String { id }

    /// A query whose members are the systems for which `member` holds.
    static func systems(_ id: String, _ wql: String, _ member: @escaping @Sendable (FleetSystem) -> Bool) -> CollectionQuery {
        CollectionQuery(id: id, wql: wql) { Set($0.systems.filter(member).map(\.resourceID)) }
    }

    /// A query whose members are the users for which `member` holds.
    static func users(_ id: String, _ wql: String, _ member: @escaping @Sendable (FleetUser) -> Bool) -> CollectionQuery {
        CollectionQuery(id: id, wql: wql) { Set($0.users.filter(member).map(\.resourceID)) }
    }
}

/// `select SMS_R_System.ResourceID, SMS_R_System.Name from SMS_R_System inner join <Class> on …ResourceID = …`
private func joined(_ classes: [String], where condition: String) -> String {
    var text = "select SMS_R_System.ResourceID, SMS_R_System.Name from SMS_R_System"
    for c in classes { text += " inner join \(c) on \(c).ResourceID = SMS_R_System.ResourceId" }
    return text + " where " + condition
}

private let OS = "SMS_G_System_OPERATING_SYSTEM", ARP = "SMS_G_System_ADD_REMOVE_PROGRAMS",
    ARP64 = "SMS_G_System_ADD_REMOVE_PROGRAMS_64", SOFTWARE = "SMS_G_System_INSTALLED_SOFTWARE",
    SERVICE = "SMS_G_System_SERVICE", DISK = "SMS_G_System_LOGICAL_DISK", MEMORY = "SMS_G_System_X86_PC_MEMORY",
    COMPUTER = "SMS_G_System_COMPUTER_SYSTEM", PRODUCT = "SMS_G_System_COMPUTER_SYSTEM_PRODUCT",
    ENCLOSURE = "SMS_G_System_SYSTEM_ENCLOSURE", BIOS = "SMS_G_System_PC_BIOS", CPU = "SMS_G_System_PROCESSOR",
    STATUS = "SMS_G_System_WORKSTATION_STATUS", FEATURE = "SMS_G_System_SERVER_FEATURE",
    CONSOLE = "SMS_G_System_SYSTEM_CONSOLE_USAGE", ADAPTER = "SMS_G_System_NETWORK_ADAPTER_CONFIGURATION",
    FILE = "SMS_G_System_SoftwareFile"

private let now = QueryFleet.now.utcMicroseconds
private let day = QueryFleet.microsPerDay

@Suite struct CollectionQueryTests {
    static let cases: [CollectionQuery] = [
        // MARK: Array properties where a scalar is expected: any element satisfies the predicate
        .systems("heartbeat-in-3-days", "select * from SMS_R_System where DATEDIFF(day, AgentTime, GetDate()) < 3") { s in
            let times = s.hasClient ? [s.lastHeartbeat ?? s.lastADDiscovery, s.lastADDiscovery] : [s.lastADDiscovery]
            return times.contains { (QueryFleet.days(since: $0) ?? .max) < 3 }
        },
        .systems("heartbeat-agent-and-time", #"select * from SMS_R_System where AgentName = "Heartbeat Discovery" and DATEDIFF(dd, AgentTime, GetDate()) >= 60"#) { s in
            let times = s.hasClient ? [s.lastHeartbeat ?? s.lastADDiscovery, s.lastADDiscovery] : [s.lastADDiscovery]
            return s.hasClient && times.contains { (QueryFleet.days(since: $0) ?? .min) >= 60 }
        },
        .systems("lower-of-an-array", #"select * from SMS_R_System where lower(SystemOUName) = "contoso.com/servers""#) { s in
            s.ouNames.contains { $0.lowercased() == "contoso.com/servers" }
        },
        // MARK: Operating system (joins on ResourceID)
        .systems("win11-caption", joined([OS], where: #"SMS_G_System_OPERATING_SYSTEM.Caption like "%Windows 11%""#)) {
            $0.inventory != nil && $0.os.caption.contains("Windows 11")
        },
        .systems("win11-logged-on-in-30-days", joined([OS], where: #"SMS_G_System_OPERATING_SYSTEM.Caption like "%Windows 11%" and DATEDIFF(dd, SMS_R_System.LastLogonTimestamp, GetDate()) < 30"#)) {
            $0.inventory != nil && $0.os.isWindows11 && (QueryFleet.days(since: $0.lastLogon) ?? .max) < 30
        },
        .systems("win10-22h2-version", joined([OS], where: #"SMS_G_System_OPERATING_SYSTEM.Version = "10.0.19045""#)) {
            $0.inventory != nil && $0.os.version == "10.0.19045"
        },
        .systems("workstation-builds-in-list", joined([OS], where: #"SMS_G_System_OPERATING_SYSTEM.BuildNumber in ("22631", "26100") and SMS_G_System_OPERATING_SYSTEM.ProductType = 1"#)) {
            $0.inventory != nil && ["22631", "26100"].contains($0.os.buildNumber) && $0.os.productType == 1
        },
        .systems("os-installed-in-the-last-year", joined([OS], where: #"SMS_G_System_OPERATING_SYSTEM.InstallDate > DATEADD(dd, -365, GetDate())"#)) {
            ($0.inventory?.installDate.utcMicroseconds ?? .min) > now - 365 * day
        },
        .systems("missing-the-current-cumulative-update", joined([OS], where: #"SMS_G_System_OPERATING_SYSTEM.BuildNumber = "26100" and SMS_R_System.ResourceID not in (select ResourceID from SMS_G_System_QUICK_FIX_ENGINEERING where HotFixID = "KB5048667")"#)) {
            guard let inv = $0.inventory else { return false }
            return $0.os.buildNumber == "26100" && !inv.hotfixes.contains { $0.hotFixID == "KB5048667" }
        },

        // MARK: Discovery properties, arrays and lists
        .systems("server-os-from-discovery", #"select ResourceID from SMS_R_System where OperatingSystemNameandVersion like "%Server%""#) {
            $0.os.nameAndVersion.contains("Server")
        },
        .systems("workstation-clients", #"select ResourceID from SMS_R_System where OperatingSystemNameandVersion like "Microsoft Windows NT Workstation%" and Client = 1 and Obsolete = 0"#) {
            $0.os.nameAndVersion.hasPrefix("Microsoft Windows NT Workstation") && $0.hasClient && !$0.isObsolete
        },
        .systems("subnet-equals-any-element", #"select ResourceID from SMS_R_System where SMS_R_System.IPSubnets = "10.1.0.0""#) {
            $0.ipSubnets.contains("10.1.0.0")
        },
        .systems("subnet-like", #"select ResourceID from SMS_R_System where IPSubnets like "10.2.%""#) {
            $0.ipSubnets.contains { $0.hasPrefix("10.2.") }
        },
        .systems("address-like", #"select ResourceID from SMS_R_System where IPAddresses like "10.3.1.%""#) {
            $0.ipAddresses.contains { $0.hasPrefix("10.3.1.") }
        },
        .systems("backup-network-second-element", #"select ResourceID from SMS_R_System where IPSubnets = "192.168.100.0""#) {
            $0.ipSubnets.contains("192.168.100.0")
        },
        .systems("ou-like-servers", #"select ResourceID from SMS_R_System where SystemOUName like "%/SERVERS""#) {
            $0.ouNames.contains { $0.hasSuffixIgnoringCase("/SERVERS") }
        },
        .systems("ou-equals-ignoring-case", #"select ResourceID from SMS_R_System where SystemOUName = "contoso.com/workstations/hq""#) {
            $0.ouNames.contains("CONTOSO.COM/WORKSTATIONS/HQ")
        },
        .systems("ou-is-in", #"select ResourceID from SMS_R_System where SystemOUName is in ("CONTOSO.COM/WORKSTATIONS/LONDON", "CONTOSO.COM/WORKSTATIONS/BRANCH")"#) {
            $0.ouNames.contains { ["CONTOSO.COM/WORKSTATIONS/LONDON", "CONTOSO.COM/WORKSTATIONS/BRANCH"].contains($0) }
        },
        .systems("system-group", #"select ResourceID from SMS_R_System where SystemGroupName = "CONTOSO\\SQL Servers""#) {
            $0.groupNames.contains("CONTOSO\\SQL Servers")
        },
        .systems("ad-site-in-list", #"select ResourceID from SMS_R_System where ADSiteName in ("Branch", "London") and Client = 1"#) {
            ["Branch", "London"].contains($0.adSite.name) && $0.hasClient
        },
        .systems("assigned-site", #"select ResourceID from SMS_R_System where SMSAssignedSites = "S02""#) {
            $0.assignedSite == "S02"
        },
        .systems("no-client", #"select ResourceID from SMS_R_System where Client is null or Client = 0"#) { !$0.hasClient },
        .systems("obsolete", #"select ResourceID from SMS_R_System where Obsolete = 1"#) { $0.isObsolete },
        .systems("healthy-clients", #"select ResourceID from SMS_R_System where Client = 1 and Active = 1 and Obsolete = 0"#) {
            $0.hasClient && $0.isActive && !$0.isObsolete
        },
        .systems("virtual-machines", #"select ResourceID from SMS_R_System where IsVirtualMachine = "True""#) {
            $0.hasClient && $0.hardware.model.isVirtual
        },
        .systems("build-is-not-in", #"select ResourceID from SMS_R_System where Client = 1 and OperatingSystemNameandVersion like "%Workstation%" and Build is not in ("10.0.26100", "10.0.22631")"#) {
            $0.hasClient && $0.os.nameAndVersion.contains("Workstation") && !["10.0.26100", "10.0.22631"].contains($0.os.version)
        },
        .systems("patched-build-revision", #"select ResourceID from SMS_R_System where BuildExt like "%.2605""#) {
            $0.hasClient && ($0.inventory?.buildRevision ?? $0.os.currentRevision) == 2605
        },
        .systems("lower-case-class-and-properties", #"select sms_r_system.resourceid from sms_r_system where sms_r_system.name like "pc-00%""#) {
            $0.name.hasPrefix("PC-00")
        },

        // MARK: Dates against the site clock
        .systems("stale-logon-datediff", #"select ResourceID from SMS_R_System where DATEDIFF(dd, LastLogonTimestamp, GetDate()) > 90"#) {
            (QueryFleet.days(since: $0.lastLogon) ?? .min) > 90
        },
        .systems("stale-logon-dateadd", #"select ResourceID from SMS_R_System where LastLogonTimestamp < DATEADD(dd, -60, GetDate())"#) {
            ($0.lastLogon?.utcMicroseconds ?? .max) < now - 60 * day
        },
        .systems("logged-on-in-the-last-three-months", #"select ResourceID from SMS_R_System where LastLogonTimestamp >= DATEADD(mm, -3, GetDate())"#) {
            ($0.lastLogon ?? .init(utcMicroseconds: .min)) >= (try! CIMDateTime(year: 2026, month: 8, day: 26, hour: 9))
        },
        .systems("logged-on-in-a-day-of-hours", #"select ResourceID from SMS_R_System where DATEDIFF(hh, SMS_R_System.LastLogonTimestamp, GetDate()) <= 24"#) {
            (QueryFleet.boundaries(3_600_000_000, since: $0.lastLogon) ?? .max) <= 24
        },
        .systems("hardware-scan-older-than-a-week", joined([STATUS], where: #"DATEDIFF(day, SMS_G_System_WORKSTATION_STATUS.LastHardwareScan, GetDate()) > 7"#)) {
            (QueryFleet.days(since: $0.inventory?.lastHardwareScan) ?? .min) > 7
        },

        // MARK: Software
        .systems("without-7-zip-not-in-subselect", #"select ResourceID from SMS_R_System where Client = 1 and ResourceID not in (select ResourceID from SMS_G_System_ADD_REMOVE_PROGRAMS_64 where DisplayName like "7-Zip%")"#) {
            $0.hasClient && !$0.has { $0.family == "7-Zip" }
        },
        .systems("7-zip-older-than-24.08", joined([ARP64], where: #"SMS_G_System_ADD_REMOVE_PROGRAMS_64.DisplayName like "7-Zip%" and SMS_G_System_ADD_REMOVE_PROGRAMS_64.Version < "24.08""#)) {
            $0.has { $0.family == "7-Zip" && $0.version < "24.08" }
        },
        .systems("7-zip-installed-since-june", joined([ARP64], where: #"SMS_G_System_ADD_REMOVE_PROGRAMS_64.DisplayName like "7-Zip%" and SMS_G_System_ADD_REMOVE_PROGRAMS_64.InstallDate >= "20260601""#)) {
            !$0.installs { $0.family == "7-Zip" }.filter { $0.installDate.year * 10_000 + $0.installDate.month * 100 + $0.installDate.day >= 20_260_601 }.isEmpty
        },
        .systems("chrome-not-current", joined([SOFTWARE], where: #"SMS_G_System_INSTALLED_SOFTWARE.ProductName = "Google Chrome" and SMS_G_System_INSTALLED_SOFTWARE.ProductVersion <> "131.0.6778.205""#)) {
            $0.has { $0.family == "Google Chrome" && $0.version != "131.0.6778.205" }
        },
        .systems("reader-dc-32-bit", joined([ARP], where: #"SMS_G_System_ADD_REMOVE_PROGRAMS.DisplayName = "Adobe Acrobat Reader DC""#)) {
            $0.has { $0.displayName == "Adobe Acrobat Reader DC" && !$0.is64Bit }
        },
        .systems("java-on-windows-10-three-classes", joined([ARP, OS], where: #"SMS_G_System_ADD_REMOVE_PROGRAMS.DisplayName like "Java 8%" and SMS_G_System_OPERATING_SYSTEM.Caption like "%Windows 10%""#)) {
            $0.has { $0.family == "Java 8" } && $0.os.caption.contains("Windows 10")
        },
        .systems("old-chrome-by-file", joined([FILE], where: #"SMS_G_System_SoftwareFile.FileName = "chrome.exe" and SMS_G_System_SoftwareFile.FileVersion like "126.%""#)) {
            $0.has { $0.file?.fileName == "chrome.exe" && $0.version.hasPrefix("126.") }
        },

        // MARK: Services and features
        .systems("sql-server-running", joined([SERVICE], where: #"SMS_G_System_SERVICE.Name = "MSSQLSERVER" and SMS_G_System_SERVICE.State = "Running""#)) {
            $0.service("MSSQLSERVER")?.state == "Running"
        },
        .systems("sql-agent-not-running", joined([SERVICE], where: #"SMS_G_System_SERVICE.Name = "SQLSERVERAGENT" and SMS_G_System_SERVICE.State <> "Running""#)) {
            $0.service("SQLSERVERAGENT").map { $0.state != "Running" } ?? false
        },
        .systems("spooler-running-on-member-servers-three-classes", joined([SERVICE, OS], where: #"SMS_G_System_SERVICE.Name = "Spooler" and SMS_G_System_SERVICE.State = "Running" and SMS_G_System_OPERATING_SYSTEM.ProductType = 3"#)) {
            $0.service("Spooler")?.state == "Running" && $0.os.productType == 3
        },
        .systems("web-servers-is-in-subselect", #"select ResourceID from SMS_R_System where ResourceID is in (select ResourceID from SMS_G_System_SERVICE where Name = "W3SVC")"#) {
            $0.service("W3SVC") != nil
        },
        .systems("iis-feature", joined([FEATURE], where: #"SMS_G_System_SERVER_FEATURE.Name = "Web Server (IIS)""#)) {
            $0.inventory?.serverFeatures.contains { $0.name == "Web Server (IIS)" } ?? false
        },
        .systems("disabled-services-distinct", "select distinct SMS_R_System.ResourceID from SMS_R_System inner join SMS_G_System_SERVICE on SMS_G_System_SERVICE.ResourceID = SMS_R_System.ResourceID where SMS_G_System_SERVICE.StartMode = \"Disabled\"") {
            $0.inventory?.services.contains { $0.startMode == "Disabled" } ?? false
        },

        // MARK: Hardware
        .systems("c-drive-under-10-gb-free", joined([DISK], where: #"SMS_G_System_LOGICAL_DISK.DeviceID = "C:" and SMS_G_System_LOGICAL_DISK.FreeSpace < 10240"#)) {
            $0.inventory?.logicalDisks.contains { $0.deviceID == "C:" && $0.freeMB < 10_240 } ?? false
        },
        .systems("volumes-over-a-terabyte", joined([DISK], where: #"SMS_G_System_LOGICAL_DISK.Size > 1000000"#)) {
            $0.inventory?.logicalDisks.contains { $0.sizeMB > 1_000_000 } ?? false
        },
        .systems("memory-under-16-gb", joined([MEMORY], where: #"SMS_G_System_X86_PC_MEMORY.TotalPhysicalMemory < 16000000"#)) {
            $0.inventory != nil && $0.memoryKB < 16_000_000
        },
        .systems("memory-over-30-gb-in-bytes", joined([COMPUTER], where: #"SMS_G_System_COMPUTER_SYSTEM.TotalPhysicalMemory >= 30000000000"#)) {
            $0.inventory != nil && UInt64($0.memoryKB) * 1024 >= 30_000_000_000
        },
        .systems("laptops-by-chassis-type", joined([ENCLOSURE], where: #"SMS_G_System_SYSTEM_ENCLOSURE.ChassisTypes in ("8", "9", "10", "14")"#)) {
            $0.inventory != nil && [8, 9, 10, 14].contains($0.hardware.model.chassisType)
        },
        .systems("dell-latitudes", joined([COMPUTER], where: #"SMS_G_System_COMPUTER_SYSTEM.Manufacturer = "Dell Inc." and SMS_G_System_COMPUTER_SYSTEM.Model like "Latitude%""#)) {
            $0.inventory != nil && $0.hardware.model.manufacturer == "Dell Inc." && $0.hardware.model.model.hasPrefix("Latitude")
        },
        .systems("thinkpads-by-product-version", joined([PRODUCT], where: #"SMS_G_System_COMPUTER_SYSTEM_PRODUCT.Version like "ThinkPad%""#)) {
            $0.inventory != nil && $0.hardware.model.productVersion.hasPrefix("ThinkPad")
        },
        .systems("hyper-v-guests", joined([COMPUTER], where: #"SMS_G_System_COMPUTER_SYSTEM.Model = "Virtual Machine""#)) {
            $0.inventory != nil && $0.hardware.model == FleetCatalog.hyperVVM
        },
        .systems("old-bios-three-classes", joined([BIOS, COMPUTER], where: #"SMS_G_System_PC_BIOS.SMBIOSBIOSVersion = "1.10.0" and SMS_G_System_COMPUTER_SYSTEM.Model = "Latitude 7440""#)) {
            $0.inventory != nil && $0.hardware.model == FleetCatalog.latitude7440 && $0.hardware.biosVersion == "1.10.0"
        },
        .systems("eight-cores-or-more", joined([CPU], where: #"SMS_G_System_PROCESSOR.NumberOfCores >= 8"#)) {
            $0.inventory != nil && $0.hardware.coresPerSocket >= 8
        },
        .systems("upper-case-names", "SELECT SMS_R_SYSTEM.RESOURCEID FROM SMS_R_SYSTEM INNER JOIN SMS_G_SYSTEM_COMPUTER_SYSTEM ON SMS_G_SYSTEM_COMPUTER_SYSTEM.RESOURCEID = SMS_R_SYSTEM.RESOURCEID WHERE SMS_G_SYSTEM_COMPUTER_SYSTEM.MANUFACTURER = \"LENOVO\"") {
            $0.inventory != nil && $0.hardware.model.manufacturer == "LENOVO"
        },
        .systems("four-classes-win11-dell-short-of-space", joined([OS, COMPUTER, DISK], where: #"SMS_G_System_OPERATING_SYSTEM.Caption like "%Windows 11%" and SMS_G_System_COMPUTER_SYSTEM.Manufacturer = "Dell Inc." and SMS_G_System_LOGICAL_DISK.DeviceID = "C:" and SMS_G_System_LOGICAL_DISK.FreeSpace < 51200"#)) {
            guard let inv = $0.inventory else { return false }
            return $0.os.isWindows11 && $0.hardware.model.manufacturer == "Dell Inc."
                && inv.logicalDisks.contains { $0.deviceID == "C:" && $0.freeMB < 51_200 }
        },
        .systems("static-backup-adapters", joined([ADAPTER], where: #"SMS_G_System_NETWORK_ADAPTER_CONFIGURATION.DHCPEnabled = 0 and SMS_G_System_NETWORK_ADAPTER_CONFIGURATION.IPAddress like "192.168.%""#)) {
            $0.inventory?.adapters.contains { !$0.dhcpEnabled && $0.ipAddresses.contains { $0.hasPrefix("192.168.") } } ?? false
        },
        .systems("top-console-user", joined([CONSOLE], where: #"SMS_G_System_SYSTEM_CONSOLE_USAGE.TopConsoleUser = "CONTOSO\\jdoe""#)) {
            $0.inventory?.topConsoleUser == "CONTOSO\\jdoe"
        },

        // MARK: Users and groups
        .systems("last-logon-by-finance-users", #"select ResourceID from SMS_R_System where LastLogonUserName in (select UserName from SMS_R_User where UserGroupName = "CONTOSO\\Finance")"#) { s in
            guard let user = s.lastLogonUserName else { return false }
            return CollectionQueryTests.financeUsers.contains(user.lowercased())
        },
        .users("users-in-finance", #"select ResourceID from SMS_R_User where UserGroupName = "CONTOSO\\Finance""#) {
            $0.groupNames.contains("CONTOSO\\Finance")
        },
        .users("users-in-the-it-ou", #"select ResourceID from SMS_R_User where UserOUName like "%/IT""#) {
            $0.department == "IT"
        },
        .users("vpn-users-at-branch", #"select SMS_R_User.ResourceID from SMS_R_User where SMS_R_User.UserGroupName = "CONTOSO\\VPN Users" and SMS_R_User.UserGroupName = "CONTOSO\\Staff Branch""#) {
            $0.groupNames.contains("CONTOSO\\VPN Users") && $0.adSite.name == "Branch"
        },
        CollectionQuery(id: "user-groups-by-name", wql: #"select ResourceID from SMS_R_UserGroup where UsergroupName like "Staff%""#) {
            Set($0.userGroups.filter { $0.name.hasPrefix("Staff") }.map(\.resourceID))
        },
    ]

    /// User names in the Finance group, lower-cased (WQL's IN ignores case).
    static let financeUsers = Set(QueryFleet.fleet.users.filter { $0.groupNames.contains("CONTOSO\\Finance") }.map { $0.userName.lowercased() })

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 40)
        #expect(Set(Self.cases.map(\.id)).count == Self.cases.count)
    }

    @Test(arguments: cases)
    func queryReturnsTheExpectedMembers(_ query: CollectionQuery) throws {
        let expected = query.expected(QueryFleet.fleet)
        // A case that selects nothing, or everything, would not show that the filter works.
        #expect(!expected.isEmpty, "\(query.id) selects no one on this fleet")
        #expect(expected.count < QueryFleet.systems, "\(query.id) selects every system")
        let engine = try QueryFleet.engine()
        guard case .rows(let result) = try engine.evaluate(query.wql) else {
            Issue.record("\(query.id) returned no rows")
            return
        }
        let ids = result.rows.compactMap { $0.fields?.first?.value.cimValue?.integerValue }.map { UInt32($0) }
        let got = Set(ids)
        #expect(got == expected, "\(query.id): \(got.subtracting(expected).count) extra, \(expected.subtracting(got).count) missing")
        if query.wql.contains("distinct") || !query.wql.contains("join") {
            #expect(ids.count == got.count, "\(query.id) lists a member twice")
        }
    }

    @Test func aFleetIsItsSizeSeedAndClock() throws {
        func bios(_ systems: Int, _ seed: UInt64) throws -> [String] {
            let engine = try Engine(site: .demo(systems: systems, seed: seed), clock: SiteClock(fixedAt: QueryFleet.now))
            guard case .rows(let r) = try engine.evaluate("select ResourceID, SerialNumber from SMS_G_System_PC_BIOS") else { return [] }
            return r.rows.map { ($0.fields ?? []).map(\.value.displayText).joined(separator: " ") }
        }
        #expect(try bios(40, 3) == bios(40, 3))
        #expect(try bios(40, 3) != bios(40, 4))
        #expect(try QueryFleet.engine().evaluate("len(select * from SMS_R_System)").cimValue == .sint64(2_006))
    }
}

/// A join through the inventory classes' ResourceID index gives exactly the rows, in the same order, that a
/// script probing the index once per system does (the loop below), whatever part of WHERE filters the joined class.
@Suite struct IndexJoinTests {
    @Test(arguments: [
        (#"o.Caption like "%Server%""#, "OPERATING_SYSTEM", "Caption"),
        (#"c.Manufacturer like "Dell%""#, "COMPUTER_SYSTEM", "Manufacturer"),
        ("true", "SYSTEM_ENCLOSURE", "ChassisTypes"),
    ])
    func aJoinGivesWhatProbesGive(_ filter: String, _ inventory: String, _ property: String) throws {
        let engine = try Engine(site: .demo(systems: 300, seed: QueryFleet.seed), clock: SiteClock(fixedAt: QueryFleet.now))
        let alias = filter.first == "o" ? "o" : (filter.first == "c" ? "c" : "x")
        let joined = try engine.evaluate("""
            select s.Name, \(alias).\(property) from SMS_R_System as s
            inner join SMS_G_System_\(inventory) as \(alias) on \(alias).ResourceID = s.ResourceID
            where \(filter)
            """)
        guard case .rows(let result) = joined else { Issue.record("no rows"); return }
        let viaJoin = result.rows.map { ($0.fields ?? []).map(\.value.displayText).joined(separator: "|") }
        let loop = engine.run(script: """
            $out = []
            for $s in select Name, ResourceID from SMS_R_System {
                for $r in select \(property) from SMS_G_System_\(inventory) as \(alias) where \(alias).ResourceID = $s.ResourceID and \(filter) {
                    $out = $out + [[$s.Name, $r.\(property)]]
                }
            }
            """)
        #expect(loop.exitCode == 0, "\(loop)")
        guard case .list(let items)? = engine.get("$out") else { Issue.record("no $out"); return }
        let viaProbes = items.map { item in
            if case .list(let pair) = item { return pair.map(\.displayText).joined(separator: "|") }
            return "not a pair: \(item.displayText)"
        }
        #expect(viaJoin.count > 10, "\(viaJoin.count) rows")
        #expect(viaJoin == viaProbes)
    }
}
