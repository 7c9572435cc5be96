import Engine
import Foundation
import Testing
@testable import Script

/// Notebook files read and written byte-identically to nbformat (fixtures by tools/gen_notebook_fixtures.py).
@Suite struct NotebookFileTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "ipynb", subdirectory: "Fixtures/notebooks"))
        return try Data(contentsOf: url)
    }

    @Test(arguments: ["tutorial", "empty", "parameters"])
    func roundTripIsByteIdentical(name: String) throws {
        let data = try Self.fixture(name)
        let notebook = try NotebookFile.decode(data: data, path: name)
        #expect(NotebookFile.encode(notebook) == String(decoding: data, as: UTF8.self))
    }

    @Test func decodesCellsAndOutputs() throws {
        let notebook = try NotebookFile.decode(data: try Self.fixture("tutorial"), path: "tutorial")
        #expect(notebook.cells.map(\.kind) == [.markdown, .code, .code, .code, .code, .raw])
        #expect(notebook.cells[1].source.hasPrefix("from datasets import load_dataset\n"))
        #expect(notebook.cells[1].outputs.first == .stream(name: "stdout", text: "読み込み 100%\r\nloaded 3 rows\n"))
        #expect(notebook.cells[2].tags == ["nbval-ignore-output"])
        #expect(notebook.cells[4].executionCount == nil)
    }

    @Test(arguments: [
        ("{\"cells\": [}", "not valid JSON: Expecting value at line 1, column 12"),
        ("[]", "a notebook is a JSON object, found array"),
        ("{\"cells\": []}", "missing field 'nbformat'"),
        ("{\"nbformat\": 3, \"cells\": []}", "nbformat 3 is not supported"),
        ("{\"nbformat\": 4}", "missing field 'cells'"),
        ("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\"}]}", "cell 1: missing field 'source'"),
        ("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"python\", \"source\": \"\"}]}", "cell 1: unknown cell_type 'python'"),
    ])
    func malformedNotebooksSayWhatIsWrong(text: String, message: String) {
        do {
            _ = try NotebookFile.decode(data: Data(text.utf8), path: "bad.sftnb")
            Issue.record("expected an error")
        } catch let error as NotebookError {
            #expect(error.description.hasPrefix("bad.sftnb: "))
            #expect(error.message.contains(message), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingIDsAreFilledDeterministically() throws {
        let text = "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"source\": \"x\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null}, {\"cell_type\": \"code\", \"source\": \"x\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null}]}"
        let a = try NotebookFile.decode(data: Data(text.utf8), path: "a")
        let b = try NotebookFile.decode(data: Data(text.utf8), path: "a")
        #expect(a.cells[0].id.count == 8)
        #expect(a.cells[0].id != a.cells[1].id)
        #expect(a.cells.map(\.id) == b.cells.map(\.id))
        #expect(a.nbformatMinor == 5)
    }

    @Test func writeIsAtomicAndLeavesNoTemporaryFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.sftnb").path
        let notebook = Notebook(cells: [Cell(id: "00000000", kind: .code, source: "print(1)\n")])
        try NotebookFile.write(notebook, to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["x.sftnb"])
        #expect(try NotebookFile.read(path: path) == notebook)
        #expect(throws: NotebookError.self) { try NotebookFile.write(notebook, to: dir.appendingPathComponent("no/such/dir.sftnb").path) }
    }

    @Test func percentFormatRoundTrips() {
        let script = """
            # %% [markdown]
            # # Quickstart
            #
            # Some *text*.

            # %% tags=["parameters"]
            steps = 10

            # %%
            print(steps)
            """
        let notebook = PercentFormat.parse(script)
        #expect(notebook.cells.map(\.kind) == [.markdown, .code, .code])
        #expect(notebook.cells[0].source == "# Quickstart\n\nSome *text*.")
        #expect(notebook.cells[1].tags == ["parameters"])
        #expect(notebook.cells[2].source == "print(steps)")
        #expect(PercentFormat.render(notebook) == script + "\n")
    }
}
