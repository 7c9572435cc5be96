/// Backward through the decoder, from ∂L/∂(LM head input) in `a.dResidual` down to the
/// embedding tables. Each block's backward mirrors its forward in reverse; activation
/// gradients live in the arena's scratch, weight gradients are ADDED to the store's buffers
/// of trainable views only.
extension TransformerDecoder {
    func backward(_ a: DecoderActivations, inputs: DecoderInputs) throws {
        let n = a.tokens, d = spec.hiddenSize, e = spec.embeddingDim
        var g = a.dResidual, spare = a.dResidual2
        weights.reset()
        if let p = spec.projectOut {
            spare.update(repeating: 0, count: n * d)
            linearBackward(p, dy: g, x: a.finalNorm, dx: spare, rows: n)
            swap(&g, &spare)
        }
        let last = spec.layers.isEmpty ? a.hidden0 : a.layers[spec.layers.count - 1].out
        if let norm = spec.finalNorm {
            spare.update(repeating: 0, count: n * d)
            normBackward(norm, dout: g, x: last, mean: a.finalMean, rstd: a.finalRstd, dx: spare, rows: n)
            swap(&g, &spare)
        }
        let below = trainableBelow()
        for i in stride(from: spec.layers.count - 1, through: 0, by: -1) {
            // Below the lowest trainable layer nothing needs a gradient (LoRA: frozen embeddings).
            guard below[i + 1] else { return }
            let input = i == 0 ? a.hidden0 : a.layers[i - 1].out
            try layerBackward(i, spec.layers[i], a.layers[i], input: input, needInputGradient: below[i],
                              g: &g, spare: &spare, a, inputs)
        }
        guard below[0] else { return }
        // Embeddings.
        weights.reset()
        if let drop = try dropout(a, site: 0, rate: spec.dropout.embedding) { Dropout.apply(g, count: n * d, spec: drop) }
        if let pos = spec.positionEmbedding, let dTable = weights.gradient(pos.name) {
            try Embedding.backward(dTable: dTable, dOut: g, ids: inputs.positions, count: n, rows: pos.count, dim: d, offset: pos.offset)
        }
        if let p = spec.projectIn {
            spare.update(repeating: 0, count: n * e)
            linearBackward(p, dy: g, x: a.embedded, dx: spare, rows: n)
            swap(&g, &spare)
        }
        if let dTable = weights.gradient(spec.tokenEmbedding) {
            try Embedding.backward(dTable: dTable, dOut: g, ids: inputs.ids, count: n, rows: spec.vocabSize, dim: e)
        }
    }

    /// `below[i]`: whether anything feeding layer i's input is trainable — the embeddings,
    /// project_in or a layer under i (weights or adapters); `below[layers]` also counts the top
    /// layer. Backward stops where this turns false, and the lowest trainable layer skips the
    /// products that only serve its input gradient.
    func trainableBelow() -> [Bool] {
        var below = [Bool](repeating: false, count: spec.layers.count + 1)
        var names = [spec.tokenEmbedding] + (spec.positionEmbedding.map { [$0.name] } ?? [])
        if let p = spec.projectIn { names += [p.weight] + (p.bias.map { [$0] } ?? []) }
        below[0] = names.contains { weights.gradient($0) != nil } || spec.projectIn.map { adapters[$0.module] != nil } == true
        for (i, layer) in spec.layers.enumerated() {
            let trainable = layer.parameterNames.contains { weights.gradient($0) != nil }
                || layer.linears.contains { adapters[$0.module] != nil }
            below[i + 1] = below[i] || trainable
        }
        return below
    }

