// FleetGenerator+Health: one reporting client's health (client status, ccmeval results) and its security, Office,
// printer and video inventory, consistent with what the system already is: its activity and heartbeat, its
// hardware model, operating system, installed software and services.
import CIM

extension FleetGenerator {
    /// Salt of each system's health stream. These values are drawn from a stream of their own, derived from the
    /// system's position, so that the draws of the classes that came before (and every value they made) are
    /// exactly what they were before health inventory existed.
    static let healthSalt: UInt64 = 0x4845_414C_0000_0000

    /// The health stream of the system at position `index`.
    func healthRandom(_ index: Int) -> FleetRandom { root.derived(Self.healthSalt | UInt64(index)) }

    func makeHealth(_ system: FleetSystem, scan: CIMDateTime, software: [FleetInstall], services: [FleetService],
                    _ rng: inout FleetRandom) -> FleetHealth {
        let (summary, results) = makeClientStatus(system, scan: scan, &rng)
        let model = system.hardware.model
        let tpm: FleetTPMChip? = model.manufacturer == "VMware, Inc." && !rng.chance(0.35) ? nil : FleetCatalog.tpm(of: model)
        let (adapter, width, height) = FleetCatalog.video(of: model)
        let isHyperV = adapter == FleetCatalog.hyperVVideo
        return FleetHealth(
            summary: summary, evalResults: results, protection: makeProtection(system, &rng), tpm: tpm,
            firmware: makeFirmware(system, tpm: tpm, &rng), bitLocker: makeBitLocker(system, &rng),
            office: makeOffice(system, software, &rng), printers: makePrinters(system, software, services, &rng),
            video: FleetVideoController(adapter: adapter, driverVersion: isHyperV ? system.os.version + ".1" : adapter.driverVersion,
                                        horizontalResolution: width, verticalResolution: height, refreshRate: isHyperV ? 0 : 60,
                                        driverDate: date(daysAgo: adapter.driverAgeDays)),
            aadDeviceID: system.role == .workstation ? Self.guid(&rng).lowercased() : nil)
    }

    /// `seconds` (a random number of them in the range) before `time`.
    private func before(_ time: Int64, _ seconds: ClosedRange<Int>, _ rng: inout FleetRandom) -> CIMDateTime {
        CIMDateTime(utcMicroseconds: time - Int64(rng.int(in: seconds)) * 1_000_000)
    }

    // MARK: - Client status

    /// The client's status and its latest ccmeval results. An active client is in touch: it asks for policy every
    /// hour, sends status messages and software inventory within the week, runs ccmeval daily. An inactive one
    /// went quiet around its last heartbeat, and nothing it sent is later than that.
    private func makeClientStatus(_ system: FleetSystem, scan: CIMDateTime,
                                  _ rng: inout FleetRandom) -> (FleetClientSummary, [FleetEvalResult]) {
        let heartbeat = system.lastHeartbeat ?? scan
        let active = system.isActive
        let lastContact = active ? now : heartbeat.utcMicroseconds
        let policy = before(lastContact, active ? 60...3_600 : 0...3_600, &rng)
        let statusMessage = active ? moment(&rng, daysAgo: 0...6) : before(lastContact, 0...21_600, &rng)
        let softwareScan = active ? moment(&rng, daysAgo: 0...6) : before(lastContact, 0...86_399, &rng)
        let clientCheck = before(lastContact, 300...86_399, &rng)
        let passed = rng.chance(0.97)
        var remediated: Bool?
        var results = FleetCatalog.healthChecks.map {
            FleetEvalResult(check: $0, result: 7, resultCode: 0, detail: nil, evalTime: clientCheck)
        }
        if !passed {
            let failures = FleetCatalog.checkFailures
            let failure = rng.pick(weighted: failures.map { ($0, $0.weight) })
            let check = FleetCatalog.healthChecks[failure.check]
            // A check with a remediation failed at remediating; one without fails the evaluation itself.
            remediated = check.remediable ? false : nil
            results[failure.check] = FleetEvalResult(check: check, result: check.remediable ? 4 : 3, resultCode: failure.code,
                                                     detail: failure.detail, evalTime: clientCheck)
        } else if rng.chance(0.03) {
            // ccmeval found a problem and fixed it: the check reads "remediated", and the client passed.
            let failure = rng.pick(weighted: FleetCatalog.checkFailures.filter { FleetCatalog.healthChecks[$0.check].remediable }
                .map { ($0, $0.weight) })
            remediated = true
            results[failure.check] = FleetEvalResult(check: FleetCatalog.healthChecks[failure.check], result: 6, resultCode: 0,
                                                     detail: nil, evalTime: clientCheck)
        }
        let summary = FleetClientSummary(
            isActive: active, checkPassed: passed, remediationSucceeded: remediated, lastClientCheck: clientCheck,
            lastDDR: heartbeat, lastHardwareScan: scan, lastSoftwareScan: softwareScan, lastPolicyRequest: policy,
            lastStatusMessage: statusMessage, managementPoint: FleetCatalog.managementPoint(ofSite: system.assignedSite),
            adLastLogon: system.lastLogon)
        return (summary, results)
    }

    // MARK: - Defender

