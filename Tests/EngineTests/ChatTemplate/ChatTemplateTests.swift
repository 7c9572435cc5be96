import Foundation
import Testing
@testable import Engine

/// Hand-written checks of what the golden files cannot show: error locations,
/// generation spans, message preprocessing, robustness on broken templates.
@Suite struct ChatTemplateTests {
    private func error(_ body: () throws -> Any) -> TemplateError? {
        do { _ = try body() } catch let e as TemplateError { return e } catch { return nil }
        return nil
    }

    @Test func syntaxErrorNamesTemplateLineAndColumn() {
        let e = error { try ChatTemplate(source: "hello\n{% for m in messages %}\n  {{ m.content }", name: "my template") }
        #expect(e?.kind == .syntax)
        #expect(e?.templateName == "my template")
        #expect(e?.span?.line == 3)
        #expect(e?.description.hasPrefix("my template line 3, column") == true)
    }

    @Test func missingEndTagReportsJinjaMessage() {
        let e = error { try ChatTemplate(source: "{% for m in messages %}\n{{ m }}\n", name: "t") }
        #expect(e?.message == "Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.")
        #expect(e?.span?.line == 2)
    }

    @Test func runtimeErrorPointsAtTheExpression() throws {
        let t = try ChatTemplate(source: "ok\n  x{{ messages[0].missing.deeper }}", name: "t")
        let e = error { try t.render(messages: [["role": "user", "content": "hi"]]) }
        #expect(e?.kind == .runtime)
        #expect(e?.message == "'dict object' has no attribute 'missing'")
        #expect(e?.span == TemplateSpan(line: 2, column: 26))  // the `.deeper` that fails
    }

    @Test func raiseExceptionCarriesTheTemplateMessage() throws {
        let t = try ChatTemplate(source: "{% if messages[0].role != 'user' %}{{ raise_exception('First message must be from the user') }}{% endif %}x")
        let e = error { try t.render(messages: [["role": "assistant", "content": "a"]]) }
        #expect(e?.kind == .raised)
        #expect(e?.message == "First message must be from the user")
        #expect(try t.render(messages: [["role": "user", "content": "a"]]) == "x")
    }

    @Test func unsupportedTagsSayNotImplemented() {
        let e = error { try ChatTemplate(source: "{% include 'other.jinja' %}") }
        #expect(e?.kind == .notImplemented)
    }

    @Test func generationSpansCoverAssistantTextInScalarOffsets() throws {
        let source = "{% for m in messages %}<{{ m.role }}>{% if m.role == 'assistant' %}{% generation %}{{ m.content }}</s>{% endgeneration %}{% else %}{{ m.content }}{% endif %}\n{% endfor %}"
        let t = try ChatTemplate(source: source)
        let r = try t.renderWithGenerationSpans(messages: [
            ["role": "user", "content": "héllo 🤖"], ["role": "assistant", "content": "ça va"],
            ["role": "user", "content": "x"], ["role": "assistant", "content": "👍"],
        ])
        let scalars = Array(r.text.unicodeScalars)
        let pieces = r.generationSpans.map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(pieces == ["ça va</s>", "👍</s>"])
    }

    @Test func messagesArePreprocessedLikeApplyChatTemplate() throws {
        let t = try ChatTemplate(source: "{% for m in messages %}{{ m.keys()|list }}{{ m.content is defined }};{% endfor %}")
        let out = try t.render(messages: [
            ["role": "user", "content": .none],
            ["role": "assistant", "content": "a", "reasoning": "r"],
        ])
        #expect(out == "['role']False;['thinking', 'role', 'content', 'reasoning', 'reasoning_content']True;")
        #expect(error { try t.render(messages: []) } != nil)
    }

    @Test func trlChatMLMatchesTheFixtureTemplate() throws {
        let fixture = try ChatTemplateFixtures.load("chat_cases")
        let chatml = fixture["templates"]?.listValue?.first { $0.dictValue?["name"]?.stringValue == "chatml" }
        #expect(chatml?.dictValue?["source"]?.stringValue == ChatTemplate.trlChatMLSource())
        let t = try ChatTemplate(source: ChatTemplate.trlChatMLSource())
        #expect(try t.render(messages: [["role": "user", "content": "Hi"]], addGenerationPrompt: true)
            == "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n")
    }

    @Test func pythonFloatRepr() {
        let cases: [(Double, String)] = [(1, "1.0"), (0.1, "0.1"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
                                         (1e-5, "1e-05"), (0.0001, "0.0001"), (-2.5, "-2.5"), (123456.789, "123456.789"),
                                         (1.5e300, "1.5e+300"), (.infinity, "inf")]
        for (x, want) in cases { #expect(JinjaValue.float(x).pyStr == want) }
    }

    @Test func jsonKeepsKeyOrderAndRoundTrips() throws {
        let text = #"{"z": 1, "a": [true, null, 1.5, "é\n\"q\""], "m": {}}"#
        let v = try JinjaValue.parseJSON(text)
        #expect(try v.toJSON() == text)
        #expect(v.pyRepr == #"{'z': 1, 'a': [True, None, 1.5, 'é\n"q"'], 'm': {}}"#)
    }

    @Test func deepNestingAndRunawayRecursionAreErrors() throws {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(error { try ChatTemplate(source: "{{ \(deep) }}") }?.kind == .syntax)
        let nested = String(repeating: "{% if true %}", count: 300) + String(repeating: "{% endif %}", count: 300)
        #expect(error { try ChatTemplate(source: nested) }?.kind == .syntax)
        let fine = String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)
        #expect(try ChatTemplate(source: "{{ \(fine) }}").render(variables: [:]).text == "1")
        let loop = try ChatTemplate(source: "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")
        #expect(error { try loop.render(variables: [:]) }?.message == "maximum recursion depth exceeded while calling macro 'f'")
        let countdown = try ChatTemplate(source: "{% macro f(n) %}{% if n > 0 %}{{ n }},{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(90) }}")
        #expect(try countdown.render(variables: [:]).text.hasPrefix("90,89,"))
    }

    /// Truncated and mangled real templates must fail with a TemplateError or render — never trap.
    @Test func brokenTemplatesNeverCrash() throws {
        let fixture = try ChatTemplateFixtures.load("chat_cases")
        let sources = (fixture["templates"]?.listValue ?? []).compactMap { $0.dictValue?["source"]?.stringValue }
        var generator = SplitMix64(seed: 7)
        var compiled = 0, failed = 0
        let messages: [JinjaValue] = [["role": "system", "content": "s"], ["role": "user", "content": "u"],
                                      ["role": "assistant", "content": "a"]]
        for source in sources {
            let scalars = Array(source.unicodeScalars)
            for _ in 0..<12 {
                var mangled = scalars
                let cut = Int(generator.next() % UInt64(max(1, mangled.count)))
                if generator.next() % 2 == 0 {
                    mangled = Array(mangled[..<cut])
                } else {
                    let length = Int(generator.next() % 6) + 1
                    mangled.removeSubrange(cut..<min(mangled.count, cut + length))
                }
                do {
                    let t = try ChatTemplate(source: String(String.UnicodeScalarView(mangled)))
                    compiled += 1
                    _ = try? t.render(messages: messages, addGenerationPrompt: true)
                } catch is TemplateError {
                    failed += 1
                }
            }
        }
        #expect(compiled > 0 && failed > 0)
    }
}

/// A tiny deterministic generator so the mangling test is reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
