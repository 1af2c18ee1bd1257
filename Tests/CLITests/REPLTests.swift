// The interactive shell in a real pseudo-terminal (tmux): typing, history across restarts, Tab completion,
// Ctrl-C, a multi-line paste, Ctrl-D.
import Foundation
import Testing

/// One cmsh running inside a detached tmux session.
final class TerminalSession {
    let name = "cmsh-test-\(UUID().uuidString.prefix(8))"
    let history: String

    init(history: String) throws {
        self.history = history
        let command = "env LANG=C.UTF-8 NO_COLOR=1 CMSH_HISTORY=\(history) \(CLI.binary.path); echo EXIT=$?; sleep 60"
        try Self.tmux(["new-session", "-d", "-s", name, "-x", "160", "-y", "50", command])
        try waitFor("cmsh S01>")
    }

    deinit { _ = try? Self.tmux(["kill-session", "-t", name]) }

    @discardableResult
    static func tmux(_ args: [String]) throws -> String {
        // A command that may start the tmux server must not hand it our pipe: the server lives on and
        // would hold the pipe open, so only capture-pane (which never starts one) gets a stdout pipe.
        let capture = args.first == "capture-pane"
        let child = try ChildProcess.run("tmux", args, environment: ProcessInfo.processInfo.environment,
                                         stdout: capture ? .capture : .discard, stderr: .discard, timeout: 30)
        return String(decoding: child.stdout, as: UTF8.self)
    }

    /// Sends keys: literal text, or tmux key names such as Enter, Tab, Up, C-c, C-d.
    func send(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }
    func type(_ text: String) throws { try Self.tmux(["send-keys", "-t", name, "-l", text]) }

    /// Pastes text in one write, as a terminal does for a paste.
    func paste(_ text: String) throws {
        try Self.tmux(["set-buffer", "-b", name, text])
        try Self.tmux(["paste-buffer", "-b", name, "-t", name])
    }

    var screen: String { (try? Self.tmux(["capture-pane", "-p", "-t", name, "-S", "-200"])) ?? "" }

    /// Waits until the screen shows `text` (or fails after the timeout).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 8) throws -> String {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            let s = screen
            if s.contains(text) { return s }
            Thread.sleep(forTimeInterval: 0.1)
        }
        struct Timeout: Error, CustomStringConvertible { let text: String; let screen: String; var description: String { "waited for '\(text)'; screen:\n\(screen)" } }
        throw Timeout(text: text, screen: screen)
    }

    func count(_ text: String) -> Int { screen.components(separatedBy: text).count - 1 }
}

@Suite(.serialized) struct REPLTests {
    func historyFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-hist-\(UUID().uuidString)/history").path
    }

    @Test func seedStatementTypedAtThePrompt() throws {
        let t = try TerminalSession(history: historyFile())
        try t.type(#"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])"#)
        try t.send("Enter")
        try t.waitFor("ReturnValue = 0")
    }

    @Test func historySurvivesARestartAndIsPrivate() throws {
        let history = historyFile()
        do {
            let t = try TerminalSession(history: history)
            try t.type("select SiteCode from SMS_Site where SiteCode = 'S02'")
            try t.send("Enter")
            try t.waitFor("1 row")
            try t.send("C-d")
            try t.waitFor("EXIT=0")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: history)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let t = try TerminalSession(history: history)
        try t.send("Up")
        try t.waitFor("cmsh S01> select SiteCode from SMS_Site where SiteCode = 'S02'")
    }

    @Test func tabCompletesClassesAndProperties() throws {
        let t = try TerminalSession(history: historyFile())
        try t.type("select * from SMS_Dri")
        try t.send("Tab")
        try t.waitFor("select * from SMS_Driver")  // SMS_Driver and SMS_DriverPackage share the prefix
        try t.type("P")
        try t.send("Tab")
        try t.waitFor("select * from SMS_DriverPackage")
        try t.type(" where PkgSour")
        try t.send("Tab")
        try t.waitFor("where PkgSource")
    }

    @Test func ctrlCOnAHalfTypedLineKeepsRunning() throws {
        let t = try TerminalSession(history: historyFile())
        try t.type("select * from SMS_Pack")
        try t.send("C-c")
        try t.type("print 40 + 2")
        try t.send("Enter")
        try t.waitFor("42")
        #expect(!t.screen.contains("EXIT="))
    }

    @Test func multiLinePasteRunsOnce() throws {
        let t = try TerminalSession(history: historyFile())
        try t.paste("select SiteCode\n  from SMS_Site\n  where SiteCode = 'S01'\n")
        try t.waitFor("1 row")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(t.count("1 row") == 1)
        #expect(!t.screen.contains("error"))
    }

    @Test func continuationPromptForAnOpenStatement() throws {
        let t = try TerminalSession(history: historyFile())
        try t.type("print (1 +")
        try t.send("Enter")
        try t.waitFor("...>")
        try t.type("2)")
        try t.send("Enter")
        try t.waitFor("3")
    }

    @Test func ctrlCInterruptsARunningStatement() throws {
        let t = try TerminalSession(history: historyFile())
        try t.type("$n = 0; while true { $n = $n + 1 }")
        try t.send("Enter")
        Thread.sleep(forTimeInterval: 0.5)
        try t.send("C-c")
        try t.waitFor("WBEM_E_CALL_CANCELLED")
        try t.type("print $n > 0")
        try t.send("Enter")
        try t.waitFor("true")
        #expect(!t.screen.contains("EXIT="))
    }

    @Test func ctrlDExitsZero() throws {
        let t = try TerminalSession(history: historyFile())
        try t.send("C-d")
        try t.waitFor("EXIT=0")
    }

    @Test func dotCommands() throws {
        let t = try TerminalSession(history: historyFile())
        try t.type(".help")
        try t.send("Enter")
        try t.waitFor(".format table|list|json|csv|mof")
        try t.type(".format json")
        try t.send("Enter")
        try t.type("select SiteCode from SMS_Site where SiteCode = 'S02'")
        try t.send("Enter")
        try t.waitFor(#""SiteCode": "S02""#)
    }

    @Test func membersAndExplain() throws {
        let t = try TerminalSession(history: historyFile())
        try t.type(".members S01NOPE1")
        try t.send("Enter")
        try t.waitFor("no collection S01NOPE1")
        try t.type(".members S0100012")
        try t.send("Enter")
        let screen = try t.waitFor("7 rows")
        #expect(screen.contains("ResourceID") && screen.contains("IsDirect") && screen.contains("KIOSK-07"))
        try t.type("explain select * from SMS_Collection where CollectionID = 'SMS00001'")
        try t.send("Enter")
        try t.waitFor("key lookup")
    }

    /// Raw bytes typed at the prompt: libedit drops a byte that is not UTF-8 and takes NUL as an editing key;
    /// either way the statement runs and the shell goes on.
    @Test func invalidUTF8AndNULAtThePromptLeaveTheShellRunning() throws {
        let t = try TerminalSession(history: historyFile())
        try t.type("print 1 ")
        try TerminalSession.tmux(["send-keys", "-t", t.name, "-H", "ff"])
        try t.send("Enter")
        try TerminalSession.tmux(["send-keys", "-t", t.name, "-H", "00"])
        try t.type("print 6 * 7")
        try t.send("Enter")
        try t.waitFor("42")
        #expect(!t.screen.contains("EXIT="))
    }
}
