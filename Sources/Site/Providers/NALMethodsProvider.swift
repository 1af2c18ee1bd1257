// NALMethodsProvider: the static SMS_NAL_Methods.PackNALPath and UnPackNALPath, on the NALPath module.
import CIM

struct NALMethodsProvider {
    func register(in repo: CIMRepository) {
        repo.register(method: "PackNALPath", of: "SMS_NAL_Methods") { call in
            guard let type = call["NALType"].stringValue, let path = call["NetworkOSPath"].stringValue, !path.isEmpty else {
                return .failure(.invalidParameter, parameter: call["NALType"].isNull ? "NALType" : "NetworkOSPath", "is required")
            }
            guard type.equalsIgnoringCase("MSWNET") || type.equalsIgnoringCase("GENERIC") else {
                return .failure(.invalidParameter, parameter: "NALType", "must be MSWNET or GENERIC, not '\(type)'")
            }
            let nal = NALPath(displayQualifiers: strings(call["DisplayQualifiers"]), type: type.uppercased(),
                              connectionQualifiers: strings(call["NetworkConnectionQualifiers"]), networkPath: path)
            // Check what we produce parses back, so a bad component is reported here and not at first use.
            do throws(CIMError) { _ = try NALPath(parsing: nal.description) } catch {
                return .failure(.invalidParameter, parameter: "NetworkOSPath", error.message)
            }
            return .success([("NALPath", .string(nal.description))])
        }
        repo.register(method: "UnPackNALPath", of: "SMS_NAL_Methods") { call in
            guard let text = call["NALPath"].stringValue else { return .failure(.invalidParameter, parameter: "NALPath", "is required") }
            let nal: NALPath
            do throws(CIMError) { nal = try NALPath(parsing: text) } catch { return .failure(.invalidParameter, parameter: "NALPath", error.message) }
            return .success([
                ("DisplayQualifiers", .array(CIMArray(elementType: .string, nal.displayQualifiers.map { .string($0) }))),
                ("NALType", .string(nal.type)),
                ("NetworkOSPath", .string(nal.networkPath)),
                ("NetworkConnectionQualifiers", .array(CIMArray(elementType: .string, nal.connectionQualifiers.map { .string($0) }))),
            ])
        }
    }

    private func strings(_ v: CIMValue) -> [String] {
        switch v {
        case .array(let a): a.elements.compactMap(\.stringValue)
        case .string(let s): [s]
        default: []
        }
    }
}
