// --clock: the simulated site at a fixed time, so timestamps, IDs and distributions repeat from run to run (tests,
// demos, and comparing a site with its served copy by --dump).
import ArgumentParser
import CIM
import Site

enum SiteClockOption {
    static let help = "Run the simulated site at this fixed time (2026-12-01T09:00:00Z or a DMTF datetime): repeatable timestamps and distributions."

    /// The time `--clock` names: OData/ISO 8601 or DMTF.
    static func parse(_ text: String) -> CIMDateTime? {
        CIMDateTime(odata: text) ?? (try? CIMDateTime(parsing: text))
    }

    static func check(_ text: String) throws {
        guard parse(text) != nil else {
            throw ValidationError("--clock takes a date and time such as 2026-12-01T09:00:00Z or 20261201090000.000000+000, not \(text).")
        }
    }
}
