import Testing
@testable import Interpreter

/// Deeply nested input must give a SyntaxError (CPython's limits), never a stack overflow,
/// and long flat chains (which the parser handles with loops) must still parse.
@Suite struct NestingLimitTests {
    func parseError(_ text: String) -> SyntaxError? {
        do {
            _ = try Parser.parse(SourceFile(name: "t.py", text: text))
            return nil
        } catch {
            return error as? SyntaxError
        }
    }

    @Test func bracketsUpToCPythonsLimit() throws {
        let ok = "x = " + String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(parseError(ok) == nil)
        let mixed = "x = " + String(repeating: "[{(", count: 66) + "1" + String(repeating: ")}]", count: 66)
        #expect(parseError(mixed)?.message == "':' expected after dictionary key" || parseError(mixed) == nil)
        let tooDeep = "x = " + String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201)
        let e = try #require(parseError(tooDeep))
        #expect(e.message == "too many nested parentheses" && e.span.column == 205)
    }

    @Test func deepRecursionWithoutBracketsIsAnError() throws {
        let lambdas = "f = " + String(repeating: "lambda: ", count: 5000) + "0"
        #expect(parseError(lambdas)?.message == "too many nested parentheses")
        let powers = "x = " + Array(repeating: "2", count: 5000).joined(separator: "**")
        #expect(parseError(powers)?.message == "too many nested parentheses")
        let conditionals = "x = " + String(repeating: "a if b else ", count: 5000) + "c"
        #expect(parseError(conditionals)?.message == "too many nested parentheses")
    }

    @Test func longChainsParseUpToTheTreeDepthLimit() {
        #expect(parseError("x = " + String(repeating: "-", count: 990) + "1") == nil)
        #expect(parseError("x = " + String(repeating: "not ", count: 990) + "1") == nil)
        #expect(parseError("x = " + Array(repeating: "a", count: 990).joined(separator: " + ")) == nil)
        #expect(parseError("x = a" + String(repeating: ".b", count: 990)) == nil)
        #expect(parseError("x = [" + String(repeating: "1, ", count: 10_000) + "]") == nil)
        #expect(parseError("x = " + Array(repeating: "'s'", count: 10_000).joined(separator: " ")) == nil)
        let nested = "x = " + String(repeating: "[", count: 199) + String(repeating: "-", count: 990) + "1"
            + String(repeating: "]", count: 199)
        #expect(parseError(nested) == nil)
    }

    @Test func chainsTooDeepAreAnError() {
        let message = "maximum recursion depth exceeded during compilation"
        #expect(parseError("x = " + String(repeating: "-", count: 3_000) + "1")?.message == message)
        #expect(parseError("x = " + String(repeating: "not ", count: 3_000) + "1")?.message == message)
        #expect(parseError("x = " + Array(repeating: "a", count: 3_000).joined(separator: " + "))?.message == message)
        #expect(parseError("x = a" + String(repeating: ".b", count: 3_000))?.message == message)
        #expect(parseError("x = f" + String(repeating: "()", count: 3_000))?.message == message)
    }

    @Test func indentationLimit() throws {
        func nested(_ n: Int) -> String {
            (0..<n).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: n) + "pass\n"
        }
        #expect(parseError(nested(99)) == nil)
        let e = try #require(parseError(nested(100)))
        #expect(e.kind == .indentationError && e.message == "too many levels of indentation" && e.span.line == 101)
    }
}
