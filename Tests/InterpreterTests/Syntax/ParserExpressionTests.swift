import Testing
@testable import Interpreter

/// Parses `source` and renders it with `ASTDump` (one statement per line).
func dump(_ source: String) throws -> String {
    ASTDump.program(try Parser.parse(SourceFile(name: "test.py", text: source)))
}

@Suite struct ParserExpressionTests {
    @Test func arithmeticPrecedenceAndAssociativity() throws {
        #expect(try dump("-2**2") == "(neg (** 2 2))")
        #expect(try dump("2**-1") == "(** 2 (neg 1))")
        #expect(try dump("2**3**2") == "(** 2 (** 3 2))")
        #expect(try dump("a - b - c") == "(- (- a b) c)")
        #expect(try dump("a + b * c") == "(+ a (* b c))")
        #expect(try dump("a | b ^ c & d << e + f // g") == "(| a (^ b (& c (<< d (+ e (// f g))))))")
        #expect(try dump("a @ b % c") == "(% (@ a b) c)")
        #expect(try dump("~-+x") == "(~ (neg (pos x)))")
        #expect(try dump("-x ** -y") == "(neg (** x (neg y)))")
    }

    @Test func booleanAndComparison() throws {
        #expect(try dump("not a and b or c") == "(or (and (not a) b) c)")
        #expect(try dump("a or b or c") == "(or a b c)")
        #expect(try dump("a < b <= c") == "(cmp a < b <= c)")
        #expect(try dump("a not in b is not c in d is e") == "(cmp a not in b is not c in d is e)")
        #expect(try dump("not a == b") == "(not (cmp a == b))")
        #expect(try dump("a != b >= c > d == e") == "(cmp a != b >= c > d == e)")
    }

    @Test func conditionalLambdaAndWalrus() throws {
        #expect(try dump("a if b else c if d else e") == "(if b a (if d c e))")
        #expect(try dump("lambda: 0") == "(lambda () 0)")
        #expect(try dump("lambda a, b=1, *args, c, d=2, **kw: a") == "(lambda (a b=1 *args c d=2 **kw) a)")
        #expect(try dump("lambda a, /, b: a") == "(lambda (a / b) a)")
        #expect(try dump("lambda *, k: k") == "(lambda (* k) k)")
        #expect(try dump("(n := 10)") == "(:= n 10)")
        #expect(try dump("if (m := f()) > 1: pass") == "(if (cmp (:= m (call f)) > 1) (pass))")
        #expect(try dump("a[b:=1]") == "([] a (:= b 1))")
    }

    @Test func callsAttributesSubscripts() throws {
        #expect(try dump("f(1, *a, k=2, **kw)") == "(call f 1 (* a) k=2 (** kw))")
        #expect(try dump("f(x for x in xs)") == "(call f (genexp x (for x xs)))")
        #expect(try dump("sum(x*x for x in xs if x)") == "(call sum (genexp (* x x) (for x xs (if x))))")
        #expect(try dump("a.b.c(d)[e].f") == "(. ([] (call (. (. a b) c) d) e) f)")
        #expect(try dump("a[1:2]") == "([] a (slice 1 2 _))")
        #expect(try dump("a[::2]") == "([] a (slice _ _ 2))")
        #expect(try dump("a[1:2, 3]") == "([] a (tuple (slice 1 2 _) 3))")
        #expect(try dump("a[:, 0]") == "([] a (tuple (slice _ _ _) 0))")
        #expect(try dump("a[1, 2]") == "([] a (tuple 1 2))")
        #expect(try dump("a[...]") == "([] a ...)")
        #expect(try dump("a[-1:]") == "([] a (slice (neg 1) _ _))")
        #expect(try dump("f()()") == "(call (call f))")
        #expect(try dump("f(a,)") == "(call f a)")
    }

    @Test func displaysAndComprehensions() throws {
        #expect(try dump("[1, *a, 2]") == "(list 1 (* a) 2)")
        #expect(try dump("(1,)") == "(tuple 1)")
        #expect(try dump("()") == "(tuple)")
        #expect(try dump("(1)") == "1")
        #expect(try dump("{1, 2}") == "(set 1 2)")
        #expect(try dump("{}") == "(dict)")
        #expect(try dump("{'a': 1, **d}") == "(dict (\"a\" 1) (** d))")
        #expect(try dump("[x for x in y if x for z in x]") == "(listcomp x (for x y (if x)) (for z x))")
        #expect(try dump("{k: v for k, v in d}") == "(dictcomp k v (for (tuple k v) d))")
        #expect(try dump("{x for x in y}") == "(setcomp x (for x y))")
        #expect(try dump("(x for x in y)") == "(genexp x (for x y))")
        #expect(try dump("[i for i in a if i if not i]") == "(listcomp i (for i a (if i) (if (not i))))")
    }

