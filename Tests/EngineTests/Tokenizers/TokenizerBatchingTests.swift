import Foundation
import Testing
@testable import Engine

/// Truncation and padding held to `tokenizer(texts, truncation=..., max_length=..., padding=...)`.
@Suite struct TokenizerBatchingTests {
    @Test func matchesTransformers() throws {
        let url = URL(fileURLWithPath: TokenizerFixtures.directory("batching.json"))
        let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let texts = fixture["texts"] as! [String]
        let cases = fixture["cases"] as! [[String: Any]]
        #expect(cases.count == 80)
        for c in cases {
            let name = c["tokenizer"] as! String
            let tok = try Tokenizer.load(directory: TokenizerFixtures.directory(name))
            if tok.padToken == nil { tok.padToken = tok.eosToken }
            tok.paddingSide = c["padding_side"] as! String
            tok.truncationSide = c["truncation_side"] as! String
            let padding: Padding = ["longest": .longest, "max_length": .maxLength][c["padding"] as! String] ?? .none
            let got = try tok.encodeBatch(texts, truncation: c["truncation"] as! Bool, maxLength: c["max_length"] as? Int,
                                          padding: padding)
            #expect(got.inputIds == c["input_ids"] as! [[Int]], "\(c)")
            #expect(got.attentionMask == c["attention_mask"] as! [[Int]], "\(c)")
        }
    }

    @Test func paddingWithoutPadTokenIsAClearError() throws {
        let tok = try Tokenizer.load(directory: TokenizerFixtures.directory("gpt2_bytelevel"))
        #expect(tok.padToken == nil)
        #expect(throws: TokenizerError.self) { try tok.encodeBatch(["a", "bb"], padding: .longest) }
    }
}
