// SimulatedSite: a ConfigMgr site's SMS Provider in-process — the schema, the method providers and hooks,
// and the clock that moves content distribution along.
import CIM
import Foundation

/// A simulated ConfigMgr site: its repository (namespace `root\sms\site_<code>`), providers and clock.
///
/// Content distribution is asynchronous in ConfigMgr; here it advances when ``tick()`` runs (an engine
/// calls it before each statement): a distribution requested at time T is INSTALLED (or INSTALL_FAILED
/// on an offline server) once the clock reaches T + ``distributionDelay``.
public final class SimulatedSite: @unchecked Sendable {
    public let repository: CIMRepository
    public let clock: SiteClock
    /// The primary site code, e.g. `S01`.
    public let siteCode: String
    public var namespace: String { repository.defaultNamespace }
    /// Seconds a simulated distribution, refresh or removal takes.
    public var distributionDelay: Int64 = 30
    private let lock = NSLock()
    private var offline: Set<String> = []
    private var user = SimulatedSite.defaultUserName
    /// DPs being deleted for real (their removal finished), which the delete hook must let through.
    private var finalRemovals: Set<ObjectPath> = []
    /// The earliest SummaryDate of a row still in motion (UTC µs); nil when it must be found by a scan.
    /// tick() returns at once while the clock is before it plus the delay, so idle statements cost nothing.
    private var earliestMoving: Int64? = nil

    /// Called when a summarizer row enters a moving state (by any provider or statement).
    func noteMoving(since date: Int64) {
        lock.withLock { if let e = earliestMoving { earliestMoving = min(e, date) } }
    }

    func removingForGood(_ path: ObjectPath, _ body: () throws -> Void) throws {
        lock.withLock { _ = finalRemovals.insert(path) }
        defer { lock.withLock { _ = finalRemovals.remove(path) } }
        try body()
    }

    func isRemovingForGood(_ path: ObjectPath) -> Bool { lock.withLock { finalRemovals.contains(path) } }

    /// An empty site: the schema, providers and hooks, no instances.
    public init(siteCode: String = "S01", clock: SiteClock = SiteClock(), repository: CIMRepository? = nil) throws {
        self.siteCode = siteCode
        self.clock = clock
        self.repository = repository ?? CIMRepository(defaultNamespace: "root\\sms\\site_\(siteCode)")
        for part in SiteSchema.parts + SiteSchema.simulationParts {
            _ = try MOFCompiler.compile(part.text, fileName: part.name, into: self.repository)
        }
        self.repository.createNamespace(SiteSchema.providerNamespace)
        // root\\sms, where scripts look up their site's provider (SMS_ProviderLocation).
        _ = try MOFCompiler.compile(SiteSchema.providerLocationClass, fileName: "ProviderLocation.mof",
                                    into: self.repository, namespace: SiteSchema.providerNamespace)
        try finishSetUp()
    }

    /// A site over a repository that already holds the SMS Provider schema and its instances (a site file
    /// loaded by `SiteStore`): nothing is compiled; the providers, hooks and clock are attached. The site code
    /// is read from the namespace, `root\sms\site_<code>`.
    public init(attachingTo repository: CIMRepository, clock: SiteClock = SiteClock()) throws {
        let namespace = repository.defaultNamespace
        guard let code = Self.siteCode(of: namespace),
              repository.cimClass(named: "SMS_PackageStatusDistPointsSummarizer") != nil else {
            throw CIMError(.invalidNamespace, "\(namespace) is not a ConfigMgr site namespace with the SMS Provider schema (root\\sms\\site_<code>).")
        }
        self.siteCode = code
        self.clock = clock
        self.repository = repository
        try finishSetUp()
    }

    /// The site code a site namespace names (`root\sms\site_S01` → S01), or nil for another namespace.
    static func siteCode(of namespace: String) -> String? {
        guard let range = namespace.range(of: "site_", options: [.caseInsensitive, .backwards]) else { return nil }
        return String(namespace[range.upperBound...]).uppercased()
    }

