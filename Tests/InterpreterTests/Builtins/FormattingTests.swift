import Testing
@testable import Interpreter

@Suite struct FormattingTests {
    @Test(arguments: [
        (1e16, "1e+16"), (1e-5, "1e-05"), (0.1 + 0.2, "0.30000000000000004"), (100.0, "100.0"),
        (123456789012345678.0, "1.2345678901234568e+17"), (-0.0, "-0.0"), (Double.infinity, "inf"), (1e15, "1000000000000000.0"),
    ])
    func floatReprMatchesCPython(_ value: Double, _ expected: String) {
        #expect(FloatRepr.repr(value) == expected)
    }

    @Test func formatSpecs() {
        let r = ScriptRun.run("""
        print(f"{3.14159:.2f}|{42:>6}|{1234567:,}|{0.256:.1%}|{12345.678:e}|{3.5:08.3f}|{255:x}|{5:b}|{'hi':^6}|{7:+d}|{1000000:_}")
        print("%d %s %.2f %r %5.1f%%" % (3, "x", 2.0 / 3, "q", 99.5), "{0}-{name}!r {1:>3}".format("a", 7, name="n"))
        """)
        #expect(r.stdout == "3.14|    42|1,234,567|25.6%|1.234568e+04|0003.500|ff|101|  hi  |+7|1_000_000\n3 x 0.67 'q'  99.5% a-n!r   7\n")
    }

    @Test func stringMethodsCountCodePoints() {
        let r = ScriptRun.run("s = '日本語'\nprint(len(s), s[1], s[::-1], 'a,b,,c'.split(','), '  x  '.strip(), 'Hello World'.swapcase())")
        #expect(r.stdout == "3 本 語本日 ['a', 'b', '', 'c'] x hELLO wORLD\n")
    }

    @Test func jsonDumpsMatchesCPython() {
        let r = ScriptRun.run("""
        import json
        print(json.dumps({"b": [1, 2.5, None, True], "a": "é\\n"}, sort_keys=True))
        print(json.dumps({"k": [1, {"x": []}]}, indent=2))
        print(json.loads('{"a": [1, 2.0, "s", null]}'))
        """)
        #expect(r.stdout == """
        {"a": "\\u00e9\\n", "b": [1, 2.5, null, true]}
        {
          "k": [
            1,
            {
              "x": []
            }
          ]
        }
        {'a': [1, 2.0, 's', None]}

        """)
    }

    @Test func setsOfSmallIntsPrintInCPythonOrder() {
        let r = ScriptRun.run("print({3, 1, 2}, {10, 5, 100, 7}, sorted({'b', 'a'}))")
        #expect(r.stdout == "{1, 2, 3} {10, 100, 5, 7} ['a', 'b']\n")
    }
}
