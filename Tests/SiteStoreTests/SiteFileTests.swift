// The site file: the same behaviour on both backends (atomic statements, transactions), persistence across
// opens, the SQL layout's indexes, refusal of files it must not touch, several processes, dump and load.
import CMShell
import Foundation
import GRDB
import Testing

private let addDP2 = #"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [nal("dp2", "S01")])"#

@Suite struct BackendBehaviourTests {
    @Test(arguments: Backend.allCases) func aFailingStatementLeavesNothingBehind(_ backend: Backend) throws {
        let dir = try TempDir()
        let (engine, printed) = try Engine.on(backend, in: dir)
        let before = try engine.value("len(select * from SMS_DistributionPoint)")
        // The first invoke succeeds, the second fails: the statement as a whole is undone.
        let r = engine.run(script: """
            for $p in ["PKG00001", "NOPE0001"] {
                invoke SMS_DriverPackage($p).AddDistributionPoints(["S01"], [nal("dp2", "S01")])
            }
            """)
        #expect(r.exitCode == 1)
        #expect(try engine.value("len(select * from SMS_DistributionPoint)") == before)
        if backend == .file {
            let again = try Engine(site: .file(dir.path("site.site")))
            #expect(try again.value("len(select * from SMS_DistributionPoint)") == before)
        }
        #expect(printed.errors.isEmpty)  // stopped, not continued past
    }

