import Foundation
import Testing
@testable import Engine

/// Real model chat templates (TRL's bundled copies of Llama 3/3.1/3.2, Qwen 2.5/3,
/// Gemma, Phi-3, DeepSeek-V3, ... and hand-written ChatML, Zephyr, Mistral,
/// Llama 2, SmolLM2) over many conversations, against transformers' rendering.
@Suite struct ChatFixtureTests {
    @Test func everyRenderMatchesTransformers() throws {
        let fixture = try ChatTemplateFixtures.load("chat_cases")
        let conversations = fixture["conversations"]?.dictValue ?? JinjaDict()
        let templates = fixture["templates"]?.listValue ?? []
        #expect(templates.count >= 10)
        var mismatches: [String] = []
        var checked = 0
        for t in templates {
            let td = t.dictValue ?? JinjaDict()
            let name = td["name"]?.stringValue ?? "?"
            var template: ChatTemplate
            do {
                template = try ChatTemplate(source: td["source"]?.stringValue ?? "", name: name)
                template.now = { ChatTemplateFixtures.fixedNow }
            } catch {
                mismatches.append("\(name): does not compile: \(error)")
                continue
            }
            let context = td["context"]?.variables ?? [:]
            for r in td["renders"]?.listValue ?? [] {
                let rd = r.dictValue ?? JinjaDict()
                let convName = rd["conversation"]?.stringValue ?? ""
                let messages = conversations[convName]?.listValue ?? []
                let tools = rd["with_tools"]?.isTruthy == true ? fixture["tools"]?.listValue : nil
                let agp = rd["add_generation_prompt"]?.isTruthy ?? false
                let label = "\(name) / \(convName) / agp=\(agp)\(tools == nil ? "" : " / tools")\(rd["continue_final_message"] == nil ? "" : " / continue")"
                checked += 1
                let continues = rd["continue_final_message"]?.isTruthy == true
                let result = Result {
                    if continues {
                        let text = try template.render(messages: messages, context: context, continueFinalMessage: true)
                        return ChatTemplate.Rendered(text: text, generationSpans: [])
                    }
                    return try template.renderWithGenerationSpans(messages: messages, addGenerationPrompt: agp, tools: tools, context: context)
                }
                if let expected = rd["output"]?.stringValue {
                    switch result {
                    case let .success(rendered):
                        if rendered.text != expected {
                            mismatches.append("\(label): expected \(expected.debugDescription)\n   got \(rendered.text.debugDescription)")
                        }
                        if let spans = rd["generation_spans"]?.listValue {
                            let want = spans.compactMap { s -> Range<Int>? in
                                guard let p = s.listValue, p.count == 2, let a = p[0].intValue, let b = p[1].intValue else { return nil }
                                return a..<b
                            }
                            if rendered.generationSpans != want {
                                mismatches.append("\(label): spans \(rendered.generationSpans) != \(want)")
                            }
                        }
                    case let .failure(e):
                        mismatches.append("\(label): threw \(e)")
                    }
                } else {
                    let message = rd["message"]?.stringValue ?? ""
                    switch result {
                    case .success: mismatches.append("\(label): expected error '\(message)'")
                    case let .failure(error):
                        let type = rd["error"]?.stringValue ?? ""
                        if comparedErrorTypes.contains(type), (error as? TemplateError)?.message != message {
                            mismatches.append("\(label): error \(error) != '\(message)'")
                        }
                    }
                }
            }
        }
        #expect(checked >= 500)
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) mismatches:\n" + mismatches.prefix(10).map { String($0.prefix(800)) }.joined(separator: "\n")))
    }
}
