// Resolver: the stage between parsing and running — every class, property, method, function and variable a
// program names is looked up before any statement runs, so a script never prints "start" and then fails on
// line 2 for a misspelt property. `cmsh --check` is this stage alone.
//
// What it cannot know it leaves to the run: a property of a variable holding a query row or an object
// (`$p.Nmae`), a method on such a value, a class named in a string (`get "…"`), and names in the text of a
// collection rule. Those are checked when they run, with the same messages.
import CIM
import Foundation

extension Interpreter {
    /// Every name in `program` that will not resolve when it runs, in source order; empty when all do.
    /// Session state counts: functions defined and variables set by earlier runs (or by the host) are known.
    public func resolve(_ program: Program) -> [Diagnostic] {
        var resolver = Resolver(interpreter: self, source: program.source)
        resolver.run(program.statements)
        return resolver.diagnostics
    }

    /// ``resolve(_:)`` for a program run many times: once it has resolved cleanly, it is not walked again while
    /// the schema, the namespace and the functions stay as they were (names only ever become known: a variable
    /// set stays set).
    public func resolve(_ program: Program, remembering memo: ResolutionMemo) -> [Diagnostic] {
        let validity = model.schemaGeneration.map {
            QueryPlanCache.Validity(schema: $0, namespace: namespace, functions: functionsChanged)
        }
        if let validity, memo.holds(for: validity) { return [] }
        let found = resolve(program)
        if found.isEmpty, let validity { memo.remember(validity) }
        return found
    }
}

/// Remembers that a program resolved cleanly, and under what (see ``Interpreter/resolve(_:remembering:)``).
public final class ResolutionMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var validity: QueryPlanCache.Validity?

    public init() {}

    func holds(for validity: QueryPlanCache.Validity) -> Bool { lock.withLock { self.validity == validity } }
    func remember(_ validity: QueryPlanCache.Validity) { lock.withLock { self.validity = validity } }
}

private struct Resolver {
    unowned let interpreter: Interpreter
    let source: SourceFile
    var namespace: String
    var diagnostics: [Diagnostic] = []
    /// Script functions: the session's and every one the program declares (declarations are hoisted).
    var functions: Set<String> = []
    /// Variables known to hold a value at this point of a top-level walk (lower-cased, no `$`).
    var assigned: Set<String> = []
    /// Variables the program assigns anywhere at its top level: a function body may read any of them.
    var assignedAnywhere: Set<String> = []
    /// Set while a function body is walked: only a name assigned nowhere is an error there.
    var inFunction = false

    /// Always there: the last ReturnValue and result, and the script's arguments.
    static let builtinVariables: Set<String> = ["?", "result", "args", "0"]

    init(interpreter: Interpreter, source: SourceFile) {
        self.interpreter = interpreter
        self.source = source
        namespace = interpreter.namespace
        functions = Set(interpreter.functions.keys)
        assigned = Set(interpreter.globals.all.map { $0.name.lowercased() })
    }

    mutating func run(_ statements: [Statement]) {
        Self.declarations(statements) { functions.insert($0.name.lowercased()) }
        assignedAnywhere = assigned.union(Self.assignments(in: statements))
        block(statements)
    }

    // MARK: - Reporting and lookups

    mutating func report(_ status: CIMStatus, _ message: String, _ range: SourceRange) {
        diagnostics.append(Diagnostic(kind: .syntax, message: "\(status.name): \(message)", range: range, in: source, status: status))
    }

    func lookUpClass(_ name: String) -> CIMClass? {
        interpreter.model.cimClass(named: CIMName(name), namespace: namespace)
    }

    var classNames: [String] { interpreter.model.classes(namespace: namespace).map(\.name.string) }

    @discardableResult
    mutating func requireClass(_ name: String, _ range: SourceRange) -> CIMClass? {
        if let c = lookUpClass(name) { return c }
        report(.invalidClass, "class \(name) does not exist in \(namespace)" + Spelling.suggestion(for: name, among: classNames), range)
        return nil
    }

    /// The class and its subclasses: an object path of a base class may name an instance of any of them.
    func family(_ cls: CIMClass) -> [CIMClass] {
        [cls] + ((try? interpreter.model.subclasses(of: cls.name, namespace: namespace)) ?? [])
    }

