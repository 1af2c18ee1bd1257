// MOFCompilation: the semantic pass — stores parsed declarations in a repository: namespaces, qualifiers, classes.
// Instances, aliases and value resolution are in MOFCompilation+Instances.swift.

/// Where a qualifier is used, checked against a declared qualifier's `scope(…)`.
enum MOFElementKind: String {
    case `class`, property, reference, method, parameter

    func isPermitted(by scopes: Set<String>) -> Bool {
        if scopes.contains("any") { return true }
        switch self {
        // Associations and indications are classes: any of the three scopes admits a qualifier on any class.
        case .class: return !scopes.isDisjoint(with: ["class", "association", "indication"])
        default: return scopes.contains(rawValue)
        }
    }
}

/// A `qualifier` declaration as compiled: its type (nil for WMI's flavor-only form), scope and default flavors.
struct MOFDeclaredQualifier {
    var type: CIMType?
    var defaultValue: CIMValue?
    var scopes: Set<String>?
    var flavors: [String]
}

/// One compile's state. Runs inside `performAtomically`, so it may store as it goes: a thrown diagnostic
/// undoes everything.
struct MOFCompilation {
    /// Bounds alias-through-key recursion together with embedded instances, so no input exhausts the stack.
    static let maxInstanceNesting = 100

    let repository: CIMRepository
    let file: String
    let declarations: [MOFDeclaration]
    var namespace: String
    var qualifiers: [CIMName: MOFDeclaredQualifier] = [:]
    /// Every aliased instance in the file with the namespace it is declared in, known before the first
    /// instance is built so that an alias may be used before its definition.
    var aliasTargets: [CIMName: (declaration: MOFInstanceDeclaration, namespace: String)] = [:]
    /// Relative paths of aliased instances, computed on first use (or taken from the stored instance).
    var aliasPaths: [CIMName: ObjectPath] = [:]
    /// Aliases whose paths are being computed, to report a cycle through key references.
    var resolvingAliases: Set<CIMName> = []
    var instanceNesting = 0
    var result = MOFCompileResult()

    init(repository: CIMRepository, file: String, namespace: String, declarations: [MOFDeclaration]) throws(MOFDiagnostic) {
        self.repository = repository
        self.file = file
        self.namespace = namespace
        self.declarations = declarations
        var current = namespace
        for declaration in declarations {
            switch declaration {
            case .namespace(let name, _):
                current = name
            case .instance(let instance):
                guard let alias = instance.alias else { continue }
                if let earlier = aliasTargets[CIMName(alias)] {
                    throw fail("alias $\(alias) is already defined at line \(earlier.declaration.aliasLocation.line)",
                               at: instance.aliasLocation, .alreadyExists)
                }
                aliasTargets[CIMName(alias)] = (instance, current)
            default:
                continue
            }
        }
    }

    func fail(_ message: String, at location: MOFLocation, _ status: CIMStatus) -> MOFDiagnostic {
        MOFDiagnostic(file: file, location: location, message: message, status: status)
    }

    /// A CIM error from the object model, reported at a MOF location.
    func fail(_ error: CIMError, at location: MOFLocation) -> MOFDiagnostic {
        fail(MOFValueConverter.fragment(error.message), at: location, error.status)
    }

    mutating func run() throws(MOFDiagnostic) {
        repository.createNamespace(namespace)
        for declaration in declarations {
            switch declaration {
            case .namespace(let name, _):
                repository.createNamespace(name)
                namespace = name
            case .qualifier(let qualifier): try declare(qualifier)
            case .cimClass(let cimClass): try compile(cimClass)
            case .instance(let instance): try compile(instance)
            }
        }
    }

    // MARK: - Qualifiers

