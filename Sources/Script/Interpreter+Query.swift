// Queries: SELECT planning and execution (index use, joins, WHERE, ORDER BY, DISTINCT, COUNT, LIMIT)
// and ASSOCIATORS OF / REFERENCES OF.
import CIM

extension Interpreter {
    func runQuery(_ q: Query) throws -> ResultSet {
        if let remote = try pushedDown(q) { return remote }
        subquerySets.append([:])
        defer { subquerySets.removeLast() }
        let (sources, plan) = try plannedQuery(q)
        if let count = try wholeClassCount(q, sources) { return count }
        // A backend that narrows one class's rows sends each class narrowed; the plan then reads those rows.
        let outerRows = narrowedRows
        narrowedRows = model.queryCapabilities.contains(.classQuery) ? try classPushdown(q, sources) : [:]
        defer { narrowedRows = outerRows }
        var tuples = try matchingTuples(q, sources, plan)
        // 4. count(*)
        if q.items.count == 1, case .expression(let e, let alias) = q.items[0], case .countStar = e.kind {
            return ResultSet(className: nil, columns: [alias ?? "Count"], rows: [
                .record(Record(fields: [(alias ?? "Count", .integer(Int64(tuples.count)))]))])
        }
        // 5. ORDER BY (on the source rows, so any property can be used), then projection.
        if !q.orderBy.isEmpty {
            let keyed = try tuples.map { tuple in
                try visitRow(q.range)
                return (tuple, try withRow(tuple, sources) { try q.orderBy.map { try evaluate($0.expression) } })
            }
            var failure: ScriptError?
            var comparisons = 0
            // A sort of millions of rows must stop for Ctrl-C and the time limit too: the comparator polls.
            let sorted = try keyed.enumerated().sorted { a, b throws in
                comparisons &+= 1
                if comparisons & 4095 == 0 { try checkInterrupts(q.range) }
                for (i, order) in q.orderBy.enumerated() {
                    let c = sortOrder(a.element.1[i], b.element.1[i], &failure, order.expression.range)
                    if c != 0 { return order.ascending ? c < 0 : c > 0 }
                }
                return a.offset < b.offset  // stable
            }
            if let failure { throw failure }
            tuples = sorted.map { $0.element.0 }
        }
        var result = try project(q, tuples, sources)
        if q.distinct { result.rows = distinctRows(result.rows) }
        try applyLimit(q, to: &result)
        return result
    }

    /// Whether the query is `select count(*) from X` and nothing else: no WHERE, no join, on a site that keeps
    /// counts (not one that narrows rows per request, where counting is a request of its own).
    func countsWholeClass(_ q: Query) -> Bool {
        guard q.joins.isEmpty, q.filter == nil, q.items.count == 1, case .expression(let e, _) = q.items[0],
              case .countStar = e.kind else { return false }
        return !model.queryCapabilities.contains(.classQuery)
    }

    /// `select count(*) from X`: the number of rows X and its subclasses' tables hold, with no row visited.
    private func wholeClassCount(_ q: Query, _ sources: [(Query.Source, CIMClass)]) throws -> ResultSet? {
        guard countsWholeClass(q), case .expression(_, let alias) = q.items[0] else { return nil }
        let n: Int
        do { n = try model.count(of: sources[0].1.name, deep: true, namespace: namespace) } catch {
            throw ScriptError(error.status, error.message, at: q.range)
        }
        return ResultSet(className: nil, columns: [alias ?? "Count"], rows: [
            .record(Record(fields: [(alias ?? "Count", .integer(Int64(n)))]))])
    }

    /// `limit n` (cmsh's extension): the first n rows.
    func applyLimit(_ q: Query, to result: inout ResultSet) throws {
        guard let limitExpr = q.limit else { return }
        guard let n = try evaluate(limitExpr).cimValue?.integerValue, n >= 0 else {
            throw ScriptError(.invalidQuery, "limit needs a whole number of rows", at: limitExpr.range)
        }
        if n < Int128(result.rows.count) { result.rows = Array(result.rows.prefix(Int(n))) }
    }

