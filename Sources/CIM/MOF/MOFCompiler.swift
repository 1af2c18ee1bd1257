// MOFCompiler: the public entry points — compile MOF text into a repository, parse one MOF literal — and diagnostics.

/// A located MOF error: `site.mof:12:5: error: expected ';' after property 'Name' but found 'string'`.
public struct MOFDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// A plain sentence saying what is wrong, without the location.
    public var message: String
    /// The WMI status the error corresponds to (WBEM_E_INVALID_SYNTAX for syntax errors).
    public var status: CIMStatus

    public init(file: String, line: Int, column: Int, message: String, status: CIMStatus = .invalidSyntax) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.status = status
    }

    init(file: String, location: MOFLocation, message: String, status: CIMStatus = .invalidSyntax) {
        self.init(file: file, line: location.line, column: location.column, message: message, status: status)
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// What a successful compile added to the repository.
public struct MOFCompileResult: Sendable {
    /// The classes added, in file order.
    public var classes: [CIMName]
    /// The paths of the instances created, in file order, each with its namespace.
    public var instances: [ObjectPath]

    public init(classes: [CIMName] = [], instances: [ObjectPath] = []) {
        self.classes = classes
        self.instances = instances
    }
}

/// The MOF compiler: qualifier declarations, classes (properties, references, methods) and instances,
/// with `#pragma namespace`, aliases and embedded instances.
public enum MOFCompiler {
    /// Compiles MOF text into the repository. All-or-nothing: on any error nothing is registered (the
    /// namespaces, classes and instances the file added are all undone).
    ///
    /// The whole file is parsed before anything is stored, so a syntax error is reported even when an
    /// earlier declaration would have failed to compile (so is an alias defined twice); otherwise the first
    /// error in file order wins.
    ///
    /// - Parameters:
    ///   - fileName: used in diagnostics only.
    ///   - namespace: where declarations go until a `#pragma namespace`; the repository's default when nil.
    ///     It is created when it does not exist.
    public static func compile(_ source: String, fileName: String = "<mof>", into repository: CIMRepository,
                               namespace: String? = nil) throws(MOFDiagnostic) -> MOFCompileResult {
        var parser = try MOFParser(source: source, file: fileName)
        let declarations = try parser.parseFile()
        let initial = namespace ?? repository.defaultNamespace
        guard let start = normalizeNamespace(initial) else {
            throw MOFDiagnostic(file: fileName, line: 1, column: 1, message: "'\(initial)' is not a valid namespace",
                                status: .invalidNamespace)
        }
        do {
            return try repository.performAtomically { () throws -> MOFCompileResult in
                var compilation = try MOFCompilation(repository: repository, file: fileName, namespace: start,
                                                     declarations: declarations)
                try compilation.run()
                return compilation.result
            }
        } catch let diagnostic as MOFDiagnostic {
            throw diagnostic
        } catch {
            // performAtomically only rethrows what the body throws, and the body throws only diagnostics.
            throw MOFDiagnostic(file: fileName, line: 1, column: 1, message: String(describing: error), status: .failed)
        }
    }

    /// `\\.\root\sms\site_S01`, `//./root/sms/site_S01` or `root/sms/site_S01` → `root\sms\site_S01`;
    /// nil when a segment is empty or holds a character other than a letter, digit or `_`.
    static func normalizeNamespace(_ text: String) -> String? {
        var path = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "/" ? "\\" : $0 }))
        if path.hasPrefix("\\\\") {
            let afterSlashes = path.dropFirst(2)
            guard let slash = afterSlashes.firstIndex(of: "\\"), slash > afterSlashes.startIndex else { return nil }
            path = String(afterSlashes[afterSlashes.index(after: slash)...])
        }
        let segments = path.split(separator: "\\", omittingEmptySubsequences: false)
        let valid = segments.allSatisfy { segment in
            !segment.isEmpty && segment.unicodeScalars.allSatisfy { MOFLexer.isIdentifierContinue($0) }
        }
        return valid ? path : nil
    }
}

