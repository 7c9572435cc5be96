import Foundation
import Testing
@testable import Interpreter

/// Runs every `modules/NAME.py` (scripts using the `transformers` tokenizer and `torch`
/// bindings on the committed `modules/tiny-tokenizer/`) and compares stdout with `NAME.out`,
/// the output of the real transformers 5 / torch under CPython (tools/gen_module_goldens.py).
///
/// The scripts open "tiny-tokenizer" relative to their folder (the generator's working
/// directory). Changing the process's directory would disturb suites running in parallel,
/// so the test points the scripts at the folder's absolute path and takes that prefix out of
/// the output again.
@Suite struct ModuleGoldenTests {
    /// The test resource when Package.swift copies `modules`, else the source folder.
    static let directory: URL = {
        if let r = Bundle.module.resourceURL?.appendingPathComponent("modules"),
           FileManager.default.fileExists(atPath: r.appendingPathComponent("tiny-tokenizer").path) {
            return r
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("modules")
    }()

    static let scriptNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test func scriptsArePresent() {
        #expect(Self.scriptNames.count >= 10, "golden module scripts missing from \(Self.directory.path)")
    }

    /// Trainer logs carry wall-clock figures (`train_runtime`, `eval_samples_per_second`, ...)
    /// that no two runs share; everything else in them must match.
    static func maskingTimings(_ text: String) -> String {
        text.replacingOccurrences(of: #"'(\w+_(runtime|per_second|preparation_time))': ('[^']*'|[0-9.e+-]+)"#,
                                  with: "'$1': <time>", options: .regularExpression)
    }

    @Test(arguments: scriptNames)
    func script(_ name: String) throws {
        let dir = Self.directory
        let source = try String(contentsOf: dir.appendingPathComponent(name + ".py"), encoding: .utf8)
            .replacingOccurrences(of: "\"tiny-tokenizer", with: "\"\(dir.path)/tiny-tokenizer")
            .replacingOccurrences(of: "\"data/", with: "\"\(dir.path)/data/")
            .replacingOccurrences(of: "\"tiny-model", with: "\"\(dir.path)/tiny-model")
            .replacingOccurrences(of: "\"tiny-lm", with: "\"\(dir.path)/tiny-lm")
        let expected = Self.maskingTimings(try String(contentsOf: dir.appendingPathComponent(name + ".out"), encoding: .utf8))

        let output = OutputCollector()
        let session = Session(argv: [name + ".py"], output: output.append, input: { nil })
        let result = session.runSource(source, name: name + ".py")
        let stdout = Self.maskingTimings(output.text(.stdout).replacingOccurrences(of: dir.path + "/", with: ""))
        if stdout != expected {
            Issue.record("\(name): stdout differs\n\(GoldenDiff.describe(expected: expected, actual: stdout))\nstderr:\n\(output.text(.stderr).suffix(1500))")
        }
        if case .exception(let type, let message, _) = result.outcome {
            Issue.record("\(name): unexpected \(type): \(message)")
        }
    }
}
