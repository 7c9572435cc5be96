/// Softmax self-attention for training, with every mask the supported model families use.
///
/// Layout: q (B, T, H, D), k and v (B, T, Hkv, D), out (B, T, H, D) — exactly the row-major
/// outputs of the q/k/v projections and the input of the output projection, so no transposes.
/// Grouped-query attention: query head h reads kv head h / (H / Hkv).
///
/// Forward saves the probabilities P (B, H, T, T) (before attention dropout); masked entries
/// are exactly 0. A query with no allowed key (a padding query) gets a uniform distribution
/// over all T keys, as HF's additive `finfo.min` masks produce, so its (ignored) output matches
/// HF's and nothing is NaN. Backward ACCUMULATES (+=) into dq, dk, dv.
///
/// Every product goes to `sgemm` on strided per-head views; causal rows are processed in
/// blocks of `blockRows` so the upper triangle costs nothing. Parallelism: our own loop over
/// heads with single-threaded BLAS inside (faster than threaded BLAS on these small products).
public enum Attention {
    public struct Shape: Sendable, Equatable {
        public var batch: Int, seqLen: Int, heads: Int, kvHeads: Int, headDim: Int
        public init(batch: Int, seqLen: Int, heads: Int, kvHeads: Int? = nil, headDim: Int) throws {
            let kv = kvHeads ?? heads
            guard batch > 0, seqLen > 0, heads > 0, headDim > 0, kv > 0, heads % kv == 0 else {
                throw KernelError("attention shape: batch \(batch), seqLen \(seqLen), heads \(heads), kvHeads \(kv), headDim \(headDim) — all must be positive and heads a multiple of kvHeads")
            }
            self.batch = batch; self.seqLen = seqLen; self.heads = heads; self.kvHeads = kv; self.headDim = headDim
        }
        var group: Int { heads / kvHeads }
        var qRow: Int { heads * headDim }
        var kvRow: Int { kvHeads * headDim }
    }

    /// Which keys each query may attend to: the intersection of every mask that is set.
    public struct Mask {
        /// Query i attends to keys j ≤ i.
        public var causal: Bool
        /// (B, T) HF `attention_mask`: 0 marks a padding key that nobody attends to.
        public var keyPadding: UnsafePointer<Int32>?
        /// (B, T) document id per position for packed sequences: attend within the same id only.
        public var documentIds: UnsafePointer<Int32>?
        /// GPT-Neo local attention: query i attends to keys with i - j < window.
        public var window: Int?

        public init(causal: Bool = true, keyPadding: UnsafePointer<Int32>? = nil,
                    documentIds: UnsafePointer<Int32>? = nil, window: Int? = nil) {
            self.causal = causal; self.keyPadding = keyPadding; self.documentIds = documentIds; self.window = window
        }

        /// The range of keys query i may see before the per-element (padding/document) masks.
        @inlinable func keyBounds(query i: Int, seqLen t: Int) -> Range<Int> {
            let lo = window.map { max(0, i - $0 + 1) } ?? 0
            let hi = causal ? i + 1 : t
            return lo..<max(lo, hi)
        }

        @inlinable var hasElementMasks: Bool { keyPadding != nil || documentIds != nil }

        /// The padding/document part of the mask for (batch b, query i, key j).
        @inlinable func elementAllowed(batch b: Int, query i: Int, key j: Int, seqLen t: Int) -> Bool {
            if let keyPadding, keyPadding[b * t + j] == 0 { return false }
            if let documentIds, documentIds[b * t + j] != documentIds[b * t + i] { return false }
            return true
        }

        func allowed(batch b: Int, query i: Int, key j: Int, seqLen t: Int) -> Bool {
            keyBounds(query: i, seqLen: t).contains(j) && elementAllowed(batch: b, query: i, key: j, seqLen: t)
        }

        func rowHasKey(batch b: Int, query i: Int, seqLen t: Int) -> Bool {
            let r = keyBounds(query: i, seqLen: t)
            if !hasElementMasks { return !r.isEmpty }
            for j in r where elementAllowed(batch: b, query: i, key: j, seqLen: t) { return true }
            return false
        }
    }

    /// Rows per causal block: small enough to skip most of the upper triangle, large enough
    /// for efficient sgemm calls.
    public static let blockRows = 64

    /// Floats of scratch `backward` (and `forward` with dropout) needs.
    public static func scratchCount(_ s: Shape) -> Int {
        Parallel.threadCount * 2 * s.seqLen * s.seqLen
    }

    /// The key range a block of query rows needs: the union of its rows' bounds, or all keys
    /// if some row has no allowed key (it becomes uniform over all T).
    static func blockKeys(_ rows: Range<Int>, batch b: Int, shape s: Shape, mask: Mask) -> Range<Int> {
        let t = s.seqLen
        var lo = t, hi = 0
        for i in rows {
            if !mask.rowHasKey(batch: b, query: i, seqLen: t) { return 0..<t }
            let r = mask.keyBounds(query: i, seqLen: t)
            lo = min(lo, r.lowerBound); hi = max(hi, r.upperBound)
        }
        return lo..<hi
    }

