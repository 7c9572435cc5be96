import Testing
@testable import Interpreter

@Suite struct ParserStatementTests {
    @Test func assignments() throws {
        #expect(try dump("a = b = 1") == "(= a b 1)")
        #expect(try dump("a, *b = c") == "(= (tuple a (* b)) c)")
        #expect(try dump("[a, (b, c)] = d") == "(= (list a (tuple b c)) d)")
        #expect(try dump("x += 1") == "(+= x 1)")
        #expect(try dump("x.y //= 2") == "(//= (. x y) 2)")
        #expect(try dump("x[0] **= 2") == "(**= ([] x 0) 2)")
        #expect(try dump("x: int = 3") == "(ann x 3)")
        #expect(try dump("x: list[int]") == "(ann x)")
        #expect(try dump("x = 1, 2") == "(= x (tuple 1 2))")
        #expect(try dump("x = *a, b") == "(= x (tuple (* a) b))")
        #expect(try dump("match = 3") == "(= match 3)")
        #expect(try dump("type = 1\ncase = 2\n_ = 3") == "(= type 1)\n(= case 2)\n(= _ 3)")
        #expect(try dump("a = 1; b = 2;") == "(= a 1)\n(= b 2)")
    }

    @Test func simpleStatements() throws {
        #expect(try dump("del a, b[0], c.x") == "(del a ([] b 0) (. c x))")
        #expect(try dump("assert x, 'm'") == "(assert x \"m\")")
        #expect(try dump("raise") == "(raise)")
        #expect(try dump("raise E('x') from err") == "(raise (call E \"x\") from err)")
        #expect(try dump("global a, b") == "(global a b)")
        #expect(try dump("def f():\n  nonlocal_x = 1\n  def g():\n    nonlocal nonlocal_x")
                == "(def f () ((= nonlocal_x 1) (def g () ((nonlocal nonlocal_x)))))")
        #expect(try dump("pass") == "pass")
        #expect(try dump("while 1:\n  break\n  continue") == "(while 1 (break continue))")
    }

    @Test func imports() throws {
        #expect(try dump("import os.path as p, sys") == "(import os.path:p sys)")
        #expect(try dump("from . import a") == "(from . a)")
        #expect(try dump("from ..pkg.mod import (b as c, d,)") == "(from ..pkg.mod b:c d)")
        #expect(try dump("from m import *") == "(from m *)")
        #expect(try dump("from ... import x") == "(from ... x)")
        #expect(try dump("from __future__ import annotations\nx = 1") == "(from __future__ annotations)\n(= x 1)")
    }

    @Test func compoundStatements() throws {
        #expect(try dump("if a:\n  x\nelif b:\n  y\nelse:\n  z") == "(if a (x) ((if b (y) (z))))")
        #expect(try dump("if x: pass") == "(if x (pass))")
        #expect(try dump("if x: a; b") == "(if x (a b))")
        #expect(try dump("while x:\n  pass\nelse:\n  y") == "(while x (pass) (y))")
        #expect(try dump("for i, (j, k) in e:\n  pass\nelse:\n  z") == "(for (tuple i (tuple j k)) e (pass) (z))")
        #expect(try dump("for x in 1, 2: pass") == "(for x (tuple 1 2) (pass))")
        #expect(try dump("for *a, b in c: pass") == "(for (tuple (* a) b) c (pass))")
        #expect(try dump("with a as b, c: pass") == "(with ((a b) (c)) (pass))")
        #expect(try dump("with (a as b, c as d,): pass") == "(with ((a b) (c d)) (pass))")
        #expect(try dump("with (a, b): pass") == "(with ((a) (b)) (pass))")
        #expect(try dump("with (a, b) as c: pass") == "(with (((tuple a b) c)) (pass))")
        #expect(try dump("with (a): pass") == "(with ((a)) (pass))")
        #expect(try dump("with a as (b, c): pass") == "(with ((a (tuple b c))) (pass))")
        #expect(try dump("try:\n  a\nexcept (E, F) as e:\n  b\nexcept G:\n  c\nexcept:\n  d\nelse:\n  f\nfinally:\n  g")
                == "(try (a) (except (tuple E F) as e (b)) (except G (c)) (except (d)) (else (f)) (finally (g)))")
        #expect(try dump("try:\n  a\nfinally:\n  b") == "(try (a) (finally (b)))")
    }

    @Test func blankLinesCommentsAndContinuations() throws {
        #expect(try dump("# c\n\nif a:  # c\n\n    # c\n    x = (1 +\n  2)\n\n    y = 1 + \\\n  2\n# end") ==
                "(if a ((= x (+ 1 2)) (= y (+ 1 2))))")
        #expect(try dump("x = [\n  1,\n  2,\n]") == "(= x (list 1 2))")
        #expect(try dump("if a:\n\tif b:\n\t\tc\n\td") == "(if a ((if b (c)) d))")
        #expect(try dump("") == "")
        #expect(try dump("\n\n# only a comment") == "")
        #expect(try dump("x = 1\r\ny = 2\r\n") == "(= x 1)\n(= y 2)")
        #expect(try dump("if a:\n    b\n\n\n") == "(if a (b))")
    }

    @Test func functionDefinitions() throws {
        #expect(try dump("def f(a, b=2, /, c=3, *args, d, e=4, **kwargs) -> int:\n  pass")
                == "(def f (a b=2 / c=3 *args d e=4 **kwargs) (pass))")
        #expect(try dump("def f(a: int, *, b: str = 'x', **k: dict) -> None: pass") == "(def f (a * b=\"x\" **k) (pass))")
        #expect(try dump("@d1\n@d2.attr(1)\ndef f(): pass") == "(def f () @(d1 (call (. d2 attr) 1)) (pass))")
        #expect(try dump("def f(*args: *Ts): pass") == "(def f (*args) (pass))")
    }

    @Test func docstrings() throws {
        let program = try Parser.parse(SourceFile(name: "t.py", text: """
            def f():
                '''Doc.'''
                return 1
            class A(B, metaclass=M):
                "Class doc."
            def g():
                f'not {a} docstring'
            """))
        guard case .functionDef(let f) = program.body[0].kind, case .classDef(let c) = program.body[1].kind,
              case .functionDef(let g) = program.body[2].kind else {
            Issue.record("unexpected statements")
            return
        }
        #expect(f.docstring == "Doc.")
        #expect(f.body.count == 2)
        #expect(c.docstring == "Class doc.")
        #expect(c.bases.count == 1 && c.keywords.map(\.0) == ["metaclass"])
        #expect(g.docstring == nil)
    }

    @Test func generatorDetection() throws {
        func isGenerator(_ source: String) throws -> Bool {
            let program = try Parser.parse(SourceFile(name: "t.py", text: source))
            guard case .functionDef(let f) = program.body[0].kind else { return false }
            return f.isGenerator
        }
        #expect(try isGenerator("def f():\n  yield 1"))
        #expect(try isGenerator("def f():\n  x = yield"))
        #expect(try isGenerator("def f():\n  yield from g"))
        #expect(try isGenerator("def f():\n  return [x for x in (yield)]"))
        #expect(try !isGenerator("def f():\n  return 1"))
        #expect(try !isGenerator("def f():\n  def g():\n    yield 1\n  return g"))
        #expect(try !isGenerator("def f():\n  g = lambda: (yield)\n  return g"))
        #expect(try !isGenerator("def f():\n  class A:\n    def m(self):\n      yield 1"))
    }

    @Test func classDefinitions() throws {
        #expect(try dump("class A: pass") == "(class A () (pass))")
        #expect(try dump("class A(): pass") == "(class A () (pass))")
        #expect(try dump("@dataclass\nclass A(B, C, x=1):\n  a: int = 0")
                == "(class A (B C) x=1 @(dataclass) ((ann a 0)))")
    }

    @Test func statementSpans() throws {
        let program = try Parser.parse(SourceFile(name: "t.py", text: "if a:\n    x = 1\n    y = 2\nz = 3"))
        #expect(program.body[0].span == SourceSpan(line: 1, column: 1, endLine: 3, endColumn: 10))
        guard case .if(_, let body, _) = program.body[0].kind else { Issue.record("not an if"); return }
        #expect(body[1].span == SourceSpan(line: 3, column: 5, endLine: 3, endColumn: 10))
        #expect(program.body[1].span == SourceSpan(line: 4, column: 1, endLine: 4, endColumn: 6))
    }
}
