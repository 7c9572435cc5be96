import Foundation

/// # Running Python code
///
/// A `Session` holds one interpreter's state (the `__main__` globals, imported
/// modules); the REPL, the notebook runner and the CLI feed it parsed programs:
///
/// ```swift
/// let session = Session(argv: ["train.py"], output: { text, stream in print(text, terminator: "") })
/// let result = session.runSource(source, name: "train.py")   // parse + run
/// let cell = session.run(program, displayLastExpression: true) // notebook cell: result.displayValue
/// session.interrupt()                                          // from a signal handler: KeyboardInterrupt
/// session.completions(for: "os.pa")                            // ["os.path"]
/// ```
///
/// Rich outputs (plots) go to the optional `display:` hook; see `RichDisplay`.
///
/// Code runs on a thread with a 1 GB stack (so the 1000-frame recursion limit is
/// reached long before the Swift stack); `run` blocks until it finishes. Uncaught
/// exceptions print a CPython-style traceback to `.stderr` and come back in `RunResult`.
public final class Session {
    let rt: Interpreter
    private let interruptFlag: UnsafeMutablePointer<Int32>

    /// `display` receives rich outputs such as plots (see `RichDisplay`); without it they are dropped.
    public init(argv: [String] = [], output: @escaping (String, OutputStreamKind) -> Void,
                input: (() -> String?)? = nil, display: ((RichDisplay) -> Void)? = nil) {
        interruptFlag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        interruptFlag.initialize(to: 0)
        rt = Interpreter(argv: argv, output: output, input: input, interruptFlag: interruptFlag)
        rt.display = display
        rt.searchPaths = ModuleLoader.defaultSearchPaths(scriptPath: argv.first)
    }

    deinit {
        interruptFlag.deallocate()
    }

    /// Makes the running code raise `KeyboardInterrupt` at its next loop iteration or call.
    /// Safe to call from any thread or a signal handler (it only stores a flag).
    public func interrupt() {
        interruptFlag.pointee = 1
    }

    /// Parses and runs `text`; a syntax error is printed CPython-style to stderr.
    public func runSource(_ text: String, name: String, displayLastExpression: Bool = false) -> RunResult {
        let file = SourceFile(name: name, text: text)
        let program: Program
        do {
            program = try Parser.parse(file)
        } catch let e as SyntaxError {
            rt.output(e.description + "\n", .stderr)
            return RunResult(outcome: .syntaxError(e), displayValue: nil)
        } catch {
            rt.output("SyntaxError: \(error)\n", .stderr)
            return RunResult(outcome: .syntaxError(SyntaxError(.syntaxError, "\(error)", at: .unknown, in: file)), displayValue: nil)
        }
        return run(program, displayLastExpression: displayLastExpression)
    }

    /// Parses and runs a script file as `python3 PATH` does: `__file__` is the path made absolute
    /// against the working directory (not normalised, as CPython 3.9+), and tracebacks and syntax
    /// errors name that path.
    public func runFile(_ text: String, path: String) -> RunResult {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        rt.mainNamespace.values["__file__"] = .str(absolute)
        return runSource(text, name: absolute)
    }

    /// Runs a parsed program in this session's `__main__`. With `displayLastExpression`,
    /// a final expression statement's value (unless None) is returned as its repr and
    /// stored in `_`, as the REPL and notebooks show it.
    public func run(_ program: Program, displayLastExpression: Bool = false) -> RunResult {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let rt = self.rt
        let thread = Thread {
            Interpreter.setCurrent(rt)
            box.result = rt.runMain(program, displayLastExpression: displayLastExpression)
            Interpreter.setCurrent(nil)
            done.signal()
        }
        thread.stackSize = 1 << 30
        thread.start()
        done.wait()
        return box.result
    }

    /// Names visible at the prompt starting with `prefix`; `obj.attr` prefixes complete attributes.
    public func completions(for prefix: String) -> [String] {
        if let dot = prefix.lastIndex(of: ".") {
            let base = String(prefix[..<dot])
            let partial = String(prefix[prefix.index(after: dot)...])
            var value: Value?
            for (i, part) in base.split(separator: ".").enumerated() {
                if i == 0 {
                    value = rt.mainNamespace[String(part)] ?? rt.builtins[String(part)]
                } else if let v = value {
                    value = try? rt.lookupAttr(v, String(part))
                }
            }
            guard let v = value else { return [] }
            return rt.attributeNames(v).filter { $0.hasPrefix(partial) }.map { base + "." + $0 }.sorted()
        }
        let names = Set(rt.mainNamespace.values.keys).union(rt.builtins.values.keys)
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The names defined in `__main__`.
    public var globalNames: [String] { rt.mainNamespace.values.keys.sorted() }

    /// Same as `globalNames` (the REPL's completion source).
    public var globals: [String] { globalNames }
}

/// Carries the result back from the evaluation thread (handed over by a semaphore).
private final class ResultBox: @unchecked Sendable {
    var result = RunResult(outcome: .completed, displayValue: nil)
}

/// What running a program did.
public struct RunResult: Sendable {
    public enum Outcome: Sendable {
        case completed
        case syntaxError(SyntaxError)
        /// An uncaught exception: its type name, message (`str(e)`) and traceback, outermost frame first.
        case exception(type: String, message: String, traceback: [TracebackEntry])
        /// `sys.exit(code)` / `raise SystemExit`.
        case exit(code: Int32)
    }
    public var outcome: Outcome
    /// The repr of the last expression statement's value (when asked for and not None).
    public var displayValue: String?

