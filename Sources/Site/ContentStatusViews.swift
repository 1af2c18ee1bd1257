// ContentStatusViews: the summaries a site keeps of where content is, computed from the summarizer rows (one per
// package per distribution point) whenever one changes — the rows the console's Content Status and Distribution
// Point Configuration Status views read — and, when a package itself is made, changed or deleted, its content
// information (SMS_ObjectContentInfo, SMS_ObjectContentExtraInfo).
import CIM

struct ContentStatusViews {
    let repository: CIMRepository
    let namespace: String
    let clock: SiteClock

    private static let summarizer: CIMName = "SMS_PackageStatusDistPointsSummarizer"

    var hasViews: Bool { repository.cimClass(named: "SMS_ObjectContentInfo", namespace: namespace) != nil }

    func packageName(_ id: String) -> String { package(id)?["Name"]?.stringValue ?? id }

    /// Recomputes what depends on the package's copy on one DP, whose state went from `before` to `after` (nil:
    /// no row): that copy's rows and the package's summaries; the DP's counts move by that one copy.
    func refresh(package id: String, nalPath: String, from before: DistributionState?, to after: DistributionState?) throws {
        let rows = try repository.instances(of: Self.summarizer, where: "PackageID", equals: .string(id), namespace: namespace)
        let package = self.package(id)
        let here = rows.first { $0["ServerNALPath"]?.stringValue?.equalsIgnoringCase(nalPath) == true }
        try refreshCopy(package, id: id, nalPath: nalPath, row: here)
        try refreshPackage(package, id: id, rows: rows)
        try adjustServer(nalPath, from: before, to: after)
    }

    // MARK: - One copy: SMS_DistributionDPStatus, SMS_DPContentInfo

    private func refreshCopy(_ package: CIMInstance?, id: String, nalPath: String, row: CIMInstance?) throws {
        let server = Self.server(nalPath)
        let (packageType, objectType) = Self.types(of: package)
        try put("SMS_DPContentInfo", keys: [("NALPath", .string(nalPath)), ("ObjectID", .string(id))], row.map { _ in [
            ("PackageID", .string(id)), ("Name", package?["Name"] ?? .null), ("Description", package?["Description"] ?? .null),
            ("ObjectType", .uint32(packageType)), ("ObjectTypeID", .uint32(objectType)),
            ("SourceSize", package?["PackageSize"] ?? .null), ("IsPredefinedPackage", .boolean(false)),
        ] })
        let existing = try repository.instances(of: "SMS_DistributionDPStatus", where: "PackageID", equals: .string(id), namespace: namespace)
            .first { $0["NalPath"]?.stringValue?.equalsIgnoringCase(nalPath) == true }
        guard let row, let state = DistributionState(of: row) else {
            if let existing { try repository.deleteInstance(at: existing.path, namespace: namespace) }
            return
        }
        let outcome = ContentOutcome(state)
        let message = DistributionMessages.messages(package: id, nalPath: nalPath, version: "", from: nil, to: state,
                                                    name: package?["Name"]?.stringValue ?? id).first
        let statusID = try existing?["ID"]
            ?? .uint64(UInt64(repository.nextFreeNumber("SMS_DistributionDPStatus", key: "ID", as: { .uint64(UInt64($0)) }, namespace: namespace)))
        try put("SMS_DistributionDPStatus", keys: [("ID", statusID)], [
            ("PackageID", .string(id)), ("ObjectID", .string(id)), ("ObjectTypeID", .uint32(objectType)),
            ("NalPath", .string(nalPath)), ("Name", .string(server)), ("SiteCode", row["SiteCode"] ?? .null),
            // A failed copy is 4 in this class, as sites report it (see the schema).
            ("MessageState", .uint32(outcome == .error ? 4 : outcome.rawValue)), ("MessageID", .uint32(message?.messageID ?? 0)),
            ("MessageSeverity", .uint32((message?.severity ?? .informational).rawValue)),
            ("LastUpdateDate", row["SummaryDate"] ?? .datetime(clock.now)), ("ResourceType", .string("Windows NT Server")),
            ("IsPeerDP", .boolean(false)), ("GroupCount", .uint32(0)),
            ("InsString1", .string(message?.strings.first ?? "")), ("InsString2", .string(message?.strings.dropFirst().first ?? "")),
        ])
    }

    // MARK: - One package: SMS_ObjectContentInfo, SMS_ObjectContentExtraInfo, SMS_DistributionStatus, summarizers

    /// Recomputes a package's content information after the package itself changed — made, renamed, refreshed or
    /// deleted — which moves no summarizer row, so ``refresh(package:nalPath:)`` does not run.
    func refreshContentInformation(package id: String) throws {
        let rows = try repository.instances(of: Self.summarizer, where: "PackageID", equals: .string(id), namespace: namespace)
        try refreshContentInformation(package(id), id: id, rows: rows)
    }

