// The site schema compiles, and its classes carry the SDK's keys, types, qualifiers and methods.
import Testing
import CIM
@testable import Site

/// A fresh repository (default namespace root\sms\site_S01) holding every part of the schema.
private func compiledSchema() throws -> CIMRepository {
    let repo = CIMRepository()
    for part in SiteSchema.parts {
        _ = try MOFCompiler.compile(part.text, fileName: part.name, into: repo)
    }
    return repo
}

private func cimClass(_ name: CIMName, in repo: CIMRepository) throws -> CIMClass {
    try #require(repo.cimClass(named: name), "class \(name) is missing")
}

private func property(_ name: CIMName, of className: CIMName, in repo: CIMRepository) throws -> CIMProperty {
    try #require(try cimClass(className, in: repo).property(named: name), "\(className).\(name) is missing")
}

private func method(_ name: CIMName, of className: CIMName, in repo: CIMRepository) throws -> CIMMethod {
    try #require(try cimClass(className, in: repo).method(named: name), "\(className).\(name)() is missing")
}

/// The seven concrete package classes of the SDK.
private let packageClasses: [CIMName] = [
    "SMS_Package", "SMS_DriverPackage", "SMS_ImagePackage", "SMS_BootImagePackage", "SMS_SoftwareUpdatesPackage",
    "SMS_OperatingSystemInstallPackage", "SMS_ContentPackage",
]

@Suite struct SchemaTests {
    @Test func schemaCompiles() throws {
        let repo = CIMRepository()
        for part in SiteSchema.parts {
            let result = try MOFCompiler.compile(part.text, fileName: part.name, into: repo)
            #expect(result.instances.isEmpty, "\(part.name) should declare no instances")
        }
    }

    @Test func everyListedClassExists() throws {
        let repo = try compiledSchema()
        let expected: [CIMName] = [
            "SMS_PackageBaseclass", "SMS_Package", "SMS_DriverPackage", "SMS_ImagePackage", "SMS_BootImagePackage",
            "SMS_SoftwareUpdatesPackage", "SMS_OperatingSystemInstallPackage", "SMS_ContentPackage", "SMS_Driver",
            "SMS_DistributionPoint", "SMS_DistributionPointGroup", "SMS_PackageStatusDistPointsSummarizer",
            "SMS_DistributionDPStatus",
            "SMS_Site", "SMS_SystemResourceList", "SMS_SCI_SysResUse", "SMS_NAL_Methods", "SMS_ExtendedStatus",
            "SMS_Collection", "SMS_CollectionRule", "SMS_CollectionRuleDirect", "SMS_CollectionRuleQuery",
            "SMS_CollectionRuleIncludeCollection", "SMS_CollectionRuleExcludeCollection", "SMS_CollectionMember_a",
            "SMS_FullCollectionMembership",
            "SMS_Resource", "SMS_R_System", "SMS_StatusMessage", "SMS_StatMsgInsStrings",
            // Status messages, deployments, software updates, content status.
            "SMS_StatMsg", "SMS_StatMsgAttributes", "SMS_StatMsgWithInsStrings", "SMS_StatMsgModuleNames",
            "SMS_Program", "SMS_Advertisement", "SMS_ConfigurationItemBaseClass", "SMS_Application",
            "SMS_ApplicationLatest", "SMS_DeploymentType", "SMS_DeploymentInfo", "SMS_DeploymentSummary",
            "SMS_ClassicDeploymentAssetDetails", "SMS_AppDeploymentAssetDetails", "SMS_TaskSequencePackage",
            "SMS_SoftwareUpdate", "SMS_AuthorizationList",
            "SMS_DistributionStatus", "SMS_PackageStatusDetailSummarizer", "SMS_PackageStatusRootSummarizer",
            "SMS_ObjectContentInfo", "SMS_DPContentInfo", "SMS_PackageContentServerInfo", "SMS_DPStatusInfo",
            "SMS_DistributionPointInfo",
            // Task sequence references, every package's content information, configuration items' categories.
            "SMS_TaskSequencePackageReference", "SMS_ObjectContentExtraInfo", "SMS_CIAllCategories",
            // Client health, and the inventory classes scripts query beside the defaults.
            "SMS_CH_EvalResult", "SMS_G_System_CH_ClientSummary", "SMS_G_System_EndpointProtectionStatus",
            "SMS_G_System_AntimalwareHealthStatus", "SMS_G_System_TPM", "SMS_G_System_FIRMWARE",
            "SMS_G_System_BITLOCKER_DETAILS", "SMS_G_System_OFFICE365PROPLUSCONFIGURATIONS",
            "SMS_G_System_SYSTEM_CONSOLE_USAGE_MAXGROUP", "SMS_G_System_PRINTER_DEVICE", "SMS_G_System_VIDEO_CONTROLLER",
        ] + inventoryClasses
        for name in expected {
            #expect(repo.cimClass(named: name) != nil, "class \(name) is missing")
        }
        // Lookup ignores case: the brief's SMS_PackageBaseClass is the SDK's SMS_PackageBaseclass.
        #expect(repo.cimClass(named: "SMS_PackageBaseClass")?.name.string == "SMS_PackageBaseclass")
        #expect(repo.classes().count == expected.count)
    }