    /// The query's classes (FROM, then each JOIN) once every class and every name in the query is known to
    /// exist: errors surface even when no row is ever evaluated.
    func resolveSources(_ q: Query) throws -> [(Query.Source, CIMClass)] {
        let fromClass = try requireClass(q.from.className, q.from.range)
        var sources = [(q.from, fromClass)]
        for j in q.joins { sources.append((j.source, try requireClass(j.source.className, j.source.range))) }
        let names = sources.map { $0.0.binding.lowercased() }
        if Set(names).count != names.count {
            throw ScriptError(.invalidQuery, "a class appears twice in the query; give each an alias (… as A)", at: q.range)
        }
        for e in [q.filter].compactMap({ $0 }) + q.joins.map(\.condition) + q.orderBy.map(\.expression) {
            try validateNames(e, sources)
        }
        for case .expression(let e, _) in q.items { try validateNames(e, sources) }
        return sources
    }

    /// The joined rows that satisfy the joins and WHERE, one value per source (null for a left join's
    /// missing side), in the order the plan visits them.
    func matchingTuples(_ q: Query, _ sources: [(Query.Source, CIMClass)], _ planned: QueryPlan? = nil) throws -> [[Value]] {
        let plan = try planned ?? planQuery(q, sources)
        let first = plan.filters[0]
        var tuples: [[Value]]
        if let predicate = first.compiledLocal {
            // The first class's part of WHERE, compiled: each candidate is tested as it is visited, and only
            // the matches are kept.
            tuples = try matchingRows(q, sources[0].1, predicate, plan.firstAccess).map { [.instance($0)] }
        } else {
            // Candidate rows of the first class: an indexed equality in WHERE narrows them, else a scan.
            tuples = try keep(try candidates(q, sources[0].1, plan.firstAccess).map { try visitRow(q.from.range); return [.instance($0)] },
                              first.local, Array(sources.prefix(1)))
        }
        // Joins, each through an index, a hash or a loop; after each, the parts of WHERE it completes.
        for (index, join) in q.joins.enumerated() {
            tuples = try joinRows(tuples, join, sources, index + 1, plan)
            tuples = try keep(tuples, plan.filters[index + 1].joined, Array(sources.prefix(index + 2)))
        }
        return tuples
    }

    /// The rows for which every part holds (WHERE's unknown counts as false).
    private func keep(_ tuples: [[Value]], _ parts: [Expression], _ sources: [(Query.Source, CIMClass)]) throws -> [[Value]] {
        guard !parts.isEmpty else { return tuples }
        return try tuples.filter { tuple in
            try visitRow(parts[0].range)
            return try withRow(tuple, sources) { try parts.allSatisfy { try truth(try evaluate($0), $0.range) } }
        }
    }

    /// Runs `body` with a joined row bound for name resolution.
    func withRow<T>(_ tuple: [Value], _ sources: [(Query.Source, CIMClass)], _ body: () throws -> T) throws -> T {
        rowScopes.append(RowScope(bindings: zip(sources, tuple).map { ($0.0.binding, $0.1, $1) }))
        defer { rowScopes.removeLast() }
        return try body()
    }

    /// The instances of the first class the predicate holds for (WHERE's unknown counts as false): through
    /// an index when WHERE has an indexed equality, else by visiting every instance without copying them all.
    private func matchingRows(_ q: Query, _ cls: CIMClass, _ predicate: CompiledCondition, _ access: QueryPlan.Access) throws -> [CIMInstance] {
        if !narrowedRows.isEmpty, let rows = narrowedRows[q.from.binding.lowercased()] {
            return try rows.filter { try visitRow(q.from.range); return try predicate(self, $0) ?? false }
        }
        if case .index(let slot, _, let value, _) = access {
            return try indexedRows(q.from, cls, slot, value).filter { try visitRow(q.from.range); return try predicate(self, $0) ?? false }
        }
        var matches: [CIMInstance] = []
        do {
            try model.forEachInstance(of: cls.name, namespace: namespace) { instance in
                try visitRow(q.from.range)
                if try predicate(self, instance) ?? false { matches.append(instance) }
                return true
            }
        } catch let e as CIMError {
            throw ScriptError(e.status, e.message, at: q.from.range)  // the class is gone: as `candidates` reports it
        }
        return matches
    }

