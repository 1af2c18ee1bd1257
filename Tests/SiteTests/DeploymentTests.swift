// The demo site's deployments: programs, advertisements, task sequences, applications, software updates, and each
// client's state. Every expected row is worked out here from the fleet model (FleetGenerator.generate), the
// demo collections' rules applied to it, and the state rule — never copied from a run.
import CIM
import Script
import Testing
@testable import Site

/// What the tests compute expectations from: the demo fleet, its collections' members, and the deployments as the
/// demo data declares them (read from the definition classes, which the site does not compute).
struct DeploymentModel {
    static let fleet = FleetGenerator.generate(systems: FleetGenerator.defaultSystemCount, seed: FleetGenerator.defaultSeed,
                                               now: SiteSession.start)

    struct Deployment {
        let id: String
        let feature: DeploymentFeature
        let collection: String
        /// The package and program of an advertisement; the application's CI_ID, or the update group's.
        let packageID: String, program: String
        let ci: UInt32
        let intent: Int
    }

    let session: SiteSession
    let deployments: [Deployment]
    let collectionNames: [String: String]

    init() throws {
        session = try SiteSession()
        var list: [Deployment] = []
        for r in try session.rows("select AdvertisementID, PackageID, ProgramName, CollectionID from SMS_Advertisement") {
            list.append(Deployment(id: r[0], feature: r[2] == "*" ? .taskSequence : .program, collection: r[3], packageID: r[1],
                                   program: r[2], ci: 0, intent: 1))
        }
        for r in try session.rows("select DeploymentID, FeatureType, CollectionID, CI_ID, DeploymentIntent from SMS_DeploymentSummary where FeatureType = 1 or FeatureType = 5") {
            list.append(Deployment(id: r[0], feature: DeploymentFeature(rawValue: UInt32(r[1])!)!, collection: r[2], packageID: "",
                                   program: "", ci: UInt32(r[3])!, intent: Int(r[4])!))
        }
        deployments = list
        collectionNames = Dictionary(uniqueKeysWithValues: try session.rows("select CollectionID, Name from SMS_Collection").map { ($0[0], $0[1]) })
    }

    /// A demo collection's members, by its rule applied to the fleet (see DemoData+Collections.swift).
    static func members(_ collectionID: String) -> [FleetSystem] {
        let systems = fleet.systems
        let clients = systems.filter(\.hasClient)
        func server(_ s: FleetSystem) -> Bool { s.os.nameAndVersion.contains("Server") }
        func kiosk(_ s: FleetSystem) -> Bool { s.ouNames.contains { $0.hasSuffix("/KIOSK") } }
        switch collectionID {
        case "SMS00001": return systems
        case "SMSDM003": return clients
        case "S0100010": return systems.filter { $0.inventory != nil && $0.os.isWindows11 }
        case "S0100011": return systems.filter(server)
        case "S0100012": return systems.filter(kiosk)
        case "S0100013": return clients.filter { !server($0) && !kiosk($0) }
        default: Issue.record("no rule for \(collectionID)"); return []
        }
    }

    /// Whether a system has its release's current cumulative update: the 2026-11 group's updates are those.
    static func isPatched(_ s: FleetSystem) -> Bool? {
        s.inventory.map { inv in inv.hotfixes.contains { $0.hotFixID == s.os.currentUpdate } }
    }

    /// What each member of a deployment's collection reports, by the state rule.
    /// An obsolete record is a member but not a target: it stands for a computer that has a newer record.
    func states(_ d: Deployment) -> [(system: FleetSystem, status: DeploymentStatus)] {
        Self.members(d.collection).filter { !$0.isObsolete }.map { s in
            let status = d.feature == .softwareUpdate
                ? DeploymentState.updateStatus(resourceID: s.resourceID, deploymentID: d.id, isClient: s.hasClient, isActive: s.isActive,
                                               compliant: Self.isPatched(s))
                : DeploymentState.status(resourceID: s.resourceID, deploymentID: d.id, isClient: s.hasClient, isActive: s.isActive,
                                         feature: d.feature)
            return (s, status)
        }
    }

