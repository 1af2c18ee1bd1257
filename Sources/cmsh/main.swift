// cmsh — interim entry point until the CLI issue lands: runs statements given as arguments (or a smoke
// query) against the demo site and prints the results as plain lines.
import CIM
import Foundation
import Script
import Site

let version = "0.1.0"
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--version" {
    print("cmsh \(version)")
    exit(0)
}
let site: SimulatedSite
do { site = try DemoSite.make() } catch {
    FileHandle.standardError.write(Data("cmsh: cannot open the demo site: \(error)\n".utf8))
    exit(1)
}
let interpreter = Interpreter(repository: site.repository) { event in
    switch event {
    case .value(.rows(let rs)):
        print(rs.columns.joined(separator: "\t"))
        for row in rs.rows { print((row.fields ?? []).map { $0.value.displayText }.joined(separator: "\t")) }
        print("\(rs.rows.count) row\(rs.rows.count == 1 ? "" : "s")")
    case .value(let v): print((v.fields ?? []).map { "\($0.name) = \($0.value.displayText)" }.joined(separator: "\n").nonEmpty ?? v.displayText)
    case .print(let values): print(values.map(\.displayText).joined(separator: " "))
    case .status(let s): print(s)
    case .error(let d): FileHandle.standardError.write(Data("\(d)\n".utf8))
    }
}
site.attach(to: interpreter)
print("cmsh \(version) — demo site \(site.siteCode) (\(site.namespace)); the interactive shell arrives with the CLI issue")
let text = arguments.isEmpty ? "select PackageID, Name from SMS_PackageBaseClass where PackageID = 'PKG00001'" : arguments.joined(separator: "\n")
do {
    let program = try Parser.parse(text, fileName: "<arguments>")
    switch interpreter.run(program) {
    case .completed: exit(0)
    case .exited(let code): exit(code)
    case .failed(let d):
        FileHandle.standardError.write(Data("\(d)\n".utf8))
        exit(1)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
