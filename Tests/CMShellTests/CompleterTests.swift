// Tab completion contexts: classes after from/join/invoke/new/describe, properties of the statement's
// classes, methods after `Class(…).`, variables, dot-commands, file names after .read.
import Testing
@testable import CMShell

@Suite struct CompleterTests {
    let engine: Engine
    let completer: Completer

    init() throws {
        engine = try Engine()
        completer = Completer(engine: engine, dotCommands: [".help", ".history", ".format"])
    }

    func complete(_ line: String, context: String = "") -> Completer.Result {
        completer.complete(line, cursor: line.count, context: context)
    }

    @Test func classesAfterFromJoinInvokeNewDescribe() {
        #expect(complete("select * from SMS_DriverP").candidates == ["SMS_DriverPackage"])
        #expect(complete("select * from SMS_Dri").candidates == ["SMS_Driver", "SMS_DriverPackage"])
        #expect(complete("select * from SMS_Dri").wordStart == 14)
        #expect(complete("select * from SMS_Site s join SMS_DistributionPoint").candidates == ["SMS_DistributionPoint", "SMS_DistributionPointGroup", "SMS_DistributionPointInfo"])
        #expect(complete("invoke SMS_NAL").candidates == ["SMS_NAL_Methods"])
        #expect(complete("new SMS_Sit").candidates == ["SMS_Site"])
        #expect(complete("describe sms_r_sys").candidates == ["SMS_R_System"])
    }

    @Test func propertiesOfTheStatementsClasses() {
        #expect(complete("select * from SMS_DriverPackage where PkgSour").candidates == ["PkgSourceFlag", "PkgSourcePath"])
        #expect(complete("select PackageID, Na", context: "").candidates.contains("Name") == false)  // no class yet
        #expect(complete("order by SiteN", context: "select * from SMS_Site").candidates == ["SiteName"])
        #expect(complete("update SMS_Site set SiteN").candidates == ["SiteName"])
    }

    @Test func methodsAndAliasedProperties() {
        #expect(complete(#"invoke SMS_DriverPackage("PKG00001").AddD"#).candidates == ["AddDistributionPointGroup", "AddDistributionPoints", "AddDriverContent"])
        #expect(complete("invoke SMS_NAL_Methods.Pack").candidates == ["PackNALPath"])
        #expect(complete("select p.PackageI", context: "").candidates.isEmpty)
        #expect(complete("where p.Manu", context: "select * from SMS_Package as p").candidates == ["Manufacturer"])
    }

    @Test func variablesAndDotCommands() {
        engine.set("site", .string("S01"))
        engine.set("siteName", .string("x"))
        #expect(complete("print $si").candidates == ["$site", "$sitename"])  // variables are case-insensitive, stored folded
        #expect(complete("print $si").wordStart == 6)
        #expect(complete(".h").candidates == [".help", ".history"])
        #expect(complete(".h").wordStart == 0)
    }

    @Test func keywordsElsewhere() {
        #expect(complete("sel").candidates == ["select"])
        #expect(complete("assoc").candidates == ["associators"])
    }
}