    // MARK: - Statements

    mutating func block(_ statements: [Statement]) { for s in statements { statement(s) } }

    mutating func assign(_ name: String) { assigned.insert(name.lowercased()) }

    mutating func statement(_ s: Statement) {
        switch s.kind {
        case .expression(let e): expression(e)
        case .let(let name, let e): expression(e); assign(name)
        case .assign(let target, let e):
            expression(e)
            if case .variable(let name) = target.kind { assign(name) } else { expression(target) }
        case .if(let branches, let otherwise):
            for b in branches { expression(b.condition); block(b.body) }
            block(otherwise ?? [])
        case .forIn(let name, let e, let body):
            expression(e)
            assign(name)
            loop(body)
        case .while(let e, let body):
            // A later line of the body may set what an earlier one reads on the next pass.
            assigned.formUnion(Self.assignments(in: body))
            expression(e)
            loop(body)
        case .function(let f): function(f)
        case .return(let e), .exit(let e): if let e { expression(e) }
        case .try(let body, let variable, let handler):
            block(body)
            if let variable { assign(variable) }
            block(handler)
        case .assert(let c, let m): expression(c); if let m { expression(m) }
        case .print(let items): for i in items { expression(i) }
        case .describe(let n), .showMethods(let n): requireClass(n, s.range)
        case .explain(let q): query(q)
        case .useNamespace(let ns):
            if interpreter.model.hasNamespace(ns) { namespace = ns }
        case .update(let target, let assignments):
            let classes = change(target)
            for a in assignments {
                expression(a.value)
                if let classes, !classes.isEmpty, !classes.contains(where: { $0.property(named: CIMName(a.name)) != nil }) {
                    report(.invalidProperty, "class \(classes[0].name) has no property '\(a.name)'"
                           + Spelling.suggestion(for: a.name, among: classes[0].propertyNames), a.range)
                }
            }
        case .delete(let target): change(target)
        case .break, .continue, .setOption, .showClasses, .showNamespaces, .transaction, .hostCommand: break
        }
    }

    mutating func loop(_ body: [Statement]) {
        assigned.formUnion(Self.assignments(in: body))
        block(body)
    }

    mutating func function(_ f: FunctionDeclaration) {
        let saved = (assigned, inFunction)
        defer { (assigned, inFunction) = saved }
        inFunction = true
        assigned = assignedAnywhere.union(f.parameters.map { $0.lowercased() }).union(Self.assignments(in: f.body))
        block(f.body)
    }

    /// The classes a change may touch (nil when the target is only known at run time).
    @discardableResult
    mutating func change(_ target: ChangeTarget) -> [CIMClass]? {
        switch target {
        case .object(let e):
            expression(e)
            if case .call(let name, _) = e.kind, !isFunction(name), let cls = lookUpClass(name) { return family(cls) }
            return nil
        case .matching(let source, let filter):
            guard let cls = requireClass(source.className, source.range) else { return [] }
            if let filter { queryExpression(filter, [(source, cls)]) }
            return [cls]
        }
    }

    // MARK: - Expressions outside queries

    func isFunction(_ name: String) -> Bool {
        let key = name.lowercased()
        return functions.contains(key) || interpreter.hostFunctions[key] != nil
    }

    mutating func variable(_ name: String, _ range: SourceRange) {
        let key = name.lowercased()
        if assigned.contains(key) || Self.builtinVariables.contains(key) || key.allSatisfy(\.isNumber) { return }
        report(.notFound, inFunction ? "variable $\(name) is never set" : "variable $\(name) is used before it is set", range)
    }

    mutating func arguments(_ args: [Argument]) { for a in args { expression(a.value) } }

