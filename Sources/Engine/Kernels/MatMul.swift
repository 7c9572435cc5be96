import CBLAS

/// Matrix products. Every product in the engine goes through `cblas_sgemm`;
/// `matmulReference` is the naive triple loop that tests hold the fast path to.
public enum MatMul {
    /// C (m, n) = alpha * op(A) (m, k) · op(B) (k, n) + beta * C, all row-major.
    /// `transA`/`transB` say whether A is stored (k, m) / B is stored (n, k).
    @inlinable
    public static func sgemm(
        transA: Bool = false, transB: Bool = false,
        m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
        beta: Float = 0, c: UnsafeMutablePointer<Float>
    ) {
        let lda = transA ? m : k
        let ldb = transB ? k : n
        cblas_sgemm(CblasRowMajor,
                    transA ? CblasTrans : CblasNoTrans,
                    transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(n))
    }

    /// The naive reference for `sgemm` (same arguments, same layout), accumulating in Double.
    public static func sgemmReference(
        transA: Bool = false, transB: Bool = false,
        m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
        beta: Float = 0, c: UnsafeMutablePointer<Float>
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    let av = transA ? a[p * m + i] : a[i * k + p]
                    let bv = transB ? b[j * k + p] : b[p * n + j]
                    sum += Double(av) * Double(bv)
                }
                let prior = beta == 0 ? 0 : Double(beta) * Double(c[i * n + j])
                c[i * n + j] = Float(Double(alpha) * sum + prior)
            }
        }
    }

    /// `sgemm` with explicit leading dimensions (row strides), for products on strided views such
    /// as one head of a (B, T, H, D) tensor: element (i, j) of a stored matrix is `p[i * ld + j]`.
    @inlinable
    public static func sgemm(
        transA: Bool = false, transB: Bool = false,
        m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(CblasRowMajor,
                    transA ? CblasTrans : CblasNoTrans,
                    transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
