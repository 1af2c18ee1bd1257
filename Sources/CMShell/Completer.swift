// Completer: what Tab offers at the cursor — keywords, class names after from/join/invoke/new/describe,
// property names of the statement's classes after select/where/and/order by/set, method names after
// `Class(…).` and `Class.`, variables after `$`, dot-commands, file names after `.read`.
import CIM
import Foundation
import Script

/// Context-aware completion over an engine's schema and session.
///
/// It offers keywords; class names after `from`, `join`, `invoke`, `new`, `describe` and `update`; property
/// names of the statement's classes after `select`, `where`, `and`, `or`, `order by` and `set`; method
/// names after `Class.` and `Class(…).`; variables after `$`; dot-commands; and file names after `.read`.
///
/// ```swift
/// let completer = Completer(engine: engine)
/// let result = completer.complete("select * from SMS_Dri", cursor: 21)
/// // result.wordStart == 14, result.candidates == ["SMS_Driver", "SMS_DriverPackage"]
/// ```
public struct Completer {
    /// What to offer at the cursor: where the word being completed starts, and what may replace it.
    public struct Result: Equatable, Sendable {
        /// Character offset in the line where the word being completed starts.
        public var wordStart: Int
        /// Full replacements for that word, sorted.
        public var candidates: [String]
    }

    let engine: Engine
    /// Dot-commands the shell offers (`.help`, `.format`, …).
    public var dotCommands: [String] = []

    /// Makes a completer over an engine's schema and session variables, offering `dotCommands` at the start
    /// of a line.
    public init(engine: Engine, dotCommands: [String] = []) {
        self.engine = engine
        self.dotCommands = dotCommands
    }

    static let keywords = ["select", "from", "where", "and", "or", "not", "like", "is", "null", "in", "isa", "join",
                           "inner", "left", "on", "as", "order", "by", "asc", "desc", "distinct", "count", "limit",
                           "invoke", "new", "update", "set", "delete", "let", "if", "else", "for", "while", "break",
                           "continue", "func", "return", "try", "catch", "assert", "print", "exit", "describe", "show",
                           "classes", "methods", "namespaces", "use", "namespace", "get", "true", "false",
                           "associators", "references", "of", "onerror", "explain", "begin", "commit", "rollback"]

    /// Completes the word that ends at `cursor` (a character offset) in `line` (the text typed so far of the
    /// current statement's last line; `context` holds the statement's earlier lines).
    public func complete(_ line: String, cursor: Int, context: String = "") -> Result {
        let chars = Array(line)
        let end = max(0, min(cursor, chars.count))
        var start = end
        while start > 0, Self.isWordChar(chars[start - 1]) { start -= 1 }
        let word = String(chars[start..<end])
        let before = String(chars[..<start])
        let statement = context + (context.isEmpty ? "" : "\n") + String(chars[..<end])

        // `.read FILE`: file names (the whole path after `.read ` is the word).
        let typed = String(chars[..<end])
        if typed.lowercased().hasPrefix(".read ") {
            var pathStart = 6
            while pathStart < end, chars[pathStart] == " " { pathStart += 1 }
            return Result(wordStart: pathStart, candidates: files(matching: String(chars[pathStart..<end])))
        }
        // Dot-commands at the start of a line.
        if start > 0, chars[start - 1] == ".", before.trimmingCharacters(in: .whitespaces) == "." {
            return Result(wordStart: start - 1, candidates: match("." + word, dotCommands))
        }
        // Variables.
        if start > 0, chars[start - 1] == "$" {
            let names = engine.variables.map(\.name) + ["?", "result"]
            return Result(wordStart: start - 1, candidates: match("$" + word, names.map { "$" + $0 }))
        }
        // After `X.` or `X(…).`: methods of class X, or properties of an alias/class in a query.
        if start > 0, chars[start - 1] == "." {
            let target = Self.targetBeforeDot(Array(chars[..<(start - 1)]))
            if let cls = resolveTarget(target, statement: statement) {
                let names = target.isCall || isInvokeContext(before) ? cls.methods.map(\.name.string)
                    : cls.properties.map(\.name.string) + cls.methods.map(\.name.string)
                return Result(wordStart: start, candidates: match(word, names))
            }
            return Result(wordStart: start, candidates: [])
        }
        let previous = Self.lastWord(before).lowercased()
        if ["from", "join", "invoke", "new", "describe", "update", "isa", "of"].contains(previous) || before.hasSuffix("describe ") {
            return Result(wordStart: start, candidates: match(word, engine.classNames))
        }
        if ["select", "where", "and", "or", "by", "set", "not", ","].contains(previous) || previous.isEmpty && statementHasClass(statement) {
            let props = propertiesInStatement(statement)
            if !props.isEmpty {
                return Result(wordStart: start, candidates: match(word, props + (previous == "select" ? ["*"] : [])))
            }
        }
        return Result(wordStart: start, candidates: match(word, Self.keywords + engine.classNames))
    }

