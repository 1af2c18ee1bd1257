// Windows authentication for real: a throwaway MIT Kerberos realm (krb5kdc on 127.0.0.1) and an authenticating
// reverse proxy (pyspnego: SPNEGO/Kerberos from a keytab for HTTP/localhost, or NTLM from a user file) in front
// of `cmsh serve`, as IIS is in front of a real SMS Provider. cmsh connects with libcurl's Negotiate after kinit,
// or with NTLM; without a ticket or with a wrong password it gets a clear 401. Tests/peers/winauth has the
// peer; `make test` installs what it needs, and a machine that cannot run it fails here, saying why.
import Foundation
import Testing

@Suite(.serialized) struct WindowsAuthTests {
    static let peer = CLI.packageRoot.appendingPathComponent("Tests/peers/winauth")
    static let python = CLI.packageRoot.appendingPathComponent(".build/venv/bin/python").path

    /// A realm CMSH.TEST with user alice and HTTP/localhost, its KDC stopped when released.
    final class Realm {
        let directory: URL
        var environment: [String: String] = [:]
        var password: String { (try? String(contentsOfFile: environment["WINAUTH_PASSWORD_FILE"] ?? "", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-realm-\(UUID().uuidString)")
            var env = ProcessInfo.processInfo.environment
            env["WINAUTH_KDC_LIFETIME"] = "600"
            // The KDC it starts outlives the script: its output goes to a file, not to pipes the KDC would hold open.
            let log = directory.path + ".log"
            env["REALM_SH"] = WindowsAuthTests.peer.appendingPathComponent("realm.sh").path
            env["REALM_DIR"] = directory.path
            env["REALM_LOG"] = log
            let made = try ChildProcess.run("/bin/bash", ["-c", #"bash "$REALM_SH" "$REALM_DIR" > "$REALM_LOG" 2>&1"#],
                                            environment: env, stdout: .discard, stderr: .discard, timeout: 120)
            defer { try? FileManager.default.removeItem(atPath: log) }
            guard made.status == 0 else {
                throw Failed(text: "the Kerberos realm could not be made (is Tests/peers/winauth/install.sh done? make test runs it): "
                             + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
            }
            let text = try String(contentsOf: directory.appendingPathComponent("env"), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("export ") {
                let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { environment[pair[0]] = pair[1] }
            }
        }

        /// `kinit alice` with the password on stdin: a ticket in the realm's cache.
        func kinit() throws {
            let run = try ChildProcess.run("/usr/bin/kinit", [environment["WINAUTH_USER"] ?? "alice@CMSH.TEST"],
                                           environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
                                           stdin: Data((password + "\n").utf8), timeout: 30)
            guard run.status == 0 else { throw Failed(text: "kinit failed: " + String(decoding: run.stderr, as: UTF8.self)) }
        }

        func kdestroy() {
            _ = try? ChildProcess.run("/usr/bin/kdestroy", [], environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, timeout: 30)
        }

        deinit {
            _ = try? ChildProcess.run("/bin/bash", [WindowsAuthTests.peer.appendingPathComponent("realm.sh").path, "stop", directory.path],
                                      environment: ProcessInfo.processInfo.environment, stdout: .discard, stderr: .discard, timeout: 60)
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// The authenticating proxy in front of a served site, forwarding with the site's bearer token.
    final class Proxy {
        let port: Int
        let log: String
        private let child: ChildProcess.Running

        init(mode: String, realm: Realm, upstream: ServeProcess) throws {
            let tokenFile = realm.directory.appendingPathComponent("token").path
            try (upstream.token ?? "").write(toFile: tokenFile, atomically: true, encoding: .utf8)
            chmod(tokenFile, 0o600)
            let portFile = realm.directory.appendingPathComponent("proxy-\(mode).port").path
            log = realm.directory.appendingPathComponent("proxy-\(mode).log").path
            var arguments = [WindowsAuthTests.peer.appendingPathComponent("proxy.py").path, "--listen-port", "0", "--port-file", portFile,
                             "--upstream", upstream.url, "--upstream-token-file", tokenFile, "--mode", mode, "--lifetime", "300"]
            arguments += mode == "ntlm" ? ["--ntlm-users", realm.environment["WINAUTH_NTLM_USERS"] ?? ""]
                                        : ["--keytab", realm.environment["WINAUTH_KEYTAB"] ?? ""]
            child = try ChildProcess.start(WindowsAuthTests.python, arguments,
                                           environment: ProcessInfo.processInfo.environment.merging(realm.environment) { $1 }, stderrFile: log)
            var found: Int?
            for _ in 0..<300 where found == nil {  // at most 30 s
                if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let n = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    found = n
                } else {
                    Thread.sleep(forTimeInterval: 0.1)
                }
            }
            guard let found else {
                child.kill()
                throw Failed(text: "the proxy did not start: " + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
            }
            port = found
        }

        var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

        private var stopped = false

        /// Killed outright: it keeps nothing, and its keep-alive connections to the site must close before the
        /// site can shut down cleanly.
        func stop() {
            guard !stopped else { return }
            stopped = true
            child.kill(SIGKILL)
            _ = child.wait()
        }

        deinit { stop() }
    }

    struct Failed: Error, CustomStringConvertible { let text: String; var description: String { text } }

    static let query = #"select count(*) from SMS_R_System as s inner join SMS_G_System_OPERATING_SYSTEM as o on o.ResourceID = s.ResourceID where o.Caption like "%Windows 11%""#
    static let seedCall = #"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])"#

    /// kinit, then both protocols through Negotiate (Kerberos): the proxy saw alice; without a ticket, 401.
    @Test func kerberosThroughNegotiate() throws {
        let realm = try Realm()
        let site = try ServeProcess(withToken: true)
        let proxy = try Proxy(mode: "negotiate", realm: realm, upstream: site)
        try realm.kinit()
        let local = try CLI.run(["-c", Self.query + "\n" + Self.seedCall])
        for url in ["http://localhost:\(proxy.port)/AdminService", "cimxml+http://localhost:\(proxy.port)/root/sms/site_S01"] {
            let remote = try CLI.run(["--connect", url, "--auth", "negotiate", "-c", Self.query + "\n" + Self.seedCall], environment: realm.environment)
            #expect(remote.status == 0 && remote.stdout == local.stdout, "\(url)\n\(remote.stdout)\(remote.stderr)\nproxy:\n\(proxy.logText)")
        }
        #expect(proxy.logText.contains("alice@CMSH.TEST"), "\(proxy.logText)")
        realm.kdestroy()
        let refused = try CLI.run(["--connect", "http://localhost:\(proxy.port)/AdminService", "--auth", "negotiate", "-c", "print 1"],
                                  environment: realm.environment)
        #expect(refused.status == 1 && refused.stderr.contains("HTTP 401") && refused.stderr.contains("tried negotiate")
                && refused.stderr.contains("kinit"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        proxy.stop()
        #expect(site.stop() == 0)
    }

    /// NTLM with DOMAIN\user and the password from CMSH_PASSWORD; a wrong password is a clear 401.
    @Test func ntlm() throws {
        let realm = try Realm()
        let site = try ServeProcess(withToken: true)
        let proxy = try Proxy(mode: "ntlm", realm: realm, upstream: site)
        // A write goes on a connection of its own (never sent twice), so it does NTLM's handshake again.
        let local = try CLI.run(["-c", Self.query + "\n" + Self.seedCall])
        for url in ["http://localhost:\(proxy.port)/AdminService", "cimxml+http://localhost:\(proxy.port)/root/sms/site_S01"] {
            let remote = try CLI.run(["--connect", url, "--auth", "ntlm", "--user", #"CMSH\alice"#, "-c", Self.query + "\n" + Self.seedCall],
                                     environment: ["CMSH_PASSWORD": realm.password])
            #expect(remote.status == 0 && remote.stdout == local.stdout, "\(url)\n\(remote.stdout)\(remote.stderr)\nproxy:\n\(proxy.logText)")
        }
        #expect(proxy.logText.contains(#"CMSH\alice"#), "\(proxy.logText)")
        let wrong = try CLI.run(["--connect", "http://localhost:\(proxy.port)/AdminService", "--auth", "ntlm", "--user", #"CMSH\alice"#, "-c", "print 1"],
                                environment: ["CMSH_PASSWORD": realm.password + "x"])
        #expect(wrong.status == 1 && wrong.stderr.contains("HTTP 401") && wrong.stderr.contains("tried ntlm"), "\(wrong.stderr)")
        // The password was never logged by either side.
        #expect(!proxy.logText.contains(realm.password) && !site.log.contains(realm.password))
        proxy.stop()
        #expect(site.stop() == 0)
    }
}