    /// A deployment's summary counts: targeted, success, in progress, errors, unknown, other.
    func counts(_ d: Deployment) -> [String] {
        let st = states(d).map(\.status)
        return [st.count, st.count { $0 == .success }, st.count { $0 == .inProgress }, st.count { $0 == .error },
                st.count { $0 == .unknown }, st.count { $0 == .requirementsNotMet }].map(String.init)
    }

    func deployment(_ id: String) -> Deployment { deployments.first { $0.id == id }! }
}

/// One class of the deployment schema: its keys, a query an administrator would write, and how to work out its rows.
struct DeploymentClassCase: Sendable, CustomTestStringConvertible {
    let className: String
    let keys: Set<String>
    let query: String
    let expected: @Sendable (DeploymentModel) throws -> [[String]]
    var testDescription: String { className }
}

@Suite struct DeploymentTests {
    static let classes: [DeploymentClassCase] = [
        .init(className: "SMS_Program", keys: ["PackageID", "ProgramName"],
              query: "select p.PackageID, p.ProgramName from SMS_Program p join SMS_Advertisement a on a.PackageID = p.PackageID and a.ProgramName = p.ProgramName") { m in
            let programs = Set(try m.session.rows("select PackageID, ProgramName from SMS_Program").map { $0[0] + "|" + $0[1] })
            return m.deployments.filter { $0.feature == .program }.map { [$0.packageID, $0.program] }
                .filter { programs.contains($0[0] + "|" + $0[1]) }
        },
        .init(className: "SMS_Advertisement", keys: ["AdvertisementID"],
              query: "select a.AdvertisementID, p.Name from SMS_Advertisement a join SMS_TaskSequencePackage p on p.PackageID = a.PackageID") { m in
            let names = Dictionary(uniqueKeysWithValues: try m.session.rows("select PackageID, Name from SMS_PackageBaseclass").map { ($0[0], $0[1]) })
            return m.deployments.filter { $0.feature == .taskSequence }.map { [$0.id, names[$0.packageID] ?? "?"] }
        },
        .init(className: "SMS_TaskSequencePackage", keys: ["PackageID"], query: "select PackageID from SMS_TaskSequencePackage") { m in
            // They continue the site's numbering after every other S01 package.
            let others = try m.session.rows("select PackageID from SMS_PackageBaseclass where PackageID like 'S01%'").map { $0[0] }
            let tsIDs = Set(try m.session.rows("select PackageID from SMS_TaskSequencePackage").map { $0[0] })
            let highest = others.filter { !tsIDs.contains($0) }.compactMap { Int($0.dropFirst(3), radix: 16) }.max()!
            return (1...tsIDs.count).map { n in
                let hex = String(highest + n, radix: 16, uppercase: true)
                return ["S01" + String(repeating: "0", count: 5 - hex.count) + hex]
            }
        },
        .init(className: "SMS_Application", keys: ["CI_ID"],
              query: "select LocalizedDisplayName, NumberOfDevicesWithApp, NumberOfDevicesWithFailure from SMS_Application where IsDeployed = true") { m in
            let names = Dictionary(uniqueKeysWithValues: try m.session.rows("select CI_ID, LocalizedDisplayName from SMS_Application").map { ($0[0], $0[1]) })
            var byApp: [UInt32: (Set<UInt32>, Set<UInt32>)] = [:]
            for d in m.deployments where d.feature == .application {
                var entry = byApp[d.ci] ?? ([], [])
                if d.intent == 1 {
                    for (s, st) in m.states(d) {
                        if st == .success { entry.0.insert(s.resourceID) }
                        if st == .error { entry.1.insert(s.resourceID) }
                    }
                }
                byApp[d.ci] = entry
            }
            return byApp.map { [names[String($0.key)]!, String($0.value.0.count), String($0.value.1.subtracting($0.value.0).count)] }
        },
        .init(className: "SMS_ApplicationLatest", keys: ["ModelName"],
              query: "select ModelName, CI_ID, LocalizedDisplayName, SoftwareVersion, NumberOfDevicesWithApp from SMS_ApplicationLatest") { m in
            try m.session.rows("select ModelName, CI_ID, LocalizedDisplayName, SoftwareVersion, NumberOfDevicesWithApp from SMS_Application where IsLatest = true")
        },
        .init(className: "SMS_DeploymentType", keys: ["CI_ID"],
              query: "select dt.Technology, dt.EnforcementSuccess from SMS_DeploymentType dt join SMS_Application a on a.ModelName = dt.AppModelName where a.LocalizedDisplayName = 'Mozilla Firefox' and dt.PriorityInLatestApp = 1") { m in
            let firefox = try m.session.rows("select CI_ID from SMS_Application where LocalizedDisplayName = 'Mozilla Firefox'")[0][0]
            let successes = m.deployments.filter { String($0.ci) == firefox && $0.intent == 1 }.flatMap { m.states($0) }
                .filter { $0.status == .success }.map(\.system.resourceID)
            return [["MSI", String(Set(successes).count)]]
        },
        .init(className: "SMS_SoftwareUpdate", keys: ["CI_ID"],
              query: "select ArticleID, NumPresent, NumMissing, NumTotal from SMS_SoftwareUpdate where IsSuperseded = false and NumMissing > 0") { _ in
            let inventoried = DeploymentModel.fleet.systems.filter { $0.inventory != nil }
            return Set(inventoried.map(\.os.currentUpdate)).map { kb in
                let present = inventoried.count { $0.inventory!.hotfixes.contains { $0.hotFixID == kb } }
                let missing = inventoried.count { $0.os.currentUpdate == kb && DeploymentModel.isPatched($0) == false }
                return [String(kb.dropFirst(2)), String(present), String(missing), String(inventoried.count)]
            }.filter { $0[2] != "0" }
        },
        .init(className: "SMS_AuthorizationList", keys: ["CI_ID"],
              query: "select NumCompliant, NumNonCompliant, NumTotal from SMS_AuthorizationList where LocalizedDisplayName = '2026-11 Patch Tuesday'") { _ in
            let inventoried = DeploymentModel.fleet.systems.filter { $0.inventory != nil }
            let patched = inventoried.count { DeploymentModel.isPatched($0) == true }
            return [[String(patched), String(inventoried.count - patched), String(inventoried.count)]]
        },
        .init(className: "SMS_DeploymentSummary", keys: ["DeploymentID"],
              query: "select DeploymentID, NumberTargeted, NumberSuccess, NumberInProgress, NumberErrors, NumberUnknown, NumberOther from SMS_DeploymentSummary where FeatureType = 1") { m in
            m.deployments.filter { $0.feature == .application }.map { [$0.id] + m.counts($0) }
        },
        .init(className: "SMS_DeploymentInfo", keys: ["DeploymentID", "DeploymentTypeID"],
              query: "select DeploymentID, CollectionName, TargetID from SMS_DeploymentInfo where DeploymentTypeID = 7") { m in
            m.deployments.filter { $0.feature == .taskSequence }.map { [$0.id, m.collectionNames[$0.collection]!, $0.packageID] }
        },
        .init(className: "SMS_ClassicDeploymentAssetDetails", keys: ["DeploymentID", "DeviceID"],
              query: "select DeviceName from SMS_ClassicDeploymentAssetDetails where DeploymentID = 'S0120001' and StatusType = 5") { m in
            m.states(m.deployment("S0120001")).filter { $0.status == .error }.map { [$0.system.name] }
        },
        .init(className: "SMS_AppDeploymentAssetDetails", keys: ["AssignmentID", "DTCI", "DTModelID", "MachineName", "UserName"],
              query: "select MachineName, AppStatusType, UserName from SMS_AppDeploymentAssetDetails where AppName = 'Mozilla Firefox' and AppStatusType <> 1") { m in
            let firefox = try m.session.rows("select CI_ID from SMS_Application where LocalizedDisplayName = 'Mozilla Firefox'")[0][0]
            return m.deployments.filter { String($0.ci) == firefox }.flatMap { m.states($0) }.filter { $0.status != .success }.map {
                [$0.system.name, String($0.status.rawValue), $0.system.lastLogonUserName.map { "CONTOSO\\" + $0 } ?? ""]
            }
        },
    ]

