// Hostile input: what an admin might paste or a host might be handed. Every case must end in a located error
// (or a limit's error), never a trap, a hang or a stack overflow, and must leave the site exactly as it was.
// Inputs that once crashed cmsh are kept here as regressions (marked "regression").
import Foundation
import Testing
@testable import CMShell

@Suite struct HostileInputTests {
    /// The demo site with a fixed clock, and a snapshot of every instance to compare against after a run.
    struct Site {
        let engine: Engine
        var before: [String: Set<CIMInstance>]

        init(_ configure: (inout EngineLimits) -> Void = { _ in }) throws {
            var limits = EngineLimits()
            configure(&limits)
            // A small fleet: every case compares a snapshot of every instance, and what matters is that nothing
            // changes, not how many systems there are.
            engine = try Engine(site: .demo(systems: 12), clock: SiteClock(fixedAt: try CIMDateTime(parsing: "20261126090000.000000+000")),
                                limits: limits)
            // The simulated site moves distributions along before each statement; let it settle first, so the
            // snapshot holds what a failed statement must leave alone.
            engine.run(script: "$settle = 0")
            before = try Self.snapshot(engine.repository)
        }

        static func snapshot(_ repository: CIMRepository) throws -> [String: Set<CIMInstance>] {
            var all: [String: Set<CIMInstance>] = [:]
            for ns in repository.namespaces {
                for c in repository.classes(namespace: ns) {
                    all["\(ns):\(c.name)"] = Set(try repository.instances(of: c.name, deep: false, namespace: ns))
                }
            }
            return all
        }

        /// Runs the script, expects it to fail with `status` (a syntax error when nil) whose message contains
        /// `message`, at a real location; then checks that no instance changed.
        func expectFailure(_ script: String, _ status: CIMStatus?, _ message: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let result = engine.run(script: script, fileName: "hostile.cmsh")
            switch result.outcome {
            case .syntaxErrors(let diagnostics):
                #expect(status == nil, "expected \(status?.name ?? "") but got a syntax error: \(diagnostics[0].message)", sourceLocation: sourceLocation)
                #expect(diagnostics.contains { $0.message.contains(message) }, "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
                #expect(diagnostics.allSatisfy { $0.location.file == "hostile.cmsh" && $0.location.line >= 1 && $0.location.column >= 1 },
                        sourceLocation: sourceLocation)
            case .failed(let error):
                #expect(error.status == status, "\(error)", sourceLocation: sourceLocation)
                #expect(error.message.contains(message), "\(error.message)", sourceLocation: sourceLocation)
                #expect(error.location?.file == "hostile.cmsh", sourceLocation: sourceLocation)
            case .completed, .exited:
                Issue.record("the script ran to its end; expected \(status?.name ?? "a syntax error")", sourceLocation: sourceLocation)
            }
            #expect(try Self.snapshot(engine.repository) == before, "the repository changed", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Size and depth

    @Test func deepNestingIsASyntaxErrorNotAStackOverflow() throws {
        let site = try Site()
        func nested(_ open: String, _ inner: String, _ close: String) -> String {
            let n = 100_000
            return String(repeating: open, count: n) + inner + String(repeating: close, count: n)
        }
        try site.expectFailure("print " + nested("(", "1", ")"), nil, "nest too deep")
        try site.expectFailure("print " + nested("[", "1", "]"), nil, "nest too deep")
        try site.expectFailure(nested("if true { ", "", "}"), nil, "nest too deep")
        try site.expectFailure("print " + nested("not ", "true", ""), nil, "nest too deep")
        try site.expectFailure("print " + nested("- ", "1", ""), nil, "nest too deep")
    }

    /// Regression: long operator chains built trees 100 000 deep, and evaluating one overflowed the stack.
    @Test func longOperatorChainsAreErrorsNotStackOverflows() throws {
        let site = try Site()
        func chain(_ term: String, _ op: String) -> String { Array(repeating: term, count: 100_000).joined(separator: op) }
        try site.expectFailure("print " + chain("1", " + "), nil, "limit is 200")
        try site.expectFailure("print " + chain("\"a\"", " || "), nil, "limit is 200")
        try site.expectFailure("select * from SMS_Package where " + chain("Name = 'a'", " or "), nil, "limit is 200")
        try site.expectFailure("$x = [1]" + chain("", "[0]"), nil, "limit is 200")
        try site.expectFailure("$x = $p" + chain("", ".Name"), nil, "limit is 200")
        // A chain within the limit still runs.
        #expect(try site.engine.evaluate(Array(repeating: "1", count: 150).joined(separator: " + ")).cimValue == .sint64(150))
    }

    /// Regression: 200 calls, each nesting its recursive call 95 brackets deep, overflowed the stack.
    @Test func deepRecursionInsideDeepExpressionsStopsWithAnError() throws {
        let site = try Site()
        let brackets = 95
        try site.expectFailure("""
            func f($n) { if $n <= 0 { return 0 }
                return \(String(repeating: "[", count: brackets))f($n - 1)\(String(repeating: "]", count: brackets)) }
            print len(f(199))
            """, .quotaViolation, "too deeply for the stack")
    }

