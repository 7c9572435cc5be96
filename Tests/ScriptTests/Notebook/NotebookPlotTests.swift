import Engine
import Foundation
import Testing
@testable import Script

/// Plots in a notebook run through the real interpreter: `plt.show()` and figures a cell
/// leaves open become `display_data` outputs (PNG, SVG, text/plain), after the cell's result,
/// as Jupyter's inline backend stores them.
@Suite struct NotebookPlotTests {
    func run(_ sources: [String]) throws -> Notebook {
        let cells = sources.enumerated().map { Cell(id: "cell\($0.offset)", kind: .code, source: $0.element) }
        let runner = try NotebookRunner(notebook: Notebook(cells: cells), path: "plots.sftnb", executor: InterpreterCellExecutor(),
                                        display: LiveDisplay(isTerminal: false, echoOutputs: false) { _ in }) { _ in }
        #expect(try runner.run())
        return runner.notebook
    }

    @Test func showAndOpenFiguresBecomeDisplayData() throws {
        let notebook = try run([
            "import matplotlib.pyplot as plt\nprint('before')\nplt.plot([1, 2, 3])\nplt.show()\nprint('after')",
            "plt.plot([3, 2, 1])",
            "print(plt.get_fignums())",
        ])
        let first = notebook.cells[0].outputs
        #expect(first.count == 3)
        #expect(first.first == .stream(name: "stdout", text: "before\n"))
        #expect(first.last == .stream(name: "stdout", text: "after\n"))
        guard case let .displayData(data, metadata)? = first.dropFirst().first else {
            Issue.record("expected display_data, got \(first)")
            return
        }
        #expect(data.entries.map(\.mime) == ["image/png", "image/svg+xml", "text/plain"])
        #expect(data["text/plain"] == .string("<Figure size 640x480 with 1 Axes>"))
        #expect(data["image/png"]?.stringValue.flatMap { Data(base64Encoded: $0) }?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)
        #expect(data["image/svg+xml"]?.stringValue?.contains("<svg") == true)
        #expect(metadata == JSONObject())

        let second = notebook.cells[1].outputs
        guard second.count == 2, case let .executeResult(result, _, _) = second[0], case let .displayData(figure, _) = second[1] else {
            Issue.record("expected a result then the open figure, got \(second)")
            return
        }
        #expect(result["text/plain"]?.stringValue?.hasPrefix("[<matplotlib.lines.Line2D object at 0x") == true)
        #expect(figure["text/plain"] == .string("<Figure size 640x480 with 1 Axes>"))
        #expect(notebook.cells[2].outputs == [.stream(name: "stdout", text: "[]\n")])  // shown figures are closed
    }

    @Test func matplotlibInlineMagicIsAccepted() throws {
        let notebook = try run(["%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.plot([1, 2]);"])
        #expect(notebook.cells[0].outputs.count == 1)
        #expect(InterpreterCellExecutor.matplotlibMagicRemoved("x = 1\n  %matplotlib widget\ny")
                    == "x = 1\nraise NotImplementedError(\"sftnb shows figures inline only: %matplotlib widget is not supported\")\ny")
    }

    @Test func displayDataIsWrittenInNbformatsShape() throws {
        let notebook = try run(["import matplotlib.pyplot as plt\nplt.bar(['a', 'b'], [1, 2])\nplt.show()"])
        let json = NotebookFile.encode(notebook)
        #expect(json.contains("\"output_type\": \"display_data\""))
        #expect(json.contains("\"image/png\": \"iVBORw0KGgo"))  // base64 of the PNG signature, one string
        #expect(json.contains("\"image/svg+xml\": [\n"))         // multi-line text, split into lines
        let reread = try NotebookFile.decode(data: Data(json.utf8), path: "plots.sftnb")
        #expect(reread.cells[0].outputs == notebook.cells[0].outputs)
    }
}
