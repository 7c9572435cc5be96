import Engine

/// `apply_chat_template` as transformers 5 runs it: render (one conversation or a batch),
/// then, with `tokenize=True` (the default), encode without special tokens and return a
/// `BatchEncoding` (`return_dict=True`, the default) or the bare ids.
extension PyTokenizer {
    /// `apply_chat_template`; `a` are the bound arguments in declaration order.
    func applyChatTemplate(_ rt: Interpreter, _ a: [Value]) throws -> Value {
        let continueFinal = try rt.truthy(a[5])
        if try continueFinal && rt.truthy(a[4]) {
            throw PyError.valueError("continue_final_message and add_generation_prompt are not compatible. Use continue_final_message when you want the model to continue the final message, and add_generation_prompt when you want to add a header that will prompt it to start a new assistant message instead.")
        }
        var conversations = try rt.iterate(a[0])
        var batched = false
        if let first = conversations.first, case .object(let o) = first, o is PyList || o is PyTuple {
            batched = true
        } else {
            conversations = [a[0]]
        }
        let template = a[3].isNone ? nil : try rt.toStr(a[3], "chat_template")
        let tools = a[1].isNone ? nil : try rt.iterate(a[1]).map { try rt.jinjaValue($0) }
        let generationPrompt = try rt.truthy(a[4])
        let wantMask = try rt.truthy(a[13])
        // Extra keyword arguments (`enable_thinking=False`) and documents become template variables.
        var extras: [String: JinjaValue] = [:]
        for (k, v) in try PyDataset.kwargs(rt, a[15]) { extras[k] = try rt.jinjaValue(v) }
        let documents = a[2].isNone ? nil : try rt.iterate(a[2]).map { try rt.jinjaValue($0) }
        let custom = !extras.isEmpty || documents != nil || continueFinal
        if custom && wantMask { throw PyError.notImplemented("return_assistant_tokens_mask=True together with documents, extra template variables or continue_final_message") }
        var texts: [String] = []
        var rows: [Row] = []
        var masks: [[Int]] = []
        for conversation in conversations {
            let messages = try rt.iterate(conversation).map { try rt.jinjaValue($0) }
            if custom {
                let text = try renderCustom(messages, template: template, addGenerationPrompt: generationPrompt, tools: tools,
                                            documents: documents, extras: extras, continueFinalMessage: continueFinal)
                if try rt.truthy(a[6]) {
                    let ids = tokenizer.encode(text, addSpecialTokens: false).ids
                    rows.append(Row(ids: ids, mask: [Int](repeating: 1, count: ids.count), special: [Int](repeating: 0, count: ids.count), offsets: []))
                } else {
                    texts.append(text)
                }
            } else if try rt.truthy(a[6]) {
                let enc = try PyTokenizer.engine {
                    try tokenizer.applyChatTemplate(messages, template: template, addGenerationPrompt: generationPrompt, tools: tools, returnAssistantMask: wantMask)
                }
                rows.append(Row(ids: enc.ids, mask: [Int](repeating: 1, count: enc.ids.count), special: [Int](repeating: 0, count: enc.ids.count), offsets: []))
                masks.append(enc.assistantMask ?? [])
            } else {
                texts.append(try PyTokenizer.engine {
                    try tokenizer.renderChat(messages, template: template, addGenerationPrompt: generationPrompt, tools: tools).text
                })
            }
        }
        if !(try rt.truthy(a[6])) {
            return batched ? .object(PyList(texts.map { .str($0) })) : .str(texts[0])
        }
        var o = Options()
        o.padding = try PyTokenizer.padding(rt, a[8])
        o.truncation = try rt.truthy(a[9])
        o.maxLength = a[10].isNone ? nil : try rt.toInt(a[10])
        o.returnTensors = try PyTokenizer.returnTensors(rt, a[11])
        rows = try pad(truncate(rows, o), o)
        if !(try rt.truthy(a[12])) {
            if o.returnTensors {
                let n = rows.first?.ids.count ?? 0
                return .object(PyTensor(int64: rows.flatMap(\.ids), shape: [rows.count, n]))
            }
            let lists = rows.map { Value.object(PyList($0.ids.map { .int($0) })) }
            return batched ? .object(PyList(lists)) : lists[0]
        }
        let enc = try batchEncoding(rt, rows, batched: batched || o.returnTensors, o)
        if wantMask {
            let lists = masks.map { Value.object(PyList($0.map { .int($0) })) }
            if o.returnTensors {
                enc.data.setString("assistant_masks", .object(PyTensor(int64: masks.flatMap { $0 }, shape: [masks.count, masks.first?.count ?? 0])))
            } else {
                enc.data.setString("assistant_masks", batched ? .object(PyList(lists)) : lists[0])
            }
        }
        return .object(enc)
    }

    /// Renders with template variables beyond the tokenizer's special tokens, or with the final
    /// message left open (`continue_final_message=True`).
    func renderCustom(_ messages: [JinjaValue], template: String?, addGenerationPrompt: Bool, tools: [JinjaValue]?,
                      documents: [JinjaValue]?, extras: [String: JinjaValue], continueFinalMessage: Bool = false) throws -> String {
        guard let source = template ?? tokenizer.chatTemplate else {
            return try PyTokenizer.engine { try tokenizer.renderChat(messages).text }
        }
        let compiled = try PyTokenizer.engine { () throws -> ChatTemplate in
            if let t = PyTokenizer.compiledTemplates[source] { return t }
            let t = try ChatTemplate(source: source)
            if PyTokenizer.compiledTemplates.count > 8 { PyTokenizer.compiledTemplates.removeAll() }
            PyTokenizer.compiledTemplates[source] = t
            return t
        }
        let context = tokenizer.chatTemplateContext.merging(extras) { _, new in new }
        return try PyTokenizer.engine {
            try compiled.render(messages: messages, addGenerationPrompt: addGenerationPrompt, tools: tools,
                                documents: documents, context: context, continueFinalMessage: continueFinalMessage)
        }
    }

    /// Templates compiled for renders with extra variables (SFT data preparation renders
    /// thousands of conversations with one template).
    nonisolated(unsafe) static var compiledTemplates: [String: ChatTemplate] = [:]
}
