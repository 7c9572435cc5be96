import Foundation

/// Sustained `sgemm` throughput on this machine, for `sftnb bench blas`: square products and
/// the shapes of a GPT-2 124M training step (B·T = 2048 tokens, C = 768, V = 50257).
public enum BLASBenchmark {
    public struct Figure: Sendable {
        public var label: String
        public var m: Int, n: Int, k: Int
        public var seconds: Double
        public var gflops: Double
    }

    /// The benchmarked (label, m, n, k, transA, transB) shapes.
    public static let shapes: [(String, Int, Int, Int, Bool, Bool)] = [
        ("square 1024", 1024, 1024, 1024, false, false),
        ("square 2048", 2048, 2048, 2048, false, false),
        ("gpt2 qkv fwd (2048x768 · 768x2304)", 2048, 2304, 768, false, false),
        ("gpt2 mlp fwd (2048x768 · 768x3072)", 2048, 3072, 768, false, false),
        ("gpt2 mlp dW (768x2048 · 2048x3072)", 768, 3072, 2048, true, false),
        ("gpt2 lm-head chunk (256x768 · 768x50257)", 256, 50257, 768, false, true),
    ]

    /// Runs each shape for at least `minSeconds` (after one warm-up call) on `threads` OpenBLAS
    /// threads (then restores `Parallel.threadCount`).
    public static func run(threads: Int = Parallel.threadCount, minSeconds: Double = 0.5,
                           shapes: [(String, Int, Int, Int, Bool, Bool)] = shapes) -> [Figure] {
        let saved = Parallel.threadCount
        Parallel.setThreadCount(threads)
        defer { Parallel.setThreadCount(saved) }
        var figures: [Figure] = []
        for (label, m, n, k, ta, tb) in shapes {
            let a = UnsafeMutablePointer<Float>.allocate(capacity: m * k)
            let b = UnsafeMutablePointer<Float>.allocate(capacity: k * n)
            let c = UnsafeMutablePointer<Float>.allocate(capacity: m * n)
            defer { a.deallocate(); b.deallocate(); c.deallocate() }
            for i in 0..<(m * k) { a[i] = Float(i % 17) * 0.01 }
            for i in 0..<(k * n) { b[i] = Float(i % 13) * 0.01 }
            let call = { MatMul.sgemm(transA: ta, transB: tb, m: m, n: n, k: k, a: a, b: b, c: c) }
            call()
            var reps = 0
            let start = DispatchTime.now().uptimeNanoseconds
            var seconds = 0.0
            repeat {
                call()
                reps += 1
                seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            } while seconds < minSeconds
            seconds /= Double(reps)
            figures.append(Figure(label: label, m: m, n: n, k: k, seconds: seconds,
                                  gflops: 2 * Double(m) * Double(n) * Double(k) / seconds / 1e9))
        }
        return figures
    }
}