    mutating func declare(_ declaration: MOFQualifierDeclaration) throws(MOFDiagnostic) {
        var declared = MOFDeclaredQualifier(type: nil, defaultValue: nil, scopes: declaration.scopes.map(Set.init),
                                            flavors: declaration.flavors)
        if let typeName = declaration.typeName {
            guard let scalar = CIMScalarType(name: typeName), scalar != .reference, scalar != .object else {
                throw fail("'\(typeName)' is not a valid qualifier type", at: declaration.typeLocation, .invalidCIMType)
            }
            let type = CIMType(scalar, isArray: declaration.isArray)
            declared.type = type
            if let value = declaration.defaultValue {
                declared.defaultValue = try qualifierValue(value, type: type, name: declaration.name)
            }
        }
        qualifiers[CIMName(declaration.name)] = declared
    }

    /// A qualifier list as a set: no duplicates, declared scopes respected, declared types enforced.
    func qualifierSet(_ uses: [MOFQualifierUse], on element: MOFElementKind) throws(MOFDiagnostic) -> CIMQualifierSet {
        var set = CIMQualifierSet()
        for use in uses {
            let name = CIMName(use.name)
            if set[name] != nil {
                throw fail("qualifier \(use.name) is given twice", at: use.location, .invalidQualifier)
            }
            let declared = qualifiers[name]
            if let scopes = declared?.scopes, !element.isPermitted(by: scopes) {
                throw fail("qualifier \(use.name) cannot qualify a \(element.rawValue); its scope is (\(scopes.sorted().joined(separator: ", ")))",
                           at: use.location, .invalidQualifier)
            }
            let value: CIMValue
            if let type = declared?.type {
                if let written = use.value {
                    value = try qualifierValue(written, type: type, name: use.name)
                } else if type == .boolean {
                    value = .boolean(true)
                } else if let defaultValue = declared?.defaultValue {
                    value = defaultValue
                } else {
                    throw fail("qualifier \(use.name) is declared as \(type) and needs a value", at: use.location, .invalidQualifierType)
                }
            } else {
                value = try use.value.map { v throws(MOFDiagnostic) in try undeclaredQualifierValue(v, name: use.name) } ?? .boolean(true)
            }
            let flavors = use.flavors.isEmpty ? (declared?.flavors ?? []) : use.flavors
            set.set(CIMQualifier(name, value, flavors: flavors))
        }
        return set
    }

    /// A value for a declared qualifier, converted to its declared type (WBEM_E_INVALID_QUALIFIER_TYPE if not).
    func qualifierValue(_ value: MOFValue, type: CIMType, name: String) throws(MOFDiagnostic) -> CIMValue {
        do {
            return try constantValue(value, type: type, qualifier: name)
        } catch where error.status != .invalidQualifier {
            var diagnostic = error
            diagnostic.status = .invalidQualifierType
            diagnostic.message += " (qualifier \(name) is declared as \(type))"
            throw diagnostic
        }
    }

    /// A value for an undeclared qualifier, typed by its literal: integers as sint32 when they fit (as WMI
    /// does), arrays by their first non-null element.
    func undeclaredQualifierValue(_ value: MOFValue, name: String) throws(MOFDiagnostic) -> CIMValue {
        switch value {
        case .constant(let constant, _):
            if let integer = constant.integerValue, let narrow = Int32(exactly: integer) { return .sint32(narrow) }
            return constant
        case .real:
            return try constantValue(value, type: .real64, qualifier: name)
        case .array(let elements, _):
            var first: CIMType?
            for element in elements where first == nil { first = try undeclaredQualifierValue(element, name: name).type }
            return try constantValue(value, type: (first ?? .string).arrayType, qualifier: name)
        case .alias, .instance:
            return try constantValue(value, type: .string, qualifier: name)  // refused as not constant
        }
    }

    /// A qualifier value, which may not be an alias or an embedded instance.
    func constantValue(_ value: MOFValue, type: CIMType, qualifier name: String) throws(MOFDiagnostic) -> CIMValue {
        try MOFValueConverter.convert(value, to: type, what: "qualifier \(name)", file: file) { node throws(MOFDiagnostic) in
            throw fail("the value of qualifier \(name) must be a constant", at: node.location, .invalidQualifier)
        }
    }

    // MARK: - Classes

