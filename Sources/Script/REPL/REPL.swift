import CReadline
import Foundation
import Interpreter

/// The interactive prompt: GNU readline with persistent history (multi-line entries kept
/// whole), tab completion of names, keywords and `obj.attr`, `>>>`/`...` prompts driven by
/// the parser's incomplete-input signal, IPython-style `%` magics, Ctrl-C to interrupt the
/// running code (or clear the line), Ctrl-D to leave.
final class REPL {
    let session: Session
    let history: ReplHistory
    private var entries: [String] = []
    private let magics: Magics

    init() {
        let figures = TerminalFigures()
        session = Session(argv: [""], output: StandardStreams.write, input: { REPL.readInput() }, display: figures.show)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()  // $HOME first, as Python's expanduser
        history = ReplHistory(path: (home as NSString).appendingPathComponent(".sftnb_history"))
        magics = Magics()
    }

    func run() {
        print("sftnb \(SftnbVersionString.value) — Python for supervised fine-tuning on a CPU. Ctrl-D to exit.")
        Completion.install(session: session)
        history.load()
        while let entry = readEntry() {
            let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            history.add(String(entry.reversed().drop { $0 == "\n" }.reversed()))
            if trimmed.hasPrefix("%") {
                magics.run(trimmed, repl: self)
            } else {
                execute(entry, name: "<stdin>")
            }
        }
        history.save()
        print()
    }

    /// Runs code as the REPL does: the value of a final expression is printed (and kept in `_`).
    @discardableResult
    func execute(_ code: String, name: String) -> RunResult {
        let result = Interrupts.forwarding(to: session) { session.runSource(code, name: name, displayLastExpression: true) }
        if let value = result.displayValue { print(value) }
        if result.succeeded { entries.append(code) }
        StandardStreams.flush()
        return result
    }

    /// The code entered so far that ran without error (for `%save`).
    var successfulEntries: [String] { entries }

    /// Reads one logical entry: more lines while the parser says the input is incomplete.
    private func readEntry() -> String? {
        var buffer = ""
        var prompt = ">>> "
        while true {
            ReadlineInterrupt.armed = true
            guard let line = readline(prompt) else {
                ReadlineInterrupt.armed = false
                return buffer.isEmpty ? nil : buffer  // Ctrl-D ends the entry, then the session
            }
            ReadlineInterrupt.armed = false
            let text = String(cString: line)
            free(line)
            if ReadlineInterrupt.consume() { buffer = ""; prompt = ">>> "; continue }
            buffer += text + "\n"  // the parser's REPL rule reads newline-terminated lines
            if buffer.trimmingCharacters(in: .whitespaces).hasPrefix("%") { return buffer }
            if !Parser.needsMoreInput(buffer) { return buffer }
            prompt = "... "
        }
    }

    /// `input()` inside REPL code: a plain line from readline, without history.
    static func readInput() -> String? {
        guard let line = readline("") else { return nil }
        defer { free(line) }
        return String(cString: line)
    }
}

/// Ctrl-C at the prompt clears the line (as Python's REPL prints KeyboardInterrupt and re-prompts).
enum ReadlineInterrupt {
    nonisolated(unsafe) static var armed = false
    nonisolated(unsafe) static var fired = false

    static func install() {
        signal(SIGINT) { _ in
            guard ReadlineInterrupt.armed else { return }
            ReadlineInterrupt.fired = true
            let message = "\nKeyboardInterrupt\n"
            _ = message.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
            rl_replace_line("", 0)
            rl_done = 1
        }
    }

    static func consume() -> Bool {
        defer { fired = false }
        return fired
    }
}
