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

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], executable: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["CMSH_HISTORY"] = ""  // never touch the user's history from tests
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let watchdog = Watchdog(process, seconds: 120)
        defer { watchdog.disarm() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot fill a pipe and stall the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
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

/// Kills a child that outlives its time, so a hung cmsh fails its test instead of hanging the whole run.
/// A plain thread, not a Dispatch timer: Dispatch's global queues may be busy with the tests themselves.
final class Watchdog: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(_ process: Process, seconds: Int) {
        let done = self.done
        Thread.detachNewThread {
            if done.wait(timeout: .now() + .seconds(seconds)) == .timedOut, process.isRunning {
                process.terminate()
            }
        }
    }

    func disarm() { done.signal() }
}
