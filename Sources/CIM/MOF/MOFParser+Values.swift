// MOFParser+Values: literal values (numbers, strings, arrays, aliases, embedded instances) and qualifier lists.

extension MOFParser {
    // MARK: - Values

    /// A single value then the end of the text: the grammar of ``CIMValue/init(mofLiteral:as:)``.
    mutating func parseLiteral() throws(MOFDiagnostic) -> MOFValue {
        let value = try parseValue(depth: 0)
        guard token.kind == .end else { throw unexpected("the end of the literal", "after the value") }
        return value
    }

    /// One value: a literal, `{array}`, `$alias` or `instance of …`. `depth` counts enclosing instances.
    mutating func parseValue(depth: Int, inArray: Bool = false) throws(MOFDiagnostic) -> MOFValue {
        let start = token.location
        switch token.kind {
        case .punct("-"), .punct("+"):
            let negative = isPunct("-")
            try advance()
            switch token.kind {
            case .integer(let magnitude):
                try advance()
                return .constant(try integerValue(negative ? -magnitude : magnitude, at: start), start)
            case .real(let text):
                try advance()
                return .real((negative ? "-" : "") + text, start)
            case .identifier(let word) where Self.isSpecialReal(word):
                try advance()
                return .real((negative ? "-" : "") + word.lowercased(), start)
            default:
                throw unexpected("a number", "after '\(negative ? "-" : "+")'")
            }
        case .integer(let magnitude):
            try advance()
            return .constant(try integerValue(magnitude, at: start), start)
        case .real(let text):
            try advance()
            return .real(text, start)
        case .string:
            return .constant(.string(try parseStrings()), start)
        case .char16(let unit):
            try advance()
            return .constant(.char16(unit), start)
        case .alias(let name):
            try advance()
            return .alias(name, start)
        case .punct("{"):
            if inArray { throw fail("arrays cannot be nested") }
            try advance()
            var elements: [MOFValue] = []
            while !isPunct("}") {
                if !elements.isEmpty { try expect(",", "or '}' between array elements") }
                elements.append(try parseValue(depth: depth, inArray: true))
            }
            try advance()
            return .array(elements, start)
        case .identifier(let word):
            if word.equalsIgnoringCase("true") || word.equalsIgnoringCase("false") {
                try advance()
                return .constant(.boolean(word.equalsIgnoringCase("true")), start)
            }
            if word.equalsIgnoringCase("null") {
                try advance()
                return .constant(.null, start)
            }
            // `inf` and `nan` are not standard MOF, but `literal` writes them, and every literal must read back.
            if Self.isSpecialReal(word) {
                try advance()
                return .real(word.lowercased(), start)
            }
            if word.equalsIgnoringCase("instance") {
                try advance()
                return .instance(try parseInstance(at: start, depth: depth + 1))
            }
            throw unexpected("a value", "")
        default:
            throw unexpected("a value", "")
        }
    }

    static func isSpecialReal(_ word: String) -> Bool { word.equalsIgnoringCase("inf") || word.equalsIgnoringCase("nan") }

    /// A signed integer literal typed as MOF reads it: sint64 when it fits, else uint64.
    func integerValue(_ value: Int128, at location: MOFLocation) throws(MOFDiagnostic) -> CIMValue {
        if let v = Int64(exactly: value) { return .sint64(v) }
        if let v = UInt64(exactly: value) { return .uint64(v) }
        throw fail("integer \(value) does not fit in 64 bits", at: location, .valueOutOfRange)
    }

    /// Adjacent string literals joined into one: `"a" "b"` is `"ab"`.
    mutating func parseStrings() throws(MOFDiagnostic) -> String {
        var text = ""
        while case .string(let part) = token.kind {
            text += part
            try advance()
        }
        return text
    }

    // MARK: - Qualifier lists

    /// `[Key, Description("x" "y") : ToSubclass Amended, Values{"a","b"}]`, or nothing when no `[` follows.
    /// `depth` is that of the enclosing instance: a qualifier value may itself hold `instance of …`.
    mutating func parseQualifierList(depth: Int = 0) throws(MOFDiagnostic) -> [MOFQualifierUse] {
        guard isPunct("[") else { return [] }
        try advance()
        var qualifiers: [MOFQualifierUse] = []
        while true {
            let (name, location) = try identifier("a qualifier name", "in the qualifier list")
            var use = MOFQualifierUse(name: name, location: location, value: nil, flavors: [])
            if isPunct("(") {
                try advance()
                use.value = try parseValue(depth: depth)
                try expect(")", "after the value of qualifier '\(name)'")
            } else if isPunct("{") {
                use.value = try parseValue(depth: depth)
            }
            if isPunct(":") {
                try advance()
                use.flavors = try parseFlavors()
                if use.flavors.isEmpty { throw unexpected("a qualifier flavor", "after ':'") }
            }
            qualifiers.append(use)
            if isPunct("]") { break }
            try expect(",", "or ']' after qualifier '\(name)'")
        }
        try advance()
        return qualifiers
    }

    /// Flavor names separated by white space, up to the next non-name token.
    mutating func parseFlavors() throws(MOFDiagnostic) -> [String] {
        var flavors: [String] = []
        while case .identifier(let word) = token.kind {
            flavors.append(try Self.flavor(word, at: token.location, file: lexer.file))
            try advance()
        }
        return flavors
    }

    static let flavorNames = [
        "EnableOverride", "DisableOverride", "ToSubclass", "NotToSubclass", "ToInstance", "NotToInstance",
        "Restricted", "Translatable", "Amended",
    ]

    /// The flavor in its canonical spelling (`tosubclass` → `ToSubclass`), or nil when it is not one.
    static func canonicalFlavor(_ word: String) -> String? {
        flavorNames.first { $0.equalsIgnoringCase(word) }
    }

    static func flavor(_ word: String, at location: MOFLocation, file: String) throws(MOFDiagnostic) -> String {
        guard let flavor = canonicalFlavor(word) else {
            throw MOFDiagnostic(file: file, location: location, message: "unknown qualifier flavor '\(word)'; expected one of \(flavorNames.joined(separator: ", "))",
                                status: .invalidQualifier)
        }
        return flavor
    }
}
