import Foundation
import Testing
@testable import Engine

/// CausalLM's facade: print(model), save/load round trip, from_config init, bf16 storage.
@Suite struct CausalLMTests {
    @Test(arguments: MT.variants)
    func descriptionMatchesPrintModel(variant: String) throws {
        let url = try #require(Bundle.module.url(forResource: "repr", withExtension: "json", subdirectory: "Fixtures/models/runtime"))
        let reprs = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: String])
        let model = try CausalLM.load(directory: try MT.directory(variant))
        #expect(model.description == reprs[variant])
    }

    @Test(arguments: MT.variants)
    func saveThenLoadKeepsWeightsAndKeys(variant: String) throws {
        let model = try CausalLM.load(directory: try MT.directory(variant))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("clm-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        try model.save(to: out)
        let e = try MT.expected(variant)
        let file = try SafetensorsFile(path: out + "/model.safetensors")
        let original = try SafetensorsFile(path: try MT.directory(variant) + "/model.safetensors")
        #expect(file.names.sorted() == original.names.sorted())
        #expect(model.numParameters() == (e["num_parameters"] as? Int))
        let reloaded = try CausalLM.load(directory: out)
        let batch = try MT.batch(e)
        #expect(try reloaded.logits(batch) == (try model.logits(batch)))
    }

    @Test func bf16StorageHalvesWeightsAndStaysClose() throws {
        let dir = try MT.directory("llama")
        let f32 = try CausalLM.load(directory: dir)
        let bf16 = try CausalLM.load(directory: dir, dtype: .BF16)
        #expect(bf16.store.valueByteCount < f32.store.valueByteCount * 6 / 10)
        let batch = try MT.batch(try MT.expected("llama"))
        #expect(MT.relativeError(try bf16.logits(batch), try f32.logits(batch)) < 2e-2)
        bf16.training = true
        let r = try bf16.lossAndGradients(batch)
        #expect(abs(r.meanLoss - (try f32.evaluate(batch)).meanLoss) < 5e-2)
    }

    @Test func fromConfigInitialisesLikeHF() throws {
        let config = try ModelConfig.load(path: try MT.directory("gpt2") + "/config.json")
        let model = try CausalLM(config: config, seed: 3)
        func std(_ name: String) throws -> Double {
            let v = model.store.floatArray(try model.store.requireView(name))
            return (v.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(v.count)).squareRoot()
        }
        #expect(abs(try std("transformer.wte.weight") - 0.02) < 0.003)
        #expect(abs(try std("transformer.h.0.mlp.c_proj.weight") - 0.02 / 2) < 0.002)   // 1/√(2·n_layer), n_layer 2
        #expect(model.store.floatArray(try model.store.requireView("transformer.ln_f.weight")).allSatisfy { $0 == 1 })
        #expect(model.store.floatArray(try model.store.requireView("transformer.h.1.attn.c_attn.bias")).allSatisfy { $0 == 0 })
        let llama = try CausalLM(config: ModelConfig.load(path: try MT.directory("llama") + "/config.json"))
        let table = llama.store.floatArray(try llama.store.requireView("model.embed_tokens.weight"))
        #expect(table[0..<16].allSatisfy { $0 == 0 }, "padding_idx row is zero")
    }
}

@Suite struct ResizeEmbeddingsTests {
    @Test(arguments: ["gpt2", "llama"])
    func newRowsAreTheMeanAndOldLogitsStay(variant: String) throws {
        let model = try CausalLM.load(directory: try MT.directory(variant))
        let batch = try MT.batch(try MT.expected(variant))
        let before = try model.logits(batch)
        let table = model.decoder.spec.tokenEmbedding
        let old = model.store.floatArray(try model.store.requireView(table))
        try model.resizeTokenEmbeddings(to: 98, padToMultipleOf: 8)
        #expect(model.config.vocabSize == 104)
        let new = model.store.floatArray(try model.store.requireView(table))
        let d = old.count / 96
        #expect(Array(new.prefix(old.count)) == old)
        for j in 0..<d {
            let mean = (0..<96).reduce(0.0) { $0 + Double(old[$1 * d + j]) } / 96
            #expect(abs(Double(new[100 * d + j]) - mean) < 1e-6)
        }
        // Logits over the old vocabulary are unchanged (up to sgemm blocking).
        let after = try model.logits(batch)
        for t in 0..<(before.count / 96) {
            #expect(MT.maxAbs(Array(after[(t * 104)..<(t * 104 + 96)]), Array(before[(t * 96)..<(t * 96 + 96)])) < 1e-5)
        }
        #expect(try model.lossAndGradients(batch).count > 0)
    }
}

@Suite struct FlatParametersTests {
    @Test func bf16MasterWeightsTrainAndWriteBack() throws {
        let dir = try MT.directory("gpt2")
        let model = try CausalLM.load(directory: dir, dtype: .BF16)
        model.training = true
        let batch = try MT.batch(try MT.expected("gpt2"))
        let flat = model.trainableParameters()
        #expect(flat.values.count == flat.gradients.count)
        var opt = try AdamW(count: flat.values.count, groups: model.adamWGroups())
        var losses: [Double] = []
        for _ in 0..<5 {
            model.zeroGradients()
            losses.append(try model.lossAndGradients(batch).meanLoss)
            opt.update(params: flat.values.baseAddress!, grads: flat.gradients.baseAddress!, lr: 1e-2)
            flat.writeBack()
        }
        #expect(losses.last! < losses.first! - 0.05, "\(losses)")
    }

    @Test func frozenViewsAreLeftOut() throws {
        let model = try CausalLM.load(directory: try MT.directory("llama"))
        model.store.setTrainable { !$0.contains("embed_tokens") }
        let flat = model.trainableParameters()
        let embed = model.store.view("model.embed_tokens.weight")!.count
        #expect(flat.values.count >= model.numParameters() - embed)
        #expect(flat.values.count < model.numParameters())
        let before = model.store.floatArray(model.store.view("model.norm.weight")!)
        flat.values.update(repeating: 0.5)
        flat.writeBack()
        #expect(model.store.floatArray(model.store.view("model.norm.weight")!) != before)
        #expect(model.store.floatArray(model.store.view("model.norm.weight")!).allSatisfy { $0 == 0.5 })
    }
}
