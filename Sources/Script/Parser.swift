// Parser: tokens → Program. Recursive descent for statements, precedence climbing for expressions
// (Parser+Expression.swift) and a clause-by-clause WQL parser (Parser+Query.swift).
//
// Errors do not stop the parse: each is recorded, the parser skips to the end of the statement and goes on,
// so a script with three mistakes reports three. Any error means nothing runs.
import CIM

public struct Parser {
    var tokens: [Token]
    var p = 0
    let source: SourceFile
    var diagnostics: [Diagnostic] = []
    /// Nesting depth of expressions and blocks; deep nesting is an error, never a stack overflow.
    var depth = 0
    /// The part of `depth` that is operators chained in one expression (`a or b or …`), so the message
    /// names the limit hit: too many operators, or brackets and blocks nested too deep.
    var chainDepth = 0
    let maxDepth: Int

    struct Failure: Error {}

    init(tokens: [Token], source: SourceFile, lexical: [Diagnostic], maxDepth: Int) {
        self.tokens = tokens
        self.source = source
        self.diagnostics = lexical
        self.maxDepth = maxDepth
    }

    /// Parses a whole script. Throws ``SyntaxErrors`` with every error found.
    public static func parse(_ text: String, fileName: String = "<input>", maxDepth: Int = 200) throws(SyntaxErrors) -> Program {
        try parse(SourceFile(name: fileName, text: text), maxDepth: maxDepth)
    }

    public static func parse(_ source: SourceFile, maxDepth: Int = 200) throws(SyntaxErrors) -> Program {
        let (tokens, lexical) = Lexer.tokenize(source)
        var parser = Parser(tokens: tokens, source: source, lexical: lexical, maxDepth: maxDepth)
        // Input that stops mid-statement (open string, bracket, comment): report the real errors before
        // that point, then the unfinished statement — parsing past it would only add noise. With no earlier
        // error the result is "incomplete", and a REPL asks for another line.
        if let open = lexical.first(where: { $0.kind == .incomplete }) {
            _ = parser.statementList(until: nil)
            let openOffset = source.offset(of: open.location)
            let earlier = parser.diagnostics.filter { $0.kind == .syntax && source.offset(of: $0.location) < openOffset }
            throw SyntaxErrors(diagnostics: earlier + [open])
        }
        // A mismatched bracket derails the parser; its own errors after one are noise.
        if lexical.contains(where: { $0.note != nil }) { throw SyntaxErrors(diagnostics: lexical) }
        let statements = parser.statementList(until: nil)
        if !parser.diagnostics.isEmpty {
            let sorted = parser.diagnostics.sorted { $0.location.line == $1.location.line ? $0.location.column < $1.location.column : $0.location.line < $1.location.line }
            throw SyntaxErrors(diagnostics: sorted)
        }
        return Program(statements: statements, source: source)
    }

    // MARK: - Token access

    var current: Token { tokens[p] }
    var atEnd: Bool { tokens[p].kind == .end }