    @Test(arguments: classes) func theClassHasItsKeysAndTheRowsTheModelPredicts(_ c: DeploymentClassCase) throws {
        let m = try DeploymentModel()
        let cls = try #require(m.session.site.repository.cimClass(named: CIMName(c.className)))
        #expect(Set(cls.keyProperties.map(\.name.string)) == c.keys)
        #expect(try m.session.count(CIMName(c.className)) > 0)
        let actual = try m.session.rows(c.query)
        let expected = try c.expected(m)
        #expect(!actual.isEmpty, "\(c.query) returns rows")
        #expect(actual.map { $0.joined(separator: "|") }.sorted() == expected.map { $0.joined(separator: "|") }.sorted(), "\(c.query)")
    }

    @Test func theModelsMembershipIsTheSites() throws {
        let m = try DeploymentModel()
        for id in Set(m.deployments.map(\.collection)) {
            let site = try m.session.rows("select ResourceID from SMS_FullCollectionMembership where CollectionID = '\(id)'").map { UInt32($0[0])! }
            #expect(site.sorted() == DeploymentModel.members(id).map(\.resourceID), "members of \(id)")
        }
    }

    @Test func everySummaryCountsItsClientsStates() throws {
        let m = try DeploymentModel()
        #expect(Set(m.deployments.map(\.feature)) == [.application, .program, .softwareUpdate, .taskSequence])
        var perClient: [String: [String: Int]] = [:]  // deployment → status → clients, from the per-client rows
        for r in try m.session.rows("select DeploymentID, StatusType from SMS_ClassicDeploymentAssetDetails") { perClient[r[0], default: [:]][r[1], default: 0] += 1 }
        for r in try m.session.rows("select AssignmentUniqueID, AppStatusType from SMS_AppDeploymentAssetDetails") { perClient[r[0], default: [:]][r[1], default: 0] += 1 }
        for d in m.deployments {
            let summary = try m.session.rows("""
                select NumberTargeted, NumberSuccess, NumberInProgress, NumberErrors, NumberUnknown, NumberOther, FeatureType, CollectionName
                from SMS_DeploymentSummary where DeploymentID = '\(d.id)'
                """)
            #expect(summary.count == 1, "one summary for \(d.id)")
            guard let row = summary.first else { continue }
            let expected = m.counts(d)
            #expect(Array(row.prefix(6)) == expected, "counts of \(d.id)")
            #expect(row[6] == String(d.feature.rawValue) && row[7] == m.collectionNames[d.collection], "\(d.id)")
            if d.feature != .softwareUpdate {
                let rows = perClient[d.id] ?? [:]
                #expect(rows.values.reduce(0, +) == Int(row[0]), "per-client rows of \(d.id)")
                for (status, column) in [(DeploymentStatus.success, 1), (.inProgress, 2), (.error, 3), (.unknown, 4), (.requirementsNotMet, 5)] {
                    #expect(rows[String(status.rawValue)] ?? 0 == Int(row[column]), "\(status) of \(d.id)")
                }
            }
            #expect(try m.session.rows("select DeploymentTypeID from SMS_DeploymentInfo where DeploymentID = '\(d.id)'") == [[String(d.feature.rawValue)]])
        }
    }

