// The fleet generator: the same seed makes the same fleet, another seed another; every row belongs to a system
// and agrees with it (SQL services only where SQL is installed, subnets that hold the addresses, OUs at every
// level); and the demo site carries a 300-system fleet starting with its long-standing six.
import Testing
import CIM
@testable import Site

@Suite struct FleetTests {
    static let now = try! CIMDateTime(parsing: "20261126090000.000000+000")
    static let fleet = FleetGenerator.generate(systems: 1_500, seed: 11, now: now)

    // MARK: - Determinism

    /// Everything a system's records hold, as text: two fleets are the same when these are.
    static func fingerprint(_ s: FleetSystem) -> String {
        var parts: [String] = [String(s.resourceID), s.name, s.role.rawValue, s.os.caption, s.os.version, s.hardware.model.model,
                               s.hardware.serialNumber, s.hardware.uuid, s.ipAddresses.joined(separator: ","),
                               s.macAddresses.joined(separator: ","), s.ouNames.joined(separator: ","),
                               "\(s.client as Any)", "\(s.isActive)", "\(s.isObsolete)", s.lastLogon?.description ?? "-",
                               s.lastLogonUserName ?? "-", s.creationDate.description]
        if let inv = s.inventory {
            parts += inv.software.map { $0.software.displayName + " " + $0.software.version + " " + $0.installDate.description }
            parts += inv.services.map { $0.definition.name + $0.startMode + $0.state }
            parts += inv.logicalDisks.map { "\($0.deviceID) \($0.sizeMB) \($0.freeMB)" }
            parts += inv.hotfixes.map(\.hotFixID) + [inv.lastHardwareScan.description, String(inv.buildRevision)]
        }
        return parts.joined(separator: "|")
    }

    @Test func theSameSeedMakesTheSameFleet() {
        let again = FleetGenerator.generate(systems: 1_500, seed: 11, now: Self.now)
        #expect(again.systems.map(Self.fingerprint) == Self.fleet.systems.map(Self.fingerprint))
        #expect(again.users.map(\.userName) == Self.fleet.users.map(\.userName))
        #expect(again.userGroups.map(\.name) == Self.fleet.userGroups.map(\.name))
    }

    @Test func anotherSeedMakesAnotherFleet() {
        let other = FleetGenerator.generate(systems: 1_500, seed: 12, now: Self.now)
        let same = zip(other.systems, Self.fleet.systems).filter { Self.fingerprint($0) == Self.fingerprint($1) }.count
        #expect(same == 0)
        // The demo's first six keep their names whatever the seed.
        #expect(other.systems.prefix(6).map(\.name) == Self.fleet.systems.prefix(6).map(\.name))
    }

    @Test func theRandomNumbersAreSplitMix64() {
        // Reference values of SplitMix64 from seed 1234567 (as published with the algorithm).
        var rng = FleetRandom(seed: 1_234_567)
        #expect([rng.next(), rng.next(), rng.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
        var a = FleetRandom(seed: 5), b = FleetRandom(seed: 5)
        #expect((0..<100).map { _ in a.int(in: 3...9) } == (0..<100).map { _ in b.int(in: 3...9) })
        var c = FleetRandom(seed: 9)
        #expect((0..<1_000).allSatisfy { _ in (3...9).contains(c.int(in: 3...9)) })
    }

    // MARK: - Consistency

    @Test func identifiersAreInConfigMgrsRangesAndUnique() {
        let f = Self.fleet
        // The 1,500 drawn, then the site's servers.
        #expect(f.systems.map(\.resourceID) == (0..<1_506).map { Fleet.firstSystemID + UInt32($0) })
        #expect(f.systems.suffix(6).map(\.name) == FleetCatalog.siteSystems.map(\.name))
        #expect(f.systems.suffix(6).allSatisfy { $0.function == .configMgr && $0.isActive && $0.inventory != nil })
        #expect(f.users.first?.resourceID == 2_063_597_568 && f.userGroups.first?.resourceID == 2_000_000_000)
        #expect(f.systems.prefix(6).map(\.name) == ["PC-0001", "PC-0002", "PC-0003", "SRV-SQL01", "SRV-FS01", "KIOSK-01"])
        #expect(Set(f.users.map(\.userName)).count == f.users.count)
        // Names repeat only for obsolete records, which share their computer's name.
        let current = f.systems.filter { !$0.isObsolete }
        #expect(Set(current.map(\.name)).count == current.count)
        let obsolete = f.systems.filter(\.isObsolete)
        #expect(!obsolete.isEmpty && obsolete.allSatisfy { o in current.contains { $0.name == o.name } && !o.isActive && o.inventory == nil })
    }

