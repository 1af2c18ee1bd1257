// ASSOCIATORS OF and REFERENCES OF, as WMI defines them: association classes (qualifier Association) link
// objects through their ref properties; the filters narrow by class, role and qualifier.
import CIM

extension Interpreter {
    func runAssociation(_ q: AssociationQuery) throws -> ResultSet {
        let sourcePath = try parsePath(q.path, q.pathRange)
        let source = try located(q.pathRange) { () throws(CIMError) in try model.instance(at: sourcePath, namespace: namespace) }
        for name in [q.resultClass, q.assocClass].compactMap({ $0 }) { _ = try requireClass(name, q.range) }
        var links: [(assoc: CIMInstance, result: CIMInstance?)] = []
        for cls in model.classes(namespace: namespace) where cls.isAssociation {
            if let required = q.requiredAssocQualifier, !cls.qualifiers.isSet(CIMName(required)) { continue }
            let refSlots = cls.properties.indices.filter { cls.properties[$0].type.scalar == .reference }
            let instances = try located(q.range) { () throws(CIMError) in try model.instances(of: cls.name, deep: false, namespace: namespace) }
            for assoc in instances {
                // The roles through which this association refers to the source object.
                let sourceRoles = refSlots.filter { refersTo(assoc[slot: $0], source) }
                guard !sourceRoles.isEmpty else { continue }
                if let role = q.role, !sourceRoles.contains(where: { cls.properties[$0].name == CIMName(role) }) { continue }
                if q.isReferences {
                    links.append((assoc, nil))
                    continue
                }
                for slot in refSlots where !sourceRoles.contains(slot) || sourceRoles.count > 1 && slot != sourceRoles[0] {
                    if let resultRole = q.resultRole, cls.properties[slot].name != CIMName(resultRole) { continue }
                    guard case .reference(let path) = assoc[slot: slot],
                          let other = try? model.instance(at: path, namespace: namespace) else { continue }
                    links.append((assoc, other))
                }
            }
        }
        var seen = Set<ObjectPath>()
        var results: [CIMInstance] = []
        for link in links {
            let candidate = link.result ?? link.assoc
            if q.isReferences, let rc = q.resultClass, !candidate.cimClass.isSubclass(of: CIMName(rc)) { continue }
            if !q.isReferences {
                if let rc = q.resultClass, !candidate.cimClass.isSubclass(of: CIMName(rc)) { continue }
                if let ac = q.assocClass, !link.assoc.cimClass.isSubclass(of: CIMName(ac)) { continue }
            }
            if let rq = q.requiredQualifier, !(q.isReferences ? link.assoc : candidate).cimClass.qualifiers.isSet(CIMName(rq)) { continue }
            if seen.insert(candidate.path).inserted { results.append(candidate) }
        }
        if q.classDefsOnly {
            var names: [String] = []
            for r in results where !names.contains(r.className.string) { names.append(r.className.string) }
            return ResultSet(className: nil, columns: ["Class"], rows: names.map { .record(Record(fields: [("Class", .string($0))])) })
        }
        if q.keysOnly {
            return ResultSet(className: nil, columns: ["__RELPATH"], rows: results.map {
                .record(Record(className: $0.className.string, path: $0.path, fields: [("__RELPATH", .string($0.path.description))]))
            })
        }
        let cls = results.first?.cimClass
        let uniform = results.allSatisfy { $0.cimClass === cls }
        return ResultSet(className: uniform ? cls?.name.string : nil, columns: uniform ? cls?.properties.map(\.name.string) ?? [] : ["__RELPATH"],
                         rows: results.map { .instance($0) })
    }

    /// Does a reference value point at this instance? (A reference may name a base class of the instance.)
    private func refersTo(_ value: CIMValue, _ instance: CIMInstance) -> Bool {
        guard case .reference(let path) = value else { return false }
        if path.relative == instance.path { return true }
        guard instance.cimClass.isSubclass(of: path.className),
              let target = try? model.instance(at: path, namespace: namespace) else { return false }
        return target.path == instance.path
    }
}