    @Test func constants() throws {
        #expect(try dump("123") == "123")
        #expect(try dump("0x1F + 0o17 + 0b101 + 1_000") == "(+ (+ (+ 31 15) 5) 1000)")
        #expect(try dump("123456789012345678901234567890") == "big:123456789012345678901234567890")
        #expect(try dump("0xFFFFFFFFFFFFFFFFFFFF") == "big:1208925819614629174706175")
        #expect(try dump("9223372036854775807") == "9223372036854775807")
        #expect(try dump("9223372036854775808") == "big:9223372036854775808")
        #expect(try dump("1.") == "f:1.0")
        #expect(try dump(".5") == "f:0.5")
        #expect(try dump("1e-3") == "f:0.001")
        #expect(try dump("1_000.5") == "f:1000.5")
        #expect(try dump("None, True, False, ...") == "(tuple None True False ...)")
        #expect(try dump("00") == "0")
    }

    @Test func strings() throws {
        #expect(try dump("'a' \"b\" '''c''' \"\"\"d\"\"\"") == "\"abcd\"")
        let escapes = try Parser.parse(SourceFile(name: "t.py", text: #"'\n\t\\\'\"\r\0\x41\u00e9\U0001F600\101\a\b\f\v'"#))
        guard case .expression(let e) = escapes.body[0].kind, case .constant(.string(let s)) = e.kind else {
            Issue.record("not a string constant")
            return
        }
        #expect(s.unicodeScalars.map(\.value) == [10, 9, 92, 39, 34, 13, 0, 65, 233, 0x1F600, 65, 7, 8, 12, 11])
        #expect(try dump(#"r'\n\d'"#) == #""\\n\\d""#)
        #expect(try dump(#"b'\x00a' rb'\d'"#) == #"b"\0a\\d""#)
        #expect(try dump("'a\\\nb'") == "\"ab\"")
        #expect(try dump("'''a\nb'''") == "\"a\\nb\"")
        #expect(try dump(#"'\q'"#) == #""\\q""#)
        #expect(try dump("u'x'") == "\"x\"")
    }

    @Test func fStrings() throws {
        #expect(try dump("f'a{x}b'") == "(f \"a\" {x} \"b\")")
        #expect(try dump("f'{x!r:>{w}}'") == "(f {x !r :(\">\" {w})})")
        #expect(try dump("f'{x:.2f}'") == "(f {x :(\".2f\")})")
        #expect(try dump("f'{{x}}'") == "(f \"{x}\")")
        #expect(try dump("f'{x=}'") == "(f {x =\"x=\" !r})")
        #expect(try dump("f'{x = :>3}'") == "(f {x =\"x = \" :(\">3\")})")
        #expect(try dump("f'{a[\"k\"]}'") == "(f {([] a \"k\")})")
        #expect(try dump("'a' f'{x}' 'b'") == "(f \"a\" {x} \"b\")")
        #expect(try dump("f'{a, b}'") == "(f {(tuple a b)})")
        #expect(try dump("f'{x!s}{y!a}'") == "(f {x !s} {y !a})")
        #expect(try dump("f'{x == y}'") == "(f {(cmp x == y)})")
        #expect(try dump("f'{\"a\" if x else \"b\"}'") == "(f {(if x \"a\" \"b\")})")
        #expect(try dump("f'\\n{x}'") == "(f \"\\n\" {x})")
        #expect(try dump("rf'\\n{x}'") == "(f \"\\\\n\" {x})")
        #expect(try dump("f'{(lambda: 1)}'") == "(f {(lambda () 1)})")
    }

    @Test func fStringFieldSpansPointIntoTheSource() throws {
        let program = try Parser.parse(SourceFile(name: "t.py", text: "x = f'ab{ yy }'"))
        guard case .assign(_, let value) = program.body[0].kind, case .formattedString(let parts) = value.kind,
              case .replacement(let e, _, _, _) = parts[1] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(e.span == SourceSpan(line: 1, column: 11, endLine: 1, endColumn: 13))
    }

    @Test func yieldForms() throws {
        #expect(try dump("def f():\n  x = yield 1\n  yield\n  yield from g()\n  y = yield a, b")
                == "(def* f () ((= x (yield 1)) (yield) (yield-from (call g)) (= y (yield (tuple a b)))))")
        #expect(try dump("def f():\n  return (yield)") == "(def* f () ((return (yield))))")
    }

    @Test func spansCoverTheExpression() throws {
        let program = try Parser.parse(SourceFile(name: "t.py", text: "  \nfoo(a, b=1).bar"))
        guard case .expression(let e) = program.body[0].kind else { Issue.record("not an expression"); return }
        #expect(e.span == SourceSpan(line: 2, column: 1, endLine: 2, endColumn: 16))
        guard case .attribute(let call, _) = e.kind, case .call(_, let args) = call.kind,
              case .keyword(_, _, let kwSpan) = args[1] else { Issue.record("unexpected shape"); return }
        #expect(call.span == SourceSpan(line: 2, column: 1, endLine: 2, endColumn: 12))
        #expect(kwSpan == SourceSpan(line: 2, column: 8, endLine: 2, endColumn: 11))
    }
}
