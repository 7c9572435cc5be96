import BigInt
import Foundation

/// The format-spec mini-language (`format()`, f-strings, `str.format`) and `%`
/// formatting, with CPython's output. Float digits come from the C library's
/// correctly rounded `printf`, which is what CPython's own formatter produces too.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?
    /// `type` and `align` as ASCII bytes (0: absent, 255: not ASCII), computed once:
    /// comparing `Character`s, or asking for `asciiValue`, costs a string comparison.
    private(set) var typeCode: UInt8 = 0
    private(set) var alignCode: UInt8 = 0

    init(_ spec: String) throws {
        var chars = Array(spec)
        var i = 0
        func isAlign(_ c: Character) -> Bool { c == "<" || c == ">" || c == "^" || c == "=" }
        if chars.count >= 2 && isAlign(chars[1]) {
            fill = chars[0]
            align = chars[1]
            i = 2
        } else if !chars.isEmpty && isAlign(chars[0]) {
            align = chars[0]
            i = 1
        }
        if i < chars.count, chars[i] == "+" || chars[i] == "-" || chars[i] == " " {
            sign = chars[i]
            i += 1
        }
        if i < chars.count, chars[i] == "z" { i += 1 }
        if i < chars.count, chars[i] == "#" {
            alternate = true
            i += 1
        }
        if i < chars.count, chars[i] == "0" {
            zeroPad = true
            i += 1
        }
        var w = 0
        while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII {
            w = w * 10 + d
            i += 1
        }
        width = w
        if i < chars.count, chars[i] == "," || chars[i] == "_" {
            grouping = chars[i]
            i += 1
        }
        if i < chars.count, chars[i] == "." {
            i += 1
            var p = 0
            var any = false
            while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII {
                p = p * 10 + d
                i += 1
                any = true
            }
            if !any { throw PyError.valueError("Format specifier missing precision") }
            precision = p
        }
        if i < chars.count {
            type = chars[i]
            i += 1
        }
        if i < chars.count {
            chars = Array(spec)
            throw PyError.valueError("Invalid format specifier '\(spec)' for object of type")
        }
        if zeroPad && align == nil {
            fill = "0"
            align = "="
        }
        typeCode = type.map { $0.asciiValue ?? 255 } ?? 0
        alignCode = align.map { $0.asciiValue ?? 255 } ?? 0
    }

    /// Pads `body` (already signed) to the width.
    func pad(_ body: String, signPrefix: String = "", defaultAlign: UInt8) -> String {
        // Python counts code points; `unicodeScalars.count` is also much cheaper than `count`.
        if width == 0 { return signPrefix.isEmpty ? body : signPrefix + body }
        let total = signPrefix.unicodeScalars.count + body.unicodeScalars.count
        guard width > total else { return signPrefix.isEmpty ? body : signPrefix + body }
        let n = width - total
        switch alignCode != 0 ? alignCode : defaultAlign {
        case UInt8(ascii: "<"): return signPrefix + body + String(repeating: fill, count: n)
        case UInt8(ascii: "^"):
            let left = n / 2
            return String(repeating: fill, count: left) + signPrefix + body + String(repeating: fill, count: n - left)
        case UInt8(ascii: "="): return signPrefix + String(repeating: fill, count: n) + body
        default: return String(repeating: fill, count: n) + signPrefix + body
        }
    }
}

enum CFormat {
    private typealias StrFromD = @convention(c) (UnsafeMutablePointer<CChar>?, Int, UnsafePointer<CChar>?, Double) -> Int32
    /// glibc's `strfromd` (printf's float conversion without the variadic call, whose
    /// argument list costs more than the conversion), looked up once; nil elsewhere.
    private static let strfromd: StrFromD? = dlsym(nil, "strfromd").map { unsafeBitCast($0, to: StrFromD.self) }

