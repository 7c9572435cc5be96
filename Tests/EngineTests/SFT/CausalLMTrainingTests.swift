import Foundation
import Testing
@testable import Engine

/// The training loop on a real model (the tiny GPT-2 fixture), full fine-tune and LoRA.
@Suite struct CausalLMTrainingTests {
    static func examples() -> [TokenizedExample] {
        (0..<12).map { i in TokenizedExample(inputIDs: (0..<(6 + i % 4)).map { (i * 7 + $0 * 3) % 90 + 1 }) }
    }

    static func plan() -> TrainingPlan {
        var p = TrainingPlan()
        p.learningRate = 1e-2
        p.batchSize = 4
        p.maxSteps = 8
        p.loggingSteps = 1
        p.saveStrategy = "no"
        p.weightDecay = 0.01
        return p
    }

    func train(_ model: CausalLM) throws -> [Double] {
        var losses: [Double] = []
        var hooks = TrainingLoop.Hooks()
        hooks.log = { if let l = $0["loss"]?.doubleValue { losses.append(l) } }
        let loop = try TrainingLoop(model: model, plan: Self.plan(), collator: LanguageModelingCollator(padTokenID: 0),
                                    outputDirectory: "/tmp/unused")
        _ = try loop.train(Self.examples(), hooks: hooks)
        return losses
    }

    @Test func fullFineTuneLearns() throws {
        let model = try CausalLM.load(directory: try MT.directory("gpt2"))
        let losses = try train(model)
        #expect(losses.count == 8)
        #expect(losses.last! < losses.first! - 0.1, "\(losses)")
        #expect(!model.weightDecayApplies(to: "transformer.h.0.ln_1.weight"))
        #expect(!model.weightDecayApplies(to: "transformer.h.0.attn.c_attn.bias"))
        #expect(model.weightDecayApplies(to: "transformer.h.0.attn.c_attn.weight"))
    }

    @Test func loraTrainsOnlyTheAdapters() throws {
        let model = try CausalLM.load(directory: try MT.directory("llama"))
        let before = model.store.floatArray(model.store.view("model.layers.0.self_attn.q_proj.weight")!)
        try model.applyLoRA(LoRAConfig(r: 4, alpha: 8, dropout: 0, targets: .names(["q_proj", "v_proj"]), seed: 1))
        let losses = try train(model)
        #expect(losses.last! < losses.first!)
        #expect(model.trainableStores.first === model.lora?.store)
        #expect(model.store.floatArray(model.store.view("model.layers.0.self_attn.q_proj.weight")!) == before)
    }
}
