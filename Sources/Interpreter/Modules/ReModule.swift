import Foundation

/// `re` on Foundation's `NSRegularExpression` (ICU), whose syntax covers what tutorials
/// write; Python-only spellings are translated (`(?P<name>`, `(?P=name)`, `\Z`).
/// Positions are reported in code points, as Python does. Replacement templates
/// (`\1`, `\g<name>`), `findall`'s group shapes and `split`'s captured separators
/// follow CPython.
final class PyPattern: NativeObject {
    let pattern: String
    let flags: Int
    let regex: NSRegularExpression
    let groupNames: [String: Int]

    static let errorClass: PyClass = {
        let c = PyClass(name: "error", bases: [T.exception], isBuiltin: false, module: "re", factory: { PyException(cls: $0) })
        c.cls = T.type
        return c
    }()

    init(_ rt: Interpreter, pattern: String, flags: Int) throws {
        self.pattern = pattern
        self.flags = flags
        var options: NSRegularExpression.Options = []
        if flags & 2 != 0 { options.insert(.caseInsensitive) }
        if flags & 8 != 0 { options.insert(.anchorsMatchLines) }
        if flags & 16 != 0 { options.insert(.dotMatchesLineSeparators) }
        if flags & 64 != 0 { options.insert(.allowCommentsAndWhitespace) }
        var names: [String: Int] = [:]
        let translated = PyPattern.translate(pattern, names: &names)
        do {
            regex = try NSRegularExpression(pattern: translated.isEmpty ? "(?:)" : translated, options: options)
        } catch {
            throw PyError(PyException(cls: PyPattern.errorClass, args: [.str("invalid pattern \(Interpreter.quote(pattern))")]))
        }
        groupNames = names
        super.init(cls: PyPattern.pyClass)
    }

