/// A piece of source text the interpreter reads: a script file, a notebook cell,
/// a REPL entry or a `stdlib/*.py` module. Diagnostics quote its lines.
public final class SourceFile: @unchecked Sendable {
    /// How diagnostics name it: `train.py`, `notebooks/lora.sftnb: cell 4`, `<stdin>`.
    public let name: String
    public let text: String
    /// The text split at `\n` (a trailing `\r` removed), for quoting lines in errors.
    public let lines: [String]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
    }

    /// The 1-based line `n`, or "" when out of range.
    public func line(_ n: Int) -> String {
        n >= 1 && n <= lines.count ? lines[n - 1] : ""
    }
}

/// Where a node or an error sits in its `SourceFile`: 1-based lines, 1-based columns
/// counted in Unicode scalars (what a caret under the quoted line needs).
/// The end is exclusive: `endColumn` is one past the last character.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// A span covering from the start of `self` to the end of `other`.
    public func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(line: line, column: column, endLine: other.endLine, endColumn: other.endColumn)
    }

    public static let unknown = SourceSpan(line: 0, column: 0, endLine: 0, endColumn: 0)

    public var description: String { "line \(line), col \(column)" }
}
