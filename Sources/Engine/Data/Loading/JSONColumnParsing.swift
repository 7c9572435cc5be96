/// Parsing JSON straight into column builders (see `ColumnBuilder`): the loader's fast
/// path. Values that do not fit the column's current type go through the generic
/// `DataValue` path, which changes the column's type.
extension JSONByteParser {
    mutating func parse(into b: ColumnBuilder, depth: Int = 0) throws {
        skipWhitespace()
        guard pos < end else { throw fail("unexpected end of input, expected a value") }
        if depth > 512 { throw fail("nesting deeper than 512 levels") }
        switch base[pos] {
        case UInt8(ascii: "\""): b.append(string: try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            switch try parseNumber() {
            case let .int(x): b.append(int: x)
            case let .double(x): b.append(double: x)
            default: break
            }
        case UInt8(ascii: "t"): try literal("true"); b.append(bool: true)
        case UInt8(ascii: "f"): try literal("false"); b.append(bool: false)
        case UInt8(ascii: "n"): try literal("null"); b.appendNull()
        case UInt8(ascii: "["):
            guard let child = b.beginList() else { return b.append(try parseValue(depth: depth)) }
            pos += 1
            skipWhitespace()
            if pos < end && base[pos] == UInt8(ascii: "]") { pos += 1; b.endList(); return }
            while true {
                try parse(into: child, depth: depth + 1)
                skipWhitespace()
                guard pos < end else { throw fail("unterminated array") }
                if base[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if base[pos] == UInt8(ascii: "]") { pos += 1; b.endList(); return }
                throw fail("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "{"):
            guard b.beginStruct() else { return b.append(try parseValue(depth: depth)) }
            try parseObjectFields(into: b, depth: depth)
        default: b.append(try parseValue(depth: depth))
        }
    }

    /// Parses `{...}` into the fields of a struct builder and closes the cell.
    mutating func parseObjectFields(into b: ColumnBuilder, depth: Int) throws {
        pos += 1  // '{'
        skipWhitespace()
        if pos < end && base[pos] == UInt8(ascii: "}") { pos += 1; b.endStruct(); return }
        var i = 0
        while true {
            skipWhitespace()
            guard pos < end, base[pos] == UInt8(ascii: "\"") else { throw fail("expected a string key in an object") }
            let keyOffset = pos
            let key = try parseString()
            skipWhitespace()
            guard pos < end, base[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
            pos += 1
            let f = b.field(named: key, hint: i)
            if f.count != b.count {
                throw Failure(offset: keyOffset, message: "duplicate key '\(key)' in an object")
            }
            try parse(into: f, depth: depth + 1)
            i += 1
            skipWhitespace()
            guard pos < end else { throw fail("unterminated object") }
            if base[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if base[pos] == UInt8(ascii: "}") { pos += 1; b.endStruct(); return }
            throw fail("expected ',' or '}' in an object")
        }
    }
}
