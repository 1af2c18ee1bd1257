// Expression evaluation: operators with WMI's comparison rules, member access, indexing, calls.
import CIM

/// The rows in scope while a query's clauses are evaluated: one binding per source (class or alias).
struct RowScope {
    var bindings: [(name: String, cimClass: CIMClass?, row: Value)]
}

extension Interpreter {
    func evaluate(_ e: Expression) throws -> Value {
        switch e.kind {
        case .literal(let v): return .cim(v)
        case .variable(let name):
            if name == "?" { return globals["?"] ?? .null }
            return try lookup(name, e.range)
        case .name(let n): return try resolveName(n, e.range)
        case .array(let items):
            return .list(try items.map { try evaluate($0) })
        case .unary(let op, let operand):
            let v = try evaluate(operand)
            switch op {
            case .plus: return try arithmetic(.add, .integer(0), v, e.range)
            case .negate: return try arithmetic(.subtract, .integer(0), v, e.range)
            }
        case .binary(let op, let l, let r):
            return try arithmetic(op, try evaluate(l), try evaluate(r), e.range)
        case .comparison(let op, let l, let r):
            return tri(try compare(op, try evaluate(l), try evaluate(r), e.range))
        case .and(let l, let r):
            let a = try condition(try evaluate(l), l.range)
            if a == false { return .boolean(false) }
            let b = try condition(try evaluate(r), r.range)
            if b == false { return .boolean(false) }
            return a == true && b == true ? .boolean(true) : .null
        case .or(let l, let r):
            let a = try condition(try evaluate(l), l.range)
            if a == true { return .boolean(true) }
            let b = try condition(try evaluate(r), r.range)
            if b == true { return .boolean(true) }
            return a == false && b == false ? .boolean(false) : .null
        case .not(let operand):
            return tri(try condition(try evaluate(operand), operand.range).map { !$0 })
        case .like(let value, let pattern, let negated):
            let v = try evaluate(value), p = try evaluate(pattern)
            guard let patternText = p.stringValue else {
                if p.isNull { return .null }
                throw ScriptError(.invalidQuery, "LIKE needs a string pattern, not \(p.kindDescription)", at: pattern.range)
            }
            let matcher = LikePattern(patternText)
            let matched = anyElement(v) { element -> Bool? in
                guard case .cim(let c) = element, !c.isNull else { return nil }
                return matcher.matches(c.displayText)
            }
            return tri(negated ? matched.map { !$0 } : matched)
        case .isNull(let value, let negated):
            let v = try evaluate(value)
            return .boolean(v.isNull != negated)
        case .isa(let value, let className):
            return try isa(try evaluate(value), className, e.range)
        case .inList(let value, let items, let negated):
            let v = try evaluate(value)
            var result: Bool? = false
            for item in items {
                switch try compare(.equal, v, try evaluate(item), item.range) {
                case true?: result = true
                case nil: if result == false { result = nil }
                case false?: break
                }
                if result == true { break }
            }
            return tri(negated ? result.map { !$0 } : result)
        case .inQuery(let value, let query, let negated):
            let v = try evaluate(value)
            let set = try subquerySet(query)
            let found: Bool? = anyElement(v) { element in
                guard case .cim(let c) = element, !c.isNull else { return nil }
                return set.contains(FoldedValue(c))
            }
            return tri(negated ? found.map { !$0 } : found)
        case .member(let base, let name):
            return try member(of: base, name, e.range)
        case .index(let base, let index):
            return try element(of: try evaluate(base), try evaluate(index), base.range, index.range)
        case .call(let name, let args):
            return try call(name, args, e.range)
        case .methodCall:
            return try invoke(e)
        case .invoke(let call):
            return try invoke(call)
        case .query(let q):
            return .rows(try runQuery(q))
        case .association(let q):
            return .rows(try runAssociation(q))
        case .new(let cls, let props):
            return try createInstance(cls, props, e.range)
        case .get(let pathExpr):
            let v = try evaluate(pathExpr)
            guard let text = v.stringValue else {
                throw ScriptError(.invalidObjectPath, "get needs an object path string, not \(v.kindDescription)", at: pathExpr.range)
            }
            return try fetch(try parsePath(text, pathExpr.range), e.range)
        case .countStar:
            throw ScriptError(.invalidQuery, "count(*) can only be used in a select list", at: e.range)
        }
    }

    // MARK: - Truth

    func tri(_ b: Bool?) -> Value { b.map { .boolean($0) } ?? .null }

