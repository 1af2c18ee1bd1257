// JSONNode: a JSON document as the AdminService's server and client read it — booleans told apart from numbers,
// integers from reals — decoded by Foundation into a tree that each reader checks against the types the class
// or method declares. Shared here, with the CIM-XML codec, by the two sides of the wire.
import Foundation

public indirect enum JSONNode: Decodable, Sendable {
    case null, bool(Bool), integer(Int64), real(Double), string(String)
    case array([JSONNode]), object([String: JSONNode])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .integer(i) } else if let d = try? c.decode(Double.self) { self = .real(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) } else if let a = try? c.decode([JSONNode].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONNode].self)) }
    }

    /// The document in `data`, or nil when it is not JSON.
    public static func parse(_ data: Data) -> JSONNode? { try? JSONDecoder().decode(JSONNode.self, from: data) }

    public subscript(key: String) -> JSONNode? { if case .object(let o) = self { o[key] } else { nil } }
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var members: [String: JSONNode]? { if case .object(let o) = self { o } else { nil } }
    public var items: [JSONNode]? { if case .array(let a) = self { a } else { nil } }

    /// What kind of JSON value this is, for messages ("came as a JSON string").
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .real: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