    /// SMS_ObjectContentInfo, which has a row while the package is on some distribution point, and
    /// SMS_ObjectContentExtraInfo, which has one for every package: both are written from one list of values, so
    /// where both have a row they agree.
    private func refreshContentInformation(_ package: CIMInstance?, id: String, rows: [CIMInstance]) throws {
        let counts = Counts(rows)
        let (packageType, objectType) = Self.types(of: package)
        let values: [(CIMName, CIMValue)] = [
            ("PackageID", .string(id)), ("SoftwareName", package?["Name"] ?? .null), ("Description", package?["Description"] ?? .null),
            ("SourceVersion", package?["SourceVersion"] ?? .null), ("SourceSite", package?["SourceSite"] ?? .null),
            ("SourceSize", package?["PackageSize"] ?? .null), ("ObjectType", .uint32(packageType)),
            ("ObjectTypeID", .uint32(objectType)), ("Targeted", .uint32(counts.targeted)),
            // The SDK gives 8 as FeatureType's default, and names no other value for a package.
            ("FeatureType", .uint32(8)),
            ("NumberSuccess", .uint32(counts.success)), ("NumberInProgress", .uint32(counts.inProgress)),
            ("NumberErrors", .uint32(counts.error)), ("NumberUnknown", .uint32(0)),
            ("DateCreated", package?["SourceDate"] ?? .null), ("LastUpdateDate", .datetime(clock.now)),
        ]
        try put("SMS_ObjectContentInfo", keys: [("ObjectID", .string(id))], rows.isEmpty ? nil : values)
        try put("SMS_ObjectContentExtraInfo", keys: [("ObjectID", .string(id))], package == nil ? nil : values)
    }

    private func refreshPackage(_ package: CIMInstance?, id: String, rows: [CIMInstance]) throws {
        let counts = Counts(rows)
        let (_, objectType) = Self.types(of: package)
        let now = CIMValue.datetime(clock.now)
        let source: [(CIMName, CIMValue)] = [
            ("Name", package?["Name"] ?? .null), ("SourceVersion", package?["SourceVersion"] ?? .null),
            ("SourceSite", package?["SourceSite"] ?? .null), ("SourceSize", package?["PackageSize"] ?? .null),
        ]
        let tallies: [(CIMName, CIMValue)] = [
            ("Targeted", .uint32(counts.targeted)), ("Installed", .uint32(counts.success)),
            ("Retrying", .uint32(counts.retrying)), ("Failed", .uint32(counts.error)),
        ]
        let none = rows.isEmpty
        try refreshContentInformation(package, id: id, rows: rows)
        try put("SMS_PackageStatusRootSummarizer", keys: [("PackageID", .string(id))], none ? nil : source + tallies + [
            ("SourceDate", package?["SourceDate"] ?? .null), ("SourceCompressedSize", package?["PackageSize"] ?? .null),
        ])
        for type in [ContentOutcome.success, .inProgress, .error] {
            let assets = counts.count(type)
            let values: [(CIMName, CIMValue)] = [("PackageID", .string(id)), ("ObjectTypeID", .uint32(objectType)),
                                                 ("Type", .uint32(type.rawValue)), ("Assets", .uint32(assets)), ("LastUpdateDate", now)]
            try put("SMS_DistributionStatus", keys: [("MessageCategory", .uint32(type.rawValue)), ("ObjectID", .string(id))],
                    assets == 0 ? nil : values)
        }
        // One detail row per site the package is targeted at; a site whose last copy went loses its row.
        let sites = Dictionary(grouping: rows) { $0["SiteCode"]?.stringValue ?? "" }
        let stale = try repository.instances(of: "SMS_PackageStatusDetailSummarizer", where: "PackageID", equals: .string(id), namespace: namespace)
        for old in stale where sites[old["SiteCode"]?.stringValue ?? ""] == nil {
            try repository.deleteInstance(at: old.path, namespace: namespace)
        }
        for (site, siteRows) in sites {
            let siteCounts = Counts(siteRows)
            try put("SMS_PackageStatusDetailSummarizer", keys: [("PackageID", .string(id)), ("SiteCode", .string(site))], [
                ("Name", package?["Name"] ?? .null), ("SourceVersion", package?["SourceVersion"] ?? .null),
                ("SiteName", siteRows.first?["SiteName"] ?? .null), ("SummaryDate", now),
                ("Targeted", .uint32(siteCounts.targeted)), ("Installed", .uint32(siteCounts.success)),
                ("Retrying", .uint32(siteCounts.retrying)), ("Failed", .uint32(siteCounts.error)),
            ])
        }
    }

    // MARK: - One distribution point: SMS_DPStatusInfo

