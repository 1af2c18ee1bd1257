// FleetGenerator: makes a deterministic fleet — systems, their discovery records and inventory, users and
// groups — from a size, a seed and the site clock's time. The same three inputs give the same fleet.
import CIM

/// Makes fleets. Every system and user draws its numbers from a generator derived from the seed and its position,
/// so what one system draws does not shift the numbers of the systems after it.
public struct FleetGenerator {
    /// The seed of the demo site's fleet.
    public static let defaultSeed: UInt64 = 2026
    /// The demo site's number of systems.
    public static let defaultSystemCount = 300
    /// From this many systems a fleet is made on a second thread while the calling thread stores it.
    public static let threadedFrom = 2_000

    /// A fleet of `systems` systems from `seed`, dated before `now`.
    public static func generate(systems: Int, seed: UInt64 = defaultSeed, now: CIMDateTime) -> Fleet {
        var generator = FleetGenerator(seed: seed, now: now, systems: systems)
        generator.makeUsers(forSystems: generator.drawn)
        generator.systems.reserveCapacity(generator.total)
        for i in 0..<generator.total { generator.systems.append(generator.makeSystem(i)) }
        return Fleet(seed: seed, now: CIMDateTime(utcMicroseconds: generator.now), systems: generator.systems,
                     users: generator.users, userGroups: generator.makeGroups())
    }

    /// Generates the same fleet as ``generate(systems:seed:now:)`` and puts it into `repository` as it goes,
    /// keeping no system's inventory in memory once its rows are stored: the way to make a large fleet.
    /// The repository must hold the site schema and none of the fleet's resources (see ``Fleet/load(into:namespace:)``).
    ///
    /// - Returns: How many instances of each class the repository then holds.
    ///
    /// With `deferringHealth`, the client health and security classes (``Fleet/healthClassNames``, about a third of
    /// a client's rows) are made the first time one of them is read, by generating the same fleet again: start-up
    /// pays only for what every session reads. The counts returned then leave those classes out.
    @discardableResult
    ///
    /// `inOneThread` makes even a large fleet on the calling thread: what a deferred fill must do, since it runs
    /// holding the repository's lock, which the second thread would wait for.
    public static func load(systems: Int, seed: UInt64 = defaultSeed, now: CIMDateTime, into repository: CIMRepository,
                            namespace: String? = nil, deferringHealth: Bool = false, inOneThread: Bool = false) throws -> [String: Int] {
        let count = max(0, systems)
        let reserving = try FleetLoader(repository: repository, namespace: namespace, now: now)
        try reserving.reserve(systems: count, users: userCount(forSystems: count))
        // A large fleet is made on a second thread while this one stores it; a small one is not worth a thread.
        if count >= threadedFrom && !inOneThread {
            try FleetPipeline.run(into: repository, namespace: namespace) { sink in
                try make(count, seed: seed, now: now, repository: repository, namespace: namespace, sink: sink, health: !deferringHealth)
            }
        } else {
            try make(count, seed: seed, now: now, repository: repository, namespace: namespace, sink: nil, health: !deferringHealth)
        }
        guard deferringHealth else { return try Fleet.instanceCounts(in: repository, namespace: namespace) }
        try repository.deferFilling(Fleet.healthClassNames.map { CIMName($0) }, namespace: namespace) { repository in
            try makeHealth(count, seed: seed, now: now, repository: repository, namespace: namespace)
        }
        var counts: [String: Int] = [:]
        for name in Fleet.classNames { counts[name] = try repository.count(of: CIMName(name), namespace: namespace) }
        return counts
    }

