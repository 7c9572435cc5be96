/// Python `str` methods that chat templates call (`content.strip()`,
/// `role.startswith('tool')`, `text.split('</think>')`, ...), with Python's
/// semantics: indices count Unicode scalars and "whitespace" is `str.isspace`.
func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
    c.properties.isWhitespace || (0x1C...0x1F).contains(c.value)
}

func pyStrip(_ s: String, _ chars: JinjaValue?, left: Bool, right: Bool) throws -> String {
    let strip: (Unicode.Scalar) -> Bool
    switch chars {
    case nil, .none?: strip = isPythonSpace
    case let .string(set)?: let set = Set(set.unicodeScalars); strip = { set.contains($0) }
    case let other?: throw TemplateError.runtime("strip arg must be None or str, not \(other.typeName)")
    }
    let scalars = Array(s.unicodeScalars)
    var a = 0, b = scalars.count
    if left { while a < b, strip(scalars[a]) { a += 1 } }
    if right { while b > a, strip(scalars[b - 1]) { b -= 1 } }
    return String(String.UnicodeScalarView(scalars[a..<b]))
}

/// Python's `str.split(sep=None, maxsplit=-1)`.
func pySplit(_ s: String, _ sep: JinjaValue, _ maxSplit: Int) throws -> [String] {
    var parts: [String] = []
    switch sep {
    case .none:
        var current = String.UnicodeScalarView()
        var splits = 0
        var scalars = Substring(s).unicodeScalars[...]
        while let first = scalars.first, isPythonSpace(first) { scalars.removeFirst() }
        while let c = scalars.first {
            if isPythonSpace(c), maxSplit < 0 || splits < maxSplit {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                splits += 1
                while let f = scalars.first, isPythonSpace(f) { scalars.removeFirst() }
                continue
            }
            current.append(c)
            scalars.removeFirst()
        }
        // After the last allowed split the remainder keeps its trailing whitespace, as in Python.
        if !current.isEmpty { parts.append(String(current)) }
        return parts
    case let .string(sepText):
        guard !sepText.isEmpty else { throw TemplateError.runtime("empty separator") }
        let hay = Array(s.unicodeScalars), needle = Array(sepText.unicodeScalars)
        var start = 0, i = 0, splits = 0
        while i + needle.count <= hay.count, maxSplit < 0 || splits < maxSplit {
            if hay[i..<(i + needle.count)].elementsEqual(needle) {
                parts.append(String(String.UnicodeScalarView(hay[start..<i])))
                i += needle.count
                start = i
                splits += 1
            } else {
                i += 1
            }
        }
        parts.append(String(String.UnicodeScalarView(hay[start...])))
        return parts
    default:
        throw TemplateError.runtime("must be str or None, not \(sep.typeName)")
    }
}

/// Python's `str.title()`: a letter after a cased letter is lowered, others are titled.
func pyTitle(_ s: String) -> String {
    var out = ""
    var previousCased = false
    for c in s.unicodeScalars {
        out += previousCased ? String(c).lowercased() : c.properties.titlecaseMapping
        previousCased = c.properties.isCased
    }
    return out
}

func pyCapitalize(_ s: String) -> String {
    guard let first = s.unicodeScalars.first else { return s }
    return first.properties.titlecaseMapping + String(String.UnicodeScalarView(s.unicodeScalars.dropFirst())).lowercased()
}

/// Python's `str.replace(old, new, count)`; an empty `old` inserts `new` between characters.
func pyReplace(_ s: String, _ old: String, _ new: String, count: Int) -> String {
    if old.isEmpty {
        var out = "", inserted = 0
        for c in s.unicodeScalars {
            if count < 0 || inserted < count { out += new; inserted += 1 }
            out.unicodeScalars.append(c)
        }
        if count < 0 || inserted < count { out += new }
        return out
    }
    let parts = (try? pySplit(s, .string(old), count)) ?? [s]
    return parts.joined(separator: new)
}

