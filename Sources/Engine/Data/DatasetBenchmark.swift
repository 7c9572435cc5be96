import Foundation

/// The figures behind `sftnb bench datasets`, measured the same way as
/// `benchmarks/datasets/hf_baseline.py` measures `datasets`: load a JSON Lines file,
/// map a formatting function over the first 20,000 rows, shuffle with seed 42 and
/// select 10,000 rows (read back as a list of dicts).
public enum DatasetBenchmark {
    public struct Figures: Sendable, CustomStringConvertible {
        public var bytes: Int
        public var rows: Int
        public var loadSeconds: Double
        public var mapRows: Int
        public var mapSeconds: Double
        public var shuffleSelectSeconds: Double

        /// One JSON object, the same keys as the Python baseline prints.
        public var description: String {
            func f(_ x: Double) -> String { String(format: "%.4f", x) }
            return "{\"impl\": \"sftnb\", \"bytes\": \(bytes), \"rows\": \(rows), \"load_s\": \(f(loadSeconds)), "
                + "\"load_mb_per_s\": \(f(Double(bytes) / 1e6 / max(loadSeconds, 1e-9))), \"map_rows\": \(mapRows), "
                + "\"map_s\": \(f(mapSeconds)), \"shuffle_select_s\": \(f(shuffleSelectSeconds))}"
        }
    }

    /// Writes the benchmark's JSON Lines file (about `targetBytes`), byte-identical to
    /// what `hf_baseline.py --generate` writes: rows from a 64-bit LCG over a word list.
    public static func generate(path: String, targetBytes: Int = 100_000_000) throws {
        var state: UInt64 = 12345
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let words = ["the", "model", "learns", "a", "small", "task", "from", "short", "examples", "and",
                     "data", "set", "rows", "with", "text", "label", "train", "test", "token", "loss"]
        var out = Data()
        out.reserveCapacity(targetBytes + 1024)
        var i = 0
        while out.count < targetBytes {
            let n = 20 + Int(next() % 80)
            let text = (0..<n).map { _ in words[Int(next() % UInt64(words.count))] }.joined(separator: " ")
            let score = next() % 10000
            let line = "{\"id\": \(i), \"text\": \"\(text)\", \"label\": \(i % 2), \"score\": \(score / 100).\(String(score % 100).leftPadded(to: 2)), \"tags\": [\"t\(i % 7)\", \"u\(i % 3)\"]}\n"
            out.append(contentsOf: Array(line.utf8))
            i += 1
        }
        try AtomicFile.write(out, to: path)
    }

    /// Times the three steps on `path`. `format` is the per-example map function
    /// (default: the baseline's `### Text: ...\n### Label: ...` formatter in Swift).
    public static func run(path: String, mapRows: Int = 20_000,
                           format: ((DataDict) throws -> DataDict?)? = nil) throws -> Figures {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var t = DispatchTime.now()
        func lap() -> Double {
            let now = DispatchTime.now()
            defer { t = now }
            return Double(now.uptimeNanoseconds - t.uptimeNanoseconds) / 1e9
        }
        guard case let .dataset(ds) = try DatasetLoader.load(LoadOptions(path: "json", dataFiles: .files([path]), split: "train")) else {
            throw DataError.value("benchmark: expected one split")
        }
        let load = lap()
        let fmt = format ?? { row in
            let text: String = { if case let .string(s)? = row["text"] { return s }; return "" }()
            let label: String = { if case let .int(l)? = row["label"] { return String(l) }; return "" }()
            return DataDict([("formatted", .string("### Text: " + text + "\n### Label: " + label))])
        }
        let n = min(mapRows, ds.numRows)
        _ = try ds.select(Array(0..<n)).map(fmt)
        let map = lap()
        _ = try ds.shuffle(seed: 42).select(Array(0..<min(10_000, ds.numRows))).toList()
        let shuffle = lap()
        return Figures(bytes: bytes, rows: ds.numRows, loadSeconds: load, mapRows: n, mapSeconds: map,
                       shuffleSelectSeconds: shuffle)
    }
}
