// Pushdown: a query sent whole to a backend that evaluates WQL itself (a CIM-XML server's ExecQuery), written
// back as WQL from the AST with the script's values in place of its variables. A query that uses what only
// cmsh evaluates (script functions, method calls, `new`, lists built at run time) runs here as before.
import CIM

extension Interpreter {
    /// The query's result from the backend, or nil when the backend cannot take it (then it runs locally).
    func pushedDown(_ q: Query) throws -> ResultSet? {
        guard model.queryCapabilities.contains(.wql), let text = wqlText(q, top: true) else { return nil }
        let sources = try resolveSources(q)  // unknown names fail here, located, before anything is sent
        let rows: [QueryRow]
        do { rows = try model.executeQuery(text, namespace: namespace) } catch let e as CIMError {
            throw ScriptError(e.status, e.message, at: q.range)
        }
        var result: ResultSet
        if q.items.count == 1, case .expression(let e, let alias) = q.items[0], case .countStar = e.kind {
            let count: Value = rows.first.flatMap { row -> Value? in
                guard case .values(let values) = row, let v = values.first?.value.integerValue else { return nil }
                return .integer(Int64(v))
            } ?? .integer(0)
            result = ResultSet(className: nil, columns: [alias ?? "Count"], rows: [.record(Record(fields: [(alias ?? "Count", count)]))])
        } else if q.joins.isEmpty {
            // One class: the server's instances go through the same projection as local rows.
            let tuples = rows.compactMap { row -> [Value]? in if case .instance(let i) = row { [.instance(i)] } else { nil } }
            result = try project(q, tuples, sources)
        } else {
            let records = rows.compactMap { row -> Value? in
                guard case .values(let values) = row else { return nil }
                return .record(Record(fields: values.map { ($0.name, Value.cim($0.value)) }))
            }
            let columns: [String] = if case .values(let first)? = rows.first { first.map(\.name) } else { [] }
            result = ResultSet(className: nil, columns: columns, rows: records)
        }
        try applyLimit(q, to: &result)
        return result
    }

    /// WQL functions a WMI provider evaluates (ConfigMgr's extended WQL); any other call stays local.
    private static let wqlFunctions: Set<String> = ["datediff", "dateadd", "getdate", "upper", "lower"]

    /// The query as WQL; `limit` (cmsh's own) is left out at the top and applied here, and refused in a
    /// subquery. nil when a part has no WQL form.
    func wqlText(_ q: Query, top: Bool) -> String? {
        guard top || q.limit == nil else { return nil }
        var items: [String] = []
        for item in q.items {
            switch item {
            case .star: items.append("*")
            case .qualifiedStar(let b): items.append(b + ".*")
            case .expression(let e, let alias):
                guard let t = wql(e) else { return nil }
                items.append(t + (alias.map { " as " + $0 } ?? ""))
            }
        }
        func source(_ s: Query.Source) -> String { s.className + (s.alias.map { " as " + $0 } ?? "") }
        var text = "select " + (q.distinct ? "distinct " : "") + items.joined(separator: ", ") + " from " + source(q.from)
        for j in q.joins {
            if j.kind == .cross {
                text += " cross join " + source(j.source)
            } else {
                guard let on = wql(j.condition) else { return nil }
                text += " \(j.kind.rawValue) join " + source(j.source) + " on " + on
            }
        }
        if let filter = q.filter {
            guard let w = wql(filter) else { return nil }
            text += " where " + w
        }
        if !q.orderBy.isEmpty {
            var parts: [String] = []
            for o in q.orderBy {
                guard let t = wql(o.expression) else { return nil }
                parts.append(t + (o.ascending ? "" : " desc"))
            }
            text += " order by " + parts.joined(separator: ", ")
        }
        return text
    }

    private func wql(_ e: Expression) -> String? {
        func both(_ l: Expression, _ op: String, _ r: Expression) -> String? {
            guard let a = wql(l), let b = wql(r) else { return nil }
            return "(\(a) \(op) \(b))"
        }
        switch e.kind {
        case .literal(let v): return v.literal
        case .name(let n): return n
        case .countStar: return "count(*)"
        case .variable, .index:
            return constantText(e)
        case .member(let base, let property):
            if case .name(let n) = base.kind { return n + "." + property }
            return constantText(e)
        case .comparison(let op, let l, let r): return both(l, op.rawValue, r)
        case .binary(let op, let l, let r): return both(l, op.rawValue, r)
        case .and(let l, let r): return both(l, "and", r)
        case .or(let l, let r): return both(l, "or", r)
        case .not(let x): return wql(x).map { "not (\($0))" }
        case .unary(let op, let x): return wql(x).map { op == .negate ? "-(\($0))" : $0 }
        case .like(let l, let r, let negated): return both(l, negated ? "not like" : "like", r)
        case .isNull(let x, let negated): return wql(x).map { "\($0) is \(negated ? "not " : "")null" }
        case .inList(let x, let items, let negated):
            guard let a = wql(x) else { return nil }
            var list: [String] = []
            for item in items { guard let t = wql(item) else { return nil }; list.append(t) }
            return "\(a) \(negated ? "not " : "")in (\(list.joined(separator: ", ")))"
        case .inQuery(let x, let sub, let negated):
            guard let a = wql(x), let s = wqlText(sub, top: false) else { return nil }
            return "\(a) \(negated ? "not " : "")in (\(s))"
        case .call(let name, let args):
            guard Self.wqlFunctions.contains(name.lowercased()), args.allSatisfy({ $0.name == nil }) else { return nil }
            var list: [String] = []
            for a in args { guard let t = wql(a.value) else { return nil }; list.append(t) }
            return name + "(" + list.joined(separator: ", ") + ")"
        default:
            return nil
        }
    }

    /// A variable (or a member or element of one) as the literal of its value now: it cannot change while
    /// the query runs. nil for what is not a single CIM value.
    private func constantText(_ e: Expression) -> String? {
        guard let v = constant(e), v.type?.scalar != .object else { return nil }
        return v.literal
    }
}
