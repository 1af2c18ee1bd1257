// The interactive shell in a real pseudo-terminal (tmux): typing, history across restarts, Tab completion,
// Ctrl-C, a multi-line paste, Ctrl-D.
import Foundation
import Testing

/// One cmsh running inside a detached tmux session, on a tmux server of its own (`-L`): a shared server
/// exits when its last session is killed, and a session started while it exits is lost.
final class TerminalSession {
    let name = "cmsh-test-\(UUID().uuidString.prefix(8))"
    let history: String

    /// `environment` is added to the shell's (NO_COLOR by default, so screens compare as plain text);
    /// `history` nil leaves CMSH_HISTORY unset, so cmsh picks its own place from HOME/XDG_STATE_HOME.
    init(history: String?, environment: [String: String] = ["NO_COLOR": "1"], arguments: String = "") async throws {
        self.history = history ?? ""
        var env = ["LANG": "C.UTF-8"].merging(environment) { $1 }
        if let history { env["CMSH_HISTORY"] = history }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        var unset = history == nil ? "-u CMSH_HISTORY -u XDG_STATE_HOME " : ""
        if env["NO_COLOR"] == nil { unset += "-u NO_COLOR " }
        let command = "env \(unset)\(assignments) \(CLI.binary.path) \(arguments); echo EXIT=$?; sleep 60"
        let started = try ChildProcess.run("tmux", ["-L", name, "new-session", "-d", "-s", name, "-x", "160", "-y", "50", command],
                                           environment: ProcessInfo.processInfo.environment, stdout: .discard, stderr: .discard, timeout: 30)
        struct NotStarted: Error, CustomStringConvertible { let status: Int32; var description: String { "tmux new-session exited \(status)" } }
        guard started.status == 0 else { throw NotStarted(status: started.status) }
        try await waitFor("cmsh S01>")
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        // A command that may start the tmux server must not hand it our pipe: the server lives on and
        // would hold the pipe open, so only capture-pane (which never starts one) gets a stdout pipe.
        let capture = args.first == "capture-pane" || args.first == "display-message"
        let child = try ChildProcess.run("tmux", ["-L", name] + args, environment: ProcessInfo.processInfo.environment,
                                         stdout: capture ? .capture : .discard, stderr: .discard, timeout: 30)
        return String(decoding: child.stdout, as: UTF8.self)
    }

