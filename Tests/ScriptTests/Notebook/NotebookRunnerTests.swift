import Engine
import Foundation
import Testing
@testable import Script

/// A stand-in for the interpreter: each line of a cell is `out TEXT`, `err TEXT`, `value TEXT`,
/// `fail NAME MESSAGE` or `sleep`; `sleep` waits until interrupted.
final class ScriptedExecutor: CellExecutor {
    var ran: [String] = []
    private let interrupted = DispatchSemaphore(value: 0)

    func execute(_ code: String, sourceName: String, emit: @escaping (OutputEvent) -> Void) -> CellOutcome {
        ran.append(sourceName)
        for (n, line) in code.split(separator: "\n").enumerated() {
            let words = line.split(separator: " ", maxSplits: 2).map(String.init)
            switch words.first {
            case "out": emit(.stream(name: "stdout", text: (words.dropFirst().joined(separator: " ")) + "\n"))
            case "err": emit(.stream(name: "stderr", text: (words.dropFirst().joined(separator: " ")) + "\n"))
            case "value": emit(.result(MimeBundle([("text/plain", .string(words.dropFirst().joined(separator: " ")))])))
            case "fail":
                return .failure(CellFailure(name: words[1], value: words.count > 2 ? words[2] : "", traceback: ["tb"], line: n + 1, column: 1))
            case "sleep":
                interrupted.wait()
                return .failure(CellFailure(name: "KeyboardInterrupt", value: "", traceback: [], line: n + 1, column: 1))
            default: break
            }
        }
        return .success
    }

    func interrupt() { interrupted.signal() }
}

@Suite struct NotebookRunnerTests {
    func cell(_ source: String, tags: [String] = [], kind: Cell.Kind = .code) -> Cell {
        var metadata = JSONObject()
        if !tags.isEmpty { metadata["tags"] = .array(tags.map(JSONValue.string)) }
        return Cell(id: String(format: "%08x", abs(source.hashValue) % 0xFFFFFFF), kind: kind, source: source, metadata: metadata)
    }

    func run(_ cells: [Cell], options: NotebookRunner.Options = .init()) throws -> (NotebookRunner, Bool, Int, ScriptedExecutor) {
        let executor = ScriptedExecutor()
        var saves = 0
        let runner = try NotebookRunner(notebook: Notebook(cells: cells), path: "t.sftnb", executor: executor,
                                        options: options, display: LiveDisplay(isTerminal: false, echoOutputs: false) { _ in }) { _ in saves += 1 }
        let ok = try runner.run()
        return (runner, ok, saves, executor)
    }

    @Test func storesOutputsAndCountsAsJupyter() throws {
        let (runner, ok, saves, _) = try run([cell("# Title", kind: .markdown), cell("out a\nout b\nvalue 42"), cell("err warn")])
        #expect(ok)
        let cells = runner.notebook.cells
        #expect(cells[1].executionCount == 1)
        #expect(cells[1].outputs == [.stream(name: "stdout", text: "a\nb\n"),
                                     .executeResult(data: MimeBundle([("text/plain", .string("42"))]), metadata: JSONObject(), executionCount: 1)])
        #expect(cells[2].outputs == [.stream(name: "stderr", text: "warn\n")])
        #expect(cells[2].metadata["execution"]?["shell.execute_reply"]?.stringValue?.hasSuffix("Z") == true)
        #expect(saves == 3)  // at the start and after each code cell
    }

    @Test func stopsAtTheFirstErrorUnlessKeepGoing() throws {
        let cells = [cell("out 1"), cell("fail ValueError bad value"), cell("out 3")]
        let (stopped, ok, _, executor) = try run(cells)
        #expect(!ok)
        #expect(executor.ran.count == 2)
        #expect(stopped.notebook.cells[1].outputs.last == .error(name: "ValueError", value: "bad value", traceback: ["tb"]))
        #expect(stopped.failures.first?.cellNumber == 2)
        let (going, ok2, _, executor2) = try run(cells, options: .init(keepGoing: true))
        #expect(!ok2)
        #expect(executor2.ran.count == 3)
        #expect(going.failures.count == 1)
    }

    @Test func honoursSkipExecutionAndRaisesException() throws {
        let (runner, ok, _, executor) = try run([cell("out no", tags: ["skip-execution"]), cell("fail KeyError 'x'", tags: ["raises-exception"]), cell("out yes")])
        #expect(ok)
        #expect(executor.ran == ["t.sftnb: cell 2", "t.sftnb: cell 3"])
        #expect(runner.notebook.cells[0].outputs.isEmpty)
        #expect(runner.notebook.cells[1].outputs.count == 1)
    }

    @Test func injectsParametersAfterTheParametersCell() throws {
        var options = NotebookRunner.Options()
        options.parameters = [("steps", "20"), ("name", "tiny model"), ("lr", "1e-3"), ("flag", "True")]
        let (runner, _, _, _) = try run([cell("steps = 10\nname = 'x'\nlr: float = 2e-5\nflag = False", tags: ["parameters"]), cell("out go")], options: options)
        let injected = runner.notebook.cells[1]
        #expect(injected.tags == ["injected-parameters"])
        #expect(injected.source == "# Parameters\nsteps = 20\nname = \"tiny model\"\nlr = 1e-3\nflag = True\n")
        options.parameters = [("stpes", "20")]
        #expect(throws: NotebookError.self) { try run([cell("steps = 10", tags: ["parameters"])], options: options) }
        #expect(throws: NotebookError.self) { try run([cell("steps = 10")], options: options) }
    }

    @Test func timeoutInterruptsTheCell() throws {
        var options = NotebookRunner.Options()
        options.timeout = 0.2
        let (runner, ok, _, _) = try run([cell("out start\nsleep")], options: options)
        #expect(!ok)
        guard case let .error(name, value, _)? = runner.notebook.cells[0].outputs.last else {
            Issue.record("expected an error output"); return
        }
        #expect(name == "TimeoutError")
        #expect(value.contains("--timeout"))
    }

    @Test func progressBarsKeepOnlyTheirFinalState() {
        #expect(OutputCollector.collapseCarriageReturns("10%\r50%\r100%\ndone\n") == "100%\ndone\n")
        #expect(OutputCollector.collapseCarriageReturns("a\r\nb\r\n") == "a\r\nb\r\n")
        var lines: [String] = []
        let display = LiveDisplay(isTerminal: false, echoOutputs: true) { lines.append($0) }
        display.show(.stream(name: "stdout", text: "step 1\r"))
        display.show(.stream(name: "stdout", text: "step 2\rstep 3\nnext\n"))
        #expect(lines == ["step 3\n", "next\n"])
    }
}
