// Compiler: turns expressions into closures once, with names resolved ahead of time — variables to global
// slots, a query's property names to instance slots, LIKE patterns to a byte matcher — so a loop body or a
// WHERE clause run many times does not re-walk the tree, hash names or re-parse patterns.
//
// Only the hot, simple forms are compiled; anything else becomes a call back into the tree-walking
// `evaluate`, so the two paths share one definition of every operator and produce the same results and
// errors.
import CIM

/// A compiled expression. The instance is the row a compiled WHERE clause is testing (nil elsewhere).
typealias CompiledExpression = (Interpreter, CIMInstance?) throws -> Value
/// A compiled condition: true, false, or nil for unknown (WQL's three-valued logic).
typealias CompiledCondition = (Interpreter, CIMInstance?) throws -> Bool?

/// Compiles expressions for one interpreter (whose variable slots they use).
final class ExpressionCompiler {
    let interpreter: Interpreter
    /// The class whose properties bare names stand for, when compiling a single-source query's WHERE clause.
    let rowClass: CIMClass?
    /// The name the query's source is known by (its class name or alias): that name is the row itself.
    let rowBinding: String?
    /// Whether some part fell back to the tree-walker, which reads the row from `rowScopes`: then the caller
    /// must bind the row there too.
    private(set) var needsRowScope = false

    init(_ interpreter: Interpreter, rowClass: CIMClass? = nil, rowBinding: String? = nil) {
        self.interpreter = interpreter
        self.rowClass = rowClass
        self.rowBinding = rowBinding
    }

    func compile(_ e: Expression) -> CompiledExpression {
        let range = e.range
        switch e.kind {
        case .literal(let c):
            let v = Value.cim(c)
            return { _, _ in v }
        case .variable(let name):
            let slot = interpreter.globals.slot(for: name)
            if name == "?" { return { i, _ in i.globals[slot: slot] ?? .null } }
            return { i, _ in try i.readVariable(slot: slot, name, range) }
        case .name(let n):
            if let slot = propertySlot(n) { return { _, row in .cim(row![slot: slot]) } }
            return fallback(e)
        case .unary(let op, let operand):
            let x = compile(operand)
            let arithmeticOp: BinaryOperator = op == .plus ? .add : .subtract
            return { i, row in try i.arithmetic(arithmeticOp, .integer(0), try x(i, row), range) }
        case .binary(let op, let l, let r):
            // Integers (sint64, as script numbers are) are added, multiplied… here without leaving the closure;
            // anything else, or an overflow, takes the general path. A constant right operand is not re-read.
            let a = compile(l)
            if case .literal(.sint64(let q)) = r.kind {
                let constant = Value.cim(.sint64(q))
                return { i, row in
                    let x = try a(i, row)
                    if case .cim(.sint64(let p)) = x, let v = Interpreter.int64Arithmetic(op, p, q) { return .cim(.sint64(v)) }
                    return try i.arithmetic(op, x, constant, range)
                }
            }
            let b = compile(r)
            return { i, row in
                let x = try a(i, row), y = try b(i, row)
                if case .cim(.sint64(let p)) = x, case .cim(.sint64(let q)) = y, let v = Interpreter.int64Arithmetic(op, p, q) {
                    return .cim(.sint64(v))
                }
                return try i.arithmetic(op, x, y, range)
            }
        case .comparison, .and, .or, .not, .like, .isNull:
            let c = condition(e)
            return { i, row in i.tri(try c(i, row)) }
        case .member(let base, let n):
            // `Class.Property` (or `Alias.Property`) of the row's own source.
            if case .name(let b) = base.kind, let rowClass, let rowBinding, b.equalsIgnoringCase(rowBinding),
               let slot = rowClass.slot(of: CIMName(n)) {
                return { _, row in .cim(row![slot: slot]) }
            }
            return fallback(e)
        case .call(let name, let args):
            return builtinCall(name, args, e) ?? fallback(e)
        default:
            return fallback(e)
        }
    }

    /// A call to a builtin (DateDiff, GetDate, upper …) with compiled arguments — when the name means the
    /// builtin for this run: no script function, host function or class of that name shadows it.
    private func builtinCall(_ name: String, _ args: [Argument], _ e: Expression) -> CompiledExpression? {
        let key = name.lowercased()
        guard Interpreter.builtinNames.contains(key), interpreter.functions[key] == nil, interpreter.hostFunctions[key] == nil,
              interpreter.model.cimClass(named: CIMName(name), namespace: interpreter.namespace) == nil,
              args.allSatisfy({ $0.name == nil }) else { return nil }
        if key == "datediff", let compiled = dateDiffCall(args, e) { return compiled }
        // GetDate(): the statement's time (read once per statement), without the name dispatch per row.
        if (key == "getdate" || key == "now") && args.isEmpty { return { i, _ in .cim(.datetime(i.clock())) } }
        let unitFirst = Interpreter.unitFirstFunctions.contains(key)
        let compiled: [CompiledExpression] = args.enumerated().map { index, a in
            if unitFirst && index == 0, case .name = a.value.kind { return { _, _ in .null } }  // the unit word
            return compile(a.value)
        }
        let range = e.range
        return { i, row in
            let values = try compiled.map { try $0(i, row) }
            guard let result = try i.builtinInRow(key, values, args, range) else {
                throw ScriptError(.notFound, "'\(name)' is not a function", at: range)
            }
            return result
        }
    }

