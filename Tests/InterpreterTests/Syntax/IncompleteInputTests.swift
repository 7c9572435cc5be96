import Testing
@testable import Interpreter

/// The REPL's `...` rule, held to CPython's `codeop.compile_command(text, symbol="single")`:
/// `true` where it returns None (needs more input), `false` where it compiles or raises.
@Suite struct IncompleteInputTests {
    static let codeopCases: [(String, Bool)] = [
        ("x = 1", false), ("def f():", true), ("def f():\n", true), ("def f():\n  return 1", true),
        ("def f():\n  return 1\n", false), ("def f():\n  return 1\n\n", false), ("if x:", true),
        ("if x: pass", true), ("if x: pass\n", false), ("if x:\n  pass\n", false), ("if x:\n  pass\n  ", true),
        ("if x:\n  pass\nelse:", true), ("x = (1,", true), ("x = [1,\n 2", true), ("foo(", true),
        ("x = '''abc", true), ("x = '''abc\n", true), ("x = 1 + \\", true), ("x = 1 +", false), ("@dec", true),
        ("@dec\n", true), ("class A:", true), ("for x in y:\n  pass", true), ("for x in y:\n  pass\n\n", false),
        ("try:\n  pass", true), ("try:\n  pass\n", true), ("x = )", false), ("'abc", false), ("'abc\\", true),
        ("", false), ("# comment", false), ("x = {", true), ("while True:\n  x += 1\n", false),
        ("with a:\n  pass\n\n", false), ("print('hi')", false), ("x = f'{", false),
        ("if x:\n  pass\nelif y:", true), ("lambda x:", false), ("def f(a,", true), ("1 +\\\n", false),
        ("x = 1\n", false), ("   ", false), ("if x:\n    pass\n    \n", false),
    ]

    @Test func matchesCodeop() {
        var failures: [String] = []
        for (text, expected) in Self.codeopCases where Parser.needsMoreInput(text) != expected {
            failures.append("\(text.debugDescription): expected \(expected)")
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    }

    @Test func incompleteFlagOnErrors() throws {
        func error(_ text: String) -> SyntaxError? {
            do {
                _ = try Parser.parse(SourceFile(name: "<stdin>", text: text))
                return nil
            } catch {
                return error as? SyntaxError
            }
        }
        #expect(error("x = (1,\n")?.isIncompleteInput == true)
        #expect(error("def f():\n")?.isIncompleteInput == true)
        #expect(error("s = '''\n")?.isIncompleteInput == true)
        #expect(error("x = )")?.isIncompleteInput == false)
        #expect(error("def f(:")?.isIncompleteInput == false)
        #expect(error("x = 1j")?.isIncompleteInput == false)
    }
}
