/// A small backtracking regular-expression engine over Unicode scalars, with
/// Python `re` / Rust `regex` syntax and leftmost-first (Perl) semantics — what
/// tokenizer.json patterns and Python scripts expect.
///
/// Public API:
/// ```
/// let re = try Regex.compile(#"\p{L}+"#, flags: [.caseInsensitive])
/// re.firstMatch(in: "héllo wörld", from: 0)   // RegexMatch: range 0..<5 (scalar offsets)
/// re.allMatches(in: text)                     // non-overlapping, left to right
/// match.captures[1]                           // Range<Int>? of group 1
/// re.matchPrefix(in: text, at: 0), re.fullMatch(in: text), Regex.escape("a.b")   // re.match / fullmatch / escape
/// ```
/// All positions are Unicode scalar offsets (Python `str` indices). Matching works on
/// a scalar buffer; the `String` conveniences convert once.
public struct RegexFlags: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let caseInsensitive = RegexFlags(rawValue: 1)
    public static let multiline = RegexFlags(rawValue: 2)
    public static let dotAll = RegexFlags(rawValue: 4)
    public static let verbose = RegexFlags(rawValue: 8)
    /// Python `re` meanings of `\w` (str.isalnum() or "_": letters and all numbers, no
    /// marks), `\s` (str.isspace(), which adds U+001C–U+001F) and `\b`. Without it the
    /// classes follow the Rust `regex` crate, as tokenizer.json patterns expect.
    public static let pythonClasses = RegexFlags(rawValue: 16)
}

public struct RegexError: Error, CustomStringConvertible, Equatable {
    public let pattern: String
    public let position: Int
    public let message: String
    public var description: String { "invalid regular expression \(pattern.debugDescription) at position \(position): \(message)" }
}

/// One match: the whole range and each group's range (index 0 is the whole match).
public struct RegexMatch: Equatable, Sendable {
    public let range: Range<Int>
    public let captures: [Range<Int>?]
}

public final class Regex: @unchecked Sendable {
    public let pattern: String
    public let flags: RegexFlags
    /// Number of capturing groups (not counting the whole match).
    public let groupCount: Int
    public let groupNames: [String: Int]
    let program: RegexProgram

    public init(_ pattern: String, flags: RegexFlags = []) throws {
        var parser = RegexParser(pattern: pattern, flags: flags)
        let tree = try parser.parse()
        self.pattern = pattern
        self.flags = flags
        self.groupCount = parser.captureCount
        self.groupNames = parser.groupNames
        self.program = RegexCompiler.compile(tree, captureCount: parser.captureCount,
                                             pythonClasses: flags.contains(.pythonClasses))
    }

    public static func compile(_ pattern: String, flags: RegexFlags = []) throws -> Regex {
        try Regex(pattern, flags: flags)
    }

    /// The leftmost match starting at or after `from`.
    public func firstMatch(in text: UnsafeBufferPointer<UInt32>, from: Int = 0) -> RegexMatch? {
        var vm = RegexVM(program: program, text: text)
        var start = from
        while start <= text.count {
            if let slots = vm.run(at: start) { return Self.makeMatch(slots, groups: groupCount) }
            start += 1
        }
        return nil
    }

    /// A match that starts exactly at `at` (Python's `re.match` with a position).
    public func matchPrefix(in text: UnsafeBufferPointer<UInt32>, at: Int = 0) -> RegexMatch? {
        var vm = RegexVM(program: program, text: text)
        return vm.run(at: at).map { Self.makeMatch($0, groups: groupCount) }
    }

    /// The end of the leftmost match starting at or after `from`, without building captures.
    func firstMatchBounds(in text: UnsafeBufferPointer<UInt32>, from: Int, vm: inout RegexVM) -> (Int, Int)? {
        var start = from
        while start <= text.count {
            if let end = vm.runEnd(at: start) { return (start, end) }
            start += 1
        }
        return nil
    }

    /// Every non-overlapping match, left to right (an empty match advances by one scalar).
    public func allMatches(in text: UnsafeBufferPointer<UInt32>) -> [RegexMatch] {
        var out: [RegexMatch] = []
        var pos = 0
        while pos <= text.count, let m = firstMatch(in: text, from: pos) {
            out.append(m)
            pos = m.range.isEmpty ? m.range.upperBound + 1 : m.range.upperBound
        }
        return out
    }

    /// Non-overlapping match ranges only (the hot path of pre-tokenizers).
    public func matchRanges(in text: UnsafeBufferPointer<UInt32>, from: Int = 0, to end: Int? = nil) -> [Range<Int>] {
        let limit = end ?? text.count
        let view = UnsafeBufferPointer(rebasing: text[0..<limit])
        var vm = RegexVM(program: program, text: view)
        var out: [Range<Int>] = []
        var pos = from
        while pos <= limit, let (s, e) = firstMatchBounds(in: view, from: pos, vm: &vm) {
            out.append(s..<e)
            pos = e == s ? e + 1 : e
        }
        return out
    }

    /// A match spanning exactly `range` of the text (Python's `re.fullmatch`): the
    /// pattern is run anchored at both ends, so backtracking finds a full-length match.
    public func fullMatch(in text: UnsafeBufferPointer<UInt32>, range: Range<Int>? = nil) -> RegexMatch? {
        let r = range ?? 0..<text.count
        let view = UnsafeBufferPointer(rebasing: text[0..<r.upperBound])
        var vm = RegexVM(program: program, text: view)
        return vm.run(at: r.lowerBound, requiredEnd: r.upperBound).map { Self.makeMatch($0, groups: groupCount) }
    }

    public func fullMatch(in text: String) -> RegexMatch? {
        let scalars = text.unicodeScalars.map(\.value)
        return scalars.withUnsafeBufferPointer { fullMatch(in: $0) }
    }

    public func matchPrefix(in text: String, at: Int = 0) -> RegexMatch? {
        let scalars = text.unicodeScalars.map(\.value)
        return scalars.withUnsafeBufferPointer { matchPrefix(in: $0, at: at) }
    }

    /// `re.escape`: the pattern that matches `text` literally.
    public static func escape(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            let isWord = u.value < 0x80 && (UnicodeProperties.isWordCharacter(u.value))
            if !isWord && u.value < 0x80 { out.append("\\") }
            out.unicodeScalars.append(u)
        }
        return out
    }

    public func firstMatch(in text: String, from: Int = 0) -> RegexMatch? {
        let scalars = text.unicodeScalars.map(\.value)
        return scalars.withUnsafeBufferPointer { firstMatch(in: $0, from: from) }
    }

    public func allMatches(in text: String) -> [RegexMatch] {
        let scalars = text.unicodeScalars.map(\.value)
        return scalars.withUnsafeBufferPointer { allMatches(in: $0) }
    }

    private static func makeMatch(_ slots: [Int], groups: Int) -> RegexMatch {
        var captures: [Range<Int>?] = []
        captures.reserveCapacity(groups + 1)
        for g in 0...groups {
            let s = slots[2 * g], e = slots[2 * g + 1]
            captures.append(s >= 0 && e >= s ? s..<e : nil)
        }
        return RegexMatch(range: captures[0] ?? 0..<0, captures: captures)
    }
}
