// Fuzzes what `cmsh serve` does with a CIM-XML request body on POST /cimom: the bounded XML parser, the
// operation decoder and the operations themselves on the demo site. Any body must get a reply — an HTTP 400
// with a CIMError header or a CIM error in the body — never a trap or a hang, and never a site left changed
// by a failed operation.
import CIMXML
import CMShell
import Dispatch
import Foundation
@testable import Server

/// One served demo site for the whole run (building it for every input would leave little time to fuzz).
/// Each input runs inside a transaction that is always rolled back, so inputs do not change the site for
/// the ones after them.
let host: SiteHost = {
    var limits = EngineLimits()
    limits.maxSteps = 20_000
    limits.timeLimit = .seconds(2)
    return try! SiteHost(makeEngine: { try Engine(site: .demo, permissions: []) }, limits: limits, maxRows: 1_000)
}()

struct RollBack: Error {}

extension SiteHost {
    func answerAndRollBack(_ body: Data, header: String?) -> CIMXMLReply {
        var reply = CIMXMLReply(httpStatus: 0, body: "")
        _ = try? engine.repository.performAtomically { () throws -> Void in
            reply = cimxml(body, operationHeader: header)
            throw RollBack()
        }
        return reply
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCIMXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    // The first byte picks the CIMOperation header: the right one most of the time, else a wrong or none.
    let header: String? = switch size > 0 ? data[0] % 8 : 0 {
    case 6: nil
    case 7: "MethodResponse"
    default: "MethodCall"
    }
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var reply = CIMXMLReply(httpStatus: 0, body: "")
    Task {
        reply = await host.answerAndRollBack(body, header: header)
        done.signal()
    }
    done.wait()
    if reply.httpStatus == 200 {
        guard reply.body.hasPrefix("<?xml"), case .success = XMLElement.parse(Data(reply.body.utf8)) else {
            fatalError("a 200 reply that is not well-formed CIM-XML: \(reply.body.prefix(300))")
        }
    } else if reply.httpStatus != 400 || reply.cimError == nil {
        fatalError("a reply that is neither 200 nor 400 with a CIMError header: \(reply.httpStatus)")
    }
    return 0
}