    @Test func tenMegabyteStringsAndLinesAreFine() throws {
        let site = try Site()
        let big = String(repeating: "x", count: 10 << 20)
        #expect(try site.engine.evaluate("len(\"\(big)\")").cimValue == .sint64(10 << 20))
        #expect(try site.engine.evaluate("# \(big)\n42").cimValue == .sint64(42))
        try site.expectFailure("update SMS_Package(\"S0100003\") set Description = \"\(big)\", SourceVersion = 1 / 0", .invalidParameter, "division by zero")
    }

    @Test func unterminatedConstructsAtTheEndAreLocatedIncompleteErrors() throws {
        let site = try Site()
        for (script, message) in [("print \"abc", "unterminated string"), ("print 'abc\\", "unterminated string"),
                                  ("print 1 /* comment", "unterminated comment"), ("if true { print 1", "never closed"),
                                  ("print len(1, 2", "never closed"), ("$x = [1, 2", "never closed"),
                                  ("associators of {SMS_Package.PackageID=\"S0100003}", "never closed")] {
            try site.expectFailure(script, nil, message)
            guard case .failure(let errors) = site.engine.prepare(script) else { Issue.record("\(script) parsed"); continue }
            #expect(errors.isIncomplete, "the REPL must ask for more input after \(script)")
        }
    }

    @Test func nulBytesAndReplacementCharactersAreLocatedErrors() throws {
        let site = try Site()
        try site.expectFailure("print 1\u{0}", nil, "a NUL byte")
        try site.expectFailure("print \u{FFFD}", nil, "invalid UTF-8")
        try site.expectFailure("$a\u{FFFD}b = 1", nil, "invalid UTF-8")
        // Inside a string literal they are just characters.
        #expect(try site.engine.evaluate("len(\"a\u{0}b\")").cimValue == .sint64(3))
    }

    // MARK: - Numbers

    @Test func numbersOutOfRangeAreErrors() throws {
        let site = try Site()
        try site.expectFailure("print 99999999999999999999999", nil, "too large")
        try site.expectFailure("print 0x1FFFFFFFFFFFFFFFF", nil, "too large")
        try site.expectFailure("print 1e999", nil, "out of range")
        try site.expectFailure("print 9223372036854775807 + 1 - 1 + 9223372036854775807 * 2", .valueOutOfRange, "overflow")
        try site.expectFailure("print -9223372036854775808 - 1", .valueOutOfRange, "overflow")
        try site.expectFailure("print 1 / 0", .invalidParameter, "division by zero")
        try site.expectFailure("print 1 % 0", .invalidParameter, "division by zero")
        try site.expectFailure("print 1.5 / 0", .invalidParameter, "division by zero")
        try site.expectFailure("update SMS_Package(\"S0100003\") set Icon = [1, 256]", .valueOutOfRange, "uint8")
        try site.expectFailure("update SMS_Package(\"S0100003\") set Icon = [-1]", .valueOutOfRange, "uint8")
    }

    /// Regression: DateDiff across two out-of-range dates trapped on overflow; DateAdd wrapped into garbage.
    @Test func dateArithmeticOutOfRangeIsAnError() throws {
        let site = try Site()
        try site.expectFailure("print DateDiff(ss, DateAdd(dd, -106000000, GetDate()), DateAdd(dd, 106000000, GetDate()))",
                               .valueOutOfRange, "out of range")
        try site.expectFailure("print DateAdd(dd, 106000000, GetDate())", .valueOutOfRange, "years 0 to 9999")
        try site.expectFailure("print DateAdd(ss, 9223372036854775807, GetDate())", .valueOutOfRange, "out of range")
        try site.expectFailure("$i = GetDate() - DateAdd(dd, -700000, GetDate())\nprint GetDate() + $i + $i + $i + $i + $i",
                               .valueOutOfRange, "years 0 to 9999")
    }

    // MARK: - Limits

    @Test func recursionWithoutEndStopsAtTheCallDepth() throws {
        let site = try Site()
        try site.expectFailure("func f($x) { return f($x + 1) }\nprint f(0)", .quotaViolation, "too many nested function calls")
    }

    @Test func loopsWithoutEndStopAtTheLimits() throws {
        let site = try Site { $0.maxLoopIterations = 1_000; $0.maxSteps = 100_000 }
        try site.expectFailure("while true { }", .quotaViolation, "limit is 1000")
        try site.expectFailure("$n = 0\nwhile $n >= 0 { $n = $n + 1 }", .quotaViolation, "limit is 1000")
        let steps = try Site { $0.maxSteps = 500 }
        try steps.expectFailure("func f() { $x = 1\n f() }\nwhile true { $y = 1 }", .quotaViolation, "limit is 500")
    }

