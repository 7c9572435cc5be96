import Foundation
import Testing
@testable import Engine

@Suite struct ModelResolverTests {
    /// A fake model folder with the given files.
    func makeModel(_ dir: String, files: [String] = ["config.json", "model.safetensors"]) {
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for f in files { _ = FileManager.default.createFile(atPath: dir + "/" + f, contents: Data("{}".utf8)) }
    }

    @Test func localPathWins() throws {
        let root = ModelFixtures.temporaryDirectory("hub")
        makeModel(root + "/my-model")
        let resolver = ModelResolver(stdlibRoot: nil, environment: ["HF_HOME": root + "/hf"])
        let found = try resolver.resolve(root + "/my-model")
        #expect(found == .init(directory: root + "/my-model", source: .localPath))
        // A directory that exists but lacks the files is an error naming what is missing.
        makeModel(root + "/half", files: ["config.json"])
        let error = #expect(throws: ModelResolver.NotFound.self) { try resolver.resolve(root + "/half") }
        #expect(error?.description.contains("has no model.safetensors or model.safetensors.index.json") == true)
    }

    @Test func huggingFaceCachePrefersRefsMain() throws {
        let root = ModelFixtures.temporaryDirectory("hub")
        let repo = root + "/hf/hub/models--Org--Tiny"
        makeModel(repo + "/snapshots/aaa")
        makeModel(repo + "/snapshots/bbb")
        try FileManager.default.createDirectory(atPath: repo + "/refs", withIntermediateDirectories: true)
        try "bbb\n".write(toFile: repo + "/refs/main", atomically: true, encoding: .utf8)
        let resolver = ModelResolver(stdlibRoot: nil, environment: ["HF_HOME": root + "/hf", "HOME": root])
        #expect(try resolver.resolve("Org/Tiny") == .init(directory: repo + "/snapshots/bbb", source: .huggingFaceCache))
        // Without refs/main, a complete snapshot is used.
        try FileManager.default.removeItem(atPath: repo + "/refs/main")
        #expect(try resolver.resolve("Org/Tiny").source == .huggingFaceCache)
        // HF_HUB_CACHE overrides HF_HOME; the default is ~/.cache/huggingface/hub.
        #expect(ModelResolver(environment: ["HF_HUB_CACHE": "/x"]).hubCache == "/x")
        #expect(ModelResolver(environment: ["HOME": "/home/u"]).hubCache == "/home/u/.cache/huggingface/hub")
    }

    @Test func bundledModelsAndTokenizers() throws {
        let root = ModelFixtures.temporaryDirectory("hub")
        makeModel(root + "/stdlib/models/sftnb/tiny-gpt2", files: ["config.json", "model.safetensors", "tokenizer.json"])
        let resolver = ModelResolver(stdlibRoot: root + "/stdlib", environment: ["HOME": root])
        #expect(try resolver.resolve("sftnb/tiny-gpt2").source == .bundled)
        #expect(try resolver.resolve("sftnb/tiny-gpt2", requiring: ModelResolver.tokenizerFiles, what: "tokenizer").source == .bundled)
        // SFTNB_STDLIB is used when no root is passed.
        let fromEnv = ModelResolver(environment: ["HOME": root, "SFTNB_STDLIB": root + "/stdlib"])
        #expect(try fromEnv.resolve("sftnb/tiny-gpt2").directory == root + "/stdlib/models/sftnb/tiny-gpt2")
    }

    @Test func notFoundNamesEveryPlaceAndTheFix() throws {
        let root = ModelFixtures.temporaryDirectory("hub")
        let resolver = ModelResolver(stdlibRoot: root + "/stdlib", environment: ["HF_HOME": root + "/hf"])
        let error = #expect(throws: ModelResolver.NotFound.self) { try resolver.resolve("gpt2-xl") }
        let m = error?.description ?? ""
        #expect(m.contains("cannot find model 'gpt2-xl'"), "\(m)")
        #expect(m.contains("local directory 'gpt2-xl'"), "\(m)")
        #expect(m.contains(root + "/hf/hub/models--gpt2-xl"), "\(m)")
        #expect(m.contains(root + "/stdlib/models/gpt2-xl"), "\(m)")
        #expect(m.contains("huggingface-cli download gpt2-xl"), "\(m)")
        #expect(error?.looked.count == 3)
        // A path that does not exist is not looked up in the cache.
        let path = #expect(throws: ModelResolver.NotFound.self) { try resolver.resolve("./nowhere/model") }
        #expect(path?.looked.count == 1)
    }
}
