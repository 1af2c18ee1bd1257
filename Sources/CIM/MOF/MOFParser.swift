// MOFParser: turns MOF tokens into declarations (pragmas, qualifier types, classes, instances); no repository.
//
//   file        := { pragma | qualifierDecl | [qualifiers] (classDecl | instanceDecl) }
//   pragma      := '#' 'pragma' name [ '(' … ')' ]
//   classDecl   := 'class' Name [':' Super] '{' { member } '}' ';'
//   member      := [qualifiers] type ['ref'] Name ( '(' params ')' | ['[' [N] ']'] ['=' value] ) ';'
//   instanceDecl:= 'instance' 'of' Class ['as' $Alias] '{' { [qualifiers] Name '=' value ';' } '}' ';'
// Values and qualifier lists are parsed in MOFParser+Values.swift.

/// A qualifier as written on an element: `Description("x") : ToSubclass`.
struct MOFQualifierUse {
    var name: String
    var location: MOFLocation
    /// nil when written bare (`[Key]`), which means `true`.
    var value: MOFValue?
    var flavors: [String]
}

/// `qualifier Name : type [= default] [, scope(…)] [, flavor(…)];` or WMI's `qualifier Name : ToSubclass;`.
struct MOFQualifierDeclaration {
    var name: String
    var location: MOFLocation
    /// nil for WMI's flavor-only form, which declares default flavors and no type.
    var typeName: String?
    var typeLocation: MOFLocation
    var isArray: Bool
    var defaultValue: MOFValue?
    /// Lowercased scope names, or nil when no scope was given.
    var scopes: [String]?
    var flavors: [String]
}

/// What properties, references, parameters and method headers share: `[quals] type [ref] Name[] = value`.
struct MOFTypedElement {
    var qualifiers: [MOFQualifierUse]
    var typeName: String
    var typeLocation: MOFLocation
    var isReference: Bool
    var name: String
    var location: MOFLocation
    var isArray: Bool
    var defaultValue: MOFValue?
}

struct MOFMethodDeclaration {
    /// The return type, name and qualifiers of the method.
    var header: MOFTypedElement
    var parameters: [MOFTypedElement]
}

enum MOFMember {
    case property(MOFTypedElement)
    case method(MOFMethodDeclaration)
}

struct MOFClassDeclaration {
    var qualifiers: [MOFQualifierUse]
    var name: String
    var location: MOFLocation
    var superclass: String?
    var superclassLocation: MOFLocation
    var members: [MOFMember]
}

struct MOFPropertyAssignment {
    var name: String
    var location: MOFLocation
    var value: MOFValue
}

struct MOFInstanceDeclaration {
    /// Where `instance` is written; errors about the instance as a whole point here.
    var location: MOFLocation
    var className: String
    var classLocation: MOFLocation
    var alias: String?
    var aliasLocation: MOFLocation
    var assignments: [MOFPropertyAssignment]
}

/// A value as written, before it is converted to the type of the element it initialises.
indirect enum MOFValue {
    /// A literal already typed as MOF reads it: integers as sint64/uint64, strings, char16, booleans, null.
    case constant(CIMValue, MOFLocation)
    /// A real, kept as text so that real32 targets are parsed at their own precision.
    case real(String, MOFLocation)
    case array([MOFValue], MOFLocation)
    case alias(String, MOFLocation)
    /// `instance of X { … }` as a value: an embedded object.
    case instance(MOFInstanceDeclaration)

    var location: MOFLocation {
        switch self {
        case .constant(_, let l), .real(_, let l), .array(_, let l), .alias(_, let l): l
        case .instance(let d): d.location
        }
    }
}

enum MOFDeclaration {
    /// `#pragma namespace`, already normalised to `root\sms\site_S01`.
    case namespace(String, MOFLocation)
    case qualifier(MOFQualifierDeclaration)
    case cimClass(MOFClassDeclaration)
    case instance(MOFInstanceDeclaration)
}

