// Fuzzes what `cmsh --connect` does with a CIM-XML server's reply: decoding the response (errors included),
// reading its instances and query rows against the demo site's schema, and compiling a CLASS list into a
// local schema. A hostile server's bytes must give an answer or a CIM error, never a trap or a hang.
import CIM
import CIMXML
import CMShell
import Foundation
@testable import Remote

/// The demo site's schema stands in for what a server would have sent.
let client: CIMXMLClient = {
    let engine = try! Engine(site: .empty(siteCode: "S01"))
    return try! CIMXMLClient(schema: engine.repository)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCIMXMLReply(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    let intrinsic = size == 0 || data[0] % 4 != 0
    if let response = try? client.decode(body, "ExecQuery", intrinsic: intrinsic) {
        if let reply = response.child("IRETURNVALUE") {
            _ = try? client.rows(from: reply)
            _ = try? client.instances(from: reply)
            // The schema path: whatever CLASS elements came, as MOF, into a repository of their own.
            let mof = RemoteSchema.mof(reply.children("CLASS"))
            _ = try? MOFCompiler.compile(mof, into: CIMRepository())
        }
    }
    return 0
}
