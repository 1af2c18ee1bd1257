// DeploymentState: what every targeted client reports for every deployment of the demo site — the summaries
// (SMS_DeploymentSummary, SMS_DeploymentInfo), the per-client rows (SMS_ClassicDeploymentAssetDetails,
// SMS_AppDeploymentAssetDetails) and the compliance counts of software updates, computed once collections are
// evaluated. A real site learns these from clients' state messages; here a client's state follows from facts
// tests can work out on their own (its discovery record, its inventory, a hash), so every count is checkable.
import CIM

/// A client's state for one deployment, numbered as SMS_AppDeploymentAssetDetails.AppStatusType; classic
/// deployments (SMS_ClassicDeploymentAssetDetails.StatusType) use the same numbers and never RequirementsNotMet.
public enum DeploymentStatus: UInt32, Sendable, CaseIterable {
    case success = 1, inProgress = 2, requirementsNotMet = 3, unknown = 4, error = 5
}

/// What a deployment deploys: SMS_DeploymentSummary.FeatureType (and SMS_DeploymentInfo.DeploymentTypeID).
public enum DeploymentFeature: UInt32, Sendable {
    case application = 1, program = 2, softwareUpdate = 5, taskSequence = 7
}

/// Computes the demo site's deployment state. ``generate()`` reads the deployments — every SMS_Advertisement, and
/// the application (FeatureType 1) and software update (FeatureType 5) deployments declared as SMS_DeploymentSummary
/// rows — and each target collection's members from SMS_FullCollectionMembership, once, then stores every row in
/// bulk: no hooks, no per-client queries, so 100,000 systems cost seconds, not minutes.
struct DeploymentState {
    let repository: CIMRepository
    let namespace: String
    let clock: SiteClock

    // MARK: - The rule

    /// A number in 0..<100 fixed by the client and the deployment: FNV-1a of the deployment ID, mixed with the
    /// ResourceID by SplitMix64's finalizer. The same pair gives the same number on every machine and every run.
    static func bucket(resourceID: UInt32, deploymentID: String) -> Int {
        bucket(resourceID: resourceID, seed: seed(deploymentID))
    }

    /// The deployment's part of ``bucket(resourceID:deploymentID:)``, worked out once per deployment.
    static func seed(_ deploymentID: String) -> UInt64 { FleetRandom.fnv1a(deploymentID.utf8) }

    static func bucket(resourceID: UInt32, seed h: UInt64) -> Int {
        var z = h ^ (UInt64(resourceID) &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % 100)
    }

    /// A client's state for an application, program or task sequence deployment. A resource that is not an active
    /// client (SMS_R_System.Client = 1 and Active = 1) reports nothing: Unknown. Otherwise its bucket decides —
    /// below 85 Success, below 92 In progress, then for an application below 95 Requirements not met, and Error.
    static func status(resourceID: UInt32, deploymentID: String, isClient: Bool, isActive: Bool,
                       feature: DeploymentFeature) -> DeploymentStatus {
        status(resourceID: resourceID, seed: seed(deploymentID), isClient: isClient, isActive: isActive, feature: feature)
    }

    static func status(resourceID: UInt32, seed: UInt64, isClient: Bool, isActive: Bool, feature: DeploymentFeature) -> DeploymentStatus {
        guard isClient && isActive else { return .unknown }
        let b = bucket(resourceID: resourceID, seed: seed)
        if b < 85 { return .success }
        if b < 92 { return .inProgress }
        if feature == .application && b < 95 { return .requirementsNotMet }
        return .error
    }

    /// A client's state for a software update deployment: Unknown unless it is an active client with inventory
    /// (`compliant` nil when it has none); Success when no update of the group is missing on it (its inventory
    /// holds its release's current cumulative update); otherwise In progress when its bucket is below 60, else Error.
    static func updateStatus(resourceID: UInt32, deploymentID: String, isClient: Bool, isActive: Bool,
                             compliant: Bool?) -> DeploymentStatus {
        guard isClient && isActive, let compliant else { return .unknown }
        if compliant { return .success }
        return bucket(resourceID: resourceID, deploymentID: deploymentID) < 60 ? .inProgress : .error
    }

    // MARK: - Cumulative updates

    /// The fleet's cumulative updates, as its catalog pairs them: each release's previous update → its current one.
    static let supersededBy: [String: String] = {
        let releases = FleetCatalog.workstationReleases.map(\.0) + FleetCatalog.serverReleases.map(\.0) + [FleetCatalog.windows10LTSC]
        var pairs: [String: String] = [:]
        for os in releases { pairs[os.previousUpdate] = os.currentUpdate }
        return pairs
    }()
    static let currentUpdates = Set(supersededBy.values)

