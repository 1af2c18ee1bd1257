// SecondarySite: the namespace of a secondary site (root\sms\site_S02), so scripts that `use` it work. A secondary
// site has no SMS Provider of its own — it is administered through its primary — so the namespace is a read-only
// view of what the secondary holds: the hierarchy's sites and packages, its own roles, distribution points and
// content status.
import CIM

struct SecondarySite {
    let repository: CIMRepository
    /// The primary's namespace, root\sms\site_S01.
    let primaryNamespace: String
    let primaryCode: String
    let code: String

    var namespace: String { "root\\sms\\site_\(code)" }

    /// Classes whose every row is the hierarchy's (replicated to every site).
    private static let global: [CIMName] = ["SMS_Site", "SMS_PackageBaseclass", "SMS_StatMsgModuleNames"]
    /// Classes whose rows belong to one site (their SiteCode), and the DP views keyed by a site's NAL paths.
    private static let perSite: [CIMName] = [
        "SMS_SystemResourceList", "SMS_SCI_SysResUse", "SMS_DistributionPoint", "SMS_PackageStatusDistPointsSummarizer",
        "SMS_DistributionPointInfo", "SMS_PackageStatusDetailSummarizer",
    ]

    /// Makes the namespace: every class of the primary's schema (the same class objects), the rows above, and
    /// read-only to clients.
    func publish() throws {
        try repository.performInternally {
            try repository.createNamespace(namespace, withClassesOf: primaryNamespace)
            // A site file made before a class joined the schema has the namespace without it.
            for cls in repository.classes(namespace: primaryNamespace) where repository.cimClass(named: cls.name, namespace: namespace) == nil {
                try repository.addClass(cls, namespace: namespace)
            }
            var rows: [CIMInstance] = []
            for name in Self.global where repository.cimClass(named: name, namespace: primaryNamespace) != nil {
                rows += try repository.instances(of: name, namespace: primaryNamespace)
            }
            var nalPaths = Set<String>()
            for name in Self.perSite where repository.cimClass(named: name, namespace: primaryNamespace) != nil {
                let own = try repository.instances(of: name, namespace: primaryNamespace)
                    .filter { $0["SiteCode"]?.stringValue?.equalsIgnoringCase(code) == true }
                rows += own
                if name == "SMS_DistributionPointInfo" { nalPaths.formUnion(own.compactMap { $0["NALPath"]?.stringValue }) }
            }
            if repository.cimClass(named: "SMS_DPStatusInfo", namespace: primaryNamespace) != nil {
                rows += try repository.instances(of: "SMS_DPStatusInfo", namespace: primaryNamespace)
                    .filter { $0["NALPath"]?.stringValue.map(nalPaths.contains) == true }
            }
            try repository.putStoredInstances(rows, namespace: namespace)
        }
        protect()
    }

    /// Refuses clients' changes, saying where to make them.
    func protect() {
        repository.makeReadOnly(namespace: namespace, reason: "\(code) is a secondary site with no SMS Provider of its own: its objects are administered through its primary site \(primaryCode) (\(primaryNamespace)); \(namespace) is a read-only view.")
    }
}

extension SimulatedSite {
    /// Publishes the namespace of every secondary site that reports to this one (SMS_Site Type 1).
    public func publishSecondarySites() throws {
        for site in try repository.instances(of: "SMS_Site", namespace: namespace)
        where site["Type"]?.integerValue == 1 && site["ReportingSiteCode"]?.stringValue?.equalsIgnoringCase(siteCode) == true {
            guard let code = site["SiteCode"]?.stringValue else { continue }
            try SecondarySite(repository: repository, primaryNamespace: namespace, primaryCode: siteCode, code: code).publish()
        }
    }

    /// A site file keeps its secondaries' namespaces but not that they are read-only: say it again.
    func protectSecondaryNamespaces() {
        for name in repository.namespaces where !name.equalsIgnoringCase(namespace) {
            guard let code = Self.siteCode(of: name) else { continue }
            SecondarySite(repository: repository, primaryNamespace: namespace, primaryCode: siteCode, code: code).protect()
        }
    }
}
