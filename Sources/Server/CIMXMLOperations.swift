// CIMXMLOperations: DSP0200's operations on POST /cimom — the intrinsic methods pywbem and wbemcli use, and
// extrinsic METHODCALLs — answered by the served site.
import CIM
import CIMXML
import CMShell
import Foundation

struct CIMXMLReply: Sendable {
    /// 200 for every answered operation (an operation's error is in the body); 400 for a request that is not
    /// a CIM-XML operation at all, with the CIMError header DSP0200 names.
    var httpStatus: Int
    var body: String
    var cimError: String?
}

extension SiteHost {
    func cimxml(_ data: Data, operationHeader: String?) -> CIMXMLReply {
        guard operationHeader?.lowercased() == "methodcall" else {
            return CIMXMLReply(httpStatus: 400, body: "", cimError: "unsupported-operation")
        }
        let root: XMLElement
        switch XMLElement.parse(data) {
        case .success(let r): root = r
        case .failure: return CIMXMLReply(httpStatus: 400, body: "", cimError: "request-not-well-formed")
        }
        guard root.name == "CIM", let message = root.child("MESSAGE"), let request = message.child("SIMPLEREQ"),
              let call = request.child("IMETHODCALL") ?? request.child("METHODCALL"), let name = call["NAME"] else {
            return CIMXMLReply(httpStatus: 400, body: "", cimError: "request-not-valid")
        }
        let id = message["ID"] ?? "1"
        let isIntrinsic = call.name == "IMETHODCALL"
        let tag = isIntrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE"
        var inner: String
        do {
            tick()
            inner = isIntrinsic ? try intrinsic(name, call) : try extrinsic(name, call)
        } catch let e as CIMError {
            inner = "<ERROR CODE=\"\(CIMXMLStatus.code(for: e.status))\" DESCRIPTION=\"\(xmlEscaped(e.status.name + ": " + e.message))\"/>"
        } catch let e as ODataError {
            inner = "<ERROR CODE=\"\(CIMXMLStatus.code(for: e.status))\" DESCRIPTION=\"\(xmlEscaped(e.status.name + ": " + e.message))\"/>"
        } catch let e as CIMXMLCodeError {
            inner = "<ERROR CODE=\"\(e.code)\" DESCRIPTION=\"\(xmlEscaped(e.message))\"/>"
        } catch {
            inner = "<ERROR CODE=\"1\" DESCRIPTION=\"\(xmlEscaped("\(error)"))\"/>"
        }
        let body = #"<?xml version="1.0" encoding="utf-8" ?>"# + "\n"
            + #"<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="\#(xmlEscaped(id))" PROTOCOLVERSION="1.0"><SIMPLERSP>"#
            + "<\(tag) NAME=\"\(xmlEscaped(name))\">\(inner)</\(tag)></SIMPLERSP></MESSAGE></CIM>\n"
        return CIMXMLReply(httpStatus: 200, body: body)
    }

    private func namespace(of call: XMLElement) throws -> String {
        let path = call.child("LOCALNAMESPACEPATH") ?? call.child("LOCALINSTANCEPATH")?.child("LOCALNAMESPACEPATH")
            ?? call.child("LOCALCLASSPATH")?.child("LOCALNAMESPACEPATH")
        let names = path?.children("NAMESPACE").compactMap { $0["NAME"] } ?? []
        let ns = names.joined(separator: "\\")
        guard ns.equalsIgnoringCase(namespace) else {
            throw CIMError(.invalidNamespace, "namespace \(names.joined(separator: "/")) is not served; this server has \(namespace.replacingOccurrences(of: "\\", with: "/"))")
        }
        return namespace
    }

    private func parameter(_ call: XMLElement, _ name: String) -> XMLElement? {
        call.children("IPARAMVALUE").first { $0["NAME"]?.equalsIgnoringCase(name) == true }
    }

    private func flag(_ call: XMLElement, _ name: String, default value: Bool) -> Bool {
        guard let text = parameter(call, name)?.child("VALUE")?.text else { return value }
        return text.trimmingCharacters(in: .whitespaces).lowercased() == "true"
    }

    private func className(_ call: XMLElement, required: Bool = true) throws -> CIMClass? {
        guard let name = parameter(call, "ClassName")?.child("CLASSNAME")?["NAME"] else {
            if required { throw CIMError(.invalidParameter, "ClassName is required") }
            return nil
        }
        return try engine.repository.requireClass(CIMName(name), namespace: namespace)
    }

