// DriverContentProvider: SMS_DriverPackage.AddDriverContent / RemoveDriverContent — driver files (content
// IDs, from SMS_CIToContent) placed in or taken out of a driver package, optionally refreshing its DPs.
import CIM

struct DriverContentProvider {
    weak let site: SimulatedSite?

    func register() {
        guard let site else { return }
        site.repository.register(method: "AddDriverContent", of: "SMS_DriverPackage") { call in try change(call, adding: true) }
        site.repository.register(method: "RemoveDriverContent", of: "SMS_DriverPackage") { call in try change(call, adding: false) }
    }

    func change(_ call: MethodInvocation, adding: Bool) throws -> MethodResult {
        guard let package = call.instance, let packageID = package["PackageID"] else { return .failure(.notFound, "no package") }
        guard case .array(let ids) = call["ContentIDs"], ids.count > 0 else {
            return .failure(.invalidParameter, parameter: "ContentIDs", "is required: pass an array of driver content IDs")
        }
        var paths: [CIMValue] = []
        if adding {
            guard case .array(let p) = call["ContentSourcePath"] else {
                return .failure(.invalidParameter, parameter: "ContentSourcePath", "is required: pass one source folder per content ID")
            }
            guard p.count == ids.count else {
                return .failure(.invalidParameter, parameter: "ContentSourcePath", "has \(p.count) elements but ContentIDs has \(ids.count); they are parallel")
            }
            paths = p.elements
        }
        let repo = call.repository
        let linkClass = try repo.requireClass("SMS_PackageToContent")
        var changes: [CIMInstance] = []
        for (i, id) in ids.elements.enumerated() {
            guard let content = try? repo.instance(at: ObjectPath(className: "SMS_CIToContent", keys: [.init("ContentID", id)])) else {
                return .failure(.notFound, parameter: "ContentIDs", index: i, "content \(id.displayText) does not exist (see SMS_CIToContent)")
            }
            var link = try CIMInstance(of: linkClass, properties: [("PackageID", packageID), ("ContentID", id)])
            let present = (try? repo.instance(at: link.path)) != nil
            if adding {
                let source = paths[i].stringValue ?? content["ContentSourcePath"]?.stringValue
                guard let source, !source.isEmpty else {
                    return .failure(.invalidParameter, parameter: "ContentSourcePath", index: i, "is empty")
                }
                try link.set("ContentSourcePath", .string(source))
                if !present { changes.append(link) }
            } else {
                guard present else {
                    return .failure(.notFound, parameter: "ContentIDs", index: i, "content \(id.displayText) is not in driver package \(packageID.displayText)")
                }
                changes.append(link)
            }
        }
        for link in changes {
            if adding { try repo.createInstance(link) } else { try repo.deleteInstance(at: link.path) }
        }
        if call["bRefreshDPs"].boolValue ?? true, !changes.isEmpty {
            try DistributionProvider(site: site).refresh(repo, package: package)
        }
        return .success()
    }
}
