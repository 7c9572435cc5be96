import Engine
import Foundation

/// Runs a notebook's code cells in order in one session, as papermill/nbclient do: stores
/// stream, result, display and error outputs the way Jupyter stores them, records per-cell
/// timing, honours `skip-execution`/`raises-exception` tags and papermill parameters, and
/// hands every stored change to `save` so the file on disk is current after every cell.
final class NotebookRunner {
    struct Options {
        var keepGoing = false
        /// Seconds per cell; nil for no limit.
        var timeout: Double?
        /// `-p NAME VALUE` pairs, in order.
        var parameters: [(String, String)] = []
    }

    /// A cell that failed, for the final report.
    struct Failure {
        var cellNumber: Int
        var executionCount: Int
        var failure: CellFailure
        var sourceLine: String
    }

    let path: String
    let executor: CellExecutor
    let options: Options
    /// Called with the notebook after each cell (and at the start); throws if it cannot save.
    let save: (Notebook) throws -> Void
    /// Live output as cells run.
    let display: LiveDisplay
    private(set) var notebook: Notebook
    private(set) var failures: [Failure] = []

    init(notebook: Notebook, path: String, executor: CellExecutor, options: Options = Options(),
         display: LiveDisplay, save: @escaping (Notebook) throws -> Void) throws {
        self.notebook = notebook
        self.path = path
        self.executor = executor
        self.options = options
        self.display = display
        self.save = save
        (executor as? InterpreterCellExecutor)?.figureEcho = { [display] figure in display.showFigure(figure) }
        try injectParameters()
    }

    /// Runs every code cell; returns true when no cell failed unexpectedly.
    func run() throws -> Bool {
        var executionCount = 0
        for i in notebook.cells.indices where notebook.cells[i].kind == .code {
            notebook.cells[i].outputs = []
            notebook.cells[i].executionCount = nil
        }
        try save(notebook)
        for i in notebook.cells.indices where notebook.cells[i].kind == .code {
            let cell = notebook.cells[i]
            if cell.tags.contains("skip-execution") || cell.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                continue
            }
            executionCount += 1
            let failure = execute(cellIndex: i, executionCount: executionCount)
            try save(notebook)
            if let failure, !cell.tags.contains("raises-exception") {
                let lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
                let sourceLine = failure.line.flatMap { lines[safe: $0 - 1] }.map(String.init) ?? ""
                let record = Failure(cellNumber: i + 1, executionCount: executionCount, failure: failure, sourceLine: sourceLine)
                failures.append(record)
                display.cellFailed(path: path, record)
                if !options.keepGoing { return false }
            }
        }
        if options.keepGoing && !failures.isEmpty { display.summary(path: path, failures: failures) }
        return failures.isEmpty
    }

    /// Runs one cell, storing its outputs and timing; returns its failure, if any.
    private func execute(cellIndex i: Int, executionCount: Int) -> CellFailure? {
        let start = Date()
        notebook.cells[i].executionCount = executionCount
        display.cellStarted(number: i + 1, executionCount: executionCount, source: notebook.cells[i].source)
        var collector = OutputCollector(executionCount: executionCount)
        let timer = options.timeout.map { seconds in
            DispatchSource.makeTimerSource(queue: .global()).configured(after: seconds) { [executor] in executor.interrupt() }
        }
        let outcome = executor.execute(notebook.cells[i].source, sourceName: "\(path): cell \(i + 1)") { [display] event in
            collector.add(event)
            display.show(event)
        }
        timer?.cancel()
        var failure: CellFailure?
        if case let .failure(f) = outcome {
            var f = f
            if let seconds = options.timeout, Date().timeIntervalSince(start) >= seconds, f.name == "KeyboardInterrupt" {
                f.name = "TimeoutError"
                f.value = "cell \(i + 1) did not finish within \(PythonFloat.repr(seconds)) seconds (--timeout)"
            }
            collector.outputs.append(.error(name: f.name, value: f.value, traceback: f.traceback))
            failure = f
        }
        notebook.cells[i].outputs = collector.outputs
        let end = Date()
        var execution = JSONObject()
        execution["iopub.execute_input"] = .string(Self.timestamp(start))
        execution["iopub.status.busy"] = .string(Self.timestamp(start))
        execution["iopub.status.idle"] = .string(Self.timestamp(end))
        execution["shell.execute_reply"] = .string(Self.timestamp(end))
        notebook.cells[i].metadata["execution"] = .object(execution)
        notebook.cells[i].metadata["papermill"] = .object(JSONObject([
            ("duration", .double(end.timeIntervalSince(start))),
            ("end_time", .string(Self.timestamp(end))),
            ("exception", .bool(failure != nil)),
            ("start_time", .string(Self.timestamp(start))),
            ("status", .string(failure == nil ? "completed" : "failed")),
        ]))
        return failure
    }

    /// nbclient's timestamp format: `2026-11-25T18:20:01.123456Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"
        return formatter.string(from: date)
    }

    // MARK: - Parameters (papermill)

    /// Puts the `-p` values in a cell tagged `injected-parameters` right after the cell tagged
    /// `parameters` (replacing an earlier injected cell), as papermill does.
    private func injectParameters() throws {
        guard !options.parameters.isEmpty else { return }
        guard let index = notebook.cells.firstIndex(where: { $0.tags.contains("parameters") }) else {
            throw NotebookError(path: path, message: "-p was given but no cell is tagged 'parameters'; tag the cell that sets the defaults")
        }
        let declared = Self.assignedNames(notebook.cells[index].source)
        var lines: [String] = ["# Parameters"]
        for (name, value) in options.parameters {
            guard declared.contains(name) else {
                let known = declared.sorted().joined(separator: ", ")
                throw NotebookError(path: path, message: "unknown parameter '\(name)': the parameters cell sets \(known.isEmpty ? "nothing" : known)")
            }
            lines.append("\(name) = \(Self.pythonLiteral(value))")
        }
        notebook.cells.removeAll { $0.tags.contains("injected-parameters") }
        let source = lines.joined(separator: "\n") + "\n"
        let id = NotebookFile.makeCellID(index: index + 1, source: source, taken: Set(notebook.cells.map(\.id)))
        var metadata = JSONObject()
        metadata["tags"] = .array([.string("injected-parameters")])
        notebook.cells.insert(Cell(id: id, kind: .code, source: source, metadata: metadata), at: index + 1)
    }

    /// Names assigned at the start of a line (`name = ...`) in the parameters cell.
    static func assignedNames(_ source: String) -> Set<String> {
        var names = Set<String>()
        for line in source.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "="), !line.hasPrefix(" "), !line.hasPrefix("#") else { continue }
            var name = line[..<eq].trimmingCharacters(in: .whitespaces)
            if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]).trimmingCharacters(in: .whitespaces) }
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !(name.first?.isNumber ?? true) {
                names.insert(name)
            }
        }
        return names
    }

    /// papermill's reading of a `-p` value: int, float, bool and None stay themselves; the rest is a string.
    static func pythonLiteral(_ value: String) -> String {
        if Int(value) != nil { return value }
        if Double(value) != nil, !value.lowercased().contains("inf"), !value.lowercased().contains("nan") { return value }
        switch value {
        case "True", "False", "None": return value
        case "true": return "True"
        case "false": return "False"
        default:
            return JSONWriter(ensureASCII: false).string(.string(value))
        }
    }
}

