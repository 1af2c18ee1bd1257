// Client health and the security, Office, printer and video inventory (issue #16 item 5): every class is declared
// with its keys, realistic queries return the rows the fleet model says they must, and the rules hold — BitLocker
// only with a TPM, Secure Boot only with UEFI, Office only on workstations, site roles only on site systems.
import Testing
import CIM
@testable import Site

@Suite struct HealthInventoryTests {
    /// The demo site's fleet, as SiteSession loads it.
    static let demo = FleetGenerator.generate(systems: FleetGenerator.defaultSystemCount, now: SiteSession.start)
    /// A larger fleet for the rules and the proportions.
    static let fleet = FleetGenerator.generate(systems: 1_500, seed: 11, now: SiteSession.start)
    static var reporting: [FleetSystem] { demo.systems.filter { $0.inventory != nil } }
    static let hour: Int64 = 3_600_000_000
    static let day: Int64 = 86_400_000_000

    /// Rows in a stable order, so a query's answer compares with the model's whatever order the engine returns.
    static func sorted(_ rows: [[String]]) -> [[String]] { rows.sorted { $0.joined(separator: "\u{1}") < $1.joined(separator: "\u{1}") } }

    // MARK: - Declarations

    @Test(arguments: [
        ("SMS_CH_EvalResult", ["HealthCheckGUID", "ResourceID"]),
        ("SMS_G_System_CH_ClientSummary", ["ResourceID"]),
        ("SMS_G_System_EndpointProtectionStatus", ["GroupID", "ResourceID"]),
        ("SMS_G_System_AntimalwareHealthStatus", ["GroupID", "ResourceID"]),
        ("SMS_G_System_TPM", ["GroupID", "ResourceID"]),
        ("SMS_G_System_FIRMWARE", ["GroupID", "ResourceID"]),
        ("SMS_G_System_BITLOCKER_DETAILS", ["GroupID", "ResourceID"]),
        ("SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS", ["GroupID", "ResourceID"]),
        ("SMS_G_System_SYSTEM_CONSOLE_USAGE_MAXGROUP", ["GroupID", "ResourceID"]),
        ("SMS_G_System_PRINTER_DEVICE", ["GroupID", "ResourceID"]),
        ("SMS_G_System_VIDEO_CONTROLLER", ["GroupID", "ResourceID"]),
    ])
    func classesAreDeclaredWithTheirKeys(_ name: String, _ keys: [String]) throws {
        let s = try SiteSession()
        let cls = try s.site.repository.requireClass(CIMName(name))
        #expect(cls.properties.filter(\.isKey).map(\.name.string).sorted() == keys)
        #expect(Fleet.healthClassNames.contains(name))
        // Every client that reports inventory has rows, and no other system has any.
        let ids = Set(try s.site.repository.instances(of: CIMName(name)).compactMap { $0["ResourceID"]?.integerValue })
        let expected = Set(Self.reporting.filter { Self.hasRows(name, $0.inventory!.health) }.map { Int128($0.resourceID) })
        #expect(!ids.isEmpty && ids == expected, "\(name): \(ids.symmetricDifference(expected).count) systems differ")
        #expect(try s.count(CIMName(name)) == Self.reporting.map { Self.rowCount(name, $0.inventory!.health) }.reduce(0, +))
    }

    /// Whether a reporting client has rows of a class, and how many.
    static func hasRows(_ name: String, _ h: FleetHealth) -> Bool { rowCount(name, h) > 0 }
    static func rowCount(_ name: String, _ h: FleetHealth) -> Int {
        switch name {
        case "SMS_CH_EvalResult": h.evalResults.count
        case "SMS_G_System_TPM": h.tpm == nil ? 0 : 1
        case "SMS_G_System_BITLOCKER_DETAILS": h.bitLocker.count
        case "SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS": h.office == nil ? 0 : 1
        case "SMS_G_System_PRINTER_DEVICE": h.printers.count
        default: 1
        }
    }

