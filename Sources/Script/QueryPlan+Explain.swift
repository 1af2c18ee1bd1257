// explain: a query's plan as rows — one per step, in the order the steps run.
import CIM

extension Interpreter {
    /// `explain <query>`: the plan as rows — one per step, in the order the steps run.
    func explain(_ q: Query) throws -> ResultSet {
        let sources = try resolveSources(q)
        // A backend that evaluates WQL gets the whole statement: that one request is the plan.
        if model.queryCapabilities.contains(.wql), let text = wqlText(q, top: true) {
            var steps = [("1", "query", "ExecQuery", "\(text) — at \(model.location)")]
            if let limit = q.limit { steps.append(("2", "limit", "limit", self.source.text(of: limit.range) + " — applied in cmsh")) }
            return ResultSet(className: nil, columns: ["Step", "Source", "Access", "Detail"], rows: steps.map {
                .record(Record(fields: [("Step", .integer(Int64($0.0)!)), ("Source", .string($0.1)), ("Access", .string($0.2)), ("Detail", .string($0.3))]))
            })
        }
        let plan = try planQuery(q, sources)
        var steps: [(String, String, String)] = []
        // A backend that narrows one class's rows: what is fetched for each class comes first, and the plan
        // below runs on those rows.
        let requests = model.queryCapabilities.contains(.classQuery) ? try classQueries(q, sources) : []
        for (position, request) in requests.enumerated() {
            let (source, cls) = sources[position]
            steps.append((label(source, cls), "request", request.map { model.request(for: $0) }
                          ?? model.request(for: ClassQuery(className: cls.name))))
        }
        let (from, fromClass) = sources[0]
        // Counting is a request on a remote site: only the lines that show the count ask for it.
        var total: Int { (try? model.count(of: fromClass.name, namespace: namespace)) ?? 0 }
        // On a remote site, what each access sends over the wire.
        let remote = model.location == "local" ? nil : model.location
        switch plan.firstAccess {
        case _ where countsWholeClass(q):
            steps.append((label(from, fromClass), "count", "the \(total) rows the class's tables hold: no row is visited"))
        case _ where !requests.isEmpty:
            steps.append((label(from, fromClass), "rows", "the rows fetched above, tested in cmsh"))
        case .scan:
            steps.append((label(from, fromClass), "scan", remote.map { "EnumerateInstances of \(fromClass.name) (\(total)) from \($0), tested in cmsh" }
                          ?? "visits all \(total) instances"))
        case .index(_, let property, let value, let isKey):
            if let remote {
                let sent = isKey ? "GetInstance \(fromClass.name).\(property)=\(value.literal)" : "ExecQuery select * from \(fromClass.name) where \(property) = \(value.literal)"
                steps.append((label(from, fromClass), isKey ? "key lookup" : "lookup", "\(sent) at \(remote)"))
            } else {
                steps.append((label(from, fromClass), isKey ? "key lookup" : "index lookup",
                              "\(property) = \(value.literal) through the \(isKey ? "key index" : "hash index on \(property)") (of \(total) instances)"))
            }
        }
        for (i, method) in plan.joins.enumerated() {
            let (source, cls) = sources[i + 1]
            let kind = "\(q.joins[i].kind.rawValue) join"
            let condition = plan.conditions[i]
            let on = q.joins[i].kind == .cross
                ? (condition.isTrueLiteral ? "no condition" : "on " + self.source.text(of: condition.range) + " (from where)")
                : "on " + self.source.text(of: condition.range)
            switch method {
            case .indexLookup(_, let property, let isKey, let probe):
                steps.append((label(source, cls), "\(kind), \(isKey ? "key" : "index") lookup",
                              "each row probes the \(isKey ? "key index" : "hash index on \(property)") with \(self.source.text(of: probe.range)); \(on)\(plan.recheckOn[i] ? " (re-tested per row)" : "")"))
            case .hash(let newSide, _):
                steps.append((label(source, cls), "\(kind), hash",
                              "hashes \(cls.name) on \(self.source.text(of: newSide.range)) once; \(on)"))
            case .nestedLoop:
                steps.append((label(source, cls), "\(kind), nested loop", "no equality to hash on: every row meets every instance; \(on)"))
            }
        }
        // Each step's filters go right after it: the local part (tested on the class's own instances), then
        // the part that needs the joined row.
        var insertAt = 1 + requests.count
        for (stage, filter) in plan.filters.enumerated() {
            let name = sources[stage].1.name
            func text(_ parts: [Expression]) -> String { parts.map { self.source.text(of: $0.range) }.joined(separator: " and ") }
            if !filter.local.isEmpty {
                let how = filter.compiledLocal != nil ? "compiled, tested on each \(name) instance" : "tested on each \(name) instance"
                let before = stage == 0 ? "" : " before it joins"
                steps.insert(("where", "filter", "\(text(filter.local)) — \(how)\(before)"), at: insertAt)
                insertAt += 1
            }
            if !filter.joined.isEmpty {
                steps.insert(("where", "filter", "\(text(filter.joined)) — tested on each row after joining \(name)"), at: insertAt)
                insertAt += 1
            }
            insertAt += 1  // past the next join's line
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
