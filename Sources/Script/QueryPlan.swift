// Query plans: how a SELECT is run — which rows of the first class are visited, how each join finds its
// rows, where each part of WHERE is tested, what is compiled — decided once, followed by the executor and
// shown by `explain` (QueryPlan+Explain.swift).
import CIM

/// How a SELECT will be run. The executor follows it and `explain` prints it, so what `explain` shows is
/// what happens.
struct QueryPlan {
    /// How the first (FROM) class's rows are found.
    enum Access {
        /// Every instance is visited.
        case scan
        /// `Property = constant` in WHERE answered by the key index or a hash index.
        case index(slot: Int, property: String, value: CIMValue, isKey: Bool)
    }

    /// How a joined class's rows are found for each row built so far.
    enum JoinMethod {
        /// The ON clause equates an indexed property of the joined class with an earlier expression: each
        /// earlier row probes the repository's index.
        case indexLookup(slot: Int, property: String, isKey: Bool, probe: Expression)
        /// The ON clause equates an expression of the joined class with an earlier one: the joined class is
        /// hashed on its side once, and each earlier row probes the hash.
        case hash(newSide: Expression, probe: Expression)
        /// No usable equality: every earlier row meets every joined instance.
        case nestedLoop
    }

    /// The parts of WHERE (split at its top-level ANDs) tested at one step — the first class, or one join.
    /// Each part sits at the first step where every class it reads is present, so rows are dropped as early
    /// as they can be and joins only meet rows that can still qualify.
    struct Filter {
        /// Parts that read only this step's class: tested on each candidate instance before it joins (for the
        /// first class, as each instance is visited). Empty after a left join, whose missing rows must reach
        /// WHERE as nulls.
        var local: [Expression] = []
        /// `local` compiled to a closure; nil when it needs the tree-walker (or is empty).
        var compiledLocal: CompiledCondition?
        /// Parts that read this step's class and earlier ones: tested on each joined row. Always empty for the
        /// first class, which has no earlier ones.
        var joined: [Expression] = []
    }

    /// A join's probe (its side of the ON equality) compiled against the one earlier class it reads.
    struct CompiledProbe {
        var source: Int
        var probe: CompiledExpression
    }

    /// A `Property = value` part of WHERE the first class's index could answer, with the value's expression
    /// (a literal or a variable), evaluated each run.
    struct IndexCandidate {
        var slot: Int
        var value: Expression
    }

    /// The first class's access for this run; everything else is the plan's fixed shape.
    var firstAccess: Access
    /// What does not change between runs of a kept plan, shared by reference: a plan is handed from the cache
    /// to the executor on every run, and copying these arrays' references one by one cost more than the lookup
    /// the plan is for.
    let shape: Shape

    final class Shape {
        /// What ``firstAccess`` is chosen from on each run of a kept plan.
        let indexCandidates: [IndexCandidate]
        /// One per source: `filters[0]` for the first class, `filters[i]` after the i-th join.
        let filters: [Filter]
        let joins: [JoinMethod]
        let probes: [CompiledProbe?]
        /// Whether each join's ON clause must still be tested per candidate: not when it is the very equality
        /// the index or hash answered, between properties of one type.
        let recheckOn: [Bool]
        /// Each join's condition: its ON clause, or for a cross join (`from A, B`) the first equality in WHERE
        /// between its class and earlier ones (still tested again as part of WHERE), else `true`.
        let conditions: [Expression]
        /// A right or full join brings in rows the earlier classes never met: WHERE then runs only on the
        /// complete rows, and the first class is scanned whole.
        let hasOuterJoin: Bool

        init(indexCandidates: [IndexCandidate], filters: [Filter], joins: [JoinMethod], probes: [CompiledProbe?],
             recheckOn: [Bool], conditions: [Expression], hasOuterJoin: Bool) {
            self.indexCandidates = indexCandidates
            self.filters = filters
            self.joins = joins
            self.probes = probes
            self.recheckOn = recheckOn
            self.conditions = conditions
            self.hasOuterJoin = hasOuterJoin
        }
    }

    var indexCandidates: [IndexCandidate] { shape.indexCandidates }
    var filters: [Filter] { shape.filters }
    var joins: [JoinMethod] { shape.joins }
    var probes: [CompiledProbe?] { shape.probes }
    var recheckOn: [Bool] { shape.recheckOn }
    var conditions: [Expression] { shape.conditions }
    var hasOuterJoin: Bool { shape.hasOuterJoin }
}

