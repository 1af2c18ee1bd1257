// RunContext: the limits of the run in progress, for work it sets off beyond the interpreter — a provider
// evaluating a collection's query rules in an interpreter of its own — so Ctrl-C, the time limit, the step
// budget and the memory limit hold there too.
import Foundation

/// The run in progress on this thread (a task-local value, set while ``Interpreter/run(_:)`` runs).
public final class RunContext: @unchecked Sendable {
    /// Only ever used on the thread running the outer interpreter, while it waits for the nested work.
    unowned let interpreter: Interpreter

    init(_ interpreter: Interpreter) { self.interpreter = interpreter }

    @TaskLocal public static var current: RunContext?
}

extension Interpreter {
    /// Makes this (nested) interpreter honour the limits of the run in progress, if any: its cancellation,
    /// deadline, memory limit and what is left of its step budget. Rows it visits count against the run.
    public func inheritLimitsOfCurrentRun() {
        guard let outer = RunContext.current?.interpreter, outer !== self else { return }
        parentRun = outer
        cancellation = outer.cancellation
        deadline = outer.deadline
        limits.maxSteps = outer.limits.maxSteps
        limits.maxMemoryBytes = outer.limits.maxMemoryBytes
        steps = outer.steps
    }

    /// Hands the steps a nested interpreter took back to the run it belongs to.
    func returnStepsToParentRun() {
        if let parentRun, steps > parentRun.steps { parentRun.steps = steps }
    }
}

/// The process's resident memory, read from /proc/self/statm (Linux); nil where it cannot be read.
public enum ResidentMemory {
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    public static func bytes() -> Int? {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
        guard n > 0 else { return nil }
        // "size resident shared …" in pages: the second field.
        let fields = buffer.prefix(n).split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * pageSize
    }
}
