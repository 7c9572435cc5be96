/// LayerNorm over the last dimension (torch `nn.LayerNorm`, biased variance, affine), in
/// float32. Forward saves `mean` and `rstd` per row for backward. Backward ACCUMULATES (+=)
/// into `dx`, `dw`, `db`; `dw`/`db` may be nil for a frozen norm.
public enum LayerNorm {
    /// out (N, C) = (x - mean) * rstd * w (C) + b (C);  mean (N), rstd (N) saved
    public static func forward(
        out: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>,
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>,
        rows n: Int, dim c: Int, eps: Float
    ) {
        typealias V = VectorMath.V
        let vw = VectorMath.width
        Parallel.forEachChunk(n, minChunk: 16) { _, range in
            for r in range {
                let xr = x + r * c, yr = out + r * c
                let m = VectorMath.sum(xr, c) / Float(c)
                var acc = V()
                var j = 0
                while j + vw <= c { let d = VectorMath.load(xr + j) - m; acc += d * d; j += vw }
                var v = acc.sum()
                while j < c { let d = xr[j] - m; v += d * d; j += 1 }
                let s = 1 / (v / Float(c) + eps).squareRoot()
                mean[r] = m
                rstd[r] = s
                j = 0
                while j + vw <= c {
                    let nrm = (VectorMath.load(xr + j) - m) * s
                    VectorMath.store(nrm * VectorMath.load(w + j) + VectorMath.load(b + j), yr + j)
                    j += vw
                }
                while j < c { yr[j] = (xr[j] - m) * s * w[j] + b[j]; j += 1 }
            }
        }
    }

    /// dx (N, C) += rstd * (dn - mean(dn) - n * mean(dn * n)), dn = dout * w, n = normalised x;
    /// dw (C) += Σ dout * n; db (C) += Σ dout
    public static func backward(
        dx: UnsafeMutablePointer<Float>, dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
        dout: UnsafePointer<Float>, x: UnsafePointer<Float>,
        mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>, w: UnsafePointer<Float>,
        rows n: Int, dim c: Int
    ) {
        typealias V = VectorMath.V
        let vw = VectorMath.width
        Parallel.forEachChunk(n, minChunk: 16) { _, range in
            for r in range {
                let xr = x + r * c, gr = dout + r * c, dxr = dx + r * c
                let m = mean[r], s = rstd[r]
                var a1 = V(), a2 = V()
                var j = 0
                while j + vw <= c {
                    let nrm = (VectorMath.load(xr + j) - m) * s
                    let dn = VectorMath.load(gr + j) * VectorMath.load(w + j)
                    a1 += dn; a2 += dn * nrm
                    j += vw
                }
                var s1 = a1.sum(), s2 = a2.sum()
                while j < c { let nrm = (xr[j] - m) * s; let dn = gr[j] * w[j]; s1 += dn; s2 += dn * nrm; j += 1 }
                let mdn = s1 / Float(c), mdnn = s2 / Float(c)
                j = 0
                while j + vw <= c {
                    let nrm = (VectorMath.load(xr + j) - m) * s
                    let dn = VectorMath.load(gr + j) * VectorMath.load(w + j)
                    VectorMath.store(VectorMath.load(dxr + j) + (dn - mdn - nrm * mdnn) * s, dxr + j)
                    j += vw
                }
                while j < c {
                    let nrm = (xr[j] - m) * s
                    dxr[j] += (gr[j] * w[j] - mdn - nrm * mdnn) * s
                    j += 1
                }
            }
        }
        if let db { ColumnSum.accumulate(db, dout, rows: n, cols: c) }
        if let dw {
            Parallel.forEachChunk((c + vw - 1) / vw, minChunk: 8) { _, range in
                let c0 = range.lowerBound * vw, c1 = min(c, range.upperBound * vw)
                for r in 0..<n {
                    let xr = x + r * c, gr = dout + r * c
                    let m = mean[r], s = rstd[r]
                    for j in c0..<c1 { dw[j] += gr[j] * ((xr[j] - m) * s) }
                }
            }
        }
    }

    /// Naive forward in Double (two-pass mean/variance).
    public static func forwardReference(
        out: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>,
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>,
        rows n: Int, dim c: Int, eps: Float
    ) {
        for r in 0..<n {
            var m = 0.0
            for j in 0..<c { m += Double(x[r * c + j]) }
            m /= Double(c)
            var v = 0.0
            for j in 0..<c { let d = Double(x[r * c + j]) - m; v += d * d }
            let s = 1 / (v / Double(c) + Double(eps)).squareRoot()
            mean[r] = Float(m); rstd[r] = Float(s)
            for j in 0..<c { out[r * c + j] = Float((Double(x[r * c + j]) - m) * s * Double(w[j]) + Double(b[j])) }
        }
    }

    /// Naive backward in Double with the same accumulate semantics.
    public static func backwardReference(
        dx: UnsafeMutablePointer<Float>, dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
        dout: UnsafePointer<Float>, x: UnsafePointer<Float>,
        mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>, w: UnsafePointer<Float>,
        rows n: Int, dim c: Int
    ) {
        for r in 0..<n {
            let m = Double(mean[r]), s = Double(rstd[r])
            var s1 = 0.0, s2 = 0.0
            for j in 0..<c {
                let nrm = (Double(x[r * c + j]) - m) * s
                let dn = Double(dout[r * c + j]) * Double(w[j])
                s1 += dn; s2 += dn * nrm
            }
            for j in 0..<c {
                let g = Double(dout[r * c + j])
                let nrm = (Double(x[r * c + j]) - m) * s
                dx[r * c + j] += Float((g * Double(w[j]) - s1 / Double(c) - nrm * s2 / Double(c)) * s)
                dw?[j] += Float(g * nrm)
                db?[j] += Float(g)
            }
        }
    }
}
