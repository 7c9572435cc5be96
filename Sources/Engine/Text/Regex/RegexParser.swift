/// Parses Python-`re`/Rust-`regex` syntax into a `RegexNode` tree.
///
/// Supported: literals and escapes (`\n \t \r \f \v \0 \xHH \x{H..} \uHHHH \UHHHHHHHH`),
/// `.`, classes `[...]` with ranges and `\s \d \w \p{..} \P{..}` inside, Perl classes,
/// `\b \B \A \z \Z ^ $`, groups `( )`, `(?: )`, `(?P<name> )`/`(?<name> )`, inline flags
/// `(?i)`/`(?ims-ims: )`, look-around `(?= ) (?! ) (?<= ) (?<! )`, back-references
/// `\1`/`(?P=name)`, and greedy/lazy quantifiers `* + ? {n} {n,} {n,m}`.
/// Anything else is a `RegexError` naming the position, never a silent mismatch.
struct RegexParser {
    private let chars: [UInt32]
    private let pattern: String
    private var i = 0
    private var flags: RegexFlags
    private(set) var captureCount = 0
    private(set) var groupNames: [String: Int] = [:]

    init(pattern: String, flags: RegexFlags) {
        self.pattern = pattern
        self.chars = pattern.unicodeScalars.map(\.value)
        self.flags = flags
    }

    mutating func parse() throws -> RegexNode {
        let node = try parseAlternation()
        if i < chars.count {
            throw error(chars[i] == 0x29 ? "unbalanced parenthesis" : "unexpected character")
        }
        return node
    }

    private func error(_ message: String) -> RegexError {
        RegexError(pattern: pattern, position: i, message: message)
    }

    private var atEnd: Bool { i >= chars.count }
    private func peek(_ offset: Int = 0) -> UInt32? { i + offset < chars.count ? chars[i + offset] : nil }
    private mutating func eat(_ c: Character) -> Bool {
        if peek() == c.unicodeScalars.first!.value { i += 1; return true }
        return false
    }

