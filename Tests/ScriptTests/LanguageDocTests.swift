// Runs every example in docs/language.md: `cmsh` blocks must run to completion, `cmsh-error` blocks must
// fail with the message quoted under them.
import Foundation
import Testing
@testable import Script

@Suite struct LanguageDocTests {
    struct Example: Sendable, CustomStringConvertible {
        let code: String
        let expectedError: String?
        let line: Int
        var description: String { "docs/language.md:\(line)" }
    }

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/language.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let lines = text.components(separatedBy: "\n")
        var out: [Example] = []
        var i = 0
        while i < lines.count {
            let fence = lines[i].trimmingCharacters(in: .whitespaces)
            if fence == "```cmsh" || fence == "```cmsh-error" {
                let start = i + 1
                var body: [String] = []
                i += 1
                while i < lines.count && lines[i].trimmingCharacters(in: .whitespaces) != "```" { body.append(lines[i]); i += 1 }
                var expected: String?
                if fence == "```cmsh-error" {
                    var j = i + 1
                    while j < lines.count && lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
                    if j < lines.count, lines[j].hasPrefix("> `"), let open = lines[j].firstIndex(of: "`") {
                        let rest = lines[j][lines[j].index(after: open)...]
                        expected = rest.lastIndex(of: "`").map { String(rest[..<$0]) } ?? String(rest)
                    } else {
                        expected = ""
                    }
                }
                out.append(Example(code: body.joined(separator: "\n"), expectedError: expected, line: start))
            }
            i += 1
        }
        return out
    }()

    @Test func theDocumentHasExamples() {
        #expect(Self.examples.count >= 15)
        #expect(Self.examples.contains { $0.expectedError != nil })
    }

    @Test(arguments: examples)
    func exampleRuns(_ example: Example) throws {
        let message: String?
        do {
            let (outcome, _, _) = try TestSite.run(example.code)
            switch outcome {
            case .completed, .exited(0): message = nil
            case .exited(let code): message = "exit \(code)"
            case .failed(let d): message = d.message
            }
        } catch let errors as SyntaxErrors {
            message = errors.diagnostics.first?.message
        }
        if let expected = example.expectedError {
            #expect(message != nil, "\(example) should fail")
            #expect(message?.contains(expected) == true, "\(example): got \(message ?? "success")")
        } else {
            #expect(message == nil, "\(example): \(message ?? "")")
        }
    }
}
