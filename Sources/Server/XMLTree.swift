// XMLTree: a CIM-XML request body as a small element tree, from Foundation's XML parser, with bounds on
// size, depth and element count so a hostile body is an error, not a stall.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

final class XMLElement: @unchecked Sendable {
    let name: String
    let attributes: [String: String]
    var children: [XMLElement] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// Parses a document; nil with a reason when it is not well-formed or passes a bound.
    static func parse(_ data: Data, maxElements: Int = 200_000, maxDepth: Int = 64) -> Result<XMLElement, ParseFailure> {
        let builder = Builder(maxElements: maxElements, maxDepth: maxDepth)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        if let failure = builder.failure { return .failure(failure) }
        guard ok, let root = builder.root else {
            return .failure(ParseFailure(reason: "the body is not well-formed XML" + (parser.parserError.map { " (\($0.localizedDescription))" } ?? "")))
        }
        return .success(root)
    }

    struct ParseFailure: Error { let reason: String }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLElement] = []
        var root: XMLElement?
        var failure: ParseFailure?
        var count = 0
        let maxElements: Int, maxDepth: Int

        init(maxElements: Int, maxDepth: Int) {
            self.maxElements = maxElements
            self.maxDepth = maxDepth
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            count += 1
            guard count <= maxElements, stack.count < maxDepth else {
                failure = ParseFailure(reason: "the body has more than \(maxElements) elements or nests deeper than \(maxDepth)")
                parser.abortParsing()
                return
            }
            let element = XMLElement(name: name, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            stack.last?.text += String(decoding: data, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
            if failure == nil { failure = ParseFailure(reason: "the body is not well-formed XML: \(error.localizedDescription)") }
        }
    }
}

/// Text escaped for XML content and attribute values.
func xmlEscaped(_ s: String) -> String {
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
