import Foundation
import Testing
@testable import Interpreter

/// Holds the parser's errors to CPython 3.11's: message, class, line and column for every
/// snippet of `scripts/syntax_errors.json` (made by `tools/gen_syntax_error_cases.py`).
@Suite struct SyntaxErrorFixtureTests {
    struct Case: Decodable {
        var source: String
        var kind: String
        var message: String?
        var line: Int?
        var column: Int?
        var checkColumn: Bool
        var messagePrefixOnly: Bool?
    }

    static func loadCases() throws -> [Case] {
        let url = try #require(Bundle.module.url(forResource: "syntax_errors", withExtension: "json",
                                                 subdirectory: "scripts"))
        return try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
    }

    /// What sftnb gives for one case, in the fixture's terms (for a readable failure message).
    static func outcome(_ c: Case) -> String {
        do {
            _ = try Parser.parse(SourceFile(name: "x.py", text: c.source))
            return "OK"
        } catch let e as SyntaxError {
            var message = e.message
            if c.messagePrefixOnly == true, let expected = c.message, message.hasPrefix(expected) { message = expected }
            let column = c.checkColumn ? " col \(e.span.column)" : ""
            return "\(e.kind.rawValue): \(message) @ line \(e.span.line)\(column)"
        } catch {
            return "unexpected error \(error)"
        }
    }

    static func expected(_ c: Case) -> String {
        if c.kind == "OK" { return "OK" }
        let column = c.checkColumn ? " col \(c.column ?? 0)" : ""
        return "\(c.kind): \(c.message ?? "") @ line \(c.line ?? 0)\(column)"
    }

    @Test func matchesCPython() throws {
        let cases = try Self.loadCases()
        #expect(cases.count > 200)
        var failures: [String] = []
        for c in cases {
            let got = Self.outcome(c), want = Self.expected(c)
            if got != want { failures.append("\(c.source.debugDescription)\n   want \(want)\n   got  \(got)") }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) of \(cases.count) differ:\n" + failures.joined(separator: "\n")))
    }
}
