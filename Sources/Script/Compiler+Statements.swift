// Compiled statements: a loop is compiled once when it starts, so its body runs as closures with
// variables in slots instead of re-walking the tree on every iteration. Statements the compiler does not
// handle run through `execute`, which compiles any loop inside them in turn.
import CIM

typealias CompiledStatement = (Interpreter) throws -> Interpreter.Flow

extension ExpressionCompiler {
    func compile(_ s: Statement) -> CompiledStatement {
        let range = s.range
        switch s.kind {
        case .expression(let e):
            let v = compile(e)
            return { i in
                try i.step(range)
                try i.show(try v(i, nil), of: e)
                return .normal
            }
        case .let(let name, let e):
            return assignment(name, e, range)
        case .assign(let target, let e):
            guard case .variable(let name) = target.kind else { return { i in try i.execute(s) } }
            return assignment(name, e, range)
        case .if(let branches, let otherwise):
            let tests = branches.map { (condition($0.condition), block($0.body)) }
            let otherwise = otherwise.map(block)
            return { i in
                try i.step(range)
                for (test, body) in tests where try test(i, nil) ?? false { return try body(i) }
                return try otherwise?(i) ?? .normal
            }
        case .while, .forIn:
            let run = loop(s)
            return { i in
                try i.step(range)
                return try run(i)
            }
        case .break:
            return { i in try i.step(range); return .break }
        case .continue:
            return { i in try i.step(range); return .continue }
        default:
            return { i in try i.execute(s) }
        }
    }

    /// A `while` or `for` loop, compiled whole; the caller has counted the loop statement's own step.
    func loop(_ s: Statement) -> CompiledStatement {
        let range = s.range
        switch s.kind {
        case .while(let condition, let body):
            let test = self.condition(condition), body = block(body)
            return { i in
                var count = 0
                while try test(i, nil) ?? false {
                    count += 1
                    try i.checkLoop(count, range)
                    if let exit = try body(i).leavingLoop { return exit }
                }
                return .normal
            }
        case .forIn(let name, let e, let body):
            let slot = interpreter.globals.slot(for: name), items = compile(e), body = block(body)
            return { i in
                var count = 0
                for item in try i.iterate(try items(i, nil), e.range) {
                    count += 1
                    try i.checkLoop(count, range)
                    i.assign(slot: slot, name, item)
                    if let exit = try body(i).leavingLoop { return exit }
                }
                return .normal
            }
        default:
            preconditionFailure("not a loop: \(s.kind)")
        }
    }

    private func assignment(_ name: String, _ e: Expression, _ range: SourceRange) -> CompiledStatement {
        let slot = interpreter.globals.slot(for: name), v = compile(e)
        return { i in
            try i.step(range)
            i.assign(slot: slot, name, try v(i, nil))
            return .normal
        }
    }

    func block(_ statements: [Statement]) -> CompiledStatement {
        sequence(statements.map { compile($0) }[...])
    }

    /// Chains statements as `first, then the rest`: direct calls, no array walked per run.
    private func sequence(_ compiled: ArraySlice<CompiledStatement>) -> CompiledStatement {
        guard let first = compiled.first else { return { _ in .normal } }
        if compiled.count == 1 { return first }
        let rest = sequence(compiled.dropFirst())
        return { i in
            let flow = try first(i)
            guard case .normal = flow else { return flow }
            return try rest(i)
        }
    }
}

extension Interpreter.Flow {
    /// What a loop returns when its body ended this way: nil to go on with the next iteration.
    var leavingLoop: Interpreter.Flow? {
        switch self {
        case .normal, .continue: nil
        case .break: .normal
        case .return, .exit: self
        }
    }
}

extension Interpreter {
    /// Sends an expression statement's value to the output (an `invoke` also has its ReturnValue checked).
    func show(_ v: Value, of e: Expression) throws {
        if case .invoke = e.kind { try checkReturnValue(v, e.range) }
        if !v.isNull || isCommandLike(e) { output(.value(v)) }
    }
}