    @Test func aClientsRowsSayWhatItIs() throws {
        let m = try DeploymentModel()
        let d = m.deployment("S0120004")
        let rows = try m.session.rows("select DeviceID, DeviceName, StatusType, PackageID, ProgramName, IsVM from SMS_ClassicDeploymentAssetDetails where DeploymentID = 'S0120004'")
        let expected = m.states(d).map { s, st in
            [String(s.resourceID), s.name, String(st.rawValue), d.packageID, d.program, String(s.hasClient && s.hardware.model.isVirtual)]
        }
        #expect(rows.sorted { $0[0] < $1[0] } == expected)
        // The status message of a program: ConfigMgr's 10009 completed, 10005 started, 10006 failed.
        let messages: [String: String] = ["1": "10009", "2": "10005", "5": "10006"]
        let reported = try m.session.rows("select StatusType, MessageID from SMS_ClassicDeploymentAssetDetails where DeploymentID = 'S0120004' and StatusType <> 4")
        #expect(!reported.isEmpty && reported.allSatisfy { messages[$0[0]] == $0[1] })
    }

    @Test func theStateRuleIsDeterministicAndMostlySuccess() {
        let ids = (0..<2_000).map { Fleet.firstSystemID + UInt32($0) }
        let states = ids.map { DeploymentState.status(resourceID: $0, deploymentID: "S0120001", isClient: true, isActive: true, feature: .program) }
        #expect(states == ids.map { DeploymentState.status(resourceID: $0, deploymentID: "S0120001", isClient: true, isActive: true, feature: .program) })
        let success = Double(states.count { $0 == .success }) / Double(states.count)
        #expect((0.80...0.90).contains(success), "\(success)")
        #expect(!states.contains(.requirementsNotMet) && !states.contains(.unknown))
        // Another deployment draws other numbers for the same clients.
        #expect(ids.map { DeploymentState.bucket(resourceID: $0, deploymentID: "S0120002") } != ids.map { DeploymentState.bucket(resourceID: $0, deploymentID: "S0120001") })
        #expect(DeploymentState.status(resourceID: ids[0], deploymentID: "x", isClient: false, isActive: true, feature: .application) == .unknown)
        #expect(DeploymentState.status(resourceID: ids[0], deploymentID: "x", isClient: true, isActive: false, feature: .application) == .unknown)
        #expect(DeploymentState.updateStatus(resourceID: ids[0], deploymentID: "x", isClient: true, isActive: true, compliant: nil) == .unknown)
        #expect(DeploymentState.updateStatus(resourceID: ids[0], deploymentID: "x", isClient: true, isActive: true, compliant: true) == .success)
    }

