/// OPT (`model_type: opt`): positions offset by 2 and counted over unmasked tokens, ReLU MLP,
/// pre-LN or (opt-350m) post-LN, and optional `project_in`/`project_out` when
/// `word_embed_proj_dim != hidden_size`.
extension OPTConfig {
    public var decoderSpec: DecoderSpec {
        let d = hiddenSize, p = "model.decoder."
        let eps: Float = 1e-5  // OPT's nn.LayerNorm uses the default eps
        let layers = (0..<numHiddenLayers).map { i -> LayerSpec in
            let l = p + "layers.\(i)."
            return LayerSpec(
                preNorm: doLayerNormBefore,
                attentionNorm: .layerNorm(l + "self_attn_layer_norm", dim: d, eps: eps, affine: layerNormElementwiseAffine),
                attention: AttentionSpec(
                    projections: .separate(q: LinearSpec(l + "self_attn.q_proj", in: d, out: d, bias: enableBias),
                                           k: LinearSpec(l + "self_attn.k_proj", in: d, out: d, bias: enableBias),
                                           v: LinearSpec(l + "self_attn.v_proj", in: d, out: d, bias: enableBias)),
                    output: LinearSpec(l + "self_attn.out_proj", in: d, out: d, bias: enableBias),
                    heads: numAttentionHeads, kvHeads: numAttentionHeads, headDim: headDim,
                    scale: 1 / Float(headDim).squareRoot(), window: nil, ropeTheta: nil),
                mlpNorm: .layerNorm(l + "final_layer_norm", dim: d, eps: eps, affine: layerNormElementwiseAffine),
                mlp: MLPSpec(kind: .standard(fc1: LinearSpec(l + "fc1", in: d, out: ffnDim, bias: enableBias),
                                             fc2: LinearSpec(l + "fc2", in: ffnDim, out: d, bias: enableBias),
                                             activation: activationFunction)))
        }
        let e = wordEmbedProjDim
        var spec = DecoderSpec(
            tokenEmbedding: p + "embed_tokens.weight", embeddingDim: e,
            positionEmbedding: .init(name: p + "embed_positions.weight", offset: 2, count: maxPositionEmbeddings + 2),
            projectIn: projectsEmbeddings ? LinearSpec(p + "project_in", in: e, out: d, bias: false) : nil,
            projectOut: projectsEmbeddings ? LinearSpec(p + "project_out", in: d, out: e, bias: false) : nil,
            hiddenSize: d, layers: layers,
            finalNorm: doLayerNormBefore && !removeFinalLayerNorm
                ? .layerNorm(p + "final_layer_norm", dim: d, eps: eps, affine: layerNormElementwiseAffine) : nil,
            lmHead: tieWordEmbeddings ? p + "embed_tokens.weight" : "lm_head.weight", vocabSize: vocabSize,
            positionsFromAttentionMask: true)
        spec.dropout = DropoutRates(embedding: Float(dropout), attention: Float(attentionDropout), residual: Float(dropout),
                                    activation: Float(raw["activation_dropout"]?.doubleValue ?? 0))
        return spec
    }
}
