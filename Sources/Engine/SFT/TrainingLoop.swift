import Foundation

/// HF Trainer's inner loop for causal-LM fine-tuning, as TRL's SFTTrainer runs it: epochs of
/// shuffled micro-batches grouped into optimizer steps of `gradientAccumulationSteps`, the loss
/// as the token mean over the whole accumulated batch, global-norm clipping, AdamW with the
/// scheduled learning rate, and logging, evaluation and checkpoints on HF's schedule.
/// Sample order is HF's (`TorchGenerator.randperm`), and dropout is reseeded per micro-batch.
public final class TrainingLoop {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// What the caller wants to hear about as training goes.
    public struct Hooks {
        /// A new `log_history` entry (train logs, eval logs and the final summary).
        public var log: (JSONObject) -> Void = { _ in }
        /// After every optimizer step: (step, maxSteps, last step's loss, tokens per second).
        public var progress: (Int, Int, Double, Double) -> Void = { _, _, _, _ in }
        /// Write the model's files of a checkpoint into the directory (full model or adapter).
        public var saveModel: (String) throws -> Void = { _ in }
        /// Polled after every step: true stops training after that step (Ctrl-C).
        public var shouldStop: () -> Bool = { false }
        public init() {}
    }

    public struct Summary: Sendable {
        public var globalStep: Int
        public var trainingLoss: Double
        /// train_runtime, train_samples_per_second, train_steps_per_second, total_flos, train_loss, epoch.
        public var metrics: JSONObject
        /// Set when training stopped early on request: the step it stopped after.
        public var interruptedAfterStep: Int?
    }

    public let model: TrainableModel
    public let plan: TrainingPlan
    public let collator: LanguageModelingCollator
    public let outputDirectory: String
    public private(set) var state = TrainerState()
    public let optimizer: ParameterOptimizer
    /// Cumulative real tokens seen (TRL's `num_tokens`).
    public private(set) var tokensSeen = 0

    public init(model: TrainableModel, plan: TrainingPlan, collator: LanguageModelingCollator, outputDirectory: String) throws {
        self.model = model
        self.plan = plan
        self.collator = collator
        self.outputDirectory = outputDirectory
        optimizer = try ParameterOptimizer(stores: model.trainableStores, decay: model.weightDecayApplies(to:),
                                           beta1: plan.beta1, beta2: plan.beta2, eps: plan.epsilon,
                                           weightDecay: plan.weightDecay)
        guard optimizer.parameterCount > 0 else {
            throw Failure(description: "the model has no trainable parameters")
        }
    }

    /// The order of examples in `epoch`, as HF Trainer feeds them: accelerate's
    /// SeedableRandomSampler draws `torch.randperm(count)` from a CPU generator seeded with
    /// `(data_seed ?? seed) + epoch` (pass that seed here).
    public static func order(count: Int, seed: Int, epoch: Int) -> [Int] {
        var generator = TorchGenerator(seed: seed &+ epoch)
        return generator.randperm(count)
    }

