import Foundation

/// What transformers keeps beside tokenizer.json (tokenizer_config.json and
/// special_tokens_map.json): the named special tokens, BOS/EOS insertion, length
/// and padding settings, and the chat template (rendered by the chat-template engine).
public struct TokenizerConfig {
    public var bosToken: String?
    public var eosToken: String?
    public var unkToken: String?
    public var padToken: String?
    /// Extra special tokens (`additional_special_tokens` / `extra_special_tokens`).
    public var additionalSpecialTokens: [String] = []
    /// nil when the files do not say (then the tokenizer.json post-processor decides).
    public var addBosToken: Bool?
    public var addEosToken: Bool?
    /// transformers' "no limit" (int(1e30)) is stored as `Int.max`.
    public var modelMaxLength = Int.max
    public var paddingSide = "right"
    public var truncationSide = "right"
    /// The default chat template, and named ones when the file has a list.
    public var chatTemplate: String?
    public var namedChatTemplates: [String: String] = [:]
    public var cleanUpTokenizationSpaces = false
    public var tokenizerClass: String?
    /// Keys of tokenizer_config.json this type does not model, written back on save.
    var extra: [String: Any] = [:]

    public init() {}
}

extension TokenizerConfig {
    static let knownKeys: Set<String> = [
        "bos_token", "eos_token", "unk_token", "pad_token", "additional_special_tokens", "extra_special_tokens",
        "add_bos_token", "add_eos_token", "model_max_length", "padding_side", "truncation_side", "chat_template",
        "clean_up_tokenization_spaces", "tokenizer_class", "added_tokens_decoder",
    ]

    /// A special token given as a string or as an AddedToken dictionary.
    static func tokenValue(_ value: Any?, file: String, field: String) throws -> AddedToken? {
        guard let value, !(value is NSNull) else { return nil }
        if let s = value as? String { return AddedToken(s, special: true) }
        if let d = value as? [String: Any] {
            return try addedToken(TokenizerJSON(d, file: file, path: field), defaultSpecial: true)
        }
        throw TokenizerError.wrongType(file: file, field: field, expected: "a string or an AddedToken object")
    }

    static func addedToken(_ o: TokenizerJSON, defaultSpecial: Bool) throws -> AddedToken {
        let special = try o.bool("special", default: defaultSpecial)
        return AddedToken(try o.string("content"), special: special,
                          singleWord: try o.bool("single_word", default: false),
                          lstrip: try o.bool("lstrip", default: false), rstrip: try o.bool("rstrip", default: false),
                          normalized: o.has("normalized") ? try o.bool("normalized", default: !special) : nil)
    }

