// RemoteHost: a Swift program that runs cmsh statements on a remote site — an SMS Provider's administration
// service, or `cmsh serve` — through the Remote module: connect (pinning the site's self-signed certificate,
// authenticating with a bearer token), run a query whose filter goes to the server, call the SDK's seed method,
// and report a failure as the site said it. `make examples` runs it against a `cmsh serve` it starts.
//
//   CMSH_SITE_URL=https://127.0.0.1:8443/AdminService CMSH_SITE_FINGERPRINT=AB:CD:… CMSH_TOKEN_FILE=token swift run RemoteHost
import CIM
import CMShell
import Foundation
import Remote

let env = ProcessInfo.processInfo.environment
guard let url = env["CMSH_SITE_URL"], let fingerprint = env["CMSH_SITE_FINGERPRINT"], let tokenFile = env["CMSH_TOKEN_FILE"],
      let token = try? String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) else {
    FileHandle.standardError.write(Data("RemoteHost: set CMSH_SITE_URL, CMSH_SITE_FINGERPRINT and CMSH_TOKEN_FILE\n".utf8))
    exit(2)
}

// 1. Connect: the schema comes once from $metadata; the certificate must be the pinned one.
var options = RemoteOptions()
options.trust = .fingerprint(fingerprint)
options.authentication = .bearer(token)
let site = try RemoteSite.connect(url, options: options)

// 2. An engine on that site: the same statements as on a local one.
let engine = try Engine(site: .model(site))
site.isInterrupted = { [cancellation = engine.cancellation] in cancellation.isCancelled }  // Ctrl-C, time limits
let renderer = Renderer(RenderOptions(format: .table))
/// Standard output unbuffered, as the engine's results are written, so the two keep their order.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
engine.output = { event in
    guard let (text, isError) = renderer.render(event) else { return }
    FileHandle(fileDescriptor: isError ? 2 : 1).write(Data(text.utf8))
}
say("connected: namespace \(engine.namespace)")

// 3. What goes over the wire, then the query itself and the seed call.
let result = engine.run(script: #"""
    explain select PackageID, Name from SMS_DriverPackage where Name like "Dell%" order by PackageID
    select PackageID, Name from SMS_DriverPackage where Name like "Dell%" order by PackageID
    invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [nal("dp2", "S01")])
    select PackageID, ServerNALPath from SMS_DistributionPoint where PackageID = "PKG00001" order by ServerNALPath
    invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S09"], [nal("dp1", "S09")])
    """#, fileName: "remote.cmsh")

// 4. The last call fails on the site (there is no S09): the error carries the WMI status and the sentence.
if case .failed(let error) = result.outcome {
    say("stopped: \(error.status.name): \(error.message)")
}