    @Test func theMixIsRealistic() {
        let systems = Self.fleet.systems
        func share(_ p: (FleetSystem) -> Bool) -> Double { Double(systems.filter(p).count) / Double(systems.count) }
        #expect((0.10...0.22).contains(share(\.isServer)))
        #expect((0.85...0.97).contains(share(\.hasClient)))
        #expect(share { $0.client == nil } > 0 && share { $0.client == false } > 0)
        #expect((0.25...0.45).contains(share { $0.os.isWindows11 && $0.os.release == "24H2" }))
        let servers = systems.filter(\.isServer)
        #expect(Double(servers.filter(\.hardware.model.isVirtual).count) / Double(servers.count) > 0.6)
        #expect(Set(systems.map(\.os.caption)).isSuperset(of: ["Microsoft Windows 11 Enterprise", "Microsoft Windows 10 Enterprise",
                                                               "Microsoft Windows Server 2022 Standard", "Microsoft Windows Server 2019 Standard"]))
        // Last logons spread over about six months before now, most of them recent.
        let days = systems.compactMap(\.lastLogon).map { (Self.now.utcMicroseconds - $0.utcMicroseconds) / 86_400_000_000 }
        #expect(days.allSatisfy { (0...300).contains($0) } && days.max()! > 150)
        #expect(Double(days.filter { $0 < 30 }.count) / Double(days.count) > 0.5)
    }

    @Test func inventoryAgreesWithItsSystem() {
        for s in Self.fleet.systems {
            guard let inv = s.inventory else {
                #expect(!s.hasClient || s.isObsolete, "\(s.name) has a client but no inventory")
                continue
            }
            #expect(s.hasClient && !s.isObsolete)
            let families = inv.software.map(\.software.family)
            #expect(Set(families).count == families.count, "\(s.name) has two versions of a product")
            #expect(families.contains("Configuration Manager Client"))
            #expect(inv.software.contains { $0.software.version == s.clientVersion })
            let services = Set(inv.services.map(\.definition.name))
            #expect(services.contains("MSSQLSERVER") == families.contains("SQL Server"), "\(s.name): SQL services iff SQL")
            #expect(services.contains("SQLSERVERAGENT") == families.contains("SQL Server"))
            #expect(services.contains("VMTools") == (s.hardware.model.manufacturer == "VMware, Inc."))
            #expect(families.contains("SQL Server") == (s.function == .sql))
            #expect(inv.serverFeatures.isEmpty == !s.isServer)
            #expect(inv.logicalDisks.allSatisfy { $0.freeMB < $0.sizeMB })
            #expect(inv.logicalDisks.contains { $0.deviceID == "C:" })
            #expect(inv.adapters.flatMap(\.ipAddresses).filter { !$0.contains(":") } == s.ipAddresses.filter { !$0.contains(":") }
                        .sorted { $0.hasPrefix("10.") && !$1.hasPrefix("10.") })
            #expect(inv.adapters.map(\.macAddress) == s.macAddresses)
            #expect(inv.hotfixes.first?.hotFixID == (inv.buildRevision == s.os.currentRevision ? s.os.currentUpdate : s.os.previousUpdate))
            #expect(inv.lastHardwareScan <= Self.now && inv.installDate <= inv.lastHardwareScan)
        }
    }

    @Test func subnetsHoldTheAddressesAndMatchTheSite() {
        for s in Self.fleet.systems {
            let v4 = s.ipAddresses.filter { !$0.contains(":") }
            #expect(v4.count == s.ipSubnets.count)
            for (address, subnet) in zip(v4, s.ipSubnets) {
                #expect(subnet.split(separator: ".").prefix(3) == address.split(separator: ".").prefix(3), "\(address) in \(subnet)")
                #expect(subnet.hasSuffix(".0"))
            }
            #expect(s.ipSubnets[0].hasPrefix("10.\(s.adSite.octet)."), "\(s.name) at \(s.adSite.name)")
            #expect(s.assignedSite == s.adSite.siteCode)
        }
        let addresses = Self.fleet.systems.filter { !$0.isObsolete }.flatMap(\.ipAddresses)
        #expect(Set(addresses).count == addresses.count, "no address is used twice")
    }

    @Test func organisationalUnitsListEveryLevel() {
        for s in Self.fleet.systems {
            #expect(!s.ouNames.isEmpty)
            for (outer, inner) in zip(s.ouNames, s.ouNames.dropFirst()) { #expect(inner.hasPrefix(outer + "/")) }
            switch s.role {
            case .workstation: #expect(s.ouNames == ["CONTOSO.COM/WORKSTATIONS", "CONTOSO.COM/WORKSTATIONS/" + s.adSite.workstationOU])
            case .kiosk: #expect(s.ouNames.last == "CONTOSO.COM/WORKSTATIONS/KIOSK")
            case .server:
                #expect(s.function == .domainController ? s.ouNames == ["CONTOSO.COM/DOMAIN CONTROLLERS"]
                                                        : s.ouNames.first == "CONTOSO.COM/SERVERS")
            }
        }
    }

    @Test func usersBelongToTheirGroups() {
        let groups = Set(Self.fleet.userGroups.map(\.uniqueName))
        for u in Self.fleet.users {
            #expect(u.groupNames.allSatisfy(groups.contains), "\(u.userName)")
            #expect(u.groupNames.contains("CONTOSO\\Domain Users") && u.groupNames.contains("CONTOSO\\" + u.department))
        }
        let names = Set(Self.fleet.users.map(\.userName))
        #expect(Self.fleet.systems.filter { $0.role == .workstation }.compactMap(\.lastLogonUserName).allSatisfy(names.contains))
    }

    // MARK: - Loading

    @Test func everyInventoryRowBelongsToASystemOfTheFleet() throws {
        let site = try DemoSite.make(clock: SiteClock(fixedAt: Self.now), systems: 400, seed: 3)
        let repo = site.repository
        let fleet = FleetGenerator.generate(systems: 400, seed: 3, now: Self.now)
        let systems = Set(try repo.instances(of: "SMS_R_System").compactMap { $0["ResourceID"]?.integerValue })
        #expect(systems.count == 400 + FleetCatalog.siteSystems.count)
        let reporting = Set(fleet.systems.filter { $0.inventory != nil }.map { Int128($0.resourceID) })
        for name in Fleet.classNames where name.hasPrefix("SMS_G_") {
            let ids = Set(try repo.instances(of: CIMName(name)).compactMap { $0["ResourceID"]?.integerValue })
            #expect(ids.isSubset(of: systems), "\(name) has rows of no system")
            // Every reporting system has a row of each class but these: features are servers', files and 32-bit
            // programs some systems lack.
            if !["SMS_G_System_SERVER_FEATURE", "SMS_G_System_SoftwareFile", "SMS_G_System_ADD_REMOVE_PROGRAMS"].contains(name) {
                #expect(ids == reporting, "\(name): \(ids.symmetricDifference(reporting).count) systems differ")
            } else {
                #expect(ids.isSubset(of: reporting) && !ids.isEmpty, "\(name)")
            }
        }
        // Loading the model and generating while loading give the same site.
        let loaded = try SimulatedSite(siteCode: "S01", clock: SiteClock(fixedAt: Self.now))
        // With the demo's roles, so that its servers carry them as the demo's do.
        _ = try loaded.repository.performInternally { try MOFCompiler.compile(DemoSite.sites, fileName: "demo-sites.mof", into: loaded.repository) }
        let counts = try fleet.load(into: loaded.repository)
        #expect(counts == (try Fleet.instanceCounts(in: repo)))
        for name in ["SMS_R_System", "SMS_G_System_INSTALLED_SOFTWARE", "SMS_R_User"] {
            #expect(Set(try loaded.repository.instances(of: CIMName(name))) .count == counts[name])
            #expect(try loaded.repository.instances(of: CIMName(name)).map(\.values) == repo.instances(of: CIMName(name)).map(\.values))
        }
    }

    @Test func theDemoSiteHasItsFleet() throws {
        let s = try SiteSession()
        #expect(try s.count("SMS_R_System") == 300 + FleetCatalog.siteSystems.count)
        #expect(try s.rows("select Name from SMS_R_System where ResourceID <= 16777225 order by ResourceID").map { $0[0] }
                == ["PC-0001", "PC-0002", "PC-0003", "SRV-SQL01", "SRV-FS01", "KIOSK-01"])
        #expect(try s.count("SMS_R_User") > 100 && s.count("SMS_R_UserGroup") == FleetCatalog.userGroupNames.count)
        #expect(try s.rows(#"select Caption from SMS_G_System_OPERATING_SYSTEM where ResourceID = 16777220"#) == [["Microsoft Windows 11 Enterprise"]])
        #expect(try s.rows(#"select DisplayName from SMS_G_System_ADD_REMOVE_PROGRAMS_64 where ResourceID = 16777223 and DisplayName like "%SQL Server 20%""#).count == 1)
        // A copy from the cache is a site of its own.
        _ = try s.run(#"delete SMS_R_System(16777220)"#)
        #expect(try SiteSession().count("SMS_R_System") == 306)
    }
}
