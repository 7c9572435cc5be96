/// The parsed form of a regular expression: a tree the compiler turns into a
/// backtracking program. Positions everywhere are Unicode scalar indices.

/// Zero-width assertions.
enum RegexAssertion: Equatable {
    case textStart          // \A, ^ without multiline
    case textEnd            // \z (Python's \Z)
    case textEndOrFinalNewline  // $ without multiline (Python semantics)
    case lineStart          // ^ with multiline
    case lineEnd            // $ with multiline
    case wordBoundary       // \b
    case notWordBoundary    // \B
}

/// A set of scalars: explicit ranges, whole general categories and the Perl classes,
/// possibly negated. `caseInsensitive` also tests the simple case variants of a scalar.
struct RegexCharClass {
    var ranges: [(UInt32, UInt32)] = []
    var categoryMask: UInt32 = 0
    var notCategoryMask: UInt32 = 0  // from \P{..} inside a class
    var whitespace = false, notWhitespace = false
    var digit = false, notDigit = false
    var word = false, notWord = false
    var negated = false
    var caseInsensitive = false
    /// `\w` and `\s` with Python's meanings (RegexFlags.pythonClasses).
    var pythonClasses = false
    var usesPerlClasses: Bool { whitespace || notWhitespace || word || notWord }
    /// Membership of the ASCII scalars, precomputed by `finish()`.
    var ascii: (UInt64, UInt64) = (0, 0)

    mutating func finish() {
        ranges.sort { $0.0 < $1.0 }
        var lo: UInt64 = 0, hi: UInt64 = 0
        for c in UInt32(0)..<128 where slowContains(c) {
            if c < 64 { lo |= 1 << UInt64(c) } else { hi |= 1 << UInt64(c - 64) }
        }
        ascii = (lo, hi)
    }

    @inline(__always)
    func contains(_ c: UInt32) -> Bool {
        if c < 64 { return ascii.0 & (1 << UInt64(c)) != 0 }
        if c < 128 { return ascii.1 & (1 << UInt64(c - 64)) != 0 }
        return slowContains(c)
    }

    func slowContains(_ c: UInt32) -> Bool {
        var hit = rawContains(c)
        if !hit && caseInsensitive {
            for variant in RegexCaseFolding.variants(of: c) where variant != c && rawContains(variant) {
                hit = true
                break
            }
        }
        return hit != negated
    }

    private func rawContains(_ c: UInt32) -> Bool {
        for (lo, hi) in ranges where c >= lo && c <= hi { return true }
        if categoryMask != 0 || notCategoryMask != 0 {
            let bit = UnicodeCategory.of(c).bit
            if bit & categoryMask != 0 { return true }
            if notCategoryMask != 0 && bit & notCategoryMask == 0 { return true }
        }
        let space = pythonClasses ? UnicodeProperties.isPythonWhitespace(c) : UnicodeProperties.isWhitespace(c)
        if whitespace && space { return true }
        if notWhitespace && !space { return true }
        if digit && UnicodeProperties.isDigit(c) { return true }
        if notDigit && !UnicodeProperties.isDigit(c) { return true }
        let wordChar = pythonClasses ? UnicodeProperties.isPythonWordCharacter(c) : UnicodeProperties.isWordCharacter(c)
        if word && wordChar { return true }
        if notWord && !wordChar { return true }
        return false
    }
}

/// Simple (one scalar to one scalar) case variants, as regex engines use for `(?i)`.
enum RegexCaseFolding {
    static func variants(of c: UInt32) -> [UInt32] {
        if c < 128 {
            if c >= 0x41 && c <= 0x5A { return [c, c + 32] }
            if c >= 0x61 && c <= 0x7A { return [c, c - 32] }
            return [c]
        }
        guard let scalar = Unicode.Scalar(c) else { return [c] }
        var out = [c]
        for mapping in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping] {
            let scalars = Array(mapping.unicodeScalars)
            if scalars.count == 1, scalars[0].value != c { out.append(scalars[0].value) }
        }
        return out
    }

    /// A canonical representative used to compare two scalars case-insensitively.
    @inline(__always)
    static func fold(_ c: UInt32) -> UInt32 {
        if c < 128 { return (c >= 0x41 && c <= 0x5A) ? c + 32 : c }
        return variants(of: c).min() ?? c
    }
}

indirect enum RegexNode {
    case empty
    case scalar(UInt32, caseInsensitive: Bool)
    case any(dotAll: Bool)
    case charClass(RegexCharClass)
    case concat([RegexNode])
    case alternation([RegexNode])
    case group(RegexNode, capture: Int?)
    case quantified(RegexNode, min: Int, max: Int?, greedy: Bool)
    case assertion(RegexAssertion)
    case look(RegexNode, ahead: Bool, negate: Bool)
    case backreference(Int, caseInsensitive: Bool)

    /// Whether the node can match without consuming input (loops over such bodies need a guard).
    var canBeEmpty: Bool {
        switch self {
        case .empty, .assertion, .look, .backreference: return true
        case .scalar, .any, .charClass: return false
        case let .concat(nodes): return nodes.allSatisfy { $0.canBeEmpty }
        case let .alternation(nodes): return nodes.contains { $0.canBeEmpty }
        case let .group(node, _): return node.canBeEmpty
        case let .quantified(node, min, _, _): return min == 0 || node.canBeEmpty
        }
    }
}