    // MARK: - Helpers

    static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    func match(_ prefix: String, _ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { $0.lowercased().hasPrefix(prefix.lowercased()) && seen.insert($0.lowercased()).inserted }.sorted {
            $0.lowercased() < $1.lowercased()
        }
    }

    static func lastWord(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(",") { return "," }
        return String(trimmed.reversed().prefix { isWordChar($0) }.reversed())
    }

    struct Target { var name: String; var isCall: Bool }

    /// The name before a `.`: `SMS_Package` in `SMS_Package.`, `SMS_Package` (isCall) in `SMS_Package("x").`.
    static func targetBeforeDot(_ chars: [Character]) -> Target {
        var i = chars.count
        var isCall = false
        if i > 0, chars[i - 1] == ")" {
            var depth = 0
            while i > 0 {
                i -= 1
                if chars[i] == ")" { depth += 1 } else if chars[i] == "(" { depth -= 1; if depth == 0 { break } }
            }
            isCall = true
        }
        var j = i
        while j > 0, isWordChar(chars[j - 1]) { j -= 1 }
        return Target(name: String(chars[j..<i]), isCall: isCall)
    }

    func isInvokeContext(_ before: String) -> Bool { before.lowercased().contains("invoke ") }

    /// A class by name, or the class an alias in the statement stands for (`from SMS_Package as p` → p).
    func resolveTarget(_ target: Target, statement: String) -> CIMClass? {
        if let c = engine.cimClass(named: target.name) { return c }
        return aliases(in: statement)[target.name.lowercased()]
    }

    /// Classes named after from/join in the statement, by class name and alias.
    func aliases(in statement: String) -> [String: CIMClass] {
        let words = statement.split(whereSeparator: { !Self.isWordChar($0) }).map(String.init)
        var out: [String: CIMClass] = [:]
        for (i, w) in words.enumerated() where ["from", "join", "update"].contains(w.lowercased()) && i + 1 < words.count {
            guard let cls = engine.cimClass(named: words[i + 1]) else { continue }
            out[words[i + 1].lowercased()] = cls
            var k = i + 2
            if k < words.count, words[k].lowercased() == "as" { k += 1 }
            if k < words.count, !Completer.keywords.contains(words[k].lowercased()) { out[words[k].lowercased()] = cls }
        }
        return out
    }

    func statementHasClass(_ statement: String) -> Bool { !aliases(in: statement).isEmpty }

    func propertiesInStatement(_ statement: String) -> [String] {
        var seen = Set<ObjectIdentifier>()
        return aliases(in: statement).values.filter { seen.insert(ObjectIdentifier($0)).inserted }.flatMap { $0.properties.map(\.name.string) }
    }

    func files(matching prefix: String) -> [String] {
        let dir = (prefix as NSString).deletingLastPathComponent
        let base = (prefix as NSString).lastPathComponent
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? []
        return listing.filter { $0.hasPrefix(base) && !$0.hasPrefix(".") }.sorted().map { dir.isEmpty ? $0 : dir + "/" + $0 }
    }
}