// MARK: - Value conversion

/// Converts parsed values to the type of the element they initialise, locating each error at the value
/// (or the array element) that caused it.
enum MOFValueConverter {
    /// - Parameter other: produces the value of an alias or an embedded instance, which need a repository;
    ///   its result is then converted like any other.
    static func convert(_ value: MOFValue, to type: CIMType, what: String, file: String,
                        other: (MOFValue) throws(MOFDiagnostic) -> CIMValue) throws(MOFDiagnostic) -> CIMValue {
        let location = value.location
        func wrap(_ error: CIMError) -> MOFDiagnostic {
            MOFDiagnostic(file: file, location: location, message: "invalid value for \(what): \(fragment(error.message))",
                          status: error.status)
        }
        let raw: CIMValue
        switch value {
        case .constant(let constant, _):
            raw = constant
        case .real(let text, _):
            // Parse at the target's precision: "0.1" read as a Double and then narrowed to Float can differ.
            if type == .real32, let single = Float(text) {
                guard single.isFinite || !(Double(text)?.isFinite ?? false) else {
                    throw wrap(CIMError(.valueOutOfRange, "\(text) is out of range for real32."))
                }
                return .real32(single)
            }
            guard let double = Double(text) else { throw wrap(CIMError(.typeMismatch, "'\(text)' is not a number.")) }
            raw = .real64(double)
        case .array(let elements, _):
            guard type.isArray else {
                throw wrap(CIMError(.typeMismatch, "\(type) takes a single value, not an array."))
            }
            var converted: [CIMValue] = []
            converted.reserveCapacity(elements.count)
            for (i, element) in elements.enumerated() {
                converted.append(try convert(element, to: type.elementType, what: "\(what) (element \(i + 1))", file: file, other: other))
            }
            return .array(CIMArray(elementType: type.scalar, converted))
        case .alias, .instance:
            raw = try other(value)
        }
        do { return try raw.converted(to: type) } catch { throw wrap(error) }
    }

    /// A CIM message as part of a sentence: no final period, and a leading capital lowered unless it starts a name.
    static func fragment(_ message: String) -> String {
        var text = Substring(message)
        if text.hasSuffix(".") { text = text.dropLast() }
        let scalars = Array(text.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[0].properties.isUppercase, scalars[1].properties.isLowercase {
            return scalars[0].properties.lowercaseMapping + text.dropFirst()
        }
        return String(text)
    }
}

extension CIMValue {
    /// Parses a MOF literal (as produced by ``literal``) into a value of the given type: `42`, `-0x1F`,
    /// `"text\n"`, `'c'`, `TRUE`, `NULL`, `{1, 2}`, datetimes and references as quoted strings.
    ///
    /// - Throws: WBEM_E_INVALID_SYNTAX for malformed text, WBEM_E_TYPE_MISMATCH or WBEM_E_VALUE_OUT_OF_RANGE
    ///   when the value does not fit the type, WBEM_E_NOT_SUPPORTED for aliases and embedded instances
    ///   (which need a repository to resolve).
    public init(mofLiteral text: String, as type: CIMType) throws(CIMError) {
        let file = "<literal>"
        do {
            var parser = try MOFParser(source: text, file: file)
            let parsed = try parser.parseLiteral()
            self = try MOFValueConverter.convert(parsed, to: type, what: "a \(type) literal", file: file) { node throws(MOFDiagnostic) in
                let what = if case .alias = node { "an alias" } else { "an embedded instance" }
                throw MOFDiagnostic(file: file, location: node.location,
                                    message: "\(what) cannot be read outside a MOF file", status: .notSupported)
            }
        } catch {
            let position = error.line > 1 ? "line \(error.line), column \(error.column)" : "column \(error.column)"
            throw CIMError(error.status, "Invalid MOF literal: \(error.message) (at \(position)).")
        }
    }
}
