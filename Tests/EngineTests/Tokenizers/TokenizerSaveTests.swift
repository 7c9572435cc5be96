import Foundation
import Testing
@testable import Engine

/// save(to:) writes files that load back to the same tokenizer. (That transformers loads
/// them identically was checked with tools/verify_saved_tokenizers.py: set
/// SFTNB_KEEP_SAVED_TOKENIZERS=dir to keep the saved directories.)
@Suite struct TokenizerSaveTests {
    static func outputDirectory(_ name: String) -> String {
        if let keep = ProcessInfo.processInfo.environment["SFTNB_KEEP_SAVED_TOKENIZERS"] {
            return (keep as NSString).appendingPathComponent(name)
        }
        return NSTemporaryDirectory() + "sftnb-tok-save-\(getpid())-\(name)"
    }

    @Test(arguments: TokenizerFixtureTests.names)
    func roundTrip(name: String) throws {
        let tok = try Tokenizer.load(directory: TokenizerFixtures.directory(name))
        tok.addTokens([AddedToken("<extra_added>"), AddedToken("<extra_special>", special: true)])
        tok.padToken = "<extra_pad>"
        tok.addSpecialTokens(["<extra_more>"])
        let dir = Self.outputDirectory(name)
        try tok.save(to: dir)
        defer { if ProcessInfo.processInfo.environment["SFTNB_KEEP_SAVED_TOKENIZERS"] == nil { try? FileManager.default.removeItem(atPath: dir) } }
        let back = try Tokenizer.load(directory: dir)
        #expect(back.count == tok.count)
        #expect(back.padTokenId == tok.padTokenId)
        #expect(back.eosToken == tok.eosToken)
        #expect(back.chatTemplate == tok.chatTemplate)
        #expect(back.modelMaxLength == tok.modelMaxLength)
        #expect(back.config.additionalSpecialTokens == ["<extra_more>"])
        for c in try TokenizerFixtures.expected(name).cases.prefix(40) {
            let text = c.text + " <extra_added> <extra_special>x<extra_pad><extra_more>"
            #expect(back.encode(text).ids == tok.encode(text).ids, "\(name): \(text.debugDescription)")
            let ids = tok.encode(text).ids
            #expect(try back.decode(ids, skipSpecialTokens: true) == tok.decode(ids, skipSpecialTokens: true))
        }
        // Booleans must stay booleans for the Rust deserializer.
        let written = try String(contentsOfFile: (dir as NSString).appendingPathComponent("tokenizer.json"), encoding: .utf8)
        #expect(written.contains("\"special\": true"))
        #expect(!written.contains("\"special\": 1"))
    }
}

extension TokenizerSaveTests {
    @Test func namedChatTemplatesRoundTrip() throws {
        let tok = try Tokenizer.load(directory: TokenizerFixtures.directory("llama3_split"))
        tok.config.namedChatTemplates = ["default": "{{ x }}", "tool_use": "{{ tools }}"]
        tok.chatTemplate = "{{ x }}"
        let dir = NSTemporaryDirectory() + "sftnb-tok-templates-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try tok.save(to: dir)
        #expect(FileManager.default.fileExists(atPath: dir + "/additional_chat_templates/tool_use.jinja"))
        let back = try Tokenizer.load(directory: dir)
        #expect(back.chatTemplate == "{{ x }}")
        #expect(back.config.namedChatTemplates == ["default": "{{ x }}", "tool_use": "{{ tools }}"])
    }
}
