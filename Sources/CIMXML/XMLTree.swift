// XMLTree: a CIM-XML request body as a small element tree, parsed by libxml2 (Debian's, heavily fuzzed; Foundation's
// XMLParser traps on some malformed attributes, which a server must never do), with bounds on size, depth and
// element count so a hostile body is an error, not a stall. DTDs are refused: CIM-XML requests have none, and
// that closes entity expansion and external entities entirely.
import CLibXML2
import Foundation

public final class XMLElement: @unchecked Sendable {
    public let name: String
    public let attributes: [String: String]
    public var children: [XMLElement] = []
    public var text = ""

    public init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    public subscript(attribute: String) -> String? { attributes[attribute] }

    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    public func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    public struct ParseFailure: Error { public let reason: String }

    /// libxml2's global state is set up once, before any thread parses.
    private static let initialized: Void = xmlInitParser()

    /// Parses a document; a failure with a reason when it is not well-formed, has a DTD or passes a bound.
    public static func parse(_ data: Data, maxElements: Int = 200_000, maxDepth: Int = 64) -> Result<XMLElement, ParseFailure> {
        _ = initialized
        guard data.count < Int(Int32.max) else { return .failure(ParseFailure(reason: "the body is too large")) }
        // No network, no error output on stderr, no recovery: a body either is well-formed or is refused.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        let parsed = data.withUnsafeBytes { bytes -> xmlDocPtr? in
            guard let base = bytes.baseAddress else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), "request.xml", nil, options)
        }
        guard let doc = parsed else {
            let detail = xmlGetLastError().flatMap { $0.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } }
            return .failure(ParseFailure(reason: "the body is not well-formed XML" + (detail.map { " (\($0))" } ?? "")))
        }
        defer { xmlFreeDoc(doc) }
        guard doc.pointee.intSubset == nil else {
            return .failure(ParseFailure(reason: "the body has a document type declaration; CIM-XML requests take none"))
        }
        guard let rootNode = xmlDocGetRootElement(doc) else { return .failure(ParseFailure(reason: "the body has no element")) }
        var count = 0
        do {
            return .success(try build(rootNode, depth: 1, count: &count, maxElements: maxElements, maxDepth: maxDepth))
        } catch let failure as ParseFailure {
            return .failure(failure)
        } catch {
            return .failure(ParseFailure(reason: "\(error)"))
        }
    }

    private static func build(_ node: xmlNodePtr, depth: Int, count: inout Int, maxElements: Int, maxDepth: Int) throws -> XMLElement {
        count += 1
        guard count <= maxElements, depth <= maxDepth else {
            throw ParseFailure(reason: "the body has more than \(maxElements) elements or nests deeper than \(maxDepth)")
        }
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let a = attribute {
            if let name = a.pointee.name { attributes[string(name)] = textContent(a.pointee.children) }
            attribute = a.pointee.next
        }
        let element = XMLElement(name: node.pointee.name.map(string) ?? "", attributes: attributes)
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(try build(c, depth: depth + 1, count: &count, maxElements: maxElements, maxDepth: maxDepth))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { element.text += string(content) }
            default:
                break  // comments and processing instructions carry nothing CIM-XML reads
            }
            child = c.pointee.next
        }
        return element
    }

    /// The text of an attribute's value nodes (libxml2 has already decoded character and predefined entity references).
    private static func textContent(_ first: xmlNodePtr?) -> String {
        var out = "", node = first
        while let n = node {
            if n.pointee.type == XML_TEXT_NODE, let content = n.pointee.content { out += string(content) }
            node = n.pointee.next
        }
        return out
    }

    private static func string(_ chars: UnsafePointer<xmlChar>) -> String { String(cString: chars) }
}

/// Text escaped for XML content and attribute values.
public func xmlEscaped(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        // XML 1.0 has no way to write other control characters, not even as references.
        case _ where ch.value < 0x20 && ch != "\n" && ch != "\t" && ch != "\r": out += "\u{FFFD}"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}