    private mutating func parseAlternation() throws -> RegexNode {
        var branches = [try parseConcat()]
        while eat("|") { branches.append(try parseConcat()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcat() throws -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek(), c != 0x7C /* | */, c != 0x29 /* ) */ {
            if flags.contains(.verbose) {
                if UnicodeProperties.isWhitespace(c) { i += 1; continue }
                if c == 0x23 /* # */ {
                    while let d = peek(), d != 0x0A { _ = d; i += 1 }
                    continue
                }
            }
            let atom = try parseAtom()
            items.append(try parseQuantifiers(atom))
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    private mutating func parseQuantifiers(_ atom: RegexNode) throws -> RegexNode {
        var node = atom
        while let c = peek() {
            var min = 0, max: Int? = nil
            switch c {
            case 0x2A: i += 1  // *
            case 0x2B: i += 1; min = 1  // +
            case 0x3F: i += 1; max = 1  // ?
            case 0x7B:  // {
                guard let (lo, hi) = try parseBraces() else { return node }
                min = lo; max = hi
            default: return node
            }
            if case .assertion = node { throw error("nothing to repeat") }
            if case .empty = node { throw error("nothing to repeat") }
            var greedy = true
            if eat("?") { greedy = false } else if peek() == 0x2B {
                throw error("possessive quantifiers are not supported")
            }
            node = .quantified(node, min: min, max: max, greedy: greedy)
        }
        return node
    }

    /// `{n}`, `{n,}`, `{,m}`, `{n,m}`; a `{` that does not start one is a literal (as in Python).
    private mutating func parseBraces() throws -> (Int, Int?)? {
        var j = i + 1
        func number() -> Int? {
            var value: Int? = nil
            while j < chars.count, chars[j] >= 0x30, chars[j] <= 0x39 {
                value = (value ?? 0) * 10 + Int(chars[j] - 0x30)
                j += 1
            }
            return value
        }
        let lo = number()
        var hi: Int?
        if j < chars.count, chars[j] == 0x2C {
            j += 1
            hi = number()
        } else {
            guard lo != nil else { return nil }
            hi = lo
        }
        guard j < chars.count, chars[j] == 0x7D else { return nil }
        if lo == nil && hi == nil && chars[j - 1] != 0x2C { return nil }
        if let l = lo, let h = hi, h < l { throw error("min repeat greater than max repeat") }
        i = j + 1
        return (lo ?? 0, hi)
    }

    private mutating func parseAtom() throws -> RegexNode {
        let c = chars[i]
        switch c {
        case 0x28: return try parseGroup()
        case 0x5B: return .charClass(try parseClass())
        case 0x2E: i += 1; return .any(dotAll: flags.contains(.dotAll))
        case 0x5E: i += 1; return .assertion(flags.contains(.multiline) ? .lineStart : .textStart)
        case 0x24: i += 1; return .assertion(flags.contains(.multiline) ? .lineEnd : .textEndOrFinalNewline)
        case 0x5C: return try parseEscape()
        case 0x2A, 0x2B, 0x3F: throw error("nothing to repeat")
        default:
            i += 1
            return .scalar(c, caseInsensitive: flags.contains(.caseInsensitive))
        }
    }

    private mutating func parseGroup() throws -> RegexNode {
        i += 1  // (
        var capture: Int? = nil
        let savedFlags = flags
        defer { flags = savedFlags }
        if eat("?") {
            if eat(":") {
            } else if eat("=") {
                return try finishLook(ahead: true, negate: false)
            } else if eat("!") {
                return try finishLook(ahead: true, negate: true)
            } else if peek() == 0x3C, peek(1) == 0x3D || peek(1) == 0x21 {  // (?<= (?<!
                i += 1
                let negate = chars[i] == 0x21
                i += 1
                return try finishLook(ahead: false, negate: negate)
            } else if peek() == 0x50 && peek(1) == 0x3D {  // (?P=name)
                i += 2
                let name = try parseName(until: 0x29)
                guard let index = groupNames[name] else { throw error("unknown group name '\(name)'") }
                return .backreference(index, caseInsensitive: flags.contains(.caseInsensitive))
            } else if peek() == 0x50 || peek() == 0x3C {  // (?P<name> or (?<name>
                if peek() == 0x50 { i += 1 }
                guard eat("<") else { throw error("bad group syntax") }
                let name = try parseName(until: 0x3E)
                captureCount += 1
                capture = captureCount
                groupNames[name] = captureCount
            } else {
                // Inline flags: (?flags) for the rest of the enclosing group, or (?flags:...).
                var on = RegexFlags(), off = RegexFlags(), negative = false
                while let f = peek(), f != 0x29, f != 0x3A {
                    i += 1
                    let flag: RegexFlags
                    switch f {
                    case 0x69: flag = .caseInsensitive
                    case 0x6D: flag = .multiline
                    case 0x73: flag = .dotAll
                    case 0x78: flag = .verbose
                    case 0x75, 0x61, 0x4C: continue  // unicode (default), ascii, locale: accepted
                    case 0x2D: negative = true; continue
                    default: throw error("unknown inline flag")
                    }
                    if negative { off.insert(flag) } else { on.insert(flag) }
                }
                if eat(")") {
                    // Applies to the rest of the current group: keep it after `defer` restores.
                    flags.formUnion(on); flags.subtract(off)
                    let rest = try parseAlternation()
                    return rest
                }
                guard eat(":") else { throw error("missing ) after inline flags") }
                flags.formUnion(on); flags.subtract(off)
            }
        } else {
            captureCount += 1
            capture = captureCount
        }
        let body = try parseAlternation()
        guard eat(")") else { throw error("missing ), unterminated subpattern") }
        return .group(body, capture: capture)
    }

    private mutating func finishLook(ahead: Bool, negate: Bool) throws -> RegexNode {
        let body = try parseAlternation()
        guard eat(")") else { throw error("missing ), unterminated look-around") }
        return .look(body, ahead: ahead, negate: negate)
    }

    private mutating func parseName(until terminator: UInt32) throws -> String {
        var name = ""
        while let c = peek(), c != terminator {
            name.unicodeScalars.append(Unicode.Scalar(c) ?? "?")
            i += 1
        }
        guard eat(Character(Unicode.Scalar(terminator)!)), !name.isEmpty else { throw error("bad group name") }
        return name
    }

    private mutating func parseEscape() throws -> RegexNode {
        i += 1
        guard let c = peek() else { throw error("bad escape (end of pattern)") }
        var cls = RegexCharClass()
        switch c {
        case 0x62: i += 1; return .assertion(.wordBoundary)  // \b
        case 0x42: i += 1; return .assertion(.notWordBoundary)
        case 0x41: i += 1; return .assertion(.textStart)  // \A
        case 0x7A, 0x5A: i += 1; return .assertion(.textEnd)  // \z \Z
        case 0x31...0x39:
            var n = 0
            while let d = peek(), d >= 0x30, d <= 0x39 { n = n * 10 + Int(d - 0x30); i += 1 }
            guard n <= captureCount else { throw error("invalid group reference \(n)") }
            return .backreference(n, caseInsensitive: flags.contains(.caseInsensitive))
        default:
            if try parseClassEscape(into: &cls) {
                cls.finish()
                return .charClass(cls)
            }
            return .scalar(try parseScalarEscape(), caseInsensitive: flags.contains(.caseInsensitive))
        }
    }

    /// `\s \S \d \D \w \W \p{..} \P{..}` into `cls`; false (consuming nothing) for other escapes.
    private mutating func parseClassEscape(into cls: inout RegexCharClass) throws -> Bool {
        guard let c = peek() else { return false }
        switch c {
        case 0x73: cls.whitespace = true
        case 0x53: cls.notWhitespace = true
        case 0x64: cls.digit = true
        case 0x44: cls.notDigit = true
        case 0x77: cls.word = true
        case 0x57: cls.notWord = true
        case 0x70, 0x50:
            i += 1
            var name = ""
            if eat("{") {
                while let d = peek(), d != 0x7D { name.unicodeScalars.append(Unicode.Scalar(d) ?? "?"); i += 1 }
                guard eat("}") else { throw error("missing } in \\p{...}") }
            } else if let d = peek() {
                name.unicodeScalars.append(Unicode.Scalar(d) ?? "?")
                i += 1
            }
            guard let mask = UnicodeCategory.mask(forName: name) else {
                throw error("unknown Unicode property '\(name)' (general categories only)")
            }
            if c == 0x70 { cls.categoryMask |= mask } else { cls.notCategoryMask |= mask }
            return true
        default: return false
        }
        i += 1
        return true
    }

    private mutating func parseScalarEscape() throws -> UInt32 {
        let c = chars[i]
        i += 1
        switch c {
        case 0x6E: return 0x0A
        case 0x74: return 0x09
        case 0x72: return 0x0D
        case 0x66: return 0x0C
        case 0x76: return 0x0B
        case 0x61: return 0x07
        case 0x30: return 0
        case 0x78:  // \xHH or \x{H...}
            if eat("{") {
                let value = try parseHex(maxDigits: 8)
                guard eat("}") else { throw error("missing } in \\x{...}") }
                return value
            }
            return try parseHex(exactly: 2)
        case 0x75: return try parseHex(exactly: 4)
        case 0x55: return try parseHex(exactly: 8)
        default:
            let isAlnum = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
            if isAlnum { i -= 1; throw error("bad escape \\\(Unicode.Scalar(c).map { String($0) } ?? "?")") }
            return c
        }
    }

    private mutating func parseHex(exactly count: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let d = peek(), let digit = hexValue(d) else { throw error("incomplete hex escape") }
            value = value * 16 + digit
            i += 1
        }
        guard Unicode.Scalar(value) != nil else { throw error("invalid code point") }
        return value
    }

    private mutating func parseHex(maxDigits: Int) throws -> UInt32 {
        var value: UInt32 = 0, n = 0
        while n < maxDigits, let d = peek(), let digit = hexValue(d) { value = value * 16 + digit; i += 1; n += 1 }
        guard n > 0, Unicode.Scalar(value) != nil else { throw error("invalid hex escape") }
        return value
    }

    private func hexValue(_ d: UInt32) -> UInt32? {
        switch d {
        case 0x30...0x39: return d - 0x30
        case 0x41...0x46: return d - 0x41 + 10
        case 0x61...0x66: return d - 0x61 + 10
        default: return nil
        }
    }

    private mutating func parseClass() throws -> RegexCharClass {
        i += 1  // [
        var cls = RegexCharClass()
        cls.caseInsensitive = flags.contains(.caseInsensitive)
        if eat("^") { cls.negated = true }
        var first = true
        while true {
            guard let c = peek() else { throw error("unterminated character set") }
            if c == 0x5D && !first { i += 1; break }
            first = false
            if c == 0x5B, peek(1) == 0x3A { throw error("POSIX classes [:name:] are not supported") }
            var lo: UInt32
            if c == 0x5C {
                i += 1
                if try parseClassEscape(into: &cls) { continue }
                guard !atEnd else { throw error("bad escape (end of pattern)") }
                if chars[i] == 0x62 { i += 1; lo = 0x08 } else { lo = try parseScalarEscape() }
            } else {
                lo = c
                i += 1
            }
            var hi = lo
            if peek() == 0x2D, let next = peek(1), next != 0x5D {  // a range a-b
                i += 1
                if next == 0x5C {
                    i += 1
                    var probe = RegexCharClass()
                    let save = i
                    if try parseClassEscape(into: &probe) { i = save; throw error("bad character range") }
                    hi = try parseScalarEscape()
                } else {
                    hi = next
                    i += 1
                }
                guard hi >= lo else { throw error("bad character range") }
            }
            cls.ranges.append((lo, hi))
        }
        cls.finish()
        return cls
    }
}
