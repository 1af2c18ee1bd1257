// Expressions: precedence climbing from `or` down to postfix member access, calls and indexing.
//
//   expr       → and { 'or' and }
//   and        → not { 'and' not }
//   not        → 'not' not | comparison
//   comparison → additive [ op additive | [not] like additive | is [not] null | is [not] in (…)
//                          | [not] in (…) | isa Class ]
//   additive   → multiplicative { ('+' | '-' | '||') multiplicative }
//   multiplicative → unary { ('*' | '/' | '%') unary }
//   unary      → ('-' | '+') unary | postfix
//   postfix    → primary { '.' name [ '(' args ')' ] | '[' expr ']' }
import CIM

extension Parser {
    mutating func expression() throws(Failure) -> Expression {
        try enter()
        var links = 0
        defer { depth -= 1 + links }
        var left = try andExpression()
        while acceptWord("or") {
            try chainLink(&links)
            let right = try andExpression()
            left = Expression(.or(left, right), left.range.union(right.range))
        }
        return left
    }

    /// `a or b or c …`, `a + b + c …` and `$x.a.b[0] …` build left-deep trees as deep as they are long, and
    /// evaluating or freeing such a tree recurses that deep: each link counts toward the nesting limit, so a
    /// pasted 100 000-term expression is an error, not a stack overflow.
    mutating func chainLink(_ links: inout Int) throws(Failure) {
        depth += 1
        chainDepth += 1
        links += 1
        if depth > maxDepth { throw fail(Self.tooManyOperators(maxDepth)) }
    }

    mutating func andExpression() throws(Failure) -> Expression {
        var links = 0
        defer { depth -= links; chainDepth -= links }
        var left = try notExpression()
        while acceptWord("and") {
            try chainLink(&links)
            let right = try notExpression()
            left = Expression(.and(left, right), left.range.union(right.range))
        }
        return left
    }

    mutating func notExpression() throws(Failure) -> Expression {
        let start = current
        if acceptWord("not") || accept(.bang) {
            try enter()
            defer { depth -= 1 }
            let operand = try notExpression()
            return Expression(.not(operand), start.range.union(operand.range))
        }
        return try comparison()
    }

    mutating func comparison() throws(Failure) -> Expression {
        let left = try additive()
        let opToken = current
        func make(_ kind: ExpressionKind, _ end: SourceRange) -> Expression { Expression(kind, left.range.union(end)) }
        if case .symbol(let s) = opToken.kind, let op = Self.comparisonOperator(s) {
            advance()
            let right = try additive()
            for side in [left, right] {
                if op.isOrdering, case .literal(.null) = side.kind {
                    throw fail("'\(opToken.text)' cannot compare with null; use IS NULL or IS NOT NULL", at: opToken)
                }
            }
            return make(.comparison(op, left, right), right.range)
        }
        guard opToken.kind == .word else { return left }
        switch opToken.text.lowercased() {
        case "like":
            advance()
            let pattern = try additive()
            return make(.like(left, pattern, negated: false), pattern.range)
        case "not" where peek().isWord("like"):
            advance(); advance()
            let pattern = try additive()
            return make(.like(left, pattern, negated: true), pattern.range)
        case "not" where peek().isWord("in"):
            advance(); advance()
            return try inTail(left, negated: true)
        case "in":
            advance()
            return try inTail(left, negated: false)
        case "is":
            advance()
            let negated = acceptWord("not")
            if acceptWord("null") { return make(.isNull(left, negated: negated), tokens[p - 1].range) }
            if acceptWord("in") { return try inTail(left, negated: negated) }
            throw fail("expected 'null' or 'in' after 'is\(negated ? " not" : "")', found \(describe(current))")
        case "isa":
            advance()
            let cls: String
            if current.kind == .string || current.kind == .word { cls = advance().text } else {
                throw fail("expected a class name after 'isa', found \(describe(current))")
            }
            return make(.isa(left, cls), tokens[p - 1].range)
        default:
            return left
        }
    }

    static func comparisonOperator(_ s: Symbol) -> ComparisonOperator? {
        switch s {
        case .equal, .doubleEqual: .equal
        case .notEqual, .lessGreater: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        default: nil
        }
    }

    /// in-tail → '(' ( query | expr { ',' expr } ) ')'
    mutating func inTail(_ left: Expression, negated: Bool) throws(Failure) -> Expression {
        let open = try expect(.leftParen, "after 'in'")
        if current.isWord("select") {
            let q = try query()
            let close = try expect(.rightParen, "after the subquery")
            return Expression(.inQuery(left, q, negated: negated), left.range.union(close.range))
        }
        var items: [Expression] = []
        if !current.isSymbol(.rightParen) {
            repeat { items.append(try expression()) } while accept(.comma)
        }
        guard current.isSymbol(.rightParen) else {
            let loc = source.location(of: open.range.start)
            throw fail("expected ',' or ')' in the 'in' list, found \(describe(current))", note: "to close '(' at \(loc.line):\(loc.column)")
        }
        let close = advance()
        return Expression(.inList(left, items, negated: negated), left.range.union(close.range))
    }

