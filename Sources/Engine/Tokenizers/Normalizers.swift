import Foundation

/// A tokenizer.json `"normalizer"`: rewrites the text (keeping each scalar's original
/// span) before pre-tokenization. Built from its `"type"` by `makeNormalizer`.
protocol Normalizer {
    func normalize(_ text: inout AlignedText)
}

let knownNormalizers = ["NFC", "NFD", "NFKC", "NFKD", "Lowercase", "Prepend", "Replace", "Strip", "ByteLevel", "Sequence"]

func makeNormalizer(_ json: TokenizerJSON) throws -> Normalizer {
    switch try json.type() {
    case "NFC": return UnicodeNormalizer(form: .nfc)
    case "NFD": return UnicodeNormalizer(form: .nfd)
    case "NFKC": return UnicodeNormalizer(form: .nfkc)
    case "NFKD": return UnicodeNormalizer(form: .nfkd)
    case "Lowercase": return LowercaseNormalizer()
    case "Prepend": return PrependNormalizer(prefix: try json.string("prepend").unicodeScalars.map(\.value))
    case "Replace":
        return ReplaceNormalizer(pattern: try TextPattern(json, field: "pattern"),
                                 content: try json.string("content").unicodeScalars.map(\.value))
    case "Strip":
        return StripNormalizer(left: try json.bool("strip_left", default: true), right: try json.bool("strip_right", default: true))
    case "ByteLevel": return ByteLevelNormalizer()
    case "Sequence": return SequenceNormalizer(items: try json.objects("normalizers").map(makeNormalizer))
    default: try json.unknown("normalizer", known: knownNormalizers)
    }
}

/// A `{"String": ...}` or `{"Regex": ...}` pattern, as Replace and Split use.
struct TextPattern {
    let literal: [UInt32]?
    let regex: Regex?

    init(_ json: TokenizerJSON, field: String) throws {
        let p = try json.object(field)
        if let s = try p.optionalString("String") {
            literal = s.unicodeScalars.map(\.value)
            regex = nil
        } else if let r = try p.optionalString("Regex") {
            literal = nil
            do { regex = try Regex(r) } catch {
                throw TokenizerError.invalidValue(file: json.file, field: json.field(field), reason: "\(error)")
            }
        } else {
            throw TokenizerError.invalidValue(file: json.file, field: json.field(field), reason: "expected {\"String\": ...} or {\"Regex\": ...}")
        }
    }

    /// Non-overlapping matches inside `range` of `scalars`, left to right.
    func matches(in scalars: [UInt32], range: Range<Int>) -> [Range<Int>] {
        if let lit = literal {
            guard !lit.isEmpty else { return [] }
            var out: [Range<Int>] = []
            var i = range.lowerBound
            while i + lit.count <= range.upperBound {
                var hit = true
                for k in 0..<lit.count where scalars[i + k] != lit[k] { hit = false; break }
                if hit { out.append(i..<(i + lit.count)); i += lit.count } else { i += 1 }
            }
            return out
        }
        guard let regex else { return [] }
        return scalars.withUnsafeBufferPointer { buf in
            regex.matchRanges(in: buf, from: range.lowerBound, to: range.upperBound)
        }
    }
}

struct UnicodeNormalizer: Normalizer {
    enum Form { case nfc, nfd, nfkc, nfkd }
    let form: Form

    private func apply(_ s: String) -> String {
        switch form {
        case .nfc: return s.precomposedStringWithCanonicalMapping
        case .nfd: return s.decomposedStringWithCanonicalMapping
        case .nfkc: return s.precomposedStringWithCompatibilityMapping
        case .nfkd: return s.decomposedStringWithCompatibilityMapping
        }
    }