    @Test(arguments: Backend.allCases) func beginCommitAndRollbackGroupStatements(_ backend: Backend) throws {
        let dir = try TempDir()
        let (engine, printed) = try Engine.on(backend, in: dir)
        let count = "len(select * from SMS_Package where Name like 'tx %')"
        #expect(engine.run(script: """
            begin
            new SMS_Package { PackageID = "S0110001", Name = "tx one" }
            new SMS_Package { PackageID = "S0110002", Name = "tx two" }
            print len(select * from SMS_Package where Name like 'tx %')
            rollback
            print len(select * from SMS_Package where Name like 'tx %')
            begin transaction
            new SMS_Package { PackageID = "S0110003", Name = "tx three" }
            commit
            """).exitCode == 0)
        #expect(printed.lines == ["2", "0"])
        #expect(try engine.value(count) == "1")
        // A statement that fails inside a transaction is undone alone; the transaction stays open.
        engine.errorMode = .continue
        #expect(engine.run(script: "begin\nnew SMS_Package { PackageID = \"S0110004\", Name = \"tx four\" }\nnew SMS_Package { PackageID = \"S0110003\", Name = \"a duplicate key\" }").exitCode == 1)
        #expect(engine.repository.transactionDepth == 1)
        #expect(engine.run(script: "commit").exitCode == 0)
        #expect(try engine.value(count) == "2")
        #expect(engine.run(script: "commit").exitCode == 1)  // none open
        if backend == .file {
            let reopened = try Engine(site: .file(dir.path("site.site")))
            #expect(try reopened.value(count) == "2")
        }
    }

    @Test func transactionStatementsOnlyAtTheTopLevel() throws {
        let dir = try TempDir()
        let (engine, _) = try Engine.on(.memory, in: dir)
        guard case .failed(let error) = engine.run(script: "if true { begin }").outcome else {
            Issue.record("begin inside a block should fail"); return
        }
        #expect(error.status == .invalidOperation)
        #expect(engine.repository.transactionDepth == 0)
        // `begin` as a name still works where it is not a statement of its own.
        #expect(engine.run(script: "func begin($x) { return $x + 1 }\nprint begin(1)").exitCode == 0)
    }
}

@Suite struct SiteFileTests {
    @Test func aSiteFileKeepsWhatWasDoneAndItsProvidersStillWork() throws {
        let dir = try TempDir()
        let path = dir.path("contoso.site")
        do {
            let engine = try Engine(site: .file(path, initialize: .demo(systems: Engine.testSystems)))
            #expect(engine.run(script: addDP2).exitCode == 0)
        }
        let engine = try Engine(site: .file(path))
        #expect(try engine.value(#"len(select * from SMS_DistributionPoint where PackageID = 'PKG00001' and ServerNALPath like '%dp2%')"#) == "1")
        #expect(engine.site?.siteCode == "S01")
        #expect(engine.site?.offlineServers == ["dp3"])  // the simulation's settings come back too
        // the reopened site's providers run: a second DP for the same package on dp4 (site S02)
        #expect(engine.run(script: #"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S02"], [nal("dp4", "S02")])"#).exitCode == 0)
        #expect(try engine.siteFile?.checkIntegrity() == [])
    }

    @Test func keysAndIndexedPropertiesAreIndexedInSQL() throws {
        let dir = try TempDir()
        let path = dir.path("plan.site")
        _ = try Engine(site: .file(path, initialize: .demo(systems: Engine.testSystems)))
        let db = try DatabaseQueue(path: path)
        func plan(_ sql: String) throws -> String {
            try db.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ") }
        }
        #expect(try plan("SELECT * FROM SMS_DriverPackage WHERE PackageID = 'PKG00001'").contains("USING INDEX"))
        #expect(try plan("SELECT * FROM SMS_DistributionPoint WHERE PackageID = 'PKG00001'").contains("USING INDEX"))
        #expect(try plan("SELECT * FROM SMS_DistributionDPStatus WHERE PackageID = 'PKG00001'").contains("USING INDEX"))
        #expect(try plan("SELECT * FROM SMS_Package WHERE __key = 's:s0100001'").contains("USING INDEX"))
        #expect(try plan("SELECT * FROM SMS_Package WHERE Name = 'x'").contains("SCAN"))  // not indexed: a scan
        // the rows are plain SQL, strings compared as WQL compares them
        let name = try db.read { db in try String.fetchOne(db, sql: "SELECT Name FROM SMS_DriverPackage WHERE PackageID = 'pkg00001'") }
        #expect(name != nil)
    }

    @Test func aNewerOrDamagedFileIsRefusedAndLeftUntouched() throws {
        let dir = try TempDir()
        let newer = dir.path("newer.site")
        _ = try Engine(site: .file(newer, initialize: .empty(siteCode: "S01")))
        try DatabaseQueue(path: newer).write { db in
            try db.execute(sql: "UPDATE cmsh_meta SET value = '99' WHERE key = 'format_version'")
        }
        let garbage = dir.path("garbage.site")
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: garbage))
        let foreign = dir.path("foreign.site")
        try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        for (path, status) in [(newer, CIMStatus.notSupported), (garbage, .invalidStream), (foreign, .invalidStream)] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect { try Engine(site: .file(path)) } throws: { ($0 as? CIMError)?.status == status }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(path) was modified")
        }
        #expect { try Engine(site: .file(dir.path("missing.site"))) } throws: { ($0 as? CIMError)?.status == .notFound }
        #expect { try Engine(site: .file(newer, initialize: .demo(systems: Engine.testSystems))) } throws: { ($0 as? CIMError)?.status == .alreadyExists }
    }

    @Test func aWriterWaitingTooLongGetsABusyErrorAndChangesNothing() throws {
        let dir = try TempDir()
        let path = dir.path("busy.site")
        var options = SiteFile.Options()
        options.busyTimeout = 0.2
        _ = try Engine(site: .file(path, initialize: .demo(systems: Engine.testSystems)))
        let engine = try Engine(site: .file(path, options: options))
        let before = try engine.value("len(select * from SMS_DistributionPoint)")
        // Another connection (as another process would) holds the write lock for a while.
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let holder = try DatabaseQueue(path: path)
        Thread.detachNewThread {
            try? holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                _ = release.wait(timeout: .now() + 10)
                try db.execute(sql: "ROLLBACK")
            }
            done.signal()
        }
        locked.wait()
        let started = Date()
        let r = engine.run(script: addDP2)
        release.signal()
        done.wait()
        guard case .failed(let error) = r.outcome else { Issue.record("the write should have given up"); return }
        #expect(error.status == .serverTooBusy, "\(error)")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try engine.value("len(select * from SMS_DistributionPoint)") == before)  // undone in memory too
        #expect(engine.run(script: addDP2).exitCode == 0)  // and it works once the lock is gone
    }

    @Test func twoSessionsOnOneFileSeeEachOtherAndConflictsAreRefused() throws {
        let dir = try TempDir()
        let path = dir.path("shared.site")
        let a = try Engine(site: .file(path, initialize: .demo(systems: Engine.testSystems)))
        let b = try Engine(site: .file(path))
        #expect(a.run(script: #"new SMS_Package { PackageID = "S0120001", Name = "from a" }"#).exitCode == 0)
        #expect(try b.value(#"SMS_Package("S0120001").Name"#) == "from a")
        #expect(b.run(script: #"delete SMS_Package("S0120001")"#).exitCode == 0)
        #expect(try a.value("len(select * from SMS_Package where PackageID = 'S0120001')") == "0")
        // b decides inside a transaction; a commits first; b's commit is refused, and b then sees a's work.
        #expect(b.run(script: "begin\n" + #"new SMS_Package { PackageID = "S0120002", Name = "from b" }"#).exitCode == 0)
        #expect(a.run(script: #"new SMS_Package { PackageID = "S0120003", Name = "from a again" }"#).exitCode == 0)
        guard case .failed(let error) = b.run(script: "commit").outcome else { Issue.record("b's commit should conflict"); return }
        #expect(error.status == .transactionConflict)
        #expect(try b.value("len(select * from SMS_Package where PackageID in ('S0120002', 'S0120003'))") == "1")
        let c = try Engine(site: .file(path))
        #expect(try c.value("len(select * from SMS_Package where PackageID in ('S0120002', 'S0120003'))") == "1")
    }

    @Test func aDumpLoadsBackIdentically() throws {
        let dir = try TempDir()
        let source = try Engine(site: .file(dir.path("a.site"), initialize: .demo(systems: Engine.testSystems)))
        #expect(source.run(script: addDP2 + "\n" + #"new SMS_Package { PackageID = "S0130001", Name = "Zürich \"quoted\" \\ path", Priority = 1 }"#).exitCode == 0)
        let dump = try source.repository.mofDump()
        let copy = try Engine(site: .file(dir.path("b.site"), initialize: .empty(siteCode: "S01")))
        let loaded = try copy.load(mof: dump, fileName: "a.mof")
        // The site's schema was there already, identical; the demo's secondary site S02 brings its namespace.
        #expect(loaded.classes.count == copy.repository.classes(namespace: #"root\sms\site_S02"#).count)
        #expect(loaded.instances.count > 100)
        #expect(try copy.repository.mofDump() == dump)
        let reopened = try Engine(site: .file(dir.path("b.site")))
        #expect(try reopened.repository.mofDump() == dump)
    }
}

@Suite struct ColumnCodingTests {
    /// Every kind of value comes back from the file exactly as it went in, the extremes included.
    @Test func valuesRoundTripExactly() throws {
        let dir = try TempDir()
        let repository = CIMRepository(defaultNamespace: "root\\test")
        _ = try MOFCompiler.compile("""
            class Part { [Key] string Name; };
            class Thing {
                [Key] uint32 ID; uint64 Big; sint64 Low; real32 F; real64 D; char16 C; boolean B;
                datetime When; Part ref Owner; string Tags[]; uint64 Bigs[]; [EmbeddedInstance("Part")] string Inner;
            };
            instance of Part { Name = "p1"; };
            """, into: repository)
        let thing = try repository.requireClass("Thing")
        var instance = try CIMInstance(of: thing, properties: [
            ("ID", .uint32(1)), ("Big", .uint64(.max)), ("Low", .sint64(.min)), ("F", .real32(0.1)), ("D", .real64(1e300)),
            ("C", .char16(0x00E9)), ("B", .boolean(true)), ("When", .datetime(try CIMDateTime(parsing: "20261126093000.123456+060"))),
            ("Owner", .reference(try ObjectPath(parsing: #"Part.Name="p1""#))),
            ("Tags", .array(CIMArray(elementType: .string, [.string("a \"b\""), .null, .string("ü")]))),
            ("Bigs", .array(CIMArray(elementType: .uint64, [.uint64(.max), .uint64(0)]))),
        ])
        try repository.createInstance(instance)
        try SiteFile.create(dir.path("values.site"), from: repository)
        let (_, reopened) = try SiteFile.open(dir.path("values.site"))
        let back = try reopened.instance(at: ObjectPath(className: "Thing", keys: [.init(nil, .uint32(1))]))
        instance = try repository.instance(at: ObjectPath(className: "Thing", keys: [.init(nil, .uint32(1))]))
        for property in thing.properties {
            #expect(back[property.name] == instance[property.name], "\(property.name)")
        }
    }
}
