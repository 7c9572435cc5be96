import Testing
@testable import Engine

@Suite struct JSONByteParserTests {
    private func parse(_ text: String) throws -> DataValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buf in
            var p = JSONByteParser(buf)
            return try p.parseValue()
        }
    }

    @Test func decimalsAreCorrectlyRounded() throws {
        var rng = SplitMix(seed: 11)
        for _ in 0..<5000 {
            let intDigits = Int(rng.next() % 10), fracDigits = 1 + Int(rng.next() % 18)
            let whole = (0..<max(intDigits, 1)).map { _ in String(rng.next() % 10) }.joined()
            let frac = (0..<fracDigits).map { _ in String(rng.next() % 10) }.joined()
            let text = (rng.next() % 2 == 0 ? "-" : "") + whole + "." + frac
            #expect(try parse(text) == .double(Double(text) ?? .nan), "\(text)")
        }
        #expect(try parse("1e3") == .double(1000))
        #expect(try parse("-0.0") == .double(-0.0))
        #expect(try parse("123456789012345678901") == .double(Double("123456789012345678901") ?? 0))
    }

    @Test func stringsWithEscapesAndLongRuns() throws {
        let long = String(repeating: "abcdefghij", count: 10)
        #expect(try parse("\"\(long)\"") == .string(long))
        #expect(try parse("\"\(long)\\n\\u00e9\\ud83d\\ude00\(long)\"") == .string(long + "\né😀" + long))
        #expect(try parse("\"\(long)é\(long)\"") == .string(long + "é" + long))
        #expect(throws: JSONByteParser.Failure.self) { try parse("\"\(long)\u{01}\"") }
        #expect(throws: JSONByteParser.Failure.self) { try parse("\"\(long)") }
    }
}
