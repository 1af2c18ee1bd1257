// Engine.check: parse a script and resolve its class, property and method names against the schema,
// without running anything — `cmsh --check`.
import CIM
import Script

extension Engine {
    /// Every problem in a script found without running it: syntax errors, then unknown classes, methods,
    /// functions and `new` properties. Empty when the script is fine.
    public func check(_ script: String, fileName: String = "<script>") -> [Diagnostic] {
        let program: Program
        switch prepare(script, fileName: fileName) {
        case .success(let p): program = p.program
        case .failure(let e): return e.diagnostics
        }
        var checker = NameChecker(engine: self, source: program.source)
        checker.functions = Set(program.statements.compactMap { s in
            if case .function(let f) = s.kind { f.name.lowercased() } else { nil }
        })
        for s in program.statements { checker.statement(s) }
        return checker.diagnostics
    }

    /// Class names of the current namespace, for completion.
    public var classNames: [String] { repository.classes(namespace: namespace).map(\.name.string) }

    /// The class with this name in the current namespace.
    public func cimClass(named name: String) -> CIMClass? { repository.cimClass(named: CIMName(name), namespace: namespace) }
}

/// Walks the AST and records a diagnostic for each name the schema does not know.
private struct NameChecker {
    let engine: Engine
    let source: SourceFile
    var functions: Set<String> = []
    var diagnostics: [Diagnostic] = []

    mutating func report(_ status: CIMStatus, _ message: String, _ range: SourceRange) {
        diagnostics.append(Diagnostic(kind: .syntax, message: "\(status.name): \(message)", range: range, in: source, status: status))
    }

    @discardableResult
    mutating func requireClass(_ name: String, _ range: SourceRange) -> CIMClass? {
        if let c = engine.cimClass(named: name) { return c }
        report(.invalidClass, "class \(name) does not exist in \(engine.namespace)", range)
        return nil
    }

    mutating func statements(_ list: [Statement]) { for s in list { statement(s) } }

    mutating func statement(_ s: Statement) {
        switch s.kind {
        case .expression(let e), .let(_, let e): expression(e)
        case .assign(let t, let e): expression(t); expression(e)
        case .if(let branches, let otherwise):
            for b in branches { expression(b.condition); statements(b.body) }
            statements(otherwise ?? [])
        case .forIn(_, let e, let body), .while(let e, let body): expression(e); statements(body)
        case .function(let f): statements(f.body)
        case .return(let e), .exit(let e): if let e { expression(e) }
        case .try(let body, _, let handler): statements(body); statements(handler)
        case .assert(let c, let m): expression(c); if let m { expression(m) }
        case .print(let items): for i in items { expression(i) }
        case .describe(let n), .showMethods(let n): requireClass(n, s.range)
        case .explain(let q): query(q)
        case .update(let target, let assignments):
            change(target)
            for a in assignments { expression(a.value) }
        case .delete(let target): change(target)
        case .break, .continue, .setOption, .showClasses, .showNamespaces, .useNamespace, .transaction, .hostCommand: break
        }
    }

    mutating func change(_ target: ChangeTarget) {
        switch target {
        case .object(let e): expression(e)
        case .matching(let source, let filter):
            requireClass(source.className, source.range)
            if let filter { expression(filter) }
        }
    }

    mutating func query(_ q: Query) {
        requireClass(q.from.className, q.from.range)
        for j in q.joins { requireClass(j.source.className, j.source.range); expression(j.condition) }
        if let f = q.filter { expression(f) }
        for o in q.orderBy { expression(o.expression) }
        for case .expression(let e, _) in q.items { expression(e) }
    }

    mutating func expression(_ e: Expression) {
        switch e.kind {
        case .literal, .variable, .name, .countStar, .association: break
        case .array(let items): for i in items { expression(i) }
        case .unary(_, let x), .not(let x), .isNull(let x, _), .isa(let x, _), .member(let x, _), .get(let x), .invoke(let x):
            expression(x)
        case .binary(_, let a, let b), .comparison(_, let a, let b), .and(let a, let b), .or(let a, let b),
             .like(let a, let b, _), .index(let a, let b):
            expression(a); expression(b)
        case .inList(let x, let items, _): expression(x); for i in items { expression(i) }
        case .inQuery(let x, let q, _): expression(x); query(q)
        case .query(let q): query(q)
        case .call(let name, let args):
            let key = name.lowercased()
            if !(functions.contains(key) || Interpreter.builtinNames.contains(key) || engine.interpreter.hostFunctionNames.contains(key)
                 || engine.cimClass(named: name) != nil) {
                report(.notFound, "'\(name)' is not a function or a class", e.range)
            }
            let skipUnit = Interpreter.unitFirstFunctions.contains(key)
            for (i, a) in args.enumerated() where !(skipUnit && i == 0) { expression(a.value) }
        case .methodCall(let target, let method, let args):
            expression(target)
            for a in args { expression(a.value) }
            // `Class.M()` calls a static method of Class itself; `Class("key").M()` may reach an instance of
            // any subclass, so a method declared only on subclasses is fine there.
            var className: String?
            var instanceCall = false
            if case .name(let n) = target.kind { className = n }
            if case .call(let n, _) = target.kind, !functions.contains(n.lowercased()) { className = n; instanceCall = true }
            if let className, let cls = engine.cimClass(named: className), cls.method(named: CIMName(method)) == nil {
                let subclasses = instanceCall ? ((try? engine.repository.subclasses(of: cls.name, namespace: engine.namespace)) ?? []) : []
                if !subclasses.contains(where: { $0.method(named: CIMName(method)) != nil }) {
                    report(.invalidMethod, "class \(cls.name) has no method \(method)", e.range)
                }
            }
        case .new(let className, let props):
            if let cls = requireClass(className, e.range) {
                for p in props where cls.property(named: CIMName(p.name)) == nil {
                    report(.invalidProperty, "class \(cls.name) has no property '\(p.name)'", p.value.range)
                }
            }
            for p in props { expression(p.value) }
        }
    }
}