    private func finishSetUp() throws {
        // tick() runs before every statement and needs only the rows still in motion: index them by State. A
        // DP's content status (SMS_DPStatusInfo) is counted over its rows after every change: by ServerNALPath.
        try repository.createIndex(on: "State", of: "SMS_PackageStatusDistPointsSummarizer")
        try repository.createIndex(on: "ServerNALPath", of: "SMS_PackageStatusDistPointsSummarizer")
        protectSecondaryNamespaces()
        registerProviders()
    }

    /// Who the changes clients make are audited as (`CONTOSO\jdoe` in the SMS Provider's 30000-series
    /// status messages): the session's user, or a served request's.
    public var userName: String {
        get { lock.withLock { user } }
        set { lock.withLock { user = newValue } }
    }

    /// The user running this process, as `DOMAIN\user` (the host's short name stands in for a domain).
    public static let defaultUserName: String = {
        let environment = ProcessInfo.processInfo.environment
        let name = environment["USER"] ?? environment["LOGNAME"] ?? "administrator"
        let domain = environment["USERDOMAIN"]
            ?? ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
        return "\(domain.uppercased())\\\(name)"
    }()

    /// Servers whose distributions fail (INSTALL_FAILED), by name or FQDN.
    public var offlineServers: Set<String> {
        get { lock.withLock { offline } }
        set { lock.withLock { offline = Set(newValue.map { $0.lowercased() }) } }
    }

    func isOffline(_ server: String) -> Bool {
        offlineServers.contains { NALPath.sameServer($0, server) }
    }

    private func registerProviders() {
        DistributionProvider(site: self).register()
        GroupProvider(site: self).register()
        CollectionProvider(site: self).register()
        DriverContentProvider(site: self).register()
        repository.register(requestObserver: AuditTrail(site: self))
        NALMethodsProvider().register(in: repository)
        repository.register(hook: PackageHook(site: self), for: "SMS_PackageBaseclass")
        repository.register(hook: DistributionPointHook(site: self), for: "SMS_DistributionPoint")
        repository.register(hook: SummaryHook(site: self), for: "SMS_PackageStatusDistPointsSummarizer")
        repository.register(hook: ContentStatusHook(site: self), for: "SMS_PackageStatusDistPointsSummarizer")
        for className: CIMName in ["SMS_PackageBaseclass", "SMS_Resource", "SMS_SystemResourceList"] {
            repository.register(hook: DependentsHook(site: self), for: className)
        }
    }

    // MARK: - Collections

    /// Evaluates every collection's membership, dependencies first — what a site does after its resources
    /// were loaded in bulk (the demo fleet, a MOF file of systems).
    public func refreshCollections() throws {
        try repository.performInternally {
            try CollectionEvaluator(repository: repository, namespace: namespace, clock: clock).refreshAll()
        }
    }

    // MARK: - Time

    /// Moves every distribution, refresh and removal whose time has come to its next state.
    public func tick() {
        let now = clock.now
        let due = now.utcMicroseconds - distributionDelay * 1_000_000
        if let earliest = lock.withLock({ earliestMoving }), earliest > due { return }
        var remaining = Int64.max
        for row in movingRows() {
            guard let state = DistributionState(of: row), case .datetime(let since)? = row["SummaryDate"] else { continue }
            if since.utcMicroseconds > due {
                remaining = min(remaining, since.utcMicroseconds)
                continue
            }
            try? repository.performInternally { try advance(row, from: state, at: now) }
        }
        // Rows advanced just now may be moving again (a retry); they noted themselves through the hook.
        lock.withLock { earliestMoving = min(remaining, earliestMoving.map { $0 > due ? $0 : Int64.max } ?? Int64.max) }
    }

    /// Summarizer rows in a state that changes with time, through the State index.
    private func movingRows() -> [CIMInstance] {
        return DistributionState.allCases.filter(\.isMoving).flatMap { state in
            (try? repository.instances(of: "SMS_PackageStatusDistPointsSummarizer", where: "State",
                                       equals: .uint32(UInt32(state.rawValue)))) ?? []
        }
    }

