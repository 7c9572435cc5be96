/// Hugging Face-compatible tokenizers: the same token ids, offsets and decodes as the
/// Python `tokenizers`/`transformers` give for the same files.
///
/// Public API (what the Interpreter's `AutoTokenizer` and the collators call):
/// ```
/// let tok = try Tokenizer.load(directory: path)          // tokenizer.json or vocab.json+merges.txt,
///                                                         // plus tokenizer_config.json / special_tokens_map.json
/// let enc = tok.encode("Hello world", addSpecialTokens: true)
/// enc.ids, enc.tokens, enc.offsets (Unicode-scalar spans), enc.specialTokensMask
/// try tok.encodeBatch(texts, truncation: true, maxLength: 512, padding: .longest)  // BatchEncoding
/// try tok.decode(ids, skipSpecialTokens: true)           // throws for an id out of range
/// tok.tokenToId("<s>"), tok.idToToken(5), tok.vocabSize, tok.count   // count == len(tokenizer)
/// tok.tokenize("Hi"), tok.convertIdsToTokens(ids), tok.vocabulary    // get_vocab()
/// tok.eosToken = "<|im_end|>"; tok.padTokenId; tok.chatTemplate; tok.modelMaxLength; tok.paddingSide
/// tok.addTokens([AddedToken("<x>")]); tok.addSpecialTokens(["<|im_start|>"])
/// try tok.save(to: dir)                                  // tokenizer.json, tokenizer_config.json, special_tokens_map.json
/// let new = try tok.trainNew(from: texts, vocabSize: 1000)   // train_new_from_iterator
/// ```
/// The pipeline is tokenizers': added tokens are split off first (non-normalized ones on
/// the raw text, normalized ones on the normalized text), then normalizer →
/// pre-tokenizer → BPE model → post-processor; decoding runs the decoder chain.
/// `clean_up_tokenization_spaces` is kept in `config` but, as in transformers 5, not
/// applied to BPE models (the only model type here).
public struct Encoding: Equatable {
    public let ids: [Int]
    /// Each token's span of Unicode scalars (Python `str` indices) in the input text;
    /// template tokens (BOS/EOS) have `0..<0`.
    public let offsets: [Range<Int>]
    /// 1 for tokens the post-processor added (BOS/EOS/CLS/SEP), else 0.
    public let specialTokensMask: [Int]
    /// Token strings as the vocabulary spells them (added tokens as matched).
    public let tokens: [String]
    public var attentionMask: [Int] { [Int](repeating: 1, count: ids.count) }
    public var count: Int { ids.count }
}

public final class Tokenizer {
    let model: BPEModel
    let normalizer: Normalizer?
    let preTokenizer: PreTokenizer?
    var postProcessor: PostProcessor?
    let decoder: Decoder?
    let added = AddedVocabulary()
    /// tokenizer.json as loaded (components are written back as they were).
    var json: [String: Any]
    /// The post-processor written on save when it was rebuilt from add_bos_token/add_eos_token.
    var postProcessorJSON: [String: Any]?
    public var config = TokenizerConfig()

    init(model: BPEModel, normalizer: Normalizer?, preTokenizer: PreTokenizer?, postProcessor: PostProcessor?,
         decoder: Decoder?, json: [String: Any]) {
        self.model = model
        self.normalizer = normalizer
        self.preTokenizer = preTokenizer
        self.postProcessor = postProcessor
        self.decoder = decoder
        self.json = json
    }

    // MARK: Vocabulary

    /// Size of the model's vocabulary without added tokens (`tokenizer.vocab_size`).
    public var vocabSize: Int { model.vocabSize }

    /// Size with the added tokens (`len(tokenizer)`).
    public var count: Int {
        model.vocabSize + added.idByContent.keys.filter { model.tokenToId($0) == nil }.count
    }

    public func tokenToId(_ token: String) -> Int? {
        added.idByContent[token] ?? model.tokenToId(token)
    }

    public func idToToken(_ id: Int) -> String? {
        added.byId[id]?.content ?? model.idToTokenString(id)
    }

    /// Every token with its id, added tokens included (`get_vocab()`).
    public var vocabulary: [String: Int] {
        var v = model.vocab
        for (content, id) in added.idByContent { v[content] = id }
        return v
    }

    /// `convert_ids_to_tokens`: nil for ids outside the vocabulary.
    public func convertIdsToTokens(_ ids: [Int]) -> [String?] { ids.map(idToToken) }

    /// `tokenize(text)`: the token strings, without special tokens.
    public func tokenize(_ text: String) -> [String] { encode(text, addSpecialTokens: false).tokens }

    /// All added tokens by id (transformers' `added_tokens_decoder`).
    public var addedTokens: [Int: AddedToken] { added.byId }

    public func isSpecialToken(id: Int) -> Bool {
        added.byId[id]?.special ?? false
    }

