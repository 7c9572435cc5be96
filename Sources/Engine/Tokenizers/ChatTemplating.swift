import Foundation

/// `apply_chat_template` as transformers runs it: the chat template is rendered with the
/// tokenizer's special tokens in scope, then the text is encoded WITHOUT adding special
/// tokens (the template writes them). `{% generation %}` spans become the assistant mask.
extension Tokenizer {
    public struct ChatEncoding: Equatable {
        public var text: String
        public var ids: [Int]
        /// 1 for tokens inside `{% generation %}` blocks (`return_assistant_tokens_mask=True`).
        public var assistantMask: [Int]?
    }

    /// The special-token variables templates read (`bos_token`, `eos_token`, ...), as transformers passes them.
    public var chatTemplateContext: [String: JinjaValue] {
        var context: [String: JinjaValue] = [:]
        if let t = config.bosToken { context["bos_token"] = .string(t) }
        if let t = config.eosToken { context["eos_token"] = .string(t) }
        if let t = config.unkToken { context["unk_token"] = .string(t) }
        if let t = config.padToken { context["pad_token"] = .string(t) }
        if !config.additionalSpecialTokens.isEmpty {
            context["additional_special_tokens"] = .list(config.additionalSpecialTokens.map(JinjaValue.string))
        }
        return context
    }

    /// Renders `messages` with `template` (default: the tokenizer's own `chat_template`).
    public func renderChat(_ messages: [JinjaValue], template: String? = nil, addGenerationPrompt: Bool = false,
                           tools: [JinjaValue]? = nil) throws -> ChatTemplate.Rendered {
        guard let source = template ?? config.chatTemplate else {
            throw ChatTemplatingError(description: "Cannot use chat template functions because tokenizer.chat_template is not set and no template argument was passed! For information about writing templates and setting the tokenizer.chat_template attribute, please see the documentation at https://huggingface.co/docs/transformers/main/en/chat_templating")
        }
        return try ChatTemplateCache.shared.template(source).renderWithGenerationSpans(
            messages: messages, addGenerationPrompt: addGenerationPrompt, tools: tools, context: chatTemplateContext)
    }

    public func applyChatTemplate(_ messages: [JinjaValue], template: String? = nil, addGenerationPrompt: Bool = false,
                                  tools: [JinjaValue]? = nil, returnAssistantMask: Bool = false) throws -> ChatEncoding {
        let rendered = try renderChat(messages, template: template, addGenerationPrompt: addGenerationPrompt, tools: tools)
        let encoding = encode(rendered.text, addSpecialTokens: false)
        var mask: [Int]?
        if returnAssistantMask {
            var m = [Int](repeating: 0, count: encoding.count)
            for span in rendered.generationSpans where !span.isEmpty {
                guard let first = Self.token(containing: span.lowerBound, in: encoding.offsets) else { break }
                let last = Self.token(containing: span.upperBound - 1, in: encoding.offsets) ?? (encoding.count - 1)
                if first <= last { for t in first...last { m[t] = 1 } }
            }
            mask = m
        }
        return ChatEncoding(text: rendered.text, ids: encoding.ids, assistantMask: mask)
    }

    /// transformers' `char_to_token`: the token whose character span contains `position`.
    static func token(containing position: Int, in offsets: [Range<Int>]) -> Int? {
        offsets.firstIndex { $0.contains(position) }
    }
}

/// Compiled chat templates by source text: SFT data preparation renders thousands of
/// conversations with the same template, which should be parsed once.
final class ChatTemplateCache: @unchecked Sendable {
    static let shared = ChatTemplateCache()
    private var templates: [String: ChatTemplate] = [:]
    private let lock = NSLock()

    func template(_ source: String) throws -> ChatTemplate {
        lock.lock()
        defer { lock.unlock() }
        if let t = templates[source] { return t }
        let t = try ChatTemplate(source: source)
        if templates.count > 16 { templates.removeAll() }
        templates[source] = t
        return t
    }
}

/// transformers' ValueError when a tokenizer has no chat template to apply.
public struct ChatTemplatingError: Error, CustomStringConvertible {
    public var description: String
}
