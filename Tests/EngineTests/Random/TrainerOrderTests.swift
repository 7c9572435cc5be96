import Foundation
import Testing
@testable import Engine

/// A model that learns nothing and records the first token of every row it is fed: with each
/// example's first token its index, that is the order the training loop uses.
final class OrderRecordingModel: TrainableModel {
    let store: ParameterStore
    var training = false
    var seen: [Int] = []

    init() throws {
        store = try ParameterStore(specs: [ParameterSpec("w", [1])])
        store.setTrainable { _ in true }
    }

    var trainableStores: [ParameterStore] { [store] }
    var flopsParameterCount: Int { 1 }
    func weightDecayApplies(to name: String) -> Bool { false }

    func lossAndGradients(_ batch: TokenBatch, gradScale: Float) throws -> CrossEntropy.Result {
        for row in 0..<batch.rows { seen.append(batch.inputIDs[row * batch.columns]) }
        return CrossEntropy.Result(lossSum: 1, count: 1, correct: 0)
    }

    func evaluate(_ batch: TokenBatch) throws -> CrossEntropy.Result { CrossEntropy.Result(lossSum: 1, count: 1, correct: 0) }
}

/// The per-sample order of a real transformers Trainer / TRL SFTTrainer run (recorded inside
/// compute_loss by tools/gen_torch_randperm_fixtures.py) is the order sftnb's loop feeds.
@Suite struct TrainerOrderTests {
    @Test func trainingLoopFeedsHFTrainersOrder() throws {
        let fixture = try TorchGeneratorTests.fixture("trainer_order")
        let cases = try #require(fixture["cases"]?.arrayValue)
        #expect(cases.count == 6)
        for c in cases {
            let n = try #require(c["n"]?.intValue)
            var plan = TrainingPlan()
            plan.seed = try #require(c["seed"]?.intValue)
            plan.dataSeed = c["data_seed"]?.intValue
            plan.batchSize = try #require(c["batch_size"]?.intValue)
            plan.gradientAccumulationSteps = try #require(c["gradient_accumulation_steps"]?.intValue)
            plan.epochs = Double(try #require(c["epochs"]?.intValue))
            plan.dropLast = c["drop_last"]?.boolValue ?? false
            plan.saveStrategy = "no"
            let model = try OrderRecordingModel()
            let loop = try TrainingLoop(model: model, plan: plan, collator: LanguageModelingCollator(padTokenID: 0),
                                        outputDirectory: "/tmp/unused")
            _ = try loop.train((0..<n).map { TokenizedExample(inputIDs: [$0, 1, 2]) })
            let expected = c["epoch_orders"]?.arrayValue?.flatMap { TorchGeneratorTests.ints($0) } ?? []
            #expect(!expected.isEmpty)
            #expect(model.seen == expected, "n \(n), seed \(plan.seed), data_seed \(String(describing: plan.dataSeed))")
        }
    }

    /// With the same order, the loop's per-step losses are a real Trainer's (tiny Llama, no
    /// dropout, 2 × 2 accumulated batches of a 10-example set over an epoch boundary).
    @Test func stepLossesMatchHFTrainer() throws {
        let c = try TorchGeneratorTests.fixture("trainer_losses")
        var plan = TrainingPlan()
        plan.batchSize = try #require(c["batch_size"]?.intValue)
        plan.gradientAccumulationSteps = try #require(c["gradient_accumulation_steps"]?.intValue)
        plan.maxSteps = try #require(c["max_steps"]?.intValue)
        plan.learningRate = try #require(c["learning_rate"]?.doubleValue)
        plan.seed = try #require(c["seed"]?.intValue)
        plan.loggingSteps = 1
        plan.saveStrategy = "no"
        let model = try CausalLM.load(directory: try MT.directory(try #require(c["model"]?.stringValue)))
        var losses: [Double] = [], norms: [Double] = []
        var hooks = TrainingLoop.Hooks()
        hooks.log = { entry in
            if let l = entry["loss"]?.doubleValue { losses.append(l) }
            if let g = entry["grad_norm"]?.doubleValue { norms.append(g) }
        }
        let loop = try TrainingLoop(model: model, plan: plan, collator: LanguageModelingCollator(padTokenID: 0), outputDirectory: "/tmp/unused")
        let examples = c["input_ids"]?.arrayValue?.map { TokenizedExample(inputIDs: TorchGeneratorTests.ints($0)) } ?? []
        _ = try loop.train(examples, hooks: hooks)
        let expected = c["losses"]?.arrayValue?.compactMap(\.doubleValue) ?? []
        let expectedNorms = c["grad_norms"]?.arrayValue?.compactMap(\.doubleValue) ?? []
        #expect(losses.count == 5 && expected.count == 5)
        for (a, b) in zip(losses, expected) { #expect(abs(a - b) <= 2e-6 * abs(b), "loss \(a) vs HF \(b)") }
        for (a, b) in zip(norms, expectedNorms) { #expect(abs(a - b) <= 1e-5 * abs(b), "grad norm \(a) vs HF \(b)") }
    }

    @Test func orderIsRandpermSeededBySeedPlusEpoch() {
        var g = TorchGenerator(seed: 45)
        #expect(TrainingLoop.order(count: 30, seed: 42, epoch: 3) == g.randperm(30))
        #expect(TrainingLoop.order(count: 30, seed: 42, epoch: 0) != TrainingLoop.order(count: 30, seed: 42, epoch: 1))
    }
}
