import Foundation
import Testing
@testable import Engine

@Suite struct FuzzProbe {
    @Test func fuzz() throws {
        let text = try String(contentsOfFile: "/tmp/fuzz/fuzz_cases.json", encoding: .utf8)
        guard case let .dict(root) = try JinjaValue.parseJSON(text) else { return }
        var bad = 0
        for c in root["cases"]?.listValue ?? [] {
            let d = c.dictValue ?? JinjaDict()
            let src = d["template"]?.stringValue ?? ""
            let vars = d["variables"]?.variables ?? [:]
            let r = Result { try ChatTemplate(source: src).render(variables: vars).text }
            let want = d["output"]?.stringValue
            var ok = true
            switch (r, want) {
            case let (.success(t), w?): ok = t == w
            case (.failure, nil): ok = true
            default: ok = false
            }
            if !ok {
                bad += 1
                if bad <= 12 {
                    print("FUZZ MISMATCH \(src.debugDescription)\n  want \(want?.debugDescription ?? "ERROR " + (d["message"]?.stringValue ?? ""))\n  got  \(String(describing: r))")
                }
            }
        }
        print("FUZZ bad=\(bad)")
    }
}
