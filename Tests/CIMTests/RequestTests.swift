// Client requests told apart from the work done serving them, read-only namespaces, and rows made on first use.
import Foundation
import Testing
@testable import CIM

/// Records what it is told.
final class RequestLog: RequestObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []
    var entries: [String] { lock.withLock { seen } }

    func didServe(_ request: ClientRequest, in context: HookContext) throws {
        let text: String
        switch request {
        case .create(let i): text = "create \(i.path)"
        case .modify(_, let i): text = "modify \(i.path)"
        case .delete(let i, _): text = "delete \(i.path)"
        case .invoke(let method, let cls, _, _): text = "invoke \(cls.name).\(method)"
        }
        lock.withLock { seen.append(text) }
    }
}

@Suite struct RequestTests {
    @Test func onlyTheClientsRequestIsReportedNotWhatServingItChanged() throws {
        let repo = try Fixture.repository()
        let log = RequestLog()
        repo.register(requestObserver: log)
        // A method that creates a DP, as AddDistributionPoints does: one request, the method.
        repo.register(method: "AddDistributionPoints", of: "SMS_PackageBaseClass") { call in
            let dp = try CIMInstance(of: try call.repository.requireClass("SMS_DistributionPoint"), properties: [
                ("PackageID", .string("PKG00001")), ("ServerNALPath", .string("dp1")), ("SiteCode", .string("S01"))])
            try call.repository.createInstance(dp)
            return .success()
        }
        let path = try repo.createInstance(try Fixture.package(repo, "SMS_Package", "PKG00001", name: "Dell"))
        _ = try repo.invokeMethod("AddDistributionPoints", on: path, arguments: [("SiteCode", .array(CIMArray(elementType: .string, [.string("S01")]))), ("NALPath", .array(CIMArray(elementType: .string, [.string("dp1")])))])
        try repo.performInternally { try repo.deleteInstance(at: path) }  // the repository's own work
        #expect(log.entries == [#"create SMS_Package.PackageID="PKG00001""#, "invoke SMS_Package.AddDistributionPoints"])
        // A request that fails is not reported.
        let again = try CIMInstance(of: try repo.requireClass("SMS_DistributionPoint"), properties: [
            ("PackageID", .string("PKG00001")), ("ServerNALPath", .string("dp1")), ("SiteCode", .string("S01"))])
        #expect(throws: CIMError.self) { try repo.createInstance(again) }
        #expect(log.entries.count == 2)
    }

    @Test func aReadOnlyNamespaceRefusesClientsButNotTheRepositorysOwnWork() throws {
        let repo = try Fixture.repository()
        repo.createNamespace(#"root\sms\site_S02"#)
        for cls in repo.classes() { try repo.addClass(cls, namespace: #"root\sms\site_S02"#) }
        let package = try Fixture.package(repo, "SMS_Package", "PKG00002", name: "Replica")
        repo.makeReadOnly(namespace: #"root\sms\site_S02"#, reason: "S02 is a replica")
        try repo.performInternally { _ = try repo.createInstance(package, namespace: #"root\sms\site_S02"#) }
        #expect(try repo.count(of: "SMS_Package", namespace: #"root\sms\site_S02"#) == 1)
        for change in [{ _ = try repo.createInstance(package, namespace: #"root\sms\site_S02"#) },
                       { try repo.modifyInstance(package, namespace: #"root\sms\site_S02"#) },
                       { try repo.deleteInstance(at: package.path, namespace: #"root\sms\site_S02"#) },
                       { _ = try repo.invokeMethod("Describe", on: package.path, namespace: #"root\sms\site_S02"#) }] as [() throws -> Void] {
            do { try change(); Issue.record("a change reached the read-only namespace") } catch let e as CIMError {
                #expect(e.status == .accessDenied && e.message == "S02 is a replica")
            }
        }
        #expect(repo.isReadOnly(namespace: #"ROOT\SMS\SITE_S02"#) && !repo.isReadOnly(namespace: repo.defaultNamespace))
        // The default namespace is untouched by the rule.
        _ = try repo.createInstance(package)
        #expect(CIMRepository(copying: repo).isReadOnly(namespace: #"root\sms\site_S02"#), "a copy keeps the rule")
    }

    @Test func deferredRowsAreMadeOnFirstUseOnceAndByEachCopy() throws {
        let repo = try Fixture.repository()
        let fills = RequestLog()  // counts fills through its entries
        try repo.deferFilling(["SMS_PackageBaseClass"]) { r in
            _ = try r.createInstance(try Fixture.package(r, "SMS_DriverPackage", "DRV00001", name: "Made late"))
            try fills.didServe(.create(try Fixture.package(r, "SMS_DriverPackage", "X", name: "x")), in: HookContext(repository: r, namespace: r.defaultNamespace))
        }
        let copy = CIMRepository(copying: repo)
        #expect(fills.entries.isEmpty, "nothing is made until someone looks")
        #expect(try repo.count(of: "SMS_DistributionPoint") == 0 && fills.entries.isEmpty, "an unrelated class does not fill")
        // A read of a subclass fills its base's deferral; the rows survive a rollback of the client's transaction.
        repo.beginTransaction()
        #expect(try repo.instances(of: "SMS_DriverPackage").map(\.path.description) == [#"SMS_DriverPackage.PackageID="DRV00001""#])
        try repo.rollbackTransaction()
        #expect(try repo.count(of: "SMS_PackageBaseClass") == 1)
        #expect(fills.entries.count == 1)
        // The copy fills itself, once.
        #expect(try copy.instance(at: ObjectPath(className: "SMS_PackageBaseClass", keys: [.init("PackageID", .string("DRV00001"))]))["Name"] == .string("Made late"))
        _ = try copy.count(of: "SMS_Package")
        #expect(fills.entries.count == 2)
        // A dump makes whatever is still deferred.
        let third = try Fixture.repository()
        try third.deferFilling(["SMS_Package"]) { r in _ = try r.createInstance(try Fixture.package(r, "SMS_Package", "PKG00009", name: "In the dump")) }
        #expect(try third.mofDump().contains("In the dump"))
    }
}
