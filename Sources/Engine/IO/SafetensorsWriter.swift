import Foundation

/// A tensor to be written: its header entry plus a closure that fills its bytes, so the
/// writer can stream tensors from wherever they live (the parameter store, an mmapped
/// file) without first gathering a whole checkpoint in memory.
public struct SafetensorsEntry {
    public var name: String
    public var dtype: TensorDType
    public var shape: [Int]
    /// Fills exactly `byteCount` little-endian bytes.
    public var fill: (UnsafeMutableRawBufferPointer) throws -> Void

    public var elementCount: Int { shape.reduce(1, *) }
    public var byteCount: Int { elementCount * dtype.byteSize }

    public init(name: String, dtype: TensorDType, shape: [Int],
                fill: @escaping (UnsafeMutableRawBufferPointer) throws -> Void) {
        self.name = name
        self.dtype = dtype
        self.shape = shape
        self.fill = fill
    }

    /// Raw bytes already in `dtype`'s layout.
    public init(name: String, dtype: TensorDType, shape: [Int], bytes: [UInt8]) {
        self.init(name: name, dtype: dtype, shape: shape) { out in
            bytes.withUnsafeBytes { out.copyMemory(from: $0) }
        }
    }

    /// float32 values, stored as `dtype` (F32, BF16 or F16; rounding to nearest even).
    public init(name: String, dtype: TensorDType = .F32, shape: [Int], floats: [Float]) {
        self.init(name: name, dtype: dtype, shape: shape) { out in
            floats.withUnsafeBufferPointer { src in
                if let s = src.baseAddress, let d = out.baseAddress {
                    FloatConversion.fromFloat(dtype, s, d, count: src.count)
                }
            }
        }
    }
}

/// Writes safetensors files byte-identical to Python's `safetensors.torch.save_file`:
/// tensors laid out by dtype (widest alignment first, in the Rust crate's `Dtype` order),
/// then by name; a compact JSON header with `__metadata__` first, padded with spaces to a
/// multiple of 8 bytes; written atomically.
public enum SafetensorsWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The layout order the Rust crate uses.
    public static func ordered(_ entries: [SafetensorsEntry]) -> [SafetensorsEntry] {
        entries.sorted { a, b in
            if a.dtype.rustOrder != b.dtype.rustOrder { return a.dtype.rustOrder > b.dtype.rustOrder }
            return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
    }

    /// The 8-byte length plus the padded header for already-ordered entries.
    public static func header(for ordered: [SafetensorsEntry], metadata: [String: String]?) -> [UInt8] {
        var json = "{"
        var first = true
        if let metadata {
            json += "\"__metadata__\":{"
            for (i, key) in metadata.keys.sorted().enumerated() {
                if i > 0 { json += "," }
                json += JSONWriter.quoted(key, ensureASCII: false) + ":" + JSONWriter.quoted(metadata[key]!, ensureASCII: false)
            }
            json += "}"
            first = false
        }
        var offset = 0
        for entry in ordered {
            if !first { json += "," }
            first = false
            let end = offset + entry.byteCount
            json += JSONWriter.quoted(entry.name, ensureASCII: false)
            json += ":{\"dtype\":\"\(entry.dtype.rawValue)\",\"shape\":[\(entry.shape.map(String.init).joined(separator: ","))],\"data_offsets\":[\(offset),\(end)]}"
            offset = end
        }
        json += "}"
        var bytes = Array(json.utf8)
        let padded = (bytes.count + 7) / 8 * 8
        bytes += [UInt8](repeating: 0x20, count: padded - bytes.count)
        var length = UInt64(padded).littleEndian
        let prefix = withUnsafeBytes(of: &length) { Array($0) }
        return prefix + bytes
    }

    /// Writes `entries` to `path` atomically. `metadata` defaults to what transformers
    /// writes (`{"format": "pt"}`).
    public static func write(_ entries: [SafetensorsEntry], metadata: [String: String]? = ["format": "pt"],
                             to path: String) throws {
        var seen = Set<String>()
        for entry in entries where !seen.insert(entry.name).inserted {
            throw WriteError(description: "\(path): tensor '\(entry.name)' appears twice")
        }
        let layout = ordered(entries)
        let out = try AtomicFileWriter(path: path)
        try header(for: layout, metadata: metadata).withUnsafeBytes { try out.write($0) }
        var scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 0, alignment: 64)
        defer { scratch.deallocate() }
        for entry in layout where entry.byteCount > 0 {
            if scratch.count < entry.byteCount {
                scratch.deallocate()
                scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: entry.byteCount, alignment: 64)
            }
            let slice = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<entry.byteCount])
            do { try entry.fill(slice) } catch {
                out.abort()
                throw error
            }
            try out.write(UnsafeRawBufferPointer(slice))
        }
        try out.commit()
    }

}
