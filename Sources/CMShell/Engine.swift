// Engine: the embedding API — a site (or a host's repository), scripts run against it, host classes,
// methods and functions, limits and a sandbox. The cmsh executable is a client of exactly this.
import CIM
import Foundation
import Script
import Site
import SiteStore

/// Runs cmsh scripts against a ConfigMgr site model.
///
/// ```swift
/// let engine = try Engine()                      // the demo site
/// engine.output = { print(Renderer().render($0)?.text ?? "", terminator: "") }
/// let result = engine.run(script: #"select Name from SMS_Package where Manufacturer = 'Dell'"#)
/// ```
///
/// An engine keeps a session, as the shell does: variables, script functions, the namespace and the error
/// mode carry over from one run to the next. Host code adds classes in MOF (``compileMOF(_:fileName:)``),
/// methods implemented in Swift (``register(method:of:_:)``), instance hooks (``register(hook:for:)``) and
/// functions (``define(function:_:)``), and bounds what scripts may do (``limits``, ``permissions``,
/// ``cancellation``).
///
/// An engine is used from one task at a time (it holds the session's variables and functions); values are
/// `Sendable`, and several engines can share one repository, which serialises access.
public final class Engine {
    /// Where an engine's objects live: the object model its scripts see.
    public enum SiteModel {
        /// The simulated demo site (S01 Contoso HQ, dp1–dp4, 23 packages) with a fleet of `systems` systems and
        /// their inventory, generated from `seed`. Write it ``demo`` or ``demo(systems:seed:)``.
        case demoSite(systems: Int, seed: UInt64)
        /// The SMS Provider schema with no instances.
        case empty(siteCode: String)
        /// A repository the host built (its own MOF schema, say); no ConfigMgr providers.
        case repository(CIMRepository)
        /// Any other object model: a remote provider (the Remote module's `CIMXMLClient`), or a backend of
        /// the host's. Statements run against it; ``Engine/repository`` is then a local one of its own, for
        /// the host's MOF and methods.
        case model(any ObjectModel)
        /// A site kept in an SQLite file: opened when `initialize` is nil, else created from that template
        /// (refused if the file exists). Every statement that succeeds is written to the file.
        case file(String, initialize: SiteTemplate? = nil, options: SiteFile.Options = SiteFile.Options())

        /// The demo site with its fleet of 300 systems (and the site's six servers).
        public static var demo: SiteModel { .demo(systems: FleetGenerator.defaultSystemCount) }

        /// The demo site with a fleet of this many systems, generated from `seed`: the same size, seed and clock
        /// give the same fleet, so tests can compute what a query should return.
        public static func demo(systems: Int, seed: UInt64 = FleetGenerator.defaultSeed) -> SiteModel {
            .demoSite(systems: systems, seed: seed)
        }
    }

    /// What a new site file starts as.
    public enum SiteTemplate: Sendable {
        /// A copy of the demo site with a fleet of `systems` systems generated from `seed`. Write it ``demo`` or
        /// ``demo(systems:seed:)``.
        case demoSite(systems: Int, seed: UInt64)
        /// The SMS Provider schema with no instances.
        case empty(siteCode: String)

        /// A copy of the demo site as it is in memory: a fleet of 300 systems and the site's six servers.
        public static var demo: SiteTemplate { .demo(systems: FleetGenerator.defaultSystemCount) }

        /// A copy of the demo site with a fleet of this many systems (100,000 make a site of about 4 million
        /// instances), generated from `seed`: the same size, seed and clock give the same fleet.
        public static func demo(systems: Int, seed: UInt64 = FleetGenerator.defaultSeed) -> SiteTemplate {
            .demoSite(systems: systems, seed: seed)
        }
    }

