import Foundation
@testable import Engine

/// Paths of the golden fixtures written by tools/gen_model_fixtures.py.
enum ModelFixtures {
    static let variants = ["gpt2", "opt", "opt-350m-style", "gpt_neo", "llama", "llama-tied"]
    static let configFamilies = ["gpt2", "opt", "gpt_neo", "llama"]

    static var root: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("models").path
    }

    static func directory(_ variant: String) -> String { root + "/" + variant }

    static func expected(_ variant: String) throws -> JSONObject {
        try JSONValue.parse(contentsOfFile: directory(variant) + "/expected.json").objectValue!
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func bytes(_ path: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path) ?? Data())
    }

    /// A fresh empty directory under the system temp dir.
    static func temporaryDirectory(_ label: String = "engine-io") -> String {
        let path = NSTemporaryDirectory() + "/\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
