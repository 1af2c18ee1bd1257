// SiteFile: a ConfigMgr site kept in an SQLite file — the durable store behind a repository. The repository
// works in memory; each committed transaction is written here in one SQLite transaction (WAL mode), so a
// crash loses no committed statement and leaves no partial one.
//
// Layout (plain SQL, readable with any SQLite tool):
//   cmsh_meta(key, value)                 format_version, default_namespace
//   cmsh_namespaces(ordinal, name)
//   cmsh_classes(ordinal, namespace, name, table_name, mof)   each class's MOF declaration, in order
//   cmsh_changes(seq, namespace, class_name, instance_key, path, deleted)   what each commit touched, so
//                                          other processes can catch up without reloading everything
//   one table per concrete class: __key (the folded key values, unique) and a column per property;
//   key parts and [Indexed] properties indexed, string columns COLLATE NOCASE as WQL compares them.
import CIM
import Foundation
import GRDB

/// A site stored in an SQLite file. Open one with ``open(_:options:)`` or create one with
/// ``create(_:from:options:)``; either attaches the file to a repository as its ``RepositoryStore``.
public final class SiteFile: RepositoryStore, @unchecked Sendable {
    /// The layout version this cmsh writes and reads. A file of a newer version is refused, untouched.
    public static let formatVersion = 1

    /// How a site file is opened.
    public struct Options: Sendable {
        /// How long a writer waits for another process's write lock before giving up with
        /// WBEM_E_SERVER_TOO_BUSY.
        public var busyTimeout: TimeInterval = 5
        public init() {}
    }

    public let path: String
    let database: DatabaseQueue
    let defaultNamespace: String
    /// Serialises this object's own state (below); SQLite serialises the rest.
    let lock = NSRecursiveLock()
    /// The newest change-log entry this process has seen (its own commits included).
    var lastChange: Int64 = 0
    /// The highest cmsh_classes ordinal loaded.
    var lastClassOrdinal: Int64 = 0
    var tables: [TableKey: ClassTable] = [:]

    init(path: String, database: DatabaseQueue, defaultNamespace: String) {
        self.path = path
        self.database = database
        self.defaultNamespace = defaultNamespace
    }

    // MARK: - Opening

