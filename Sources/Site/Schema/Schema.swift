// Schema: the SMS Provider classes of a ConfigMgr site, as MOF text compiled into the repository at start-up.
//
// The MOF lives in Swift string literals (one file per area) rather than bundle resources, so a cmsh binary
// copied anywhere still carries its schema, and start-up reads no files. The classes are transcribed from the
// ConfigMgr SDK class pages; where a page contradicts itself, the choice made is noted beside the property.

/// The MOF source of the simulated SMS Provider schema, in dependency order.
public enum SiteSchema {
    /// Each part's file name (for diagnostics) and text, in the order they must be compiled: qualifier
    /// declarations first, and within each part a base class before its subclasses.
    public static let parts: [(name: String, text: String)] = [
        ("qualifiers.mof", qualifiers),
        ("packages.mof", packages),
        ("drivers.mof", drivers),
        ("applications.mof", applications),
        ("deployments.mof", deployments),
        ("task-sequences.mof", taskSequences),
        ("task-sequence-references.mof", taskSequenceReferences),
        ("software-updates.mof", softwareUpdates),
        ("ci-categories.mof", ciCategories),
        ("distribution.mof", distribution),
        ("content-status.mof", contentStatus),
        ("content-extra-info.mof", contentExtraInfo),
        ("sites.mof", sites),
        ("collections.mof", collections),
        ("status.mof", status),
        ("inventory.mof", inventory),
        ("hardware-inventory.mof", hardwareInventory),
        ("health-inventory.mof", healthInventory),
        ("software-inventory.mof", softwareInventory),
    ]

    /// Qualifier declarations used by the schema. Declaring them gives each a type and a scope, so a
    /// misspelt `ValueMap` or a `Static` on a property is a compile error rather than a silent no-op.
    static let qualifiers = #"""
    qualifier Key : boolean = false, scope(property, reference), flavor(DisableOverride, ToSubclass);
    qualifier Lazy : boolean = false, scope(property), flavor(ToSubclass);
    qualifier Indexed : boolean = false, scope(property), flavor(ToSubclass);
    qualifier Write : boolean = false, scope(property), flavor(ToSubclass);
    qualifier Abstract : boolean = false, scope(class, association, indication), flavor(Restricted);
    qualifier Association : boolean = false, scope(class, association), flavor(DisableOverride, ToSubclass);
    qualifier Description : string, scope(any), flavor(ToSubclass, Translatable);
    qualifier Values : string[], scope(property, method, parameter), flavor(ToSubclass, Translatable);
    qualifier ValueMap : string[], scope(property, method, parameter), flavor(ToSubclass);
    qualifier BitValues : string[], scope(property, method, parameter), flavor(ToSubclass, Translatable);
    qualifier BitMap : string[], scope(property, method, parameter), flavor(ToSubclass);
    qualifier EmbeddedInstance : string, scope(property, method, parameter), flavor(ToSubclass);
    qualifier Static : boolean = false, scope(method), flavor(DisableOverride, ToSubclass);
    qualifier In : boolean = true, scope(parameter), flavor(DisableOverride, ToSubclass);
    qualifier Out : boolean = false, scope(parameter), flavor(DisableOverride, ToSubclass);
    qualifier Optional : boolean = false, scope(parameter), flavor(ToSubclass);
    qualifier ID : sint32, scope(parameter), flavor(DisableOverride, ToSubclass);
    """#
}
