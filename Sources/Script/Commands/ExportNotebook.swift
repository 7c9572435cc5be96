import ArgumentParser

/// `sftnb export NOTEBOOK --to py|ipynb`.
struct ExportNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export a notebook as a Python script or a Jupyter notebook.")

    @Argument(help: "The notebook to export.") var notebook: String
    @Option(help: "py or ipynb.") var to: String

    func run() throws {
        notImplementedYet("exporting notebooks (issue 8)")
    }
}
