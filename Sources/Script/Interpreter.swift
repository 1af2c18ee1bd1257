// Interpreter: runs a parsed Program against a CIM repository — statements, variables, functions, output.
import CIM

/// What a running script produces, in order, for the front end to render.
public enum OutputEvent: Sendable {
    /// The value of an expression statement (a query's rows, a method's result, a new object's path…).
    case value(Value)
    /// `print a, b`
    case print([Value])
    /// A status line such as "2 instances updated."
    case status(String)
    /// A runtime error the script went on after (`set onerror continue`).
    case error(Diagnostic)
}

/// What `set onerror` chooses.
public enum ErrorMode: String, Sendable { case stop, `continue` }

/// Runs cmsh programs. One interpreter holds one session's variables, functions and options; it is not
/// thread-safe (use one per task), but many can share one site.
public final class Interpreter {
    /// The site statements run against: the local repository or a remote provider.
    public let model: any ObjectModel
    public var namespace: String
    @exclusivity(unchecked) public var limits: Limits
    public var errorMode: ErrorMode = .stop
    /// Receives results, prints and status lines as they happen.
    @exclusivity(unchecked) public var output: (OutputEvent) -> Void
    /// Runs before each top-level statement: a simulated site moves its distributions along here, a shell
    /// echoes the statement or starts its timer.
    public var beforeStatement: ((Statement) -> Void)?
    /// Runs after each top-level statement (whatever its outcome).
    public var afterStatement: ((Statement) -> Void)?
    /// Checked while statements run; set it from another thread to stop the run with WBEM_E_CALL_CANCELLED.
    @exclusivity(unchecked) public var cancellation: Cancellation?
    /// Runs a script's shell commands (`.format csv`); without one they fail with WBEM_E_NOT_SUPPORTED.
    public var hostCommand: ((_ name: String, _ argument: String) throws -> HostCommandOutcome)?
    /// When set, a run that passes this instant stops with WBEM_E_TIMED_OUT.
    public var deadline: ContinuousClock.Instant?

    // The state compiled code touches on every statement is exempt from run-time exclusivity checks, which
    // otherwise cost more than the statement itself. The interpreter is single-threaded and never holds an
    // access to these across a call that could reach them again.
    @exclusivity(unchecked) var globals = GlobalVariables()
    @exclusivity(unchecked) var frames: [[String: Value]] = []
    var functions: [String: FunctionDeclaration] = [:]
    var hostFunctions: [String: HostFunction] = [:]
    /// Counts definitions of script and host functions: a compiled plan may have chosen a builtin a new
    /// function now shadows.
    var functionsChanged = 0
    /// Plans of the queries run, by ``Query/planID`` (see QueryPlanCache).
    var queryPlans = QueryPlanCache()
    /// Statements run and rows visited in this run, for `maxSteps`; interrupts and memory are polled on it.
    @exclusivity(unchecked) var steps = 0
    /// The run a nested interpreter works for (see ``inheritLimitsOfCurrentRun()``).
    var parentRun: Interpreter?
    /// The source of the program being run (for hosts that echo or time statements).
    public internal(set) var source: SourceFile!
    /// The query rows in scope while WHERE/ON/ORDER BY/select items are evaluated (innermost last).
    @exclusivity(unchecked) var rowScopes: [RowScope] = []
    var callDepth = 0
    /// The sets of the `IN (select …)` subqueries met while a query runs, one frame per running query (and an
    /// empty one per function call, whose body may reuse source ranges of another script): an uncorrelated
    /// subquery is run once per query, not once per row it filters.
    var subquerySets: [[SourceRange: Set<FoldedValue>]] = []
    /// The rows a backend narrowed for the running query's classes, by binding (see `classPushdown`).
    var narrowedRows: [String: [CIMInstance]] = [:]
    /// The running thread's stack, measured when a run starts (see StackGuard).
    var stackGuard = StackGuard()
    /// `GetDate()` of the statement running (see ``clock()``).
    @exclusivity(unchecked) var statementNow: CIMDateTime?
    /// The clock `now()`/`GetDate()` read; nil for the system clock. A simulated site fixes it.
    public var clockOverride: (@Sendable () -> CIMDateTime)?

    /// A Swift function callable from scripts: receives evaluated arguments, returns a value.
    public typealias HostFunction = ([Value]) throws -> Value

