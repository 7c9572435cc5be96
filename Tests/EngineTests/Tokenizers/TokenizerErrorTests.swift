import Foundation
import Testing
@testable import Engine

/// Bad files and bad ids give errors that name the file, the field and the value.
@Suite struct TokenizerErrorTests {
    /// A copy of a fixture directory whose tokenizer.json is `edit`ed.
    static func brokenCopy(_ edit: (inout String) -> Void) throws -> String {
        let dir = NSTemporaryDirectory() + "sftnb-tok-bad-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var text = try String(contentsOfFile: TokenizerFixtures.directory("spm_metaspace/tokenizer.json"), encoding: .utf8)
        edit(&text)
        try text.write(toFile: dir + "/tokenizer.json", atomically: true, encoding: .utf8)
        return dir
    }

    static func loadError(_ edit: (inout String) -> Void) throws -> String {
        let dir = try brokenCopy(edit)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try Tokenizer.load(directory: dir)
        } catch let e as TokenizerError {
            return e.description
        }
        Issue.record("expected an error")
        return ""
    }

    @Test func truncatedJSON() throws {
        let message = try Self.loadError { $0 = String($0.prefix($0.count / 2)) }
        #expect(message.contains("tokenizer.json"))
        #expect(message.contains("not valid JSON"))
    }

    @Test func unknownComponentTypeNamesFileFieldAndType() throws {
        let message = try Self.loadError {
            $0 = $0.replacingOccurrences(of: "\"type\": \"Metaspace\"", with: "\"type\": \"FancySplitter\"")
        }
        #expect(message.contains("tokenizer.json"))
        #expect(message.contains("pre_tokenizer"))
        #expect(message.contains("FancySplitter"))
        let decoderMessage = try Self.loadError {
            $0 = $0.replacingOccurrences(of: "\"type\": \"ByteFallback\"", with: "\"type\": \"CTC\"")
        }
        #expect(decoderMessage.contains("decoder.decoders[1]"))
        #expect(decoderMessage.contains("CTC"))
    }

    @Test func unsupportedModelAndBadMerges() throws {
        let model = try Self.loadError { $0 = $0.replacingOccurrences(of: "\"type\": \"BPE\"", with: "\"type\": \"Unigram\"") }
        #expect(model.contains("model") && model.contains("Unigram"))
        let merges = try Self.loadError { $0 = $0.replacingOccurrences(of: "\"merges\": [", with: "\"merges\": [\n      \"nosuchtoken x\",") }
        #expect(merges.contains("model.merges[0]"))
    }

    @Test func wrongFieldType() throws {
        let message = try Self.loadError { $0 = $0.replacingOccurrences(of: "\"byte_fallback\": true", with: "\"byte_fallback\": \"yes\"") }
        #expect(message.contains("byte_fallback"))
    }

    @Test func missingDirectoryContents() throws {
        let dir = NSTemporaryDirectory() + "sftnb-tok-empty-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: TokenizerError.noTokenizerFiles(directory: dir)) { try Tokenizer.load(directory: dir) }
    }

    @Test func decodingAnOutOfRangeIdNamesIt() throws {
        let tok = try Tokenizer.load(directory: TokenizerFixtures.directory("gpt2_bytelevel"))
        #expect(throws: TokenizerError.idOutOfRange(id: 123_456, vocabularySize: 800)) {
            try tok.decode([40, 123_456])
        }
        #expect(throws: TokenizerError.self) { try tok.decode([-1]) }
        #expect(TokenizerError.idOutOfRange(id: 123_456, vocabularySize: 800).description.contains("123456"))
    }

    @Test func invalidUTF8FromByteTokensBecomesReplacementCharacter() throws {
        let tok = try Tokenizer.load(directory: TokenizerFixtures.directory("gpt2_bytelevel"))
        let emoji = tok.encode("😀", addSpecialTokens: false).ids
        #expect(emoji.count > 1)
        #expect(try tok.decode(Array(emoji.dropLast())).hasSuffix("\u{FFFD}"))
        let spm = try Tokenizer.load(directory: TokenizerFixtures.directory("spm_metaspace"))
        let bytes = ["<0xF0>", "<0x9F>"].compactMap { spm.tokenToId($0) }
        #expect(try spm.decode(bytes) == "\u{FFFD}\u{FFFD}")  // ByteFallback: one per byte
    }

    @Test func addedTokensAndSpecialProperties() throws {
        let tok = try Tokenizer.load(directory: TokenizerFixtures.directory("gpt2_bytelevel"))
        let before = tok.count
        #expect(tok.addSpecialTokens(["<|im_start|>", "<|im_end|>"]) == 2)
        #expect(tok.config.additionalSpecialTokens == ["<|im_start|>", "<|im_end|>"])
        #expect(tok.count == before + 2)
        #expect(tok.vocabSize == before)
        let start = try #require(tok.tokenToId("<|im_start|>"))
        #expect(tok.encode("<|im_start|>hi", addSpecialTokens: false).ids.first == start)
        #expect(try tok.decode([start, 40], skipSpecialTokens: true) == tok.decode([40]))
        tok.eosToken = "<|im_end|>"
        #expect(tok.eosTokenId == start + 1)
        tok.padToken = tok.eosToken
        #expect(tok.padTokenId == tok.eosTokenId)
    }
}

extension TokenizerErrorTests {
    @Test func messagesReadWell() throws {
        let unknown = try Self.loadError {
            $0 = $0.replacingOccurrences(of: "\"type\": \"Metaspace\"", with: "\"type\": \"FancySplitter\"")
        }
        #expect(unknown == "tokenizer.json: unknown pre_tokenizer type 'FancySplitter' (supported: \(knownPreTokenizers.joined(separator: ", ")))")
    }
}