extension Expression {
    var isTrueLiteral: Bool { if case .literal(.boolean(true)) = kind { true } else { false } }
}

extension Interpreter {
    /// How the first class's rows are found this run: the index answers `Property = value` when WHERE has one on
    /// an indexed property, with the value as it is now (a variable's may change between runs of one plan).
    func accessPath(_ q: Query, _ sources: [(Query.Source, CIMClass)]) throws -> QueryPlan.Access {
        try accessPath(indexCandidates(q, sources), sources[0].1)
    }

    /// The top-level `Property = value` parts of WHERE on an indexed property of the first class, in the order
    /// they are tried (what the schema decides; a plan keeps them).
    func indexCandidates(_ q: Query, _ sources: [(Query.Source, CIMClass)]) -> [QueryPlan.IndexCandidate] {
        let hasOuterJoin = q.joins.contains { $0.kind == .right || $0.kind == .full }
        guard !hasOuterJoin, let filter = q.filter else { return [] }
        let cls = sources[0].1
        var found: [QueryPlan.IndexCandidate] = []
        func walk(_ e: Expression) {
            switch e.kind {
            case .and(let l, let r):
                walk(l)
                walk(r)
            case .comparison(.equal, let l, let r):
                for (p, c) in [(l, r), (r, l)] {
                    guard let slot = propertySlot(p, q.from, cls, single: q.joins.isEmpty), !cls.properties[slot].type.isArray,
                          isConstantForm(c), model.isIndexed(slot: slot, of: cls, namespace: namespace) else { continue }
                    found.append(QueryPlan.IndexCandidate(slot: slot, value: c))
                }
            default: break
            }
        }
        walk(filter)
        return found
    }

    /// The first candidate whose value this run can look up (not null, not an array, of the property's type):
    /// `ResourceID = "16777220"` looks up the number; a value that does not convert is left to the row-by-row
    /// comparison.
    func accessPath(_ candidates: [QueryPlan.IndexCandidate], _ cls: CIMClass) throws -> QueryPlan.Access {
        for candidate in candidates {
            guard let constant = try constantValue(candidate.value), !constant.isNull, constant.type?.isArray != true,
                  let typed = try? constant.converted(to: cls.properties[candidate.slot].type) else { continue }
            return .index(slot: candidate.slot, property: cls.properties[candidate.slot].name.string, value: typed,
                          isKey: cls.isSingleKey(candidate.slot))
        }
        return .scan
    }

    func planQuery(_ q: Query, _ sources: [(Query.Source, CIMClass)]) throws -> QueryPlan {
        let hasOuterJoin = q.joins.contains { $0.kind == .right || $0.kind == .full }
        let candidates = indexCandidates(q, sources)
        let access = try accessPath(candidates, sources[0].1)
        var filters = [QueryPlan.Filter](repeating: QueryPlan.Filter(), count: sources.count)
        if let filter = q.filter {
            for part in conjuncts(filter) {
                let read = sourcesRead(part, sources)
                if hasOuterJoin { filters[sources.count - 1].joined.append(part); continue }
                let step = read.max() ?? 0
                let isLocal = read.allSatisfy { $0 == step } && (step == 0 || [.inner, .cross].contains(q.joins[step - 1].kind))
                if isLocal { filters[step].local.append(part) } else { filters[step].joined.append(part) }
            }
        }
        for (i, (source, cls)) in sources.enumerated() {
            guard let local = conjunction(filters[i].local) else { continue }
            let compiler = ExpressionCompiler(self, rowClass: cls, rowBinding: source.binding)
            let predicate = compiler.condition(local)
            if !compiler.needsRowScope { filters[i].compiledLocal = predicate }
        }
        var conditions = q.joins.map(\.condition)
        for (index, join) in q.joins.enumerated() where join.kind == .cross {
            let position = index + 1
            conditions[index] = q.filter.flatMap { filter in
                conjuncts(filter).first { part in
                    guard let (_, probe) = equiJoinSides(part, join.source, sources[position].1) else { return false }
                    return sourcesRead(probe, sources).allSatisfy { $0 < position }
                }
            } ?? join.condition
        }
        let joins = q.joins.enumerated().map { index, join in
            joinMethod(conditions[index], join.source, sources[index + 1].1)
        }
        var probes: [QueryPlan.CompiledProbe?] = []
        var recheck: [Bool] = []
        for (index, method) in joins.enumerated() {
            let position = index + 1
            var compiled: QueryPlan.CompiledProbe?
            var exact = false
            switch method {
            case .indexLookup(_, _, _, let probe), .hash(_, let probe):
                let read = sourcesRead(probe, sources)
                if read.count == 1, let j = read.first, j < position {
                    let compiler = ExpressionCompiler(self, rowClass: sources[j].1, rowBinding: sources[j].0.binding)
                    let closure = compiler.compile(probe)
                    if !compiler.needsRowScope { compiled = QueryPlan.CompiledProbe(source: j, probe: closure) }
                }
                exact = isPlainEquality(conditions[index], sources)
            case .nestedLoop:
                break
            }
            probes.append(compiled)
            recheck.append(!exact)
        }
        return QueryPlan(firstAccess: access, shape: QueryPlan.Shape(
            indexCandidates: candidates, filters: filters, joins: joins, probes: probes, recheckOn: recheck,
            conditions: conditions, hasOuterJoin: hasOuterJoin))
    }