    mutating func expression(_ e: Expression) {
        switch e.kind {
        case .literal, .countStar, .association: break
        case .variable(let name): variable(name, e.range)
        case .name(let n):
            if lookUpClass(n) == nil {
                report(.invalidClass, "'\(n)' is not a class in \(namespace) (variables start with $, strings need quotes)"
                       + Spelling.suggestion(for: n, among: classNames), e.range)
            }
        case .array(let items): for i in items { expression(i) }
        case .unary(_, let x), .not(let x), .isNull(let x, _), .isa(let x, _), .get(let x), .invoke(let x): expression(x)
        case .binary(_, let a, let b), .comparison(_, let a, let b), .and(let a, let b), .or(let a, let b),
             .like(let a, let b, _), .index(let a, let b):
            expression(a); expression(b)
        case .inList(let x, let items, _): expression(x); for i in items { expression(i) }
        case .inQuery(let x, let q, _): expression(x); query(q)
        case .query(let q): query(q)
        case .member(let base, let name):
            expression(base)
            if let classes = referencedClasses(base), !name.hasPrefix("__"),
               !classes.contains(where: { $0.property(named: CIMName(name)) != nil }) {
                report(.invalidProperty, "class \(classes[0].name) has no property '\(name)'"
                       + Spelling.suggestion(for: name, among: classes[0].propertyNames), e.range)
            }
        case .call(let name, let args):
            call(name, args, e.range)
        case .methodCall(let target, let method, let args):
            arguments(args)
            methodCall(target, method, args, e.range)
        case .new(let className, let props):
            for p in props { expression(p.value) }
            guard let cls = requireClass(className, e.range) else { return }
            for p in props where cls.property(named: CIMName(p.name)) == nil {
                report(.invalidProperty, "class \(cls.name) has no property '\(p.name)'"
                       + Spelling.suggestion(for: p.name, among: cls.propertyNames), p.value.range)
            }
        }
    }

    /// `Class("key")` (an object reference) names instances of Class or a subclass.
    func referencedClasses(_ e: Expression) -> [CIMClass]? {
        guard case .call(let name, _) = e.kind, !isFunction(name), !Interpreter.builtinNames.contains(name.lowercased()),
              let cls = lookUpClass(name) else { return nil }
        return family(cls)
    }

    mutating func call(_ name: String, _ args: [Argument], _ range: SourceRange) {
        let key = name.lowercased()
        let skipUnit = Interpreter.unitFirstFunctions.contains(key)
        for (i, a) in args.enumerated() where !(skipUnit && i == 0 && isUnitWord(a.value)) { expression(a.value) }
        if isFunction(name) || Interpreter.builtinNames.contains(key) { return }
        guard let cls = lookUpClass(name) else {
            let known = Array(functions) + Array(Interpreter.builtinNames) + classNames
            report(.notFound, "'\(name)' is not a function or a class" + Spelling.suggestion(for: name, among: known), range)
            return
        }
        for a in args {
            guard let n = a.name, cls.property(named: CIMName(n)) == nil else { continue }
            report(.invalidProperty, "class \(cls.name) has no key '\(n)'" + Spelling.suggestion(for: n, among: cls.keyProperties.map(\.name.string)),
                   a.nameRange ?? a.value.range)
        }
    }

    func isUnitWord(_ e: Expression) -> Bool { if case .name = e.kind { true } else { false } }

    /// `Class.M(…)` (static) and `Class("key").M(…)`: the method must exist (on a subclass will do for an
    /// object reference) and take the arguments given.
    mutating func methodCall(_ target: Expression, _ method: String, _ args: [Argument], _ range: SourceRange) {
        var classes: [CIMClass]
        switch target.kind {
        case .name(let n):
            guard let cls = requireClass(n, target.range) else { return }
            classes = [cls]
        default:
            expression(target)
            guard let family = referencedClasses(target) else { return }
            classes = family
        }
        let candidates = classes.compactMap { $0.method(named: CIMName(method)) }
        guard let found = candidates.first else {
            let names = classes[0].methods.map(\.name.string)
            report(.invalidMethod, "class \(classes[0].name) has no method \(method)" + Spelling.suggestion(for: method, among: names), range)
            return
        }
        let params = found.inParameters
        let positional = args.filter { $0.name == nil }.count
        if positional > params.count {
            report(.invalidParameter, "\(classes[0].name).\(found.name) takes \(params.count) argument\(params.count == 1 ? "" : "s"), not \(args.count): \(found.signature)", range)
        }
        for a in args {
            guard let n = a.name, !params.contains(where: { $0.name == CIMName(n) }) else { continue }
            report(.invalidParameter, "\(classes[0].name).\(found.name) has no [in] parameter '\(n)'"
                   + Spelling.suggestion(for: n, among: params.map(\.name.string)), a.nameRange ?? a.value.range)
        }
    }

