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
// - Every matrix product goes through `MatMul.sgemm` (single-threaded OpenBLAS calls, large
//   products split over our workers); the rest is SIMD8 Swift spread over `Parallel.threadCount`
//   fixed chunks. Reductions run in a fixed order: same inputs and thread count ⇒ bit-identical
//   results.
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
import Dispatch

/// Matrix products. Every product in the engine goes through `cblas_sgemm`;
/// `matmulReference` is the naive triple loop that tests hold the fast path to.
///
/// Threading: OpenBLAS always runs single-threaded (see `Parallel`); a product big enough to
/// share is split here into fixed slices of C (rows, or columns when C is wide), one
/// single-threaded `sgemm` per slice on our own workers (GCD's, as `Parallel`'s loops). The
/// slices are fixed, so the same inputs and thread count give bit-identical results (whichever
/// worker computes a slice), and no BLAS thread spins between
/// calls while our elementwise loops need the cores (OpenBLAS's idle threads busy-wait with
/// sched_yield for ~0.1 s after each call: 11% of a training step's CPU time, measured).
public enum MatMul {
    /// Products below this many multiply-adds run on one thread.
    public static let parallelThreshold = 1 << 21

    /// C (m, n) = alpha * op(A) (m, k) · op(B) (k, n) + beta * C, all row-major.
    /// `transA`/`transB` say whether A is stored (k, m) / B is stored (n, k). Large products
    /// are split over `Parallel.threadCount` workers; do not call from inside a parallel loop
    /// (use the explicit-leading-dimension overload there, which never splits).
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
        let threads = Parallel.threadCount
        guard threads > 1, m * n * k >= parallelThreshold, max(m, n) >= 32 * threads else {
            sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                  beta: beta, c: c, ldc: n)
            return
        }
        // Two slices per worker when C is big enough: a worker the machine's other load holds
        // back leaves its second slice to the others (the slices are fixed, so the result is
        // the same whoever computes them). One slice per worker would pack the shared operand half
        // as often (1–13% more GFLOP per CPU-second in isolation) but changes which OpenBLAS
        // kernel sums some slices, so trained numbers move in the last bits.
        let parts = max(m, n) >= 128 * threads ? 2 * threads : threads
        if m >= n {
            // Row slices of C and of op(A).
            DispatchQueue.concurrentPerform(iterations: parts) { i in
                let rows = slice(i, of: parts, count: m)
                guard !rows.isEmpty else { return }
                sgemm(transA: transA, transB: transB, m: rows.count, n: n, k: k, alpha: alpha,
                      a: a + (transA ? rows.lowerBound : rows.lowerBound * lda), lda: lda, b: b, ldb: ldb,
                      beta: beta, c: c + rows.lowerBound * n, ldc: n)
            }
        } else {
            // Column slices of C and of op(B).
            DispatchQueue.concurrentPerform(iterations: parts) { i in
                let cols = slice(i, of: parts, count: n)
                guard !cols.isEmpty else { return }
                sgemm(transA: transA, transB: transB, m: m, n: cols.count, k: k, alpha: alpha, a: a, lda: lda,
                      b: b + (transB ? cols.lowerBound * ldb : cols.lowerBound), ldb: ldb,
                      beta: beta, c: c + cols.lowerBound, ldc: n)
            }
        }
    }

    /// Slice `i` of `count` rows or columns in `parts` fixed parts, boundaries on multiples of 16
    /// (whole register tiles of the sgemm kernels).
    @inlinable
    static func slice(_ i: Int, of parts: Int, count: Int) -> Range<Int> {
        func bound(_ j: Int) -> Int { j == parts ? count : min(count, (j * count / parts + 8) / 16 * 16) }
        return bound(i)..<max(bound(i), bound(i + 1))
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
    /// One single-threaded call: safe inside our parallel loops.
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
