// Engine.check: parse a script and resolve its names (the Resolver stage every run goes through) without
// running anything — `cmsh --check`.
import CIM
import Script

extension Engine {
    /// Every problem in a script found without running it: syntax errors, then unknown classes, methods,
    /// functions and `new` properties. Empty when the script is fine.
    public func check(_ script: String, fileName: String = "<script>") -> [Diagnostic] {
        switch prepare(script, fileName: fileName) {
        case .success(let p): return interpreter.resolve(p.program)
        case .failure(let e): return e.diagnostics
        }
    }

    /// Class names of the current namespace, for completion: the site's, remote ones included.
    public var classNames: [String] { model.classes(namespace: namespace).map(\.name.string) }

    /// The class with this name in the current namespace of the site statements run on.
    public func cimClass(named name: String) -> CIMClass? { model.cimClass(named: CIMName(name), namespace: namespace) }
}
