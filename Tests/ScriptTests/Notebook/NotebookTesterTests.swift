import Engine
import Testing
@testable import Script

@Suite struct NotebookTesterTests {
    func cell(_ n: Int, _ source: String, outputs: [Output], tags: [String] = []) -> Cell {
        var metadata = JSONObject()
        if !tags.isEmpty { metadata["tags"] = .array(tags.map(JSONValue.string)) }
        return Cell(id: String(format: "%08x", n), kind: .code, source: source, metadata: metadata, outputs: outputs, executionCount: n)
    }

    @Test func passesWhenOutputsMatchWithinTolerance() {
        let nb = Notebook(cells: [cell(1, "out loss 2.5001", outputs: [.stream(name: "stdout", text: "loss 2.5\n")])])
        let result = NotebookTester().test(nb, path: "a.sftnb", executor: ScriptedExecutor())
        #expect(result.reports.count == 1)
        #expect(result.reports[0].passed)
        #expect(!result.changed)
    }

    @Test func failsAndUpdatesOnlyChangedCells() {
        let nb = Notebook(cells: [
            cell(1, "out same", outputs: [.stream(name: "stdout", text: "same\n")]),
            cell(2, "out new text", outputs: [.stream(name: "stdout", text: "old text\n")]),
        ])
        let result = NotebookTester().test(nb, path: "a.sftnb", executor: ScriptedExecutor())
        #expect(result.reports.map(\.passed) == [true, false])
        #expect(result.changed)
        #expect(result.updated.cells[0] == nb.cells[0])
        #expect(result.updated.cells[1].outputs == [.stream(name: "stdout", text: "new text\n")])
        let text = NotebookTester.describe(result.reports[1], path: "a.sftnb")
        #expect(text.contains("FAILED a.sftnb: cell 2 (In [2])"))
        #expect(text.contains("-old text"))
        #expect(text.contains("+new text"))
    }

    @Test func honoursNbvalMarkers() {
        let nb = Notebook(cells: [
            cell(1, "# NBVAL_IGNORE_OUTPUT\nout anything", outputs: [.stream(name: "stdout", text: "other\n")]),
            cell(2, "# NBVAL_SKIP\nfail X y", outputs: []),
            cell(3, "fail ValueError boom", outputs: [.error(name: "ValueError", value: "boom", traceback: [])], tags: ["raises-exception"]),
            cell(4, "# NBVAL_RAISES_EXCEPTION\nout fine", outputs: [.stream(name: "stdout", text: "fine\n")]),
            cell(5, "out checked", outputs: [.stream(name: "stdout", text: "x\n")], tags: ["nbval-ignore-output", "nbval-check-output"]),
        ])
        let result = NotebookTester().test(nb, path: "m.sftnb", executor: ScriptedExecutor())
        #expect(result.reports.map(\.cellNumber) == [1, 3, 4, 5])
        #expect(result.reports.map(\.passed) == [true, true, false, false])
    }

    @Test func perCellToleranceOverride() {
        var c = cell(1, "out 1.10", outputs: [.stream(name: "stdout", text: "1.00\n")])
        #expect(!NotebookTester().test(Notebook(cells: [c]), path: "t", executor: ScriptedExecutor()).reports[0].passed)
        c.metadata["sftnb"] = .object(JSONObject([("rtol", .double(0.2))]))
        #expect(NotebookTester().test(Notebook(cells: [c]), path: "t", executor: ScriptedExecutor()).reports[0].passed)
    }
}
