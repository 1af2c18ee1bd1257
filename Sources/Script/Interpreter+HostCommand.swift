// Host commands: a script's `.format csv` or `.members SMS00001` lines, which the host (the cmsh shell) runs.
import CIM

/// What a host command asks the interpreter to do once it has run.
public enum HostCommandOutcome: Sendable {
    /// Nothing more: go on with the next statement.
    case done
    /// End the run as `exit n` does (`.quit`).
    case exit(Int32)
    /// Run these statements in place, as if they were written here (`.read FILE`, `.members` → a query).
    case run(script: String, fileName: String)
}

extension Interpreter {
    func runHostCommand(_ name: String, _ argument: String, _ range: SourceRange) throws -> Flow {
        guard let hostCommand else {
            throw ScriptError(.notSupported, "\(name) is a cmsh shell command; this host runs statements only", at: range)
        }
        let outcome: HostCommandOutcome
        do { outcome = try hostCommand(name, argument) } catch let e as CIMError {
            throw ScriptError(e.status, e.message, at: range)
        } catch let e as ScriptError {
            throw ScriptError(e.status, e.message, at: range)
        } catch {
            throw ScriptError(.failed, "\(error)", at: range)
        }
        switch outcome {
        case .done: return .normal
        case .exit(let code): return .exit(code)
        case .run(let script, let fileName): return try runInPlace(SourceFile(name: fileName, text: script), range)
        }
    }

    /// Runs another source's statements inside the current statement; an error in them is reported at the
    /// command, with where in that source it happened.
    private func runInPlace(_ nested: SourceFile, _ range: SourceRange) throws -> Flow {
        let program: Program
        do { program = try Parser.parse(nested, maxDepth: limits.maxSyntaxDepth) } catch {
            let first = error.diagnostics[0]
            throw ScriptError(.invalidSyntax, "\(first.location): \(first.message)", at: range)
        }
        if let unresolved = resolve(program).first {
            throw ScriptError(unresolved.status, "\(unresolved.location): \(unresolved.message)", at: range)
        }
        let outer = source
        source = nested
        defer { source = outer }
        do {
            for statement in program.statements {
                let flow = try execute(statement)
                if case .normal = flow { continue }
                return flow
            }
        } catch let e as ScriptError {
            throw ScriptError(e.status, "\(nested.location(of: e.range.start)): \(e.message)", at: range)
        }
        return .normal
    }
}
