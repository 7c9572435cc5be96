import ArgumentParser
import Foundation

/// `sftnb test NOTEBOOK... [--rtol R] [--atol A] [--sanitize FILE] [--update]`: re-runs each
/// notebook in memory and compares every cell's fresh outputs with the stored ones.
struct TestNotebooks: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Re-run notebooks and compare their outputs with the stored ones.")

    @Argument(help: "Notebooks to test.") var notebooks: [String]
    @Option(help: "Relative tolerance for numbers.") var rtol = 1e-3
    @Option(help: "Absolute tolerance for numbers.") var atol = 0.0
    @Option(help: "A sanitize file of 'regex:'/'replace:' pairs applied before comparing.") var sanitize: String?
    @Flag(help: "Rewrite the stored outputs that changed.") var update = false

    func run() throws {
        var tester = NotebookTester()
        tester.comparison.rtol = rtol
        tester.comparison.atol = atol
        if let sanitize {
            do { tester.comparison.sanitizers += try OutputComparison.sanitizers(fromFile: sanitize) }
            catch let e as NotebookError { throw CommandFailure(e.description) }
        }
        var passed = 0, failed = 0
        for path in notebooks {
            let notebook: Notebook
            do { notebook = try NotebookFile.read(path: path) } catch let e as NotebookError {
                FileHandle.standardError.write(Data("\(e.description)\n".utf8))
                failed += 1
                continue
            }
            let result = tester.test(notebook, path: path, executor: InterpreterCellExecutor())
            for report in result.reports {
                if report.passed { passed += 1 } else {
                    failed += 1
                    print(NotebookTester.describe(report, path: path))
                }
            }
            if update && result.changed {
                do { try NotebookFile.write(result.updated, to: path) } catch let e as NotebookError { throw CommandFailure(e.description) }
                print("updated \(path)")
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 && !update { throw ExitCode(1) }
    }
}
