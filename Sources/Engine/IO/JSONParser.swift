/// A strict JSON reader over UTF-8 bytes that reports errors with line and column,
/// as Python's `json` does ("Expecting ',' delimiter: line 3 column 5 (char 17)").
/// Accepts `NaN`, `Infinity` and `-Infinity`, which Python's `json` writes and reads.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// 1-based line and column (column counted in characters), 0-based character offset.
    public var line: Int
    public var column: Int
    public var offset: Int
    /// The file the text came from, when it came from one.
    public var file: String?

    public init(message: String, line: Int, column: Int, offset: Int, file: String? = nil) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
        self.file = file
    }

    /// Python's wording: `Expecting ',' delimiter: line 3 column 5 (char 17)`, after the file name if any.
    public var description: String {
        let position = line > 0 ? ": line \(line) column \(column) (char \(offset))" : ""
        return (file.map { "\($0): invalid JSON: " } ?? "") + message + position
    }
}

public enum JSONParser {
    /// Maximum nesting of arrays and objects; deeper documents are rejected rather than
    /// overflowing the stack.
    public static let maxDepth = 512

    public static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parse(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func parse(bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parse(bytes: $0) }
    }

    public static func parse(bytes raw: UnsafeRawBufferPointer) throws -> JSONValue {
        let buffer = raw.bindMemory(to: UInt8.self)
        var reader = Reader(bytes: buffer)
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        if reader.position < buffer.count { throw reader.error("Extra data") }
        return value
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
            let end = min(offset ?? position, bytes.count)
            var line = 1, column = 1, chars = 0
            var i = 0
            while i < end {
                let b = bytes[i]
                if b & 0xC0 != 0x80 {  // count characters, not continuation bytes
                    chars += 1
                    if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
                }
                i += 1
            }
            return JSONParseError(message: message, line: line, column: column, offset: chars)
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard position < bytes.count else { throw error("Expecting value") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "N"): return try literal("NaN", .double(.nan))
            case UInt8(ascii: "I"): return try literal("Infinity", .double(.infinity))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("Expecting value")
            }
        }

        mutating func literal(_ word: StaticString, _ value: JSONValue) throws -> JSONValue {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw error("Expecting value") }
            let start = word.utf8Start
            for i in 0..<count where bytes[position + i] != start[i] { throw error("Expecting value") }
            position += count
            return value
        }

        mutating func object(depth: Int) throws -> JSONValue {
            if depth > JSONParser.maxDepth { throw error("Document nested too deeply") }
            position += 1
            var object = JSONObject()
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw error("Expecting property name enclosed in double quotes")
                }
                let key = try string()
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw error("Expecting ':' delimiter")
                }
                position += 1
                skipWhitespace()
                object[key] = try value(depth: depth)
                skipWhitespace()
                guard position < bytes.count else { throw error("Expecting ',' delimiter") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(object) }
                throw error("Expecting ',' delimiter")
            }
        }

        mutating func array(depth: Int) throws -> JSONValue {
            if depth > JSONParser.maxDepth { throw error("Document nested too deeply") }
            position += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth))
                skipWhitespace()
                guard position < bytes.count else { throw error("Expecting ',' delimiter") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                throw error("Expecting ',' delimiter")
            }
        }

        mutating func number() throws -> JSONValue {
            let start = position
            if bytes[position] == UInt8(ascii: "-") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "I") {
                    _ = try literal("Infinity", .null)
                    return .double(-.infinity)
                }
            }
            func digits() -> Int {
                let from = position
                while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
                return position - from
            }
            if digits() == 0 { throw error("Expecting value", at: start) }
            var isFloat = false
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                if digits() == 0 { throw error("Expecting value", at: start) }
                isFloat = true
            }
            if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                    position += 1
                }
                if digits() == 0 { throw error("Expecting value", at: start) }
                isFloat = true
            }
            if !isFloat && position - start <= 18 {  // fits an Int64 whatever the digits: no String needed
                var i: Int64 = 0
                for k in start..<position where bytes[k] != UInt8(ascii: "-") { i = i * 10 + Int64(bytes[k] - 0x30) }
                return .int(bytes[start] == UInt8(ascii: "-") ? -i : i)
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if !isFloat, let i = Int64(text) { return .int(i) }
            guard let d = Double(text) else { throw error("Expecting value", at: start) }
            return .double(d)
        }

        mutating func string() throws -> String {
            let open = position
            position += 1
            // Fast path (most strings, e.g. a tokenizer's 50,000 vocabulary keys): no escape
            // before the closing quote, so the bytes are the string.
            var end = position
            while end < bytes.count {
                let b = bytes[end]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
                end += 1
            }
            if end < bytes.count && bytes[end] == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
                position = end + 1
                return s
            }
            var scalars = String.UnicodeScalarView()
            var runStart = position
            func flushRun() {
                if runStart < position {
                    let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<position]), as: UTF8.self)
                    scalars.append(contentsOf: run.unicodeScalars)
                }
            }
            while true {
                guard position < bytes.count else {
                    throw error("Unterminated string starting at", at: open)
                }
                let b = bytes[position]
                if b == UInt8(ascii: "\"") {
                    flushRun()
                    position += 1
                    return String(scalars)
                }
                if b < 0x20 { throw error("Invalid control character at") }
                if b != UInt8(ascii: "\\") { position += 1; continue }
                flushRun()
                position += 1
                guard position < bytes.count else { throw error("Unterminated string starting at", at: open) }
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count,
                       bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                        let save = position
                        position += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            position = save
                        }
                    }
                    // A lone surrogate cannot live in a Swift string; it becomes U+FFFD.
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default:
                    throw error("Invalid \\escape", at: position - 2)
                }
                runStart = position
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count else { throw error("Invalid \\uXXXX escape", at: position - 1) }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[position]
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
                default: throw error("Invalid \\uXXXX escape", at: position - 1)
                }
                v = v * 16 + digit
                position += 1
            }
            return v
        }
    }
}