    /// Adds tokens (`tokenizer.add_tokens`); returns how many were new.
    @discardableResult
    public func addTokens(_ tokens: [AddedToken]) -> Int {
        added.add(tokens, model: model, normalizer: normalizer)
    }

    /// Adds special tokens by content (`add_special_tokens({"additional_special_tokens": [...]})`):
    /// they become the tokenizer's extra special tokens (replacing the previous list by
    /// default, as transformers' `replace_additional_special_tokens=True`). Returns how many were new.
    @discardableResult
    public func addSpecialTokens(_ contents: [String], replaceAdditional: Bool = true) -> Int {
        let n = added.add(contents.map { AddedToken($0, special: true) }, model: model, normalizer: normalizer)
        let previous = replaceAdditional ? [] : config.additionalSpecialTokens
        config.additionalSpecialTokens = previous + contents.filter { !previous.contains($0) }
        return n
    }

    // MARK: Encoding

    public func encode(_ text: String, addSpecialTokens: Bool = true) -> Encoding {
        var raw = encodeRaw(text)
        postProcessor?.process(&raw, addSpecialTokens: addSpecialTokens)
        let tokens = raw.ids.indices.map { raw.values[$0] ?? idToToken(Int(raw.ids[$0])) ?? "" }
        return Encoding(ids: raw.ids.map(Int.init), offsets: raw.offsets,
                        specialTokensMask: raw.special.map { $0 ? 1 : 0 }, tokens: tokens)
    }

    public func encodeBatch(_ texts: [String], addSpecialTokens: Bool = true) -> [Encoding] {
        texts.map { encode($0, addSpecialTokens: addSpecialTokens) }
    }

    /// Token ids only (the fast path for datasets and benchmarks).
    public func encodeIds(_ text: String, addSpecialTokens: Bool = true) -> [Int] {
        var raw = encodeRaw(text)
        raw.wantsOffsets = false
        postProcessor?.process(&raw, addSpecialTokens: addSpecialTokens)
        return raw.ids.map(Int.init)
    }

    func encodeRaw(_ text: String) -> RawEncoding {
        let scalars = text.unicodeScalars.map(\.value)
        var out = RawEncoding()
        out.ids.reserveCapacity(scalars.count / 3)
        out.offsets.reserveCapacity(scalars.count / 3)
        scalars.withUnsafeBufferPointer { buf in
            for (range, id) in added.split(buf, 0..<buf.count, normalized: false) {
                if let id {
                    out.append(Int32(id), range, value: AlignedText(original: buf, range: range).string)
                    continue
                }
                var segment = AlignedText(original: buf, range: range)
                normalizer?.normalize(&segment)
                if added.hasNormalizedTokens {
                    let parts = segment.scalars.withUnsafeBufferPointer { added.split($0, 0..<segment.count, normalized: true) }
                    for (sub, subId) in parts {
                        if let subId {
                            out.append(Int32(subId), segment.originalSpan(sub), value: segment.string(sub))
                        } else {
                            var piece = segment
                            piece.pieces = sub.isEmpty ? [] : [sub]
                            tokenizeSegment(&piece, into: &out)
                        }
                    }
                } else {
                    tokenizeSegment(&segment, into: &out)
                }
            }
        }
        return out
    }

    /// Pre-tokenizes a normalized segment and runs the model on each piece.
    private func tokenizeSegment(_ segment: inout AlignedText, into out: inout RawEncoding) {
        guard !segment.pieces.isEmpty else { return }
        preTokenizer?.preTokenize(&segment)
        var ids: [Int32] = []
        var ranges: [Range<Int>] = []
        ids.reserveCapacity(segment.count / 2)
        ranges.reserveCapacity(segment.count / 2)
        segment.scalars.withUnsafeBufferPointer { buf in
            for piece in segment.pieces { model.tokenize(buf, piece, ids: &ids, ranges: &ranges) }
        }
        for k in ids.indices {
            out.append(ids[k], segment.originalSpan(ranges[k]))
        }
    }

    // MARK: Decoding

    /// Text of the ids (as `tokenizer.decode`): added tokens in their (normalized)
    /// form, special ones dropped when `skipSpecialTokens`, then the decoder chain.
    public func decode(_ ids: [Int], skipSpecialTokens: Bool = false) throws -> String {
        var strings: [String] = []
        strings.reserveCapacity(ids.count)
        for id in ids {
            guard let s = added.decodeString(id) ?? model.idToTokenString(id) else {
                throw TokenizerError.idOutOfRange(id: id, vocabularySize: count)
            }
            if skipSpecialTokens && added.specialContents.contains(s) { continue }
            strings.append(s)
        }
        guard let decoder else { return strings.joined(separator: " ") }
        return decoder.decodeChain(strings).joined()
    }

    public func batchDecode(_ batch: [[Int]], skipSpecialTokens: Bool = false) throws -> [String] {
        try batch.map { try decode($0, skipSpecialTokens: skipSpecialTokens) }
    }
}