    // MARK: - Queries

    mutating func query(_ q: Query) {
        var sources: [(Query.Source, CIMClass)] = []
        var complete = true
        for source in [q.from] + q.joins.map(\.source) {
            if let cls = requireClass(source.className, source.range) { sources.append((source, cls)) } else { complete = false }
        }
        let expressions = [q.filter].compactMap { $0 } + q.joins.map(\.condition) + q.orderBy.map(\.expression)
            + q.items.compactMap { if case .expression(let e, _) = $0 { e } else { nil } }
        guard complete else {
            for e in expressions { nestedNames(e) }
            return
        }
        for e in expressions { queryExpression(e, sources) }
        if let limit = q.limit { expression(limit) }
    }

    /// A query expression: its property names against the query's classes (as the run checks them), and
    /// the variables, functions and subqueries inside it.
    mutating func queryExpression(_ e: Expression, _ sources: [(Query.Source, CIMClass)]) {
        do { try interpreter.validateNames(e, sources) } catch let error as ScriptError {
            report(error.status, error.message, error.range)
        } catch {}
        nestedNames(e)
    }

    /// Variables, function calls and subqueries inside a query expression (its bare names are properties).
    mutating func nestedNames(_ e: Expression) {
        switch e.kind {
        case .variable(let name): variable(name, e.range)
        case .inQuery(let x, let q, _): nestedNames(x); query(q)
        case .query(let q): query(q)
        case .call(let name, let args):
            let key = name.lowercased()
            let skipUnit = Interpreter.unitFirstFunctions.contains(key)
            for (i, a) in args.enumerated() where !(skipUnit && i == 0) { nestedNames(a.value) }
            if !(isFunction(name) || Interpreter.builtinNames.contains(key) || lookUpClass(name) != nil) {
                report(.notFound, "'\(name)' is not a function or a class"
                       + Spelling.suggestion(for: name, among: Array(Interpreter.builtinNames) + Array(functions)), e.range)
            }
        case .array(let items): for i in items { nestedNames(i) }
        case .unary(_, let x), .not(let x), .isNull(let x, _), .isa(let x, _), .member(let x, _), .get(let x), .invoke(let x):
            nestedNames(x)
        case .binary(_, let a, let b), .comparison(_, let a, let b), .and(let a, let b), .or(let a, let b),
             .like(let a, let b, _), .index(let a, let b):
            nestedNames(a); nestedNames(b)
        case .inList(let x, let items, _): nestedNames(x); for i in items { nestedNames(i) }
        case .methodCall(let target, _, let args): nestedNames(target); for a in args { nestedNames(a.value) }
        case .new(_, let props): for p in props { nestedNames(p.value) }
        case .literal, .name, .countStar, .association: break
        }
    }

    // MARK: - Pre-passes

    /// Every function declared anywhere in the statements.
    static func declarations(_ statements: [Statement], _ body: (FunctionDeclaration) -> Void) {
        for s in statements {
            switch s.kind {
            case .function(let f): body(f); declarations(f.body, body)
            case .if(let branches, let otherwise):
                for b in branches { declarations(b.body, body) }
                declarations(otherwise ?? [], body)
            case .forIn(_, _, let b), .while(_, let b): declarations(b, body)
            case .try(let b, _, let h): declarations(b, body); declarations(h, body)
            default: break
            }
        }
    }

    /// Every variable the statements assign, at any depth outside function bodies.
    static func assignments(in statements: [Statement]) -> Set<String> {
        var names: Set<String> = []
        for s in statements {
            switch s.kind {
            case .let(let n, _): names.insert(n.lowercased())
            case .assign(let target, _): if case .variable(let n) = target.kind { names.insert(n.lowercased()) }
            case .forIn(let n, _, let b): names.insert(n.lowercased()); names.formUnion(assignments(in: b))
            case .while(_, let b): names.formUnion(assignments(in: b))
            case .if(let branches, let otherwise):
                for b in branches { names.formUnion(assignments(in: b.body)) }
                names.formUnion(assignments(in: otherwise ?? []))
            case .try(let b, let v, let h):
                names.formUnion(assignments(in: b))
                if let v { names.insert(v.lowercased()) }
                names.formUnion(assignments(in: h))
            default: break
            }
        }
        return names
    }
}
