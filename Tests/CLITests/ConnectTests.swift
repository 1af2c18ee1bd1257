// `cmsh --connect` against `cmsh serve` on 127.0.0.1 over CIM-XML: the same script run locally on a site file
// and remotely on a served copy of it prints the same, and leaves the two sites the same; failures are one
// clear line and exit 1.
import Foundation
import Testing

@Suite struct ConnectTests {
    static let script = #"""
        invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])
        select count(*) from SMS_R_System as s inner join SMS_G_System_OPERATING_SYSTEM as o on o.ResourceID = s.ResourceID where o.Caption like "%Windows 11%"
        select Name from SMS_R_System where ResourceID in (select ResourceID from SMS_G_System_OPERATING_SYSTEM where Caption like "%Server%") order by Name limit 5
        $c = new SMS_Collection { Name = "Win11", LimitToCollectionID = "SMS00001", CollectionType = 2 }
        invoke SMS_Collection($c.CollectionID).AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "w11", QueryExpression = "select SMS_R_System.ResourceID from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceID where SMS_G_System_OPERATING_SYSTEM.Caption like '%Windows 11%'" })
        select count(*) from SMS_FullCollectionMembership where CollectionID = $c.CollectionID
        $p = new SMS_Package { Name = "Notepad++", Manufacturer = "Don Ho" }
        print $p.PackageID
        update SMS_Package set Description = "editor" where Name = "Notepad++"
        delete SMS_Package where PackageID = "S0100003"
        for $d in select PackageID, Name from SMS_DriverPackage order by PackageID { print $d.PackageID + " " + $d.Name }
        invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S09"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S09\"]\\\\dp1\\"])
        """#
    /// What the two sites are compared by afterwards (read locally from each file).
    static let state = """
        select PackageID, ServerNALPath from SMS_DistributionPoint order by PackageID, ServerNALPath
        select PackageID, Name, Description from SMS_Package order by PackageID
        select CollectionID, Name, MemberCount from SMS_Collection order by CollectionID
        """

    /// The URL of a served site for a protocol: the AdminService's, or CIM-XML's namespace.
    static func url(_ s: ServeProcess, _ proto: String) -> String {
        proto == "cimxml" ? "cimxml+" + s.url + "/root/sms/site_S01" : s.url + "/AdminService"
    }

    @Test(arguments: ["cimxml", "adminservice"])
    func aScriptRunsTheSameLocallyAndRemotely(_ proto: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-connect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let local = dir.appendingPathComponent("local.site").path, served = dir.appendingPathComponent("served.site").path
        // Both sites live at one fixed time, so what they record (timestamps, IDs, distributions) can be compared whole.
        let clock = ["--clock", "2026-12-01T09:00:00Z"]
        #expect(try CLI.run(["--site", local, "--init", "demo", "-c", "print 1"] + clock).status == 0)
        try FileManager.default.copyItem(atPath: local, toPath: served)
        let script = dir.appendingPathComponent("equivalence.cmsh")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)

        // The served site audits the changes as the request's user; the local session says it is the same one.
        let here = try CLI.run(["--site", local, "--audit-as", ServeProcess.user] + clock + [script.path])
        let s = try ServeProcess(["--site", served] + clock)
        // CIM-XML trusts the certificate file; the AdminService pins its fingerprint, as for a self-signed site.
        let trust = proto == "cimxml" ? ["--ca-cert", s.certificate] : ["--fingerprint", s.fingerprint]
        let there = try CLI.run(["--connect", Self.url(s, proto), "--user", ServeProcess.user, "--auth", "basic"] + trust + [script.path],
                                environment: ["CMSH_PASSWORD": ServeProcess.password])
        #expect(here.status == 1 && there.status == 1, "\(here.stderr)\n\(there.stderr)")
        #expect(here.stdout.contains("ReturnValue = 0") && here.stdout.contains("161"))
        #expect(there.stdout == here.stdout, "local:\n\(here.stdout)\nremote:\n\(there.stdout)\n\(there.stderr)")
        // The failing call is reported the same way: the method's ReturnValue and the site's sentence.
        let lastError = { (r: CLIResult) in r.stderr.components(separatedBy: "error: ").last ?? "" }
        #expect(lastError(there) == lastError(here) && here.stderr.contains("site S09 does not exist"), "\(here.stderr)\n\(there.stderr)")
        #expect(s.stop() == 0)
        let a = try CLI.run(["--site", local, "-c", Self.state] + clock), b = try CLI.run(["--site", served, "-c", Self.state] + clock)
        #expect(a.status == 0 && a.stdout == b.stdout, "local:\n\(a.stdout)\nserved:\n\(b.stdout)")
        #expect(a.stdout.contains("Notepad++") && !a.stdout.contains("S0100003"))
        // The whole of each site, schema and instances, as MOF: the same text.
        let dumpHere = try CLI.run(["--site", local, "--dump"] + clock), dumpThere = try CLI.run(["--site", served, "--dump"] + clock)
        #expect(dumpHere.status == 0 && dumpHere.stdout.count > 100_000 && dumpHere.stdout.contains("Notepad++"))
        if dumpHere.stdout != dumpThere.stdout {
            let mine = dumpHere.stdout.split(separator: "\n"), theirs = dumpThere.stdout.split(separator: "\n")
            let first = Array(zip(mine, theirs)).firstIndex { $0 != $1 } ?? min(mine.count, theirs.count)
            Issue.record("the site dumps differ first at line \(first + 1): \(mine.dropFirst(first).first ?? "") ≠ \(theirs.dropFirst(first).first ?? "")")
        }
    }

    /// Wrong password, untrusted certificate, nothing listening, a bad URL: one line each, exit 1 (2 for usage).
    @Test func failuresAreOneClearLine() throws {
        let s = try ServeProcess()
        let url = "cimxml+" + s.url + "/root/sms/site_S01"
        func connect(_ extra: [String], password: String = ServeProcess.password, to target: String? = nil) throws -> CLIResult {
            try CLI.run(["--connect", target ?? url, "--user", ServeProcess.user, "--auth", "basic"] + extra + ["-c", "print 42"],
                        environment: ["CMSH_PASSWORD": password])
        }
        let ok = try connect(["--ca-cert", s.certificate])
        #expect(ok.status == 0 && ok.stdout == "42\n", "\(ok.stderr)")
        // explain says what goes over the wire.
        let explained = try CLI.run(["--connect", url, "--user", ServeProcess.user, "--auth", "basic", "--ca-cert", s.certificate, "--format", "csv", "-c",
                                     "explain select * from SMS_Package where PackageID = 'S0100003'\nexplain select * from SMS_Package where Name like 'x%'"],
                                    environment: ["CMSH_PASSWORD": ServeProcess.password])
        #expect(explained.stdout.contains(#"ExecQuery,"select * from SMS_Package where (PackageID = ""S0100003"") — at CIM-XML at https://127.0.0.1"#), "\(explained.stdout)\(explained.stderr)")
        #expect(explained.stdout.contains(#"where (Name like ""x%"")"#), "\(explained.stdout)")
        let wrong = try connect(["--ca-cert", s.certificate], password: "not-the-password")
        #expect(wrong.status == 1 && wrong.stderr.contains("HTTP 401") && wrong.stderr.contains("WBEM_E_ACCESS_DENIED"), "\(wrong.stderr)")
        let untrusted = try connect([])
        #expect(untrusted.status == 1 && untrusted.stderr.contains("not trusted") && untrusted.stderr.contains("--ca-cert"), "\(untrusted.stderr)")
        let insecure = try connect(["--insecure"])
        #expect(insecure.status == 0 && insecure.stderr.contains("warning: --insecure"), "\(insecure.stderr)")
        let port = try #require(Int(s.url.split(separator: ":").last ?? ""))
        s.stop()
        let refused = try connect(["--ca-cert", s.certificate], to: "cimxml+https://127.0.0.1:\(port)/root/sms/site_S01")
        #expect(refused.status == 1 && refused.stderr.contains("cannot connect to 127.0.0.1"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        let bad = try CLI.run(["--connect", "cimxml+https://127.0.0.1:\(port)", "--auth", "basic", "--user", "x", "-c", "print 1"],
                              environment: ["CMSH_PASSWORD": "x"])
        #expect(bad.status == 1 && bad.stderr.contains("names no namespace"), "\(bad.stderr)")
        #expect(try CLI.run(["--connect", url, "--auth", "bogus", "-c", "print 1"]).status == 2)
        // The password never reaches argv: there is no option for it.
        #expect(try CLI.run(["--connect", url, "--password", "x", "-c", "print 1"]).status == 2)
    }

    /// libcurl is loaded when --connect first needs it, not linked: a cmsh that never connects does not load
    /// its thirty-odd libraries at start, and a machine without it gets one clear line, not a loader error.
    @Test func libcurlIsLoadedOnlyToConnect() throws {
        let needed = try ChildProcess.run("/usr/bin/readelf", ["-d", CLI.binary.path], environment: [:], stdin: Data(), timeout: 60)
        let dynamic = String(decoding: needed.stdout, as: UTF8.self)
        #expect(dynamic.contains("(NEEDED)") && !dynamic.contains("libcurl"), "\(dynamic)")
        #expect(try CLI.run(["-c", "print 42"], environment: ["CMSH_LIBCURL": "/nonexistent/libcurl.so.4"]).stdout == "42\n")
        let missing = try CLI.run(["--connect", "https://127.0.0.1:1/AdminService", "--auth", "basic", "--user", "x", "-c", "print 1"],
                                  environment: ["CMSH_PASSWORD": "x", "CMSH_LIBCURL": "/nonexistent/libcurl.so.4"])
        #expect(missing.status == 1 && missing.stderr.contains("needs libcurl") && missing.stderr.contains("/nonexistent/libcurl.so.4"),
                "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
    }

    /// A query the server can evaluate goes over as one ExecQuery — a join and a count of thousands of rows
    /// is one request, not an enumeration of each class — and answers as it does locally.
    @Test func queriesArePushedToTheServer() throws {
        let s = try ServeProcess(log: true)
        let query = #"select count(*) from SMS_R_System as s inner join SMS_G_System_OPERATING_SYSTEM as o on o.ResourceID = s.ResourceID where o.Caption like "%Windows 11%""#
        let remote = try CLI.run(["--connect", "cimxml+" + s.url + "/root/sms/site_S01", "--user", ServeProcess.user, "--auth", "basic",
                                  "--ca-cert", s.certificate, "-c", query], environment: ["CMSH_PASSWORD": ServeProcess.password])
        let local = try CLI.run(["-c", query])
        #expect(remote.status == 0 && remote.stdout == local.stdout, "\(remote.stdout)\(remote.stderr)")
        #expect(s.stop() == 0)
        // The schema, then the query: two requests.
        #expect(s.log.components(separatedBy: "\"POST /cimom\" 200").count - 1 == 2, "\(s.log)")
    }

    /// Ctrl-C while the server is still working on a pushed-down query aborts the request: cmsh ends with
    /// WBEM_E_CALL_CANCELLED long before the server's own --time-limit would answer.
    @Test func ctrlCAbortsARequestInFlight() throws {
        let s = try ServeProcess(["--time-limit", "4"])
        var env = ProcessInfo.processInfo.environment
        env["CMSH_PASSWORD"] = ServeProcess.password
        env["CMSH_HISTORY"] = ""
        let errors = s.directory.appendingPathComponent("client.err").path
        let client = try ChildProcess.start(CLI.binary.path, ["--connect", "cimxml+" + s.url + "/root/sms/site_S01", "--user", ServeProcess.user,
                                                               "--auth", "basic", "--ca-cert", s.certificate,
                                                               "-c", "print \"started\"\n" + LimitsCLITests.selfJoin],
                                            environment: env, stderrFile: errors)
        // Connected and running (on a busy machine that can take a while), then the query's request in flight.
        var output = ""
        while !output.contains("started") {
            let chunk = client.read()
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
        Thread.sleep(forTimeInterval: 1.0)
        let interrupted = Date()
        client.kill(SIGINT)
        let status = client.wait()
        let took = Date().timeIntervalSince(interrupted)
        let text = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(status == 1 && text.contains("WBEM_E_CALL_CANCELLED"), "\(status): \(text)")
        #expect(took < 2.5, "took \(took) s after Ctrl-C")
    }
}

/// The AdminService client: what goes over the wire (one class's filter as $filter, pages), its failures,
/// bearer tokens and pinning.
@Suite struct AdminServiceConnectTests {
    static func connect(_ s: ServeProcess, _ extra: [String], _ statements: String, password: String = ServeProcess.password) throws -> CLIResult {
        try CLI.run(["--connect", s.url + "/AdminService", "--user", ServeProcess.user, "--auth", "basic", "--ca-cert", s.certificate]
                    + extra + ["-c", statements], environment: ["CMSH_PASSWORD": password])
    }

    /// A filter OData can say goes over as $filter (and $select, $orderby, $top for one class); a join runs in
    /// cmsh over each class's narrowed rows; a large result comes in pages, and answers as it does locally.
    @Test func filtersGoOverAndResultsComeInPages() throws {
        let s = try ServeProcess(log: true)
        let query = #"select Name, ResourceID from SMS_R_System where Name like "PC-01%" and Client = 1 order by Name desc limit 7"#
        let join = #"select count(*) from SMS_R_System as s inner join SMS_G_System_OPERATING_SYSTEM as o on o.ResourceID = s.ResourceID where o.Caption like "%Windows 11%""#
        let all = "select count(*) from SMS_R_System"
        for statement in [query, join, all] {
            let remote = try Self.connect(s, ["--page-size", "40"], statement)
            let local = try CLI.run(["-c", statement])
            #expect(remote.status == 0 && remote.stdout == local.stdout, "\(statement)\n\(remote.stdout)\(remote.stderr)\nlocal:\n\(local.stdout)")
        }
        let explained = try Self.connect(s, ["--format", "csv"], "explain " + query)
        #expect(explained.stdout.contains("GET https://127.0.0.1") && explained.stdout.contains("$filter=(startswith(Name,'PC-01') and Client eq 1)")
                && explained.stdout.contains("$orderby=Name desc&$top=7"), "\(explained.stdout)\(explained.stderr)")
        #expect(s.stop() == 0)
        let log = s.log
        // The one-class query went over whole: its filter, columns, order and top.
        #expect(log.contains("/AdminService/wmi/SMS_R_System?$filter=(startswith(Name,'PC-01')%20and%20Client%20eq%201)&$select="), "\(log)")
        // The join fetched each class once, narrowed where it could be: the OS rows by their caption.
        #expect(log.contains("SMS_G_System_OPERATING_SYSTEM?$filter=contains(Caption,'Windows%2011')"), "\(log)")
        // 300 systems in pages of 40: the join's systems and the count each came in 8 requests (only the key
        // asked for), each page after the first by its next link.
        let pages = log.components(separatedBy: "\n").filter { $0.contains("GET /AdminService/wmi/SMS_R_System?$select=ResourceID") }
        #expect(pages.count == 16, "\(pages.joined(separator: "\n"))")
        #expect(pages.filter { $0.contains("skip=") }.count == 14)
    }

    @Test func failuresTokensAndPinning() throws {
        let s = try ServeProcess(withToken: true)
        let ok = try Self.connect(s, [], "print 42")
        #expect(ok.status == 0 && ok.stdout == "42\n", "\(ok.stderr)")
        let wrong = try Self.connect(s, [], "print 1", password: "not-the-password")
        #expect(wrong.status == 1 && wrong.stderr.contains("HTTP 401") && wrong.stderr.contains("tried basic"), "\(wrong.stderr)")
        // --check resolves names against the remote schema, fetched once; nothing runs.
        let checked = try Self.connect(s, ["--check"], "select Nmae from SMS_Package\nnew SMS_Package { Name = \"never made\" }")
        #expect(checked.status == 2 && checked.stderr.contains("Nmae") && checked.stderr.contains("did you mean"), "\(checked.stderr)")
        let missing = try Self.connect(s, [], "select * from SMS_Package where PackageID = \"NOPE0001\"\nprint SMS_Package(\"NOPE0001\").Name")
        #expect(missing.status == 1 && missing.stderr.contains("WBEM_E_NOT_FOUND") && missing.stdout.contains("0 rows"), "\(missing.stdout)\(missing.stderr)")
        // An untrusted certificate names the fingerprint it saw, which --fingerprint then pins.
        let untrusted = try CLI.run(["--connect", s.url + "/AdminService", "--user", ServeProcess.user, "--auth", "basic", "-c", "print 1"],
                                    environment: ["CMSH_PASSWORD": ServeProcess.password])
        #expect(untrusted.status == 1 && untrusted.stderr.contains("its SHA-256 fingerprint is \(s.fingerprint)"), "\(untrusted.stderr)")
        let other = String(s.fingerprint.reversed())
        let mismatch = try CLI.run(["--connect", s.url + "/AdminService", "--fingerprint", other, "--user", ServeProcess.user, "--auth", "basic", "-c", "print 1"],
                                   environment: ["CMSH_PASSWORD": ServeProcess.password])
        #expect(mismatch.status == 1 && mismatch.stderr.contains("not the pinned"), "\(mismatch.stderr)")
        // A bearer token from a file only its owner reads.
        let token = s.directory.appendingPathComponent("token").path
        try (s.token ?? "").write(toFile: token, atomically: true, encoding: .utf8)
        chmod(token, 0o644)
        let open = try CLI.run(["--connect", s.url + "/AdminService", "--ca-cert", s.certificate, "--token-file", token, "-c", "print 1"])
        #expect(open.status == 1 && open.stderr.contains("chmod 600"), "\(open.stderr)")
        chmod(token, 0o600)
        let bearer = try CLI.run(["--connect", s.url + "/AdminService", "--ca-cert", s.certificate, "--token-file", token, "-c",
                                  "select count(*) from SMS_Site"])
        #expect(bearer.status == 0 && bearer.stdout.contains("2"), "\(bearer.stderr)")
        let badURL = try Self.connect(s, [], "print 1")
        #expect(badURL.status == 0)
        let notAdminService = try CLI.run(["--connect", s.url + "/wrong", "--ca-cert", s.certificate, "--token-file", token, "-c", "print 1"])
        #expect(notAdminService.status == 1 && notAdminService.stderr.contains("/AdminService"), "\(notAdminService.stderr)")
        let port = try #require(Int(s.url.split(separator: ":").last ?? ""))
        s.stop()
        // The server is gone: a refused connection, one line.
        let refused = try CLI.run(["--connect", "https://127.0.0.1:\(port)/AdminService", "--ca-cert", s.certificate, "--token-file", token,
                                   "--connect-timeout", "5", "-c", "print 1"])
        #expect(refused.status == 1 && refused.stderr.contains("cannot connect to 127.0.0.1") && refused.stderr.split(separator: "\n").count == 1,
                "\(refused.stderr)")
    }
}
