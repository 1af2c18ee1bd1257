// Engine: the embedding API — a site (or a host's repository), scripts run against it, host classes,
// methods and functions, limits and a sandbox. The cmsh executable is a client of exactly this.
import CIM
import Foundation
import Script
import Site

/// Runs cmsh scripts against a ConfigMgr site model.
///
/// ```swift
/// let engine = try Engine()                      // the demo site
/// engine.output = { print(Renderer().render($0)?.text ?? "", terminator: "") }
/// let result = engine.run(script: #"select Name from SMS_Package where Manufacturer = 'Dell'"#)
/// ```
///
/// An engine is used from one task at a time (it holds the session's variables and functions); values are
/// `Sendable`, and several engines can share one repository, which serialises access.
public final class Engine {
    /// Where an engine's objects live.
    public enum SiteModel {
        /// The simulated demo site (S01 Contoso HQ, dp1–dp4, 23 packages).
        case demo
        /// The SMS Provider schema with no instances.
        case empty(siteCode: String)
        /// A repository the host built (its own MOF schema, say); no ConfigMgr providers.
        case repository(CIMRepository)
    }

    public let repository: CIMRepository
    /// The simulated site behind the repository (nil for a host's own repository).
    public let site: SimulatedSite?
    /// What scripts may touch outside the object model; nothing unless the host opens it.
    public var permissions: Permissions
    /// Limits applied to every run.
    public var limits: EngineLimits
    /// Receives results, prints, status lines and continued-past errors as they happen.
    public var output: (OutputEvent) -> Void = { _ in }
    /// Stops the current run from any thread: `engine.cancellation.cancel()`.
    public let cancellation = Cancellation()
    let interpreter: Interpreter
    /// Hooks the shell uses for --echo and --timer.
    public var beforeStatement: ((String) -> Void)?
    public var afterStatement: ((String) -> Void)?
    private var outputBytes = 0
    private var continuedErrors = 0

    /// Makes an engine on the demo site, an empty site, or a repository of the host's.
    public init(site model: SiteModel = .demo, clock: SiteClock = SiteClock(), permissions: Permissions = [],
                limits: EngineLimits = EngineLimits()) throws {
        switch model {
        case .demo: site = try DemoSite.make(clock: clock)
        case .empty(let code): site = try SimulatedSite(siteCode: code, clock: clock)
        case .repository: site = nil
        }
        if case .repository(let repo) = model { repository = repo } else { repository = site!.repository }
        self.permissions = permissions
        self.limits = limits
        interpreter = Interpreter(repository: repository)
        site?.attach(to: interpreter)
        let siteHook = interpreter.beforeStatement
        interpreter.beforeStatement = { [unowned self] statement in
            siteHook?(statement)
            beforeStatement?(interpreter.source.text(of: statement.range))
        }
        interpreter.afterStatement = { [unowned self] statement in
            afterStatement?(interpreter.source.text(of: statement.range))
        }
        interpreter.cancellation = cancellation
        interpreter.output = { [unowned self] event in deliver(event) }
    }

    // MARK: - Session state

    /// The namespace statements run in (`root\sms\site_S01`).
    public var namespace: String {
        get { interpreter.namespace }
        set { interpreter.namespace = newValue }
    }

    /// Whether a runtime error stops the script (the default) or is reported and skipped.
    public var errorMode: ErrorMode {
        get { interpreter.errorMode }
        set { interpreter.errorMode = newValue }
    }

    /// Sets a script variable: `engine.set("$site", .string("S01"))`.
    public func set(_ name: String, _ value: Value) { interpreter.set(name, value) }
    /// Reads a script variable.
    public func get(_ name: String) -> Value? { interpreter.get(name) }
    /// Every variable of the session, by name.
    public var variables: [(name: String, value: Value)] { interpreter.variables }

    /// Makes a Swift function callable from scripts: `engine.define(function: "lookupOwner") { args in … }`.
    public func define(function name: String, _ body: @escaping ([Value]) throws -> Value) {
        interpreter.define(function: name, body)
    }

    // MARK: - Schema and providers

    /// Compiles MOF (classes and instances) into the engine's repository; all or nothing.
    @discardableResult
    public func compileMOF(_ text: String, fileName: String = "<mof>") throws -> MOFCompileResult {
        do { return try MOFCompiler.compile(text, fileName: fileName, into: repository, namespace: namespace) } catch {
            throw CMShellError(error.status, error.message, location: SourceLocation(file: error.file, line: error.line, column: error.column))
        }
    }

