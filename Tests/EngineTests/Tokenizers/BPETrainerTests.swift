import Foundation
import Testing
@testable import Engine

/// Holds BPE training to tokenizers' BpeTrainer (merges and id order) on a fixed corpus.
@Suite struct BPETrainerTests {
    @Test func sameMergesAsTokenizers() throws {
        let url = URL(fileURLWithPath: TokenizerFixtures.root).appendingPathComponent("bpe_training.json")
        let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let corpus = obj["corpus"] as! [String]
        let base = try Tokenizer.load(directory: TokenizerFixtures.directory("gpt2_legacy"))
        let words = base.wordCounts(corpus)
        for c in obj["cases"] as! [[String: Any]] {
            let trainer = BPETrainer(vocabSize: c["vocab_size"] as! Int, minFrequency: c["min_frequency"] as! Int,
                                     specialTokens: c["special_tokens"] as! [String],
                                     initialAlphabet: ByteLevelAlphabet.symbols)
            let result = trainer.train(wordCounts: words)
            let merges = result.merges.map { "\($0.0) \($0.1)" }
            let want = c["merges"] as! [String]
            #expect(merges.count == want.count)
            let firstDiff = zip(merges, want).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(firstDiff == nil, "first differing merge: \(String(describing: firstDiff))")
            #expect(result.tokens == c["vocab"] as! [String])
        }
    }

    @Test func trainNewKeepsPipelineAndSpecialTokens() throws {
        let base = try Tokenizer.load(directory: TokenizerFixtures.directory("llama3_split"))
        let texts = (0..<50).map { "Sample \($0): the model learns tokens, 日本語 \($0 * 7)." }
        let trained = try base.trainNew(from: texts, vocabSize: 300, newSpecialTokens: ["<|new|>"])
        #expect(trained.tokenToId("<|begin_of_text|>") == 0)
        #expect(trained.tokenToId("<|new|>") == 3)
        #expect(trained.vocabSize <= 300)
        let enc = trained.encode("Sample 3: the model")
        #expect(enc.ids.first == 0)  // the BOS template now points at the new id
        #expect(try trained.decode(enc.ids, skipSpecialTokens: true) == "Sample 3: the model")
    }
}
