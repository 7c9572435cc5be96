import Foundation
import Testing
@testable import Engine

/// Packing, collation and completion-only masking against TRL's own code
/// (fixtures by tools/gen_sft_fixtures.py).
@Suite struct SFTDataTests {
    static func fixture(_ name: String) throws -> JSONValue {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/sft"))
        return try JSONParser.parse(bytes: [UInt8](Data(contentsOf: url)))
    }

    static func ints(_ value: JSONValue?) -> [Int] { value?.arrayValue?.compactMap(\.intValue) ?? [] }
    static func intLists(_ value: JSONValue?) -> [[Int]] { value?.arrayValue?.map { ints($0) } ?? [] }

    @Test(arguments: ["bfd", "wrapped"])
    func packingMatchesTRL(strategy: String) throws {
        let cases = try #require(try Self.fixture("packing").arrayValue)
        let c = try #require(cases.first { $0["strategy"]?.stringValue == strategy })
        let seqLength = try #require(c["seq_length"]?.intValue)
        let result = Packing.pack(columns: [Self.intLists(c["input_ids"]), Self.intLists(c["labels"])],
                                  seqLength: seqLength, strategy: Packing.Strategy(rawValue: strategy)!)
        #expect(result.rows.map { $0.columns[0] } == Self.intLists(c["packed_input_ids"]))
        #expect(result.rows.map { $0.columns[1] } == Self.intLists(c["packed_labels"]))
        if strategy == "bfd" {
            #expect(result.rows.map(\.sequenceLengths) == Self.intLists(c["seq_lengths"]))
            let total = Self.intLists(c["input_ids"]).reduce(0) { $0 + max(0, $1.count - seqLength) }
            #expect(result.droppedTokens == total)
            #expect(result.droppedTokens > 0)
        }
    }

    @Test func paddingFreeCollationMatchesTRL() throws {
        let cases = try #require(try Self.fixture("collator").arrayValue)
        let c = try #require(cases.first { $0["padding_free"]?.boolValue == true })
        let examples = try #require(c["examples"]?.arrayValue).map {
            TokenizedExample(inputIDs: Self.ints($0["input_ids"]), labels: Self.ints($0["labels"]), sequenceLengths: Self.ints($0["seq_lengths"]))
        }
        let batch = LanguageModelingCollator(padTokenID: 0, paddingFree: true).collate(examples)
        // TRL flattens the rows into one; sftnb keeps rows apart. The real tokens must agree in order.
        let real = (0..<batch.inputIDs.count).filter { batch.attentionMask[$0] == 1 }
        let output = try #require(c["output"])
        #expect(real.map { batch.inputIDs[$0] } == Self.intLists(output["input_ids"]).first)
        #expect(real.map { batch.labels[$0] } == Self.intLists(output["labels"]).first)
        #expect(real.map { batch.positionIDs[$0] } == Self.intLists(output["position_ids"]).first)
        #expect(batch.tokenCount == 12)
    }

    @Test func paddedCollationMatchesTRL() throws {
        let cases = try #require(try Self.fixture("collator").arrayValue)
        let c = try #require(cases.first { $0["padding_free"]?.boolValue == false })
        let examples = try #require(c["examples"]?.arrayValue).map {
            TokenizedExample(inputIDs: Self.ints($0["input_ids"]), labels: Self.ints($0["labels"]))
        }
        let batch = LanguageModelingCollator(padTokenID: 0).collate(examples)
        let output = try #require(c["output"])
        #expect(batch.inputIDs == Self.intLists(output["input_ids"]).flatMap { $0 })
        #expect(batch.labels == Self.intLists(output["labels"]).flatMap { $0 })
        #expect(batch.attentionMask == Self.intLists(output["attention_mask"]).flatMap { $0 })
        #expect(batch.documentIDs == nil)
    }

    @Test func completionOnlyMasksMatchTRL2024() throws {
        let cases = try #require(try Self.fixture("completion_only").arrayValue)
        #expect(cases.count >= 50)
        var warned = 0
        for c in cases {
            let ids = Self.ints(c["input_ids"])
            var labels = ids
            let instruction = c["instruction"].flatMap { $0 == .null ? nil : Self.ints($0) }
            let outcome = CompletionOnlyMasking.apply(labels: &labels, ids: ids, length: ids.count,
                                                      response: Self.ints(c["response"]), instruction: instruction)
            #expect(labels == Self.ints(c["labels"]), "\(c["text"]?.stringValue ?? "")")
            if outcome != .masked { warned += 1 }
            #expect((outcome != .masked) == (c["warned"]?.boolValue ?? false), "\(c["text"]?.stringValue ?? "")")
        }
        #expect(warned >= 3)
    }

    @Test func segmentTreeFindsBestFit() {
        var tree = Packing.SegmentTree(maxValue: 10)
        tree.add(10); tree.add(4); tree.add(7)
        #expect(tree.search(3) == 4)
        #expect(tree.search(5) == 7)
        #expect(tree.search(8) == 10)
        tree.remove(4)
        #expect(tree.search(3) == 7)
    }
}
