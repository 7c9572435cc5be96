/// What a decoder-only transformer is made of, by Hugging Face tensor name. Each model
/// family (Families/) describes itself as a `DecoderSpec`; `Decoder` runs any spec forward
/// and backward, so a new family is one file that builds a spec.
public struct DecoderSpec: Sendable {
    /// `transformer.wte.weight`-style name of the token table (vocab, embeddingDim).
    public var tokenEmbedding: String
    public var embeddingDim: Int
    /// Learned absolute positions (GPT-2, GPT-Neo: offset 0; OPT: offset 2).
    public var positionEmbedding: PositionEmbedding?
    /// OPT-350m's `project_in` (embeddingDim → hidden) and `project_out` (hidden → embeddingDim).
    public var projectIn: LinearSpec?
    public var projectOut: LinearSpec?
    public var hiddenSize: Int
    public var layers: [LayerSpec]
    public var finalNorm: NormSpec?
    /// The LM head weight (vocab, embeddingDim); the token table's name when tied.
    public var lmHead: String
    public var vocabSize: Int
    /// How positions are numbered when the caller gives none: from 0 per row (GPT-2, GPT-Neo,
    /// Llama) or counting only unmasked tokens (OPT: `cumsum(attention_mask) - 1`).
    public var positionsFromAttentionMask: Bool
    /// Dropout probabilities at HF's places, applied only in training mode.
    public var dropout = DropoutRates()

    /// Weights and biases of the LayerNorm modules (not RMSNorm): HF Trainer never applies weight
    /// decay to parameters of `nn.LayerNorm` modules (`get_decay_parameter_names`).
    public var layerNormParameterNames: Set<String> {
        let norms = layers.flatMap { [$0.attentionNorm, $0.mlpNorm] } + (finalNorm.map { [$0] } ?? [])
        return Set(norms.filter { $0.kind == .layerNorm }.flatMap { [$0.weight, $0.bias].compactMap { $0 } })
    }

    public struct PositionEmbedding: Sendable {
        public var name: String
        public var offset: Int
        public var count: Int
    }
}

/// A dense layer: `nn.Linear` (weight (out, in)) or GPT-2's `Conv1D` (weight (in, out)).
public struct LinearSpec: Sendable {
    public var weight: String
    public var bias: String?
    public var inDim: Int
    public var outDim: Int
    public var conv1D: Bool
    /// The module name PEFT targets (`c_attn`, `q_proj`): the weight name without `.weight`.
    public var module: String { String(weight.dropLast(".weight".count)) }

    public init(_ prefix: String, in inDim: Int, out outDim: Int, bias: Bool, conv1D: Bool = false) {
        weight = prefix + ".weight"
        self.bias = bias ? prefix + ".bias" : nil
        self.inDim = inDim
        self.outDim = outDim
        self.conv1D = conv1D
    }
}

/// Where HF's decoders apply dropout (all 0 disables it): after the embeddings (+ positions),
/// on the attention probabilities, on each sublayer's output before the residual add
/// (GPT-2 `resid_pdrop`, GPT-Neo `resid_dropout`, OPT `dropout`), and after the MLP activation
/// (OPT `activation_dropout`).
public struct DropoutRates: Sendable, Equatable {
    public var embedding: Float = 0
    public var attention: Float = 0
    public var residual: Float = 0
    public var activation: Float = 0
    public init(embedding: Float = 0, attention: Float = 0, residual: Float = 0, activation: Float = 0) {
        self.embedding = embedding; self.attention = attention; self.residual = residual; self.activation = activation
    }
    public var isZero: Bool { embedding == 0 && attention == 0 && residual == 0 && activation == 0 }
}

public struct NormSpec: Sendable {
    public enum Kind: Sendable { case layerNorm, rmsNorm }
    public var kind: Kind
    /// nil for OPT's non-affine norms (`layer_norm_elementwise_affine=False`).
    public var weight: String?
    public var bias: String?
    public var eps: Float
    public var dim: Int

    public static func layerNorm(_ prefix: String, dim: Int, eps: Float, affine: Bool = true) -> NormSpec {
        NormSpec(kind: .layerNorm, weight: affine ? prefix + ".weight" : nil, bias: affine ? prefix + ".bias" : nil, eps: eps, dim: dim)
    }

    public static func rmsNorm(_ prefix: String, dim: Int, eps: Float) -> NormSpec {
        NormSpec(kind: .rmsNorm, weight: prefix + ".weight", bias: nil, eps: eps, dim: dim)
    }
}

public struct AttentionSpec: Sendable {
    public enum Projections: Sendable {
        /// GPT-2's `c_attn`: one Conv1D producing q | k | v.
        case fused(LinearSpec)
        case separate(q: LinearSpec, k: LinearSpec, v: LinearSpec)
    }
    public var projections: Projections
    public var output: LinearSpec
    public var heads: Int
    public var kvHeads: Int
    public var headDim: Int
    /// Multiplies q·kᵀ: 1/√headDim for most, 1 for GPT-Neo.
    public var scale: Float
    /// GPT-Neo local layers: a query sees keys less than `window` positions back.
    public var window: Int?
    /// Llama: rotary embeddings on q and k.
    public var ropeTheta: Float?
}

public struct MLPSpec: Sendable {
    public enum Kind: Sendable {
        /// fc2(act(fc1(x)))
        case standard(fc1: LinearSpec, fc2: LinearSpec, activation: String)
        /// down(silu(gate(x)) * up(x))
        case gated(gate: LinearSpec, up: LinearSpec, down: LinearSpec)
    }
    public var kind: Kind
}

public struct LayerSpec: Sendable {
    /// Pre-LN (norm → sublayer → residual add) for all but OPT-350m, which is post-LN
    /// (sublayer → residual add → norm).
    public var preNorm: Bool
    public var attentionNorm: NormSpec
    public var attention: AttentionSpec
    public var mlpNorm: NormSpec
    public var mlp: MLPSpec
}
