// root\sms: where every real script starts — it connects there, reads SMS_ProviderLocation, and takes the site
// namespace (root\sms\site_<code>) of the provider whose ProviderForLocalSite is true.
// Source: the SDK page misc/sms_providerlocation-server-wmi-class (SiteCode is the key).
extension SiteSchema {
    /// The namespace above the site namespaces.
    public static let providerNamespace = "root\\sms"

    /// The class, as MOF for `root\sms` (every site has it; an empty site has no instance of it).
    static let providerLocationClass = """
        [Description("Where the SMS Provider of a site is: scripts connect to root\\\\sms, read this, and connect to NamespacePath.")]
        class SMS_ProviderLocation {
            [Description("The computer the SMS Provider runs on.")] string Machine;
            [Description("The full WMI path of the provider's site namespace.")] string NamespacePath;
            [Description("true for the provider of the site this client belongs to; one instance only.")] boolean ProviderForLocalSite;
            [Key, Description("The site's code.")] string SiteCode;
        };
        """

    /// A site's provider on `machine`, as MOF for `root\sms`.
    public static func providerLocation(siteCode: String, machine: String) -> String {
        """
        instance of SMS_ProviderLocation {
            Machine = "\(machine)";
            NamespacePath = "\\\\\\\\\(machine)\\\\root\\\\sms\\\\site_\(siteCode)";
            ProviderForLocalSite = TRUE;
            SiteCode = "\(siteCode)";
        };
        """
    }
}