    /// Python regex syntax → ICU syntax; records named groups' numbers.
    static func translate(_ p: String, names: inout [String: Int]) -> String {
        let chars = Array(p)
        var out = ""
        var i = 0
        var groupCount = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" && i + 1 < chars.count {
                let n = chars[i + 1]
                if n == "Z" && !inClass { out += "\\z" } else { out.append(c); out.append(n) }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                out.append(c)
                i += 1
                continue
            }
            if c == "[" {
                inClass = true
                out.append(c)
                i += 1
                if i < chars.count && chars[i] == "^" { out.append("^"); i += 1 }
                if i < chars.count && chars[i] == "]" { out += "\\]"; i += 1 }
                continue
            }
            if c == "(" {
                if i + 2 < chars.count && chars[i + 1] == "?" {
                    if chars[i + 2] == "P" && i + 3 < chars.count && chars[i + 3] == "<" {
                        groupCount += 1
                        var j = i + 4
                        var name = ""
                        while j < chars.count && chars[j] != ">" { name.append(chars[j]); j += 1 }
                        names[name] = groupCount
                        out += "(?<\(name)>"
                        i = j + 1
                        continue
                    }
                    if chars[i + 2] == "P" && i + 3 < chars.count && chars[i + 3] == "=" {
                        var j = i + 4
                        var name = ""
                        while j < chars.count && chars[j] != ")" { name.append(chars[j]); j += 1 }
                        out += "\\k<\(name)>"
                        i = j + 1
                        continue
                    }
                    if chars[i + 2] == "<" && i + 3 < chars.count && chars[i + 3] != "=" && chars[i + 3] != "!" {
                        groupCount += 1
                        var j = i + 3
                        var name = ""
                        while j < chars.count && chars[j] != ">" { name.append(chars[j]); j += 1 }
                        names[name] = groupCount
                    }
                } else {
                    groupCount += 1
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    var groupCount: Int { regex.numberOfCaptureGroups }

    /// Scalar index ↔ UTF-16 offset conversion for one subject string.
    struct Subject {
        let text: String
        let ns: NSString
        let utf16ToScalar: [Int]?
        let scalarToUTF16: [Int]?
        let scalarCount: Int

        init(_ text: String) {
            self.text = text
            ns = text as NSString
            let scalars = Array(text.unicodeScalars)
            scalarCount = scalars.count
            if scalars.contains(where: { $0.value > 0xFFFF }) {
                var u2s: [Int] = [], s2u: [Int] = []
                for (i, s) in scalars.enumerated() {
                    s2u.append(u2s.count)
                    u2s.append(i)
                    if s.value > 0xFFFF { u2s.append(i) }
                }
                s2u.append(u2s.count)
                u2s.append(scalars.count)
                utf16ToScalar = u2s
                scalarToUTF16 = s2u
            } else {
                utf16ToScalar = nil
                scalarToUTF16 = nil
            }
        }

        func scalar(_ u: Int) -> Int { utf16ToScalar?[u] ?? u }
        func utf16(_ s: Int) -> Int { scalarToUTF16?[s] ?? s }

        func substring(_ r: NSRange) -> String { ns.substring(with: r) }
    }

    func find(_ s: Subject, from pos: Int, to endPos: Int? = nil, anchored: Bool, full: Bool) -> NSTextCheckingResult? {
        let start = s.utf16(max(0, min(pos, s.scalarCount)))
        let end = s.utf16(min(endPos ?? s.scalarCount, s.scalarCount))
        guard start <= end else { return nil }
        let range = NSRange(location: start, length: end - start)
        var options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
        if anchored { options.insert(.anchored) }
        if full {
            var found: NSTextCheckingResult?
            regex.enumerateMatches(in: s.text, options: options, range: range) { r, _, stop in
                if let r = r, r.range.location + r.range.length == end { found = r }
                stop.pointee = true
            }
            if found == nil, let fullRegex = try? NSRegularExpression(pattern: "(?:" + regex.pattern + ")\\z", options: regex.options) {
                return fullRegex.firstMatch(in: s.text, options: options, range: range)
            }
            return found
        }
        return regex.firstMatch(in: s.text, options: options, range: range)
    }

    func allMatches(_ s: Subject, from pos: Int = 0) -> [NSTextCheckingResult] {
        let start = s.utf16(max(0, min(pos, s.scalarCount)))
        return regex.matches(in: s.text, options: [.withTransparentBounds], range: NSRange(location: start, length: s.ns.length - start))
    }

    static let pyClass: PyClass = NativeClass<PyPattern>("Pattern", module: "re")
        .method("match", "string, pos=0, endpos=None") { rt, this, a in
            try this.matchValue(rt, a[0], pos: a[1], endpos: a[2], anchored: true, full: false)
        }
        .method("search", "string, pos=0, endpos=None") { rt, this, a in
            try this.matchValue(rt, a[0], pos: a[1], endpos: a[2], anchored: false, full: false)
        }
        .method("fullmatch", "string, pos=0, endpos=None") { rt, this, a in
            try this.matchValue(rt, a[0], pos: a[1], endpos: a[2], anchored: true, full: true)
        }
        .method("findall", "string, pos=0, endpos=None") { rt, this, a in try this.findall(rt, a[0]) }
        .method("finditer", "string, pos=0, endpos=None") { rt, this, a in
            let s = Subject(try rt.toStr(a[0]))
            return .object(PyList(this.allMatches(s).map { .object(PyMatch(this, s, $0)) })).iteratorValue(rt)
        }
        .method("sub", "repl, string, count=0") { rt, this, a in
            .str(try this.sub(rt, a[0], a[1], count: rt.toInt(a[2])).0)
        }
        .method("subn", "repl, string, count=0") { rt, this, a in
            let (s, n) = try this.sub(rt, a[0], a[1], count: rt.toInt(a[2]))
            return .object(PyTuple([.str(s), .int(n)]))
        }
        .method("split", "string, maxsplit=0") { rt, this, a in try this.split(rt, a[0], maxsplit: rt.toInt(a[1])) }
        .property("pattern") { _, this in .str(this.pattern) }
        .property("flags") { _, this in .int(this.flags | 32) }
        .property("groups") { _, this in .int(this.groupCount) }
        .property("groupindex") { _, this in
            let d = PyDict()
            for (k, v) in this.groupNames.sorted(by: { $0.value < $1.value }) { d.setString(k, .int(v)) }
            return .object(d)
        }
        .pyClass

    override func repr(_ rt: Interpreter) throws -> String {
        var flagText = ""
        let names = [(2, "re.IGNORECASE"), (8, "re.MULTILINE"), (16, "re.DOTALL"), (64, "re.VERBOSE")]
        let set = names.filter { flags & $0.0 != 0 }.map(\.1)
        if !set.isEmpty { flagText = ", " + set.joined(separator: "|") }
        return "re.compile(\(Interpreter.quote(pattern))\(flagText))"
    }

    override func equals(_ rt: Interpreter, _ other: Value) throws -> Bool? {
        guard case .object(let o) = other, let p = o as? PyPattern else { return false }
        return p.pattern == pattern && p.flags == flags
    }

    func matchValue(_ rt: Interpreter, _ string: Value, pos: Value, endpos: Value, anchored: Bool, full: Bool) throws -> Value {
        let s = Subject(try rt.toStr(string, "expected string or bytes-like object, got '\(Interpreter.nameOfType(string))'"))
        let p = try rt.toInt(pos)
        let e = endpos.isNone ? nil : try rt.toInt(endpos)
        guard let r = find(s, from: p, to: e, anchored: anchored, full: full) else { return .none }
        return .object(PyMatch(self, s, r))
    }

    func groupValue(_ s: Subject, _ r: NSTextCheckingResult, _ i: Int, _ missing: Value = .none) -> Value {
        let range = r.range(at: i)
        if range.location == NSNotFound { return missing }
        return .str(s.substring(range))
    }

    func findall(_ rt: Interpreter, _ string: Value) throws -> Value {
        let s = Subject(try rt.toStr(string))
        let out: [Value] = allMatches(s).map { r in
            switch groupCount {
            case 0: return groupValue(s, r, 0)
            case 1: return groupValue(s, r, 1, .str(""))
            default: return .object(PyTuple((1...groupCount).map { groupValue(s, r, $0, .str("")) }))
            }
        }
        return .object(PyList(out))
    }

    func sub(_ rt: Interpreter, _ repl: Value, _ string: Value, count: Int) throws -> (String, Int) {
        let s = Subject(try rt.toStr(string))
        var out = ""
        var last = 0
        var n = 0
        let template: String? = (repl.asObject as? PyStr)?.value
        for r in allMatches(s) {
            if count > 0 && n >= count { break }
            out += s.ns.substring(with: NSRange(location: last, length: r.range.location - last))
            if let t = template {
                out += try expand(t, s, r)
            } else {
                out += try rt.toStr(rt.call(repl, [.object(PyMatch(self, s, r))]))
            }
            last = r.range.location + r.range.length
            n += 1
        }
        out += s.ns.substring(from: last)
        return (out, n)
    }

    /// A replacement template: `\1`, `\g<1>`, `\g<name>`, and Python's string escapes.
    func expand(_ template: String, _ s: Subject, _ r: NSTextCheckingResult) throws -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        func group(_ ref: String) throws -> String {
            let index = Int(ref) ?? groupNames[ref]
            guard let idx = index, idx <= groupCount else {
                throw PyError(PyException(cls: PyPattern.errorClass, args: [.str("invalid group reference \(ref)")]))
            }
            if case .object(let o) = groupValue(s, r, idx), let str = o as? PyStr { return str.value }
            return ""
        }
        while i < chars.count {
            let c = chars[i]
            guard c == "\\", i + 1 < chars.count else {
                out.append(c)
                i += 1
                continue
            }
            let n = chars[i + 1]
            if n == "g", i + 2 < chars.count, chars[i + 2] == "<", let close = chars[(i + 3)...].firstIndex(of: ">") {
                out += try group(String(chars[(i + 3)..<close]))
                i = close + 1
            } else if n.isASCII, n.isNumber {
                var j = i + 1
                var digits = ""
                while j < chars.count, chars[j].isASCII, chars[j].isNumber, digits.count < 2 { digits.append(chars[j]); j += 1 }
                out += try group(digits)
                i = j
            } else {
                switch n {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                case "\\": out += "\\"
                case "f": out += "\u{0C}"
                case "v": out += "\u{0B}"
                case "a": out += "\u{07}"
                default: out.append("\\"); out.append(n)
                }
                i += 2
            }
        }
        return out
    }

    func split(_ rt: Interpreter, _ string: Value, maxsplit: Int) throws -> Value {
        let s = Subject(try rt.toStr(string))
        var out: [Value] = []
        var last = 0
        var n = 0
        for r in allMatches(s) {
            if maxsplit > 0 && n >= maxsplit { break }
            if r.range.length == 0 && (r.range.location == 0 || r.range.location == s.ns.length) && groupCount == 0 {
                if r.range.location == 0 || r.range.location == s.ns.length { continue }
            }
            out.append(.str(s.ns.substring(with: NSRange(location: last, length: r.range.location - last))))
            if groupCount > 0 { for g in 1...groupCount { out.append(groupValue(s, r, g)) } }
            last = r.range.location + r.range.length
            n += 1
        }
        out.append(.str(s.ns.substring(from: last)))
        return .object(PyList(out))
    }
}

final class PyMatch: NativeObject {
    let pattern: PyPattern
    let subject: PyPattern.Subject
    let result: NSTextCheckingResult

