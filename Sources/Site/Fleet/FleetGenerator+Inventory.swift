// FleetGenerator+Inventory: one system's hardware and its inventory — disks, installed software, services,
// server features, hotfixes and console use — consistent with its role, model and operating system.
import CIM

extension FleetGenerator {
    // MARK: - Hardware

    func makeHardware(_ model: FleetHardwareModel, role: FleetRole, function: FleetServerFunction?,
                      _ rng: inout FleetRandom) -> FleetHardware {
        let current = rng.chance(0.75)
        let memoryGB = function == .domainController ? min(model.memoryGB[0], 8) : rng.pick(model.memoryGB)
        // Firmware and integrated graphics keep some memory from Windows; a virtual machine gets all of it.
        let reservedKB: Int = switch model.kind {
        case .notebook, .desktop: memoryGB * 20_000
        case .rackServer: memoryGB * 4_000
        case .virtualMachine: 0
        }
        let cores = model.isVirtual ? (function == .sql ? 8 : function == .domainController ? 2 : rng.pick([2, 4, 4, 8]))
                                    : model.processor.cores
        return FleetHardware(
            model: model, serialNumber: Self.serialNumber(model, &rng), uuid: Self.guid(&rng),
            biosVersion: model.biosVersions[current ? 0 : 1],
            // One date per BIOS release, so every machine with a version reports the same date.
            biosReleaseDate: date(daysAgo: current ? 210 : 640),
            sockets: model.kind == .rackServer ? 2 : 1, coresPerSocket: cores, memoryGB: memoryGB,
            memoryKB: UInt32(memoryGB * 1_048_576 - reservedKB))
    }

    private static let serialAlphabet = Array("0123456789BCDFGHJKLMNPQRSTVWXYZ".utf8)

    /// A serial number in the maker's style: a Dell service tag, an HP or Lenovo serial, a VMware or Hyper-V one.
    static func serialNumber(_ model: FleetHardwareModel, _ rng: inout FleetRandom) -> String {
        func chars(_ n: Int) -> String {
            String(decoding: (0..<n).map { _ in serialAlphabet[rng.int(in: 0...(serialAlphabet.count - 1))] }, as: UTF8.self)
        }
        switch model.manufacturer {
        case "Dell Inc.": return chars(7)
        case "HP", "HPE": return (model.kind == .rackServer ? "CZ" : "5CG") + chars(model.kind == .rackServer ? 8 : 7)
        case "LENOVO": return "PF" + chars(6)
        case "VMware, Inc.":
            let a = rng.next(), b = rng.next()
            let bytes = (0..<8).map { hex((a >> (8 * UInt64($0))) & 0xFF, 2).lowercased() }
            let more = (0..<8).map { hex((b >> (8 * UInt64($0))) & 0xFF, 2).lowercased() }
            return "VMware-" + bytes.joined(separator: " ") + "-" + more.joined(separator: " ")
        default:
            return (0..<7).map { _ in padded(rng.int(in: 0...9999), 4) }.joined(separator: "-")
        }
    }

    // MARK: - Inventory

    /// `health` is the system's health stream (``healthRandom(_:)``); `rng` draws everything else, in the order
    /// it always has.
    func makeInventory(_ system: FleetSystem, adapters: [FleetAdapter], oldClient: Bool,
                       _ rng: inout FleetRandom, health: FleetRandom) -> FleetInventory {
        let scan = system.isActive ? moment(&rng, daysAgo: 0...6)
            : CIMDateTime(utcMicroseconds: (system.lastHeartbeat ?? system.creationDate).utcMicroseconds)
        let installed = CIMDateTime(utcMicroseconds: system.creationDate.utcMicroseconds + Int64(rng.int(in: 0...5)) * Self.day)
        let patched = rng.chance(0.75)
        let software = makeSoftware(system, installed: installed, oldClient: oldClient, &rng)
        let (disks, volumes) = makeDisks(system, &rng)
        let hotfixes = [
            FleetHotfix(hotFixID: patched ? system.os.currentUpdate : system.os.previousUpdate, description: "Security Update",
                        installedOn: date(daysAgo: patched ? rng.int(in: 3...20) : rng.int(in: 35...60)),
                        installedBy: "NT AUTHORITY\\SYSTEM"),
            FleetHotfix(hotFixID: "KB5045934", description: "Update", installedOn: date(daysAgo: rng.int(in: 61...120)),
                        installedBy: "NT AUTHORITY\\SYSTEM"),
        ]
        var features: [FleetServerFeature] = []
        if system.role == .server {
            features = FleetCatalog.baseFeatures
            switch system.function! {
            case .file: features += FleetCatalog.fileServerFeatures
            case .web, .configMgr: features += FleetCatalog.webServerFeatures  // management and distribution points run on IIS
            case .domainController: features += FleetCatalog.domainControllerFeatures
            case .sql, .app: break
            }
        }
        let workstation = system.role != .server
        // Boot time, then services, then console use: the order these have always been drawn in.
        let lastBoot = CIMDateTime(utcMicroseconds: scan.utcMicroseconds - Int64(rng.int(in: 1...20 * 24)) * 3_600_000_000)
        let services = makeServices(system, software, &rng)
        var healthRandom = health
        return FleetInventory(
            buildRevision: patched ? system.os.currentRevision : system.os.previousRevision, installDate: installed,
            lastBootUpTime: lastBoot, lastHardwareScan: scan, logicalDisks: volumes, disks: disks, adapters: adapters,
            software: software, services: services, serverFeatures: features, hotfixes: hotfixes,
            topConsoleUser: system.lastLogonUserName.map { Fleet.domain + "\\" + $0 },
            totalConsoleTime: workstation ? rng.int(in: 600...40_000) : rng.int(in: 5...600),
            consoleUsers: workstation ? rng.int(in: 1...3) : rng.int(in: 1...5),
            health: makeHealth(system, scan: scan, software: software, services: services, &healthRandom))
    }

