import Foundation
import Testing
@testable import Engine

/// A tokenizer.json full of code points that JSON readers and Swift strings treat specially
/// (U+FEFF at the start, middle and end of tokens, U+0000, U+2028, noncharacters, astral
/// scalars, decomposed spellings), loaded as the Python `tokenizers` loads it
/// (tools/gen_tokenizer_codepoint_fixture.py). Strings are compared scalar by scalar, since
/// Swift's `==` would forgive a changed spelling.
@Suite struct TokenizerCodepointTests {
    static func expected() throws -> JSONObject {
        let path = (TokenizerFixtures.root as NSString).appendingPathComponent("codepoints.expected.json")
        return try #require(try JSONValue.parse(contentsOfFile: path).objectValue)
    }

    static func scalars(_ s: String?) -> [UInt32] { s?.unicodeScalars.map(\.value) ?? [] }

    static func load() throws -> Tokenizer { try Tokenizer.load(directory: TokenizerFixtures.directory("codepoints")) }

    @Test func vocabularyAsTokenizers() throws {
        let tok = try Self.load()
        let vocab = try #require(try Self.expected()["vocab"]?.arrayValue)
        #expect(tok.count == vocab.count)
        for entry in vocab {
            let token = try #require(entry.arrayValue?.first?.stringValue)
            let id = try #require(entry.arrayValue?.last?.intValue)
            #expect(tok.tokenToId(token) == id, "id of \(token.debugDescription)")
            #expect(Self.scalars(tok.idToToken(id)) == Self.scalars(token), "token \(id)")
        }
    }

    @Test func mergesAsTokenizers() throws {
        let tok = try Self.load()
        let merges = try #require(try Self.expected()["merges"]?.arrayValue).map { pair in
            (pair.arrayValue ?? []).map { Self.scalars($0.stringValue) }
        }
        let loaded = tok.model.merges.map { [Self.scalars($0.0), Self.scalars($0.1)] }
        #expect(loaded == merges)
    }

    @Test func encodesAsTokenizers() throws {
        let tok = try Self.load()
        for c in try #require(try Self.expected()["cases"]?.arrayValue) {
            let text = try #require(c["text"]?.stringValue)
            let ids = try #require(c["ids"]?.arrayValue).compactMap(\.intValue)
            #expect(tok.encode(text).ids == ids, "\(text.debugDescription)")
        }
    }

    /// é and e + U+0301 are one key to Swift's String but two tokens to tokenizers: loading
    /// must say so rather than merge them into one id.
    @Test func canonicallyEquivalentTokensAreRefused() throws {
        do {
            _ = try Tokenizer.load(directory: TokenizerFixtures.directory("codepoints_equivalent"))
            Issue.record("loaded a vocabulary with canonically equivalent tokens")
        } catch let error as TokenizerError {
            let message = error.description
            #expect(message.contains("tokenizer.json"))
            #expect(message.contains("model.vocab"))
            #expect(message.contains("Unicode"))
        }
    }
}