/// A recursive-descent parser with one token of lookahead. Nesting (embedded instances) is capped at
/// ``maxNesting`` so that hostile input cannot exhaust the stack.
struct MOFParser {
    static let maxNesting = 64

    var lexer: MOFLexer
    var token: MOFToken

    init(source: String, file: String) throws(MOFDiagnostic) {
        lexer = MOFLexer(source, file: file)
        token = try lexer.next()
    }

    // MARK: - Token helpers

    mutating func advance() throws(MOFDiagnostic) { token = try lexer.next() }

    func isPunct(_ c: Unicode.Scalar) -> Bool { token.kind == .punct(c) }

    /// Is the current token this word (keywords are case-insensitive)?
    func isWord(_ word: String) -> Bool {
        if case .identifier(let name) = token.kind { return name.equalsIgnoringCase(word) }
        return false
    }

    func fail(_ message: String, at location: MOFLocation? = nil, _ status: CIMStatus = .invalidSyntax) -> MOFDiagnostic {
        MOFDiagnostic(file: lexer.file, location: location ?? token.location, message: message, status: status)
    }

    /// `expected ';' after property 'Name' but found 'string'`
    func unexpected(_ what: String, _ context: String) -> MOFDiagnostic {
        fail("expected \(what)\(context.isEmpty ? "" : " " + context) but found \(token.display)")
    }

    mutating func expect(_ c: Unicode.Scalar, _ context: String) throws(MOFDiagnostic) {
        guard isPunct(c) else { throw unexpected("'\(c)'", context) }
        try advance()
    }

    mutating func expectWord(_ word: String, _ context: String) throws(MOFDiagnostic) {
        guard isWord(word) else { throw unexpected("'\(word)'", context) }
        try advance()
    }

    mutating func identifier(_ what: String, _ context: String) throws(MOFDiagnostic) -> (String, MOFLocation) {
        guard case .identifier(let name) = token.kind else { throw unexpected(what, context) }
        let location = token.location
        try advance()
        return (name, location)
    }

    // MARK: - File

    mutating func parseFile() throws(MOFDiagnostic) -> [MOFDeclaration] {
        var declarations: [MOFDeclaration] = []
        while token.kind != .end {
            if isPunct("#") {
                if let pragma = try parsePragma() { declarations.append(pragma) }
            } else if isWord("qualifier") {
                declarations.append(.qualifier(try parseQualifierDeclaration()))
            } else {
                let qualifiers = try parseQualifierList()
                if isWord("class") {
                    declarations.append(.cimClass(try parseClass(qualifiers)))
                } else if isWord("instance") {
                    let start = token.location
                    try advance()
                    let instance = try parseInstance(at: start, depth: 0)
                    try expect(";", "after instance of \(instance.className)")
                    declarations.append(.instance(instance))
                } else if qualifiers.isEmpty {
                    throw unexpected("'class', 'instance', 'qualifier' or '#pragma'", "")
                } else {
                    throw unexpected("'class' or 'instance'", "after the qualifier list")
                }
            }
        }
        return declarations
    }

    /// `#pragma namespace("…")` yields a declaration; `include` is refused; other pragmas are skipped.
    mutating func parsePragma() throws(MOFDiagnostic) -> MOFDeclaration? {
        try advance()
        try expectWord("pragma", "after '#'")
        let (name, nameLocation) = try identifier("a pragma name", "after '#pragma'")
        if name.equalsIgnoringCase("include") {
            throw fail("#pragma include is not supported: compile each MOF file on its own", at: nameLocation, .notSupported)
        }
        if name.equalsIgnoringCase("namespace") {
            try expect("(", "after '#pragma namespace'")
            let location = token.location
            guard case .string = token.kind else { throw unexpected("a namespace string", "in '#pragma namespace'") }
            let raw = try parseStrings()
            guard let namespace = MOFCompiler.normalizeNamespace(raw) else {
                throw fail("'\(raw)' is not a valid namespace; write it as \"root\\\\sms\\\\site_S01\" or \"\\\\\\\\.\\\\root\\\\sms\\\\site_S01\"",
                           at: location, .invalidNamespace)
            }
            try expect(")", "after the namespace in '#pragma namespace'")
            return .namespace(namespace, location)
        }
        // classflags, instanceflags, locale, autorecover, deleteclass…: accepted and ignored, arguments and all.
        guard isPunct("(") else { return nil }
        var depth = 0
        repeat {
            if token.kind == .end { throw unexpected("')'", "to close '#pragma \(name)'") }
            if isPunct("(") { depth += 1 } else if isPunct(")") { depth -= 1 }
            try advance()
        } while depth > 0
        return nil
    }

