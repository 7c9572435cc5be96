import Foundation
import Testing
@testable import Engine

/// Loading, choosing and saving a tokenizer's chat templates like transformers.
@Suite struct ChatTemplateSetTests {
    private func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "sftnb-chat-templates-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func singleTemplateFromTokenizerConfig() throws {
        let config = try JinjaValue.parseJSON(#"{"eos_token": "</s>", "chat_template": "{{ messages[0].content }}"}"#)
        let set = try ChatTemplateSet.load(directory: "/nonexistent", tokenizerConfig: config)
        #expect(set == ChatTemplateSet(single: "{{ messages[0].content }}"))
        #expect(set?.isSingle == true)
        #expect(try set?.select(hasTools: true) == "{{ messages[0].content }}")
        #expect(try set?.select(requested: "{{ 'x' }}") == "{{ 'x' }}")
    }

    @Test func namedTemplatesPickToolUseWhenToolsAreGiven() throws {
        let config = try JinjaValue.parseJSON(#"{"chat_template": [{"name": "default", "template": "D"}, {"name": "tool_use", "template": "T"}]}"#)
        let set = try #require(try ChatTemplateSet.load(directory: "/nonexistent", tokenizerConfig: config))
        #expect(!set.isSingle)
        #expect(try set.select() == "D")
        #expect(try set.select(hasTools: true) == "T")
        #expect(try set.select(requested: "tool_use") == "T")
        let noDefault = ChatTemplateSet(named: [("b", "B"), ("a", "A")])
        #expect(throws: TemplateError.self) { try noDefault.select() }
    }

    @Test func jinjaFilesWinAndRoundTrip() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let set = ChatTemplateSet(named: [("default", "D\n"), ("tool_use", "T")])
        let written = try set.save(to: dir)
        #expect(written.count == 2)
        let config = try JinjaValue.parseJSON(#"{"chat_template": "ignored"}"#)
        #expect(try ChatTemplateSet.load(directory: dir, tokenizerConfig: config) == set)
        #expect(throws: TemplateError.self) { try ChatTemplateSet(named: [("../x", "X")]).save(to: dir) }
    }
}
