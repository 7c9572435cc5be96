/// Dense layers via `cblas_sgemm`.
///
/// `Linear` is torch's `nn.Linear` (weight stored (out, in)); `Conv1D` is GPT-2's `Conv1D`
/// (weight stored (in, out)). Both: forward writes `y`; backward ACCUMULATES (+=) into every
/// gradient it is given — `dx`, `dw`, `db` — and skips any that is nil, so frozen weights (LoRA)
/// cost no weight-gradient product.
public enum Linear {
    /// y (N, out) = x (N, in) · w (out, in)ᵀ + b (out)
    /// With `accumulate`: y += alpha · x · wᵀ (+ b) — e.g. a LoRA branch adding into the base output.
    public static func forward(
        y: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>,
        w: UnsafePointer<Float>, b: UnsafePointer<Float>?,
        rows n: Int, inFeatures: Int, outFeatures: Int, alpha: Float = 1, accumulate: Bool = false
    ) {
        let beta = fillRows(y, bias: b, rows: n, cols: outFeatures, accumulate: accumulate)
        MatMul.sgemm(transB: true, m: n, n: outFeatures, k: inFeatures, alpha: alpha, a: x, b: w, beta: beta, c: y)
    }

    /// dx (N, in) += alpha · dy (N, out) · w (out, in); dw (out, in) += alpha · dyᵀ · x;
    /// db (out) += Σ_rows dy. (`alpha` is the forward's, e.g. the LoRA scaling.)
    public static func backward(
        dx: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, w: UnsafePointer<Float>,
        rows n: Int, inFeatures: Int, outFeatures: Int, alpha: Float = 1
    ) {
        if let dx {
            MatMul.sgemm(m: n, n: inFeatures, k: outFeatures, alpha: alpha, a: dy, b: w, beta: 1, c: dx)
        }
        if let dw {
            MatMul.sgemm(transA: true, m: outFeatures, n: inFeatures, k: n, alpha: alpha, a: dy, b: x, beta: 1, c: dw)
        }
        if let db { ColumnSum.accumulate(db, dy, rows: n, cols: outFeatures) }
    }

    /// Naive forward, accumulating in Double.
    public static func forwardReference(
        y: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>,
        w: UnsafePointer<Float>, b: UnsafePointer<Float>?,
        rows n: Int, inFeatures: Int, outFeatures: Int
    ) {
        for r in 0..<n {
            for o in 0..<outFeatures {
                var s = Double(b?[o] ?? 0)
                for i in 0..<inFeatures { s += Double(x[r * inFeatures + i]) * Double(w[o * inFeatures + i]) }
                y[r * outFeatures + o] = Float(s)
            }
        }
    }

    /// Naive backward with the same accumulate semantics.
    public static func backwardReference(
        dx: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, w: UnsafePointer<Float>,
        rows n: Int, inFeatures: Int, outFeatures: Int
    ) {
        for r in 0..<n {
            for o in 0..<outFeatures {
                let g = dy[r * outFeatures + o]
                db?[o] += g
                for i in 0..<inFeatures {
                    dx?[r * inFeatures + i] += g * w[o * inFeatures + i]
                    dw?[o * inFeatures + i] += g * x[r * inFeatures + i]
                }
            }
        }
    }

    /// Writes (or, accumulating, adds) the bias into every row of y and returns the sgemm beta.
    static func fillRows(_ y: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>?, rows: Int, cols: Int,
                         accumulate: Bool) -> Float {
        guard let bias else { return accumulate ? 1 : 0 }
        Parallel.forEachChunk(rows, minChunk: 64) { _, range in
            for r in range {
                if accumulate {
                    VectorMath.addInPlace(y + r * cols, bias, count: cols)
                } else {
                    (y + r * cols).update(from: bias, count: cols)
                }
            }
        }
        return 1
    }
}

/// GPT-2's `Conv1D`: a linear layer whose weight is stored transposed, (in, out).
public enum Conv1D {
    /// y (N, out) = x (N, in) · w (in, out) + b (out)
    public static func forward(
        y: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>,
        w: UnsafePointer<Float>, b: UnsafePointer<Float>?,
        rows n: Int, inFeatures: Int, outFeatures: Int
    ) {
        let beta = Linear.fillRows(y, bias: b, rows: n, cols: outFeatures, accumulate: false)
        MatMul.sgemm(m: n, n: outFeatures, k: inFeatures, a: x, b: w, beta: beta, c: y)
    }

    /// dx (N, in) += dy (N, out) · w (in, out)ᵀ; dw (in, out) += xᵀ · dy; db (out) += Σ_rows dy.
    public static func backward(
        dx: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
        dy: UnsafePointer<Float>, x: UnsafePointer<Float>, w: UnsafePointer<Float>,
        rows n: Int, inFeatures: Int, outFeatures: Int
    ) {
        if let dx {
            MatMul.sgemm(transB: true, m: n, n: inFeatures, k: outFeatures, a: dy, b: w, beta: 1, c: dx)
        }
        if let dw {
            MatMul.sgemm(transA: true, m: inFeatures, n: outFeatures, k: n, a: x, b: dy, beta: 1, c: dw)
        }
        if let db { ColumnSum.accumulate(db, dy, rows: n, cols: outFeatures) }
    }
}

/// Column sums of a row-major matrix, parallel over fixed column slices: each slice sums its
/// rows in row order, so the result does not depend on the thread count.
public enum ColumnSum {
    /// out (cols) += Σ_r m (rows, cols)[r, :]
    public static func accumulate(_ out: UnsafeMutablePointer<Float>, _ m: UnsafePointer<Float>, rows: Int, cols: Int) {
        let w = VectorMath.width
        let blocks = (cols + w - 1) / w
        Parallel.forEachChunk(blocks, minChunk: 8) { _, range in
            let c0 = range.lowerBound * w, c1 = min(cols, range.upperBound * w)
            // Rows outer, the slice's columns inner: every row is read as one contiguous run
            // (column-at-a-time walks touched a cache line per row per 8 columns).
            withUnsafeTemporaryAllocation(of: Float.self, capacity: c1 - c0) { acc in
                guard let a = acc.baseAddress else { return }
                a.initialize(repeating: 0, count: c1 - c0)
                for r in 0..<rows {
                    let row = m + r * cols
                    var c = c0
                    while c + w <= c1 {
                        VectorMath.store(VectorMath.load(a + (c - c0)) + VectorMath.load(row + c), a + (c - c0))
                        c += w
                    }
                    while c < c1 { a[c - c0] += row[c]; c += 1 }
                }
                var c = c0
                while c + w <= c1 {
                    VectorMath.store(VectorMath.load(out + c) + VectorMath.load(a + (c - c0)), out + c)
                    c += w
                }
                while c < c1 { out[c] += a[c - c0]; c += 1 }
            }
        }
    }
}
