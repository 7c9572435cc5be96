/// transformers' `continue_final_message=True`: render with a marker appended to
/// the last message's text, then cut the output at the marker, so the prompt
/// ends inside that message (for prefilling a reply) instead of after its end tokens.
extension ChatTemplate {
    private static let continueTag = "CONTINUE_FINAL_MESSAGE_TAG "

    func renderContinuingFinalMessage(messages: [JinjaValue], tools: [JinjaValue]?, documents: [JinjaValue]?,
                                      context: [String: JinjaValue]) throws -> String {
        func failure(_ message: String) -> TemplateError { TemplateError(.runtime, message, templateName: name) }
        guard case var .dict(last)? = messages.last else {
            throw failure("continue_final_message is set but the conversation is empty!")
        }
        guard let content = last["content"], !content.isNoneValue else {
            throw failure("continue_final_message is set but the final message has no \"content\" to continue!")
        }
        guard source.contains("content") else {
            throw failure("continue_final_message is set to \"content\" but this is not an accepted field in the chat_template")
        }
        let tag = ChatTemplate.continueTag
        let finalText: String
        switch content {
        case var .list(blocks):
            // The last content block that has a "text" key is the one continued.
            guard let i = blocks.lastIndex(where: { if case let .dict(b) = $0 { return b["text"] != nil } else { return false } }),
                  case var .dict(block) = blocks[i], let text = block["text"] else {
                throw failure("continue_final_message is set but we could not find any text to continue in the final message!")
            }
            finalText = text.pyStr
            block["text"] = .string(text.pyStr + tag)
            blocks[i] = .dict(block)
            last["content"] = .list(blocks)
        default:
            finalText = content.pyStr
            last["content"] = .string(content.pyStr + tag)
        }
        var edited = messages
        edited[edited.count - 1] = .dict(last)
        let rendered = try renderWithGenerationSpans(messages: edited, tools: tools, documents: documents, context: context).text
        let trimmedTag = String(tag.dropLast())
        let stripped = (try? pyStrip(finalText, nil, left: true, right: true)) ?? finalText
        let chars = Array(rendered.unicodeScalars)
        guard scalarIndex(of: stripped, in: rendered) != nil,
              let tagAt = scalarIndex(of: trimmedTag, in: rendered, fromEnd: true) else {
            throw failure("continue_final_message is set but the final message does not appear in the chat after applying the chat template! This can happen if the chat template deletes portions of the final message. Please verify the chat template and final message in your chat to ensure they are compatible.Final message to continue: \(stripped)\nRendered chat:\n\(rendered)")
        }
        let head = String(String.UnicodeScalarView(chars[..<tagAt]))
        let tagScalars = Array(tag.unicodeScalars)
        if chars.count >= tagAt + tagScalars.count, Array(chars[tagAt..<(tagAt + tagScalars.count)]) == tagScalars {
            return head  // the template kept the spacing
        }
        return (try? pyStrip(head, nil, left: false, right: true)) ?? head
    }
}