    /// The local repository: the simulated site's, or the one the host passed in ``SiteModel/repository(_:)``
    /// (with ``SiteModel/model(_:)``, an empty one of the engine's own). Host code may read and change it
    /// between runs.
    public let repository: CIMRepository
    /// What statements run against: ``repository``, or the model passed in ``SiteModel/model(_:)``.
    public let model: any ObjectModel
    /// The simulated site behind the repository (nil for a host's own repository).
    public let site: SimulatedSite?
    /// The file the site is kept in (``SiteModel/file(_:initialize:options:)``), or nil for a site in memory.
    public let siteFile: SiteFile?
    /// What scripts may touch outside the object model; nothing unless the host opens it.
    public var permissions: Permissions
    /// Limits applied to every run; a run reads them when it starts.
    public var limits: EngineLimits
    /// Receives results, prints, status lines and continued-past errors as they happen.
    ///
    /// It is called synchronously, on the thread running the script. The default drops everything; a
    /// ``Renderer`` turns each event into text.
    public var output: (OutputEvent) -> Void = { _ in }
    /// Stops the current run from any thread: `engine.cancellation.cancel()`.
    public let cancellation = Cancellation()
    let interpreter: Interpreter
    /// Called with the source text of each top-level statement before it runs (the shell's `--echo` and
    /// `--timer` use it).
    public var beforeStatement: ((String) -> Void)?
    /// Called with the source text of each top-level statement after it runs, whatever its outcome (the
    /// shell's `--timer` uses it).
    public var afterStatement: ((String) -> Void)?
    /// Runs a script's shell commands — a line of its own starting with `.`, such as `.format csv` — and
    /// says what happens next; nil (the default) makes such a line a WBEM_E_NOT_SUPPORTED error. A
    /// ``CMShellError`` it throws is the statement's error.
    public var hostCommand: ((_ name: String, _ argument: String) throws -> HostCommandOutcome)? {
        didSet {
            interpreter.hostCommand = hostCommand.map { handler in
                { name, argument in
                    do { return try handler(name, argument) } catch let e as CMShellError { throw CIMError(e.status, e.message) }
                }
            }
        }
    }
    private var outputBytes = 0
    private var continuedErrors = 0

    /// Makes an engine on the demo site, an empty site, or a repository of the host's.
    ///
    /// - Parameters:
    ///   - model: The object model scripts see; the demo site unless you say otherwise. Each engine on a
    ///     simulated site gets a site of its own.
    ///   - clock: The simulated site's clock: the system clock, or `SiteClock(fixedAt:)` for repeatable
    ///     timestamps and distributions. Not used with ``SiteModel/repository(_:)``.
    ///   - permissions: What scripts may do outside the object model; nothing unless the host opens it.
    ///   - limits: Limits applied to every run.
    /// - Throws: Only if the simulated site cannot be built.
    public init(site model: SiteModel = .demo, clock: SiteClock = SiteClock(), permissions: Permissions = [],
                limits: EngineLimits = EngineLimits()) throws {
        (site, repository, siteFile) = try Self.objectModel(model, clock: clock)
        if case .model(let other) = model { self.model = other } else { self.model = repository }
        self.permissions = permissions
        self.limits = limits
        interpreter = Interpreter(model: self.model)
        site?.attach(to: interpreter)
        let siteHook = interpreter.beforeStatement
        interpreter.beforeStatement = { [unowned self] statement in
            catchUpWithSiteFile()
            siteHook?(statement)
            beforeStatement?(interpreter.source.text(of: statement.range))
        }
        interpreter.afterStatement = { [unowned self] statement in
            afterStatement?(interpreter.source.text(of: statement.range))
        }
        interpreter.cancellation = cancellation
        interpreter.output = { [unowned self] event in deliver(event) }
    }

    /// The site, repository and site file a model names: made, created or opened.
    private static func objectModel(_ model: SiteModel, clock: SiteClock) throws -> (SimulatedSite?, CIMRepository, SiteFile?) {
        switch model {
        case .repository(let repository): return (nil, repository, nil)
        case .model(let other): return (nil, other as? CIMRepository ?? CIMRepository(defaultNamespace: other.defaultNamespace), nil)
        case .demoSite(let systems, let seed):
            let made = try makeSite(.demo(systems: systems, seed: seed), clock: clock)
            return (made, made.repository, nil)
        case .empty(let code):
            let made = try makeSite(.empty(siteCode: code), clock: clock)
            return (made, made.repository, nil)
        case .file(let path, let template?, let options):
            let made = try makeSite(template, clock: clock)
            let file = try SiteFile.create(path, from: made.repository, options: options)
            try file.setSetting("offline_servers", made.offlineServers.sorted().joined(separator: ","))
            return (made, made.repository, file)
        case .file(let path, nil, let options):
            let (file, repository) = try SiteFile.open(path, options: options)
            let attached = try SimulatedSite(attachingTo: repository, clock: clock)
            attached.offlineServers = Set(try file.setting("offline_servers")?.split(separator: ",").map(String.init) ?? [])
            return (attached, repository, file)
        }
    }

