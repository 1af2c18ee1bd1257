// Output for programs through the cmsh binary: --format json is one document, status lines on stderr,
// --quiet, --onerror continue's exit status, dot-commands in scripts.
import Foundation
import Testing

@Suite struct MachineOutputTests {
    /// stdout must be one JSON document: Foundation's parser and Python's json.tool both accept it.
    func parseJSON(_ text: String) throws -> Any {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
            let child = try ChildProcess.run("/usr/bin/python3", ["-m", "json.tool"], environment: ProcessInfo.processInfo.environment,
                                             stdin: Data(text.utf8), stdout: .discard, stderr: .discard, timeout: 30)
            #expect(child.status == 0, "python3 -m json.tool refused:\n\(text)")
        }
        return value
    }

    @Test func aWholeRunIsOneJSONDocument() throws {
        let r = try CLI.run(["--format", "json", "-c", """
            select PackageID, Name from SMS_Package where PackageID = "S0100003"
            update SMS_Package set Description = "x" where PackageID = "S0100003"
            print "done", 2
            invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [nal("dp1", "S01")])
            select count(*) from SMS_Package where PackageID = "nothing"
            """])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try parseJSON(r.stdout) as? [Any])
        #expect(doc.count == 4)  // the update's status line is not a result
        let rows = try #require(doc[0] as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["PackageID"] as? String == "S0100003")
        #expect((doc[1] as? [Any])?.first as? String == "done")
        #expect((doc[2] as? [String: Any])?["ReturnValue"] as? Int == 0)
        #expect(((doc[3] as? [[String: Any]])?.first)?["Count"] as? Int == 0)
        #expect(r.stderr.contains("1 instance updated."))
        #expect(!r.stdout.contains("instance updated"))
    }

    @Test func aSingleResultIsItsOwnDocumentAndNoResultIsAnEmptyArray() throws {
        let one = try CLI.run(["--format", "json", "-c", #"select PackageID from SMS_Package where PackageID = "S0100003""#])
        let rows = try #require(try parseJSON(one.stdout) as? [[String: Any]])
        #expect(rows.count == 1)
        let none = try CLI.run(["--format", "json", "-c", #"update SMS_Package set Description = "y" where PackageID = "S0100003""#])
        #expect(none.stdout == "[]\n")
        // A run that fails half-way still closes its document.
        let stopped = try CLI.run(["--format", "json", "-c", "print 1\nprint 2\n$x = 1 / 0\nprint 3"])
        #expect(stopped.status == 1)
        #expect((try parseJSON(stopped.stdout) as? [Any])?.count == 2)
    }

    @Test func jsonFromStandardInputAndAFile() throws {
        let text = "select SiteCode from SMS_Site order by SiteCode\nselect count(*) from SMS_Site\n"
        let viaStdin = try CLI.run(["--format", "json"], stdin: text)
        let file = try CLI.script(text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let viaFile = try CLI.run(["--format", "json", file.path])
        #expect(viaStdin.stdout == viaFile.stdout)
        #expect((try parseJSON(viaStdin.stdout) as? [Any])?.count == 2)
    }

    @Test func csvAndMofKeepStatusLinesOffStdout() throws {
        for format in ["csv", "mof"] {
            let r = try CLI.run(["--format", format, "-c", #"update SMS_Package set Description = "x" where PackageID = "S0100003""#])
            #expect(r.status == 0)
            #expect(r.stdout.isEmpty, "\(format): \(r.stdout)")
            #expect(r.stderr.contains("1 instance updated."))
        }
        // The table format is for people: its status lines stay with the results.
        let table = try CLI.run(["-c", #"update SMS_Package set Description = "x" where PackageID = "S0100003""#])
        #expect(table.stdout.contains("1 instance updated."))
    }

    @Test func quietPrintsResultsOnly() throws {
        let r = try CLI.run(["--quiet", "-c", """
            select PackageID from SMS_Package where PackageID = "S0100003"
            update SMS_Package set Description = "x" where PackageID = "S0100003"
            invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [nal("dp1", "S01")])
            select PackageID from SMS_Package where PackageID = "none"
            print "end"
            """])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "PackageID\n---------\nS0100003\nend\n")
        #expect(r.stderr.isEmpty)
        // A failed method's ReturnValue is a result worth printing even when quiet.
        let failed = try CLI.run(["--quiet", "--onerror", "continue", "-c",
                                  #"invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [nal("nodp", "S01")])"#])
        #expect(failed.stdout.contains("ReturnValue"), "\(failed.stdout)\(failed.stderr)")
    }

    @Test func onerrorContinueExitsNonZeroWhenAnythingFailed() throws {
        let r = try CLI.run(["--onerror", "continue", "-c", "print 1\n$x = 1 / 0\nprint 2"])
        #expect(r.stdout == "1\n2\n")
        #expect(r.status == 1)
        #expect(try CLI.run(["--onerror", "continue", "-c", "print 1"]).status == 0)
    }

    @Test func dotCommandsInScripts() throws {
        let text = """
            .format
            .format csv
            .format
            select PackageID from SMS_Package where PackageID = "S0100003"
            .members SMS00001
            .help formats
            """
        let file = try CLI.script(text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        for r in [try CLI.run(["-c", text]), try CLI.run([], stdin: text), try CLI.run([file.path])] {
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(Array(lines.prefix(4)) == ["table", "csv", "PackageID", "S0100003"])
            #expect(lines.contains("ResourceID,Name,Domain,IsClient,IsDirect,SiteCode"))
            #expect(lines.contains { $0.hasPrefix("16777220,PC-0001,") })
            #expect(r.stdout.contains("table (default), list, json, csv, mof"))
        }
        // An unknown command or a bad argument is the script's error at its line.
        let bad = try CLI.run(["-c", "print 1\n.format yaml\nprint 2"])
        #expect(bad.status == 1)
        #expect(bad.stdout == "1\n")
        #expect(bad.stderr.contains("<command>:2:1: error:") && bad.stderr.contains("usage: .format"))
        // `.read` runs another script in place; `.quit` ends the run.
        let other = try CLI.script("print \"from the other file\"\n", name: "other.cmsh")
        defer { try? FileManager.default.removeItem(at: other.deletingLastPathComponent()) }
        let read = try CLI.run(["-c", ".read \(other.path)\n.quit\nprint \"not reached\""])
        #expect(read.stdout == "from the other file\n" && read.status == 0, "\(read.stderr)")
    }
}
