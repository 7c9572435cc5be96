/// Unicode general categories of code points, from the generated run table in
/// `UnicodeTables.swift` (Python's unicodedata, so the same Unicode version as the
/// fixtures). Used by the regex engine (`\p{L}`, `\p{N}`, `\s`, `\w`) and by the
/// tokenizers' pre-tokenizers (punctuation, digits, whitespace).
///
/// The Basic Multilingual Plane is expanded once into a 64 KB byte table, so the
/// common lookup is one load; other planes binary-search the runs.
public enum UnicodeCategory: UInt8, CaseIterable, Sendable {
    case Cn, Lu, Ll, Lt, Lm, Lo, Mn, Mc, Me, Nd, Nl, No,
         Pc, Pd, Ps, Pe, Pi, Pf, Po, Sm, Sc, Sk, So,
         Zs, Zl, Zp, Cc, Cf, Cs, Co

    /// The category of a code point (`Cn` for unassigned and out-of-range values).
    @inline(__always)
    public static func of(_ codePoint: UInt32) -> UnicodeCategory {
        if codePoint < 0x10000 {
            return UnicodeCategory(rawValue: bmpTable[Int(codePoint)]) ?? .Cn
        }
        return UnicodeCategory(rawValue: searchRuns(codePoint)) ?? .Cn
    }

    /// A bit for this category, to test membership in a set of categories with one AND.
    @inline(__always) public var bit: UInt32 { 1 << UInt32(rawValue) }

    /// The one-letter major class (`L`, `M`, `N`, `P`, `S`, `Z`, `C`) as a mask of categories.
    public static func mask(forName name: String) -> UInt32? {
        switch name {
        case "L", "Letter": return mask([.Lu, .Ll, .Lt, .Lm, .Lo])
        case "LC", "Cased_Letter": return mask([.Lu, .Ll, .Lt])
        case "M", "Mark": return mask([.Mn, .Mc, .Me])
        case "N", "Number": return mask([.Nd, .Nl, .No])
        case "P", "Punctuation": return mask([.Pc, .Pd, .Ps, .Pe, .Pi, .Pf, .Po])
        case "S", "Symbol": return mask([.Sm, .Sc, .Sk, .So])
        case "Z", "Separator": return mask([.Zs, .Zl, .Zp])
        case "C", "Other": return mask([.Cn, .Cc, .Cf, .Cs, .Co])
        default:
            if let single = UnicodeCategory.allCases.first(where: { "\($0)" == name }) { return single.bit }
            return nil
        }
    }

    public static func mask(_ categories: [UnicodeCategory]) -> UInt32 {
        categories.reduce(0) { $0 | $1.bit }
    }

    public static let letterMask = mask([.Lu, .Ll, .Lt, .Lm, .Lo])
    public static let numberMask = mask([.Nd, .Nl, .No])
    public static let markMask = mask([.Mn, .Mc, .Me])
    public static let punctuationMask = mask([.Pc, .Pd, .Ps, .Pe, .Pi, .Pf, .Po])

    private static let bmpTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        let runs = unicodeCategoryRuns
        for (i, run) in runs.enumerated() {
            let start = Int(run >> 5)
            if start >= 0x10000 { break }
            let end = i + 1 < runs.count ? min(Int(runs[i + 1] >> 5), 0x10000) : 0x10000
            let category = UInt8(run & 31)
            for cp in start..<end { table[cp] = category }
        }
        return table
    }()

    private static func searchRuns(_ codePoint: UInt32) -> UInt8 {
        let runs = unicodeCategoryRuns
        var lo = 0, hi = runs.count - 1
        while lo < hi {  // last run whose start <= codePoint
            let mid = (lo + hi + 1) / 2
            if runs[mid] >> 5 <= codePoint { lo = mid } else { hi = mid - 1 }
        }
        return UInt8(runs[lo] & 31)
    }
}

/// Character predicates with the meanings the Rust `regex` crate and Rust's `char`
/// give them, since that is what Hugging Face tokenizers run on.
public enum UnicodeProperties {
    /// The Unicode `White_Space` property (Rust's `char::is_whitespace`, regex `\s`).
    @inline(__always)
    public static func isWhitespace(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        switch c {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @inline(__always)
    public static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        return UnicodeCategory.of(c).bit & UnicodeCategory.letterMask != 0
    }

    @inline(__always)
    public static func isNumber(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x30 && c <= 0x39 }
        return UnicodeCategory.of(c).bit & UnicodeCategory.numberMask != 0
    }

    /// Regex `\w`: letters, marks, decimal and letter numbers, connector punctuation, joiners.
    @inline(__always)
    public static func isWordCharacter(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c == 0x5F
        }
        if c == 0x200C || c == 0x200D { return true }
        return UnicodeCategory.of(c).bit & wordMask != 0
    }

    /// Regex `\d`: decimal digits (`Nd`).
    @inline(__always)
    public static func isDigit(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x30 && c <= 0x39 }
        return UnicodeCategory.of(c) == .Nd
    }

    /// Python's `\w` for str patterns: `str.isalnum()` (letters, Nd, Nl, No) or "_".
    public static func isPythonWordCharacter(_ c: UInt32) -> Bool {
        if c < 0x80 { return isWordCharacter(c) }
        let bit = UnicodeCategory.of(c).bit
        return bit & (UnicodeCategory.letterMask | UnicodeCategory.numberMask) != 0
    }

    /// Python's `str.isspace()` (White_Space plus the separators U+001C–U+001F).
    public static func isPythonWhitespace(_ c: UInt32) -> Bool {
        (c >= 0x1C && c <= 0x1F) || isWhitespace(c)
    }

    private static let wordMask = UnicodeCategory.letterMask | UnicodeCategory.markMask
        | UnicodeCategory.mask([.Nd, .Nl, .Pc])
}