    /// The parts of a WHERE clause joined by top-level ANDs.
    func conjuncts(_ e: Expression) -> [Expression] {
        if case .and(let l, let r) = e.kind { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    func conjunction(_ parts: [Expression]) -> Expression? {
        guard var e = parts.first else { return nil }
        for p in parts.dropFirst() { e = Expression(.and(e, p), e.range.union(p.range)) }
        return e
    }

    /// Is the ON clause just `A.P = B.Q`, two properties of the same declared type? Then the index or hash
    /// that found the candidates has already decided it.
    private func isPlainEquality(_ e: Expression, _ sources: [(Query.Source, CIMClass)]) -> Bool {
        guard case .comparison(.equal, let l, let r) = e.kind, let a = propertyType(l, sources), let b = propertyType(r, sources) else { return false }
        return a == b && !a.isArray
    }

    private func propertyType(_ e: Expression, _ sources: [(Query.Source, CIMClass)]) -> CIMType? {
        guard case .member(let base, let name) = e.kind, case .name(let b) = base.kind,
              let source = sources.first(where: { $0.0.binding.equalsIgnoringCase(b) }) else { return nil }
        return source.1.property(named: CIMName(name))?.type
    }

    /// The sources (by position) an expression reads; all of them when that cannot be told.
    func sourcesRead(_ e: Expression, _ sources: [(Query.Source, CIMClass)]) -> Set<Int> {
        let all = Set(sources.indices)
        func binding(_ name: String) -> Int? { sources.firstIndex { $0.0.binding.equalsIgnoringCase(name) } }
        func read(_ e: Expression) -> Set<Int> {
            switch e.kind {
            case .literal, .variable, .countStar: return []
            case .name(let n):
                if let i = binding(n) { return [i] }
                return sources.firstIndex { $0.1.property(named: CIMName(n)) != nil }.map { [$0] } ?? all
            case .member(let base, _):
                if case .name(let b) = base.kind, let i = binding(b) { return [i] }
                return read(base)
            case .array(let items): return items.reduce(into: []) { $0.formUnion(read($1)) }
            case .unary(_, let x), .not(let x), .isNull(let x, _), .isa(let x, _): return read(x)
            case .binary(_, let a, let b), .comparison(_, let a, let b), .and(let a, let b), .or(let a, let b),
                 .like(let a, let b, _), .index(let a, let b):
                return read(a).union(read(b))
            case .inList(let x, let items, _): return items.reduce(into: read(x)) { $0.formUnion(read($1)) }
            case .inQuery(let x, _, _): return read(x)  // the subquery names only its own classes
            case .call(let name, let args):
                let skipFirst = Interpreter.unitFirstFunctions.contains(name.lowercased())
                return args.enumerated().filter { !(skipFirst && $0.offset == 0) }.reduce(into: []) { $0.formUnion(read($1.element.value)) }
            case .methodCall, .query, .association, .invoke, .new, .get: return all
            }
        }
        return read(e)
    }

    private func joinMethod(_ condition: Expression, _ source: Query.Source, _ cls: CIMClass) -> QueryPlan.JoinMethod {
        guard let (newSide, probe) = equiJoinSides(condition, source, cls) else { return .nestedLoop }
        if case .member(_, let name) = newSide.kind, let slot = cls.slot(of: CIMName(name)),
           !cls.properties[slot].type.isArray, model.isIndexed(slot: slot, of: cls, namespace: namespace) {
            return .indexLookup(slot: slot, property: cls.properties[slot].name.string, isKey: cls.isSingleKey(slot), probe: probe)
        }
        return .hash(newSide: newSide, probe: probe)
    }
}
