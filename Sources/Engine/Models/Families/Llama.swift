/// Llama (`model_type: llama`, also SmolLM-class checkpoints): RMSNorm, rotary positions,
/// SwiGLU MLP, grouped-query attention.
extension LlamaConfig {
    public var decoderSpec: DecoderSpec {
        let d = hiddenSize, eps = Float(rmsNormEps), hd = headDim
        let layers = (0..<numHiddenLayers).map { i -> LayerSpec in
            let p = "model.layers.\(i)."
            return LayerSpec(
                preNorm: true,
                attentionNorm: .rmsNorm(p + "input_layernorm", dim: d, eps: eps),
                attention: AttentionSpec(
                    projections: .separate(q: LinearSpec(p + "self_attn.q_proj", in: d, out: numAttentionHeads * hd, bias: attentionBias),
                                           k: LinearSpec(p + "self_attn.k_proj", in: d, out: numKeyValueHeads * hd, bias: attentionBias),
                                           v: LinearSpec(p + "self_attn.v_proj", in: d, out: numKeyValueHeads * hd, bias: attentionBias)),
                    output: LinearSpec(p + "self_attn.o_proj", in: numAttentionHeads * hd, out: d, bias: attentionBias),
                    heads: numAttentionHeads, kvHeads: numKeyValueHeads, headDim: hd,
                    scale: 1 / Float(hd).squareRoot(), window: nil, ropeTheta: Float(ropeTheta)),
                mlpNorm: .rmsNorm(p + "post_attention_layernorm", dim: d, eps: eps),
                mlp: MLPSpec(kind: .gated(gate: LinearSpec(p + "mlp.gate_proj", in: d, out: intermediateSize, bias: mlpBias),
                                          up: LinearSpec(p + "mlp.up_proj", in: d, out: intermediateSize, bias: mlpBias),
                                          down: LinearSpec(p + "mlp.down_proj", in: intermediateSize, out: d, bias: mlpBias))))
        }
        var spec = DecoderSpec(
            tokenEmbedding: "model.embed_tokens.weight", embeddingDim: d, positionEmbedding: nil,
            projectIn: nil, projectOut: nil, hiddenSize: d, layers: layers,
            finalNorm: .rmsNorm("model.norm", dim: d, eps: eps),
            lmHead: tieWordEmbeddings ? "model.embed_tokens.weight" : "lm_head.weight", vocabSize: vocabSize,
            positionsFromAttentionMask: false)
        spec.dropout = DropoutRates(attention: Float(attentionDropout))
        return spec
    }
}

extension ModelConfig {
    /// The family's decoder description.
    public var decoderSpec: DecoderSpec {
        switch self {
        case let .gpt2(c): return c.decoderSpec
        case let .opt(c): return c.decoderSpec
        case let .gptNeo(c): return c.decoderSpec
        case let .llama(c): return c.decoderSpec
        }
    }
}
