// ObjectPath: WMI object paths — \\server\namespace:Class.Key="v",Key2=5 — parsed, formatted, compared.
//
//   path      := [ '\\' server '\' namespace ':' | namespace ':' ] class [ '.' keys | '=' value | '=@' ]
//   keys      := name '=' value { ',' name '=' value }
//   value     := '"' { char | '\"' | '\\' } '"' | integer | TRUE | FALSE
// `Class="v"` (no key name) is WMI's shorthand for a class with a single key; the name is filled in
// when the path is resolved against the class.

/// A WMI object path: a class path, an instance path (with key bindings), or a singleton (`Class=@`).
public struct ObjectPath: Hashable, Sendable, CustomStringConvertible {
    /// One key property and its value; `name` is nil for the single-key shorthand `Class="value"`.
    public struct KeyBinding: Hashable, Sendable {
        public var name: CIMName?
        public var value: CIMValue
        public init(_ name: CIMName?, _ value: CIMValue) {
            self.name = name
            self.value = value
        }
    }

    /// The server, e.g. `.` or `SCCMSERVER`; nil for a local or relative path.
    public var server: String?
    /// The namespace, e.g. `root\sms\site_S01`; nil for a relative path.
    public var namespace: String?
    public var className: CIMName
    public var keys: [KeyBinding]
    /// `Class=@`: the one instance of a singleton class.
    public var isSingleton: Bool

    public init(server: String? = nil, namespace: String? = nil, className: CIMName,
                keys: [KeyBinding] = [], isSingleton: Bool = false) {
        self.server = server
        self.namespace = namespace
        self.className = className
        self.keys = keys
        self.isSingleton = isSingleton
    }

    /// A path to a class (no keys).
    public var isClassPath: Bool { keys.isEmpty && !isSingleton }

    /// The value bound to a key, by name (ignoring case).
    public subscript(key name: CIMName) -> CIMValue? { keys.first { $0.name == name }?.value }

    // MARK: - Formatting

    /// The canonical text: keys in the order held, strings quoted with `"` and `\` escaped.
    public var description: String {
        var out = ""
        if let server { out += "\\\\" + server + "\\" }
        if let namespace { out += namespace + ":" }
        out += className.string
        if isSingleton { return out + "=@" }
        for (i, key) in keys.enumerated() {
            out += i == 0 ? (key.name == nil ? "" : ".") : ","
            if let name = key.name { out += name.string }
            out += "=" + Self.formatKeyValue(key.value)
        }
        return out
    }

    /// The path without server and namespace: `SMS_Package.PackageID="S0100001"`.
    public var relative: ObjectPath {
        var copy = self
        copy.server = nil
        copy.namespace = nil
        return copy
    }

    static func formatKeyValue(_ value: CIMValue) -> String {
        switch value {
        case .string(let s): return quote(s)
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .datetime(let d): return quote(d.description)
        case .reference(let p): return quote(p.description)
        case .char16: return quote((try? value.converted(to: .string))?.stringValue ?? "")
        default:
            if let i = value.integerValue { return String(i) }
            if let d = value.doubleValue { return String(d) }
            return quote("")
        }
    }

    /// Quotes a key string, escaping `"` and `\` so that any string (a NAL path, say) round-trips exactly.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for ch in s.unicodeScalars {
            if ch == "\"" || ch == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(ch)
        }
        return out + "\""
    }

    // MARK: - Equality

    /// Paths are equal when they name the same object: server, namespace, class and key names compare
    /// ignoring case, keys in any order, string key values ignoring case (as WMI matches keys).
    public static func == (lhs: ObjectPath, rhs: ObjectPath) -> Bool {
        guard lhs.className == rhs.className, lhs.isSingleton == rhs.isSingleton, lhs.keys.count == rhs.keys.count,
              optionalEqual(lhs.server, rhs.server), optionalEqual(lhs.namespace.map(normalizeNamespace), rhs.namespace.map(normalizeNamespace))
        else { return false }
        for key in lhs.keys {
            guard let other = rhs.keys.first(where: { $0.name == key.name }),
                  FoldedValue(key.value) == FoldedValue(other.value) else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(className)
        hasher.combine(isSingleton)
        // Order-independent: combine the keys' hashes commutatively.
        var keyHash = 0
        for key in keys {
            var h = Hasher()
            h.combine(key.name)
            h.combine(FoldedValue(key.value))
            keyHash ^= h.finalize()
        }
        hasher.combine(keyHash)
    }

    private static func optionalEqual(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): x.equalsIgnoringCase(y)
        default: false
        }
    }

    /// `root/sms/site_S01` and `ROOT\SMS\site_s01` name the same namespace.
    public static func normalizeNamespace(_ ns: String) -> String {
        ns.replacingOccurrences(of: "/", with: "\\")
    }

    // MARK: - Parsing

    /// Parses a WMI object path. Throws WBEM_E_INVALID_OBJECT_PATH naming the offending character.
    public init(parsing text: String) throws(CIMError) {
        var parser = PathParser(text)
        self = try parser.parse()
    }
}

