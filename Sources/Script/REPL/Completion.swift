import CReadline
import Foundation
import Interpreter

/// Tab completion for readline: Python keywords, names in the session, and `obj.attr`.
enum Completion {
    nonisolated(unsafe) static var session: Session?
    nonisolated(unsafe) static var matches: [String] = []

    static let keywords = ["False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
                           "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
                           "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]

    static func candidates(_ prefix: String) -> [String] {
        var out = session?.completions(for: prefix) ?? []
        if !prefix.contains(".") { out += keywords.filter { $0.hasPrefix(prefix) } }
        return Array(Set(out)).sorted()
    }

    static func install(session: Session) {
        Completion.session = session
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n\"'`@$><=;|&{([,+-*/%"))
        rl_attempted_completion_function = { text, _, _ in
            guard let text else { return nil }
            Completion.matches = Completion.candidates(String(cString: text))
            return rl_completion_matches(text) { _, state in
                let i = Int(state)
                guard i < Completion.matches.count else { return nil }
                return strdup(Completion.matches[i])
            }
        }
        ReadlineInterrupt.install()
    }
}
