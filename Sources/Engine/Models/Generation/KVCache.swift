import Foundation

/// Incremental decoding: each layer's keys (after RoPE) and values for every column seen so
/// far, so a generation step runs the model over the new tokens only (the prompt once, then
/// one token per row). Inference only (eval mode: no dropout).
///
/// Layout per layer: keys and values (rows, capacity, kvHeads·headDim); `keyMask` (rows,
/// capacity) is the attention mask of the cached columns.
final class KVCache {
    let model: CausalLM
    let rows: Int, capacity: Int
    private(set) var length = 0
    private var keys: [UnsafeMutablePointer<Float>] = []
    private var values: [UnsafeMutablePointer<Float>] = []
    private var keyMask: [Int32]

    init(model: CausalLM, rows: Int, capacity: Int) throws {
        self.model = model
        self.rows = rows
        self.capacity = capacity
        let spec = model.decoder.spec
        if let pos = spec.positionEmbedding, capacity > pos.count - pos.offset {
            throw KernelError("generate: prompt plus max_new_tokens (\(capacity)) exceeds the model's \(pos.count - pos.offset) positions (max_position_embeddings)")
        }
        for layer in spec.layers {
            let kv = layer.attention.kvHeads * layer.attention.headDim
            keys.append(.allocate(capacity: rows * capacity * kv))
            values.append(.allocate(capacity: rows * capacity * kv))
        }
        keyMask = [Int32](repeating: 0, count: rows * capacity)
    }

    deinit {
        keys.forEach { $0.deallocate() }
        values.forEach { $0.deallocate() }
    }

    /// Runs `tokens` (rows × m new columns, mask alike) through the model, appending to the
    /// cache; `fullMask` is every column's mask so far (for HF's positions). Returns the last
    /// new column's logits (rows × vocab).
    func step(tokens: [[Int]], mask: [[Int]], fullMask: [[Int]]) throws -> [Float] {
        let decoder = model.decoder, spec = decoder.spec
        let m = tokens.first?.count ?? 0
        guard m > 0, length + m <= capacity else { throw KernelError("generate: KV cache capacity \(capacity) exceeded") }
        let n = rows * m, d = spec.hiddenSize, e = spec.embeddingDim
        let buffers = Buffers()
        let ids = buffers.ints(n), positions = buffers.ints(n)
        for r in 0..<rows {
            var count: Int32 = 0
            for c in 0..<(length + m) {
                let on = fullMask[r][c] != 0
                if on { count += 1 }
                if c >= length {
                    let i = r * m + c - length
                    ids[i] = Int32(truncatingIfNeeded: tokens[r][c - length])
                    // transformers' generate: cumsum(mask) - 1, and 1 at padding.
                    positions[i] = on ? count - 1 : 1
                    keyMask[r * capacity + c] = mask[r][c - length] == 0 ? 0 : 1
                }
            }
        }
        let weights = decoder.weights
        weights.reset()
        let embedded = buffers.floats(n * e)
        var x = spec.projectIn == nil ? embedded : buffers.floats(n * d)
        try Embedding.forward(out: embedded, ids: ids, table: weights.get(spec.tokenEmbedding), count: n, rows: spec.vocabSize, dim: e)
        if let p = spec.projectIn { decoder.linearForward(p, x: embedded, y: x, rows: n) }
        if let pos = spec.positionEmbedding {
            try Embedding.forward(out: x, ids: positions, table: weights.get(pos.name), count: n, rows: pos.count, dim: d,
                                  offset: pos.offset, accumulate: true)
        }
        let mean = buffers.floats(n), rstd = buffers.floats(n)
        let normed = buffers.floats(n * d), branch = buffers.floats(n * d), sum = buffers.floats(n * d)
        for (i, layer) in spec.layers.enumerated() {
            weights.reset()
            let a = layer.attention
            let qd = a.heads * a.headDim, kd = a.kvHeads * a.headDim
            let attnIn: UnsafeMutablePointer<Float> = layer.preNorm ? normed : x
            if layer.preNorm { decoder.normForward(layer.attentionNorm, x: x, out: normed, mean: mean, rstd: rstd, rows: n) }
            let q = buffers.floats(n * qd), k = buffers.floats(n * kd), v = buffers.floats(n * kd)
            switch a.projections {
            case let .fused(l):
                let fused = buffers.floats(n * (qd + 2 * kd))
                decoder.linearForward(l, x: attnIn, y: fused, rows: n)
                QKV.split(fused, q: q, k: k, v: v, rows: n, q: qd, kv: kd)
            case let .separate(lq, lk, lv):
                decoder.linearForward(lq, x: attnIn, y: q, rows: n)
                decoder.linearForward(lk, x: attnIn, y: k, rows: n)
                decoder.linearForward(lv, x: attnIn, y: v, rows: n)
            }
            if let rope = decoder.ropes[i] {
                rope.forward(q, positions: positions, tokens: n, heads: a.heads)
                rope.forward(k, positions: positions, tokens: n, heads: a.kvHeads)
            }
            for r in 0..<rows {
                (keys[i] + (r * capacity + length) * kd).update(from: k + r * m * kd, count: m * kd)
                (values[i] + (r * capacity + length) * kd).update(from: v + r * m * kd, count: m * kd)
            }
            let attn = buffers.floats(n * qd)
            attend(layer: i, a, q: q, out: attn, newColumns: m)
            decoder.linearForward(a.output, x: attn, y: branch, rows: n)
            Residual.add(out: sum, a: x, b: branch, count: n * d)
            let mlpIn: UnsafeMutablePointer<Float>
            if layer.preNorm {
                decoder.normForward(layer.mlpNorm, x: sum, out: normed, mean: mean, rstd: rstd, rows: n)
                mlpIn = normed
            } else {
                decoder.normForward(layer.attentionNorm, x: sum, out: normed, mean: mean, rstd: rstd, rows: n)
                mlpIn = normed
            }
            let f = DecoderActivations.mlpWidth(layer.mlp)
            let h = buffers.floats(n * f), act = buffers.floats(n * f)
            switch layer.mlp.kind {
            case let .standard(fc1, fc2, _):
                decoder.linearForward(fc1, x: mlpIn, y: h, rows: n)
                decoder.activations[i]?.forward(y: act, x: h, count: n * f)
                decoder.linearForward(fc2, x: act, y: branch, rows: n)
            case let .gated(gate, up, down):
                let u = buffers.floats(n * f)
                decoder.linearForward(gate, x: mlpIn, y: h, rows: n)
                decoder.linearForward(up, x: mlpIn, y: u, rows: n)
                SwiGLU.forward(y: act, gate: h, up: u, count: n * f)
                decoder.linearForward(down, x: act, y: branch, rows: n)
            }
            let out = buffers.floats(n * d)
            if layer.preNorm {
                Residual.add(out: out, a: sum, b: branch, count: n * d)
            } else {
                Residual.add(out: sum, a: normed, b: branch, count: n * d)
                decoder.normForward(layer.mlpNorm, x: sum, out: out, mean: mean, rstd: rstd, rows: n)
            }
            x = out
        }
        length += m
        weights.reset()
        // Only each row's last column reaches the head.
        let last = buffers.floats(rows * d)
        for r in 0..<rows { (last + r * d).update(from: x + (r * m + m - 1) * d, count: d) }
        var head = last
        if let norm = spec.finalNorm {
            head = buffers.floats(rows * d)
            decoder.normForward(norm, x: last, out: head, mean: mean, rstd: rstd, rows: rows)
        }
        if let p = spec.projectOut {
            let projected = buffers.floats(rows * e)
            decoder.linearForward(p, x: head, y: projected, rows: rows)
            head = projected
        }
        var logits = [Float](repeating: 0, count: rows * spec.vocabSize)
        let w = weights.get(spec.lmHead)
        logits.withUnsafeMutableBufferPointer { o in
            LMHead.logits(out: o.baseAddress!, hidden: head, weight: w, rows: rows, dim: e, vocab: spec.vocabSize)
        }
        return logits
    }