    mutating func additive() throws(Failure) -> Expression {
        var links = 0
        defer { depth -= links; chainDepth -= links }
        var left = try multiplicative()
        while case .symbol(let s) = current.kind, s == .plus || s == .minus || s == .concat {
            try chainLink(&links)
            advance()
            let right = try multiplicative()
            let op: BinaryOperator = s == .plus ? .add : (s == .minus ? .subtract : .concat)
            left = Expression(.binary(op, left, right), left.range.union(right.range))
        }
        return left
    }

    mutating func multiplicative() throws(Failure) -> Expression {
        var links = 0
        defer { depth -= links; chainDepth -= links }
        var left = try unary()
        while case .symbol(let s) = current.kind, s == .star || s == .slash || s == .percent {
            try chainLink(&links)
            advance()
            let right = try unary()
            let op: BinaryOperator = s == .star ? .multiply : (s == .slash ? .divide : .remainder)
            left = Expression(.binary(op, left, right), left.range.union(right.range))
        }
        return left
    }

    mutating func unary() throws(Failure) -> Expression {
        let start = current
        if accept(.minus) || accept(.plus) {
            try enter()
            defer { depth -= 1 }
            let operand = try unary()
            // Fold a sign into a numeric literal so that -9223372036854775808 is representable.
            if start.isSymbol(.minus), case .literal(let v) = operand.kind, let folded = Self.negate(v) {
                return Expression(.literal(folded), start.range.union(operand.range))
            }
            return Expression(.unary(start.isSymbol(.minus) ? .negate : .plus, operand), start.range.union(operand.range))
        }
        return try postfixExpression()
    }

    static func negate(_ v: CIMValue) -> CIMValue? {
        switch v {
        case .sint64(let i) where i != .min: return .sint64(-i)
        case .uint64(let u) where u == UInt64(Int64.max) + 1: return .sint64(.min)
        case .real64(let d): return .real64(-d)
        default: return nil
        }
    }

    mutating func postfixExpression() throws(Failure) -> Expression {
        var links = 0
        defer { depth -= links; chainDepth -= links }
        var e = try primary()
        while true {
            if current.isSymbol(.dot) || current.isSymbol(.leftBracket) { try chainLink(&links) }
            if accept(.dot) {
                if accept(.star) { throw fail("'.*' is only allowed in a select list") }
                let member = try name("a property or method name after '.'")
                if current.isSymbol(.leftParen) {
                    let args = try arguments()
                    e = Expression(.methodCall(e, member.text, args), e.range.union(tokens[p - 1].range))
                } else {
                    e = Expression(.member(e, member.text), e.range.union(member.range))
                }
            } else if current.isSymbol(.leftBracket) {
                advance()
                let index = try expression()
                let close = try expect(.rightBracket, "after the index")
                e = Expression(.index(e, index), e.range.union(close.range))
            } else {
                return e
            }
        }
    }

    /// args → '(' [ arg { ',' arg } ] ')' ;  arg → [ name (':' | '=') ] expr
    mutating func arguments() throws(Failure) -> [Argument] {
        let open = try expect(.leftParen, "to start the arguments")
        var args: [Argument] = []
        if !current.isSymbol(.rightParen) {
            repeat {
                if current.kind == .word, peek().isSymbol(.colon) || peek().isSymbol(.equal) {
                    let n = advance()
                    advance()
                    args.append(Argument(name: n.text, nameRange: n.range, value: try expression()))
                } else {
                    args.append(Argument(name: nil, nameRange: nil, value: try expression()))
                }
            } while accept(.comma)
        }
        guard current.isSymbol(.rightParen) else {
            let loc = source.location(of: open.range.start)
            throw fail("expected ',' or ')' in the argument list, found \(describe(current))", note: "to close '(' at \(loc.line):\(loc.column)")
        }
        advance()
        return args
    }

