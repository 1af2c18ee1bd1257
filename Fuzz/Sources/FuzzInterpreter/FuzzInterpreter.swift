// Fuzzes parser + interpreter + renderers on the demo site: any script must run, fail with a located error or
// stop at a limit — never trap, hang or leave the site changed after a failed statement.
import CMShell

/// One engine for the whole run: building the demo site for every input would leave little time to fuzz.
/// Each input runs inside a transaction that is always rolled back, so inputs do not change the site
/// for the ones after them.
nonisolated(unsafe) let engine: Engine = {
    var limits = EngineLimits()
    limits.maxSteps = 5_000
    limits.maxLoopIterations = 1_000
    limits.maxOutputBytes = 1 << 20
    limits.maxCollectionSize = 1 << 20
    limits.timeLimit = .seconds(2)
    let engine = try! Engine(site: .demo, clock: SiteClock(fixedAt: CIMDateTime(utcMicroseconds: 1_780_000_000_000_000)),
                             limits: limits)
    return engine
}()
nonisolated(unsafe) var rendered = 0

struct RollBack: Error {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpreter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // Every renderer sees the results: the first byte picks the format.
    let format = OutputFormat.allCases[Int(size > 0 ? data[0] : 0) % OutputFormat.allCases.count]
    let renderer = Renderer(RenderOptions(format: format, terminalWidth: 80))
    engine.output = { event in rendered &+= renderer.render(event)?.text.utf8.count ?? 0 }
    engine.namespace = "root\\sms\\site_S01"
    engine.errorMode = .stop
    _ = try? engine.repository.performAtomically { () throws -> Void in
        let result = engine.run(script: text, fileName: "<fuzz>")
        if case .failed(let error) = result.outcome { _ = error.description }
        if case .syntaxErrors(let diagnostics) = result.outcome { for d in diagnostics { _ = d.description } }
        throw RollBack()
    }
    return 0
}