    /// Softmax attention of the new queries (rows × m) over the cached columns, causal, key
    /// padding and GPT-Neo's window applied. A query with no allowed key (a left-padding
    /// position) averages all its visible columns; its output is never used.
    private func attend(layer i: Int, _ a: AttentionSpec, q: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, newColumns m: Int) {
        let hd = a.headDim, qd = a.heads * hd, kd = a.kvHeads * hd, group = a.heads / a.kvHeads
        let keys = self.keys[i], values = self.values[i]
        let total = length + m
        var scores = [Float](repeating: 0, count: total)
        for r in 0..<rows {
            for t in 0..<m {
                let col = length + t
                for h in 0..<a.heads {
                    let qh = q + (r * m + t) * qd + h * hd
                    let kvh = h / group
                    var mx = -Float.infinity
                    for j in 0...col {
                        var allowed = keyMask[r * capacity + j] != 0
                        if let w = a.window, col - j >= w { allowed = false }
                        if allowed {
                            let kj = keys + (r * capacity + j) * kd + kvh * hd
                            var s: Float = 0
                            for c in 0..<hd { s += qh[c] * kj[c] }
                            scores[j] = s * a.scale
                            mx = max(mx, scores[j])
                        } else {
                            scores[j] = -.infinity
                        }
                    }
                    var norm: Float = 0
                    for j in 0...col {
                        scores[j] = mx == -.infinity ? 1 : Foundation.exp(scores[j] - mx)
                        norm += scores[j]
                    }
                    let o = out + (r * m + t) * qd + h * hd
                    for c in 0..<hd { o[c] = 0 }
                    for j in 0...col where scores[j] > 0 {
                        let p = scores[j] / norm
                        let vj = values + (r * capacity + j) * kd + kvh * hd
                        for c in 0..<hd { o[c] += p * vj[c] }
                    }
                }
            }
        }
    }

    /// Per-step temporary buffers, freed together.
    private final class Buffers {
        private var floatsAllocated: [UnsafeMutablePointer<Float>] = []
        private var intsAllocated: [UnsafeMutablePointer<Int32>] = []
        func floats(_ count: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            floatsAllocated.append(p)
            return p
        }
        func ints(_ count: Int) -> UnsafeMutablePointer<Int32> {
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            intsAllocated.append(p)
            return p
        }
        deinit {
            floatsAllocated.forEach { $0.deallocate() }
            intsAllocated.forEach { $0.deallocate() }
        }
    }
}

/// GPT-2's fused `c_attn` output rows are q | k | v; generation copies them apart for the cache
/// (training reads them in place through `Attention.Shape`'s strides).
private enum QKV {
    static func split(_ fused: UnsafePointer<Float>, q: UnsafeMutablePointer<Float>, k: UnsafeMutablePointer<Float>,
                      v: UnsafeMutablePointer<Float>, rows n: Int, q qd: Int, kv kd: Int) {
        let w = qd + 2 * kd
        Parallel.forEachChunk(n, minChunk: 64) { _, range in
            for r in range {
                let src = fused + r * w
                (q + r * qd).update(from: src, count: qd)
                (k + r * kd).update(from: src + qd, count: kd)
                (v + r * kd).update(from: src + qd + kd, count: kd)
            }
        }
    }
}