    /// The health and security rows of the fleet `load` made: the same systems, generated again in the same
    /// order (a system's draws depend on those before it), only those rows stored.
    private static func makeHealth(_ count: Int, seed: UInt64, now: CIMDateTime, repository: CIMRepository, namespace: String?) throws {
        var generator = FleetGenerator(seed: seed, now: now, systems: count)
        generator.makeUsers(forSystems: count)
        _ = generator.makeGroups()
        var loader = try FleetLoader(repository: repository, namespace: namespace, now: CIMDateTime(utcMicroseconds: generator.now))
        generator.systems.reserveCapacity(generator.total)
        for i in 0..<generator.total {
            var system = generator.makeSystem(i)
            try loader.putHealth(of: system)
            system.inventory = nil
            generator.systems.append(system)
        }
        try loader.flush()
    }

    /// Generates the fleet and hands its instances, a class's batch at a time, to `sink` (or the repository).
    private static func make(_ count: Int, seed: UInt64, now: CIMDateTime, repository: CIMRepository, namespace: String?,
                             sink: (([CIMInstance]) throws -> Void)?, health: Bool = true) throws {
        var generator = FleetGenerator(seed: seed, now: now, systems: count)
        generator.makeUsers(forSystems: count)
        var loader = try FleetLoader(repository: repository, namespace: namespace,
                                     now: CIMDateTime(utcMicroseconds: generator.now), sink: sink)
        loader.includesHealth = health
        for group in generator.makeGroups() { try loader.put(group) }
        for user in generator.users { try loader.put(user) }
        generator.systems.reserveCapacity(generator.total)
        for i in 0..<generator.total {
            var system = generator.makeSystem(i)
            try loader.put(system, ridOffset: generator.users.count)
            system.inventory = nil
            generator.systems.append(system)
        }
        try loader.flush()
    }

    let seed: UInt64
    let root: FleetRandom
    let now: Int64
    static let day: Int64 = 86_400_000_000
    private(set) var users: [FleetUser] = []
    private(set) var systems: [FleetSystem] = []
    // Counters that number systems and hand out addresses, in the order systems are made.
    private var nameCounters: [String: Int] = [:]
    private var workstationHosts: [String: Int] = [:]
    private var serverHosts: [String: Int] = [:]
    private var backupHosts = 0
    /// Arrays many systems share (OU chains, groups), built once so their storage is shared too.
    private var sharedLists: [String: [String]] = [:]

    /// How many systems are drawn at random (the size asked for), and how many the fleet has: those and, in any
    /// fleet that has systems, the site's own servers (``FleetCatalog/siteSystems``) after them.
    let drawn: Int, total: Int

    init(seed: UInt64, now: CIMDateTime, systems: Int) {
        drawn = max(0, systems)
        total = drawn == 0 ? 0 : drawn + FleetCatalog.siteSystems.count
        self.seed = seed
        root = FleetRandom(seed: seed)
        // Whole seconds, so that dates print without a fraction even when the clock is the system's.
        self.now = now.utcMicroseconds - now.utcMicroseconds % 1_000_000
    }

    /// About one user for every two systems (at least 12).
    static func userCount(forSystems count: Int) -> Int { count == 0 ? 0 : max(12, count / 2 + 3) }

    /// The fleet's users, the first three Jane Doe, Alice Smith and Ben Wong.
    mutating func makeUsers(forSystems count: Int) {
        let userCount = Self.userCount(forSystems: count)
        var taken: [String: Int] = [:]
        users.reserveCapacity(userCount)
        for u in 0..<userCount { users.append(makeUser(u, taken: &taken)) }
    }

    func makeGroups() -> [FleetUserGroup] {
        FleetCatalog.userGroupNames.enumerated().map { i, name in
            FleetUserGroup(resourceID: Fleet.firstUserGroupID + UInt32(i), name: name,
                           sid: Self.domainSID + "-" + String(name == "Domain Users" ? 513 : name == "Domain Admins" ? 512 : 1000 + i),
                           creationDate: date(daysAgo: 3000 + i))
        }
    }

    static let domainSID = "S-1-5-21-3623811015-3361044348-30300820"

    // MARK: - Time

