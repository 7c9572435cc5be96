import Foundation

/// `generation_config.json`. In transformers 5 every field of `GenerationConfig()` defaults
/// to null and `save_pretrained` writes only the non-null ones (plus
/// `transformers_version`), sorted, indent 2; the generation defaults (max_length 20,
/// temperature 1.0, top_k 50, top_p 1.0, greedy) apply at `generate` time. So this type
/// keeps the dictionary as read and exposes typed views with those effective defaults.
public struct GenerationConfig: Equatable, Sendable {
    /// Every key as read or set (null values are simply absent).
    public private(set) var values: JSONObject

    public init(_ values: JSONObject = JSONObject()) {
        var kept = JSONObject()
        for (k, v) in values.pairs where !v.isNull && k != "transformers_version" { kept[k] = v }
        self.values = kept
    }

    /// What `GenerationConfig.from_model_config` produces when a model is saved.
    public init(fromModel config: ModelConfig) {
        var v = JSONObject()
        v["_from_model_config"] = .bool(true)
        if let bos = config.bosTokenId { v["bos_token_id"] = bos.json }
        if let eos = config.eosTokenId { v["eos_token_id"] = eos.json }
        if let pad = config.padTokenId { v["pad_token_id"] = .int(Int64(pad)) }
        v["output_attentions"] = .bool(false)
        v["output_hidden_states"] = .bool(false)
        v["use_cache"] = .bool(true)
        self.init(v)
    }

    /// Reads a `generation_config.json`; errors name the file.
    public static func load(path: String) throws -> GenerationConfig {
        let json: JSONValue
        do { json = try JSONValue.parse(contentsOfFile: path) } catch let error as JSONParseError {
            throw ConfigError(description: error.description)  // already names the file
        }
        guard let object = json.objectValue else { throw ConfigError(path, "expected a JSON object, found \(json.typeName)") }
        let config = GenerationConfig(object)
        let f = ConfigFields(object: config.values, source: path)
        // Validate the typed fields now, so a bad file fails at load rather than at generate.
        _ = try f.tokenIDs("eos_token_id", nil)
        _ = try f.tokenIDs("bos_token_id", nil)
        _ = try f.optionalInt("pad_token_id", nil)
        _ = try f.optionalInt("max_length", nil)
        _ = try f.optionalInt("max_new_tokens", nil)
        _ = try f.double("temperature", 1.0)
        _ = try f.double("top_p", 1.0)
        _ = try f.optionalInt("top_k", nil)
        _ = try f.bool("do_sample", false)
        return config
    }

    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set { values[key] = (newValue?.isNull ?? true) ? nil : newValue }
    }

    public var bosTokenId: Int? { values["bos_token_id"]?.intValue ?? values["bos_token_id"]?.arrayValue?.first?.intValue }
    /// All end-of-sequence ids (transformers accepts one or a list).
    public var eosTokenIds: [Int] {
        if let one = values["eos_token_id"]?.intValue { return [one] }
        return values["eos_token_id"]?.arrayValue?.compactMap(\.intValue) ?? []
    }
    public var padTokenId: Int? { values["pad_token_id"]?.intValue }
    public var maxLength: Int { values["max_length"]?.intValue ?? 20 }
    public var maxNewTokens: Int? { values["max_new_tokens"]?.intValue }
    public var doSample: Bool { values["do_sample"]?.boolValue ?? false }
    public var temperature: Double { values["temperature"]?.doubleValue ?? 1.0 }
    public var topK: Int { values["top_k"]?.intValue ?? 50 }
    public var topP: Double { values["top_p"]?.doubleValue ?? 1.0 }

    /// The exact text transformers writes.
    public func jsonText() -> String {
        var out = values
        out["transformers_version"] = .string(ConfigSerialization.transformersVersion)
        return ConfigSerialization.text(out)
    }

    public func save(to path: String) throws {
        try AtomicFile.write(jsonText(), to: path)
    }
}
