// Cancellation: a flag another thread sets to stop a running script (Ctrl-C in the shell, a host's cancel()).
import Foundation

/// A thread-safe stop flag. The interpreter polls it while statements run; set it from any thread.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// Asks the running script to stop; it ends with WBEM_E_CALL_CANCELLED ("interrupted").
    public func cancel() { lock.withLock { cancelled = true } }
    public var isCancelled: Bool { lock.withLock { cancelled } }
    /// Clears the flag; every run starts uncancelled.
    public func reset() { lock.withLock { cancelled = false } }
}
