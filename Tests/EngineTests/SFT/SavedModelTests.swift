import Foundation
import Testing
@testable import Engine

/// What training writes (`CausalLM.save`, `saveAdapter`) loads back with the same logits — in
/// sftnb here, and in transformers / PEFT by hand: run this suite with
/// SFTNB_WRITE_SAVE_FIXTURES=DIR, then `tools/gen_sft_parity_fixtures.py --check-saved DIR`
/// loads DIR/model and DIR/adapter in Python and compares with the logits written beside them.
@Suite struct SavedModelTests {
    /// Two unpadded rows of tokenizer ids.
    static let batch: TokenBatch = {
        let ids = [5, 17, 42, 8, 99, 3, 250, 61, 12, 7, 300, 44, 2, 18, 90, 33]
        return TokenBatch(rows: 2, columns: 8, inputIDs: ids, labels: ids, attentionMask: [Int](repeating: 1, count: 16),
                          positionIDs: (0..<16).map { $0 % 8 })
    }()

    /// A few steps of training so the saved weights differ from any fixture.
    static func trainBriefly(_ model: CausalLM) throws {
        let fixture = try TRLParityTests.fixture()
        let examples = try SFTDataPreparation.prepare(rows: TRLParityTests.rows(fixture, "text"),
                                                      tokenizer: try Tokenizer.load(directory: TRLParityTests.tokenizerDirectory),
                                                      options: SFTDataPreparation.Options()).examples
        var plan = TrainingPlan()
        plan.batchSize = 16
        plan.maxSteps = 3
        plan.learningRate = 5e-2
        plan.saveStrategy = "no"
        _ = try TrainingLoop(model: model, plan: plan, collator: LanguageModelingCollator(padTokenID: 0),
                             outputDirectory: "/tmp/unused").train(examples)
    }

    static func writeLogits(_ logits: [Float], to directory: String) throws {
        var o = JSONObject()
        o["input_ids"] = .array([0, 1].map { r in .array(batch.inputIDs[(r * 8)..<(r * 8 + 8)].map { .int(Int64($0)) }) })
        o["logits"] = .array(logits.map { .double(Double($0)) })
        try AtomicFile.write(JSONWriter.transformers.string(.object(o)), to: directory + "/logits.json")
    }

    @Test func savedModelAndAdapterReloadWithTheSameLogits() throws {
        let written = ProcessInfo.processInfo.environment["SFTNB_WRITE_SAVE_FIXTURES"]
        let dir = written ?? FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-saved-\(UUID().uuidString)").path
        defer { if written == nil { try? FileManager.default.removeItem(atPath: dir) } }

        let trained = try CausalLM.load(directory: TRLParityTests.directory + "/model")
        try Self.trainBriefly(trained)
        try trained.save(to: dir + "/model")
        let logits = try trained.logits(Self.batch)
        try Self.writeLogits(logits, to: dir + "/model")
        #expect(try CausalLM.load(directory: dir + "/model").logits(Self.batch) == logits)

        let adapted = try CausalLM.load(directory: dir + "/model")
        try adapted.applyLoRA(LoRAConfig(r: 4, alpha: 8, targets: .names(["c_attn", "c_fc"]), seed: 3))
        try Self.trainBriefly(adapted)
        try adapted.saveAdapter(to: dir + "/adapter")
        let adaptedLogits = try adapted.logits(Self.batch)
        try Self.writeLogits(adaptedLogits, to: dir + "/adapter")
        #expect(adaptedLogits != logits, "training the adapters changed the model")
        let reloaded = try CausalLM.load(directory: dir + "/model")
        try reloaded.loadAdapter(from: dir + "/adapter")
        #expect(try reloaded.logits(Self.batch) == adaptedLogits)
    }
}
