// StatusMessages: how simulated site components raise status messages, as ConfigMgr's do: the message in
// SMS_StatusMessage, its insertion strings (SMS_StatMsgInsStrings) and attributes (SMS_StatMsgAttributes), and
// the same record in the views scripts read (SMS_StatMsg, SMS_StatMsgWithInsStrings).
import CIM
import Foundation

/// One status message, as a component raises it.
struct StatusMessage {
    /// SMS_StatusMessage.Severity, from the SDK page.
    enum Severity: UInt32 {
        case informational = 0x4000_0000, warning = 0x8000_0000, error = 0xC000_0000
    }

    /// SMS_StatusMessage.MessageType: a milestone, a detail, or an audit of a user's change.
    enum Kind: UInt32 { case milestone = 256, detail = 512, audit = 768 }

    /// SMS_StatMsgAttributes.AttributeID values, from the SDK page.
    enum Attribute: UInt32 {
        case packageID = 400, advertisementID = 401, collectionID = 402, userName = 403, distributionPoint = 404,
             clientID = 408, siteCode = 409, packageVersion = 410, assignmentID = 414, objectID = 415,
             applicationID = 428
    }

    var component: String
    var messageID: UInt32
    var severity: Severity = .informational
    var kind: Kind = .milestone
    var module = "SMS Server"
    /// The computer that raised it: the site server unless a client or a site system did.
    var machine = StatusMessages.siteServer
    /// The values the message text is filled with, %1 first.
    var strings: [String] = []
    var attributes: [(Attribute, String)] = []
    /// When it was raised; the site clock's now when nil.
    var time: CIMDateTime? = nil
    /// Whether a client raised it (PerClient 2; 0 for a site component).
    var perClient = false
    var processID: UInt32 = 4_312
    var threadID: UInt32 = 5_120
}

/// Writes status messages into a site's repository.
struct StatusMessages {
    let repository: CIMRepository
    let namespace: String
    let clock: SiteClock

    /// The message the collection evaluator raises for a query rule it could not run: ConfigMgr's 2542, "SMS
    /// Collection Evaluator failed to update the query rule %1 of collection %2 (%3)". Insertion strings: %1 the
    /// rule name, %2 the collection's name, %3 its ID, then cmsh's additions: %4 the located reason, %5 the WMI
    /// status.
    static let ruleFailedMessageID: UInt32 = 2542

    /// The site server's name, as MachineName.
    static let siteServer = "CM01.contoso.com"

    /// The site code of the namespace (`root\sms\site_S01` → S01).
    var siteCode: String { SimulatedSite.siteCode(of: namespace) ?? "" }

    /// Stores one message in every status class the site has; returns its RecordID.
    @discardableResult
    func raise(_ message: StatusMessage) throws -> Int64 {
        // Raising reads the classes only for the next RecordID: the client history (ClientHistory) can wait.
        // The rows are the site's own, built to the classes' types, with a RecordID no row has: they go in as a
        // load does (no validation, no hooks — none watch the status log), in one atomic step that a client's
        // rollback undoes and a site file records.
        // The number is taken and used in one atomic step (the repository's lock held): two requests raising at once
        // cannot both take it, which a put, replacing what has the key, would not notice.
        try repository.withoutFilling {
            try repository.performAtomically {
                let recordID = try repository.nextFreeNumber("SMS_StatusMessage", key: "RecordID", as: { .sint64($0) }, namespace: namespace)
                try repository.putStoredInstances(try rows(of: message, recordID: recordID), namespace: namespace)
                return recordID
            }
        }
    }

    /// Stores a history of messages at once, numbered after the highest RecordID there is, in the order given:
    /// as a bulk load (no hooks), for the thousands of messages a fleet's history has.
    func raiseHistory(_ messages: [StatusMessage]) throws {
        try repository.withoutFilling {
            var next: Int64 = 1
            try repository.forEachInstance(of: "SMS_StatusMessage", namespace: namespace) { row in
                if let id = row["RecordID"]?.integerValue { next = max(next, Int64(id) + 1) }
                return true
            }
            var byClass: [CIMName: [CIMInstance]] = [:]
            for message in messages {
                for row in try rows(of: message, recordID: next) { byClass[row.className, default: []].append(row) }
                next += 1
            }
            for (_, rows) in byClass.sorted(by: { $0.key.string < $1.key.string }) {
                try repository.putStoredInstances(rows, namespace: namespace)
            }
        }
    }

