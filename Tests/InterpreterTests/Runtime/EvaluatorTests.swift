import Foundation
import Testing
@testable import Interpreter

@Suite struct EvaluatorTests {
    @Test func arithmeticFollowsPythonSignRules() {
        let r = ScriptRun.run("print(-7 // 2, -7 % 2, 7 % -2, 2 ** 100, -2 ** 2, 7 / 2, divmod(-7, 2), round(2.5), round(0.125, 2))")
        #expect(r.stdout == "-4 1 -1 1267650600228229401496703205376 -4 3.5 (-4, 1) 2 0.12\n")
    }

    @Test func intOverflowBecomesBigAndBack() {
        let r = ScriptRun.run("x = 9223372036854775807\ny = x + 1\nprint(y, y - 1 == x, type(y - 1).__name__, y * y // y == y)")
        #expect(r.stdout == "9223372036854775808 True int True\n")
    }

    @Test func closuresNonlocalAndComprehensionScopes() {
        let r = ScriptRun.run("""
        def counter():
            n = 0
            def inc():
                nonlocal n
                n += 1
                return n
            return inc
        c = counter(); c(); print(c())
        x = 5
        print([x for x in range(3)], x, [f() for f in [lambda: i for i in range(3)]])
        """)
        #expect(r.stdout == "2\n[0, 1, 2] 5 [2, 2, 2]\n")
    }

    @Test func classesWithSuperPropertiesAndDunders() {
        let r = ScriptRun.run("""
        class Base:
            def __init__(self, v): self.v = v
            def describe(self): return f"Base({self.v})"
        class Child(Base):
            def __init__(self, v, w):
                super().__init__(v)
                self.w = w
            @property
            def total(self): return self.v + self.w
            def describe(self): return "Child/" + super().describe()
            def __len__(self): return self.total
            def __eq__(self, other): return isinstance(other, Child) and self.total == other.total
        c = Child(1, 2)
        print(c.describe(), c.total, len(c), c == Child(2, 1), c != Child(0, 0))
        """)
        #expect(r.stdout == "Child/Base(1) 3 3 True True\n")
    }

    @Test func generatorsSendAndYieldFrom() {
        let r = ScriptRun.run("""
        def inner():
            x = yield 1
            yield x * 10
            return "done"
        def outer():
            result = yield from inner()
            yield result
        g = outer()
        print(next(g), g.send(4), next(g), list(x * x for x in range(4) if x))
        """)
        #expect(r.stdout == "1 40 done [1, 4, 9]\n")
    }

    @Test func uncaughtExceptionPrintsCPythonTraceback() {
        let r = ScriptRun.run("def f(x):\n    return 1 / x\n\nf(0)\n", name: "calc.py")
        #expect(r.stderr == """
        Traceback (most recent call last):
          File "calc.py", line 4, in <module>
            f(0)
          File "calc.py", line 2, in f
            return 1 / x
                   ~~^~~
        ZeroDivisionError: division by zero

        """)
        guard case .exception(let type, let message, let frames) = r.result.outcome else {
            Issue.record("expected an exception outcome")
            return
        }
        #expect(type == "ZeroDivisionError" && message == "division by zero" && frames.map(\.line) == [4, 2])
    }

    @Test func chainedExceptionsAreReported() {
        let r = ScriptRun.run("try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('bad') from e\n")
        #expect(r.stderr.contains("KeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\n"))
        #expect(r.stderr.hasSuffix("ValueError: bad\n"))
    }

    @Test func argumentBinderMessages() {
        let r = ScriptRun.run("""
        def f(a, b=2, *, c): pass
        for call in [lambda: f(), lambda: f(1, 2, 3), lambda: f(1, c=1, d=2), lambda: f(1, a=1, c=0), lambda: f(1)]:
            try:
                call()
            except TypeError as e:
                print(e)
        """)
        #expect(r.stdout == """
        f() missing 1 required positional argument: 'a'
        f() takes from 1 to 2 positional arguments but 3 were given
        f() got an unexpected keyword argument 'd'
        f() got multiple values for argument 'a'
        f() missing 1 required keyword-only argument: 'c'

        """)
    }

    @Test func recursionLimitRaisesRecursionError() {
        let r = ScriptRun.run("def f(n): return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(e)\n")
        #expect(r.stdout == "maximum recursion depth exceeded\n")
    }

    @Test func unboundLocalUsesPython311Wording() {
        let r = ScriptRun.run("x = 1\ndef f():\n    print(x)\n    x = 2\nf()\n")
        #expect(r.stderr.hasSuffix("UnboundLocalError: cannot access local variable 'x' where it is not associated with a value\n"))
    }

    @Test func displayLastExpressionSetsUnderscore() {
        let collector = OutputCollector()
        let session = Session(output: collector.append)
        let first = session.runSource("x = 20\nx + 1", name: "<cell>", displayLastExpression: true)
        #expect(first.displayValue == "21")
        let second = session.runSource("_ * 2", name: "<cell>", displayLastExpression: true)
        #expect(second.displayValue == "42")
        let none = session.runSource("print('hi')", name: "<cell>", displayLastExpression: true)
        #expect(none.displayValue == nil && collector.text(.stdout) == "hi\n")
    }

    @Test func completionsCoverNamesAndAttributes() {
        let session = Session(output: { _, _ in })
        _ = session.runSource("import os\nalpha_value = 1", name: "<cell>")
        #expect(session.completions(for: "alpha").contains("alpha_value"))
        #expect(session.completions(for: "os.pa").contains("os.path"))
    }

    @Test func interruptRaisesKeyboardInterrupt() {
        let session = Session(output: { _, _ in })
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { session.interrupt() }
        let r = session.runSource("while True:\n    pass\n", name: "loop.py")
        guard case .exception(let type, _, _) = r.outcome else {
            Issue.record("expected KeyboardInterrupt")
            return
        }
        #expect(type == "KeyboardInterrupt")
    }

    @Test func systemExitCarriesCode() {
        let r = ScriptRun.run("import sys\nsys.exit(3)")
        guard case .exit(let code) = r.result.outcome else {
            Issue.record("expected exit")
            return
        }
        #expect(code == 3 && r.stderr.isEmpty)
    }
}
