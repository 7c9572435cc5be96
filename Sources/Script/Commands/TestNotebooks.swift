import ArgumentParser

/// `sftnb test NOTEBOOK...`: re-runs notebooks and compares outputs with the stored ones.
struct TestNotebooks: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Re-run notebooks and compare their outputs with the stored ones.")

    @Argument(help: "Notebooks to test.") var notebooks: [String]

    func run() throws {
        notImplementedYet("testing notebooks (issue 8)")
    }
}
