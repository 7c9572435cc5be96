import Foundation
import Testing
@testable import Engine

/// A real (tiny) language model for exercising the loop: a bigram model, hidden = E[token],
/// logits = hidden · Wᵀ, on the engine's own kernels and parameter store.
final class BigramLM: TrainableModel {
    let vocab: Int, dim: Int
    let store: ParameterStore
    var training = false

    init(vocab: Int = 12, dim: Int = 8, seed: UInt64 = 3) throws {
        self.vocab = vocab
        self.dim = dim
        store = try ParameterStore(specs: [ParameterSpec("embed.weight", [vocab, dim]), ParameterSpec("head.weight", [vocab, dim]),
                                           ParameterSpec("head.bias", [vocab])])
        var rng = Philox(seed: seed)
        for view in store.views {
            var values = [Float](repeating: 0, count: view.count)
            values.withUnsafeMutableBufferPointer { rng.fillNormal($0.baseAddress!, count: view.count, std: 0.5) }
            values.withUnsafeBufferPointer { store.write(view, from: $0) }
        }
        store.setTrainable { _ in true }
    }

    var trainableStores: [ParameterStore] { [store] }
    /// As transformers counts it: everything but the embedding table.
    var flopsParameterCount: Int { store.parameterCount - vocab * dim }
    func weightDecayApplies(to name: String) -> Bool { !name.contains("bias") }

    func run(_ batch: TokenBatch, gradScale: Float, backward: Bool) throws -> CrossEntropy.Result {
        let n = batch.rows * batch.columns
        let ids = batch.inputIDs.map { Int32($0) }
        let labels = batch.labels.map { Int32($0) }
        var targets = [Int32](repeating: 0, count: n)
        CrossEntropy.shiftLabels(labels, into: &targets, batch: batch.rows, seqLen: batch.columns)
        let e = store.view("embed.weight")!, w = store.view("head.weight")!
        var hidden = [Float](repeating: 0, count: n * dim)
        try Embedding.forward(out: &hidden, ids: ids, table: store.floats(e)!.baseAddress!, count: n, rows: vocab, dim: dim)
        var dHidden = [Float](repeating: 0, count: n * dim)
        var scratch = [Float](repeating: 0, count: CrossEntropy.scratchCount(vocab: vocab, dim: dim, chunkRows: 16))
        let result = try dHidden.withUnsafeMutableBufferPointer { dh in
            try CrossEntropy.forwardBackward(
                hidden: hidden, weight: store.floats(w)!.baseAddress!, targets: targets, rows: n, dim: dim, vocab: vocab,
                gradScale: gradScale, dHidden: backward ? dh.baseAddress : nil, dWeight: backward ? store.gradient(w)!.baseAddress! : nil,
                chunkRows: 16, scratch: &scratch)
        }
        if backward {
            try Embedding.backward(dTable: store.gradient(e)!.baseAddress!, dOut: dHidden, ids: ids, count: n, rows: vocab, dim: dim)
        }
        return result
    }

    func lossAndGradients(_ batch: TokenBatch, gradScale: Float) throws -> CrossEntropy.Result {
        try run(batch, gradScale: gradScale, backward: true)
    }

    func evaluate(_ batch: TokenBatch) throws -> CrossEntropy.Result { try run(batch, gradScale: 0, backward: false) }
}

@Suite struct TrainingLoopTests {
    /// Sequences that follow a rule (next = (t * 5 + 1) mod 12), so the bigram model can learn them.
    static func examples(_ count: Int, length: Int = 9) -> [TokenizedExample] {
        (0..<count).map { i in
            var t = i % 12
            var ids: [Int] = []
            for _ in 0..<(length - i % 3) { ids.append(t); t = (t * 5 + 1) % 12 }
            return TokenizedExample(inputIDs: ids)
        }
    }

    static func plan(_ edit: (inout TrainingPlan) -> Void = { _ in }) -> TrainingPlan {
        var p = TrainingPlan()
        p.learningRate = 0.05
        p.batchSize = 4
        p.maxSteps = 12
        p.loggingSteps = 1
        p.saveStrategy = "no"
        p.warmupSteps = 2
        edit(&p)
        return p
    }

    func losses(_ entries: [JSONObject]) -> [Double] { entries.compactMap { $0["loss"]?.doubleValue } }

    @Test func lossFallsAndLogsLikeHF() throws {
        let model = try BigramLM()
        var logged: [JSONObject] = []
        var hooks = TrainingLoop.Hooks()
        hooks.log = { logged.append($0) }
        let loop = try TrainingLoop(model: model, plan: Self.plan(), collator: LanguageModelingCollator(padTokenID: 0), outputDirectory: "/tmp/unused")
        let summary = try loop.train(Self.examples(16), hooks: hooks)
        let l = losses(logged)
        #expect(l.count == 12)
        #expect(l.last! < l.first! * 0.8)
        #expect(summary.globalStep == 12)
        #expect(logged[0]["learning_rate"] == .double(0))  // warmup: the first update runs at lr 0
        #expect(logged[0].keys == ["loss", "grad_norm", "learning_rate", "entropy", "mean_token_accuracy", "num_tokens", "epoch", "step"])
        #expect(logged.last?.keys == ["train_runtime", "train_samples_per_second", "train_steps_per_second", "total_flos", "train_loss", "epoch", "step"])
        #expect(abs(summary.trainingLoss - l.reduce(0, +) / 12) < 1e-12)
        #expect(loop.state.epoch == 3)  // 16 examples / batch 4 = 4 steps per epoch
        // HF's total_flos: 6 × input ids (4 rows padded to the batch's longest, 7–9) × parameters
        // without the embedding table, summed over the 12 batches.
        let flos = try #require(logged.last?["total_flos"]?.doubleValue)
        let paddedLengths = flos / (6 * Double(model.flopsParameterCount) * 4)
        #expect(paddedLengths == paddedLengths.rounded() && (12 * 7...12 * 9).contains(Int(paddedLengths)))
        #expect(loop.state.totalFlos == flos)
    }

