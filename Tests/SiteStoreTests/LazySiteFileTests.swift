// A site file reads each class's rows the first time the class is used: what a session never touches is never read
// into memory, rows read are not written back, a read works while another process holds the write lock, and a
// class read late still shows what other processes changed in it before.
import CIM
import CMShell
import Foundation
import GRDB
import Testing

@Suite struct LazySiteFileTests {
    /// Entries in the file's change log (of one class, when named).
    static func changeCount(_ path: String, of className: String? = nil) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM cmsh_changes" + (className == nil ? "" : " WHERE class_name = ?"),
                             arguments: className.map { [$0] } ?? []) ?? 0
        }
    }

    @Test func onlyTheClassesASessionUsesAreReadAndNoneIsWrittenBack() throws {
        let dir = try TempDir()
        let path = dir.path("lazy.site")
        let made = try Engine(site: .file(path, initialize: .demo(systems: Engine.testSystems)))
        let systems = try made.value("len(select * from SMS_R_System)")
        let changes = try Self.changeCount(path)

        let engine = try Engine(site: .file(path))
        let waiting = engine.repository.pendingFills
        #expect(waiting > 100, "one fill per class, none run at open")
        #expect(try engine.value("len(select * from SMS_Site)") == "2")
        #expect(engine.repository.pendingFills >= waiting - 3, "reading sites reads little else")
        #expect(engine.repository.pendingFills > 100, "the fleet's inventory is still on disk only")
        #expect(try engine.value("len(select * from SMS_R_System)") == systems)
        #expect(try Self.changeCount(path) == changes, "rows read on first use are not written back")

        // A class never read is changed: its rows are read first, and only the change is written.
        #expect(engine.run(script: #"update SMS_DriverPackage("PKG00001") set Description = "changed lazily""#).exitCode == 0)
        #expect(try Self.changeCount(path, of: "SMS_DriverPackage") == 1, "the one package changed, not every one read")
        let again = try Engine(site: .file(path))
        #expect(try again.value(#"SMS_DriverPackage("PKG00001").Description"#) == "changed lazily")
        #expect(try again.value("len(select * from SMS_DriverPackage)") == (try made.value("len(select * from SMS_DriverPackage)")))
    }

    @Test func aClassReadLateShowsWhatAnotherProcessChangedBeforeAndWhileItWaited() throws {
        let dir = try TempDir()
        let path = dir.path("late.site")
        _ = try Engine(site: .file(path, initialize: .demo(systems: Engine.testSystems)))
        let reader = try Engine(site: .file(path))
        #expect(try reader.value("len(select * from SMS_Site)") == "2")  // a first statement: packages not read yet
        let writer = try Engine(site: .file(path))
        #expect(writer.run(script: """
            update SMS_Package("S0100002") set Description = "from the other process"
            new SMS_Package { PackageID = "S0199999", Name = "made elsewhere" }
            """).exitCode == 0)
        #expect(try reader.value(#"SMS_Package("S0100002").Description"#) == "from the other process")
        #expect(try reader.value(#"len(select * from SMS_Package where PackageID = "S0199999")"#) == "1")
    }

    @Test func readingWhileAnotherProcessHoldsTheWriteLockWorks() throws {
        let dir = try TempDir()
        let path = dir.path("locked.site")
        _ = try Engine(site: .file(path, initialize: .demo(systems: Engine.testSystems)))
        var options = SiteFile.Options()
        options.busyTimeout = 0.2
        let engine = try Engine(site: .file(path, options: options))
        let holder = try DatabaseQueue(path: path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            // Reading a class for the first time needs no write: it succeeds while the lock is held.
            #expect(try engine.value("len(select * from SMS_DistributionPoint)") != "0")
            try db.execute(sql: "ROLLBACK")
        }
    }
}
