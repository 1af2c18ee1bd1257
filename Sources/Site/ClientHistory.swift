// ClientHistory: the status messages the demo fleet's clients sent before the session began — each targeted
// client's run of each program and task sequence deployment, and the help desk's Remote Control sessions — so
// the console's client status-message queries ("All status messages for a specific deployment on a specific
// computer", "Remote Control activity targeted at a specific system") have rows. What a client sent follows
// from its state for the deployment (DeploymentState's rule), so the messages and the deployment summaries
// cannot disagree. It grows with the fleet, so it is made the first time a status message is read or written.
import CIM

struct ClientHistory {
    let repository: CIMRepository
    let namespace: String
    let clock: SiteClock

    /// The classes a status message is stored in: reading or writing any of them makes the history first.
    static let classesMade: [CIMName] = [
        "SMS_StatusMessage", "SMS_StatMsg", "SMS_StatMsgWithInsStrings", "SMS_StatMsgInsStrings", "SMS_StatMsgAttributes",
    ]

    /// The client messages used, as ConfigMgr numbers them.
    enum Message {
        /// Software Distribution: a program started, completed, failed.
        static let programStarted: UInt32 = 10005, programSucceeded: UInt32 = 10009, programFailed: UInt32 = 10006
        /// Task Sequence Engine started (11140) or failed (11141) a task sequence; the Task Sequence Manager
        /// completed it (11171).
        static let sequenceStarted: UInt32 = 11140, sequenceFailed: UInt32 = 11141, sequenceCompleted: UInt32 = 11171
        /// Remote Control audits (30069–30087 are the remote tools' range): a session started, a session ended.
        static let remoteControlStarted: UInt32 = 30069, remoteControlEnded: UInt32 = 30070
    }

    /// What a client reports as it runs a deployment: who starts it, and who says it succeeded or failed (with the
    /// failure's exit code or HRESULT as the last insertion string).
    struct Run {
        typealias Step = (component: String, id: UInt32, error: String?)
        let started: Step, succeeded: Step, failed: Step

        static let program = Run(started: ("Software Distribution", Message.programStarted, nil),
                                 succeeded: ("Software Distribution", Message.programSucceeded, nil),
                                 failed: ("Software Distribution", Message.programFailed, "1603"))
        static let taskSequence = Run(started: ("Task Sequence Engine", Message.sequenceStarted, nil),
                                      succeeded: ("Task Sequence Manager", Message.sequenceCompleted, nil),
                                      failed: ("Task Sequence Engine", Message.sequenceFailed, "0x80070002"))
    }

    /// About one active workstation in this many had a Remote Control session in the last two weeks.
    static let remoteControlPercent = 4

    func generate() throws {
        let now = clock.now.utcMicroseconds
        // Only what the messages need: reading the applications (as SiteFacts does) would make DeploymentState's rows.
        var members = CollectionMembers(repository: repository, namespace: namespace)
        var history: [StatusMessage] = []
        for ad in try repository.instances(of: "SMS_Advertisement", namespace: namespace) {
            guard let id = ad["AdvertisementID"]?.stringValue, let collection = ad["CollectionID"]?.stringValue,
                  case .datetime(let present)? = ad["PresentTime"] else { continue }
            let packageID = ad["PackageID"]?.stringValue ?? ""
            let package = repository.package(.string(packageID), namespace: namespace)
            let isTaskSequence = package?.className == "SMS_TaskSequencePackage" || package?["PackageType"]?.integerValue == 4
            let name = package?["Name"]?.stringValue ?? packageID
            let program = ad["ProgramName"]?.stringValue ?? ""
            let seed = DeploymentState.seed(id)
            for m in try members.of(collection) {
                let status = DeploymentState.status(resourceID: m.resourceID, seed: seed, isClient: m.isClient, isActive: m.isActive,
                                                    feature: isTaskSequence ? .taskSequence : .program)
                guard status != .unknown else { continue }
                // Clients pick a deployment up within two days of its start; the run takes up to two hours.
                let bucket = DeploymentState.bucket(resourceID: m.resourceID, seed: seed &+ 1)
                let started = present.utcMicroseconds + Int64(bucket) * 29 * 60_000_000
                let finished = started + Int64(10 + bucket) * 60_000_000
                guard started < now else { continue }
                let attributes: [(StatusMessage.Attribute, String)] = [(.advertisementID, id), (.packageID, packageID)]
                func message(_ component: String, _ number: UInt32, _ strings: [String], at time: Int64,
                             _ severity: StatusMessage.Severity = .informational) -> StatusMessage? {
                    guard time < now else { return nil }
                    return StatusMessage(component: component, messageID: number, severity: severity, kind: .milestone,
                                         module: "SMS Client", machine: m.name, strings: strings, attributes: attributes,
                                         time: CIMDateTime(utcMicroseconds: time), perClient: true)
                }
                let run = isTaskSequence ? Run.taskSequence : Run.program
                let strings = isTaskSequence ? [id, packageID, name] : [id, name, program]
                history.append(message(run.started.component, run.started.id, strings, at: started)!)
                let end = status == .success ? run.succeeded : status == .error ? run.failed : nil
                if let end, let done = message(end.component, end.id, strings + (end.error.map { [$0] } ?? []), at: finished,
                                                 end.error == nil ? .informational : .error) {
                    history.append(done)
                }
            }
        }
        history += try remoteControlSessions(members: &members)
        let log = StatusMessages(repository: repository, namespace: namespace, clock: clock)
        try log.raiseHistory(history.sorted { $0.time!.utcMicroseconds < $1.time!.utcMicroseconds })
    }

    /// The help desk's Remote Control sessions of the last two weeks: an active workstation whose bucket (for
    /// "RemoteControl") is below ``remoteControlPercent`` was controlled once, by one of the demo's
    /// administrators from the site server's console, for 10–40 minutes. The target's Remote Control agent
    /// raises the audits: %1 the user, %2 the computer the viewer ran on, %3 the computer controlled.
    private func remoteControlSessions(members: inout CollectionMembers) throws -> [StatusMessage] {
        let now = clock.now.utcMicroseconds
        let seed = DeploymentState.seed("RemoteControl")
        var sessions: [StatusMessage] = []
        for m in try members.of("SMS00001") where m.isClient && m.isActive && m.name.hasPrefix("PC-") {
            let bucket = DeploymentState.bucket(resourceID: m.resourceID, seed: seed)
            guard bucket < Self.remoteControlPercent else { continue }
            let hours = Int64(DeploymentState.bucket(resourceID: m.resourceID, seed: seed &+ 1)) * 336 / 100  // 0–13 days ago
            let started = now - (hours + 1) * 3_600_000_000
            let ended = started + Int64(10 + bucket * 7) * 60_000_000
            let user = DemoSite.administrators[Int(m.resourceID) % DemoSite.administrators.count]
            let strings = [user, StatusMessages.siteServer.prefix { $0 != "." }.uppercased(), m.name]
            for (number, time) in [(Message.remoteControlStarted, started), (Message.remoteControlEnded, ended)] where time < now {
                sessions.append(StatusMessage(component: "Remote Control", messageID: number, kind: .audit, module: "SMS Client",
                                              machine: m.name, strings: strings, attributes: [(.userName, user)],
                                              time: CIMDateTime(utcMicroseconds: time), perClient: true))
            }
        }
        return sessions
    }
}