    @Test func smsRSystemHasTheClientReportedProperties() throws {
        let cls = try SiteSession().site.repository.requireClass("SMS_R_System")
        let types = [("OSBranch", "string"), ("ClientEdition", "uint32"), ("SerialNumber", "string"), ("VirtualMachineType", "uint32"),
                     ("IsPortableOperatingSystem", "boolean"), ("AADDeviceID", "string"), ("DeviceOwner", "uint32"),
                     ("IsWriteFilterCapable", "boolean"), ("MDMDeviceCategoryID", "string"), ("SystemRoles", "string")]
        for (name, type) in types {
            #expect(cls.property(named: CIMName(name))?.type.scalar.name == type, "\(name)")
        }
    }

    // MARK: - Queries

    /// A realistic query per class family, and the rows the fleet model says it must return.
    static var queries: [(String, String, [[String]])] {
        let r = reporting
        func names(_ keep: (FleetSystem, FleetHealth) -> Bool) -> [[String]] {
            r.filter { keep($0, $0.inventory!.health) }.map { [$0.name] }
        }
        let sq = FleetCatalog.semiAnnualChannel.url
        return [
            ("BitLocker protects C:",
             "select s.Name from SMS_R_System s join SMS_G_System_BITLOCKER_DETAILS b on b.ResourceID = s.ResourceID where b.ProtectionStatus = 1",
             names { _, h in h.bitLocker.contains(where: \.protectionOn) }),
            ("BitLocker not compliant",
             "select s.Name, b.ReasonsForNonCompliance from SMS_R_System s join SMS_G_System_BITLOCKER_DETAILS b on b.ResourceID = s.ResourceID where b.Compliant = 0",
             r.flatMap { s in s.inventory!.health.bitLocker.filter { !$0.isCompliant }.map { [s.name, $0.reasonsForNonCompliance] } }),
            ("client check failed",
             "select s.Name from SMS_R_System s join SMS_G_System_CH_ClientSummary c on c.ResourceID = s.ResourceID where c.ClientCheckPass = 2",
             names { _, h in !h.summary.checkPassed }),
            ("inactive clients",
             "select s.Name from SMS_R_System s join SMS_G_System_CH_ClientSummary c on c.ResourceID = s.ResourceID where c.ClientActiveStatus = 0",
             names { s, _ in !s.isActive }),
            ("failed health checks",
             "select ResourceID, HealthCheckDescription, Result from SMS_CH_EvalResult where Result <> 7 and Result <> 6",
             r.flatMap { s in s.inventory!.health.evalResults.filter { !$0.passed }
                 .map { [String(s.resourceID), $0.check.description, String($0.result)] } }),
            ("at risk",
             "select s.Name from SMS_R_System s join SMS_G_System_EndpointProtectionStatus e on e.ResourceID = s.ResourceID where e.AtRisk = true",
             names { _, h in h.protection.isAtRisk }),
            ("definitions over a week old",
             "select s.Name, a.AntivirusSignatureAge from SMS_R_System s join SMS_G_System_AntimalwareHealthStatus a on a.ResourceID = s.ResourceID where a.AntivirusSignatureAge > 7",
             r.filter { $0.inventory!.health.protection.signatureAgeDays > 7 }
                 .map { [$0.name, String($0.inventory!.health.protection.signatureAgeDays)] }),
            ("Intel PTT",
             "select s.Name from SMS_R_System s join SMS_G_System_TPM t on t.ResourceID = s.ResourceID where t.ManufacturerId = 1229870147",
             names { _, h in h.tpm?.manufacturerID == 1_229_870_147 }),
            ("no Secure Boot",
             "select s.Name from SMS_R_System s join SMS_G_System_FIRMWARE f on f.ResourceID = s.ResourceID where f.SecureBoot = 0",
             names { _, h in !h.firmware.secureBoot }),
            ("Semi-Annual Enterprise Channel",
             "select s.Name, o.VersionToReport from SMS_R_System s join SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS o on o.ResourceID = s.ResourceID where o.CDNBaseUrl = \"\(sq)\"",
             r.compactMap { s in s.inventory!.health.office.flatMap { $0.channel.url == sq ? [s.name, $0.version] : nil } }),
            ("heavy console use",
             "select ResourceID, TopConsoleUser from SMS_G_System_SYSTEM_CONSOLE_USAGE_MAXGROUP where TotalConsoleTime > 30000",
             r.filter { $0.inventory!.totalConsoleTime > 30_000 }.map { [String($0.resourceID), $0.inventory!.topConsoleUser ?? ""] }),
            ("HQ's colour printer",
             "select s.Name from SMS_R_System s join SMS_G_System_PRINTER_DEVICE p on p.ResourceID = s.ResourceID where p.ShareName = \"HQ-Floor2-Color\"",
             names { _, h in h.printers.contains { $0.shareName == "HQ-Floor2-Color" } }),
            ("VMware guests' video",
             "select s.Name from SMS_R_System s join SMS_G_System_VIDEO_CONTROLLER v on v.ResourceID = s.ResourceID where v.Name = \"VMware SVGA 3D\"",
             names { s, _ in s.hardware.model.manufacturer == "VMware, Inc." }),
            ("long-term servicing",
             "select Name from SMS_R_System where OSBranch = \"2\"",
             demo.systems.filter { $0.hasClient && $0.os.servicingBranch == "2" }.map { [$0.name] }),
            ("a serial number",
             "select Name from SMS_R_System where SerialNumber = \"\(demo.systems[0].hardware.serialNumber)\"",
             demo.systems.filter { $0.hasClient && $0.hardware.serialNumber == demo.systems[0].hardware.serialNumber }.map { [$0.name] }),
        ]
    }

