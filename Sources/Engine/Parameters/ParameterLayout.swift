/// The parameter tensors of each family's causal-LM model, named and ordered exactly as
/// transformers' `named_parameters()` lists them (which is also the order `save_pretrained`
/// passes to the shard splitter), with their shapes from the config. `ties` names the
/// aliases transformers ties (`lm_head.weight` → the input embedding).
public struct ParameterLayout: Equatable, Sendable {
    public var specs: [ParameterSpec]
    public var ties: [String: String]
    /// Parameters of LayerNorm modules (GPT-2's `ln_1` does not say "norm" in its name, so
    /// the Trainer's weight-decay rule needs the module type, which only the layout knows).
    public var layerNormParameters: Set<String>

    public init(specs: [ParameterSpec], ties: [String: String] = [:], layerNormParameters: Set<String> = []) {
        self.specs = specs
        self.ties = ties
        self.layerNormParameters = layerNormParameters
    }

    /// The parameters the HF Trainer applies weight decay to
    /// (`Trainer.get_decay_parameter_names`): all but LayerNorm parameters and names
    /// matching `bias`, `layernorm`, `rmsnorm`, `(^|.)norm($|.)`, `_norm($|.)`
    /// (case-insensitive). Tied aliases are left out: they share their target's decay.
    public var decayParameterNames: [String] {
        specs.map(\.name).filter { name in
            !layerNormParameters.contains(name) && !ParameterLayout.excludedFromDecay(name)
        }
    }

    static func excludedFromDecay(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.contains("bias") || lower.contains("layernorm") || lower.contains("rmsnorm") { return true }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        return parts.contains { $0 == "norm" || $0.hasSuffix("_norm") }
    }

    /// A layout of the tensors a checkpoint holds, in file order (for generic loading).
    public static func of(_ checkpoint: SafetensorsCheckpoint, dtype: TensorDType = .F32) -> ParameterLayout {
        let names = checkpoint.files.flatMap(\.names)
        return ParameterLayout(specs: names.compactMap { name in
            checkpoint.info(name).map { ParameterSpec(name, $0.shape, dtype: dtype) }
        })
    }

    /// The layout of `config`'s causal-LM model, every view stored as `dtype`.
    public static func causalLM(_ config: ModelConfig, dtype: TensorDType = .F32) -> ParameterLayout {
        var b = Builder(dtype: dtype)
        switch config {
        case let .gpt2(c): b.gpt2(c)
        case let .opt(c): b.opt(c)
        case let .gptNeo(c): b.gptNeo(c)
        case let .llama(c): b.llama(c)
        }
        return ParameterLayout(specs: b.specs, ties: b.ties, layerNormParameters: b.layerNorms)
    }

    /// Collects specs in declaration order.
    private struct Builder {
        let dtype: TensorDType
        var specs: [ParameterSpec] = []
        var ties: [String: String] = [:]
        var layerNorms: Set<String> = []

        mutating func add(_ name: String, _ shape: [Int]) {
            specs.append(ParameterSpec(name, shape, dtype: dtype))
        }

        /// A linear layer stored as nn.Linear (`[out, in]`), with an optional bias.
        mutating func linear(_ prefix: String, in inDim: Int, out outDim: Int, bias: Bool) {
            add(prefix + ".weight", [outDim, inDim])
            if bias { add(prefix + ".bias", [outDim]) }
        }

        /// A LayerNorm (or, without bias, an RMSNorm — not an nn.LayerNorm for the Trainer).
        mutating func layerNorm(_ prefix: String, _ dim: Int, bias: Bool = true) {
            add(prefix + ".weight", [dim])
            if bias {
                add(prefix + ".bias", [dim])
                layerNorms.formUnion([prefix + ".weight", prefix + ".bias"])
            }
        }

        mutating func lmHead(tied: Bool, embedding: String, vocab: Int, dim: Int) {
            if tied { ties["lm_head.weight"] = embedding } else { add("lm_head.weight", [vocab, dim]) }
        }

        mutating func gpt2(_ c: GPT2Config) {
            let d = c.nEmbd, inner = c.innerDim
            add("transformer.wte.weight", [c.vocabSize, d])
            add("transformer.wpe.weight", [c.nPositions, d])
            for i in 0..<c.nLayer {
                let p = "transformer.h.\(i)."
                layerNorm(p + "ln_1", d)
                // GPT-2 uses Conv1D: weights are [in, out].
                add(p + "attn.c_attn.weight", [d, 3 * d]); add(p + "attn.c_attn.bias", [3 * d])
                add(p + "attn.c_proj.weight", [d, d]); add(p + "attn.c_proj.bias", [d])
                layerNorm(p + "ln_2", d)
                add(p + "mlp.c_fc.weight", [d, inner]); add(p + "mlp.c_fc.bias", [inner])
                add(p + "mlp.c_proj.weight", [inner, d]); add(p + "mlp.c_proj.bias", [d])
            }
            layerNorm("transformer.ln_f", d)
            lmHead(tied: c.tieWordEmbeddings, embedding: "transformer.wte.weight", vocab: c.vocabSize, dim: d)
        }

