/// transformers' `GPT2Config` (model_type "gpt2"), defaults as in transformers 5.
public struct GPT2Config: FamilyConfig {
    public static let modelType = "gpt2"

    public static let attributeMap = ["hidden_size": "n_embd", "max_position_embeddings": "n_positions",
                                      "num_attention_heads": "n_head", "num_hidden_layers": "n_layer"]

    public var vocabSize: Int
    /// Maximum sequence length (learned position embeddings).
    public var nPositions: Int
    public var nEmbd: Int
    public var nLayer: Int
    public var nHead: Int
    /// MLP width; nil means 4 * nEmbd.
    public var nInner: Int?
    public var activationFunction: String
    public var residPdrop: Double
    public var embdPdrop: Double
    public var attnPdrop: Double
    public var layerNormEpsilon: Double
    public var initializerRange: Double
    public var scaleAttnWeights: Bool
    public var scaleAttnByInverseLayerIdx: Bool
    public var reorderAndUpcastAttn: Bool
    public var tieWordEmbeddings: Bool
    public var bosTokenId: TokenIDs?
    public var eosTokenId: TokenIDs?
    public var padTokenId: Int?
    public var dtype: TensorDType?
    public var raw: JSONObject

    /// The MLP's hidden width.
    public var innerDim: Int { nInner ?? 4 * nEmbd }
    public var headDim: Int { nEmbd / nHead }

    public init(_ object: JSONObject, source: String) throws {
        let object = Self.resolvingAliases(object)
        let f = ConfigFields(object: object, source: source)
        vocabSize = try f.positiveInt("vocab_size", 50257)
        nPositions = try f.positiveInt("n_positions", 1024)
        nEmbd = try f.positiveInt("n_embd", 768)
        nLayer = try f.positiveInt("n_layer", 12)
        nHead = try f.positiveInt("n_head", 12)
        nInner = try f.optionalInt("n_inner", nil)
        activationFunction = try f.string("activation_function", "gelu_new")
        residPdrop = try f.double("resid_pdrop", 0.1)
        embdPdrop = try f.double("embd_pdrop", 0.1)
        attnPdrop = try f.double("attn_pdrop", 0.1)
        layerNormEpsilon = try f.double("layer_norm_epsilon", 1e-5)
        initializerRange = try f.double("initializer_range", 0.02)
        scaleAttnWeights = try f.bool("scale_attn_weights", true)
        scaleAttnByInverseLayerIdx = try f.bool("scale_attn_by_inverse_layer_idx", false)
        reorderAndUpcastAttn = try f.bool("reorder_and_upcast_attn", false)
        tieWordEmbeddings = try f.bool("tie_word_embeddings", true)
        bosTokenId = try f.tokenIDs("bos_token_id", .one(50256))
        eosTokenId = try f.tokenIDs("eos_token_id", .one(50256))
        padTokenId = try f.optionalInt("pad_token_id", nil)
        dtype = try f.dtype()
        raw = object
        guard nEmbd % nHead == 0 else {
            throw ConfigError.invalid(source, "n_embd", "\(nEmbd) is not a multiple of n_head (\(nHead))")
        }
    }

    public var typedFields: [(String, JSONValue)] {
        [("vocab_size", .integer(vocabSize)), ("n_positions", .integer(nPositions)), ("n_embd", .integer(nEmbd)),
         ("n_layer", .integer(nLayer)), ("n_head", .integer(nHead)), ("n_inner", .optionalInteger(nInner)),
         ("activation_function", .string(activationFunction)), ("resid_pdrop", .number(residPdrop)),
         ("embd_pdrop", .number(embdPdrop)), ("attn_pdrop", .number(attnPdrop)),
         ("layer_norm_epsilon", .number(layerNormEpsilon)), ("initializer_range", .number(initializerRange)),
         ("scale_attn_weights", .bool(scaleAttnWeights)),
         ("scale_attn_by_inverse_layer_idx", .bool(scaleAttnByInverseLayerIdx)),
         ("reorder_and_upcast_attn", .bool(reorderAndUpcastAttn)), ("tie_word_embeddings", .bool(tieWordEmbeddings)),
         ("bos_token_id", .tokens(bosTokenId)), ("eos_token_id", .tokens(eosTokenId)),
         ("pad_token_id", .optionalInteger(padTokenId))]
    }

    public static let classDefaults = JSONObject([
        ("activation_function", .string("gelu_new")), ("add_cross_attention", .bool(false)),
        ("attn_pdrop", .double(0.1)), ("bos_token_id", .int(50256)), ("embd_pdrop", .double(0.1)),
        ("eos_token_id", .int(50256)), ("initializer_range", .double(0.02)), ("layer_norm_epsilon", .double(1e-5)),
        ("n_embd", .int(768)), ("n_head", .int(12)), ("n_inner", .null), ("n_layer", .int(12)),
        ("n_positions", .int(1024)), ("pad_token_id", .null), ("reorder_and_upcast_attn", .bool(false)),
        ("resid_pdrop", .double(0.1)), ("scale_attn_by_inverse_layer_idx", .bool(false)),
        ("scale_attn_weights", .bool(true)), ("summary_activation", .null), ("summary_first_dropout", .double(0.1)),
        ("summary_proj_to_labels", .bool(true)), ("summary_type", .string("cls_index")),
        ("summary_use_proj", .bool(true)), ("tie_word_embeddings", .bool(true)), ("use_cache", .bool(true)),
        ("vocab_size", .int(50257)),
    ])
}
