// NALPath: ConfigMgr's network abstraction layer paths, parsed and formatted.
//
//   nal        := '[' qualifiers ']' type ':' '[' qualifiers ']' network-os-path
//   qualifiers := [ '"' text '"' { ',' '"' text '"' } ]
//   type       := MSWNET | GENERIC
// e.g.  ["Display=\\dp1.contoso.com\"]MSWNET:["SMS_SITE=S01"]\\dp1.contoso.com\
// Inside the quotes a backslash is an ordinary character (the display value above ends in one); a quote ends
// the value. Errors name the 1-based column of the offending character.
// Older sites (SMS 2.0) wrote paths without display qualifiers, or without any: `MSWNET:["SMS_SITE=ABC"]\SERVER\SHARE`,
// `MSWNET:\SERVER\`. Those are read too, and written back in the form they came in.
import CIM
import Foundation

/// A parsed NAL path.
public struct NALPath: Hashable, Sendable, CustomStringConvertible {
    /// `Display=\\dp1\` and the like, used by the ConfigMgr console.
    public var displayQualifiers: [String]
    /// `MSWNET` (Windows networking) or `GENERIC` (user and group names).
    public var type: String
    /// `SMS_SITE=S01`, optionally `Preferred`.
    public var connectionQualifiers: [String]
    /// `\\dp1\`, `\\server\share`, `DOMAIN\user`, `GROUP=name`.
    public var networkPath: String
    /// Whether the path has its `[…]` lists, as ConfigMgr writes it; an SMS 2.0 path lacks one or both, and is
    /// written back so.
    public var hasDisplayList = true, hasConnectionList = true

    public init(displayQualifiers: [String], type: String, connectionQualifiers: [String], networkPath: String) {
        self.displayQualifiers = displayQualifiers
        self.type = type
        self.connectionQualifiers = connectionQualifiers
        self.networkPath = networkPath
    }

    /// The NAL path of a distribution point server at a site, in the form ConfigMgr writes:
    /// `["Display=\\server\"]MSWNET:["SMS_SITE=S01"]\\server\`.
    public static func server(_ server: String, site: String) -> NALPath {
        NALPath(displayQualifiers: ["Display=\\\\\(server)\\"], type: "MSWNET",
                connectionQualifiers: ["SMS_SITE=\(site)"], networkPath: "\\\\\(server)\\")
    }

