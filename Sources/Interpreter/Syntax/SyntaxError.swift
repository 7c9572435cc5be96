/// A program CPython would reject (or sftnb does not support), found before anything runs.
/// `isIncompleteInput` is set when the text is a valid prefix that more lines could complete
/// (an open bracket, a block header with no body, an unterminated triple-quoted string):
/// the REPL reads a continuation line (`...`) instead of reporting it.
public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
        /// Valid Python that sftnb does not run (`match`, `async`, ...): named, never mis-run.
        case notImplemented = "NotImplementedError"
    }

    public var kind: Kind
    /// CPython's wording where it has one: `'(' was never closed`, `expected ':'`.
    public var message: String
    public var span: SourceSpan
    public var file: SourceFile
    public var isIncompleteInput: Bool

    public init(_ kind: Kind = .syntaxError, _ message: String, at span: SourceSpan, in file: SourceFile,
                incomplete: Bool = false) {
        self.kind = kind
        self.message = message
        self.span = span
        self.file = file
        self.isIncompleteInput = incomplete
    }

    /// CPython's layout:
    /// ```
    ///   File "train.py", line 3
    ///     x = (1,
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    public var description: String {
        let text = file.line(span.line)
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        let indent = text.unicodeScalars.count - trimmed.unicodeScalars.count
        let caretColumn = max(1, span.column - indent)
        let width = span.endLine == span.line ? max(1, span.endColumn - span.column) : 1
        var lines = ["  File \"\(file.name)\", line \(span.line)"]
        if !trimmed.isEmpty {
            lines.append("    " + trimmed)
            lines.append("    " + String(repeating: " ", count: caretColumn - 1) + String(repeating: "^", count: width))
        }
        lines.append("\(kind.rawValue): \(message)")
        return lines.joined(separator: "\n")
    }
}