    private func advance(_ row: CIMInstance, from state: DistributionState, at now: CIMDateTime) throws {
        var next = row
        switch state {
        case .installPending, .installRetrying, .contentUpdating:
            let server = (row["ServerNALPath"]?.stringValue).flatMap { try? NALPath(parsing: $0) }?.server ?? ""
            let failed = isOffline(server)
            try next.set("State", .uint32(UInt32((failed ? DistributionState.installFailed : .installed).rawValue)))
            if !failed { try next.set("LastCopied", .datetime(now)) }
        case .removalPending, .removalRetrying:
            try repository.deleteInstance(at: row.path)
            let dpPath = ObjectPath(className: "SMS_DistributionPoint", keys: row.path.keys)
            if (try? repository.instance(at: dpPath)) != nil {
                try removingForGood(dpPath) { try repository.deleteInstance(at: dpPath) }
            }
            return
        case .installed, .installFailed, .removalFailed, .contentMonitoring:
            return
        }
        try next.set("SummaryDate", .datetime(now))
        try repository.modifyInstance(next)
    }
}

/// SMS_PackageStatusDistPointsSummarizer.State, as the SDK numbers it.
public enum DistributionState: Int, Sendable, CaseIterable {
    case installed = 0, installPending, installRetrying, installFailed, removalPending, removalRetrying,
         removalFailed, contentUpdating, contentMonitoring

    /// States that change by themselves as the site clock passes (the rest wait for a request).
    public var isMoving: Bool {
        switch self {
        case .installPending, .installRetrying, .contentUpdating, .removalPending, .removalRetrying: true
        case .installed, .installFailed, .removalFailed, .contentMonitoring: false
        }
    }

    /// The state of a summarizer row (nil when State is null or not one of the SDK's).
    init?(of row: CIMInstance) {
        guard let raw = row["State"]?.integerValue, let state = Self(rawValue: Int(raw)) else { return nil }
        self = state
    }

    public var name: String {
        ["INSTALLED", "INSTALL_PENDING", "INSTALL_RETRYING", "INSTALL_FAILED", "REMOVAL_PENDING",
         "REMOVAL_RETRYING", "REMOVAL_FAILED", "CONTENT_UPDATING", "CONTENT_MONITORING"][rawValue]
    }
}

/// SMS_DistributionPoint.Status, as the SDK numbers it.
enum DistributionPointStatus: UInt32 { case none = 0, updated, added, deleted }

extension MethodResult {
    /// A ConfigMgr-style failure: ReturnValue is the WBEM status (as SInt32) and the message names the
    /// parameter, and the element index when there is one, like SMS_ExtendedStatus does.
    static func failure(_ status: CIMStatus, parameter: String? = nil, index: Int? = nil, _ message: String) -> MethodResult {
        var where_ = parameter ?? ""
        if let index { where_ += "[\(index)]" }
        let text = (where_.isEmpty ? "" : where_ + ": ") + message + " (\(status.name))"
        return MethodResult(returnValue: .sint32(Int32(bitPattern: status.rawValue)), message: text)
    }
}

// MARK: - Wiring into an interpreter

import Script

extension SimulatedSite {
    /// Connects an interpreter to this site: pending distributions move along before each statement,
    /// `now()`/`GetDate()` read the site clock, and `nal(server, site)` builds NAL paths with ``NALPath``.
    public func attach(to interpreter: Interpreter) {
        interpreter.beforeStatement = { [weak self] _ in self?.tick() }
        let clock = self.clock
        interpreter.clockOverride = { clock.now }
        interpreter.define(function: "nal") { args in
            guard args.count == 2, let server = args[0].stringValue, let site = args[1].stringValue else {
                throw CIMError(.invalidParameter, "nal(server, site) takes two strings, e.g. nal(\"dp1\", \"S01\")")
            }
            return .string(NALPath.server(server, site: site).description)
        }
    }
}

/// Tells the site when a summarizer row starts moving, so tick() knows when work is next due.
struct SummaryHook: InstanceHook {
    weak let site: SimulatedSite?

    func didChange(_ change: InstanceChange, in context: HookContext) throws {
        let row: CIMInstance
        switch change {
        case .create(let r), .modify(_, let r): row = r
        case .delete: return
        }
        guard let state = DistributionState(of: row),
              state.isMoving,
              case .datetime(let since)? = row["SummaryDate"] else { return }
        site?.noteMoving(since: since.utcMicroseconds)
    }
}