    public var description: String {
        func list(_ items: [String]) -> String { "[" + items.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        return (hasDisplayList || !displayQualifiers.isEmpty ? list(displayQualifiers) : "") + type + ":"
            + (hasConnectionList || !connectionQualifiers.isEmpty ? list(connectionQualifiers) : "") + networkPath
    }

    /// The site code from `SMS_SITE=…`, if present.
    public var siteCode: String? {
        for q in connectionQualifiers {
            let parts = q.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).equalsIgnoringCase("SMS_SITE") {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The server of an MSWNET UNC path (`\\dp1.contoso.com\share` → `dp1.contoso.com`).
    public var server: String? {
        guard type.equalsIgnoringCase("MSWNET"), networkPath.hasPrefix("\\\\") else { return nil }
        let rest = networkPath.dropFirst(2)
        let name = rest.prefix { $0 != "\\" }
        return name.isEmpty ? nil : String(name)
    }

    /// Do two server names name the same machine? `dp1` and `DP1.contoso.com` do (a short name matches an
    /// FQDN's first label), `dp1` and `dp10` do not.
    public static func sameServer(_ a: String, _ b: String) -> Bool {
        if a.equalsIgnoringCase(b) { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard !short.contains(".") else { return false }
        return long.split(separator: ".").first.map { String($0).equalsIgnoringCase(short) } ?? false
    }

    // MARK: - Parsing

    /// Parses a NAL path; throws WBEM_E_INVALID_PARAMETER naming the column of the bad character.
    ///
    /// Works on the UTF-8 bytes: every character the grammar names is ASCII, so a qualifier or path is cut
    /// out between two ASCII bytes and never splits a character. (Every distribution point method parses its
    /// NAL paths; walking `Character`s made that a third of an AddDistributionPoints call.)
    public init(parsing text: String) throws(CIMError) {
        let bytes = Array(text.utf8)
        var i = 0
        func column(_ index: Int) -> Int { String(decoding: bytes[..<min(index, bytes.count)], as: UTF8.self).count + 1 }
        func found(_ index: Int) -> String { String(decoding: bytes[index...], as: UTF8.self).first.map(String.init) ?? "" }
        func fail(_ why: String, at index: Int? = nil) -> CIMError {
            CIMError(.invalidParameter, "Invalid NAL path '\(text)': \(why) at column \(column(index ?? i)). Expected a path such as [\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\.")
        }
        func slice(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func qualifiers(_ what: String) throws(CIMError) -> [String] {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else {
                throw fail(i < bytes.count ? "expected '[' to start the \(what), found '\(found(i))'" : "expected '[' to start the \(what)")
            }
            i += 1
            var out: [String] = []
            while i < bytes.count, bytes[i] != UInt8(ascii: "]") {
                if !out.isEmpty {
                    guard bytes[i] == UInt8(ascii: ",") else { throw fail("expected ',' or ']' between \(what), found '\(found(i))'") }
                    i += 1
                }
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw fail(i < bytes.count ? "expected '\"' to start a qualifier, found '\(found(i))'" : "the \(what) are not closed by ']'")
                }
                let open = i
                i += 1
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += 1 }
                guard i < bytes.count else { throw fail("the quote opened here is never closed", at: open) }
                out.append(slice(start..<i))
                i += 1
            }
            guard i < bytes.count else { throw fail("the \(what) are not closed by ']'") }
            i += 1
            return out
        }
        // Bytes of non-ASCII characters count as letters, so an unknown type is named whole in the error.
        func isLetter(_ b: UInt8) -> Bool { b >= 0x80 || ((b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")) }
        func startsWith(_ prefix: String) -> Bool { slice(0..<min(prefix.utf8.count, bytes.count)).equalsIgnoringCase(prefix) }
        // An SMS 2.0 path starts with its type: no display qualifiers.
        let hasDisplay = !startsWith("MSWNET:") && !startsWith("GENERIC:")
        let display = hasDisplay ? try qualifiers("display qualifiers") : []
        let typeStart = i
        while i < bytes.count, isLetter(bytes[i]) { i += 1 }
        let type = slice(typeStart..<i)
        guard type.equalsIgnoringCase("MSWNET") || type.equalsIgnoringCase("GENERIC") else {
            throw fail(type.isEmpty ? "expected the NAL type MSWNET or GENERIC" : "unknown NAL type '\(type)'; expected MSWNET or GENERIC", at: typeStart)
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after the NAL type") }
        i += 1
        // … and may go straight on to the path: no connection qualifiers either.
        let hasConnection = i < bytes.count && bytes[i] == UInt8(ascii: "[")
        let connection = hasConnection || i >= bytes.count ? try qualifiers("connection qualifiers") : []
        let pathStart = i
        guard pathStart < bytes.count else { throw fail("the network path after ']' is missing") }
        let backslash = UInt8(ascii: "\\")
        if type.equalsIgnoringCase("MSWNET") {
            guard bytes.count - pathStart >= 2, bytes[pathStart] == backslash, bytes[pathStart + 1] == backslash else {
                throw fail("an MSWNET path must start with \\\\server")
            }
            guard bytes.count - pathStart > 2, bytes[pathStart + 2] != backslash else {
                throw fail("the server name after \\\\ is missing", at: pathStart + 2)
            }
            let forbidden = Array("\"[]<>|*?".utf8)
            if let bad = bytes[pathStart...].firstIndex(where: forbidden.contains) {
                throw fail("'\(found(bad))' cannot appear in a server path", at: bad)
            }
        }
        self.init(displayQualifiers: display, type: type.uppercased(), connectionQualifiers: connection,
                  networkPath: slice(pathStart..<bytes.count))
        hasDisplayList = hasDisplay
        hasConnectionList = hasConnection
    }
}
