import Foundation
import Testing
@testable import Engine

/// Loads the golden files written by tools/gen_chat_template_fixtures.py.
enum ChatTemplateFixtures {
    static func load(_ name: String) throws -> JinjaDict {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/chat_templates") else {
            throw TemplateError(.runtime, "fixture \(name).json is missing; run tools/gen_chat_template_fixtures.py")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        guard case let .dict(d) = try JinjaValue.parseJSON(text) else {
            throw TemplateError(.runtime, "fixture \(name).json is not an object")
        }
        return d
    }

    /// The fixed clock the generator gave transformers' `strftime_now` (noon, so any time zone has the same date).
    static let fixedNow: Date = {
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour) = (2025, 3, 14, 12)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        return calendar.date(from: c) ?? Date()
    }()
}

extension JinjaValue {
    var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    var listValue: [JinjaValue]? {
        if case let .list(l) = self { return l }
        return nil
    }

    var dictValue: JinjaDict? {
        if case let .dict(d) = self { return d }
        return nil
    }

    /// A dict's string keys as render variables.
    var variables: [String: JinjaValue] {
        var out: [String: JinjaValue] = [:]
        for e in dictValue?.entries ?? [] { if let k = e.key.stringValue { out[k] = e.value } }
        return out
    }
}

/// Python exception names whose message sftnb reproduces word for word.
let comparedErrorTypes: Set<String> = ["TemplateError", "TemplateSyntaxError", "TemplateAssertionError",
                                       "UndefinedError", "SecurityError", "TemplateRuntimeError"]
