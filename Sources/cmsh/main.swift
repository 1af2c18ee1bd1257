// cmsh — placeholder entry point until the CLI issue lands: prints the version and runs a smoke check.
import CIM

let repo = CIMRepository()
print("cmsh 0.1.0 — namespace \(repo.defaultNamespace)")
