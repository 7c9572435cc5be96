import Foundation

/// jinja2's builtin filters (jinja2/filters.py) plus transformers' `tojson`,
/// each with jinja2's parameter names and defaults so keyword calls such as
/// `default('x', true)` or `tojson(indent=2)` bind the same way.
extension Interpreter {
    func applyFilter(_ name: String, to value: JinjaValue, _ args: JinjaArguments, _ span: TemplateSpan) throws -> JinjaValue {
        do {
            return try filter(name, value, args, span)
        } catch let e as TemplateError {
            throw e.located(span)
        }
    }

    private func requireDefined(_ v: JinjaValue) throws {
        if case let .undefined(m) = v { throw TemplateError.runtime(m) }
    }

    private func filter(_ name: String, _ value: JinjaValue, _ args: JinjaArguments, _ span: TemplateSpan) throws -> JinjaValue {
        func bind(_ parameters: [(String, JinjaValue?)]) throws -> [JinjaValue] { try args.bind(name, parameters) }
        switch name {
        case "trim":
            let a = try bind([("chars", JinjaValue.none)])
            return .string(try pyStrip(value.pyStr, a[0], left: true, right: true))
        case "length", "count":
            return .int(try length(value))
        case "upper": return .string(value.pyStr.uppercased())
        case "lower": return .string(value.pyStr.lowercased())
        case "title": return .string(jinjaTitle(value.pyStr))
        case "capitalize": return .string(pyCapitalize(value.pyStr))
        case "string": return .string(value.pyStr)
        case "safe", "e", "escape", "forceescape":
            return name == "safe" ? value : .string(htmlEscape(value.pyStr))
        case "default", "d":
            let a = try bind([("default_value", JinjaValue.string("")), ("boolean", JinjaValue.bool(false))])
            return value.isUndefined || (a[1].isTruthy && !value.isTruthy) ? a[0] : value
        case "join":
            let a = try bind([("d", JinjaValue.string("")), ("attribute", JinjaValue.none)])
            var items = try value.iterate(span)
            if !a[1].isNoneValue { items = try items.map { try attributePath($0, a[1], span) } }
            return .string(items.map(\.pyStr).joined(separator: a[0].pyStr))
        case "first", "last":
            let items = try value.iterate(span)
            return (name == "first" ? items.first : items.last) ?? .undefined("No \(name) item, sequence was empty.")
        case "list": return .list(try value.iterate(span))
        case "reverse":
            if case let .string(s) = value { return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed()))) }
            return .list(try value.iterate(span).reversed())
        case "items":
            if value.isUndefined { return .list([]) }
            guard case let .dict(d) = value else { throw TemplateError.runtime("Can only get item pairs from a mapping.") }
            return .list(d.entries.map { .tuple([$0.key, $0.value]) })
        case "int":
            try requireDefined(value)
            let a = try bind([("default", JinjaValue.int(0)), ("base", JinjaValue.int(10))])
            return toInt(value, base: a[1].intValue ?? 10) ?? a[0]
        case "float":
            try requireDefined(value)
            let a = try bind([("default", JinjaValue.float(0))])
            return toFloat(value).map(JinjaValue.float) ?? a[0]
        case "abs":
            switch value {
            case let .int(i): return .int(abs(i))
            case let .bool(b): return .int(b ? 1 : 0)
            case let .float(f): return .float(abs(f))
            default: throw TemplateError.runtime("bad operand type for abs(): '\(value.typeName)'")
            }
        case "round":
            let a = try bind([("precision", JinjaValue.int(0)), ("method", JinjaValue.string("common"))])
            return try round(value, precision: a[0].intValue ?? 0, method: a[1].pyStr)
        case "replace":
            let a = try bind([("old", nil), ("new", nil), ("count", JinjaValue.none)])
            return .string(pyReplace(value.pyStr, a[0].pyStr, a[1].pyStr, count: a[2].intValue ?? -1))
        case "indent":
            let a = try bind([("width", JinjaValue.int(4)), ("first", JinjaValue.bool(false)), ("blank", JinjaValue.bool(false))])
            return .string(indent(value.pyStr, width: a[0], first: a[1].isTruthy, blank: a[2].isTruthy))
        case "tojson":
            let a = try bind([("ensure_ascii", JinjaValue.bool(false)), ("indent", JinjaValue.none),
                              ("separators", JinjaValue.none), ("sort_keys", JinjaValue.bool(false))])
            var indentText: String?
            switch a[1] {
            case .none: indentText = nil
            case let .string(s): indentText = s
            default: indentText = String(repeating: " ", count: max(0, a[1].intValue ?? 0))
            }
            var separators: (String, String)?
            if case let .list(p) = a[2], p.count == 2 { separators = (p[0].pyStr, p[1].pyStr) }
            if case let .tuple(p) = a[2], p.count == 2 { separators = (p[0].pyStr, p[1].pyStr) }
            return .string(try value.toJSON(ensureASCII: a[0].isTruthy, indent: indentText, separators: separators,
                                            sortKeys: a[3].isTruthy))
        case "map": return .list(try map(value, args, span))
        case "select", "reject", "selectattr", "rejectattr":
            return .list(try select(value, args, byAttribute: name.hasSuffix("attr"), keep: name.hasPrefix("select"), span))
        case "unique":
            let a = try bind([("case_sensitive", JinjaValue.bool(false)), ("attribute", JinjaValue.none)])
            var seen: [JinjaValue] = []
            var out: [JinjaValue] = []
            for item in try value.iterate(span) {
                let key = sortKey(try a[1].isNoneValue ? item : attributePath(item, a[1], span), caseSensitive: a[0].isTruthy)
                if !seen.contains(where: { pyEquals($0, key) }) { seen.append(key); out.append(item) }
            }
            return .list(out)
        case "sort":
            let a = try bind([("reverse", JinjaValue.bool(false)), ("case_sensitive", JinjaValue.bool(false)),
                              ("attribute", JinjaValue.none)])
            let items = try value.iterate(span)
            let keys = try items.map { sortKey(try a[2].isNoneValue ? $0 : attributePath($0, a[2], span), caseSensitive: a[1].isTruthy) }
            return .list(try stableSort(items, keys: keys, reverse: a[0].isTruthy).map { items[$0] })
        case "dictsort":
            let a = try bind([("case_sensitive", JinjaValue.bool(false)), ("by", JinjaValue.string("key")),
                              ("reverse", JinjaValue.bool(false))])
            guard case let .dict(d) = value else { throw TemplateError.runtime("dictsort: expected a mapping") }
            let pairs = d.entries.map { JinjaValue.tuple([$0.key, $0.value]) }
            let position = a[1].pyStr == "value" ? 1 : 0
            let keys = d.entries.map { sortKey(position == 0 ? $0.key : $0.value, caseSensitive: a[0].isTruthy) }
            return .list(try stableSort(pairs, keys: keys, reverse: a[2].isTruthy).map { pairs[$0] })
        case "sum":
            let a = try bind([("attribute", JinjaValue.none), ("start", JinjaValue.int(0))])
            var total = a[1]
            for item in try value.iterate(span) {
                total = try binaryOperation("+", total, a[0].isNoneValue ? item : try attributePath(item, a[0], span), span)
            }
            return total
        case "min", "max":
            let a = try bind([("case_sensitive", JinjaValue.bool(false)), ("attribute", JinjaValue.none)])
            let items = try value.iterate(span)
            guard !items.isEmpty else { return .undefined("No aggregated item, sequence was empty.") }
            let keys = try items.map { sortKey(try a[1].isNoneValue ? $0 : attributePath($0, a[1], span), caseSensitive: a[0].isTruthy) }
            let order = try stableSort(items, keys: keys, reverse: false)
            return items[name == "min" ? order[0] : order[order.count - 1]]
        case "batch":
            let a = try bind([("linecount", nil), ("fill_with", JinjaValue.none)])
            guard let n = a[0].intValue, n > 0 else { throw TemplateError.runtime("batch: linecount must be a positive integer") }
            let items = try value.iterate(span)
            var out: [JinjaValue] = []
            for start in stride(from: 0, to: items.count, by: n) {
                var chunk = Array(items[start..<min(start + n, items.count)])
                if chunk.count < n, !a[1].isNoneValue { chunk += Array(repeating: a[1], count: n - chunk.count) }
                out.append(.list(chunk))
            }
            return .list(out)
        case "wordcount":
            return .int(value.pyStr.split { !($0.isLetter || $0.isNumber || $0 == "_") }.count)
        case "center":
            let a = try bind([("width", JinjaValue.int(80))])
            let s = value.pyStr, width = a[0].intValue ?? 80, n = s.unicodeScalars.count
            guard width > n else { return .string(s) }
            let total = width - n
            let left = total / 2 + (total & width & 1)
            return .string(String(repeating: " ", count: left) + s + String(repeating: " ", count: total - left))
        case "format":
            let tuple = JinjaValue.tuple(args.positional)
            return .string(try percentFormat(value.pyStr, tuple, span))
        case "attr":
            let a = try bind([("name", nil)])
            if case let .namespace(ns) = value { return ns.attributes[a[0]] ?? .undefined("'Namespace object' has no attribute \(a[0].pyRepr)") }
            if case .dict = value, case .string = a[0] {
                return .undefined("'dict object' has no attribute \(a[0].pyRepr)")
            }
            return try getAttribute(value, a[0].pyStr, span)
        case "pprint": return .string(value.pyRepr)
        default:
            throw TemplateError.runtime("No filter named '\(name)' found.")
        }
    }

    func length(_ value: JinjaValue) throws -> Int {
        switch value {
        case .undefined: return 0
        case let .string(s): return s.unicodeScalars.count
        case let .list(l), let .tuple(l): return l.count
        case let .dict(d): return d.count
        case let .namespace(ns): return ns.attributes.count
        default: throw TemplateError.runtime("object of type '\(value.typeName)' has no len()")
        }
    }

    /// `attribute="a.b"` or `attribute=0` as jinja2's `make_attrgetter`: dotted parts, digits as indices.
    func attributePath(_ item: JinjaValue, _ path: JinjaValue, _ span: TemplateSpan) throws -> JinjaValue {
        guard case let .string(p) = path else { return try getItem(item, path, span) }
        var v = item
        for part in p.split(separator: ".", omittingEmptySubsequences: false) {
            v = try getItem(v, Int(part).map(JinjaValue.int) ?? .string(String(part)), span)
        }
        return v
    }

    private func map(_ value: JinjaValue, _ args: JinjaArguments, _ span: TemplateSpan) throws -> [JinjaValue] {
        let items = try value.iterate(span)
        if let attribute = args.keywords.first(where: { $0.0 == "attribute" })?.1 {
            let fallback = args.keywords.first { $0.0 == "default" }?.1
            return try items.map { item in
                let v = try attributePath(item, attribute, span)
                if v.isUndefined, let fallback { return fallback }
                return v
            }
        }
        guard let filterName = args.positional.first else { return items }
        let rest = JinjaArguments(Array(args.positional.dropFirst()), keywords: args.keywords)
        return try items.map { try applyFilter(filterName.pyStr, to: $0, rest, span) }
    }

    private func select(_ value: JinjaValue, _ args: JinjaArguments, byAttribute: Bool, keep: Bool,
                        _ span: TemplateSpan) throws -> [JinjaValue] {
        var positional = args.positional
        var attribute: JinjaValue?
        if byAttribute {
            guard !positional.isEmpty else { throw TemplateError.runtime("Missing parameter for attribute name") }
            attribute = positional.removeFirst()
        }
        let testName = positional.isEmpty ? nil : positional.removeFirst().pyStr
        let testArgs = JinjaArguments(positional, keywords: args.keywords)
        return try value.iterate(span).filter { item in
            let probe = try attribute.map { try attributePath(item, $0, span) } ?? item
            let passed = try testName.map { try applyTest($0, to: probe, testArgs, span) } ?? probe.isTruthy
            return passed == keep
        }
    }

    /// jinja2's `ignore_case`: strings compare lowercased unless case-sensitive.
    private func sortKey(_ v: JinjaValue, caseSensitive: Bool) -> JinjaValue {
        if !caseSensitive, case let .string(s) = v { return .string(s.lowercased()) }
        return v
    }

    /// Indices of `items` in Python's stable sort order by `keys` (ties keep input order, also reversed).
    private func stableSort(_ items: [JinjaValue], keys: [JinjaValue], reverse: Bool) throws -> [Int] {
        var failure: TemplateError?
        let order = Array(items.indices).sorted { i, j in
            let (a, b) = reverse ? (keys[j], keys[i]) : (keys[i], keys[j])
            guard let less = pyLess(a, b), let greater = pyLess(b, a) else {
                failure = TemplateError.runtime("'<' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
                return false
            }
            return less || (!greater && i < j)
        }
        if let failure { throw failure }
        return order
    }

    private func toInt(_ v: JinjaValue, base: Int) -> JinjaValue? {
        switch v {
        case let .int(i): return .int(i)
        case let .bool(b): return .int(b ? 1 : 0)
        case let .float(f): return f.isFinite && abs(f) < 9.2e18 ? .int(Int(f)) : nil
        case let .string(s):
            if let i = parsePythonInt(s, base: base) { return .int(i) }
            if let f = toFloat(v), f.isFinite, abs(f) < 9.2e18 { return .int(Int(f)) }
            return nil
        default: return nil
        }
    }

    /// Python's `int(text, base)`: surrounding whitespace, a sign, `_` separators,
    /// and a `0x`/`0o`/`0b` prefix matching the base (any prefix when base is 0).
    private func parsePythonInt(_ s: String, base: Int) -> Int? {
        guard var t = try? pyStrip(s, nil, left: true, right: true) else { return nil }
        var negative = false
        if t.hasPrefix("-") || t.hasPrefix("+") { negative = t.hasPrefix("-"); t.removeFirst() }
        var radix = base
        let prefixes: [(String, Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
        for (p, r) in prefixes where t.lowercased().hasPrefix(p) && (base == r || base == 0) {
            t.removeFirst(2)
            radix = r
        }
        if radix == 0 { radix = 10 }
        guard !t.hasPrefix("_"), !t.hasSuffix("_"), !t.contains("__"),
              let v = Int(t.replacingOccurrences(of: "_", with: ""), radix: radix) else { return nil }
        return negative ? -v : v
    }

    private func toFloat(_ v: JinjaValue) -> Double? {
        switch v {
        case let .string(s):
            guard let t = try? pyStrip(s, nil, left: true, right: true) else { return nil }
            switch t.lowercased() {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default: return t.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }) ? nil : Double(t)
            }
        default: return v.numericValue
        }
    }

    private func round(_ value: JinjaValue, precision: Int, method: String) throws -> JinjaValue {
        try requireDefined(value)
        guard let x = value.numericValue else { throw TemplateError.runtime("type \(value.typeName) doesn't define __round__ method") }
        switch method {
        case "common":
            if let i = value.intValue { return .int(i) }  // Python's round(int, n) stays an int
            if precision < 0 {
                let scale = pow(10.0, Double(-precision))
                return .float((x / scale).rounded(.toNearestOrEven) * scale)
            }
            // printf's correctly rounded conversion matches Python's round-half-even on exact binary values.
            return .float(Double(String(format: "%.\(precision)f", x)) ?? x)
        case "ceil", "floor":
            let scale = pow(10.0, Double(precision))
            let r = method == "ceil" ? (x * scale).rounded(.up) : (x * scale).rounded(.down)
            return .float(r / scale)
        default:
            throw TemplateError.runtime("method must be common, ceil or floor")
        }
    }

    private func indent(_ text: String, width: JinjaValue, first: Bool, blank: Bool) -> String {
        let pad: String
        if case let .string(s) = width { pad = s } else { pad = String(repeating: " ", count: max(0, width.intValue ?? 4)) }
        let s = text + "\n"
        var lines = s.split(omittingEmptySubsequences: false) { $0.isNewline }.map(String.init)
        if lines.last == "" { lines.removeLast() }
        var rv: String
        if blank {
            rv = lines.joined(separator: "\n" + pad)
        } else {
            rv = lines.first ?? ""
            let rest = lines.dropFirst()
            if !rest.isEmpty { rv += "\n" + rest.map { $0.isEmpty ? $0 : pad + $0 }.joined(separator: "\n") }
        }
        return first ? pad + rv : rv
    }
}

/// jinja2's `title` filter: words start after `-`, whitespace, or an opening bracket.
func jinjaTitle(_ s: String) -> String {
    var out = ""
    var atWordStart = true
    for c in s.unicodeScalars {
        let isBoundary = "-({[<".unicodeScalars.contains(c) || isPythonSpace(c)
        if isBoundary {
            out.unicodeScalars.append(c)
            atWordStart = true
        } else if atWordStart {
            out += String(c).uppercased()
            atWordStart = false
        } else {
            out += String(c).lowercased()
        }
    }
    return out
}

/// markupsafe's `escape`.
func htmlEscape(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&#34;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
