// DeploymentState+Rows: what DeploymentState reads from the site, once per class, and the rows it writes,
// built slot by slot (as the fleet's are) because a large fleet has hundreds of thousands of them.
import CIM

/// A member of a target collection, as SMS_FullCollectionMembership records it.
struct DeploymentMember {
    let resourceID: UInt32
    let name: String
    let isClient: Bool
    let isActive: Bool
    let isVM: Bool
}

/// The site's facts a deployment's state depends on, each class read once and indexed.
struct SiteFacts {
    let repository: CIMRepository
    let namespace: String
    /// Packages of every class, by upper-cased PackageID.
    let packages: [String: CIMInstance]
    /// Applications (every revision in SMS_Application) by CI_ID.
    let applications: [UInt32: CIMInstance]
    /// Update groups by CI_ID, and software updates by CI_ID.
    let updateGroups: [UInt32: CIMInstance]
    let updates: [UInt32: CIMInstance]
    /// The last logged-on user of each system, as DOMAIN\user.
    let users: [UInt32: String]
    /// The HotFixIDs of each system with inventory (SMS_G_System_QUICK_FIX_ENGINEERING).
    let hotfixes: [UInt32: Set<String>]
    private let collectionNames: [String: String]
    private let deploymentTypes: [String: [CIMInstance]]
    private var membership: CollectionMembers

