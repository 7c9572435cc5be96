import Foundation
import Testing
@testable import Engine

@Suite struct ParameterStoreTests {
    func store(_ variant: String, dtype: TensorDType = .F32) throws -> (ParameterStore, SafetensorsCheckpoint, ModelConfig) {
        let dir = ModelFixtures.directory(variant)
        let config = try ModelConfig.load(path: dir)
        let layout = ParameterLayout.causalLM(config, dtype: dtype)
        let store = try ParameterStore(specs: layout.specs, ties: layout.ties)
        let checkpoint = try SafetensorsCheckpoint(directory: dir)
        return (store, checkpoint, config)
    }

    @Test(arguments: ModelFixtures.variants)
    func layoutMatchesTransformersNamedParameters(variant: String) throws {
        let (store, _, config) = try store(variant)
        let expected = try ModelFixtures.expected(variant)
        let parameters = try #require(expected["parameters"]?.objectValue)
        #expect(store.views.map(\.name) == parameters.keys)
        for view in store.views {
            #expect(parameters[view.name]?.arrayValue?.map(\.intValue) == view.shape.map { $0 }, "\(view.name)")
        }
        #expect(store.parameterCount == expected["num_parameters"]?.intValue)
        // Every state-dict key resolves to a view (the tied lm_head to the embedding).
        for key in expected["state_dict_keys"]!.arrayValue!.map({ $0.stringValue! }) {
            #expect(store.view(key) != nil, "\(key)")
        }
        #expect(config.tieWordEmbeddings == (store.ties["lm_head.weight"] != nil))
    }

    @Test(arguments: ModelFixtures.variants)
    func loadsAndSavesByteIdentically(variant: String) throws {
        let (store, checkpoint, _) = try store(variant)
        let report = try store.load(from: checkpoint)
        #expect(report.unexpected.isEmpty)
        for name in checkpoint.names {
            let view = try store.requireView(name)
            #expect(Array(store.floats(view)!) == (try checkpoint.floats(name)), "\(name)")
        }
        // The file written has exactly the bytes transformers' save_pretrained wrote.
        let out = ModelFixtures.temporaryDirectory()
        #expect(try store.save(to: out) == ["model.safetensors"])
        #expect(ModelFixtures.bytes(out + "/model.safetensors") == ModelFixtures.bytes(ModelFixtures.directory(variant) + "/model.safetensors"))
    }

    @Test func tiedHeadSharesTheEmbedding() throws {
        let (store, checkpoint, _) = try store("gpt2")
        try store.load(from: checkpoint)
        let head = try store.requireView("lm_head.weight")
        #expect(head == store.view("transformer.wte.weight"))
        #expect(!checkpoint.names.contains("lm_head.weight"))
        // Writing through one name is seen through the other.
        let values = [Float](repeating: 0.25, count: head.count)
        values.withUnsafeBufferPointer { store.write(head, from: $0) }
        #expect(store.floatArray(store.view("transformer.wte.weight")!).allSatisfy { $0 == 0.25 })
        // Untied Llama saves its own head.
        let (untied, _, _) = try self.store("llama")
        #expect(untied.ties.isEmpty && untied.view("lm_head.weight") != untied.view("model.embed_tokens.weight"))
    }

    @Test func bf16StorageHalvesTheWeightsMemory() throws {
        let (f32, checkpoint, _) = try store("llama")
        let (bf16, _, _) = try store("llama", dtype: .BF16)
        try f32.load(from: checkpoint)
        try bf16.load(from: checkpoint)
        let ratio = Double(bf16.valueByteCount) / Double(f32.valueByteCount)
        #expect(ratio > 0.45 && ratio < 0.56, "bf16 \(bf16.valueByteCount) vs f32 \(f32.valueByteCount)")
        for view in f32.views {
            let rounded = f32.floatArray(view).map { FloatConversion.float(bf16: FloatConversion.bf16Bits($0)) }
            #expect(bf16.floatArray(bf16.view(view.name)!) == rounded, "\(view.name)")
            #expect(bf16.floats(bf16.view(view.name)!) == nil)
        }
        // Saved as bf16, the file holds torch's rounding; read back it equals the store.
        let out = ModelFixtures.temporaryDirectory()
        try bf16.save(to: out)
        let file = try SafetensorsFile(path: out + "/model.safetensors")
        #expect(file.tensors.values.allSatisfy { $0.dtype == .BF16 })
        let view = bf16.view("model.layers.0.mlp.up_proj.weight")!
        #expect(try file.floats(view.name) == bf16.floatArray(view))
        // And a bf16 file loads into an f32 store (upcast) and back into bf16 (plain copy).
        let again = try store("llama", dtype: .BF16).0
        try again.load(from: SafetensorsCheckpoint(directory: out))
        #expect(again.floatArray(again.view(view.name)!) == bf16.floatArray(view))
    }

    @Test func bf16ResidentMemoryIsMeasurablyHalf() throws {
        // 1M parameters: 4 MB resident as f32, 2 MB as bf16 once filled, measured with mincore.
        let f32 = try ParameterStore(specs: [ParameterSpec("w", [1024, 1024], dtype: .F32)])
        let bf16 = try ParameterStore(specs: [ParameterSpec("w", [1024, 1024], dtype: .BF16)])
        #expect(f32.valueByteCount == 4 << 20 && bf16.valueByteCount == 2 << 20)
        #expect(f32.residentValueBytes() == 0)  // untouched pages cost nothing
        let ones = [Float](repeating: 1, count: 1 << 20)
        ones.withUnsafeBufferPointer { f32.write(f32.views[0], from: $0); bf16.write(bf16.views[0], from: $0) }
        let f32Resident = f32.residentValueBytes(), bf16Resident = bf16.residentValueBytes()
        #expect(f32Resident >= 4 << 20 && f32Resident <= (4 << 20) + 8192, "\(f32Resident)")
        #expect(bf16Resident >= 2 << 20 && bf16Resident <= (2 << 20) + 8192, "\(bf16Resident)")
    }

