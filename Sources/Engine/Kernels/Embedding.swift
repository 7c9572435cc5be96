/// Table lookups: token embeddings (`wte`, `embed_tokens`) and learned positional embeddings
/// (`wpe`; OPT looks up position id + 2, hence `offset`).
///
/// Forward writes (or, with `accumulate`, adds) rows; backward scatter-adds into the table's
/// gradient, parallel over fixed column slices so every table row sums its tokens in token
/// order: deterministic and race-free.
public enum Embedding {
    /// Throws if any `ids[i] + offset` falls outside `0..<rows`.
    public static func validate(ids: UnsafePointer<Int32>, count n: Int, rows: Int, offset: Int = 0, what: String = "Embedding") throws {
        for i in 0..<n {
            let r = Int(ids[i]) + offset
            if r < 0 || r >= rows { throw KernelError.idOutOfRange(what, id: ids[i], index: i, rows: rows) }
        }
    }

    /// out (N, C) = table (rows, C)[ids (N) + offset]   (or += with `accumulate`)
    public static func forward(
        out: UnsafeMutablePointer<Float>, ids: UnsafePointer<Int32>, table: UnsafePointer<Float>,
        count n: Int, rows: Int, dim c: Int, offset: Int = 0, accumulate: Bool = false
    ) throws {
        try validate(ids: ids, count: n, rows: rows, offset: offset)
        Parallel.forEachChunk(n, minChunk: 64) { _, range in
            for i in range {
                let src = table + (Int(ids[i]) + offset) * c
                let dst = out + i * c
                if accumulate {
                    for j in 0..<c { dst[j] += src[j] }
                } else {
                    dst.update(from: src, count: c)
                }
            }
        }
    }

    /// dTable (rows, C)[ids[i] + offset] += dOut (N, C)[i]   (ids already validated by forward)
    public static func backward(
        dTable: UnsafeMutablePointer<Float>, dOut: UnsafePointer<Float>, ids: UnsafePointer<Int32>,
        count n: Int, rows: Int, dim c: Int, offset: Int = 0
    ) throws {
        try validate(ids: ids, count: n, rows: rows, offset: offset)
        let w = VectorMath.width
        Parallel.forEachChunk((c + w - 1) / w, minChunk: 4) { _, range in
            let c0 = range.lowerBound * w, c1 = min(c, range.upperBound * w)
            for i in 0..<n {
                let dst = dTable + (Int(ids[i]) + offset) * c
                let src = dOut + i * c
                for j in c0..<c1 { dst[j] += src[j] }
            }
        }
    }
}
