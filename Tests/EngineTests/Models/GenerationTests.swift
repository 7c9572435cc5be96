import Foundation
import Testing
@testable import Engine

/// Greedy generation with the KV cache against transformers' generate(do_sample=False) on a
/// left-padded batch; sampling warpers against their definitions.
@Suite struct GenerationTests {
    static func fixture() throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: "generate", withExtension: "json", subdirectory: "Fixtures/models/runtime"))
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test(arguments: MT.variants)
    func greedyMatchesTransformers(variant: String) throws {
        let g = try #require(try Self.fixture()[variant] as? [String: Any])
        let ids = try #require(g["input_ids"] as? [[Int]]), mask = try #require(g["attention_mask"] as? [[Int]])
        let expected = try #require(g["output_ids"] as? [[Int]])
        let model = try CausalLM.load(directory: try MT.directory(variant))
        let out = try model.generate(inputIDs: ids, attentionMask: mask,
                                     options: GenerationOptions(maxNewTokens: try #require(g["max_new_tokens"] as? Int),
                                                                eosTokenIDs: [2], padTokenID: 0))
        #expect(out == expected, "\(variant)")
    }

    @Test func unpaddedPromptsAreLeftPadded() throws {
        let g = try #require(try Self.fixture()["llama"] as? [String: Any])
        let expected = try #require(g["output_ids"] as? [[Int]])
        let model = try CausalLM.load(directory: try MT.directory("llama"))
        let new = try model.generate(prompts: [[5, 17, 33, 8, 61], [40, 9, 70]],
                                     options: GenerationOptions(maxNewTokens: 8, eosTokenIDs: [2], padTokenID: 0))
        #expect(new == expected.map { Array($0.dropFirst(5)) })
    }

    @Test func cachedStepsMatchFullForward() throws {
        // The cache's last-position logits equal a full forward over the same tokens.
        let model = try CausalLM.load(directory: try MT.directory("llama"))
        let tokens = [5, 17, 33, 8, 61, 12]
        let cache = try KVCache(model: model, rows: 1, capacity: 8)
        _ = try cache.step(tokens: [Array(tokens.prefix(5))], mask: [[1, 1, 1, 1, 1]], fullMask: [[1, 1, 1, 1, 1]])
        let stepped = try cache.step(tokens: [[tokens[5]]], mask: [[1]], fullMask: [[Int]](repeating: [Int](repeating: 1, count: 6), count: 1))
        let batch = TokenBatch(rows: 1, columns: 6, inputIDs: tokens, labels: tokens, attentionMask: [Int](repeating: 1, count: 6),
                               positionIDs: Array(0..<6), documentIDs: nil)
        let full = try model.logits(batch)
        let v = model.decoder.spec.vocabSize
        #expect(MT.relativeError(stepped, Array(full[(5 * v)...])) < 1e-5)
    }

    @Test func warpersFollowHFOrder() {
        var logits: [Float] = [1, 2, 3, 4]
        SamplingOptions(temperature: 0.5, topK: 2, topP: 1).warp(&logits)
        #expect(logits == [-.infinity, -.infinity, 6, 8])
        var p: [Float] = [0, 0, 0, 10]   // token 3 holds ~all the mass: top_p 0.9 keeps only it
        SamplingOptions(topK: 0, topP: 0.9).warp(&p)
        #expect(p == [-.infinity, -.infinity, -.infinity, 10])
        var rng = Philox(seed: 1)
        #expect(SamplingOptions.sample(p, rng: &rng) == 3)
    }
}
