// CIMStatus: the WBEM_E_* status codes WMI returns, with their real numeric values (WbemCli.h).

/// A WMI status code such as `WBEM_E_NOT_FOUND` (0x80041002).
///
/// Like GRDB's `ResultCode`, this is an open raw-value struct rather than an enum, so codes we do not name
/// still round-trip, and callers can match with `~=`: `catch let e as CIMError where e.status == .notFound`.
public struct CIMStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let failed = CIMStatus(rawValue: 0x8004_1001)
    public static let notFound = CIMStatus(rawValue: 0x8004_1002)
    public static let accessDenied = CIMStatus(rawValue: 0x8004_1003)
    public static let providerFailure = CIMStatus(rawValue: 0x8004_1004)
    public static let typeMismatch = CIMStatus(rawValue: 0x8004_1005)
    public static let outOfMemory = CIMStatus(rawValue: 0x8004_1006)
    public static let invalidParameter = CIMStatus(rawValue: 0x8004_1008)
    public static let notAvailable = CIMStatus(rawValue: 0x8004_1009)
    public static let invalidStream = CIMStatus(rawValue: 0x8004_100B)
    public static let notSupported = CIMStatus(rawValue: 0x8004_100C)
    public static let invalidSuperclass = CIMStatus(rawValue: 0x8004_100D)
    public static let invalidNamespace = CIMStatus(rawValue: 0x8004_100E)
    public static let invalidObject = CIMStatus(rawValue: 0x8004_100F)
    public static let invalidClass = CIMStatus(rawValue: 0x8004_1010)
    public static let invalidOperation = CIMStatus(rawValue: 0x8004_1016)
    public static let invalidQuery = CIMStatus(rawValue: 0x8004_1017)
    public static let invalidQueryType = CIMStatus(rawValue: 0x8004_1018)
    public static let alreadyExists = CIMStatus(rawValue: 0x8004_1019)
    public static let illegalOperation = CIMStatus(rawValue: 0x8004_101E)
    public static let invalidSyntax = CIMStatus(rawValue: 0x8004_1021)
    public static let readOnly = CIMStatus(rawValue: 0x8004_1023)
    public static let classHasChildren = CIMStatus(rawValue: 0x8004_1025)
    public static let classHasInstances = CIMStatus(rawValue: 0x8004_1026)
    public static let illegalNull = CIMStatus(rawValue: 0x8004_1028)
    public static let invalidQualifierType = CIMStatus(rawValue: 0x8004_1029)
    public static let invalidPropertyType = CIMStatus(rawValue: 0x8004_102A)
    public static let valueOutOfRange = CIMStatus(rawValue: 0x8004_102B)
    public static let invalidCIMType = CIMStatus(rawValue: 0x8004_102D)
    public static let invalidMethod = CIMStatus(rawValue: 0x8004_102E)
    public static let invalidMethodParameters = CIMStatus(rawValue: 0x8004_102F)
    public static let invalidProperty = CIMStatus(rawValue: 0x8004_1031)
    public static let callCancelled = CIMStatus(rawValue: 0x8004_1032)
    public static let missingParameterID = CIMStatus(rawValue: 0x8004_1036)
    public static let invalidObjectPath = CIMStatus(rawValue: 0x8004_103A)
    public static let outOfDiskSpace = CIMStatus(rawValue: 0x8004_103B)
    public static let invalidQualifier = CIMStatus(rawValue: 0x8004_1042)
    public static let serverTooBusy = CIMStatus(rawValue: 0x8004_1045)
    public static let invalidDuplicateParameter = CIMStatus(rawValue: 0x8004_1043)
    public static let circularReference = CIMStatus(rawValue: 0x8004_1047)
    public static let methodNotImplemented = CIMStatus(rawValue: 0x8004_1055)
    public static let invalidOperator = CIMStatus(rawValue: 0x8004_1063)
    public static let timedOut = CIMStatus(rawValue: 0x8004_1069)
    public static let quotaViolation = CIMStatus(rawValue: 0x8004_106C)
    public static let transactionConflict = CIMStatus(rawValue: 0x8004_106D)
    public static let noKey = CIMStatus(rawValue: 0x8004_1089)

    private static let names: [UInt32: (String, String)] = [
        0x8004_1001: ("WBEM_E_FAILED", "Call failed."),
        0x8004_1002: ("WBEM_E_NOT_FOUND", "Object cannot be found."),
        0x8004_1003: ("WBEM_E_ACCESS_DENIED", "Current user does not have permission to perform the action."),
        0x8004_1004: ("WBEM_E_PROVIDER_FAILURE", "Provider has failed."),
        0x8004_1005: ("WBEM_E_TYPE_MISMATCH", "Type mismatch occurred."),
        0x8004_1006: ("WBEM_E_OUT_OF_MEMORY", "Not enough memory for the operation."),
        0x8004_1008: ("WBEM_E_INVALID_PARAMETER", "One of the parameters to the call is not correct."),
        0x8004_1009: ("WBEM_E_NOT_AVAILABLE", "Resource is not currently available."),
        0x8004_100B: ("WBEM_E_INVALID_STREAM", "The stored data is not valid or is damaged."),
        0x8004_100C: ("WBEM_E_NOT_SUPPORTED", "Feature or operation is not supported."),
        0x8004_100D: ("WBEM_E_INVALID_SUPERCLASS", "Parent class specified is not valid."),
        0x8004_100E: ("WBEM_E_INVALID_NAMESPACE", "Namespace specified cannot be found."),
        0x8004_100F: ("WBEM_E_INVALID_OBJECT", "Specified instance is not valid."),
        0x8004_1010: ("WBEM_E_INVALID_CLASS", "Specified class is not valid."),
        0x8004_1016: ("WBEM_E_INVALID_OPERATION", "Requested operation is not valid."),
        0x8004_1017: ("WBEM_E_INVALID_QUERY", "Query was not syntactically valid."),
        0x8004_1018: ("WBEM_E_INVALID_QUERY_TYPE", "Requested query language is not supported."),
        0x8004_1019: ("WBEM_E_ALREADY_EXISTS", "The object already exists."),
        0x8004_101E: ("WBEM_E_ILLEGAL_OPERATION", "User requested an illegal operation."),
        0x8004_1021: ("WBEM_E_INVALID_SYNTAX", "Query is syntactically not valid."),
        0x8004_1023: ("WBEM_E_READ_ONLY", "An attempt was made to modify a read-only property."),
        0x8004_1025: ("WBEM_E_CLASS_HAS_CHILDREN", "The change would invalidate a subclass."),
        0x8004_1026: ("WBEM_E_CLASS_HAS_INSTANCES", "The class has instances."),
        0x8004_1028: ("WBEM_E_ILLEGAL_NULL", "A property that must have a value was null."),
        0x8004_1029: ("WBEM_E_INVALID_QUALIFIER_TYPE", "Qualifier value is not of a legal qualifier type."),
        0x8004_102A: ("WBEM_E_INVALID_PROPERTY_TYPE", "CIM type specified for a property is not valid."),
        0x8004_102B: ("WBEM_E_VALUE_OUT_OF_RANGE", "Value is out of range or incompatible with the type."),
        0x8004_102D: ("WBEM_E_INVALID_CIM_TYPE", "CIM type specified is not valid."),
        0x8004_102E: ("WBEM_E_INVALID_METHOD", "Requested method is not available."),
        0x8004_102F: ("WBEM_E_INVALID_METHOD_PARAMETERS", "Parameters provided for the method are not valid."),
        0x8004_1031: ("WBEM_E_INVALID_PROPERTY", "Property is not recognized."),
        0x8004_1032: ("WBEM_E_CALL_CANCELLED", "The operation was cancelled."),
        0x8004_1036: ("WBEM_E_MISSING_PARAMETER_ID", "Parameter was missing from the method call."),
        0x8004_103A: ("WBEM_E_INVALID_OBJECT_PATH", "Specified object path was not valid."),
        0x8004_103B: ("WBEM_E_OUT_OF_DISK_SPACE", "Not enough disk space to continue."),
        0x8004_1045: ("WBEM_E_SERVER_TOO_BUSY", "The server is too busy to complete the operation."),
        0x8004_1042: ("WBEM_E_INVALID_QUALIFIER", "Qualifier is not valid here."),
        0x8004_1043: ("WBEM_E_INVALID_DUPLICATE_PARAMETER", "Duplicate parameter was declared in a CIM method."),
        0x8004_1047: ("WBEM_E_CIRCULAR_REFERENCE", "A circular reference was attempted."),
        0x8004_1055: ("WBEM_E_METHOD_NOT_IMPLEMENTED", "Method is not implemented."),
        0x8004_1063: ("WBEM_E_INVALID_OPERATOR", "Operator is not valid for this property type."),
        0x8004_1069: ("WBEM_E_TIMED_OUT", "Operation timed out."),
        0x8004_106C: ("WBEM_E_QUOTA_VIOLATION", "A resource limit was exceeded."),
        0x8004_106D: ("WBEM_E_TRANSACTION_CONFLICT", "Another transaction changed the data first."),
        0x8004_1089: ("WBEM_E_NO_KEY", "The instance has no defined key."),
    ]

    /// The status a symbolic name stands for (`WBEM_E_NOT_FOUND`), as error bodies carry it.
    public init?(name: String) {
        guard let code = Self.names.first(where: { $0.value.0 == name })?.key else { return nil }
        rawValue = code
    }

    /// The symbolic name, e.g. `WBEM_E_NOT_FOUND`.
    public var name: String { Self.names[rawValue]?.0 ?? "0x" + String(rawValue, radix: 16, uppercase: true) }
    /// Whether this is a status WMI names (WBEM_E_NOT_FOUND …), not just any number.
    public var isKnown: Bool { Self.names[rawValue] != nil }
    /// The generic sentence WMI documents for this code.
    public var summary: String { Self.names[rawValue]?.1 ?? "Unknown WMI status." }
    /// `0x80041002`
    public var hex: String { "0x" + String(rawValue, radix: 16, uppercase: true) }
    public var description: String { "\(name) (\(hex))" }

    public static func ~= (pattern: CIMStatus, error: any Error) -> Bool {
        (error as? CIMError)?.status == pattern
    }
}

/// An error from the object model: a WMI status plus a plain-English sentence saying what went wrong.
public struct CIMError: Error, Hashable, Sendable, CustomStringConvertible {
    public var status: CIMStatus
    /// A sentence for the user, naming the object involved: "No instance SMS_Package.PackageID=\"X\" exists."
    public var message: String

    public init(_ status: CIMStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// `WBEM_E_NOT_FOUND (0x80041002): No instance … exists.`
    public var description: String { "\(status.name) (\(status.hex)): \(message)" }
}