    /// Midnight UTC `days` days before now, plus `seconds`.
    func date(daysAgo days: Int, seconds: Int = 0) -> CIMDateTime {
        let midnight = now - now % Self.day
        return CIMDateTime(utcMicroseconds: midnight - Int64(days) * Self.day + Int64(seconds) * 1_000_000)
    }

    /// A moment `days` whole days (and a random part of one) before now.
    func moment(_ rng: inout FleetRandom, daysAgo range: ClosedRange<Int>) -> CIMDateTime {
        let micros = Int64(rng.int(in: 0...86_399)) * 1_000_000
        return CIMDateTime(utcMicroseconds: now - Int64(rng.int(in: range)) * Self.day - micros)
    }

    // MARK: - Users

    private mutating func makeUser(_ u: Int, taken: inout [String: Int]) -> FleetUser {
        var rng = root.derived(0x5553_4552_0000_0000 | UInt64(u))
        let fixed = [("Jane", "Doe"), ("Alice", "Smith"), ("Ben", "Wong")]
        let (first, last) = u < fixed.count ? fixed[u] : (rng.pick(FleetCatalog.firstNames), rng.pick(FleetCatalog.lastNames))
        let stem = (String(first.prefix(1)) + last).lowercased().filter { $0.isLetter }
        let n = taken[stem, default: 0] + 1
        taken[stem] = n
        let userName = n == 1 ? stem : stem + String(n)
        let department = u < fixed.count ? ["Finance", "Sales", "Engineering"][u] : rng.pick(FleetCatalog.departments)
        let site = u < fixed.count ? [FleetCatalog.hq, FleetCatalog.hq, FleetCatalog.branch][u] : rng.pick(weighted: FleetCatalog.workstationSites)
        var groups = ["Domain Users", department, "Staff " + site.name]
        if rng.chance(0.4) { groups.append("VPN Users") }
        if department == "IT" {
            if rng.chance(0.5) { groups.append("Helpdesk") }
            if rng.chance(0.1) { groups.append("Domain Admins") }
            if rng.chance(0.1) { groups.append("SQL Admins") }
        }
        let mailName = (first + "." + last).lowercased().filter { $0.isLetter || $0 == "." }
        return FleetUser(
            resourceID: Fleet.firstUserID + UInt32(u), userName: userName, fullName: first + " " + last,
            department: department, adSite: site,
            ouNames: shared("ou:" + department) { ["CONTOSO.COM/STAFF", "CONTOSO.COM/STAFF/" + department.uppercased()] },
            groupNames: shared("ug:" + groups.joined(separator: ",")) { groups.map { Fleet.domain + "\\" + $0 } },
            mail: (n == 1 ? mailName : userName) + "@contoso.com", sid: Self.domainSID + "-" + String(1100 + u),
            creationDate: moment(&rng, daysAgo: 100...3000))
    }

    /// One shared copy of a list many resources hold.
    mutating func shared(_ key: String, _ make: () -> [String]) -> [String] {
        if let known = sharedLists[key] { return known }
        let made = make()
        sharedLists[key] = made
        return made
    }

    // MARK: - Systems

    /// The first six systems are the demo site's long-standing ones, so examples can name them.
    private static let firstSystems: [(FleetRole, FleetServerFunction?, FleetADSite)] = [
        (.workstation, nil, FleetCatalog.hq), (.workstation, nil, FleetCatalog.hq), (.workstation, nil, FleetCatalog.branch),
        (.server, .sql, FleetCatalog.hq), (.server, .file, FleetCatalog.hq), (.kiosk, nil, FleetCatalog.branch),
    ]

