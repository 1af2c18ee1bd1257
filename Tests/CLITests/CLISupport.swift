// Runs the built cmsh binary as a user would: arguments, stdin, environment; captures stdout, stderr, status.
import Foundation

struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The debug binary `swift build` produced (tests build it: `make test` runs `swift build --build-tests`).
    static let binary: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/cmsh")
    }()

    static var packageRoot: URL { binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    /// Where the tests' cmsh processes keep their caches (images are named by build, so runs share it safely).
    static let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-test-cache").path

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], executable: URL? = nil) throws -> CLIResult {
        var env = ProcessInfo.processInfo.environment
        env["CMSH_HISTORY"] = ""  // never touch the user's history from tests
        env["NO_COLOR"] = "1"
        // The demo's image is kept for the test run's cmsh processes, not in the user's cache.
        env["XDG_CACHE_HOME"] = cacheHome
        for (k, v) in environment { env[k] = v }
        let child = try ChildProcess.run((executable ?? binary).path, arguments, environment: env,
                                         stdin: Data((stdin ?? "").utf8), timeout: 120)
        var stderr = String(decoding: child.stderr, as: UTF8.self)
        if child.timedOut { stderr += "\n[test harness: killed after 120 s]" }
        return CLIResult(status: child.status, stdout: String(decoding: child.stdout, as: UTF8.self), stderr: stderr)
    }

    /// A temporary file holding `text`; removed by the caller's `defer`.
    static func script(_ text: String, name: String = "script.cmsh") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
