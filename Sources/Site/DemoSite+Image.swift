// DemoSite+Image: the demo's declared part — the SMS Provider schema, the demo's MOF data and the rows the site
// derives from them — made once. A process keeps it in memory; with a cache folder (cmsh sets one) it is also kept
// on disk as a repository image named after the running program's build, so a start reads a few hundred KB
// instead of compiling a megabyte of MOF (most of a cold start's instructions).
import CIM
import Foundation

extension DemoSite {
    /// The instant the demo's declared data is as of (2026-11-26 09:00 UTC). What the site derives from the
    /// declared distribution rows — the content-status summaries and the status messages those rows raised — carry
    /// this time rather than the session's start, so the declared part is the same whatever the clock, and is
    /// made once. (The fleet, the site's history and this morning's audit still follow the session's clock.)
    public static let declaredAsOf = CIMDateTime(utcMicroseconds: 1_795_683_600_000_000)

    /// A folder where the declared demo is kept as an image between processes, named after the running program's
    /// build (a rebuilt program makes and keeps its own). nil — the default for embedders — keeps it in memory
    /// only; cmsh sets `$XDG_CACHE_HOME/cmsh` (or `~/.cache/cmsh`). A damaged or unreadable image is made again.
    public static var imageCacheDirectory: String? {
        get { declaredLock.withLock { cacheDirectory } }
        set { declaredLock.withLock { cacheDirectory = newValue } }
    }

    /// The folder cmsh keeps its caches in: `$XDG_CACHE_HOME/cmsh`, else `~/.cache/cmsh`; nil without a home.
    public static var defaultCacheDirectory: String? {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/cmsh" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/cmsh"
    }

    /// A repository of the declared demo for the caller to own (copied on write from the one kept).
    static func declaredRepository() throws -> CIMRepository {
        try declaredLock.withLock {
            if let declared { return CIMRepository(copying: declared) }
            let file = imageFile
            let made = try file.flatMap(loadImage) ?? makeDeclared(keepingIn: file)
            declared = made
            return CIMRepository(copying: made)
        }
    }

    /// The schema and the demo's MOF data compiled, as of ``declaredAsOf``, with the rows derived from them. The
    /// site made for it goes away: what is kept is the repository, which the session's site attaches to.
    static func makeDeclared(keepingIn file: String? = nil) throws -> CIMRepository {
        let site = try SimulatedSite(siteCode: "S01", clock: SiteClock(fixedAt: declaredAsOf))
        // The demo's data is the site's own, not changes a user made: nothing is audited.
        try site.repository.performInternally {
            for part in dataParts {
                _ = try MOFCompiler.compile(part.text, fileName: part.name, into: site.repository)
            }
            // The site's SMS Provider runs on its site server.
            _ = try MOFCompiler.compile(SiteSchema.providerLocation(siteCode: "S01", machine: "cm01.contoso.com"), fileName: "DemoProvider.mof",
                                        into: site.repository, namespace: SiteSchema.providerNamespace)
        }
        try site.deriveDeclaredRows()
        // Kept without the made site's providers and hooks (which would outlive it).
        let declared = CIMRepository(copying: site.repository)
        if let file { keepImage(of: declared, in: file) }
        return declared
    }

    // MARK: - The image on disk

    /// demo-<build ID>-<format>.image in the cache folder; nil without a folder or a build ID.
    private static var imageFile: String? {
        guard let folder = cacheDirectory, let build = BuildIdentity.current else { return nil }
        return "\(folder)/demo-\(build)-v\(RepositoryImage.formatVersion).image"
    }

    private static func loadImage(_ file: String) -> CIMRepository? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try? CIMRepository(image: [UInt8](data))
    }

    /// Writes the image beside its final name and renames it into place, so a reader never sees half of one.
    /// Other builds' images stay while they are in use (a debug and a release cmsh take turns) and go once a week
    /// old, as do temporary files a killed process left. Failing to write only means the next process compiles again.
    private static func keepImage(of repository: CIMRepository, in file: String) {
        let folder = (file as NSString).deletingLastPathComponent
        let files = FileManager.default
        guard let bytes = try? repository.image(),
              (try? files.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil
        else { return }
        let temporary = "\(file).\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard files.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { return }
        guard rename(temporary, file) == 0 else { _ = try? files.removeItem(atPath: temporary); return }
        let name = (file as NSString).lastPathComponent
        let weekAgo = Date(timeIntervalSinceNow: -7 * 86_400), hourAgo = Date(timeIntervalSinceNow: -3_600)
        for other in (try? files.contentsOfDirectory(atPath: folder)) ?? [] where other.hasPrefix("demo-") && other != name {
            let path = folder + "/" + other
            guard let modified = (try? files.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { continue }
            if (other.hasSuffix(".image") && modified < weekAgo) || (other.hasSuffix(".tmp") && modified < hourAgo) {
                _ = try? files.removeItem(atPath: path)
            }
        }
    }

    private static let declaredLock = NSLock()
    nonisolated(unsafe) private static var declared: CIMRepository? = nil
    nonisolated(unsafe) private static var cacheDirectory: String? = nil
}