    /// The first class's instances, narrowed by the repository's key or hash index when the plan found a
    /// top-level `Property = constant` on an indexed property.
    private func candidates(_ q: Query, _ cls: CIMClass, _ access: QueryPlan.Access) throws -> [CIMInstance] {
        if !narrowedRows.isEmpty, let rows = narrowedRows[q.from.binding.lowercased()] { return rows }
        if case .index(let slot, _, let value, _) = access {
            return try indexedRows(q.from, cls, slot, value)
        }
        return try allInstances(q.from, cls)
    }

    private func indexedRows(_ source: Query.Source, _ cls: CIMClass, _ slot: Int, _ value: CIMValue) throws(ScriptError) -> [CIMInstance] {
        try located(source.range) { () throws(CIMError) in
            try model.instances(of: cls, whereSlot: slot, equals: value, namespace: namespace)
        }
    }

    func propertySlot(_ e: Expression, _ source: Query.Source, _ cls: CIMClass, single: Bool) -> Int? {
        switch e.kind {
        case .name(let n) where single: return cls.slot(of: CIMName(n))
        case .member(let base, let n):
            guard case .name(let b) = base.kind, b.equalsIgnoringCase(source.binding) else { return nil }
            return cls.slot(of: CIMName(n))
        default: return nil
        }
    }

    /// A literal or a variable: what an index lookup can take as its value.
    func isConstantForm(_ e: Expression) -> Bool {
        switch e.kind {
        case .literal, .variable: true
        default: false
        }
    }

    func constantValue(_ e: Expression) throws -> CIMValue? {
        switch e.kind {
        case .literal(let v): return v
        case .variable(let n): return (try? lookup(n, e.range))?.cimValue
        default: return nil
        }
    }