    /// Normalizes grapheme by grapheme (ASCII is left alone: it is invariant in every
    /// form). Output scalars align position by position with the cluster's input scalars,
    /// the extra ones with its last scalar.
    func normalize(_ text: inout AlignedText) {
        if text.scalars.allSatisfy({ $0 < 0x80 }) { return }
        let source = text
        // Most text is already normalized: one call on the whole segment settles it.
        // (Compare scalars: String's == treats canonically equivalent strings as equal.)
        let whole = source.string
        if apply(whole).unicodeScalars.elementsEqual(whole.unicodeScalars) { return }
        var out = AlignedText()
        out.reserve(source.count)
        var i = 0
        for ch in source.string {
            let n = ch.unicodeScalars.count
            let normalized = ch.isASCII ? String(ch) : apply(String(ch))
            var k = 0
            for u in normalized.unicodeScalars {
                let j = i + min(k, n - 1)
                out.append(u.value, start: source.starts[j], end: source.ends[j])
                k += 1
            }
            i += n
        }
        out.pieces = out.isEmpty ? [] : [0..<out.count]
        text = out
    }
}

struct LowercaseNormalizer: Normalizer {
    func normalize(_ text: inout AlignedText) {
        text.rewrite { c, out in
            if c < 0x80 {
                out.append(c >= 0x41 && c <= 0x5A ? c + 32 : c)
            } else if let u = Unicode.Scalar(c) {
                for l in u.properties.lowercaseMapping.unicodeScalars { out.append(l.value) }
            }
        }
    }
}

struct PrependNormalizer: Normalizer {
    let prefix: [UInt32]
    func normalize(_ text: inout AlignedText) {
        guard !text.isEmpty, !prefix.isEmpty else { return }
        let (s, e) = (text.starts[0], text.ends[0])
        text.scalars.insert(contentsOf: prefix, at: 0)
        text.starts.insert(contentsOf: repeatElement(s, count: prefix.count), at: 0)
        text.ends.insert(contentsOf: repeatElement(e, count: prefix.count), at: 0)
        text.pieces = [0..<text.count]
    }
}

/// Replaces each match with `content`; the new scalars take the span of the match's
/// last scalar (as tokenizers' `NormalizedString::replace` does).
struct ReplaceNormalizer: Normalizer {
    let pattern: TextPattern
    let content: [UInt32]
    func normalize(_ text: inout AlignedText) {
        text = replacing(text, range: 0..<text.count)
        text.pieces = text.isEmpty ? [] : [0..<text.count]
    }

    func replacing(_ text: AlignedText, range: Range<Int>) -> AlignedText {
        let matches = pattern.matches(in: text.scalars, range: range)
        var out = AlignedText()
        out.reserve(range.count)
        var last = range.lowerBound
        for m in matches {
            for i in last..<m.lowerBound { out.append(text.scalars[i], start: text.starts[i], end: text.ends[i]) }
            let anchor = m.upperBound - 1
            for c in content { out.append(c, start: text.starts[anchor], end: text.ends[anchor]) }
            last = m.upperBound
        }
        for i in last..<range.upperBound { out.append(text.scalars[i], start: text.starts[i], end: text.ends[i]) }
        return out
    }
}

struct StripNormalizer: Normalizer {
    let left: Bool, right: Bool
    func normalize(_ text: inout AlignedText) {
        var lo = 0, hi = text.count
        if left { while lo < hi && UnicodeProperties.isWhitespace(text.scalars[lo]) { lo += 1 } }
        if right { while hi > lo && UnicodeProperties.isWhitespace(text.scalars[hi - 1]) { hi -= 1 } }
        guard lo != 0 || hi != text.count else { return }
        text.scalars = Array(text.scalars[lo..<hi])
        text.starts = Array(text.starts[lo..<hi])
        text.ends = Array(text.ends[lo..<hi])
        text.pieces = lo < hi ? [0..<(hi - lo)] : []
    }
}

struct ByteLevelNormalizer: Normalizer {
    func normalize(_ text: inout AlignedText) { ByteLevelAlphabet.encode(&text) }
}

struct SequenceNormalizer: Normalizer {
    let items: [Normalizer]
    func normalize(_ text: inout AlignedText) {
        for n in items { n.normalize(&text) }
    }
}