    func peek(_ ahead: Int = 1) -> Token { tokens[min(p + ahead, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[p]
        if p < tokens.count - 1 { p += 1 }
        return t
    }

    mutating func accept(_ s: Symbol) -> Bool {
        if current.isSymbol(s) { advance(); return true }
        return false
    }

    mutating func acceptWord(_ w: String) -> Bool {
        if current.isWord(w) { advance(); return true }
        return false
    }

    /// Describes a token for messages: `'from'`, `end of input`, `end of line`.
    func describe(_ t: Token) -> String {
        func cut(_ s: String) -> String { s.count > 30 ? s.prefix(30) + "…" : s }
        switch t.kind {
        case .end: return "end of input"
        case .newline: return "end of line"
        case .string: return "string \"\(cut(t.text))\""
        default: return "'\(cut(source.text(of: t.range)))'"
        }
    }

    static func tooManyOperators(_ limit: Int) -> String {
        "too many operators in one expression (limit is \(limit)); split it up, or use IN (…) for a list"
    }

    /// Records an error at a token and fails the current statement. At end of input the error is
    /// "incomplete", which a REPL answers with a continuation prompt.
    mutating func fail(_ message: String, at token: Token? = nil, note: String? = nil) -> Failure {
        let t = token ?? current
        let kind: Diagnostic.Kind = t.kind == .end ? .incomplete : .syntax
        diagnostics.append(Diagnostic(kind: kind, message: message, range: t.range, in: source, note: note))
        return Failure()
    }

    mutating func expect(_ s: Symbol, _ context: String) throws(Failure) -> Token {
        guard current.isSymbol(s) else { throw fail("expected '\(s.rawValue)' \(context), found \(describe(current))") }
        return advance()
    }

    mutating func expectWord(_ w: String, _ context: String) throws(Failure) {
        guard acceptWord(w) else { throw fail("expected '\(w)' \(context), found \(describe(current))") }
    }

    /// A name (class, property, method): any word.
    mutating func name(_ what: String) throws(Failure) -> Token {
        guard current.kind == .word else { throw fail("expected \(what), found \(describe(current))") }
        return advance()
    }

    mutating func variableName(_ context: String) throws(Failure) -> String {
        guard current.kind == .variable else { throw fail("expected a variable such as $x \(context), found \(describe(current))") }
        return advance().text
    }

    mutating func enter() throws(Failure) {
        depth += 1
        if depth > maxDepth {
            if chainDepth * 2 > depth { throw fail(Self.tooManyOperators(maxDepth)) }
            throw fail("brackets, blocks and calls nest too deep (limit is \(maxDepth) levels)")
        }
    }

    func range(from start: Token) -> SourceRange { SourceRange(start.range.start, tokens[max(0, p - 1)].range.end) }

    // MARK: - Statement lists and recovery

    mutating func skipSeparators() {
        while current.kind == .newline || current.isSymbol(.semicolon) { advance() }
    }

    /// statements → { statement (';' | newline) } up to `closer` or end of input.
    mutating func statementList(until closer: Symbol?) -> [Statement] {
        var out: [Statement] = []
        skipSeparators()
        while !atEnd {
            if let closer, current.isSymbol(closer) { break }
            do {
                out.append(try statement())
                if !(current.kind == .newline || current.isSymbol(.semicolon) || atEnd || (closer.map { current.isSymbol($0) } ?? false)) {
                    throw fail("expected the end of the statement, found \(describe(current))")
                }
            } catch {
                recover(closer: closer)
            }
            skipSeparators()
        }
        return out
    }

    /// Skips to the end of the broken statement: the next line end or ';' outside brackets, or the block's end.
    mutating func recover(closer: Symbol?) {
        var nesting = 0
        while !atEnd {
            let t = current
            if nesting == 0 {
                if t.kind == .newline || t.isSymbol(.semicolon) { return }
                if let closer, t.isSymbol(closer) { return }
            }
            if t.isSymbol(.leftBrace) || t.isSymbol(.leftParen) || t.isSymbol(.leftBracket) { nesting += 1 }
            if t.isSymbol(.rightBrace) || t.isSymbol(.rightParen) || t.isSymbol(.rightBracket) { nesting = max(0, nesting - 1) }
            advance()
        }
    }

    /// block → '{' statements '}'
    mutating func block(_ context: String) throws(Failure) -> [Statement] {
        try enter()
        defer { depth -= 1 }
        while current.kind == .newline { advance() }
        let open = try expect(.leftBrace, context)
        let body = statementList(until: .rightBrace)
        guard accept(.rightBrace) else {
            let loc = source.location(of: open.range.start)
            throw fail("expected '}' to end the block", note: "to close '{' at \(loc.line):\(loc.column)")
        }
        return body
    }

    // MARK: - Statements

    mutating func statement() throws(Failure) -> Statement {
        let start = current
        let kind = try statementKind()
        return Statement(kind: kind, range: range(from: start))
    }

    mutating func statementKind() throws(Failure) -> StatementKind {
        let t = current
        if t.kind == .variable, peek().isSymbol(.equal) || peek().isSymbol(.dot) || peek().isSymbol(.leftBracket) {
            // `$x = e`, `$x.P = e`, `$a[0] = e` — or just an expression that starts with a variable.
            let save = p, saveDiagnostics = diagnostics
            let target = try postfixExpression()
            if accept(.equal) {
                switch target.kind {
                case .variable, .member, .index: return .assign(target, try expression())
                default: throw fail("only a variable, a property or an element can be assigned to", at: t)
                }
            }
            p = save
            diagnostics = saveDiagnostics
        }
        if t.kind == .command {
            advance()
            let parts = t.text.split(separator: " ", maxSplits: 1)
            return .hostCommand(name: String(parts[0]).lowercased(),
                                argument: parts.count > 1 ? String(parts[1].drop { $0 == " " || $0 == "\t" }) : "")
        }
        guard t.kind == .word else { return .expression(try expression()) }
        switch t.text.lowercased() {
        case "let":
            advance()
            let name = try variableName("after 'let'")
            _ = try expect(.equal, "after 'let $\(name)'")
            return .let(name, try expression())
        case "if": return try ifStatement()
        case "for":
            advance()
            let name = try variableName("after 'for'")
            try expectWord("in", "after 'for $\(name)'")
            let sequence = try expression()
            return .forIn(name, sequence, try block("to start the body of 'for'"))
        case "while":
            advance()
            let condition = try expression()
            return .while(condition, try block("to start the body of 'while'"))
        case "begin", "commit", "rollback":
            // Only when the word stands alone (optionally with `transaction` or `work`, as SQL allows), so
            // a class or function of that name still works.
            var look = p + 1
            if tokens[look].isWord("transaction") || tokens[look].isWord("work") { look += 1 }
            let next = tokens[look]
            guard next.kind == .newline || next.kind == .end || next.isSymbol(.semicolon) || next.isSymbol(.rightBrace) else {
                return .expression(try expression())
            }
            let word = advance().text.lowercased()
            p = look
            return .transaction(word == "begin" ? .begin : word == "commit" ? .commit : .rollback)
        case "break": advance(); return .break
        case "continue": advance(); return .continue
        case "func", "function": return .function(try functionDeclaration())
        case "return":
            advance()
            return .return(endsStatement ? nil : try expression())
        case "try":
            advance()
            let body = try block("after 'try'")
            while current.kind == .newline { advance() }
            try expectWord("catch", "after the 'try' block")
            let variable = current.kind == .variable ? advance().text : nil
            return .try(body, catchVariable: variable, try block("to start the 'catch' block"))
        case "assert":
            advance()
            let condition = try expression()
            return .assert(condition, message: accept(.comma) ? try expression() : nil)
        case "print":
            advance()
            var items: [Expression] = []
            if !endsStatement {
                repeat { items.append(try expression()) } while accept(.comma)
            }
            return .print(items)
        case "set" where peek().kind == .word:
            advance()
            let option = advance()
            let value = try name("a value for '\(option.text)'")
            return .setOption(option.text.lowercased(), value.text.lowercased())
        case "exit", "quit":
            advance()
            return .exit(endsStatement ? nil : try expression())
        case "explain" where peek().isWord("select"):
            advance()
            return .explain(try query())
        case "describe" where peek().kind == .word:
            advance()
            return .describe(advance().text)
        case "show" where peek().kind == .word: return try showStatement()
        case "use" where peek().kind == .word || peek().kind == .string:
            advance()
            _ = acceptWord("namespace")
            return .useNamespace(try namespaceName())
        case "update" where peek().kind == .word || peek().kind == .variable: return try updateStatement()
        case "delete" where peek().kind == .word || peek().kind == .variable: return try deleteStatement()
        default:
            return .expression(try expression())
        }
    }

    var endsStatement: Bool {
        current.kind == .newline || current.kind == .end || current.isSymbol(.semicolon) || current.isSymbol(.rightBrace)
    }

    /// if → 'if' expr block { 'else' 'if' expr block } [ 'else' block ]
    mutating func ifStatement() throws(Failure) -> StatementKind {
        advance()
        var branches: [(condition: Expression, body: [Statement])] = []
        let condition = try expression()
        branches.append((condition, try block("to start the body of 'if'")))
        while true {
            // `else` may sit on the next line after '}'.
            var look = p
            while tokens[look].kind == .newline { look += 1 }
            guard tokens[look].isWord("else") else { break }
            p = look
            advance()
            if acceptWord("if") {
                let c = try expression()
                branches.append((c, try block("to start the body of 'else if'")))
            } else {
                return .if(branches, else: try block("after 'else'"))
            }
        }
        return .if(branches, else: nil)
    }

    /// func → 'func' name '(' [ $a { ',' $b } ] ')' block
    mutating func functionDeclaration() throws(Failure) -> FunctionDeclaration {
        let start = advance()
        let name = try self.name("a function name after 'func'")
        _ = try expect(.leftParen, "after the function name")
        var params: [String] = []
        if !current.isSymbol(.rightParen) {
            repeat {
                let param = try variableName("as a parameter")
                if params.contains(param) { throw fail("parameter $\(param) is declared twice") }
                params.append(param)
            } while accept(.comma)
        }
        _ = try expect(.rightParen, "to end the parameter list")
        let body = try block("to start the function body")
        return FunctionDeclaration(name: name.text, parameters: params, body: body, range: range(from: start))
    }

    /// show → 'show' ( 'classes' [ 'like' string ] | 'methods' 'of' Class | 'namespaces' )
    mutating func showStatement() throws(Failure) -> StatementKind {
        advance()
        let what = try name("'classes', 'methods' or 'namespaces' after 'show'")
        switch what.text.lowercased() {
        case "classes":
            if acceptWord("like") {
                guard current.kind == .string else { throw fail("expected a quoted pattern after 'like'") }
                return .showClasses(like: advance().text)
            }
            return .showClasses(like: nil)
        case "methods":
            try expectWord("of", "after 'show methods'")
            return .showMethods(try name("a class name").text)
        case "namespaces": return .showNamespaces
        default: throw fail("expected 'classes', 'methods' or 'namespaces' after 'show', found \(describe(what))", at: what)
        }
    }

    /// A namespace: the lexer hands an unquoted `root\sms\site_S01` over as a string token.
    mutating func namespaceName() throws(Failure) -> String {
        guard current.kind == .string || current.kind == .word else { throw fail("expected a namespace such as root\\sms\\site_S01") }
        return advance().text
    }

    /// update → 'update' ( reference | Class [ 'where' expr ] ) 'set' assignments
    ///        | 'update' ( reference | Class ) 'set' assignments [ 'where' expr ]     (SQL's order)
    mutating func updateStatement() throws(Failure) -> StatementKind {
        advance()
        var target = try changeTarget(isDelete: false)
        try expectWord("set", "before the properties to change")
        var assignments: [(name: String, value: Expression, range: SourceRange)] = []
        repeat {
            let prop = try name("a property name")
            _ = try expect(.equal, "after '\(prop.text)'")
            let value = try expression()
            assignments.append((prop.text, value, prop.range.union(value.range)))
        } while accept(.comma)
        if current.isWord("where") {
            guard case .matching(let source, nil) = target else {
                throw fail(target.isMatching ? "'where' is given twice; keep the one before 'set' or the one after it"
                                             : "'where' filters a class (update SMS_Package set … where …), not one object")
            }
            advance()
            target = .matching(source, try expression())
        }
        return .update(target, assignments)
    }

    /// delete → 'delete' ( reference | 'from' Class [ 'where' expr ] )
    mutating func deleteStatement() throws(Failure) -> StatementKind {
        advance()
        return .delete(try changeTarget(isDelete: true))
    }

    mutating func changeTarget(isDelete: Bool) throws(Failure) -> ChangeTarget {
        let isFrom = isDelete && acceptWord("from")
        // `update Class where …` / `delete from Class where …`: a class name not followed by '(' or '.'.
        if current.kind == .word, isFrom || !(peek().isSymbol(.leftParen) || peek().isSymbol(.dot)) {
            let cls = advance()
            var filter: Expression?
            if acceptWord("where") { filter = try expression() }
            return .matching(Query.Source(className: cls.text, alias: nil, range: cls.range), filter)
        }
        return .object(try postfixExpression())
    }
}
