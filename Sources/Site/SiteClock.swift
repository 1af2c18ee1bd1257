// SiteClock: the time the simulated site lives in. Tests fix it and advance it, so timestamps and the
// progress of content distribution are deterministic; interactive use follows the system clock.
import CIM
import Foundation

/// The simulated site's clock: the system clock, or a fixed time that only moves when advanced.
public final class SiteClock: @unchecked Sendable {
    private let lock = NSLock()
    private var fixed: Int64?

    /// A clock that follows the system time.
    public init() {}

    /// A clock fixed at a time (`20261126090000.000000+000`); it moves only through ``advance(seconds:)``.
    public init(fixedAt time: CIMDateTime) { fixed = time.utcMicroseconds }

    public var now: CIMDateTime {
        lock.lock()
        defer { lock.unlock() }
        return CIMDateTime(utcMicroseconds: fixed ?? Int64(Date().timeIntervalSince1970 * 1_000_000))
    }

    public var isFixed: Bool { lock.withLock { fixed != nil } }

    /// Moves a fixed clock forward (a system clock cannot be moved; it fixes itself at now first).
    public func advance(seconds: Int64) {
        let current = now.utcMicroseconds
        lock.withLock { fixed = current + seconds * 1_000_000 }
    }
}