    /// Trains on `examples`; `evalExamples` are used when the plan evaluates.
    /// `resume` continues from a checkpoint written by this loop.
    public func train(_ examples: [TokenizedExample], evalExamples: [TokenizedExample] = [],
                      resume: TrainingCheckpoint? = nil, hooks: Hooks = Hooks()) throws -> Summary {
        guard !examples.isEmpty else { throw Failure(description: "the training dataset is empty") }
        let shape = plan.schedule(examples: examples.count)
        guard shape.batchesPerEpoch > 0 else {
            throw Failure(description: "dataloader_drop_last=True leaves no batch: \(examples.count) examples, batch size \(plan.batchSize)")
        }
        let schedule = try LRSchedule(name: plan.scheduler, baseLR: plan.learningRate,
                                      warmupSteps: TrainingPlan.steps(plan.warmupSteps, of: shape.maxSteps),
                                      totalSteps: shape.maxSteps)
        let loggingEvery = max(1, TrainingPlan.steps(plan.loggingSteps, of: shape.maxSteps))
        let evalEvery = max(1, TrainingPlan.steps(plan.evalSteps ?? plan.loggingSteps, of: shape.maxSteps))
        let saveEvery = max(1, TrainingPlan.steps(plan.saveSteps, of: shape.maxSteps))
        state.maxSteps = shape.maxSteps
        state.numTrainEpochs = shape.epochs
        state.loggingSteps = loggingEvery
        state.evalSteps = plan.evalStrategy == "steps" ? evalEvery : nil
        state.saveSteps = saveEvery
        state.trainBatchSize = plan.batchSize
        if let resume {
            try resume.restore(into: self)
        }
        let startStep = state.globalStep
        var lastLoggedStep = state.globalStep
        var trLoss = 0.0, totalLoss = 0.0
        var accuracies: [Double] = [], entropies: [Double] = []
        let start = Date()
        var interruptedAfter: Int?
        model.training = true
        defer { model.training = false }

        let flopsParameters = model.flopsParameterCount
        var epoch = startStep / shape.updatesPerEpoch
        let skipUpdates = startStep % shape.updatesPerEpoch
        var evaluatedLast = false
        training: while epoch < shape.epochs && state.globalStep < shape.maxSteps {
            let order = Self.order(count: examples.count, seed: plan.dataSeed ?? plan.seed, epoch: epoch)
            var batches = stride(from: 0, to: order.count, by: plan.batchSize).map { Array(order[$0..<min($0 + plan.batchSize, order.count)]) }
            if plan.dropLast, let last = batches.last, last.count < plan.batchSize { batches.removeLast() }
            let ga = max(1, plan.gradientAccumulationSteps)
            var remainder = batches.count % ga
            if remainder == 0 { remainder = ga }
            let firstUpdate = epoch == startStep / shape.updatesPerEpoch ? skipUpdates : 0
            for update in firstUpdate..<shape.updatesPerEpoch {
                let count = update == shape.updatesPerEpoch - 1 ? remainder : ga
                let first = update * ga
                let micro = batches[first..<min(first + count, batches.count)].map { collator.collate($0.map { examples[$0] }) }
                let items = micro.reduce(0) { $0 + (plan.lossDenominator == .labels ? $1.labelCount : $1.targetCount) }
                let scale = 1 / Float(max(items, 1))
                var stepLoss = 0.0
                for (index, batch) in micro.enumerated() {
                    // Dropout as a function of the position, so a resumed run draws the same masks.
                    model.reseed(StreamSeed.derive(UInt64(truncatingIfNeeded: plan.seed), UInt64(truncatingIfNeeded: state.globalStep), UInt64(index)))
                    let result = try model.lossAndGradients(batch, gradScale: scale)
                    stepLoss += result.lossSum / Double(max(items, 1))
                    accuracies.append(result.count > 0 ? Double(result.correct) / Double(result.count) : 0)
                    entropies.append(result.count > 0 ? result.entropySum / Double(result.count) : 0)
                    tokensSeen += batch.tokenCount
                    // HF's Trainer.floating_point_ops, summed as it sums them (in a Double).
                    state.totalFlos += 6 * Double(batch.inputIDs.count) * Double(flopsParameters)
                }
                let step = state.globalStep + 1
                let lr = schedule.lr(forUpdate: step)
                guard stepLoss.isFinite else {
                    throw Failure(description: "the loss became \(stepLoss) at step \(step) (learning rate \(PythonFloat.repr(lr))); training stopped. A learning rate that is too high is the usual cause: try a smaller learning_rate or max_grad_norm")
                }
                let gradNorm = optimizer.gatherAndClipGradients(maxNorm: Float(plan.maxGradNorm))
                guard gradNorm.isFinite else {
                    throw Failure(description: "the gradient norm became \(gradNorm) at step \(step) (learning rate \(PythonFloat.repr(lr))); training stopped. Try a smaller learning_rate")
                }
                optimizer.step(lr: lr)
                state.globalStep = step
                let microSteps = first + micro.count
                state.epoch = Double(epoch) + Double(microSteps) / Double(batches.count)
                trLoss += stepLoss
                let elapsed = Date().timeIntervalSince(start)
                hooks.progress(step, shape.maxSteps, stepLoss, Double(tokensSeen) / max(elapsed, 1e-9))

                let logDue = plan.loggingStrategy == "steps" && (step % loggingEvery == 0 || (step == 1 && plan.loggingFirstStep))
                let lastStep = step >= shape.maxSteps
                if logDue || (plan.loggingStrategy == "epoch" && update == shape.updatesPerEpoch - 1) {
                    var entry = JSONObject()
                    entry["loss"] = .double(trLoss / Double(step - lastLoggedStep))
                    entry["grad_norm"] = .double(Double(gradNorm))
                    entry["learning_rate"] = .double(lr)
                    entry["entropy"] = .double(entropies.reduce(0, +) / Double(max(entropies.count, 1)))
                    entry["mean_token_accuracy"] = .double(accuracies.reduce(0, +) / Double(max(accuracies.count, 1)))
                    entry["num_tokens"] = .double(Double(tokensSeen))
                    entry["epoch"] = .double(state.epoch)
                    entry["step"] = .int(Int64(step))
                    totalLoss += trLoss
                    trLoss = 0
                    accuracies = []
                    entropies = []
                    lastLoggedStep = step
                    state.logHistory.append(entry)
                    hooks.log(entry)
                }
                // HF's DefaultFlowCallback: a step-based run also evaluates and saves at its last step.
                if (plan.evalStrategy == "steps" && (step % evalEvery == 0 || lastStep)) || (plan.evalStrategy == "epoch" && update == shape.updatesPerEpoch - 1),
                   !evalExamples.isEmpty {
                    evaluatedLast = lastStep
                    let entry = try evaluate(evalExamples, prefix: "eval")
                    state.logHistory.append(entry)
                    hooks.log(entry)
                }
                if (plan.saveStrategy == "steps" && (step % saveEvery == 0 || lastStep)) || (plan.saveStrategy == "epoch" && update == shape.updatesPerEpoch - 1) {
                    try TrainingCheckpoint.save(from: self, directory: outputDirectory, saveModel: hooks.saveModel,
                                                totalLimit: plan.saveTotalLimit)
                }
                if lastStep { break training }
                if hooks.shouldStop() {
                    interruptedAfter = step
                    break training
                }
            }
            epoch += 1
        }
        totalLoss += trLoss
        let runtime = Date().timeIntervalSince(start)
        let stepsRun = state.globalStep - startStep
        let trainLoss = state.globalStep > 0 ? totalLoss / Double(max(stepsRun, 1)) : 0
        var metrics = JSONObject()
        metrics["train_runtime"] = .double((runtime * 10_000).rounded() / 10_000)
        let samples = Double(shape.maxSteps * plan.batchSize * max(1, plan.gradientAccumulationSteps))
        metrics["train_samples_per_second"] = .double((samples / max(runtime, 1e-9) * 1000).rounded() / 1000)
        metrics["train_steps_per_second"] = .double((Double(shape.maxSteps) / max(runtime, 1e-9) * 1000).rounded() / 1000)
        metrics["total_flos"] = .double(state.totalFlos)
        metrics["train_loss"] = .double(trainLoss)
        // The logged summary: as TRL's SFTTrainer.log, the token metrics of steps not logged
        // yet (logging_steps beyond the last step) join it, before Trainer.log's epoch — unless
        // an evaluation at the last step left the model in eval mode (TRL then merges the
        // already-flushed eval metrics: none).
        var final = metrics
        if !entropies.isEmpty && !evaluatedLast {
            final["entropy"] = .double(entropies.reduce(0, +) / Double(entropies.count))
            final["mean_token_accuracy"] = .double(accuracies.reduce(0, +) / Double(max(accuracies.count, 1)))
            final["num_tokens"] = .double(Double(tokensSeen))
        }
        metrics["epoch"] = .double(state.epoch)
        final["epoch"] = .double(state.epoch)
        final["step"] = .int(Int64(state.globalStep))
        state.logHistory.append(final)
        hooks.log(final)
        return Summary(globalStep: state.globalStep, trainingLoss: trainLoss, metrics: metrics,
                       interruptedAfterStep: interruptedAfter)
    }

