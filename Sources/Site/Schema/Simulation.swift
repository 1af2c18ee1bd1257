// Simulation: classes ConfigMgr keeps that the SDK pages in our reference do not define, needed to
// simulate DP groups and driver content. Their names follow ConfigMgr's own.

extension SiteSchema {
    /// Compiled after ``parts``.
    public static let simulationParts: [(name: String, text: String)] = [("simulation.mof", simulation)]

    static let simulation = #"""
    [Description("A distribution point that belongs to a distribution point group.")]
    class SMS_DPGroupMembers {
        [Key] string GroupID;
        [Key] string DPNALPath;
        string SiteCode;
        datetime AddedOn;
    };

    [Description("A package whose content is targeted at a distribution point group.")]
    class SMS_DPGroupPackages {
        [Key] string GroupID;
        [Key] string PkgID;
        datetime AddedOn;
    };

    [Description("Links a driver (configuration item) to the content ID of its files.")]
    class SMS_CIToContent {
        [Key] uint32 ContentID;
        [Indexed] uint32 CI_ID;
        string ContentSourcePath;
    };

    [Description("Content (driver files) held by a package.")]
    class SMS_PackageToContent {
        [Key] string PackageID;
        [Key] uint32 ContentID;
        string ContentSourcePath;
    };
    """#
}