    /// The rows of one message: in SMS_StatusMessage and the views, one per insertion string and attribute.
    private func rows(of message: StatusMessage, recordID: Int64) throws -> [CIMInstance] {
        let time = CIMValue.datetime(message.time ?? clock.now)
        let id = CIMValue.sint64(recordID), site = CIMValue.string(siteCode)
        // In the order of StatusLayouts.common.
        var common: [CIMValue] = [
            id, .string(message.component), .string(message.machine), .uint32(message.messageID),
            .uint32(message.kind.rawValue), .string(message.module), .uint32(message.severity.rawValue), site, site, time,
            .uint32(message.perClient ? 2 : 0), .uint32(message.processID), .uint32(message.threadID), .uint32(0),
            .uint32(0), .uint32(0), .uint32(0),
        ]
        let layouts = try StatusLayouts.of(repository, namespace)
        var rows = [try layouts.message.row(common)]
        if let view = layouts.statMsg { rows.append(try view.row(common)) }
        if let view = layouts.withStrings {
            common += (0..<10).map { $0 < message.strings.count ? .string(message.strings[$0]) : .null }
            rows.append(try view.row(common))
        }
        if let strings = layouts.strings {
            for (index, text) in message.strings.enumerated() {
                rows.append(try strings.row([id, .uint32(UInt32(index)), .string(text), site]))
            }
        }
        if let attributes = layouts.attributes {
            for (attribute, value) in message.attributes {
                rows.append(try attributes.row([id, .uint32(attribute.rawValue), .string(value), time, site]))
            }
        }
        return rows
    }
}

/// Where each status class keeps the properties a message fills, worked out once per class (a site raises a
/// message for every change; looking up two dozen names for each was most of the cost of raising it).
private struct StatusLayouts {
    static let common: [CIMName] = [
        "RecordID", "Component", "MachineName", "MessageID", "MessageType", "ModuleName", "Severity", "SiteCode",
        "TopLevelSiteCode", "Time", "PerClient", "ProcessID", "ThreadID", "ReportFunction", "SuccessfulTransaction",
        "Transaction", "Win32Error",
    ]
    static let insertionStrings: [CIMName] = (1...10).map { CIMName("InsString\($0)") }

    /// One class's slots for a list of names (nil: the class lacks it, as the views lack some).
    struct Layout {
        let cls: CIMClass
        let slots: [Int?]

        init(_ cls: CIMClass, _ names: [CIMName]) {
            self.cls = cls
            slots = names.map { cls.slot(of: $0) }
        }

        func row(_ values: [CIMValue]) throws -> CIMInstance {
            var all = cls.defaultValues
            for (i, value) in values.enumerated() where i < slots.count { if let slot = slots[i] { all[slot] = value } }
            return try CIMInstance(of: cls, slotValues: all)
        }
    }

    let message: Layout
    let statMsg, withStrings, strings, attributes: Layout?

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [ObjectIdentifier: StatusLayouts] = [:]

    /// The layouts of the namespace's status classes, made once per set of classes (a class object is the
    /// schema's, so a changed schema has new ones).
    static func of(_ repository: CIMRepository, _ namespace: String) throws -> StatusLayouts {
        let base = try repository.requireClass("SMS_StatusMessage", namespace: namespace)
        let key = ObjectIdentifier(base)
        if let made = lock.withLock({ known[key] }) { return made }
        func layout(_ name: CIMName, _ names: [CIMName]) -> Layout? {
            repository.cimClass(named: name, namespace: namespace).map { Layout($0, names) }
        }
        let made = StatusLayouts(
            message: Layout(base, common), statMsg: layout("SMS_StatMsg", common),
            withStrings: layout("SMS_StatMsgWithInsStrings", common + insertionStrings),
            strings: layout("SMS_StatMsgInsStrings", ["RecordID", "InsStrIndex", "InsStrValue", "SiteCode"]),
            attributes: layout("SMS_StatMsgAttributes", ["RecordID", "AttributeID", "AttributeValue", "AttributeTime", "SiteCode"]))
        lock.withLock {
            if known.count > 64 { known.removeAll() }  // test suites make many sites; each schema is a new key
            known[key] = made
        }
        return made
    }
}
