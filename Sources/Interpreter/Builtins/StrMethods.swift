import Foundation

/// Methods of `str` (and the few of `bytes`), with CPython's semantics: whitespace is
/// Unicode whitespace, indices count code points.
enum StrMethods {
    static func install() {
        func def(_ name: String, _ params: String, _ body: @escaping (Interpreter, String, [Value]) throws -> Value) {
            TypeConstructors.def(T.str, name, params.isEmpty ? "self" : "self, " + params) { rt, a in
                guard case .object(let o) = a[0], let s = o as? PyStr else {
                    throw PyError.typeError("descriptor '\(name)' for 'str' objects doesn't apply to a '\(typeName(a[0]))' object")
                }
                return try body(rt, s.value, Array(a.dropFirst()))
            }
        }
        func str(_ s: String) -> Value { .str(s) }

        def("upper", "") { _, s, _ in str(s.uppercased()) }
        def("lower", "") { _, s, _ in str(s.lowercased()) }
        def("casefold", "") { _, s, _ in str(s.lowercased()) }
        def("swapcase", "") { _, s, _ in
            str(String(s.map { c in c.isUppercase ? Character(c.lowercased()) : c.isLowercase ? Character(c.uppercased()) : c }))
        }
        def("capitalize", "") { _, s, _ in
            guard let first = s.first else { return str("") }
            return str(first.uppercased() + s.dropFirst().lowercased())
        }
        def("title", "") { _, s, _ in
            var out = ""
            var previousCased = false
            for c in s {
                if c.isLetter {
                    out += previousCased ? c.lowercased() : c.uppercased()
                    previousCased = true
                } else {
                    out.append(c)
                    previousCased = false
                }
            }
            return str(out)
        }
        def("strip", "chars=None, /") { rt, s, a in str(try strip(rt, s, a[0], left: true, right: true)) }
        def("lstrip", "chars=None, /") { rt, s, a in str(try strip(rt, s, a[0], left: true, right: false)) }
        def("rstrip", "chars=None, /") { rt, s, a in str(try strip(rt, s, a[0], left: false, right: true)) }
        def("split", "sep=None, maxsplit=-1") { rt, s, a in
            .object(PyList(try split(rt, s, a[0], rt.toInt(a[1])).map { .str($0) }))
        }
        def("rsplit", "sep=None, maxsplit=-1") { rt, s, a in
            .object(PyList(try rsplit(rt, s, a[0], rt.toInt(a[1])).map { .str($0) }))
        }
        def("splitlines", "keepends=False") { rt, s, a in
            let keep = try rt.truthy(a[0])
            var lines: [Value] = []
            var current = ""
            var scalars = Array(s.unicodeScalars)[...]
            while let u = scalars.first {
                scalars = scalars.dropFirst()
                let isBreak = "\n\r\u{0B}\u{0C}\u{1C}\u{1D}\u{1E}\u{85}\u{2028}\u{2029}".unicodeScalars.contains(u)
                if isBreak {
                    var ending = String(u)
                    if u == "\r", scalars.first == "\n" {
                        ending += "\n"
                        scalars = scalars.dropFirst()
                    }
                    lines.append(.str(keep ? current + ending : current))
                    current = ""
                } else {
                    current.unicodeScalars.append(u)
                }
            }
            if !current.isEmpty { lines.append(.str(current)) }
            return .object(PyList(lines))
        }
        def("join", "iterable, /") { rt, s, a in
            let items = try rt.iterate(a[0])
            var out = ""
            for (i, v) in items.enumerated() {
                if i > 0 { out += s }
                guard case .object(let o) = v, let part = o as? PyStr else {
                    throw PyError.typeError("sequence item \(i): expected str instance, \(typeName(v)) found")
                }
                out += part.value
            }
            return str(out)
        }
        def("replace", "old, new, count=-1, /") { rt, s, a in
            let old = try rt.toStr(a[0], "replace() argument 1"), new = try rt.toStr(a[1], "replace() argument 2")
            let count = try rt.toInt(a[2])
            if count < 0 {
                if old.isEmpty {
                    var out = new
                    for u in s.unicodeScalars { out.unicodeScalars.append(u); out += new }
                    return str(out)
                }
                return str(s.replacingOccurrences(of: old, with: new))
            }
            var out = ""
            var rest = s[...]
            var n = 0
            while n < count, !old.isEmpty, let r = rest.range(of: old) {
                out += rest[..<r.lowerBound] + new
                rest = rest[r.upperBound...]
                n += 1
            }
            return str(out + rest)
        }
        def("find", "sub, start=None, end=None, /") { rt, s, a in .int(try find(rt, s, a, reverse: false)) }
        def("rfind", "sub, start=None, end=None, /") { rt, s, a in .int(try find(rt, s, a, reverse: true)) }
        def("index", "sub, start=None, end=None, /") { rt, s, a in
            let i = try find(rt, s, a, reverse: false)
            if i < 0 { throw PyError.valueError("substring not found") }
            return .int(i)
        }
        def("rindex", "sub, start=None, end=None, /") { rt, s, a in
            let i = try find(rt, s, a, reverse: true)
            if i < 0 { throw PyError.valueError("substring not found") }
            return .int(i)
        }
        def("count", "sub, start=None, end=None, /") { rt, s, a in
            let sub = Array(try rt.toStr(a[0]).unicodeScalars)
            let (hay, _) = try window(rt, s, a[1], a[2])
            if sub.isEmpty { return .int(hay.count + 1) }
            var n = 0, i = 0
            while i + sub.count <= hay.count {
                if Array(hay[i..<(i + sub.count)]) == sub { n += 1; i += sub.count } else { i += 1 }
            }
            return .int(n)
        }
        def("startswith", "prefix, start=None, end=None, /") { rt, s, a in
            let (hay, _) = try window(rt, s, a[1], a[2])
            let text = String(String.UnicodeScalarView(hay))
            return .bool(try affixes(rt, a[0], "startswith").contains { text.unicodeScalars.starts(with: $0.unicodeScalars) })
        }
        def("endswith", "suffix, start=None, end=None, /") { rt, s, a in
            let (hay, _) = try window(rt, s, a[1], a[2])
            let text = String(String.UnicodeScalarView(hay))
            return .bool(try affixes(rt, a[0], "endswith").contains { text.unicodeScalars.reversed().starts(with: $0.unicodeScalars.reversed()) })
        }
        def("removeprefix", "prefix, /") { rt, s, a in
            let p = try rt.toStr(a[0])
            return str(s.unicodeScalars.starts(with: p.unicodeScalars) ? String(String.UnicodeScalarView(s.unicodeScalars.dropFirst(p.unicodeScalars.count))) : s)
        }
        def("removesuffix", "suffix, /") { rt, s, a in
            let p = try rt.toStr(a[0])
            if p.isEmpty { return str(s) }
            return str(s.unicodeScalars.reversed().starts(with: p.unicodeScalars.reversed()) ? String(String.UnicodeScalarView(s.unicodeScalars.dropLast(p.unicodeScalars.count))) : s)
        }
        def("isdigit", "") { _, s, _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }) }
        def("isdecimal", "") { _, s, _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal }) }
        def("isnumeric", "") { _, s, _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil }) }
        def("isalpha", "") { _, s, _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }) }
        def("isalnum", "") { _, s, _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }) }
        def("isspace", "") { _, s, _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }) }
        def("isupper", "") { _, s, _ in
            .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase })
        }
        def("islower", "") { _, s, _ in
            .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase })
        }
        def("istitle", "") { _, s, _ in
            var prevCased = false, any = false
            for c in s {
                if c.isUppercase { if prevCased { return .bool(false) }; prevCased = true; any = true }
                else if c.isLowercase { if !prevCased { return .bool(false) }; prevCased = true; any = true }
                else { prevCased = false }
            }
            return .bool(any)
        }
        def("isidentifier", "") { _, s, _ in
            guard let f = s.unicodeScalars.first, f == "_" || f.properties.isXIDStart else { return .bool(false) }
            return .bool(s.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue })
        }
        def("isascii", "") { _, s, _ in .bool(s.unicodeScalars.allSatisfy { $0.isASCII }) }
        def("isprintable", "") { _, s, _ in .bool(s.unicodeScalars.allSatisfy { Interpreter.isPrintable($0) }) }
        def("partition", "sep, /") { rt, s, a in
            let sep = try rt.toStr(a[0])
            if sep.isEmpty { throw PyError.valueError("empty separator") }
            guard let r = s.range(of: sep) else { return .object(PyTuple([str(s), str(""), str("")])) }
            return .object(PyTuple([str(String(s[..<r.lowerBound])), str(sep), str(String(s[r.upperBound...]))]))
        }
        def("rpartition", "sep, /") { rt, s, a in
            let sep = try rt.toStr(a[0])
            if sep.isEmpty { throw PyError.valueError("empty separator") }
            guard let r = s.range(of: sep, options: .backwards) else { return .object(PyTuple([str(""), str(""), str(s)])) }
            return .object(PyTuple([str(String(s[..<r.lowerBound])), str(sep), str(String(s[r.upperBound...]))]))
        }
        def("zfill", "width, /") { rt, s, a in
            let w = try rt.toInt(a[0])
            let n = s.unicodeScalars.count
            if n >= w { return str(s) }
            var body = s
            var sign = ""
            if let f = body.first, f == "-" || f == "+" { sign = String(f); body.removeFirst() }
            return str(sign + String(repeating: "0", count: w - n) + body)
        }
        def("center", "width, fillchar=' ', /") { rt, s, a in
            let w = try rt.toInt(a[0]), fill = try rt.toStr(a[1])
            let n = s.unicodeScalars.count
            if n >= w { return str(s) }
            let total = w - n
            let left = total / 2 + (total & w & 1)
            return str(String(repeating: fill, count: left) + s + String(repeating: fill, count: total - left))
        }
        def("ljust", "width, fillchar=' ', /") { rt, s, a in
            let w = try rt.toInt(a[0]), fill = try rt.toStr(a[1])
            return str(s + String(repeating: fill, count: max(0, w - s.unicodeScalars.count)))
        }
        def("rjust", "width, fillchar=' ', /") { rt, s, a in
            let w = try rt.toInt(a[0]), fill = try rt.toStr(a[1])
            return str(String(repeating: fill, count: max(0, w - s.unicodeScalars.count)) + s)
        }
        def("expandtabs", "tabsize=8") { rt, s, a in
            let size = try rt.toInt(a[0])
            var out = ""
            var col = 0
            for c in s {
                if c == "\t" {
                    let n = size > 0 ? size - col % size : 0
                    out += String(repeating: " ", count: n)
                    col += n
                } else {
                    out.append(c)
                    col = (c == "\n" || c == "\r") ? 0 : col + 1
                }
            }
            return str(out)
        }
        def("encode", "encoding='utf-8', errors='strict'") { rt, s, a in
            .object(PyBytes(try Codec.encode(s, encoding: rt.toStr(a[0]), errors: rt.toStr(a[1]))))
        }
        def("format", "*args, **kwargs") { rt, s, a in
            guard case .object(let t) = a[0], let args = t as? PyTuple, case .object(let k) = a[1], let kw = k as? PyDict else { return .none }
            var kwargs: [String: Value] = [:]
            for (key, v) in kw.table.entries { kwargs[try rt.toStr(key)] = v }
            return str(try rt.strFormat(s, args.items, kwargs))
        }
        def("format_map", "mapping, /") { rt, s, a in
            guard case .object(let k) = a[0], let kw = k as? PyDict else { throw PyError.typeError("format_map() needs a dict") }
            var kwargs: [String: Value] = [:]
            for (key, v) in kw.table.entries { kwargs[try rt.toStr(key)] = v }
            return str(try rt.strFormat(s, [], kwargs))
        }
        def("__len__", "") { _, s, _ in .int(s.unicodeScalars.count) }
        def("__contains__", "sub, /") { rt, s, a in .bool(try rt.contains(.str(s), a[0])) }
        def("__getitem__", "key, /") { rt, s, a in try rt.getItem(.str(s), a[0]) }
        def("__add__", "other, /") { rt, s, a in try rt.binary(.add, .str(s), a[0]) }
        def("__mul__", "n, /") { rt, s, a in try rt.binary(.multiply, .str(s), a[0]) }
        def("__mod__", "args, /") { rt, s, a in .str(try rt.percentFormat(s, a[0])) }
        def("__eq__", "other, /") { rt, s, a in .bool(try rt.equals(.str(s), a[0])) }
        def("__lt__", "other, /") { rt, s, a in try rt.compare(.less, .str(s), a[0]) }
        def("__hash__", "") { _, s, _ in .int(s.hashValue) }
        def("__str__", "") { _, s, _ in str(s) }
        def("__repr__", "") { _, s, _ in str(Interpreter.quote(s)) }
        T.str.dict["maketrans"] = .object(PyStaticMethod(.object(makeBuiltin("maketrans", "x, y=None, z=None") { rt, a in
            let d = PyDict()
            if a[1].isNone {
                guard case .object(let o) = a[0], let src = o as? PyDict else { throw PyError.typeError("if you give only one argument to maketrans it must be a dict") }
                for (k, v) in src.table.entries {
                    if case .object(let ko) = k, let ks = ko as? PyStr, let u = ks.value.unicodeScalars.first {
                        d.set(try rt.hashKey(.int(Int(u.value))), v)
                    } else { d.set(try rt.hashKey(k), v) }
                }
                return .object(d)
            }
            let x = Array(try rt.toStr(a[0]).unicodeScalars), y = Array(try rt.toStr(a[1]).unicodeScalars)
            guard x.count == y.count else { throw PyError.valueError("the first two maketrans arguments must have equal length") }
            for (u, v) in zip(x, y) { d.set(try rt.hashKey(.int(Int(u.value))), .int(Int(v.value))) }
            if !a[2].isNone { for u in try rt.toStr(a[2]).unicodeScalars { d.set(try rt.hashKey(.int(Int(u.value))), .none) } }
            return .object(d)
        })))
        def("translate", "table, /") { rt, s, a in
            var out = ""
            for u in s.unicodeScalars {
                let mapped: Value?
                do { mapped = try rt.getItem(a[0], .int(Int(u.value))) } catch let e as PyError where e.exception.cls.isSubclass(of: T.lookupError) { mapped = nil }
                switch mapped {
                case nil: out.unicodeScalars.append(u)
                case .none?: break
                case .int(let i)?: if let v = Unicode.Scalar(UInt32(i)) { out.unicodeScalars.append(v) }
                case let v?: out += try rt.toStr(v)
                }
            }
            return str(out)
        }

        TypeConstructors.def(T.bytes, "decode", "self, encoding='utf-8', errors='strict'") { rt, a in
            guard case .object(let o) = a[0], let b = o as? PyBytes else { return .none }
            return .str(try Codec.decode(b.bytes, encoding: rt.toStr(a[1]), errors: rt.toStr(a[2])))
        }
        TypeConstructors.def(T.bytes, "hex", "self") { _, a in
            guard case .object(let o) = a[0], let b = o as? PyBytes else { return .none }
            return .str(b.bytes.map { String($0, radix: 16).leftPad(2) }.joined())
        }
    }

    static func affixes(_ rt: Interpreter, _ v: Value, _ name: String) throws -> [String] {
        if case .object(let o) = v, let t = o as? PyTuple { return try t.items.map { try rt.toStr($0) } }
        guard case .object(let o) = v, let s = o as? PyStr else {
            throw PyError.typeError("\(name) first arg must be str or a tuple of str, not \(typeName(v))")
        }
        return [s.value]
    }

    /// The code points of `s[start:end]` and the offset of the window.
    static func window(_ rt: Interpreter, _ s: String, _ start: Value, _ end: Value) throws -> (ArraySlice<Unicode.Scalar>, Int) {
        let scalars = Array(s.unicodeScalars)
        let n = scalars.count
        var lo = start.isNone ? 0 : try rt.toInt(start)
        var hi = end.isNone ? n : try rt.toInt(end)
        if lo < 0 { lo = max(0, lo + n) }
        if hi < 0 { hi = max(0, hi + n) }
        lo = min(lo, n)
        hi = min(hi, n)
        if hi < lo { return (scalars[lo..<lo], lo) }
        return (scalars[lo..<hi], lo)
    }

    static func find(_ rt: Interpreter, _ s: String, _ a: [Value], reverse: Bool) throws -> Int {
        let sub = Array(try rt.toStr(a[0], "must be str").unicodeScalars)
        let (hay, offset) = try window(rt, s, a[1], a[2])
        let h = Array(hay)
        if sub.count > h.count { return -1 }
        let range = Array(0...(h.count - sub.count))
        for i in reverse ? range.reversed() : range {
            if sub.isEmpty || h[i..<(i + sub.count)].elementsEqual(sub) { return i + offset }
        }
        return -1
    }

    static func strip(_ rt: Interpreter, _ s: String, _ chars: Value, left: Bool, right: Bool) throws -> String {
        let set: (Unicode.Scalar) -> Bool
        if chars.isNone {
            set = { $0.properties.isWhitespace }
        } else {
            let cs = Set(try rt.toStr(chars).unicodeScalars)
            set = { cs.contains($0) }
        }
        var scalars = s.unicodeScalars[...]
        if left { while let f = scalars.first, set(f) { scalars = scalars.dropFirst() } }
        if right { while let l = scalars.last, set(l) { scalars = scalars.dropLast() } }
        return String(String.UnicodeScalarView(scalars))
    }

    /// ASCII whitespace as Python's `str.split()` sees it (plus the unit/record separators).
    @inline(__always) static func isASCIIWhitespace(_ b: UInt8) -> Bool {
        b == 32 || (b >= 9 && b <= 13) || (b >= 28 && b <= 31)
    }

    static func split(_ rt: Interpreter, _ s: String, _ sepValue: Value, _ maxsplit: Int) throws -> [String] {
        if sepValue.isNone && maxsplit < 0, let words = asciiSplit(s) { return words }
        if sepValue.isNone {
            var out: [String] = []
            var current = String.UnicodeScalarView()
            var inWord = false
            var scalars = s.unicodeScalars[...]
            while let u = scalars.first {
                if u.properties.isWhitespace {
                    if inWord {
                        out.append(String(current))
                        current = String.UnicodeScalarView()
                        inWord = false
                        if maxsplit >= 0 && out.count >= maxsplit {
                            let rest = String(String.UnicodeScalarView(scalars.drop { $0.properties.isWhitespace }))
                            if !rest.isEmpty { out.append(rest) }
                            return out
                        }
                    }
                } else {
                    current.append(u)
                    inWord = true
                }
                scalars = scalars.dropFirst()
            }
            if inWord { out.append(String(current)) }
            return out
        }
        let sep = try rt.toStr(sepValue, "must be str or None")
        if sep.isEmpty { throw PyError.valueError("empty separator") }
        if maxsplit < 0 { return s.components(separatedBy: sep) }
        var out: [String] = []
        var rest = s[...]
        while out.count < maxsplit, let r = rest.range(of: sep) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }

    /// Whitespace split working on UTF-8 bytes; nil when the text is not pure ASCII.
    static func asciiSplit(_ s: String) -> [String]? {
        var utf8 = s
        return utf8.withUTF8 { bytes -> [String]? in
            var out: [String] = []
            var start = -1
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b >= 128 { return nil }
                if isASCIIWhitespace(b) {
                    if start >= 0 {
                        out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                        start = -1
                    }
                } else if start < 0 {
                    start = i
                }
            }
            if start >= 0 {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
            }
            return out
        }
    }

    static func rsplit(_ rt: Interpreter, _ s: String, _ sepValue: Value, _ maxsplit: Int) throws -> [String] {
        if maxsplit < 0 { return try split(rt, s, sepValue, maxsplit) }
        if sepValue.isNone {
            let reversedWords = try split(rt, String(s.reversed()), .none, maxsplit)
            return reversedWords.map { String($0.reversed()) }.reversed()
        }
        let sep = try rt.toStr(sepValue)
        if sep.isEmpty { throw PyError.valueError("empty separator") }
        var out: [String] = []
        var rest = s[...]
        while out.count < maxsplit, let r = rest.range(of: sep, options: .backwards) {
            out.append(String(rest[r.upperBound...]))
            rest = rest[..<r.lowerBound]
        }
        out.append(String(rest))
        return out.reversed()
    }
}