    // MARK: - Keys

    @Test func keysAreThoseOfTheSDK() throws {
        let repo = try compiledSchema()
        let keys: [CIMName: [CIMName]] = [
            "SMS_PackageBaseclass": ["PackageID"],
            "SMS_Package": ["PackageID"],
            "SMS_Driver": ["CI_ID"],
            "SMS_DistributionPoint": ["PackageID", "ServerNALPath", "SiteCode"],
            "SMS_DistributionPointGroup": ["GroupID"],
            "SMS_PackageStatusDistPointsSummarizer": ["PackageID", "ServerNALPath", "SiteCode"],
            "SMS_DistributionDPStatus": ["ID"],
            "SMS_Site": ["SiteCode"],
            "SMS_SystemResourceList": ["NALPath", "ResourceType", "RoleName", "SiteCode"],
            "SMS_SCI_SysResUse": ["FileType", "ItemName", "ItemType", "SiteCode"],
            "SMS_Collection": ["CollectionID"],
            "SMS_R_System": ["ResourceID"],
            "SMS_CollectionMember_a": ["collection", "resource"],
            "SMS_NAL_Methods": [],
            "SMS_ExtendedStatus": [],
            "SMS_CollectionRule": [],
            // Status messages (SMS_StatMsg marks none on its page: the records are SMS_StatusMessage's).
            "SMS_StatusMessage": ["RecordID"], "SMS_StatMsg": ["RecordID"], "SMS_StatMsgWithInsStrings": ["RecordID"],
            "SMS_StatMsgAttributes": ["AttributeID", "AttributeTime", "AttributeValue", "RecordID"],
            "SMS_StatMsgInsStrings": ["InsStrIndex", "RecordID"], "SMS_StatMsgModuleNames": ["ModuleName"],
            // Content status.
            "SMS_DistributionStatus": ["MessageCategory", "ObjectID"], "SMS_PackageStatusDetailSummarizer": ["PackageID", "SiteCode"],
            "SMS_PackageStatusRootSummarizer": ["PackageID"], "SMS_ObjectContentInfo": ["ObjectID"],
            "SMS_DPContentInfo": ["NALPath", "ObjectID"], "SMS_PackageContentServerInfo": ["ContentServerID", "ObjectID"],
            "SMS_DPStatusInfo": ["NALPath"], "SMS_DistributionPointInfo": ["NALPath", "ResourceType", "SiteCode"],
        ]
        for (className, expected) in keys {
            let actual = try cimClass(className, in: repo).keyProperties.map(\.name)
            #expect(actual == expected, "keys of \(className)")
        }
    }

    // MARK: - Inheritance

