/// GPT-2 (`model_type: gpt2`): learned positions, pre-LN, fused Conv1D `c_attn`, GELU (tanh).
extension GPT2Config {
    public var decoderSpec: DecoderSpec {
        let d = nEmbd
        let layers = (0..<nLayer).map { i -> LayerSpec in
            let p = "transformer.h.\(i)."
            var scale: Float = scaleAttnWeights ? 1 / Float(headDim).squareRoot() : 1
            if scaleAttnByInverseLayerIdx { scale /= Float(i + 1) }
            return LayerSpec(
                preNorm: true,
                attentionNorm: .layerNorm(p + "ln_1", dim: d, eps: Float(layerNormEpsilon)),
                attention: AttentionSpec(
                    projections: .fused(LinearSpec(p + "attn.c_attn", in: d, out: 3 * d, bias: true, conv1D: true)),
                    output: LinearSpec(p + "attn.c_proj", in: d, out: d, bias: true, conv1D: true),
                    heads: nHead, kvHeads: nHead, headDim: headDim, scale: scale, window: nil, ropeTheta: nil),
                mlpNorm: .layerNorm(p + "ln_2", dim: d, eps: Float(layerNormEpsilon)),
                mlp: MLPSpec(kind: .standard(fc1: LinearSpec(p + "mlp.c_fc", in: d, out: innerDim, bias: true, conv1D: true),
                                             fc2: LinearSpec(p + "mlp.c_proj", in: innerDim, out: d, bias: true, conv1D: true),
                                             activation: activationFunction)))
        }
        var spec = DecoderSpec(
            tokenEmbedding: "transformer.wte.weight", embeddingDim: d,
            positionEmbedding: .init(name: "transformer.wpe.weight", offset: 0, count: nPositions),
            projectIn: nil, projectOut: nil, hiddenSize: d, layers: layers,
            finalNorm: .layerNorm("transformer.ln_f", dim: d, eps: Float(layerNormEpsilon)),
            lmHead: tieWordEmbeddings ? "transformer.wte.weight" : "lm_head.weight", vocabSize: vocabSize,
            positionsFromAttentionMask: false)
        spec.dropout = DropoutRates(embedding: Float(embdPdrop), attention: Float(attnPdrop), residual: Float(residPdrop))
        return spec
    }
}