    public var succeeded: Bool {
        if case .completed = outcome { return true }
        return false
    }
}

extension Interpreter {
    func runMain(_ program: Program, displayLastExpression: Bool) -> RunResult {
        var body = program.body
        var last: Expr?
        if displayLastExpression, let final = body.last, case .expression(let e) = final.kind {
            last = e
            body.removeLast()
            body.append(Stmt(.assign(targets: [Expr(.name("__sftnb_last__"), final.span)], value: e), final.span))
        }
        _ = last
        let frame: Frame
        do {
            let code = try Compiler.compileModule(Program(file: program.file, body: body))
            frame = Frame(rt: self, code: code, globals: mainNamespace, function: nil)
        } catch let e as SyntaxError {
            output(e.description + "\n", .stderr)
            return RunResult(outcome: .syntaxError(e), displayValue: nil)
        } catch {
            return uncaught(error)
        }
        do {
            interruptFlag.pointee = 0
            _ = try execute(frame)
        } catch {
            mainNamespace.removeValue(forKey: "__sftnb_last__")
            return uncaught(error)
        }
        flushStdout()
        var display: String?
        if displayLastExpression, let v = mainNamespace.removeValue(forKey: "__sftnb_last__"), !v.isNone {
            mainNamespace["_"] = v
            do { display = try repr(v) } catch { return uncaught(error) }
        }
        return RunResult(outcome: .completed, displayValue: display)
    }

    func flushStdout() {}

    private func uncaught(_ error: Error) -> RunResult {
        guard let e = error as? PyError else {
            output("SystemError: \(error)\n", .stderr)
            return RunResult(outcome: .exception(type: "SystemError", message: "\(error)", traceback: []), displayValue: nil)
        }
        let exc = e.exception
        if exc.cls.isSubclass(of: T.systemExit) {
            let arg = exc.args.first ?? .none
            switch arg {
            case .none: return RunResult(outcome: .exit(code: 0), displayValue: nil)
            case .int(let i): return RunResult(outcome: .exit(code: Int32(truncatingIfNeeded: i)), displayValue: nil)
            case .bool(let b): return RunResult(outcome: .exit(code: b ? 1 : 0), displayValue: nil)
            default:
                output(((try? str(arg)) ?? "") + "\n", .stderr)
                return RunResult(outcome: .exit(code: 1), displayValue: nil)
            }
        }
        output(formatTraceback(exc), .stderr)
        let message = (try? exceptionStr(exc)) ?? ""
        return RunResult(outcome: .exception(type: exc.cls.name, message: message,
                                             traceback: exc.traceback.reversed()), displayValue: nil)
    }

    /// CPython's traceback text, including chained exceptions.
    func formatTraceback(_ exc: PyException, seen: Set<ObjectIdentifier> = []) -> String {
        var out = ""
        var seen = seen
        seen.insert(ObjectIdentifier(exc))
        if let cause = exc.cause, !seen.contains(ObjectIdentifier(cause)) {
            out += formatTraceback(cause, seen: seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let context = exc.context, !exc.suppressContext, !seen.contains(ObjectIdentifier(context)) {
            out += formatTraceback(context, seen: seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if !exc.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            for entry in exc.traceback.reversed() {
                out += "  File \"\(entry.file)\", line \(entry.line), in \(entry.function)\n"
                if !entry.sourceLine.isEmpty { out += "    \(entry.sourceLine)\n" }
                if !entry.sourceLine.isEmpty, let carets = entry.caretLine { out += carets + "\n" }
            }
        }
        out += exceptionLine(exc) + "\n"
        return out
    }

    func exceptionLine(_ exc: PyException) -> String {
        let name = exc.cls.module == "builtins" || exc.cls.module == "__main__" ? exc.cls.qualname : exc.cls.module + "." + exc.cls.qualname
        let message = (try? str(.object(exc))) ?? "<exception str() failed>"
        return message.isEmpty ? name : "\(name): \(message)"
    }

    func attributeNames(_ v: Value) -> [String] {
        var names = Set<String>()
        if case .object(let o) = v {
            if let m = o as? PyModule { names.formUnion(m.namespace.values.keys) }
            if let c = o as? PyClass {
                for k in c.mro { names.formUnion(k.dict.keys) }
                return names.sorted()
            }
            if let a = o.attrs { names.formUnion(a.values.keys) }
        }
        for c in typeOf(v).mro { names.formUnion(c.dict.keys) }
        return names.sorted()
    }
}