    /// The CIM type for a declared element: an intrinsic type, `object`, a class name (an embedded instance
    /// of that class), or `Class ref` / `object ref`. `void` only where `allowVoid` (a method's return).
    func resolveType(_ element: MOFTypedElement, allowVoid: Bool = false) throws(MOFDiagnostic)
        -> (type: CIMType?, referenceClass: CIMName?, embeddedClass: CIMName?) {
        let name = element.typeName
        if element.isReference {
            if name.equalsIgnoringCase("object") { return (CIMType(.reference, isArray: element.isArray), nil, nil) }
            guard CIMScalarType(name: name) == nil, !name.equalsIgnoringCase("void") else {
                throw fail("'\(name) ref' is not a reference type; write 'ClassName ref \(element.name)' or 'object ref \(element.name)'",
                           at: element.typeLocation, .invalidCIMType)
            }
            return (CIMType(.reference, isArray: element.isArray), CIMName(name), nil)
        }
        if name.equalsIgnoringCase("void") {
            guard allowVoid else { throw fail("'void' is only valid as a method's return type", at: element.typeLocation, .invalidCIMType) }
            return (nil, nil, nil)
        }
        if let scalar = CIMScalarType(name: name) {
            guard scalar != .reference else {
                throw fail("a reference is declared as 'ClassName ref \(element.name)'", at: element.typeLocation, .invalidCIMType)
            }
            return (CIMType(scalar, isArray: element.isArray), nil, nil)
        }
        if let embedded = repository.cimClass(named: CIMName(name), namespace: namespace) {
            return (CIMType(.object, isArray: element.isArray), nil, embedded.name)
        }
        throw fail("unknown type '\(name)'", at: element.typeLocation, .invalidCIMType)
    }

    mutating func compile(_ declaration: MOFClassDeclaration) throws(MOFDiagnostic) {
        let className = CIMName(declaration.name)
        let existing = repository.cimClass(named: className, namespace: namespace)
        var superclass: CIMClass?
        if let superName = declaration.superclass {
            guard let found = repository.cimClass(named: CIMName(superName), namespace: namespace) else {
                throw fail("superclass \(superName) of class \(declaration.name) does not exist in \(namespace)",
                           at: declaration.superclassLocation, .invalidSuperclass)
            }
            superclass = found
        }
        let classQualifiers = try qualifierSet(declaration.qualifiers, on: .class)
        var properties: [CIMProperty] = [], methods: [CIMMethod] = []
        var names = Set<CIMName>()
        for member in declaration.members {
            let declared = switch member { case .property(let p): p; case .method(let m): m.header }
            // Checked here rather than left to CIMClass so that the error points at the second declaration.
            guard names.insert(CIMName(declared.name)).inserted else {
                throw fail("\(declaration.name).\(declared.name) is declared twice", at: declared.location, .invalidProperty)
            }
            switch member {
            case .property(let property):
                properties.append(try compileProperty(property, of: declaration.name))
            case .method(let method):
                methods.append(try compileMethod(method, of: declaration.name))
            }
        }
        let cimClass: CIMClass
        do throws(CIMError) {
            cimClass = try CIMClass(name: className, superclass: superclass, qualifiers: classQualifiers,
                                    properties: properties, methods: methods)
            if let existing {
                // A declaration identical to the class already there is a no-op, so a dump (schema and
                // instances) loads into a site that has the schema; any difference is refused.
                guard existing.mofDeclaration == cimClass.mofDeclaration else {
                    throw CIMError(.alreadyExists, "class \(existing.name) already exists in \(namespace) with a different definition; the MOF compiler does not update classes")
                }
                return
            }
            try repository.addClass(cimClass, namespace: namespace)
        } catch {
            throw fail(error, at: declaration.location)
        }
        result.classes.append(cimClass.name)
    }

