/// GPT-Neo (`model_type: gpt_neo`): like GPT-2 but separate q/k/v without bias, no attention
/// scaling, and alternating global and local (windowed) attention layers.
extension GPTNeoConfig {
    public var decoderSpec: DecoderSpec {
        let d = hiddenSize, eps = Float(layerNormEpsilon)
        let kinds = attentionLayers
        let layers = (0..<numLayers).map { i -> LayerSpec in
            let p = "transformer.h.\(i)."
            let a = p + "attn.attention."
            return LayerSpec(
                preNorm: true,
                attentionNorm: .layerNorm(p + "ln_1", dim: d, eps: eps),
                attention: AttentionSpec(
                    projections: .separate(q: LinearSpec(a + "q_proj", in: d, out: d, bias: false),
                                           k: LinearSpec(a + "k_proj", in: d, out: d, bias: false),
                                           v: LinearSpec(a + "v_proj", in: d, out: d, bias: false)),
                    output: LinearSpec(a + "out_proj", in: d, out: d, bias: true),
                    heads: numHeads, kvHeads: numHeads, headDim: headDim, scale: 1,
                    window: i < kinds.count && kinds[i] == .local ? windowSize : nil, ropeTheta: nil),
                mlpNorm: .layerNorm(p + "ln_2", dim: d, eps: eps),
                mlp: MLPSpec(kind: .standard(fc1: LinearSpec(p + "mlp.c_fc", in: d, out: innerDim, bias: true),
                                             fc2: LinearSpec(p + "mlp.c_proj", in: innerDim, out: d, bias: true),
                                             activation: activationFunction)))
        }
        var spec = DecoderSpec(
            tokenEmbedding: "transformer.wte.weight", embeddingDim: d,
            positionEmbedding: .init(name: "transformer.wpe.weight", offset: 0, count: maxPositionEmbeddings),
            projectIn: nil, projectOut: nil, hiddenSize: d, layers: layers,
            finalNorm: .layerNorm("transformer.ln_f", dim: d, eps: eps),
            lmHead: tieWordEmbeddings ? "transformer.wte.weight" : "lm_head.weight", vocabSize: vocabSize,
            positionsFromAttentionMask: false)
        spec.dropout = DropoutRates(embedding: Float(embedDropout), attention: Float(attentionDropout), residual: Float(residDropout))
        return spec
    }
}
