import ArgumentParser

/// `sftnb FILE.py [ARGS...]`: runs a Python script; `sys.argv` is `[FILE, ARGS...]`.
struct RunScript: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script", abstract: "Run a Python script (also: sftnb FILE.py [ARGS...]).")

    @Argument(help: "The script to run.") var file: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script as sys.argv[1:].")
    var scriptArguments: [String] = []

    func run() throws {
        notImplementedYet("running scripts (the interpreter, issue 3)")
    }
}