    @Test func realisticQueriesReturnTheModelsRows() throws {
        let s = try SiteSession()
        for (what, query, expected) in Self.queries {
            #expect(!expected.isEmpty, "\(what): the demo fleet should have such systems")
            #expect(Self.sorted(try s.rows(query)) == Self.sorted(expected), "\(what)")
        }
    }

    // MARK: - Rules

    @Test func bitLockerOnlyWithATPMAndSecureBootOnlyWithUEFI() throws {
        for s in Self.fleet.systems {
            guard let h = s.inventory?.health else { continue }
            if !h.bitLocker.isEmpty { #expect(h.tpm != nil, "\(s.name) has BitLocker and no TPM") }
            if h.firmware.secureBoot { #expect(h.firmware.uefi) }
            if s.os.isWindows11 { #expect(h.firmware.secureBoot && h.tpm != nil, "\(s.name): Windows 11 requires both") }
            // Physical machines and Hyper-V guests have a TPM; VMware guests only when one was added.
            if s.hardware.model.manufacturer != "VMware, Inc." { #expect(h.tpm != nil) }
            #expect(h.bitLocker.isEmpty == !(s.role == .workstation && s.hardware.model.kind == .notebook))
            for v in h.bitLocker where v.isCompliant { #expect(v.protectionOn && v.conversionStatus == 1 && [6, 7].contains(v.encryptionMethod)) }
        }
        // The same through the provider: no BitLocker row without a TPM row.
        let site = try SiteSession()
        let withoutTPM = try site.rows("select b.ResourceID from SMS_G_System_BITLOCKER_DETAILS b left join SMS_G_System_TPM t on t.ResourceID = b.ResourceID where t.ResourceID is null")
        #expect(withoutTPM.isEmpty)
    }

    @Test func officeOnlyOnWorkstationsAndAsInstalled() {
        var channels = Set<String>()
        for s in Self.fleet.systems {
            guard let inv = s.inventory else { continue }
            let installed = inv.software.first { $0.software.family == "Microsoft 365 Apps" }?.software
            let office = inv.health.office
            #expect((office != nil) == (s.role == .workstation && installed != nil), "\(s.name)")
            guard let office, let installed else { continue }
            channels.insert(office.channel.name)
            #expect(office.version == installed.version && office.version.hasPrefix("16.0."))
            #expect(office.channel.url.hasPrefix("http://officecdn.microsoft.com/pr/"))
            #expect((office.channel == FleetCatalog.semiAnnualChannel) == (installed.version != FleetCatalog.office365.version))
            #expect(inv.health.printers.contains { $0.name == "OneNote (Desktop)" })
        }
        #expect(channels == ["Current", "MonthlyEnterprise", "SemiAnnual"])
    }

    @Test func clientStatusAgreesWithTheSystem() {
        let now = SiteSession.start.utcMicroseconds
        var passed = 0, clients = 0
        for s in Self.fleet.systems {
            guard let inv = s.inventory else { continue }
            let c = inv.health.summary
            clients += 1
            if c.checkPassed { passed += 1 }
            #expect(c.isActive == s.isActive && c.lastDDR == s.lastHeartbeat && c.lastHardwareScan == inv.lastHardwareScan)
            #expect(c.managementPoint == (s.assignedSite == "S02" ? "cm02.contoso.com" : "cm01.contoso.com"))
            let times = [c.lastPolicyRequest, c.lastStatusMessage, c.lastSoftwareScan, c.lastClientCheck, c.lastDDR]
            #expect(times.allSatisfy { $0.utcMicroseconds <= now })
            #expect(c.lastActive == [c.lastPolicyRequest, c.lastStatusMessage, c.lastSoftwareScan, c.lastDDR, c.lastHardwareScan].max())
            if s.isActive {
                #expect(now - c.lastPolicyRequest.utcMicroseconds <= Self.hour)
                #expect([c.lastDDR, c.lastHardwareScan, c.lastStatusMessage, c.lastSoftwareScan].allSatisfy { now - $0.utcMicroseconds < 7 * Self.day })
            } else {
                #expect(times.allSatisfy { $0 <= c.lastDDR }, "\(s.name): nothing after an inactive client's last heartbeat")
            }
            // One result per check; a failing one exactly when the client check failed.
            let results = inv.health.evalResults
            #expect(results.map(\.check.guid) == FleetCatalog.healthChecks.map(\.guid))
            #expect(results.filter { !$0.passed }.count == (c.checkPassed ? 0 : 1))
            #expect(results.contains { $0.result == 6 } == (c.remediationSucceeded == true))
        }
        #expect((0.94...0.995).contains(Double(passed) / Double(clients)))
        #expect(Set(FleetCatalog.healthChecks.map(\.guid)).count == FleetCatalog.healthChecks.count)
    }

    @Test func protectionFlagsAgreeWithTheDefinitions() {
        for s in Self.fleet.systems {
            guard let p = s.inventory?.health.protection else { continue }
            #expect(p.isProtected == (p.realTimeProtection && p.signatureAgeDays <= 7) && p.isAtRisk == !p.isProtected)
            #expect((SiteSession.start.utcMicroseconds - p.signatureUpdated.utcMicroseconds) / Self.day == Int64(p.signatureAgeDays))
            #expect(p.platformVersion.hasPrefix("4.18.") && p.signatureVersion.hasPrefix("1.4"))
            if !s.isActive { #expect(p.signatureUpdated < s.lastHeartbeat!) }
        }
    }

    @Test func printersVideoAndTPMFollowTheHardware() {
        for s in Self.fleet.systems {
            guard let inv = s.inventory else { continue }
            let h = inv.health
            let spooler = inv.services.contains { $0.definition.name == "Spooler" && $0.state == "Running" }
            #expect(h.printers.count <= 5 && h.printers.isEmpty == !spooler)
            if spooler { #expect(h.printers.filter(\.isDefault).count == 1 && h.printers[0].isDefault) }
            #expect(h.printers.allSatisfy { !$0.isNetwork || (s.role == .workstation && $0.name.hasPrefix("\\\\PRN01\\")) })
            #expect(h.evalResults.count <= 8)
            let model = s.hardware.model
            switch (model.kind, model.manufacturer) {
            case (.virtualMachine, "VMware, Inc."):
                #expect(h.video.adapter.name == "VMware SVGA 3D" && (h.tpm == nil || h.tpm?.manufacturerID == 1_447_775_575))
            case (.virtualMachine, _):
                #expect(h.video.adapter.name == "Microsoft Hyper-V Video" && h.tpm?.manufacturerID == 1_297_303_124)
            default:
                #expect(["Intel", "AMD", "Matrox"].contains { h.video.adapter.name.contains($0) })
                #expect([1_229_870_147, 1_229_346_816, 1_095_582_720].contains(h.tpm?.manufacturerID))
            }
        }
    }

    @Test func theSameSeedMakesTheSameHealth() {
        func fingerprint(_ f: Fleet) -> [String] {
            f.systems.compactMap { s in
                s.inventory.map { inv in
                    let h = inv.health
                    return [s.name, h.summary.lastPolicyRequest.description, String(h.summary.checkPassed), h.protection.signatureVersion,
                            String(h.tpm?.manufacturerID ?? 0), String(h.firmware.secureBoot), h.bitLocker.map(\.volumeGUID).joined(),
                            h.office?.channel.name ?? "-", h.printers.map(\.name).joined(separator: ","), h.aadDeviceID ?? "-"]
                        .joined(separator: "|")
                }
            }
        }
        let again = FleetGenerator.generate(systems: 1_500, seed: 11, now: SiteSession.start)
        #expect(fingerprint(again) == fingerprint(Self.fleet))
        #expect(fingerprint(FleetGenerator.generate(systems: 1_500, seed: 12, now: SiteSession.start)) != fingerprint(Self.fleet))
    }

    // MARK: - SMS_R_System

    @Test func clientReportedDiscoveryProperties() throws {
        let s = try SiteSession()
        let rows = try s.rows("select ResourceID, OSBranch, ClientEdition, SerialNumber, VirtualMachineType, IsPortableOperatingSystem, HardwareID, ClientType from SMS_R_System")
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0) })
        for sys in Self.demo.systems {
            let row = try #require(byID[String(sys.resourceID)])
            if sys.hasClient {
                #expect(row[1] == (sys.os.caption.contains("LTSC") || sys.isServer ? "2" : "0"))
                #expect(Array(row[2...7]) == ["0", sys.hardware.serialNumber, sys.hardware.model.isVirtual ? "1" : "0", "false",
                                              sys.hardwareID, "1"])
                #expect(sys.hardwareID.count == 42 && sys.hardwareID.hasPrefix("2:"))
            } else {
                #expect(row[1...7].allSatisfy { $0 == CIMValue.null.displayText }, "\(sys.name): discovery alone knows none of it")
            }
        }
        // Workstations' branch is the current one; the kiosks' LTSC is long-term servicing.
        #expect(Self.demo.systems.filter { $0.role == .workstation }.allSatisfy { $0.os.servicingBranch == "0" })
        #expect(Self.demo.systems.filter { $0.role == .kiosk }.allSatisfy { $0.os.servicingBranch == "2" })
    }

    @Test func onlySiteSystemsHaveSystemRoles() throws {
        // The fleet's site servers carry the roles SMS_SystemResourceList gives them, in its order; nothing else has one.
        let demo = try SiteSession()
        let withRoles = try demo.rows("select Name, SystemRoles from SMS_R_System where SystemRoles is not null order by Name")
        #expect(withRoles.map { $0[0] } == FleetCatalog.siteSystems.map(\.name).sorted())
        let roles = try demo.rows(#"select RoleName from SMS_SystemResourceList where ServerName = "cm01.contoso.com""#).map { $0[0] }
        #expect(roles.contains("SMS Site Server") && roles.contains("SMS Management Point"))
        #expect(withRoles.first == ["CM01", CIMValue.array(CIMArray(elementType: .string, roles.map { .string($0) })).displayText])
        // And their inventory says what they are: IIS for the management and distribution points, a content library.
        #expect(try demo.rows(#"select s.Name from SMS_G_System_SERVICE s join SMS_R_System r on s.ResourceID = r.ResourceID where r.Name = "DP1" and s.Name = "W3SVC""#).count == 1)
        #expect(try demo.rows(#"select l.VolumeName from SMS_G_System_LOGICAL_DISK l join SMS_R_System r on l.ResourceID = r.ResourceID where r.Name = "CM01" and l.DeviceID = "D:""#) == [["SCCMContentLib"]])
    }
}
