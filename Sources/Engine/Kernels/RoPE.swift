import Foundation

/// Rotary position embeddings, Llama's `rotate_half` convention (HF `apply_rotary_pos_emb`):
/// for i < D/2, (x_i, x_{i+D/2}) is rotated by angle pos · θ^(-2i/D). Positions come per token,
/// so they can restart at each packed document. Applied in place, forward and backward
/// (backward rotates the gradient by the opposite angle: a rotation's transpose).
public struct RoPE: Sendable {
    public let headDim: Int
    public let theta: Float
    /// inv_freq (D/2), in float32 as HF computes it: 1 / θ^(2i/D).
    public let invFreq: [Float]
    /// cos and sin tables (maxPositions, D/2), so the hot loop does no transcendental calls.
    let cosTable: [Float], sinTable: [Float]
    public let maxPositions: Int

    /// Default rope (rope_type "default"): inv_freq = 1 / θ^(2i/D). Tables cover positions
    /// 0..<maxPositions (use the config's max_position_embeddings); positions beyond are
    /// computed on the fly.
    public init(headDim: Int, theta: Float, maxPositions: Int = 2048) throws {
        guard headDim > 0, headDim % 2 == 0 else {
            throw KernelError("RoPE: head dimension \(headDim) must be positive and even")
        }
        let inv = (0..<(headDim / 2)).map { i in 1 / Float(Foundation.pow(Double(theta), Double(Float(2 * i) / Float(headDim)))) }
        try self.init(invFreq: inv, theta: theta, maxPositions: maxPositions)
    }

    /// Rope with given inverse frequencies (D/2 of them), for the scaled rope types ("linear",
    /// "llama3", …) whose inv_freq transformers' `modeling_rope_utils` derives from the config.
    public init(invFreq inv: [Float], theta: Float, maxPositions: Int = 2048) throws {
        guard !inv.isEmpty else { throw KernelError("RoPE: inv_freq must not be empty") }
        headDim = 2 * inv.count
        self.theta = theta
        self.maxPositions = max(0, maxPositions)
        let half = inv.count
        invFreq = inv
        var c = [Float](repeating: 0, count: self.maxPositions * half), s = c
        for p in 0..<self.maxPositions {
            for i in 0..<half {
                (c[p * half + i], s[p * half + i]) = RoPE.angle(inv[i], position: p)
            }
        }
        cosTable = c
        sinTable = s
    }

    /// HF: freqs = inv_freq · pos in float32; cos/sin of that float.
    static func angle(_ invFreq: Float, position: Int) -> (Float, Float) {
        let f = Double(invFreq * Float(position))
        return (Float(Foundation.cos(f)), Float(Foundation.sin(f)))
    }

    /// x (N, H, D) rotated in place by each token's position (N); `sign` -1 rotates backwards.
    func rotate(_ x: UnsafeMutablePointer<Float>, positions: UnsafePointer<Int32>, tokens n: Int, heads: Int, sign: Float) {
        let half = headDim / 2, d = headDim
        invFreq.withUnsafeBufferPointer { inv in
            cosTable.withUnsafeBufferPointer { ct in
                sinTable.withUnsafeBufferPointer { st in
                    Parallel.forEachChunk(n, minChunk: 16) { _, range in
                        var cosv = [Float](repeating: 0, count: half), sinv = cosv
                        for tkn in range {
                            let pos = Int(positions[tkn])
                            for i in 0..<half {
                                let (c, s) = pos >= 0 && pos < maxPositions
                                    ? (ct[pos * half + i], st[pos * half + i]) : RoPE.angle(inv[i], position: pos)
                                cosv[i] = c
                                sinv[i] = sign * s
                            }
                            for h in 0..<heads {
                                let row = x + (tkn * heads + h) * d
                                for i in 0..<half {
                                    let a = row[i], b = row[i + half]
                                    row[i] = a * cosv[i] - b * sinv[i]
                                    row[i + half] = b * cosv[i] + a * sinv[i]
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// x (N, H, D) ← rope(x) in place, N tokens with positions (N).
    public func forward(_ x: UnsafeMutablePointer<Float>, positions: UnsafePointer<Int32>, tokens n: Int, heads: Int) {
        rotate(x, positions: positions, tokens: n, heads: heads, sign: 1)
    }

    /// dx (N, H, D) ← ropeᵀ(dy) in place: turns ∂L/∂rope(x) into ∂L/∂x.
    public func backward(_ grad: UnsafeMutablePointer<Float>, positions: UnsafePointer<Int32>, tokens n: Int, heads: Int) {
        rotate(grad, positions: positions, tokens: n, heads: heads, sign: -1)
    }

    /// Naive forward in Double on a copy: out = x·cos + rotate_half(x)·sin.
    public func forwardReference(_ x: UnsafeMutablePointer<Float>, positions: UnsafePointer<Int32>, tokens n: Int, heads: Int) {
        let half = headDim / 2
        for tkn in 0..<n {
            for h in 0..<heads {
                let row = x + (tkn * heads + h) * headDim
                let orig = (0..<headDim).map { Double(row[$0]) }
                for c in 0..<headDim {
                    let i = c % half
                    let f = Double(invFreq[i] * Float(positions[tkn]))
                    let rot = c < half ? -orig[c + half] : orig[c - half]
                    row[c] = Float(orig[c] * Foundation.cos(f) + rot * Foundation.sin(f))
                }
            }
        }
    }
}