    /// On entry `g` holds ∂L/∂(layer output); on exit ∂L/∂(layer input) — unless
    /// `needInputGradient` is false, when a pre-LN layer leaves `g` unfinished and skips the
    /// attention projections' input gradient and ln_1's backward (when ln_1 is frozen).
    private func layerBackward(_ i: Int, _ layer: LayerSpec, _ l: DecoderActivations.Layer, input x: UnsafeMutablePointer<Float>,
                               needInputGradient: Bool,
                               g: inout UnsafeMutablePointer<Float>, spare: inout UnsafeMutablePointer<Float>,
                               _ a: DecoderActivations, _ inputs: DecoderInputs) throws {
        let n = a.tokens, d = spec.hiddenSize
        let site = 1 + 4 * i
        weights.reset()
        if !layer.preNorm {
            // out = LN2(sum2): g ← ∂L/∂sum2.
            spare.update(repeating: 0, count: n * d)
            normBackward(layer.mlpNorm, dout: g, x: l.sum2!, mean: l.mean2, rstd: l.rstd2, dx: spare, rows: n)
            swap(&g, &spare)
        }
        // MLP branch: ∂L/∂branch = g (through residual dropout).
        let dBranch = try branchGradient(g, a, site: site + 3)
        // Pre-LN: the MLP input is LN2(sum1), its gradient goes to dNorm; post-LN: it is
        // norm2 itself, whose gradient is g (residual) plus the MLP's input gradient.
        let dMLPIn: UnsafeMutablePointer<Float>
        if layer.preNorm {
            dMLPIn = a.dNorm
            dMLPIn.update(repeating: 0, count: n * d)
        } else {
            dMLPIn = g
        }
        switch layer.mlp.kind {
        case let .standard(fc1, fc2, _):
            let f = fc1.outDim
            a.dAct.update(repeating: 0, count: n * f)
            linearBackward(fc2, dy: dBranch, x: l.act, dx: a.dAct, rows: n)
            if let drop = try dropout(a, site: site + 2, rate: spec.dropout.activation) { Dropout.apply(a.dAct, count: n * f, spec: drop) }
            a.dFc.update(repeating: 0, count: n * f)
            activations[i]?.backward(dx: a.dFc, dy: a.dAct, x: l.fc, count: n * f)
            linearBackward(fc1, dy: a.dFc, x: l.norm2, dx: dMLPIn, rows: n)
        case let .gated(gate, up, down):
            let f = gate.outDim
            a.dAct.update(repeating: 0, count: n * f)
            linearBackward(down, dy: dBranch, x: l.act, dx: a.dAct, rows: n)
            a.dFc.update(repeating: 0, count: n * f)
            a.dUp.update(repeating: 0, count: n * f)
            SwiGLU.backward(dGate: a.dFc, dUp: a.dUp, dy: a.dAct, gate: l.fc, up: l.up!, count: n * f)
            linearBackward(gate, dy: a.dFc, x: l.norm2, dx: dMLPIn, rows: n)
            linearBackward(up, dy: a.dUp, x: l.norm2, dx: dMLPIn, rows: n)
        }
        if layer.preNorm {
            // sum1 feeds both the residual (g) and LN2: g ← ∂L/∂sum1.
            normBackward(layer.mlpNorm, dout: a.dNorm, x: l.sum1, mean: l.mean2, rstd: l.rstd2, dx: g, rows: n)
        } else {
            // norm2 = LN1(sum1): g ← ∂L/∂sum1.
            spare.update(repeating: 0, count: n * d)
            normBackward(layer.attentionNorm, dout: g, x: l.sum1, mean: l.mean1, rstd: l.rstd1, dx: spare, rows: n)
            swap(&g, &spare)
        }
        // Attention branch.
        let dAttnOut = try branchGradient(g, a, site: site + 1)
        let s = layer.attention
        let qd = s.heads * s.headDim, kd = s.kvHeads * s.headDim
        a.dAttn.update(repeating: 0, count: n * qd)
        linearBackward(s.output, dy: dAttnOut, x: l.attn, dx: a.dAttn, rows: n)
        // dq, dk, dv in the layout of q, k, v: a fused projection gets its gradient rows in place.
        let (dq, dk, dv) = DecoderActivations.qkvViews(a.dQKV, rows: n, q: qd, kv: kd, fused: l.fusedStride != nil)
        a.dQKV.update(repeating: 0, count: n * (qd + 2 * kd))
        let shape = try Attention.Shape(batch: a.rows, seqLen: a.columns, heads: s.heads, kvHeads: s.kvHeads, headDim: s.headDim,
                                        fusedRowStride: l.fusedStride)
        Attention.backward(dq: dq, dk: dk, dv: dv, dout: a.dAttn, q: l.q, k: l.k, v: l.v, saved: .probabilities(l.probs),
                           shape: shape, mask: inputs.mask(window: s.window), scale: s.scale,
                           dropout: try dropout(a, site: site, rate: spec.dropout.attention), scratch: a.attentionScratch)
        if let rope = ropes[i] {
            rope.backward(dq, positions: inputs.positions, tokens: n, heads: s.heads)
            rope.backward(dk, positions: inputs.positions, tokens: n, heads: s.kvHeads)
        }
        // The projections' input: LN1(x) for pre-LN (gradient via dNorm), x itself for post-LN.
        let norm1Trainable = [layer.attentionNorm.weight, layer.attentionNorm.bias].contains { $0.flatMap { weights.gradient($0) } != nil }
        let dAttnIn: UnsafeMutablePointer<Float>?
        if layer.preNorm {
            dAttnIn = needInputGradient || norm1Trainable ? a.dNorm : nil
            dAttnIn?.update(repeating: 0, count: n * d)
        } else {
            dAttnIn = g
        }
        switch s.projections {
        case let .fused(qkv):
            linearBackward(qkv, dy: a.dQKV, x: l.norm1, dx: dAttnIn, rows: n)
        case let .separate(q, k, v):
            linearBackward(q, dy: dq, x: l.norm1, dx: dAttnIn, rows: n)
            linearBackward(k, dy: dk, x: l.norm1, dx: dAttnIn, rows: n)
            linearBackward(v, dy: dv, x: l.norm1, dx: dAttnIn, rows: n)
        }
        if layer.preNorm, dAttnIn != nil {
            normBackward(layer.attentionNorm, dout: a.dNorm, x: x, mean: l.mean1, rstd: l.rstd1, dx: g, rows: n)
        }
    }

