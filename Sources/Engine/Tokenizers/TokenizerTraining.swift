extension Tokenizer {
    /// The pre-tokenized words of `texts` with their counts (what BpeTrainer's `feed` sees:
    /// normalizer and pre-tokenizer, no added-token splitting).
    func wordCounts(_ texts: [String]) -> WordCounts {
        var counts = WordCounts()
        for text in texts {
            var t = AlignedText(text)
            normalizer?.normalize(&t)
            if t.pieces.isEmpty { continue }
            preTokenizer?.preTokenize(&t)
            t.scalars.withUnsafeBufferPointer { buf in
                for piece in t.pieces { counts.add(buf, piece) }
            }
        }
        return counts
    }

    /// `train_new_from_iterator`: a tokenizer with this one's pipeline and a BPE model
    /// trained on `texts`. Special tokens are this tokenizer's special added tokens plus
    /// `newSpecialTokens`; byte-level pipelines start from the 256-symbol alphabet.
    public func trainNew(from texts: [String], vocabSize: Int, newSpecialTokens: [String] = [],
                         minFrequency: Int = 0) throws -> Tokenizer {
        let specials = added.sortedTokens.filter { $0.1.special }.map(\.1.content) + newSpecialTokens
        let byteLevel = Tokenizer.usesByteLevel(json["pre_tokenizer"])
        let trainer = BPETrainer(vocabSize: vocabSize, minFrequency: minFrequency, specialTokens: specials,
                                 initialAlphabet: byteLevel ? ByteLevelAlphabet.symbols : [])
        let result = trainer.train(words: wordCounts(texts))
        guard result.vocab.count == result.tokens.count else {
            throw TokenizerError.notImplemented("training produced tokens that differ only in Unicode normalization (such as \"é\" and \"e\u{301}\"); sftnb keys tokens by canonical equivalence and would merge them. Normalize the texts (NFC) first")
        }
        var root = json
        var modelJSON = (json["model"] as? [String: Any]) ?? ["type": "BPE"]
        modelJSON["vocab"] = result.vocab
        modelJSON["merges"] = result.merges.map { [$0.0, $0.1] }
        root["model"] = modelJSON
        root["added_tokens"] = specials.enumerated().map { _, s -> [String: Any] in
            let t = added.idByContent[s].flatMap { added.byId[$0] } ?? AddedToken(s, special: true)
            var d = Tokenizer.addedTokenJSON(t)
            d["id"] = result.vocab[s] ?? 0
            return d
        }
        if var post = (postProcessorJSON ?? json["post_processor"] as? [String: Any]) {
            Tokenizer.remapSpecialIds(&post, vocab: result.vocab)
            root["post_processor"] = post
        }
        let trained = try Tokenizer(json: TokenizerJSON(root, file: "tokenizer.json"))
        trained.config = config
        return trained
    }

    static func usesByteLevel(_ pre: Any?) -> Bool {
        guard let p = pre as? [String: Any] else { return false }
        if p["type"] as? String == "ByteLevel" { return true }
        return (p["pretokenizers"] as? [Any])?.contains { usesByteLevel($0) } ?? false
    }

    /// Points a post-processor's special tokens at their ids in the new vocabulary.
    static func remapSpecialIds(_ post: inout [String: Any], vocab: [String: Int]) {
        if var specials = post["special_tokens"] as? [String: Any] {
            for (key, value) in specials {
                guard var entry = value as? [String: Any], let tokens = entry["tokens"] as? [String] else { continue }
                entry["ids"] = tokens.map { vocab[$0] ?? 0 }
                specials[key] = entry
            }
            post["special_tokens"] = specials
        }
        for key in ["cls", "sep"] {
            if let pair = post[key] as? [Any], let token = pair.first as? String { post[key] = [token, vocab[token] ?? 0] }
        }
        if var items = post["processors"] as? [[String: Any]] {
            for i in items.indices { remapSpecialIds(&items[i], vocab: vocab) }
            post["processors"] = items
        }
    }
}