    static func makeSite(_ template: SiteTemplate, clock: SiteClock) throws -> SimulatedSite {
        switch template {
        case .demoSite(let systems, let seed): try DemoSite.make(clock: clock, systems: systems, seed: seed)
        case .empty(let code): try SimulatedSite(siteCode: code, clock: clock)
        }
    }

    /// Before each statement, takes in what other processes committed to the site file — unless a
    /// transaction is open, whose statements must see one consistent site (a conflict shows at commit).
    private func catchUpWithSiteFile() {
        guard siteFile != nil, repository.transactionDepth == 0 else { return }
        do { try repository.refreshFromStore() } catch {
            output(.status("warning: could not read what other processes changed in the site file: \(error.message)"))
        }
    }

    // MARK: - Session state

    /// The namespace statements run in (`root\sms\site_S01`).
    public var namespace: String {
        get { interpreter.namespace }
        set { interpreter.namespace = newValue }
    }

    /// Whether a runtime error stops the script (the default) or is reported and skipped; scripts change it
    /// with `set onerror stop | continue`.
    public var errorMode: ErrorMode {
        get { interpreter.errorMode }
        set { interpreter.errorMode = newValue }
    }

    /// Sets a script variable: `engine.set("$site", .string("S01"))`.
    public func set(_ name: String, _ value: Value) { interpreter.set(name, value) }
    /// Reads a script variable; nil when it is not set.
    public func get(_ name: String) -> Value? { interpreter.get(name) }
    /// Every variable of the session, by name.
    public var variables: [(name: String, value: Value)] { interpreter.variables }

    /// Makes a Swift function callable from scripts: `engine.define(function: "lookupOwner") { args in … }`.
    ///
    /// The closure receives the arguments as script values and returns the call's value. What it throws
    /// stops the calling statement like any runtime error; a `CIMError` keeps its status.
    public func define(function name: String, _ body: @escaping ([Value]) throws -> Value) {
        interpreter.define(function: name, body)
    }

    // MARK: - Schema and providers

    /// Compiles MOF (classes and instances) into the engine's repository, in the current ``namespace``; all
    /// or nothing.
    ///
    /// - Parameters:
    ///   - text: The MOF source.
    ///   - fileName: The name errors give for the source's location.
    /// - Returns: What the compile added.
    /// - Throws: ``CMShellError`` with the MOF status and the file, line and column of the first error;
    ///   nothing has been added.
    @discardableResult
    public func compileMOF(_ text: String, fileName: String = "<mof>") throws -> MOFCompileResult {
        do { return try MOFCompiler.compile(text, fileName: fileName, into: repository, namespace: namespace) } catch {
            throw CMShellError(error.status, error.message, location: SourceLocation(file: error.file, line: error.line, column: error.column))
        }
    }

    /// Implements `Class.Method` in Swift. The closure receives the converted [in] parameters and returns
    /// ReturnValue and [out] parameters; it runs atomically.
    ///
    /// The method must be declared in the class (see ``compileMOF(_:fileName:)``); the provider serves the
    /// class's subclasses too, unless one has its own. If the closure throws, every change it made is undone.
    /// A non-zero ReturnValue with a `message` is a ConfigMgr error: the shell shows the message, and under
    /// `set onerror stop` it stops the script.
    ///
    /// - Parameters:
    ///   - method: The method's name.
    ///   - className: The class that declares it, in the current ``namespace``.
    ///   - body: The implementation; `Sendable`, since engines sharing a repository may call it.
    public func register(method: String, of className: String,
                         _ body: @escaping @Sendable (MethodInvocation) throws -> MethodResult) {
        repository.register(method: CIMName(method), of: CIMName(className), in: namespace, body)
    }

    /// Registers a hook that validates or reacts to instance changes of a class and its subclasses.
    ///
    /// The hook runs for changes made by scripts, by the MOF compiler and by method providers.
    public func register(hook: any InstanceHook, for className: String) {
        repository.register(hook: hook, for: CIMName(className))
    }

    // MARK: - Running

