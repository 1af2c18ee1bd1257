// PendingInput: is more input already waiting on stdin? The REPL uses it to gather a paste into one run.
import Foundation

extension Terminal {
    /// True when standard input has bytes ready now (a multi-line paste still arriving). libedit reads a byte
    /// at a time, so what it has not consumed is still visible to poll(2).
    public static var hasPendingInput: Bool {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 15) > 0 && fd.revents & Int16(POLLIN) != 0
    }
}
