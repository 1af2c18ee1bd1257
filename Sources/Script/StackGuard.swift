// StackGuard: turns recursion that would overflow the thread's stack into an error.
//
// The parser bounds how deeply one function body nests (Limits.maxSyntaxDepth) and the interpreter bounds
// how deeply calls nest (Limits.maxCallDepth), but not the product: 200 calls each 100 brackets deep recurse
// 20 000 levels, which overflows a thread's stack (a crash no `catch` can stop). So each call first checks that
// the stack still has room for another function body.
import Foundation

struct StackGuard {
    /// The lowest stack address a call may start at.
    private let floor: UInt

    /// Room kept below the last check for one function body's expressions (up to maxSyntaxDepth levels),
    /// the providers and builtins it calls, and the error path.
    static let reserve = 2 << 20

    /// Measures from the caller's stack position. The stack's size is the process's stack limit (what the
    /// main thread gets, and glibc's default for new threads), at least 4 MB; a host that runs scripts on a
    /// thread with a smaller stack should lower Limits.maxCallDepth.
    init() {
        var limit = rlimit()
        var size = 8 << 20
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_STACK.rawValue)
        #else
        let resource = RLIMIT_STACK
        #endif
        if getrlimit(resource, &limit) == 0, limit.rlim_cur < 1 << 40 {  // not "unlimited"
            size = Int(clamping: limit.rlim_cur)
        }
        let budget = max(4 << 20, min(size, 1 << 30)) - Self.reserve
        let here = Self.position()
        floor = here > UInt(budget) ? here - UInt(budget) : 0
    }

    private static func position() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Whether the stack is too deep to start another function call.
    var isExhausted: Bool { Self.position() < floor }
}
