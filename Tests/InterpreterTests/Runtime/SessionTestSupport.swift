import Foundation
@testable import Interpreter

/// Runs source text in a fresh (or given) session and collects what it printed.
struct ScriptRun {
    let stdout: String
    let stderr: String
    let result: RunResult

    static func run(_ source: String, session: Session? = nil, display: Bool = false, name: String = "test.py") -> ScriptRun {
        let collector = OutputCollector()
        let s = session ?? Session(argv: [name], output: collector.append)
        let result = s.runSource(source, name: name, displayLastExpression: display)
        return ScriptRun(stdout: collector.text(.stdout), stderr: collector.text(.stderr), result: result)
    }
}