        mutating func opt(_ c: OPTConfig) {
            let d = c.hiddenSize, e = c.wordEmbedProjDim, bias = c.enableBias
            let p = "model.decoder."
            add(p + "embed_tokens.weight", [c.vocabSize, e])
            // OPT's learned positions are offset by 2 (ids 0 and 1 are reserved).
            add(p + "embed_positions.weight", [c.maxPositionEmbeddings + 2, d])
            if c.projectsEmbeddings {
                linear(p + "project_out", in: d, out: e, bias: false)
                linear(p + "project_in", in: e, out: d, bias: false)
            }
            if c.doLayerNormBefore && !c.removeFinalLayerNorm {
                optLayerNorm(p + "final_layer_norm", c)
            }
            for i in 0..<c.numHiddenLayers {
                let l = p + "layers.\(i)."
                for proj in ["k_proj", "v_proj", "q_proj", "out_proj"] {
                    linear(l + "self_attn." + proj, in: d, out: d, bias: bias)
                }
                optLayerNorm(l + "self_attn_layer_norm", c)
                linear(l + "fc1", in: d, out: c.ffnDim, bias: bias)
                linear(l + "fc2", in: c.ffnDim, out: d, bias: bias)
                optLayerNorm(l + "final_layer_norm", c)
            }
            lmHead(tied: c.tieWordEmbeddings, embedding: p + "embed_tokens.weight", vocab: c.vocabSize, dim: e)
        }

        /// OPT's norms have no parameters at all when `layer_norm_elementwise_affine` is false.
        mutating func optLayerNorm(_ prefix: String, _ c: OPTConfig) {
            if c.layerNormElementwiseAffine { layerNorm(prefix, c.hiddenSize) }
        }

        mutating func gptNeo(_ c: GPTNeoConfig) {
            let d = c.hiddenSize, inner = c.innerDim
            add("transformer.wte.weight", [c.vocabSize, d])
            add("transformer.wpe.weight", [c.maxPositionEmbeddings, d])
            for i in 0..<c.numLayers {
                let p = "transformer.h.\(i)."
                layerNorm(p + "ln_1", d)
                for proj in ["k_proj", "v_proj", "q_proj"] {
                    linear(p + "attn.attention." + proj, in: d, out: d, bias: false)
                }
                linear(p + "attn.attention.out_proj", in: d, out: d, bias: true)
                layerNorm(p + "ln_2", d)
                linear(p + "mlp.c_fc", in: d, out: inner, bias: true)
                linear(p + "mlp.c_proj", in: inner, out: d, bias: true)
            }
            layerNorm("transformer.ln_f", d)
            lmHead(tied: c.tieWordEmbeddings, embedding: "transformer.wte.weight", vocab: c.vocabSize, dim: d)
        }

        mutating func llama(_ c: LlamaConfig) {
            let d = c.hiddenSize, hd = c.headDim
            add("model.embed_tokens.weight", [c.vocabSize, d])
            for i in 0..<c.numHiddenLayers {
                let p = "model.layers.\(i)."
                linear(p + "self_attn.q_proj", in: d, out: c.numAttentionHeads * hd, bias: c.attentionBias)
                linear(p + "self_attn.k_proj", in: d, out: c.numKeyValueHeads * hd, bias: c.attentionBias)
                linear(p + "self_attn.v_proj", in: d, out: c.numKeyValueHeads * hd, bias: c.attentionBias)
                linear(p + "self_attn.o_proj", in: c.numAttentionHeads * hd, out: d, bias: c.attentionBias)
                linear(p + "mlp.gate_proj", in: d, out: c.intermediateSize, bias: c.mlpBias)
                linear(p + "mlp.up_proj", in: d, out: c.intermediateSize, bias: c.mlpBias)
                linear(p + "mlp.down_proj", in: c.intermediateSize, out: d, bias: c.mlpBias)
                layerNorm(p + "input_layernorm", d, bias: false)
                layerNorm(p + "post_attention_layernorm", d, bias: false)
            }
            layerNorm("model.norm", d, bias: false)
            lmHead(tied: c.tieWordEmbeddings, embedding: "model.embed_tokens.weight", vocab: c.vocabSize, dim: d)
        }
    }
}
