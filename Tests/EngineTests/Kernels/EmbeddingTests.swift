import Testing
@testable import Engine

@Suite struct EmbeddingTests {
    @Test func lookupWithOffsetAndScatterAddBackward() throws {
        let (rows, dim) = (6, 11)
        let table = KT.random(rows * dim, seed: 1)
        let ids: [Int32] = [3, 0, 3, 1]
        var out = [Float](repeating: 0, count: ids.count * dim)
        try Embedding.forward(out: &out, ids: ids, table: table, count: ids.count, rows: rows, dim: dim, offset: 2)
        for (i, id) in ids.enumerated() {
            #expect(Array(out[(i * dim)..<((i + 1) * dim)]) == Array(table[((Int(id) + 2) * dim)..<((Int(id) + 3) * dim)]))
        }
        var summed = out
        try Embedding.forward(out: &summed, ids: ids, table: table, count: ids.count, rows: rows, dim: dim, offset: 2, accumulate: true)
        KT.expectClose(summed, out.map { 2 * $0 }, "accumulate")

        let dOut = KT.random(ids.count * dim, seed: 2)
        var dTable = [Float](repeating: 1, count: rows * dim)
        try Embedding.backward(dTable: &dTable, dOut: dOut, ids: ids, count: ids.count, rows: rows, dim: dim, offset: 2)
        var want = [Float](repeating: 1, count: rows * dim)
        for (i, id) in ids.enumerated() { for j in 0..<dim { want[(Int(id) + 2) * dim + j] += dOut[i * dim + j] } }
        KT.expectClose(dTable, want, "dTable")
    }

    @Test func outOfRangeIdsThrow() {
        var out = [Float](repeating: 0, count: 4)
        let table = [Float](repeating: 0, count: 8)
        #expect(throws: KernelError.self) {
            try Embedding.forward(out: &out, ids: [Int32(4)], table: table, count: 1, rows: 4, dim: 2)
        }
        #expect(throws: KernelError.self) {
            try Embedding.forward(out: &out, ids: [Int32(-1)], table: table, count: 1, rows: 4, dim: 2)
        }
        #expect(throws: KernelError.self) {
            try Embedding.forward(out: &out, ids: [Int32(2)], table: table, count: 1, rows: 4, dim: 2, offset: 2)
        }
    }
}