/// The Unicode-scalar offset of `needle` in `hay` (Python's `str.find`/`rfind`).
func scalarIndex(of needle: String, in hay: String, fromEnd: Bool = false) -> Int? {
    let h = Array(hay.unicodeScalars), n = Array(needle.unicodeScalars)
    guard n.count <= h.count else { return nil }
    let range = Array(0...(h.count - n.count))
    for i in fromEnd ? range.reversed() : range where h[i..<(i + n.count)].elementsEqual(n) { return i }
    return nil
}

private extension JinjaValue {
    var stringValueForSplit: String? {
        if case let .string(s) = self { return s }
        return nil
    }
}

extension Interpreter {
    func stringMethod(_ s: String, _ name: String) -> ((JinjaArguments) throws -> JinjaValue)? {
        func affixTest(_ test: @escaping (String) -> Bool) -> (JinjaArguments) throws -> JinjaValue {
            { args in
                let a = try args.bind(name, [("prefix", nil)])
                switch a[0] {
                case let .string(p): return .bool(test(p))
                case let .tuple(ps), let .list(ps): return .bool(ps.contains { test($0.pyStr) })
                default: throw TemplateError.runtime("\(name) first arg must be str or a tuple of str, not \(a[0].typeName)")
                }
            }
        }
        func predicate(_ p: @escaping (Unicode.Scalar) -> Bool) -> (JinjaArguments) throws -> JinjaValue {
            { _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(p)) }
        }
        switch name {
        case "strip", "lstrip", "rstrip":
            return { args in
                let a = try args.bind(name, [("chars", JinjaValue.none)])
                return .string(try pyStrip(s, a[0], left: name != "rstrip", right: name != "lstrip"))
            }
        case "split", "rsplit":
            return { args in
                let a = try args.bind(name, [("sep", JinjaValue.none), ("maxsplit", JinjaValue.int(-1))])
                let maxSplit = a[1].intValue ?? -1
                guard name == "rsplit", maxSplit >= 0 else {
                    return .list(try pySplit(s, a[0], maxSplit).map(JinjaValue.string))
                }
                // rsplit is split on the reversed text (whitespace and separators reversed too).
                func reversed(_ t: String) -> String { String(String.UnicodeScalarView(t.unicodeScalars.reversed())) }
                let sep: JinjaValue = a[0].stringValueForSplit.map { .string(reversed($0)) } ?? a[0]
                return .list(try pySplit(reversed(s), sep, maxSplit).reversed().map { .string(reversed($0)) })
            }
        case "startswith": return affixTest { s.unicodeScalars.starts(with: $0.unicodeScalars) }
        case "endswith": return affixTest { s.unicodeScalars.reversed().starts(with: $0.unicodeScalars.reversed()) }
        case "upper": return { _ in .string(s.uppercased()) }
        case "lower": return { _ in .string(s.lowercased()) }
        case "title": return { _ in .string(pyTitle(s)) }
        case "capitalize": return { _ in .string(pyCapitalize(s)) }
        case "replace":
            return { args in
                let a = try args.bind(name, [("old", nil), ("new", nil), ("count", JinjaValue.int(-1))])
                return .string(pyReplace(s, a[0].pyStr, a[1].pyStr, count: a[2].intValue ?? -1))
            }
        case "find", "rfind", "index", "rindex", "count":
            return { args in
                let a = try args.bind(name, [("sub", nil)])
                guard case let .string(sub) = a[0] else { throw TemplateError.runtime("must be str, not \(a[0].typeName)") }
                if name == "count" {
                    if sub.isEmpty { return .int(s.unicodeScalars.count + 1) }
                    return .int(try pySplit(s, .string(sub), -1).count - 1)
                }
                if let i = scalarIndex(of: sub, in: s, fromEnd: name.hasPrefix("r")) { return .int(i) }
                if name.hasSuffix("index") { throw TemplateError.runtime("substring not found") }
                return .int(-1)
            }
        case "join":
            return { args in
                let a = try args.bind(name, [("iterable", nil)])
                return .string(try a[0].iterate().enumerated().map { index, item -> String in
                    guard case let .string(t) = item else {
                        throw TemplateError.runtime("sequence item \(index): expected str instance, \(item.typeName) found")
                    }
                    return t
                }.joined(separator: s))
            }
        case "splitlines":
            return { _ in
                var lines = s.split(omittingEmptySubsequences: false) { $0.isNewline }.map(String.init)
                if lines.last == "" { lines.removeLast() }
                return .list(lines.map(JinjaValue.string))
            }
        case "isdigit", "isnumeric", "isdecimal": return predicate { $0.properties.numericType != nil }
        case "isalpha": return predicate { $0.properties.isAlphabetic }
        case "isalnum": return predicate { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        case "isspace": return predicate(isPythonSpace)
        case "istitle": return { _ in .bool(s.contains { $0.isLetter } && pyTitle(s) == s) }
        case "islower": return { _ in .bool(s.contains { $0.isLetter } && s.lowercased() == s) }
        case "isupper": return { _ in .bool(s.contains { $0.isLetter } && s.uppercased() == s) }
        case "removeprefix", "removesuffix":
            return { args in
                let a = try args.bind(name, [("affix", nil)])
                let affix = a[0].pyStr
                if name == "removeprefix", s.hasPrefix(affix) { return .string(String(s.dropFirst(affix.count))) }
                if name == "removesuffix", s.hasSuffix(affix) { return .string(String(s.dropLast(affix.count))) }
                return .string(s)
            }
        case "format":
            return { args in .string(try pyFormat(s, args)) }
        // Full case folding differs from lowering mainly for ß; that is the case handled.
        case "casefold": return { _ in .string(s.lowercased().replacingOccurrences(of: "ß", with: "ss")) }
        case "swapcase":
            return { _ in
                .string(s.unicodeScalars.map { c in
                    c.properties.isUppercase ? String(c).lowercased() : c.properties.isLowercase ? String(c).uppercased() : String(c)
                }.joined())
            }
        case "zfill", "ljust", "rjust", "center":
            return { args in
                let a = try args.bind(name, [("width", nil), ("fillchar", JinjaValue.string(" "))])
                guard let width = a[0].intValue else { throw TemplateError.runtime("'\(a[0].typeName)' object cannot be interpreted as an integer") }
                let n = s.unicodeScalars.count
                guard width > n else { return .string(s) }
                let fill = a[1].pyStr
                switch name {
                case "zfill":
                    let signed = s.hasPrefix("-") || s.hasPrefix("+")
                    let zeros = String(repeating: "0", count: width - n)
                    return .string(signed ? String(s.prefix(1)) + zeros + s.dropFirst() : zeros + s)
                case "ljust": return .string(s + String(repeating: fill, count: width - n))
                case "rjust": return .string(String(repeating: fill, count: width - n) + s)
                default:
                    let total = width - n
                    let left = total / 2 + (total & width & 1)
                    return .string(String(repeating: fill, count: left) + s + String(repeating: fill, count: total - left))
                }
            }
        case "partition", "rpartition":
            return { args in
                let a = try args.bind(name, [("sep", nil)])
                let sep = a[0].pyStr
                guard !sep.isEmpty else { throw TemplateError.runtime("empty separator") }
                let scalars = Array(s.unicodeScalars)
                func text(_ r: Range<Int>) -> JinjaValue { .string(String(String.UnicodeScalarView(scalars[r]))) }
                guard let i = scalarIndex(of: sep, in: s, fromEnd: name == "rpartition") else {
                    return name == "partition" ? .tuple([.string(s), "", ""]) : .tuple(["", "", .string(s)])
                }
                let end = i + sep.unicodeScalars.count
                return .tuple([text(0..<i), .string(sep), text(end..<scalars.count)])
            }
        default:
            return nil
        }
    }
}

