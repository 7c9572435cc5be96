import Foundation

/// Saves a model's tensors the way transformers' `save_pretrained` does: one
/// `model.safetensors` when everything fits in `maxShardSize`, else
/// `model-00001-of-0000N.safetensors` shards plus `model.safetensors.index.json`
/// (`{"metadata": {"total_parameters", "total_size"}, "weight_map"}`), with the same
/// greedy split as huggingface_hub's `split_state_dict_into_shards_factory`.
public enum ShardedSave {
    /// transformers 5's default `max_shard_size`.
    public static let defaultMaxShardSize = 50_000_000_000

    public struct SizeError: Error, CustomStringConvertible { public let description: String }

    /// Parses sizes as huggingface_hub's `parse_size_to_int` does: "5GB" = 5·10⁹,
    /// "5GiB" = 5·2³⁰, plain integers are bytes.
    public static func parseSize(_ text: String) throws -> Int {
        let units: [(String, Double)] = [("KIB", 1024), ("MIB", 1048576), ("GIB", 1073741824), ("TIB", 1099511627776),
                                         ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12)]
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let n = Int(upper) { return n }
        for (unit, factor) in units where upper.hasSuffix(unit) {
            if let value = Double(upper.dropLast(unit.count).trimmingCharacters(in: .whitespaces)), value >= 0 {
                return Int(value * factor)
            }
        }
        throw SizeError(description: "max_shard_size '\(text)' is not a size (examples: \"5GB\", \"500MB\", \"2GiB\", or a number of bytes)")
    }

    /// transformers' `dot_natural_key` order: names split on ".", numeric parts compared as
    /// numbers and before text (`layers.2` < `layers.10`), trailing digits of a text part
    /// compared numerically. `save_pretrained` of a model loaded with `from_pretrained`
    /// passes its state dict to the shard splitter in this order.
    public static func dotNaturalOrder(_ a: String, _ b: String) -> Bool {
        let ka = dotNaturalKey(a), kb = dotNaturalKey(b)
        for (x, y) in zip(ka, kb) where x != y { return x < y }
        return ka.count < kb.count
    }

    /// One part of a name's sort key: (kind, text, number) with kind 0 for a number.
    private struct KeyPart: Comparable {
        var kind: Int
        var text: String
        var number: Int?
        static func < (a: KeyPart, b: KeyPart) -> Bool {
            if a.kind != b.kind { return a.kind < b.kind }
            if a.kind == 0 { return a.number! < b.number! }
            if a.text != b.text { return a.text.unicodeScalars.lexicographicallyPrecedes(b.text.unicodeScalars) }
            switch (a.number, b.number) {
            case let (x?, y?): return x < y
            case (nil, _?): return true  // a shorter tuple sorts first in Python
            default: return false
            }
        }
    }

    private static func dotNaturalKey(_ name: String) -> [KeyPart] {
        name.split(separator: ".", omittingEmptySubsequences: false).map { part in
            if !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part) {
                return KeyPart(kind: 0, text: "", number: n)
            }
            let text = part.reversed().drop { $0.isASCII && $0.isNumber }.reversed()
            let digits = part.dropFirst(text.count)
            return KeyPart(kind: 1, text: String(text), number: digits.isEmpty ? nil : Int(digits))
        }
    }

    /// Groups tensors (in the caller's state-dict order) into shards: a tensor larger than
    /// the limit gets a shard of its own, placed before the shard being filled.
    public static func plan(_ entries: [SafetensorsEntry], maxShardSize: Int) -> [[SafetensorsEntry]] {
        var shards: [[SafetensorsEntry]] = []
        var current: [SafetensorsEntry] = []
        var currentSize = 0
        for entry in entries {
            let size = entry.byteCount
            if size > maxShardSize {
                shards.append([entry])
                continue
            }
            if currentSize + size > maxShardSize {
                shards.append(current)
                current = []
                currentSize = 0
            }
            current.append(entry)
            currentSize += size
        }
        if !current.isEmpty || shards.isEmpty { shards.append(current) }
        return shards
    }

    /// Writes the checkpoint into `directory` (created if needed) and removes weight files
    /// of an earlier save there that this one does not replace. Returns the files written.
    @discardableResult
    public static func save(_ entries: [SafetensorsEntry], to directory: String,
                            maxShardSize: Int = defaultMaxShardSize, totalParameters: Int,
                            weightsName: String = SafetensorsCheckpoint.singleFileName) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let shards = plan(entries, maxShardSize: maxShardSize)
        let stem = String(weightsName.dropLast(".safetensors".count))
        var written: [String] = []
        if shards.count == 1 {
            try SafetensorsWriter.write(shards[0], to: directory + "/" + weightsName)
            written.append(weightsName)
        } else {
            var weightMap = JSONObject()
            for (i, shard) in shards.enumerated() {
                let name = "\(stem)-\(pad5(i + 1))-of-\(pad5(shards.count)).safetensors"
                try SafetensorsWriter.write(shard, to: directory + "/" + name)
                for entry in shard { weightMap[entry.name] = .string(name) }
                written.append(name)
            }
            let totalSize = entries.reduce(0) { $0 + $1.byteCount }
            let index = JSONValue.object(JSONObject([
                ("metadata", .object(JSONObject([("total_parameters", .int(Int64(totalParameters))),
                                                 ("total_size", .int(Int64(totalSize)))]))),
                ("weight_map", .object(weightMap)),
            ]))
            let indexName = weightsName + ".index.json"
            try AtomicFile.write(JSONWriter.transformers.string(index) + "\n", to: directory + "/" + indexName)
            written.append(indexName)
        }
        try removeStale(in: directory, stem: stem, weightsName: weightsName, keeping: Set(written))
        return written
    }

    private static func pad5(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Deletes `stem.safetensors`, `stem-NNNNN-of-NNNNN.safetensors` and the index that a
    /// previous save left and this save did not rewrite, so a loader never mixes two saves.
    private static func removeStale(in directory: String, stem: String, weightsName: String, keeping: Set<String>) throws {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] where !keeping.contains(name) {
            let isSingle = name == weightsName
            let isIndex = name == weightsName + ".index.json"
            let isShard = name.hasPrefix(stem + "-") && name.hasSuffix(".safetensors") && name.contains("-of-")
            if isSingle || isIndex || isShard { try? fm.removeItem(atPath: directory + "/" + name) }
        }
    }
}