    @Test func packageSubclassesInheritFromTheBaseClass() throws {
        let repo = try compiledSchema()
        let base = try cimClass("SMS_PackageBaseclass", in: repo)
        #expect(base.isAbstract)
        #expect(base.superclass == nil)
        for name in packageClasses {
            let cls = try cimClass(name, in: repo)
            #expect(cls.superclass?.name == "SMS_PackageBaseclass", "superclass of \(name)")
            #expect(!cls.isAbstract, "\(name) is concrete")
            let packageID = try property("PackageID", of: name, in: repo)
            #expect(packageID.classOrigin == "SMS_PackageBaseclass")
            #expect(packageID.isKey && packageID.type == .string)
            // Every base property is in every subclass, at the same slot.
            for p in base.properties {
                #expect(cls.slot(of: p.name) == base.slot(of: p.name), "\(name).\(p.name) is not inherited in place")
            }
        }
        // The seven, and task sequence packages (declared with deployments).
        #expect(try repo.subclasses(of: "SMS_PackageBaseclass").count == packageClasses.count + 1)
    }

    @Test func subclassesDeclareOnlyWhatTheyAdd() throws {
        let repo = try compiledSchema()
        let own: [CIMName: Set<CIMName>] = [
            "SMS_Package": ["DefaultImageFlags", "IsPredefinedPackage", "TransformAnalysisDate", "TransformReadiness"],
            "SMS_DriverPackage": [],
            "SMS_ImagePackage": ["ImageDiskLayout", "ImageProperty"],
            "SMS_BootImagePackage": [
                "Architecture", "BackgroundBitmapPath", "ContextID", "DefaultImage", "EnableLabShell", "ImageDiskLayout",
                "ImageIndex", "ImageOSVersion", "ImagePath", "ImageProperty", "OptionalComponents", "PreExecCommandLine",
                "PreExecSourceDirectory", "ReferencedDrivers", "ScratchSpace",
            ],
            "SMS_SoftwareUpdatesPackage": [],
            "SMS_OperatingSystemInstallPackage": ["ImageProperty"],
            "SMS_ContentPackage": ["ObjectTypeID", "SecurityKey"],
        ]
        let base = try cimClass("SMS_PackageBaseclass", in: repo)
        #expect(base.properties.count == 44)
        for (name, expected) in own {
            let cls = try cimClass(name, in: repo)
            #expect(Set(cls.ownProperties.map(\.name)) == expected, "own properties of \(name)")
            #expect(cls.properties.count == base.properties.count + expected.count, "no base property redeclared in \(name)")
        }
    }

    @Test func collectionRulesAndResourcesFormHierarchies() throws {
        let repo = try compiledSchema()
        #expect(try cimClass("SMS_CollectionRule", in: repo).isAbstract)
        for rule: CIMName in ["SMS_CollectionRuleDirect", "SMS_CollectionRuleQuery", "SMS_CollectionRuleIncludeCollection",
                              "SMS_CollectionRuleExcludeCollection"] {
            let cls = try cimClass(rule, in: repo)
            #expect(cls.isSubclass(of: "SMS_CollectionRule"), "\(rule) is a collection rule")
            #expect(cls.property(named: "RuleName")?.classOrigin == "SMS_CollectionRule")
        }
        let system = try cimClass("SMS_R_System", in: repo)
        #expect(system.isSubclass(of: "SMS_Resource"))
        #expect(!system.isAbstract)
        #expect(system.property(named: "ResourceID")?.classOrigin == "SMS_Resource")
    }

    // MARK: - Types