    /// Parses a whole script (nothing runs if any statement is malformed) and runs it.
    ///
    /// - Parameters:
    ///   - script: The script's text.
    ///   - fileName: The name errors give for the script's location.
    /// - Returns: How the run ended; output went to ``output`` as it happened.
    @discardableResult
    public func run(script: String, fileName: String = "<script>") -> RunResult {
        switch prepare(script, fileName: fileName) {
        case .success(let prepared): return run(prepared)
        case .failure(let errors): return RunResult(outcome: .syntaxErrors(errors.diagnostics))
        }
    }

    /// Runs a script file, if the sandbox allows reading files (``Permissions/readFiles``); otherwise the
    /// run fails with WBEM_E_ACCESS_DENIED and reads nothing.
    public func run(file path: String) -> RunResult {
        guard permissions.contains(.readFiles) else {
            return RunResult(outcome: .failed(CMShellError(.accessDenied, "reading files is not allowed in this engine (the host has not granted .readFiles)")))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return RunResult(outcome: .failed(CMShellError(.notFound, "cannot read \(path)")))
        }
        return run(script: String(decoding: data, as: UTF8.self), fileName: path)
    }

    /// Loads MOF as data, the way a `.dump` is restored: classes and instances stored as written, with no
    /// provider or hook side effects (the status rows a hook would make are in the dump already). Classes
    /// the site already has identically are left as they are. All or nothing.
    ///
    /// - Throws: ``CMShellError`` with the MOF file's line and column.
    @discardableResult
    public func load(mof text: String, fileName: String = "<mof>") throws -> MOFCompileResult {
        do {
            return try repository.loadFromStore(writingBack: true) {
                try MOFCompiler.compile(text, fileName: fileName, into: repository)
            }
        } catch let d as MOFDiagnostic {
            throw CMShellError(d.status, d.message, location: SourceLocation(file: d.file, line: d.line, column: d.column))
        } catch let e as CIMError {
            throw CMShellError(e.status, e.message)
        }
    }

    /// Extends the simulated site's hardware inventory with the classes of a MOF file, as ConfigMgr's hardware
    /// inventory extension does: each WMI class becomes `SMS_G_System_<NAME>` with the inventory header, filled
    /// for every reporting client by the `Fill` rules in the file (see docs/site.md, Custom hardware inventory).
    ///
    /// - Returns: The inventory classes made.
    /// - Throws: ``CMShellError``: WBEM_E_NOT_SUPPORTED on a site that is not simulated (a remote one), the MOF
    ///   file's line and column for a bad class, WBEM_E_ALREADY_EXISTS for a class the site has.
    @discardableResult
    public func extendInventory(mof text: String, fileName: String = "<mof>") throws -> [String] {
        guard let site else {
            throw CMShellError(.notSupported, "only a simulated site's inventory can be extended here; a real site's is extended in its client settings")
        }
        do {
            return try InventoryExtension(site: site).extend(mof: text, fileName: fileName).map(\.string)
        } catch let d as MOFDiagnostic {
            throw CMShellError(d.status, d.message, location: SourceLocation(file: d.file, line: d.line, column: d.column))
        } catch let e as CIMError {
            throw CMShellError(e.status, e.message)
        }
    }

    /// Parses a script once so it can run many times (with different variables) without re-parsing.
    ///
    /// - Returns: The prepared script, or every syntax error in it.
    public func prepare(_ script: String, fileName: String = "<script>") -> Result<PreparedScript, SyntaxErrors> {
        do {
            let program = try Parser.parse(SourceFile(name: fileName, text: script), maxDepth: limits.maxSyntaxDepth)
            return .success(PreparedScript(program: program))
        } catch {
            return .failure(error)
        }
    }

    /// Runs a script parsed by ``prepare(_:fileName:)``, with the session's current variables.
    @discardableResult
    public func run(_ prepared: PreparedScript) -> RunResult {
        // Every name is resolved before anything runs (see Resolver): a misspelt property on line 9 stops
        // the script before line 1 prints.
        let unresolved = interpreter.resolve(prepared.program, remembering: prepared.resolution)
        if !unresolved.isEmpty { return RunResult(outcome: .syntaxErrors(unresolved)) }
        interpreter.limits = limits.scriptLimits
        interpreter.deadline = limits.timeLimit.map { ContinuousClock.now + $0 }
        outputBytes = 0
        continuedErrors = 0
        let outcome: RunResult.Outcome
        switch interpreter.run(prepared.program) {
        case .completed: outcome = .completed
        case .exited(let code): outcome = .exited(code)
        case .failed(let d): outcome = .failed(CMShellError(d))
        }
        return RunResult(outcome: outcome, continuedErrors: continuedErrors)
    }

