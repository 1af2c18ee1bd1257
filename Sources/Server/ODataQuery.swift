// ODataQuery: the AdminService's URL grammar — resource paths with keys, and the $filter, $select, $orderby,
// $top, $skip, $count options — turned into cmsh's WQL. Names are checked against the class and literals
// are re-quoted, so nothing from the URL reaches the query text unchecked.
import CIM
import Foundation

/// An error as an OData response carries it: the HTTP status, the WMI status, a plain sentence.
struct ODataError: Error, Sendable {
    enum HTTPStatus: Int, Sendable {
        case badRequest = 400, unauthorized = 401, forbidden = 403, notFound = 404, methodNotAllowed = 405
        case conflict = 409, payloadTooLarge = 413, internalError = 500
    }
    var http: HTTPStatus
    var status: CIMStatus
    var message: String

    init(_ http: HTTPStatus, _ status: CIMStatus, _ message: String) {
        self.http = http
        self.status = status
        self.message = message
    }

    /// The HTTP status that goes with a WMI status from the engine or a provider.
    init(_ status: CIMStatus, _ message: String) {
        let http: HTTPStatus = switch status {
        case .notFound, .invalidClass, .invalidNamespace: .notFound
        case .alreadyExists: .conflict
        case .accessDenied: .forbidden
        case .invalidParameter, .invalidProperty, .invalidQuery, .invalidSyntax, .typeMismatch, .invalidMethod,
             .invalidObjectPath, .readOnly, .valueOutOfRange, .invalidMethodParameters, .notSupported: .badRequest
        case .quotaViolation, .timedOut, .callCancelled, .outOfMemory: .internalError
        default: .internalError
        }
        self.init(http, status, message)
    }
}

/// What a path under `/AdminService/wmi/` names.
enum WMIResource: Equatable {
    case serviceDocument
    case metadata
    case entitySet(String)
    case entity(String, [KeyPart])
    case staticAction(String, method: String)
    case boundAction(String, [KeyPart], method: String)

    struct KeyPart: Equatable {
        var name: String?
        var value: CIMValue
    }

    /// Parses the part of the path after `/AdminService/wmi/` (percent-decoded).
    static func parse(_ path: String) throws(ODataError) -> WMIResource {
        if path.isEmpty { return .serviceDocument }
        if path == "$metadata" { return .metadata }
        var scanner = Scanner(path)
        let className = try scanner.identifier("a class name")
        if scanner.atEnd { return .entitySet(className) }
        if scanner.accept(".") {
            let method = try scanner.identifier("a method name")
            guard scanner.atEnd else { throw scanner.error("nothing may follow the method name") }
            return .staticAction(className, method: method)
        }
        guard scanner.accept("(") else { throw scanner.error("expected '(' and a key after \(className)") }
        let keys = try scanner.keys()
        if scanner.atEnd { return .entity(className, keys) }
        guard scanner.accept("/") else { throw scanner.error("expected '/' after the key") }
        var method = try scanner.identifier("a method name")
        // `/AdminService.AddDistributionPoints`, as the real service binds actions; a bare name is taken too.
        if method == "AdminService", scanner.accept(".") { method = try scanner.identifier("a method name") }
        guard scanner.atEnd else { throw scanner.error("nothing may follow the method name") }
        return .boundAction(className, keys, method: method)
    }
}

/// A cursor over a path or an option's text.
struct Scanner {
    let chars: [Character]
    var i = 0
    init(_ text: String) { chars = Array(text) }

    var atEnd: Bool { i >= chars.count }
    var peek: Character? { i < chars.count ? chars[i] : nil }

    mutating func skipSpace() { while let c = peek, c == " " { i += 1 } }

    mutating func accept(_ c: Character) -> Bool {
        guard peek == c else { return false }
        i += 1
        return true
    }

    func error(_ message: String) -> ODataError {
        ODataError(.badRequest, .invalidQuery, "\(message) (at character \(i + 1) of '\(String(chars.prefix(200)))')")
    }

