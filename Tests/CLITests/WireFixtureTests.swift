// Wire fixtures: the requests cmsh --connect sends, recorded by a proxy in front of `cmsh serve`, have the shapes
// real clients send — CIM-XML's headers and body skeleton as pywbem's captured requests
// (shared/reference/protocols/cimxml-requests-captured.log), the AdminService's URLs and JSON bodies as the SDK
// documents them. Tests/peers/wire/compare.py does the comparing and ends with 'N passed, N failed'.
import Foundation
import Testing

/// Tests/peers/wire/recorder.py in front of a served site: every request recorded, forwarded with the site's token.
final class Recorder {
    let port: String
    let log: String
    private let child: ChildProcess.Running

    init(_ site: ServeProcess, breakFirst: Bool = false) throws {
        let dir = site.directory
        let tokenFile = dir.appendingPathComponent("token").path, portFile = dir.appendingPathComponent("recorder.port").path
        log = dir.appendingPathComponent("recorded.jsonl").path
        try (site.token ?? "").write(toFile: tokenFile, atomically: true, encoding: .utf8)
        child = try ChildProcess.start(WireFixtureTests.python, [WireFixtureTests.peer.appendingPathComponent("recorder.py").path,
                                                                 "--port-file", portFile, "--log", log, "--upstream", site.url,
                                                                 "--token-file", tokenFile, "--lifetime", "120"] + (breakFirst ? ["--break-first"] : []),
                                       environment: ProcessInfo.processInfo.environment, stderrFile: dir.appendingPathComponent("recorder.err").path)
        var port = ""
        for _ in 0..<200 where port.isEmpty {  // at most 20 s
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)) ?? ""
            if port.isEmpty { Thread.sleep(forTimeInterval: 0.1) }
        }
        guard !port.isEmpty else {
            child.kill()
            throw WindowsAuthTests.Failed(text: "the recorder did not start")
        }
        self.port = port
    }

    deinit {
        child.kill()
        _ = child.wait()
    }
}

@Suite struct WireFixtureTests {
    static let peer = CLI.packageRoot.appendingPathComponent("Tests/peers/wire")
    static let captured = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/protocols/cimxml-requests-captured.log")
    static let python = CLI.packageRoot.appendingPathComponent(".build/venv/bin/python").path

    static let statements = #"""
        print SMS_DriverPackage("PKG00001").Name
        select PackageID, Name from SMS_Package where Name like "O%" and PkgFlags > 0
        invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])
        $p = new SMS_Package { Name = "Wire", Manufacturer = "Fixture" }
        update SMS_Package($p.PackageID) set Description = "recorded"
        delete SMS_Package($p.PackageID)
        invoke SMS_CollectionRuleQuery.ValidateQuery("select * from SMS_R_System")
        """#

    @Test func requestsHaveTheShapesRealClientsSend() throws {
        guard FileManager.default.fileExists(atPath: Self.captured.path) else {
            Issue.record("the captured requests are not at \(Self.captured.path) (shared/ beside the checkout)")
            return
        }
        let site = try ServeProcess(withToken: true)
        let recorder = try Recorder(site)
        defer { withExtendedLifetime(recorder) {} }
        let (port, log) = (recorder.port, recorder.log)
        for url in ["cimxml+http://127.0.0.1:\(port)/root/sms/site_S01", "http://127.0.0.1:\(port)/AdminService"] {
            let run = try CLI.run(["--connect", url, "-c", Self.statements])
            #expect(run.status == 0, "\(url): \(run.stdout)\(run.stderr)")
        }
        let compared = try ChildProcess.run(Self.python, [Self.peer.appendingPathComponent("compare.py").path, log, Self.captured.path],
                                            environment: ProcessInfo.processInfo.environment, timeout: 60)
        let report = String(decoding: compared.stdout + compared.stderr, as: UTF8.self)
        #expect(compared.status == 0 && report.contains(" passed, 0 failed"), "\(report)")
        // Every operation the script used was compared, not just some.
        for what in ["GetInstance", "ExecQuery", "AddDistributionPoints", "CreateInstance", "ModifyInstance", "DeleteInstance",
                     "an instance method", "a static method", "the seed call's JSON body"] {
            #expect(report.contains(what), "\(what) was not compared:\n\(report)")
        }
    }
}

/// A connection that breaks before the answer: a read is sent once more and succeeds, a write is not (it may
/// have been done), and the run fails with one clear line.
@Suite struct RetryTests {
    @Test(arguments: ["cimxml", "adminservice"])
    func readsAreRetriedOnceAndWritesNever(_ proto: String) throws {
        let site = try ServeProcess(withToken: true)
        let recorder = try Recorder(site, breakFirst: true)
        defer { withExtendedLifetime(recorder) {} }
        let (port, log) = (recorder.port, recorder.log)
        let url = proto == "cimxml" ? "cimxml+http://127.0.0.1:\(port)/root/sms/site_S01" : "http://127.0.0.1:\(port)/AdminService"
        let read = try CLI.run(["--connect", url, "-c", "select SiteCode from SMS_Site order by SiteCode"])
        #expect(read.status == 0 && read.stdout.contains("S02"), "\(read.stdout)\(read.stderr)")
        let write = try CLI.run(["--connect", url, "-c", #"new SMS_Package { Name = "Once" }"#])
        #expect(write.status == 1 && write.stderr.contains("broke off"), "\(write.stdout)\(write.stderr)")
        let recorded = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n")
        let creates = recorded.filter { proto == "cimxml" ? $0.contains(#""CIMMethod": "CreateInstance""#) : $0.contains(#""method": "POST""#) }
        #expect(creates.count == 1, "the create was sent \(creates.count) times")
        #expect(recorded.filter { $0.contains(#""broken": true"#) }.count >= 2)
        // Nothing was created: the broken request never reached the site.
        let check = try CLI.run(["--connect", url, "-c", #"select count(*) from SMS_Package where Name = "Once""#])
        #expect(check.stdout.contains("0"), "\(check.stdout)\(check.stderr)")
    }
}
