// Deployments, software updates: SMS_SoftwareUpdate and SMS_AuthorizationList (update groups), as MOF.
//
// Source: the ConfigMgr SDK pages SMS_SoftwareUpdate, SMS_SoftwareUpdateBase, SMS_AuthorizationList and their
// method pages (AcceptEULA, GetEULA, SetEnforcement, SyncNow, RunAuthListStatusSummarization), read from the
// MicrosoftDocs/SCCMdocs copy at b0674a5d85a3, as for Deployments.swift.
//
// Both classes derive from SMS_ConfigurationItemBaseClass, declared in Deployments.swift (the `deployments` part,
// compiled before this one); each declares only what it adds. Where the subclass pages differ from the base page
// on an inherited property, the base is kept: SMS_SoftwareUpdate's page makes PlatformType Read/Write, and both
// pages mark IsDigest lazy. SMS_SoftwareUpdate's property entries say "See SMS_SoftwareUpdateBase", so the
// descriptions come from that (abstract, unmodelled) class's page. FilterUpdates, listed on SMS_SoftwareUpdate's
// page as "for internal use only", has no page of its own and is not declared.

extension SiteSchema {
    /// SMS_SoftwareUpdate and SMS_AuthorizationList, on the configuration-item base from `deployments`.
    static let softwareUpdates = #"""
    [Description("A software update available at the site: the core class for software updates.")]
    class SMS_SoftwareUpdate : SMS_ConfigurationItemBaseClass {
        [Description("Knowledge base article ID of the update.")]
        string ArticleID;
        [Description("Bulletin ID of a Microsoft security update; \"None\" by default.")]
        string BulletinID;
        [Write, Description("Custom severity rating of the update; 0 by default.")]
        uint32 CustomSeverity;
        [Description("Text of the custom severity rating.")]
        string CustomSeverityName;
        [Description("When the update was published.")]
        datetime DatePosted;
        [Description("When the update was revised.")]
        datetime DateRevised;
        [Description("true if the update's content is provisioned.")]
        boolean IsContentProvisioned;
        [Description("true if the update is ready to be included in a deployment.")]
        boolean IsDeployable;
        [Description("true if the update has been deployed.")]
        boolean IsDeployed;
        [Description("true if the update is a metadata-only update.")]
        boolean IsMetadataOnlyUpdate;
        [Description("true (default) if the update can be applied to offline images.")]
        boolean IsOfflineServiceable;
        [Description("When the status was last updated.")]
        datetime LastStatusTime;
        [Lazy, EmbeddedInstance("SMS_CI_LocalizedEulas"), Description("Localized license terms of the update.")]
        object LocalizedEulas[];
        [Lazy, EmbeddedInstance("SMS_CI_LocalizedProperties"),
         Description("Per-language display name, description and informative URL of the update.")]
        object LocalizedInformation[];
        [Write, Description("Maximum time the update needs to run; 30 by default.")]
        uint32 MaxExecutionTime;
        [Description("Number of targeted computers on which the update is missing.")]
        uint32 NumMissing;
        [Description("Number of targeted computers to which the update does not apply.")]
        uint32 NumNotApplicable;
        [Description("Number of targeted computers on which the update is installed.")]
        uint32 NumPresent;
        [Description("Total number of targeted computers.")]
        uint32 NumTotal;
        // The page says "is known"; the count is of computers whose state is unknown.
        [Description("Number of targeted computers whose state for the update is unknown.")]
        uint32 NumUnknown;
        [Description("Percentage of clients compliant for the update.")]
        uint32 PercentCompliant;
        [Description("true if the update must be installed on its own.")]
        boolean RequiresExclusiveHandling;
        [Description("Revision number of the update.")]
        uint32 RevisionNumber;
        [Description("Severity rating of the update; 0 by default.")]
        uint32 Severity;
        [Description("Text of the severity rating.")]
        string SeverityName;
        [Description("Size of the update.")]
        sint64 Size;
        [Description("Locales the update applies to.")]
        string UpdateLocales[];

        [Description("Accepts or declines the update's license terms.")]
        sint32 AcceptEULA(
            [In, ID(0), Description("true to accept the license terms.")] boolean Accepted);
        [Description("Gets the update's localized license terms.")]
        sint32 GetEULA(
            [Out, ID(0), Description("The license terms.")] string EULA);
        [Description("Sets policy enforcement of the update.")]
        sint32 SetEnforcement(
            [In, ID(0), Description("true to enforce the policy.")] boolean Enforced,
            [In, ID(1), Description("When, in UTC, the item is compliant.")] datetime EffectiveDate);
        [Static, Description("Synchronizes the software update point now.")]
        sint32 SyncNow(
            [In, ID(0), Description("true for a full synchronization; false by default.")] boolean fullSync);
    };

    [Description("An update group: software updates authorized for deployment.")]
    class SMS_AuthorizationList : SMS_ConfigurationItemBaseClass {
        [Description("ID of the associated automatic deployment rule.")]
        uint32 AssociatedAutoRuleID;
        [Description("true if the list contains expired updates.")]
        boolean ContainsExpiredUpdates;
        [Description("true if the list contains superseded updates.")]
        boolean ContainsSupersededUpdates;
        // The page has an entry with no description.
        [Description("true if the list has been deployed.")]
        boolean IsDeployed;
        [Description("true if the content of every update in the list is downloaded.")]
        boolean IsProvisioned;
        [Description("When the status was last updated.")]
        datetime LastStatusTime;
        [Write, Lazy, EmbeddedInstance("SMS_CI_LocalizedProperties"),
         Description("Per-language display name, description and informative URL of the list.")]
        object LocalizedInformation[];
        [Description("Number of collections the list is deployed to.")]
        uint32 NumberOfCollectionsDeployed;
        [Description("Number of expired updates in the update group.")]
        uint32 NumberOfExpiredUpdates;
        [Description("Number of updates in the update group.")]
        uint32 NumberOfUpdates;
        [Description("Number of clients on which the list is compliant.")]
        uint32 NumCompliant;
        [Description("Number of clients on which the list is not compliant.")]
        uint32 NumNonCompliant;
        [Description("Total number of clients for the list.")]
        uint32 NumTotal;
        [Description("Number of clients on which the list's state is unknown.")]
        uint32 NumUnknown;
        [Description("Percentage of clients compliant for the list.")]
        uint32 PercentCompliant;
        [Write, Lazy, Description("CI_IDs of the SMS_SoftwareUpdate objects in the list.")]
        uint32 Updates[];

        [Static, Description("Updates the summarized results of an update group.")]
        sint32 RunAuthListStatusSummarization(
            [In, ID(0), Description("CI_ID of the update group.")] uint32 CI_ID);
    };
    """#
}
