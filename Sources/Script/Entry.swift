import ArgumentParser
import Foundation

/// `sftnb` — the CLI. `sftnb` alone opens the REPL, `sftnb FILE.py [args]` runs a
/// script, and the rest are subcommands, one file each under `Commands/`.
@main
enum Entry {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-"), !Sftnb.subcommandNames.contains(first) {
            // `sftnb FILE.py [args]`: everything after the file belongs to the script.
            arguments = ["script", "--"] + arguments
        }
        do {
            var command = try Sftnb.parseAsRoot(arguments.isEmpty ? ["repl"] : arguments)
            try command.run()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("sftnb: \(failure.message)\n".utf8))
            exit(1)
        } catch {
            Sftnb.exit(withError: error)
        }
    }
}

struct Sftnb: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sftnb",
        abstract: "Supervised fine-tuning of language models on a CPU, in the Python you know from TRL.",
        discussion: """
            sftnb                     open the REPL
            sftnb FILE.py [ARGS...]   run a script (exit status 1 on an uncaught exception)
            """,
        version: "sftnb \(SftnbVersionString.value)",
        subcommands: [RunScript.self, REPLCommand.self, RunNotebook.self, TestNotebooks.self,
                      ExportNotebook.self, Bench.self]
    )

    static var subcommandNames: Set<String> {
        Set(configuration.subcommands.map { $0._commandName } + ["help"])
    }
}

/// A command that cannot do what was asked: `sftnb: MESSAGE` on stderr, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Exits with status 2 and the message `not implemented yet: <what>`.
func notImplementedYet(_ what: String) -> Never {
    FileHandle.standardError.write(Data("sftnb: not implemented yet: \(what)\n".utf8))
    exit(2)
}
