// EmbeddingHost: a small Swift program that embeds cmsh — it adds its own class in MOF with a method written
// in Swift, defines a host function, runs a script that uses both plus the SDK's seed statement, and stops a
// runaway loop with a step limit. Run it with `swift run EmbeddingHost`.
import CMShell
import Foundation

let engine = try Engine()  // the demo site: S01 Contoso HQ, dp1–dp4, PKG00001 …
let renderer = Renderer(RenderOptions(format: .table))
engine.output = { event in
    guard let (text, isError) = renderer.render(event) else { return }
    FileHandle(fileDescriptor: isError ? 2 : 1).write(Data(text.utf8))
}

// 1. A class of the host's own, declared in MOF, with a static method implemented below in Swift.
try engine.compileMOF("""
    [Description("A change ticket in Contoso's change-management system.")]
    class Contoso_ChangeTicket {
        [Key] string TicketID;
        string Title;
        string PackageID;
        string State = "Open";
        [Static] sint32 Open([In] string Title, [In] string PackageID, [Out] string TicketID);
    };
    """, fileName: "contoso.mof")

engine.register(method: "Open", of: "Contoso_ChangeTicket") { call in
    guard let title = call["Title"].stringValue, !title.isEmpty else {
        return MethodResult(returnValue: .sint32(1), message: "a ticket needs a title")
    }
    let repository = call.repository
    let id = String(format: "CHG%04d", try repository.count(of: "Contoso_ChangeTicket") + 1)
    let ticket = try CIMInstance(of: call.cimClass, properties: [
        ("TicketID", .string(id)), ("Title", .string(title)), ("PackageID", call["PackageID"]),
    ])
    try repository.createInstance(ticket)
    return .success([("TicketID", .string(id))])
}

// 2. A host function scripts can call.
engine.define(function: "owner") { args in .string("team-" + (args.first?.stringValue ?? "unknown")) }

// 3. A script using both, and the seed statement from the ConfigMgr SDK.
let script = #"""
let $t = invoke Contoso_ChangeTicket.Open("Distribute Dell Latitude drivers", "PKG00001")
print "opened", $t.TicketID, "for", owner("desktop")
invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], ["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"])
update Contoso_ChangeTicket($t.TicketID) set State = "Done"
select TicketID, Title, PackageID, State from Contoso_ChangeTicket
"""#
let result = engine.run(script: script, fileName: "host-script.cmsh")
print("script exit code:", result.exitCode)

// 4. A runaway loop, stopped by a step limit; the engine stays usable afterwards.
engine.limits.maxSteps = 10_000
let runaway = engine.run(script: "$n = 0\nwhile true { $n = $n + 1 }", fileName: "runaway.cmsh")
if case .failed(let error) = runaway.outcome {
    print("runaway stopped:", error.status.name, "-", error.message)
}
engine.limits.maxSteps = nil
let placements = try engine.evaluate(#"len(select * from SMS_DistributionPoint where PackageID = "PKG00001")"#)
print("PKG00001 is now on", placements.displayText, "distribution point(s)")
