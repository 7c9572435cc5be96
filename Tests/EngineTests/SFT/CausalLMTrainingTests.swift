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

/// Resuming from a checkpoint continues a real model's run bit for bit: 20 steps straight equal
/// 10 steps, a checkpoint, and 10 more in a fresh model loaded from the checkpoint's files
/// (`CausalLM.load` / `loadAdapter`, as a user resumes) — with dropout on (the loop reseeds it
/// per micro-batch) and mid-epoch (batch 4 of 16 rows).
/// Runs on one engine/BLAS thread: OpenBLAS's thread count is process-wide, and attention in
/// tests running concurrently toggles it (`Parallel.withSingleThreadedBLAS`), which changes the
/// last bits of some sgemm results mid-run. A single training process never races itself.
@Suite(.serialized) struct CausalLMResumeTests {
    /// The parity fixture's GPT-2 with dropout 0.1 everywhere.
    static func dropoutModel(directory: String = TRLParityTests.directory + "/model") throws -> CausalLM {
        let loaded = try CausalLM.load(directory: directory)
        guard case var .gpt2(c) = loaded.config else { throw ParameterError("expected the GPT-2 fixture") }
        c.residPdrop = 0.1; c.embdPdrop = 0.1; c.attnPdrop = 0.1
        return try CausalLM(config: .gpt2(c), store: loaded.store)
    }

    static func plan(saveSteps: Double?) -> TrainingPlan {
        var p = TrainingPlan()
        p.batchSize = 4
        p.maxSteps = 20
        p.learningRate = 1e-2
        p.warmupSteps = 3
        p.weightDecay = 0.1
        p.maxGradNorm = 1.0
        p.loggingSteps = 1
        p.saveStrategy = saveSteps == nil ? "no" : "steps"
        p.saveSteps = saveSteps ?? 500
        return p
    }

    static func examples() throws -> [TokenizedExample] {
        let fixture = try TRLParityTests.fixture()
        return try SFTDataPreparation.prepare(rows: TRLParityTests.rows(fixture, "text"),
                                              tokenizer: try Tokenizer.load(directory: TRLParityTests.tokenizerDirectory),
                                              options: SFTDataPreparation.Options()).examples
    }

    /// (loss, grad_norm) per logged step.
    static func run(_ model: CausalLM, plan: TrainingPlan, output: String, resume: TrainingCheckpoint? = nil) throws -> [[Double]] {
        var logged: [[Double]] = []
        var hooks = TrainingLoop.Hooks()
        hooks.log = { e in if let l = e["loss"]?.doubleValue, let g = e["grad_norm"]?.doubleValue { logged.append([l, g]) } }
        hooks.saveModel = { dir in model.lora == nil ? try model.save(to: dir) : try model.saveAdapter(to: dir) }
        let loop = try TrainingLoop(model: model, plan: plan, collator: LanguageModelingCollator(padTokenID: 0), outputDirectory: output)
        _ = try loop.train(try examples(), resume: resume, hooks: hooks)
        return logged
    }

    static func weights(_ model: CausalLM) -> [[Float]] {
        let store = model.lora?.store ?? model.store
        return store.views.map { store.floatArray($0) }
    }

    @Test(arguments: [false, true])
    func resumedRunEqualsTheStraightRun(lora: Bool) throws {
        let threads = Parallel.threadCount
        Parallel.setThreadCount(1)   // with 1, withSingleThreadedBLAS no longer toggles anything
        Thread.sleep(forTimeInterval: 0.2)   // let toggles already under way restore, then pin again
        Parallel.setThreadCount(1)
        defer { Parallel.setThreadCount(threads) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-resume-lm-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func fresh() throws -> CausalLM {
            let model = try Self.dropoutModel()
            if lora { try model.applyLoRA(LoRAConfig(r: 4, alpha: 8, dropout: 0.1, seed: 1)) }
            return model
        }
        let straightModel = try fresh()
        let straight = try Self.run(straightModel, plan: Self.plan(saveSteps: nil), output: dir + "/a")
        let firstModel = try fresh()
        let first = try Self.run(firstModel, plan: Self.plan(saveSteps: 10), output: dir + "/b")
        let checkpoint = dir + "/b/checkpoint-10"
        // A fresh process: the model from the checkpoint's files, the loop from its state.
        let resumedModel: CausalLM
        if lora {
            resumedModel = try Self.dropoutModel()
            try resumedModel.loadAdapter(from: checkpoint)
        } else {
            resumedModel = try CausalLM.load(directory: checkpoint)
        }
        let resumed = try Self.run(resumedModel, plan: Self.plan(saveSteps: nil), output: dir + "/c",
                                   resume: try TrainingCheckpoint.load(directory: checkpoint))
        #expect(straight.count == 20)
        #expect(straight == first)
        #expect(Array(straight[10...]) == resumed)
        #expect(Self.weights(straightModel) == Self.weights(resumedModel))
        #expect(Set(straight.map { $0[0] }).count > 15, "dropout and training change the loss every step")
    }
}
