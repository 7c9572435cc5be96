/// Pre-tokenizer split patterns with hand-written matchers for the patterns that
/// nearly every byte-level tokenizer uses (GPT-2's, and Llama-3's / Qwen2's), and the
/// general regex engine for anything else. The fast matchers implement exactly the
/// leftmost-first semantics of the pattern strings they replace (each alternative's
/// backtracking is spelled out below), and the tests hold them to the engine.
public enum SplitPattern {
    /// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
    case gpt2
    /// Llama-3 (`maxDigits` 3) and Qwen2 (`maxDigits` 1):
    /// `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
    case llama3(maxDigits: Int)
    case general(Regex)

    public static let gpt2Pattern = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#
    public static let llama3Pattern = #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
    public static let qwen2Pattern = #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#

    /// The fast matcher when `pattern` is one of the known strings, else the regex engine.
    public static func compile(_ pattern: String) throws -> SplitPattern {
        switch pattern {
        case gpt2Pattern: return .gpt2
        case llama3Pattern: return .llama3(maxDigits: 3)
        case qwen2Pattern: return .llama3(maxDigits: 1)
        default: return .general(try Regex(pattern))
        }
    }

    /// Appends the non-overlapping matches inside `range` to `out`.
    public func matches(in text: UnsafeBufferPointer<UInt32>, range: Range<Int>, into out: inout [Range<Int>]) {
        switch self {
        case .gpt2: SplitPattern.gpt2Matches(text, range, &out)
        case let .llama3(maxDigits): SplitPattern.llama3Matches(text, range, maxDigits, &out)
        case let .general(regex): out.append(contentsOf: regex.matchRanges(in: text, from: range.lowerBound, to: range.upperBound))
        }
    }

    // Character classes of the patterns.
    @inline(__always) private static func isL(_ c: UInt32) -> Bool { UnicodeProperties.isLetter(c) }
    @inline(__always) private static func isN(_ c: UInt32) -> Bool { UnicodeProperties.isNumber(c) }
    @inline(__always) private static func isS(_ c: UInt32) -> Bool { UnicodeProperties.isWhitespace(c) }
    /// `[^\s\p{L}\p{N}]`
    @inline(__always) private static func isOther(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) && !(c >= 0x30 && c <= 0x39) && !isS(c)
        }
        return !isS(c) && !isL(c) && !isN(c)
    }

    /// Length of a contraction `'s 't 're 've 'm 'll 'd` at `i` (0 if none).
    @inline(__always)
    private static func contraction(_ t: UnsafeBufferPointer<UInt32>, _ i: Int, _ end: Int, caseInsensitive: Bool) -> Int {
        guard t[i] == 0x27, i + 1 < end else { return 0 }
        func lower(_ c: UInt32) -> UInt32 { caseInsensitive && c >= 0x41 && c <= 0x5A ? c + 32 : c }
        let a = lower(t[i + 1])
        if a == 0x73 || a == 0x74 || a == 0x6D || a == 0x64 { return 2 }  // s t m d
        guard i + 2 < end else { return 0 }
        let b = lower(t[i + 2])
        if (a == 0x72 && b == 0x65) || (a == 0x76 && b == 0x65) || (a == 0x6C && b == 0x6C) { return 3 }  // re ve ll
        return 0
    }

    /// End of the whitespace alternatives `\s+(?!\S)|\s+` at `i` (a whitespace scalar).
    @inline(__always)
    private static func whitespaceEnd(_ t: UnsafeBufferPointer<UInt32>, _ i: Int, _ end: Int) -> Int {
        var k = i + 1
        while k < end && isS(t[k]) { k += 1 }
        if k == end { return k }       // \s+ to the end: (?!\S) holds
        if k - 1 > i { return k - 1 }  // back off one so the next scalar is whitespace
        return k                       // a single whitespace before a non-space: plain \s+
    }

    private static func gpt2Matches(_ t: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, _ out: inout [Range<Int>]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = t[i]
            var j = i
            let n = contraction(t, i, end, caseInsensitive: false)
            if n > 0 {
                j = i + n
            } else {
                let k = (c == 0x20 && i + 1 < end) ? i + 1 : i  // optional leading space
                let d = t[k]
                if isL(d) {
                    j = k + 1
                    while j < end && isL(t[j]) { j += 1 }
                } else if isN(d) {
                    j = k + 1
                    while j < end && isN(t[j]) { j += 1 }
                } else if isOther(d) {
                    j = k + 1
                    while j < end && isOther(t[j]) { j += 1 }
                } else {
                    // k == i here only if c is whitespace (a space before whitespace falls back too).
                    j = whitespaceEnd(t, i, end)
                }
            }
            out.append(i..<j)
            i = j
        }
    }

    private static func llama3Matches(_ t: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, _ maxDigits: Int, _ out: inout [Range<Int>]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = t[i]
            var j = i
            let n = contraction(t, i, end, caseInsensitive: true)
            if n > 0 {
                j = i + n
            } else if isL(c) {
                // [^\r\n\p{L}\p{N}]?\p{L}+ with the optional part empty.
                j = i + 1
                while j < end && isL(t[j]) { j += 1 }
            } else if c != 0x0D && c != 0x0A && !isN(c) && i + 1 < end && isL(t[i + 1]) {
                // One non-letter, non-digit, non-newline scalar glued to the following letters.
                j = i + 2
                while j < end && isL(t[j]) { j += 1 }
            } else if isN(c) {
                j = i + 1
                while j < end && j - i < maxDigits && isN(t[j]) { j += 1 }
            } else if isOther(c) || (c == 0x20 && i + 1 < end && isOther(t[i + 1])) {
                //  ?[^\s\p{L}\p{N}]+[\r\n]*
                j = c == 0x20 ? i + 2 : i + 1
                while j < end && isOther(t[j]) { j += 1 }
                while j < end && (t[j] == 0x0D || t[j] == 0x0A) { j += 1 }
            } else {
                // c is whitespace. \s*[\r\n]+ : up to the last newline of the whitespace run.
                var k = i
                var lastNewline = -1
                while k < end && isS(t[k]) {
                    if t[k] == 0x0D || t[k] == 0x0A { lastNewline = k }
                    k += 1
                }
                j = lastNewline >= 0 ? lastNewline + 1 : whitespaceEnd(t, i, end)
            }
            out.append(i..<j)
            i = j
        }
    }
}
