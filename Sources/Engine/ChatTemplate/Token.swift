/// A position in a template's source, so that syntax and runtime errors can
/// point at the line and column the user wrote (jinja2 reports only the line).
public struct TemplateSpan: Equatable, Sendable, CustomStringConvertible {
    /// 1-based line number, counted after newline normalisation (like jinja2).
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// One lexical token of a Jinja template.
enum TokenKind: Equatable {
    /// Template text outside any tag, already whitespace-controlled.
    case data(String)
    case variableBegin, variableEnd, blockBegin, blockEnd
    case name(String)
    case string(String)
    case integer(Int)
    case float(Double)
    /// Operators and punctuation: `+ - * / // ** % ~ . , : | = == != < <= > >= ( ) [ ] { } ;`.
    case op(String)
    case eof
    /// Where the lexer failed. jinja2 lexes lazily, so a parse error before this
    /// point wins; the parser raises this one only when it reaches the token.
    case lexError(TemplateError)

    /// How jinja2 names a token in "expected ..." messages.
    var describe: String {
        switch self {
        case .data: return "template data"
        case .variableBegin: return "begin of print statement"
        case .variableEnd: return "end of print statement"
        case .blockBegin: return "begin of statement block"
        case .blockEnd: return "end of statement block"
        case let .name(n): return n
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case let .op(o): return o
        case .eof: return "end of template"
        case let .lexError(e): return e.message
        }
    }
}

struct Token {
    var kind: TokenKind
    var span: TemplateSpan
}
