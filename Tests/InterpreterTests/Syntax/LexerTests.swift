import Testing
@testable import Interpreter

/// Tokens rendered compactly: `NAME:x OP:= NUMBER:1 NEWLINE ENDMARKER`.
func tokens(_ source: String) throws -> String {
    var lexer = Lexer(file: SourceFile(name: "t.py", text: source), scalars: Array(source.unicodeScalars))
    var out: [String] = []
    while true {
        let t = try lexer.next()
        switch t.kind {
        case .name: out.append("NAME:" + t.text)
        case .keyword: out.append("KW:" + t.text)
        case .number: out.append("NUMBER:" + t.text)
        case .string: out.append("STRING")
        case .op: out.append("OP:" + t.text)
        case .newline: out.append("NEWLINE")
        case .indent: out.append("INDENT")
        case .dedent: out.append("DEDENT")
        case .endOfFile: out.append("END")
        }
        if t.kind == .endOfFile { return out.joined(separator: " ") }
    }
}

func lexError(_ source: String) -> SyntaxError? {
    do {
        _ = try tokens(source)
        return nil
    } catch {
        return error as? SyntaxError
    }
}

@Suite struct LexerTests {
    @Test func indentation() throws {
        #expect(try tokens("if a:\n  b\n  c\nd") ==
                "KW:if NAME:a OP:: NEWLINE INDENT NAME:b NEWLINE NAME:c NEWLINE DEDENT NAME:d NEWLINE END")
        #expect(try tokens("if a:\n if b:\n  c\n") ==
                "KW:if NAME:a OP:: NEWLINE INDENT KW:if NAME:b OP:: NEWLINE INDENT NAME:c NEWLINE DEDENT DEDENT END")
        #expect(try tokens("a\n\n   \n# c\n  # d\nb") == "NAME:a NEWLINE NAME:b NEWLINE END")
        #expect(try tokens("if a:\n\tb\n\tc") == "KW:if NAME:a OP:: NEWLINE INDENT NAME:b NEWLINE NAME:c NEWLINE DEDENT END")
    }

    @Test func bracketsAndContinuations() throws {
        #expect(try tokens("f(a,\n  b)\nc") == "NAME:f OP:( NAME:a OP:, NAME:b OP:) NEWLINE NAME:c NEWLINE END")
        #expect(try tokens("a = 1 + \\\n    2") == "NAME:a OP:= NUMBER:1 OP:+ NUMBER:2 NEWLINE END")
        #expect(try tokens("x # comment") == "NAME:x NEWLINE END")
        #expect(try tokens("") == "END")
    }

    @Test func operatorsLongestMatch() throws {
        #expect(try tokens("a**=b//=c>>=d<<=e...f->g:=h!=i") ==
                "NAME:a OP:**= NAME:b OP://= NAME:c OP:>>= NAME:d OP:<<= NAME:e OP:... NAME:f OP:-> NAME:g OP::= NAME:h OP:!= NAME:i NEWLINE END")
        #expect(try tokens("a.b") == "NAME:a OP:. NAME:b NEWLINE END")
        #expect(try tokens("x.1") == "NAME:x NUMBER:.1 NEWLINE END")
    }

    @Test func numbersAndKeywords() throws {
        #expect(try tokens("1if x else 2") == "NUMBER:1 KW:if NAME:x KW:else NUMBER:2 NEWLINE END")
        #expect(try tokens("0x1for") == "NUMBER:0x1f KW:or NEWLINE END")
        #expect(try tokens("1_000 0b1 0o7 1.5e-3 1.") ==
                "NUMBER:1_000 NUMBER:0b1 NUMBER:0o7 NUMBER:1.5e-3 NUMBER:1. NEWLINE END")
        #expect(try tokens("match case _ type") == "NAME:match NAME:case NAME:_ NAME:type NEWLINE END")
        #expect(try tokens("été = 1") == "NAME:été OP:= NUMBER:1 NEWLINE END")
    }

    @Test func stringPrefixes() throws {
        #expect(try tokens("r'a' b'b' rb'c' BR'd' f'e' Rf'g' u'h'") ==
                "STRING STRING STRING STRING STRING STRING STRING NEWLINE END")
        #expect(try tokens("ub'x'") == "NAME:ub STRING NEWLINE END")
        #expect(try tokens("'''a\nb''' x") == "STRING NAME:x NEWLINE END")
    }

    @Test func errorsAndLocations() throws {
        let unterminated = try #require(lexError("x = 'abc"))
        #expect(unterminated.message == "unterminated string literal (detected at line 1)")
        #expect(unterminated.span.column == 5)
        let triple = try #require(lexError("x = 1\ny = '''a\nb"))
        #expect(triple.message == "unterminated triple-quoted string literal (detected at line 3)")
        #expect(triple.span.line == 2 && triple.isIncompleteInput)
        let tab = try #require(lexError("if a:\n\tb\n        c"))
        #expect(tab.kind == .tabError)
        let dedent = try #require(lexError("if a:\n    b\n  c"))
        #expect(dedent.kind == .indentationError && dedent.span.line == 3)
        let never = try #require(lexError("f(a,\n[b"))
        #expect(never.message == "'[' was never closed" && never.span.line == 2 && never.isIncompleteInput)
        let complex = try #require(lexError("z = 2j"))
        #expect(complex.kind == .notImplemented)
        #expect(lexError("x = 1 if y else 2") == nil)
    }
}
