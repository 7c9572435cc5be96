import Testing
@testable import Engine

@Suite struct ParallelTests {
    @Test func threadCountComesFromTheEnvironment() {
        #expect(Parallel.configuredThreadCount(environment: ["SFTNB_NUM_THREADS": "3", "OPENBLAS_NUM_THREADS": "5"]) == 3)
        #expect(Parallel.configuredThreadCount(environment: ["OPENBLAS_NUM_THREADS": "5"]) == 5)
        #expect(Parallel.configuredThreadCount(environment: ["SFTNB_NUM_THREADS": "zero"]) >= 1)
    }

    @Test func chunksCoverTheRangeOnceInFixedPieces() {
        let count = 1003
        var seen = [Int](repeating: 0, count: count)
        seen.withUnsafeMutableBufferPointer { p in
            Parallel.forEachChunk(count) { chunk, range in
                #expect(range == Parallel.chunkRange(chunk, of: Parallel.chunkCount(count), count: count))
                for i in range { p[i] += 1 }
            }
        }
        #expect(seen.allSatisfy { $0 == 1 })
        #expect(Parallel.chunkCount(10, minChunk: 100) == 1)
    }
}