    /// A value as a condition: booleans as themselves, null as unknown; anything else is an error.
    func condition(_ v: Value, _ range: SourceRange) throws(ScriptError) -> Bool? {
        switch v {
        case .cim(.boolean(let b)): return b
        case .cim(.null): return nil
        default: throw ScriptError(.typeMismatch, "expected true or false, found \(v.kindDescription)", at: range)
        }
    }

    /// `if` and `while`: unknown (null) counts as false, as WQL's WHERE treats it.
    func truth(_ v: Value, _ range: SourceRange) throws(ScriptError) -> Bool { try condition(v, range) ?? false }

    /// Applies a test to a scalar, or to each element of an array value: ConfigMgr matches an array-valued
    /// property when any element matches (`IPSubnets = "10.1.0.0"`).
    func anyElement(_ v: Value, _ test: (Value) throws -> Bool?) rethrows -> Bool? {
        switch v {
        case .cim(.array(let a)):
            for element in a.elements where try test(.cim(element)) == true { return true }
            return false
        case .list(let items):
            for item in items where try test(item) == true { return true }
            return false
        default:
            return try test(v)
        }
    }

    // MARK: - Names and members

    func resolveName(_ n: String, _ range: SourceRange) throws -> Value {
        if let scope = rowScopes.last {
            // Inside a query: a property of the (single) source, or a source by its class name or alias.
            for binding in scope.bindings where binding.name.equalsIgnoringCase(n) { return binding.row }
            if scope.bindings.count == 1 || rowScopes.count >= 1 {
                for binding in scope.bindings {
                    if let v = try? member(binding.row, n, range, cimClass: binding.cimClass) { return v }
                }
            }
            let classes = scope.bindings.map { $0.cimClass?.name.string ?? $0.name }.joined(separator: ", ")
            throw ScriptError(.invalidQuery, "'\(n)' is not a property of \(classes)", at: range)
        }
        if let cls = model.cimClass(named: CIMName(n), namespace: namespace) { return .cimClass(cls) }
        throw ScriptError(.invalidClass, "'\(n)' is not a class in \(namespace) (variables start with $, strings need quotes)", at: range)
    }

    func member(of base: Expression, _ name: String, _ range: SourceRange) throws -> Value {
        // `Alias.Prop` inside a query names a property of a joined source; for a left join's missing row
        // the binding is null but its class still decides which names are valid.
        if case .name(let n) = base.kind, let scope = rowScopes.last,
           let binding = scope.bindings.first(where: { $0.name.equalsIgnoringCase(n) }) {
            return try member(binding.row, name, range, cimClass: binding.cimClass)
        }
        let object = try evaluate(base)
        return try member(object, name, range)
    }

    func member(_ object: Value, _ name: String, _ range: SourceRange, cimClass: CIMClass? = nil) throws -> Value {
        switch object {
        case .instance(let i), .cim(.object(let i)):
            if let v = i[CIMName(name)] { return .cim(v) }
            if let v = systemProperty(i, name) { return v }
            // Inside a query an invalid path into an embedded object matches nothing, as WMI specifies.
            if case .cim(.object) = object, !rowScopes.isEmpty { return .null }
            throw ScriptError(.invalidProperty, "class \(i.className) has no property '\(name)'", at: range)
        case .record(let r):
            if let v = r[name] { return v }
            if name.equalsIgnoringCase("__PATH") || name.equalsIgnoringCase("__RELPATH"), let p = r.path { return .string(p.description) }
            throw ScriptError(.invalidProperty, "\(r.className ?? "the record") has no field '\(name)'; it has \(r.fields.map(\.name).joined(separator: ", "))", at: range)
        case .cim(.null):
            if let cimClass {
                // A left join's missing row: its properties are null, but unknown names are still errors.
                guard cimClass.property(named: CIMName(name)) != nil || name.hasPrefix("__") else {
                    throw ScriptError(.invalidProperty, "class \(cimClass.name) has no property '\(name)'", at: range)
                }
                return .null
            }
            if !rowScopes.isEmpty { return .null }  // `PrimaryRule.RuleName` on a row without a rule
            throw ScriptError(.invalidOperation, "cannot read .\(name) of null", at: range)
        case .rows(let rs):
            if name.equalsIgnoringCase("Count") { return .integer(Int64(rs.rows.count)) }
            return .list(try rs.rows.map { try member($0, name, range) })
        case .list(let items):
            if name.equalsIgnoringCase("Count") || name.equalsIgnoringCase("Length") { return .integer(Int64(items.count)) }
            throw ScriptError(.invalidProperty, "a list has no property '\(name)'; use len($list) or $list[0]", at: range)
        case .cim(.array(let a)):
            if name.equalsIgnoringCase("Count") || name.equalsIgnoringCase("Length") { return .integer(Int64(a.count)) }
            throw ScriptError(.invalidProperty, "an array has no property '\(name)'", at: range)
        case .cimClass(let c):
            throw ScriptError(.invalidProperty, "'\(c.name).\(name)' names a class, not a value; to read a property fetch an instance: \(c.name)(\"key\").\(name)", at: range)
        case .cim(.reference(let path)):
            // A reference (what `new` returns, a ref property) reads through to the object it names: a key
            // comes straight from the path, anything else from the instance, fetched now.
            if let key = path.keys.first(where: { $0.name.map { $0.string.equalsIgnoringCase(name) } ?? false }) { return .cim(key.value) }
            if name.equalsIgnoringCase("__RELPATH") || name.equalsIgnoringCase("__PATH") { return .string(path.description) }
            let instance = try located(range) { () throws(CIMError) in try model.instance(at: path, namespace: namespace) }
            return try member(.instance(instance), name, range)
        case .cim(let v):
            throw ScriptError(.invalidProperty, "cannot read .\(name) of \(Value.cim(v).kindDescription)", at: range)
        }
    }