    /// `%.{precision}{code}` (with `#` when `alternate`) of one double, the format built as
    /// bytes rather than by string interpolation (f-strings format floats in hot loops).
    static func double(_ d: Double, precision: Int, code: Unicode.Scalar, alternate: Bool) -> String {
        var format: [CChar] = [37]
        format.reserveCapacity(12)
        if alternate { format.append(35) }
        format.append(46)
        for u in String(precision).utf8 { format.append(CChar(u)) }
        format.append(CChar(code.value))
        format.append(0)
        return format.withUnsafeBufferPointer { f in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer -> String in
                let n: Int32
                if !alternate, let convert = strfromd {
                    n = convert(buffer.baseAddress, 128, f.baseAddress, d)
                } else {
                    n = withVaList([d]) { vsnprintf(buffer.baseAddress, 128, f.baseAddress!, $0) }
                }
                if n < 128 { return String(cString: buffer.baseAddress!) }
                return CFormat.double(String(cString: f.baseAddress!), d)
            }
        }
    }

    /// `printf`-style formatting of one double.
    static func double(_ format: String, _ d: Double) -> String {
        let short = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer -> String? in
            let n = withVaList([d]) { vsnprintf(buffer.baseAddress, 128, format, $0) }
            return n < 128 ? String(cString: buffer.baseAddress!) : nil
        }
        if let s = short { return s }
        var buffer = [CChar](repeating: 0, count: 512)
        let n = withVaList([d]) { vsnprintf(&buffer, 512, format, $0) }
        if n >= 512 {
            buffer = [CChar](repeating: 0, count: Int(n) + 1)
            _ = withVaList([d]) { vsnprintf(&buffer, Int(n) + 1, format, $0) }
        }
        return String(cString: buffer)
    }
}

extension Interpreter {
    /// `format(v, specText)`; `parsed` is `specText` already parsed (f-strings parse a
    /// constant spec once, when compiled).
    func format(_ v: Value, _ specText: String, parsed: FormatSpec? = nil) throws -> String {
        if case .object(let o) = v, o.cls.isUserDefined, let m = o.cls.lookupUser("__format__") {
            let r = try call(m, [v, .str(specText)])
            guard case .object(let ro) = r, let s = ro as? PyStr else {
                throw PyError.typeError("__format__ must return a str, not \(typeName(r))")
            }
            return s.value
        }
        if specText.isEmpty { return try str(v) }
        let spec = try parsed ?? FormatSpec(specText)
        switch v {
        case .bool(let b):
            return try formatInt(b ? 1 : 0, spec)
        case .int(let i): return try formatInt(i, spec)
        case .float(let d): return try formatFloat(d, spec)
        case .object(let o):
            if let b = o as? PyBigInt { return try formatInt(b.value, spec) }
            if let s = o as? PyStr {
                if let t = spec.type, t != "s" {
                    throw PyError.valueError("Unknown format code '\(t)' for object of type 'str'")
                }
                var text = s.value
                if let p = spec.precision { text = String(text.unicodeScalars.prefix(p).map(Character.init)) }
                return spec.pad(text, defaultAlign: UInt8(ascii: "<"))
            }
            if let n = o as? NativeObject, let r = try n.format(self, specText) { return r }
        default: break
        }
        throw PyError.typeError("unsupported format string passed to \(typeName(v)).__format__")
    }

