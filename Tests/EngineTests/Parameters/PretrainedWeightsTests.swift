import Foundation
import Testing
@testable import Engine

@Suite struct PretrainedWeightsTests {
    @Test(arguments: ["gpt2", "opt-350m-style", "llama"])
    func saveReproducesSavePretrained(variant: String) throws {
        let dir = ModelFixtures.directory(variant)
        let loaded = try PretrainedWeights.load(directory: dir)
        #expect(loaded.store.views.allSatisfy { $0.dtype == .F32 })
        #expect(loaded.warnings.isEmpty && loaded.report.unexpected.isEmpty)
        let out = ModelFixtures.temporaryDirectory()
        try PretrainedWeights.save(config: loaded.config, store: loaded.store, generation: loaded.generation, to: out)
        for file in ["config.json", "generation_config.json", "model.safetensors"] {
            #expect(ModelFixtures.bytes(out + "/" + file) == ModelFixtures.bytes(dir + "/" + file), "\(file)")
        }
    }

    @Test func dtypeFollowsTransformersAuto() throws {
        let dir = ModelFixtures.directory("llama-tied")
        // Explicit bf16: half the memory, and the saved config says bfloat16.
        let bf16 = try PretrainedWeights.load(directory: dir, dtype: .BF16)
        #expect(bf16.store.views.allSatisfy { $0.dtype == .BF16 })
        let out = ModelFixtures.temporaryDirectory()
        try PretrainedWeights.save(config: bf16.config, store: bf16.store, to: out)
        #expect(try ModelFixtures.text(out + "/config.json").contains("\"dtype\": \"bfloat16\""))
        #expect(try SafetensorsFile(path: out + "/model.safetensors").tensors.values.allSatisfy { $0.dtype == .BF16 })
        // "auto" now reads bfloat16 from that config.
        let auto = try PretrainedWeights.load(directory: out)
        #expect(auto.store.views.allSatisfy { $0.dtype == .BF16 })
        #expect(auto.store.valueByteCount < bf16.store.valueByteCount + 64 * auto.store.views.count)
        // float16 is held as float32 with a warning rather than refused.
        var config = auto.config
        config.dtype = .F16
        let (dtype, warning) = try PretrainedWeights.storageDType(requested: nil, config: config,
                                                                  checkpoint: SafetensorsCheckpoint(directory: out))
        #expect(dtype == .F32 && warning?.contains("float16 weights are held as float32") == true)
    }

    @Test func shardedSaveMatchesTransformersByteForByte() throws {
        let expectedDir = ModelFixtures.root + "/sharded/llama"
        let loaded = try PretrainedWeights.load(directory: ModelFixtures.directory("llama"))
        let out = ModelFixtures.temporaryDirectory()
        try PretrainedWeights.save(config: loaded.config, store: loaded.store, generation: loaded.generation,
                                   to: out, maxShardSize: 5000)
        let expectedFiles = try FileManager.default.contentsOfDirectory(atPath: expectedDir).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == expectedFiles)
        for file in expectedFiles {
            #expect(ModelFixtures.bytes(out + "/" + file) == ModelFixtures.bytes(expectedDir + "/" + file), "\(file)")
        }
        // And it loads back from the shards.
        let again = try PretrainedWeights.load(directory: out)
        let view = loaded.store.view("model.layers.1.mlp.down_proj.weight")!
        #expect(again.store.floatArray(again.store.view(view.name)!) == loaded.store.floatArray(view))
    }
}