    static func rowBlocks(_ s: Shape, mask: Mask) -> [Range<Int>] {
        let t = s.seqLen
        let step = mask.causal || mask.window != nil ? blockRows : t
        return stride(from: 0, to: t, by: step).map { $0..<min(t, $0 + step) }
    }

    /// out (B, T, H, D) = softmax(scale · q kᵀ + mask) v;  probs (B, H, T, T) saved.
    /// `scratch` (scratchCount floats) is needed only with `dropout`.
    public static func forward(
        out: UnsafeMutablePointer<Float>, probs: UnsafeMutablePointer<Float>,
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        shape s: Shape, mask: Mask, scale: Float,
        dropout: DropoutSpec? = nil, scratch: UnsafeMutablePointer<Float>? = nil
    ) throws {
        if dropout != nil && scratch == nil { throw KernelError("Attention.forward: attention dropout needs a scratch buffer of Attention.scratchCount(shape) floats") }
        let t = s.seqLen, d = s.headDim
        let blocks = rowBlocks(s, mask: mask)
        let pairs = s.batch * s.heads
        Parallel.withSingleThreadedBLAS {
            Parallel.forEachChunk(pairs) { worker, range in
                let pd = scratch.map { $0 + worker * 2 * t * t }
                for pair in range {
                    let b = pair / s.heads, h = pair % s.heads, kvh = h / s.group
                    let qh = q + b * t * s.qRow + h * d
                    let kh = k + b * t * s.kvRow + kvh * d
                    let vh = v + b * t * s.kvRow + kvh * d
                    let oh = out + b * t * s.qRow + h * d
                    let p = probs + pair * t * t
                    for rows in blocks {
                        let keys = blockKeys(rows, batch: b, shape: s, mask: mask)
                        let pb = p + rows.lowerBound * t
                        MatMul.sgemm(transB: true, m: rows.count, n: keys.count, k: d, alpha: scale,
                                     a: qh + rows.lowerBound * s.qRow, lda: s.qRow,
                                     b: kh + keys.lowerBound * s.kvRow, ldb: s.kvRow,
                                     c: pb + keys.lowerBound, ldc: t)
                        for i in rows { softmaxRow(p + i * t, batch: b, query: i, keys: keys, shape: s, mask: mask) }
                        var pv = UnsafePointer(pb)
                        if let dropout, let pd {
                            let dst = pd + rows.lowerBound * t
                            dst.update(from: pb, count: rows.count * t)
                            for i in rows { dropout.apply(pd + i * t + keys.lowerBound, first: (pair * t + i) * t + keys.lowerBound, count: keys.count) }
                            pv = UnsafePointer(dst)
                        }
                        MatMul.sgemm(m: rows.count, n: d, k: keys.count,
                                     a: pv + keys.lowerBound, lda: t,
                                     b: vh + keys.lowerBound * s.kvRow, ldb: s.kvRow,
                                     c: oh + rows.lowerBound * s.qRow, ldc: s.qRow)
                    }
                }
            }
        }
    }

    /// Masked softmax of one row in place over `keys` (the block's computed columns); every
    /// other entry of the row is set to 0.
    @inlinable
    static func softmaxRow(_ row: UnsafeMutablePointer<Float>, batch b: Int, query i: Int, keys: Range<Int>, shape s: Shape, mask: Mask) {
        let t = s.seqLen
        let bounds = mask.keyBounds(query: i, seqLen: t).clamped(to: keys)
        var any = false
        for j in keys where !bounds.contains(j) { row[j] = -.infinity }
        if mask.hasElementMasks {
            for j in bounds {
                if mask.elementAllowed(batch: b, query: i, key: j, seqLen: t) { any = true } else { row[j] = -.infinity }
            }
        } else {
            any = !bounds.isEmpty
        }
        if !any {
            // No key allowed: HF's finfo.min mask makes every logit equal → uniform over all T.
            for j in 0..<t { row[j] = 1 / Float(t) }
            return
        }
        let r = row + keys.lowerBound
        let n = keys.count
        let w = VectorMath.width
        var mx = -Float.infinity
        for j in 0..<n { mx = max(mx, r[j]) }
        var acc = VectorMath.V()
        var j = 0
        while j + w <= n {
            let e = VectorMath.exp(VectorMath.load(r + j) - mx)
            VectorMath.store(e, r + j); acc += e; j += w
        }
        if j < n {
            let e = VectorMath.exp(VectorMath.loadPartial(r + j, n - j) - mx)
                .replacing(with: 0, where: SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .>= SIMD8<Int32>(repeating: Int32(n - j)))
            VectorMath.storePartial(e, r + j, n - j); acc += e
        }
        let inv = 1 / acc.sum()
        j = 0
        while j + w <= n { VectorMath.store(VectorMath.load(r + j) * inv, r + j); j += w }
        while j < n { r[j] *= inv; j += 1 }
        for j in 0..<keys.lowerBound { row[j] = 0 }
        for j in keys.upperBound..<t { row[j] = 0 }
    }

