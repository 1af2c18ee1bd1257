// QueryPlanCache: a query's plan — its classes found and names checked, WHERE split and compiled, each join's
// method chosen — made once and used again while nothing it rests on has changed, so a prepared lookup run a
// million times is planned once. Only the first class's access (the index and the value it looks up) is worked
// out on every run, since a variable in WHERE may hold another value each time.
import CIM
import Foundation

struct QueryPlanCache {
    /// What a plan rests on besides the query's text: the schema (classes, indexes), the namespace its names
    /// are resolved in, and the functions a compiled builtin call could be shadowed by.
    struct Validity: Equatable {
        let schema: UInt64
        let namespace: String
        let functions: Int
    }

    /// A class, so a hit hands out one reference rather than copying the sources and plan field by field.
    final class Entry {
        let validity: Validity
        let sources: [(Query.Source, CIMClass)]
        let plan: QueryPlan

        init(validity: Validity, sources: [(Query.Source, CIMClass)], plan: QueryPlan) {
            self.validity = validity
            self.sources = sources
            self.plan = plan
        }
    }

    private var entries: [UInt64: Entry] = [:]
    /// Queries typed at a prompt are parsed (and numbered) anew each time: past this many plans, the cache
    /// starts again rather than grow for ever.
    static let capacity = 256

    subscript(id: UInt64, validity: Validity) -> Entry? {
        guard let entry = entries[id], entry.validity == validity else { return nil }
        return entry
    }

    mutating func keep(_ entry: Entry, for id: UInt64) {
        if entries.count >= Self.capacity && entries[id] == nil { entries.removeAll(keepingCapacity: true) }
        entries[id] = entry
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var lastID: UInt64 = 0

    /// A number for a query the parser made, unique in the process.
    static func newID() -> UInt64 { lock.withLock { lastID += 1; return lastID } }
}

extension Interpreter {
    /// The query's classes (names checked) and its plan: the cached one when the schema, namespace and functions
    /// are as they were when it was made, with this run's access path; else made now (and kept, for a query the
    /// parser made on a backend that names its schema generations).
    func plannedQuery(_ q: Query) throws -> ([(Query.Source, CIMClass)], QueryPlan) {
        guard let id = q.planID, let schema = model.schemaGeneration else {
            let sources = try resolveSources(q)
            return (sources, try planQuery(q, sources))
        }
        let validity = QueryPlanCache.Validity(schema: schema, namespace: namespace, functions: functionsChanged)
        if let cached = queryPlans[id, validity] {
            let shape = cached.plan.shape
            return (cached.sources, QueryPlan(firstAccess: try accessPath(shape.indexCandidates, cached.sources[0].1), shape: shape))
        }
        let sources = try resolveSources(q)
        let plan = try planQuery(q, sources)
        queryPlans.keep(QueryPlanCache.Entry(validity: validity, sources: sources, plan: plan), for: id)
        return (sources, plan)
    }
}
