// `cmsh serve` with real HTTP clients — curl and Python's requests — on 127.0.0.1 (a free port), over TLS
// verified against the certificate the server made: the AdminService's WMI route, errors, authentication.
import Foundation
import Testing

/// One `cmsh serve` on a free loopback port, stopped (SIGTERM) when released.
final class ServeProcess {
    let url: String
    let directory: URL
    let certificate: String
    let users: String
    let fingerprint: String
    /// A bearer token for `tokenUser`, when the server was started with one.
    let token: String?
    static let tokenUser = "robot"
    /// The server's stderr: warnings and, with `log: true`, the access log.
    var log: String { (try? String(contentsOf: directory.appendingPathComponent("serve.log"), encoding: .utf8)) ?? "" }
    private let child: ChildProcess.Running
    static let user = "admin", password = "correct-horse-9"

    init(_ extra: [String] = [], withToken: Bool = false, log: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        users = directory.appendingPathComponent("users").path
        certificate = directory.appendingPathComponent("cert.pem").path
        let add = try CLI.run(["serve", "--add-user", Self.user, "--users", users], stdin: Self.password + "\n")
        guard add.status == 0 else { throw ServerFailed(text: "add-user: \(add.stderr)") }
        if withToken {
            let made = try CLI.run(["serve", "--add-token", Self.tokenUser, "--users", users])
            guard made.status == 0 else { throw ServerFailed(text: "add-token: \(made.stderr)") }
            token = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            token = nil
        }
        var env = ProcessInfo.processInfo.environment
        env["CMSH_HISTORY"] = ""
        child = try ChildProcess.start(CLI.binary.path, ["serve", "--listen", "127.0.0.1:0", "--users", users,
                                                          "--cert-out", certificate, "--log", log ? "common" : "none"] + extra,
                                       environment: env, stderrFile: directory.appendingPathComponent("serve.log").path)
        var output = ""
        while !output.contains("\n"), output.count < 10_000 {
            let chunk = child.read()
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = output.range(of: #"https?://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else {
            throw ServerFailed(text: "no ready line: \(output)")
        }
        url = String(output[range])
        let pem = (try? String(contentsOfFile: certificate, encoding: .utf8)) ?? ""
        fingerprint = Self.fingerprint(ofPEM: pem)
    }

    private var stopped: Int32?

    /// SIGTERM, then the exit status (0 when the server shut down cleanly).
    @discardableResult
    func stop() -> Int32 {
        if let stopped { return stopped }
        child.kill(SIGTERM)
        let status = child.wait()
        stopped = status
        return status
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    struct ServerFailed: Error, CustomStringConvertible { let text: String; var description: String { text } }

    /// SHA-256 of the certificate's DER, as openssl prints it.
    static func fingerprint(ofPEM pem: String) -> String {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard let der = Data(base64Encoded: body) else { return "" }
        let child = try? ChildProcess.run("/usr/bin/sha256sum", [], environment: [:], stdin: der, timeout: 10)
        let hex = String(decoding: child?.stdout ?? Data(), as: UTF8.self).prefix(64).uppercased()
        return stride(from: 0, to: hex.count, by: 2).map { i in String(hex.dropFirst(i).prefix(2)) }.joined(separator: ":")
    }

    /// curl against the server: status code and body. `password` nil sends no Basic credentials (for a
    /// request that brings its own Authorization header).
    func curl(_ path: String, _ arguments: [String] = [], password: String? = ServeProcess.password) throws -> (status: Int, body: String) {
        let credentials = password.map { ["-u", "\(Self.user):\($0)"] } ?? []
        let child = try ChildProcess.run("/usr/bin/curl", ["-sS", "--cacert", certificate] + credentials +
                                                           ["-w", "\n%{http_code}"] + arguments + [url + path],
                                         environment: ProcessInfo.processInfo.environment, stdout: .capture, stderr: .capture, timeout: 60)
        let text = String(decoding: child.stdout, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    /// Runs a Python script with requests, given URL, CERT, USER, PASSWORD; its stdout.
    func python(_ script: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let python = CLI.packageRoot.appendingPathComponent(".build/venv/bin/python").path
        var env = ProcessInfo.processInfo.environment
        env["URL"] = url
        env["CERT"] = certificate
        env["USER_NAME"] = Self.user
        env["PASSWORD"] = Self.password
        // requests (and pywbem through it) let these override a verify= given in code.
        for name in ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"] { env[name] = nil }
        let child = try ChildProcess.run(python, ["-W", "ignore", "-c", script], environment: env, stdout: .capture, stderr: .capture, timeout: 120)
        return (child.status, String(decoding: child.stdout, as: UTF8.self), String(decoding: child.stderr, as: UTF8.self))
    }
}

@Suite struct ServeTests {
    func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test func curlReadsTheWMIRoute() throws {
        let s = try ServeProcess()
        let service = try s.curl("/AdminService/wmi/")
        #expect(service.status == 200)
        let sets = (json(service.body)["value"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(sets.contains("SMS_Package") && sets.contains("SMS_R_System"))
        let metadata = try s.curl("/AdminService/wmi/$metadata")
        #expect(metadata.status == 200)
        // A class derives from its superclass, which holds the key; methods are actions bound to the class
        // (static ones to its entity set) that answer a result type of ReturnValue and the [out] parameters.
        #expect(metadata.body.contains(#"<EntityType Name="SMS_Package" BaseType="AdminService.SMS_PackageBaseclass">"#), "\(metadata.body.prefix(3000))")
        #expect(metadata.body.contains(#"<Key><PropertyRef Name="PackageID"/></Key>"#))
        #expect(metadata.body.contains(#"<Action Name="AddDistributionPoints" IsBound="true"><Parameter Name="bindingParameter" Type="AdminService.SMS_PackageBaseclass"/>"#))
        #expect(metadata.body.contains(#"<Parameter Name="bindingParameter" Type="Collection(AdminService.SMS_CollectionRuleQuery)"/>"#))
        #expect(metadata.body.contains(#"<ComplexType Name="SMS_Collection_AddMembershipRule_Result"><Property Name="ReturnValue" Type="Edm.Int32"/><Property Name="QueryID" Type="Edm.Int64"/>"#))
        let site = try s.curl("/AdminService/wmi/SMS_Site")
        #expect(site.status == 200)
        #expect((json(site.body)["@odata.context"] as? String)?.hasSuffix("/AdminService/wmi/$metadata#SMS_Site") == true)
        let byKey = try s.curl("/AdminService/wmi/SMS_Package('S0100003')")
        let rows = json(byKey.body)["value"] as? [[String: Any]]
        #expect(rows?.count == 1 && rows?.first?["PackageID"] as? String == "S0100003")
        // Case-insensitive class names, numeric keys, several keys by name.
        #expect(try s.curl("/AdminService/wmi/sms_r_system(16777220)").body.contains(#""Name":"PC-0001""#))
        let filtered = try s.curl("/AdminService/wmi/SMS_R_System", ["-G", "--data-urlencode", "$filter=startswith(Name,'PC-000') and not (Client eq 0)",
                                                                       "--data-urlencode", "$select=Name,ResourceID", "--data-urlencode", "$orderby=Name desc",
                                                                       "--data-urlencode", "$top=2", "--data-urlencode", "$skip=1", "--data-urlencode", "$count=true"])
        let page = json(filtered.body)
        #expect(filtered.status == 200, "\(filtered.body)")
        // The same rows as cmsh prints for the same query on the same (demo) site.
        let local = try CLI.run(["--format", "csv", "-c", "select Name from SMS_R_System where Name like 'PC-000%' and not (Client = 0) order by Name desc"])
        let names = local.stdout.split(separator: "\n").dropFirst().map(String.init)
        #expect(names.count > 3)
        #expect((page["value"] as? [[String: Any]])?.map { $0["Name"] as? String ?? "" } == Array(names.dropFirst().prefix(2)))
        #expect((page["value"] as? [[String: Any]])?.first?.keys.sorted() == ["Name", "ResourceID"])
        #expect(page["@odata.count"] as? Int == names.count)
    }

    /// `Prefer: odata.maxpagesize` pages a result; Python's requests follows each @odata.nextLink and gets every
    /// row once, in order, as one GET would.
    @Test func pagesFollowTheirNextLinks() throws {
        let s = try ServeProcess()
        let out = try s.python("""
            import requests
            import os
            session = requests.Session(); session.auth = (os.environ["USER_NAME"], os.environ["PASSWORD"]); session.verify = os.environ["CERT"]
            url = os.environ["URL"] + "/AdminService/wmi/SMS_R_System?$select=Name&$orderby=Name&$filter=Client eq 1"
            whole = session.get(url).json()["value"]
            rows, pages, link = [], 0, url
            while link and pages < 100:
                r = session.get(link, headers={"Prefer": "odata.maxpagesize=25"})
                assert r.status_code == 200, r.text
                assert r.headers.get("Preference-Applied") == "odata.maxpagesize=25"
                body = r.json(); rows += body["value"]; pages += 1
                link = body.get("@odata.nextLink")
                assert len(body["value"]) <= 25
            print(pages, len(rows), len(whole), rows == whole)
            """)
        let words = out.stdout.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(out.status == 0 && words.count == 4 && words[3] == "True", "\(out.stdout)\(out.stderr)")
        let total = Int(words.count == 4 ? words[1] : "") ?? 0
        #expect(total > 100 && Int(words[0]) == (total + 24) / 25, "\(out.stdout)")
    }

    @Test func errorsHaveTheirHTTPStatusAndWMIStatus() throws {
        let s = try ServeProcess()
        let cases: [(String, [String], Int, String)] = [
            ("/AdminService/wmi/SMS_Package('S01FFFFF')", [], 404, "WBEM_E_NOT_FOUND"),
            ("/AdminService/wmi/SMS_Nope", [], 404, "WBEM_E_INVALID_CLASS"),
            ("/AdminService/wmi/SMS_Package?$filter=Nmae%20eq%20'x'", [], 400, "WBEM_E_INVALID_PROPERTY"),
            ("/AdminService/wmi/SMS_Package?$filter=Name%20eq", [], 400, "WBEM_E_INVALID_QUERY"),
            ("/AdminService/wmi/SMS_Package?$top=-1", [], 400, "WBEM_E_INVALID_QUERY"),
            ("/AdminService/wmi/SMS_Package", ["-X", "DELETE"], 405, "WBEM_E_NOT_SUPPORTED"),
            ("/AdminService/wmi/SMS_Package", ["-X", "POST", "-H", "Content-Type: application/json", "-d", "{not json"], 400, "WBEM_E_INVALID_PARAMETER"),
            ("/AdminService/wmi/SMS_Package('S0100003')", ["-X", "PATCH", "-d", #"{"PackageID":"X"}"#], 400, "WBEM_E_READ_ONLY"),
        ]
        for (path, args, status, code) in cases {
            let r = try s.curl(path, args)
            #expect(r.status == status, "\(path): \(r.status) \(r.body)")
            let error = json(r.body)["error"] as? [String: Any]
            #expect(error?["code"] as? String == code, "\(path): \(r.body)")
            #expect((error?["message"] as? String)?.isEmpty == false)
        }
        let big = String(repeating: "x", count: 5 << 20)
        let bodyFile = s.directory.appendingPathComponent("big.json")
        try "{\"Description\":\"\(big)\"}".write(to: bodyFile, atomically: true, encoding: .utf8)
        #expect(try s.curl("/AdminService/wmi/SMS_Package", ["-X", "POST", "--data-binary", "@" + bodyFile.path]).status == 413)
        #expect(try s.curl("/AdminService/wmi/SMS_Site", password: "wrong-password").status == 401)
        // The server goes on serving after all of that.
        #expect(try s.curl("/AdminService/wmi/SMS_Site").status == 200)
    }

    @Test func createModifyDeleteAsODataClientsDo() throws {
        let s = try ServeProcess()
        let created = try s.curl("/AdminService/wmi/SMS_Package", ["-X", "POST", "-H", "Content-Type: application/json", "-i",
                                                                    "-d", #"{"Name":"Notepad++","Manufacturer":"Don Ho","Priority":2}"#])
        #expect(created.status == 201, "\(created.body)")
        #expect(created.body.contains("Location: "))
        let id = created.body.range(of: #""PackageID":"S01[0-9A-F]{5}""#, options: .regularExpression).map { String(created.body[$0].dropFirst(13).dropLast()) }
        let packageID = try #require(id)
        let patched = try s.curl("/AdminService/wmi/SMS_Package('\(packageID)')", ["-X", "PATCH", "-d", #"{"Description":"editor"}"#])
        #expect(patched.status == 200 && patched.body.contains(#""Description":"editor""#) && patched.body.contains(#""Manufacturer":"Don Ho""#))
        // POST to the instance URL merges as PATCH does; PUT replaces, so what it leaves out becomes null.
        let posted = try s.curl("/AdminService/wmi/SMS_Package('\(packageID)')", ["-X", "POST", "-d", #"{"Version":"8.6"}"#])
        #expect(posted.status == 200 && posted.body.contains(#""Version":"8.6""#) && posted.body.contains(#""Description":"editor""#), "\(posted.body)")
        let put = try s.curl("/AdminService/wmi/SMS_Package('\(packageID)')", ["-X", "PUT", "-d", #"{"Name":"Notepad++"}"#])
        #expect(put.status == 200 && put.body.contains(#""Description":null"#) && put.body.contains(#""Name":"Notepad++""#), "\(put.body)")
        #expect(try s.curl("/AdminService/wmi/SMS_Package('\(packageID)')", ["-X", "DELETE"]).status == 204)
        #expect(try s.curl("/AdminService/wmi/SMS_Package('\(packageID)')").status == 404)
        // Each change is audited as the request's user (the SMS Provider's 30000 created, 30001 modified, 30002
        // deleted), read back as an admin would, through the same route (the demo's own history is by others).
        let audits = try s.curl("/AdminService/wmi/SMS_StatMsgWithInsStrings", ["-G", "--data-urlencode", "$filter=MessageType eq 768 and InsString1 eq '\(ServeProcess.user)'",
                                                                                 "--data-urlencode", "$select=MessageID,InsString1,InsString2",
                                                                                 "--data-urlencode", "$orderby=RecordID"])
        #expect(audits.status == 200)
        let found = audits.body.matches(of: /"MessageID":([0-9]+),"InsString1":"([^"]*)","InsString2":"([^"]*)"/).map { "\($0.1) \($0.2) \($0.3)" }
        #expect(found == ["30000", "30001", "30001", "30001", "30002"].map { "\($0) \(ServeProcess.user) \(packageID)" }, "\(audits.body)")
    }

    /// The seed call through Python's requests, TLS verified against the served certificate (whose
    /// fingerprint the server printed), then a bad SiteCode and its error; the row is on a site file that a
    /// cmsh session then reads.
    @Test func seedCallThroughPythonRequestsOnASiteFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-serve-site-\(UUID().uuidString).site").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let s = try ServeProcess(["--site", file, "--init", "demo"])
        let r = try s.python(#"""
            import os, json, requests, ssl, hashlib
            url, auth, cert = os.environ["URL"], (os.environ["USER_NAME"], os.environ["PASSWORD"]), os.environ["CERT"]
            der = ssl.PEM_cert_to_DER_cert(ssl.get_server_certificate(("127.0.0.1", int(url.rsplit(":", 1)[1]))))
            print(":".join("%02X" % b for b in hashlib.sha256(der).digest()))
            nal = '["Display=\\\\dp1\\"]MSWNET:["SMS_SITE=S01"]\\\\dp1\\'
            r = requests.post(url + "/AdminService/wmi/SMS_DriverPackage('PKG00001')/AdminService.AddDistributionPoints",
                              json={"SiteCode": ["S01"], "NALPath": [nal]}, auth=auth, verify=cert)
            print(r.status_code, r.json()["ReturnValue"])
            r = requests.get(url + "/AdminService/wmi/SMS_DistributionPoint", params={"$filter": "PackageID eq 'PKG00001'"}, auth=auth, verify=cert)
            print(r.status_code, [row["SiteCode"] for row in r.json()["value"]])
            r = requests.post(url + "/AdminService/wmi/SMS_Package('S0100003')/AdminService.AddDistributionPoints",
                              json={"SiteCode": ["S09"], "NALPath": ['["Display=\\\\dp1\\"]MSWNET:["SMS_SITE=S09"]\\\\dp1\\']}, auth=auth, verify=cert)
            print(r.status_code, r.json()["error"]["code"])
            try:
                requests.get(url + "/AdminService/wmi/SMS_Site", auth=auth)
                print("unverified TLS accepted")
            except requests.exceptions.SSLError:
                print("unverified TLS refused")
            """#)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == s.fingerprint && !s.fingerprint.isEmpty)
        #expect(Array(lines.dropFirst()) == ["200 0", "200 ['S01']", "404 WBEM_E_NOT_FOUND", "unverified TLS refused"], "\(r.stdout)")
        let cmsh = try CLI.run(["--site", file, "--format", "csv", "-c", #"select SiteCode from SMS_DistributionPoint where PackageID = "PKG00001""#])
        #expect(cmsh.stdout == "SiteCode\nS01\n", "\(cmsh.stderr)")
        // SIGTERM: a clean exit, and the file passes SQLite's integrity check.
        #expect(s.stop() == 0)
        #expect(try CLI.run(["--site", file, "--check-integrity"]).status == 0)
    }

    /// 20 clients at once — reads, filtered queries and method calls — with no error, and a site that adds
    /// up afterwards: every distribution made is there exactly once.
    @Test func twentyConcurrentClients() throws {
        let s = try ServeProcess()
        let r = try s.python(#"""
            import os, requests, threading, time
            url, auth, cert = os.environ["URL"], (os.environ["USER_NAME"], os.environ["PASSWORD"]), os.environ["CERT"]
            errors, done, sent = [], [], []
            deadline = time.monotonic() + 10
            def client(n):
                session = requests.Session()
                session.auth = auth
                # For 10 s, and never more than 2,000 requests a client.
                for i in range(2000):
                    if time.monotonic() > deadline: break
                    sent.append(1)
                    if i % 5 == 4:
                        server = "dp%d" % (1 + (n + i) % 2)
                        nal = '["Display=\\\\%s\\"]MSWNET:["SMS_SITE=S01"]\\\\%s\\' % (server, server)
                        r = session.post(url + "/AdminService/wmi/SMS_Package('S0100004')/AdminService.AddDistributionPoints",
                                         json={"SiteCode": ["S01"], "NALPath": [nal]}, verify=cert)
                        ok = r.status_code == 200 or (r.status_code == 409)
                    elif i % 2:
                        r = session.get(url + "/AdminService/wmi/SMS_R_System", params={"$filter": "Client eq 1", "$top": "5"}, verify=cert)
                        ok = r.status_code == 200 and len(r.json()["value"]) == 5
                    else:
                        r = session.get(url + "/AdminService/wmi/SMS_Package('S0100003')", verify=cert)
                        ok = r.status_code == 200
                    if not ok: errors.append((r.status_code, r.text[:200]))
                done.append(n)
            threads = [threading.Thread(target=client, args=(n,)) for n in range(20)]
            for t in threads: t.start()
            for t in threads: t.join(timeout=120)
            print(len(done), len(errors), errors[:3])
            print(len(sent) > 200)
            rows = requests.get(url + "/AdminService/wmi/SMS_DistributionPoint", params={"$filter": "PackageID eq 'S0100004'"}, auth=auth, verify=cert).json()["value"]
            paths = [r["ServerNALPath"] for r in rows]
            print(len(paths) >= 2, len(paths) == len(set(paths)))
            """#)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "20 0 []", "\(r.stdout)\n\(r.stderr.suffix(1500))")
        #expect(lines.dropFirst().first == "True", "more than 200 requests in the 10 s: \(r.stdout)")
        #expect(lines.last == "True True", "\(r.stdout)")
    }

    @Test func usersFileAndLoopbackRules() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-users-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let users = dir.appendingPathComponent("users").path
        #expect(try CLI.run(["serve", "--add-user", "bob", "--users", users], stdin: "short\n").status != 0)
        #expect(try CLI.run(["serve", "--add-user", "bob", "--users", users], stdin: "long-enough-pw\n").status == 0)
        let text = try String(contentsOfFile: users, encoding: .utf8)
        #expect(text.hasPrefix("bob:pbkdf2-sha256$210000$") && !text.contains("long-enough-pw"))
        let mode = (try FileManager.default.attributesOfItem(atPath: users)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)
        for args in [["--listen", "0.0.0.0:0", "--plain-http"], ["--listen", "0.0.0.0:0", "--no-auth"]] {
            let r = try CLI.run(["serve", "--users", users] + args)
            #expect(r.status != 0 && r.stderr.contains("loopback"), "\(args): \(r.stderr)")
        }
        #expect(try CLI.run(["serve"]).status != 0)  // no users file, no --no-auth
    }

    /// A bearer token from --add-token lets its user in, and only it: the token is printed once, the users
    /// file keeps only its hash, a wrong token gets 401 with both challenges, and the access log names the
    /// caller of each request.
    @Test func bearerTokensAndTheAccessLog() throws {
        let s = try ServeProcess(withToken: true, log: true)
        let token = try #require(s.token)
        #expect(token.hasPrefix("cmsh_") && token.count > 40)
        let stored = try String(contentsOfFile: s.users, encoding: .utf8)
        #expect(stored.contains("\(ServeProcess.tokenUser):token-sha256$") && !stored.contains(token))
        let ok = try s.curl("/AdminService/wmi/SMS_Site", ["-H", "Authorization: Bearer \(token)"], password: nil)
        #expect(ok.status == 200 && ok.body.contains("S01"), "\(ok.body)")
        let wrong = try s.curl("/AdminService/wmi/SMS_Site", ["-H", "Authorization: Bearer cmsh_" + String(repeating: "A", count: 43), "-D", "-"], password: nil)
        #expect(wrong.status == 401)
        #expect(wrong.body.contains("Basic realm=") && wrong.body.contains("Bearer realm="), "\(wrong.body)")
        #expect(try s.curl("/AdminService/wmi/SMS_Site", password: nil).status == 401)
        #expect(try s.curl("/AdminService/wmi/SMS_Site").status == 200)
        #expect(s.stop() == 0)
        let lines = s.log.split(separator: "\n").filter { $0.contains("\"GET /AdminService/wmi/SMS_Site") }
        #expect(lines.count == 4, "\(s.log)")
        #expect(lines.first?.hasPrefix("127.0.0.1 \(ServeProcess.tokenUser) \"GET /AdminService/wmi/SMS_Site HTTP") == true || lines.first?.hasPrefix("127.0.0.1 \(ServeProcess.tokenUser) \"GET /AdminService/wmi/SMS_Site\"") == true, "\(lines)")
        #expect(lines.filter { $0.contains(" 401 ") }.count == 2 && lines.last?.contains(" \(ServeProcess.user) ") == true, "\(lines)")
    }

    /// --max-rows bounds one response, in both protocols; a response within it is served as before.
    @Test func responsesAreBoundedByMaxRows() throws {
        let s = try ServeProcess(["--max-rows", "50"])
        let big = try s.curl("/AdminService/wmi/SMS_R_System")
        #expect(big.status == 400, "\(big.body.prefix(300))")
        #expect((json(big.body)["error"] as? [String: Any])?["code"] as? String == "WBEM_E_QUOTA_VIOLATION")
        #expect(big.body.contains("--max-rows 50"))
        let page = try s.curl("/AdminService/wmi/SMS_R_System?$top=50&$count=true")
        #expect(page.status == 200 && (json(page.body)["value"] as? [Any])?.count == 50)
        #expect((json(page.body)["@odata.count"] as? Int ?? 0) > 50)
        let r = try s.python(#"""
            import os, pywbem
            conn = pywbem.WBEMConnection(os.environ["URL"], (os.environ["USER_NAME"], os.environ["PASSWORD"]),
                                         default_namespace="root/sms/site_S01", ca_certs=os.environ["CERT"])
            try:
                conn.EnumerateInstances("SMS_R_System")
                print("served")
            except pywbem.CIMError as e:
                print(e.status_code)
            print(len(conn.ExecQuery("WQL", "select * from SMS_Package")) > 0)
            """#)
        #expect(r.stdout == "27\nTrue\n", "\(r.stdout) \(r.stderr.suffix(800))")
    }
}