    /// dq (B, T, H, D) += ∂L/∂q;  dk, dv (B, T, Hkv, D) += ∂L/∂k, ∂L/∂v — from dout (B, T, H, D)
    /// and the saved probs. `scratch` holds `scratchCount(shape)` floats.
    public static func backward(
        dq: UnsafeMutablePointer<Float>, dk: UnsafeMutablePointer<Float>, dv: UnsafeMutablePointer<Float>,
        dout: UnsafePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        probs: UnsafePointer<Float>, shape s: Shape, mask: Mask, scale: Float,
        dropout: DropoutSpec? = nil, scratch: UnsafeMutablePointer<Float>
    ) {
        let t = s.seqLen, d = s.headDim
        let blocks = rowBlocks(s, mask: mask)
        Parallel.withSingleThreadedBLAS {
            Parallel.forEachChunk(s.batch * s.kvHeads) { worker, range in
                let pd = scratch + worker * 2 * t * t   // dropped-out probs (T, T)
                let ds = pd + t * t                     // dP then dS (T, T)
                for pairKV in range {
                    let b = pairKV / s.kvHeads, kvh = pairKV % s.kvHeads
                    let kh = k + b * t * s.kvRow + kvh * d
                    let vh = v + b * t * s.kvRow + kvh * d
                    let dkh = dk + b * t * s.kvRow + kvh * d
                    let dvh = dv + b * t * s.kvRow + kvh * d
                    for h in (kvh * s.group)..<((kvh + 1) * s.group) {
                        let pair = b * s.heads + h
                        let p = probs + pair * t * t
                        let qh = q + b * t * s.qRow + h * d
                        let doh = dout + b * t * s.qRow + h * d
                        let dqh = dq + b * t * s.qRow + h * d
                        for rows in blocks {
                            let keys = blockKeys(rows, batch: b, shape: s, mask: mask)
                            let r0 = rows.lowerBound, k0 = keys.lowerBound
                            var pv = p + r0 * t
                            if let dropout {
                                for i in rows {
                                    (pd + i * t + k0).update(from: p + i * t + k0, count: keys.count)
                                    dropout.apply(pd + i * t + k0, first: (pair * t + i) * t + k0, count: keys.count)
                                }
                                pv = UnsafePointer(pd + r0 * t)
                            }
                            // dv[keys] += P'ᵀ dout[rows]
                            MatMul.sgemm(transA: true, m: keys.count, n: d, k: rows.count,
                                         a: pv + k0, lda: t, b: doh + r0 * s.qRow, ldb: s.qRow,
                                         beta: 1, c: dvh + k0 * s.kvRow, ldc: s.kvRow)
                            // dP' = dout[rows] v[keys]ᵀ
                            MatMul.sgemm(transB: true, m: rows.count, n: keys.count, k: d,
                                         a: doh + r0 * s.qRow, lda: s.qRow, b: vh + k0 * s.kvRow, ldb: s.kvRow,
                                         c: ds + r0 * t + k0, ldc: t)
                            for i in rows {
                                let dsr = ds + i * t + k0
                                if let dropout { dropout.apply(dsr, first: (pair * t + i) * t + k0, count: keys.count) }
                                softmaxBackwardRow(dsr, p + i * t + k0, count: keys.count)
                            }
                            // dq[rows] += scale · dS k[keys];  dk[keys] += scale · dSᵀ q[rows]
                            MatMul.sgemm(m: rows.count, n: d, k: keys.count, alpha: scale,
                                         a: ds + r0 * t + k0, lda: t, b: kh + k0 * s.kvRow, ldb: s.kvRow,
                                         beta: 1, c: dqh + r0 * s.qRow, ldc: s.qRow)
                            MatMul.sgemm(transA: true, m: keys.count, n: d, k: rows.count, alpha: scale,
                                         a: ds + r0 * t + k0, lda: t, b: qh + r0 * s.qRow, ldb: s.qRow,
                                         beta: 1, c: dkh + k0 * s.kvRow, ldc: s.kvRow)
                        }
                    }
                }
            }
        }
    }

    /// dS = P ∘ (dP − Σ_j P_j dP_j), in place over dP.
    @inlinable
    static func softmaxBackwardRow(_ dp: UnsafeMutablePointer<Float>, _ p: UnsafePointer<Float>, count n: Int) {
        let dotv = VectorMath.dot(p, dp, n)
        let w = VectorMath.width
        var j = 0
        while j + w <= n {
            VectorMath.store(VectorMath.load(p + j) * (VectorMath.load(dp + j) - dotv), dp + j)
            j += w
        }
        while j < n { dp[j] = p[j] * (dp[j] - dotv); j += 1 }
    }
}
