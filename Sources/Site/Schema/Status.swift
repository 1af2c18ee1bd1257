// Status: the status messages site components raise, with their attributes and insertion strings, as MOF.
//
// Source: the SDK pages (memdocs configmgr/develop/reference/core/servers/manage/) SMS_StatusMessage,
// SMS_StatMsg, SMS_StatMsgAttributes, SMS_StatMsgInsStrings, SMS_StatMsgWithInsStrings and
// SMS_StatMsgModuleNames Server WMI Class. All derive from SMS_BaseClass in the SDK, which is not modelled, so
// they are root classes here. None of the pages marks a property lazy. The SDK-only qualifiers (Range,
// SizeLimit, Not_Null) are left out; SizeLimit("3") on SiteCode and the 0-65535 range of MessageID are in the
// descriptions. Choices where the pages disagree or leave a gap:
// - RecordID is SInt64 on the current pages and UInt32 on the 2007 ones; the current type is used throughout.
// - SMS_StatMsgAttributes: the current page keys AttributeID, AttributeTime and AttributeValue and not RecordID;
//   the SMS 2003 page keys all four, and the SMS 2.0 Resource Kit table keys AttributeID, AttributeValue and
//   RecordID. Without RecordID two messages raised in the same second about the same object (distmgr's 2300 and
//   2301 for one package) would share a key, so all four are keys, as on the SMS 2003 page.
// - SMS_StatMsgAttributes.AttributeID: the current page lists 400-416 and 419-429; 417 (Sdm Type ID) and
//   418 (Sdm Type Version) are from the Configuration Manager 2007 page, which lists them between.
// - SMS_StatMsg marks no key on the current page. It is the same messages as SMS_StatusMessage (the page calls
//   it a high-performance version of that class), so RecordID is its key too; a class without keys could hold
//   no instances here.
// - SMS_StatMsg and SMS_StatMsgWithInsStrings describe MessageType, PerClient, ReportFunction, Severity,
//   SuccessfulTransaction and Transaction by reference to SMS_StatusMessage; the referenced values are
//   repeated on them.
// - SMS_StatusMessage's six methods (DeleteByID, DeleteByQuery, RaiseErrorStatusMsg, RaiseInformationalStatusMsg,
//   RaiseRawStatusMsg, RaiseWarningStatusMsg) are not declared: no provider implements them yet.
// [Indexed] is cmsh's, not the SDK's: SiteCode of the messages, and RecordID of the per-message child classes
// (attributes, insertion strings) so joins on RecordID are hash lookups.

extension SiteSchema {
    /// The properties of a status message: SMS_StatusMessage's, which SMS_StatMsg and SMS_StatMsgWithInsStrings (the
    /// same records, as views) repeat.
    static let statusMessageProperties = #"""
        [Description("Name of the component that created the message; for user-defined messages, the ApplicationName context qualifier.")]
        string Component;
        [Description("Name of the computer that created the message; for user-defined messages, the MachineName context qualifier.")]
        string MachineName;
        [Description("Unique ID (0-65535) of the message text in the message DLL; 39997, 39998 and 39999 for user-defined informational, warning and error messages.")]
        uint32 MessageID;
        [Description("Type of the message."),
         ValueMap{"256", "512", "768", "1024"},
         Values{"Milestone", "Detail", "Audit", "NTEvent"}]
        uint32 MessageType;
        [Description("Display name of the module whose message DLL holds the text, as in SMS_StatMsgModuleNames.ModuleName.")]
        string ModuleName;
        [Description("Whether a client component generated the message."),
         ValueMap{"0", "2"},
         Values{"false", "true"}]
        uint32 PerClient;
        [Description("ID of the process that created the message.")]
        uint32 ProcessID;
        [Key, Description("Unique ID of the status message.")]
        sint64 RecordID;
        [Description("Report function."),
         ValueMap{"0", "16", "32", "48", "64", "80"},
         Values{"Report", "BeginTransaction", "CommitSuccessfulTransaction", "CommitFailedTransaction",
                "RollbackTransaction", "ReportEX"}]
        uint32 ReportFunction;
        [Description("Severity of the message."),
         ValueMap{"1073741824", "2147483648", "3221225472"},
         Values{"Informational", "Warning", "Error"}]
        uint32 Severity;
        [Indexed, Description("Site code (three characters) of the site that created the message.")]
        string SiteCode;
        [Description("Transaction status."),
         ValueMap{"0", "8"},
         Values{"Failed", "Successful"}]
        uint32 SuccessfulTransaction;
        [Description("ID of the thread that created the message.")]
        uint32 ThreadID;
        [Description("UTC date and time the message was created.")]
        datetime Time;
        [Description("Deprecated.")]
        string TopLevelSiteCode;
        [Description("Whether transactions are enabled."),
         ValueMap{"0", "4"},
         Values{"False", "True"}]
        uint32 Transaction;
        [Description("Win32 error code associated with the message.")]
        uint32 Win32Error;
    """#

    static let status = #"""
    [Description("A status message raised by a site component about an event: process completion, an error, a condition, a user action.")]
    class SMS_StatusMessage {
    \#(statusMessageProperties)
    };