    static func isNameStart(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c == "_") }
    static func isNameChar(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }

    mutating func identifier(_ what: String) throws(ODataError) -> String {
        guard let c = peek, Self.isNameStart(c) else { throw error("expected \(what)") }
        let start = i
        while let c = peek, Self.isNameChar(c) { i += 1 }
        return String(chars[start..<i])
    }

    /// `'S0100003'`, `16777220`, or `K1='a',K2=1`, then `)`.
    mutating func keys() throws(ODataError) -> [WMIResource.KeyPart] {
        var parts: [WMIResource.KeyPart] = []
        repeat {
            skipSpace()
            var name: String?
            if let c = peek, Self.isNameStart(c) {
                let save = i
                let n = try identifier("a key name")
                if accept("=") { name = n } else { i = save }
            }
            parts.append(.init(name: name, value: try literal()))
            skipSpace()
        } while accept(",")
        guard accept(")") else { throw error("expected ')' after the key") }
        return parts
    }

    /// An OData literal: `'text'` (`''` for a quote), a number, true, false, null, or a DateTimeOffset.
    mutating func literal() throws(ODataError) -> CIMValue {
        skipSpace()
        guard let c = peek else { throw error("expected a value") }
        if c == "'" {
            i += 1
            var text = ""
            while true {
                guard let ch = peek else { throw error("the quoted string is never closed") }
                i += 1
                if ch == "'" {
                    if peek == "'" { i += 1; text.append("'") } else { break }
                } else {
                    text.append(ch)
                }
            }
            return .string(text)
        }
        let start = i
        while let ch = peek, ch.isLetter || ch.isNumber || "+-.:_".contains(ch) { i += 1 }
        let word = String(chars[start..<i])
        switch word.lowercased() {
        case "": throw error("expected a value")
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "null": return .null
        default: break
        }
        if let n = Int64(word) { return .sint64(n) }
        if let n = UInt64(word) { return .uint64(n) }
        if let d = Double(word), !word.contains(":") { return .real64(d) }
        if let date = Self.dateTimeOffset(word) { return .datetime(date) }
        i = start
        throw error("'\(word)' is not a value: quote a string as 'text'")
    }

    /// `2026-11-01T09:00:00Z`, `2026-11-01T09:00:00.5+01:00` or a date alone.
    static func dateTimeOffset(_ text: String) -> CIMDateTime? { text.hasPrefix("P") ? nil : CIMDateTime(odata: text) }
}

/// $filter, $select, $orderby, $top, $skip and $count of a GET on an entity set.
struct ODataOptions {
    var filter: String?
    var select: [String] = []
    var orderBy: [(name: String, descending: Bool)] = []
    var top: Int?
    var skip = 0
    var count = false

    init(query: [(String, String)]) throws(ODataError) {
        for (name, value) in query {
            switch name.lowercased() {
            case "$filter": filter = value
            case "$select": select = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case "$orderby":
                for part in value.split(separator: ",") {
                    let words = part.split(separator: " ").map(String.init)
                    guard let first = words.first, words.count <= 2 else { throw ODataError(.badRequest, .invalidQuery, "$orderby: '\(part)' is not 'Property [asc|desc]'") }
                    let direction = words.count == 2 ? words[1].lowercased() : "asc"
                    guard direction == "asc" || direction == "desc" else { throw ODataError(.badRequest, .invalidQuery, "$orderby: '\(words[1])' is neither asc nor desc") }
                    orderBy.append((first, direction == "desc"))
                }
            case "$top":
                guard let n = Int(value), n >= 0 else { throw ODataError(.badRequest, .invalidQuery, "$top takes a whole number, not '\(value)'") }
                top = n
            case "$skip":
                guard let n = Int(value), n >= 0 else { throw ODataError(.badRequest, .invalidQuery, "$skip takes a whole number, not '\(value)'") }
                skip = n
            case "$count":
                guard let b = Bool(value.lowercased()) else { throw ODataError(.badRequest, .invalidQuery, "$count takes true or false") }
                count = b
            case "$format", "$expand", "$search", "$apply":
                throw ODataError(.badRequest, .notSupported, "\(name) is not supported on the WMI route")
            default:
                if name.hasPrefix("$") { throw ODataError(.badRequest, .invalidQuery, "unknown query option \(name)") }
            }
        }
    }

    /// The WQL for this GET: the class's properties named in the options are checked against `cls`.
    func wql(for cls: CIMClass) throws(ODataError) -> String {
        func property(_ name: String) throws(ODataError) -> String {
            guard let p = cls.property(named: CIMName(name)) else {
                throw ODataError(.badRequest, .invalidProperty, "class \(cls.name) has no property '\(name)'")
            }
            return p.name.string
        }
        var columns: [String] = []
        for s in select { columns.append(try property(s)) }
        var text = "select " + (columns.isEmpty ? "*" : columns.joined(separator: ", ")) + " from " + cls.name.string
        if let filter {
            var translator = FilterTranslator(filter, cls)
            text += " where " + (try translator.translate())
        }
        if !orderBy.isEmpty {
            var parts: [String] = []
            for o in orderBy { parts.append(try property(o.name) + (o.descending ? " desc" : "")) }
            text += " order by " + parts.joined(separator: ", ")
        }
        return text
    }
}

/// An OData $filter expression as a WQL condition.
struct FilterTranslator {
    var scanner: Scanner
    let cls: CIMClass
    var depth = 0

    init(_ text: String, _ cls: CIMClass) {
        scanner = Scanner(text)
        self.cls = cls
    }

    mutating func translate() throws(ODataError) -> String {
        let condition = try or()
        scanner.skipSpace()
        guard scanner.atEnd else { throw scanner.error("$filter: unexpected text") }
        return condition
    }

    private mutating func word(_ w: String) -> Bool {
        scanner.skipSpace()
        let save = scanner.i
        guard let found = try? scanner.identifier("a word"), found.lowercased() == w else { scanner.i = save; return false }
        return true
    }

    private mutating func or() throws(ODataError) -> String {
        var left = try and()
        while word("or") { left = "(\(left) or \(try and()))" }
        return left
    }

