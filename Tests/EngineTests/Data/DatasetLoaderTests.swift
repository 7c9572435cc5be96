import Foundation
import Testing
@testable import Engine

/// Name resolution: bundled sets, local directories and files, Hub names.
@Suite struct DatasetLoaderTests {
    /// The repository's stdlib/ (this file is Tests/EngineTests/Data/…).
    static let stdlib = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("stdlib").path

    private func load(_ path: String, split: String? = nil) throws -> LoadedData {
        var o = LoadOptions(path: path, split: split)
        o.stdlibRoot = Self.stdlib
        return try DatasetLoader.load(o)
    }

    @Test(arguments: [
        ("sftnb/movie-reviews", 2700, 300, "{'text': Value('string'), 'label': Value('int64')}"),
        ("sftnb/code-instructions", 2700, 300, "{'instruction': Value('string'), 'input': Value('string'), 'output': Value('string')}"),
        ("sftnb/prompt-completion", 3600, 400, "{'prompt': Value('string'), 'completion': Value('string')}"),
        ("sftnb/chat", 900, 100, "{'messages': List({'role': Value('string'), 'content': Value('string')})}"),
    ])
    func bundledSetsLoad(name: String, train: Int, test: Int, features: String) throws {
        guard case let .datasetDict(dd) = try load(name) else { Issue.record("expected a DatasetDict"); return }
        #expect(dd.keys == ["train", "test"])
        #expect(try dd.split("train").numRows == train)
        #expect(try dd.split("test").numRows == test)
        #expect(try dd.split("train").features.description == features)
    }

    @Test func bundledSplitSlice() throws {
        guard case let .dataset(ds) = try load("sftnb/movie-reviews", split: "train[:500]") else {
            Issue.record("expected a Dataset"); return
        }
        #expect(ds.description == "Dataset({\n    features: ['text', 'label'],\n    num_rows: 500\n})")
    }

    @Test(arguments: ["imdb", "lucasmccabe-lmi/CodeAlpaca-20k"])
    func hubNamesAreNotSubstituted(name: String) throws {
        do {
            _ = try load(name)
            Issue.record("expected FileNotFoundError")
        } catch let e as DataError {
            #expect(e.kind == .fileNotFound)
            #expect(e.message.contains("Couldn't find dataset '\(name)'"))
            #expect(e.message.contains("load_dataset(\"\(name)\", split=\"train\").to_json("))
            #expect(e.message.contains(Self.stdlib + "/data/" + name))
        }
    }

    @Test func extraDatasetsFolderFromEnvironment() throws {
        let root = try DataFixtures.tempDir()
        try FileManager.default.createDirectory(atPath: root + "/acme/tiny", withIntermediateDirectories: true)
        try DataFixtures.write("{\"q\": \"a\"}\n", to: root + "/acme/tiny/train.jsonl")
        setenv("SFTNB_DATASETS", root, 1)
        defer { unsetenv("SFTNB_DATASETS") }
        guard case let .dataset(ds) = try load("acme/tiny", split: "train") else { Issue.record("expected a Dataset"); return }
        #expect(try ds.column("q") == [.string("a")])
    }

    @Test func directorySplitsFollowDatasetsNaming() throws {
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write("{\"a\": 1}\n{\"a\": 2}\n", to: dir + "/my-train-00.jsonl")
        try DataFixtures.write("{\"a\": 3}\n", to: dir + "/test.jsonl")
        try DataFixtures.write("{\"a\": 4}\n", to: dir + "/validation_0.jsonl")
        try DataFixtures.write("not data", to: dir + "/README.md")
        guard case let .datasetDict(dd) = try load(dir) else { Issue.record("expected a DatasetDict"); return }
        #expect(dd.keys == ["train", "validation", "test"])
        #expect(try dd.split("train").column("a") == [.int(1), .int(2)])
        #expect(DataFilesResolver.matches(path: "data/training.jsonl", keyword: "training"))
        #expect(!DataFilesResolver.matches(path: "trainer.jsonl", keyword: "train"))
    }

    @Test func unnamedFilesAllGoToTrainAndGlobsExpand() throws {
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write("{\"a\": 1}\n", to: dir + "/part1.jsonl")
        try DataFixtures.write("{\"a\": 2}\n", to: dir + "/part2.jsonl")
        guard case let .datasetDict(dd) = try load(dir) else { Issue.record("expected a DatasetDict"); return }
        #expect(dd.keys == ["train"])
        #expect(try dd.split("train").numRows == 2)
        let viaGlob = try DatasetLoader.load(LoadOptions(path: "json", dataFiles: .files([dir + "/part*.jsonl"]), split: "train"))
        guard case let .dataset(ds) = viaGlob else { Issue.record("expected a Dataset"); return }
        #expect(try ds.column("a") == [.int(1), .int(2)])
        #expect(throws: DataError.self) {
            try DatasetLoader.load(LoadOptions(path: "json", dataFiles: .files([dir + "/none*.jsonl"])))
        }
        #expect(throws: DataError.self) { try DatasetLoader.load(LoadOptions(path: "json")) }
    }

    @Test func gatheredStorageMatchesRowAccess() throws {
        // ColumnData.take on list<struct> and string columns, behind a shuffle and a selection.
        guard case let .dataset(ds) = try load("sftnb/chat", split: "train") else { Issue.record("expected a Dataset"); return }
        let picked = try ds.shuffle(seed: 5).select([3, 1, 4, 1, 5, 9, 2, 6])
        #expect(try picked.columnData("messages").values == picked.column("messages"))
        let withNulls = try Dataset.fromList([DataDict([("l", .list([.int(1)])), ("s", .dict(DataDict([("k", .string("a"))])))]),
                                              DataDict([("l", .null), ("s", .null)]),
                                              DataDict([("l", .list([])), ("s", .dict(DataDict([("k", .null)])))])])
        for order in [[2, 0, 1], [1, 1], [0]] {
            let sel = try withNulls.select(order)
            #expect(try sel.columnData("l").values == sel.column("l"))
            #expect(try sel.columnData("s").values == sel.column("s"))
        }
    }

    @Test func toJSONRoundTrips() throws {
        guard case let .dataset(ds) = try load("sftnb/chat", split: "test[:20]") else { Issue.record("expected a Dataset"); return }
        let dir = try DataFixtures.tempDir()
        try ds.toJSON(path: dir + "/chat.jsonl")
        guard case let .dataset(back) = try DatasetLoader.load(LoadOptions(path: "json", dataFiles: .files([dir + "/chat.jsonl"]), split: "train")) else {
            Issue.record("expected a Dataset"); return
        }
        #expect(back.toList() == ds.toList())
    }
}