    init(_ pattern: PyPattern, _ subject: PyPattern.Subject, _ result: NSTextCheckingResult) {
        self.pattern = pattern
        self.subject = subject
        self.result = result
        super.init(cls: PyMatch.pyClass)
    }

    func index(_ rt: Interpreter, _ g: Value) throws -> Int {
        if case .object(let o) = g, let s = o as? PyStr {
            guard let i = pattern.groupNames[s.value] else { throw PyError.indexError("no such group") }
            return i
        }
        let i = try rt.toInt(g)
        guard i >= 0 && i <= pattern.groupCount else { throw PyError.indexError("no such group") }
        return i
    }

    func span(_ i: Int) -> (Int, Int) {
        let r = result.range(at: i)
        if r.location == NSNotFound { return (-1, -1) }
        return (subject.scalar(r.location), subject.scalar(r.location + r.length))
    }

    static let pyClass: PyClass = NativeClass<PyMatch>("Match", module: "re")
        .method("group", "*groups") { rt, this, a in
            let groups = try rt.iterate(a[0])
            if groups.isEmpty { return this.pattern.groupValue(this.subject, this.result, 0) }
            if groups.count == 1 { return this.pattern.groupValue(this.subject, this.result, try this.index(rt, groups[0])) }
            return .object(PyTuple(try groups.map { this.pattern.groupValue(this.subject, this.result, try this.index(rt, $0)) }))
        }
        .method("groups", "default=None") { _, this, a in
            guard this.pattern.groupCount > 0 else { return .object(PyTuple.empty) }
            return .object(PyTuple((1...this.pattern.groupCount).map { this.pattern.groupValue(this.subject, this.result, $0, a[0]) }))
        }
        .method("groupdict", "default=None") { _, this, a in
            let d = PyDict()
            for (k, v) in this.pattern.groupNames.sorted(by: { $0.value < $1.value }) {
                d.setString(k, this.pattern.groupValue(this.subject, this.result, v, a[0]))
            }
            return .object(d)
        }
        .method("start", "group=0") { rt, this, a in .int(this.span(try this.index(rt, a[0])).0) }
        .method("end", "group=0") { rt, this, a in .int(this.span(try this.index(rt, a[0])).1) }
        .method("span", "group=0") { rt, this, a in
            let (s, e) = this.span(try this.index(rt, a[0]))
            return .object(PyTuple([.int(s), .int(e)]))
        }
        .method("expand", "template") { rt, this, a in
            .str(try this.pattern.expand(rt.toStr(a[0]), this.subject, this.result))
        }
        .method("__getitem__", "g") { rt, this, a in this.pattern.groupValue(this.subject, this.result, try this.index(rt, a[0])) }
        .property("string") { _, this in .str(this.subject.text) }
        .property("re") { _, this in .object(this.pattern) }
        .property("pos") { _, _ in .int(0) }
        .property("endpos") { _, this in .int(this.subject.scalarCount) }
        .property("lastindex") { _, this in
            var last: Value = .none
            var bestEnd = -1
            if this.pattern.groupCount > 0 {
                for i in 1...this.pattern.groupCount {
                    let (_, e) = this.span(i)
                    if e >= 0 && e >= bestEnd { bestEnd = e; last = .int(i) }
                }
            }
            return last
        }
        .property("lastgroup") { _, this in
            var last: Value = .none
            var bestEnd = -1
            for (name, i) in this.pattern.groupNames.sorted(by: { $0.value < $1.value }) {
                let (_, e) = this.span(i)
                if e >= 0 && e >= bestEnd { bestEnd = e; last = .str(name) }
            }
            return last
        }
        .pyClass

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        pattern.groupValue(subject, result, try index(rt, key))
    }

