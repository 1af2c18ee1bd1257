// Objects: invoke (on one object, a class, or every row of a query), new, update, delete, introspection.
import CIM

extension Interpreter {
    /// Runs `target.Method(args)`. The result is a `__PARAMETERS` record (ReturnValue and [out] parameters),
    /// or, over a query, one row per object. `$?` holds the last ReturnValue and `$result` the last record.
    func invoke(_ e: Expression) throws -> Value {
        guard case .methodCall(let targetExpr, let methodName, let args) = e.kind else {
            throw ScriptError(.invalidMethod, "'invoke' needs a method call", at: e.range)
        }
        let target: Value
        if case .name(let n) = targetExpr.kind, rowScopes.isEmpty {
            target = .cimClass(try requireClass(n, targetExpr.range))
        } else {
            target = try evaluate(targetExpr)
        }
        switch target {
        case .rows(let rs):
            var rows: [Value] = []
            var columns = ["Target", "ReturnValue"]
            for row in rs.rows {
                guard let path = row.objectPath else {
                    throw ScriptError(.invalidObjectPath, "the query's rows do not name objects; select from a single class", at: targetExpr.range)
                }
                let result = try invokeOne(path, methodName, args, e.range, isClass: false)
                guard case .record(var r) = result else { continue }
                for f in r.fields where !columns.contains(f.name) { columns.append(f.name) }
                r.fields.insert(("Target", .string(path.description)), at: 0)
                rows.append(.record(r))
            }
            return .rows(ResultSet(className: "__PARAMETERS", columns: columns, rows: rows))
        case .list(let items):
            return .list(try items.map { item in
                guard let path = item.objectPath else {
                    throw ScriptError(.invalidObjectPath, "cannot call \(methodName) on \(item.kindDescription)", at: targetExpr.range)
                }
                return try invokeOne(path, methodName, args, e.range, isClass: false)
            })
        case .cimClass(let cls):
            return try invokeOne(ObjectPath(className: cls.name), methodName, args, e.range, isClass: true)
        case .cim(.string(let text)):
            return try invokeOne(try parsePath(text, targetExpr.range), methodName, args, e.range, isClass: false)
        default:
            guard let path = target.objectPath else {
                throw ScriptError(.invalidObjectPath, "cannot call \(methodName) on \(target.kindDescription)", at: targetExpr.range)
            }
            return try invokeOne(path, methodName, args, e.range, isClass: false)
        }
    }

    private func invokeOne(_ path: ObjectPath, _ methodName: String, _ args: [Argument], _ range: SourceRange, isClass: Bool) throws -> Value {
        let cls = try requireClass(path.className.string, range)
        guard let method = cls.method(named: CIMName(methodName)) else {
            let names = cls.methods.map(\.name.string)
            let suggestion = Spelling.suggestion(for: methodName, among: names)
            throw ScriptError(.invalidMethod, "class \(cls.name) has no method \(methodName)" + (!suggestion.isEmpty ? suggestion : names.isEmpty ? "" : "; its methods are " + names.joined(separator: ", ")), at: range)
        }
        let bound = try bindArguments(args, method, cls, range)
        let result: MethodResult
        do {
            result = try model.invokeMethod(method.name, on: path, arguments: bound, namespace: namespace)
        } catch let e as CIMError {
            throw ScriptError(e.status, e.message, at: range)
        }
        var fields: [(name: String, value: Value)] = [("ReturnValue", .cim(result.returnValue))]
        for out in result.outParameters { fields.append((out.name.string, .cim(out.value))) }
        let record = Value.record(Record(className: "__PARAMETERS", fields: fields, note: result.message))
        globals["?"] = .cim(result.returnValue)
        globals["result"] = record
        return record
    }