    /// Qualifiers of a property or parameter, with `EmbeddedInstance` added for a class-typed element.
    func elementQualifiers(_ element: MOFTypedElement, _ kind: MOFElementKind, embeddedClass: CIMName?) throws(MOFDiagnostic) -> CIMQualifierSet {
        var set = try qualifierSet(element.qualifiers, on: kind)
        if let embeddedClass, set["EmbeddedInstance"] == nil {
            set.set(CIMQualifier("EmbeddedInstance", .string(embeddedClass.string)))
        }
        return set
    }

    mutating func compileProperty(_ property: MOFTypedElement, of className: String) throws(MOFDiagnostic) -> CIMProperty {
        let resolved = try resolveType(property)
        let type = resolved.type ?? .string  // resolveType returns nil only for void, which it refuses here
        let qualifiers = try elementQualifiers(property, property.isReference ? .reference : .property, embeddedClass: resolved.embeddedClass)
        var defaultValue = CIMValue.null
        if let value = property.defaultValue {
            defaultValue = try resolve(value, to: type, what: "the default of \(className).\(property.name)",
                                       embeddedClass: Self.embeddedClass(type, qualifiers), namespace: namespace)
        }
        return CIMProperty(name: CIMName(property.name), type: type, qualifiers: qualifiers, defaultValue: defaultValue,
                           referenceClass: resolved.referenceClass)
    }

    mutating func compileMethod(_ method: MOFMethodDeclaration, of className: String) throws(MOFDiagnostic) -> CIMMethod {
        let header = method.header
        let returnType = try resolveType(header, allowVoid: true).type
        var parameters: [(parameter: CIMParameter, location: MOFLocation)] = []
        for declared in method.parameters {
            if parameters.contains(where: { $0.parameter.name == CIMName(declared.name) }) {
                throw fail("parameter \(declared.name) is declared twice in method \(className).\(header.name)",
                           at: declared.location, .invalidDuplicateParameter)
            }
            let resolved = try resolveType(declared)
            let type = resolved.type ?? .string
            let qualifiers = try elementQualifiers(declared, .parameter, embeddedClass: resolved.embeddedClass)
            if let value = declared.defaultValue {
                // CIMParameter keeps no default; the value is still checked so a typo does not pass silently.
                _ = try resolve(value, to: type, what: "the default of parameter \(declared.name)",
                                embeddedClass: Self.embeddedClass(type, qualifiers), namespace: namespace)
            }
            parameters.append((CIMParameter(name: CIMName(declared.name), type: type, qualifiers: qualifiers,
                                            referenceClass: resolved.referenceClass), declared.location))
        }
        return CIMMethod(name: CIMName(header.name), returnType: returnType,
                         parameters: try ordered(parameters, method: "\(className).\(header.name)"),
                         qualifiers: try qualifierSet(header.qualifiers, on: .method))
    }

    /// Parameters in `ID` order when they carry IDs (all of them must, each distinct), else as declared.
    func ordered(_ parameters: [(parameter: CIMParameter, location: MOFLocation)], method: String) throws(MOFDiagnostic) -> [CIMParameter] {
        guard parameters.contains(where: { $0.parameter.qualifiers.id != nil }) else { return parameters.map(\.parameter) }
        var byID: [Int: CIMName] = [:]
        for (parameter, location) in parameters {
            guard let id = parameter.qualifiers.id else {
                throw fail("parameter \(parameter.name) of \(method) has no ID qualifier but other parameters do; give every parameter an ID or none",
                           at: location, .missingParameterID)
            }
            if let other = byID[id] {
                throw fail("parameters \(other) and \(parameter.name) of \(method) both have ID(\(id))", at: location, .invalidMethodParameters)
            }
            byID[id] = parameter.name
        }
        return parameters.map(\.parameter).sorted { ($0.qualifiers.id ?? 0) < ($1.qualifiers.id ?? 0) }
    }

    /// The class an object-typed element's embedded instances must belong to, from `EmbeddedInstance`.
    static func embeddedClass(_ type: CIMType, _ qualifiers: CIMQualifierSet) -> CIMName? {
        guard type.scalar == .object else { return nil }
        return qualifiers["EmbeddedInstance"]?.stringValue.map { CIMName($0) }
    }
}
