// Calls: `name(args)` is a script function, a host function, a builtin, or an object reference to an
// instance (`SMS_Package("S0100001")`, `SMS_DistributionPoint(PackageID="P", …)`) — tried in that order.
import CIM

extension Interpreter {
    func call(_ name: String, _ args: [Argument], _ range: SourceRange) throws -> Value {
        let key = name.lowercased()
        if let f = functions[key] { return try callFunction(f, args, range) }
        if let host = hostFunctions[key] {
            let values = try positional(args, "\(name)()")
            do { return try host(values) } catch let e as ScriptError { throw e } catch let e as CIMError {
                throw ScriptError(e.status, e.message, at: range)
            } catch {
                throw ScriptError(.failed, "\(name)(): \(error)", at: range)
            }
        }
        if let cls = model.cimClass(named: CIMName(name), namespace: namespace) {
            return try fetch(try objectPath(cls, args, range), range)
        }
        // DateDiff(dd, a, b) / DateAdd(dd, n, d): the first argument is a unit word, not a value to evaluate.
        var evaluated = args
        if Interpreter.unitFirstFunctions.contains(key), let first = args.first, case .name = first.value.kind {
            evaluated[0] = Argument(name: nil, nameRange: nil, value: Expression(.literal(.null), first.value.range))
        }
        let values = try positional(evaluated, "\(name)()")
        if !rowScopes.isEmpty, let result = try builtinInRow(key, values, args, range) { return result }
        if let result = try builtin(key, values, args, range) { return result }
        throw ScriptError(.notFound, "'\(name)' is not a function or a class; see 'show classes' for class names", at: range)
    }

    /// Builtins that take one value where a query row may give an array (SMS_R_System.AgentTime,
    /// IPAddresses …). Inside a query they apply to each element and give an array, which the comparison
    /// around them then matches when any element does: `DATEDIFF(dd, AgentTime, GetDate()) < 30` holds for
    /// a system with any heartbeat in the last 30 days, as the SMS Provider evaluates it.
    static let liftedFunctions: Set<String> = ["datediff", "dateadd", "datepart", "upper", "lower", "trim", "substring"]

    /// A builtin called on a query row's values: lifted over an array argument where ``liftedFunctions``
    /// says so; nil when there is no builtin of that name.
    func builtinInRow(_ key: String, _ values: [Value], _ args: [Argument], _ range: SourceRange) throws -> Value? {
        if Self.liftedFunctions.contains(key), let at = values.firstIndex(where: \.isCIMArray) {
            return try lifted(key, values, at, args, range)
        }
        return try builtin(key, values, args, range)
    }

    private func lifted(_ key: String, _ values: [Value], _ at: Int, _ args: [Argument], _ range: SourceRange) throws -> Value {
        guard case .cim(.array(let array)) = values[at] else { return .null }
        var results: [CIMValue] = []
        var elementType: CIMScalarType?
        for element in array.elements where !element.isNull {
            var one = values
            one[at] = .cim(element)
            // Another array argument (DATEDIFF of two arrays) is lifted in turn: every pair counts.
            let result = try one.firstIndex(where: \.isCIMArray).map { try lifted(key, one, $0, args, range) }
                ?? (try builtin(key, one, args, range) ?? .null)
            switch result {
            case .cim(.array(let inner)): results += inner.elements; elementType = elementType ?? inner.elementType
            case .cim(let v) where !v.isNull: results.append(v); elementType = elementType ?? v.type?.scalar
            default: break
            }
        }
        guard let elementType else { return .null }  // no element gave a value: unknown, as a null would be
        return .cim(.array(CIMArray(elementType: elementType, results)))
    }

    private func positional(_ args: [Argument], _ what: String) throws(ScriptError) -> [Value] {
        var out: [Value] = []
        for a in args {
            if let n = a.name {
                throw ScriptError(.invalidParameter, "\(what) takes no named argument '\(n)'", at: a.nameRange ?? a.value.range)
            }
            do { out.append(try evaluate(a.value)) } catch let e as ScriptError { throw e } catch {
                throw ScriptError(.failed, "\(error)", at: a.value.range)
            }
        }
        return out
    }

    func callFunction(_ f: FunctionDeclaration, _ args: [Argument], _ range: SourceRange) throws -> Value {
        guard args.count == f.parameters.count else {
            throw ScriptError(.invalidParameter, "\(f.name)() takes \(f.parameters.count) argument\(f.parameters.count == 1 ? "" : "s"), not \(args.count)", at: range)
        }
        guard callDepth < limits.maxCallDepth else {
            throw ScriptError(.quotaViolation, "too many nested function calls (limit is \(limits.maxCallDepth)); is \(f.name)() recursing without end?", at: range)
        }
        guard !stackGuard.isExhausted else {
            throw ScriptError(.quotaViolation, "\(f.name)() is called too deeply for the stack: its calls and the expressions around them nest too far", at: range)
        }
        var frame: [String: Value] = [:]
        for (param, arg) in zip(f.parameters, args) {
            if let n = arg.name, !n.equalsIgnoringCase(param) {
                throw ScriptError(.invalidParameter, "\(f.name)() has no parameter '\(n)'", at: arg.nameRange ?? range)
            }
            frame[param] = try evaluate(arg.value)
        }
        frames.append(frame)
        callDepth += 1
        subquerySets.append([:])
        defer { frames.removeLast(); callDepth -= 1; subquerySets.removeLast() }
        switch try executeBlock(f.body) {
        case .return(let v): return v
        case .exit(let code): throw ExitRequest(code: code)
        case .normal, .break, .continue: return .null
        }
    }

