// CIMXMLStatus: DSP0200's status codes and the WMI statuses cmsh speaks, in one table read both ways — the
// server answers with the code, the client turns a code back into the status.
import CIM

public enum CIMXMLStatus {
    /// Each code with the statuses that map to it; the first is what the code reads back as.
    private static let table: [(code: Int, statuses: [CIMStatus])] = [
        (2, [.accessDenied]),
        (3, [.invalidNamespace]),
        (4, [.invalidParameter, .typeMismatch, .invalidObjectPath, .valueOutOfRange, .invalidMethodParameters, .readOnly]),
        (5, [.invalidClass]),
        (6, [.notFound]),
        (7, [.notSupported]),
        (11, [.alreadyExists]),
        (12, [.invalidProperty]),
        (15, [.invalidQuery, .invalidSyntax]),
        (17, [.invalidMethod]),
    ]

    /// The code for a WMI status; CIM_ERR_FAILED (1) for one DSP0200 has no code for.
    public static func code(for status: CIMStatus) -> Int {
        table.first { $0.statuses.contains(status) }?.code ?? 1
    }

    /// The WMI status for a code. CIM_ERR_SERVER_LIMITS_EXCEEDED (27), which a server sends for its own
    /// limits, reads as WBEM_E_QUOTA_VIOLATION; an unknown code as WBEM_E_FAILED.
    public static func status(for code: Int) -> CIMStatus {
        if code == 27 { return .quotaViolation }
        return table.first { $0.code == code }?.statuses.first ?? .failed
    }
}
