import ArgumentParser

/// `sftnb` with no arguments: the interactive prompt.
struct REPLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "Open the interactive REPL (the default).")

    func run() throws {
        notImplementedYet("the REPL (issue 8)")
    }
}
