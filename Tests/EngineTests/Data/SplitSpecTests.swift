import Testing
@testable import Engine

/// `split="train[10%:20%]"` and friends, through `load_dataset`, against `datasets`.
@Suite struct SplitSpecTests {
    private func files() throws -> (String, DataFiles) {
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write((0..<37).map { "{\"i\": \($0)}\n" }.joined(), to: dir + "/train.jsonl")
        try DataFixtures.write((100..<113).map { "{\"i\": \($0)}\n" }.joined(), to: dir + "/test.jsonl")
        return (dir, .splits([("train", [dir + "/train.jsonl"]), ("test", [dir + "/test.jsonl"])]))
    }

    @Test func slicesMatchDatasets() throws {
        let fx = try DataFixtures.load("split_slicing.json")
        let (_, df) = try files()
        #expect(fx["cases"].array.count == 18)
        for c in fx["cases"].array {
            guard let spec = c["spec"].string else { continue }
            let opts = LoadOptions(path: "json", dataFiles: df, split: spec)
            if let message = c["error"].string {
                #expect(throws: DataError(.value, message), "\(spec)") { try DatasetLoader.load(opts) }
                continue
            }
            guard case let .dataset(ds) = try DatasetLoader.load(opts) else { Issue.record("\(spec): not a Dataset"); continue }
            #expect(try ds.column("i") == c["rows"].array, "\(spec)")
        }
    }

    @Test func badSpecsGiveDatasetsErrors() throws {
        let fx = try DataFixtures.load("split_slicing.json")
        let (_, df) = try files()
        for c in fx["errors"].array {
            guard let spec = c["spec"].string, let err = c["error"].string else { continue }
            let message = String(err.dropFirst("ValueError: ".count))
            #expect(throws: DataError(.value, message), "\(spec)") {
                try DatasetLoader.load(LoadOptions(path: "json", dataFiles: df, split: spec))
            }
        }
    }

    @Test func noSplitGivesADatasetDict() throws {
        let (_, df) = try files()
        guard case let .datasetDict(dd) = try DatasetLoader.load(LoadOptions(path: "json", dataFiles: df)) else {
            Issue.record("expected a DatasetDict"); return
        }
        #expect(dd.keys == ["train", "test"])
        #expect(try dd.split("test").numRows == 13)
    }
}
