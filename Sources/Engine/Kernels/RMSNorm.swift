/// RMSNorm (Llama's `LlamaRMSNorm`): y = w * (x * rsqrt(mean(x²) + eps)), computed in float32
/// in HF's operation order. Forward saves `rstd` per row. Backward ACCUMULATES (+=) into `dx`
/// and, when given, `dw`.
public enum RMSNorm {
    /// out (N, C) = w (C) * (x * rstd);  rstd (N) = 1 / sqrt(mean(x²) + eps) saved
    public static func forward(
        out: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>,
        x: UnsafePointer<Float>, w: UnsafePointer<Float>,
        rows n: Int, dim c: Int, eps: Float
    ) {
        let vw = VectorMath.width
        Parallel.forEachChunk(n, minChunk: 16) { _, range in
            for r in range {
                let xr = x + r * c, yr = out + r * c
                let s = 1 / (VectorMath.dot(xr, xr, c) / Float(c) + eps).squareRoot()
                rstd[r] = s
                var j = 0
                while j + vw <= c {
                    VectorMath.store(VectorMath.load(w + j) * (VectorMath.load(xr + j) * s), yr + j)
                    j += vw
                }
                while j < c { yr[j] = w[j] * (xr[j] * s); j += 1 }
            }
        }
    }

    /// dx (N, C) += rstd * (w * dout) - x * rstd³ * mean(x * w * dout);  dw (C) += Σ dout * x * rstd
    public static func backward(
        dx: UnsafeMutablePointer<Float>, dw: UnsafeMutablePointer<Float>?,
        dout: UnsafePointer<Float>, x: UnsafePointer<Float>, rstd: UnsafePointer<Float>, w: UnsafePointer<Float>,
        rows n: Int, dim c: Int
    ) {
        typealias V = VectorMath.V
        let vw = VectorMath.width
        Parallel.forEachChunk(n, minChunk: 16) { _, range in
            for r in range {
                let xr = x + r * c, gr = dout + r * c, dxr = dx + r * c
                let s = rstd[r]
                var acc = V()
                var j = 0
                while j + vw <= c {
                    acc += VectorMath.load(xr + j) * VectorMath.load(w + j) * VectorMath.load(gr + j)
                    j += vw
                }
                var dotv = acc.sum()
                while j < c { dotv += xr[j] * w[j] * gr[j]; j += 1 }
                let k = s * s * s * dotv / Float(c)
                j = 0
                while j + vw <= c {
                    let g = VectorMath.load(w + j) * VectorMath.load(gr + j) * s - VectorMath.load(xr + j) * k
                    VectorMath.store(VectorMath.load(dxr + j) + g, dxr + j)
                    j += vw
                }
                while j < c { dxr[j] += w[j] * gr[j] * s - xr[j] * k; j += 1 }
            }
        }
        if let dw {
            Parallel.forEachChunk((c + vw - 1) / vw, minChunk: 8) { _, range in
                let c0 = range.lowerBound * vw, c1 = min(c, range.upperBound * vw)
                for r in 0..<n {
                    let xr = x + r * c, gr = dout + r * c
                    let s = rstd[r]
                    for j in c0..<c1 { dw[j] += gr[j] * (xr[j] * s) }
                }
            }
        }
    }

    /// Naive forward in Double.
    public static func forwardReference(
        out: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>,
        x: UnsafePointer<Float>, w: UnsafePointer<Float>,
        rows n: Int, dim c: Int, eps: Float
    ) {
        for r in 0..<n {
            var ss = 0.0
            for j in 0..<c { ss += Double(x[r * c + j]) * Double(x[r * c + j]) }
            let s = 1 / (ss / Double(c) + Double(eps)).squareRoot()
            rstd[r] = Float(s)
            for j in 0..<c { out[r * c + j] = Float(Double(w[j]) * Double(x[r * c + j]) * s) }
        }
    }

    /// Naive backward in Double with the same accumulate semantics.
    public static func backwardReference(
        dx: UnsafeMutablePointer<Float>, dw: UnsafeMutablePointer<Float>?,
        dout: UnsafePointer<Float>, x: UnsafePointer<Float>, rstd: UnsafePointer<Float>, w: UnsafePointer<Float>,
        rows n: Int, dim c: Int
    ) {
        for r in 0..<n {
            let s = Double(rstd[r])
            var d = 0.0
            for j in 0..<c { d += Double(x[r * c + j]) * Double(w[j]) * Double(dout[r * c + j]) }
            for j in 0..<c {
                let xv = Double(x[r * c + j]), g = Double(dout[r * c + j])
                dx[r * c + j] += Float(Double(w[j]) * g * s - xv * s * s * s * d / Double(c))
                dw?[j] += Float(g * xv * s)
            }
        }
    }
}
