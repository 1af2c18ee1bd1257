// WQL queries: SELECT with ConfigMgr's extensions (joins, IN, ORDER BY, DISTINCT, COUNT), and
// ASSOCIATORS OF / REFERENCES OF.
//
//   query  → 'select' ['distinct'] items 'from' source { ',' source } { join } ['where' expr]
//            ['order' 'by' order {',' order}] ['limit' expr]
//   items  → '*' | item { ',' item } ;  item → Class '.*' | expr [ ['as'] alias ]
//   source → Class [ ['as'] alias ]
//   join   → [ 'inner' | ('left' | 'right' | 'full') ['outer'] ] 'join' source 'on' expr | 'cross' 'join' source
import CIM

extension Parser {
    /// Words that end a select item or source and so are never taken as an alias.
    static let clauseWords: Set<String> = ["from", "where", "join", "inner", "left", "right", "full", "outer", "cross", "on",
                                           "order", "group", "having", "limit", "as", "and", "or", "not", "by"]

    mutating func query() throws(Failure) -> Query {
        try enter()
        defer { depth -= 1 }
        let start = current
        try expectWord("select", "to start a query")
        let distinct = acceptWord("distinct")
        var items: [Query.Item] = []
        if accept(.star) {
            items = [.star]
        } else {
            repeat { items.append(try selectItem()) } while accept(.comma)
        }
        guard acceptWord("from") else {
            throw fail("expected 'from' and a class name after the select list, found \(describe(current))")
        }
        let from = try querySource()
        var q = Query(distinct: distinct, items: items, from: from, range: start.range)
        q.planID = QueryPlanCache.newID()
        // ANSI-89 joins (`from A, B where A.X = B.X`), which ConfigMgr's extended WQL accepts.
        while accept(.comma) {
            let source = try querySource()
            q.joins.append(Query.Join(kind: .cross, source: source, condition: Expression(.literal(.boolean(true)), source.range)))
        }
        while let kind = try joinKind() {
            let source = try querySource()
            if kind == .cross {
                if current.isWord("on") { throw fail("a cross join has no 'on'; write 'inner join \(source.className) on …'") }
                q.joins.append(Query.Join(kind: .cross, source: source, condition: Expression(.literal(.boolean(true)), source.range)))
                continue
            }
            try expectWord("on", "after 'join \(source.className)'")
            q.joins.append(Query.Join(kind: kind, source: source, condition: try expression()))
        }
        if acceptWord("where") { q.filter = try expression() }
        if current.isWord("group") || current.isWord("having") {
            throw fail("'\(current.text)' is not supported in data queries (WQL allows GROUP BY only in event queries)")
        }
        if acceptWord("order") {
            try expectWord("by", "after 'order'")
            repeat {
                let e = try expression()
                var ascending = true
                if acceptWord("desc") { ascending = false } else { _ = acceptWord("asc") }
                q.orderBy.append(Query.Ordering(expression: e, ascending: ascending))
            } while accept(.comma)
        }
        if acceptWord("limit") { q.limit = try expression() }
        q.range = range(from: start)
        if distinct, items.contains(where: { if case .expression(let e, _) = $0, case .countStar = e.kind { true } else { false } }) {
            throw fail("DISTINCT cannot be combined with COUNT(*)", at: start)
        }
        return q
    }

    mutating func selectItem() throws(Failure) -> Query.Item {
        // `SMS_R_System.*`
        if current.kind == .word, peek().isSymbol(.dot), peek(2).isSymbol(.star) {
            let cls = advance()
            advance(); advance()
            return .qualifiedStar(cls.text)
        }
        // Column aliases need `as` (a cmsh extension; WQL has none): without it, a typo such as
        // `select Name frm X` would silently become an alias.
        let e = try expression()
        if acceptWord("as") { return .expression(e, alias: try name("an alias after 'as'").text) }
        return .expression(e, alias: nil)
    }

    /// Words WQL reserves, which cannot name a class.
    static let reserved: Set<String> = ["select", "from", "where", "and", "or", "not", "like", "is", "null", "isa",
                                         "in", "join", "on", "order", "by", "group", "having", "true", "false",
                                         "associators", "references", "of", "distinct", "limit"]

    mutating func querySource() throws(Failure) -> Query.Source {
        if current.kind == .word, Self.reserved.contains(current.text.lowercased()) {
            throw fail("expected a class name, found the keyword '\(current.text)'")
        }
        let cls = try name("a class name")
        var alias: String?
        if acceptWord("as") {
            alias = try name("an alias after 'as'").text
        } else if current.kind == .word, !Self.clauseWords.contains(current.text.lowercased()) {
            alias = advance().text
        }
        return Query.Source(className: cls.text, alias: alias, range: cls.range)
    }

    mutating func joinKind() throws(Failure) -> Query.JoinKind? {
        if acceptWord("join") { return .inner }
        if current.isWord("inner") && peek().isWord("join") { advance(); advance(); return .inner }
        for kind in [Query.JoinKind.left, .right, .full] where current.isWord(kind.rawValue) {
            let word = advance()
            _ = acceptWord("outer")
            try expectWord("join", "after '\(word.text)'")
            return kind
        }
        if current.isWord("cross") && peek().isWord("join") { advance(); advance(); return .cross }
        return nil
    }

    /// assoc → ('associators' | 'references') 'of' '{' path '}' [ 'where' { option } ]
    mutating func associationQuery() throws(Failure) -> AssociationQuery {
        let start = advance()
        let isReferences = start.isWord("references")
        try expectWord("of", "after '\(start.text)'")
        guard current.kind == .string else {
            throw fail("expected '{' and an object path after '\(start.text) of', as in {SMS_Package.PackageID=\"S0100001\"}")
        }
        let pathToken = advance()
        var q = AssociationQuery(isReferences: isReferences, path: pathToken.text, pathRange: pathToken.range, range: start.range)
        if acceptWord("where") {
            while current.kind == .word {
                let option = advance()
                switch option.text.lowercased() {
                case "classdefsonly": q.classDefsOnly = true
                case "keysonly": q.keysOnly = true
                case "resultclass", "assocclass", "role", "resultrole", "requiredqualifier", "requiredassocqualifier":
                    _ = try expect(.equal, "after '\(option.text)'")
                    let value = try name("a name after '\(option.text) ='").text
                    switch option.text.lowercased() {
                    case "resultclass": q.resultClass = value
                    case "assocclass": q.assocClass = value
                    case "role": q.role = value
                    case "resultrole": q.resultRole = value
                    case "requiredqualifier": q.requiredQualifier = value
                    default: q.requiredAssocQualifier = value
                    }
                default:
                    throw fail("'\(option.text)' is not an option of \(start.text.uppercased()) OF; use ResultClass, AssocClass, Role, ResultRole, RequiredQualifier, RequiredAssocQualifier, ClassDefsOnly or KeysOnly", at: option)
                }
                let lower = option.text.lowercased()
                if isReferences && (lower == "resultrole" || lower == "assocclass" || lower == "requiredassocqualifier") {
                    throw fail("REFERENCES OF takes ResultClass, Role, RequiredQualifier, ClassDefsOnly and KeysOnly, not \(option.text)", at: option)
                }
                if q.classDefsOnly && q.keysOnly {
                    throw fail("ClassDefsOnly and KeysOnly cannot be used together", at: option)
                }
                if q.classDefsOnly && q.resultClass != nil {
                    throw fail("ClassDefsOnly and ResultClass cannot be used together", at: option)
                }
            }
        }
        q.range = range(from: start)
        return q
    }
}
