// Method dispatch: argument binding and conversion, static/instance checks, providers and atomicity.
import Testing
@testable import CIM

@Suite struct MethodDispatchTests {
    func repoWithPackage() throws -> (CIMRepository, ObjectPath) {
        let repo = try Fixture.repository()
        let path = try repo.createInstance(try Fixture.package(repo, "SMS_DriverPackage", "PKG00001", name: "Dell"))
        return (repo, path)
    }

    @Test func providerReceivesTypedInParametersAndReturnsOut() throws {
        let (repo, path) = try repoWithPackage()
        repo.register(method: "Describe", of: "SMS_PackageBaseClass") { call in
            let prefix = call["Prefix"].stringValue ?? "-"
            let name = call.instance?["Name"]?.stringValue ?? "?"
            return .success([("Text", .string("\(prefix) \(name) (\(call.cimClass.name))"))])
        }
        let result = try repo.invokeMethod("describe", on: path, arguments: [("prefix", .string(">>"))])
        #expect(result.returnValue == .sint32(0))
        #expect(result[out: "Text"] == .string(">> Dell (SMS_DriverPackage)"))
        // an omitted [in] parameter arrives as null
        #expect(try repo.invokeMethod("Describe", on: path)[out: "text"] == .string("- Dell (SMS_DriverPackage)"))
    }

    @Test func argumentsAreConvertedToDeclaredArrayTypes() throws {
        let (repo, path) = try repoWithPackage()
        repo.register(method: "AddDistributionPoints", of: "SMS_PackageBaseClass") { call in
            guard case .array(let sites) = call["SiteCode"], case .array(let nals) = call["NALPath"] else {
                return MethodResult(returnValue: .sint32(1))
            }
            #expect(sites.elementType == .string)
            let dpClass = try call.repository.requireClass("SMS_DistributionPoint")
            for (site, nal) in zip(sites.elements, nals.elements) {
                try call.repository.createInstance(try CIMInstance(of: dpClass, properties: [
                    ("PackageID", call.instance!["PackageID"]!), ("ServerNALPath", nal), ("SiteCode", site)]))
            }
            return .success()
        }
        let nal = #"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#
        // a scalar string is accepted for a string[] parameter
        let r = try repo.invokeMethod("AddDistributionPoints", on: path, arguments: [("SiteCode", .string("S01")), ("NALPath", .string(nal))])
        #expect(r.returnValue == .sint32(0))
        let dps = try repo.instances(of: "SMS_DistributionPoint")
        #expect(dps.count == 1)
        #expect(dps[0]["ServerNALPath"] == .string(nal))
        #expect(dps[0].path.description.contains(#"ServerNALPath="[\"Display=\\\\dp1\\\"]MSWNET"#))
    }

    @Test func dispatchErrors() throws {
        let (repo, path) = try repoWithPackage()
        repo.register(method: "Describe", of: "SMS_PackageBaseClass") { _ in .success() }
        func status(_ body: () throws -> Void) -> CIMStatus? {
            do { try body(); return nil } catch let e as CIMError { return e.status } catch { return nil }
        }
        #expect(status { _ = try repo.invokeMethod("NoSuch", on: path) } == .invalidMethod)
        #expect(status { _ = try repo.invokeMethod("Describe", on: ObjectPath(className: "SMS_Package")) } == .invalidMethod)
        #expect(status { _ = try repo.invokeMethod("PackNALPath", on: try ObjectPath(parsing: #"SMS_Package.PackageID="X""#)) } == .invalidMethod)
        #expect(status { _ = try repo.invokeMethod("Describe", on: try ObjectPath(parsing: #"SMS_Package.PackageID="GONE""#)) } == .notFound)
        #expect(status { _ = try repo.invokeMethod("Describe", on: path, arguments: [("Bogus", .string("x"))]) } == .invalidParameter)
        #expect(status { _ = try repo.invokeMethod("Describe", on: path, arguments: [("Text", .string("x"))]) } == .invalidParameter)  // [out] only
        #expect(status { _ = try repo.invokeMethod("Describe", on: path, arguments: [("Prefix", .sint32(5))]) } == .typeMismatch)
        #expect(status { _ = try repo.invokeMethod("AddDistributionPoints", on: path) } == .notSupported)
        #expect(status { _ = try repo.invokeMethod("PackNALPath", on: ObjectPath(className: "SMS_NAL_Methods")) } == .notSupported)
        #expect(status { _ = try repo.invokeMethod("Describe", on: ObjectPath(className: "SMS_Nope", keys: [.init(nil, .string("x"))])) } == .invalidClass)
    }

    @Test func staticMethodsRunOnTheClass() throws {
        let repo = try Fixture.repository()
        repo.register(method: "PackNALPath", of: "SMS_NAL_Methods") { call in
            #expect(call.instance == nil)
            return .success([("NALPath", .string("[\"Display=\\\\\(call["Server"].stringValue!)\\\"]"))])
        }
        let result = try repo.invokeMethod("PackNALPath", on: ObjectPath(className: "SMS_NAL_Methods"), arguments: [("Server", .string("dp1"))])
        #expect(result[out: "NALPath"] == .string(#"["Display=\\dp1\"]"#))
    }

    @Test func aFailingProviderLeavesNothingBehind() throws {
        let (repo, path) = try repoWithPackage()
        repo.register(method: "AddDistributionPoints", of: "SMS_PackageBaseClass") { call in
            let dp = try call.repository.requireClass("SMS_DistributionPoint")
            try call.repository.createInstance(try CIMInstance(of: dp, properties: [
                ("PackageID", .string("PKG00001")), ("ServerNALPath", .string("a")), ("SiteCode", .string("S01"))]))
            throw CIMError(.failed, "second DP failed")
        }
        #expect(throws: CIMError(.failed, "second DP failed")) {
            _ = try repo.invokeMethod("AddDistributionPoints", on: path, arguments: [("SiteCode", .string("S01"))])
        }
        #expect(try repo.count(of: "SMS_DistributionPoint") == 0)
    }

    @Test func providerResultsAreCheckedAgainstTheDeclaration() throws {
        let (repo, path) = try repoWithPackage()
        repo.register(method: "Describe", of: "SMS_PackageBaseClass") { _ in
            MethodResult(returnValue: .sint32(0), outParameters: [("Undeclared", .string("x"))])
        }
        #expect(throws: CIMError.self) { _ = try repo.invokeMethod("Describe", on: path) }
        // a subclass provider overrides the base one
        repo.register(method: "Describe", of: "SMS_DriverPackage") { _ in MethodResult(returnValue: .sint64(11)) }
        #expect(try repo.invokeMethod("Describe", on: path).returnValue == .sint32(11))
    }
}
