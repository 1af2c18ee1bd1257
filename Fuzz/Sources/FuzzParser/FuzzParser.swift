// Fuzzes the lexer and parser: any bytes must give a program or located syntax errors — never a trap or a hang.
import Script

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceFile(name: "<fuzz>", text: text)
    do {
        let program = try Parser.parse(source)
        // Statement ranges are used to echo statements (--echo); they must lie inside the source.
        for statement in program.statements { _ = source.text(of: statement.range) }
    } catch {
        // Rendering a diagnostic maps offsets to line, column and a caret line: exercise that too.
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