    func systemProperty(_ i: CIMInstance, _ name: String) -> Value? {
        switch name.lowercased() {
        case "__class": .string(i.className.string)
        case "__path": .string("\\\\.\\" + namespace + ":" + i.path.description)
        case "__relpath": .string(i.path.description)
        case "__namespace": .string(namespace)
        case "__superclass": .cim(i.cimClass.superclass.map { .string($0.name.string) } ?? .null)
        case "__derivation": .cim(.array(CIMArray(elementType: .string, i.cimClass.lineage.dropFirst().map { .string($0.name.string) })))
        default: nil
        }
    }

    func element(of container: Value, _ index: Value, _ cr: SourceRange, _ ir: SourceRange) throws -> Value {
        switch container {
        case .list(let items): return items[try position(index, count: items.count, ir)]
        case .cim(.array(let a)): return .cim(a.elements[try position(index, count: a.count, ir)])
        case .rows(let rs): return rs.rows[try position(index, count: rs.rows.count, ir)]
        case .cim(.string(let s)):
            let chars = Array(s)
            return .string(String(chars[try position(index, count: chars.count, ir)]))
        case .instance, .record, .cim(.object):
            guard let name = index.stringValue else {
                throw ScriptError(.typeMismatch, "a property name in [ ] must be a string", at: ir)
            }
            return try member(container, name, ir)
        default:
            throw ScriptError(.typeMismatch, "cannot index \(container.kindDescription)", at: cr)
        }
    }

    func position(_ index: Value, count: Int, _ range: SourceRange) throws(ScriptError) -> Int {
        guard let i = index.cimValue?.integerValue else {
            throw ScriptError(.typeMismatch, "an index must be a whole number, not \(index.kindDescription)", at: range)
        }
        let resolved = i < 0 ? Int128(count) + i : i  // -1 is the last element
        guard resolved >= 0, resolved < Int128(count) else {
            throw ScriptError(.invalidParameter, "index \(i) is out of range (the list has \(count) element\(count == 1 ? "" : "s"))", at: range)
        }
        return Int(resolved)
    }

    func listValue(_ v: Value, _ range: SourceRange) throws(ScriptError) -> Value {
        switch v {
        case .list: return v
        case .cim(.array(let a)): return .list(a.elements.map { .cim($0) })
        default: throw ScriptError(.typeMismatch, "expected a list, found \(v.kindDescription)", at: range)
        }
    }

    /// What `for $x in …` walks: a list, an array, a query's rows, or a string's characters.
    func iterate(_ v: Value, _ range: SourceRange) throws(ScriptError) -> [Value] {
        switch v {
        case .list(let items): return items
        case .cim(.array(let a)): return a.elements.map { .cim($0) }
        case .rows(let rs): return rs.rows
        case .cim(.null): return []
        default: throw ScriptError(.typeMismatch, "cannot loop over \(v.kindDescription); use a list, an array or a query", at: range)
        }
    }

    func isa(_ v: Value, _ className: String, _ range: SourceRange) throws -> Value {
        let cls: CIMClass?
        switch v {
        case .instance(let i), .cim(.object(let i)): cls = i.cimClass
        case .cim(.string(let name)): cls = model.cimClass(named: CIMName(name), namespace: namespace)
        case .cim(.reference(let p)): cls = model.cimClass(named: p.className, namespace: namespace)
        case .cimClass(let c): cls = c
        case .cim(.null): return .null
        default: throw ScriptError(.typeMismatch, "ISA needs an object or a class name, not \(v.kindDescription)", at: range)
        }
        return .boolean(cls?.isSubclass(of: CIMName(className)) ?? false)
    }
}
