import Foundation
import Interpreter

/// Shows a running notebook's output as it happens. On a terminal, text passes straight
/// through so progress bars redraw in place with `\r`; in a log (not a terminal) each line
/// is printed once, in its final state, so logs stay clean.
final class LiveDisplay {
    let isTerminal: Bool
    /// `--log-output`: echo cell outputs (always on for a terminal).
    let echoOutputs: Bool
    private let write: (String) -> Void
    private var pending: [String: String] = [:]

    init(isTerminal: Bool = isatty(STDOUT_FILENO) != 0, echoOutputs: Bool = true,
         write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.isTerminal = isTerminal
        self.echoOutputs = echoOutputs || isTerminal
        self.write = write
    }

    func cellStarted(number: Int, executionCount: Int, source: String) {
        flushPending()
        guard echoOutputs else { return }
        let firstLine = source.split(separator: "\n").first.map(String.init) ?? ""
        let header = "In [\(executionCount)] (cell \(number)): \(firstLine.prefix(60))"
        write(isTerminal ? "\u{1B}[1m\(header)\u{1B}[0m\n" : header + "\n")
    }

    func show(_ event: OutputEvent) {
        guard echoOutputs else { return }
        switch event {
        case let .stream(name, text):
            if isTerminal {
                write(text)
            } else {
                var buffer = (pending[name] ?? "") + text
                while let newline = buffer.firstIndex(of: "\n") {
                    write(OutputCollector.collapseCarriageReturns(String(buffer[...newline])))
                    buffer = String(buffer[buffer.index(after: newline)...])
                }
                pending[name] = buffer
            }
        case let .result(bundle), let .display(bundle):
            flushPending()
            if let text = bundle["text/plain"]?.stringValue { write(text + "\n") }
        }
    }

    /// A plot drawn in braille before its text line, on a terminal only (logs get the text).
    func showFigure(_ figure: PlotFigure) {
        guard isTerminal && echoOutputs else { return }
        flushPending()
        var drawing = BrailleFigure()
        drawing.columns = max(20, min(TerminalFigures.terminalWidth() - 14, 72))
        let environment = ProcessInfo.processInfo.environment
        drawing.color = environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        write(drawing.render(figure))
    }

    /// `NOTEBOOK: cell N (In [K]), line L: ErrorType: message`, the source line and a caret.
    func cellFailed(path: String, _ failure: NotebookRunner.Failure) {
        flushPending()
        var message = "\(path): cell \(failure.cellNumber) (In [\(failure.executionCount)])"
        if let line = failure.failure.line { message += ", line \(line)" }
        message += ": \(failure.failure.name): \(failure.failure.value)\n"
        if !failure.sourceLine.isEmpty {
            message += "    \(failure.sourceLine)\n"
            let column = max(1, failure.failure.column ?? (failure.sourceLine.prefix { $0 == " " }.count + 1))
            message += "    " + String(repeating: " ", count: column - 1) + "^\n"
        }
        FileHandle.standardError.write(Data(message.utf8))
    }

    /// `--keep-going`: one line per failed cell, then the count.
    func summary(path: String, failures: [NotebookRunner.Failure]) {
        var text = "\(path): \(failures.count) cell\(failures.count == 1 ? "" : "s") failed:\n"
        for f in failures {
            text += "  cell \(f.cellNumber) (In [\(f.executionCount)])\(f.failure.line.map { ", line \($0)" } ?? ""): \(f.failure.name): \(f.failure.value)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func flushPending() {
        for (name, text) in pending where !text.isEmpty {
            write(OutputCollector.collapseCarriageReturns(text) + "\n")
            pending[name] = ""
        }
    }
}
