import Foundation
import Testing
@testable import Engine

/// SFT data preparation against TRL 1.x's SFTTrainer on the same rows and tokenizer
/// (fixtures by tools/gen_sft_prep_fixtures.py).
@Suite struct DatasetPreparationTests {
    static let directory = Bundle.module.url(forResource: "prep", withExtension: nil, subdirectory: "Fixtures/sft")!.path

    static func data(_ json: JSONValue) -> DataValue {
        switch json {
        case .null: return .null
        case let .bool(b): return .bool(b)
        case let .int(i): return .int(i)
        case let .double(d): return .double(d)
        case let .string(s): return .string(s)
        case let .array(items): return .list(items.map(data))
        case let .object(o): return .dict(DataDict(o.pairs.map { ($0.key, data($0.value)) }))
        }
    }

    static func cases() throws -> [JSONValue] {
        try JSONValue.parse(contentsOfFile: directory + "/cases.json").arrayValue ?? []
    }

    @Test func everyFormatMatchesTRL() throws {
        let tokenizer = try Tokenizer.load(directory: Self.directory)
        let cases = try Self.cases()
        #expect(cases.count == 10)
        for c in cases {
            let config = c["config"]?.objectValue ?? JSONObject()
            var options = SFTDataPreparation.Options()
            if let m = config["max_length"]?.intValue { options.maxLength = m }
            options.packing = config["packing"]?.boolValue ?? false
            if config["packing_strategy"]?.stringValue == "wrapped" { options.packingStrategy = .wrapped }
            options.completionOnlyLoss = config["completion_only_loss"]?.boolValue
            options.shuffleDataset = config["shuffle_dataset"]?.boolValue ?? false
            if let seed = config["seed"]?.intValue { options.seed = seed }
            let rows = (c["rows"]?.arrayValue ?? []).compactMap { row -> DataDict? in
                if case let .dict(d) = Self.data(row) { return d }
                return nil
            }
            let result = try SFTDataPreparation.prepare(rows: rows, tokenizer: tokenizer, options: options)
            let label = "\(c["dataset"]?.stringValue ?? "") \(config.keys)"
            let expectedIDs = c["input_ids"]?.arrayValue?.map { $0.arrayValue?.compactMap(\.intValue) ?? [] } ?? []
            let expectedLabels = c["labels"]?.arrayValue?.map { $0.arrayValue?.compactMap(\.intValue) ?? [] } ?? []
            #expect(result.examples.map(\.inputIDs) == expectedIDs, "\(label)")
            #expect(result.examples.map { $0.labels ?? $0.inputIDs } == expectedLabels, "\(label)")
            if let lengths = c["seq_lengths"]?.arrayValue {
                #expect(result.examples.map { $0.sequenceLengths ?? [] } == lengths.map { $0.arrayValue?.compactMap(\.intValue) ?? [] }, "\(label)")
            }
        }
    }

    @Test func assistantOnlyLossNeedsConversations() throws {
        let tokenizer = try Tokenizer.load(directory: Self.directory)
        var options = SFTDataPreparation.Options()
        options.assistantOnlyLoss = true
        #expect(throws: SFTDataPreparation.PreparationError.self) {
            try SFTDataPreparation.prepare(rows: [DataDict([("text", .string("hello"))])], tokenizer: tokenizer, options: options)
        }
    }

    @Test func missingColumnIsNamed() throws {
        let tokenizer = try Tokenizer.load(directory: Self.directory)
        do {
            _ = try SFTDataPreparation.prepare(rows: [DataDict([("body", .string("hello"))])], tokenizer: tokenizer, options: .init())
            Issue.record("expected an error")
        } catch let error as SFTDataPreparation.PreparationError {
            #expect(error.description.contains("missing column 'text'"))
            #expect(error.description.contains("body"))
        }
    }
}
