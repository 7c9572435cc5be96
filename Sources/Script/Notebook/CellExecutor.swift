import Engine

/// What the notebook runner needs from the language: run one cell's code in a session that
/// persists across cells, report its outputs as they happen, and say how it ended.
/// The interpreter's `Session` sits behind this (see `InterpreterCellExecutor`); tests use fakes.
protocol CellExecutor: AnyObject {
    /// Runs `code`, named `sourceName` in diagnostics (`notebooks/x.sftnb: cell 3`).
    func execute(_ code: String, sourceName: String, emit: @escaping (OutputEvent) -> Void) -> CellOutcome
    /// Asks the running code to stop (Ctrl-C, timeout): it raises KeyboardInterrupt.
    func interrupt()
}

/// One piece of output, in the order the code produced it.
enum OutputEvent: Equatable {
    case stream(name: String, text: String)
    /// The repr of the cell's last expression (an `execute_result`).
    case result(MimeBundle)
    /// A rich display such as a plot (a `display_data`).
    case display(MimeBundle)
}

enum CellOutcome: Equatable {
    case success
    case failure(CellFailure)
}

/// An uncaught exception or a syntax error in a cell, with where it happened.
struct CellFailure: Equatable {
    var name: String
    var value: String
    /// The lines Jupyter shows (a Python-style traceback).
    var traceback: [String]
    /// Position inside the cell (1-based), when known.
    var line: Int?
    var column: Int?
}
