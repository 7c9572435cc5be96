import Foundation
import Testing
@testable import Engine

/// The other pipeline components (Digits, Punctuation, Whitespace, Split behaviors and
/// invert, Metaspace schemes, normalizers, Roberta/Bert processing, decoders) held to the
/// Python `tokenizers` on the fixture vocabularies (tools/gen_tokenizer_fixtures.py).
@Suite struct TokenizerPipelineTests {
    static let names = ["digits_punct", "digits_contiguous", "whitespace", "whitespace_split", "split_removed_previous",
                        "split_next_contiguous_invert", "split_punct_previous", "bytelevel_prefix_space",
                        "normalizers_nfd_lower_strip", "normalizers_nfkd_replace", "roberta_processing",
                        "bert_processing", "metaspace_always_split", "metaspace_never", "subword_prefix_suffix",
                        "subword_lowercase_punct"]

    static let models: [String: Any] = {
        let url = URL(fileURLWithPath: TokenizerFixtures.directory("pipelines/models.json"))
        return (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any] ?? [:]
    }()

    @Test(arguments: names)
    func matchesTokenizers(name: String) throws {
        let url = URL(fileURLWithPath: TokenizerFixtures.directory("pipelines/\(name).json"))
        let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var root = try JSONSerialization.jsonObject(with: Data((fixture["tokenizer"] as! String).utf8)) as! [String: Any]
        root["model"] = Self.models[root["model"] as! String]
        let tok = try Tokenizer(json: TokenizerJSON(root, file: "\(name).json"))
        var failures = 0
        for c in fixture["cases"] as! [[String: Any]] {
            let text = c["text"] as! String
            let ids = c["ids"] as! [Int]
            let offsets = (c["offsets"] as! [[Int]]).map { $0[0]..<$0[1] }
            let enc = tok.encode(text)
            if enc.ids != ids || enc.offsets != offsets {
                if failures < 3 {
                    Issue.record("\(name): \(text.debugDescription)\n ids  \(enc.ids)\n want \(ids)\n offs \(enc.offsets.map { [$0.lowerBound, $0.upperBound] })\n want \(offsets.map { [$0.lowerBound, $0.upperBound] })")
                }
                failures += 1
            }
            #expect(try tok.decode(ids) == c["decoded"] as! String, "\(name): decode \(text.debugDescription)")
            #expect(try tok.decode(ids, skipSpecialTokens: true) == c["decoded_skip"] as! String)
        }
        #expect(failures == 0, "\(name): \(failures) encodings differ")
    }
}
