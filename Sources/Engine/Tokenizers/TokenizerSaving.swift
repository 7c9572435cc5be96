import Foundation

extension Tokenizer {
    /// Writes tokenizer.json and tokenizer_config.json (special tokens included; transformers 5
    /// writes no special_tokens_map.json) and the chat templates as .jinja files, the way
    /// transformers 5's
    /// `save_pretrained` does, atomically, so that `AutoTokenizer.from_pretrained` gives
    /// the same tokenizer back.
    public func save(to directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw TokenizerError.cannotRead(path: directory, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        try AtomicFile.write(TokenizerJSONWriter.string(tokenizerJSON()), to: path("tokenizer.json"))
        try AtomicFile.write(TokenizerJSONWriter.string(configJSON()), to: path("tokenizer_config.json"))
        // transformers 5 layout: the default template in chat_template.jinja, others in
        // additional_chat_templates/NAME.jinja.
        if let template = config.chatTemplate {
            try AtomicFile.write(template, to: path("chat_template.jinja"))
        }
        let named = config.namedChatTemplates.filter { $0.key != "default" }
        if !named.isEmpty {
            let dir = path("additional_chat_templates")
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for (name, template) in named {
                guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
                    throw TokenizerError.invalidValue(file: "tokenizer_config.json", field: "chat_template", reason: "invalid template name '\(name)'")
                }
                try AtomicFile.write(template, to: (dir as NSString).appendingPathComponent("\(name).jinja"))
            }
        }
    }

    static func addedTokenJSON(_ t: AddedToken) -> [String: Any] {
        ["content": t.content, "single_word": t.singleWord, "lstrip": t.lstrip, "rstrip": t.rstrip,
         "normalized": t.normalized, "special": t.special]
    }

    func tokenizerJSON() -> [String: Any] {
        var root = json
        root["added_tokens"] = added.sortedTokens.map { id, t -> [String: Any] in
            var d = Tokenizer.addedTokenJSON(t)
            d["id"] = id
            return d
        }
        if let p = postProcessorJSON { root["post_processor"] = p }
        return root
    }

    func configJSON() -> [String: Any] {
        var c = config.extra
        var decoder: [String: Any] = [:]
        for (id, t) in added.sortedTokens { decoder[String(id)] = Tokenizer.addedTokenJSON(t) }
        c["added_tokens_decoder"] = decoder
        c["bos_token"] = config.bosToken ?? NSNull()
        c["eos_token"] = config.eosToken ?? NSNull()
        c["unk_token"] = config.unkToken ?? NSNull()
        c["pad_token"] = config.padToken ?? NSNull()
        if !config.additionalSpecialTokens.isEmpty { c["extra_special_tokens"] = config.additionalSpecialTokens }
        c["clean_up_tokenization_spaces"] = config.cleanUpTokenizationSpaces
        c["model_max_length"] = config.modelMaxLength == Int.max
            ? TokenizerJSONWriter.RawNumber(text: "1000000000000000019884624838656") : config.modelMaxLength
        c["padding_side"] = config.paddingSide
        c["truncation_side"] = config.truncationSide
        c["tokenizer_class"] = "PreTrainedTokenizerFast"
        return c
    }
}