    mutating func makeSystem(_ i: Int) -> FleetSystem {
        var rng = root.derived(UInt64(i))
        let id = Fleet.firstSystemID + UInt32(i)
        let siteSystem = i >= drawn ? FleetCatalog.siteSystems[i - drawn] : nil
        // The first systems and the site's servers are always there, as named: active clients.
        let fixed = i < Self.firstSystems.count || siteSystem != nil
        if !fixed, rng.chance(0.01), let original = obsoleteCandidate(&rng) {
            return obsoleteRecord(of: original, id: id, &rng)
        }
        let (role, function, site): (FleetRole, FleetServerFunction?, FleetADSite)
        if let siteSystem {
            (role, function, site) = (.server, .configMgr, siteSystem.site)
        } else if i < Self.firstSystems.count {
            (role, function, site) = Self.firstSystems[i]
        } else {
            let r = rng.pick(weighted: [(FleetRole.workstation, 0.83), (.kiosk, 0.02), (.server, 0.15)])
            let f = r == .server ? rng.pick(weighted: FleetCatalog.serverFunctions) : nil
            let s = rng.pick(weighted: r == .server ? FleetCatalog.serverSites : FleetCatalog.workstationSites)
            (role, function, site) = (r, f, s)
        }
        let name = siteSystem?.name ?? nextName(role, function)
        var os: FleetOS
        let model: FleetHardwareModel
        switch role {
        case .workstation:
            os = i == 0 ? FleetCatalog.windows11_24H2 : rng.pick(weighted: FleetCatalog.workstationReleases)
            model = i == 0 ? FleetCatalog.latitude7440 : rng.pick(weighted: FleetCatalog.workstationModels)
        case .kiosk:
            os = FleetCatalog.windows10LTSC
            model = rng.pick(weighted: FleetCatalog.kioskModels)
        case .server:
            os = rng.pick(weighted: FleetCatalog.serverReleases)
            model = rng.pick(weighted: FleetCatalog.serverModels)
            if function == .domainController { os = FleetCatalog.domainController(os) }
        }
        let client: Bool? = fixed || role == .kiosk ? true
            : rng.pick(weighted: [(true, role == .server ? 0.97 : 0.92), (false, 0.03), (nil, role == .server ? 0.0 : 0.05)])
        let hardware = makeHardware(model, role: role, function: function, &rng)
        let (addresses, subnets, adapters) = makeNetwork(role: role, function: function, site: site, model: model,
                                                         client: client == true, &rng)
        // Last logon: recent for most, spread over six months; discovered-only records are older.
        let logonDays: ClosedRange<Int> = client == true
            ? rng.pick(weighted: [(0...6, 0.45), (7...29, 0.25), (30...89, 0.18), (90...180, 0.12)])
            : rng.pick(weighted: [(0...29, 0.3), (30...180, 0.7)])
        let lastLogon: CIMDateTime? = client != true && rng.chance(0.1) ? nil : moment(&rng, daysAgo: logonDays)
        let stale = (lastLogon.map { now - $0.utcMicroseconds > 60 * Self.day } ?? true) && rng.chance(0.75)
        let active = client == true && (fixed || !stale)
        let heartbeat: CIMDateTime? = client != true ? nil
            : active ? moment(&rng, daysAgo: 0...3) : lastLogon.map { CIMDateTime(utcMicroseconds: $0.utcMicroseconds + Self.day) }
        let creation = moment(&rng, daysAgo: 200...1500)
        let oldClient = rng.chance(0.1)
        var system = FleetSystem(
            resourceID: id, name: name, role: role, function: function, adSite: site,
            ouNames: ouNames(role, function, site), groupNames: groupNames(role, function, model),
            ipAddresses: addresses, ipSubnets: subnets, macAddresses: client == true ? adapters.map(\.macAddress) : [],
            os: os, hardware: hardware, client: client,
            clientVersion: client == true ? (oldClient ? FleetCatalog.configMgrClientOld : FleetCatalog.configMgrClient).version : nil,
            isActive: active, isObsolete: false, assignedSite: site.siteCode, lastLogon: lastLogon,
            lastLogonUserName: lastLogon == nil ? nil : logonUser(i, role, function, &rng),
            creationDate: creation, lastHeartbeat: heartbeat, lastADDiscovery: moment(&rng, daysAgo: 0...6),
            smsUniqueIdentifier: client == true ? "GUID:" + Self.guid(&rng) : nil, inventory: nil)
        if client == true {
            system.inventory = makeInventory(system, adapters: adapters, oldClient: oldClient, &rng, health: healthRandom(i))
        }
        return system
    }

