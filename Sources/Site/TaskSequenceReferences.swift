// TaskSequenceReferences: the site's SMS_TaskSequencePackageReference rows — which packages each task sequence
// refers to. ConfigMgr works them out from the steps of the task sequence; the simulation does not model the steps,
// so the rows are declared (the demo names each reference by the task sequence's PackageID and the referenced
// ObjectID) and the site fills in what it knows of the referenced package, and keeps that current as packages change.
import CIM

struct TaskSequenceReferences {
    let repository: CIMRepository
    let namespace: String

    static let className: CIMName = "SMS_TaskSequencePackageReference"
    /// SMS_TaskSequencePackage.TaskSequenceFlags: a referenced package does not exist.
    static let danglingReference: UInt32 = 1

    /// False for a site file made before the class existed: there is nothing to keep.
    var exists: Bool { repository.cimClass(named: Self.className, namespace: namespace) != nil }

    /// What a reference row says of the package it names: its name, description, version and type, and its
    /// PackageID as RefPackageID (for a package, the referenced content is the package itself).
    static func details(of package: CIMInstance) -> [(CIMName, CIMValue)] {
        [("ObjectName", package["Name"] ?? .null), ("Description", package["Description"] ?? .null),
         ("Version", package["Version"] ?? .null), ("ObjectType", package["PackageType"].flatMap(uint32) ?? .null),
         ("RefPackageID", package["PackageID"] ?? .null)]
    }

    /// Fills in every row from the package it names, and gives each task sequence the number of its rows as
    /// ReferencesCount — what the site does after the demo data declared them.
    func completeAll() throws {
        guard exists else { return }
        var counts: [String: UInt32] = [:]
        for row in try repository.instances(of: Self.className, namespace: namespace) {
            if let ts = row["PackageID"]?.stringValue { counts[ts.uppercased(), default: 0] += 1 }
            guard let id = row["ObjectID"], let package = repository.package(id, namespace: namespace) else { continue }
            try update(row, with: Self.details(of: package))
        }
        for ts in try repository.instances(of: "SMS_TaskSequencePackage", namespace: namespace) {
            let count = CIMValue.uint32(counts[ts["PackageID"]?.stringValue?.uppercased() ?? ""] ?? 0)
            guard ts["ReferencesCount"] != count else { continue }
            var changed = ts
            try changed.set("ReferencesCount", count)
            try repository.modifyInstance(changed, namespace: namespace)
        }
    }

    /// A package was made or changed: the rows that name it take its new details.
    func packageChanged(_ package: CIMInstance) throws {
        guard exists, let id = package["PackageID"] else { return }
        for row in try repository.instances(of: Self.className, where: "ObjectID", equals: id, namespace: namespace) {
            try update(row, with: Self.details(of: package))
        }
    }

    /// A package was deleted. A task sequence's own rows go with it. A task sequence that referred to it still does
    /// (its steps name the package), so its row stays and the task sequence is flagged DANGLING_REF, as the SDK
    /// describes TaskSequenceFlags.
    func packageDeleted(_ package: CIMInstance) throws {
        guard exists, let id = package["PackageID"] else { return }
        for row in try repository.instances(of: Self.className, where: "PackageID", equals: id, namespace: namespace) {
            try repository.deleteInstance(at: row.path, namespace: namespace)
        }
        for row in try repository.instances(of: Self.className, where: "ObjectID", equals: id, namespace: namespace) {
            guard let tsID = row["PackageID"], var ts = repository.package(tsID, namespace: namespace),
                  ts.cimClass.property(named: "TaskSequenceFlags") != nil else { continue }
            let flags = ts["TaskSequenceFlags"]?.integerValue.flatMap { UInt32(exactly: $0) } ?? 0
            guard flags & Self.danglingReference == 0 else { continue }
            try ts.set("TaskSequenceFlags", .uint32(flags | Self.danglingReference))
            try repository.modifyInstance(ts, namespace: namespace)
        }
    }

    private func update(_ row: CIMInstance, with values: [(CIMName, CIMValue)]) throws {
        var changed = row
        try changed.set(values)
        if changed != row { try repository.modifyInstance(changed, namespace: namespace) }
    }

    private static func uint32(_ value: CIMValue) -> CIMValue? {
        value.integerValue.flatMap { UInt32(exactly: $0) }.map { .uint32($0) }
    }
}
