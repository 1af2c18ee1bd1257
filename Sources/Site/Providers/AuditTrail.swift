// AuditTrail: the SMS Provider's audit status messages (MessageType 768, the 30000 series) for every change a
// client makes — who created, modified or deleted which object, or ran which method — as a ConfigMgr
// administrator reads them under Monitoring > System Status > Status Message Queries ("All Audit Status
// Messages from a Specific User").
import CIM

/// Writes an audit message for each client request the site's repository serves.
struct AuditTrail: RequestObserver {
    weak let site: SimulatedSite?

    /// The audit message IDs of a family of objects: created, modified, deleted; the insertion strings are
    /// %1 the user, %2 the object's ID, %3 its name, and the attribute says the ID again.
    struct Family {
        let className: CIMName
        let created: UInt32, modified: UInt32, deleted: UInt32
        let idProperty: CIMName, nameProperty: CIMName
        let attribute: StatusMessage.Attribute?
    }

    /// The families, from the SMS Provider's audit ranges: packages 30000–30002, programs 30003–30005,
    /// advertisements 30006–30008, a package's distribution points 30009–30011, collections 30015–30017,
    /// applications 30226–30228, DP groups 40400–40402. Which of a range's three is created, modified or deleted is
    /// documented for collections only; the others follow the same order.
    static let families: [Family] = [
        Family(className: "SMS_PackageBaseclass", created: 30000, modified: 30001, deleted: 30002,
               idProperty: "PackageID", nameProperty: "Name", attribute: .packageID),
        Family(className: "SMS_Program", created: 30003, modified: 30004, deleted: 30005,
               idProperty: "PackageID", nameProperty: "ProgramName", attribute: .packageID),
        Family(className: "SMS_Advertisement", created: 30006, modified: 30007, deleted: 30008,
               idProperty: "AdvertisementID", nameProperty: "AdvertisementName", attribute: .advertisementID),
        Family(className: "SMS_DistributionPoint", created: 30009, modified: 30010, deleted: 30011,
               idProperty: "PackageID", nameProperty: "ServerNALPath", attribute: .packageID),
        Family(className: "SMS_Collection", created: 30015, modified: 30016, deleted: 30017,
               idProperty: "CollectionID", nameProperty: "Name", attribute: .collectionID),
        Family(className: "SMS_Application", created: 30226, modified: 30227, deleted: 30228,
               idProperty: "CI_UniqueID", nameProperty: "LocalizedDisplayName", attribute: .applicationID),
        Family(className: "SMS_DistributionPointGroup", created: 40400, modified: 40401, deleted: 40402,
               idProperty: "GroupID", nameProperty: "Name", attribute: nil),
    ]

    /// A discovered resource deleted.
    static let resourceDeleted: UInt32 = 30066

    /// A collection's membership refreshed on request (RequestRefresh), as the console's Update Membership.
    static let membershipRefreshed: UInt32 = 30104

    /// Objects outside those families, and methods on them: ConfigMgr's catalogue has no general message, so
    /// these numbers are cmsh's own (outside every range the SMS Provider uses).
    static let otherCreated: UInt32 = 39990, otherModified: UInt32 = 39991, otherDeleted: UInt32 = 39992
    static let otherMethodRan: UInt32 = 39993

    /// The program a change came through, as Component: the console writes Microsoft.ConfigurationManagement.exe,
    /// the PowerShell module AdminUI.PS.Provider.dll; cmsh names itself.
    static let component = "cmsh"

    func didServe(_ request: ClientRequest, in context: HookContext) throws {
        guard let site, let message = Self.message(for: request, user: site.userName, site: site.siteCode) else { return }
        try StatusMessages(repository: context.repository, namespace: context.namespace, clock: site.clock).raise(message)
    }

    static func message(for request: ClientRequest, user: String, site: String) -> StatusMessage? {
        let instance: CIMInstance, pick: (Family) -> UInt32, other: UInt32
        switch request {
        case .create(let i): (instance, pick, other) = (i, \.created, otherCreated)
        case .modify(_, let i): (instance, pick, other) = (i, \.modified, otherModified)
        case .delete(let i, _): (instance, pick, other) = (i, \.deleted, otherDeleted)
        case .invoke(let method, let cls, let target, let result):
            // A method that failed changed nothing; its caller has the error.
            guard result.returnValue.integerValue ?? 0 == 0 else { return nil }
            return methodAudit(method, of: cls, target: target, user: user, site: site)
        }
        // The status log itself is not audited (writing it is what auditing does).
        let lineage = instance.cimClass.lineage.map(\.name)
        if lineage.contains(where: { $0.string.hasPrefix("SMS_StatMsg") || $0 == "SMS_StatusMessage" }) { return nil }
        // Deleting a discovered device or user is the SMS Provider's 30066: %1 user, %2 resource ID, %3 its name.
        if case .delete = request, lineage.contains("SMS_Resource") {
            let id = instance["ResourceID"]?.displayText ?? ""
            let name = (instance["Name"] ?? instance["UniqueUserName"])?.displayText ?? ""
            return audit(resourceDeleted, user: user, strings: [user, id, name, instance.className.string], attributes: [])
        }
        guard let family = families.first(where: { lineage.contains($0.className) }) else {
            return audit(other, user: user, strings: [user, instance.className.string, instance.path.description, site],
                         attributes: [])
        }
        let id = instance[family.idProperty]?.displayText ?? ""
        let name = instance[family.nameProperty]?.displayText ?? ""
        return audit(pick(family), user: user, strings: [user, id, name, instance.className.string],
                     attributes: family.attribute.map { [($0, id)] } ?? [])
    }

    /// A method is audited as a change to the object it acts on (AddMembershipRule modifies the collection,
    /// AddDistributionPoints the package), naming the method as %4; RequestRefresh as an Update Membership.
    private static func methodAudit(_ method: CIMName, of cls: CIMClass, target: ObjectPath, user: String, site: String) -> StatusMessage {
        let lineage = cls.lineage.map(\.name)
        let id = target.keys.first?.value.displayText ?? ""
        if !target.isClassPath, let family = families.first(where: { lineage.contains($0.className) }) {
            let messageID = method == "RequestRefresh" && family.className == "SMS_Collection" ? membershipRefreshed : family.modified
            return audit(messageID, user: user, strings: [user, id, "", "\(cls.name).\(method)"],
                         attributes: family.attribute.map { [($0, id)] } ?? [])
        }
        let object = target.isClassPath ? cls.name.string : target.description
        return audit(otherMethodRan, user: user, strings: [user, "\(cls.name).\(method)", object, site], attributes: [])
    }

    private static func audit(_ id: UInt32, user: String, strings: [String],
                              attributes: [(StatusMessage.Attribute, String)]) -> StatusMessage {
        StatusMessage(component: component, messageID: id, kind: .audit,
                      module: "SMS Provider", strings: strings,
                      attributes: [(.userName, user)] + attributes)
    }
}
