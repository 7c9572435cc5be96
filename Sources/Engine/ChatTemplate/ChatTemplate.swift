import Foundation

/// Hugging Face chat templates, rendered exactly as transformers'
/// `tokenizer.apply_chat_template(messages, tokenize=False, ...)` does
/// (jinja2's ImmutableSandboxedEnvironment with trim_blocks, lstrip_blocks,
/// loop controls, transformers' `tojson`, `raise_exception`, `strftime_now`
/// and the `{% generation %}` block).
///
/// Public API:
/// ```swift
/// let template = try ChatTemplate(source: tokenizerConfig.chatTemplate, name: "Qwen2.5 chat template")
/// let text = try template.render(messages: [["role": "user", "content": "Hi"]],
///                                addGenerationPrompt: true,
///                                context: ["bos_token": "<s>", "eos_token": "</s>"])
/// let masked = try template.renderWithGenerationSpans(messages: conversation)
/// // masked.generationSpans: Unicode-scalar offsets of the text from `{% generation %}` blocks
/// // (transformers' `return_assistant_tokens_mask` character spans).
/// let plain = try template.render(variables: ["x": 1])   // a raw Jinja render, no chat preprocessing
/// let prefill = try template.render(messages: withPartialReply, continueFinalMessage: true)
/// let chatml = ChatTemplate.trlChatMLSource()             // what TRL's setup_chat_format installs
/// let value = try JinjaValue.parseJSON(text)              // JSON with key order kept; value.toJSON() is json.dumps
/// let set = try ChatTemplateSet.load(directory: modelDir, tokenizerConfig: config)  // chat_template.jinja & co.
/// let source = try set?.select(requested: nil, hasTools: false)  // transformers' get_chat_template
/// ```
/// `context` should hold the tokenizer's special tokens map (`bos_token`, `eos_token`,
/// `pad_token`, `unk_token`, ...) plus any extra keyword arguments, as transformers passes them.
/// Compile once, render many times; a `ChatTemplate` is immutable and thread-safe.
/// Every failure is a `TemplateError` naming the template, line and column.
public struct ChatTemplate: @unchecked Sendable {
    public let name: String
    public let source: String
    private let body: [Stmt]
    /// The clock read by `strftime_now`; tests fix it.
    public var now: @Sendable () -> Date = { Date() }

    public init(source: String, name: String = "chat template") throws {
        self.name = name
        self.source = source
        do {
            body = try Parser.parse(source)
            try ASTWalk.validate(body)
        } catch let e as TemplateError {
            throw e.located(nil, name: name)
        }
    }

    /// The rendered text plus the spans produced inside `{% generation %}` blocks,
    /// as offsets in Unicode scalars (Python string indices) into `text`.
    public struct Rendered: Equatable, Sendable {
        public var text: String
        public var generationSpans: [Range<Int>]
    }

    /// Renders a conversation like `apply_chat_template(..., tokenize=False)`:
    /// message keys whose value is None are dropped, reasoning fields are aliased,
    /// and the template sees `messages`, `tools`, `documents`, `add_generation_prompt`
    /// and everything in `context` (special tokens such as `bos_token`, extra kwargs).
    /// `continueFinalMessage` leaves the last message open (transformers' option of that name).
    public func render(messages: [JinjaValue], addGenerationPrompt: Bool = false, tools: [JinjaValue]? = nil,
                       documents: [JinjaValue]? = nil, context: [String: JinjaValue] = [:],
                       continueFinalMessage: Bool = false) throws -> String {
        guard continueFinalMessage else {
            return try renderWithGenerationSpans(messages: messages, addGenerationPrompt: addGenerationPrompt, tools: tools,
                                                 documents: documents, context: context).text
        }
        if addGenerationPrompt {
            throw TemplateError(.runtime, "continue_final_message and add_generation_prompt are not compatible. Use continue_final_message when you want the model to continue the final message, and add_generation_prompt when you want to add a header that will prompt it to start a new assistant message instead.", templateName: name)
        }
        return try renderContinuingFinalMessage(messages: messages, tools: tools, documents: documents, context: context)
    }

    public func renderWithGenerationSpans(messages: [JinjaValue], addGenerationPrompt: Bool = false,
                                          tools: [JinjaValue]? = nil, documents: [JinjaValue]? = nil,
                                          context: [String: JinjaValue] = [:]) throws -> Rendered {
        guard !messages.isEmpty else {
            throw TemplateError(.runtime, "Cannot apply chat template to an empty conversation. Provide at least one message.",
                                templateName: name)
        }
        var variables = context
        variables["messages"] = .list(try messages.map(ChatTemplate.normalize))
        variables["tools"] = tools.map(JinjaValue.list) ?? JinjaValue.none
        variables["documents"] = documents.map(JinjaValue.list) ?? JinjaValue.none
        variables["add_generation_prompt"] = .bool(addGenerationPrompt)
        return try render(variables: variables)
    }

    /// A plain Jinja render with the given variables (no chat preprocessing).
    public func render(variables: [String: JinjaValue]) throws -> Rendered {
        let interpreter = Interpreter()
        let globals = Scope(parent: nil, Globals.make(now: now))
        let scope = Scope(parent: globals, variables)
        do {
            _ = try interpreter.execute(body, scope)
        } catch let e as TemplateError {
            throw e.located(nil, name: name)
        }
        return Rendered(text: interpreter.output, generationSpans: interpreter.generationSpans)
    }

    /// transformers' `_normalize_chat_messages` and `_alias_reasoning_fields` for one message.
    static func normalize(_ message: JinjaValue) throws -> JinjaValue {
        guard case let .dict(d) = message else {
            throw TemplateError.runtime("Chat messages should be dicts, but got \(message.pyRepr).")
        }
        var kept = JinjaDict()
        for e in d.entries where !e.value.isNoneValue { kept[e.key] = e.value }
        guard let reasoning = ["reasoning_content", "thinking", "reasoning"].lazy.compactMap({ kept[$0] }).first else {
            return .dict(kept)
        }
        var aliased = JinjaDict()
        aliased["thinking"] = reasoning
        for e in kept.entries { aliased[e.key] = e.value }
        aliased["reasoning_content"] = reasoning
        return .dict(aliased)
    }
}
