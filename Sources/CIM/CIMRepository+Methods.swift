// Method dispatch: checks a call against the method's declaration, then runs its provider atomically.

extension CIMRepository {
    /// Calls a method on an instance (instance path) or a class (class path, for static methods).
    ///
    /// Arguments are matched to the method's [in] parameters by name (ignoring case) and converted to their
    /// declared types; a scalar passed for an array parameter becomes a one-element array. The provider runs
    /// inside ``performAtomically(_:)``, so a provider that throws leaves nothing behind.
    ///
    /// - Throws: WBEM_E_INVALID_CLASS, WBEM_E_INVALID_METHOD (no such method, or static/instance misuse),
    ///   WBEM_E_NOT_FOUND (no such instance), WBEM_E_INVALID_PARAMETER (unknown parameter),
    ///   WBEM_E_TYPE_MISMATCH / WBEM_E_VALUE_OUT_OF_RANGE (argument conversion),
    ///   WBEM_E_NOT_SUPPORTED (no provider implements the method), or whatever the provider throws.
    public func invokeMethod(_ methodName: CIMName, on target: ObjectPath, arguments: [(CIMName, CIMValue)] = [],
                             namespace: String? = nil) throws -> MethodResult {
        let nsName = target.namespace ?? namespace
        let ns = try resolveNamespace(nsName)
        // A client's call into a read-only namespace is refused before anything else (there may be no provider).
        try locked { () throws(CIMError) in if requestDepth == 0 { try checkWritable(ns) } }
        let requested = try requireClass(target.className, namespace: nsName)
        var cls = requested
        guard let method = requested.method(named: methodName) else {
            throw CIMError(.invalidMethod, "Class \(requested.name) has no method \(methodName).")
        }
        var instance: CIMInstance?
        if target.isClassPath {
            guard method.isStatic else {
                throw CIMError(.invalidMethod, "\(requested.name).\(method.name) is an instance method: call it on an instance, e.g. \(requested.name)(\"…\").\(method.name)(…).")
            }
        } else {
            guard !method.isStatic else {
                throw CIMError(.invalidMethod, "\(requested.name).\(method.name) is a static method: call it on the class, as \(requested.name).\(method.name)(…).")
            }
            let found = try self.instance(at: target, namespace: namespace)
            instance = found
            cls = found.cimClass  // dispatch on the instance's own class (a subclass may override)
        }
        let arguments = try bind(arguments, to: method, of: cls)
        guard let provider = provider(for: method.name, of: cls, ns: ns) else {
            throw CIMError(.notSupported, "No provider implements \(cls.name).\(method.name).")
        }
        let invocation = MethodInvocation(repository: self, namespace: nsName ?? defaultNamespace, cimClass: cls,
                                          method: method, target: instance?.path ?? ObjectPath(className: cls.name),
                                          instance: instance, arguments: arguments)
        return try performAtomically { try servingRequest { outermost in
            let result = try check(try provider.invoke(invocation), of: method, of: cls)
            if outermost { try report(.invoke(method: method.name, of: cls, target: invocation.target, result: result), namespace: nsName) }
            return result
        } }
    }

    /// Matches arguments to [in] parameters and converts each to its declared type.
    private func bind(_ arguments: [(CIMName, CIMValue)], to method: CIMMethod, of cls: CIMClass) throws(CIMError) -> [CIMName: CIMValue] {
        var bound: [CIMName: CIMValue] = [:]
        for (name, value) in arguments {
            guard let param = method.parameters.first(where: { $0.name == name }), param.isIn else {
                let names = method.inParameters.map(\.name.string).joined(separator: ", ")
                throw CIMError(.invalidParameter, "\(cls.name).\(method.name) has no [in] parameter '\(name)'; its parameters are \(names.isEmpty ? "none" : names).")
            }
            guard bound[param.name] == nil else {
                throw CIMError(.invalidParameter, "Parameter \(param.name) of \(cls.name).\(method.name) is given twice.")
            }
            do {
                bound[param.name] = try value.converted(to: param.type)
            } catch {
                throw CIMError(error.status, "Parameter \(param.name) of \(cls.name).\(method.name) is \(param.type): \(error.message)")
            }
        }
        return bound
    }

    /// Checks the provider's result: ReturnValue of the declared type, [out] parameters declared and converted.
    private func check(_ result: MethodResult, of method: CIMMethod, of cls: CIMClass) throws(CIMError) -> MethodResult {
        var checked = MethodResult(returnValue: result.returnValue, message: result.message)
        if let type = method.returnType {
            do { checked.returnValue = try result.returnValue.converted(to: type) } catch {
                throw CIMError(.providerFailure, "Provider for \(cls.name).\(method.name) returned a bad ReturnValue: \(error.message)")
            }
        }
        for param in method.outParameters {
            guard let value = result[out: param.name] else { continue }
            do { checked.outParameters.append((param.name, try value.converted(to: param.type))) } catch {
                throw CIMError(.providerFailure, "Provider for \(cls.name).\(method.name) returned a bad \(param.name): \(error.message)")
            }
        }
        for out in result.outParameters where !method.outParameters.contains(where: { $0.name == out.name }) {
            throw CIMError(.providerFailure, "Provider for \(cls.name).\(method.name) returned undeclared [out] parameter \(out.name).")
        }
        return checked
    }
}
