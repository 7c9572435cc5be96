/// transformers' `OPTConfig` (model_type "opt"), defaults as in transformers 5. Covers
/// opt-350m's post-norm layers (`do_layer_norm_before = false`) and its projected embeddings
/// (`word_embed_proj_dim != hidden_size`, with `project_in`/`project_out`).
public struct OPTConfig: FamilyConfig {
    public static let modelType = "opt"

    public var vocabSize: Int
    public var hiddenSize: Int
    public var numHiddenLayers: Int
    public var ffnDim: Int
    public var maxPositionEmbeddings: Int
    public var doLayerNormBefore: Bool
    /// Drops the final layer norm (old checkpoints); see transformers' OPTDecoder.
    public var removeFinalLayerNorm: Bool
    /// Embedding width; equal to hiddenSize unless the model projects in and out.
    public var wordEmbedProjDim: Int
    public var dropout: Double
    public var attentionDropout: Double
    public var numAttentionHeads: Int
    public var activationFunction: String
    public var layerdrop: Double
    public var initStd: Double
    public var enableBias: Bool
    public var layerNormElementwiseAffine: Bool
    public var tieWordEmbeddings: Bool
    public var bosTokenId: TokenIDs?
    public var eosTokenId: TokenIDs?
    public var padTokenId: Int?
    public var dtype: TensorDType?
    public var raw: JSONObject

    public var headDim: Int { hiddenSize / numAttentionHeads }
    /// Whether the model has `project_in`/`project_out` linear maps.
    public var projectsEmbeddings: Bool { wordEmbedProjDim != hiddenSize }

    public init(_ object: JSONObject, source: String) throws {
        let f = ConfigFields(object: object, source: source)
        vocabSize = try f.positiveInt("vocab_size", 50272)
        hiddenSize = try f.positiveInt("hidden_size", 768)
        numHiddenLayers = try f.positiveInt("num_hidden_layers", 12)
        ffnDim = try f.positiveInt("ffn_dim", 3072)
        maxPositionEmbeddings = try f.positiveInt("max_position_embeddings", 2048)
        doLayerNormBefore = try f.bool("do_layer_norm_before", true)
        removeFinalLayerNorm = try f.bool("_remove_final_layer_norm", false)
        wordEmbedProjDim = try f.optionalInt("word_embed_proj_dim", nil) ?? hiddenSize
        dropout = try f.double("dropout", 0.1)
        attentionDropout = try f.double("attention_dropout", 0.0)
        numAttentionHeads = try f.positiveInt("num_attention_heads", 12)
        activationFunction = try f.string("activation_function", "relu")
        layerdrop = try f.double("layerdrop", 0.0)
        initStd = try f.double("init_std", 0.02)
        enableBias = try f.bool("enable_bias", true)
        layerNormElementwiseAffine = try f.bool("layer_norm_elementwise_affine", true)
        tieWordEmbeddings = try f.bool("tie_word_embeddings", true)
        bosTokenId = try f.tokenIDs("bos_token_id", .one(2))
        eosTokenId = try f.tokenIDs("eos_token_id", .one(2))
        padTokenId = try f.optionalInt("pad_token_id", 1)
        dtype = try f.dtype()
        raw = object
        guard hiddenSize % numAttentionHeads == 0 else {
            throw ConfigError.invalid(source, "hidden_size", "\(hiddenSize) is not a multiple of num_attention_heads (\(numAttentionHeads))")
        }
        guard wordEmbedProjDim > 0 else {
            throw ConfigError.invalid(source, "word_embed_proj_dim", "must be a positive integer, found \(wordEmbedProjDim)")
        }
    }

    public var typedFields: [(String, JSONValue)] {
        [("vocab_size", .integer(vocabSize)), ("hidden_size", .integer(hiddenSize)),
         ("num_hidden_layers", .integer(numHiddenLayers)), ("ffn_dim", .integer(ffnDim)),
         ("max_position_embeddings", .integer(maxPositionEmbeddings)),
         ("do_layer_norm_before", .bool(doLayerNormBefore)), ("_remove_final_layer_norm", .bool(removeFinalLayerNorm)),
         ("word_embed_proj_dim", .integer(wordEmbedProjDim)), ("dropout", .number(dropout)),
         ("attention_dropout", .number(attentionDropout)), ("num_attention_heads", .integer(numAttentionHeads)),
         ("activation_function", .string(activationFunction)), ("layerdrop", .number(layerdrop)),
         ("init_std", .number(initStd)), ("enable_bias", .bool(enableBias)),
         ("layer_norm_elementwise_affine", .bool(layerNormElementwiseAffine)),
         ("tie_word_embeddings", .bool(tieWordEmbeddings)), ("bos_token_id", .tokens(bosTokenId)),
         ("eos_token_id", .tokens(eosTokenId)), ("pad_token_id", .optionalInteger(padTokenId))]
    }

    public static let classDefaults = JSONObject([
        ("_remove_final_layer_norm", .bool(false)), ("activation_function", .string("relu")),
        ("attention_dropout", .double(0.0)), ("bos_token_id", .int(2)), ("do_layer_norm_before", .bool(true)),
        ("dropout", .double(0.1)), ("enable_bias", .bool(true)), ("eos_token_id", .int(2)), ("ffn_dim", .int(3072)),
        ("hidden_size", .int(768)), ("init_std", .double(0.02)), ("layer_norm_elementwise_affine", .bool(true)),
        ("layerdrop", .double(0.0)), ("max_position_embeddings", .int(2048)), ("num_attention_heads", .int(12)),
        ("num_hidden_layers", .int(12)), ("pad_token_id", .int(1)), ("tie_word_embeddings", .bool(true)),
        ("use_cache", .bool(true)), ("vocab_size", .int(50272)), ("word_embed_proj_dim", .int(768)),
    ])
}