/// A small hand-written scanner over the path's Unicode scalars; every error names a 1-based column.
private struct PathParser {
    let text: String
    let chars: [Unicode.Scalar]
    var i = 0

    init(_ text: String) {
        self.text = text
        chars = Array(text.unicodeScalars)
    }

    func fail(_ why: String, at index: Int? = nil) -> CIMError {
        let col = (index ?? i) + 1
        return CIMError(.invalidObjectPath, "Invalid object path '\(text)': \(why) at column \(col).")
    }

    var atEnd: Bool { i >= chars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : chars[i] }

    mutating func parse() throws(CIMError) -> ObjectPath {
        guard !chars.isEmpty else { throw fail("the path is empty", at: 0) }
        var server: String?
        var namespace: String?
        // \\server\namespace:  (also //server/namespace:)
        if chars.count >= 2, isSlash(chars[0]), isSlash(chars[1]) {
            i = 2
            let start = i
            while let c = peek, !isSlash(c), c != ":" { i += 1 }
            guard i > start else { throw fail("expected a server name after '\\\\'") }
            server = String(String.UnicodeScalarView(chars[start..<i]))
            guard let c = peek, isSlash(c) else { throw fail("expected '\\' and a namespace after the server name") }
            i += 1
            namespace = try readNamespace()
        } else if let colon = chars.firstIndex(of: ":"), !chars[..<colon].contains("\""), !chars[..<colon].contains("=") {
            namespace = try readNamespace()
            _ = colon
        }
        let className = try readName("a class name")
        var path = ObjectPath(server: server, namespace: namespace, className: CIMName(className))
        guard let c = peek else { return path }
        if c == "=" {
            i += 1
            if peek == "@" {
                i += 1
                path.isSingleton = true
            } else {
                path.keys = [ObjectPath.KeyBinding(nil, try readValue())]
            }
        } else if c == "." {
            i += 1
            repeat {
                if peek == "," { i += 1 }
                let name = try readName("a key property name")
                guard peek == "=" else { throw fail("expected '=' after key name '\(name)'") }
                i += 1
                let value = try readValue()
                if path.keys.contains(where: { $0.name == CIMName(name) }) {
                    throw fail("key '\(name)' is given twice")
                }
                path.keys.append(ObjectPath.KeyBinding(CIMName(name), value))
            } while peek == ","
        } else {
            throw fail("unexpected '\(c)' after the class name")
        }
        if let c = peek { throw fail("unexpected '\(c)' after the keys") }
        return path
    }

    func isSlash(_ c: Unicode.Scalar) -> Bool { c == "\\" || c == "/" }

    mutating func readNamespace() throws(CIMError) -> String {
        let start = i
        while let c = peek, c != ":" {
            guard c == "_" || c == "\\" || c == "/" || c.properties.isAlphabetic || ("0"..."9").contains(c) else {
                throw fail("unexpected '\(c)' in the namespace")
            }
            i += 1
        }
        guard peek == ":" else { throw fail("expected ':' after the namespace") }
        guard i > start else { throw fail("the namespace is empty") }
        let ns = String(String.UnicodeScalarView(chars[start..<i]))
        i += 1
        return ns
    }

    mutating func readName(_ what: String) throws(CIMError) -> String {
        let start = i
        while let c = peek, c == "_" || c.properties.isAlphabetic || (i > start && ("0"..."9").contains(c)) { i += 1 }
        guard i > start else {
            throw fail(peek.map { "expected \(what), found '\($0)'" } ?? "expected \(what) at the end")
        }
        return String(String.UnicodeScalarView(chars[start..<i]))
    }

    mutating func readValue() throws(CIMError) -> CIMValue {
        guard let c = peek else { throw fail("expected a key value at the end") }
        if c == "\"" || c == "'" {
            let quote = c
            let open = i
            i += 1
            var out = String.UnicodeScalarView()
            while true {
                guard let ch = peek else { throw fail("unterminated string (opened at column \(open + 1))") }
                i += 1
                if ch == quote { break }
                if ch == "\\" {
                    guard let next = peek else { throw fail("unterminated string (opened at column \(open + 1))") }
                    // Only \" and \\ are escapes in a path; any other backslash stands for itself,
                    // as WMI accepts `\\server\share` written with single backslashes inside a key.
                    if next == "\"" || next == "\\" || next == quote { out.append(next); i += 1 } else { out.append(ch) }
                    continue
                }
                out.append(ch)
            }
            return .string(String(out))
        }
        let start = i
        while let ch = peek, ch != ",", ch != " " { i += 1 }
        let word = String(String.UnicodeScalarView(chars[start..<i]))
        if word.equalsIgnoringCase("true") { return .boolean(true) }
        if word.equalsIgnoringCase("false") { return .boolean(false) }
        if let v = CIMValue.parseInteger(word) {
            if let s = Int64(exactly: v) { return .sint64(s) }
            if let u = UInt64(exactly: v) { return .uint64(u) }
        }
        if word.isEmpty { throw fail("expected a key value") }
        throw fail("'\(word)' is not a quoted string, a number, TRUE or FALSE", at: start)
    }
}
