import Foundation
import Testing
@testable import Engine

/// BPE model details that the fixtures do not vary: the merges' two spellings,
/// concurrent use, and the public encoding fields.
@Suite struct TokenizerModelTests {
    static func fixtureJSON(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TokenizerFixtures.directory("\(name)/tokenizer.json")))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    @Test func mergesAsStringsEqualMergesAsPairs() throws {
        var root = try Self.fixtureJSON("gpt2_bytelevel")
        var model = root["model"] as! [String: Any]
        let pairs = model["merges"] as! [[String]]
        #expect(!pairs.isEmpty)
        model["merges"] = pairs.map { $0.joined(separator: " ") }
        root["model"] = model
        let strings = try Tokenizer(json: TokenizerJSON(root, file: "tokenizer.json"))
        let original = try Tokenizer.load(directory: TokenizerFixtures.directory("gpt2_bytelevel"))
        for c in try TokenizerFixtures.expected("gpt2_bytelevel").cases {
            #expect(strings.encode(c.text).ids == original.encode(c.text).ids)
        }
    }

    @Test func dropoutIsRejectedClearly() throws {
        var root = try Self.fixtureJSON("gpt2_bytelevel")
        var model = root["model"] as! [String: Any]
        model["dropout"] = 0.1
        root["model"] = model
        #expect(throws: TokenizerError.self) { try Tokenizer(json: TokenizerJSON(root, file: "tokenizer.json")) }
    }

    @Test func concurrentEncodingGivesTheSameIds() throws {
        let tok = try Tokenizer.load(directory: TokenizerFixtures.directory("llama3_split"))
        let texts = try TokenizerFixtures.expected("llama3_split").cases.map(\.text)
        let serial = texts.map { tok.encode($0).ids }
        var parallel = [[Int]](repeating: [], count: texts.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let ids = tok.encode(texts[i]).ids
            lock.lock(); parallel[i] = ids; lock.unlock()
        }
        #expect(parallel == serial)
    }

    @Test func encodingFields() throws {
        let tok = try Tokenizer.load(directory: TokenizerFixtures.directory("llama3_split"))
        let enc = tok.encode("Hi 😀")
        #expect(enc.specialTokensMask.first == 1)
        #expect(enc.tokens.first == "<|begin_of_text|>")
        #expect(enc.attentionMask == [Int](repeating: 1, count: enc.count))
        #expect(enc.offsets.last == 3..<4)  // the emoji is one Python character
        #expect(tok.encodeBatch(["a", "b"]).map(\.ids) == [tok.encode("a").ids, tok.encode("b").ids])
        #expect(tok.encodeIds("Hi 😀") == enc.ids)
        #expect(tok.idToToken(enc.ids[0]) == "<|begin_of_text|>")
        #expect(tok.idToToken(999_999) == nil)
        #expect(tok.tokenize("Hi 😀") == Array(enc.tokens.dropFirst()))
        #expect(tok.convertIdsToTokens([enc.ids[0], 999_999]) == ["<|begin_of_text|>", nil])
        #expect(tok.vocabulary.count == tok.count)
        #expect(tok.vocabulary["<|begin_of_text|>"] == 0)
    }
}
