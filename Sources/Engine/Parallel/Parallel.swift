import CBLAS
import Dispatch
import Foundation

/// Deterministic data parallelism for the engine's non-BLAS kernels.
///
/// Work is split into `threadCount` fixed, equal, contiguous chunks (never work stealing), so a
/// kernel that reduces per chunk and then combines chunks in index order gives bit-identical
/// results run to run. OpenBLAS itself always runs single-threaded: `MatMul.sgemm` splits large
/// products over these same workers, so there is one pool, one level of parallelism at a time,
/// and no BLAS thread spinning while our loops run.
public enum Parallel {
    /// Number of worker threads for engine loops and matrix products: `SFTNB_NUM_THREADS`,
    /// else `OPENBLAS_NUM_THREADS`, else the number of active cores.
    nonisolated(unsafe) public private(set) static var threadCount: Int = {
        openblas_set_num_threads(1)
        return configuredThreadCount(environment: ProcessInfo.processInfo.environment)
    }()

    /// Puts OpenBLAS on one thread before its first use (a no-op after the first call).
    @inlinable
    public static func ensureConfigured() {
        _ = threadCount
    }

    /// The thread count an environment asks for (see `threadCount`); invalid values are ignored.
    public static func configuredThreadCount(environment: [String: String]) -> Int {
        for key in ["SFTNB_NUM_THREADS", "OPENBLAS_NUM_THREADS"] {
            if let text = environment[key], let n = Int(text.trimmingCharacters(in: .whitespaces)), n > 0 {
                return n
            }
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Sets the thread count for engine loops and matrix products (at least 1).
    public static func setThreadCount(_ n: Int) {
        ensureConfigured()
        threadCount = max(1, n)
    }

    /// The fixed partition of `count` items into `chunks` contiguous ranges; chunk `i` is
    /// `[i*count/chunks, (i+1)*count/chunks)`.
    @inlinable
    public static func chunkRange(_ i: Int, of chunks: Int, count: Int) -> Range<Int> {
        (i * count / chunks)..<((i + 1) * count / chunks)
    }

    /// How many chunks `forEachChunk` uses for `count` items with at least `minChunk` per chunk.
    @inlinable
    public static func chunkCount(_ count: Int, minChunk: Int = 1) -> Int {
        max(1, min(threadCount, count / max(1, minChunk)))
    }

    /// Runs `body(chunkIndex, range)` over `count` items split into `chunkCount(count, minChunk:)`
    /// fixed chunks, concurrently. Small jobs (one chunk) run inline on the calling thread.
    @inlinable
    public static func forEachChunk(_ count: Int, minChunk: Int = 1, _ body: (Int, Range<Int>) -> Void) {
        guard count > 0 else { return }
        let chunks = chunkCount(count, minChunk: minChunk)
        if chunks == 1 {
            body(0, 0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunks) { i in
            body(i, chunkRange(i, of: chunks, count: count))
        }
    }
}
