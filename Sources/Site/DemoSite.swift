// DemoSite: the simulated site `make run` opens — Contoso's primary site S01 with a secondary S02.
import CIM

/// The demo ConfigMgr site: site S01 "Contoso HQ" and secondary S02, distribution points dp1–dp3 (S01) and
/// dp4 (S02) with dp3 offline, DP groups, packages of every class (PKG00001 among them, as in the SDK's
/// examples), drivers, collections and systems, and some content already distributed.
public enum DemoSite {
    /// The demo data's parts, compiled in order after the schema.
    static let dataParts: [(name: String, text: String)] = [
        ("demo-sites.mof", sites), ("demo-packages.mof", packages),
        ("demo-distribution.mof", distribution), ("demo-inventory.mof", inventory),
        ("demo-collections.mof", collections),
    ]

    /// Makes the demo site. Pass a fixed clock for reproducible timestamps.
    public static func make(clock: SiteClock = SiteClock()) throws -> SimulatedSite {
        let site = try SimulatedSite(siteCode: "S01", clock: clock)
        for part in dataParts {
            _ = try MOFCompiler.compile(part.text, fileName: part.name, into: site.repository)
        }
        site.offlineServers = ["dp3"]
        try site.refreshCollections()
        return site
    }
}