    @Test func theDemoSitesOtherDataKeepsItsShape() throws {
        let m = try DeploymentModel()
        // Every advertisement names an existing package and collection; every program, an existing package.
        #expect(try m.session.rows("select a.AdvertisementID from SMS_Advertisement a left join SMS_PackageBaseclass p on p.PackageID = a.PackageID where p.PackageID is null").isEmpty)
        #expect(try m.session.rows("select p.PackageID from SMS_Program p left join SMS_Package k on k.PackageID = p.PackageID where k.PackageID is null").isEmpty)
        #expect(m.deployments.allSatisfy { m.collectionNames[$0.collection] != nil })
        // Each application has its deployment types and one latest row.
        for r in try m.session.rows("select ModelName, NumberOfDeploymentTypes from SMS_Application") {
            #expect(try m.session.rows("select CI_ID from SMS_DeploymentType where AppModelName = '\(r[0])'").count == Int(r[1]))
            #expect(try m.session.rows("select CI_ID from SMS_ApplicationLatest where ModelName = '\(r[0])'").count == 1)
        }
        // The update group holds this month's updates, none superseded.
        let group = try m.session.rows("select NumberOfUpdates, ContainsSupersededUpdates from SMS_AuthorizationList")
        #expect(group == [[String(try m.session.rows("select CI_ID from SMS_SoftwareUpdate where IsDeployed = true").count), "false"]])
    }
}
