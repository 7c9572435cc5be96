// Engine kernels — the layers the model families are assembled from (llm.c style).
//
// Conventions shared by every kernel in Kernels/:
// - float32 row-major contiguous buffers passed as UnsafePointer/UnsafeMutablePointer plus
//   counts; shapes in the doc comments, e.g. `y (N, out) = x (N, in) · w (out, in)ᵀ + b`.
// - `forward` writes its outputs and saves what `backward` needs (LayerNorm mean/rstd, RMSNorm
//   rstd, attention probabilities); `backward` ACCUMULATES (+=) into every gradient it is
//   given, inputs and parameters alike, so the caller zeroes gradient buffers once per step
//   and branches (residuals, tied embeddings) just add up. Exception: `RoPE` rotates in place
//   both ways. A nil parameter-gradient pointer skips that product (frozen weights).
// - Every matrix product goes through `MatMul.sgemm`; the rest is SIMD8 Swift spread over
//   `Parallel.threadCount` fixed chunks, never while OpenBLAS is using the cores. Reductions run
//   in a fixed order: same inputs and thread count ⇒ bit-identical results.
// - Hot kernels allocate nothing: callers pass scratch sized by `Attention.scratchCount`,
//   `CrossEntropy.scratchCount`.
// - Each fast kernel has a naive `…Reference` beside it that the tests hold it to.
//
// The layers: Linear, Conv1D, Embedding, LayerNorm, RMSNorm, Activation (gelu, gelu_new /
// gelu_pytorch_tanh, relu, silu), SwiGLU, Residual, Attention (+ Mask, Shape), RoPE, Dropout,
// NEFTune, CrossEntropy (chunked fused lm-head loss), LMHead; VectorMath for SIMD exp/erfc/tanh;
// BLASBenchmark. Optimiser and schedules are in Optim/, the RNG in Random/, the parallel-for in
// Parallel/.

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
        Parallel.ensureConfigured()
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
        Parallel.ensureConfigured()
        cblas_sgemm(CblasRowMajor,
                    transA ? CblasTrans : CblasNoTrans,
                    transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
