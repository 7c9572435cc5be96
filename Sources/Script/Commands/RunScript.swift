import ArgumentParser
import Foundation

/// `sftnb FILE.py [ARGS...]`: runs a Python script; `sys.argv` is `[FILE, ARGS...]`.
struct RunScript: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script", abstract: "Run a Python script (also: sftnb FILE.py [ARGS...]).")

    @Argument(help: "The script to run.") var file: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script as sys.argv[1:].")
    var scriptArguments: [String] = []

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("can't open file '\(file)': [Errno 2] No such file or directory")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(file): the file is not valid UTF-8 (save it as UTF-8)")
        }
        let status = ScriptRunner.run(source: source, path: file, argv: [file] + scriptArguments)
        if status != 0 { throw ExitCode(status) }
    }
}
