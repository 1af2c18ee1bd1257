// Hostile input through the cmsh binary: raw bytes in a script file, and the limits the command line sets.
import Foundation
import Testing

@Suite struct HostileCLITests {
    @Test func nulBytesAndInvalidUTF8InAScriptFileAreLocatedSyntaxErrors() throws {
        let url = try CLI.script("")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let bytes: [UInt8] = Array("print 1".utf8) + [0x00] + Array("\nprint 2 ".utf8) + [0xFF] + Array("\n".utf8)
        try Data(bytes).write(to: url)
        let r = try CLI.run([url.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("script.cmsh:1:8: error: unexpected character: a NUL byte"), "\(r.stderr)")
        #expect(r.stderr.contains("script.cmsh:2:9: error: unexpected character: invalid UTF-8"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func recursionStopsAtTheCallDepthTheCommandLineSets() throws {
        let r = try CLI.run(["--max-call-depth", "10", "-c", "func f($n) { return f($n + 1) }\nprint f(0)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("WBEM_E_QUOTA_VIOLATION: too many nested function calls (limit is 10)"), "\(r.stderr)")
    }

    @Test func outputPastTheLimitStopsTheRun() throws {
        // A 64 KB string printed forever: the 1 MB limit stops it after 16 prints or so.
        let script = "$s = \"x\"\n$i = 0\nwhile $i < 16 { $s = $s + $s\n $i = $i + 1 }\nwhile true { print $s }"
        let r = try CLI.run(["--max-output-mb", "1", "-c", script])
        #expect(r.status == 1)
        #expect(r.stdout.contains("output limit of 1048576 bytes reached"))
        #expect(r.stdout.utf8.count < 2 << 20)
    }

    @Test func negativeLimitsAreUsageErrors() throws {
        let r = try CLI.run(["--max-steps=-1", "-c", "print 1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--max-steps must be 0 or more"), "\(r.stderr)")
    }
}
