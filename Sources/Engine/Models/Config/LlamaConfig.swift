/// transformers' `LlamaConfig` (model_type "llama"), defaults as in transformers 5: RMSNorm,
/// rotary position embeddings, SwiGLU MLP, grouped-query attention (`num_key_value_heads`
/// below `num_attention_heads`). Covers SmolLM-class checkpoints.
///
/// RoPE: transformers 5 writes `rope_parameters: {"rope_theta", "rope_type"}`; 4.x files
/// have `rope_theta` and `rope_scaling`. Both are read; only the default (unscaled) RoPE is
/// implemented, and any scaling is refused with a clear error rather than run wrong.
public struct LlamaConfig: FamilyConfig {
    public static let modelType = "llama"

    public var vocabSize: Int
    public var hiddenSize: Int
    public var intermediateSize: Int
    public var numHiddenLayers: Int
    public var numAttentionHeads: Int
    public var numKeyValueHeads: Int
    public var headDim: Int
    public var hiddenAct: String
    public var maxPositionEmbeddings: Int
    public var initializerRange: Double
    public var rmsNormEps: Double
    public var ropeTheta: Double
    public var attentionBias: Bool
    public var attentionDropout: Double
    public var mlpBias: Bool
    public var pretrainingTp: Int
    public var tieWordEmbeddings: Bool
    public var bosTokenId: TokenIDs?
    public var eosTokenId: TokenIDs?
    public var padTokenId: Int?
    public var dtype: TensorDType?
    public var raw: JSONObject

    public init(_ object: JSONObject, source: String) throws {
        let f = ConfigFields(object: object, source: source)
        vocabSize = try f.positiveInt("vocab_size", 32000)
        hiddenSize = try f.positiveInt("hidden_size", 4096)
        intermediateSize = try f.positiveInt("intermediate_size", 11008)
        numHiddenLayers = try f.positiveInt("num_hidden_layers", 32)
        numAttentionHeads = try f.positiveInt("num_attention_heads", 32)
        numKeyValueHeads = try f.optionalInt("num_key_value_heads", nil) ?? numAttentionHeads
        headDim = try f.optionalInt("head_dim", nil) ?? hiddenSize / numAttentionHeads
        hiddenAct = try f.string("hidden_act", "silu")
        maxPositionEmbeddings = try f.positiveInt("max_position_embeddings", 2048)
        initializerRange = try f.double("initializer_range", 0.02)
        rmsNormEps = try f.double("rms_norm_eps", 1e-6)
        attentionBias = try f.bool("attention_bias", false)
        attentionDropout = try f.double("attention_dropout", 0.0)
        mlpBias = try f.bool("mlp_bias", false)
        pretrainingTp = try f.optionalInt("pretraining_tp", 1) ?? 1
        tieWordEmbeddings = try f.bool("tie_word_embeddings", false)
        bosTokenId = try f.tokenIDs("bos_token_id", .one(1))
        eosTokenId = try f.tokenIDs("eos_token_id", .one(2))
        padTokenId = try f.optionalInt("pad_token_id", nil)
        dtype = try f.dtype()
        ropeTheta = try LlamaConfig.parseRope(f, object, source: source)
        raw = object
        guard hiddenSize % numAttentionHeads == 0 else {
            throw ConfigError.invalid(source, "hidden_size", "\(hiddenSize) is not a multiple of num_attention_heads (\(numAttentionHeads))")
        }
        guard numKeyValueHeads > 0, numAttentionHeads % numKeyValueHeads == 0 else {
            throw ConfigError.invalid(source, "num_key_value_heads", "\(numKeyValueHeads) does not divide num_attention_heads (\(numAttentionHeads))")
        }
        guard headDim > 0, headDim % 2 == 0 else {
            throw ConfigError.invalid(source, "head_dim", "must be a positive even number for rotary embeddings, found \(headDim)")
        }
    }

