import Foundation

extension Tokenizer {
    /// Loads a Hugging Face tokenizer directory the way transformers'
    /// `AutoTokenizer.from_pretrained` does: tokenizer.json if present, else the legacy
    /// GPT-2 pair vocab.json + merges.txt (GPT2Tokenizer: byte-level pre-tokenizer
    /// without prefix space, BPE, byte-level decoder); then tokenizer_config.json and
    /// special_tokens_map.json add the named special tokens, and `add_bos_token` /
    /// `add_eos_token` (legacy files only) or a missing post-processor rebuild the BOS/EOS template.
    public static func load(directory: String) throws -> Tokenizer {
        let fm = FileManager.default
        let jsonPath = (directory as NSString).appendingPathComponent("tokenizer.json")
        let vocabPath = (directory as NSString).appendingPathComponent("vocab.json")
        let mergesPath = (directory as NSString).appendingPathComponent("merges.txt")
        let (config, specials, decoderTokens) = try TokenizerConfig.load(directory: directory)
        let tokenizer: Tokenizer
        if fm.fileExists(atPath: jsonPath) {
            tokenizer = try Tokenizer(json: try JSONFile.readObject(jsonPath))
        } else if fm.fileExists(atPath: vocabPath) && fm.fileExists(atPath: mergesPath) {
            let addPrefixSpace = (config.extra["add_prefix_space"] as? Bool) ?? false
            tokenizer = try legacyGPT2(vocabPath: vocabPath, mergesPath: mergesPath, addPrefixSpace: addPrefixSpace)
        } else {
            throw TokenizerError.noTokenizerFiles(directory: directory)
        }
        tokenizer.config = config
        if fm.fileExists(atPath: jsonPath) {
            // transformers drops add_bos_token/add_eos_token when tokenizer.json exists:
            // its post-processor is authoritative.
            tokenizer.config.addBosToken = nil
            tokenizer.config.addEosToken = nil
        }
        // transformers adds `added_tokens_decoder` entries, then named special tokens it lacks.
        for (id, token) in decoderTokens where tokenizer.added.byId[id] != token {
            tokenizer.added.add([token], model: tokenizer.model, normalizer: tokenizer.normalizer, forcedIds: [id])
        }
        let missing = specials.filter { tokenizer.added.idByContent[$0.content] == nil }
        if !missing.isEmpty { tokenizer.added.add(missing, model: tokenizer.model, normalizer: tokenizer.normalizer) }
        if tokenizer.config.addBosToken != nil || tokenizer.config.addEosToken != nil || tokenizer.postProcessor == nil {
            tokenizer.rebuildBosEosTemplate()
        }
        return tokenizer
    }

    /// Builds a tokenizer from a parsed tokenizer.json.
    convenience init(json root: TokenizerJSON) throws {
        let modelJSON = try root.object("model")
        let model = try Tokenizer.makeModel(modelJSON)
        let normalizer = try root.optionalObject("normalizer").map(makeNormalizer)
        let preTokenizer = try root.optionalObject("pre_tokenizer").map(makePreTokenizer)
        let decoder = try root.optionalObject("decoder").map(makeDecoder)
        self.init(model: model, normalizer: normalizer, preTokenizer: preTokenizer, postProcessor: nil,
                  decoder: decoder, json: root.dict)
        if root.has("added_tokens") {
            var tokens: [AddedToken] = []
            var ids: [Int?] = []
            for o in try root.objects("added_tokens") {
                tokens.append(try TokenizerConfig.addedToken(o, defaultSpecial: false))
                ids.append(try o.int("id"))
            }
            added.add(tokens, model: model, normalizer: normalizer, forcedIds: ids)
        }
        if let p = try root.optionalObject("post_processor") {
            postProcessor = try makePostProcessor(p, tokenString: { [unowned self] in self.idToToken($0) },
                                                  idOf: { [unowned self] in self.tokenToId($0) })
        }
    }

