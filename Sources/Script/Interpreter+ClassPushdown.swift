// Class pushdown: on a backend that narrows one class's rows itself (the AdminService's `$filter`, `$select`,
// `$orderby`, `$top`), each class of a query is fetched already narrowed by the parts of WHERE that are its
// own and have an OData form; the query then runs here as it does locally, on those rows. Parts without such
// a form (functions, array properties, joins' conditions) are evaluated here only, and re-testing the pushed
// parts costs little and keeps cmsh's semantics whatever the server's.
import CIM

extension Interpreter {
    /// The narrowed rows of each source a backend can narrow, by binding (lowercased); empty when the model
    /// has no such capability.
    func classPushdown(_ q: Query, _ sources: [(Query.Source, CIMClass)]) throws -> [String: [CIMInstance]] {
        guard model.queryCapabilities.contains(.classQuery) else { return [:] }
        var fetched: [String: [CIMInstance]] = [:]
        for (position, request) in try classQueries(q, sources).enumerated() {
            guard let request else { continue }
            let source = sources[position].0
            let rows = try located(source.range) { () throws(CIMError) in
                do { return try model.instances(matching: request, namespace: namespace) } catch let e as CIMError { throw e } catch {
                    throw CIMError(.failed, "\(error)")
                }
            }
            fetched[source.binding.lowercased()] = rows
        }
        return fetched
    }

    /// The request for each source (nil for a source fetched whole: the outer side of a join).
    func classQueries(_ q: Query, _ sources: [(Query.Source, CIMClass)]) throws -> [ClassQuery?] {
        let parts = q.filter.map(conjuncts) ?? []
        let single = sources.count == 1
        return try sources.enumerated().map { position, entry in
            let (source, cls) = entry
            // WHERE narrows a left join's right side only after the join: a row it drops may be the one that
            // stops the null-extended row.
            if position > 0, ![.inner, .cross].contains(q.joins[position - 1].kind) { return nil }
            if q.joins.contains(where: { $0.kind == .right || $0.kind == .full }) { return nil }
            var terms: [FilterTerm] = []
            var allPushed = true
            for part in parts {
                if let term = try filterTerm(part, source, cls, single: single) { terms.append(term) } else { allPushed = false }
            }
            let filter = terms.isEmpty ? nil : terms.dropFirst().reduce(terms[0]) { .and($0, $1) }
            var request = ClassQuery(className: cls.name, filter: filter,
                                     properties: propertiesRead(q, source, cls, single: single))
            // One class whose whole WHERE went over: the server can sort and cut too.
            let counts = q.items.contains { if case .expression(let e, _) = $0, case .countStar = e.kind { true } else { false } }
            if single, allPushed, !q.distinct, !counts {
                var order: [(property: CIMName, ascending: Bool)] = []
                for o in q.orderBy {
                    guard let p = propertyName(o.expression, source, cls, single: single) else { order = []; break }
                    order.append((p, o.ascending))
                }
                if order.count == q.orderBy.count {
                    request.orderBy = order
                    if let limit = q.limit, let n = try? evaluate(limit).cimValue?.integerValue, n >= 0, n < Int128(Int32.max) {
                        request.top = Int(n)
                    }
                }
            }
            return request
        }
    }

    /// One part of WHERE as a condition on `source`'s own properties, or nil if it has no OData form.
    private func filterTerm(_ e: Expression, _ source: Query.Source, _ cls: CIMClass, single: Bool) throws -> FilterTerm? {
        func property(_ e: Expression) -> (CIMName, CIMType)? {
            guard let name = propertyName(e, source, cls, single: single), let p = cls.property(named: name),
                  !p.type.isArray, p.type.scalar != .object, p.type.scalar != .reference else { return nil }
            return (p.name, p.type)
        }
        func typed(_ c: Expression, _ type: CIMType) -> CIMValue? {
            guard let v = constant(c), let converted = try? v.converted(to: type) else { return nil }
            return converted
        }
        switch e.kind {
        case .and(let l, let r):
            guard let a = try filterTerm(l, source, cls, single: single), let b = try filterTerm(r, source, cls, single: single) else { return nil }
            return .and(a, b)
        case .or(let l, let r):
            guard let a = try filterTerm(l, source, cls, single: single), let b = try filterTerm(r, source, cls, single: single) else { return nil }
            return .or(a, b)
        case .not(let x):
            return try filterTerm(x, source, cls, single: single).map { .not($0) }
        case .comparison(let op, let l, let r):
            for (p, c, o) in [(l, r, op), (r, l, op.mirrored)] {
                guard let (name, type) = property(p), let value = typed(c, type), !value.isNull else { continue }
                let comparison: FilterTerm.Comparison = switch o {
                case .equal: .eq
                case .notEqual: .ne
                case .less: .lt
                case .lessEqual: .le
                case .greater: .gt
                case .greaterEqual: .ge
                }
                return .compare(name, comparison, value)
            }
            return nil
        case .isNull(let x, let negated):
            guard let (name, _) = property(x) else { return nil }
            return .compare(name, negated ? .ne : .eq, .null)
        case .like(let l, let r, let negated):
            guard let (name, type) = property(l), type.scalar == .string, case .string(let pattern)? = constant(r),
                  let term = Self.likeTerm(name, pattern) else { return nil }
            return negated ? .not(term) : term
        case .inList(let x, let items, let negated):
            guard let (name, type) = property(x), !items.isEmpty else { return nil }
            var terms: [FilterTerm] = []
            for item in items {
                guard let v = typed(item, type), !v.isNull else { return nil }
                terms.append(.compare(name, .eq, v))
            }
            let any = terms.dropFirst().reduce(terms[0]) { .or($0, $1) }
            return negated ? .not(any) : any
        default:
            return nil
        }
    }