    private static func parseRope(_ f: ConfigFields, _ object: JSONObject, source: String) throws -> Double {
        if let params = object["rope_parameters"], !params.isNull {
            guard let p = params.objectValue else {
                throw ConfigError.wrongType(source, "rope_parameters", expected: "an object", found: params)
            }
            let type = p["rope_type"]?.stringValue ?? p["type"]?.stringValue ?? "default"
            guard type == "default" else {
                throw ConfigError.notImplemented(source, "rope_parameters.rope_type '\(type)' (only the default, unscaled RoPE is supported)")
            }
            let extra = p.keys.filter { $0 != "rope_type" && $0 != "rope_theta" && $0 != "type" }
            guard extra.isEmpty else {
                throw ConfigError.notImplemented(source, "rope_parameters fields \(extra) (only rope_theta with the default RoPE is supported)")
            }
            return try ConfigFields(object: p, source: source + " rope_parameters").double("rope_theta", 10000.0)
        }
        if let scaling = object["rope_scaling"], !scaling.isNull {
            let type = scaling["rope_type"]?.stringValue ?? scaling["type"]?.stringValue ?? "?"
            throw ConfigError.notImplemented(source, "rope_scaling of type '\(type)' (only unscaled RoPE is supported; set rope_scaling to null to ignore it at your own risk)")
        }
        return try f.double("rope_theta", 10000.0)
    }

    /// Query heads per key/value head.
    public var groupSize: Int { numAttentionHeads / numKeyValueHeads }

    public var typedFields: [(String, JSONValue)] {
        [("vocab_size", .integer(vocabSize)), ("hidden_size", .integer(hiddenSize)),
         ("intermediate_size", .integer(intermediateSize)), ("num_hidden_layers", .integer(numHiddenLayers)),
         ("num_attention_heads", .integer(numAttentionHeads)), ("num_key_value_heads", .integer(numKeyValueHeads)),
         ("head_dim", .integer(headDim)), ("hidden_act", .string(hiddenAct)),
         ("max_position_embeddings", .integer(maxPositionEmbeddings)),
         ("initializer_range", .number(initializerRange)), ("rms_norm_eps", .number(rmsNormEps)),
         ("attention_bias", .bool(attentionBias)), ("attention_dropout", .number(attentionDropout)),
         ("mlp_bias", .bool(mlpBias)), ("pretraining_tp", .integer(pretrainingTp)),
         ("tie_word_embeddings", .bool(tieWordEmbeddings)), ("bos_token_id", .tokens(bosTokenId)),
         ("eos_token_id", .tokens(eosTokenId)), ("pad_token_id", .optionalInteger(padTokenId)),
         ("rope_parameters", .object(JSONObject([("rope_theta", .number(ropeTheta)), ("rope_type", .string("default"))])))]
    }

    /// transformers 5 folds the 4.x RoPE keys into `rope_parameters` and does not write them.
    public static let droppedKeys: Set<String> = ["rope_theta", "rope_scaling"]

    public static let classDefaults = JSONObject([
        ("attention_bias", .bool(false)), ("attention_dropout", .double(0.0)), ("bos_token_id", .int(1)),
        ("eos_token_id", .int(2)), ("head_dim", .int(128)), ("hidden_act", .string("silu")),
        ("hidden_size", .int(4096)), ("initializer_range", .double(0.02)), ("intermediate_size", .int(11008)),
        ("max_position_embeddings", .int(2048)), ("mlp_bias", .bool(false)), ("num_attention_heads", .int(32)),
        ("num_hidden_layers", .int(32)), ("num_key_value_heads", .int(32)), ("pad_token_id", .null),
        ("pretraining_tp", .int(1)), ("rms_norm_eps", .double(1e-6)),
        ("rope_parameters", .object(JSONObject([("rope_theta", .double(10000.0)), ("rope_type", .string("default"))]))),
        ("tie_word_embeddings", .bool(false)), ("use_cache", .bool(true)), ("vocab_size", .int(32000)),
    ])
}
