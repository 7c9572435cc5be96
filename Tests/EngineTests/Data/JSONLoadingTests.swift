import Foundation
import Testing
@testable import Engine

@Suite struct JSONLoadingTests {
    private func load(_ path: String) throws -> Dataset {
        guard case let .dataset(ds) = try DatasetLoader.load(LoadOptions(path: "json", dataFiles: .files([path]), split: "train")) else {
            throw DataFixtures.Missing(description: "not a Dataset")
        }
        return ds
    }

    @Test func featuresAndRowsMatchDatasets() throws {
        let fx = try DataFixtures.load("json_loading.json")
        let dir = try DataFixtures.tempDir()
        #expect(fx["cases"].array.count == 8)
        for c in fx["cases"].array {
            guard let name = c["file"].string, let content = c["content"].string else { continue }
            try DataFixtures.write(content, to: dir + "/" + name)
            let ds = try load(dir + "/" + name)
            #expect(ds.features.description == c["features"].string, "\(name)")
            #expect(ds.toList().map { DataValue.dict($0) } == c["rows"].array, "\(name)")
        }
    }

    @Test func parallelChunksMergeInFileOrder() throws {
        // Over 1 MB so the loader splits the file across cores; keys vary by row.
        let dir = try DataFixtures.tempDir()
        var text = ""
        for i in 0..<40_000 {
            text += i % 1000 == 999 ? "{\"i\": \(i), \"late\": \"x\"}\n" : "{\"i\": \(i), \"pad\": \"\(String(repeating: "p", count: 20))\"}\n"
        }
        try DataFixtures.write(text, to: dir + "/big.jsonl")
        let ds = try load(dir + "/big.jsonl")
        #expect(ds.numRows == 40_000)
        #expect(try ds.column("i") == (0..<40_000).map { .int(Int64($0)) })
        #expect(ds.columnNames == ["i", "pad", "late"])
        #expect(try ds.row(999)["pad"] == .null)
        #expect(try ds.row(999)["late"] == .string("x"))
    }

    @Test func malformedLineNamesFileAndLine() throws {
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write("{\"a\": 1}\n{\"a\":\n{\"a\": 3}\n", to: dir + "/bad.jsonl")
        do {
            _ = try load(dir + "/bad.jsonl")
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.message.contains("bad.jsonl, line 2"), "\(e)")
        }
    }

    @Test func nonObjectLineIsAnError() throws {
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write("{\"a\": 1}\n[1, 2]\n", to: dir + "/list.jsonl")
        #expect(throws: DataError.self) { try load(dir + "/list.jsonl") }
    }

    @Test func emptyFileIsAClearError() throws {
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write("", to: dir + "/empty.jsonl")
        do {
            _ = try load(dir + "/empty.jsonl")
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.message.contains("empty.jsonl is empty"))
        }
    }

    @Test func nonUTF8IsAClearError() throws {
        let dir = try DataFixtures.tempDir()
        var bytes = Array("{\"a\": \"ok\"}\n{\"a\": \"caf".utf8)
        bytes += [0xE9]  // Latin-1 é
        bytes += Array("\"}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/latin1.jsonl"))
        do {
            _ = try load(dir + "/latin1.jsonl")
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.kind == .unicode)
            #expect(e.message.contains("line 2"), "\(e)")
        }
    }

    @Test func fieldSelectsTheRowsOfOneObject() throws {
        let dir = try DataFixtures.tempDir()
        try DataFixtures.write("{\"version\": 1, \"data\": [{\"a\": 1}, {\"a\": 2}]}", to: dir + "/nested.json")
        var o = LoadOptions(path: "json", dataFiles: .files([dir + "/nested.json"]), split: "train")
        o.field = "data"
        guard case let .dataset(ds) = try DatasetLoader.load(o) else { Issue.record("expected a Dataset"); return }
        #expect(try ds.column("a") == [.int(1), .int(2)])
        o.field = "nope"
        #expect(throws: DataError.self) { try DatasetLoader.load(o) }
    }

    @Test func missingFileIsFileNotFound() throws {
        #expect(throws: DataError.self) { try load("/nonexistent/x.jsonl") }
        do { _ = try load("/nonexistent/x.jsonl") } catch let e as DataError { #expect(e.kind == .fileNotFound) }
    }
}
