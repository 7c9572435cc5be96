import CBLAS
import Dispatch
import Foundation

/// Deterministic data parallelism for the engine's non-BLAS kernels.
///
/// Work is split into `threadCount` fixed, equal, contiguous chunks (never work stealing), so a
/// kernel that reduces per chunk and then combines chunks in index order gives bit-identical
/// results run to run. One level of parallelism at a time: our loops never run while an
/// OpenBLAS call is using the cores; kernels that call `sgemm` from inside a parallel loop
/// wrap it in `withSingleThreadedBLAS`.
public enum Parallel {
    /// Number of worker threads for engine loops and for OpenBLAS: `SFTNB_NUM_THREADS`,
    /// else `OPENBLAS_NUM_THREADS`, else the number of active cores.
    nonisolated(unsafe) public private(set) static var threadCount: Int = {
        let n = configuredThreadCount(environment: ProcessInfo.processInfo.environment)
        openblas_set_num_threads(Int32(n))
        return n
    }()

    /// The thread count an environment asks for (see `threadCount`); invalid values are ignored.
    public static func configuredThreadCount(environment: [String: String]) -> Int {
        for key in ["SFTNB_NUM_THREADS", "OPENBLAS_NUM_THREADS"] {
            if let text = environment[key], let n = Int(text.trimmingCharacters(in: .whitespaces)), n > 0 {
                return n
            }
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Sets the thread count for engine loops and OpenBLAS (at least 1).
    public static func setThreadCount(_ n: Int) {
        threadCount = max(1, n)
        openblas_set_num_threads(Int32(threadCount))
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

    /// Runs `body` with OpenBLAS limited to one thread, for `sgemm` calls made from inside our
    /// own parallel loops (one level of parallelism at a time), then restores `threadCount`.
    @inlinable
    public static func withSingleThreadedBLAS<R>(_ body: () throws -> R) rethrows -> R {
        let n = threadCount
        if n > 1 { openblas_set_num_threads(1) }
        defer { if n > 1 { openblas_set_num_threads(Int32(n)) } }
        return try body()
    }
}