    /// Matches positional arguments to [in] parameters in declared order, named ones by name, and converts
    /// each to its declared type so a type error points at the argument.
    private func bindArguments(_ args: [Argument], _ method: CIMMethod, _ cls: CIMClass, _ range: SourceRange) throws -> [(CIMName, CIMValue)] {
        let params = method.inParameters
        var bound: [(CIMName, CIMValue)] = []
        var sawNamed = false
        for (i, a) in args.enumerated() {
            let param: CIMParameter
            if let n = a.name {
                sawNamed = true
                guard let p = params.first(where: { $0.name == CIMName(n) }) else {
                    throw ScriptError(.invalidParameter, "\(cls.name).\(method.name) has no [in] parameter '\(n)'; its parameters are \(params.map(\.name.string).joined(separator: ", "))", at: a.nameRange ?? a.value.range)
                }
                param = p
            } else {
                guard !sawNamed else {
                    throw ScriptError(.invalidParameter, "a positional argument cannot follow a named one", at: a.value.range)
                }
                guard i < params.count else {
                    throw ScriptError(.invalidParameter, "\(cls.name).\(method.name) takes \(params.count) argument\(params.count == 1 ? "" : "s"): \(method.signature)", at: a.value.range)
                }
                param = params[i]
            }
            if bound.contains(where: { $0.0 == param.name }) {
                throw ScriptError(.invalidParameter, "parameter \(param.name) is given twice", at: a.value.range)
            }
            let value = try evaluate(a.value)
            let converted: CIMValue
            do {
                converted = try toCIM(value, a.value.range).converted(to: param.type)
            } catch let e as CIMError {
                throw ScriptError(e.status, "argument \(param.name) of \(method.name) must be \(param.type): \(e.message)", at: a.value.range)
            }
            bound.append((param.name, converted))
        }
        return bound
    }

    /// Under `onerror stop`, a non-zero ReturnValue from an `invoke` statement stops the script.
    func checkReturnValue(_ v: Value, _ range: SourceRange) throws(ScriptError) {
        guard errorMode == .stop, case .record(let r) = v, r.className == "__PARAMETERS",
              let rv = r["ReturnValue"]?.cimValue?.integerValue, rv != 0 else { return }
        // A ReturnValue that is a WMI status (ConfigMgr's methods return them) is the error's status, so a
        // script can `catch $e` and test `$e.name == "WBEM_E_NOT_FOUND"`.
        let status = Int32(exactly: rv).map { CIMStatus(rawValue: UInt32(bitPattern: $0)) }.flatMap { $0.isKnown ? $0 : nil } ?? .failed
        throw ScriptError(status, "the method returned \(rv)\(r.note.map { ": " + $0 } ?? "")", at: range)
    }

    // MARK: - new, update, delete

    func createInstance(_ className: String, _ props: [(name: String, value: Expression)], _ range: SourceRange) throws -> Value {
        let cls = try requireClass(className, range)
        var instance = CIMInstance(of: cls)
        for (name, expr) in props {
            guard cls.property(named: CIMName(name)) != nil else { throw noSuchProperty(cls, name, expr.range) }
            do { try instance.set(CIMName(name), try toCIM(try evaluate(expr), expr.range)) } catch let e as CIMError {
                throw ScriptError(e.status, e.message, at: expr.range)
            }
        }
        if !cls.keySlots.isEmpty || cls.isSingleton || cls.isAbstract {
            do {
                let path = try model.createInstance(instance, namespace: namespace)
                return .cim(.reference(path))
            } catch let e as CIMError {
                throw ScriptError(e.status, e.message, at: range)
            }
        }
        // A class without keys (an embedded object such as a collection rule) is not stored: it lives as a value.
        return .cim(.object(instance))
    }

    /// The instances a change applies to.
    private func targets(_ target: ChangeTarget) throws -> [CIMInstance] {
        switch target {
        case .object(let e):
            let v = try evaluate(e)
            switch v {
            case .instance(let i):
                // The stored object, not the variable's copy: `$p.Description = "x"` is a local change, and a
                // later `update $p set Priority = 1` writes Priority alone.
                guard case .instance(let stored) = try fetch(i.path, e.range) else { return [try unreachableInstance(e.range)] }
                return [stored]
            case .rows(let rs): return try rs.rows.map { row in
                guard let p = row.objectPath else { throw ScriptError(.invalidObjectPath, "the rows do not name objects", at: e.range) }
                guard case .instance(let i) = try fetch(p, e.range) else { return try unreachableInstance(e.range) }
                return i
            }
            default:
                guard let p = v.objectPath else {
                    throw ScriptError(.invalidObjectPath, "expected an object such as SMS_Package(\"S0100001\"), found \(v.kindDescription)", at: e.range)
                }
                guard case .instance(let i) = try fetch(p, e.range) else { return [try unreachableInstance(e.range)] }
                return [i]
            }
        case .matching(let source, let filter):
            let q = Query(items: [.star], from: source, filter: filter, range: source.range)
            return try runQuery(q).rows.compactMap { if case .instance(let i) = $0 { i } else { nil } }
        }
    }

