/// `print(model)` as transformers 5 + torch show it: the module tree with each family's
/// module class names and attribute order, identical layers folded into "(0-11): 12 x Block(".
extension CausalLM: CustomStringConvertible {
    public var description: String { moduleTree.render(indent: 0) }

    /// A torch module as its repr: a leaf `Name(extra)` or `Name(` children `)`.
    struct Module: Equatable {
        var name: String
        var extra = ""
        var children: [(String, Module)] = []

        static func == (a: Module, b: Module) -> Bool {
            a.name == b.name && a.extra == b.extra && a.children.map(\.0) == b.children.map(\.0)
                && zip(a.children, b.children).allSatisfy { $0.1 == $1.1 }
        }

        func render(indent: Int) -> String {
            if children.isEmpty { return "\(name)(\(extra))" }
            let pad = String(repeating: " ", count: indent + 2)
            var lines = ["\(name)("]
            for (key, child) in children { lines.append("\(pad)(\(key)): \(child.render(indent: indent + 2))") }
            lines.append(String(repeating: " ", count: indent) + ")")
            return lines.joined(separator: "\n")
        }

        /// torch's ModuleList repr: runs of identical blocks as "(a-b): n x Block(".
        static func list(_ items: [Module]) -> Module {
            var children: [(String, Module)] = []
            var start = 0
            while start < items.count {
                var end = start
                while end + 1 < items.count && items[end + 1] == items[start] { end += 1 }
                if end == start {
                    children.append(("\(start)", items[start]))
                } else {
                    var m = items[start]
                    m.name = "\(end - start + 1) x \(m.name)"
                    children.append(("\(start)-\(end)", m))
                }
                start = end + 1
            }
            return Module(name: "ModuleList", children: children)
        }
    }

    static func linear(_ l: LinearSpec) -> Module {
        if l.conv1D { return Module(name: "Conv1D", extra: "nf=\(l.outDim), nx=\(l.inDim)") }
        return Module(name: "Linear", extra: "in_features=\(l.inDim), out_features=\(l.outDim), bias=\(l.bias == nil ? "False" : "True")")
    }

    static func norm(_ n: NormSpec, rmsClass: String = "LlamaRMSNorm") -> Module {
        switch n.kind {
        case .layerNorm:
            let affine = n.weight == nil ? "False" : "True"
            return Module(name: "LayerNorm", extra: "(\(n.dim),), eps=\(pythonRepr(n.eps)), elementwise_affine=\(affine), bias=\(n.bias == nil ? "False" : "True")")
        case .rmsNorm:
            return Module(name: rmsClass, extra: "(\(n.dim),), eps=\(pythonRepr(n.eps))")
        }
    }

    /// A Float config value as Python prints the double it came from (1e-06, not 9.99e-07):
    /// the shortest decimal of the Float read back as a Double.
    static func pythonRepr(_ x: Float) -> String {
        PythonFloat.repr(Double(x.description) ?? Double(x))
    }

    static func dropout(_ p: Float) -> Module {
        Module(name: "Dropout", extra: "p=\(pythonRepr(p)), inplace=False")
    }

    static func activation(_ hfName: String) -> Module {
        let names = ["gelu": "GELUActivation", "gelu_new": "NewGELUActivation", "gelu_pytorch_tanh": "GELUTanh",
                     "gelu_python_tanh": "GELUTanh", "gelu_fast": "FastGELUActivation", "relu": "ReLU",
                     "silu": "SiLUActivation", "swish": "SiLU"]
        return Module(name: names[hfName] ?? hfName)
    }

    static func embedding(_ rows: Int, _ dim: Int, padding: Int?) -> Module {
        Module(name: "Embedding", extra: "\(rows), \(dim)" + (padding.map { ", padding_idx=\($0)" } ?? ""))
    }

