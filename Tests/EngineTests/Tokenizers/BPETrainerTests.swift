import Foundation
import Testing
@testable import Engine

/// Holds BPE training to tokenizers' BpeTrainer (merges and id order) on a fixed corpus.
@Suite struct BPETrainerTests {
    /// bpe_training.json: 400 texts, ~140 merges; bpe_training_large.json: the whole fixture
    /// corpus, 1743 and 906 merges (tools/gen_bpe_training_large_fixture.py).
    @Test(arguments: ["bpe_training.json", "bpe_training_large.json"])
    func sameMergesAsTokenizers(fixture: String) throws {
        let url = URL(fileURLWithPath: TokenizerFixtures.root).appendingPathComponent(fixture)
        let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let corpus = obj["corpus"] as! [String]
        let base = try Tokenizer.load(directory: TokenizerFixtures.directory("gpt2_legacy"))
        let words = base.wordCounts(corpus)
        for c in obj["cases"] as! [[String: Any]] {
            let trainer = BPETrainer(vocabSize: c["vocab_size"] as! Int, minFrequency: c["min_frequency"] as! Int,
                                     specialTokens: c["special_tokens"] as! [String],
                                     initialAlphabet: ByteLevelAlphabet.symbols)
            let result = trainer.train(words: words)
            let merges = result.merges.map { "\($0.0) \($0.1)" }
            let want = c["merges"] as! [String]
            #expect(merges.count == want.count)
            let firstDiff = zip(merges, want).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(firstDiff == nil, "first differing merge: \(String(describing: firstDiff))")
            #expect(result.tokens == c["vocab"] as! [String])
        }
    }

    /// Counting words through the scalar-keyed table gives what a String dictionary gives.
    @Test func wordCountsMatchAStringDictionary() throws {
        let base = try Tokenizer.load(directory: TokenizerFixtures.directory("gpt2_legacy"))
        let texts = ["Hello world", "Hello, world! Hello", "日本語 日本語", "", "  spaces  ", "Hello world"]
        var reference: [String: Int] = [:]
        for text in texts {
            var t = AlignedText(text)
            base.preTokenizer?.preTokenize(&t)
            for piece in t.pieces { reference[t.string(piece), default: 0] += 1 }
        }
        let counts = base.wordCounts(texts)
        #expect(counts.dictionary == reference)
        #expect(counts.count == reference.count)
        #expect(reference["Hello"] == 3)
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

    /// `sftnb bench tokenizer --train`: trains on every corpus line and saves a loadable tokenizer.
    @Test func benchmarkTrainsAndSaves() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-train-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus.txt")
        try (0..<200).map { "line \($0): the model learns tokens, 日本語" }.joined(separator: "\n")
            .write(to: corpus, atomically: true, encoding: .utf8)
        let saved = dir.appendingPathComponent("trained").path
        let r = try TokenizerBenchmark.train(tokenizerDirectory: TokenizerFixtures.directory("gpt2_bytelevel"),
                                             corpusPath: corpus.path, saveDirectory: saved)
        #expect(r.lines == 200)
        #expect(r.merges > 50)
        #expect(r.vocabSize <= TokenizerBenchmark.trainVocabSize)
        let reloaded = try Tokenizer.load(directory: saved)
        #expect(reloaded.vocabSize == r.vocabSize)
        #expect(try reloaded.decode(reloaded.encode("line 7: the model").ids) == "line 7: the model")
    }

    /// "é" and "e\u{301}" are two tokens to tokenizers: the trainer keeps them apart, and
    /// `trainNew`, whose vocabulary is keyed by String, refuses rather than merge them.
    @Test func canonicallyEquivalentTokensStayApart() throws {
        var words = WordCounts()
        for word in ["\u{E9}t\u{E9}", "e\u{301}te\u{301}"] {
            let s = word.unicodeScalars.map(\.value)
            for _ in 0..<5 { s.withUnsafeBufferPointer { words.add($0, 0..<$0.count) } }
        }
        let result = BPETrainer(vocabSize: 30).train(words: words)
        let spellings = result.tokens.map { $0.unicodeScalars.map(\.value) }
        #expect(spellings.contains([0xE9]))
        #expect(spellings.contains([0x65, 0x301]))
        #expect(result.vocab.count < result.tokens.count)
        let base = try Tokenizer.load(directory: TokenizerFixtures.directory("spm_metaspace"))
        #expect(throws: TokenizerError.self) { try base.trainNew(from: ["\u{E9}t\u{E9} e\u{301}te\u{301}"], vocabSize: 400) }
    }
}