    /// Implements `Class.Method` in Swift. The closure receives the converted [in] parameters and returns
    /// ReturnValue and [out] parameters; it runs atomically.
    public func register(method: String, of className: String,
                         _ body: @escaping @Sendable (MethodInvocation) throws -> MethodResult) {
        repository.register(method: CIMName(method), of: CIMName(className), in: namespace, body)
    }

    /// Registers a hook that validates or reacts to instance changes of a class and its subclasses.
    public func register(hook: any InstanceHook, for className: String) {
        repository.register(hook: hook, for: CIMName(className))
    }

    // MARK: - Running

    /// Parses a whole script (nothing runs if any statement is malformed) and runs it.
    @discardableResult
    public func run(script: String, fileName: String = "<script>") -> RunResult {
        switch prepare(script, fileName: fileName) {
        case .success(let prepared): return run(prepared)
        case .failure(let errors): return RunResult(outcome: .syntaxErrors(errors.diagnostics))
        }
    }

    /// Runs a script file, if the sandbox allows reading files.
    public func run(file path: String) -> RunResult {
        guard permissions.contains(.readFiles) else {
            return RunResult(outcome: .failed(CMShellError(.accessDenied, "reading files is not allowed in this engine (the host has not granted .readFiles)")))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return RunResult(outcome: .failed(CMShellError(.notFound, "cannot read \(path)")))
        }
        return run(script: String(decoding: data, as: UTF8.self), fileName: path)
    }

    /// Parses a script once so it can run many times (with different variables) without re-parsing.
    public func prepare(_ script: String, fileName: String = "<script>") -> Result<PreparedScript, SyntaxErrors> {
        do {
            let program = try Parser.parse(SourceFile(name: fileName, text: script), maxDepth: limits.maxSyntaxDepth)
            return .success(PreparedScript(program: program))
        } catch {
            return .failure(error)
        }
    }

    /// Runs a prepared script.
    @discardableResult
    public func run(_ prepared: PreparedScript) -> RunResult {
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
            outputBytes += Self.approximateSize(event)
            if outputBytes > max {
                cancellation.cancel()  // stops the run at its next step with WBEM_E_CALL_CANCELLED
                if outputBytes - Self.approximateSize(event) <= max {
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
    /// The script's statements, for tools that want to inspect them.
    public var statementCount: Int { program.statements.count }
}

/// How a run ended; ``exitCode`` is what a shell returns for it.
public struct RunResult: Sendable {
    public enum Outcome: Sendable {
        case completed
        case exited(Int32)
        case failed(CMShellError)
        case syntaxErrors([Diagnostic])
    }
    public var outcome: Outcome
    /// Runtime errors reported and gone past under `set onerror continue`.
    public var continuedErrors = 0

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
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// `.read FILE` and `Engine.run(file:)`.
    public static let readFiles = Permissions(rawValue: 1 << 0)
    /// Writing files (history, exports).
    public static let writeFiles = Permissions(rawValue: 1 << 1)
    /// Reading environment variables.
    public static let environment = Permissions(rawValue: 1 << 2)
    /// Everything the cmsh command needs.
    public static let shell: Permissions = [.readFiles, .writeFiles, .environment]
}

/// Limits a host sets for each run; exceeding one stops the run with a clear error and leaves the engine usable.
public struct EngineLimits: Sendable, Hashable {
    /// Statements executed in one run.
    public var maxSteps: Int? = nil
    /// Depth of script function calls.
    public var maxCallDepth = 200
    /// Iterations of any one loop.
    public var maxLoopIterations: Int? = nil
    /// Bytes of output (approximate) one run may produce.
    public var maxOutputBytes: Int? = nil
    /// Wall-clock time one run may take.
    public var timeLimit: Duration? = nil
    /// Nesting of expressions and blocks in the source.
    public var maxSyntaxDepth = 200

    public init() {}

    var scriptLimits: Limits {
        var l = Limits()
        l.maxSteps = maxSteps
        l.maxCallDepth = maxCallDepth
        l.maxLoopIterations = maxLoopIterations
        l.maxSyntaxDepth = maxSyntaxDepth
        return l
    }
}

/// An error from the engine: the WMI status, a sentence, and where in the script it happened.
public struct CMShellError: Error, Sendable, CustomStringConvertible {
    public var status: CIMStatus
    public var message: String
    public var location: SourceLocation?
    /// The located diagnostic (source line and caret), when the error came from a script.
    public var diagnostic: Diagnostic?

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

    public var description: String {
        if let diagnostic { return diagnostic.description }
        let text = message.hasPrefix(status.name) ? message : "\(status.name): \(message)"
        return location.map { "\($0): error: \(text)" } ?? "error: \(text)"
    }
}