    init(_ repository: CIMRepository, _ namespace: String) throws {
        self.repository = repository
        self.namespace = namespace
        membership = CollectionMembers(repository: repository, namespace: namespace)
        func all(_ className: CIMName) throws -> [CIMInstance] {
            guard repository.cimClass(named: className, namespace: namespace) != nil else { return [] }
            return try repository.instances(of: className, namespace: namespace)
        }
        func byCI(_ rows: [CIMInstance]) -> [UInt32: CIMInstance] {
            Dictionary(rows.compactMap { r in r["CI_ID"].flatMap(Self.uint32).map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        }
        packages = Dictionary(try all("SMS_PackageBaseclass").compactMap { p in p["PackageID"]?.stringValue.map { ($0.uppercased(), p) } },
                              uniquingKeysWith: { a, _ in a })
        collectionNames = Dictionary(try all("SMS_Collection").compactMap { c in
            c["CollectionID"]?.stringValue.map { ($0.uppercased(), c["Name"]?.stringValue ?? "") }
        }, uniquingKeysWith: { a, _ in a })
        applications = byCI(try all("SMS_Application"))
        updateGroups = byCI(try all("SMS_AuthorizationList"))
        updates = byCI(try all("SMS_SoftwareUpdate"))
        var types: [String: [CIMInstance]] = [:]
        for dt in try all("SMS_DeploymentType") {
            if let model = dt["AppModelName"]?.stringValue { types[model.lowercased(), default: []].append(dt) }
        }
        deploymentTypes = types

        // One pass over each of the two large classes, through slots rather than names.
        var users: [UInt32: String] = [:]
        let system = try repository.requireClass("SMS_R_System", namespace: namespace)
        if let id = system.slot(of: "ResourceID"), let name = system.slot(of: "LastLogonUserName"),
           let domain = system.slot(of: "LastLogonUserDomain") {
            try repository.forEachInstance(of: "SMS_R_System", namespace: namespace) { r in
                if let rid = Self.uint32(r[slot: id]), let user = r[slot: name].stringValue {
                    users[rid] = (r[slot: domain].stringValue ?? Fleet.domain) + "\\" + user
                }
                return true
            }
        }
        self.users = users
        var hotfixes: [UInt32: Set<String>] = [:]
        let qfe = try repository.requireClass("SMS_G_System_QUICK_FIX_ENGINEERING", namespace: namespace)
        if let id = qfe.slot(of: "ResourceID"), let fix = qfe.slot(of: "HotFixID") {
            try repository.forEachInstance(of: "SMS_G_System_QUICK_FIX_ENGINEERING", namespace: namespace) { r in
                if let rid = Self.uint32(r[slot: id]), let kb = r[slot: fix].stringValue { hotfixes[rid, default: []].insert(kb.uppercased()) }
                return true
            }
        }
        self.hotfixes = hotfixes
    }

    static func uint32(_ v: CIMValue) -> UInt32? { v.integerValue.flatMap { UInt32(exactly: $0) } }

    func collectionName(_ id: String) throws -> String {
        guard let name = collectionNames[id.uppercased()] else { throw CIMError(.notFound, "Collection \(id) does not exist.") }
        return name
    }

    /// A collection's members in ResourceID order.
    mutating func members(of collectionID: String) throws -> [DeploymentMember] { try membership.of(collectionID) }

    /// The deployment type a device gets: the application's first by PriorityInLatestApp.
    func primaryDeploymentType(of app: CIMInstance) -> CIMInstance? {
        guard let model = app["ModelName"]?.stringValue else { return nil }
        return deploymentTypes[model.lowercased()]?.min {
            ($0["PriorityInLatestApp"]?.integerValue ?? .max) < ($1["PriorityInLatestApp"]?.integerValue ?? .max)
        }
    }

    /// The updates of a group, as HotFixIDs (KB5048667): "KB" and each update's ArticleID.
    func articleIDs(of group: CIMInstance?) -> [String] {
        guard case .array(let ids)? = group?["Updates"] else { return [] }
        return ids.elements.compactMap { Self.uint32($0).flatMap { updates[$0]?["ArticleID"]?.stringValue }.map { "KB" + $0.uppercased() } }
    }

    // MARK: - Statistics on the deployed objects

    /// Applications (both classes) and deployment types with the devices that installed them or failed to, by the
    /// deployment types' results of install deployments.
    func applicationStatistics(_ results: [UInt32: (success: Set<UInt32>, failed: Set<UInt32>)], now: CIMDateTime) throws -> [CIMInstance] {
        var out: [CIMInstance] = []
        var dtsByModel: [String: [UInt32]] = [:]
        for (model, dts) in deploymentTypes { dtsByModel[model] = dts.compactMap { $0["CI_ID"].flatMap(Self.uint32) } }
        var latest = try repository.instances(of: "SMS_ApplicationLatest", namespace: namespace)
        latest.sort { ($0["ModelName"]?.stringValue ?? "") < ($1["ModelName"]?.stringValue ?? "") }
        for app in applications.values.sorted(by: { ($0["CI_ID"]?.integerValue ?? 0) < ($1["CI_ID"]?.integerValue ?? 0) }) + latest {
            let dts = dtsByModel[(app["ModelName"]?.stringValue ?? "").lowercased()] ?? []
            var success = Set<UInt32>(), failed = Set<UInt32>()
            for dt in dts { success.formUnion(results[dt]?.success ?? []); failed.formUnion(results[dt]?.failed ?? []) }
            var updated = app
            try updated.set("NumberOfDevicesWithApp", .uint32(UInt32(success.count)))
            try updated.set("NumberOfDevicesWithFailure", .uint32(UInt32(failed.subtracting(success).count)))
            try updated.set("SummarizationTime", .datetime(now))
            out.append(updated)
        }
        for dt in deploymentTypes.values.joined().sorted(by: { ($0["CI_ID"]?.integerValue ?? 0) < ($1["CI_ID"]?.integerValue ?? 0) }) {
            var updated = dt
            let ci = dt["CI_ID"].flatMap(Self.uint32) ?? 0
            try updated.set("EnforcementSuccess", .uint32(UInt32(results[ci]?.success.count ?? 0)))
            out.append(updated)
        }
        return out.sorted { $0.className.string < $1.className.string }  // putStoredInstances wants each class's rows together
    }

    /// Software updates and update groups with their compliance over the systems with inventory: present where the
    /// inventory lists the update, missing where ``DeploymentState/isMissing(_:on:)`` says so, not applicable
    /// elsewhere; an update group is compliant on a system that misses none of its updates.
    func updateCompliance(now: CIMDateTime) throws -> [CIMInstance] {
        let total = hotfixes.count
        func percent(_ n: Int) -> UInt32 { total == 0 ? 100 : UInt32(n * 100 / total) }
        var out: [CIMInstance] = []
        for update in updates.values.sorted(by: { ($0["CI_ID"]?.integerValue ?? 0) < ($1["CI_ID"]?.integerValue ?? 0) }) {
            guard let article = update["ArticleID"]?.stringValue else { continue }
            let kb = "KB" + article.uppercased()
            var present = 0, missing = 0
            for fixes in hotfixes.values {
                if fixes.contains(kb) { present += 1 } else if DeploymentState.isMissing(kb, on: fixes) { missing += 1 }
            }
            var updated = update
            for (property, n): (CIMName, Int) in [("NumPresent", present), ("NumMissing", missing), ("NumNotApplicable", total - present - missing),
                                                  ("NumUnknown", 0), ("NumTotal", total)] {
                try updated.set(property, .uint32(UInt32(n)))
            }
            try updated.set("PercentCompliant", .uint32(percent(total - missing)))
            try updated.set("LastStatusTime", .datetime(now))
            out.append(updated)
        }
        for group in updateGroups.values.sorted(by: { ($0["CI_ID"]?.integerValue ?? 0) < ($1["CI_ID"]?.integerValue ?? 0) }) {
            let kbs = articleIDs(of: group)
            let compliant = hotfixes.values.filter { fixes in !kbs.contains { DeploymentState.isMissing($0, on: fixes) } }.count
            var updated = group
            for (property, n): (CIMName, Int) in [("NumCompliant", compliant), ("NumNonCompliant", total - compliant), ("NumUnknown", 0),
                                                  ("NumTotal", total)] {
                try updated.set(property, .uint32(UInt32(n)))
            }
            try updated.set("PercentCompliant", .uint32(percent(compliant)))
            try updated.set("LastStatusTime", .datetime(now))
            out.append(updated)
        }
        return out
    }
}

/// Builds DeploymentState's rows from values in a fixed order of properties (see ``PreparedClass``).
struct RowWriter {
    private let classic: PreparedClass
    private let app: PreparedClass
    private let information: PreparedClass
    private let summary: PreparedClass

    init(_ repository: CIMRepository, _ namespace: String) throws {
        classic = try PreparedClass(repository, "SMS_ClassicDeploymentAssetDetails", [
            "DeploymentID", "DeviceID", "DeviceName", "CollectionID", "CollectionName", "PackageID", "PackageName", "ProgramName",
            "StatusType", "MessageID", "StatusDescription", "SummarizationTime", "UserName", "IsVM", "IsMachineAssignedToUser",
        ], id: 0, namespace: namespace)
        app = try PreparedClass(repository, "SMS_AppDeploymentAssetDetails", [
            "AssignmentID", "DTCI", "DTModelID", "MachineName", "UserName", "AppCI", "AppName", "AppStatusType", "StatusType",
            "AssignmentUniqueID", "CollectionID", "CollectionName", "ComplianceState", "DeploymentIntent", "DTName", "Technology",
            "EnforcementState", "InstalledState", "IsVM", "MachineID", "PolicyModelID", "Revision", "StartTime", "IsMachineAssignedToUser",
        ], id: 1, namespace: namespace)
        information = try PreparedClass(repository, "SMS_DeploymentInfo", [
            "DeploymentID", "DeploymentTypeID", "DeploymentType", "DeploymentIntent", "DeploymentName", "CollectionID", "CollectionName",
            "TargetID", "TargetName", "TargetSubName", "TargetSecurityTypeID",
        ], id: 2, namespace: namespace)
        summary = try PreparedClass(repository, "SMS_DeploymentSummary", [], id: 3, namespace: namespace)
    }

    /// Software distribution status messages: ConfigMgr's IDs for a program, and for a task sequence.
    private static func message(_ s: DeploymentStatus, taskSequence: Bool) -> (CIMValue, String) {
        switch (s, taskSequence) {
        case (.success, false): (.uint32(10009), "Program completed successfully")
        case (.inProgress, false): (.uint32(10005), "Program started")
        case (.error, false): (.uint32(10006), "Program failed")
        case (.success, true): (.uint32(11171), "The task sequence completed successfully")
        case (.inProgress, true): (.uint32(11140), "The task sequence started")
        case (.error, true): (.uint32(11170), "The task sequence failed")
        case (.unknown, _), (.requirementsNotMet, _): (.null, "No status")
        }
    }

    func classic(_ m: DeploymentMember, deploymentID: String, collection: String, _ collectionName: String, packageID: String,
                 packageName: String, program: String, status: DeploymentStatus, isTaskSequence: Bool, now: CIMDateTime,
                 user: String?) throws -> CIMInstance {
        let (messageID, description) = Self.message(status, taskSequence: isTaskSequence)
        return try classic.instance(nil, [
            .string(deploymentID), .uint32(m.resourceID), .string(m.name), .string(collection), .string(collectionName),
            .string(packageID), .string(packageName), .string(program), .uint32(status.rawValue), messageID, .string(description),
            .datetime(now), user.map(CIMValue.string) ?? .null, .boolean(m.isVM), .boolean(false),
        ])
    }

    func app(_ m: DeploymentMember, declared: CIMInstance, app: CIMInstance, deploymentType dt: CIMInstance?, collectionName: String,
             intent: UInt32, status s: DeploymentStatus, user: String?) throws -> CIMInstance {
        // InstalledState 2 Install / 1 Uninstall / 3 Unknown: what the device has once the state is reached.
        let installed: UInt32 = s == .unknown ? 3 : (s == .success) == (intent == 1) ? 2 : 1
        let compliance: UInt32 = s == .success ? 1 : s == .unknown ? 0 : 2
        let enforcement: UInt32 = switch s {
        case .success: 10
        case .inProgress: 1
        case .error: 6
        case .unknown, .requirementsNotMet: 0
        }
        return try self.app.instance(nil, [
            declared["AssignmentID"] ?? .null, dt?["CI_ID"] ?? .uint32(0), dt?["ModelID"] ?? .uint32(0), .string(m.name),
            .string(user ?? ""), app["CI_ID"] ?? .null, app["LocalizedDisplayName"] ?? .null, .uint32(s.rawValue), .uint32(s.rawValue),
            declared["DeploymentID"] ?? .null, declared["CollectionID"] ?? .null, .string(collectionName), .uint32(compliance),
            .uint32(intent), dt?["LocalizedDisplayName"] ?? .null, dt?["Technology"] ?? .null, .uint32(enforcement), .uint32(installed),
            .boolean(m.isVM), .uint32(m.resourceID), declared["PolicyModelID"] ?? .null, app["CIVersion"] ?? .null,
            declared["DeploymentTime"] ?? .null, .boolean(false),
        ])
    }

    func info(_ id: String, _ feature: DeploymentFeature, intent: UInt32, name: String, collection: String, _ collectionName: String,
              target: String, targetName: String, subName: String, securityType: UInt32?) throws -> CIMInstance {
        try information.instance(nil, [
            // DeploymentType is the target's security type, as sites fill it (31 an application, 2 a package's program,
            // 20 a task sequence), which scripts filter by; the feature where there is none (update groups).
            .string(id), .uint32(feature.rawValue), .uint32(securityType ?? feature.rawValue), .uint32(intent), .string(name), .string(collection),
            .string(collectionName), .string(target), .string(targetName), .string(subName), securityType.map(CIMValue.uint32) ?? .null,
        ])
    }

    func newSummary() throws -> CIMInstance { try summary.instance(nil, []) }
}

/// Collections' members as SMS_FullCollectionMembership records them, each collection read once.
struct CollectionMembers {
    let repository: CIMRepository
    let namespace: String
    private var known: [String: [DeploymentMember]] = [:]

    init(repository: CIMRepository, namespace: String) {
        self.repository = repository
        self.namespace = namespace
    }

    /// A collection's members in ResourceID order, read once through the CollectionID index.
    mutating func of(_ collectionID: String) throws -> [DeploymentMember] {
        let key = collectionID.uppercased()
        if let members = known[key] { return members }
        let cls = try repository.requireClass("SMS_FullCollectionMembership", namespace: namespace)
        guard let id = cls.slot(of: "ResourceID"), let name = cls.slot(of: "Name"), let client = cls.slot(of: "IsClient"),
              let active = cls.slot(of: "IsActive"), let vm = cls.slot(of: "IsVirtualMachine"),
              let collection = cls.slot(of: "CollectionID") else {
            throw CIMError(.invalidClass, "SMS_FullCollectionMembership lacks the properties deployments read.")
        }
        let obsolete = cls.slot(of: "IsObsolete")
        let rows = try repository.instances(of: cls, whereSlot: collection, equals: .string(collectionID), namespace: namespace)
        // An obsolete record stands for a computer that has a newer record (same name): it is not targeted.
        let members = rows.compactMap { r -> DeploymentMember? in
            guard let rid = SiteFacts.uint32(r[slot: id]), obsolete.map({ r[slot: $0].boolValue != true }) ?? true else { return nil }
            return DeploymentMember(resourceID: rid, name: r[slot: name].stringValue ?? "", isClient: r[slot: client].boolValue ?? false,
                                    isActive: r[slot: active].boolValue ?? false, isVM: r[slot: vm].boolValue ?? false)
        }.sorted { $0.resourceID < $1.resourceID }
        known[key] = members
        return members
    }
}
