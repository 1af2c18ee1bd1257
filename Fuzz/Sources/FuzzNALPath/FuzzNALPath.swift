// Fuzzes the NAL path parser: any text must parse or give WBEM_E_INVALID_PARAMETER with a column.
import Site

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNALPath(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let nal = try? NALPath(parsing: text) else { return 0 }
    // What the distribution provider does with a parsed path: print it, read its site and server, compare.
    _ = nal.description
    _ = nal.siteCode
    if let server = nal.server { _ = NALPath.sameServer(server, "dp1.contoso.com") }
    _ = try? NALPath(parsing: nal.description)
    return 0
}