    /// ∂L/∂(sublayer output) from ∂L/∂(residual sum): `g` itself, or a masked copy in
    /// `dBranch` when residual dropout is on.
    private func branchGradient(_ g: UnsafeMutablePointer<Float>, _ a: DecoderActivations, site: Int) throws -> UnsafeMutablePointer<Float> {
        guard let drop = try dropout(a, site: site, rate: spec.dropout.residual) else { return g }
        let count = a.tokens * spec.hiddenSize
        a.dBranch.update(from: g, count: count)
        Dropout.apply(a.dBranch, count: count, spec: drop)
        return a.dBranch
    }

    func linearBackward(_ l: LinearSpec, dy: UnsafePointer<Float>, x: UnsafePointer<Float>,
                        dx: UnsafeMutablePointer<Float>?, rows n: Int) {
        let w = weights.get(l.weight)
        let dw = weights.gradient(l.weight), db = l.bias.flatMap { weights.gradient($0) }
        if l.conv1D {
            Conv1D.backward(dx: dx, dw: dw, db: db, dy: dy, x: x, w: w, rows: n, inFeatures: l.inDim, outFeatures: l.outDim)
        } else {
            Linear.backward(dx: dx, dw: dw, db: db, dy: dy, x: x, w: w, rows: n, inFeatures: l.inDim, outFeatures: l.outDim)
        }
        adapters[l.module]?.backward(dy: dy, x: x, dx: dx, rows: n)
    }

    func normBackward(_ s: NormSpec, dout: UnsafePointer<Float>, x: UnsafePointer<Float>,
                      mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, rows n: Int) {
        let dw = s.weight.flatMap { weights.gradient($0) }, db = s.bias.flatMap { weights.gradient($0) }
        ones.withUnsafeBufferPointer { one in
            let w = s.weight.map { weights.get($0) } ?? one.baseAddress!
            switch s.kind {
            case .layerNorm:
                LayerNorm.backward(dx: dx, dw: dw, db: db, dout: dout, x: x, mean: mean, rstd: rstd, w: w, rows: n, dim: s.dim)
            case .rmsNorm:
                RMSNorm.backward(dx: dx, dw: dw, dout: dout, x: x, rstd: rstd, w: w, rows: n, dim: s.dim)
            }
        }
    }
}
