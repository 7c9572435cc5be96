import Foundation
import Testing
@testable import Engine

@Suite struct CSVAndTextLoadingTests {
    private func load(_ builder: String, _ path: String) throws -> Dataset {
        guard case let .dataset(ds) = try DatasetLoader.load(LoadOptions(path: builder, dataFiles: .files([path]), split: "train")) else {
            throw DataFixtures.Missing(description: "not a Dataset")
        }
        return ds
    }

    @Test func csvTypesAndValuesMatchDatasets() throws {
        let fx = try DataFixtures.load("csv.json")
        let dir = try DataFixtures.tempDir()
        #expect(fx["cases"].array.count == 12)
        for c in fx["cases"].array {
            guard let name = c["name"].string, let content = c["content"].string else { continue }
            try DataFixtures.write(content, to: "\(dir)/\(name).csv")
            let ds = try load("csv", "\(dir)/\(name).csv")
            #expect(ds.features.description == c["features"].string, "\(name)")
            #expect(DataValue.dict(ds.toDict()) == c["columns"], "\(name)")
        }
    }

    @Test func raggedCSVGivesPandasError() throws {
        let fx = try DataFixtures.load("csv.json")
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write(fx["ragged"]["content"].string ?? "", to: dir + "/ragged.csv")
        do {
            _ = try load("csv", dir + "/ragged.csv")
            Issue.record("expected an error")
        } catch let e as DataError {
            let expected = (fx["ragged"]["error"].string ?? "?").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(e.message.hasPrefix(expected), "\(e)")
        }
    }

    @Test func tsvFilesSplitOnTabs() throws {
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write("a\tb\n1\tx,y\n", to: dir + "/t.tsv")
        let ds = try load("csv", dir + "/t.tsv")
        #expect(ds.toDict() == DataDict([("a", .list([.int(1)])), ("b", .list([.string("x,y")]))]))
    }

    @Test(arguments: ["csv", "text"])
    func nonUTF8IsAClearError(builder: String) throws {
        let dir = try DataFixtures.tempDir()
        try Data(Array("a,b\n1,caf".utf8) + [0xE9] + Array("\n".utf8)).write(to: URL(fileURLWithPath: dir + "/latin1.txt"))
        do {
            _ = try load(builder, dir + "/latin1.txt")
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.kind == .unicode)
            #expect(e.message.contains("latin1.txt, line 2, column 6"), "\(e)")
        }
    }

    @Test func textSamplingOptionsMatchDatasets() throws {
        let fx = try DataFixtures.load("text.json")
        let dir = try DataFixtures.tempDir()
        #expect(fx["options"].array.count == 3)
        for c in fx["options"].array {
            try DataFixtures.write(c["content"].string ?? "", to: dir + "/paras.txt")
            var o = LoadOptions(path: "text", dataFiles: .files([dir + "/paras.txt"]), split: "train")
            if let s = c["options"]["sample_by"].string { o.sampleBy = TextSampling(rawValue: s) ?? .line }
            o.keepLinebreaks = c["options"]["keep_linebreaks"].bool ?? false
            guard case let .dataset(ds) = try DatasetLoader.load(o) else { Issue.record("expected a Dataset"); continue }
            #expect(try ds.column("text") == c["rows"].array, "\(c["options"])")
        }
    }

    @Test func emptyCSVIsAnError() throws {
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write("", to: dir + "/e.csv")
        #expect(throws: DataError.self) { try load("csv", dir + "/e.csv") }
    }

    @Test func textLinesMatchDatasets() throws {
        let fx = try DataFixtures.load("text.json")
        let dir = try DataFixtures.tempDir()
        #expect(fx["cases"].array.count == 5)
        for c in fx["cases"].array {
            guard let name = c["name"].string, let content = c["content"].string else { continue }
            try DataFixtures.write(content, to: "\(dir)/\(name).txt")
            let ds = try load("text", "\(dir)/\(name).txt")
            #expect(ds.columnNames == ["text"])
            #expect(try ds.column("text") == c["rows"].array, "\(name)")
        }
    }
}