    @Test func propertyTypesFollowTheSDK() throws {
        let repo = try compiledSchema()
        let types: [(CIMName, CIMName, CIMType)] = [
            ("SMS_PackageBaseclass", "SourceDate", .datetime),
            ("SMS_PackageBaseclass", "LastRefreshTime", .datetime),
            ("SMS_PackageBaseclass", "ExtendedData", CIMType.uint8.arrayType),
            ("SMS_PackageBaseclass", "ForcedDisconnectEnabled", .boolean),
            ("SMS_PackageBaseclass", "SecuredScopeNames", CIMType.string.arrayType),
            ("SMS_Package", "PkgFlags", .uint32),
            ("SMS_Package", "DefaultImageFlags", .sint32),
            ("SMS_BootImagePackage", "OptionalComponents", CIMType.uint32.arrayType),
            ("SMS_Driver", "ConfigurationFlags", .uint64),
            ("SMS_Driver", "PlatformType", .uint32),
            ("SMS_DistributionDPStatus", "ID", .uint64),
            ("SMS_DistributionDPStatus", "LastStatusID", .uint64),
            ("SMS_PackageStatusDistPointsSummarizer", "SummaryDate", .datetime),
            ("SMS_Site", "Type", .uint32),
            ("SMS_SystemResourceList", "InternetEnabled", .boolean),
            ("SMS_Collection", "MemberCount", .sint32),
            ("SMS_Collection", "LimitToCollectionName", .string),
            ("SMS_R_System", "IPSubnets", CIMType.string.arrayType),
            ("SMS_R_System", "AgentTime", CIMType.datetime.arrayType),
            ("SMS_R_System", "ObjectGUID", CIMType.uint8.arrayType),
            ("SMS_R_System", "SecurityGroupName", CIMType.string.arrayType),
            ("SMS_R_System", "SystemOUName", CIMType.string.arrayType),
            ("SMS_R_System", "ResourceID", .uint32),
            ("SMS_CollectionMember_a", "ResourceType", .uint32),
        ]
        for (className, name, type) in types {
            #expect(try property(name, of: className, in: repo).type == type, "\(className).\(name)")
        }
    }

    @Test func embeddedObjectsNameTheirClass() throws {
        let repo = try compiledSchema()
        let embedded: [(CIMName, CIMName, String)] = [
            ("SMS_PackageBaseclass", "RefreshSchedule", "SMS_ScheduleToken"),
            ("SMS_BootImagePackage", "ReferencedDrivers", "SMS_Driver_Details"),
            ("SMS_SCI_SysResUse", "Props", "SMS_EmbeddedProperty"),
            ("SMS_SCI_SysResUse", "PropLists", "SMS_EmbeddedPropertyList"),
            ("SMS_Collection", "CollectionRules", "SMS_CollectionRule"),
        ]
        for (className, name, embeddedClass) in embedded {
            let p = try property(name, of: className, in: repo)
            #expect(p.type == CIMType.object.arrayType, "\(className).\(name) is object[]")
            #expect(p.qualifiers["EmbeddedInstance"]?.stringValue == embeddedClass, "\(className).\(name)")
        }
    }

    @Test func referencesNameTheirClass() throws {
        let repo = try compiledSchema()
        let member = try cimClass("SMS_CollectionMember_a", in: repo)
        #expect(member.isAssociation)
        #expect(member.property(named: "Collection")?.type == .reference)
        #expect(member.property(named: "Collection")?.referenceClass == "SMS_Collection")
        #expect(member.property(named: "Resource")?.referenceClass == "SMS_Resource")
    }

    // MARK: - Qualifiers

    @Test func lazyPropertiesAreLazy() throws {
        let repo = try compiledSchema()
        let lazy: [(CIMName, CIMName)] = [
            ("SMS_PackageBaseclass", "AlternateContentProviders"), ("SMS_PackageBaseclass", "ExtendedData"),
            ("SMS_PackageBaseclass", "ISVData"), ("SMS_PackageBaseclass", "RefreshPkgSourceFlag"),
            ("SMS_PackageBaseclass", "RefreshSchedule"), ("SMS_DriverPackage", "RefreshSchedule"),
            ("SMS_ImagePackage", "ImageProperty"), ("SMS_BootImagePackage", "ReferencedDrivers"),
            ("SMS_Driver", "SDMPackageXML"), ("SMS_Driver", "IsDigest"), ("SMS_DistributionPoint", "ISVData"),
            ("SMS_SCI_SysResUse", "ServiceWindows"), ("SMS_Collection", "CollectionRules"),
            ("SMS_Collection", "RefreshSchedule"), ("SMS_Collection", "RefreshType"),
        ]
        for (className, name) in lazy {
            #expect(try property(name, of: className, in: repo).qualifiers.isLazy, "\(className).\(name) is lazy")
        }
        let eager: [(CIMName, CIMName)] = [
            ("SMS_PackageBaseclass", "Name"), ("SMS_PackageBaseclass", "Icon"), ("SMS_Package", "PackageID"),
            ("SMS_Collection", "Name"), ("SMS_R_System", "IPAddresses"), ("SMS_DistributionPoint", "SiteCode"),
        ]
        for (className, name) in eager {
            #expect(try !property(name, of: className, in: repo).qualifiers.isLazy, "\(className).\(name) is not lazy")
        }
    }