    /// Reads tokenizer_config.json (if present) then special_tokens_map.json (which wins
    /// for the named tokens, as in transformers). Returns the config and the special
    /// tokens with their flags, to add to the vocabulary.
    static func load(directory: String) throws -> (TokenizerConfig, [AddedToken], [(Int, AddedToken)]) {
        var config = TokenizerConfig()
        var named: [String: AddedToken] = [:]
        var extras: [AddedToken] = []
        var decoderTokens: [(Int, AddedToken)] = []
        let configPath = (directory as NSString).appendingPathComponent("tokenizer_config.json")
        if FileManager.default.fileExists(atPath: configPath) {
            let c = try JSONFile.readObject(configPath)
            for key in ["bos_token", "eos_token", "unk_token", "pad_token"] {
                if let t = try tokenValue(c.dict[key], file: c.file, field: key) { named[key] = t }
            }
            for key in ["additional_special_tokens", "extra_special_tokens"] where c.has(key) {
                if let list = c.dict[key] as? [Any] {
                    for (i, v) in list.enumerated() {
                        if let t = try tokenValue(v, file: c.file, field: "\(key)[\(i)]") { extras.append(t) }
                    }
                }
            }
            if c.has("add_bos_token") { config.addBosToken = try c.bool("add_bos_token", default: false) }
            if c.has("add_eos_token") { config.addEosToken = try c.bool("add_eos_token", default: false) }
            switch c.dict["model_max_length"] {
            case let n as Int: config.modelMaxLength = n
            case let d as Double: config.modelMaxLength = d >= Double(Int.max) ? Int.max : Int(d)
            default: break
            }
            config.paddingSide = try c.optionalString("padding_side") ?? "right"
            config.truncationSide = try c.optionalString("truncation_side") ?? "right"
            config.cleanUpTokenizationSpaces = try c.bool("clean_up_tokenization_spaces", default: false)
            config.tokenizerClass = try c.optionalString("tokenizer_class")
            if let t = c.dict["chat_template"] {
                try config.setChatTemplates(t, file: c.file)
            }
            if let decoder = try c.optionalObject("added_tokens_decoder") {
                for (key, _) in decoder.dict {
                    guard let id = Int(key) else {
                        throw TokenizerError.invalidValue(file: c.file, field: "added_tokens_decoder.\(key)", reason: "keys must be token ids")
                    }
                    decoderTokens.append((id, try addedToken(try decoder.object(key), defaultSpecial: false)))
                }
                decoderTokens.sort { $0.0 < $1.0 }
            }
            for (k, v) in c.dict where !knownKeys.contains(k) { config.extra[k] = v }
        }
        let mapPath = (directory as NSString).appendingPathComponent("special_tokens_map.json")
        if FileManager.default.fileExists(atPath: mapPath) {
            let m = try JSONFile.readObject(mapPath)
            for key in ["bos_token", "eos_token", "unk_token", "pad_token"] {
                if let t = try tokenValue(m.dict[key], file: m.file, field: key) { named[key] = t }
            }
            if let list = m.dict["additional_special_tokens"] as? [Any], extras.isEmpty {
                for (i, v) in list.enumerated() {
                    if let t = try tokenValue(v, file: m.file, field: "additional_special_tokens[\(i)]") { extras.append(t) }
                }
            }
        }
        // transformers 5 layout: chat_template.jinja (the default) and additional_chat_templates/NAME.jinja.
        let jinja = (directory as NSString).appendingPathComponent("chat_template.jinja")
        if let data = FileManager.default.contents(atPath: jinja), let text = String(data: data, encoding: .utf8) {
            config.chatTemplate = text
        }
        let extraDir = (directory as NSString).appendingPathComponent("additional_chat_templates")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: extraDir) {
            for file in names.sorted() where file.hasSuffix(".jinja") {
                let path = (extraDir as NSString).appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw TokenizerError.cannotRead(path: path, reason: "not readable as UTF-8")
                }
                config.namedChatTemplates[String(file.dropLast(".jinja".count))] = text
            }
            if let d = config.chatTemplate, !config.namedChatTemplates.isEmpty { config.namedChatTemplates["default"] = d }
        }
        config.bosToken = named["bos_token"]?.content
        config.eosToken = named["eos_token"]?.content
        config.unkToken = named["unk_token"]?.content
        config.padToken = named["pad_token"]?.content
        config.additionalSpecialTokens = extras.map(\.content)
        let specials = ["bos_token", "eos_token", "unk_token", "pad_token"].compactMap { named[$0] } + extras
        return (config, specials, decoderTokens)
    }

    /// `chat_template` as one string or a list of `{"name", "template"}` (the "default" one is the main).
    mutating func setChatTemplates(_ value: Any, file: String) throws {
        if let s = value as? String {
            chatTemplate = s
        } else if let list = value as? [[String: Any]] {
            for item in list {
                guard let name = item["name"] as? String, let template = item["template"] as? String else {
                    throw TokenizerError.wrongType(file: file, field: "chat_template", expected: "a list of {\"name\", \"template\"}")
                }
                namedChatTemplates[name] = template
            }
            chatTemplate = namedChatTemplates["default"]
        } else if !(value is NSNull) {
            throw TokenizerError.wrongType(file: file, field: "chat_template", expected: "a string or a list of named templates")
        }
    }
}