    private func formatInt<I: BinaryInteger>(_ value: I, _ spec: FormatSpec) throws -> String {
        let type = spec.type ?? "d"
        let code = spec.type == nil ? UInt8(ascii: "d") : spec.typeCode
        switch code {
        case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "g"),
             UInt8(ascii: "G"), UInt8(ascii: "%"):
            return try formatFloat(Double(value), spec)
        default: break
        }
        if spec.precision != nil { throw PyError.valueError("Precision not allowed in integer format specifier") }
        let negative = value < 0
        let mag = value.magnitude
        var digits: String
        var prefix = ""
        let decimal = code == UInt8(ascii: "d") || code == UInt8(ascii: "n")
        switch code {
        case UInt8(ascii: "d"), UInt8(ascii: "n"): digits = String(mag)
        case UInt8(ascii: "x"): digits = String(mag, radix: 16); prefix = "0x"
        case UInt8(ascii: "X"): digits = String(mag, radix: 16).uppercased(); prefix = "0X"
        case UInt8(ascii: "o"): digits = String(mag, radix: 8); prefix = "0o"
        case UInt8(ascii: "b"): digits = String(mag, radix: 2); prefix = "0b"
        case UInt8(ascii: "c"):
            guard let u = Int(exactly: value).flatMap({ Unicode.Scalar(UInt32(clamping: $0)) }) else {
                throw PyError.overflow("%c arg not in range(0x110000)")
            }
            return spec.pad(String(Character(u)), defaultAlign: UInt8(ascii: "<"))
        default:
            throw PyError.valueError("Unknown format code '\(type)' for object of type 'int'")
        }
        if let g = spec.grouping {
            digits = Interpreter.group(digits, separator: g, size: decimal ? 3 : 4)
        }
        var signText = negative ? "-" : (spec.sign == "+" ? "+" : spec.sign == " " ? " " : "")
        if spec.alternate { signText += prefix }
        if spec.zeroPad && spec.grouping != nil && spec.align == "=" && spec.fill == "0" {
            let target = spec.width - signText.count
            digits = Interpreter.zeroPadGrouped(digits, width: target, separator: spec.grouping!, size: decimal ? 3 : 4)
        }
        return spec.pad(digits, signPrefix: signText, defaultAlign: UInt8(ascii: ">"))
    }

    private func formatFloat(_ d: Double, _ spec: FormatSpec) throws -> String {
        let negative = d.sign == .minus && !(d.isNaN)
        let mag = abs(d)
        var body: String
        let type = spec.type
        let alt = spec.alternate ? "#" : ""
        if mag.isInfinite || mag.isNaN {
            body = mag.isNaN ? "nan" : "inf"
            if type == "E" || type == "F" || type == "G" { body = body.uppercased() }
            if type == "%" { body += "%" }
        } else {
            switch type {
            case "f", "F": body = CFormat.double(mag, precision: spec.precision ?? 6, code: "f", alternate: spec.alternate)
            case "e", "E":
                body = CFormat.double(mag, precision: spec.precision ?? 6, code: "e", alternate: spec.alternate)
                if type == "E" { body = body.uppercased() }
            case "g", "G":
                body = CFormat.double(mag, precision: spec.precision ?? 6, code: "g", alternate: spec.alternate)
                if type == "G" { body = body.uppercased() }
            case "%": body = CFormat.double("%\(alt).\(spec.precision ?? 6)f", mag * 100) + "%"
            case "n": body = CFormat.double("%\(alt).\(spec.precision ?? 6)g", mag)
            case nil:
                if let p0 = spec.precision {
                    // Like 'g', but scientific from exponent p-1 on, and a fixed result keeps one decimal.
                    let p = max(p0, 1)
                    let sci = CFormat.double("%.\(p - 1)e", mag)
                    let exp = Int(sci[sci.index(after: sci.firstIndex(of: "e") ?? sci.startIndex)...]) ?? 0
                    if exp < -4 || exp >= p - 1 {
                        body = CFormat.double("%\(alt).\(p - 1)e", mag)
                        if !spec.alternate, let e = body.firstIndex(of: "e") {
                            var mant = String(body[..<e])
                            if mant.contains(".") {
                                while mant.hasSuffix("0") { mant.removeLast() }
                                if mant.hasSuffix(".") { mant.removeLast() }
                            }
                            body = mant + body[e...]
                        }
                    } else {
                        body = CFormat.double("%\(alt).\(max(0, p - 1 - exp))f", mag)
                        if body.contains(".") && !spec.alternate {
                            while body.hasSuffix("0") { body.removeLast() }
                            if body.hasSuffix(".") { body += "0" }
                        } else if !body.contains(".") {
                            body += ".0"
                        }
                    }
                } else {
                    body = FloatRepr.repr(mag)
                }
            default:
                throw PyError.valueError("Unknown format code '\(type!)' for object of type 'float'")
            }
        }
        if let g = spec.grouping {
            let end = body.firstIndex { $0 == "." || $0 == "e" || $0 == "E" || $0 == "%" } ?? body.endIndex
            let intPart = String(body[..<end])
            if intPart.allSatisfy(\.isNumber) {
                var grouped = Interpreter.group(intPart, separator: g, size: 3)
                if spec.zeroPad && spec.align == "=" && spec.fill == "0" {
                    let signLen = (negative || spec.sign != "-") ? 1 : 0
                    grouped = Interpreter.zeroPadGrouped(intPart, width: spec.width - signLen - body[end...].count,
                                                         separator: g, size: 3)
                }
                body = grouped + body[end...]
            }
        }
        let signText = negative ? "-" : (spec.sign == "+" ? "+" : spec.sign == " " ? " " : "")
        return spec.pad(body, signPrefix: signText, defaultAlign: UInt8(ascii: ">"))
    }

    static func group(_ digits: String, separator: Character, size: Int) -> String {
        // Digits are ASCII; work on bytes (the separator is `,` or `_`).
        guard let sep = separator.asciiValue, digits.utf8.allSatisfy({ $0 < 0x80 }) else {
            let chars = Array(digits)
            var out: [Character] = []
            for (i, c) in chars.enumerated() {
                if i > 0 && (chars.count - i) % size == 0 { out.append(separator) }
                out.append(c)
            }
            return String(out)
        }
        let bytes = Array(digits.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / size)
        for (i, b) in bytes.enumerated() {
            if i > 0 && (bytes.count - i) % size == 0 { out.append(sep) }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func zeroPadGrouped(_ digits: String, width: Int, separator: Character, size: Int) -> String {
        var raw = digits.filter { $0 != separator }
        var grouped = group(raw, separator: separator, size: size)
        while grouped.count < width {
            raw = "0" + raw
            grouped = group(raw, separator: separator, size: size)
        }
        return grouped
    }

    // MARK: printf-style `%`

    func percentFormat(_ format: String, _ arg: Value) throws -> String {
        var args: [Value]
        var mapping: PyDict?
        if case .object(let o) = arg, let t = o as? PyTuple { args = t.items } else { args = [arg] }
        if case .object(let o) = arg, let d = o as? PyDict { mapping = d }
        var argIndex = 0
        var out = ""
        let chars = Array(format)
        var i = 0
        func nextArg() throws -> Value {
            guard argIndex < args.count else { throw PyError.typeError("not enough arguments for format string") }
            argIndex += 1
            return args[argIndex - 1]
        }
        while i < chars.count {
            let c = chars[i]
            if c != "%" {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < chars.count else { throw PyError.valueError("incomplete format") }
            var value: Value?
            if chars[i] == "(" {
                guard let close = chars[i...].firstIndex(of: ")") else { throw PyError.valueError("incomplete format key") }
                let key = String(chars[(i + 1)..<close])
                guard let m = mapping else { throw PyError.typeError("format requires a mapping") }
                guard let v = try m.getItem(.str(key)) else { throw PyError.keyError(.str(key)) }
                value = v
                i = close + 1
            }
            var flags = ""
            while i < chars.count, "-+ #0".contains(chars[i]) {
                flags.append(chars[i])
                i += 1
            }
            var width = ""
            if i < chars.count, chars[i] == "*" {
                width = String(try toInt(nextArg()))
                i += 1
            }
            while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                width.append(chars[i])
                i += 1
            }
            var precision: Int?
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                    p.append(chars[i])
                    i += 1
                }
                precision = Int(p) ?? 0
            }
            guard i < chars.count else { throw PyError.valueError("incomplete format") }
            let type = chars[i]
            i += 1
            if type == "%" {
                out.append("%")
                continue
            }
            let v = try value ?? nextArg()
            var body: String
            switch type {
            case "s": body = try str(v)
            case "r", "a": body = try repr(v)
            case "d", "i", "u":
                guard Arith.isIntLike(v) || { if case .float = v { return true }; return false }() else {
                    throw PyError.typeError("%\(type) format: a real number is required, not \(typeName(v))")
                }
                let n: BigInt
                if case .float(let d) = v { n = BigInt(d.rounded(.towardZero)) } else { n = Arith.big(v) ?? 0 }
                body = n.description
                if let p = precision, body.count < p { body = body.leftPad(p) }
                if flags.contains("+") && n.sign != .minus { body = "+" + body }
                else if flags.contains(" ") && n.sign != .minus { body = " " + body }
            case "x", "X", "o":
                guard let n = Arith.big(v) else {
                    throw PyError.typeError("%\(type) format: an integer is required, not \(typeName(v))")
                }
                body = String(n.magnitude, radix: type == "o" ? 8 : 16)
                if type == "X" { body = body.uppercased() }
                if flags.contains("#") { body = (type == "o" ? "0o" : type == "x" ? "0x" : "0X") + body }
                if n.sign == .minus && !n.isZero { body = "-" + body }
            case "f", "F", "e", "E", "g", "G":
                guard let d = try Arith.double(v) else {
                    throw PyError.typeError("must be real number, not \(typeName(v))")
                }
                let cflags = flags.filter { $0 != "-" && $0 != "0" }
                body = CFormat.double("%\(cflags).\(precision ?? 6)\(type)", d)
                if d.isNaN { body = type.isUppercase ? "NAN" : "nan" }
            case "c":
                if case .int(let n) = v, let u = Unicode.Scalar(UInt32(clamping: n)) { body = String(Character(u)) }
                else { body = try str(v) }
            default:
                throw PyError.valueError("unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)")
            }
            if let w = Int(width), body.count < w {
                if flags.contains("-") {
                    body += String(repeating: " ", count: w - body.count)
                } else if flags.contains("0") && "dioxXfFeEgG".contains(type) {
                    let negative = body.hasPrefix("-") || body.hasPrefix("+")
                    let signChar = negative ? String(body.removeFirst()) : ""
                    body = signChar + String(repeating: "0", count: w - body.count - signChar.count) + body
                } else {
                    body = String(repeating: " ", count: w - body.count) + body
                }
            }
            out += body
        }
        if mapping == nil && argIndex < args.count {
            throw PyError.typeError("not all arguments converted during string formatting")
        }
        return out
    }

    // MARK: str.format

    func strFormat(_ format: String, _ args: [Value], _ kwargs: [String: Value]) throws -> String {
        var out = ""
        let chars = Array(format)
        var i = 0
        var auto = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" {
                    out.append("{")
                    i += 2
                    continue
                }
                var depth = 1
                var j = i + 1
                while j < chars.count {
                    if chars[j] == "{" { depth += 1 }
                    if chars[j] == "}" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j += 1
                }
                guard j < chars.count else { throw PyError.valueError("expected '}' before end of string") }
                let field = String(chars[(i + 1)..<j])
                out += try formatField(field, args, kwargs, &auto)
                i = j + 1
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" {
                    out.append("}")
                    i += 2
                    continue
                }
                throw PyError.valueError("Single '}' encountered in format string")
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private func formatField(_ field: String, _ args: [Value], _ kwargs: [String: Value], _ auto: inout Int) throws -> String {
        var name = field
        var spec = ""
        var conversion: Character?
        if let colon = field.firstIndex(of: ":") {
            name = String(field[..<colon])
            spec = String(field[field.index(after: colon)...])
        }
        if let bang = name.firstIndex(of: "!") {
            conversion = name[name.index(after: bang)...].first
            name = String(name[..<bang])
        }
        if spec.contains("{") { spec = try strFormat(spec, args, kwargs) }
        // Split the field name into the first part and attribute/index accessors.
        let firstEnd = name.firstIndex { $0 == "." || $0 == "[" } ?? name.endIndex
        let first = String(name[..<firstEnd])
        var value: Value
        if first.isEmpty {
            guard auto < args.count else {
                throw PyError.indexError("Replacement index \(auto) out of range for positional args tuple")
            }
            value = args[auto]
            auto += 1
        } else if let n = Int(first) {
            guard n < args.count else {
                throw PyError.indexError("Replacement index \(n) out of range for positional args tuple")
            }
            value = args[n]
        } else {
            guard let v = kwargs[first] else { throw PyError.keyError(.str(first)) }
            value = v
        }
        var rest = name[firstEnd...]
        while !rest.isEmpty {
            if rest.first == "." {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                value = try getAttr(value, String(rest[..<end]))
                rest = rest[end...]
            } else if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw PyError.valueError("Missing ']' in format string") }
                let key = String(rest[rest.index(after: rest.startIndex)..<close])
                value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
                rest = rest[rest.index(after: close)...]
            } else {
                throw PyError.valueError("Only '.' or '[' may follow ']' in format field specifier")
            }
        }
        switch conversion {
        case "r": value = .str(try repr(value))
        case "s": value = .str(try str(value))
        case "a": value = .str(try ascii(value))
        default: break
        }
        return try format(value, spec)
    }
}
