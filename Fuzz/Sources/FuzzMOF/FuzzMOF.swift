// Fuzzes the MOF compiler: any text must compile or give a located MOF error and add nothing.
import CIM

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMOF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // A fresh repository per input: compiling is all or nothing, and inputs must not depend on each other.
    let repository = CIMRepository()
    do {
        _ = try MOFCompiler.compile(text, fileName: "<fuzz>", into: repository)
    } catch {
        _ = error.description
        if !repository.classes().isEmpty { fatalError("a failed MOF compile left classes behind") }
    }
    return 0
}