    static func makeModel(_ m: TokenizerJSON) throws -> BPEModel {
        let type = try m.optionalString("type") ?? "BPE"
        guard type == "BPE" else {
            throw TokenizerError.unknownComponent(file: m.file, field: "model", type: type, known: ["BPE"])
        }
        if let dropout = (m.dict["dropout"] as? Double) ?? (m.dict["dropout"] as? Int).map(Double.init), dropout > 0 {
            throw TokenizerError.notImplemented("\(m.file): model.dropout \(dropout) (BPE dropout); set it to null")
        }
        let vocabObject = try m.object("vocab")
        var vocab: [String: Int] = [:]
        vocab.reserveCapacity(vocabObject.dict.count)
        for (token, value) in vocabObject.dict {
            guard let id = value as? Int else {
                throw TokenizerError.wrongType(file: m.file, field: "model.vocab.\(token)", expected: "an integer id")
            }
            vocab[token] = id
        }
        let merges = try parseMerges(try m.array("merges"), file: m.file)
        return try BPEModel(vocab: vocab, merges: merges, unkToken: try m.optionalString("unk_token"),
                            continuingSubwordPrefix: try m.optionalString("continuing_subword_prefix"),
                            endOfWordSuffix: try m.optionalString("end_of_word_suffix"),
                            byteFallback: try m.bool("byte_fallback", default: false),
                            fuseUnk: try m.bool("fuse_unk", default: false),
                            ignoreMerges: try m.bool("ignore_merges", default: false), file: m.file)
    }

    /// Merges as `"a b"` strings (older files) or `["a", "b"]` pairs (newer ones).
    static func parseMerges(_ list: [Any], file: String) throws -> [(String, String)] {
        var merges: [(String, String)] = []
        merges.reserveCapacity(list.count)
        for (i, item) in list.enumerated() {
            if let s = item as? String {
                let parts = s.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else {
                    throw TokenizerError.invalidValue(file: file, field: "model.merges[\(i)]", reason: "'\(s)' is not two tokens separated by a space")
                }
                merges.append((String(parts[0]), String(parts[1])))
            } else if let pair = item as? [String], pair.count == 2 {
                merges.append((pair[0], pair[1]))
            } else {
                throw TokenizerError.wrongType(file: file, field: "model.merges[\(i)]", expected: "\"a b\" or [\"a\", \"b\"]")
            }
        }
        return merges
    }

    /// GPT2Tokenizer's pipeline over vocab.json + merges.txt.
    static func legacyGPT2(vocabPath: String, mergesPath: String, addPrefixSpace: Bool) throws -> Tokenizer {
        let vocabJSON = try JSONFile.readObject(vocabPath)
        guard let data = FileManager.default.contents(atPath: mergesPath), let text = String(data: data, encoding: .utf8) else {
            throw TokenizerError.cannotRead(path: mergesPath, reason: "not readable as UTF-8")
        }
        var merges: [[String]] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#version") || line.isEmpty { continue }
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw TokenizerError.invalidValue(file: "merges.txt", field: "line \(n + 1)", reason: "'\(line)' is not two tokens separated by a space")
            }
            merges.append([String(parts[0]), String(parts[1])])
        }
        let root: [String: Any] = [
            "version": "1.0", "truncation": NSNull(), "padding": NSNull(), "added_tokens": [[String: Any]](),
            "normalizer": NSNull(),
            "pre_tokenizer": ["type": "ByteLevel", "add_prefix_space": addPrefixSpace, "trim_offsets": true, "use_regex": true],
            "post_processor": NSNull(),
            "decoder": ["type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true],
            "model": ["type": "BPE", "dropout": NSNull(), "unk_token": NSNull(), "continuing_subword_prefix": "",
                      "end_of_word_suffix": "", "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
                      "vocab": vocabJSON.dict, "merges": merges] as [String: Any],
        ]
        return try Tokenizer(json: TokenizerJSON(root, file: "vocab.json"))
    }

    /// transformers' `update_post_processor`: `[bos] $A [eos]` from add_bos_token/add_eos_token.
    func rebuildBosEosTemplate() {
        var pieces: [TemplatePostProcessor.Piece] = []
        var single: [[String: Any]] = []
        var specials: [String: Any] = [:]
        func special(_ token: String?) {
            guard let token, let id = tokenToId(token) else { return }
            pieces.append(.special([Int32(id)]))
            single.append(["SpecialToken": ["id": token, "type_id": 0]])
            specials[token] = ["id": token, "ids": [id], "tokens": [token]]
        }
        if config.addBosToken == true { special(config.bosToken) }
        pieces.append(.sequence)
        single.append(["Sequence": ["id": "A", "type_id": 0]])
        if config.addEosToken == true { special(config.eosToken) }
        postProcessor = TemplatePostProcessor(pieces: pieces)
        var pair = single
        pair += single.map { item in
            if item["Sequence"] != nil { return ["Sequence": ["id": "B", "type_id": 1]] }
            if let s = item["SpecialToken"] as? [String: Any] { return ["SpecialToken": ["id": s["id"] ?? "", "type_id": 1]] }
            return item
        }
        postProcessorJSON = ["type": "TemplateProcessing", "single": single, "pair": pair, "special_tokens": specials]
    }
}