    [Description("High-performance version of SMS_StatusMessage.")]
    class SMS_StatMsg {
    \#(statusMessageProperties)
    };

    [Description("Optional data attached to a status message, not shown in its text, used to find the messages about an object.")]
    class SMS_StatMsgAttributes {
        [Key, Description("Type of attribute that AttributeValue holds."),
         ValueMap{"400", "401", "402", "403", "404", "405", "406", "407", "408", "409", "410", "411", "412", "413",
                  "414", "415", "416", "417", "418", "419", "420", "421", "422", "423", "424", "425", "426", "427",
                  "428", "429"},
         Values{"Package ID", "Advertisement ID", "Collection ID", "User Name", "Distribution Point", "Policy ID",
                "Policy Assignment ID", "Software Metering Rule ID", "Client SMS Unique ID", "Site Code",
                "Package Version", "Time Key", "Unique Update ID", "Product ID", "CI Assignment ID", "Object ID",
                "Object Type", "Sdm Type ID", "Sdm Type Version", "UpdateSourceUniqueID",
                "Collection Extended Properties ID", "Wake On LAN Object Type", "Wake On LAN Batch ID",
                "Machine Extended Properties ID", "Wake On LAN Number of Requests", "Unknown Machine",
                "MAC Address", "SMBIOS ID", "Application ID", "Application Version"}]
        uint32 AttributeID;
        [Key, Description("UTC date and time the message was generated.")]
        datetime AttributeTime;
        [Key, Description("Attribute value, of the type given by AttributeID.")]
        string AttributeValue;
        [Key, Indexed, Description("RecordID of the status message the attribute belongs to.")]
        sint64 RecordID;
        // Not on the SDK page; the SMS Provider has it, and public scripts filter by it (dotraphael/SCCMAdminEbookv4).
        [Description("Site code of the site that created the message.")]
        string SiteCode;
    };

    [Description("An insertion string of a status message: text inserted at one insertion point of its message text.")]
    class SMS_StatMsgInsStrings {
        [Key, Description("Index ordering the insertion strings; it relates directly to the insertion points of the message (0 is %1).")]
        uint32 InsStrIndex;
        [Description("Text to insert at the insertion point.")]
        string InsStrValue;
        [Key, Indexed, Description("RecordID of the status message the insertion point belongs to.")]
        sint64 RecordID;
        // Not on the SDK page; the SMS Provider has it, and public scripts filter by it (dotraphael/SCCMAdminEbookv4).
        [Description("Site code of the site that created the message.")]
        string SiteCode;
    };

    [Description("A status message with its insertion strings.")]
    class SMS_StatMsgWithInsStrings {
    \#(statusMessageProperties)
        [Description("Insertion string at position 1.")]
        string InsString1;
        [Description("Insertion string at position 10.")]
        string InsString10;
        [Description("Insertion string at position 2.")]
        string InsString2;
        [Description("Insertion string at position 3.")]
        string InsString3;
        [Description("Insertion string at position 4.")]
        string InsString4;
        [Description("Insertion string at position 5.")]
        string InsString5;
        [Description("Insertion string at position 6.")]
        string InsString6;
        [Description("Insertion string at position 7.")]
        string InsString7;
        [Description("Insertion string at position 8.")]
        string InsString8;
        [Description("Insertion string at position 9.")]
        string InsString9;
        [Description("Resource ID of the client; NULL if the message is not about a client.")]
        uint32 ResourceID;
    };

    [Description("Maps a module name to the message DLL that holds its status message text.")]
    class SMS_StatMsgModuleNames {
        [Key, Description("Module name, as in SMS_StatusMessage.ModuleName.")]
        string ModuleName;
        [Description("Name of the resource DLL that holds the message text.")]
        string MsgDLLName;
    };
    """#
}