    /// Sends keys: literal text, or tmux key names such as Enter, Tab, Up, C-c, C-d.
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// Pastes text in one write, as a terminal does for a paste.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", name, text])
        try tmux(["paste-buffer", "-b", name, "-t", name])
    }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", name, "-S", "-200"])) ?? "" }
    /// The screen with its colours, as SGR escapes.
    var screenWithAttributes: String { (try? tmux(["capture-pane", "-p", "-e", "-t", name])) ?? "" }
    /// The cursor's column, counted from 0.
    var cursorColumn: Int? {
        Int(((try? tmux(["display-message", "-p", "-t", name, "#{cursor_x}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits until `condition` holds for the screen (or fails after the timeout).
    /// The wait counts polls, not wall time: a test that yields its thread while it waits may resume late
    /// when the other tests keep every thread busy, and that is no reason to fail.
    func waitUntil(_ what: String, timeout: Double = 8, _ condition: (String) -> Bool) async throws {
        for _ in 0..<Int(timeout * 10) {
            if condition(screen) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        struct Timeout: Error, CustomStringConvertible { let what: String; let screen: String; var description: String { "waited for \(what); screen:\n\(screen)" } }
        throw Timeout(what: what, screen: screen)
    }

    /// Types each line and Enter, waiting for the continuation prompt between lines.
    func typeLines(_ lines: [String]) async throws {
        let before = count("...>")
        for (i, line) in lines.enumerated() {
            try type(line)
            try send("Enter")
            if i < lines.count - 1 { try await waitUntil("continuation prompt \(i + 1)") { $0.components(separatedBy: "...>").count - 1 >= before + i + 1 } }
        }
    }

    /// Waits until the screen shows `text` (or fails after the timeout).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 8) async throws -> String {
        for _ in 0..<Int(timeout * 10) {
            let s = screen
            if s.contains(text) { return s }
            try await Task.sleep(for: .milliseconds(100))
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

    @Test func seedStatementTypedAtThePrompt() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.type(#"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])"#)
        try t.send("Enter")
        try await t.waitFor("ReturnValue = 0")
    }

    @Test func historySurvivesARestartAndIsPrivate() async throws {
        let history = historyFile()
        do {
            let t = try await TerminalSession(history: history)
            try t.type("select SiteCode from SMS_Site where SiteCode = 'S02'")
            try t.send("Enter")
            try await t.waitFor("1 row")
            try t.send("C-d")
            try await t.waitFor("EXIT=0")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: history)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let t = try await TerminalSession(history: history)
        try t.send("Up")
        try await t.waitFor("cmsh S01> select SiteCode from SMS_Site where SiteCode = 'S02'")
    }

    @Test func tabCompletesClassesAndProperties() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.type("select * from SMS_Dri")
        try t.send("Tab")
        try await t.waitFor("select * from SMS_Driver")  // SMS_Driver and SMS_DriverPackage share the prefix
        try t.type("P")
        try t.send("Tab")
        try await t.waitFor("select * from SMS_DriverPackage")
        try t.type(" where PkgSour")
        try t.send("Tab")
        try await t.waitFor("where PkgSource")
    }

    @Test func ctrlCOnAHalfTypedLineKeepsRunning() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.type("select * from SMS_Pack")
        try t.send("C-c")
        try t.type("print 40 + 2")
        try t.send("Enter")
        try await t.waitFor("42")
        #expect(!t.screen.contains("EXIT="))
    }

    @Test func multiLinePasteRunsOnce() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.paste("select SiteCode\n  from SMS_Site\n  where SiteCode = 'S01'\n")
        try await t.waitFor("1 row")
        try await Task.sleep(for: .seconds(0.5))
        #expect(t.count("1 row") == 1)
        #expect(!t.screen.contains("error"))
    }

    @Test func continuationPromptForAnOpenStatement() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.type("print (1 +")
        try t.send("Enter")
        try await t.waitFor("...>")
        try t.type("2)")
        try t.send("Enter")
        try await t.waitFor("3")
    }

    @Test func ctrlCInterruptsARunningStatement() async throws {
        let t = try await TerminalSession(history: historyFile())
        // Ctrl-C once the loop is surely running: sent earlier, it could land before the statement starts.
        try t.type(#"$n = 0; print "looping"; while true { $n = $n + 1 }"#)
        try t.send("Enter")
        try await t.waitFor("looping")
        try await Task.sleep(for: .seconds(0.2))
        try t.send("C-c")
        try await t.waitFor("WBEM_E_CALL_CANCELLED")
        try t.type("print $n > 0")
        try t.send("Enter")
        try await t.waitFor("true")
        #expect(!t.screen.contains("EXIT="))
    }

    @Test func ctrlDExitsZero() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.send("C-d")
        try await t.waitFor("EXIT=0")
    }

    @Test func dotCommands() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.type(".help")
        try t.send("Enter")
        try await t.waitFor(".format table|list|json|csv|mof")
        try t.type(".format json")
        try t.send("Enter")
        try t.type("select SiteCode from SMS_Site where SiteCode = 'S02'")
        try t.send("Enter")
        try await t.waitFor(#""SiteCode": "S02""#)
    }

    /// `.connect URL` at the prompt: statements go to the served site (the prompt says where), Tab completes
    /// from its schema, the password never reaches the history; `.disconnect` comes back.
    @Test func connectAndDisconnectAtThePrompt() async throws {
        let s = try ServeProcess()
        let history = historyFile()
        let t = try await TerminalSession(history: history, environment: ["NO_COLOR": "1", "CMSH_PASSWORD": ServeProcess.password],
                                          arguments: "--user \(ServeProcess.user) --auth basic --fingerprint \(s.fingerprint)")
        try t.type(".connect \(s.url)/AdminService")
        try t.send("Enter")
        try await t.waitFor("cmsh S01@127.0.0.1>")
        // Tab completes from the remote site's schema.
        try t.type("select * from SMS_DriverPack")
        try t.send("Tab")
        try await t.waitFor("select * from SMS_DriverPackage")
        try t.send("C-c")
        try t.type("new SMS_Package { Name = \"Remote only\" }")
        try t.send("Enter")
        try await t.waitFor("PackageID")
        try t.type("select count(*) from SMS_Package where Name = 'Remote only'")
        try t.send("Enter")
        try await t.waitFor("1 row")
        try t.type(".disconnect")
        try t.send("Enter")
        try await t.waitFor("back on the local site S01")
        try t.type("select count(*) as Local from SMS_Package where Name = 'Remote only'")
        try t.send("Enter")
        let screen = try await t.waitFor("Local")
        try await t.waitUntil("the local count") { $0.components(separatedBy: "1 row").count - 1 >= 2 }
        #expect(screen.contains("cmsh S01>"))
        let lines = t.screen.split(separator: "\n")
        let local = lines.lastIndex { $0.trimmingCharacters(in: .whitespaces) == "Local" }.map { lines.dropFirst($0 + 2).first ?? "" } ?? ""
        #expect(local.trimmingCharacters(in: .whitespaces) == "0", "\(t.screen)")
        try t.send("C-d")
        try await t.waitFor("EXIT=0")
        let saved = (try? String(contentsOfFile: history, encoding: .utf8)) ?? ""
        #expect(saved.contains(".connect") && !saved.contains(ServeProcess.password))
    }

    @Test func membersAndExplain() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.type(".members S01NOPE1")
        try t.send("Enter")
        try await t.waitFor("no collection S01NOPE1")
        try t.type(".members S0100012")
        try t.send("Enter")
        let screen = try await t.waitFor("7 rows")
        #expect(screen.contains("ResourceID") && screen.contains("IsDirect") && screen.contains("KIOSK-07"))
        try t.type("explain select * from SMS_Collection where CollectionID = 'SMS00001'")
        try t.send("Enter")
        try await t.waitFor("key lookup")
    }

    /// Raw bytes typed at the prompt: libedit drops a byte that is not UTF-8 and takes NUL as an editing key;
    /// either way the statement runs and the shell goes on.
    @Test func invalidUTF8AndNULAtThePromptLeaveTheShellRunning() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.type("print 1 ")
        try t.tmux(["send-keys", "-t", t.name, "-H", "ff"])
        try t.send("Enter")
        try t.tmux(["send-keys", "-t", t.name, "-H", "00"])
        try t.type("print 6 * 7")
        try t.send("Enter")
        try await t.waitFor("42")
        #expect(!t.screen.contains("EXIT="))
    }

    /// Multi-line input typed a line at a time, in one session: the README's collection query (each line
    /// that leaves the statement open — a trailing keyword, `join` without `on` — gets the continuation
    /// prompt; the last runs it), `}` then `else {`, an if that runs at an empty line, and a `for` loop that
    /// history recalls as one entry. With NO_COLOR the prompt has no escapes and the cursor follows it.
    @Test func multiLineInputAtThePrompt() async throws {
        let t = try await TerminalSession(history: historyFile())
        #expect(t.cursorColumn == "cmsh S01> ".count)
        let promptLine = t.screenWithAttributes.components(separatedBy: "\n").first { $0.contains("cmsh S01>") } ?? ""
        #expect(!promptLine.contains("\u{1B}["))
        try await t.typeLines([
            "select count(*)",
            "from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM",
            "on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId where",
            #"SMS_G_System_OPERATING_SYSTEM.Caption like "%Windows 11%" and"#,
            "DATEDIFF(dd, SMS_R_System.LastLogonTimestamp, GetDate()) < 30",
        ])
        try await t.waitFor("1 row")
        #expect(t.count("...>") == 4)
        // The `}` closing the else cannot be followed by more: it runs at once.
        try await t.typeLines(["if (1 = 2) {", #"print "then""#, "}", "else {", #"print "else " + "branch""#, "}"])
        try await t.waitFor("else branch")
        // An if with no else runs at the empty line after its brace.
        try await t.typeLines(["if (1 = 1) {", #"print "then " + "alone""#, "}", ""])
        try await t.waitFor("then alone")
        // A `for` loop typed over three lines is one history entry: Up brings all of it back.
        try await t.typeLines(["for $i in [1, 2] {", #"print "round " + $i"#, "}"])
        try await t.waitFor("round 2")
        try t.send("Up")
        try await Task.sleep(for: .seconds(0.3))
        try t.send("Enter")
        try await t.waitUntil("the loop to run twice") { $0.components(separatedBy: "round 2").count - 1 == 2 }
        #expect(t.count("round 1") == 2)
        #expect(!t.screen.contains("error"))
    }

    /// With colours on, the prompt's escapes reach the terminal whole under TERM=screen and tmux-256color:
    /// no stray "[1;34m", the cursor right after "cmsh S01> ", the text bold blue.
    @Test(arguments: ["screen", "tmux-256color"])
    func colouredPromptUnderTmux(term: String) async throws {
        let t = try await TerminalSession(history: historyFile(), environment: ["TERM": term])
        #expect(!t.screen.contains("[1;34m") && !t.screen.contains("[0m"))
        #expect(t.cursorColumn == "cmsh S01> ".count)
        #expect(t.screenWithAttributes.contains("\u{1B}["))  // coloured
        try t.type("print 6 * 7")
        try await t.waitUntil("the cursor after the typed text") { _ in t.cursorColumn == "cmsh S01> print 6 * 7".count }
        try t.send("Enter")
        try await t.waitFor("42")
        #expect(!t.screen.contains("[1;34m"))
    }

    /// With no CMSH_HISTORY or XDG_STATE_HOME, history goes under the HOME of the environment.
    @Test func historyGoesUnderHOME() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let t = try await TerminalSession(history: nil, environment: ["NO_COLOR": "1", "HOME": home])
        try t.type("print 40 + 2")
        try t.send("Enter")
        try await t.waitFor("42")
        try t.send("C-d")
        try await t.waitFor("EXIT=0")
        let saved = try String(contentsOfFile: home + "/.local/state/cmsh/history", encoding: .utf8)
        #expect(saved.contains("print"))
    }

    /// Ctrl-C inside a long join (not just between statements) stops it; the shell goes on.
    @Test func ctrlCInterruptsAJoin() async throws {
        let t = try await TerminalSession(history: historyFile())
        try t.type(LimitsCLITests.selfJoin)
        try t.send("Enter")
        try await Task.sleep(for: .seconds(0.5))
        try t.send("C-c")
        try await t.waitFor("WBEM_E_CALL_CANCELLED")
        try t.type("print 6 * 7")
        try t.send("Enter")
        try await t.waitFor("42")
        #expect(!t.screen.contains("EXIT="))
    }
}