    private func joinRows(_ tuples: [[Value]], _ join: Query.Join, _ sources: [(Query.Source, CIMClass)], _ position: Int,
                          _ plan: QueryPlan) throws -> [[Value]] {
        let cls = sources[position].1
        let visible = Array(sources.prefix(position + 1)), earlier = Array(sources.prefix(position))
        let method = plan.joins[position - 1], filter = plan.filters[position], recheck = plan.recheckOn[position - 1]
        // This class's own part of WHERE, tested on a candidate before it joins (inner joins only).
        let passes: (CIMInstance) throws -> Bool
        if let compiled = filter.compiledLocal {
            passes = { try compiled(self, $0) ?? false }
        } else if !filter.local.isEmpty {
            passes = { instance in
                try self.withRow([.instance(instance)], [sources[position]]) {
                    try filter.local.allSatisfy { try self.truth(try self.evaluate($0), $0.range) }
                }
            }
        } else {
            passes = { _ in true }
        }
        // The earlier row's side of the ON equality: compiled against the one class it reads when possible.
        func probeValue(_ tuple: [Value], _ probe: Expression) throws -> Value {
            if let compiled = plan.probes[position - 1] {
                guard case .instance(let row) = tuple[compiled.source] else { return .null }  // a left join's missing row
                return try compiled.probe(self, row)
            }
            return try withRow(tuple, earlier) { try evaluate(probe) }
        }
        // The joined instances each earlier row may meet: through the index, a hash built once, or all.
        let rowsFor: ([Value]) throws -> [CIMInstance]
        switch method {
        case .indexLookup(let slot, _, _, let probe):
            rowsFor = { tuple in
                let values = self.scalarElements(try probeValue(tuple, probe))
                if values.count == 1 { return try self.indexedRows(join.source, cls, slot, values[0]).filter(passes) }
                var seen = Set<ObjectPath>()
                return try values.flatMap { try self.indexedRows(join.source, cls, slot, $0) }.filter { seen.insert($0.path).inserted }.filter(passes)
            }
        case .hash(let newSide, let probe):
            let candidates = try allInstances(join.source, cls)
            var buckets: [FoldedValue: [CIMInstance]] = [:]
            buckets.reserveCapacity(candidates.count)
            for instance in candidates where try passes(instance) {
                try visitRow(join.source.range)
                let key = try withRow([.instance(instance)], [sources[position]]) { try evaluate(newSide) }
                for element in scalarElements(key) { buckets[FoldedValue(element), default: []].append(instance) }
            }
            rowsFor = { tuple in
                let probed = try probeValue(tuple, probe)
                switch probed {
                case .cim(.null), .cim(.array): break
                case .cim(let one): return buckets[FoldedValue(one)] ?? []  // one value: no array made for it
                default: break
                }
                let values = self.scalarElements(probed)
                if values.count == 1 { return buckets[FoldedValue(values[0])] ?? [] }
                var seen = Set<ObjectPath>()
                return values.flatMap { buckets[FoldedValue($0)] ?? [] }.filter { seen.insert($0.path).inserted }
            }
        case .nestedLoop:
            let all = try allInstances(join.source, cls).filter { try visitRow(join.source.range); return try passes($0) }
            rowsFor = { _ in all }
        }
        let condition = plan.conditions[position - 1]
        let keepsUnmatchedJoined = join.kind == .right || join.kind == .full
        var met = Set<ObjectPath>()
        var out: [[Value]] = []
        for tuple in tuples {
            var matched = false
            for instance in try rowsFor(tuple) {
                try visitRow(join.source.range)
                var candidate = tuple  // one allocation, not two (`tuple + [x]` builds the literal first)
                candidate.reserveCapacity(tuple.count + 1)
                candidate.append(.instance(instance))
                if recheck, try !withRow(candidate, visible, { try truth(try evaluate(condition), condition.range) }) { continue }
                out.append(candidate)
                matched = true
                if keepsUnmatchedJoined { met.insert(instance.path) }
            }
            if !matched && (join.kind == .left || join.kind == .full) { out.append(tuple + [.null]) }
        }
        // A right or full join also keeps the joined class's rows no earlier row met, with nulls before them.
        if keepsUnmatchedJoined {
            let padding = Array(repeating: Value.null, count: position)
            for instance in try allInstances(join.source, cls) where !met.contains(instance.path) {
                try visitRow(join.source.range)
                out.append(padding + [.instance(instance)])
            }
        }
        return out
    }

    private func allInstances(_ source: Query.Source, _ cls: CIMClass) throws -> [CIMInstance] {
        if !narrowedRows.isEmpty, let rows = narrowedRows[source.binding.lowercased()] { return rows }
        return try located(source.range) { () throws(CIMError) in try model.instances(of: cls.name, namespace: namespace) }
    }

    /// Splits `A = B` in an ON clause (possibly inside ANDs) into the side naming the new source and the other.
    func equiJoinSides(_ e: Expression, _ source: Query.Source, _ cls: CIMClass) -> (Expression, Expression)? {
        switch e.kind {
        case .and(let l, let r): return equiJoinSides(l, source, cls) ?? equiJoinSides(r, source, cls)
        case .comparison(.equal, let l, let r):
            if mentionsOnly(l, source), !mentions(r, source) { return (l, r) }
            if mentionsOnly(r, source), !mentions(l, source) { return (r, l) }
            return nil
        default: return nil
        }
    }

    private func mentionsOnly(_ e: Expression, _ source: Query.Source) -> Bool {
        if case .member(let base, _) = e.kind, case .name(let b) = base.kind { return b.equalsIgnoringCase(source.binding) }
        return false
    }

    private func mentions(_ e: Expression, _ source: Query.Source) -> Bool {
        switch e.kind {
        case .member(let base, _):
            if case .name(let b) = base.kind { return b.equalsIgnoringCase(source.binding) }
            return mentions(base, source)
        case .name: return true  // an unqualified name could belong to any source: do not hash on it
        case .literal, .variable: return false
        default: return true
        }
    }

    private func scalarElements(_ v: Value) -> [CIMValue] {
        switch v {
        case .cim(.array(let a)): return a.elements.filter { !$0.isNull }
        case .cim(let c) where !c.isNull: return [c]
        default: return []
        }
    }

