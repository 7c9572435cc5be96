import ArgumentParser
import Foundation

/// `sftnb` with no arguments: the interactive prompt; with piped standard input, the input
/// runs as a script without prompts (as `python3 < file.py` does).
struct REPLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "Open the interactive REPL (the default).")

    func run() throws {
        if isatty(STDIN_FILENO) == 0 {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let status = ScriptRunner.run(source: String(decoding: data, as: UTF8.self), path: nil, argv: [""])
            if status != 0 { throw ExitCode(status) }
            return
        }
        REPL().run()
    }
}
