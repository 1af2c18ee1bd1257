// Runs cmsh statements against a fresh demo site with a fixed clock.
import CIM
import Script
@testable import Site

struct SiteSession {
    let site: SimulatedSite
    let interpreter: Interpreter
    var events: [OutputEvent] { box.events }
    private let box = Box()
    final class Box { var events: [OutputEvent] = [] }

    static let start = try! CIMDateTime(parsing: "20261126090000.000000+000")

    init() throws {
        try self.init(site: try DemoSite.make(clock: SiteClock(fixedAt: Self.start)))
    }

    init(site: SimulatedSite) throws {
        self.site = site
        let box = self.box
        interpreter = Interpreter(repository: site.repository) { box.events.append($0) }
        interpreter.errorMode = .continue
        site.attach(to: interpreter)
    }

    /// Runs statements; returns the last expression value.
    @discardableResult
    func run(_ text: String) throws -> Value? {
        box.events = []
        let program = try Parser.parse(text, fileName: "site-test.cmsh")
        if case .failed(let d) = interpreter.run(program) { throw d }
        if let e = box.events.compactMap({ if case .error(let d) = $0 { d } else { nil } }).first { throw e }
        return box.events.compactMap { if case .value(let v) = $0 { v } else { nil } }.last
    }

    /// The ReturnValue and message of an invoke.
    func invoke(_ text: String) throws -> (Int128, String?) {
        guard case .record(let r)? = try run(text) else { return (-1, "no result") }
        return (r["ReturnValue"]?.cimValue?.integerValue ?? -1, r.note)
    }

    func rows(_ query: String) throws -> [[String]] {
        guard case .rows(let rs)? = try run(query) else { return [] }
        return rs.rows.map { ($0.fields ?? []).map { $0.value.displayText } }
    }

    func count(_ className: CIMName) throws -> Int { try site.repository.count(of: className) }

    func advance(_ seconds: Int64) {
        site.clock.advance(seconds: seconds)
        site.tick()
    }
}
