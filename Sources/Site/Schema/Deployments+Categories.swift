// Deployments, categories: SMS_CIAllCategories, one row per configuration item and category it belongs to, as
// MOF.
//
// Source: the ConfigMgr SDK page "SMS_CIAllCategories Server WMI Class" (MicrosoftDocs/memdocs,
// memdocs/configmgr/develop/reference/sum/sms_ciallcategories-server-wmi-class.md), with the descriptions its "See"
// entries point to from SMS_CategoryInstanceBase and SMS_ConfigurationItemLatestBaseClass. The class derives from
// SMS_BaseClass, which is not modelled, so it is a root class here.
//
// Choices:
// - The keys are CategoryInstanceID and CI_ID, as the page marks them; its unique, SizeLimit and Not_null
//   qualifiers are not declared in this schema (no other class uses them), and neither is the class's Read.
// - LocalizedCategoryInstanceName and ObjectTypeID point to SMS_ConfigurationItemLatestBaseClass, which has neither;
//   their descriptions here are summaries.
// - CategoryTypeName: SMS_CategoryInstanceBase lists "Classification" and "Product Family", but the category
//   instances sites hold are typed as their unique IDs are prefixed (UpdateClassification, Product, AppCategories),
//   which is what scripts filter on; the simulation does the same.

extension SiteSchema {
    /// SMS_CIAllCategories.
    static let ciCategories = #"""
    [Description("A category that a configuration item belongs to: one row per item and category.")]
    class SMS_CIAllCategories {
        [Key, Description("Site-specific ID of the category instance.")]
        uint32 CategoryInstanceID;
        [Write, Description("Unique ID of the category instance, as <CategoryTypeName>:<ID>.")]
        string CategoryInstance_UniqueID;
        [Description("Type of the category: UpdateClassification, Product, AppCategories...")]
        string CategoryTypeName;
        [Key, Description("ID of the configuration item, unique only for the site.")]
        uint32 CI_ID;
        [Description("ID of the configuration item, unique across sites.")]
        string CI_UniqueID;
        [Description("Localized name of the category instance.")]
        string LocalizedCategoryInstanceName;
        [Description("Locale ID of the localized properties.")]
        uint32 LocalizedPropertyLocaleID;
        [Description("Model name of the configuration item.")]
        string ModelName;
        [Description("Secured object class ID of the configuration item.")]
        uint32 ObjectTypeID;
    };
    """#
}