    @Test func readWritePropertiesAreWritable() throws {
        let repo = try compiledSchema()
        let writable: [(CIMName, CIMName)] = [
            ("SMS_Package", "Name"), ("SMS_Package", "PkgSourcePath"), ("SMS_Package", "PkgSourceFlag"),
            ("SMS_DistributionPoint", "ServerNALPath"), ("SMS_DistributionPoint", "RefreshNow"),
            ("SMS_Collection", "Comment"), ("SMS_Collection", "LimitToCollectionID"), ("SMS_CollectionRule", "RuleName"),
            ("SMS_Site", "SiteName"),
        ]
        for (className, name) in writable {
            #expect(try property(name, of: className, in: repo).qualifiers.isWrite, "\(className).\(name) is Read/Write")
        }
        let readOnly: [(CIMName, CIMName)] = [
            ("SMS_Package", "PackageID"), ("SMS_Package", "SourceDate"), ("SMS_Package", "SourceVersion"),
            ("SMS_DistributionPoint", "Status"), ("SMS_Collection", "CollectionID"), ("SMS_Collection", "MemberCount"),
            ("SMS_SystemResourceList", "NALPath"), ("SMS_R_System", "Name"), ("SMS_CollectionRuleQuery", "QueryID"),
        ]
        for (className, name) in readOnly {
            #expect(try !property(name, of: className, in: repo).qualifiers.isWrite, "\(className).\(name) is read-only")
        }
    }

    @Test func enumerationsCarryValueMaps() throws {
        let repo = try compiledSchema()
        func text(_ value: String, _ name: CIMName, of className: CIMName) throws -> String? {
            try property(name, of: className, in: repo).qualifiers.valueMap?.first { $0.value == value }?.text
        }
        #expect(try text("258", "PackageType", of: "SMS_DriverPackage") == "Boot image package")
        #expect(try text("2", "PkgSourceFlag", of: "SMS_Package") == "STORAGE_DIRECT")
        #expect(try text("3", "State", of: "SMS_PackageStatusDistPointsSummarizer") == "INSTALL_FAILED")
        #expect(try text("2", "Status", of: "SMS_DistributionPoint") == "ADDED")
        #expect(try text("3221225472", "MessageSeverity", of: "SMS_DistributionDPStatus") == "Error")
        #expect(try text("2", "Type", of: "SMS_Site") == "PRIMARY")
        #expect(try text("2", "CollectionType", of: "SMS_Collection") == "DEVICE")
        #expect(try text("x64", "Architecture", of: "SMS_BootImagePackage") == "X86-64 64-bit microprocessor")
        #expect(try property("PkgSourcePath", of: "SMS_Package", in: repo).qualifiers.valueMap == nil)
        let flags = try property("PkgFlags", of: "SMS_Package", in: repo).qualifiers
        #expect(flags["BitMap"] != nil && flags["BitValues"] != nil)
    }

    @Test func descriptionsAreCarried() throws {
        let repo = try compiledSchema()
        #expect(try cimClass("SMS_DistributionPoint", in: repo).qualifiers.descriptionText?.contains("distribution point") == true)
        #expect(try property("PackageType", of: "SMS_Package", in: repo).qualifiers.descriptionText == "The type of the package.")
        #expect(try method("RequestRefresh", of: "SMS_Collection", in: repo).qualifiers.descriptionText != nil)
    }

    @Test func indexedPropertiesAreIndexed() throws {
        let repo = try compiledSchema()
        #expect(try property("SiteCode", of: "SMS_DistributionPoint", in: repo).qualifiers.isIndexed)
        #expect(try property("RoleName", of: "SMS_SystemResourceList", in: repo).qualifiers.isIndexed)
        // Non-key [Indexed] properties get a hash index in the repository.
        #expect(repo.isIndexed("CollectionID", of: "SMS_CollectionMember_a"))
        #expect(repo.isIndexed("PackageID", of: "SMS_DistributionDPStatus"))
        #expect(repo.isIndexed("RoleName", of: "SMS_SCI_SysResUse"))
    }