    /// An earlier workstation with a client, whose name an obsolete record can share.
    private func obsoleteCandidate(_ rng: inout FleetRandom) -> FleetSystem? {
        guard !systems.isEmpty else { return nil }
        let s = systems[rng.int(in: 0...(systems.count - 1))]
        return s.role == .workstation && s.hasClient && !s.isObsolete ? s : nil
    }

    /// The record ConfigMgr keeps when a computer gets a new client identity: same name, Obsolete = 1,
    /// Active = 0, no inventory of its own.
    private func obsoleteRecord(of original: FleetSystem, id: UInt32, _ rng: inout FleetRandom) -> FleetSystem {
        var old = original
        old.resourceID = id
        old.isObsolete = true
        old.isActive = false
        old.inventory = nil
        old.smsUniqueIdentifier = "GUID:" + Self.guid(&rng)
        let logon = (original.lastLogon?.utcMicroseconds ?? now) - Int64(rng.int(in: 30...120)) * Self.day
        old.lastLogon = CIMDateTime(utcMicroseconds: logon)
        old.lastHeartbeat = CIMDateTime(utcMicroseconds: logon + Self.day)
        old.creationDate = CIMDateTime(utcMicroseconds: original.creationDate.utcMicroseconds - 400 * Self.day)
        return old
    }

    private mutating func nextName(_ role: FleetRole, _ function: FleetServerFunction?) -> String {
        let prefix: String
        let width: Int
        switch role {
        case .workstation: (prefix, width) = ("PC-", 4)
        case .kiosk: (prefix, width) = ("KIOSK-", 2)
        case .server: (prefix, width) = (function!.namePrefix, 2)
        }
        let n = nameCounters[prefix, default: 0] + 1
        nameCounters[prefix] = n
        return prefix + Self.padded(n, width)
    }

    private mutating func ouNames(_ role: FleetRole, _ function: FleetServerFunction?, _ site: FleetADSite) -> [String] {
        let last: String
        switch role {
        case .workstation: last = "WORKSTATIONS/" + site.workstationOU
        case .kiosk: last = "WORKSTATIONS/KIOSK"
        case .server:
            if function == .domainController { return shared("ou:DC") { ["CONTOSO.COM/DOMAIN CONTROLLERS"] } }
            last = "SERVERS/" + function!.rawValue
        }
        return shared("ou:" + last) {
            let parts = last.split(separator: "/").map(String.init)
            return parts.indices.map { Fleet.domainDNSName + "/" + parts[0...$0].joined(separator: "/") }
        }
    }

    private mutating func groupNames(_ role: FleetRole, _ function: FleetServerFunction?, _ model: FleetHardwareModel) -> [String] {
        var groups = ["Domain Computers"]
        switch role {
        case .workstation: if model.kind == .notebook { groups.append("BitLocker Laptops") }
        case .kiosk: groups.append("Kiosks")
        case .server:
            switch function! {
            case .sql: groups.append("SQL Servers")
            case .file: groups.append("File Servers")
            case .web: groups.append("Web Servers")
            case .app: groups.append("App Servers")
            case .configMgr: groups.append("ConfigMgr Site Systems")
            case .domainController: groups = ["Domain Controllers"]
            }
        }
        return shared("sg:" + groups.joined(separator: ",")) { groups.map { Fleet.domain + "\\" + $0 } }
    }

    private func logonUser(_ i: Int, _ role: FleetRole, _ function: FleetServerFunction?, _ rng: inout FleetRandom) -> String {
        switch role {
        case .workstation: return i < 3 ? users[i].userName : users[rng.int(in: 0...(users.count - 1))].userName
        case .kiosk: return "kiosk"
        case .server:
            switch function! {
            case .sql: return "svc_sql"
            case .file: return "svc_backup"
            case .web, .app, .domainController, .configMgr: return rng.pick(["administrator", "svc_deploy", "svc_backup"])
            }
        }
    }