/// Text encodings for `str.encode` / `bytes.decode` / `open(encoding=)`.
enum Codec {
    static func normalize(_ e: String) -> String {
        e.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    static func encode(_ s: String, encoding: String, errors: String) throws -> [UInt8] {
        switch normalize(encoding) {
        case "utf-8", "utf8": return Array(s.utf8)
        case "ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1":
            let limit: UInt32 = normalize(encoding).hasPrefix("l") || normalize(encoding).hasPrefix("iso") ? 256 : 128
            var out: [UInt8] = []
            for (i, u) in s.unicodeScalars.enumerated() {
                if u.value < limit { out.append(UInt8(u.value)); continue }
                switch errors {
                case "ignore": continue
                case "replace": out.append(63)
                default:
                    let name = limit == 128 ? "ascii" : "latin-1"
                    throw PyError(T.unicodeEncodeError, "'\(name)' codec can't encode character '\\u\(String(u.value, radix: 16).leftPad(4))' in position \(i): ordinal not in range(\(limit))")
                }
            }
            return out
        default: throw PyError(T.lookupError, "unknown encoding: \(encoding)")
        }
    }

    static func decode(_ b: [UInt8], encoding: String, errors: String) throws -> String {
        switch normalize(encoding) {
        case "utf-8", "utf8":
            if let s = String(validating: b, as: UTF8.self) { return s }
            if errors == "replace" { return String(decoding: b, as: UTF8.self) }
            if errors == "ignore" { return String(decoding: b, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "") }
            var i = 0
            while i < b.count {
                let len = b[i] < 0x80 ? 1 : b[i] >= 0xF0 ? 4 : b[i] >= 0xE0 ? 3 : b[i] >= 0xC0 ? 2 : 0
                if len == 0 || i + len > b.count || String(validating: b[i..<(i + len)], as: UTF8.self) == nil {
                    throw PyError(T.unicodeDecodeError, "'utf-8' codec can't decode byte 0x\(String(b[i], radix: 16).leftPad(2)) in position \(i): invalid start byte")
                }
                i += len
            }
            return String(decoding: b, as: UTF8.self)
        case "ascii", "us-ascii":
            if let i = b.firstIndex(where: { $0 >= 128 }), errors == "strict" {
                throw PyError(T.unicodeDecodeError, "'ascii' codec can't decode byte 0x\(String(b[i], radix: 16)) in position \(i): ordinal not in range(128)")
            }
            return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0 < 128 ? $0 : 63) }))
        case "latin-1", "latin1", "iso-8859-1":
            return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) }))
        default: throw PyError(T.lookupError, "unknown encoding: \(encoding)")
        }
    }
}
