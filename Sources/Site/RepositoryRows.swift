// RepositoryRows: the lookups and writes the site's bookkeeping makes over and over — a package by its ID, a
// derived row put in place (made, replaced or removed), the next number for a record — shared by the providers,
// the status log and the content views.
import CIM

extension CIMRepository {
    /// Creates or replaces the row of `className` that `values` (keys included) describe, or with nil values
    /// deletes the row with these `keys`. A class the site does not have is skipped (a site file made before it
    /// existed); so are properties the class does not have.
    func putRow(_ className: CIMName, keys: [(CIMName, CIMValue)] = [], _ values: [(CIMName, CIMValue)]?, namespace: String) throws {
        guard let cls = cimClass(named: className, namespace: namespace) else { return }
        guard let values else {
            let path = ObjectPath(className: className, keys: keys.map { .init($0.0, $0.1) })
            if let existing = try? existingInstance(at: path, namespace: namespace) { try deleteInstance(at: existing.path, namespace: namespace) }
            return
        }
        let known = values.filter { cls.property(named: $0.0) != nil }
        let row = try CIMInstance(of: cls, properties: keys.filter { cls.property(named: $0.0) != nil } + known)
        guard var existing = try existingInstance(at: row.path, namespace: namespace) else {
            _ = try createInstance(row, namespace: namespace)
            return
        }
        let before = existing
        try existing.set(known)
        if existing != before { try modifyInstance(existing, namespace: namespace) }
    }

    /// One past the number of rows of a class keyed by one number, or the next free number after it (rows can be
    /// deleted): a key lookup or two rather than a scan for the largest.
    func nextFreeNumber(_ className: CIMName, key: CIMName, as value: (Int64) -> CIMValue, namespace: String) throws -> Int64 {
        var candidate = Int64(try count(of: className, namespace: namespace)) + 1
        while try existingInstance(at: ObjectPath(className: className, keys: [.init(key, value(candidate))]), namespace: namespace) != nil {
            candidate += 1
        }
        return candidate
    }

    /// The package (of any package class) with this PackageID, or nil.
    func package(_ id: CIMValue, namespace: String? = nil) -> CIMInstance? {
        (try? existingInstance(at: ObjectPath(className: "SMS_PackageBaseclass", keys: [.init("PackageID", id)]), namespace: namespace)) ?? nil
    }
}
