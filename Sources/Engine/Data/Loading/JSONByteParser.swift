import Foundation

/// A JSON parser over raw UTF-8 bytes that builds `DataValue`s directly: one pass, no
/// intermediate tree, strings without escapes copied straight from the buffer. It is
/// what makes loading JSON Lines faster than `datasets` (see benchmarks/datasets/);
/// json-c was measured slower because every value first becomes a `json_object`
/// (with a hash table per object) that must then be converted again.
struct JSONByteParser {
    struct Failure: Error {
        /// Byte offset of the problem within the parsed region.
        let offset: Int
        let message: String
    }

    let base: UnsafePointer<UInt8>
    let end: Int
    var pos: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        self.end = end ?? bytes.count
        pos = start
    }

    var atEnd: Bool { mutating get { skipWhitespace(); return pos >= end } }

    mutating func skipWhitespace() {
        while pos < end {
            let c = base[pos]
            if c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09 { pos += 1 } else { return }
        }
    }

    func fail(_ message: String) -> Failure { Failure(offset: pos, message: message) }

    mutating func parseValue(depth: Int = 0) throws -> DataValue {
        skipWhitespace()
        guard pos < end else { throw fail("unexpected end of input, expected a value") }
        if depth > 512 { throw fail("nesting deeper than 512 levels") }
        switch base[pos] {
        case UInt8(ascii: "{"): return .dict(try parseObject(depth: depth))
        case UInt8(ascii: "["):
            pos += 1
            var items: [DataValue] = []
            skipWhitespace()
            if pos < end && base[pos] == UInt8(ascii: "]") { pos += 1; return .list(items) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard pos < end else { throw fail("unterminated array") }
                if base[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if base[pos] == UInt8(ascii: "]") { pos += 1; return .list(items) }
                throw fail("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "N"): try literal("NaN"); return .double(.nan)
        default: throw fail("unexpected character '\(printable(base[pos]))'")
        }
    }

    mutating func parseObject(depth: Int) throws -> DataDict {
        pos += 1  // '{'
        var keys: [String] = [], values: [DataValue] = []
        skipWhitespace()
        if pos < end && base[pos] == UInt8(ascii: "}") { pos += 1; return DataDict(uniqueKeys: keys, values: values) }
        while true {
            skipWhitespace()
            guard pos < end, base[pos] == UInt8(ascii: "\"") else { throw fail("expected a string key in an object") }
            let key = try parseString()
            skipWhitespace()
            guard pos < end, base[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
            pos += 1
            let value = try parseValue(depth: depth + 1)
            // A repeated key keeps the last value, as Python's json does.
            if let i = keys.firstIndex(of: key) { values[i] = value } else { keys.append(key); values.append(value) }
            skipWhitespace()
            guard pos < end else { throw fail("unterminated object") }
            if base[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if base[pos] == UInt8(ascii: "}") { pos += 1; return DataDict(uniqueKeys: keys, values: values) }
            throw fail("expected ',' or '}' in an object")
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard pos + n <= end, memcmp(base + pos, word.utf8Start, n) == 0 else { throw fail("invalid literal") }
        pos += n
    }

    mutating func parseNumber() throws -> DataValue {
        let start = pos
        var isFloat = false
        if base[pos] == UInt8(ascii: "-") { pos += 1 }
        if pos < end && base[pos] == UInt8(ascii: "I") { try literal("Infinity"); return .double(base[start] == UInt8(ascii: "-") ? -.infinity : .infinity) }
        var value: Int64 = 0, overflow = false
        let digitsStart = pos
        while pos < end, base[pos] &- 0x30 < 10 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(base[pos] &- 0x30))
            value = a; overflow = overflow || o1 || o2
            pos += 1
        }
        if pos == digitsStart { throw fail("invalid number") }
        if pos < end && base[pos] == UInt8(ascii: ".") {
            isFloat = true; pos += 1
            while pos < end, base[pos] &- 0x30 < 10 { pos += 1 }
        }
        if pos < end && (base[pos] == UInt8(ascii: "e") || base[pos] == UInt8(ascii: "E")) {
            isFloat = true; pos += 1
            if pos < end && (base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-")) { pos += 1 }
            while pos < end, base[pos] &- 0x30 < 10 { pos += 1 }
        }
        if !isFloat && !overflow { return .int(base[start] == UInt8(ascii: "-") ? -value : value) }
        if let d = fastDecimal(start, pos) { return .double(d) }
        // strtod needs a terminated copy; numbers are short.
        var buf = [CChar](repeating: 0, count: pos - start + 1)
        for i in 0..<(pos - start) { buf[i] = CChar(bitPattern: base[start + i]) }
        return .double(strtod(buf, nil))
    }

    private static let powersOf10: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// `[-]digits[.digits]` with at most 15 significant digits, as Double(m) / 10^k: both
    /// operands are exact, so the one division is correctly rounded (Clinger's fast
    /// path) and equals strtod's result. Anything else (exponents, long mantissas) → nil.
    private func fastDecimal(_ start: Int, _ stop: Int) -> Double? {
        var i = start
        let negative = base[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: Int64 = 0, digits = 0, fraction = 0, seenDot = false
        while i < stop {
            let c = base[i]
            if c == UInt8(ascii: ".") { seenDot = true; i += 1; continue }
            guard c &- 0x30 < 10 else { return nil }
            mantissa = mantissa * 10 + Int64(c &- 0x30)
            if mantissa != 0 { digits += 1 }
            if seenDot { fraction += 1 }
            if digits > 15 || fraction > 22 { return nil }
            i += 1
        }
        let d = Double(mantissa) / Self.powersOf10[fraction]
        return negative ? -d : d
    }

    mutating func parseString() throws -> String {
        pos += 1  // opening quote
        let start = pos
        var ascii = true
        while pos < end {
            // 8 bytes at a time (SWAR) while none is a quote, a backslash, a control or a
            // non-ASCII byte; a flagged word falls through to the byte loop. (SIMD16 was
            // measured 8x slower here: the mask operations were not lowered to vectors.)
            while pos + 8 <= end {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let q = w ^ (ones &* 0x22), b = w ^ (ones &* 0x5c)
                let flags = ((q &- ones) & ~q) | ((b &- ones) & ~b) | ((w &- ones &* 0x20) & ~w) | w
                if flags & highs != 0 { break }
                pos += 8
            }
            guard pos < end else { break }
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                let bytes = UnsafeBufferPointer(start: base + start, count: pos - start)
                pos += 1
                if !ascii && !UTF8Check.isValid(bytes) { throw Failure(offset: start, message: "invalid UTF-8 in a string") }
                return String(decoding: bytes, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw fail("control character in a string") }
            if c >= 0x80 { ascii = false }
            pos += 1
        }
        // Slow path: the string has escapes.
        var out: [UInt8] = Array(UnsafeBufferPointer(start: base + start, count: pos - start))
        while pos < end {
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                if !ascii && !out.withUnsafeBufferPointer(UTF8Check.isValid) { throw fail("invalid UTF-8 in a string") }
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw fail("control character in a string") }
            if c >= 0x80 { ascii = false }
            if c != UInt8(ascii: "\\") { out.append(c); pos += 1; continue }
            pos += 1
            guard pos < end else { break }
            let e = base[pos]; pos += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0c)
            case UInt8(ascii: "n"): out.append(0x0a)
            case UInt8(ascii: "r"): out.append(0x0d)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), pos + 1 < end, base[pos] == UInt8(ascii: "\\"), base[pos + 1] == UInt8(ascii: "u") {
                    pos += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else { appendScalar(0xFFFD, &out); scalar = low }
                }
                appendScalar((0xD800..<0xE000).contains(scalar) ? 0xFFFD : scalar, &out)
            default: throw fail("invalid escape '\\\(printable(e))'")
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= end else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = base[pos]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - 0x57
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - 0x37
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | UInt32(d); pos += 1
        }
        return v
    }

    private func appendScalar(_ s: UInt32, _ out: inout [UInt8]) {
        guard let u = Unicode.Scalar(s) else { return }
        out.append(contentsOf: Array(String(Character(u)).utf8))
    }

    private func printable(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7f ? String(UnicodeScalar(c)) : "\\x" + String(c, radix: 16).leftPadded(to: 2)
    }
}

/// UTF-8 validation (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
enum UTF8Check {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool { firstInvalid(b) == nil }

    /// Offset of the first byte that starts an invalid sequence, or nil.
    static func firstInvalid(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int, lo: UInt8, hi: UInt8
            switch c {
            case 0xC2...0xDF: len = 2; lo = 0x80; hi = 0xBF
            case 0xE0: len = 3; lo = 0xA0; hi = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: len = 3; lo = 0x80; hi = 0xBF
            case 0xED: len = 3; lo = 0x80; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90; hi = 0xBF
            case 0xF1...0xF3: len = 4; lo = 0x80; hi = 0xBF
            case 0xF4: len = 4; lo = 0x80; hi = 0x8F
            default: return i
            }
            if i + len > n { return i }
            if b[i + 1] < lo || b[i + 1] > hi { return i }
            for k in 2..<max(len, 2) where b[i + k] & 0xC0 != 0x80 { return i }
            i += len
        }
        return nil
    }
}
