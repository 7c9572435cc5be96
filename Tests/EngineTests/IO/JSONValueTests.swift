import Foundation
import Testing
@testable import Engine

@Suite struct JSONValueTests {
    @Test func parsesTypesAndKeepsKeyOrder() throws {
        let v = try JSONValue.parse(#"{"z": 1, "a": 1.0, "m": [true, null, "x\u00e9"], "o": {}}"#)
        let o = try #require(v.objectValue)
        #expect(o.keys == ["z", "a", "m", "o"])
        #expect(o["z"] == .int(1))
        #expect(o["a"] == .double(1.0))
        #expect(o["m"] == .array([.bool(true), .null, .string("xé")]))
        #expect(o["a"]?.intValue == 1)
    }

    @Test func rejectsInvalidText() throws {
        #expect(throws: JSONParseError.self) { try JSONValue.parse("{\"a\": }") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("{\"a\": 1} trailing") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("{\"a\": 1") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("") }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(try JSONValue.parse(deep).arrayValue != nil)
    }

    @Test func floatsArePrintedLikePythonRepr() {
        let cases: [(Double, String)] = [
            (1e-5, "1e-05"), (0.1, "0.1"), (10000.0, "10000.0"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"), (0.00012, "0.00012"), (1.5e-7, "1.5e-07"), (-2.5, "-2.5"), (0.0, "0.0"),
            (100000.0, "100000.0"), (1e-6, "1e-06"), (0.02, "0.02"), (123.456, "123.456"), (2e22, "2e+22"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (Double.leastNonzeroMagnitude, "5e-324"),
        ]
        for (value, text) in cases {
            #expect(PythonFloat.repr(value) == text, "\(value)")
        }
    }

    @Test func writesLikePythonJsonDumps() throws {
        let v = try JSONValue.parse(#"{"b": [1, 2.0, "é☃"], "a": {"y": null, "x": true}, "e": [], "f": {}}"#)
        let expected = """
        {
          "a": {
            "x": true,
            "y": null
          },
          "b": [
            1,
            2.0,
            "\\u00e9\\u2603"
          ],
          "e": [],
          "f": {}
        }
        """
        #expect(JSONWriter.transformers.string(v) == expected)
        #expect(JSONWriter(indent: nil).string(.array([.int(1), .string("a\"b\n")])) == #"[1, "a\"b\n"]"#)
        #expect(JSONWriter.transformers.string(.string("😀")) == #""\ud83d\ude00""#)
    }
}