    private func instancePath(_ element: XMLElement?) throws -> ObjectPath {
        let cls = element?["CLASSNAME"].flatMap { engine.repository.cimClass(named: CIMName($0), namespace: namespace) }
        return try CIMXMLWriter.path(element, cls)
    }

    /// --max-rows, as DSP0200's CIM_ERR_SERVER_LIMITS_EXCEEDED.
    private func limitRows(_ count: Int) throws {
        do { try checkRows(count) } catch { throw CIMXMLCodeError(code: 27, message: "CIM_ERR_SERVER_LIMITS_EXCEEDED: " + error.message) }
    }

    private func wrap(_ items: String) -> String { "<IRETURNVALUE>\(items)</IRETURNVALUE>" }

    private func intrinsic(_ name: String, _ call: XMLElement) throws -> String {
        let ns = try namespace(of: call)
        let repo = engine.repository
        switch name.lowercased() {
        case "enumerateclassnames", "enumerateclasses":
            let deep = flag(call, "DeepInheritance", default: false)
            let base = try className(call, required: false)
            let all = repo.classes(namespace: ns)
            let picked = all.filter { c in
                if let base { return deep ? c.lineage.dropFirst().contains { $0.name == base.name } : c.superclass?.name == base.name }
                return deep || c.superclass == nil
            }
            if name.lowercased() == "enumerateclassnames" {
                return wrap(picked.map { "<CLASSNAME NAME=\"\(xmlEscaped($0.name.string))\"/>" }.joined())
            }
            let qualifiers = flag(call, "IncludeQualifiers", default: true)
            return wrap(picked.map { CIMXMLWriter.cimClass($0, qualifiers: qualifiers) }.joined())
        case "getclass":
            guard let cls = try className(call) else { throw CIMError(.invalidParameter, "ClassName is required") }
            return wrap(CIMXMLWriter.cimClass(cls, qualifiers: flag(call, "IncludeQualifiers", default: true)))
        case "enumerateinstancenames", "enumerateinstances":
            guard let cls = try className(call) else { throw CIMError(.invalidParameter, "ClassName is required") }
            let instances = try repo.instances(of: cls.name, namespace: ns)
            try limitRows(instances.count)
            if name.lowercased() == "enumerateinstancenames" {
                return wrap(instances.map { CIMXMLWriter.instanceName($0.path) }.joined())
            }
            return wrap(instances.map { "<VALUE.NAMEDINSTANCE>\(CIMXMLWriter.instanceName($0.path))\(CIMXMLWriter.instance($0))</VALUE.NAMEDINSTANCE>" }.joined())
        case "getinstance":
            let path = try instancePath(parameter(call, "InstanceName")?.child("INSTANCENAME"))
            return wrap(CIMXMLWriter.instance(try repo.instance(at: path, namespace: ns)))
        case "deleteinstance":
            let path = try instancePath(parameter(call, "InstanceName")?.child("INSTANCENAME"))
            try atomically { try repo.deleteInstance(at: path, namespace: ns) }
            return ""
        case "createinstance":
            guard let element = parameter(call, "NewInstance")?.child("INSTANCE") else { throw CIMError(.invalidParameter, "NewInstance is required") }
            let instance = try readInstance(element)
            let path = try atomically { try repo.createInstance(instance, namespace: ns) }
            return wrap(CIMXMLWriter.instanceName(path))
        case "modifyinstance":
            guard let named = parameter(call, "ModifiedInstance")?.child("VALUE.NAMEDINSTANCE"),
                  let element = named.child("INSTANCE") else { throw CIMError(.invalidParameter, "ModifiedInstance is required") }
            var stored = try repo.instance(at: try instancePath(named.child("INSTANCENAME")), namespace: ns)
            let given = try readInstance(element)
            let list = parameter(call, "PropertyList")?.child("VALUE.ARRAY")?.children("VALUE").map { $0.text.lowercased() }
            for p in given.cimClass.properties where !p.isKey {
                let sent = element.children.contains { $0["NAME"]?.equalsIgnoringCase(p.name.string) == true }
                guard sent, list?.contains(p.name.string.lowercased()) ?? true else { continue }
                try stored.set(p.name, given[p.name] ?? .null)
            }
            let changed = stored
            try atomically { try repo.modifyInstance(changed, namespace: ns) }
            return ""
        case "execquery":
            let language = parameter(call, "QueryLanguage")?.child("VALUE")?.text ?? ""
            guard language.uppercased() == "WQL" else {
                throw CIMError(CIMStatus(rawValue: 0x8004_1017), "query language \(language) is not supported; use WQL (ConfigMgr's extended WQL)")
                    .withCode(14)
            }
            let query = parameter(call, "Query")?.child("VALUE")?.text ?? ""
            return wrap(try execQuery(query, ns))
        case "associators", "associatornames", "references", "referencenames":
            return wrap(try associations(name.lowercased(), call, ns))
        default:
            throw CIMError(.notSupported, "\(name) is not supported; use the classic operations (EnumerateInstances, ExecQuery, Associators …)")
        }
    }

