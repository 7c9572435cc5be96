import Foundation
import Testing
@testable import Engine

/// Fixtures from tools/gen_model_fixtures.py: one tiny model per family variant.
enum MT {
    static let variants = ["gpt2", "opt", "opt-350m-style", "gpt_neo", "llama", "llama-tied"]

    static func directory(_ variant: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "config", withExtension: "json",
                                                 subdirectory: "Fixtures/models/\(variant)"))
        return url.deletingLastPathComponent().path
    }

    static func expected(_ variant: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try directory(variant) + "/expected.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func ints2D(_ any: Any?) throws -> [Int] {
        let rows = try #require(any as? [[Any]])
        return try rows.flatMap { try $0.map { try #require(($0 as? NSNumber)?.intValue) } }
    }

    static func doubles(_ any: Any?) throws -> [Double] {
        let values = try #require(any as? [Any])
        return try values.map { try #require(($0 as? NSNumber)?.doubleValue) }
    }

    /// The fixture's batch: right padding in row 2, labels -100 at pads, HF positions.
    static func batch(_ e: [String: Any]) throws -> TokenBatch {
        let ids = try ints2D(e["input_ids"]), mask = try ints2D(e["attention_mask"]), labels = try ints2D(e["labels"])
        let rows = try #require(e["input_ids"] as? [Any]).count
        let cols = ids.count / rows
        return TokenBatch(rows: rows, columns: cols, inputIDs: ids, labels: labels, attentionMask: mask,
                          positionIDs: (0..<rows * cols).map { $0 % cols }, documentIDs: nil)
    }

    /// ||a − b|| / ||b||
    static func relativeError(_ a: [Float], _ b: [Float]) -> Double {
        var num = 0.0, den = 0.0
        for i in 0..<min(a.count, b.count) {
            let d = Double(a[i]) - Double(b[i])
            num += d * d
            den += Double(b[i]) * Double(b[i])
        }
        return (num / max(den, 1e-30)).squareRoot()
    }

    static func maxAbs(_ a: [Float], _ b: [Float]) -> Float {
        var m: Float = 0
        for i in 0..<min(a.count, b.count) { m = max(m, abs(a[i] - b[i])) }
        return m
    }
}
