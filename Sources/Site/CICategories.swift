// CICategories: SMS_CIAllCategories, one row per configuration item and category it belongs to, made from the
// items' own CategoryInstance_UniqueIDs and LocalizedCategoryInstanceNames — so the rows cannot say otherwise than
// the items do. ConfigMgr keeps the categories themselves in SMS_CategoryInstance and SMS_UpdateCategoryInstance,
// which are not modelled; what a row needs of its category (type, name, site ID) is taken from the items.
import CIM

struct CICategories {
    let repository: CIMRepository
    let namespace: String

    static let className: CIMName = "SMS_CIAllCategories"
    /// The demo's categories are in English (LocalizedPropertyLocaleID, as the items' localized properties).
    static let englishLocale: UInt32 = 1033
    /// The first site-specific CategoryInstanceID, numbered as the site numbers its other objects (CI_ID 16777217 on).
    static let firstCategoryInstanceID: UInt32 = 16_777_217
    /// Secured object class ID of an application, as SMS_ObjectContentInfo's table gives it. The SDK names none for
    /// the other kinds of configuration item, so their rows leave ObjectTypeID null.
    static let securedTypes: [CIMName: UInt32] = ["SMS_Application": 31]

    /// A category as the items name it: "UpdateClassification:0fa1201d-…", typed by the part before the colon.
    struct Category: Equatable {
        let uniqueID: String
        let name: String?
        var typeName: String { uniqueID.split(separator: ":", maxSplits: 1).first.map(String.init) ?? uniqueID }
    }

    /// Each category a configuration item names, paired with the localized name at the same place in its
    /// LocalizedCategoryInstanceNames (null when the lists differ in length).
    static func categories(of item: CIMInstance) -> [Category] {
        let ids = (item["CategoryInstance_UniqueIDs"]?.arrayValue?.elements ?? []).compactMap(\.stringValue)
        let names = (item["LocalizedCategoryInstanceNames"]?.arrayValue?.elements ?? []).map(\.stringValue)
        return ids.enumerated().map { i, id in Category(uniqueID: id, name: names.count == ids.count ? names[i] : nil) }
    }

    /// The configuration items of the site: every SMS_ConfigurationItemBaseClass subclass (applications, software
    /// updates, update groups, deployment types), and drivers, which declare the configuration item properties
    /// themselves. SMS_ApplicationLatest repeats SMS_Application's items, so it is not read.
    func items() throws -> [CIMInstance] {
        var out: [CIMInstance] = []
        for name: CIMName in ["SMS_ConfigurationItemBaseClass", "SMS_Driver"]
        where repository.cimClass(named: name, namespace: namespace) != nil {
            out += try repository.instances(of: name, namespace: namespace)
        }
        return out.sorted { ($0["CI_ID"]?.integerValue ?? 0) < ($1["CI_ID"]?.integerValue ?? 0) }
    }

    /// Makes every row, replacing any there were. Category instances are numbered in the order the items (by
    /// CI_ID) first name them.
    func publishAll() throws {
        guard let cls = repository.cimClass(named: Self.className, namespace: namespace) else { return }
        for old in try repository.instances(of: Self.className, namespace: namespace) {
            try repository.deleteInstance(at: old.path, namespace: namespace)
        }
        var instanceIDs: [String: UInt32] = [:]
        for item in try items() {
            guard let ci = item["CI_ID"], !ci.isNull else { continue }
            for category in Self.categories(of: item) {
                let key = category.uniqueID.lowercased()
                let id = instanceIDs[key] ?? Self.firstCategoryInstanceID + UInt32(instanceIDs.count)
                instanceIDs[key] = id
                var row = CIMInstance(of: cls)
                let values: [(CIMName, CIMValue)] = [
                    ("CategoryInstanceID", .uint32(id)), ("CI_ID", ci), ("CategoryInstance_UniqueID", .string(category.uniqueID)),
                    ("CategoryTypeName", .string(category.typeName)), ("LocalizedCategoryInstanceName", category.name.map(CIMValue.string) ?? .null),
                    ("LocalizedPropertyLocaleID", .uint32(Self.englishLocale)), ("CI_UniqueID", item["CI_UniqueID"] ?? .null),
                    ("ModelName", item["ModelName"] ?? .null),
                    ("ObjectTypeID", Self.securedTypes[item.className].map(CIMValue.uint32) ?? .null),
                ]
                try row.set(values)
                // An item naming a category twice has one row for it (the keys are the category and the item).
                if (try? repository.instance(at: row.path, namespace: namespace)) == nil {
                    _ = try repository.createInstance(row, namespace: namespace)
                }
            }
        }
    }
}

extension SimulatedSite {
    /// The rows a site derives from what its data declares, made once the demo data is in: each task sequence's
    /// references completed from the packages they name, and each configuration item's categories. Later changes
    /// to packages keep the references current (PackageHook); the categories follow no later change.
    func deriveDeclaredRows() throws {
        try repository.performInternally {
            try TaskSequenceReferences(repository: repository, namespace: namespace).completeAll()
            try CICategories(repository: repository, namespace: namespace).publishAll()
        }
    }
}
