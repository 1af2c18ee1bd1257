// Renderer tests for the human formats: table layout and cutting, list blocks, method results, describe, colour, events.
import Foundation
import Testing
@testable import CMShell
import CIM
import Script

@Suite struct TextRendererTests {
    private func render(_ script: String, _ format: OutputFormat = .table, width: Int? = nil, color: Bool = false) throws -> String {
        try RenderFixture.render(script, format, width: width, color: color)
    }

    @Test func tableAlignsColumnsRightAlignsNumbersAndCountsRows() throws {
        let text = try render("select PackageID, Name, SourceVersion, SourceDate from SMS_Package order by PackageID")
        #expect(text == """
            PackageID  Name                  SourceVersion  SourceDate
            ---------  --------------------  -------------  -------------------------
            S0100003   Microsoft Office 365              4  20260615080000.000000+000
            S0100004   7-Zip 24.08                       1  2026112609****.******+000
            S0100005   Dell Command Update               1

            3 rows

            """)
        #expect(try render("select Name from SMS_Package where PackageID = 'S0100003'") == "Name\n--------------------\nMicrosoft Office 365\n\n1 row\n")
        #expect(try render("select Name from SMS_Package where PackageID = 'none'") == "0 rows\n")
    }

    @Test func selectStarShowsTheQueriedClassesColumnsInDeclaredOrder() throws {
        // Instances of SMS_Package and SMS_DriverPackage under their base class: the base columns only.
        let lines = try render("select * from SMS_PackageBaseClass").split(separator: "\n").map(String.init)
        #expect(lines[0].split(separator: " ") == ["PackageID", "Name", "SourceVersion", "SourceDate", "Description"])
        #expect(lines.count == 2 + 4 + 1)
        #expect(lines.last == "4 rows")
        // A line break inside a cell cannot break the table.
        #expect(lines.contains { $0.contains("Office, \"click-to-run\"↵second line") })
    }

    @Test func tableCellsShowBooleansArraysDatetimesAndNullsAsAdminsExpect() throws {
        let lines = try render("select * from SMS_R_System order by ResourceId").split(separator: "\n").map(String.init)
        #expect(lines[2].contains("{10.1.0.0, 192.168.1.0}  20261120080000.000000+000  true"))
        #expect(lines[3].contains("{10.2.0.0}                                          false"))
        // Numbers are right-aligned: 512 ends where the 20-digit uint64 above it ends.
        let big = try #require(lines[2].range(of: "18446744073709551615")), small = try #require(lines[3].range(of: " 512 "))
        #expect(lines[2].distance(from: lines[2].startIndex, to: big.upperBound) == lines[3].distance(from: lines[3].startIndex, to: small.upperBound) - 1)
        #expect(lines[2].hasPrefix("  16777220  PC-0001"))
    }

    @Test func wideTablesAreCutToTheTerminalWidth() throws {
        let full = try render("select * from SMS_R_System")
        #expect(full.split(separator: "\n").contains { $0.count > 100 })
        #expect(try render("select * from SMS_R_System", width: 200) == full)
        for width in [100, 80, 60, 40, 25, 12, 4] {
            let text = try render("select * from SMS_R_System", width: width)
            for line in text.split(separator: "\n") {
                #expect(line.count <= width, "width \(width): \(line)")
            }
            #expect(text.contains("…"), "width \(width)")
            #expect(text.hasSuffix("2 rows\n") || width < 6)
        }
        // Long text gives way first; numbers keep their digits; columns that cannot fit are dropped with "…".
        let cut = try render("select * from SMS_R_System", width: 60).split(separator: "\n").map(String.init)
        #expect(cut[0] == "ResourceId  Name     IPSubnets   LastLogonTimest…  Client  …")
        #expect(cut[2] == "  16777220  PC-0001  {10.1.0.0…  20261120080000.…  true")
    }

    @Test func aSingleInstanceRendersAsAListBlockInBothHumanFormats() throws {
        let expected = """
            PackageID     = S0100003
            Name          = Microsoft Office 365
            SourceVersion = 4
            SourceDate    = 20260615080000.000000+000
            Description   = Office, "click-to-run"
                            second line
            PkgFlags      = 16

            """
        #expect(try render(#"SMS_Package("S0100003")"#) == expected)
        #expect(try render(#"SMS_Package("S0100003")"#, .list) == expected)
        #expect(try render("1 + 2") == "3\n")
        #expect(try render(#""plain text""#) == "plain text\n")
        #expect(Renderer().render(.null) == "")
    }

    @Test func listFormatWritesOneAlignedBlockPerRow() throws {
        #expect(try render("select PackageID, Name, SourceVersion from SMS_Package order by PackageID", .list) == """
            PackageID     = S0100003
            Name          = Microsoft Office 365
            SourceVersion = 4

            PackageID     = S0100004
            Name          = 7-Zip 24.08
            SourceVersion = 1

            PackageID     = S0100005
            Name          = Dell Command Update
            SourceVersion = 1

            """)
        #expect(try render("select PackageID, Description from SMS_Package where PackageID = 'S0100005'", .list) == "PackageID   = S0100005\nDescription =\n")
    }

    @Test func methodResultsShowReturnValueOutParametersAndTheErrorInPlainEnglish() throws {
        let ok = #"invoke SMS_Package.GetNextID("x")"#
        #expect(try render(ok) == "ReturnValue = 0\nNextID      = 7\n")
        #expect(try render(ok, .list) == "ReturnValue = 0\nNextID      = 7\n")
        let failing = #"invoke SMS_Package("S0100003").AddDistributionPoints(["S09"], ["x"])"#
        let expected = "ReturnValue = 3\nerror: \(RenderFixture.failureNote)\n"
        #expect(try render(failing) == expected)
        #expect(try render(failing, .list) == expected)
        #expect(try render(failing, .csv) == "ReturnValue\n3\n")
        #expect(try render(failing, .mof) == "// __PARAMETERS\n// ReturnValue = 3\n// error: \(RenderFixture.failureNote)\n")
        // Over a query's rows, each failing row's line names the object the call failed on.
        let rows = try render(#"invoke (select * from SMS_Package where PackageID = 'S0100004').AddDistributionPoints(["S09"], ["x"])"#)
        #expect(rows.hasSuffix("1 row\nerror: SMS_Package.PackageID=\"S0100004\": \(RenderFixture.failureNote)\n"))
    }

    @Test func describeShowsLineageKeysPropertiesAndMethodSignatures() throws {
        let text = try render("describe SMS_Package")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "class SMS_Package : SMS_PackageBaseClass")
        #expect(lines.contains("Keys:") && lines.contains("    PackageID  string"))
        let properties = try #require(lines.firstIndex(of: "Properties:"))
        #expect(lines[properties + 1] == "    PackageID      string    key")
        #expect(lines[properties + 3] == "    SourceVersion  uint32         = 1")
        #expect(lines.contains("    PkgFlags       uint32"))
        #expect(lines.contains("Methods:"))
        #expect(lines.contains("    static sint32 GetNextID([In] string Prefix, [Out] uint32 NextID)"))
        #expect(lines.contains("    sint32 AddDistributionPoints([In] string SiteCode[], [In] string NALPath[])"))
        #expect(try render("describe SMS_PackageBaseClass", .list).contains("\nQualifiers: Abstract\n"))
        let association = try render("describe SMS_PackageToSite")
        #expect(association.contains("Qualifiers: Association\n"))
        #expect(association.contains("    Package  SMS_PackageBaseClass ref  key\n"))
        #expect(try render("describe SMS_Collection").contains("    Rules         SMS_CollectionRuleQuery[]\n"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let table = try render("select Name from SMS_Package where PackageID = 'S0100003'", color: true)
        #expect(table.hasPrefix("\u{1B}[1mName\u{1B}[0m\n"))
        let failing = #"invoke SMS_Package("S0100003").AddDistributionPoints(["S09"], ["x"])"#
        #expect(try render(failing, color: true).contains("\u{1B}[1;31merror:\u{1B}[0m SiteCode[0]"))
        let error = try #require(try diagnosticEvent())
        let coloured = try #require(Renderer(RenderOptions(color: true)).render(error))
        #expect(coloured.text.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        // Without colour, no format writes an escape code, and cutting to a width never counts one.
        for format in OutputFormat.allCases {
            for script in ["select * from SMS_R_System", failing, "describe SMS_Package", #"SMS_Package("S0100003")"#] {
                #expect(!(try render(script, format)).contains("\u{1B}"), "\(format) \(script)")
            }
        }
        #expect(try #require(Renderer().render(error)).text.contains("\u{1B}") == false)
        for line in try render("select * from SMS_R_System", width: 40, color: true).split(separator: "\n") {
            #expect(line.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "").count <= 40)
        }
    }

    @Test func eventsPrintStatusAndErrors() throws {
        let table = Renderer()
        let printed = OutputEvent.print([.string("a"), .integer(1), .boolean(true), .cim(.array(CIMArray(elementType: .string, [.string("x"), .string("y")])))])
        #expect(table.render(printed)! == ("a 1 true {x, y}\n", false))
        #expect(Renderer(RenderOptions(format: .csv)).render(printed)! == ("a 1 true {x, y}\n", false))
        #expect(Renderer(RenderOptions(format: .json)).render(printed)! == ("\"a\"\n1\ntrue\n[\"x\", \"y\"]\n", false))
        #expect(table.render(.status("2 instances updated."))! == ("2 instances updated.\n", false))
        #expect(table.render(.value(.null)) == nil)
        #expect(table.render(.value(.integer(5)))! == ("5\n", false))
        let error = try #require(try diagnosticEvent())
        guard case .error(let diagnostic) = error else { return }
        #expect(table.render(error)! == (diagnostic.description + "\n", true))
        #expect(diagnostic.description.contains("error:"))
    }

    private func diagnosticEvent() throws -> OutputEvent? {
        try RenderFixture.events("select * from NoSuchClass").first { if case .error = $0 { true } else { false } }
    }
}