    /// Orders two ORDER BY keys: nulls first, then by value; incomparable kinds record an error.
    private func sortOrder(_ a: Value, _ b: Value, _ failure: inout ScriptError?, _ range: SourceRange) -> Int {
        switch (a.cimValue, b.cimValue) {
        case (.null?, .null?): return 0
        case (.null?, _): return -1
        case (_, .null?): return 1
        case let (x?, y?):
            do { return try ordering(x, y, range) } catch { failure = failure ?? error; return 0 }
        default:
            return a.displayText.compareIgnoringCase(b.displayText)
        }
    }

    func project(_ q: Query, _ tuples: [[Value]], _ sources: [(Query.Source, CIMClass)]) throws -> ResultSet {
        let single = sources.count == 1
        let fromClass = sources[0].1
        if q.items.count == 1, case .star = q.items[0], single {
            return ResultSet(className: fromClass.name.string, columns: fromClass.propertyNames, rows: tuples.map { $0[0] })
        }
        // Columns: `*` with joins expands to Class.Prop for every source; `A.*` to A's properties.
        var columns: [(name: String, value: ([Value]) throws -> Value)] = []
        for item in q.items {
            switch item {
            case .star:
                for (i, (src, cls)) in sources.enumerated() {
                    for p in cls.properties { columns.append(("\(src.binding).\(p.name)", { t in try self.member(t[i], p.name.string, src.range, cimClass: cls) })) }
                }
            case .qualifiedStar(let name):
                guard let i = sources.firstIndex(where: { $0.0.binding.equalsIgnoringCase(name) }) else {
                    throw ScriptError(.invalidQuery, "'\(name)' is not a class or alias in this query", at: q.range)
                }
                let (src, cls) = sources[i]
                for p in cls.properties {
                    columns.append((single ? p.name.string : "\(src.binding).\(p.name)", { t in try self.member(t[i], p.name.string, src.range, cimClass: cls) }))
                }
            case .expression(let e, let alias):
                if case .countStar = e.kind {
                    throw ScriptError(.invalidQuery, "count(*) must be the only item in the select list", at: e.range)
                }
                let name = alias ?? columnName(e, single, fromClass)
                // An item that reads one class (`SMS_R_System.Name`, `upper(o.Caption)`) is compiled against it:
                // no row scope built and no names resolved per row. A left join's missing row, and anything the
                // compiler leaves to the tree-walker, is evaluated as written.
                let read = sourcesRead(e, sources)
                if read.count == 1, let i = read.first {
                    let compiler = ExpressionCompiler(self, rowClass: sources[i].1, rowBinding: sources[i].0.binding)
                    let compiled = compiler.compile(e)
                    if !compiler.needsRowScope {
                        columns.append((name, { t in
                            if case .instance(let row) = t[i] { return try compiled(self, row) }
                            return try self.withRow(t, sources) { try self.evaluate(e) }
                        }))
                        continue
                    }
                }
                columns.append((name, { t in try self.withRow(t, sources) { try self.evaluate(e) } }))
            }
        }
        var rows: [Value] = []
        rows.reserveCapacity(tuples.count)
        for tuple in tuples {
            try visitRow(q.range)
            var fields: [(name: String, value: Value)] = []
            for c in columns { fields.append((c.name, try c.value(tuple))) }
            rows.append(.record(Record(className: single ? fromClass.name.string : nil, path: single ? tuple[0].objectPath : nil, fields: fields)))
        }
        return ResultSet(className: single ? fromClass.name.string : nil, columns: columns.map(\.name), rows: rows)
    }

    /// Names a column: a property keeps its declared case; anything else is shown as written.
    private func columnName(_ e: Expression, _ single: Bool, _ cls: CIMClass) -> String {
        if case .name(let n) = e.kind, single, let p = cls.property(named: CIMName(n)) { return p.name.string }
        return source.text(of: e.range)
    }

