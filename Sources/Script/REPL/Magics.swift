import Foundation
import Interpreter

/// IPython's magics that users reach for: `%time`, `%timeit`, `%run FILE`, `%save FILE.sftnb`.
struct Magics {
    func run(_ line: String, repl: REPL) {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1] : ""
        switch name {
        case "time": time(argument, repl: repl)
        case "timeit": timeit(argument, repl: repl)
        case "run": runFile(argument, repl: repl)
        case "save": save(argument, repl: repl)
        case "matplotlib": break  // figures always show in the terminal at plt.show()
        default:
            FileHandle.standardError.write(Data("UsageError: Line magic function `%\(name)` not found (sftnb has %time, %timeit, %run, %save).\n".utf8))
        }
    }

    /// IPython: `CPU times: user 1.2 ms, sys: 0 ns, total: 1.2 ms` / `Wall time: 1.3 ms`.
    func time(_ code: String, repl: REPL) {
        let cpu0 = cpuTimes(), wall0 = Date()
        repl.execute(code, name: "<timed exec>")
        let cpu1 = cpuTimes(), wall = Date().timeIntervalSince(wall0)
        let user = cpu1.user - cpu0.user, sys = cpu1.sys - cpu0.sys
        print("CPU times: user \(Self.format(user)), sys: \(Self.format(sys)), total: \(Self.format(user + sys))")
        print("Wall time: \(Self.format(wall))")
    }

    /// IPython: `1.23 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 1,000 loops each)`.
    func timeit(_ code: String, repl: REPL) {
        var loops = 1
        while true {
            let t = measure(code, repl: repl, loops: loops)
            guard let t else { return }
            if t >= 0.2 || loops >= 1_000_000 { break }
            loops *= 10
        }
        var runs: [Double] = []
        for _ in 0..<7 {
            guard let t = measure(code, repl: repl, loops: loops) else { return }
            runs.append(t / Double(loops))
        }
        let mean = runs.reduce(0, +) / Double(runs.count)
        let std = (runs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(runs.count)).squareRoot()
        let loopsText = NumberFormatter.localizedString(from: NSNumber(value: loops), number: .decimal)
        print("\(Self.format(mean)) ± \(Self.format(std)) per loop (mean ± std. dev. of 7 runs, \(loopsText) loop\(loops == 1 ? "" : "s") each)")
    }

    private func measure(_ code: String, repl: REPL, loops: Int) -> Double? {
        let body = "import time as __t\n__s = __t.perf_counter()\nfor __i in range(\(loops)):\n    " + code + "\n__sftnb_timeit__ = __t.perf_counter() - __s"
        guard repl.session.runSource(body, name: "<magic-timeit>").succeeded else { return nil }
        let elapsed = repl.session.runSource("__sftnb_timeit__", name: "<magic-timeit>", displayLastExpression: true)
        return elapsed.displayValue.flatMap(Double.init)
    }

    func runFile(_ path: String, repl: REPL) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            FileHandle.standardError.write(Data("ERROR: File `\(path)` not found.\n".utf8))
            return
        }
        _ = Interrupts.forwarding(to: repl.session) { repl.session.runSource(text, name: path) }
    }

    /// The session's successful entries as a notebook, one cell each.
    func save(_ path: String, repl: REPL) {
        guard !path.isEmpty else {
            FileHandle.standardError.write(Data("UsageError: %save needs a file name, e.g. %save session.sftnb\n".utf8))
            return
        }
        let cells = repl.successfulEntries.enumerated().map { i, code in
            Cell(id: NotebookFile.makeCellID(index: i, source: code, taken: []), kind: .code, source: code)
        }
        let target = path.hasSuffix(".sftnb") || path.hasSuffix(".ipynb") ? path : path + ".sftnb"
        do {
            try NotebookFile.write(Notebook(cells: cells), to: target)
            print("The session so far (\(cells.count) cells) was written to \(target)")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
        }
    }

    func cpuTimes() -> (user: Double, sys: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
                Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
    }

    /// IPython's `_format_time`: 3 significant digits in s, ms, µs or ns.
    static func format(_ seconds: Double) -> String {
        if seconds <= 0 { return "0 ns" }
        let units: [(String, Double)] = [("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)]
        for (unit, scale) in units where seconds >= scale || unit == "ns" {
            let v = seconds / scale
            return (v >= 100 ? String(format: "%.0f", v) : v >= 10 ? String(format: "%.1f", v) : String(format: "%.2f", v)) + " " + unit
        }
        return "0 ns"
    }
}