    // MARK: - Qualifier declarations

    static let scopeNames: Set<String> = [
        "any", "association", "class", "indication", "method", "parameter", "property", "reference", "qualifier", "schema",
    ]

    mutating func parseQualifierDeclaration() throws(MOFDiagnostic) -> MOFQualifierDeclaration {
        try advance()
        let (name, location) = try identifier("a qualifier name", "after 'qualifier'")
        try expect(":", "after qualifier name '\(name)'")
        var declaration = MOFQualifierDeclaration(name: name, location: location, typeName: nil, typeLocation: token.location,
                                                  isArray: false, defaultValue: nil, scopes: nil, flavors: [])
        if case .identifier(let word) = token.kind, Self.canonicalFlavor(word) != nil, CIMScalarType(name: word) == nil {
            declaration.flavors = try parseFlavors()
        } else {
            let (typeName, _) = try identifier("a type", "after 'qualifier \(name) :'")
            declaration.typeName = typeName
            declaration.isArray = try parseArraySuffix()
            if isPunct("=") {
                try advance()
                declaration.defaultValue = try parseValue(depth: 0)
            }
            while isPunct(",") {
                try advance()
                let (keyword, keywordLocation) = try identifier("'scope' or 'flavor'", "after ','")
                try expect("(", "after '\(keyword)'")
                var words: [String] = []
                repeat {
                    if isPunct(",") { try advance() }
                    let (word, wordLocation) = try identifier(keyword.lowercased(), "in '\(keyword)(…)'")
                    if keyword.equalsIgnoringCase("scope") {
                        guard Self.scopeNames.contains(word.lowercased()) else {
                            throw fail("unknown qualifier scope '\(word)'", at: wordLocation)
                        }
                        words.append(word.lowercased())
                    } else if keyword.equalsIgnoringCase("flavor") {
                        words.append(try Self.flavor(word, at: wordLocation, file: lexer.file))
                    } else {
                        throw fail("expected 'scope' or 'flavor' but found '\(keyword)'", at: keywordLocation)
                    }
                } while isPunct(",")
                try expect(")", "to close '\(keyword)(…)'")
                if keyword.equalsIgnoringCase("scope") { declaration.scopes = (declaration.scopes ?? []) + words }
                else { declaration.flavors += words }
            }
        }
        try expect(";", "after qualifier declaration '\(name)'")
        return declaration
    }

    // MARK: - Classes

    mutating func parseClass(_ qualifiers: [MOFQualifierUse]) throws(MOFDiagnostic) -> MOFClassDeclaration {
        try advance()
        let (name, location) = try identifier("a class name", "after 'class'")
        var declaration = MOFClassDeclaration(qualifiers: qualifiers, name: name, location: location,
                                              superclass: nil, superclassLocation: location, members: [])
        if isPunct(":") {
            try advance()
            declaration.superclassLocation = token.location
            declaration.superclass = try identifier("a superclass name", "after ':' in class '\(name)'").0
        }
        try expect("{", "to open the body of class '\(name)'")
        while !isPunct("}") {
            declaration.members.append(try parseMember(of: name))
        }
        try advance()
        try expect(";", "after the body of class '\(name)'")
        return declaration
    }