/// `str.format` with `{}`, `{0}`, `{name}` and `{{ }}`; format specs are not supported.
func pyFormat(_ s: String, _ args: JinjaArguments) throws -> String {
    var out = ""
    var auto = 0
    var chars = s.makeIterator()
    while let c = chars.next() {
        if c == "}" {
            if chars.next() != "}" { throw TemplateError.runtime("Single '}' encountered in format string") }
            out.append("}")
            continue
        }
        guard c == "{" else { out.append(c); continue }
        var field = ""
        var closed = false
        while let d = chars.next() {
            if d == "{" && field.isEmpty { out.append("{"); closed = true; field = "{"; break }
            if d == "}" { closed = true; break }
            field.append(d)
        }
        if field == "{" { continue }
        guard closed else { throw TemplateError.runtime("Single '{' encountered in format string") }
        if field.contains(":") || field.contains("!") {
            throw TemplateError(.notImplemented, "format specifications in str.format ('{\(field)}')")
        }
        let value: JinjaValue?
        if field.isEmpty {
            value = auto < args.positional.count ? args.positional[auto] : nil
            auto += 1
        } else if let i = Int(field) {
            value = i < args.positional.count ? args.positional[i] : nil
        } else {
            value = args.keywords.first { $0.0 == field }?.1
        }
        guard let value else { throw TemplateError.runtime("Replacement index \(field) out of range for positional args tuple") }
        out += value.pyStr
    }
    return out
}

