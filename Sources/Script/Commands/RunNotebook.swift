import ArgumentParser

/// `sftnb run NOTEBOOK`: executes a notebook headless and writes the outputs back.
struct RunNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a notebook's cells and store their outputs.")

    @Argument(help: "The notebook (.sftnb, .ipynb or percent-format .py).") var notebook: String

    func run() throws {
        notImplementedYet("running notebooks (issue 8)")
    }
}