    /// LIKE's patterns that OData can say: `text%`, `%text`, `%text%`, `text` (no `_` or `[…]`).
    static func likeTerm(_ name: CIMName, _ pattern: String) -> FilterTerm? {
        guard !pattern.contains("_"), !pattern.contains("[") else { return nil }
        let lead = pattern.hasPrefix("%"), trail = pattern.hasSuffix("%") && pattern.count > 1
        let text = String(pattern.dropFirst(lead ? 1 : 0).dropLast(trail ? 1 : 0))
        guard !text.contains("%"), !text.isEmpty else { return nil }
        switch (lead, trail) {
        case (false, false): return .compare(name, .eq, .string(text))
        case (false, true): return .match(.startsWith, name, text)
        case (true, false): return .match(.endsWith, name, text)
        case (true, true): return .match(.contains, name, text)
        }
    }

    /// `Name` (in a one-class query) or `Binding.Name`, if it is a property of `cls`.
    private func propertyName(_ e: Expression, _ source: Query.Source, _ cls: CIMClass, single: Bool) -> CIMName? {
        propertySlot(e, source, cls, single: single).map { cls.properties[$0].name }
    }

    /// A value that does not depend on the row: a literal, a variable (or a member or element of one), a
    /// negated integer literal. Both pushdowns send these as literals.
    func constant(_ e: Expression) -> CIMValue? {
        switch e.kind {
        case .literal(let v): return v
        case .variable, .index: return (try? evaluate(e))?.cimValue
        case .member(let base, _):
            if case .name = base.kind { return nil }
            return (try? evaluate(e))?.cimValue
        case .unary(.negate, let x):
            guard case .literal(let v) = x.kind, let i = v.integerValue else { return nil }
            return .sint64(Int64(clamping: -i))
        default: return nil
        }
    }

    /// The properties of `source` the query reads anywhere (its keys included), or nil for all of them:
    /// `*`, a system property, or a row used as a whole.
    private func propertiesRead(_ q: Query, _ source: Query.Source, _ cls: CIMClass, single: Bool) -> [CIMName]? {
        var names = Set(cls.keyProperties.map(\.name))
        var whole = false
        func visit(_ e: Expression) {
            switch e.kind {
            case .name(let n):
                if n.equalsIgnoringCase(source.binding) || n.hasPrefix("__") { whole = true }
                if let p = cls.property(named: CIMName(n)) { names.insert(p.name) }
            case .member(let base, let n):
                if case .name(let b) = base.kind, b.equalsIgnoringCase(source.binding) {
                    if let p = cls.property(named: CIMName(n)) { names.insert(p.name) } else { whole = true }
                } else {
                    visit(base)
                }
            default:
                e.kind.operands.forEach(visit)
            }
        }
        for item in q.items {
            switch item {
            case .star: whole = true
            case .qualifiedStar(let b): if b.equalsIgnoringCase(source.binding) { whole = true }
            case .expression(let e, _): visit(e)
            }
        }
        [q.filter].compactMap { $0 }.forEach(visit)
        q.joins.map(\.condition).forEach(visit)
        q.orderBy.map(\.expression).forEach(visit)
        guard !whole else { return nil }
        return cls.properties.map(\.name).filter(names.contains)
    }
}

extension ExpressionKind {
    /// The expressions directly inside this one (a subquery's are its own, and left out).
    var operands: [Expression] {
        switch self {
        case .literal, .variable, .name, .countStar, .query, .association, .new, .get: []
        case .array(let items): items
        case .unary(_, let x), .not(let x), .isNull(let x, _), .isa(let x, _), .member(let x, _), .invoke(let x), .inQuery(let x, _, _): [x]
        case .binary(_, let a, let b), .comparison(_, let a, let b), .and(let a, let b), .or(let a, let b), .like(let a, let b, _), .index(let a, let b): [a, b]
        case .inList(let x, let items, _): [x] + items
        case .call(_, let args): args.map(\.value)
        case .methodCall(let target, _, let args): [target] + args.map(\.value)
        }
    }
}