/// Python's printf-style `format % args`: `%s %r %d %i %f %e %g %x %X %o %c %%`
/// with flags, width and precision (`%-10s`, `%05.2f`).
func percentFormat(_ format: String, _ args: JinjaValue, _ span: TemplateSpan) throws -> String {
    var values: [JinjaValue]
    if case let .tuple(t) = args { values = t } else { values = [args] }
    var out = ""
    let chars = Array(format)
    var i = 0
    while i < chars.count {
        guard chars[i] == "%" else { out.append(chars[i]); i += 1; continue }
        i += 1
        var spec = ""
        while i < chars.count, "-+ #0123456789.".contains(chars[i]) { spec.append(chars[i]); i += 1 }
        guard i < chars.count else { throw TemplateError.runtime("incomplete format", span) }
        let conversion = chars[i]
        i += 1
        if conversion == "%" { out.append("%"); continue }
        guard !values.isEmpty else { throw TemplateError.runtime("not enough arguments for format string", span) }
        let v = values.removeFirst()
        switch conversion {
        case "s", "r":
            // Width and `-` apply to the text; precision truncates it.
            var text = Array((conversion == "s" ? v.pyStr : v.pyRepr).unicodeScalars)
            let parts = spec.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, let precision = Int(parts[1]), precision < text.count { text = Array(text[..<precision]) }
            let width = Int(parts[0].filter(\.isNumber)) ?? 0
            let padding = String(repeating: " ", count: max(0, width - text.count))
            let body = String(String.UnicodeScalarView(text))
            out += parts[0].contains("-") ? body + padding : padding + body
        case "d", "i", "x", "X", "o", "c":
            guard let n = v.numericValue, n.isFinite else {
                throw TemplateError.runtime("%\(conversion) format: a real number is required, not \(v.typeName)", span)
            }
            if conversion == "c" { out += Unicode.Scalar(UInt32(max(0, n))).map { String($0) } ?? ""; continue }
            let c = conversion == "i" ? "d" : String(conversion)
            out += String(format: "%\(spec)l\(c)", Int(n.rounded(.towardZero)))
        case "f", "F", "e", "E", "g", "G":
            guard let n = v.numericValue else {
                throw TemplateError.runtime("must be real number, not \(v.typeName)", span)
            }
            out += String(format: "%\(spec)\(conversion)", n)
        default:
            throw TemplateError(.notImplemented, "the '%\(conversion)' format", span: span)
        }
    }
    if !values.isEmpty { throw TemplateError.runtime("not all arguments converted during string formatting", span) }
    return out
}

import Foundation