    public init(model: any ObjectModel, namespace: String? = nil, limits: Limits = Limits(),
                output: @escaping (OutputEvent) -> Void = { _ in }) {
        self.model = model
        self.namespace = namespace ?? model.defaultNamespace
        self.limits = limits
        self.output = output
    }

    /// An interpreter on a local repository.
    public convenience init(repository: CIMRepository, namespace: String? = nil, limits: Limits = Limits(),
                            output: @escaping (OutputEvent) -> Void = { _ in }) {
        self.init(model: repository, namespace: namespace, limits: limits, output: output)
    }

    /// Makes a Swift function callable from scripts by name (case-insensitive).
    public func define(function name: String, _ body: @escaping HostFunction) {
        hostFunctions[name.lowercased()] = body
        functionsChanged &+= 1
    }

    /// Sets a global variable (`$name`).
    public func set(_ name: String, _ value: Value) {
        globals[Self.variableKey(name)] = value
    }

    /// Names of the functions the host defined (lower-cased), for static checks and completion.
    public var hostFunctionNames: Set<String> { Set(hostFunctions.keys) }

    /// Reads a global variable.
    public func get(_ name: String) -> Value? { globals[Self.variableKey(name)] }

    public var variables: [(name: String, value: Value)] { globals.all }

    static func variableKey(_ name: String) -> String {
        (name.hasPrefix("$") ? String(name.dropFirst()) : name).lowercased()
    }

