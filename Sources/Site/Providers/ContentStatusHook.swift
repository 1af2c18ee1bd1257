// ContentStatusHook: everything a site reports about content follows the summarizer rows — one per package per
// distribution point (SMS_PackageStatusDistPointsSummarizer) — as ConfigMgr's distribution manager and
// summarizers keep them together: the per-DP status (SMS_DistributionDPStatus, SMS_DPContentInfo), the package's
// summaries (SMS_ObjectContentInfo, SMS_DistributionStatus, the detail and root summarizers), the DP's
// (SMS_DPStatusInfo), and the distribution manager's status messages.
import CIM

/// Refreshes the content-status views of the package and DP whose summarizer row changed, and raises the
/// status message of a state change.
struct ContentStatusHook: InstanceHook {
    weak let site: SimulatedSite?

    func didChange(_ change: InstanceChange, in context: HookContext) throws {
        guard let site else { return }
        let old: CIMInstance?, new: CIMInstance?
        switch change {
        case .create(let row): (old, new) = (nil, row)
        case .modify(let before, let after): (old, new) = (before, after)
        case .delete(let row): (old, new) = (row, nil)
        }
        guard let row = new ?? old, let packageID = row["PackageID"]?.stringValue,
              let nalPath = row["ServerNALPath"]?.stringValue else { return }
        let views = ContentStatusViews(repository: context.repository, namespace: context.namespace, clock: site.clock)
        // A site file made before these classes existed has none of them: there is nothing to keep.
        guard views.hasViews else { return }
        let before = old.flatMap(DistributionState.init(of:)), after = new.flatMap(DistributionState.init(of:))
        try views.refresh(package: packageID, nalPath: nalPath, from: before, to: after)
        guard before != after else { return }
        let log = StatusMessages(repository: context.repository, namespace: context.namespace, clock: site.clock)
        let version = row["SourceVersion"]?.integerValue.map { String($0) } ?? "1"
        for message in DistributionMessages.messages(package: packageID, nalPath: nalPath, version: version,
                                                     from: before, to: after, name: views.packageName(packageID)) {
            try log.raise(message)
        }
    }
}

/// How the content views count a summarizer state: success, in progress or error (SMS_DistributionStatus.Type,
/// SMS_DPStatusInfo.MessageState).
enum ContentOutcome: UInt32 {
    case success = 1, inProgress = 2, error = 3

    init(_ state: DistributionState) {
        switch state {
        case .installed: self = .success
        case .installFailed, .removalFailed: self = .error
        case .installPending, .installRetrying, .removalPending, .removalRetrying, .contentUpdating, .contentMonitoring:
            self = .inProgress
        }
    }
}

/// The status messages the distribution manager and the package transfer manager raise as a package's copy on
/// a DP moves (IDs and insertion strings as the sites' distmgr.log and PkgXferMgr.log record them).
enum DistributionMessages {
    static let distributionManager = "SMS_DISTRIBUTION_MANAGER", transferManager = "SMS_PACKAGE_TRANSFER_MANAGER"
    /// %1 package name, %2 DP NAL path: starting to distribute (or redistribute) the package to the DP.
    static let starting: UInt32 = 2342
    /// %1 package ID, %2 DP NAL path: the copy is on the DP.
    static let distributed: UInt32 = 2330
    /// %1 package ID, %2 source version, %3 DP server: the transfer manager finished sending it.
    static let sent: UInt32 = 8200
    /// %1 DP NAL path: "Distribution Manager failed to connect to the distribution point %1. Check your network
    /// and firewall settings."
    static let cannotConnect: UInt32 = 2391
    /// %1 package name, %2 package ID: "Distribution Manager failed to process package", after a copy failed.
    static let failedToProcess: UInt32 = 2302
    /// %1 package ID, %2 DP NAL path: the copy was removed from the DP (the ID is not in a public source).
    static let removed: UInt32 = 2332

    /// What a change from one state to another raises: the messages, in the order the site writes them.
    static func messages(package: String, nalPath: String, version: String, from: DistributionState?,
                         to: DistributionState?, name: String) -> [StatusMessage] {
        let server = ContentStatusViews.server(nalPath)
        func message(_ id: UInt32, _ strings: [String], _ component: String = distributionManager,
                     severity: StatusMessage.Severity = .informational) -> StatusMessage {
            StatusMessage(component: component, messageID: id, severity: severity, strings: strings,
                          attributes: [(.packageID, package), (.distributionPoint, nalPath)])
        }
        switch to {
        case .installPending?, .installRetrying?, .contentUpdating?: return [message(starting, [name, nalPath])]
        case .installed?:
            return [message(sent, [package, version, server], transferManager), message(distributed, [package, nalPath])]
        case .installFailed?:
            return [message(cannotConnect, [nalPath], severity: .error), message(failedToProcess, [name, package], severity: .error)]
        case nil where from != nil: return [message(removed, [package, nalPath])]
        default: return []
        }
    }
}