    /// The path an object reference names: `Class("v")` for a single key, `Class(K1="a", K2="b")` for several.
    func objectPath(_ cls: CIMClass, _ args: [Argument], _ range: SourceRange) throws -> ObjectPath {
        let keys = cls.keyProperties
        var bindings: [ObjectPath.KeyBinding] = []
        if args.count == 1, args[0].name == nil {
            guard keys.count == 1 else {
                throw ScriptError(.invalidObjectPath, "\(cls.name) has \(keys.count) keys (\(keys.map(\.name.string).joined(separator: ", "))); name each one, as \(cls.name)(\(keys.map { "\($0.name)=…" }.joined(separator: ", ")))", at: range)
            }
            bindings = [.init(keys[0].name, try keyValue(args[0], keys[0], cls))]
        } else {
            for a in args {
                guard let n = a.name else {
                    throw ScriptError(.invalidObjectPath, "name each key of \(cls.name), as \(cls.name)(\(keys.map { "\($0.name)=…" }.joined(separator: ", ")))", at: a.value.range)
                }
                guard let prop = keys.first(where: { $0.name == CIMName(n) }) else {
                    throw ScriptError(.invalidObjectPath, "'\(n)' is not a key of \(cls.name); its keys are \(keys.map(\.name.string).joined(separator: ", "))", at: a.nameRange ?? range)
                }
                bindings.append(.init(prop.name, try keyValue(a, prop, cls)))
            }
            for k in keys where !bindings.contains(where: { $0.name == k.name }) {
                throw ScriptError(.invalidObjectPath, "missing key \(k.name) of \(cls.name)", at: range)
            }
        }
        return ObjectPath(className: cls.name, keys: bindings)
    }

    private func keyValue(_ a: Argument, _ prop: CIMProperty, _ cls: CIMClass) throws -> CIMValue {
        let v = try toCIM(try evaluate(a.value), a.value.range)
        do { return try v.converted(to: prop.type) } catch {
            throw ScriptError(error.status, "key \(cls.name).\(prop.name): \(error.message)", at: a.value.range)
        }
    }

    /// Reads the instance at a path (WBEM_E_NOT_FOUND when absent).
    func fetch(_ path: ObjectPath, _ range: SourceRange) throws -> Value {
        .instance(try located(range) { () throws(CIMError) in try model.instance(at: path, namespace: namespace) })
    }

    /// Runs a repository call, turning its CIMError into a ScriptError at the given range.
    func located<T>(_ range: SourceRange, _ body: () throws(CIMError) -> T) throws(ScriptError) -> T {
        do { return try body() } catch { throw ScriptError(error.status, error.message, at: range) }
    }

    func parsePath(_ text: String, _ range: SourceRange) throws(ScriptError) -> ObjectPath {
        do { return try ObjectPath(parsing: text) } catch { throw ScriptError(error.status, error.message, at: range) }
    }

    func requireClass(_ name: String, _ range: SourceRange) throws(ScriptError) -> CIMClass {
        guard let cls = model.cimClass(named: CIMName(name), namespace: namespace) else {
            let suggestion = Spelling.suggestion(for: name, among: model.classes(namespace: namespace).map(\.name.string))
            throw ScriptError(.invalidClass, "class \(name) does not exist in \(namespace)" + (suggestion.isEmpty ? "; see 'show classes'" : suggestion), at: range)
        }
        return cls
    }

    /// A script value as a CIM value: lists become arrays (element type taken from the elements).
    func toCIM(_ v: Value, _ range: SourceRange) throws(ScriptError) -> CIMValue {
        switch v {
        case .cim(let c): return c
        case .instance(let i): return .object(i)
        case .list(let items):
            var elements: [CIMValue] = []
            for item in items { elements.append(try toCIM(item, range)) }
            let types = Set(elements.compactMap { $0.type?.scalar })
            let elementType: CIMScalarType
            if types.count <= 1 { elementType = types.first ?? .string }
            else if types.allSatisfy(\.isInteger) { elementType = .sint64 }
            else if types.allSatisfy(\.isNumeric) { elementType = .real64 }
            else { throw ScriptError(.typeMismatch, "a list mixing \(types.map(\.name).sorted().joined(separator: " and ")) cannot become a CIM array", at: range) }
            var converted: [CIMValue] = []
            converted.reserveCapacity(elements.count)
            for element in elements {
                do { converted.append(try element.converted(to: CIMType(elementType))) } catch {
                    throw ScriptError(error.status, error.message, at: range)
                }
            }
            return .array(CIMArray(elementType: elementType, converted))
        case .record(let r):
            if let p = r.path { return .reference(p) }
            throw ScriptError(.typeMismatch, "a record cannot be stored in a property", at: range)
        case .rows, .cimClass:
            throw ScriptError(.typeMismatch, "\(v.kindDescription) cannot be stored in a property or passed to a method", at: range)
        }
    }
}

/// `exit n` inside a function unwinds the whole run.
struct ExitRequest: Error { let code: Int32 }
