import Foundation
import Testing
import Engine
@testable import Interpreter

/// Whole tracebacks — frames, quoted lines, CPython 3.11's caret lines, chained exceptions —
/// against what CPython prints (scripts/tracebacks.json, from tools/gen_traceback_goldens.py).
@Suite struct TracebackCaretsTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var name: String, source: String, stdout: String, stderr: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("scripts/tracebacks.json"),
              let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    @Test func casesArePresent() {
        #expect(Self.cases.count >= 50)
    }

    @Test(arguments: cases)
    func matchesCPython(_ c: Case) {
        let output = OutputCollector()
        let session = Session(argv: ["case.py"], output: output.append, input: { nil })
        _ = session.runSource(c.source, name: "case.py")
        #expect(output.text(.stdout) == c.stdout)
        let stderr = output.text(.stderr)
        #expect(stderr == c.stderr, "\(c.name)\n\(GoldenDiff.describe(expected: c.stderr, actual: stderr))")
    }

    /// Carets count terminal columns: a wide character before the expression shifts them by two.
    @Test func wideCharactersTakeTwoColumns() {
        // `y(1)` in `x = "日本" + y(1)`: 11 characters before it, 13 columns.
        let caret = CaretLocation(span: SourceSpan(line: 1, column: 12, endLine: 1, endColumn: 16))
        #expect(caret.caretLine(under: "x = \"日本\" + y(1)") == "    " + String(repeating: " ", count: 13) + "^^^^")
        #expect(UnicodeWidth.columns("a") == 1 && UnicodeWidth.columns("日") == 2 && UnicodeWidth.columns("🙂") == 2)
    }

    /// No carets when the expression is the whole (stripped) line and has no anchors.
    @Test func wholeLineWithoutAnchorsHasNoCarets() {
        let caret = CaretLocation(span: SourceSpan(line: 1, column: 5, endLine: 1, endColumn: 11))
        #expect(caret.caretLine(under: "    len(5)  ") == nil)
        #expect(caret.caretLine(under: "    len(5) + 1") == "    ^^^^^^")
    }
}
