// Query plans: how a SELECT is run — which rows of the first class are visited, how each join finds its
// rows, whether WHERE is compiled — decided once, followed by the executor and shown by `explain`.
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

    var firstAccess: Access
    /// WHERE split at its top-level ANDs, each part placed at the first step where every source it reads is
    /// present (stage 0: the first class; stage i: after the i-th join). Rows are dropped as early as they
    /// can be, so joins only meet rows that can still qualify.
    var filters: [[Expression]]
    /// Stage 0's filter compiled to a closure and tested as each first-class instance is visited; nil when it
    /// needs the tree-walker (or there is none).
    var compiledFirstFilter: CompiledCondition?
    var joins: [JoinMethod]
}

extension Interpreter {
    func planQuery(_ q: Query, _ sources: [(Query.Source, CIMClass)]) throws -> QueryPlan {
        let fromClass = sources[0].1
        var access = QueryPlan.Access.scan
        if let filter = q.filter, let (slot, value) = try indexedEquality(filter, q.from, fromClass, single: q.joins.isEmpty) {
            access = .index(slot: slot, property: fromClass.properties[slot].name.string, value: value,
                            isKey: fromClass.keySlots == [slot])
        }
        var filters = [[Expression]](repeating: [], count: sources.count)
        if let filter = q.filter {
            for part in conjuncts(filter) { filters[lastSource(part, sources)].append(part) }
        }
        var compiled: CompiledCondition?
        if let first = conjunction(filters[0]) {
            let compiler = ExpressionCompiler(self, rowClass: fromClass, rowBinding: q.from.binding)
            let predicate = compiler.condition(first)
            if !compiler.needsRowScope { compiled = predicate }
        }
        let joins = q.joins.enumerated().map { index, join in joinMethod(join, sources[index + 1].1) }
        return QueryPlan(firstAccess: access, filters: filters, compiledFirstFilter: compiled, joins: joins)
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

    /// The last source (by position) an expression reads; the last of all when that cannot be told.
    private func lastSource(_ e: Expression, _ sources: [(Query.Source, CIMClass)]) -> Int {
        let all = sources.count - 1
        func binding(_ name: String) -> Int? { sources.firstIndex { $0.0.binding.equalsIgnoringCase(name) } }
        func last(_ e: Expression) -> Int {
            switch e.kind {
            case .literal, .variable, .countStar: return 0
            case .name(let n):
                if let i = binding(n) { return i }
                return sources.firstIndex { $0.1.property(named: CIMName(n)) != nil } ?? all
            case .member(let base, _):
                if case .name(let b) = base.kind, let i = binding(b) { return i }
                return last(base)
            case .array(let items): return items.map(last).max() ?? 0
            case .unary(_, let x), .not(let x), .isNull(let x, _), .isa(let x, _): return last(x)
            case .binary(_, let a, let b), .comparison(_, let a, let b), .and(let a, let b), .or(let a, let b),
                 .like(let a, let b, _), .index(let a, let b):
                return max(last(a), last(b))
            case .inList(let x, let items, _): return max(last(x), items.map(last).max() ?? 0)
            case .inQuery(let x, _, _): return last(x)  // the subquery names only its own classes
            case .call(let name, let args):
                let skipFirst = Interpreter.unitFirstFunctions.contains(name.lowercased())
                return args.enumerated().filter { !(skipFirst && $0.offset == 0) }.map { last($0.element.value) }.max() ?? 0
            case .methodCall, .query, .association, .invoke, .new, .get: return all
            }
        }
        return last(e)
    }

    private func joinMethod(_ join: Query.Join, _ cls: CIMClass) -> QueryPlan.JoinMethod {
        guard let (newSide, probe) = equiJoinSides(join.condition, join.source, cls) else { return .nestedLoop }
        if case .member(_, let name) = newSide.kind, let slot = cls.slot(of: CIMName(name)),
           !cls.properties[slot].type.isArray, repository.isIndexed(slot: slot, of: cls, namespace: namespace) {
            return .indexLookup(slot: slot, property: cls.properties[slot].name.string, isKey: cls.keySlots == [slot], probe: probe)
        }
        return .hash(newSide: newSide, probe: probe)
    }

    /// `explain <query>`: the plan as rows — one per step, in the order the steps run.
    func explain(_ q: Query) throws -> ResultSet {
        let sources = try resolveSources(q)
        let plan = try planQuery(q, sources)
        var steps: [(String, String, String)] = []
        let (from, fromClass) = sources[0]
        let total = (try? repository.count(of: fromClass.name, namespace: namespace)) ?? 0
        switch plan.firstAccess {
        case .scan:
            steps.append((label(from, fromClass), "scan", "visits all \(total) instances"))
        case .index(_, let property, let value, let isKey):
            steps.append((label(from, fromClass), isKey ? "key lookup" : "index lookup",
                          "\(property) = \(value.literal) through the \(isKey ? "key index" : "hash index on \(property)") (of \(total) instances)"))
        }
        for (i, method) in plan.joins.enumerated() {
            let (source, cls) = sources[i + 1]
            let kind = q.joins[i].kind == .left ? "left join" : "inner join"
            let on = "on " + self.source.text(of: q.joins[i].condition.range)
            switch method {
            case .indexLookup(_, let property, let isKey, let probe):
                steps.append((label(source, cls), "\(kind), \(isKey ? "key" : "index") lookup",
                              "each row probes the \(isKey ? "key index" : "hash index on \(property)") with \(self.source.text(of: probe.range)); \(on)"))
            case .hash(let newSide, _):
                steps.append((label(source, cls), "\(kind), hash",
                              "hashes \(cls.name) on \(self.source.text(of: newSide.range)) once; \(on)"))
            case .nestedLoop:
                steps.append((label(source, cls), "\(kind), nested loop", "no equality to hash on: every row meets every instance; \(on)"))
            }
        }
        for (stage, parts) in plan.filters.enumerated() {
            guard let filter = conjunction(parts) else { continue }
            let how = stage == 0 && plan.compiledFirstFilter != nil ? "compiled, tested as each instance is visited"
                : stage == 0 ? "tested on each \(sources[0].1.name) row" : "tested on each row after joining \(sources[stage].1.name)"
            steps.insert(("where", "filter", "\(self.source.text(of: filter.range)) — \(how)"), at: steps.count - (plan.joins.count - stage))
        }
        if !q.orderBy.isEmpty {
            steps.append(("order by", "sort", q.orderBy.map { self.source.text(of: $0.expression.range) + ($0.ascending ? "" : " desc") }.joined(separator: ", ")))
        }
        if q.distinct { steps.append(("distinct", "dedupe", "drops repeated rows after projection")) }
        if let limit = q.limit { steps.append(("limit", "limit", self.source.text(of: limit.range))) }
        let columns = ["Step", "Source", "Access", "Detail"]
        let rows: [Value] = steps.enumerated().map { i, step in
            .record(Record(fields: [("Step", .integer(Int64(i + 1))), ("Source", .cim(.string(step.0))),
                                    ("Access", .cim(.string(step.1))), ("Detail", .cim(.string(step.2)))]))
        }
        return ResultSet(className: nil, columns: columns, rows: rows)
    }

    private func label(_ source: Query.Source, _ cls: CIMClass) -> String {
        source.alias.map { "\(cls.name) as \($0)" } ?? cls.name.string
    }
}
