/// transformers' `GPTNeoConfig` (model_type "gpt_neo"), defaults as in transformers 5.
/// `attention_types` (`[[["global", "local"], 12]]`: a pattern and a repeat count) expands
/// to one kind per layer, `attentionLayers`; local layers see only the last `windowSize`
/// positions.
public struct GPTNeoConfig: FamilyConfig {
    public static let modelType = "gpt_neo"

    /// The attention of one layer.
    public enum AttentionKind: String, Sendable {
        case global, local
    }

    public static let attributeMap = ["num_attention_heads": "num_heads", "num_hidden_layers": "num_layers"]

    public var vocabSize: Int
    public var maxPositionEmbeddings: Int
    public var hiddenSize: Int
    public var numLayers: Int
    public var numHeads: Int
    /// MLP width; nil means 4 * hiddenSize.
    public var intermediateSize: Int?
    public var windowSize: Int
    public var activationFunction: String
    public var residDropout: Double
    public var embedDropout: Double
    public var attentionDropout: Double
    public var classifierDropout: Double
    public var layerNormEpsilon: Double
    public var initializerRange: Double
    public var tieWordEmbeddings: Bool
    public var bosTokenId: TokenIDs?
    public var eosTokenId: TokenIDs?
    public var padTokenId: Int?
    public var dtype: TensorDType?
    /// `attention_types` as written: (pattern, repeat count) pairs.
    public var attentionTypes: [([AttentionKind], Int)]
    public var raw: JSONObject

    /// One attention kind per layer.
    public var attentionLayers: [AttentionKind] {
        attentionTypes.flatMap { pattern, count in Array(repeating: pattern, count: count).flatMap { $0 } }
    }
    public var innerDim: Int { intermediateSize ?? 4 * hiddenSize }
    public var headDim: Int { hiddenSize / numHeads }

    public init(_ object: JSONObject, source: String) throws {
        let object = Self.resolvingAliases(object)
        let f = ConfigFields(object: object, source: source)
        vocabSize = try f.positiveInt("vocab_size", 50257)
        maxPositionEmbeddings = try f.positiveInt("max_position_embeddings", 2048)
        hiddenSize = try f.positiveInt("hidden_size", 2048)
        numLayers = try f.positiveInt("num_layers", 24)
        numHeads = try f.positiveInt("num_heads", 16)
        intermediateSize = try f.optionalInt("intermediate_size", nil)
        windowSize = try f.positiveInt("window_size", 256)
        activationFunction = try f.string("activation_function", "gelu_new")
        residDropout = try f.double("resid_dropout", 0.0)
        embedDropout = try f.double("embed_dropout", 0.0)
        attentionDropout = try f.double("attention_dropout", 0.0)
        classifierDropout = try f.double("classifier_dropout", 0.1)
        layerNormEpsilon = try f.double("layer_norm_epsilon", 1e-5)
        initializerRange = try f.double("initializer_range", 0.02)
        tieWordEmbeddings = try f.bool("tie_word_embeddings", true)
        bosTokenId = try f.tokenIDs("bos_token_id", .one(50256))
        eosTokenId = try f.tokenIDs("eos_token_id", .one(50256))
        padTokenId = try f.optionalInt("pad_token_id", nil)
        dtype = try f.dtype()
        attentionTypes = try GPTNeoConfig.parseAttentionTypes(object["attention_types"], source: source)
        raw = object
        guard hiddenSize % numHeads == 0 else {
            throw ConfigError.invalid(source, "hidden_size", "\(hiddenSize) is not a multiple of num_heads (\(numHeads))")
        }
        let layers = attentionLayers.count
        guard layers == numLayers else {
            throw ConfigError.invalid(source, "attention_types", "expands to \(layers) layers but num_layers is \(numLayers)")
        }
    }

    private static func parseAttentionTypes(_ value: JSONValue?, source: String) throws -> [([AttentionKind], Int)] {
        guard let value, !value.isNull else { return [([.global, .local], 12)] }
        let bad = ConfigError.wrongType(source, "attention_types",
                                        expected: "a list of [[kinds...], repeat] pairs such as [[[\"global\", \"local\"], 12]]",
                                        found: value)
        guard let items = value.arrayValue else { throw bad }
        return try items.map { item in
            guard let pair = item.arrayValue, pair.count == 2, let kinds = pair[0].arrayValue,
                  let count = pair[1].intValue, count >= 0 else { throw bad }
            let parsed = try kinds.map { kind -> AttentionKind in
                guard let name = kind.stringValue, let k = AttentionKind(rawValue: name) else {
                    throw ConfigError.invalid(source, "attention_types", "unknown attention kind \(JSONWriter(indent: nil).string(kind)) (expected \"global\" or \"local\")")
                }
                return k
            }
            return (parsed, count)
        }
    }

    public var typedFields: [(String, JSONValue)] {
        let types = JSONValue.array(attentionTypes.map { pattern, count in
            .array([.array(pattern.map { .string($0.rawValue) }), .integer(count)])
        })
        return [("vocab_size", .integer(vocabSize)), ("max_position_embeddings", .integer(maxPositionEmbeddings)),
                ("hidden_size", .integer(hiddenSize)), ("num_layers", .integer(numLayers)),
                ("num_heads", .integer(numHeads)), ("intermediate_size", .optionalInteger(intermediateSize)),
                ("window_size", .integer(windowSize)), ("activation_function", .string(activationFunction)),
                ("resid_dropout", .number(residDropout)), ("embed_dropout", .number(embedDropout)),
                ("attention_dropout", .number(attentionDropout)), ("classifier_dropout", .number(classifierDropout)),
                ("layer_norm_epsilon", .number(layerNormEpsilon)), ("initializer_range", .number(initializerRange)),
                ("tie_word_embeddings", .bool(tieWordEmbeddings)), ("bos_token_id", .tokens(bosTokenId)),
                ("eos_token_id", .tokens(eosTokenId)), ("pad_token_id", .optionalInteger(padTokenId)),
                ("attention_types", types),
                ("attention_layers", .array(attentionLayers.map { .string($0.rawValue) }))]
    }

    public static let classDefaults = JSONObject([
        ("activation_function", .string("gelu_new")), ("attention_dropout", .double(0.0)),
        ("attention_layers", .array(Array(repeating: [JSONValue.string("global"), .string("local")], count: 12).flatMap { $0 })),
        ("attention_types", .array([.array([.array([.string("global"), .string("local")]), .int(12)])])),
        ("bos_token_id", .int(50256)), ("classifier_dropout", .double(0.1)), ("embed_dropout", .double(0.0)),
        ("eos_token_id", .int(50256)), ("hidden_size", .int(2048)), ("initializer_range", .double(0.02)),
        ("intermediate_size", .null), ("layer_norm_epsilon", .double(1e-5)), ("max_position_embeddings", .int(2048)),
        ("num_heads", .int(16)), ("num_layers", .int(24)), ("pad_token_id", .null), ("resid_dropout", .double(0.0)),
        ("tie_word_embeddings", .bool(true)), ("use_cache", .bool(true)), ("vocab_size", .int(50257)),
        ("window_size", .int(256)),
    ])
}
