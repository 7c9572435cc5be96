import Foundation
import Interpreter

/// Runs Python source in a fresh session with the process's stdout/stderr, Ctrl-C raising
/// `KeyboardInterrupt`; the exit status follows CPython (0, 1 on an uncaught exception or a
/// syntax error, the `sys.exit` code).
enum ScriptRunner {
    /// `path` nil: the source came from standard input (`<stdin>`, no `__file__`).
    static func run(source: String, path: String?, argv: [String]) -> Int32 {
        let figures = TerminalFigures()
        let session = Session(argv: argv, output: StandardStreams.write, input: { readLine(strippingNewline: false) },
                              display: figures.show)
        let result = Interrupts.forwarding(to: session) { path.map { session.runFile(source, path: $0) } ?? session.runSource(source, name: "<stdin>") }
        StandardStreams.flush()
        switch result.outcome {
        case .completed: return 0
        case .syntaxError, .exception: return 1
        case let .exit(code): return code
        }
    }
}

/// Unbuffered writes to the process's standard streams (the interpreter decides when lines end).
enum StandardStreams {
    static func write(_ text: String, _ stream: OutputStreamKind) {
        let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }

    static func flush() {
        fflush(stdout)
        fflush(stderr)
    }
}

/// SIGINT (Ctrl-C) → the running session's `KeyboardInterrupt`, for the duration of `body`.
enum Interrupts {
    nonisolated(unsafe) private static var current: Session?

    static func forwarding<T>(to session: Session, _ body: () -> T) -> T {
        current = session
        signal(SIGINT) { _ in Interrupts.current?.interrupt() }
        unblock()
        defer {
            signal(SIGINT, SIG_DFL)
            current = nil
        }
        return body()
    }

    /// A launcher may hand sftnb a blocked SIGINT (the signal mask survives exec); Ctrl-C must
    /// still reach it.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
