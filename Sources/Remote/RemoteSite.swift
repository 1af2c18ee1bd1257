// RemoteSite: the one entry point of the Remote module — a URL and options in, a connected remote object model
// out, whichever protocol the URL names.
import CIM

/// A remote site: an object model on the network, with what a host wires to it.
public protocol RemoteModel: ObjectModel {
    /// The server's host name, for the prompt and messages.
    var host: String { get }
    /// Polled while a request is in flight; true aborts it with WBEM_E_CALL_CANCELLED. A host wires its
    /// cancellation here: `site.isInterrupted = { engine.cancellation.isCancelled }`.
    var isInterrupted: @Sendable () -> Bool { get set }
    /// Called with the rows received so far while a result takes more than a second, and with -1 when such
    /// a result is complete (a progress line can be cleared).
    var progress: ((Int) -> Void)? { get set }
}

extension CIMXMLClient: RemoteModel {}
extension AdminServiceClient: RemoteModel {}

public enum RemoteSite {
    /// Connects to `url`: `https://HOST[:PORT]/AdminService` (the administration service) or
    /// `cimxml+https://HOST[:PORT]/root/sms/site_S01` (CIM-XML), and the `http` forms on loopback. The schema
    /// is fetched once, which also checks the credentials.
    public static func connect(_ url: String, options: RemoteOptions) throws(CIMError) -> any RemoteModel {
        if url.lowercased().hasPrefix("cimxml+") { return try CIMXMLClient(url: url, options: options) }
        guard url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://") else {
            throw CIMError(.invalidParameter, "\(url) is not a site URL: write https://HOST[:PORT]/AdminService or cimxml+https://HOST[:PORT]/root/sms/site_S01")
        }
        return try AdminServiceClient(url: url, options: options)
    }
}