    /// Opens an existing site file and loads it into a new repository, which it is then attached to.
    ///
    /// A file that is not a cmsh site, is damaged, or was written by a newer cmsh is refused with a clear
    /// error and is not modified.
    public static func open(_ path: String, options: Options = Options()) throws(CIMError) -> (SiteFile, CIMRepository) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CIMError(.notFound, "There is no site file at \(path); create one with --init demo or --init empty.")
        }
        try checkHeader(path)
        let database = try connect(path, options)
        let meta = try readMeta(database, path)
        guard let versionText = meta["format_version"], let version = Int(versionText) else {
            throw CIMError(.invalidStream, "\(path) is an SQLite database but not a cmsh site file (it has no format version).")
        }
        guard version <= formatVersion else {
            throw CIMError(.notSupported, "\(path) was written by a newer cmsh (site format \(version); this cmsh reads format \(formatVersion) and older). It was not changed.")
        }
        let namespace = meta["default_namespace"] ?? "root\\cimv2"
        let file = SiteFile(path: path, database: database, defaultNamespace: namespace)
        let repository = CIMRepository(defaultNamespace: namespace)
        try file.enableWAL()
        try file.loadEverything(into: repository)
        repository.attach(file)
        return (file, repository)
    }

    /// Creates a site file holding everything `repository` holds (schema and instances), written in one
    /// transaction, and attaches it. Refuses to overwrite an existing file.
    @discardableResult
    public static func create(_ path: String, from repository: CIMRepository, options: Options = Options()) throws(CIMError) -> SiteFile {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CIMError(.alreadyExists, "\(path) already exists; open it without --init, or choose another name.")
        }
        // Rows a site makes on first use are part of it: make them before they are written.
        do { try repository.fillDeferred() } catch { throw (error as? CIMError) ?? CIMError(.failed, "\(error)") }
        do {
            let database = try connect(path, options)
            let file = SiteFile(path: path, database: database, defaultNamespace: repository.defaultNamespace)
            try file.enableWAL()
            try file.writeInitialContents(of: repository)
            repository.attach(file)
            return file
        } catch {
            // Nothing half-made is left behind.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    /// Runs SQLite's integrity check; the problems it reports, or an empty array when the file is sound.
    public func checkIntegrity() throws(CIMError) -> [String] {
        let lines = try run { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        return lines == ["ok"] ? [] : lines
    }

    /// Closes the connection (the repository keeps working in memory, writing nowhere).
    public func close() throws(CIMError) {
        try run { _ in () }
        do { try database.close() } catch { throw Self.cimError(error, path) }
    }

    // MARK: - Connection

    /// SQLite files start with this; checking it first means a file that is not one is refused untouched.
    private static func checkHeader(_ path: String) throws(CIMError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CIMError(.accessDenied, "The site file \(path) cannot be read.")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header.isEmpty || header == Data("SQLite format 3\0".utf8) else {
            throw CIMError(.invalidStream, "\(path) is not a cmsh site file (it is not an SQLite database). It was not changed.")
        }
    }

    private static func connect(_ path: String, _ options: Options) throws(CIMError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.label = "cmsh site"
        do { return try DatabaseQueue(path: path, configuration: configuration) } catch { throw cimError(error, path) }
    }

    private static func readMeta(_ database: DatabaseQueue, _ path: String) throws(CIMError) -> [String: String] {
        do {
            return try database.read { db in
                guard try db.tableExists("cmsh_meta") else { return [:] }
                var meta: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT key, value FROM cmsh_meta") { meta[row[0]] = row[1] }
                return meta
            }
        } catch {
            throw CIMError(.invalidStream, "\(path) is not a cmsh site file or is damaged (\(Self.describe(error))). It was not changed.")
        }
    }

    /// WAL: readers never block the writer or each other; synchronous=NORMAL keeps every commit across a
    /// process crash (kill -9), which is the failure a shell must survive.
    private func enableWAL() throws(CIMError) {
        try run { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
    }

    /// Runs SQL outside a transaction, mapping SQLite's errors to WBEM ones.
    func run<T>(_ body: (Database) throws -> T) throws(CIMError) -> T {
        do { return try database.writeWithoutTransaction(body) } catch { throw Self.cimError(error, path) }
    }

    static func cimError(_ error: any Error, _ path: String) -> CIMError {
        if let e = error as? CIMError { return e }
        guard let e = error as? DatabaseError else { return CIMError(.failed, "\(path): \(error)") }
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return CIMError(.serverTooBusy, "The site file \(path) is locked by another cmsh that is writing to it; gave up waiting. Nothing was changed.")
        case .SQLITE_FULL:
            return CIMError(.outOfDiskSpace, "The disk holding \(path) is full. Nothing was changed.")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return CIMError(.invalidStream, "The site file \(path) is damaged (\(describe(e))).")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return CIMError(.accessDenied, "The site file \(path) cannot be written (\(describe(e))).")
        default:
            return CIMError(.failed, "The site file \(path): \(describe(e)).")
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: error)
    }
}

/// A class's table, found by namespace and class name.
struct TableKey: Hashable {
    let namespace: CIMName
    let className: CIMName
}

/// One class's table and the statements that write it, built once.
struct ClassTable {
    let name: String
    let cimClass: CIMClass
    let namespace: String
    let upsertSQL: String
    let columnList: String

    init(name: String, cimClass: CIMClass, namespace: String) {
        self.name = name
        self.cimClass = cimClass
        self.namespace = namespace
        let columns = cimClass.properties.map { quoted($0.name.string) }
        columnList = (["__key"] + columns).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
        let updates = columns.map { "\($0) = excluded.\($0)" }
        upsertSQL = "INSERT INTO \(quoted(name)) (\(columnList)) VALUES (\(placeholders))"
            + (updates.isEmpty ? " ON CONFLICT(__key) DO NOTHING" : " ON CONFLICT(__key) DO UPDATE SET " + updates.joined(separator: ", "))
    }

    /// CREATE TABLE and its indexes.
    var creationSQL: [String] {
        var columns = ["__key TEXT NOT NULL UNIQUE"]
        for p in cimClass.properties {
            let text = !p.type.isArray && (p.type.scalar == .string || p.type.scalar == .reference)
            columns.append(quoted(p.name.string) + " " + ColumnCoding.sqlType(p.type) + (text ? " COLLATE NOCASE" : ""))
        }
        var sql = ["CREATE TABLE \(quoted(name)) (\(columns.joined(separator: ", ")))"]
        // Keys and [Indexed] properties, each on its own: `where PackageID = 'X'` and `where Manufacturer = 'Y'`
        // in plain SQL use them, as the repository's key and hash indexes serve the same WQL.
        for p in cimClass.properties where (p.isKey || p.qualifiers.isIndexed) && !p.type.isArray {
            sql.append("CREATE INDEX \(quoted(name + "." + p.name.string)) ON \(quoted(name)) (\(quoted(p.name.string)))")
        }
        return sql
    }
}

/// An SQL identifier, quoted.
func quoted(_ identifier: String) -> String {
    "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// An instance's identity in its table: its key values as WQL matches them (strings ignoring case).
func keyText(_ instance: CIMInstance) -> String {
    let cls = instance.cimClass
    return cls.keySlots.map { slot -> String in
        let v = instance[slot: slot]
        switch v {
        case .string(let s): return "s:" + s.lowercased()
        case .reference(let p): return "r:" + p.description.lowercased()
        default:
            if let i = v.integerValue { return "i:" + String(i) }
            return "v:" + v.literal
        }
    }.joined(separator: "\u{1F}")
}

extension SiteFile {
    /// A setting kept in the file beside the site (the simulation's offline servers, say); nil when unset.
    public func setting(_ key: String) throws(CIMError) -> String? {
        try run { db in try String.fetchOne(db, sql: "SELECT value FROM cmsh_meta WHERE key = ?", arguments: ["setting." + key]) }
    }

    /// Stores a setting (nil removes it).
    public func setSetting(_ key: String, _ value: String?) throws(CIMError) {
        try run { db in
            if let value {
                try db.execute(sql: "INSERT INTO cmsh_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: ["setting." + key, value])
            } else {
                try db.execute(sql: "DELETE FROM cmsh_meta WHERE key = ?", arguments: ["setting." + key])
            }
        }
    }
}