    private func readInstance(_ element: XMLElement) throws -> CIMInstance {
        guard element["CLASSNAME"] != nil else { throw CIMError(.invalidParameter, "INSTANCE needs a CLASSNAME") }
        return try CIMXMLWriter.readInstance(element, classes: classLookup)
    }

    /// Embedded instances (collection rules, say) are read as instances of the site's classes.
    private var classLookup: CIMXMLWriter.ClassLookup {
        let repository = engine.repository, ns = namespace
        return { repository.cimClass(named: $0, namespace: ns) }
    }

    private func execQuery(_ text: String, _ ns: String) throws -> String {
        let value: Value
        do { value = try engine.evaluate(text) } catch let e as CMShellError { throw CIMError(e.status == .invalidSyntax ? .invalidQuery : e.status, e.message) }
        guard case .rows(let result) = value else { throw CIMError(.invalidQuery, "ExecQuery takes a SELECT query") }
        try limitRows(result.rows.count)
        return result.rows.map { row -> String in
            switch row {
            case .instance(let i):
                return "<VALUE.OBJECTWITHPATH>\(CIMXMLWriter.instancePath(i.path, ns))\(CIMXMLWriter.instance(i))</VALUE.OBJECTWITHPATH>"
            case .record(let r):
                guard let path = r.path, let stored = try? engine.repository.instance(at: path, namespace: ns) else {
                    // A join's row is no one instance: as WMI answers joins, an instance of __GENERIC with the
                    // selected columns (Class.Property names as written) and a path without keys.
                    var out = "<VALUE.OBJECTWITHPATH>\(CIMXMLWriter.instancePath(ObjectPath(className: "__GENERIC"), ns))<INSTANCE CLASSNAME=\"__GENERIC\">"
                    for f in r.fields {
                        let v = f.value.cimValue ?? .string(f.value.displayText)
                        let type = v.type.map { CIMXMLWriter.typeName($0.scalar) } ?? "string"
                        let tag = v.type?.isArray == true ? "PROPERTY.ARRAY" : "PROPERTY"
                        out += "<\(tag) NAME=\"\(xmlEscaped(f.name))\" TYPE=\"\(type == "reference" || type == "object" ? "string" : type)\">\(CIMXMLWriter.value(v))</\(tag)>"
                    }
                    return out + "</INSTANCE></VALUE.OBJECTWITHPATH>"
                }
                let names = Set(r.fields.map { $0.name.lowercased() })
                return "<VALUE.OBJECTWITHPATH>\(CIMXMLWriter.instancePath(path, ns))\(CIMXMLWriter.instance(stored, only: names))</VALUE.OBJECTWITHPATH>"
            default: return ""
            }
        }.joined()
    }

