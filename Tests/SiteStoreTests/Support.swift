// Shared set-up for the site-file tests: a temporary folder per test, engines on either backend.
import CMShell
import Foundation
import Testing

/// The two backends every behaviour is checked on.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory, file
    var testDescription: String { rawValue }
}

/// A temporary folder removed at the end of the test.
final class TempDir {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-site-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Records what an engine prints.
final class Printed {
    var lines: [String] = []
    var errors: [String] = []
}

extension Engine {
    /// An engine on the demo site, in memory or in a new file in `dir`; `fixed` clock for repeatable runs.
    static func on(_ backend: Backend, in dir: TempDir, name: String = "site.site") throws -> (Engine, Printed) {
        let clock = SiteClock(fixedAt: try CIMDateTime(year: 2026, month: 11, day: 26, hour: 9))
        // A small fleet: these tests are about how a site is kept, and every instance of it is written to the file.
        let engine = switch backend {
        case .memory: try Engine(site: .demo(systems: Self.testSystems), clock: clock)
        case .file: try Engine(site: .file(dir.path(name), initialize: .demo(systems: Self.testSystems)), clock: clock)
        }
        let printed = Printed()
        engine.output = { event in
            switch event {
            case .print(let values): printed.lines.append(values.map(\.displayText).joined(separator: " "))
            case .error(let d): printed.errors.append(d.message)
            default: break
            }
        }
        return (engine, printed)
    }

    /// The demo fleet's size in the site-file tests.
    static let testSystems = 12

    /// The display text of one expression's value.
    func value(_ text: String) throws -> String { try evaluate(text).displayText }
}
