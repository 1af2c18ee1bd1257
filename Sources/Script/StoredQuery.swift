// Stored queries: one WQL SELECT kept as text outside any script — a collection's query rule — parsed,
// checked and run on its own, with errors located in that text.
import CIM

/// A WQL SELECT held as text by the object model (SMS_CollectionRuleQuery.QueryExpression, say), ready to
/// be checked or run by a provider.
public struct StoredQuery: Sendable {
    public let source: SourceFile
    let query: Query

    /// Parses `text`, which must be a single SELECT and nothing else. Errors are located in `text`
    /// (`fileName` names it in the message, e.g. the rule's name).
    public init(_ text: String, fileName: String = "query") throws(Diagnostic) {
        let source = SourceFile(name: fileName, text: text)
        self.source = source
        let program: Program
        do { program = try Parser.parse(source) } catch { throw error.diagnostics[0] }
        guard program.statements.count == 1, case .expression(let e) = program.statements[0].kind, case .query(let q) = e.kind else {
            let range = program.statements.first?.range ?? SourceRange(0, 0)
            throw Diagnostic(kind: .syntax, message: "expected a single SELECT query", range: range, in: source,
                             status: .invalidQuery)
        }
        query = q
    }

    /// The class the query selects from (its FROM clause), as written.
    public var fromClassName: String { query.from.className }

    /// Where the FROM class is named, for messages about it.
    public var fromLocation: SourceLocation { source.location(of: query.from.range.start) }
}

extension Interpreter {
    /// Checks that every class and property a stored query names exists, without running it.
    public func check(_ stored: StoredQuery) throws(Diagnostic) {
        try located(stored) { _ = try resolveSources(stored.query) }
    }

    /// The distinct instances of the query's FROM class that satisfy its joins and WHERE clause, in the order
    /// the plan finds them. The select list, ORDER BY and LIMIT do not matter here: this is how ConfigMgr
    /// reads a collection query rule — the resources it selects, whatever columns it names.
    public func fromInstances(of stored: StoredQuery) throws(Diagnostic) -> [CIMInstance] {
        try located(stored) {
            let sources = try resolveSources(stored.query)
            var seen = Set<ObjectPath>()
            return try matchingTuples(stored.query, sources).compactMap { tuple -> CIMInstance? in
                guard case .instance(let instance) = tuple[0], seen.insert(instance.path).inserted else { return nil }
                return instance
            }
        }
    }

    /// Runs `body` with `stored` as the current source, turning its errors into located diagnostics.
    private func located<T>(_ stored: StoredQuery, _ body: () throws -> T) throws(Diagnostic) -> T {
        let saved = source
        source = stored.source
        defer { source = saved; returnStepsToParentRun() }
        do {
            return try body()
        } catch let e as ScriptError {
            throw Diagnostic(kind: .runtime, message: e.message, range: e.range, in: stored.source, status: e.status)
        } catch let e as CIMError {
            throw Diagnostic(kind: .runtime, message: e.message, range: stored.query.range, in: stored.source, status: e.status)
        } catch {
            throw Diagnostic(kind: .runtime, message: "\(error)", range: stored.query.range, in: stored.source, status: .failed)
        }
    }
}
