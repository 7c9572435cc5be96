import Foundation
import Testing
@testable import Interpreter

/// Runs every `scripts/NAME.py` through a `Session` and compares its stdout with
/// `NAME.out` (CPython 3.11's output). When `NAME.err` exists, the run must end with an
/// uncaught exception whose line (the last line of stderr) equals the file's content.
@Suite struct GoldenScriptTests {
    static let directory: URL? = Bundle.module.resourceURL?.appendingPathComponent("scripts")

    static let scriptNames: [String] = {
        guard let dir = directory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return files.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test func scriptsArePresent() {
        #expect(Self.scriptNames.count > 0, "no golden scripts found in the test resources")
    }

    @Test(arguments: scriptNames)
    func script(_ name: String) throws {
        let dir = try #require(Self.directory)
        let source = try String(contentsOf: dir.appendingPathComponent(name + ".py"), encoding: .utf8)
        let expected = try String(contentsOf: dir.appendingPathComponent(name + ".out"), encoding: .utf8)
        let errURL = dir.appendingPathComponent(name + ".err")
        let expectedError = (try? String(contentsOf: errURL, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)

        // The goldens were recorded with the scripts' folder as the working directory.
        FileManager.default.changeCurrentDirectoryPath(dir.path)
        let output = OutputCollector()
        let session = Session(argv: [name + ".py"], output: output.append, input: { nil })
        let result = session.runSource(source, name: name + ".py")

        let stdout = output.text(.stdout)
        let stderr = output.text(.stderr)
        if stdout != expected {
            Issue.record("\(name): stdout differs\n\(GoldenDiff.describe(expected: expected, actual: stdout))\nstderr:\n\(stderr.suffix(1500))")
        }
        if let want = expectedError {
            // CPython prints nothing for an uncaught SystemExit; the golden names it as "SystemExit: CODE".
            if case .exit(let code) = result.outcome {
                #expect("SystemExit: \(code)" == want, "\(name): exit status")
                return
            }
            let lastLine = stderr.split(separator: "\n").last.map(String.init) ?? ""
            #expect(lastLine == want, "\(name): last stderr line")
            if case .exception = result.outcome {} else {
                Issue.record("\(name): expected an uncaught exception, got \(result.outcome)")
            }
        } else if case .exception(let type, let message, _) = result.outcome {
            Issue.record("\(name): unexpected \(type): \(message)\n\(stderr.suffix(1500))")
        }
    }
}

final class OutputCollector: @unchecked Sendable {
    private var parts: [(String, OutputStreamKind)] = []
    private let lock = NSLock()

    func append(_ text: String, _ stream: OutputStreamKind) {
        lock.lock()
        parts.append((text, stream))
        lock.unlock()
    }

    func text(_ stream: OutputStreamKind) -> String {
        lock.lock()
        defer { lock.unlock() }
        return parts.filter { $0.1 == stream }.map(\.0).joined()
    }
}

/// A short line diff: the first differing lines with a little context.
enum GoldenDiff {
    static func describe(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var shown = 0
        for i in 0..<max(e.count, a.count) where shown < 6 {
            let el = i < e.count ? String(e[i]) : "<missing>"
            let al = i < a.count ? String(a[i]) : "<missing>"
            if el != al {
                out.append("  line \(i + 1):\n    expected: \(el)\n    actual:   \(al)")
                shown += 1
            }
        }
        return out.joined(separator: "\n")
    }
}
