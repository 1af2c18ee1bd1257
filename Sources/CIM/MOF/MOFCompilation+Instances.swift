// MOFCompilation+Instances: instances, embedded instances and aliases, and resolving values against the repository.

extension MOFCompilation {
    /// Builds an instance declaration and stores it, recording its path for its alias.
    mutating func compile(_ declaration: MOFInstanceDeclaration) throws(MOFDiagnostic) {
        let instance = try build(declaration, namespace: namespace)
        let path: ObjectPath
        do {
            path = try repository.createInstance(instance, namespace: namespace)
        } catch let error as CIMError {
            throw fail(error, at: declaration.location)
        } catch {
            throw fail(String(describing: error), at: declaration.location, .failed)
        }
        // The stored path wins over the one computed for a forward use: a hook may have adjusted the keys.
        if let alias = declaration.alias { aliasPaths[CIMName(alias)] = path }
        var full = path
        full.namespace = namespace
        result.instances.append(full)
    }

    /// An instance with the declared property values, converted to their types. With `keysOnly`, only
    /// the key properties are set: enough for the path, and it does not follow aliases in other properties,
    /// so two instances may refer to each other by alias through non-key properties.
    mutating func build(_ declaration: MOFInstanceDeclaration, namespace: String, keysOnly: Bool = false) throws(MOFDiagnostic) -> CIMInstance {
        guard let cimClass = repository.cimClass(named: CIMName(declaration.className), namespace: namespace) else {
            throw fail("class \(declaration.className) does not exist in \(namespace)", at: declaration.classLocation, .invalidClass)
        }
        instanceNesting += 1
        defer { instanceNesting -= 1 }
        guard instanceNesting <= Self.maxInstanceNesting else {
            throw fail("instances nest or refer to each other by alias more than \(Self.maxInstanceNesting) levels deep",
                       at: declaration.location, .circularReference)
        }
        var instance = CIMInstance(of: cimClass)
        var assigned = Set<CIMName>()
        for assignment in declaration.assignments {
            guard let slot = cimClass.slot(of: CIMName(assignment.name)) else {
                throw fail("class \(cimClass.name) has no property '\(assignment.name)'", at: assignment.location, .notFound)
            }
            guard assigned.insert(CIMName(assignment.name)).inserted else {
                throw fail("property \(assignment.name) is set twice in this instance", at: assignment.location, .invalidProperty)
            }
            let property = cimClass.properties[slot]
            if keysOnly && !property.isKey { continue }
            let value = try resolve(assignment.value, to: property.type, what: "\(cimClass.name).\(property.name)",
                                    embeddedClass: Self.embeddedClass(property.type, property.qualifiers), namespace: namespace)
            do { try instance.set(slot: slot, value) } catch { throw fail(error, at: assignment.value.location) }
        }
        return instance
    }

    /// Converts a value to a type, resolving aliases to references and building embedded instances.
    mutating func resolve(_ value: MOFValue, to type: CIMType, what: String, embeddedClass: CIMName?,
                          namespace: String) throws(MOFDiagnostic) -> CIMValue {
        try MOFValueConverter.convert(value, to: type, what: what, file: file) { node throws(MOFDiagnostic) -> CIMValue in
            switch node {
            case .alias(let alias, let location):
                return .reference(try self.path(ofAlias: alias, at: location, from: namespace))
            case .instance(let declaration):
                let embedded = try self.build(declaration, namespace: namespace)
                if let embeddedClass, !embedded.cimClass.isSubclass(of: embeddedClass) {
                    throw self.fail("\(what) holds instances of \(embeddedClass), and \(embedded.className) is not one",
                                    at: declaration.classLocation, .typeMismatch)
                }
                return .object(embedded)
            default:
                throw self.fail("unexpected value", at: node.location, .failed)  // the converter handles constants itself
            }
        }
    }

    /// The path of the instance an alias names: relative when it is in `namespace`, else with its namespace.
    /// An alias defined later in the file is resolved by building that instance's keys now.
    mutating func path(ofAlias alias: String, at location: MOFLocation, from namespace: String) throws(MOFDiagnostic) -> ObjectPath {
        let key = CIMName(alias)
        guard let target = aliasTargets[key] else {
            throw fail("alias $\(alias) is not defined in this file", at: location, .notFound)
        }
        var path: ObjectPath
        if let known = aliasPaths[key] {
            path = known
        } else {
            guard resolvingAliases.insert(key).inserted else {
                throw fail("alias $\(alias) refers back to itself through key properties", at: location, .circularReference)
            }
            defer { resolvingAliases.remove(key) }
            guard repository.cimClass(named: CIMName(target.declaration.className), namespace: target.namespace) != nil else {
                throw fail("alias $\(alias) names an instance of \(target.declaration.className), a class not defined before this point",
                           at: location, .invalidClass)
            }
            path = try build(target.declaration, namespace: target.namespace, keysOnly: true).path
            aliasPaths[key] = path
        }
        if CIMName(target.namespace) != CIMName(namespace) { path.namespace = target.namespace }
        return path
    }
}
