// SiteFile+Loading: reading the file into a repository — the schema at open, each class's rows the first time
// the class is used, and afterwards only what other processes changed (from the change log).
import CIM
import Foundation
import GRDB

extension SiteFile {
    /// Namespaces and classes (compiled from their stored MOF) now; each class's instances, in the order they were
    /// made, the first time the class (or a class above it) is read or changed. A session that looks at packages
    /// does not read a fleet's inventory: SQLite is already the index, so memory holds what the session uses.
    func loadEverything(into repository: CIMRepository) throws(CIMError) {
        let namespaces = try run { db in try String.fetchAll(db, sql: "SELECT name FROM cmsh_namespaces ORDER BY ordinal") }
        for ns in namespaces { repository.createNamespace(ns) }
        try loadNewClasses(into: repository)
        try locked { () throws(CIMError) in
            lastChange = try run { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM cmsh_changes") } ?? 0
        }
        for table in lock.withLock({ Array(tables.values) }).sorted(by: { $0.name < $1.name }) where !table.cimClass.isAbstract {
            try repository.deferFilling([table.cimClass.name], namespace: table.namespace) { [self] repository in
                // The file is read as it is now: changes other processes made before this point are in it.
                try repository.loadFromStore(undoable: false) { try self.loadInstances(of: table, into: repository) }
            }
        }
    }

    /// Compiles the classes stored after the last one loaded (all of them at open).
    func loadNewClasses(into repository: CIMRepository) throws(CIMError) {
        let rows = try run { db in
            try Row.fetchAll(db, sql: "SELECT ordinal, namespace, name, table_name, mof FROM cmsh_classes WHERE ordinal > ? ORDER BY ordinal",
                             arguments: [lastClassOrdinal])
        }
        guard !rows.isEmpty else { return }
        // Consecutive classes of one namespace compile together: one MOF compile instead of hundreds.
        var batches: [(namespace: String, mof: String)] = []
        for row in rows {
            let ns: String = row["namespace"], mof: String = row["mof"]
            if batches.last?.namespace == ns { batches[batches.count - 1].mof += "\n" + mof } else { batches.append((ns, mof)) }
        }
        do {
            try repository.loadFromStore {
                for batch in batches {
                    _ = try MOFCompiler.compile(batch.mof, fileName: "\(path) (schema)", into: repository, namespace: batch.namespace)
                }
            }
        } catch {
            throw CIMError(.invalidStream, "The site file \(path) holds a class that does not compile: \(error).")
        }
        try locked { () throws(CIMError) in
            for row in rows {
                let ns: String = row["namespace"], name: String = row["name"], table: String = row["table_name"]
                guard let cls = repository.cimClass(named: CIMName(name), namespace: ns) else {
                    throw CIMError(.invalidStream, "The site file \(path) lists class \(name) but it did not load.")
                }
                tables[TableKey(namespace: CIMName(ns), className: cls.name)] = ClassTable(name: table, cimClass: cls, namespace: ns)
                lastClassOrdinal = max(lastClassOrdinal, row["ordinal"])
            }
        }
    }

    /// Makes every class's instances in memory what the file holds: rows put in file order, instances the
    /// file no longer has removed. For a process that slept through more changes than the log keeps; a class not
    /// read yet is read here, and again (comparing, finding nothing to change) when its deferred fill runs.
    func reloadInstances(into repository: CIMRepository) throws(CIMError) {
        let known = lock.withLock { Array(tables.values) }.sorted { $0.name < $1.name }
        do {
            try repository.loadFromStore {
                for table in known where !table.cimClass.isAbstract { try loadInstances(of: table, into: repository) }
            }
        } catch {
            throw Self.cimError(error, path)
        }
    }

    /// Makes one class's instances in memory what its table holds. Inside ``CIMRepository/loadFromStore``.
    private func loadInstances(of table: ClassTable, into repository: CIMRepository) throws {
        let stored = try fetchInstances(of: table, repository: repository, where: nil, [])
        try repository.withoutFilling {
            // A class not read before has no instances yet (unless another process's change was applied to it):
            // the rows go in as one bulk load, with nothing to compare them against (a keyed set of every row
            // would cost as much memory as the rows).
            if try repository.count(of: table.cimClass.name, deep: false, namespace: table.namespace) == 0 {
                try repository.reserveCapacity(stored.count, of: table.cimClass.name, namespace: table.namespace)
                try repository.putStoredInstances(stored, namespace: table.namespace)
                return
            }
            var keep = Set<String>()
            for instance in stored {
                keep.insert(keyText(instance))
                try repository.putStoredInstance(instance, namespace: table.namespace)
            }
            for instance in try repository.instances(of: table.cimClass.name, deep: false, namespace: table.namespace)
            where !keep.contains(keyText(instance)) {
                try repository.removeStoredInstance(instance, namespace: table.namespace)
            }
        }
    }

    /// Rows of a class's table as instances, in the order they were first stored.
    func fetchInstances(of table: ClassTable, repository: CIMRepository, where condition: String?,
                        _ arguments: StatementArguments) throws(CIMError) -> [CIMInstance] {
        let context = DecodingContext(repository: repository, namespace: table.namespace, file: path)
        let sql = "SELECT \(table.columnList) FROM \(quoted(table.name))" + (condition.map { " WHERE " + $0 } ?? "") + " ORDER BY rowid"
        let properties = table.cimClass.properties
        return try run { db in
            var out: [CIMInstance] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            let defaults = table.cimClass.defaultValues
            while let row = try rows.next() {
                var values = defaults
                for (slot, property) in properties.enumerated() {
                    let stored: DatabaseValue = row[slot + 1]
                    if stored.isNull { continue }
                    values[slot] = try ColumnCoding.decode(stored, as: property.type, in: context)
                }
                out.append(try CIMInstance(of: table.cimClass, slotValues: values))
            }
            return out
        }
    }

    // MARK: - Catching up with other processes

    /// Applies what other processes committed since this one last looked: each changed instance is read
    /// again by its key (an indexed lookup), each deleted one removed. Cheap when nothing changed: one
    /// indexed read of the newest change number.
    public func refresh(_ repository: CIMRepository) throws(CIMError) {
        try locked { () throws(CIMError) in
            let newest = try run { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM cmsh_changes") } ?? 0
            guard newest != lastChange else { return }
            try loadNewClasses(into: repository)
            let changes = try run { db in
                try Row.fetchAll(db, sql: "SELECT seq, namespace, class_name, instance_key, path, deleted FROM cmsh_changes WHERE seq > ? ORDER BY seq",
                                 arguments: [lastChange])
            }
            // The log is trimmed; a process that slept through more than is kept reloads everything.
            if let first = changes.first, (first["seq"] as Int64) != lastChange + 1 {
                try reloadInstances(into: repository)
                lastChange = newest
                return
            }
            var latest: [String: Row] = [:]
            var order: [String] = []
            for row in changes {
                let id = (row["namespace"] as String) + "\u{1F}" + (row["class_name"] as String) + "\u{1F}" + (row["instance_key"] as String)
                if latest.updateValue(row, forKey: id) == nil { order.append(id) }
            }
            do {
                try repository.loadFromStore {
                    for id in order { try apply(latest[id]!, to: repository) }
                }
            } catch {
                throw Self.cimError(error, path)
            }
            lastChange = newest
        }
    }

    private func apply(_ change: Row, to repository: CIMRepository) throws {
        let ns: String = change["namespace"], className: String = change["class_name"]
        guard let table = tables[TableKey(namespace: CIMName(ns), className: CIMName(className))] else { return }
        let path = try ObjectPath(parsing: change["path"])
        if (change["deleted"] as Int64) != 0 {
            if let old = try? repository.instance(at: path, namespace: ns), old.className == table.cimClass.name {
                try repository.removeStoredInstance(old, namespace: ns)
            }
            return
        }
        let key: String = change["instance_key"]
        for instance in try fetchInstances(of: table, repository: repository, where: "__key = ?", [key]) {
            try repository.putStoredInstance(instance, namespace: ns)
        }
    }
}
