// Syntax: the AST. Statements, expressions and queries are enums with source ranges; the interpreter
// switches over them exhaustively, so adding a case stops the build wherever it must be handled.
import CIM

public struct Expression: Sendable {
    public var kind: ExpressionKind
    public var range: SourceRange
    public init(_ kind: ExpressionKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// `name: value` or `name = value` in a call; `name` is nil for positional arguments.
public struct Argument: Sendable {
    public var name: String?
    public var nameRange: SourceRange?
    public var value: Expression
}

public indirect enum ExpressionKind: Sendable {
    case literal(CIMValue)
    case variable(String)
    /// A bare name: a class (`SMS_Package`) in statements, a property (`Name`) inside a query.
    case name(String)
    case array([Expression])
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    case comparison(ComparisonOperator, Expression, Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression)
    /// `a [not] like 'pat%'`
    case like(Expression, Expression, negated: Bool)
    /// `a is [not] null`
    case isNull(Expression, negated: Bool)
    /// `a isa 'Class'` / `__CLASS isa Class`
    case isa(Expression, String)
    /// `a [not] in (v1, v2)`
    case inList(Expression, [Expression], negated: Bool)
    /// `a [not] in (select …)`
    case inQuery(Expression, Query, negated: Bool)
    /// `x.Name`
    case member(Expression, String)
    /// `x[0]`
    case index(Expression, Expression)
    /// `name(args)`: a builtin, a script function, or an object reference `SMS_Package("S0100001")` —
    /// which one is decided when it runs, against the functions and classes that exist then.
    case call(String, [Argument])
    /// `target.Method(args)`: a method call on an object reference, a class (static), or a query's rows.
    case methodCall(Expression, String, [Argument])
    case query(Query)
    /// `associators of {path} …` / `references of {path} …`
    case association(AssociationQuery)
    /// `invoke target.Method(args)`
    case invoke(Expression)
    /// `new Class { Prop = value, … }`
    case new(String, [(name: String, value: Expression)])
    /// `get "\\server\ns:Class.Key='v'"`
    case get(Expression)
    /// `count(*)` inside a select list.
    case countStar
}

public enum UnaryOperator: Sendable { case negate, plus }
public enum BinaryOperator: String, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", concat = "||" }
public enum ComparisonOperator: String, Sendable {
    case equal = "=", notEqual = "<>", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    /// The operator with its operands swapped: `a < b` is `b > a`.
    public var mirrored: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        }
    }

    var isOrdering: Bool { self != .equal && self != .notEqual }
}

// MARK: - Queries

/// `select [distinct] items from Class [as A] [join …] [where …] [order by …] [limit n]`
public struct Query: Sendable {
    public enum Item: Sendable {
        case star
        /// `A.*`
        case qualifiedStar(String)
        case expression(Expression, alias: String?)
    }
    public struct Source: Sendable {
        public var className: String
        public var alias: String?
        public var range: SourceRange
        /// The name rows of this source are known by in the query (alias, else class name).
        public var binding: String { alias ?? className }
    }
    /// `inner`/`left`/`right`/`full` joins with ON; `cross` for `cross join X` and ANSI-89's `from A, B`
    /// (the planner joins on an equality WHERE gives between the classes, as SQL Server does).
    public enum JoinKind: String, Sendable { case inner, left, right, full, cross }
    public struct Join: Sendable {
        public var kind: JoinKind
        public var source: Source
        public var condition: Expression
    }
    public struct Ordering: Sendable {
        public var expression: Expression
        public var ascending: Bool
    }

    public var distinct = false
    public var items: [Item] = []
    public var from: Source
    public var joins: [Join] = []
    public var filter: Expression?
    public var orderBy: [Ordering] = []
    /// `limit n` — a cmsh extension to WQL.
    public var limit: Expression?
    public var range: SourceRange
    /// Names this query as the parser made it, for the interpreter's cache of plans (nil for a query built
    /// at run time, which is planned afresh). Never given to another query.
    public var planID: UInt64? = nil
}

/// `ASSOCIATORS OF {path} WHERE …` / `REFERENCES OF {path} WHERE …` as WMI defines them.
public struct AssociationQuery: Sendable {
    public var isReferences: Bool
    public var path: String
    public var pathRange: SourceRange
    public var resultClass: String?
    public var assocClass: String?
    public var role: String?
    public var resultRole: String?
    public var requiredQualifier: String?
    public var requiredAssocQualifier: String?
    public var classDefsOnly = false
    public var keysOnly = false
    public var range: SourceRange
}

// MARK: - Statements

public struct Statement: Sendable {
    public var kind: StatementKind
    public var range: SourceRange
}

public struct FunctionDeclaration: Sendable {
    public var name: String
    public var parameters: [String]
    public var body: [Statement]
    public var range: SourceRange
}

public indirect enum StatementKind: Sendable {
    case expression(Expression)
    /// `begin`, `commit`, `rollback` (a cmsh extension: WQL has no transactions)
    case transaction(TransactionControl)
    /// `let $x = e`
    case `let`(String, Expression)
    /// `$x = e`, `$x.P = e`, `$a[i] = e`
    case assign(Expression, Expression)
    case `if`([(condition: Expression, body: [Statement])], else: [Statement]?)
    case forIn(String, Expression, [Statement])
    case `while`(Expression, [Statement])
    case `break`
    case `continue`
    case function(FunctionDeclaration)
    case `return`(Expression?)
    case `try`([Statement], catchVariable: String?, [Statement])
    case assert(Expression, message: Expression?)
    case print([Expression])
    /// `set onerror stop|continue` and other options.
    case setOption(String, String)
    case exit(Expression?)
    /// `.format csv`: a shell command in a script, run by the host (``Interpreter/hostCommand``).
    case hostCommand(name: String, argument: String)
    case describe(String)
    /// `explain select …` (a cmsh extension): the query's plan — index use and join methods — without running it.
    case explain(Query)
    case showClasses(like: String?)
    case showMethods(String)
    case showNamespaces
    case useNamespace(String)
    /// `update <ref | Class where …> set P = v, …`
    case update(ChangeTarget, [(name: String, value: Expression, range: SourceRange)])
    /// `delete <ref | from Class where …>`
    case delete(ChangeTarget)
}

/// What `update`/`delete` act on: one object, or every instance of a class matching a filter.
public enum ChangeTarget: Sendable {
    case object(Expression)
    case matching(Query.Source, Expression?)

    var isMatching: Bool { if case .matching = self { true } else { false } }
}

/// A parsed script: its statements and the source they came from.
public struct Program: Sendable {
    public var statements: [Statement]
    public let source: SourceFile
}

/// The transaction statements. Each top-level statement is atomic on its own; these group several.
public enum TransactionControl: String, Sendable {
    case begin, commit, rollback
}
