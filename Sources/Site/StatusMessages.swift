// StatusMessages: how simulated site components raise status messages (SMS_StatusMessage with its insertion
// strings in SMS_StatMsgInsStrings), as ConfigMgr's components do.
import CIM

struct StatusMessages {
    let repository: CIMRepository
    let namespace: String
    let clock: SiteClock

    /// SMS_StatusMessage.Severity values, from the SDK page.
    enum Severity: UInt32 {
        case informational = 0x4000_0000, warning = 0x8000_0000, error = 0xC000_0000
    }

    /// The message the collection evaluator raises for a query rule it could not run. ConfigMgr's message
    /// catalogue is not part of the SDK; this number is cmsh's. Insertion strings: %1 the collection ID,
    /// %2 the rule name, %3 the located reason, %4 the WMI status.
    static let ruleFailedMessageID: UInt32 = 2011

    /// The site server's name, as MachineName.
    static let machineName = "CM01"

    /// The site code of the namespace (`root\sms\site_S01` → S01).
    var siteCode: String {
        guard let range = namespace.range(of: "site_", options: .caseInsensitive) else { return "" }
        return String(namespace[range.upperBound...])
    }

    /// Stores one milestone message and its insertion strings; returns its RecordID.
    @discardableResult
    func raise(component: String, severity: Severity, messageID: UInt32, strings: [String]) throws -> Int64 {
        let messageClass = try repository.requireClass("SMS_StatusMessage", namespace: namespace)
        let stringClass = try repository.requireClass("SMS_StatMsgInsStrings", namespace: namespace)
        var last: Int64 = 0
        try repository.forEachInstance(of: messageClass.name, namespace: namespace) { m in
            if let id = m["RecordID"]?.integerValue, Int64(id) > last { last = Int64(id) }
            return true
        }
        let recordID = last + 1
        var message = CIMInstance(of: messageClass)
        try message.set("RecordID", .sint64(recordID))
        try message.set("Component", .string(component))
        try message.set("MachineName", .string(Self.machineName))
        try message.set("MessageID", .uint32(messageID))
        try message.set("MessageType", .uint32(256))  // milestone
        try message.set("ModuleName", .string("SMS Server"))
        try message.set("Severity", .uint32(severity.rawValue))
        try message.set("SiteCode", .string(siteCode))
        try message.set("TopLevelSiteCode", .string(siteCode))
        try message.set("Time", .datetime(clock.now))
        try message.set("PerClient", .uint32(0))
        _ = try repository.createInstance(message, namespace: namespace)
        for (index, text) in strings.enumerated() {
            var row = CIMInstance(of: stringClass)
            try row.set("RecordID", .sint64(recordID))
            try row.set("InsStrIndex", .uint32(UInt32(index)))
            try row.set("InsStrValue", .string(text))
            _ = try repository.createInstance(row, namespace: namespace)
        }
        return recordID
    }
}