    // MARK: - Network

    /// The system's addresses and subnets, and its adapters. Workstations take 10.<site>.0–199.x (240 hosts per
    /// subnet), servers 10.<site>.200–249.x; past that the second octet moves up by 16. Physical and SQL servers
    /// have a second adapter on the backup network, 192.168.100.0 and up.
    private mutating func makeNetwork(role: FleetRole, function: FleetServerFunction?, site: FleetADSite,
                                      model: FleetHardwareModel, client: Bool,
                                      _ rng: inout FleetRandom) -> ([String], [String], [FleetAdapter]) {
        let (second, third, host): (Int, Int, Int)
        if role == .server {
            let j = serverHosts[site.name, default: 0]
            serverHosts[site.name] = j + 1
            (second, third, host) = (site.octet + 16 * (j / 12_000), 200 + (j / 240) % 50, 10 + j % 240)
        } else {
            let k = workstationHosts[site.name, default: 0]
            workstationHosts[site.name] = k + 1
            (second, third, host) = (site.octet + 16 * (k / 48_000), (k / 240) % 200, 10 + k % 240)
        }
        let net = "10." + String(second) + "." + String(third) + "."
        var addresses = [net + String(host)]
        var subnets = [net + "0"]
        var primaryAddresses = addresses
        var masks = ["255.255.255.0"]
        if role != .server {
            let v6 = "fe80::" + Self.hex(rng.next() & 0xFFFF, 4) + ":" + Self.hex(rng.next() & 0xFFFF, 4) + ":"
                + Self.hex(rng.next() & 0xFFFF, 4) + ":" + Self.hex(rng.next() & 0xFFFF, 4)
            addresses.append(v6)
            primaryAddresses.append(v6)
            masks.append("64")
        }
        var adapters = [FleetAdapter(index: 1, description: model.networkAdapter, macAddress: mac(model, &rng),
                                     ipAddresses: primaryAddresses, ipSubnetMasks: masks, defaultGateway: [net + "1"],
                                     dhcpEnabled: role != .server)]
        if role == .server && (model.kind == .rackServer || function == .sql) {
            let b = backupHosts
            backupHosts += 1
            let backupNet = FleetCatalog.backupNetwork + "." + String(100 + (b / 250) % 150) + "."
            addresses.insert(backupNet + String(2 + b % 250), at: 1)
            subnets.append(backupNet + "0")
            adapters.append(FleetAdapter(index: 2, description: model.networkAdapter + " #2", macAddress: mac(model, &rng),
                                         ipAddresses: [backupNet + String(2 + b % 250)], ipSubnetMasks: ["255.255.255.0"],
                                         defaultGateway: [], dhcpEnabled: false))
        }
        return (addresses, subnets, adapters)
    }

    private func mac(_ model: FleetHardwareModel, _ rng: inout FleetRandom) -> String {
        let r = rng.next()
        return model.macPrefix + ":" + Self.hex(r & 0xFF, 2) + ":" + Self.hex((r >> 8) & 0xFF, 2) + ":" + Self.hex((r >> 16) & 0xFF, 2)
    }

    // MARK: - Formatting (no Foundation: String(format:) would dominate the time of a large fleet)

    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func hex(_ value: UInt64, _ digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }

    /// A random GUID in registry form, e.g. 4C4C4544-0042-3510-8052-B4C04F4B5A32.
    static func guid(_ rng: inout FleetRandom) -> String {
        let a = rng.next(), b = rng.next()
        return hex(a >> 32, 8) + "-" + hex((a >> 16) & 0xFFFF, 4) + "-" + hex(a & 0xFFFF, 4) + "-"
            + hex(b >> 48, 4) + "-" + hex(b & 0xFFFF_FFFF_FFFF, 12)
    }
}
