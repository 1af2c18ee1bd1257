// StatusMessages: how simulated site components raise status messages, as ConfigMgr's do: the message in
// SMS_StatusMessage, its insertion strings (SMS_StatMsgInsStrings) and attributes (SMS_StatMsgAttributes), and
// the same record in the views scripts read (SMS_StatMsg, SMS_StatMsgWithInsStrings).
import CIM

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
        try repository.withoutFilling {
            let recordID = try repository.nextFreeNumber("SMS_StatusMessage", key: "RecordID", as: { .sint64($0) }, namespace: namespace)
            let rows = try rows(of: message, recordID: recordID)
            try repository.performAtomically { try repository.putStoredInstances(rows, namespace: namespace) }
            return recordID
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
        let messageClass = try repository.requireClass("SMS_StatusMessage", namespace: namespace)
        let time = message.time ?? clock.now
        var common: [(CIMName, CIMValue)] = [
            ("RecordID", .sint64(recordID)), ("Component", .string(message.component)),
            ("MachineName", .string(message.machine)), ("MessageID", .uint32(message.messageID)),
            ("MessageType", .uint32(message.kind.rawValue)), ("ModuleName", .string(message.module)),
            ("Severity", .uint32(message.severity.rawValue)), ("SiteCode", .string(siteCode)),
            ("TopLevelSiteCode", .string(siteCode)), ("Time", .datetime(time)),
            ("PerClient", .uint32(message.perClient ? 2 : 0)), ("ProcessID", .uint32(message.processID)),
            ("ThreadID", .uint32(message.threadID)), ("ReportFunction", .uint32(0)),
            ("SuccessfulTransaction", .uint32(0)), ("Transaction", .uint32(0)), ("Win32Error", .uint32(0)),
        ]
        var rows = [try row(messageClass, common)]
        if let view = repository.cimClass(named: "SMS_StatMsg", namespace: namespace) { rows.append(try row(view, common)) }
        if let view = repository.cimClass(named: "SMS_StatMsgWithInsStrings", namespace: namespace) {
            for (index, text) in message.strings.prefix(10).enumerated() {
                common.append((CIMName("InsString\(index + 1)"), .string(text)))
            }
            rows.append(try row(view, common))
        }
        if let strings = repository.cimClass(named: "SMS_StatMsgInsStrings", namespace: namespace) {
            for (index, text) in message.strings.enumerated() {
                rows.append(try row(strings, [("RecordID", .sint64(recordID)), ("InsStrIndex", .uint32(UInt32(index))),
                                              ("InsStrValue", .string(text)), ("SiteCode", .string(siteCode))]))
            }
        }
        if let attributes = repository.cimClass(named: "SMS_StatMsgAttributes", namespace: namespace) {
            for (attribute, value) in message.attributes {
                rows.append(try row(attributes, [("RecordID", .sint64(recordID)), ("AttributeID", .uint32(attribute.rawValue)),
                                                 ("AttributeValue", .string(value)), ("AttributeTime", .datetime(time)),
                                                 ("SiteCode", .string(siteCode))]))
            }
        }
        return rows
    }

    /// An instance of `cls` with the properties it has among `values` (the views have fewer than the base): one
    /// name lookup per value, and no conversion for a value already of its property's type.
    private func row(_ cls: CIMClass, _ values: [(CIMName, CIMValue)]) throws -> CIMInstance {
        var slots = cls.defaultValues
        for (name, value) in values { if let slot = cls.slot(of: name) { slots[slot] = value } }
        return try CIMInstance(of: cls, slotValues: slots)
    }
}