    // MARK: - Methods

    @Test func everyPackageClassHasAddDistributionPoints() throws {
        let repo = try compiledSchema()
        for name in packageClasses {
            let m = try method("AddDistributionPoints", of: name, in: repo)
            #expect(m.returnType == .sint32)
            #expect(!m.isStatic)
            #expect(m.parameters.map(\.name) == ["SiteCode", "NALPath"], "parameters of \(name).AddDistributionPoints")
            #expect(m.parameters.allSatisfy { $0.type == CIMType.string.arrayType && $0.isIn && !$0.isOut })
        }
        #expect(try method("AddDistributionPoints", of: "SMS_DriverPackage", in: repo).signature
                == "sint32 AddDistributionPoints([In] string SiteCode[], [In] string NALPath[])")
    }

    @Test func refreshPkgSourceIsPerClass() throws {
        let repo = try compiledSchema()
        #expect(try cimClass("SMS_PackageBaseclass", in: repo).method(named: "RefreshPkgSource") == nil)
        for name in packageClasses {
            let m = try method("RefreshPkgSource", of: name, in: repo)
            #expect(m.returnType == .sint32)
            #expect(m.parameters.map(\.name) == (name == "SMS_BootImagePackage" ? ["ContextID"] : []), "\(name)")
        }
        let contextID = try method("RefreshPkgSource", of: "SMS_BootImagePackage", in: repo).parameters[0]
        #expect(contextID.type == .string && contextID.isIn && contextID.qualifiers.isSet("Optional"))
    }

    @Test func packageSpecificMethods() throws {
        let repo = try compiledSchema()
        let add = try method("AddDriverContent", of: "SMS_DriverPackage", in: repo)
        #expect(add.signature == "sint32 AddDriverContent([In] uint32 ContentIDs[], [In] string ContentSourcePath[], [In] boolean bRefreshDPs)")
        let remove = try method("RemoveDriverContent", of: "SMS_DriverPackage", in: repo)
        #expect(remove.signature == "sint32 RemoveDriverContent([In] uint32 ContentIDs[], [In] boolean bRefreshDPs)")
        // AddDistributionPointGroup is on every package class (the SDK's page is SMS_ContentPackage's).
        for name in packageClasses {
            let group = try method("AddDistributionPointGroup", of: name, in: repo)
            #expect(group.signature == "sint32 AddDistributionPointGroup([In] string DistributionPointGroup[])")
            #expect(group.classOrigin == "SMS_PackageBaseclass")
        }
        #expect(try cimClass("SMS_Package", in: repo).method(named: "AddDriverContent") == nil)
    }

    @Test func distributionMethods() throws {
        let repo = try compiledSchema()
        for name: CIMName in ["VerifyPackage", "CancelDistribution"] {
            let m = try method(name, of: "SMS_DistributionPoint", in: repo)
            #expect(m.isStatic)
            #expect(m.signature == "static sint32 \(name)([In] string PackageId, [In] string NALPath)")
        }
        let add = try method("AddDistributionPoints", of: "SMS_DistributionPointGroup", in: repo)
        #expect(!add.isStatic)
        #expect(add.signature == "sint32 AddDistributionPoints([In] string DPNALPath[], [In] boolean AddTargetedPackages)")
        let remove = try method("RemoveDistributionPoints", of: "SMS_DistributionPointGroup", in: repo)
        #expect(remove.signature == "sint32 RemoveDistributionPoints([In] string DPNALPath[], [In] boolean RemoveTargetedPackages)")
    }

    @Test func nalMethodsAreStatic() throws {
        let repo = try compiledSchema()
        #expect(try cimClass("SMS_NAL_Methods", in: repo).isAbstract)
        let pack = try method("PackNALPath", of: "SMS_NAL_Methods", in: repo)
        #expect(pack.isStatic)
        #expect(pack.returnType == .sint32)
        #expect(pack.inParameters.map(\.name) == ["DisplayQualifiers", "NALType", "NetworkOSPath", "NetworkConnectionQualifiers"])
        #expect(pack.outParameters.map(\.name) == ["NALPath"])
        #expect(pack.outParameters.first?.type == .string)
        let unpack = try method("UnPackNALPath", of: "SMS_NAL_Methods", in: repo)
        #expect(unpack.isStatic)
        #expect(unpack.inParameters.map(\.name) == ["NALPath"])
        #expect(unpack.outParameters.map(\.name) == ["DisplayQualifiers", "NALType", "NetworkOSPath", "NetworkConnectionQualifiers"])
        #expect(unpack.outParameters.map(\.type) == [CIMType.string.arrayType, .string, .string, CIMType.string.arrayType])
    }

    @Test func collectionMethods() throws {
        let repo = try compiledSchema()
        let add = try method("AddMembershipRule", of: "SMS_Collection", in: repo)
        #expect(!add.isStatic && add.returnType == .sint32)
        let rule = try #require(add.parameters.first)
        #expect(rule.name == "collectionRule" && rule.isIn && rule.type == .object)
        #expect(rule.qualifiers["EmbeddedInstance"]?.stringValue == "SMS_CollectionRule")
        #expect(add.outParameters.map(\.name) == ["QueryID"])
        #expect(add.outParameters.first?.type == .uint32)

        let addMany = try method("AddMembershipRules", of: "SMS_Collection", in: repo)
        #expect(addMany.parameters.map(\.type) == [CIMType.object.arrayType, CIMType.uint32.arrayType])
        #expect(try method("DeleteMembershipRule", of: "SMS_Collection", in: repo).parameters.map(\.type) == [.object])
        #expect(try method("DeleteMembershipRules", of: "SMS_Collection", in: repo).parameters.map(\.type) == [CIMType.object.arrayType])

        let refresh = try method("RequestRefresh", of: "SMS_Collection", in: repo)
        #expect(!refresh.isStatic && refresh.parameters.isEmpty && refresh.returnType == .sint32)

        let count = try method("GetNumResults", of: "SMS_Collection", in: repo)
        #expect(count.isStatic)
        #expect(count.inParameters.first?.referenceClass == "SMS_Collection")
        #expect(count.signature == "static sint32 GetNumResults([In] SMS_Collection ref Collection, [Out] uint32 Result)")

        let circular = try method("VerifyNoCircularDependencies", of: "SMS_Collection", in: repo)
        #expect(circular.isStatic)
        #expect(circular.outParameters.map(\.type) == [.boolean])

        let validate = try method("ValidateQuery", of: "SMS_CollectionRuleQuery", in: repo)
        #expect(validate.isStatic && validate.returnType == .boolean)
        #expect(validate.signature == "static boolean ValidateQuery([In] string WQLQuery)")
    }

    @Test func everyParameterHasADirectionAndAnID() throws {
        let repo = try compiledSchema()
        for cls in repo.classes() {
            for m in cls.methods where m.classOrigin == cls.name {
                for (i, p) in m.parameters.enumerated() {
                    #expect(p.qualifiers.isIn != p.qualifiers.isOut, "\(cls.name).\(m.name) \(p.name) is [In] or [Out]")
                    #expect(p.qualifiers.id == i, "\(cls.name).\(m.name) \(p.name) has ID(\(i))")
                }
            }
        }
    }

    @Test func methodCounts() throws {
        let repo = try compiledSchema()
        let declared = repo.classes().reduce(0) { sum, cls in sum + cls.methods.filter { $0.classOrigin == cls.name }.count }
        // 1 AddDistributionPoints on the base, 7 RefreshPkgSource, AddDriverContent, RemoveDriverContent,
        // AddDistributionPointGroup, VerifyPackage, CancelDistribution, the group's Add/RemoveDistributionPoints,
        // PackNALPath, UnPackNALPath, ValidateQuery and seven SMS_Collection methods; the group's AddPackages and
        // RemovePackages; and the 41 the deployment, software update and content status pages list.
        #expect(declared == 68)
    }
}
