// Child processes for the CLI tests, on posix_spawn/poll/waitpid rather than Foundation's Process.
//
// Why not Process: on Linux it learns that a child exited from a Dispatch source, and Swift Testing runs
// tests on those same Dispatch threads. With every worker busy in a test, the notification never ran and
// `waitUntilExit()` waited forever on a child that was already a zombie (CI hung for 900 s on a `tmux`
// client that had long exited). Here the test thread itself polls the pipes and reaps the child, with a
// deadline after which the child is killed — nothing depends on another thread being free.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct ChildProcess {
    /// How the child ended: its exit code, or 128 + the signal that killed it (as a shell reports it).
    var status: Int32
    var stdout: Data
    var stderr: Data
    /// True when the deadline passed and the child was killed.
    var timedOut: Bool

    enum Output { case capture, discard }

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    /// A spawned child whose stdout the caller reads as it arrives (see `CrashSafetyTests`).
    final class Running {
        let pid: pid_t
        let stdout: Int32
        private var reaped = false

        fileprivate init(pid: pid_t, stdout: Int32) { self.pid = pid; self.stdout = stdout }

        /// Blocks until some output arrives; empty at end of file.
        func read() -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = Glibc.read(stdout, &buffer, buffer.count)
                if n >= 0 { return Array(buffer.prefix(n)) }
                if errno != EINTR { return [] }
            }
        }

        func kill(_ signal: Int32 = SIGKILL) { _ = Glibc.kill(pid, signal) }

        /// Reaps the child and returns its status (see `ChildProcess.status`).
        @discardableResult
        func wait() -> Int32 {
            defer { reaped = true; close(stdout) }
            return ChildProcess.reap(pid)
        }

        deinit {
            if !reaped { kill(); _ = wait() }
        }
    }

    /// Runs `executable` to completion: writes `stdin` (then closes it), collects or discards each output,
    /// and kills the child when `timeout` seconds pass.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    stdin: Data = Data(), stdout: Output = .capture, stderr: Output = .capture,
                    timeout: Double) throws -> ChildProcess {
        let input = try pipe(), output = stdout == .capture ? try pipe() : nil, errors = stderr == .capture ? try pipe() : nil
        let pid: pid_t
        do {
            pid = try spawn(executable, arguments, environment: environment,
                            stdin: input.read, stdout: output?.write, stderr: errors?.write)
        } catch {
            [input.read, input.write, output?.read, output?.write, errors?.read, errors?.write].forEach { if let fd = $0 { close(fd) } }
            throw error
        }
        close(input.read)
        if let output { close(output.write) }
        if let errors { close(errors.write) }

        var result = ChildProcess(status: 0, stdout: Data(), stderr: Data(), timedOut: false)
        var pending = [UInt8](stdin)
        var toChild: Int32? = input.write
        if pending.isEmpty { close(input.write); toChild = nil } else { _ = fcntl(input.write, F_SETFL, O_NONBLOCK) }
        var fromChild: [Int32: WritableKeyPath<ChildProcess, Data>] = [:]
        if let output { fromChild[output.read] = \.stdout }
        if let errors { fromChild[errors.read] = \.stderr }

        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while toChild != nil || !fromChild.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                if !result.timedOut { result.timedOut = true; _ = kill(pid, SIGKILL) }
                break  // a grandchild may hold a pipe open for ever; stop reading
            }
            var fds = fromChild.keys.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if let toChild { fds.append(pollfd(fd: toChild, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == toChild {
                    let n = write(entry.fd, pending, pending.count)
                    if n > 0 { pending.removeFirst(n) }
                    if (n < 0 && errno != EAGAIN && errno != EINTR) || pending.isEmpty { close(entry.fd); toChild = nil }
                } else if let path = fromChild[entry.fd] {
                    let n = read(entry.fd, &buffer, buffer.count)
                    if n > 0 { result[keyPath: path].append(contentsOf: buffer[0..<n]) }
                    if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) { close(entry.fd); fromChild[entry.fd] = nil }
                }
            }
        }
        if let toChild { close(toChild) }
        fromChild.keys.forEach { close($0) }
        if let status = reap(pid, within: deadline.timeIntervalSinceNow) {
            result.status = status
        } else {
            result.timedOut = true
            _ = kill(pid, SIGKILL)
            result.status = reap(pid)
        }
        return result
    }

    /// Starts `executable` with stdin from /dev/null, stdout in a pipe to read and stderr discarded (or
    /// appended to `stderrFile`).
    static func start(_ executable: String, _ arguments: [String], environment: [String: String], stderrFile: String? = nil) throws -> Running {
        let output = try pipe()
        let errors = stderrFile.map { open($0, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600) }
        defer { if let errors, errors >= 0 { close(errors) } }
        let pid: pid_t
        do {
            pid = try spawn(executable, arguments, environment: environment, stdin: nil, stdout: output.write,
                            stderr: errors.flatMap { $0 >= 0 ? $0 : nil })
        } catch { close(output.read); close(output.write); throw error }
        close(output.write)
        return Running(pid: pid, stdout: output.read)
    }

    // MARK: - posix_spawn plumbing

    /// A pipe whose ends other children spawned meanwhile do not inherit (FD_CLOEXEC; Glibc's module does not
    /// export pipe2); dup2 onto the child's 0/1/2 clears the flag for the child's own copy.
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
        fds.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Spawns with the given descriptors as 0, 1, 2; nil means /dev/null.
    private static func spawn(_ executable: String, _ arguments: [String], environment: [String: String],
                              stdin: Int32?, stdout: Int32?, stderr: Int32?) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, target, mode) in [(stdin, Int32(0), O_RDONLY), (stdout, 1, O_WRONLY), (stderr, 2, O_WRONLY)] {
            if let fd { posix_spawn_file_actions_adddup2(&actions, fd, target) }
            else { posix_spawn_file_actions_addopen(&actions, target, "/dev/null", mode, 0) }
        }
        // A child starts as from a shell: no signal blocked, every handler at its default. The test runner's
        // threads block most signals and a child inherits the mask — a tmux server so started never took the
        // SIGTERM of its own kill-server, and each REPL test left one behind, with its cmsh.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        var rc = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        // A script the test has just written may still be open for writing in a child that another test
        // thread forked at that moment (the fd is inherited until that child execs): wait it out.
        for _ in 0..<100 where rc == ETXTBSY {
            usleep(10_000)
            rc = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        }
        guard rc == 0 else { throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Reaps the child if it exits within `seconds`; nil if it is still running then.
    private static func reap(_ pid: pid_t, within seconds: Double) -> Int32? {
        let end = Date().addingTimeInterval(max(seconds, 0))
        repeat {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return decode(status) }
            usleep(5_000)
        } while Date() < end
        return nil
    }

    fileprivate static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return decode(status)
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
