/// One token of Python source, as CPython's tokenizer would produce it.
/// Names, keywords and operators carry their text; numbers their value; strings a
/// `StringLiteral` (f-strings keep their raw body for `FStringParser`).
struct Token {
    enum Kind: UInt8 {
        case name, keyword, number, string, op, newline, indent, dedent, endOfFile
    }

    var kind: Kind
    /// Name, keyword or operator text; empty for the other kinds.
    var text: String
    var span: SourceSpan
    var number: Constant = .none
    /// Boxed to keep tokens small (the parser holds many and recursion copies them).
    var literal: LiteralBox? = nil
    var string: StringLiteral? { literal?.value }

    init(_ kind: Kind, _ text: String, _ span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.span = span
    }

    @inline(__always) func isOp(_ s: String) -> Bool { kind == .op && text == s }
    @inline(__always) func isKeyword(_ s: String) -> Bool { kind == .keyword && text == s }

    /// Whether the token can begin an expression (to decide whether an optional one follows).
    var startsExpression: Bool {
        switch kind {
        case .name, .number, .string:
            return true
        case .keyword:
            switch text {
            case "None", "True", "False", "not", "lambda", "await", "yield": return true
            default: return false
            }
        case .op:
            switch text {
            case "(", "[", "{", "-", "+", "~", "...", "*": return true
            default: return false
            }
        default:
            return false
        }
    }

    /// CPython's hard keywords. `match`, `case`, `_` and `type` are soft keywords and lex as names.
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
}

final class LiteralBox {
    let value: StringLiteral
    init(_ value: StringLiteral) { self.value = value }
}

/// A string or bytes literal token. Plain literals are decoded by the lexer; an f-string
/// keeps the location of its raw body in the source so that `FStringParser` can split it
/// into literal parts and replacement fields whose expressions carry true source spans.
struct StringLiteral {
    var isBytes = false
    var isRaw = false
    var isFormatted = false
    /// Decoded text of a non-f, non-bytes literal.
    var value = ""
    /// Decoded content of a bytes literal.
    var bytes: [UInt8] = []
    /// For f-strings: the body (between the quotes) as indices into the lexer's scalars.
    var bodyStart = 0
    var bodyEnd = 0
    /// Line and column of `bodyStart`.
    var bodyLine = 0
    var bodyColumn = 0
}

/// A `String` from source scalars; ASCII (names, operators, most literals) is copied
/// as bytes, avoiding the scalar-by-scalar path.
func makeString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    if scalars.allSatisfy({ $0.value < 128 }) {
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            var k = 0
            for c in scalars {
                buffer[k] = UInt8(truncatingIfNeeded: c.value)
                k += 1
            }
            return k
        }
    }
    return String(String.UnicodeScalarView(scalars))
}
