// DemoData+SiteHistory: the status messages the demo site's installation left — Site Component Manager
// installing each role's component on its server, the component starting, discovery counting the roles — and
// so the checks admins script after an installation ("wait for SMS_MP_CONTROL_MANAGER 1013, 1014, 1015, 500,
// 5460"; "SMS_WINNT_SERVER_DISCOVERY_AGENT 4202 counts every role") find what a real site's log would hold.
import CIM

extension DemoSite {
    /// How long before the clock the site was installed (the site systems' discovery records say the same).
    static let siteAge: Int64 = 400 * 86_400_000_000

    /// The component Site Component Manager installs for a role, by RoleName; roles not listed (the site
    /// server's own, distribution points — distmgr installs those) have none.
    static let roleComponents: [String: String] = [
        "SMS Management Point": "SMS_MP_CONTROL_MANAGER",
        "SMS Software Update Point": "SMS_WSUS_CONTROL_MANAGER",
        "SMS Endpoint Protection Point": "SMS_ENDPOINT_PROTECTION_CONTROL_MANAGER",
    ]

    /// The messages each installed component's status shows, in order: 1013 installing this component on the
    /// site system (%1), 1014 installed, 1015 reinstalled/started by Site Component Manager, 500 the component
    /// started; a management point then reports 5460 (it answers HTTP requests).
    static let componentInstallMessages: [UInt32] = [1013, 1014, 1015, 500]
    static let managementPointHealthy: UInt32 = 5460

    /// Site Component Manager's message once it has installed the site server's components (%1 the server).
    static let siteComponentsInstalled: UInt32 = 1027
    /// Windows NT Server Discovery Agent's count of the site's roles (%1, SMS Provider not counted).
    static let serverDiscoveryCount: UInt32 = 4202

    /// Writes the installation's messages, a year and more before the clock.
    static func writeSiteHistory(into site: SimulatedSite) throws {
        let installed = site.clock.now.utcMicroseconds - siteAge
        let roles = try site.repository.instances(of: "SMS_SystemResourceList", namespace: site.namespace)
            .filter { $0["SiteCode"]?.stringValue?.equalsIgnoringCase(site.siteCode) == true }
        var history: [StatusMessage] = []
        func at(_ minutes: Int64) -> CIMDateTime { CIMDateTime(utcMicroseconds: installed + minutes * 60_000_000) }
        let server = StatusMessages.siteServer
        history.append(StatusMessage(component: "SMS_SITE_COMPONENT_MANAGER", messageID: siteComponentsInstalled,
                                     strings: [server], attributes: [(.siteCode, site.siteCode)], time: at(30)))
        for (i, role) in roles.enumerated() {
            guard let name = role["RoleName"]?.stringValue, let component = roleComponents[name],
                  let host = role["ServerName"]?.stringValue else { continue }
            let start = 60 + Int64(i) * 15
            var numbers = componentInstallMessages
            if name == "SMS Management Point" { numbers.append(managementPointHealthy) }
            for (j, number) in numbers.enumerated() {
                history.append(StatusMessage(component: component, messageID: number, machine: host,
                                             strings: number == 500 ? [] : [host], time: at(start + Int64(j))))
            }
        }
        let counted = roles.filter { $0["RoleName"]?.stringValue != "SMS Provider" }.count
        history.append(StatusMessage(component: "SMS_WINNT_SERVER_DISCOVERY_AGENT", messageID: serverDiscoveryCount,
                                     strings: [String(counted)], time: at(24 * 60)))
        let log = StatusMessages(repository: site.repository, namespace: site.namespace, clock: site.clock)
        try log.raiseHistory(history)
    }
}
