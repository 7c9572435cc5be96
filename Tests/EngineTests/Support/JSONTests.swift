import Foundation
import Testing
@testable import Engine

/// The JSON reader and writer against Python's `json` (fixtures by tools/gen_notebook_fixtures.py).
@Suite struct JSONTests {
    struct Case { var value: JSONValue; var options: JSONObject; var expected: String }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "dumps", withExtension: "json", subdirectory: "Fixtures/json"),
              let data = try? Data(contentsOf: url),
              let list = try? JSONParser.parse(bytes: [UInt8](data)).arrayValue else { return [] }
        return list.compactMap { item in
            guard let value = item["value"], let options = item["options"]?.objectValue,
                  let expected = item["expected"]?.stringValue else { return nil }
            return Case(value: value, options: options, expected: expected)
        }
    }()

    @Test func fixturesLoaded() { #expect(Self.cases.count >= 100) }

    @Test func writerMatchesPythonDumps() {
        for c in Self.cases {
            let writer = JSONWriter(indent: c.options["indent"]?.intValue,
                                    sortKeys: c.options["sort_keys"]?.boolValue ?? false,
                                    ensureASCII: c.options["ensure_ascii"]?.boolValue ?? true)
            #expect(writer.string(c.value) == c.expected, "options \(c.options.keys)")
        }
    }

    @Test func readsWhatItWrites() throws {
        // Key order is part of a JSONObject's value, so only unsorted output reads back equal.
        for c in Self.cases where c.options["sort_keys"]?.boolValue != true {
            let reparsed = try JSONParser.parse(c.expected)
            #expect(reparsed == c.value)
        }
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "Expecting property name enclosed in double quotes", 1, 9),
        ("[1, 2", "Expecting ',' delimiter", 1, 6),
        ("{\n  \"a\" 1\n}", "Expecting ':' delimiter", 2, 7),
        ("\"abc", "Unterminated string starting at", 1, 1),
        ("[1] x", "Extra data", 1, 5),
        ("", "Expecting value", 1, 1),
        ("{\"日本\": tru}", "Expecting value", 1, 8),
    ])
    func errorsNameLineAndColumnLikePython(text: String, message: String, line: Int, column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected an error for \(text)")
        } catch let error as JSONParseError {
            #expect(error.message == message)
            #expect(error.line == line)
            #expect(error.column == column)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test(arguments: [
        (0.1, "0.1"), (1e16, "1e+16"), (1e-5, "1e-05"), (123.0, "123.0"), (0.0001, "0.0001"),
        (1e15, "1000000000000000.0"), (-2.5e-7, "-2.5e-07"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        (1.0 / 3.0, "0.3333333333333333"), (123456789012345678.0, "1.2345678901234568e+17"),
    ])
    func floatReprMatchesPython(value: Double, expected: String) {
        #expect(PythonFloat.repr(value) == expected)
    }
}