    /// `trainer.evaluate()`: the token-mean loss over `examples` in batches, as an `eval_` log entry.
    public func evaluate(_ examples: [TokenizedExample], prefix: String = "eval") throws -> JSONObject {
        let wasTraining = model.training
        model.training = false
        defer { model.training = wasTraining }
        let start = Date()
        var batches = 0, samples = 0
        var weightedLoss = 0.0, accuracies = 0.0, entropies = 0.0
        for first in stride(from: 0, to: examples.count, by: plan.evalBatchSize) {
            let rows = Array(examples[first..<min(first + plan.evalBatchSize, examples.count)])
            let r = try model.evaluate(collator.collate(rows))
            // HF repeats each batch's mean loss once per sample; TRL averages per-batch metrics.
            weightedLoss += r.meanLoss * Double(rows.count)
            samples += rows.count
            accuracies += r.count > 0 ? Double(r.correct) / Double(r.count) : 0
            entropies += r.count > 0 ? r.entropySum / Double(r.count) : 0
            batches += 1
        }
        let runtime = Date().timeIntervalSince(start)
        var entry = JSONObject()
        entry["\(prefix)_loss"] = .double(samples > 0 ? weightedLoss / Double(samples) : 0)
        entry["\(prefix)_runtime"] = .double((runtime * 10_000).rounded() / 10_000)
        entry["\(prefix)_samples_per_second"] = .double((Double(examples.count) / max(runtime, 1e-9) * 1000).rounded() / 1000)
        entry["\(prefix)_steps_per_second"] = .double((Double(batches) / max(runtime, 1e-9) * 1000).rounded() / 1000)
        entry["\(prefix)_entropy"] = .double(batches > 0 ? entropies / Double(batches) : 0)
        entry["\(prefix)_mean_token_accuracy"] = .double(batches > 0 ? accuracies / Double(batches) : 0)
        entry["\(prefix)_num_tokens"] = .double(Double(tokensSeen))
        entry["epoch"] = .double(state.epoch)
        entry["step"] = .int(Int64(state.globalStep))
        return entry
    }

    func restoreState(_ restored: TrainerState, tokensSeen: Int) {
        state = restored
        self.tokensSeen = tokensSeen
    }
}