/// Turns output events into stored outputs: consecutive stream text of one stream is joined,
/// and text overwritten with `\r` (progress bars) keeps only its final state.
struct OutputCollector {
    var executionCount: Int
    var outputs: [Output] = []

    mutating func add(_ event: OutputEvent) {
        // A progress bar erased (`\r` + spaces + `\r`) to let a log line through shows nothing:
        // when another output follows it, that blank tail is not worth storing.
        if case let .stream(lastName, lastText)? = outputs.last {
            var continues = false
            if case let .stream(name, _) = event, name == lastName { continues = true }
            if !continues {
                let tailStart = lastText.lastIndex(of: "\n").map { lastText.index(after: $0) } ?? lastText.startIndex
                let tail = lastText[tailStart...]
                if !tail.isEmpty, tail.allSatisfy({ $0 == " " || $0 == "\r" }) {
                    let kept = String(lastText[..<tailStart])
                    if kept.isEmpty { outputs.removeLast() } else { outputs[outputs.count - 1] = .stream(name: lastName, text: kept) }
                }
            }
        }
        switch event {
        case let .stream(name, text):
            if case let .stream(lastName, lastText)? = outputs.last, lastName == name {
                outputs[outputs.count - 1] = .stream(name: name, text: Self.collapseCarriageReturns(lastText + text))
            } else {
                outputs.append(.stream(name: name, text: Self.collapseCarriageReturns(text)))
            }
        case let .result(bundle):
            outputs.append(.executeResult(data: bundle, metadata: JSONObject(), executionCount: executionCount))
        case let .display(bundle):
            outputs.append(.displayData(data: bundle, metadata: JSONObject()))
        }
    }

    /// Within each line, text before the last lone `\r` was overwritten on screen: drop it.
    static func collapseCarriageReturns(_ text: String) -> String {
        guard text.contains("\r") else { return text }
        var lines = text.components(separatedBy: "\n")
        for k in lines.indices {
            var line = lines[k]
            let windowsEnding = line.hasSuffix("\r")  // "\r\n" is a line ending, not an overwrite
            if windowsEnding { line.removeLast() }
            if let last = line.lastIndex(of: "\r") { line = String(line[line.index(after: last)...]) }
            lines[k] = windowsEnding ? line + "\r" : line
        }
        return lines.joined(separator: "\n")
    }
}

extension DispatchSourceTimer {
    func configured(after seconds: Double, handler: @escaping () -> Void) -> DispatchSourceTimer {
        schedule(deadline: .now() + seconds)
        setEventHandler(handler: handler)
        resume()
        return self
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