    private mutating func and() throws(ODataError) -> String {
        var left = try not()
        while word("and") { left = "(\(left) and \(try not()))" }
        return left
    }

    private mutating func not() throws(ODataError) -> String {
        if word("not") { return "not (\(try not()))" }
        return try comparison()
    }

    private mutating func comparison() throws(ODataError) -> String {
        depth += 1
        defer { depth -= 1 }
        guard depth < 100 else { throw scanner.error("$filter nests too deep") }
        scanner.skipSpace()
        if scanner.accept("(") {
            let inner = try or()
            scanner.skipSpace()
            guard scanner.accept(")") else { throw scanner.error("$filter: expected ')'") }
            return "(\(inner))"
        }
        let left = try operand()
        if case .condition(let text) = left { return text }
        let operators = ["eq": "=", "ne": "<>", "gt": ">", "ge": ">=", "lt": "<", "le": "<="]
        scanner.skipSpace()
        let save = scanner.i
        guard let op = try? scanner.identifier("an operator"), let symbol = operators[op.lowercased()] else {
            scanner.i = save
            throw scanner.error("$filter: expected eq, ne, gt, ge, lt or le")
        }
        let right = try operand()
        switch (left, right, op.lowercased()) {
        case (.text(let l), .null, "eq"): return "\(l) is null"
        case (.text(let l), .null, "ne"): return "\(l) is not null"
        case (.text(let l), .text(let r), _): return "\(l) \(symbol) \(r)"
        default: throw scanner.error("$filter: null can only be compared with eq or ne")
        }
    }

    private enum Operand { case text(String), null, condition(String) }

    private mutating func operand() throws(ODataError) -> Operand {
        scanner.skipSpace()
        if let c = scanner.peek, Scanner.isNameStart(c) {
            let save = scanner.i
            let name = try scanner.identifier("a property")
            if ["true", "false", "null"].contains(name.lowercased()) { scanner.i = save } else {
                scanner.skipSpace()
                if scanner.accept("(") { return try function(name) }
                guard let p = cls.property(named: CIMName(name)) else {
                    throw ODataError(.badRequest, .invalidProperty, "$filter: class \(cls.name) has no property '\(name)'")
                }
                return .text(p.name.string)
            }
        }
        let value = try scanner.literal()
        if value.isNull { return .null }
        return .text(Self.wqlLiteral(value))
    }

    private mutating func function(_ name: String) throws(ODataError) -> Operand {
        var args: [Operand] = []
        scanner.skipSpace()
        if !scanner.accept(")") {
            repeat { args.append(try operand()); scanner.skipSpace() } while scanner.accept(",")
            guard scanner.accept(")") else { throw scanner.error("$filter: expected ')' after the arguments of \(name)") }
        }
        switch (name.lowercased(), args.count) {
        case ("tolower", 1), ("toupper", 1):
            guard case .text(let a) = args[0] else { throw scanner.error("$filter: \(name) takes a property or a string") }
            return .text("\(name.lowercased() == "tolower" ? "lower" : "upper")(\(a))")
        case ("startswith", 2), ("endswith", 2), ("contains", 2):
            guard case .text(let subject) = args[0], case .text(let quoted) = args[1], let text = Self.unquote(quoted) else {
                throw scanner.error("$filter: \(name) takes a property and a string")
            }
            let escaped = Self.likeEscaped(text)
            let pattern = switch name.lowercased() {
            case "startswith": escaped + "%"
            case "endswith": "%" + escaped
            default: "%" + escaped + "%"
            }
            return .condition("\(subject) like \(Self.wqlLiteral(.string(pattern)))")
        default:
            throw ODataError(.badRequest, .notSupported, "$filter: \(name)() with \(args.count) argument(s) is not supported")
        }
    }

    /// A value as a cmsh literal: strings double-quoted with backslash escapes, datetimes as DMTF strings.
    static func wqlLiteral(_ v: CIMValue) -> String {
        switch v {
        case .string(let s):
            var out = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where ch.value < 0x20: out += "\\x" + String(format: "%02X", ch.value)
                default: out.unicodeScalars.append(ch)
                }
            }
            return out + "\""
        case .datetime(let d): return "\"\(d.description)\""
        case .boolean(let b): return b ? "true" : "false"
        default: return v.integerValue.map { String($0) } ?? "\(v)"
        }
    }

    static func unquote(_ literal: String) -> String? {
        guard literal.hasPrefix("\""), literal.hasSuffix("\""), literal.count >= 2 else { return nil }
        var out = ""
        var escape = false
        for ch in literal.dropFirst().dropLast() {
            if escape { out.append(ch == "n" ? "\n" : ch == "t" ? "\t" : ch == "r" ? "\r" : ch); escape = false }
            else if ch == "\\" { escape = true } else { out.append(ch) }
        }
        return out
    }

    /// LIKE's wildcards and set brackets in a literal, each in a one-character set so it matches itself.
    static func likeEscaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch == "%" || ch == "_" || ch == "[" { out += "[\(ch)]" } else { out.append(ch) }
        }
        return out
    }
}
