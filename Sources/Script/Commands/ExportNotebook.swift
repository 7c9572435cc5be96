import ArgumentParser
import Engine
import Foundation

/// `sftnb export NOTEBOOK --to py|ipynb [-o OUT]`: the route from sftnb to real Python.
/// `py` writes the cells as a percent-format script CPython runs with the real libraries
/// (markdown as comments); `ipynb` writes the notebook with a Python 3 kernelspec for Jupyter.
struct ExportNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a notebook as a Python script or a Jupyter notebook.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case py, ipynb }

    @Argument(help: "The notebook to export (.sftnb, .ipynb or percent-format .py).") var notebook: String
    @Option(help: "The format: py or ipynb.") var to: Format
    @Option(name: .shortAndLong, help: "Where to write (default: next to the notebook, with the new extension).")
    var output: String?

    func run() throws {
        let source: Notebook
        do {
            source = try NotebookFile.read(path: notebook)
        } catch let error as NotebookError {
            throw CommandFailure(error.description)
        }
        let target = output ?? Self.defaultOutput(for: notebook, format: to)
        guard URL(fileURLWithPath: target).standardizedFileURL != URL(fileURLWithPath: notebook).standardizedFileURL else {
            throw CommandFailure("refusing to overwrite the notebook itself; pass -o OUT")
        }
        do {
            switch to {
            case .py: try AtomicFile.write(Self.pythonScript(source), to: target)
            case .ipynb: try NotebookFile.write(Self.jupyterNotebook(source), to: target)
            }
        } catch {
            throw CommandFailure("\(error)")
        }
        print("wrote \(target)")
    }

    static func defaultOutput(for path: String, format: Format) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingPathExtension().appendingPathExtension(format.rawValue).relativePath
    }

    /// Percent format; IPython magics (`%time`, `!pip`) become comments since CPython cannot run them.
    static func pythonScript(_ notebook: Notebook) -> String {
        var copy = notebook
        for i in copy.cells.indices where copy.cells[i].kind == .code {
            copy.cells[i].source = copy.cells[i].source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let trimmed = line.drop { $0 == " " }
                return trimmed.hasPrefix("%") || trimmed.hasPrefix("!") ? "# (IPython magic, not run by CPython) " + line : String(line)
            }.joined(separator: "\n")
        }
        return PercentFormat.render(copy)
    }

    static func jupyterNotebook(_ notebook: Notebook) -> Notebook {
        var copy = notebook
        copy.metadata["kernelspec"] = .object(JSONObject([("display_name", .string("Python 3")), ("language", .string("python")),
                                                         ("name", .string("python3"))]))
        copy.metadata["language_info"] = .object(JSONObject([("name", .string("python"))]))
        return copy
    }
}