    // MARK: - Running

    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        case completed
        /// `exit n`
        case exited(Int32)
        /// A runtime error stopped the script (under `onerror stop`).
        case failed(Diagnostic)
    }

    /// Runs every statement of a program. Runtime errors stop the run (`onerror stop`) or are reported
    /// and skipped (`onerror continue`).
    @discardableResult
    public func run(_ program: Program) -> Outcome {
        source = program.source
        steps = 0
        stackGuard = StackGuard()
        cancellation?.reset()
        return RunContext.$current.withValue(RunContext(self)) { runStatements(program) }
    }

    private func runStatements(_ program: Program) -> Outcome {
        for statement in program.statements {
            beforeStatement?(statement)
            defer { afterStatement?(statement) }
            do {
                let flow = try executeTopLevel(statement)
                if case .exit(let code) = flow { return .exited(code) }
            } catch let exit as ExitRequest {
                return .exited(exit.code)
            } catch let error as CIMError {
                // A store that could not write the statement (busy, conflict, disk full): it was undone.
                let d = diagnostic(ScriptError(error.status, error.message, at: statement.range))
                if errorMode == .stop { return .failed(d) }
                output(.error(d))
            } catch let error as ScriptError {
                let d = diagnostic(error)
                if errorMode == .stop { return .failed(d) }
                output(.error(d))
            } catch {
                let d = diagnostic(ScriptError(.failed, "\(error)", at: statement.range))
                if errorMode == .stop { return .failed(d) }
                output(.error(d))
            }
        }
        return .completed
    }

    /// A top-level statement is atomic: if it fails, whatever it changed is undone (and with a site file,
    /// it is written there in one transaction when it succeeds). `exit` is not a failure: what ran before it
    /// stays.
    func executeTopLevel(_ statement: Statement) throws -> Flow {
        if case .transaction(let control) = statement.kind {
            try step(statement.range)
            do {
                switch control {
                case .begin: model.beginTransaction()
                case .commit: try model.commitTransaction()
                case .rollback: try model.rollbackTransaction()
                }
            } catch let error as CIMError {
                throw ScriptError(error.status, error.message, at: statement.range)
            }
            return .normal
        }
        return try model.performAtomically { () throws -> Flow in
            do { return try execute(statement) } catch let exit as ExitRequest { return .exit(exit.code) }
        }
    }

    func diagnostic(_ e: ScriptError) -> Diagnostic {
        Diagnostic(kind: .runtime, message: "\(e.status.name): \(e.message)", range: e.range, in: source, status: e.status)
    }

    // MARK: - Statements

    enum Flow {
        case normal, `break`, `continue`
        case `return`(Value)
        case exit(Int32)
    }

    func step(_ range: SourceRange) throws(ScriptError) {
        steps += 1
        if let max = limits.maxSteps, steps > max { throw tooManySteps(max, range) }
        // Cancellation and the deadline are polled every 64 steps: cheap, and a loop still stops at once.
        if steps & 63 == 0 || steps == 1 { try checkInterrupts(range) }
    }

    /// A row a query visits (scanned, joined, filtered, sorted or projected) is a step too, so the step
    /// limit, Ctrl-C, the time limit and the memory limit hold inside a query as between statements. Rows
    /// are cheaper than statements, so interrupts are polled every 1024 and memory every 16384.
    @inline(__always)
    func visitRow(_ range: SourceRange) throws(ScriptError) {
        steps &+= 1
        if let max = limits.maxSteps, steps > max { throw tooManySteps(max, range) }
        if steps & 1023 == 0 { try checkInterrupts(range) }
    }

    private func tooManySteps(_ max: Int, _ range: SourceRange) -> ScriptError {
        ScriptError(.quotaViolation, "too many steps: statements run and rows visited (limit is \(max))", at: range)
    }

    func checkInterrupts(_ range: SourceRange) throws(ScriptError) {
        if let cancellation, cancellation.isCancelled {
            throw ScriptError(.callCancelled, "interrupted", at: range)
        }
        if let deadline, ContinuousClock.now > deadline {
            throw ScriptError(.timedOut, "the run took longer than its time limit", at: range)
        }
        if steps & 16383 == 0, let max = limits.maxMemoryBytes, let used = ResidentMemory.bytes(), used > max {
            throw ScriptError(.outOfMemory, "the run needs more memory than its limit of \(max >> 20) MB (\(used >> 20) MB in use); narrow the query or raise --max-memory-mb", at: range)
        }
    }

    func executeBlock(_ statements: [Statement]) throws -> Flow {
        for s in statements {
            let flow = try execute(s)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func execute(_ statement: Statement) throws -> Flow {
        statementNow = nil
        try step(statement.range)
        switch statement.kind {
        case .transaction(let control):
            // The undo levels nest with the statements that contain them, so a transaction can only be
            // opened or closed between top-level statements.
            throw ScriptError(.invalidOperation, "'\(control.rawValue)' must stand on its own at the top level of a script, not inside a block or function", at: statement.range)
        case .expression(let e):
            try show(try evaluate(e), of: e)
        case .let(let name, let e):
            assign(name, try evaluate(e))
        case .assign(let target, let e):
            try assign(to: target, try evaluate(e))
        case .if(let branches, let otherwise):
            for branch in branches where try truth(try evaluate(branch.condition), branch.condition.range) {
                return try executeBlock(branch.body)
            }
            if let otherwise { return try executeBlock(otherwise) }
        case .forIn, .while:
            // Loops run compiled: the body is compiled once here, not walked again on every iteration.
            return try ExpressionCompiler(self).loop(statement)(self)
        case .break: return .break
        case .continue: return .continue
        case .function(let f):
            functions[f.name.lowercased()] = f
            functionsChanged &+= 1
        case .return(let e):
            return .return(try e.map { try evaluate($0) } ?? .null)
        case .try(let body, let variable, let handler):
            do {
                return try executeBlock(body)
            } catch let error as ScriptError {
                if let variable { assign(variable, errorRecord(error)) }
                return try executeBlock(handler)
            }
        case .assert(let condition, let message):
            if try !truth(try evaluate(condition), condition.range) {
                let text = try message.map { try evaluate($0).displayText } ?? "assertion failed: \(source.text(of: condition.range))"
                throw ScriptError(.failed, text, at: statement.range)
            }
        case .print(let items):
            output(.print(try items.map { try evaluate($0) }))
        case .setOption(let option, let value):
            try setOption(option, value, statement.range)
        case .exit(let e):
            guard let e else { return .exit(0) }
            let v = try evaluate(e)
            guard let i = v.cimValue?.integerValue, let code = Int32(exactly: i) else {
                throw ScriptError(.invalidParameter, "exit needs a whole number, not \(v.kindDescription)", at: e.range)
            }
            return .exit(code)
        case .hostCommand(let name, let argument):
            return try runHostCommand(name, argument, statement.range)
        case .describe(let name):
            output(.value(.cimClass(try requireClass(name, statement.range))))
        case .explain(let query):
            output(.value(.rows(try explain(query))))
        case .showClasses(let pattern):
            output(.value(.rows(try showClasses(pattern, statement.range))))
        case .showMethods(let name):
            output(.value(.rows(try showMethods(name, statement.range))))
        case .showNamespaces:
            output(.value(.rows(ResultSet(className: nil, columns: ["Namespace"], rows: model.namespaces.map {
                .record(Record(fields: [("Namespace", .string($0))]))
            }))))
        case .useNamespace(let ns):
            guard model.hasNamespace(ns) else {
                throw ScriptError(.invalidNamespace, "namespace \(ns) does not exist; see 'show namespaces'", at: statement.range)
            }
            namespace = ns
        case .update(let target, let assignments):
            let n = try update(target, assignments, statement.range)
            output(.status("\(n) instance\(n == 1 ? "" : "s") updated."))
        case .delete(let target):
            let n = try delete(target, statement.range)
            output(.status("\(n) instance\(n == 1 ? "" : "s") deleted."))
        }
        return .normal
    }

    /// Statements whose result is shown even when null: an `invoke` always reports its outcome.
    func isCommandLike(_ e: Expression) -> Bool {
        if case .invoke = e.kind { return true }
        return false
    }

    func checkLoop(_ count: Int, _ range: SourceRange) throws(ScriptError) {
        if let max = limits.maxLoopIterations, count > max {
            throw ScriptError(.quotaViolation, "too many loop iterations (limit is \(max))", at: range)
        }
        // An empty body runs no statement, so the loop itself polls for Ctrl-C and the deadline.
        if count & 63 == 0 { try checkInterrupts(range) }
    }

    func setOption(_ option: String, _ value: String, _ range: SourceRange) throws(ScriptError) {
        switch option {
        case "onerror":
            guard let mode = ErrorMode(rawValue: value) else {
                throw ScriptError(.invalidParameter, "'set onerror' takes 'stop' or 'continue', not '\(value)'", at: range)
            }
            errorMode = mode
        default:
            throw ScriptError(.invalidParameter, "unknown option '\(option)'; the options are: onerror", at: range)
        }
    }

    /// The caught error as `$e`: code (the WBEM number), name, message, line, column.
    func errorRecord(_ error: ScriptError) -> Value {
        let loc = source.location(of: error.range.start)
        return .record(Record(className: "__ExtendedStatus", fields: [
            ("code", .cim(.uint32(error.status.rawValue))), ("name", .string(error.status.name)),
            ("message", .string(error.message)), ("line", .integer(Int64(loc.line))), ("column", .integer(Int64(loc.column))),
        ]))
    }

    // MARK: - Variables

    func assign(_ name: String, _ value: Value) {
        if frames.isEmpty { globals[name] = value } else { frames[frames.count - 1][name] = value }
    }

    func lookup(_ name: String, _ range: SourceRange) throws(ScriptError) -> Value {
        if let frame = frames.last, let v = frame[name] { return v }
        if let v = globals[name] { return v }
        throw ScriptError(.notFound, "variable $\(name) is not set", at: range)
    }

    func assign(to target: Expression, _ value: Value) throws {
        switch target.kind {
        case .variable(let name):
            assign(name, value)
        case .member(let base, let property):
            var object = try evaluate(base)
            object = try setMember(object, property, value, target.range)
            try assign(to: base, object)
        case .index(let base, let indexExpr):
            let container = try evaluate(base)
            let index = try evaluate(indexExpr)
            guard case .list(var items) = try listValue(container, base.range) else { return }
            let i = try position(index, count: items.count, indexExpr.range)
            items[i] = value
            try assign(to: base, .list(items))
        default:
            throw ScriptError(.invalidOperation, "only a variable, a property or an element can be assigned to", at: target.range)
        }
    }

    func setMember(_ object: Value, _ property: String, _ value: Value, _ range: SourceRange) throws -> Value {
        switch object {
        case .instance(var instance):
            do { try instance.set(CIMName(property), try toCIM(value, range)) } catch let e as CIMError {
                throw ScriptError(e.status, e.message, at: range)
            }
            return .instance(instance)
        case .record(var record):
            if let i = record.fields.firstIndex(where: { $0.name.equalsIgnoringCase(property) }) {
                record.fields[i].value = value
            } else {
                record.fields.append((property, value))
            }
            return .record(record)
        default:
            throw ScriptError(.invalidOperation, "cannot set .\(property) on \(object.kindDescription)", at: range)
        }
    }
}
