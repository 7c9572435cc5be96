import ArgumentParser
import Foundation

/// `sftnb run NOTEBOOK [-o OUT | --inplace] [-p NAME VALUE]... [--keep-going] [--timeout S] [--log-output]`:
/// executes the cells headless in one session and writes the outputs back, after every cell.
struct RunNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a notebook's cells and store their outputs.")

    @Argument(help: "The notebook (.sftnb, .ipynb or percent-format .py).") var notebook: String
    @Option(name: .shortAndLong, help: "Write the executed notebook here instead of over the input.") var output: String?
    @Flag(help: "Write the outputs back into NOTEBOOK (the default unless -o is given).") var inplace = false
    @Option(name: .customShort("p"), parsing: .upToNextOption, help: "A parameter: -p NAME VALUE (papermill's).")
    var parameter: [String] = []
    @Flag(help: "Run every cell even after a failure, then fail with a per-cell summary.") var keepGoing = false
    @Option(help: "Seconds a cell may run before it is interrupted.") var timeout: Double?
    @Flag(help: "Echo cell outputs even when standard output is not a terminal.") var logOutput = false

    func validate() throws {
        if output != nil && inplace { throw ValidationError("use either -o OUT or --inplace, not both") }
        if parameter.count % 2 != 0 { throw ValidationError("-p takes a NAME and a VALUE") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let source: Notebook
        do { source = try NotebookFile.read(path: notebook) } catch let e as NotebookError { throw CommandFailure(e.description) }
        var target = output ?? notebook
        if output == nil && notebook.hasSuffix(".py") {
            target = String(notebook.dropLast(3)) + ".sftnb"  // never overwrite a script with JSON
        }
        var options = NotebookRunner.Options()
        options.keepGoing = keepGoing
        options.timeout = timeout
        options.parameters = stride(from: 0, to: parameter.count, by: 2).map { (parameter[$0], parameter[$0 + 1]) }
        let runner: NotebookRunner
        do {
            runner = try NotebookRunner(notebook: source, path: notebook, executor: InterpreterCellExecutor(), options: options,
                                        display: LiveDisplay(echoOutputs: logOutput)) { try NotebookFile.write($0, to: target) }
        } catch let e as NotebookError { throw CommandFailure(e.description) }
        let ok: Bool
        do { ok = try runner.run() } catch let e as NotebookError { throw CommandFailure(e.description) }
        if !ok { throw ExitCode(1) }
    }
}