    /// The system's disks and volumes: one disk with C: on workstations (8% nearly full); servers add data
    /// disks by function — D: and L: for SQL, E: for file shares.
    private func makeDisks(_ system: FleetSystem, _ rng: inout FleetRandom) -> ([FleetDisk], [FleetLogicalDisk]) {
        let model = system.hardware.model
        let systemGB = rng.pick(model.diskGB)
        // Physical disks are sold in decimal GB; virtual disks are sized in binary GB.
        func megabytes(_ gb: Int) -> UInt32 { model.isVirtual ? UInt32(gb * 1024) : UInt32(Double(gb) * 1e9 / 1_048_576) }
        func free(_ size: UInt32, nearlyFull: Bool) -> UInt32 {
            let fraction = nearlyFull ? Double(rng.int(in: 1...5)) / 100 : Double(rng.int(in: 15...75)) / 100
            return UInt32(Double(size) * fraction)
        }
        let diskMB = megabytes(systemGB)
        let cSize = diskMB - (system.role == .server ? 600 : 1_024)
        var disks = [FleetDisk(index: 0, model: model.diskModel, interfaceType: "SCSI", sizeMB: diskMB,
                               partitions: system.role == .server ? 3 : 4)]
        var volumes = [FleetLogicalDisk(deviceID: "C:", volumeName: system.role == .server ? "" : "OS", fileSystem: "NTFS",
                                        sizeMB: cSize, freeMB: free(cSize, nearlyFull: rng.chance(0.08)), driveType: 3)]
        let dataDisks: [(String, String, Int)] = switch system.function {
        case .sql?: [("D:", "Data", 500), ("L:", "Logs", 100)]
        case .file?: [("E:", "Shares", 2_048)]
        case .configMgr?: [("D:", "SCCMContentLib", 1_024)]
        default: []
        }
        for (n, (letter, label, gb)) in dataDisks.enumerated() {
            let size = model.isVirtual ? UInt32(gb * 1024) : UInt32(Double(gb) * 1e9 / 1_048_576)
            disks.append(FleetDisk(index: n + 1, model: model.isVirtual ? model.diskModel : "PERC H755 Front SCSI Disk Device",
                                   interfaceType: "SCSI", sizeMB: size, partitions: 1))
            volumes.append(FleetLogicalDisk(deviceID: letter, volumeName: label, fileSystem: "NTFS", sizeMB: size - 16,
                                            freeMB: free(size - 16, nearlyFull: rng.chance(0.1)), driveType: 3))
        }
        return (disks, volumes)
    }

    // MARK: - Software

