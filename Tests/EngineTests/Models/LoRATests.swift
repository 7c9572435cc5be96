import Foundation
import Testing
@testable import Engine

/// LoRA against PEFT (tools/gen_model_runtime_fixtures.py): adapters with non-zero B saved by
/// PEFT load here and give PeftModel's logits; key names, config and trainable counts match.
@Suite struct LoRATests {
    static func adapterDirectory(_ variant: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "adapter_config", withExtension: "json",
                                                 subdirectory: "Fixtures/models/runtime/lora-\(variant)"))
        return url.deletingLastPathComponent().path
    }

    static func expected(_ variant: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try adapterDirectory(variant) + "/expected.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: ["gpt2", "llama", "opt"])
    func loadedAdapterGivesPEFTLogits(variant: String) throws {
        let dir = try Self.adapterDirectory(variant)
        let model = try CausalLM.load(directory: try MT.directory(variant))
        try model.loadAdapter(from: dir)
        let batch = try MT.batch(try MT.expected(variant))
        let logits = try model.logits(batch)
        let reference = try SafetensorsFile(path: dir + "/logits.safetensors").floats("logits")
        let err = MT.relativeError(logits, reference)
        #expect(err < 1e-5, "\(variant) LoRA logits relative error \(err)")
        #expect(model.trainableParametersSummary == (try Self.expected(variant)["print_trainable_parameters"] as? String))

        // merge_and_unload keeps the function.
        try model.mergeAndUnload()
        #expect(model.lora == nil)
        #expect(MT.relativeError(try model.logits(batch), reference) < 1e-5)
    }

    @Test func defaultTargetsKeysAndConfigAsPEFT() throws {
        let model = try CausalLM.load(directory: try MT.directory("gpt2"))
        try model.applyLoRA(LoRAConfig(r: 4, alpha: 8))
        let e = try Self.expected("gpt2")
        #expect(model.trainableParametersSummary == e["print_trainable_parameters"] as? String)
        #expect(model.store.gradientCount == 0, "base weights must be frozen")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lora-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        try model.saveAdapter(to: out)
        let file = try SafetensorsFile(path: out + "/adapter_model.safetensors")
        #expect(file.names.sorted() == (e["keys"] as? [String]))
        let mine = try #require(try JSONValue.parse(contentsOfFile: out + "/adapter_config.json").objectValue)
        let peft = try #require(try JSONValue.parse(contentsOfFile: try Self.adapterDirectory("gpt2") + "/adapter_config.json").objectValue)
        #expect(mine.keys.sorted() == peft.keys.sorted())
        for key in ["r", "lora_alpha", "fan_in_fan_out", "target_modules", "peft_type", "task_type", "use_rslora"] {
            #expect(mine[key] == peft[key], "adapter_config.json \(key)")
        }
        // B = 0: the adapted model equals the base model; A ~ U(±1/√in).
        let a = model.lora!.store.floatArray(try model.lora!.store.requireView("base_model.model.transformer.h.0.attn.c_attn.lora_A.weight"))
        #expect(a.allSatisfy { abs($0) <= 0.25 } && a.contains { $0 != 0 })
    }

    @Test func gradientsMatchFiniteDifferences() throws {
        let model = try CausalLM.load(directory: try MT.directory("llama"))
        try model.loadAdapter(from: try Self.adapterDirectory("llama"))
        let batch = try MT.batch(try MT.expected("llama"))
        model.zeroGradients()
        _ = try model.lossAndGradients(batch)
        let store = model.lora!.store
        for name in ["base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight",
                     "base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight"] {
            let view = try store.requireView(name)
            let grad = Array(store.gradient(view)!)
            let values = store.floats(view)!
            for index in [0, 7, view.count - 1] {
                let h: Float = 1e-2
                let original = values[index]
                values[index] = original + h
                let up = try model.evaluate(batch).meanLoss
                values[index] = original - h
                let down = try model.evaluate(batch).meanLoss
                values[index] = original
                let numeric = (up - down) / Double(2 * h)
                #expect(abs(numeric - Double(grad[index])) < 2e-3 * max(1, abs(numeric)) + 1e-4,
                        "\(name)[\(index)]: analytic \(grad[index]) vs numeric \(numeric)")
            }
        }
    }

    @Test func allLinearTargetsWhatPEFTTargets() throws {
        let model = try CausalLM.load(directory: try MT.directory("opt"))
        try model.applyLoRA(LoRAConfig(r: 4, alpha: 8, targets: .allLinear))
        let e = try Self.expected("opt")
        #expect(model.lora!.store.views.map(\.name).sorted() == (e["keys"] as? [String]))
        #expect(model.trainableParametersSummary == e["print_trainable_parameters"] as? String)
        #expect(throws: ParameterError.self) {
            try CausalLM.load(directory: try MT.directory("llama")).applyLoRA(LoRAConfig(targets: .names(["c_attn"])))
        }
    }

    @Test func dropoutGradientsMatchFiniteDifferences() throws {
        let model = try CausalLM.load(directory: try MT.directory("gpt2"))
        try model.applyLoRA(LoRAConfig(r: 4, alpha: 8, dropout: 0.3, targets: .names(["c_attn", "c_fc"]), seed: 3))
        let lora = try #require(model.lora)
        // Non-zero B so A gets gradients too.
        for l in lora.layers {
            var rng = Philox(seed: 11)
            var b = [Float](repeating: 0, count: l.b.count)
            b.withUnsafeMutableBufferPointer { rng.fillNormal($0.baseAddress!, count: l.b.count, mean: 0, std: 0.1) }
            b.withUnsafeBufferPointer { lora.store.write(l.b, from: $0) }
        }
        model.training = true
        let batch = try MT.batch(try MT.expected("gpt2"))
        func replay() { for (i, l) in lora.layers.enumerated() { l.rng = Philox(seed: UInt64(100 + i)) } }
        replay()
        model.zeroGradients()
        let base = try model.lossAndGradients(batch).meanLoss
        replay()
        #expect(abs(try model.evaluate(batch).meanLoss - base) < 1e-9)
        #expect(abs(try model.evaluate(batch).meanLoss - base) > 1e-6, "fresh masks differ")
        for l in lora.layers.prefix(2) {
            for view in [l.a, l.b] {
                let grad = Array(lora.store.gradient(view)!)
                let values = lora.store.floats(view)!
                let index = grad.indices.max { abs(grad[$0]) < abs(grad[$1]) }!
                let original = values[index], h: Float = 2e-3
                values[index] = original + h
                replay()
                let up = try model.evaluate(batch).meanLoss
                values[index] = original - h
                replay()
                let down = try model.evaluate(batch).meanLoss
                values[index] = original
                let numeric = (up - down) / Double(2 * h)
                #expect(abs(numeric - Double(grad[index])) < 3e-3 * max(abs(numeric), 1e-2),
                        "\(view.name)[\(index)]: analytic \(grad[index]) vs numeric \(numeric)")
            }
        }
    }

    /// PEFT's adapter init draws what torch does: after `torch.manual_seed(42)`,
    /// `kaiming_uniform_(torch.empty(4, 16), a=math.sqrt(5))` starts with these (torch 2.15).
    @Test func kaimingUniformDrawsAsTorch() {
        var rng = TorchGenerator(seed: 42)
        let values = LoRAAdapters.kaimingUniform(&rng, count: 64, fanIn: 16)
        #expect(Array(values.prefix(4)) == [0.19113463, 0.20750198, -0.05856812, 0.22965282])
        #expect(values.allSatisfy { abs($0) <= 0.25 })
    }
}
