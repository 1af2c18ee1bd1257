// Fuzzes the WMI object-path parser: any text must parse or give WBEM_E_INVALID_OBJECT_PATH with a column.
import CIM

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzObjectPath(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let path = try? ObjectPath(parsing: text) else { return 0 }
    // A parsed path is printed (__PATH, __RELPATH) and hashed (the repository's keys): exercise both.
    _ = path.description
    _ = path.relative.description
    var hasher = Hasher()
    path.hash(into: &hasher)
    _ = try? ObjectPath(parsing: path.description)
    return 0
}
