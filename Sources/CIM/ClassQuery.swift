// ClassQuery: the part of a query one class's rows can be narrowed by on a backend that evaluates a single
// class's filter, projection, order and row count itself — the AdminService's `$filter`, `$select`, `$orderby`
// and `$top`. The interpreter builds it from the parts of WHERE it can express; whatever it cannot (joins,
// functions, array properties) it still evaluates itself on the rows that come back.

/// A condition on one class's own properties, in the shapes OData's `$filter` has.
public indirect enum FilterTerm: Sendable, Equatable {
    public enum Comparison: String, Sendable { case eq, ne, lt, le, gt, ge }
    public enum TextMatch: String, Sendable { case startsWith = "startswith", endsWith = "endswith", contains }

    /// `Property op value` (a null value with eq/ne tests for null).
    case compare(CIMName, Comparison, CIMValue)
    /// `startswith(Property, 'text')` and the like: LIKE's `'text%'`, `'%text'`, `'%text%'`.
    case match(TextMatch, CIMName, String)
    case and(FilterTerm, FilterTerm)
    case or(FilterTerm, FilterTerm)
    case not(FilterTerm)

    /// The properties the condition reads.
    public var properties: [CIMName] {
        switch self {
        case .compare(let p, _, _), .match(_, let p, _): [p]
        case .and(let a, let b), .or(let a, let b): a.properties + b.properties
        case .not(let a): a.properties
        }
    }
}

/// One class's rows as a backend narrows them: those `filter` holds for, with at least `properties` filled in
/// (nil: all), sorted by `orderBy`, at most `top` of them.
public struct ClassQuery: Sendable {
    public var className: CIMName
    public var filter: FilterTerm?
    /// The properties the caller reads; nil for all. A backend may send more.
    public var properties: [CIMName]?
    public var orderBy: [(property: CIMName, ascending: Bool)]
    public var top: Int?

    public init(className: CIMName, filter: FilterTerm? = nil, properties: [CIMName]? = nil,
                orderBy: [(property: CIMName, ascending: Bool)] = [], top: Int? = nil) {
        self.className = className
        self.filter = filter
        self.properties = properties
        self.orderBy = orderBy
        self.top = top
    }
}