    var moduleTree: Module {
        let spec = decoder.spec
        let head = Self.linear(LinearSpec("lm_head", in: spec.embeddingDim, out: spec.vocabSize, bias: false))
        let layers = spec.layers
        switch config {
        case let .gpt2(c):
            let blocks = layers.map { l -> Module in
                guard case let .fused(qkv) = l.attention.projections, case let .standard(fc, proj, act) = l.mlp.kind else { return Module(name: "?") }
                return Module(name: "GPT2Block", children: [
                    ("ln_1", Self.norm(l.attentionNorm)),
                    ("attn", Module(name: "GPT2Attention", children: [
                        ("c_attn", Self.linear(qkv)), ("c_proj", Self.linear(l.attention.output)),
                        ("attn_dropout", Self.dropout(Float(c.attnPdrop))), ("resid_dropout", Self.dropout(Float(c.residPdrop)))])),
                    ("ln_2", Self.norm(l.mlpNorm)),
                    ("mlp", Module(name: "GPT2MLP", children: [
                        ("c_fc", Self.linear(fc)), ("c_proj", Self.linear(proj)), ("act", Self.activation(act)),
                        ("dropout", Self.dropout(Float(c.residPdrop)))])),
                ])
            }
            return Module(name: "GPT2LMHeadModel", children: [
                ("transformer", Module(name: "GPT2Model", children: [
                    ("wte", Self.embedding(c.vocabSize, c.nEmbd, padding: nil)),
                    ("wpe", Self.embedding(c.nPositions, c.nEmbd, padding: nil)),
                    ("drop", Self.dropout(Float(c.embdPdrop))),
                    ("h", Module.list(blocks)),
                    ("ln_f", Self.norm(spec.finalNorm!)),
                ])),
                ("lm_head", head),
            ])
        case let .gptNeo(c):
            let blocks = layers.map { l -> Module in
                guard case let .separate(q, k, v) = l.attention.projections, case let .standard(fc, proj, act) = l.mlp.kind else { return Module(name: "?") }
                return Module(name: "GPTNeoBlock", children: [
                    ("ln_1", Self.norm(l.attentionNorm)),
                    ("attn", Module(name: "GPTNeoAttention", children: [
                        ("attention", Module(name: "GPTNeoSelfAttention", children: [
                            ("attn_dropout", Self.dropout(Float(c.attentionDropout))), ("resid_dropout", Self.dropout(Float(c.residDropout))),
                            ("k_proj", Self.linear(k)), ("v_proj", Self.linear(v)), ("q_proj", Self.linear(q)),
                            ("out_proj", Self.linear(l.attention.output))]))])),
                    ("ln_2", Self.norm(l.mlpNorm)),
                    ("mlp", Module(name: "GPTNeoMLP", children: [
                        ("c_fc", Self.linear(fc)), ("c_proj", Self.linear(proj)), ("act", Self.activation(act)),
                        ("dropout", Self.dropout(Float(c.residDropout)))])),
                ])
            }
            return Module(name: "GPTNeoForCausalLM", children: [
                ("transformer", Module(name: "GPTNeoModel", children: [
                    ("wte", Self.embedding(c.vocabSize, c.hiddenSize, padding: nil)),
                    ("wpe", Self.embedding(c.maxPositionEmbeddings, c.hiddenSize, padding: nil)),
                    ("drop", Self.dropout(Float(c.embedDropout))),
                    ("h", Module.list(blocks)),
                    ("ln_f", Self.norm(spec.finalNorm!)),
                ])),
                ("lm_head", head),
            ])
        case let .opt(c):
            let blocks = layers.map { l -> Module in
                guard case let .separate(q, k, v) = l.attention.projections, case let .standard(fc1, fc2, act) = l.mlp.kind else { return Module(name: "?") }
                return Module(name: "OPTDecoderLayer", children: [
                    ("self_attn", Module(name: "OPTAttention", children: [
                        ("k_proj", Self.linear(k)), ("v_proj", Self.linear(v)), ("q_proj", Self.linear(q)),
                        ("out_proj", Self.linear(l.attention.output))])),
                    ("activation_fn", Self.activation(act)),
                    ("self_attn_layer_norm", Self.norm(l.attentionNorm)),
                    ("fc1", Self.linear(fc1)), ("fc2", Self.linear(fc2)),
                    ("final_layer_norm", Self.norm(l.mlpNorm)),
                ])
            }
            var decoderChildren: [(String, Module)] = [
                ("embed_tokens", Self.embedding(c.vocabSize, c.wordEmbedProjDim, padding: c.padTokenId)),
                ("embed_positions", Module(name: "OPTLearnedPositionalEmbedding", extra: "\(c.maxPositionEmbeddings + 2), \(c.hiddenSize)")),
            ]
            if let p = spec.projectOut { decoderChildren.append(("project_out", Self.linear(p))) }
            if let p = spec.projectIn { decoderChildren.append(("project_in", Self.linear(p))) }
            if let n = spec.finalNorm { decoderChildren.append(("final_layer_norm", Self.norm(n))) }
            decoderChildren.append(("layers", Module.list(blocks)))
            return Module(name: "OPTForCausalLM", children: [
                ("model", Module(name: "OPTModel", children: [("decoder", Module(name: "OPTDecoder", children: decoderChildren))])),
                ("lm_head", head),
            ])
        case let .llama(c):
            let blocks = layers.map { l -> Module in
                guard case let .separate(q, k, v) = l.attention.projections, case let .gated(gate, up, down) = l.mlp.kind else { return Module(name: "?") }
                return Module(name: "LlamaDecoderLayer", children: [
                    ("self_attn", Module(name: "LlamaAttention", children: [
                        ("q_proj", Self.linear(q)), ("k_proj", Self.linear(k)), ("v_proj", Self.linear(v)),
                        ("o_proj", Self.linear(l.attention.output))])),
                    ("mlp", Module(name: "LlamaMLP", children: [
                        ("gate_proj", Self.linear(gate)), ("up_proj", Self.linear(up)), ("down_proj", Self.linear(down)),
                        ("act_fn", Self.activation(c.hiddenAct))])),
                    ("input_layernorm", Self.norm(l.attentionNorm)),
                    ("post_attention_layernorm", Self.norm(l.mlpNorm)),
                ])
            }
            return Module(name: "LlamaForCausalLM", children: [
                ("model", Module(name: "LlamaModel", children: [
                    ("embed_tokens", Self.embedding(c.vocabSize, c.hiddenSize, padding: c.padTokenId)),
                    ("layers", Module.list(blocks)),
                    ("norm", Self.norm(spec.finalNorm!)),
                    ("rotary_emb", Module(name: "LlamaRotaryEmbedding")),
                ])),
                ("lm_head", head),
            ])
        }
    }
}
