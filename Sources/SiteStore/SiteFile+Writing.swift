// SiteFile+Writing: one committed transaction of the repository becomes one SQLite transaction.
import CIM
import Foundation
import GRDB

extension SiteFile {
    /// Writes a committed transaction: all of it or, if anything fails, none of it (the repository then
    /// undoes it in memory too).
    ///
    /// The write takes SQLite's write lock at once (BEGIN IMMEDIATE), waiting up to the busy timeout for
    /// another writer. If another process committed since this one last caught up, the statement was
    /// decided on stale data: it is refused with WBEM_E_TRANSACTION_CONFLICT rather than written over.
    public func write(_ changes: RepositoryChanges, from repository: CIMRepository) throws(CIMError) {
        try locked { () throws(CIMError) in
            var added: [TableKey: ClassTable] = [:]
            let newest: Int64 = try run { db in
                var result: Int64 = 0
                try db.inTransaction(.immediate) {
                    let seen = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM cmsh_changes") ?? 0
                    guard seen == lastChange else {
                        throw CIMError(.transactionConflict, "Another cmsh changed the site file \(path) while this statement ran; nothing was changed. Run the statement again.")
                    }
                    added = try apply(changes, db, log: true)
                    result = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM cmsh_changes") ?? 0
                    try trimChangeLog(db, newest: result)
                    return .commit
                }
                return result
            }
            tables.merge(added) { $1 }
            for (ns, name) in changes.classesRemoved { tables[TableKey(namespace: CIMName(ns), className: name)] = nil }
            lastChange = newest
        }
    }

    /// Writes the whole repository into a new file: the layout, then every namespace, class and instance,
    /// in one transaction.
    func writeInitialContents(of repository: CIMRepository) throws(CIMError) {
        var everything = RepositoryChanges()
        everything.namespacesCreated = repository.namespaces
        for ns in repository.namespaces {
            for cls in repository.classes(namespace: ns) {
                everything.classesAdded.append((ns, cls))
                guard !cls.isAbstract else { continue }
                do {
                    for instance in try repository.instances(of: cls.name, deep: false, namespace: ns) {
                        everything.instancesWritten.append((ns, instance))
                    }
                } catch { throw Self.cimError(error, path) }
            }
        }
        try locked { () throws(CIMError) in
            let added = try run { db in
                var added: [TableKey: ClassTable] = [:]
                try db.inTransaction(.immediate) {
                    try createLayout(db)
                    added = try apply(everything, db, log: false)
                    return .commit
                }
                return added
            }
            tables = added
            lastClassOrdinal = try run { db in try Int64.fetchOne(db, sql: "SELECT max(ordinal) FROM cmsh_classes") } ?? 0
        }
    }

    private func createLayout(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cmsh_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE cmsh_namespaces (ordinal INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);
            CREATE TABLE cmsh_classes (ordinal INTEGER PRIMARY KEY, namespace TEXT NOT NULL COLLATE NOCASE,
                name TEXT NOT NULL COLLATE NOCASE, table_name TEXT NOT NULL UNIQUE COLLATE NOCASE, mof TEXT NOT NULL,
                UNIQUE (namespace, name));
            CREATE TABLE cmsh_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, namespace TEXT NOT NULL,
                class_name TEXT NOT NULL, instance_key TEXT NOT NULL, path TEXT NOT NULL, deleted INTEGER NOT NULL);
            """)
        try db.execute(sql: "INSERT INTO cmsh_meta (key, value) VALUES ('format_version', ?), ('default_namespace', ?), ('created_by', ?)",
                       arguments: [String(Self.formatVersion), defaultNamespace, "cmsh"])
    }

    /// Applies changes inside an open transaction; returns the tables of the classes it added.
    private func apply(_ changes: RepositoryChanges, _ db: Database, log: Bool) throws -> [TableKey: ClassTable] {
        for ns in changes.namespacesCreated {
            try db.execute(sql: "INSERT OR IGNORE INTO cmsh_namespaces (name) VALUES (?)", arguments: [ns])
        }
        var added: [TableKey: ClassTable] = [:]
        for (ns, cls) in changes.classesAdded {
            let name = try tableName(for: cls.name, in: ns, db)
            let table = ClassTable(name: name, cimClass: cls, namespace: ns)
            if !cls.isAbstract { for sql in table.creationSQL { try db.execute(sql: sql) } }
            try db.execute(sql: "INSERT INTO cmsh_classes (namespace, name, table_name, mof) VALUES (?, ?, ?, ?)",
                           arguments: [ns, cls.name.string, name, cls.mofDeclaration])
            added[TableKey(namespace: CIMName(ns), className: cls.name)] = table
        }
        func table(_ ns: String, _ cls: CIMClass) throws -> ClassTable {
            let key = TableKey(namespace: CIMName(ns), className: cls.name)
            guard let table = added[key] ?? tables[key] else {
                throw CIMError(.invalidClass, "Class \(cls.name) has no table in \(path).")
            }
            return table
        }
        let logChange = try db.cachedStatement(sql: "INSERT INTO cmsh_changes (namespace, class_name, instance_key, path, deleted) VALUES (?, ?, ?, ?, ?)")
        for (ns, instance) in changes.instancesWritten {
            let t = try table(ns, instance.cimClass), key = keyText(instance)
            var values: [DatabaseValue] = [key.databaseValue]
            values.reserveCapacity(instance.cimClass.properties.count + 1)
            for slot in instance.cimClass.properties.indices { values.append(try ColumnCoding.encode(instance[slot: slot])) }
            try db.cachedStatement(sql: t.upsertSQL).execute(arguments: StatementArguments(values))
            if log { try logChange.execute(arguments: [ns, instance.className.string, key, instance.path.description, 0]) }
        }
        for (ns, instance) in changes.instancesDeleted {
            let t = try table(ns, instance.cimClass), key = keyText(instance)
            try db.execute(sql: "DELETE FROM \(quoted(t.name)) WHERE __key = ?", arguments: [key])
            if log { try logChange.execute(arguments: [ns, instance.className.string, key, instance.path.description, 1]) }
        }
        for (ns, name) in changes.classesRemoved {
            let key = TableKey(namespace: CIMName(ns), className: name)
            if let t = added[key] ?? tables[key] { try db.execute(sql: "DROP TABLE IF EXISTS \(quoted(t.name))") }
            try db.execute(sql: "DELETE FROM cmsh_classes WHERE namespace = ? AND name = ?", arguments: [ns, name.string])
            added[key] = nil
        }
        return added
    }

    /// The class name itself in the default namespace (so `select * from SMS_Package` works in plain SQL),
    /// prefixed by the namespace elsewhere; made unique if two namespaces' names collide.
    private func tableName(for className: CIMName, in ns: String, _ db: Database) throws -> String {
        let base = CIMName(ns) == CIMName(defaultNamespace)
            ? className.string
            : ns.replacingOccurrences(of: "\\", with: "_") + "__" + className.string
        var name = base, n = 1
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM cmsh_classes WHERE table_name = ?", arguments: [name]) ?? false {
            n += 1
            name = base + "_\(n)"
        }
        return name
    }

    /// Keeps the last 10,000 changes: enough for any process that is reading along; one that falls further
    /// behind reloads everything instead.
    private func trimChangeLog(_ db: Database, newest: Int64) throws {
        guard newest % 1_000 == 0 else { return }
        try db.execute(sql: "DELETE FROM cmsh_changes WHERE seq <= ?", arguments: [newest - 10_000])
    }

    /// Runs `body` holding this object's lock, keeping the body's typed error.
    func locked<T>(_ body: () throws(CIMError) -> T) throws(CIMError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
