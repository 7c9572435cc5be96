import Foundation
import Testing
@testable import Engine

/// Each small template of jinja_cases.json (one feature each) and
/// jinja_random_cases.json (random nestings with whitespace control), rendered
/// by transformers' jinja2 environment, must render to the same text here
/// (or fail the same way).
@Suite struct JinjaCaseTests {
    @Test(arguments: ["jinja_cases", "jinja_random_cases"])
    func everyCaseMatchesJinja2(file: String) throws {
        let fixture = try ChatTemplateFixtures.load(file)
        let cases = fixture["cases"]?.listValue ?? []
        #expect(cases.count >= 80)
        var mismatches: [String] = []
        for c in cases {
            let d = c.dictValue ?? JinjaDict()
            let name = d["name"]?.stringValue ?? "?"
            let source = d["template"]?.stringValue ?? ""
            let variables = (d["variables"] ?? fixture["variables"])?.variables ?? [:]
            let result: Result<String, Error> = Result {
                var template = try ChatTemplate(source: source, name: name)
                template.now = { ChatTemplateFixtures.fixedNow }
                return try template.render(variables: variables).text
            }
            if let expected = d["output"]?.stringValue {
                switch result {
                case let .success(text) where text == expected: continue
                case let .success(text): mismatches.append("\(name): expected \(expected.debugDescription), got \(text.debugDescription)")
                case let .failure(e): mismatches.append("\(name): expected \(expected.debugDescription), threw \(e)")
                }
            } else {
                let type = d["error"]?.stringValue ?? ""
                let message = d["message"]?.stringValue ?? ""
                switch result {
                case let .success(text): mismatches.append("\(name): expected \(type) '\(message)', rendered \(text.debugDescription)")
                case let .failure(error):
                    guard let e = error as? TemplateError else { mismatches.append("\(name): foreign error \(error)"); continue }
                    if comparedErrorTypes.contains(type), e.message != message {
                        mismatches.append("\(name): message \(e.message.debugDescription) != jinja2's \(message.debugDescription)")
                    }
                    if let line = d["line"]?.intValue, e.span?.line != line {
                        mismatches.append("\(name): error line \(String(describing: e.span?.line)) != jinja2's \(line)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) mismatches:\n" + mismatches.prefix(30).map { String($0.prefix(600)) }.joined(separator: "\n")))
    }
}
