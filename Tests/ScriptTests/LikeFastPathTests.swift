// LIKE's fast path — a pattern that is one literal with `%` only at its ends is compared directly — must answer
// exactly as the general matcher does, for every such shape, case, length and edge (empty text, literal longer
// than the text, `%` alone, repeated `%`, a literal at both ends).
@testable import Script
import Testing

@Suite struct LikeFastPathTests {
    static let patterns = [
        "", "%", "%%", "dell%", "DELL%", "%windows 11%", "%Windows 11%", "%.contoso.com", "pc-0001", "PC-0001",
        "%%dell", "dell%%", "%a%", "a", "%a", "a%", "%Enterprise", "Microsoft%", "%11 ent%", "%%x%%",
        // Not literal: the general matcher answers these, and they are here to show both paths agree.
        "d_ll%", "[d]ell%", "%win%11%", "%[0-9]%",
    ]
    static let texts = [
        "", "a", "A", "Dell Inc.", "dell", "DELL", "Del", "Microsoft Windows 11 Enterprise", "Microsoft Windows 10 Enterprise",
        "dp1.contoso.com", "DP1.CONTOSO.COM", "contoso.com", ".contoso.com", "PC-0001", "pc-0001 ", "x", "xx%x",
        "Windows 11", "aaa", "ba", "ab", "Enterprise", "Microsoft", "Dell\r\nInc", "Délla",
    ]

    @Test func theFastPathAgreesWithTheMatcher() {
        for pattern in Self.patterns {
            let general = LikeProgram<Character>(Array(pattern.lowercased()))
            let like = LikePattern(pattern)
            for text in Self.texts {
                #expect(like.matches(text) == general.matches(Array(text.lowercased())), "'\(text)' like '\(pattern)'")
            }
        }
    }
}
