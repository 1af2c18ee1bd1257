// DemoData+AuditHistory: who made the demo's objects, and when — the audit messages a real site's status message
// log holds for them — so the console's audit queries ("All Audit Status Messages from a Specific User") have
// rows before a session changes anything.
import CIM

extension DemoSite {
    /// The administrators the demo's changes are audited as.
    static let administrators = [#"CONTOSO\jdoe"#, #"CONTOSO\asmith"#, #"CONTOSO\bwong"#]

    /// The classes whose demo objects have a "created" audit, with the date each records its creation in.
    private static let audited: [(className: CIMName, dates: [CIMName])] = [
        ("SMS_PackageBaseclass", ["SourceDate", "LastRefreshTime"]),
        ("SMS_Collection", ["LastChangeTime", "LastRefreshTime"]),
        ("SMS_Advertisement", ["PresentTime"]),
        ("SMS_Application", ["DateCreated", "DateLastModified"]),
    ]

    /// Writes a "created" audit message for every package, collection of Contoso's (not the built-in SMS…
    /// ones), advertisement and application, by one of ``administrators`` (the same one for an object every
    /// time), at the object's own date, oldest first.
    static func writeAuditHistory(into site: SimulatedSite) throws {
        var history: [(time: CIMDateTime, message: StatusMessage)] = []
        for (className, dates) in audited where site.repository.cimClass(named: className) != nil {
            for object in try site.repository.instances(of: className, namespace: site.namespace) {
                if className == "SMS_Collection", object["CollectionID"]?.stringValue?.hasPrefix("SMS") == true { continue }
                guard let time = dates.lazy.compactMap({ name -> CIMDateTime? in
                    if case .datetime(let t)? = object[name] { return t } else { return nil }
                }).first else { continue }
                let user = administrators[Int(FleetRandom.fnv1a(object.path.description.utf8) % UInt64(administrators.count))]
                guard var message = AuditTrail.message(for: .create(object), user: user, site: site.siteCode) else { continue }
                message.time = time
                history.append((time, message))
            }
        }
        // This morning's work: 40 minutes before the clock, an administrator changed one of Contoso's collections.
        if let collection = try site.repository.instances(of: "SMS_Collection", namespace: site.namespace)
            .first(where: { $0["CollectionID"]?.stringValue?.hasPrefix("SMS") == false }),
           var audit = AuditTrail.message(for: .modify(old: collection, new: collection), user: administrators[0], site: site.siteCode) {
            audit.time = CIMDateTime(utcMicroseconds: site.clock.now.utcMicroseconds - 40 * 60_000_000)
            history.append((audit.time!, audit))
        }
        let log = StatusMessages(repository: site.repository, namespace: site.namespace, clock: site.clock)
        try log.raiseHistory(history.sorted { $0.time.utcMicroseconds < $1.time.utcMicroseconds }.map(\.message))
    }
}
