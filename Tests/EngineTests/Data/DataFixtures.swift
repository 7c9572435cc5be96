import Foundation
@testable import Engine

/// Reads the golden fixtures of `tools/gen_data_fixtures.py` (with the engine's own
/// JSON parser, which the loading tests hold to `datasets` separately).
enum DataFixtures {
    struct Missing: Error, CustomStringConvertible { let description: String }

    static func load(_ name: String) throws -> DataValue {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/data") else {
            throw Missing(description: "fixture Fixtures/data/\(name) not found")
        }
        let data = try Data(contentsOf: url)
        return try data.withUnsafeBytes { raw in
            var p = JSONByteParser(raw.bindMemory(to: UInt8.self))
            return try p.parseValue()
        }
    }

    /// A fresh temporary directory for files a test writes.
    static func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "sftnb-data-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}

extension DataValue {
    subscript(key: String) -> DataValue {
        if case let .dict(d) = self { return d[key] ?? .null }
        return .null
    }
    var array: [DataValue] { listValue ?? [] }
    var int: Int? { if case let .int(x) = self { return Int(x) }; return nil }
    var double: Double? {
        switch self { case let .double(x): return x; case let .int(x): return Double(x); default: return nil }
    }
    var string: String? { if case let .string(s) = self { return s }; return nil }
    var bool: Bool? { if case let .bool(b) = self { return b }; return nil }
    var dictValue: DataDict? { if case let .dict(d) = self { return d }; return nil }
}
