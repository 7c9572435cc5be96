import Foundation

/// Attention for generation over a key/value cache (forward only): the Tq new queries are the
/// last Tq of the Tk cached positions, so query i sits at absolute position Tk − Tq + i.
/// Same masking semantics as training `Attention` (causal by absolute position, padding,
/// local window, fully-masked rows per `FullyMaskedRows`); no document masks or dropout.
extension Attention {
    public struct Cache {
        /// (B, capacity, Hkv, D) cached keys and values; positions 0..<Tk are valid.
        public var k: UnsafePointer<Float>, v: UnsafePointer<Float>
        public var capacity: Int
        public init(k: UnsafePointer<Float>, v: UnsafePointer<Float>, capacity: Int) {
            self.k = k; self.v = v; self.capacity = capacity
        }
    }

    /// Floats of scratch `inference` needs for Tq queries over Tk keys.
    public static func inferenceScratchCount(queries tq: Int, keys tk: Int) -> Int {
        Parallel.threadCount * tq * tk
    }

    /// out (B, Tq, H, D) = softmax(scale · q kᵀ + mask) v over the cache's first Tk positions.
    /// `keyPadding` is (B, capacity), 0 marking padding; `shape.seqLen` is unused (pass Tq).
    public static func inference(
        out: UnsafeMutablePointer<Float>, q: UnsafePointer<Float>, cache: Cache,
        shape s: Shape, queries tq: Int, keys tk: Int, keyPadding: UnsafePointer<Int32>? = nil,
        window: Int? = nil, fullyMaskedRows: Mask.FullyMaskedRows = .zero, scale: Float,
        scratch: UnsafeMutablePointer<Float>
    ) throws {
        guard tq > 0, tk >= tq, tk <= cache.capacity else {
            throw KernelError("Attention.inference: need 0 < queries (\(tq)) ≤ keys (\(tk)) ≤ cache capacity (\(cache.capacity))")
        }
        let d = s.headDim, cap = cache.capacity
        Parallel.forEachChunk(s.batch * s.heads) { worker, range in
            let p = scratch + worker * tq * tk
            for pair in range {
                let b = pair / s.heads, h = pair % s.heads, kvh = h / s.group
                let qh = q + b * tq * s.qRow + h * d
                let kh = cache.k + b * cap * s.kvRow + kvh * d
                let vh = cache.v + b * cap * s.kvRow + kvh * d
                MatMul.sgemm(transB: true, m: tq, n: tk, k: d, alpha: scale, a: qh, lda: s.qRow,
                             b: kh, ldb: s.kvRow, c: p, ldc: tk)
                for i in 0..<tq {
                    let pos = tk - tq + i
                    let lo = window.map { max(0, pos - $0 + 1) } ?? 0
                    let row = p + i * tk
                    var mx = -Float.infinity
                    for j in 0..<tk {
                        let ok = j >= lo && j <= pos && (keyPadding.map { $0[b * cap + j] != 0 } ?? true)
                        if ok { mx = max(mx, row[j]) } else { row[j] = -.infinity }
                    }
                    if mx == -.infinity {
                        row.update(repeating: fullyMaskedRows == .uniform ? 1 / Float(tk) : 0, count: tk)
                        continue
                    }
                    var sum: Float = 0
                    for j in 0..<tk {
                        let e = row[j] == -.infinity ? 0 : Foundation.exp(row[j] - mx)
                        row[j] = e
                        sum += e
                    }
                    let inv = 1 / sum
                    for j in 0..<tk { row[j] *= inv }
                }
                MatMul.sgemm(m: tq, n: d, k: tk, a: p, lda: tk, b: vh, ldb: s.kvRow,
                             c: out + b * tq * s.qRow + h * d, ldc: s.qRow)
            }
        }
    }
}
