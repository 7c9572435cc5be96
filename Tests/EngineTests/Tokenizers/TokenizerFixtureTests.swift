import Foundation
import Testing
@testable import Engine

/// Where the tokenizer fixtures (tools/gen_tokenizer_fixtures.py) live in the test bundle.
enum TokenizerFixtures {
    static var root: String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/tokenizers").path
    }

    static func directory(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }

    struct Case {
        let text: String
        let ids: [Int]
        let offsets: [Range<Int>]
        let decoded: String
        let decodedSkip: String
        let idsNoSpecial: [Int]?
    }

    struct Expected {
        let length: Int
        let vocabSize: Int
        let bos: String?, eos: String?, pad: String?, unk: String?
        let cases: [Case]
    }

    static func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: URL(fileURLWithPath: (root as NSString).appendingPathComponent("\(name).expected.json")))
        let obj = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let cases = (obj["cases"] as! [[String: Any]]).map { c in
            Case(text: c["text"] as! String, ids: c["ids"] as! [Int],
                 offsets: (c["offsets"] as! [[Int]]).map { $0[0]..<$0[1] },
                 decoded: c["decoded"] as! String, decodedSkip: c["decoded_skip"] as! String,
                 idsNoSpecial: c["ids_no_special"] as? [Int])
        }
        return Expected(length: obj["len"] as! Int, vocabSize: obj["vocab_size"] as! Int,
                        bos: obj["bos_token"] as? String, eos: obj["eos_token"] as? String,
                        pad: obj["pad_token"] as? String, unk: obj["unk_token"] as? String, cases: cases)
    }
}

/// Holds every fixture tokenizer to transformers' ids, offsets and decodes.
@Suite struct TokenizerFixtureTests {
    static let names = ["gpt2_bytelevel", "llama3_split", "qwen2_split", "spm_metaspace", "spm_normalizer",
                        "gpt2_legacy", "opt_legacy", "added_tokens"]

    /// Random strings mixing the awkward cases (tools/gen_tokenizer_fixtures.py `random_fixtures`).
    static let randomNames = ["random_gpt2_bytelevel", "random_llama3_split", "random_qwen2_split", "random_spm_metaspace"]

    @Test(arguments: names + randomNames)
    func matchesTransformers(name: String) throws {
        let directory = name.hasPrefix("random_") ? String(name.dropFirst("random_".count)) : name
        let tok = try Tokenizer.load(directory: TokenizerFixtures.directory(directory))
        let exp = try TokenizerFixtures.expected(name)
        #expect(tok.count == exp.length)
        #expect(tok.vocabSize == exp.vocabSize)
        #expect(tok.bosToken == exp.bos)
        #expect(tok.eosToken == exp.eos)
        #expect(tok.padToken == exp.pad)
        #expect(tok.unkToken == exp.unk)
        var failures = 0
        for c in exp.cases {
            let enc = tok.encode(c.text, addSpecialTokens: true)
            let ok = enc.ids == c.ids && enc.offsets == c.offsets
            if !ok && failures < 5 {
                Issue.record("\(name): \(c.text.debugDescription)\n ids  \(enc.ids)\n want \(c.ids)\n offs \(enc.offsets.map { [$0.lowerBound, $0.upperBound] })\n want \(c.offsets.map { [$0.lowerBound, $0.upperBound] })")
            }
            if !ok { failures += 1 }
            #expect(tok.encodeIds(c.text) == c.ids, "\(name): encodeIds \(c.text.debugDescription)")
            if let plain = c.idsNoSpecial {
                #expect(tok.encode(c.text, addSpecialTokens: false).ids == plain, "\(name): \(c.text.debugDescription)")
            }
            let decoded = try tok.decode(c.ids, skipSpecialTokens: false)
            let decodedSkip = try tok.decode(c.ids, skipSpecialTokens: true)
            #expect(decoded == c.decoded, "\(name): decode \(c.text.debugDescription)")
            #expect(decodedSkip == c.decodedSkip, "\(name): decode(skip) \(c.text.debugDescription)")
        }
        #expect(failures == 0, "\(name): \(failures) of \(exp.cases.count) encodings differ")
    }
}
