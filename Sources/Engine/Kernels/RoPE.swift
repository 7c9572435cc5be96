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

    public init(headDim: Int, theta: Float) throws {
        guard headDim > 0, headDim % 2 == 0 else {
            throw KernelError("RoPE: head dimension \(headDim) must be positive and even")
        }
        self.headDim = headDim
        self.theta = theta
        invFreq = (0..<(headDim / 2)).map { i in 1 / Float(Foundation.pow(Double(theta), Double(Float(2 * i) / Float(headDim)))) }
    }

    /// x (N, H, D) rotated in place by each token's position (N); `sign` -1 rotates backwards.
    func rotate(_ x: UnsafeMutablePointer<Float>, positions: UnsafePointer<Int32>, tokens n: Int, heads: Int, sign: Float) {
        let half = headDim / 2, d = headDim
        invFreq.withUnsafeBufferPointer { inv in
            Parallel.forEachChunk(n, minChunk: 16) { _, range in
                var cosv = [Float](repeating: 0, count: half), sinv = cosv
                for tkn in range {
                    let pos = Float(positions[tkn])
                    for i in 0..<half {
                        // HF: freqs = inv_freq · pos in float32; cos/sin of that float.
                        let f = Double(inv[i] * pos)
                        cosv[i] = Float(Foundation.cos(f))
                        sinv[i] = sign * Float(Foundation.sin(f))
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