    private func unreachableInstance(_ range: SourceRange) throws -> CIMInstance {
        throw ScriptError(.failed, "expected an instance", at: range)
    }

    func update(_ target: ChangeTarget, _ assignments: [(name: String, value: Expression, range: SourceRange)], _ range: SourceRange) throws -> Int {
        // The names are checked against the class before any row is looked for: a misspelt property is an
        // error even when no instance matches.
        if case .matching(let source, _) = target {
            let cls = try requireClass(source.className, source.range)
            for a in assignments {
                guard let prop = cls.property(named: CIMName(a.name)) else { throw noSuchProperty(cls, a.name, a.range) }
                if prop.isKey { throw ScriptError(.readOnly, "\(cls.name).\(prop.name) is a key and cannot be changed", at: a.range) }
            }
        }
        let instances = try targets(target)
        do {
            return try model.performAtomically {
                for var instance in instances {
                    for a in assignments {
                        guard let prop = instance.cimClass.property(named: CIMName(a.name)) else {
                            throw noSuchProperty(instance.cimClass, a.name, a.range)
                        }
                        if prop.isKey {
                            throw ScriptError(.readOnly, "\(instance.className).\(prop.name) is a key and cannot be changed", at: a.range)
                        }
                        do { try instance.set(prop.name, try toCIM(try evaluate(a.value), a.value.range)) } catch let e as CIMError {
                            throw ScriptError(e.status, e.message, at: a.value.range)
                        }
                    }
                    try model.modifyInstance(instance, namespace: namespace)
                }
                return instances.count
            }
        } catch let e as CIMError {
            throw ScriptError(e.status, e.message, at: range)
        }
    }

    func delete(_ target: ChangeTarget, _ range: SourceRange) throws -> Int {
        let instances = try targets(target)
        do {
            return try model.performAtomically {
                for instance in instances { try model.deleteInstance(at: instance.path, namespace: namespace) }
                return instances.count
            }
        } catch let e as CIMError {
            throw ScriptError(e.status, e.message, at: range)
        }
    }

    // MARK: - Introspection

    func showClasses(_ pattern: String?, _ range: SourceRange) throws -> ResultSet {
        let like = pattern.map { LikePattern($0) }
        let rows: [Value] = model.classes(namespace: namespace).filter { like?.matches($0.name.string) ?? true }.map { c in
            .record(Record(fields: [("Name", .string(c.name.string)),
                                    ("Superclass", .cim(c.superclass.map { .string($0.name.string) } ?? .null)),
                                    ("Abstract", .boolean(c.isAbstract))]))
        }
        return ResultSet(className: nil, columns: ["Name", "Superclass", "Abstract"], rows: rows)
    }

    func showMethods(_ name: String, _ range: SourceRange) throws -> ResultSet {
        let cls = try requireClass(name, range)
        return ResultSet(className: nil, columns: ["Method", "Signature"], rows: cls.methods.map { m in
            .record(Record(fields: [("Method", .string(m.name.string)), ("Signature", .string(m.signature))]))
        })
    }
}

extension Interpreter {
    /// WBEM_E_INVALID_PROPERTY for a name the class does not have, with the closest one it does.
    func noSuchProperty(_ cls: CIMClass, _ name: String, _ range: SourceRange) -> ScriptError {
        ScriptError(.invalidProperty, "class \(cls.name) has no property '\(name)'" + Spelling.suggestion(for: name, among: cls.propertyNames), at: range)
    }
}
