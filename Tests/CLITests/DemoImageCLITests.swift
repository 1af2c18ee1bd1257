// The demo's declared part (schema and demo data) is compiled once per build and kept as an image in the cache
// folder: later processes read it, a damaged one is made again, and an unwritable folder only costs time.
import Foundation
import Testing

@Suite struct DemoImageCLITests {
    static let queries = """
    select PackageID, Name from SMS_DriverPackage order by PackageID
    select Name, NumberInstalled, NumberErrors, LastStatusTime from SMS_DPStatusInfo order by Name
    select count(*) from SMS_StatusMessage
    """

    func images(in cache: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache + "/cmsh")) ?? []).filter { $0.hasSuffix(".image") }
    }

    func inode(_ path: String) throws -> UInt64 {
        try (FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    @Test func theDemoIsCompiledOnceThenReadFromItsImage() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-image-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let env = ["XDG_CACHE_HOME": cache]
        let arguments = ["--format", "csv", "--clock", "2026-11-26T09:00:00Z", "-c", Self.queries]
        let first = try CLI.run(arguments, environment: env)
        #expect(first.status == 0 && first.stdout.contains("dp1.contoso.com"), "\(first.stderr)")
        let made = images(in: cache)
        #expect(made.count == 1 && made.first?.hasPrefix("demo-") == true, "\(made)")
        let file = cache + "/cmsh/" + (made.first ?? "")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect((try FileManager.default.attributesOfItem(atPath: cache + "/cmsh")[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        #expect(size > 100_000, "the schema and the demo data: \(size) bytes")

        // Read, not made again: the same file (a new one would be renamed into place), the same answers.
        let before = try inode(file)
        let second = try CLI.run(arguments, environment: env)
        #expect(second.status == 0 && second.stdout == first.stdout, "\(second.stderr)")
        #expect(try inode(file) == before)

        // A damaged image is made again, and answers the same.
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: file))
        let third = try CLI.run(arguments, environment: env)
        #expect(third.status == 0 && third.stdout == first.stdout, "\(third.stderr)")
        #expect(images(in: cache) == made)
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue == size)

        // When this build keeps its image, another build's stays while it is in use and goes once a week old; a
        // temporary file a killed process left goes after an hour.
        let (recent, stale, leftover) = (cache + "/cmsh/demo-1111-v2.image", cache + "/cmsh/demo-0000-v1.image", file + ".4242.tmp")
        for path in [recent, stale, leftover] { try Data("old".utf8).write(to: URL(fileURLWithPath: path)) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -8 * 86_400)], ofItemAtPath: stale)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7_200)], ofItemAtPath: leftover)
        try FileManager.default.removeItem(atPath: file)
        _ = try CLI.run(arguments, environment: env)
        #expect(Set(images(in: cache)) == Set(made + ["demo-1111-v2.image"]))
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    @Test func aCacheFolderThatCannotBeWrittenOnlyCostsTime() throws {
        let plain = try CLI.run(["--format", "csv", "-c", Self.queries], environment: ["XDG_CACHE_HOME": "/proc/cmsh-cannot-write-here"])
        #expect(plain.status == 0 && plain.stdout.contains("dp1.contoso.com") && plain.stderr.isEmpty, "\(plain.stderr)")
    }
}