    @Test func gradientsOnlyForTrainableViews() throws {
        let (store, _, _) = try store("llama")
        let all = store.gradientByteCount
        #expect(all >= store.parameterCount * 4)
        store.setTrainable { $0.contains("q_proj") }
        let q = store.views.filter { $0.name.contains("q_proj") }
        #expect(store.trainableParameterCount == q.reduce(0) { $0 + $1.count })
        #expect(store.gradientByteCount == q.reduce(0) { $0 + ($1.count * 4 + 63) / 64 * 64 })
        #expect(store.gradient(store.view("model.embed_tokens.weight")!) == nil)
        #expect(!store.hasGradientStorage)  // nothing allocated until a gradient is asked for
        let g = try #require(store.gradient(q[1]))
        #expect(store.hasGradientStorage)
        #expect(g.count == q[1].count && g.allSatisfy { $0 == 0 })
        g[0] = 3
        #expect(store.allGradients.reduce(0, +) == 3)
        store.zeroGradients()
        #expect(store.allGradients.allSatisfy { $0 == 0 })
        // Every view is 64-byte aligned.
        #expect(store.views.allSatisfy { $0.byteOffset % 64 == 0 })
        #expect(Int(bitPattern: store.allGradients.baseAddress) % 64 == 0)
    }

    @Test func wrongShapeAndMissingTensorsAreClearErrors() throws {
        // A GPT-2 layout with a wider MLP than the checkpoint holds.
        let dir = ModelFixtures.directory("gpt2")
        var object = try JSONValue.parse(contentsOfFile: dir + "/config.json").objectValue!
        object["n_inner"] = .int(48)
        let config = try ModelConfig(object, source: "x")
        let layout = ParameterLayout.causalLM(config)
        let store = try ParameterStore(specs: layout.specs, ties: layout.ties)
        let checkpoint = try SafetensorsCheckpoint(directory: dir)
        let shape = #expect(throws: ParameterError.self) { try store.load(from: checkpoint) }
        let m = shape?.description ?? ""
        #expect(m.contains(dir + "/model.safetensors") && m.contains("'transformer.h.0.mlp.c_fc.weight'")
                && m.contains("shape [16, 64], expected [16, 48]"), "\(m)")

        // An untied Llama layout against a tied checkpoint: lm_head.weight is missing.
        let tiedDir = ModelFixtures.directory("llama-tied")
        guard case var .llama(llama) = try ModelConfig.load(path: tiedDir) else { Issue.record("not Llama"); return }
        llama.tieWordEmbeddings = false
        let untied = ParameterLayout.causalLM(.llama(llama))
        let store2 = try ParameterStore(specs: untied.specs, ties: untied.ties)
        let missing = #expect(throws: ParameterError.self) { try store2.load(from: SafetensorsCheckpoint(directory: tiedDir)) }
        #expect(missing?.description.contains("missing tensor 'lm_head.weight'") == true)

        #expect(throws: ParameterError.self) { try ParameterStore(specs: [ParameterSpec("a", [1]), ParameterSpec("a", [2])]) }
        #expect(throws: ParameterError.self) { try store.requireView("nope") }
    }

    @Test func unexpectedTensorsAreReported() throws {
        let dir = ModelFixtures.directory("gpt2")
        let checkpoint = try SafetensorsCheckpoint(directory: dir)
        let layout = ParameterLayout(specs: ParameterLayout.of(checkpoint).specs.filter { !$0.name.contains("wpe") })
        let store = try ParameterStore(specs: layout.specs)
        let report = try store.load(from: checkpoint)
        #expect(report.unexpected == ["transformer.wpe.weight"])
    }

    @Test func shardedSaveLoadsBack() throws {
        let (store, checkpoint, _) = try store("opt")
        try store.load(from: checkpoint)
        let out = ModelFixtures.temporaryDirectory()
        let files = try store.save(to: out, maxShardSize: 8_000)
        #expect(files.count > 2 && files.last == "model.safetensors.index.json")
        let index = try JSONValue.parse(contentsOfFile: out + "/model.safetensors.index.json")
        #expect(index["metadata"]?["total_parameters"]?.intValue == store.parameterCount)
        let (again, _, _) = try self.store("opt")
        try again.load(from: SafetensorsCheckpoint(directory: out))
        for view in store.views {
            #expect(again.floatArray(again.view(view.name)!) == store.floatArray(view))
        }
    }
}

@Suite struct DecayParameterTests {
    @Test(arguments: ModelFixtures.variants)
    func decayNamesMatchTheTrainer(variant: String) throws {
        let config = try ModelConfig.load(path: ModelFixtures.directory(variant))
        let layout = ParameterLayout.causalLM(config)
        let expected = try ModelFixtures.expected(variant)["decay_parameter_names"]!.arrayValue!.map { $0.stringValue! }
        // The Trainer lists a tied alias (lm_head.weight) too; it is the same tensor as its target.
        #expect(layout.decayParameterNames == expected.filter { layout.ties[$0] == nil })
    }
}
