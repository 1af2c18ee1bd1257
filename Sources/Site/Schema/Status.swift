// Status: the status messages site components raise, as MOF.
//
// Source: the SDK pages SMS_StatusMessage Server WMI Class and SMS_StatMsgInsStrings Server WMI Class
// (RecordID is SInt64 on the current pages, UInt32 on the 2007 ones; the current type is used). Only what
// the simulated site writes today is here: the collection evaluator's messages about rules it could not run.

extension SiteSchema {
    static let status = #"""
    [Description("A status message raised by a site component: process completion, errors, conditions, user actions.")]
    class SMS_StatusMessage {
        [Description("Name of the component that created the message, e.g. SMS_COLLECTION_EVALUATOR.")]
        string Component;
        [Description("Name of the computer that created the message.")]
        string MachineName;
        [Description("ID of the message text in the module's message DLL.")]
        uint32 MessageID;
        [Description("Type of the message."), ValueMap {"256", "512", "768"}, Values {"Milestone", "Detail", "Audit"}]
        uint32 MessageType;
        [Description("Display name of the module whose DLL holds the message text, e.g. SMS Server.")]
        string ModuleName;
        [Description("1 when the message was created by a client component.")]
        uint32 PerClient;
        [Description("ID of the process that created the message.")]
        uint32 ProcessID;
        [Key, Description("ID of the message's record in the site database.")]
        sint64 RecordID;
        [Description("How the message was reported.")]
        uint32 ReportFunction;
        [Description("Severity of the message."), ValueMap {"1073741824", "2147483648", "3221225472"}, Values {"Informational", "Warning", "Error"}]
        uint32 Severity;
        [Indexed, Description("Site code of the site that created the message.")]
        string SiteCode;
        [Description("Not used.")]
        uint32 SuccessfulTransaction;
        [Description("ID of the thread that created the message.")]
        uint32 ThreadID;
        [Description("When the message was created.")]
        datetime Time;
        [Description("Site code of the top-level site of the hierarchy.")]
        string TopLevelSiteCode;
        [Description("Not used.")]
        uint32 Transaction;
        [Description("The Win32 error behind the message, if any.")]
        uint32 Win32Error;
    };

    [Description("An insertion string of a status message: the values its text is filled with.")]
    class SMS_StatMsgInsStrings {
        [Key, Indexed, Description("RecordID of the status message.")]
        sint64 RecordID;
        [Key, Description("Position of the string in the message text (%1 is 0).")]
        uint32 InsStrIndex;
        [Description("The string.")]
        string InsStrValue;
    };
    """#
}
