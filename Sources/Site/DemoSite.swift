// DemoSite: the simulated site `make run` opens — Contoso's primary site S01 with a secondary S02.
import CIM
import Foundation

/// The demo ConfigMgr site: site S01 "Contoso HQ" and secondary S02, distribution points dp1–dp3 (S01) and
/// dp4 (S02) with dp3 offline, DP groups, packages of every class (PKG00001 among them, as in the SDK's
/// examples), drivers, collections, some content already distributed, and a generated fleet of systems with
/// their inventory, users and user groups (300 systems unless asked otherwise, then the site's six servers:
/// CM01, CM02 and DP1–DP4, with their roles as SystemRoles).
public enum DemoSite {
    /// The demo data's parts, compiled in order after the schema.
    static let dataParts: [(name: String, text: String)] = [
        ("demo-sites.mof", sites), ("demo-packages.mof", packages), ("demo-deployments.mof", deployments),
        ("demo-distribution.mof", distribution), ("demo-inventory.mof", inventory),
        ("demo-collections.mof", collections),
    ]

    /// Makes the demo site. Pass a fixed clock for reproducible timestamps.
    ///
    /// - Parameters:
    ///   - clock: The site clock; the fleet's dates (last logons, inventory scans) lie before its time.
    ///   - systems: How many systems the fleet has; the first six are PC-0001, PC-0002, PC-0003, SRV-SQL01,
    ///     SRV-FS01 and KIOSK-01.
    ///   - seed: The fleet generator's seed: the same seed, size and clock give the same fleet.
    public static func make(clock: SiteClock = SiteClock(), systems: Int = FleetGenerator.defaultSystemCount,
                            seed: UInt64 = FleetGenerator.defaultSeed) throws -> SimulatedSite {
        // A fixed clock makes the same site every time: build it once, and give each caller a copy (copied on
        // write, so a copy costs nothing until it changes). Test suites make hundreds of demo sites.
        // A site made for one session makes its fleet and the collections' members the first time they are read:
        // a session that never looks at systems or collections (`cmsh -c` on packages) does not pay for them.
        guard clock.isFixed, systems <= maxCachedSystems else { return try build(clock: clock, systems: systems, seed: seed, lazily: true) }
        let key = TemplateKey(now: clock.now.utcMicroseconds, systems: systems, seed: seed)
        let template = try templateLock.withLock { () throws -> CIMRepository in
            if let known = templates[key] { return known }
            // Made whole: every copy would otherwise make its own fleet.
            let made = try build(clock: SiteClock(fixedAt: clock.now), systems: systems, seed: seed, lazily: false).repository
            if templates.count >= 4 { templates.removeAll() }
            templates[key] = made
            return made
        }
        let site = try SimulatedSite(attachingTo: CIMRepository(copying: template), clock: clock)
        site.offlineServers = ["dp3"]
        return site
    }

    /// The classes whose rows collection evaluation writes: reading one of them, lazily made, evaluates every
    /// collection first (and that reads the fleet, which is then made).
    static let evaluatedClasses: [CIMName] = [
        CollectionEvaluator.collectionClass, CollectionEvaluator.membershipClass, CollectionEvaluator.memberAssociation,
    ]

    /// The demo site: its declared part (schema and demo data, made once per process or read from an image), then
    /// the fleet. `lazily`, the fleet and the collections' evaluation are made the first time one of their classes
    /// is used — the same rows, in the same order, as made at once (DemoSiteTests compares the two).
    static func build(clock: SiteClock, systems: Int, seed: UInt64, lazily: Bool) throws -> SimulatedSite {
        let site = try SimulatedSite(attachingTo: try declaredRepository(), clock: clock)
        let namespace = site.namespace
        let now = clock.now
        // A fleet large enough to be made on two threads is made at once: made lazily it would take one (its fill
        // holds the repository's lock), half again as long for the first query that reads it.
        if lazily && systems > 0 && systems < FleetGenerator.threadedFrom {
            let fleet = (Fleet.classNames + Fleet.healthClassNames).map { CIMName($0) }
            try site.repository.deferFilling(fleet, namespace: namespace) { repository in
                try FleetGenerator.load(systems: systems, seed: seed, now: now, into: repository, namespace: namespace,
                                        deferringHealth: true, inOneThread: true)
            }
        } else {
            try FleetGenerator.load(systems: systems, seed: seed, now: clock.now, into: site.repository, deferringHealth: true)
        }
        // A fleet holds the site's servers (FleetCatalog.siteSystems); without one they are discovered.
        try site.publishSiteSystems(discoveringServers: systems == 0)
        try site.repository.performInternally {
            try writeSiteHistory(into: site)
            try writeAuditHistory(into: site)
        }
        try site.publishSecondarySites()
        site.offlineServers = ["dp3"]
        if lazily {
            try site.repository.deferFilling(evaluatedClasses, namespace: namespace) { repository in
                _ = try CollectionEvaluator(repository: repository, namespace: namespace, clock: SiteClock(fixedAt: now)).refreshAll()
            }
        } else {
            try site.refreshCollections()
        }
        // Each client's state for each deployment follows from its collections, so it comes after them.
        // It is the largest part of the demo (a row per client per deployment), made the first time it is read.
        try site.repository.deferFilling(DeploymentState.classesMade, namespace: namespace) { repository in
            try DeploymentState(repository: repository, namespace: namespace, clock: SiteClock(fixedAt: clock.now)).generate()
        }
        // What the clients reported follows from that state; it is made the first time a status message is used.
        try site.repository.deferFilling(ClientHistory.classesMade, namespace: namespace) { repository in
            try ClientHistory(repository: repository, namespace: namespace, clock: SiteClock(fixedAt: clock.now)).generate()
        }
        return site
    }

    private struct TemplateKey: Hashable {
        let now: Int64
        let systems: Int
        let seed: UInt64
    }

    /// Demo sites larger than this are not kept for reuse (their memory would outlive them).
    private static let maxCachedSystems = 5_000
    private static let templateLock = NSLock()
    nonisolated(unsafe) private static var templates: [TemplateKey: CIMRepository] = [:]
}