    /// Checks that every name in a query expression is a source (class or alias) or a property of one, and
    /// that an unqualified property is not ambiguous between joined classes. Subqueries check their own.
    func validateNames(_ e: Expression, _ sources: [(Query.Source, CIMClass)]) throws {
        func owners(_ n: String) -> [CIMClass] { sources.map(\.1).filter { $0.property(named: CIMName(n)) != nil } }
        switch e.kind {
        case .name(let n):
            if n.hasPrefix("__") || sources.contains(where: { $0.0.binding.equalsIgnoringCase(n) }) { return }
            let found = owners(n)
            if found.isEmpty {
                throw ScriptError(.invalidQuery, "'\(n)' is not a property of \(sources.map { $0.1.name.string }.joined(separator: ", "))"
                                  + Spelling.suggestion(for: n, among: sources.flatMap(\.1.propertyNames)), at: e.range)
            }
            if found.count > 1 {
                throw ScriptError(.invalidQuery, "'\(n)' is ambiguous: \(found.map { "\($0.name).\(n)" }.joined(separator: " or ")); qualify it", at: e.range)
            }
        case .member(let base, let n):
            if case .name(let b) = base.kind, let s = sources.first(where: { $0.0.binding.equalsIgnoringCase(b) }) {
                if s.1.property(named: CIMName(n)) == nil && !n.hasPrefix("__") {
                    throw ScriptError(.invalidQuery, "class \(s.1.name) has no property '\(n)'" + Spelling.suggestion(for: n, among: s.1.propertyNames), at: e.range)
                }
            } else {
                try validateNames(base, sources)  // an embedded object's path: its own names are checked per row
            }
        case .literal, .variable, .countStar, .query, .association, .get, .new: return
        case .array(let items): for i in items { try validateNames(i, sources) }
        case .unary(_, let x), .not(let x), .isNull(let x, _), .isa(let x, _): try validateNames(x, sources)
        case .binary(_, let a, let b), .comparison(_, let a, let b), .and(let a, let b), .or(let a, let b),
             .like(let a, let b, _), .index(let a, let b):
            try validateNames(a, sources)
            try validateNames(b, sources)
        case .inList(let x, let items, _):
            try validateNames(x, sources)
            for i in items { try validateNames(i, sources) }
        case .inQuery(let x, _, _): try validateNames(x, sources)
        case .call(let name, let args):
            // DateDiff(dd, …), DateAdd(dd, …), DatePart(yy, …) take a unit word first.
            let skipFirst = Interpreter.unitFirstFunctions.contains(name.lowercased())
            for (i, a) in args.enumerated() where !(skipFirst && i == 0) { try validateNames(a.value, sources) }
        case .methodCall(let target, _, let args):
            try validateNames(target, sources)
            for a in args { try validateNames(a.value, sources) }
        case .invoke(let x): try validateNames(x, sources)
        }
    }

    private func distinctRows(_ rows: [Value]) -> [Value] {
        var seen = Set<[FoldedValue]>()
        return rows.filter { row in
            let key = (row.fields ?? []).map { FoldedValue($0.value.cimValue ?? .string($0.value.displayText)) }
            return seen.insert(key).inserted
        }
    }

    /// The values of an uncorrelated `in (select …)` subquery's single column: run once per enclosing query
    /// (`ResourceID not in (select …)` over 100,000 systems runs its subquery once, not 100,000 times).
    func subquerySet(_ q: Query) throws -> Set<FoldedValue> {
        if let known = subquerySets.last?[q.range] { return known }
        let set = try runSubquery(q)
        if !subquerySets.isEmpty { subquerySets[subquerySets.count - 1][q.range] = set }
        return set
    }

    private func runSubquery(_ q: Query) throws -> Set<FoldedValue> {
        let rs = try runQuery(q)
        guard rs.columns.count == 1 || (q.items.count == 1 && rs.rows.isEmpty) else {
            throw ScriptError(.invalidQuery, "a subquery after IN must select exactly one property", at: q.range)
        }
        var set = Set<FoldedValue>()
        for row in rs.rows {
            guard let v = row.fields?.first?.value.cimValue else { continue }
            for e in scalarElements(.cim(v)) { set.insert(FoldedValue(e)) }
        }
        return set
    }
}
