import Foundation

// Public API (model configs):
//   let config = try ModelConfig.load(path: "dir/config.json")   // dispatch on model_type
//   switch config { case .gpt2(let c): ... case .opt, .gptNeo, .llama }
//   config.vocabSize, .hiddenSize, .numLayers, .tieWordEmbeddings, .dtype, ...   // common view
//   try config.save(to: "out/config.json")   // the text transformers' save_pretrained writes
//   GPT2Config / OPTConfig / GPTNeoConfig / LlamaConfig: one file each, transformers' defaults.
//   GenerationConfig: generation_config.json.

/// The config of one of the supported model families, chosen by `model_type`.
public enum ModelConfig: Sendable {
    case gpt2(GPT2Config)
    case opt(OPTConfig)
    case gptNeo(GPTNeoConfig)
    case llama(LlamaConfig)

    /// The `model_type`s sftnb can run.
    public static let supportedModelTypes = [GPT2Config.modelType, OPTConfig.modelType,
                                             GPTNeoConfig.modelType, LlamaConfig.modelType]

    /// Parses a config dictionary; `source` (usually the file path) is named in errors.
    public init(_ object: JSONObject, source: String) throws {
        guard let typeValue = object["model_type"] else {
            throw ConfigError.missing(source, "model_type",
                                      hint: "one of \(ModelConfig.supportedModelTypes.joined(separator: ", ")); is this a transformers config.json?")
        }
        guard let type = typeValue.stringValue else {
            throw ConfigError.wrongType(source, "model_type", expected: "a string", found: typeValue)
        }
        switch type {
        case GPT2Config.modelType: self = .gpt2(try GPT2Config(object, source: source))
        case OPTConfig.modelType: self = .opt(try OPTConfig(object, source: source))
        case GPTNeoConfig.modelType: self = .gptNeo(try GPTNeoConfig(object, source: source))
        case LlamaConfig.modelType: self = .llama(try LlamaConfig(object, source: source))
        default:
            throw ConfigError(source, "model_type '\(type)' is not supported (sftnb runs \(ModelConfig.supportedModelTypes.joined(separator: ", ")))")
        }
    }

    /// Reads `config.json` (a file, or a directory containing one).
    public static func load(path: String) throws -> ModelConfig {
        var isDirectory: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? path + "/config.json" : path
        let json: JSONValue
        do { json = try JSONValue.parse(contentsOfFile: file) } catch let error as JSONParseError {
            throw ConfigError(description: error.description)  // already names the file
        }
        guard let object = json.objectValue else {
            throw ConfigError(file, "expected a JSON object, found \(json.typeName)")
        }
        return try ModelConfig(object, source: file)
    }

    /// The family's config as the protocol (for code that does not switch on the family).
    public var family: any FamilyConfig {
        switch self {
        case let .gpt2(c): return c
        case let .opt(c): return c
        case let .gptNeo(c): return c
        case let .llama(c): return c
        }
    }

    public var modelType: String { type(of: family).modelType }

    /// Sets (or with nil removes) a key that is not a typed field, such as `architectures`.
    public mutating func setRaw(_ key: String, _ value: JSONValue?) {
        switch self {
        case var .gpt2(c): c.raw[key] = value; self = .gpt2(c)
        case var .opt(c): c.raw[key] = value; self = .opt(c)
        case var .gptNeo(c): c.raw[key] = value; self = .gptNeo(c)
        case var .llama(c): c.raw[key] = value; self = .llama(c)
        }
    }

    /// The text transformers' `save_pretrained` writes for this config.
    public func jsonText() -> String { family.jsonText() }

    /// Writes `config.json` atomically.
    public func save(to path: String) throws {
        try AtomicFile.write(jsonText(), to: path)
    }

    // MARK: - The fields every family has, under one name

    public var vocabSize: Int {
        switch self {
        case let .gpt2(c): return c.vocabSize
        case let .opt(c): return c.vocabSize
        case let .gptNeo(c): return c.vocabSize
        case let .llama(c): return c.vocabSize
        }
    }

    public var hiddenSize: Int {
        switch self {
        case let .gpt2(c): return c.nEmbd
        case let .opt(c): return c.hiddenSize
        case let .gptNeo(c): return c.hiddenSize
        case let .llama(c): return c.hiddenSize
        }
    }

    public var numLayers: Int {
        switch self {
        case let .gpt2(c): return c.nLayer
        case let .opt(c): return c.numHiddenLayers
        case let .gptNeo(c): return c.numLayers
        case let .llama(c): return c.numHiddenLayers
        }
    }

    public var numHeads: Int {
        switch self {
        case let .gpt2(c): return c.nHead
        case let .opt(c): return c.numAttentionHeads
        case let .gptNeo(c): return c.numHeads
        case let .llama(c): return c.numAttentionHeads
        }
    }

    public var numKeyValueHeads: Int {
        if case let .llama(c) = self { return c.numKeyValueHeads }
        return numHeads
    }

    public var maxPositions: Int {
        switch self {
        case let .gpt2(c): return c.nPositions
        case let .opt(c): return c.maxPositionEmbeddings
        case let .gptNeo(c): return c.maxPositionEmbeddings
        case let .llama(c): return c.maxPositionEmbeddings
        }
    }

    public var tieWordEmbeddings: Bool {
        switch self {
        case let .gpt2(c): return c.tieWordEmbeddings
        case let .opt(c): return c.tieWordEmbeddings
        case let .gptNeo(c): return c.tieWordEmbeddings
        case let .llama(c): return c.tieWordEmbeddings
        }
    }

    public var dtype: TensorDType? {
        get { family.dtype }
        set {
            switch self {
            case var .gpt2(c): c.dtype = newValue; self = .gpt2(c)
            case var .opt(c): c.dtype = newValue; self = .opt(c)
            case var .gptNeo(c): c.dtype = newValue; self = .gptNeo(c)
            case var .llama(c): c.dtype = newValue; self = .llama(c)
            }
        }
    }

    public var bosTokenId: TokenIDs? {
        switch self {
        case let .gpt2(c): return c.bosTokenId
        case let .opt(c): return c.bosTokenId
        case let .gptNeo(c): return c.bosTokenId
        case let .llama(c): return c.bosTokenId
        }
    }

    public var eosTokenId: TokenIDs? {
        switch self {
        case let .gpt2(c): return c.eosTokenId
        case let .opt(c): return c.eosTokenId
        case let .gptNeo(c): return c.eosTokenId
        case let .llama(c): return c.eosTokenId
        }
    }

    public var padTokenId: Int? {
        switch self {
        case let .gpt2(c): return c.padTokenId
        case let .opt(c): return c.padTokenId
        case let .gptNeo(c): return c.padTokenId
        case let .llama(c): return c.padTokenId
        }
    }

    /// `architectures[0]` as transformers writes it for the causal-LM class.
    public var causalLMArchitecture: String {
        switch self {
        case .gpt2: return "GPT2LMHeadModel"
        case .opt: return "OPTForCausalLM"
        case .gptNeo: return "GPTNeoForCausalLM"
        case .llama: return "LlamaForCausalLM"
        }
    }
}
