import Testing
@testable import Engine

/// `shuffle(seed=s)` must give numpy's `default_rng(s).permutation(n)` order.
@Suite struct NumpyRandomTests {
    @Test func rawPCG64OutputsMatchNumpy() throws {
        let fx = try DataFixtures.load("shuffle.json")
        var g = NumpyGenerator(seed: 42)
        let expected = fx["pcg64_raw_seed42"].array.compactMap { $0.string.flatMap { UInt64($0) } }
        #expect(expected.count == 4)
        #expect((0..<4).map { _ in g.nextRaw() } == expected)
    }

    @Test func permutationsMatchNumpyForManySeedsAndSizes() throws {
        let fx = try DataFixtures.load("shuffle.json")
        let cases = fx["permutations"].array
        #expect(cases.count == 36)
        for c in cases {
            // Seeds are strings in the fixture: 2**63 + 11 does not fit a JSON int64.
            guard let seed = c["seed"].string.flatMap({ UInt64($0) }), let n = c["n"].int else {
                Issue.record("bad case \(c)"); continue
            }
            var g = NumpyGenerator(seed: seed)
            let perm = g.permutation(n)
            #expect(Array(perm.prefix(20)) == c["head"].array.compactMap(\.int), "seed \(seed) n \(n)")
            #expect(Array(perm.suffix(5)) == c["tail"].array.compactMap(\.int), "seed \(seed) n \(n)")
            var digest: UInt64 = 0
            let mod: UInt64 = (1 << 61) - 1
            for (i, p) in perm.enumerated() { digest = (digest + UInt64(i + 1) * UInt64(p) % mod) % mod }
            #expect(c["digest"].int.map(UInt64.init) == digest, "seed \(seed) n \(n)")
        }
    }

    @Test func datasetShuffleMatchesDatasets() throws {
        let fx = try DataFixtures.load("shuffle.json")
        let ds = try Dataset.fromDict(DataDict([("i", .list((0..<50).map { .int(Int64($0)) }))]))
        for seed in [0, 7, 42] {
            let got = try ds.shuffle(seed: UInt64(seed)).column("i")
            #expect(got == fx["dataset_shuffle_50"][String(seed)].array)
        }
        // Shuffling a selection permutes the selection, not the underlying rows.
        let sel = try ds.select([10, 11, 12]).shuffle(seed: 0).column("i").compactMap(\.int)
        #expect(Set(sel) == [10, 11, 12])
    }
}
