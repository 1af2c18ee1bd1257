// The cmsh binary in batch mode: -c, files, stdin, shebang, --check, exit codes, error format, $args.
import Foundation
import Testing

@Suite(.serialized) struct BatchTests {
    @Test func theCommonFormsRunAsTheParsedOnes() throws {
        // `cmsh -c …` and `cmsh FILE` alone skip ArgumentParser (ShellOptions(commonForm:)); with any other option
        // the parsed path runs: both must do the same.
        let statements = "select PackageID, Name from SMS_DriverPackage order by PackageID\nprint 1 / 0"
        let quick = try CLI.run(["-c", statements]), parsed = try CLI.run(["--format", "table", "-c", statements])
        #expect(quick.status == 1 && quick.stdout.contains("PKG00001"), "\(quick.stderr)")
        #expect(quick.status == parsed.status && quick.stdout == parsed.stdout && quick.stderr == parsed.stderr)
        let file = try CLI.script("select count(*) from SMS_Site\nexit 3\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let fromFile = try CLI.run([file.path]), parsedFile = try CLI.run(["--max-call-depth", "200", file.path])
        #expect(fromFile.status == 3 && fromFile.stdout.contains("2"), "\(fromFile.stderr)")
        #expect(fromFile.status == parsedFile.status && fromFile.stdout == parsedFile.stdout && fromFile.stderr == parsedFile.stderr)
    }

    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "build cmsh first: \(CLI.binary.path)")
    }

    @Test func commandOptionRunsStatements() throws {
        let r = try CLI.run(["-c", "select PackageID, Name from SMS_DriverPackage where PackageID = 'PKG00001'"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("PKG00001"))
        #expect(r.stdout.contains("Dell Latitude 7440 Windows 11 Drivers"))
        #expect(r.stdout.contains("1 row"))
        #expect(r.stderr.isEmpty)
    }

    /// ValidateQuery answers false for a broken collection query and says where it breaks; the batch goes on.
    @Test func validateQueryShowsWhereAQueryBreaks() throws {
        let r = try CLI.run(["-c", """
            invoke SMS_CollectionRuleQuery.ValidateQuery("select * from SMS_R_System where Nmae = 1")
            invoke SMS_CollectionRuleQuery.ValidateQuery("select * from SMS_R_System where Name = 'PC-0001'")
            """])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            ReturnValue = false
            error: query:1:34: 'Nmae' is not a property of SMS_R_System; did you mean 'Name'? (WBEM_E_INVALID_QUERY)
            ReturnValue = true

            """)
    }

    @Test func seedStatementPrintsReturnValue() throws {
        let r = try CLI.run(["-c", #"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])"#])
        #expect(r.status == 0)
        #expect(r.stdout.contains("ReturnValue = 0"))
    }

    @Test func scriptFileSucceeds() throws {
        let url = try CLI.script("""
        # deploy.cmsh
        $id = "S0100004"
        invoke SMS_Package($id).AddDistributionPoints(["S01"], [nal("dp2", "S01")])
        print "placements:", len(select * from SMS_DistributionPoint where PackageID = $id)
        """)
        let r = try CLI.run([url.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("placements: 2"))
    }

    @Test func syntaxErrorsExitTwoWithCaretAndNothingRuns() throws {
        let url = try CLI.script("print \"ran\"\nselect * frm SMS_Package\n$x = (1 +\n")
        let r = try CLI.run([url.path])
        #expect(r.status == 2)
        #expect(!r.stdout.contains("ran"))
        #expect(r.stderr.contains("\(url.path):2:10: error: expected 'from' and a class name after the select list, found 'frm'"))
        #expect(r.stderr.contains("select * frm SMS_Package\n         ^~~"))
        #expect(r.stderr.contains("\(url.path):3:6: error: '(' is never closed; expected ')'"))
    }

    @Test func runtimeErrorExitsOneAndStops() throws {
        let url = try CLI.script("print \"before\"\n$p = SMS_Package(\"S01FFFFF\")\nprint \"after\"\n")
        let r = try CLI.run([url.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("before") && !r.stdout.contains("after"))
        #expect(r.stderr.contains("\(url.path):2:6: error: WBEM_E_NOT_FOUND: No instance SMS_Package.PackageID=\"S01FFFFF\" exists."))
        #expect(r.stderr.contains("$p = SMS_Package(\"S01FFFFF\")\n     ^"))
    }

    @Test func onerrorContinueReportsAndGoesOn() throws {
        let url = try CLI.script("$p = SMS_Package(\"S01FFFFF\")\nprint \"after\"\n")
        let r = try CLI.run(["--onerror", "continue", url.path])
        #expect(r.stdout.contains("after"))
        #expect(r.stderr.contains("WBEM_E_NOT_FOUND"))
        #expect(r.status == 1)  // an error happened, though the script went on
    }

    @Test func nonZeroReturnValueStopsABatch() throws {
        let r = try CLI.run(["-c", #"invoke SMS_Package("S0100003").AddDistributionPoints(["S09"], [nal("dp1", "S09")])"# + "\nprint \"after\""])
        #expect(r.status == 1)
        #expect(r.stderr.contains("SiteCode[0]: site S09 does not exist"))
        #expect(!r.stdout.contains("after"))
    }

    @Test func statementsFromStandardInput() throws {
        let r = try CLI.run([], stdin: "select SiteCode from SMS_Site order by SiteCode\nprint 1 + 1\n")
        #expect(r.status == 0)
        #expect(r.stdout.contains("S01") && r.stdout.contains("S02") && r.stdout.contains("2\n"))
        let multi = try CLI.run([], stdin: "select SiteCode\n  from SMS_Site\n  where SiteCode = 'S02'")  // no final newline
        #expect(multi.stdout.contains("S02") && multi.stdout.contains("1 row"))
    }

    @Test func shebangScriptRunsDirectly() throws {
        let url = try CLI.script("#!/usr/bin/env cmsh\nprint \"hello from\", $0, $1, len($args)\n", name: "hello.cmsh")
        chmod(url.path, 0o755)
        let path = CLI.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let r = try CLI.run(["world"], environment: ["PATH": path], executable: url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "hello from \(url.path) world 1\n")
    }

    @Test func checkResolvesNamesWithoutRunning() throws {
        let url = try CLI.script("""
        print "should not print"
        select * from SMS_Packages
        invoke SMS_Package("S0100003").AddDistributionPoint(["S01"], ["x"])
        new SMS_Site { SiteCode = "S09", Colour = "red" }
        """)
        let r = try CLI.run(["--check", url.path])
        #expect(r.status == 2)
        #expect(!r.stdout.contains("should not print"))
        #expect(r.stderr.contains(":2:15: error: WBEM_E_INVALID_CLASS: class SMS_Packages does not exist"))
        #expect(r.stderr.contains(":3:8: error: WBEM_E_INVALID_METHOD: class SMS_Package has no method AddDistributionPoint"))
        #expect(r.stderr.contains(":4:43: error: WBEM_E_INVALID_PROPERTY"))
        let ok = try CLI.script("select * from SMS_Package\ninvoke SMS_Package(\"S0100003\").RefreshPkgSource()\n")
        let clean = try CLI.run(["--check", ok.path])
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["--format", "xml", "-c", "print 1"]).status == 2)
        #expect(try CLI.run(["--no-such-option"]).status == 2)
        #expect(try CLI.run(["/no/such/file.cmsh"]).status == 2)
        #expect(try CLI.run(["--namespace", "root\\nowhere", "-c", "print 1"]).status == 2)
    }

    @Test func versionHelpAndExitCodes() throws {
        let v = try CLI.run(["--version"])
        #expect(v.status == 0 && v.stdout.hasPrefix("cmsh "))
        let h = try CLI.run(["--help"])
        #expect(h.status == 0 && h.stdout.contains("AddDistributionPoints") && h.stdout.contains("--format"))
        #expect(try CLI.run(["-c", "exit 7"]).status == 7)
    }

    @Test func echoQuietTimer() throws {
        let echo = try CLI.run(["--echo", "-c", "print 1\nprint 2"])
        #expect(echo.stdout == "print 1\n1\nprint 2\n2\n")
        let quiet = try CLI.run(["--quiet", "-c", #"update SMS_Package("S0100004") set Description = "x""#])
        #expect(quiet.stdout.isEmpty)
        let loud = try CLI.run(["-c", #"update SMS_Package("S0100004") set Description = "x""#])
        #expect(loud.stdout == "1 instance updated.\n")
        let timer = try CLI.run(["--timer", "-c", "print 1"])
        #expect(timer.stdout.contains("Run Time: "))
    }
}