    /// Through cmsh's own ASSOCIATORS OF / REFERENCES OF, with the operation's filters as its WHERE.
    private func associations(_ op: String, _ call: XMLElement, _ ns: String) throws -> String {
        let path = try instancePath(parameter(call, "ObjectName")?.child("INSTANCENAME"))
        var clauses: [String] = []
        for (param, word) in [("AssocClass", "AssocClass"), ("ResultClass", "ResultClass"), ("Role", "Role"), ("ResultRole", "ResultRole")] {
            guard let element = parameter(call, param) else { continue }
            let text = element.child("CLASSNAME")?["NAME"] ?? element.child("VALUE")?.text ?? ""
            guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !text.isEmpty else { throw CIMError(.invalidParameter, "\(param) must be a name") }
            if op.hasPrefix("reference") && (param == "AssocClass" || param == "ResultRole") { continue }
            clauses.append("\(op.hasPrefix("reference") && param == "ResultClass" ? "ResultClass" : word) = \(text)")
        }
        let keyword = op.hasPrefix("associator") ? "associators" : "references"
        let text = "\(keyword) of {\(path.description.replacingOccurrences(of: "}", with: ""))}" + (clauses.isEmpty ? "" : " where " + clauses.joined(separator: " "))
        let value: Value
        do { value = try engine.evaluate(text) } catch let e as CMShellError { throw CIMError(e.status, e.message) }
        let instances: [CIMInstance] = switch value {
        case .rows(let r): r.rows.compactMap { if case .instance(let i) = $0 { i } else { nil } }
        case .list(let l): l.compactMap { if case .instance(let i) = $0 { i } else { nil } }
        default: []
        }
        if op.hasSuffix("names") {
            return instances.map { "<OBJECTPATH>\(CIMXMLWriter.instancePath($0.path, ns))</OBJECTPATH>" }.joined()
        }
        return instances.map { "<VALUE.OBJECTWITHPATH>\(CIMXMLWriter.instancePath($0.path, ns))\(CIMXMLWriter.instance($0))</VALUE.OBJECTWITHPATH>" }.joined()
    }

    private func extrinsic(_ name: String, _ call: XMLElement) throws -> String {
        let ns = try namespace(of: call)
        let target: ObjectPath
        let cls: CIMClass
        if let instanceName = call.child("LOCALINSTANCEPATH")?.child("INSTANCENAME") {
            let path = try instancePath(instanceName)
            let stored = try engine.repository.instance(at: path, namespace: ns)
            cls = stored.cimClass
            target = stored.path
        } else if let className = call.child("LOCALCLASSPATH")?.child("CLASSNAME")?["NAME"] {
            cls = try engine.repository.requireClass(CIMName(className), namespace: ns)
            target = ObjectPath(className: cls.name)
        } else {
            throw CIMError(.invalidParameter, "METHODCALL needs a LOCALINSTANCEPATH or LOCALCLASSPATH")
        }
        guard let method = cls.method(named: CIMName(name)) else { throw CIMError(.invalidMethod, "class \(cls.name) has no method \(name)") }
        var arguments: [(CIMName, CIMValue)] = []
        for p in call.children("PARAMVALUE") {
            guard let pname = p["NAME"] else { continue }
            guard let declared = method.inParameters.first(where: { $0.name == CIMName(pname) }) else {
                throw CIMError(.invalidParameter, "\(cls.name).\(method.name) has no [in] parameter '\(pname)'")
            }
            let value = p.child("VALUE") ?? p.child("VALUE.ARRAY") ?? p.child("VALUE.REFERENCE")
            arguments.append((declared.name, try CIMXMLWriter.read(value, as: declared.type, classes: classLookup)))
        }
        let result = try atomically { try engine.repository.invokeMethod(method.name, on: target, arguments: arguments, namespace: ns) }
        // A ReturnValue that is a WMI status is the call's error, as the SMS Provider raises it (and as the
        // AdminService route answers it).
        if let code = result.returnValue.integerValue, code != 0, let rv = Int32(exactly: code),
           CIMStatus(rawValue: UInt32(bitPattern: rv)).isKnown {
            throw CIMError(CIMStatus(rawValue: UInt32(bitPattern: rv)), "\(cls.name).\(method.name) returned \(code)" + (result.message.map { ": " + $0 } ?? ""))
        }
        let type = method.returnType.map { CIMXMLWriter.typeName($0.scalar) } ?? "sint32"
        var out = "<RETURNVALUE PARAMTYPE=\"\(type)\">\(CIMXMLWriter.value(result.returnValue))</RETURNVALUE>"
        for o in result.outParameters {
            let t = o.value.type.map { CIMXMLWriter.typeName($0.scalar) } ?? "string"
            out += "<PARAMVALUE NAME=\"\(xmlEscaped(o.name.string))\" PARAMTYPE=\"\(t)\">\(CIMXMLWriter.value(o.value))</PARAMVALUE>"
        }
        return out
    }
}

extension CIMError {
    /// A CIM status code DSP0200 has but WMI does not name (14, QUERY_LANGUAGE_NOT_SUPPORTED).
    func withCode(_ code: Int) -> CIMXMLCodeError { CIMXMLCodeError(code: code, message: message) }
}

/// An operation error carrying its DSP0200 code directly.
struct CIMXMLCodeError: Error {
    let code: Int
    let message: String
}