    /// The DP's counts over every package it holds, counted afresh. A DP with nothing on it keeps its row, with zeros.
    func refreshServer(_ nalPath: String) throws {
        guard repository.cimClass(named: "SMS_DPStatusInfo", namespace: namespace) != nil else { return }
        let rows = try repository.instances(of: Self.summarizer, where: "ServerNALPath", equals: .string(nalPath), namespace: namespace)
        try putServer(nalPath, Counts(rows))
    }

    /// The DP's counts after one copy went from `before` to `after`: the row it has, moved by that copy — a DP
    /// with a hundred thousand packages is not counted again for each (a DP without a row is counted afresh).
    private func adjustServer(_ nalPath: String, from before: DistributionState?, to after: DistributionState?) throws {
        guard repository.cimClass(named: "SMS_DPStatusInfo", namespace: namespace) != nil else { return }
        let path = ObjectPath(className: "SMS_DPStatusInfo", keys: [.init("NALPath", .string(nalPath))])
        guard let row = try? repository.instance(at: path, namespace: namespace) else { return try refreshServer(nalPath) }
        var counts = Counts(success: row["NumberInstalled"], inProgress: row["NumberInProgress"], error: row["NumberErrors"],
                            targeted: row["MessageCount"])
        if let before { counts.remove(before) }
        if let after { counts.add(after) }
        try putServer(nalPath, counts)
    }

    private func putServer(_ nalPath: String, _ counts: Counts) throws {
        let state: ContentOutcome = counts.error > 0 ? .error : counts.inProgress > 0 ? .inProgress : .success
        try put("SMS_DPStatusInfo", keys: [("NALPath", .string(nalPath))], [
            ("Name", .string(Self.server(nalPath))), ("NumberInstalled", .uint32(counts.success)),
            ("NumberInProgress", .uint32(counts.inProgress)), ("NumberErrors", .uint32(counts.error)),
            ("NumberUnknown", .uint32(0)), ("MessageCount", .uint32(counts.targeted)), ("MessageState", .uint32(state.rawValue)),
            ("LastStatusTime", .datetime(clock.now)), ("IsPXE", .boolean(false)), ("IsMulticast", .boolean(false)),
            ("IsPullDP", .boolean(false)), ("IsDPMonEnabled", .boolean(true)), ("Version", .string("5.00.9128.1000")),
        ])
    }

    // MARK: - Helpers

    private struct Counts {
        var targeted: UInt32 = 0, success: UInt32 = 0, inProgress: UInt32 = 0, error: UInt32 = 0, retrying: UInt32 = 0

        init(_ rows: [CIMInstance]) {
            for row in rows { if let state = DistributionState(of: row) { add(state) } }
        }

        /// The counts a SMS_DPStatusInfo row holds.
        init(success: CIMValue?, inProgress: CIMValue?, error: CIMValue?, targeted: CIMValue?) {
            func n(_ v: CIMValue?) -> UInt32 { v?.integerValue.flatMap { UInt32(exactly: $0) } ?? 0 }
            (self.success, self.inProgress, self.error, self.targeted) = (n(success), n(inProgress), n(error), n(targeted))
        }

        mutating func add(_ state: DistributionState) { move(state, by: 1) }
        mutating func remove(_ state: DistributionState) { move(state, by: -1) }

        private mutating func move(_ state: DistributionState, by delta: Int) {
            func moved(_ n: UInt32) -> UInt32 { UInt32(max(0, Int(n) + delta)) }
            targeted = moved(targeted)
            switch ContentOutcome(state) {
            case .success: success = moved(success)
            case .inProgress: inProgress = moved(inProgress)
            case .error: error = moved(error)
            }
            if state == .installRetrying || state == .removalRetrying { retrying = moved(retrying) }
        }

        func count(_ outcome: ContentOutcome) -> UInt32 {
            switch outcome { case .success: success; case .inProgress: inProgress; case .error: error }
        }
    }

    private func package(_ id: String) -> CIMInstance? { repository.package(.string(id), namespace: namespace) }

    /// PackageType and the security ObjectTypeID of a package, by its class.
    static func types(of package: CIMInstance?) -> (UInt32, UInt32) {
        let objectTypes: [String: UInt32] = [
            "SMS_Package": 2, "SMS_OperatingSystemInstallPackage": 14, "SMS_ImagePackage": 18, "SMS_BootImagePackage": 19,
            "SMS_TaskSequencePackage": 20, "SMS_DriverPackage": 23, "SMS_SoftwareUpdatesPackage": 24, "SMS_ContentPackage": 31,
        ]
        let type = package?["PackageType"]?.integerValue.flatMap { UInt32(exactly: $0) } ?? 0
        return (type, objectTypes[package?.className.string ?? ""] ?? 2)
    }

    static func server(_ nalPath: String) -> String { (try? NALPath(parsing: nalPath))?.server ?? nalPath }

    private func put(_ className: CIMName, keys: [(CIMName, CIMValue)], _ values: [(CIMName, CIMValue)]?) throws {
        try repository.putRow(className, keys: keys, values, namespace: namespace)
    }

}
