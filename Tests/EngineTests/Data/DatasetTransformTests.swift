import Testing
@testable import Engine

/// map / filter / sort / column edits / to_json against `datasets`.
@Suite struct DatasetTransformTests {
    private let base: Dataset = {
        // swiftlint-free fallback: a failing construction shows up as an empty data set.
        (try? Dataset.fromDict(DataDict([("text", .list([.string("aa"), .string("b"), .string("ccc")])),
                                          ("label", .list([.int(0), .int(1), .int(0)]))]))) ?? Dataset.empty
    }()

    private func upper(_ v: DataValue?) -> DataValue { .string((v?.string ?? "").uppercased()) }

    @Test func mapPerExampleAndBatchedMatchDatasets() throws {
        let fx = try DataFixtures.load("map_filter_sort.json")
        let per = try base.map { row in
            DataDict([("n", .int(Int64(row["text"]?.string?.count ?? 0))), ("text", upper(row["text"]))])
        }
        #expect(DataValue.dict(per.toDict()) == fx["per_example"])
        let rem = try base.map(removeColumns: ["text"]) { row in
            DataDict([("prompt", .string((row["text"]?.string ?? "") + "!"))])
        }
        #expect(DataValue.dict(rem.toDict()) == fx["remove_columns"])
        let bat = try base.mapBatched(batchSize: 2) { batch in
            DataDict([("x", .list((batch["text"]?.array ?? []).map { .string(($0.string ?? "") + ($0.string ?? "")) }))])
        }
        #expect(DataValue.dict(bat.toDict()) == fx["batched"])
        let grow = try base.mapBatched(batchSize: 2, removeColumns: ["text", "label"]) { batch in
            DataDict([("w", .list((batch["text"]?.array ?? []).flatMap { ($0.string ?? "").map { .string(String($0)) } }))])
        }
        #expect(DataValue.dict(grow.toDict()) == fx["batched_grow"])
    }

    @Test func mapErrors() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) { try base.map { _ in throw Boom() } }
        #expect(throws: DataError.self) { try base.map(removeColumns: ["nope"]) { _ in nil } }
        // A batch that changes its length while input columns remain.
        #expect(throws: DataError.self) {
            try base.mapBatched { _ in DataDict([("w", .list([.int(1)]))]) }
        }
        #expect(try base.map { _ in nil }.toDict() == base.toDict())
    }

    @Test func filterAndSortMatchDatasets() throws {
        let fx = try DataFixtures.load("map_filter_sort.json")
        let f = try base.filter { $0["label"] == .int(0) }
        #expect(DataValue.dict(f.toDict()) == fx["filter"])
        let fb = try base.filterBatched(batchSize: 2) { batch in (batch["label"]?.array ?? []).map { $0 == .int(0) } }
        #expect(DataValue.dict(fb.toDict()) == fx["filter"])
        #expect(throws: DataError.self) { try base.filterBatched { _ in [true] } }
        let s = try Dataset.fromDict(DataDict([("k", .list([.int(3), .null, .int(1), .int(3), .int(2)])),
                                               ("s", .list(["c", "x", "a", "b", "d"].map { .string($0) }))]))
        #expect(DataValue.dict(try s.sort("k").toDict()) == fx["sort_k"])
        #expect(DataValue.dict(try s.sort("k", reverse: true).toDict()) == fx["sort_k_reverse"])
        #expect(DataValue.dict(try s.sort("s").toDict()) == fx["sort_s"])
    }

    @Test func columnEdits() throws {
        let r = try base.renameColumn("text", to: "prompt")
        #expect(r.columnNames == ["prompt", "label"])
        #expect(throws: DataError.self) { try base.renameColumn("nope", to: "x") }
        #expect(throws: DataError.self) { try base.renameColumn("text", to: "label") }
        #expect(try base.removeColumns(["label"]).columnNames == ["text"])
        let added = try base.shuffle(seed: 1).addColumn("k", [.int(7), .int(8), .int(9)])
        #expect(try added.column("k") == [.int(7), .int(8), .int(9)])
        #expect(throws: DataError.self) { try base.addColumn("k", [.int(1)]) }
        #expect(throws: DataError.self) { try base.select([3]) }
        #expect(try base.select([2, 0]).column("text") == [.string("ccc"), .string("aa")])
    }

    @Test func selectColumnsAndUnique() throws {
        let ds = try Dataset.fromDict(DataDict([("a", .list([.int(3), .int(1), .int(3), .null, .int(1)])),
                                                ("b", .list(["x", "y", "z", "w", "v"].map { .string($0) }))]))
        #expect(try ds.unique("a") == [.int(3), .int(1), .null])
        #expect(try ds.selectColumns(["b", "a"]).columnNames == ["b", "a"])
        #expect(throws: DataError(.value, "Column name ['q'] not in the dataset. Current columns in the dataset: ['a', 'b'].")) {
            try ds.selectColumns(["q"])
        }
    }

    @Test func toJSONBytesMatchDatasets() throws {
        let fx = try DataFixtures.load("to_json.json")
        for c in fx["cases"].array {
            let ds = try Dataset.fromList(c["rows"].array.compactMap(\.dictValue))
            #expect(String(decoding: ds.toJSONLines(), as: UTF8.self) == c["bytes"].string)
        }
        let sh = try Dataset.fromDict(DataDict([("a", .list((0..<6).map { .int(Int64($0)) })),
                                                ("s", .list(["p", "q", "r", "s", "t", "u"].map { .string($0) }))]))
        #expect(String(decoding: sh.shuffle(seed: 3).toJSONLines(), as: UTF8.self) == fx["shuffled_seed3"].string)
    }
}
