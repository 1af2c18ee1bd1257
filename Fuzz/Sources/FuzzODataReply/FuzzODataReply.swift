// Fuzzes what `cmsh --connect https://…/AdminService` does with a server's reply: a JSON body read as rows of
// the demo site's classes (derived types, embedded collection rules, dates, huge numbers), a method's result,
// an OData error body, and a `$metadata` CSDL document turned into MOF and compiled. A hostile server's bytes
// must give an answer or a CIM error, never a trap or a hang.
import CIM
import CIMXML
import CMShell
import Foundation
@testable import Remote

/// The demo site's schema stands in for what a server would have described.
nonisolated(unsafe) let schema: CIMRepository = try! Engine(site: .empty(siteCode: "S01")).repository
func lookup(_ name: CIMName) -> CIMClass? { schema.cimClass(named: name) }
nonisolated(unsafe) let classes = ["SMS_Package", "SMS_Collection", "SMS_R_System", "SMS_DistributionPoint"].compactMap { schema.cimClass(named: CIMName($0)) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzODataReply(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    if size > 0, data[0] == UInt8(ascii: "<") {
        // A $metadata document.
        if case .success(let root) = XMLElement.parse(body) {
            _ = try? MOFCompiler.compile(CSDLSchema.mof(root), into: CIMRepository())
        }
        return 0
    }
    guard let node = JSONNode.parse(body) else { return 0 }
    let cls = classes[size % classes.count]
    for row in node["value"]?.items ?? [node] {
        if let members = row.members { _ = try? ODataValues.instance(members, of: cls, classes: lookup) }
    }
    // A method's result and an error body, as the client reads them.
    if let members = node.members {
        _ = try? members["ReturnValue"].map { try ODataValues.cimValue($0, as: CIMType(.sint32), "ReturnValue", classes: lookup) }
        _ = try? members["QueryIDs"].map { try ODataValues.cimValue($0, as: CIMType(.uint32, isArray: true), "QueryIDs", classes: lookup) }
    }
    _ = node["error"]?["code"]?.string.flatMap(CIMStatus.init(name:))
    _ = node["@odata.nextLink"]?.string
    return 0
}
