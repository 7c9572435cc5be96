import Engine
import Foundation

/// `sftnb test`: re-runs a notebook in memory and compares each cell's fresh outputs with
/// the stored ones (nbval's rules and markers), reporting per cell and optionally updating
/// the stored outputs that changed.
struct NotebookTester {
    var comparison = OutputComparison()

    /// What nbval's comment markers and tags ask of a cell.
    struct Markers {
        var skip = false
        var ignoreOutput = false
        var raisesException = false

        init(_ cell: Cell) {
            let tags = Set(cell.tags)
            let comments = Set(cell.source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("#") }.map { $0.dropFirst().trimmingCharacters(in: .whitespaces) })
            skip = comments.contains("NBVAL_SKIP") || tags.contains("nbval-skip") || tags.contains("skip-execution")
            ignoreOutput = (comments.contains("NBVAL_IGNORE_OUTPUT") || tags.contains("nbval-ignore-output"))
                && !(comments.contains("NBVAL_CHECK_OUTPUT") || tags.contains("nbval-check-output"))
            raisesException = comments.contains("NBVAL_RAISES_EXCEPTION") || tags.contains("raises-exception")
        }
    }

    struct CellReport {
        var cellNumber: Int
        var executionCount: Int?
        var differences: [OutputComparison.Difference]
        var problem: String?
        var passed: Bool { differences.isEmpty && problem == nil }
    }

    struct Result {
        var reports: [CellReport]
        /// The notebook with changed outputs replaced (for `--update`).
        var updated: Notebook
        var changed: Bool
    }

    /// Runs `notebook` with `executor` and compares. Cells not run (markdown, skipped, empty) are not counted.
    func test(_ notebook: Notebook, path: String, executor: CellExecutor) -> Result {
        var updated = notebook
        var reports: [CellReport] = []
        var changed = false
        var executionCount = 0
        for (i, cell) in notebook.cells.enumerated() where cell.kind == .code {
            let markers = Markers(cell)
            if markers.skip || cell.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            executionCount += 1
            var collector = OutputCollector(executionCount: cell.executionCount ?? executionCount)
            let outcome = executor.execute(cell.source, sourceName: "\(path): cell \(i + 1)") { collector.add($0) }
            var report = CellReport(cellNumber: i + 1, executionCount: cell.executionCount, differences: [])
            if case let .failure(f) = outcome {
                collector.outputs.append(.error(name: f.name, value: f.value, traceback: f.traceback))
                if !markers.raisesException {
                    report.problem = "raised \(f.name): \(f.value)" + (f.line.map { " (line \($0))" } ?? "")
                }
            } else if markers.raisesException {
                report.problem = "expected an exception (NBVAL_RAISES_EXCEPTION / raises-exception) but the cell succeeded"
            }
            if !markers.ignoreOutput {
                var local = comparison
                if let rtol = cell.metadata["sftnb"]?["rtol"]?.doubleValue { local.rtol = rtol }
                if let atol = cell.metadata["sftnb"]?["atol"]?.doubleValue { local.atol = atol }
                report.differences = local.compare(expected: cell.outputs, actual: collector.outputs)
                if !report.differences.isEmpty {
                    updated.cells[i].outputs = collector.outputs
                    changed = true
                }
            }
            reports.append(report)
        }
        return Result(reports: reports, updated: updated, changed: changed)
    }

    /// The per-cell report text for failed cells.
    static func describe(_ report: CellReport, path: String) -> String {
        var lines = ["FAILED \(path): cell \(report.cellNumber)\(report.executionCount.map { " (In [\($0)])" } ?? "")"]
        if let problem = report.problem { lines.append("  " + problem) }
        for difference in report.differences {
            lines.append("  output '\(difference.channel)' differs:")
            lines += difference.report.map { "    " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
