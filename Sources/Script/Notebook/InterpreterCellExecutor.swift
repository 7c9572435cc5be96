import Engine
import Interpreter

/// Runs notebook cells in one interpreter `Session`: printed text becomes stream outputs,
/// the value of a cell's last expression its `execute_result`, and an uncaught exception
/// (or a syntax error) the cell's failure with the position inside the cell. Plots become
/// `display_data` outputs (PNG, SVG and text), from `plt.show()` or — as Jupyter's inline
/// backend does — for every figure a cell leaves open, after its result.
///
/// The session prints an uncaught exception's traceback to stderr, as a script run should;
/// in a notebook the traceback belongs in the `error` output instead, so the last stderr
/// write is held back until the next output and dropped when the cell failed.
final class InterpreterCellExecutor: CellExecutor {
    private var emit: ((OutputEvent) -> Void)?
    private var heldStderr: String?
    /// Also told of each figure shown (the live display draws it on a terminal).
    var figureEcho: ((PlotFigure) -> Void)?
    private(set) lazy var session = Session(argv: [""], output: { [weak self] text, stream in
        guard let self else { return }
        self.releaseHeldStderr()
        if stream == .stderr { self.heldStderr = text } else { self.emit?(.stream(name: "stdout", text: text)) }
    }, display: { [weak self] shown in
        guard let self else { return }
        self.releaseHeldStderr()
        if let figure = shown.figure { self.figureEcho?(figure) }
        self.emit?(.display(Self.bundle(shown)))
    })

    /// A display as Jupyter stores it: every representation, then `text/plain`.
    static func bundle(_ shown: RichDisplay) -> MimeBundle {
        var entries: [(String, JSONValue)] = []
        for mime in shown.mimeTypes {
            if let data = shown.data(mime) { entries.append((mime, .string(data))) }
        }
        entries.append(("text/plain", .string(shown.plainText)))
        return MimeBundle(entries)
    }

    private func releaseHeldStderr() {
        if let held = heldStderr { emit?(.stream(name: "stderr", text: held)) }
        heldStderr = nil
    }

    func execute(_ code: String, sourceName: String, emit: @escaping (OutputEvent) -> Void) -> CellOutcome {
        self.emit = emit
        defer { self.emit = nil }
        let code = Self.matplotlibMagicRemoved(code)
        let showResult = !Self.endsWithSemicolon(code)
        let result = Interrupts.forwarding(to: session) {
            session.runSource(code, name: sourceName, displayLastExpression: showResult)
        }
        if result.succeeded { releaseHeldStderr() } else { heldStderr = nil }
        if case .completed = result.outcome, let value = result.displayValue {
            emit(.result(MimeBundle([("text/plain", .string(value))])))
        }
        session.flushPendingDisplays()
        switch result.outcome {
        case .completed:
            return .success
        case let .syntaxError(error):
            return .failure(CellFailure(name: error.kind.rawValue, value: error.message,
                                        traceback: error.description.split(separator: "\n").map(String.init),
                                        line: error.span.line, column: error.span.column))
        case let .exception(type, message, traceback):
            var lines = ["Traceback (most recent call last):"]
            for entry in traceback {
                lines.append("  File \"\(entry.file)\", line \(entry.line), in \(entry.function)")
                if !entry.sourceLine.isEmpty { lines.append("    " + entry.sourceLine) }
            }
            lines.append(message.isEmpty ? type : "\(type): \(message)")
            let inCell = traceback.last { $0.file == sourceName }
            return .failure(CellFailure(name: type, value: message, traceback: lines,
                                        line: inCell?.line, column: inCell.map { $0.span.column }))
        case let .exit(code):
            if code == 0 { return .success }
            return .failure(CellFailure(name: "SystemExit", value: String(code), traceback: ["SystemExit: \(code)"],
                                        line: nil, column: nil))
        }
    }

    /// IPython's rule: a cell whose last line ends with `;` (`plt.plot(x);`) shows no result.
    static func endsWithSemicolon(_ code: String) -> Bool {
        let last = code.split(separator: "\n").last { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && !t.hasPrefix("#")
        }
        return last.map { $0.trimmingCharacters(in: .whitespaces).hasSuffix(";") } ?? false
    }

    /// `%matplotlib inline` (in so many tutorial notebooks) asks for what sftnb always does, so
    /// the line becomes blank (line numbers stay); any other backend raises NotImplementedError.
    static func matplotlibMagicRemoved(_ code: String) -> String {
        guard code.contains("%matplotlib") else { return code }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("%matplotlib") else { return String(line) }
            let backend = trimmed.dropFirst("%matplotlib".count).trimmingCharacters(in: .whitespaces)
            if backend.isEmpty || backend == "inline" { return "" }
            return "raise NotImplementedError(\"sftnb shows figures inline only: %matplotlib \(backend) is not supported\")"
        }
        return lines.joined(separator: "\n")
    }

    func interrupt() {
        session.interrupt()
    }
}