    /// Regression: `$l = $l + $l` in a loop grew without bound.
    @Test func doublingAListStopsAtTheCollectionLimit() throws {
        let site = try Site { $0.maxCollectionSize = 10_000 }
        try site.expectFailure("$l = [1]\nwhile true { $l = $l + $l }", .quotaViolation, "list too long (limit is 10000 elements)")
        try site.expectFailure("$s = \"x\"\nwhile true { $s = $s + $s }", .quotaViolation, "string too long")
    }

    // MARK: - Method arguments and paths

    @Test func hugeArraysToAddDistributionPointsChangeNothingWhenOneIsBad() throws {
        let site = try Site()
        let count = 20_000
        site.engine.set("sites", .list(Array(repeating: .string("S01"), count: count)))
        site.engine.set("nals", .list(Array(repeating: .string(#"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#), count: count - 1)
                                      + [.string("garbage")]))
        try site.expectFailure("invoke SMS_Package(\"S0100003\").AddDistributionPoints($sites, $nals)", .invalidParameter, "NALPath[19999]: Invalid NAL path 'garbage'")
        site.engine.set("nals", .list(Array(repeating: .string(#"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#), count: count + 1)))
        try site.expectFailure("invoke SMS_Package(\"S0100003\").AddDistributionPoints($sites, $nals)", .invalidParameter, "must be the same length")
    }

    @Test func nalPathsWithEverySpecialCharacterAreErrorsOrUnknownServers() throws {
        var site = try Site()
        for c in #"`~!@#$%^&*()-_=+[]{}\|;:'",.<>/? "# + "\t\u{0}\u{7F}é€😀" {
            let server = "dp1" + String(c)
            let nal = NALPath.server(server, site: "S01").description
            let script = "invoke SMS_Package(\"S0100003\").AddDistributionPoints([\"S01\"], [$nal])"
            site.engine.set("nal", .string(nal))
            let result = site.engine.run(script: script, fileName: "hostile.cmsh")
            // `\\dp1.\` (an FQDN's dot) and `\\dp1\\` (a share's separator) still name dp1: the call succeeds
            // (the package is there already) and its audit message is the new baseline.
            if c == "." || c == "\\" {
                site.before = try Site.snapshot(site.engine.repository)
                continue
            }
            guard case .failed(let error) = result.outcome else { Issue.record("\(nal) was accepted"); continue }
            #expect(error.location?.line == 1)
            #expect(error.message.contains("NAL") || error.message.contains("does not exist") || error.message.contains("not a distribution point"),
                    "\(error.message)")
            #expect(try Site.snapshot(site.engine.repository) == site.before, "\(nal) changed the repository")
        }
    }

    /// Every ASCII character inserted anywhere in a valid NAL path or object path either still parses or is
    /// rejected with the parser's own error naming a column inside the text.
    @Test func pathParsersRejectEveryCharacterAnywhereWithAColumn() throws {
        let nal = #"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#
        let path = #"\\srv\root\sms\site_S01:SMS_DistributionPoint.PackageID="S0100003",SiteCode='S01',Status=2"#
        for text in [nal, path] {
            let chars = Array(text)
            for position in 0...chars.count {
                for byte in UInt8(0)...UInt8(127) {
                    var mutated = chars
                    mutated.insert(Character(Unicode.Scalar(byte)), at: position)
                    let s = String(mutated)
                    do {
                        if text == nal { _ = try NALPath(parsing: s) } else { _ = try ObjectPath(parsing: s) }
                    } catch {
                        #expect(error.status == (text == nal ? .invalidParameter : .invalidObjectPath))
                        let column = error.message.firstMatch(of: /at column (\d+)/).flatMap { Int($0.1) }
                        #expect(column.map { (1...(s.count + 1)).contains($0) } == true, "\(error.message)")
                    }
                }
            }
        }
    }

    @Test func objectPathsWithUnbalancedQuotesAreLocatedErrors() throws {
        let site = try Site()
        try site.expectFailure(#"print get "SMS_Package.PackageID=\"S0100003""#, .invalidObjectPath, "unterminated string")
        try site.expectFailure(#"print get "SMS_Package.PackageID='S0100003""#, .invalidObjectPath, "unterminated string")
        try site.expectFailure(#"print get "SMS_Package.PackageID=\"S01\\""#, .invalidObjectPath, "unterminated string")
        try site.expectFailure(#"print get "SMS_Package.PackageID=S0100003\"""#, .invalidObjectPath, "is not a quoted string")
        try site.expectFailure(#"associators of {SMS_Package.PackageID="S0100003"""}"#, .invalidObjectPath, "unexpected '\"' after the keys")
    }

    /// Regression: a key value with two minus signs parsed as Int128.min, and negating that trapped.
    @Test func aKeyWithTwoSignsIsAnErrorNotATrap() throws {
        let site = try Site()
        try site.expectFailure(#"print get "SMS_Package.PackageID=--170141183460469231731687303715884105728""#,
                               .invalidObjectPath, "is not a quoted string")
        #expect(CIMValue.parseInteger("--170141183460469231731687303715884105728") == nil)
        #expect(CIMValue.parseInteger("-+1") == nil)
        #expect(CIMValue.parseInteger("-170141183460469231731687303715884105727") != nil)
    }
}
