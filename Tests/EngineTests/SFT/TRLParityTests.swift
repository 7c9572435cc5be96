import Foundation
import Testing
@testable import Engine

/// The whole SFT engine (data preparation, collation, loss, backward, clipping, AdamW with
/// decay exemptions, the warmup schedule, logging) against TRL 1.x's SFTTrainer on the same
/// tiny GPT-2, tokenizer and rows (fixtures by tools/gen_sft_parity_fixtures.py). Each run
/// trains on the whole data set per step, so sample order cannot matter and every logged
/// number is comparable.
@Suite struct TRLParityTests {
    static let directory = Bundle.module.url(forResource: "parity", withExtension: nil, subdirectory: "Fixtures/sft")!.path
    static let tokenizerDirectory = DatasetPreparationTests.directory
    static let tolerance = 2e-4

    struct Trained {
        var model: CausalLM
        var logs: [JSONObject]
        var expected: JSONValue
    }

    static func fixture() throws -> JSONValue {
        try JSONValue.parse(contentsOfFile: directory + "/runs.json")
    }

    static func rows(_ fixture: JSONValue, _ dataset: String) -> [DataDict] {
        (fixture["datasets"]?[dataset]?.arrayValue ?? []).compactMap { row -> DataDict? in
            if case let .dict(d) = DatasetPreparationTests.data(row) { return d }
            return nil
        }
    }

    /// Trains run `name` of the fixture as SFTTrainer did.
    static func train(_ name: String) throws -> Trained {
        let fixture = try fixture()
        let run = try #require(fixture["runs"]?.arrayValue?.first { $0["name"]?.stringValue == name })
        let tokenizer = try Tokenizer.load(directory: tokenizerDirectory)
        let prepared = try SFTDataPreparation.prepare(rows: rows(fixture, run["dataset"]?.stringValue ?? ""), tokenizer: tokenizer,
                                                      options: SFTDataPreparation.Options())
        let expectedIDs = run["prepared_input_ids"]?.arrayValue?.map { $0.arrayValue?.compactMap(\.intValue) ?? [] }
        #expect(prepared.examples.map(\.inputIDs) == expectedIDs, "\(name): prepared rows differ from TRL's")
        let model = try CausalLM.load(directory: directory + "/" + (run["model"]?.stringValue ?? "model"))
        if run["lora"]?.boolValue == true { try model.loadAdapter(from: directory + "/adapter") }
        var plan = TrainingPlan()
        plan.batchSize = try #require(run["batch_size"]?.intValue)
        plan.gradientAccumulationSteps = try #require(run["gradient_accumulation_steps"]?.intValue)
        plan.learningRate = try #require(run["learning_rate"]?.doubleValue)
        plan.maxGradNorm = try #require(run["max_grad_norm"]?.doubleValue)
        plan.maxSteps = try #require(fixture["steps"]?.intValue)
        plan.warmupSteps = try #require(fixture["warmup_steps"]?.doubleValue)
        plan.weightDecay = try #require(fixture["weight_decay"]?.doubleValue)
        plan.loggingSteps = 1
        plan.saveStrategy = "no"
        // transformers 5 divides a GPT-2 step's loss by its unshifted label count (see LossDenominator).
        if case .gpt2 = model.config { plan.lossDenominator = .labels }
        var logs: [JSONObject] = []
        var hooks = TrainingLoop.Hooks()
        hooks.log = { if $0["loss"] != nil { logs.append($0) } }
        let padID = try #require(tokenizer.padTokenId)
        let loop = try TrainingLoop(model: model, plan: plan, collator: LanguageModelingCollator(padTokenID: padID),
                                    outputDirectory: "/tmp/unused")
        _ = try loop.train(prepared.examples, hooks: hooks)
        return Trained(model: model, logs: logs, expected: run)
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-12) }

    /// The largest relative differences of loss, grad_norm (and entropy) over the run.
    @discardableResult
    static func compare(_ t: Trained) throws -> (loss: Double, gradNorm: Double, entropy: Double) {
        let name = t.expected["name"]?.stringValue ?? ""
        let expected = t.expected["logs"]?.arrayValue ?? []
        #expect(t.logs.count == expected.count)
        // TRL's accuracy and entropy are means of per-micro-batch values: with accumulation they
        // also check that the rows were grouped as PyTorch's sampler grouped them.
        var worst = (loss: 0.0, gradNorm: 0.0, entropy: 0.0)
        for (step, (ours, theirs)) in zip(t.logs, expected).enumerated() {
            let loss = try #require(ours["loss"]?.doubleValue), gradNorm = try #require(ours["grad_norm"]?.doubleValue)
            worst.loss = max(worst.loss, relative(loss, try #require(theirs["loss"]?.doubleValue)))
            worst.gradNorm = max(worst.gradNorm, relative(gradNorm, try #require(theirs["grad_norm"]?.doubleValue)))
            #expect(ours["learning_rate"] == theirs["learning_rate"].map { .double($0.doubleValue ?? .nan) }, "\(name) step \(step + 1)")
            #expect(ours["num_tokens"]?.doubleValue == theirs["num_tokens"]?.doubleValue, "\(name) step \(step + 1)")
            #expect(ours["step"]?.intValue == step + 1)
            let accuracy = try #require(ours["mean_token_accuracy"]?.doubleValue)
            #expect(abs(accuracy - (theirs["mean_token_accuracy"]?.doubleValue ?? -1)) < 1e-6, "\(name) step \(step + 1)")
            let entropy = try #require(ours["entropy"]?.doubleValue)
            worst.entropy = max(worst.entropy, relative(entropy, try #require(theirs["entropy"]?.doubleValue)))
        }
        #expect(worst.loss <= tolerance, "\(name): loss differs from TRL's by \(worst.loss) (relative)")
        #expect(worst.gradNorm <= tolerance, "\(name): grad_norm differs from TRL's by \(worst.gradNorm) (relative)")
        #expect(worst.entropy <= tolerance, "\(name): entropy differs from TRL's by \(worst.entropy) (relative)")
        #expect(t.logs.first?.keys == t.expected["key_order"]?.arrayValue?.compactMap(\.stringValue), "\(name): log keys")
        return worst
    }

    /// The trained weights' per-tensor sums (and first values) against TRL's.
    static func compareWeights(_ t: Trained) throws {
        let name = t.expected["name"]?.stringValue ?? ""
        let final = try #require(t.expected["final"]?.objectValue)
        let store = t.model.lora?.store ?? t.model.store
        for (key, probe) in final.pairs {
            let viewName = key.replacingOccurrences(of: ".default.", with: ".")
            let view = try #require(store.view(viewName), "\(name): no parameter \(viewName)")
            let values = store.floatArray(view)
            let absSum = values.reduce(0.0) { $0 + abs(Double($1)) }
            #expect(relative(absSum, probe["abs_sum"]?.doubleValue ?? .nan) < 1e-3, "\(name) \(viewName) Σ|w|")
            for (ours, theirs) in zip(values, probe["first"]?.arrayValue ?? []) {
                #expect(abs(Double(ours) - (theirs.doubleValue ?? .nan)) < 1e-5, "\(name) \(viewName) first values")
            }
        }
    }

    @Test(arguments: ["text", "prompt_completion", "messages", "lora", "accumulation", "llama_text"])
    func trainingMatchesTRL(_ name: String) throws {
        let trained = try Self.train(name)
        let worst = try Self.compare(trained)
        try Self.compareWeights(trained)
        print("TRL parity \(name): max relative diff loss \(worst.loss), grad_norm \(worst.gradNorm), entropy \(worst.entropy)")
    }
}