    override func repr(_ rt: Interpreter) throws -> String {
        let (s, e) = span(0)
        return "<re.Match object; span=(\(s), \(e)), match=\(try rt.repr(pattern.groupValue(subject, result, 0)))>"
    }
}

enum ReModule: NativeModule {
    static let name = "re"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        var cache: [String: PyPattern] = [:]
        func compile(_ rt: Interpreter, _ p: Value, _ flags: Value) throws -> PyPattern {
            if case .object(let o) = p, let pat = o as? PyPattern { return pat }
            let text = try rt.toStr(p, "first argument")
            let f = try rt.toInt(flags)
            let key = "\(f):\(text)"
            if let c = cache[key] { return c }
            let pat = try PyPattern(rt, pattern: text, flags: f)
            cache[key] = pat
            return pat
        }
        m.function("compile", "pattern, flags=0") { rt, a in .object(try compile(rt, a[0], a[1])) }
        m.function("match", "pattern, string, flags=0") { rt, a in
            try compile(rt, a[0], a[2]).matchValue(rt, a[1], pos: .int(0), endpos: .none, anchored: true, full: false)
        }
        m.function("search", "pattern, string, flags=0") { rt, a in
            try compile(rt, a[0], a[2]).matchValue(rt, a[1], pos: .int(0), endpos: .none, anchored: false, full: false)
        }
        m.function("fullmatch", "pattern, string, flags=0") { rt, a in
            try compile(rt, a[0], a[2]).matchValue(rt, a[1], pos: .int(0), endpos: .none, anchored: true, full: true)
        }
        m.function("findall", "pattern, string, flags=0") { rt, a in try compile(rt, a[0], a[2]).findall(rt, a[1]) }
        m.function("finditer", "pattern, string, flags=0") { rt, a in
            let p = try compile(rt, a[0], a[2])
            let s = PyPattern.Subject(try rt.toStr(a[1]))
            return .object(PyList(p.allMatches(s).map { .object(PyMatch(p, s, $0)) })).iteratorValue(rt)
        }
        m.function("sub", "pattern, repl, string, count=0, flags=0") { rt, a in
            .str(try compile(rt, a[0], a[4]).sub(rt, a[1], a[2], count: rt.toInt(a[3])).0)
        }
        m.function("subn", "pattern, repl, string, count=0, flags=0") { rt, a in
            let (s, n) = try compile(rt, a[0], a[4]).sub(rt, a[1], a[2], count: rt.toInt(a[3]))
            return .object(PyTuple([.str(s), .int(n)]))
        }
        m.function("split", "pattern, string, maxsplit=0, flags=0") { rt, a in
            try compile(rt, a[0], a[3]).split(rt, a[1], maxsplit: rt.toInt(a[2]))
        }
        m.function("escape", "pattern") { rt, a in
            let special = Set("()[]{}?*+-|^$\\.&~# \t\n\r\u{0B}\u{0C}")
            var out = ""
            for c in try rt.toStr(a[0]) {
                if special.contains(c) { out.append("\\") }
                out.append(c)
            }
            return .str(out)
        }
        m.function("purge", "") { _, _ in
            cache.removeAll()
            return .none
        }
        m.add(PyPattern.pyClass)
        m.add(PyMatch.pyClass)
        m.value("error", .object(PyPattern.errorClass))
        for (flag, v) in [("IGNORECASE", 2), ("I", 2), ("MULTILINE", 8), ("M", 8), ("DOTALL", 16), ("S", 16),
                          ("VERBOSE", 64), ("X", 64), ("ASCII", 256), ("A", 256), ("UNICODE", 32), ("U", 32)] {
            m.value(flag, .int(v))
        }
        return m.module
    }
}
