/// A tokenizer.json `"pre_tokenizer"`: splits the normalized text into pieces (and
/// may rewrite them, like ByteLevel's byte mapping). Built by `makePreTokenizer`.
protocol PreTokenizer {
    func preTokenize(_ text: inout AlignedText)
}

let knownPreTokenizers = ["ByteLevel", "Split", "Metaspace", "Digits", "Whitespace", "WhitespaceSplit",
                          "Punctuation", "Sequence"]

func makePreTokenizer(_ json: TokenizerJSON) throws -> PreTokenizer {
    switch try json.type() {
    case "ByteLevel":
        return ByteLevelPreTokenizer(addPrefixSpace: try json.bool("add_prefix_space", default: true),
                                     useRegex: try json.bool("use_regex", default: true))
    case "Split":
        let behavior = try splitBehavior(json, field: "behavior")
        let pattern = try json.object("pattern")
        let split: SplitPattern
        if let s = try pattern.optionalString("String") {
            split = .general(try Regex(Regex.escape(s)))
        } else if let r = try pattern.optionalString("Regex") {
            do { split = try SplitPattern.compile(r) } catch {
                throw TokenizerError.invalidValue(file: json.file, field: json.field("pattern"), reason: "\(error)")
            }
        } else {
            throw TokenizerError.invalidValue(file: json.file, field: json.field("pattern"), reason: "expected {\"String\": ...} or {\"Regex\": ...}")
        }
        return SplitPreTokenizer(pattern: split, behavior: behavior, invert: try json.bool("invert", default: false))
    case "Metaspace":
        let replacement = try json.string("replacement").unicodeScalars.map(\.value)
        guard replacement.count == 1 else {
            throw TokenizerError.invalidValue(file: json.file, field: json.field("replacement"), reason: "must be one character")
        }
        var scheme = try json.optionalString("prepend_scheme") ?? "always"
        if !json.has("prepend_scheme"), try !json.bool("add_prefix_space", default: true) { scheme = "never" }
        guard ["always", "first", "never"].contains(scheme) else {
            throw TokenizerError.invalidValue(file: json.file, field: json.field("prepend_scheme"), reason: "'\(scheme)' (expected always, first or never)")
        }
        return MetaspacePreTokenizer(replacement: replacement[0], prependScheme: scheme, split: try json.bool("split", default: true))
    case "Digits":
        return DigitsPreTokenizer(individual: try json.bool("individual_digits", default: false))
    case "Whitespace":
        return SplitPreTokenizer(pattern: .general(try Regex(#"\w+|[^\w\s]+"#)), behavior: .removed, invert: true)
    case "WhitespaceSplit":
        return PredicateSplitPreTokenizer(behavior: .removed) { UnicodeProperties.isWhitespace($0) }
    case "Punctuation":
        return PredicateSplitPreTokenizer(behavior: try splitBehavior(json, field: "behavior", default: .isolated)) {
            isPunctuation($0)
        }
    case "Sequence":
        return SequencePreTokenizer(items: try json.objects("pretokenizers").map(makePreTokenizer))
    default: try json.unknown("pre_tokenizer", known: knownPreTokenizers)
    }
}

private func splitBehavior(_ json: TokenizerJSON, field: String, default value: SplitBehavior? = nil) throws -> SplitBehavior {
    guard json.has(field) || value == nil else { return value ?? .isolated }
    let name = try json.string(field)
    guard let b = SplitBehavior(rawValue: name) else {
        throw TokenizerError.invalidValue(file: json.file, field: json.field(field),
                                          reason: "'\(name)' (expected Removed, Isolated, MergedWithPrevious, MergedWithNext or Contiguous)")
    }
    return b
}

/// Rust's `char::is_ascii_punctuation() || general category P*` (tokenizers' `is_punc`).
func isPunctuation(_ c: UInt32) -> Bool {
    if c < 0x80 {
        return (0x21...0x2F).contains(c) || (0x3A...0x40).contains(c) || (0x5B...0x60).contains(c) || (0x7B...0x7E).contains(c)
    }
    return UnicodeCategory.of(c).bit & UnicodeCategory.punctuationMask != 0
}

struct ByteLevelPreTokenizer: PreTokenizer {
    let addPrefixSpace: Bool
    let useRegex: Bool

    func preTokenize(_ text: inout AlignedText) {
        if addPrefixSpace {
            // Each piece that does not start with a space gets one, aligned to its first scalar.
            var out = AlignedText()
            out.reserve(text.count + text.pieces.count)
            for piece in text.pieces {
                let lo = out.count
                if text.scalars[piece.lowerBound] != 0x20 {
                    out.append(0x20, start: text.starts[piece.lowerBound], end: text.ends[piece.lowerBound])
                }
                for i in piece { out.append(text.scalars[i], start: text.starts[i], end: text.ends[i]) }
                out.pieces.append(lo..<out.count)
            }
            text = out
        }
        if useRegex {
            SplitPreTokenizer(pattern: .gpt2, behavior: .isolated, invert: false).preTokenize(&text)
        }
        ByteLevelAlphabet.encode(&text)
    }
}

struct SplitPreTokenizer: PreTokenizer {
    let pattern: SplitPattern
    let behavior: SplitBehavior
    let invert: Bool

    func preTokenize(_ text: inout AlignedText) {
        var newPieces: [Range<Int>] = []
        newPieces.reserveCapacity(text.count / 3 + 1)
        var matches: [Range<Int>] = []
        let pieces = text.pieces
        text.scalars.withUnsafeBufferPointer { buf in
            for piece in pieces {
                matches.removeAll(keepingCapacity: true)
                pattern.matches(in: buf, range: piece, into: &matches)
                if behavior == .isolated && !invert {
                    // Fast path: matches and the gaps between them, in order.
                    var prev = piece.lowerBound
                    for m in matches {
                        if prev < m.lowerBound { newPieces.append(prev..<m.lowerBound) }
                        if !m.isEmpty { newPieces.append(m) }
                        prev = m.upperBound
                    }
                    if prev < piece.upperBound { newPieces.append(prev..<piece.upperBound) }
                } else {
                    behavior.split(piece.lowerBound, piece.upperBound, matches: matches, invert: invert, into: &newPieces)
                }
            }
        }
        text.pieces = newPieces
    }
}

/// Splits where a scalar predicate holds (each such scalar is one "match").
struct PredicateSplitPreTokenizer: PreTokenizer {
    let behavior: SplitBehavior
    let predicate: (UInt32) -> Bool

    func preTokenize(_ text: inout AlignedText) {
        var newPieces: [Range<Int>] = []
        var matches: [Range<Int>] = []
        for piece in text.pieces {
            matches.removeAll(keepingCapacity: true)
            for i in piece where predicate(text.scalars[i]) { matches.append(i..<(i + 1)) }
            behavior.split(piece.lowerBound, piece.upperBound, matches: matches, invert: false, into: &newPieces)
        }
        text.pieces = newPieces
    }
}

struct DigitsPreTokenizer: PreTokenizer {
    let individual: Bool
    func preTokenize(_ text: inout AlignedText) {
        // tokenizers uses `char::is_numeric` (categories Nd, Nl, No).
        var newPieces: [Range<Int>] = []
        var matches: [Range<Int>] = []
        for piece in text.pieces {
            matches.removeAll(keepingCapacity: true)
            var i = piece.lowerBound
            while i < piece.upperBound {
                if UnicodeProperties.isNumber(text.scalars[i]) {
                    var j = i + 1
                    if !individual { while j < piece.upperBound && UnicodeProperties.isNumber(text.scalars[j]) { j += 1 } }
                    matches.append(i..<j)
                    i = j
                } else {
                    i += 1
                }
            }
            (individual ? SplitBehavior.isolated : .contiguous)
                .split(piece.lowerBound, piece.upperBound, matches: matches, invert: false, into: &newPieces)
        }
        text.pieces = newPieces
    }
}

/// SentencePiece-style spaces: ' ' becomes the replacement (U+2581), a replacement is
/// prepended (always, only at the start of the text, or never), and optionally the
/// text splits before each replacement.
struct MetaspacePreTokenizer: PreTokenizer {
    let replacement: UInt32
    let prependScheme: String
    let split: Bool

    func preTokenize(_ text: inout AlignedText) {
        var out = AlignedText()
        out.reserve(text.count + text.pieces.count)
        for piece in text.pieces {
            let lo = out.count
            let first = piece.lowerBound
            let startsWithReplacement = text.scalars[first] == 0x20 || text.scalars[first] == replacement
            let prepend = !startsWithReplacement
                && (prependScheme == "always" || (prependScheme == "first" && text.starts[first] == 0))
            if prepend { out.append(replacement, start: text.starts[first], end: text.ends[first]) }
            for i in piece {
                let c = text.scalars[i]
                out.append(c == 0x20 ? replacement : c, start: text.starts[i], end: text.ends[i])
            }
            if split {
                var matches: [Range<Int>] = []
                for i in lo..<out.count where out.scalars[i] == replacement { matches.append(i..<(i + 1)) }
                SplitBehavior.mergedWithNext.split(lo, out.count, matches: matches, invert: false, into: &out.pieces)
            } else {
                out.pieces.append(lo..<out.count)
            }
        }
        text = out
    }
}

struct SequencePreTokenizer: PreTokenizer {
    let items: [PreTokenizer]
    func preTokenize(_ text: inout AlignedText) {
        for p in items { p.preTokenize(&text) }
    }
}