    /// A property, reference or method: they share a prefix, and `(` after the name makes it a method.
    mutating func parseMember(of className: String) throws(MOFDiagnostic) -> MOFMember {
        let qualifiers = try parseQualifierList()
        guard case .identifier = token.kind else {
            throw unexpected(qualifiers.isEmpty ? "a property or method declaration, or '}'," : "a type", "in class '\(className)'")
        }
        var header = try parseTypedName(qualifiers, what: "property or method name")
        if isPunct("(") {
            try advance()
            var parameters: [MOFTypedElement] = []
            while !isPunct(")") {
                if !parameters.isEmpty {
                    let previous = parameters[parameters.count - 1].name
                    try expect(",", "or ')' after parameter '\(previous)'")
                }
                var parameter = try parseTypedName(try parseQualifierList(), what: "parameter name")
                parameter.isArray = try parseArraySuffix()
                parameter.defaultValue = try parseDefault()
                parameters.append(parameter)
            }
            try advance()
            try expect(";", "after method '\(header.name)'")
            return .method(MOFMethodDeclaration(header: header, parameters: parameters))
        }
        header.isArray = try parseArraySuffix()
        header.defaultValue = try parseDefault()
        try expect(";", "after property '\(header.name)'")
        return .property(header)
    }

    /// `type [ref] Name`, with the qualifiers already read.
    mutating func parseTypedName(_ qualifiers: [MOFQualifierUse], what: String) throws(MOFDiagnostic) -> MOFTypedElement {
        let (typeName, typeLocation) = try identifier("a type", "")
        var isReference = false
        if isWord("ref") {
            isReference = true
            try advance()
        }
        let (name, location) = try identifier("a \(what)", "after type '\(typeName)\(isReference ? " ref" : "")'")
        return MOFTypedElement(qualifiers: qualifiers, typeName: typeName, typeLocation: typeLocation, isReference: isReference,
                               name: name, location: location, isArray: false, defaultValue: nil)
    }

    /// `[]` or `[8]` after a name (the size is only a hint in WMI, so it is checked and dropped).
    mutating func parseArraySuffix() throws(MOFDiagnostic) -> Bool {
        guard isPunct("[") else { return false }
        try advance()
        if case .integer = token.kind { try advance() }
        try expect("]", "to close the array brackets")
        return true
    }

    mutating func parseDefault() throws(MOFDiagnostic) -> MOFValue? {
        guard isPunct("=") else { return nil }
        try advance()
        return try parseValue(depth: 0)
    }

    // MARK: - Instances

    /// `of Class [as $Alias] { Prop = value; … }` — the `instance` keyword has been read; no trailing `;`.
    mutating func parseInstance(at location: MOFLocation, depth: Int) throws(MOFDiagnostic) -> MOFInstanceDeclaration {
        guard depth <= Self.maxNesting else {
            throw fail("embedded instances are nested more than \(Self.maxNesting) levels deep", at: location)
        }
        try expectWord("of", "after 'instance'")
        let (className, classLocation) = try identifier("a class name", "after 'instance of'")
        var declaration = MOFInstanceDeclaration(location: location, className: className, classLocation: classLocation,
                                                 alias: nil, aliasLocation: location, assignments: [])
        if isWord("as") {
            try advance()
            guard case .alias(let alias) = token.kind else { throw unexpected("an alias such as $Name", "after 'as'") }
            if depth > 0 { throw fail("an embedded instance cannot have an alias") }
            declaration.alias = alias
            declaration.aliasLocation = token.location
            try advance()
        }
        try expect("{", "to open instance of \(className)")
        while !isPunct("}") {
            _ = try parseQualifierList(depth: depth)  // property qualifiers on an instance are accepted but not kept
            let (name, nameLocation) = try identifier("a property name or '}'", "in instance of \(className)")
            try expect("=", "after property '\(name)'")
            let value = try parseValue(depth: depth)
            try expect(";", "after the value of property '\(name)'")
            declaration.assignments.append(MOFPropertyAssignment(name: name, location: nameLocation, value: value))
        }
        try advance()
        return declaration
    }
}