    /// Evaluates one expression or statement and returns its value: `try engine.evaluate("1 + 2")`.
    ///
    /// The value is not sent to ``output`` (prints and status lines still are); a statement with no value
    /// returns null.
    ///
    /// - Throws: ``CMShellError`` for a syntax or runtime error.
    public func evaluate(_ text: String) throws -> Value {
        var last: Value = .null
        let previous = output
        output = { event in if case .value(let v) = event { last = v } else { previous(event) } }
        defer { output = previous }
        let result = run(script: text, fileName: "<evaluate>")
        switch result.outcome {
        case .completed, .exited: return last
        case .failed(let e): throw e
        case .syntaxErrors(let d): throw CMShellError(d[0])
        }
    }

    private func deliver(_ event: OutputEvent) {
        if case .error = event { continuedErrors += 1 }
        if let max = limits.maxOutputBytes {
            let size = Self.approximateSize(event)
            outputBytes += size
            if outputBytes > max {
                cancellation.cancel()  // stops the run at its next step with WBEM_E_CALL_CANCELLED
                if outputBytes - size <= max {
                    output(.status("output limit of \(max) bytes reached; the run is stopped"))
                }
                return
            }
        }
        output(event)
    }

    static func approximateSize(_ event: OutputEvent) -> Int {
        switch event {
        case .value(.rows(let rs)): return rs.rows.count * max(1, rs.columns.count) * 16
        case .value(let v): return v.displayText.utf8.count
        case .print(let vs): return vs.reduce(0) { $0 + $1.displayText.utf8.count + 1 }
        case .status(let s): return s.utf8.count
        case .error(let d): return d.message.utf8.count
        }
    }
}

/// A parsed script, ready to run any number of times.
public struct PreparedScript: Sendable {
    let program: Program
    /// Whether the program has resolved cleanly, and under which schema: a script run many times is checked once.
    let resolution = ResolutionMemo()
    /// The number of top-level statements in the script.
    public var statementCount: Int { program.statements.count }
    /// Whether the script ends with an `if` block that has no `else`, so an `else` on the next line would
    /// still join it: a prompt waits for one more line (an empty line runs what was typed).
    public var awaitsElse: Bool {
        guard let last = program.statements.last, case .if(_, nil) = last.kind else { return false }
        return program.source.text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("}")
    }
}

/// How a run ended; ``exitCode`` is what a shell returns for it.
public struct RunResult: Sendable {
    /// The ways a run ends.
    public enum Outcome: Sendable {
        /// Every statement ran; under `set onerror continue` some may have failed and been gone past
        /// (``RunResult/continuedErrors`` counts them).
        case completed
        /// The script ran `exit n`; the value is n.
        case exited(Int32)
        /// A runtime error stopped the run: a failed statement, a non-zero ReturnValue under
        /// `set onerror stop`, a limit, or cancellation.
        case failed(CMShellError)
        /// The script did not parse, so nothing ran: every syntax error, in source order.
        case syntaxErrors([Diagnostic])
    }
    /// How the run ended.
    public var outcome: Outcome
    /// Runtime errors reported and gone past under `set onerror continue`.
    public var continuedErrors = 0

    /// Makes a result, for a host that reports runs of its own in the engine's terms.
    public init(outcome: Outcome, continuedErrors: Int = 0) {
        self.outcome = outcome
        self.continuedErrors = continuedErrors
    }

    /// 0 success, 1 a runtime error stopped the script or was gone past, 2 a syntax error; `exit n` gives n.
    public var exitCode: Int32 {
        switch outcome {
        case .completed: continuedErrors > 0 ? 1 : 0
        case .exited(let code): code
        case .failed: 1
        case .syntaxErrors: 2
        }
    }
}

/// What a script may do beyond the object model. An embedded engine starts with none.
public struct Permissions: OptionSet, Sendable, Hashable {
    /// The permissions as bits.
    public let rawValue: Int
    /// Makes a set of permissions from its bits; the static members name them.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// `.read FILE` and `Engine.run(file:)`.
    public static let readFiles = Permissions(rawValue: 1 << 0)
    /// Writing files (history, exports): for a front end acting on the user's behalf.
    public static let writeFiles = Permissions(rawValue: 1 << 1)
    /// Reading environment variables: for a front end acting on the user's behalf.
    public static let environment = Permissions(rawValue: 1 << 2)
    /// Everything the cmsh command needs: it runs the user's own scripts on the user's own machine.
    public static let shell: Permissions = [.readFiles, .writeFiles, .environment]
}

