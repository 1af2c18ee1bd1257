// The provider protocol: Swift code that implements CIM methods and reacts to instance changes.

/// Everything a method provider receives for one call.
public struct MethodInvocation: Sendable {
    /// The repository the call runs against; a provider may read and change it. The call runs inside
    /// a transaction: if the provider throws, every change it made is undone.
    public let repository: CIMRepository
    public let namespace: String
    /// The class the method was called on (the instance's class for instance methods).
    public let cimClass: CIMClass
    public let method: CIMMethod
    /// The object the method was called on: an instance path, or a class path for static methods.
    public let target: ObjectPath
    /// The target instance as it was when the call began; nil for static methods.
    public let instance: CIMInstance?
    /// The [in] parameters by name, already converted to their declared types. Absent ones are null.
    public let arguments: [CIMName: CIMValue]

    /// An [in] parameter's value, null when the caller did not pass it.
    public subscript(parameter: CIMName) -> CIMValue { arguments[parameter] ?? .null }
}

/// What a method returns: `ReturnValue` and the [out] parameters.
public struct MethodResult: Sendable, Hashable {
    /// ConfigMgr methods return SInt32 0 for success, non-zero for a ConfigMgr error.
    public var returnValue: CIMValue
    /// The [out] parameters by name, in declared order once the repository has checked them.
    public var outParameters: [(name: CIMName, value: CIMValue)]
    /// For a non-zero ReturnValue: the plain-English explanation a shell shows (ConfigMgr's extended status).
    public var message: String?

    public init(returnValue: CIMValue, outParameters: [(name: CIMName, value: CIMValue)] = [], message: String? = nil) {
        self.returnValue = returnValue
        self.outParameters = outParameters
        self.message = message
    }

    /// Success with the given [out] parameters: `ReturnValue = 0`.
    public static func success(_ out: [(name: CIMName, value: CIMValue)] = []) -> MethodResult {
        MethodResult(returnValue: .sint32(0), outParameters: out)
    }

    public subscript(out name: CIMName) -> CIMValue? { outParameters.first { $0.name == name }?.value }

    public static func == (lhs: MethodResult, rhs: MethodResult) -> Bool {
        lhs.returnValue == rhs.returnValue && lhs.outParameters.count == rhs.outParameters.count
            && zip(lhs.outParameters, rhs.outParameters).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(returnValue)
        for p in outParameters { hasher.combine(p.name); hasher.combine(p.value) }
    }
}

/// Implements one or more CIM methods in Swift. Register with ``CIMRepository/register(_:for:of:in:)``.
public protocol MethodProvider: Sendable {
    func invoke(_ invocation: MethodInvocation) throws -> MethodResult
}

/// A method provider made from a closure.
public struct ClosureMethodProvider: MethodProvider {
    let body: @Sendable (MethodInvocation) throws -> MethodResult
    public init(_ body: @escaping @Sendable (MethodInvocation) throws -> MethodResult) { self.body = body }
    public func invoke(_ invocation: MethodInvocation) throws -> MethodResult { try body(invocation) }
}

/// What changed, as seen by an instance hook.
public enum InstanceChange: Sendable {
    case create(CIMInstance)
    case modify(old: CIMInstance, new: CIMInstance)
    case delete(CIMInstance)
}

/// Validates or reacts to instance changes of a class and its subclasses.
///
/// `validate` runs before the change and may veto it by throwing, or rewrite the instance being created or
/// modified (fill in a generated key, stamp a date). For a delete, `proposed` starts as nil; setting it keeps
/// the object in that state instead of deleting it (how ConfigMgr marks a DP for removal). `didChange` runs after the change, inside the same
/// transaction: a throw there undoes the change and everything the hook did.
public protocol InstanceHook: Sendable {
    func validate(_ change: InstanceChange, proposed: inout CIMInstance?, in context: HookContext) throws
    func didChange(_ change: InstanceChange, in context: HookContext) throws
}

extension InstanceHook {
    public func validate(_ change: InstanceChange, proposed: inout CIMInstance?, in context: HookContext) throws {}
    public func didChange(_ change: InstanceChange, in context: HookContext) throws {}
}

/// Where a hook runs: the repository and namespace of the change.
public struct HookContext: Sendable {
    public let repository: CIMRepository
    public let namespace: String
}
