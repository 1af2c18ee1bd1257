// Renderer tests for the machine formats: JSON and CSV parsed back, MOF compiled back into a fresh repository.
import Foundation
import Testing
@testable import CMShell
import CIM
import Script

@Suite struct MachineFormatTests {
    private func json(_ script: String) throws -> Any {
        let text = try RenderFixture.render(script, .json)
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
    }

    @Test func jsonRowsAreObjectsInColumnOrderWithNativeTypes() throws {
        let text = try RenderFixture.render("select * from SMS_R_System order by ResourceId", .json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        let pc = rows[0]
        #expect(pc["ResourceId"] as? Int == 16777220)
        #expect(pc["Name"] as? String == "PC-0001")
        #expect(pc["IPSubnets"] as? [String] == ["10.1.0.0", "192.168.1.0"])
        #expect(pc["Client"] as? Bool == true)
        #expect(pc["Score"] as? Double == 0.5)
        #expect(pc["Grade"] as? String == "A")
        #expect(pc["DiskBytes"] is NSNumber)
        let logon = try #require(pc["LastLogonTimestamp"] as? [String: Any])
        #expect(logon["iso8601"] as? String == "2026-11-20T08:00:00.000000+00:00")
        #expect(logon["cim"] as? String == "20261120080000.000000+000")
        #expect(rows[1]["LastLogonTimestamp"] is NSNull)
        #expect(rows[1]["Client"] as? Bool == false)
        // Keys come in column order (JSONSerialization's dictionaries cannot show it, so read the text).
        let columns = ["ResourceId", "Name", "IPSubnets", "LastLogonTimestamp", "Client", "DiskBytes", "Score", "Grade"]
        let offsets = columns.map { text.range(of: "\"\($0)\":")!.lowerBound }
        #expect(offsets == offsets.sorted())
    }

    @Test func jsonDatetimesReferencesEmbeddedObjectsAndEscapes() throws {
        let wildcard = try #require(try json("select SourceDate from SMS_Package where PackageID = 'S0100004'") as? [[String: Any]])
        let date = try #require(wildcard.first?["SourceDate"] as? [String: Any])
        #expect(date["iso8601"] is NSNull)
        #expect(date["cim"] as? String == "2026112609****.******+000")
        let link = try #require(try json("select * from SMS_PackageToSite") as? [[String: Any]])
        #expect(link.first?["Package"] as? String == #"SMS_Package.PackageID="S0100003""#)
        let collection = try #require(try json("select * from SMS_Collection") as? [[String: Any]])
        let rule = try #require((collection.first?["Rules"] as? [[String: Any]])?.first)
        #expect(rule["__CLASS"] as? String == "SMS_CollectionRuleQuery")
        #expect(rule["RuleName"] as? String == #"All "PCs""#)
        let instance = try #require(try json(#"SMS_Package("S0100003")"#) as? [String: Any])
        #expect(instance["Description"] as? String == "Office, \"click-to-run\"\nsecond line")
        #expect(instance["PkgFlags"] as? Int == 16)
        #expect(try json(#""tab\there""#) as? String == "tab\there")
        #expect(try json("40 + 2") as? Int == 42)
    }

    @Test func jsonMethodResultsAndClasses() throws {
        let ok = try #require(try json(#"invoke SMS_Package.GetNextID("x")"#) as? [String: Any])
        #expect(ok["ReturnValue"] as? Int == 0 && ok["NextID"] as? Int == 7 && ok["error"] == nil)
        let failed = try #require(try json(#"invoke SMS_Package("S0100003").AddDistributionPoints(["S09"], ["x"])"#) as? [String: Any])
        #expect(failed["ReturnValue"] as? Int == 3)
        #expect(failed["error"] as? String == RenderFixture.failureNote)
        let rows = try #require(try json(#"invoke (select * from SMS_Package where PackageID = 'S0100004').AddDistributionPoints(["S09"], ["x"])"#) as? [[String: Any]])
        #expect(rows.first?["Target"] as? String == #"SMS_Package.PackageID="S0100004""#)
        #expect(rows.first?["error"] as? String == RenderFixture.failureNote)
        let cls = try #require(try json("describe SMS_PackageBaseClass") as? [String: Any])
        #expect(cls["name"] as? String == "SMS_PackageBaseClass")
        #expect(cls["superclass"] is NSNull)
        #expect((cls["qualifiers"] as? [[String: Any]])?.first?["name"] as? String == "Abstract")
        let properties = try #require(cls["properties"] as? [[String: Any]])
        #expect(properties.map { $0["name"] as? String } == ["PackageID", "Name", "SourceVersion", "SourceDate", "Description"])
        #expect(properties[0]["key"] as? Bool == true && properties[1]["key"] as? Bool == false)
        #expect(properties[0]["type"] as? String == "string")
        #expect(properties[2]["default"] as? Int == 1)
        let methods = try #require(cls["methods"] as? [[String: Any]])
        #expect(methods.first?["signature"] as? String == "static sint32 GetNextID([In] string Prefix, [Out] uint32 NextID)")
        #expect(methods.map { $0["static"] as? Bool } == [true, false])
        #expect((try json("describe SMS_Package") as? [String: Any])?["superclass"] as? String == "SMS_PackageBaseClass")
    }

    @Test func csvQuotesWhatNeedsQuotingAndParsesBack() throws {
        let text = try RenderFixture.render("select PackageID, Description, SourceDate, SourceVersion from SMS_PackageBaseClass order by PackageID", .csv)
        #expect(!text.contains("\r"))
        let records = Self.readCSV(text)
        #expect(records.first == ["PackageID", "Description", "SourceDate", "SourceVersion"])
        #expect(records.dropFirst().map { $0[0] } == ["PKG00001", "S0100003", "S0100004", "S0100005"])
        #expect(records.allSatisfy { $0.count == 4 })
        #expect(records[2] == ["S0100003", "Office, \"click-to-run\"\nsecond line", "20260615080000.000000+000", "4"])
        #expect(records[3][1] == "  padded  ")
        #expect(records[4] == ["S0100005", "", "", "1"])
        #expect(text.contains(#""Office, ""click-to-run"""#))
        let systems = Self.readCSV(try RenderFixture.render("select Name, IPSubnets, Client from SMS_R_System order by ResourceId", .csv))
        #expect(systems == [["Name", "IPSubnets", "Client"], ["PC-0001", "{10.1.0.0, 192.168.1.0}", "true"], ["PC-0002", "{10.2.0.0}", "false"]])
        #expect(Self.readCSV(try RenderFixture.render(#"SMS_Package("S0100005")"#, .csv))[0].first == "PackageID")
        #expect(try RenderFixture.render("select Name from SMS_Package where PackageID = 'none'", .csv) == "Name\n")
    }

    /// An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
    static func readCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, wasQuoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if c == "," {
                record.append(field); field = ""; wasQuoted = false
            } else if c == "\n" || c == "\r\n" {
                record.append(field); records.append(record)
                record = []; field = ""; wasQuoted = false
            } else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    // MARK: - MOF

    private static func sameInstances(_ a: CIMRepository, _ b: CIMRepository, _ className: CIMName) throws -> Bool {
        func key(_ repo: CIMRepository) throws -> [String] {
            try repo.instances(of: className).map { "\($0.className)|" + $0.values.map(\.literal).joined(separator: "|") }.sorted()
        }
        return try key(a) == key(b) && !(try key(a).isEmpty)
    }

    @Test func mofInstancesCompileBackIntoIdenticalInstances() throws {
        let original = try RenderFixture.repository()
        let classes: [CIMName] = ["SMS_Site", "SMS_PackageBaseClass", "SMS_R_System", "SMS_Collection", "SMS_PackageToSite"]
        let text = try classes.map { try RenderFixture.render("select * from \($0)", .mof) }.joined(separator: "\n")
        #expect(text.contains("instance of SMS_DriverPackage\n{\n    PackageID = \"PKG00001\";"))
        let copy = try RenderFixture.repository(withData: false)
        let result = try MOFCompiler.compile(text, fileName: "out.mof", into: copy)
        #expect(result.instances.count == 9)
        for className in classes {
            #expect(try Self.sameInstances(original, copy, className), "\(className)")
        }
        // Value for value (instances of different repositories have different class objects, so not ==).
        let pc = try copy.instance(at: ObjectPath(className: "SMS_R_System", keys: [.init("ResourceId", .uint32(16777220))]))
        let source = try original.instance(at: pc.path)
        #expect(pc.values == source.values)
    }

    @Test func mofProjectedRowsCompileBackToTheirSelectedProperties() throws {
        let text = try RenderFixture.render("select PackageID, Name from SMS_Package order by PackageID", .mof)
        #expect(text.hasPrefix("instance of SMS_Package\n{\n    PackageID = \"S0100003\";\n    Name = \"Microsoft Office 365\";\n};\n\n"))
        let copy = try RenderFixture.repository(withData: false)
        _ = try MOFCompiler.compile(text, fileName: "rows.mof", into: copy)
        let packages = try copy.instances(of: "SMS_Package").sorted { $0.path.description < $1.path.description }
        #expect(packages.map { $0["Name"]?.stringValue } == ["Microsoft Office 365", "7-Zip 24.08", "Dell Command Update"])
        #expect(packages.allSatisfy { $0["SourceVersion"] == .uint32(1) && $0["PkgFlags"] == .null })
        // A computed column has no property to go to: it stays visible as a comment and the rest compiles.
        let computed = try RenderFixture.render("select PackageID, upper(Name) from SMS_Package where PackageID = 'S0100004'", .mof)
        #expect(computed == "instance of SMS_Package\n{\n    PackageID = \"S0100004\";\n    // upper(Name) = \"7-ZIP 24.08\"\n};\n")
        _ = try MOFCompiler.compile(computed, into: try RenderFixture.repository(withData: false))
        // Rows of a join belong to no class: comments only, which compile to nothing.
        let join = try RenderFixture.render("select p.PackageID, d.Name from SMS_Package p join SMS_PackageBaseClass d on d.PackageID = p.PackageID where p.PackageID = 'S0100004'", .mof)
        #expect(join == "// record\n// p.PackageID = \"S0100004\"\n// d.Name = \"7-Zip 24.08\"\n")
        #expect(try MOFCompiler.compile(join, into: try RenderFixture.repository(withData: false)).instances.isEmpty)
    }

    @Test func mofClassDeclarationsCompileBackIntoTheSameClasses() throws {
        let original = try RenderFixture.repository()
        let classes: [CIMName] = ["SMS_PackageBaseClass", "SMS_Package", "SMS_DriverPackage", "SMS_Site", "SMS_R_System",
                                  "SMS_CollectionRuleQuery", "SMS_Collection", "SMS_PackageToSite"]
        let text = try classes.map { try RenderFixture.render("describe \($0)", .mof) }.joined(separator: "\n")
        #expect(text.hasPrefix("[Abstract]\nclass SMS_PackageBaseClass\n{\n    [Key] string PackageID;\n"))
        #expect(text.contains("class SMS_Package : SMS_PackageBaseClass\n{\n    uint32 PkgFlags;\n};\n"))
        let copy = CIMRepository()
        _ = try MOFCompiler.compile(text, fileName: "schema-out.mof", into: copy)
        for name in classes {
            let a = try original.requireClass(name), b = try copy.requireClass(name)
            #expect(a.properties == b.properties, "\(name)")
            #expect(a.methods == b.methods, "\(name)")
            #expect(a.qualifiers == b.qualifiers, "\(name)")
            #expect(a.superclass?.name == b.superclass?.name)
        }
        #expect(try RenderFixture.render("42", .mof) == "42\n")
        #expect(try RenderFixture.render(#""a\"b""#, .mof) == "\"a\\\"b\"\n")
    }
}