/// Limits a host sets for each run; exceeding one stops the run with a clear error and leaves the engine usable.
public struct EngineLimits: Sendable, Hashable {
    /// Steps in one run — statements executed and rows a query visits (scanned, joined, filtered, sorted
    /// or projected, also inside a collection's query rules) — nil (the default) for no limit. Passing it
    /// stops the run with WBEM_E_QUOTA_VIOLATION.
    public var maxSteps: Int? = nil
    /// Depth of script function calls (200); passing it stops the run with WBEM_E_QUOTA_VIOLATION.
    public var maxCallDepth = 200
    /// Iterations of any one loop; nil (the default) for no limit. Passing it stops the run with
    /// WBEM_E_QUOTA_VIOLATION.
    public var maxLoopIterations: Int? = nil
    /// Bytes of output (approximate) one run may produce; nil (the default) for no limit. Output past it is
    /// dropped, a status line says so, and the run is cancelled (WBEM_E_CALL_CANCELLED).
    public var maxOutputBytes: Int? = nil
    /// Wall-clock time one run may take; nil (the default) for no limit. Passing it stops the run with
    /// WBEM_E_TIMED_OUT.
    public var timeLimit: Duration? = nil
    /// Nesting of expressions and blocks in the source (200); deeper source is a syntax error, and nothing
    /// runs.
    public var maxSyntaxDepth = 200
    /// Elements in one list, or bytes in one string, that a script may build (50 million); building a
    /// bigger one stops the run with WBEM_E_QUOTA_VIOLATION.
    public var maxCollectionSize = 50_000_000
    /// The resident memory of the process a run may grow to — result sets, sorts and joins count, and so
    /// does the site itself; nil (the default) for no limit. Passing it stops the run with
    /// WBEM_E_OUT_OF_MEMORY (checked every 16,384 steps). `cmsh` sets half the machine's memory.
    public var maxMemoryBytes: Int? = nil

    /// The default limits: call depth and source nesting of 200, 50 million elements or bytes in one list or
    /// string, nothing else limited.
    public init() {}

    var scriptLimits: Limits {
        var l = Limits()
        l.maxSteps = maxSteps
        l.maxCallDepth = maxCallDepth
        l.maxLoopIterations = maxLoopIterations
        l.maxSyntaxDepth = maxSyntaxDepth
        l.maxCollectionSize = maxCollectionSize
        l.maxMemoryBytes = maxMemoryBytes
        return l
    }
}

/// An error from the engine: the WMI status, a sentence, and where in the script it happened.
public struct CMShellError: Error, Sendable, CustomStringConvertible {
    /// The WMI status: `.notFound` (WBEM_E_NOT_FOUND), `.quotaViolation` for a limit, `.callCancelled`…
    public var status: CIMStatus
    /// A plain sentence for the user, naming the object involved.
    public var message: String
    /// Where in the script or MOF source the error happened; nil when it has no place in a source, such as
    /// a script file that cannot be read.
    public var location: SourceLocation?
    /// The located diagnostic (source line and caret), when the error came from a script.
    public var diagnostic: Diagnostic?

    /// Makes an error, for host code that reports its own failures in the engine's terms.
    public init(_ status: CIMStatus, _ message: String, location: SourceLocation? = nil) {
        self.status = status
        self.message = message
        self.location = location
    }

    init(_ d: Diagnostic) {
        status = d.status
        // The diagnostic's message starts with the status name for display; keep the plain sentence here.
        let prefix = d.status.name + ": "
        message = d.message.hasPrefix(prefix) ? String(d.message.dropFirst(prefix.count)) : d.message
        location = d.location
        diagnostic = d
    }

    /// What the shell prints: `file:line:col: error: STATUS: message`, followed by the source line and a
    /// caret when the error came from a script.
    public var description: String {
        if let diagnostic { return diagnostic.description }
        let text = message.hasPrefix(status.name) ? message : "\(status.name): \(message)"
        return location.map { "\($0): error: \(text)" } ?? "error: \(text)"
    }
}
