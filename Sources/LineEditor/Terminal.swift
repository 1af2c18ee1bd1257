// Terminal: whether the session is interactive and how wide the screen is.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Terminal {
    /// True when standard input is a terminal, i.e. a `TerminalLineReader` can be used. Only stdin decides:
    /// `cmsh | tee log` is still typed interactively (the reader then echoes to stderr).
    public static var isInteractive: Bool { isatty(STDIN_FILENO) != 0 }

    /// Columns of the terminal on standard output; nil when stdout is not a terminal or reports no size.
    public static var width: Int? { columns(of: STDOUT_FILENO) }

    static func columns(of fd: Int32) -> Int? {
        var size = winsize()
        guard isatty(fd) != 0, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