    @Test func accumulationEqualsOneBigBatch() throws {
        // 4 micro-batches of 4 accumulated == one batch of 16: same token-mean loss, same updates.
        let data = Self.examples(16)
        func run(_ batch: Int, _ ga: Int) throws -> [Double] {
            var logged: [JSONObject] = []
            var hooks = TrainingLoop.Hooks()
            hooks.log = { logged.append($0) }
            let loop = try TrainingLoop(model: try BigramLM(), plan: Self.plan { $0.batchSize = batch; $0.gradientAccumulationSteps = ga; $0.maxSteps = 5; $0.seed = 1 },
                                        collator: LanguageModelingCollator(padTokenID: 0), outputDirectory: "/tmp/unused")
            _ = try loop.train(data, hooks: hooks)
            return losses(logged)
        }
        let accumulated = try run(4, 4), whole = try run(16, 1)
        #expect(accumulated.count == 5)
        for (a, b) in zip(accumulated, whole) { #expect(abs(a - b) <= 1e-5 * abs(b)) }
    }

    @Test func resumingContinuesTheSameTrajectoryBitForBit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-resume-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = Self.examples(20)
        func collect(_ loop: TrainingLoop, resume: TrainingCheckpoint? = nil, model: BigramLM) throws -> [Double] {
            var logged: [JSONObject] = []
            var hooks = TrainingLoop.Hooks()
            hooks.log = { logged.append($0) }
            hooks.saveModel = { path in try model.store.save(to: path) }
            _ = try loop.train(data, resume: resume, hooks: hooks)
            return losses(logged)
        }
        let straightModel = try BigramLM()
        let straight = try collect(try TrainingLoop(model: straightModel, plan: Self.plan { $0.maxSteps = 20 },
                                                    collator: .init(padTokenID: 0), outputDirectory: dir + "/a"), model: straightModel)
        let first = try BigramLM()
        let firstHalf = try collect(try TrainingLoop(model: first, plan: Self.plan { $0.maxSteps = 20; $0.saveStrategy = "steps"; $0.saveSteps = 10 },
                                                     collator: .init(padTokenID: 0), outputDirectory: dir + "/b"), model: first)
        #expect(FileManager.default.fileExists(atPath: dir + "/b/checkpoint-10/trainer_state.json"))
        // A fresh process: weights from the checkpoint, optimizer and state from its files.
        let second = try BigramLM(seed: 99)
        _ = try second.store.load(from: SafetensorsCheckpoint(directory: dir + "/b/checkpoint-10"))
        let checkpoint = try TrainingCheckpoint.load(directory: dir + "/b/checkpoint-10")
        let resumed = try collect(try TrainingLoop(model: second, plan: Self.plan { $0.maxSteps = 20 },
                                                   collator: .init(padTokenID: 0), outputDirectory: dir + "/c"),
                                  resume: checkpoint, model: second)
        #expect(straight == firstHalf)
        #expect(Array(straight[10...]) == resumed)
    }

    @Test func nanLossStopsWithAClearError() throws {
        let loop = try TrainingLoop(model: try BigramLM(), plan: Self.plan { $0.learningRate = 1e30; $0.warmupSteps = 0; $0.maxGradNorm = 0 },
                                    collator: .init(padTokenID: 0), outputDirectory: "/tmp/unused")
        do {
            _ = try loop.train(Self.examples(16))
            Issue.record("expected a failure")
        } catch let failure as TrainingLoop.Failure {
            #expect(failure.description.contains("at step"))
            #expect(failure.description.contains("learning rate"))
        }
    }

    @Test func stopRequestEndsAfterTheCurrentStep() throws {
        var hooks = TrainingLoop.Hooks()
        var steps = 0
        hooks.progress = { _, _, _, _ in steps += 1 }
        hooks.shouldStop = { steps >= 3 }
        let loop = try TrainingLoop(model: try BigramLM(), plan: Self.plan(), collator: .init(padTokenID: 0), outputDirectory: "/tmp/unused")
        let summary = try loop.train(Self.examples(16), hooks: hooks)
        #expect(summary.interruptedAfterStep == 3)
        #expect(summary.globalStep == 3)
    }

    @Test func scheduleFollowsHFTrainer() {
        var p = TrainingPlan()
        p.batchSize = 8; p.gradientAccumulationSteps = 3; p.epochs = 2.5
        let s = p.schedule(examples: 100)  // 13 batches → 5 updates per epoch (4 full + 1 partial)
        #expect(s.batchesPerEpoch == 13)
        #expect(s.updatesPerEpoch == 5)
        #expect(s.maxSteps == 13)
        #expect(s.epochs == 3)
        #expect(TrainingPlan.steps(0.1, of: 13) == 2)
    }
}