    /// Whether update `kb` (as a HotFixID, KB5048667) is missing on a system whose inventory lists `hotfixes`:
    /// a current cumulative update is missing where its release's previous one is installed instead (elsewhere it
    /// does not apply); a superseded one is never missing; any other update applies everywhere.
    static func isMissing(_ kb: String, on hotfixes: Set<String>) -> Bool {
        if hotfixes.contains(kb) { return false }
        if currentUpdates.contains(kb) { return hotfixes.contains { supersededBy[$0] == kb } }
        return supersededBy[kb] == nil
    }

    // MARK: - Generating

    /// The classes ``generate()`` writes: reading any of them makes the state first.
    static let classesMade: [CIMName] = [
        "SMS_DeploymentSummary", "SMS_DeploymentInfo", "SMS_ClassicDeploymentAssetDetails", "SMS_AppDeploymentAssetDetails",
        "SMS_ConfigurationItemBaseClass", "SMS_ApplicationLatest",
    ]

    func generate() throws {
        let now = CIMDateTime(utcMicroseconds: clock.now.utcMicroseconds - clock.now.utcMicroseconds % 1_000_000)
        var facts = try SiteFacts(repository, namespace)
        var rows = RowSets()
        let writer = try RowWriter(repository, namespace)
        var summaries: [CIMInstance] = []
        var infos: [CIMInstance] = []

        for ad in try repository.instances(of: "SMS_Advertisement", namespace: namespace) {
            guard let id = ad["AdvertisementID"]?.stringValue, let collection = ad["CollectionID"]?.stringValue else { continue }
            let packageID = ad["PackageID"]?.stringValue ?? ""
            let package = facts.packages[packageID.uppercased()]
            let isTaskSequence = package?.className == "SMS_TaskSequencePackage" || package?["PackageType"]?.integerValue == 4
            let feature: DeploymentFeature = isTaskSequence ? .taskSequence : .program
            let program = ad["ProgramName"]?.stringValue ?? ""
            let packageName = package?["Name"]?.stringValue ?? packageID
            let software = isTaskSequence ? packageName : "\(packageName) (\(program))"
            var counts = Counts()
            let seed = Self.seed(id)
            for m in try facts.members(of: collection) {
                let s = Self.status(resourceID: m.resourceID, seed: seed, isClient: m.isClient, isActive: m.isActive, feature: feature)
                counts.add(s)
                rows.classic.append(try writer.classic(m, deploymentID: id, collection: collection, facts.collectionName(collection),
                                                       packageID: packageID, packageName: packageName, program: program,
                                                       status: s, isTaskSequence: isTaskSequence, now: now, user: facts.users[m.resourceID]))
            }
            let present = ad["PresentTime"] ?? .null
            var deadline = CIMValue.null
            if ad["OfferType"]?.integerValue == 0, case .datetime(let t) = present {
                deadline = .datetime(CIMDateTime(utcMicroseconds: t.utcMicroseconds + 7 * 86_400_000_000))  // a week to comply
            }
            var summary = try writer.newSummary()
            for (name, value): (CIMName, CIMValue) in [
                ("DeploymentID", .string(id)), ("FeatureType", .uint32(feature.rawValue)), ("PackageID", .string(packageID)),
                ("ProgramName", .string(program)), ("SoftwareName", .string(software)), ("CollectionID", .string(collection)),
                ("DeploymentIntent", .uint32(1)), ("DeploymentTime", present), ("CreationTime", present), ("ModificationTime", present),
                ("EnforcementDeadline", deadline), ("ObjectTypeID", .uint32(201)), ("SecuredObjectId", .string(id)),
            ] { try summary.set(name, value) }
            try finish(&summary, counts, collection: facts.collectionName(collection), now: now)
            summaries.append(summary)
            infos.append(try writer.info(id, feature, intent: 1, name: ad["AdvertisementName"]?.stringValue ?? id, collection: collection,
                                         facts.collectionName(collection), target: packageID, targetName: packageName,
                                         subName: program, securityType: isTaskSequence ? 20 : 2))
        }

        // Application and update deployments are declared by their summaries; their counts are filled in here.
        var appResults: [UInt32: (success: Set<UInt32>, failed: Set<UInt32>)] = [:]  // by deployment type CI_ID
        for declared in try repository.instances(of: "SMS_DeploymentSummary", namespace: namespace) {
            guard let raw = declared["FeatureType"]?.integerValue, let feature = DeploymentFeature(rawValue: UInt32(raw)),
                  feature == .application || feature == .softwareUpdate,
                  let id = declared["DeploymentID"]?.stringValue, let collection = declared["CollectionID"]?.stringValue,
                  let ci = declared["CI_ID"]?.integerValue.flatMap({ UInt32(exactly: $0) }) else { continue }
            let intent = UInt32(declared["DeploymentIntent"]?.integerValue ?? 1)
            let collectionName = try facts.collectionName(collection)
            var counts = Counts()
            var summary = declared
            if feature == .application {
                guard let app = facts.applications[ci] else { continue }
                let dt = facts.primaryDeploymentType(of: app)
                let dtCI = dt?["CI_ID"]?.integerValue.flatMap { UInt32(exactly: $0) } ?? 0
                let seed = Self.seed(id)
                for m in try facts.members(of: collection) {
                    let s = Self.status(resourceID: m.resourceID, seed: seed, isClient: m.isClient, isActive: m.isActive, feature: .application)
                    counts.add(s)
                    if intent == 1 && s == .success { appResults[dtCI, default: ([], [])].success.insert(m.resourceID) }
                    if intent == 1 && s == .error { appResults[dtCI, default: ([], [])].failed.insert(m.resourceID) }
                    rows.app.append(try writer.app(m, declared: declared, app: app, deploymentType: dt, collectionName: collectionName,
                                                   intent: intent, status: s, user: facts.users[m.resourceID]))
                }
                let name = app["LocalizedDisplayName"]?.stringValue ?? ""
                infos.append(try writer.info(id, feature, intent: intent, name: "\(name)_\(collectionName)_\(intent == 2 ? "Uninstall" : "Install")",
                                             collection: collection, collectionName, target: app["CI_UniqueID"]?.stringValue ?? "",
                                             targetName: name, subName: "", securityType: 31))
            } else {
                let group = facts.updateGroups[ci]
                let kbs = facts.articleIDs(of: group)
                for m in try facts.members(of: collection) {
                    let compliant = facts.hotfixes[m.resourceID].map { fixes in !kbs.contains { Self.isMissing($0, on: fixes) } }
                    counts.add(Self.updateStatus(resourceID: m.resourceID, deploymentID: id, isClient: m.isClient, isActive: m.isActive, compliant: compliant))
                }
                let name = group?["LocalizedDisplayName"]?.stringValue ?? declared["SoftwareName"]?.stringValue ?? ""
                infos.append(try writer.info(id, feature, intent: intent, name: "\(name)_\(collectionName)", collection: collection,
                                             collectionName, target: group?["CI_UniqueID"]?.stringValue ?? "", targetName: name,
                                             subName: "", securityType: nil))
            }
            try finish(&summary, counts, collection: collectionName, now: now)
            summaries.append(summary)
        }

        try repository.putStoredInstances(summaries, namespace: namespace)
        try repository.putStoredInstances(infos, namespace: namespace)
        try repository.putStoredInstances(rows.classic, namespace: namespace)
        try repository.putStoredInstances(rows.app, namespace: namespace)
        try repository.putStoredInstances(try facts.applicationStatistics(appResults, now: now), namespace: namespace)
        try repository.putStoredInstances(try facts.updateCompliance(now: now), namespace: namespace)
    }

    /// Stamps a summary with its counts, which are those of its per-client states.
    private func finish(_ summary: inout CIMInstance, _ c: Counts, collection name: String, now: CIMDateTime) throws {
        for (property, n): (CIMName, Int) in [
            ("NumberTargeted", c.targeted), ("NumberSuccess", c[.success]), ("NumberInProgress", c[.inProgress]),
            ("NumberErrors", c[.error]), ("NumberUnknown", c[.unknown]), ("NumberOther", c[.requirementsNotMet]),
        ] { try summary.set(property, .sint32(Int32(clamping: n))) }
        try summary.set("CollectionName", .string(name))
        try summary.set("SummarizationTime", .datetime(now))
    }

    /// How many clients of a deployment are in each state.
    struct Counts {
        private var byStatus = [Int](repeating: 0, count: 6)
        private(set) var targeted = 0
        mutating func add(_ s: DeploymentStatus) { byStatus[Int(s.rawValue)] += 1; targeted += 1 }
        subscript(_ s: DeploymentStatus) -> Int { byStatus[Int(s.rawValue)] }
    }

    private struct RowSets {
        var classic: [CIMInstance] = []
        var app: [CIMInstance] = []
    }
}