    /// What the system has installed: the ConfigMgr client everywhere, Edge and the VC++ runtime on most, office
    /// software on workstations, role software on servers. At most one version of each product.
    private func makeSoftware(_ system: FleetSystem, installed: CIMDateTime, oldClient: Bool,
                              _ rng: inout FleetRandom) -> [FleetInstall] {
        typealias C = FleetCatalog
        var list: [FleetSoftware] = [oldClient ? C.configMgrClientOld : C.configMgrClient]
        let model = system.hardware.model
        if system.os.release != "2019" { list.append(C.edge) }
        let sevenZip = rng.pick(weighted: [(C.sevenZip2408, 0.5), (C.sevenZip2301, 0.35), (C.sevenZip1900, 0.15)])
        switch system.role {
        case .workstation:
            if rng.chance(0.9) { list.append(rng.chance(0.6) ? C.office365 : C.office365Old) }
            if rng.chance(0.6) { list.append(sevenZip) }
            if rng.chance(0.55) { list.append(rng.pick(weighted: [(C.chrome131, 0.6), (C.chrome130, 0.3), (C.chrome126, 0.1)])) }
            if rng.chance(0.55) { list.append(rng.pick(weighted: [(C.reader64, 0.7), (C.reader64Old, 0.2), (C.readerDC32, 0.1)])) }
            if rng.chance(0.15) { list.append(C.firefox) }
            if rng.chance(0.25) { list.append(C.zoom) }
            if rng.chance(0.15) { list.append(C.notepadPlusPlus) }
            if rng.chance(0.10) { list.append(C.java8) }
            if model.kind == .notebook && rng.chance(0.9) { list.append(C.ciscoVPN) }
            if model.manufacturer == "Dell Inc." && rng.chance(0.9) { list.append(C.dellCommandUpdate) }
        case .kiosk:
            list.append(C.chrome131)
        case .server:
            if rng.chance(0.3) { list.append(sevenZip) }
            if rng.chance(0.1) { list.append(C.notepadPlusPlus) }
            if model.manufacturer == "VMware, Inc." { list.append(C.vmwareTools) }
            switch system.function! {
            case .sql:
                list.append(rng.chance(0.4) ? C.sql2019 : C.sql2022)
                if rng.chance(0.5) { list.append(C.ssms) }
            case .web: if rng.chance(0.7) { list.append(C.dotnetHosting) }
            case .file, .app, .domainController, .configMgr: break
            }
        }
        let earliest = installed.utcMicroseconds
        return list.map { software in
            let at = max(earliest, now - Int64(rng.int(in: 2...700)) * Self.day)
            return FleetInstall(software: software, installDate: CIMDateTime(utcMicroseconds: at - at % Self.day))
        }
    }

    // MARK: - Services

    private func makeServices(_ system: FleetSystem, _ software: [FleetInstall], _ rng: inout FleetRandom) -> [FleetService] {
        typealias C = FleetCatalog
        func has(_ family: String) -> FleetSoftware? { software.first { $0.software.family == family }?.software }
        var services = [FleetService(definition: C.ccmExec, startMode: "Auto", state: "Running")]
        let model = system.hardware.model
        switch system.role {
        case .workstation, .kiosk:
            services.append(FleetService(definition: C.spooler, startMode: "Auto", state: "Running"))
            if system.role == .workstation {
                let remoting = rng.chance(0.3)
                services.append(FleetService(definition: C.winRM, startMode: remoting ? "Auto" : "Manual",
                                             state: remoting ? "Running" : "Stopped"))
            }
            if has("Cisco Secure Client") != nil {
                services.append(FleetService(definition: C.vpnAgent, startMode: "Auto", state: "Running"))
            }
        case .server:
            // Print Spooler is disabled on domain controllers and on most servers since PrintNightmare.
            let spooler = system.function != .domainController && rng.chance(0.45)
            services.append(FleetService(definition: C.spooler, startMode: spooler ? "Auto" : "Disabled",
                                         state: spooler ? "Running" : "Stopped"))
            services.append(FleetService(definition: C.winRM, startMode: "Auto", state: "Running"))
            services.append(FleetService(definition: C.lanmanServer, startMode: "Auto", state: "Running"))
            if model.manufacturer == "VMware, Inc." {
                services.append(FleetService(definition: C.vmTools, startMode: "Auto", state: "Running"))
            } else if model.isVirtual {
                services.append(FleetService(definition: C.hyperVHeartbeat, startMode: "Manual", state: "Running"))
            }
            if let sql = has("SQL Server") {
                let is2019 = sql == C.sql2019
                services.append(FleetService(definition: is2019 ? C.sqlServer2019 : C.sqlServer2022, startMode: "Auto",
                                             state: rng.chance(0.97) ? "Running" : "Stopped"))
                let agent = rng.pick(weighted: [(("Auto", "Running"), 0.9), (("Auto", "Stopped"), 0.05), (("Manual", "Stopped"), 0.05)])
                services.append(FleetService(definition: is2019 ? C.sqlAgent2019 : C.sqlAgent2022, startMode: agent.0, state: agent.1))
            }
            switch system.function! {
            case .web, .configMgr: services.append(FleetService(definition: C.iis, startMode: "Auto", state: "Running"))
            case .domainController:
                services.append(FleetService(definition: C.ntds, startMode: "Auto", state: "Running"))
                services.append(FleetService(definition: C.dns, startMode: "Auto", state: "Running"))
            case .sql, .file, .app: break
            }
        }
        return services
    }
}