    mutating func primary() throws(Failure) -> Expression {
        try enter()
        defer { depth -= 1 }
        let t = current
        switch t.kind {
        case .string:
            advance()
            return Expression(.literal(.string(t.text)), t.range)
        case .integer:
            advance()
            guard let v = CIMValue.parseInteger(t.text) else { throw fail("'\(t.text)' is not a valid integer", at: t) }
            if let s = Int64(exactly: v) { return Expression(.literal(.sint64(s)), t.range) }
            if let u = UInt64(exactly: v) { return Expression(.literal(.uint64(u)), t.range) }
            throw fail("integer \(t.text) is too large (the largest is 18446744073709551615)", at: t)
        case .real:
            advance()
            guard let d = Double(t.text), d.isFinite else { throw fail("real number \(t.text) is out of range", at: t) }
            return Expression(.literal(.real64(d)), t.range)
        case .variable:
            advance()
            return Expression(.variable(t.text), t.range)
        case .symbol(.leftParen):
            advance()
            if current.isWord("select") {
                let q = try query()
                _ = try expect(.rightParen, "after the query")
                return Expression(.query(q), range(from: t))
            }
            let inner = try expression()
            guard current.isSymbol(.rightParen) else {
                let loc = source.location(of: t.range.start)
                throw fail("expected ')' after the expression, found \(describe(current))", note: "to close '(' at \(loc.line):\(loc.column)")
            }
            advance()
            return Expression(inner.kind, range(from: t))
        case .symbol(.leftBracket):
            advance()
            var items: [Expression] = []
            while current.kind == .newline { advance() }
            if !current.isSymbol(.rightBracket) {
                repeat {
                    while current.kind == .newline { advance() }
                    if current.isSymbol(.rightBracket) { break }  // trailing comma
                    items.append(try expression())
                } while accept(.comma)
            }
            guard current.isSymbol(.rightBracket) else {
                let loc = source.location(of: t.range.start)
                throw fail("expected ',' or ']' in the array, found \(describe(current))", note: "to close '[' at \(loc.line):\(loc.column)")
            }
            advance()
            return Expression(.array(items), range(from: t))
        case .word:
            return try wordPrimary(t)
        case .end:
            throw fail("expected an expression, found end of input")
        default:
            throw fail("expected an expression, found \(describe(t))")
        }
    }

    mutating func wordPrimary(_ t: Token) throws(Failure) -> Expression {
        switch t.text.lowercased() {
        case "true": advance(); return Expression(.literal(.boolean(true)), t.range)
        case "false": advance(); return Expression(.literal(.boolean(false)), t.range)
        case "null": advance(); return Expression(.literal(.null), t.range)
        case "select": return Expression(.query(try query()), range(from: t))
        case "associators" where peek().isWord("of"), "references" where peek().isWord("of"):
            return Expression(.association(try associationQuery()), range(from: t))
        case "invoke":
            advance()
            let call = try postfixExpression()
            guard case .methodCall = call.kind else {
                throw fail("'invoke' needs a method call such as SMS_Package(\"S0100001\").RefreshPkgSource()", at: t)
            }
            return Expression(.invoke(call), range(from: t))
        case "new" where peek().kind == .word:
            advance()
            let cls = advance()
            return Expression(.new(cls.text, try propertyBlock(for: cls.text)), range(from: t))
        case "get" where peek().kind == .string || peek().kind == .variable:
            advance()
            let path = try primary()  // `get "…".Name` reads Name of the fetched object
            return Expression(.get(path), range(from: t))
        case "count" where peek().isSymbol(.leftParen) && peek(2).isSymbol(.star):
            advance(); advance(); advance()
            _ = try expect(.rightParen, "after 'count(*'")
            return Expression(.countStar, range(from: t))
        case "not", "and", "or", "from", "where", "like", "is", "in", "then", "else", "catch":
            throw fail("expected an expression, found the keyword '\(t.text)'")
        default:
            advance()
            if current.isSymbol(.leftParen) {
                let args = try arguments()
                return Expression(.call(t.text, args), range(from: t))
            }
            return Expression(.name(t.text), t.range)
        }
    }

    /// properties → '{' [ name '=' expr { (',' | ';' | newline) name '=' expr } ] '}'
    mutating func propertyBlock(for cls: String) throws(Failure) -> [(name: String, value: Expression)] {
        let open = try expect(.leftBrace, "after 'new \(cls)'")
        var props: [(name: String, value: Expression)] = []
        func skip(_ parser: inout Parser) {
            while parser.current.kind == .newline || parser.current.isSymbol(.comma) || parser.current.isSymbol(.semicolon) { parser.advance() }
        }
        skip(&self)
        while !current.isSymbol(.rightBrace) {
            guard current.kind == .word else {
                let loc = source.location(of: open.range.start)
                throw fail("expected a property name or '}' in 'new \(cls) { … }', found \(describe(current))", note: "to close '{' at \(loc.line):\(loc.column)")
            }
            let n = advance()
            _ = try expect(.equal, "after property '\(n.text)'")
            props.append((n.text, try expression()))
            if !(current.kind == .newline || current.isSymbol(.comma) || current.isSymbol(.semicolon) || current.isSymbol(.rightBrace)) {
                throw fail("expected ',' or '}' after the value of '\(n.text)', found \(describe(current))")
            }
            skip(&self)
        }
        advance()
        return props
    }
}