    /// Microsoft Defender, which every supported Windows runs: definitions a day or two old on most clients, a few
    /// a week or more behind; an inactive client has had none since it went quiet.
    private func makeProtection(_ system: FleetSystem, _ rng: inout FleetRandom) -> FleetProtection {
        let band = rng.pick(weighted: [(0...1, 0.70), (2...3, 0.17), (4...7, 0.08), (8...30, 0.05)])
        var age = rng.int(in: band)
        let lastContact = system.isActive ? now : (system.lastHeartbeat?.utcMicroseconds ?? now)
        if !system.isActive { age = max(age, Int((now - lastContact) / Self.day) + 1) }
        let updated = before(now - Int64(age) * Self.day, 0...86_399, &rng)
        // Definition versions rise by about four a day: 1.421.400.0 today, 1.421.372.0 a week ago.
        let serial = 421_400 - 4 * age
        let versions = FleetCatalog.defenderVersions[system.isActive && rng.chance(0.85) ? 0 : 1]
        return FleetProtection(
            realTimeProtection: rng.chance(0.985), signatureAgeDays: age, signatureUpdated: updated,
            signatureVersion: "1." + String(serial / 1_000) + "." + String(serial % 1_000) + ".0",
            platformVersion: versions.platform, engineVersion: versions.engine,
            lastQuickScan: before(lastContact, 600...86_399, &rng),
            lastFullScan: rng.chance(0.2) ? before(lastContact - 3 * Self.day, 0...(57 * 86_400), &rng) : nil)
    }

    // MARK: - Firmware and BitLocker

    /// Every model in the catalog boots through UEFI (VMware's VMW71… firmware is its EFI one). Windows 11 requires
    /// Secure Boot; elsewhere it is on for most machines, and on VMware guests mostly where a virtual TPM was added.
    private func makeFirmware(_ system: FleetSystem, tpm: FleetTPMChip?, _ rng: inout FleetRandom) -> FleetFirmware {
        let model = system.hardware.model
        let chance: Double = switch model.kind {
        case .notebook, .desktop: 0.92
        case .rackServer: 0.85
        case .virtualMachine: model.manufacturer == "VMware, Inc." ? (tpm == nil ? 0.4 : 0.9) : 0.9
        }
        let secureBoot = rng.chance(chance)
        return FleetFirmware(uefi: true, secureBoot: system.os.isWindows11 || secureBoot)
    }

    /// BitLocker management's policy targets the notebooks (the BitLocker Laptops group): their C: is encrypted
    /// with XTS-AES and protected by the TPM and a recovery password; a few have protection suspended or are
    /// still encrypting, and so are not compliant.
    private func makeBitLocker(_ system: FleetSystem, _ rng: inout FleetRandom) -> [FleetBitLockerVolume] {
        guard system.role == .workstation && system.hardware.model.kind == .notebook else { return [] }
        enum State { case compliant, suspended, encrypting }
        let state = rng.pick(weighted: [(State.compliant, 0.93), (.suspended, 0.04), (.encrypting, 0.03)])
        let method: UInt32 = rng.chance(0.7) ? 6 : 7
        let volume = Self.guid(&rng).lowercased()
        return [FleetBitLockerVolume(
            driveLetter: "C:", volumeGUID: volume, volumeType: 0, encryptionMethod: method,
            conversionStatus: state == .encrypting ? 2 : 1, protectionOn: state == .compliant, keyProtectorTypes: "1,3",
            reasonsForNonCompliance: state == .compliant ? "" : state == .suspended ? "13" : "1",
            noncomplianceDetected: state == .compliant ? nil : moment(&rng, daysAgo: state == .suspended ? 0...20 : 0...2))]
    }

    // MARK: - Office, printers

    /// The Click-to-Run configuration of the workstation's Microsoft 365 Apps: the current build on Current
    /// Channel or Monthly Enterprise Channel, the older one on Semi-Annual Enterprise Channel.
    private func makeOffice(_ system: FleetSystem, _ software: [FleetInstall], _ rng: inout FleetRandom) -> FleetOfficeConfiguration? {
        guard system.role == .workstation,
              let office = software.first(where: { $0.software.family == FleetCatalog.office365.family })?.software else { return nil }
        let channel = office.version == FleetCatalog.office365.version
            ? (rng.chance(0.7) ? FleetCatalog.currentChannel : FleetCatalog.monthlyEnterpriseChannel) : FleetCatalog.semiAnnualChannel
        return FleetOfficeConfiguration(channel: channel, version: office.version, platform: office.is64Bit ? "x64" : "x86")
    }

    /// Windows' own printers where the spooler runs — Print to PDF and XPS everywhere, Fax on workstations, OneNote
    /// where Office is — and, on most workstations, a queue of their site on PRN01, which is then the default.
    /// Without a running spooler, inventory finds no printer at all.
    private func makePrinters(_ system: FleetSystem, _ software: [FleetInstall], _ services: [FleetService],
                              _ rng: inout FleetRandom) -> [FleetPrinter] {
        guard services.contains(where: { $0.definition == FleetCatalog.spooler && $0.state == "Running" }) else { return [] }
        var printers: [FleetPrinter] = []
        if system.role == .workstation && rng.chance(0.6) { printers.append(rng.pick(FleetCatalog.printQueues(of: system.adSite))) }
        printers.append(FleetCatalog.printToPDF.asDefault(printers.isEmpty))
        printers.append(FleetCatalog.xpsWriter)
        if system.role == .workstation {
            if software.contains(where: { $0.software.family == FleetCatalog.office365.family }) { printers.append(FleetCatalog.oneNote) }
            printers.append(FleetCatalog.fax)
        }
        return printers
    }
}
