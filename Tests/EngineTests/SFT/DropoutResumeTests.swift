import Foundation
import Testing
@testable import Engine

/// Training with dropout (and NEFTune) resumed from a checkpoint continues exactly as a run
/// that never stopped: the loop reseeds the model's random streams from (seed, step, micro-batch).
@Suite struct DropoutResumeTests {
    enum Variant { case full, lora, neftune }

    static let loraConfig = LoRAConfig(r: 4, alpha: 8, dropout: 0.1, targets: .names(["c_attn", "c_fc"]), seed: 1)

    /// The tiny GPT-2 fixture with resid/attn/embd dropout 0.1 (and LoRA dropout 0.1 adapters,
    /// or NEFTune noise).
    static func model(_ variant: Variant) throws -> CausalLM {
        let model = try DecoderTrainingTests.withDropout("gpt2", 0.1)
        model.training = false
        if variant == .lora { try model.applyLoRA(loraConfig) }
        if variant == .neftune { model.neftuneAlpha = 5 }
        return model
    }

    /// Batches of 1, two per step: 12 updates per epoch, so step 3 is mid-epoch and mid-order.
    static func plan(seed: Int = 42, save: Bool = false) -> TrainingPlan {
        var p = CausalLMTrainingTests.plan()
        p.batchSize = 1
        p.gradientAccumulationSteps = 2
        p.maxSteps = 6
        p.seed = seed
        p.dataSeed = 7
        if save { p.saveStrategy = "steps"; p.saveSteps = 3 }
        return p
    }

    func run(_ model: CausalLM, _ variant: Variant, plan: TrainingPlan, output: String,
             resume: TrainingCheckpoint? = nil) throws -> [Double] {
        var losses: [Double] = []
        var hooks = TrainingLoop.Hooks()
        hooks.log = { if let l = $0["loss"]?.doubleValue { losses.append(l) } }
        hooks.saveModel = { path in
            if variant == .lora { try model.saveAdapter(to: path) } else { try model.store.save(to: path) }
        }
        let loop = try TrainingLoop(model: model, plan: plan, collator: LanguageModelingCollator(padTokenID: 0), outputDirectory: output)
        _ = try loop.train(CausalLMTrainingTests.examples(), resume: resume, hooks: hooks)
        return losses
    }

    func trainable(_ model: CausalLM) -> [Float] {
        let store = model.trainableStores[0]
        return store.views.flatMap { store.floatArray($0) }
    }

    @Test(arguments: [Variant.full, Variant.lora, Variant.neftune])
    func resumedRunEqualsStraightRunBitForBit(variant: Variant) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-dropout-resume-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let straightModel = try Self.model(variant)
        let straight = try run(straightModel, variant, plan: Self.plan(save: true), output: dir + "/a")
        #expect(straight.count == 6)

        // A fresh process: a new model (its own RNG state) with the checkpoint's weights.
        let resumedModel = try Self.model(variant)
        let checkpointDir = dir + "/a/checkpoint-3"
        if variant == .lora {
            _ = try resumedModel.lora!.store.load(from: SafetensorsCheckpoint(directory: checkpointDir, weightsName: "adapter_model.safetensors"))
        } else {
            _ = try resumedModel.store.load(from: SafetensorsCheckpoint(directory: checkpointDir))
        }
        let resumed = try run(resumedModel, variant, plan: Self.plan(), output: dir + "/b",
                              resume: try TrainingCheckpoint.load(directory: checkpointDir))
        #expect(resumed == Array(straight[3...]))
        let sameWeights = trainable(resumedModel) == trainable(straightModel)
        #expect(sameWeights, "the resumed run ends with other weights")

        // The masks do depend on the run's seed (same data order through data_seed).
        let otherSeed = try run(try Self.model(variant), variant, plan: Self.plan(seed: 43), output: dir + "/c")
        #expect(otherSeed[0] != straight[0])
    }
}
