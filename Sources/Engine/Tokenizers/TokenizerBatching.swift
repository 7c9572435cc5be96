/// `tokenizer(texts, truncation=..., max_length=..., padding=...)`: transformers'
/// truncation (before the template adds its special tokens, so BOS/EOS survive) and
/// padding (to the longest or to max_length, on `paddingSide`, with the pad token).
public enum Padding: Sendable {
    case none
    /// `padding=True`: to the longest sequence of the batch.
    case longest
    /// `padding="max_length"`.
    case maxLength
}

public struct BatchEncoding: Equatable {
    public var inputIds: [[Int]]
    public var attentionMask: [[Int]]
    public var offsets: [[Range<Int>]]
}

extension PostProcessor {
    /// How many special tokens the template adds to one sequence.
    func addedTokenCount() -> Int {
        switch self {
        case let t as TemplatePostProcessor:
            return t.pieces.reduce(0) { n, p in if case let .special(ids) = p { return n + ids.count } else { return n } }
        case let s as SequencePostProcessor:
            return s.items.reduce(0) { $0 + $1.addedTokenCount() }
        default:
            return 0
        }
    }
}

extension Tokenizer {
    public func encodeBatch(_ texts: [String], addSpecialTokens: Bool = true, truncation: Bool = false,
                            maxLength: Int? = nil, padding: Padding = .none) throws -> BatchEncoding {
        let limit = maxLength ?? config.modelMaxLength
        var ids: [[Int]] = []
        var offsets: [[Range<Int>]] = []
        for text in texts {
            var raw = encodeRaw(text)
            if truncation {
                let room = max(0, limit - (addSpecialTokens ? (postProcessor?.addedTokenCount() ?? 0) : 0))
                if raw.ids.count > room {
                    let keep = config.truncationSide == "left" ? (raw.ids.count - room)..<raw.ids.count : 0..<room
                    raw.ids = Array(raw.ids[keep]); raw.offsets = Array(raw.offsets[keep])
                    raw.values = Array(raw.values[keep]); raw.special = Array(raw.special[keep])
                }
            }
            postProcessor?.process(&raw, addSpecialTokens: addSpecialTokens)
            ids.append(raw.ids.map(Int.init))
            offsets.append(raw.offsets)
        }
        var mask = ids.map { [Int](repeating: 1, count: $0.count) }
        let target: Int?
        switch padding {
        case .none: target = nil
        case .longest: target = ids.map(\.count).max() ?? 0
        case .maxLength: target = limit
        }
        if let target {
            guard let pad = padTokenId else {
                throw TokenizerError.invalidValue(file: "tokenizer", field: "pad_token",
                    reason: "asking to pad but the tokenizer has no padding token; set `tokenizer.pad_token = tokenizer.eos_token` or add one")
            }
            for i in ids.indices where ids[i].count < target {
                let n = target - ids[i].count
                let pads = [Int](repeating: pad, count: n), zeros = [Int](repeating: 0, count: n)
                let empty = [Range<Int>](repeating: 0..<0, count: n)
                if config.paddingSide == "left" {
                    ids[i] = pads + ids[i]; mask[i] = zeros + mask[i]; offsets[i] = empty + offsets[i]
                } else {
                    ids[i] += pads; mask[i] += zeros; offsets[i] += empty
                }
            }
        }
        return BatchEncoding(inputIds: ids, attentionMask: mask, offsets: offsets)
    }
}