    /// DATEDIFF(dd, LastLogonTimestamp, GetDate()) — in nearly every collection query — with its unit word read
    /// once, here, rather than on every row by the builtins' name dispatch; arrays (lifted per element) and a
    /// unit that is not a bare word take the general path.
    private func dateDiffCall(_ args: [Argument], _ e: Expression) -> CompiledExpression? {
        guard args.count == 3, case .name(let word) = args[0].value.kind else { return nil }
        let unit = word.lowercased(), range = e.range
        let a = compile(args[1].value), b = compile(args[2].value)
        // Nil for years and months (calendar units, counted by `dateDiff`) and for a word that is no unit (its
        // error is `dateDiff`'s to raise, with the row's values).
        let length = try? interpreter.datePart(word: unit, at: args[0].value.range)
        return { i, row in
            let x = try a(i, row), y = try b(i, row)
            if x.isCIMArray || y.isCIMArray { return try i.builtinInRow("datediff", [.null, x, y], args, range) ?? .null }
            if let length, case .cim(.datetime(let from)) = x, case .cim(.datetime(let to)) = y {
                return try i.boundariesCrossed(from, to, length, range)
            }
            return try i.dateDiff(unit, x, y, args, range)
        }
    }

    /// Compiles an expression used as a condition, keeping comparisons and logic as Bool? (no Value boxing).
    func condition(_ e: Expression) -> CompiledCondition {
        let range = e.range
        switch e.kind {
        case .comparison(let op, let l, let r):
            let a = compile(l), b = compile(r)
            return { i, row in
                let x = try a(i, row), y = try b(i, row)
                if case .cim(.sint64(let p)) = x, case .cim(.sint64(let q)) = y {
                    return Interpreter.holds(op, p == q ? 0 : (p < q ? -1 : 1))
                }
                return try i.compare(op, x, y, range)
            }
        case .and(let l, let r):
            let a = condition(l), b = condition(r)
            return { i, row in
                let x = try a(i, row)
                if x == false { return false }
                let y = try b(i, row)
                if y == false { return false }
                return x == true && y == true ? true : nil
            }
        case .or(let l, let r):
            let a = condition(l), b = condition(r)
            return { i, row in
                let x = try a(i, row)
                if x == true { return true }
                let y = try b(i, row)
                if y == true { return true }
                return x == false && y == false ? false : nil
            }
        case .not(let operand):
            let a = condition(operand)
            return { i, row in try a(i, row).map { !$0 } }
        case .isNull(let value, let negated):
            let v = compile(value)
            return { i, row in try v(i, row).isNull != negated }
        case .like(let value, let pattern, let negated):
            guard case .literal(.string(let text)) = pattern.kind else {
                let v = fallback(e)  // not `compile(e)`: that would come back here
                return { i, row in try i.condition(try v(i, row), range) }
            }
            let v = compile(value), matcher = LikePattern(text)
            return { i, row in
                let subject = try v(i, row)
                // The common case, a string property, straight to the matcher; arrays and other types as
                // `evaluate` treats them.
                let matched = if case .cim(.string(let s)) = subject { matcher.matches(s) as Bool? } else {
                    i.anyElement(subject) { element -> Bool? in
                        guard case .cim(let c) = element, !c.isNull else { return nil }
                        return matcher.matches(c.displayText)
                    }
                }
                return negated ? matched.map { !$0 } : matched
            }
        default:
            break
        }
        let v = compile(e)
        return { i, row in try i.condition(try v(i, row), range) }
    }

    /// The slot of a bare name that stands for a property of the row's class (not the row itself, not a
    /// system property).
    private func propertySlot(_ name: String) -> Int? {
        guard let rowClass, let rowBinding, !name.equalsIgnoringCase(rowBinding) else { return nil }
        return rowClass.slot(of: CIMName(name))
    }

    private func fallback(_ e: Expression) -> CompiledExpression {
        needsRowScope = true
        return { i, _ in try i.evaluate(e) }
    }
}

extension Interpreter {
    /// A variable read through its global slot; inside a function (or when unset) the general lookup.
    @inline(__always)
    func readVariable(slot: Int, _ name: String, _ range: SourceRange) throws -> Value {
        if frames.isEmpty, let v = globals[slot: slot] { return v }
        return try lookup(name, range)
    }

    /// A variable write through its global slot; inside a function the write goes to the function's frame.
    @inline(__always)
    func assign(slot: Int, _ name: String, _ value: Value) {
        if frames.isEmpty { globals[slot: slot] = value } else { assign(name, value) }
    }
}
