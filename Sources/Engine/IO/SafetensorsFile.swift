import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Public API (safetensors):
//   let file = try SafetensorsFile(path: "model.safetensors")   // mmap + full validation
//   file.names, file.tensors[name] (dtype, shape, byte range), file.metadata
//   try file.bytes(name)                 // the raw little-endian bytes, zero-copy
//   try file.readFloat32(name, into: p)  // F32/BF16/F16 → float32
//   try file.floats(name)                // convenience, allocates an array
//   try SafetensorsWriter.write([...], to: path)  // atomic, byte-identical to safe_save_file
//   SafetensorsCheckpoint(directory:)   // model.safetensors or shards + index, by name
//   ShardedSave.save(entries, to: dir)  // single file or transformers-style shards + index

/// One tensor's entry in a safetensors header.
public struct SafetensorsTensorInfo: Equatable, Sendable {
    public let name: String
    public let dtype: TensorDType
    public let shape: [Int]
    /// Byte range inside the data region (after the header).
    public let dataRange: Range<Int>

    public var elementCount: Int { shape.reduce(1, *) }
}

/// A safetensors file mapped read-only into memory.
///
/// The whole header is validated when the file is opened, before any tensor byte is
/// touched, with the rules of the reference Rust crate: the data region must be covered
/// exactly by the tensors, contiguously, in order, without overlap, each tensor's byte count
/// equal to its element count times its dtype's size. After that, reading is bounds-safe by
/// construction. Mapping (rather than reading) means a multi-gigabyte checkpoint costs no
/// resident memory until a tensor is converted into the parameter store.
public final class SafetensorsFile: @unchecked Sendable {
    /// A header larger than this is not a real checkpoint (the Rust crate uses the same cap).
    public static let maxHeaderLength = 100_000_000

    public let path: String
    public let metadata: [String: String]
    public let tensors: [String: SafetensorsTensorInfo]
    /// Tensor names in file order (by data offset).
    public let names: [String]
    /// Total bytes of tensor data.
    public let dataSize: Int

    private let mapping: UnsafeMutableRawPointer
    private let mappedSize: Int
    private let dataStart: Int

    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SafetensorsError.cannotOpen(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SafetensorsError.cannotOpen(path, String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        guard size >= 8 else { throw SafetensorsError.tooSmall(path, size: size) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw SafetensorsError.cannotOpen(path, "mmap failed: \(String(cString: strerror(errno)))")
        }
        do {
            let parsed = try SafetensorsFile.parseHeader(UnsafeRawBufferPointer(start: base, count: size), path: path)
            mapping = base
            mappedSize = size
            dataStart = parsed.dataStart
            metadata = parsed.metadata
            tensors = parsed.tensors
            names = parsed.names
            dataSize = size - parsed.dataStart
        } catch {
            munmap(base, size)
            throw error
        }
    }

    deinit {
        munmap(mapping, mappedSize)
    }

    /// The raw bytes of a tensor, valid while this file object is alive.
    public func bytes(_ name: String) throws -> UnsafeRawBufferPointer {
        guard let info = tensors[name] else { throw SafetensorsError.missingTensor(path, name) }
        return bytes(info)
    }

    func bytes(_ info: SafetensorsTensorInfo) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: UnsafeRawPointer(mapping) + dataStart + info.dataRange.lowerBound,
                               count: info.dataRange.count)
    }

    /// Converts a floating-point tensor to float32 into `destination`, whose count must be
    /// the tensor's element count.
    public func readFloat32(_ name: String, into destination: UnsafeMutableBufferPointer<Float>) throws {
        guard let info = tensors[name] else { throw SafetensorsError.missingTensor(path, name) }
        guard destination.count == info.elementCount else {
            throw SafetensorsError.badTensor(path, name, "has \(info.elementCount) elements \(info.shape), destination holds \(destination.count)")
        }
        guard info.dtype.isFloatingCompute else {
            throw SafetensorsError.badTensor(path, name, "dtype \(info.dtype.rawValue) cannot be converted to float32 (expected F32, BF16 or F16)")
        }
        guard info.elementCount > 0, let base = destination.baseAddress else { return }
        let raw = bytes(info)
        FloatConversion.toFloat(info.dtype, raw.baseAddress!, base, count: info.elementCount)
    }

    /// A floating-point tensor as a float32 array.
    public func floats(_ name: String) throws -> [Float] {
        guard let info = tensors[name] else { throw SafetensorsError.missingTensor(path, name) }
        var out = [Float](repeating: 0, count: info.elementCount)
        try out.withUnsafeMutableBufferPointer { try readFloat32(name, into: $0) }
        return out
    }

    /// An integer tensor (I64, I32, I16, I8, U64, U32, U16, U8, BOOL) as Int values.
    public func integers(_ name: String) throws -> [Int] {
        guard let info = tensors[name] else { throw SafetensorsError.missingTensor(path, name) }
        let raw = bytes(info)
        let n = info.elementCount
        switch info.dtype {
        case .I64: return (0..<n).map { Int(raw.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self)) }
        case .I32: return (0..<n).map { Int(raw.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) }
        case .U32: return (0..<n).map { Int(raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) }
        case .I16: return (0..<n).map { Int(raw.loadUnaligned(fromByteOffset: 2 * $0, as: Int16.self)) }
        case .U16: return (0..<n).map { Int(raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self)) }
        case .I8: return (0..<n).map { Int(raw.load(fromByteOffset: $0, as: Int8.self)) }
        case .U64:
            return try (0..<n).map {
                let v = raw.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self)
                guard let i = Int(exactly: v) else {
                    throw SafetensorsError.badTensor(path, name, "U64 value \(v) at index \($0) does not fit in Int")
                }
                return i
            }
        case .U8, .BOOL: return (0..<n).map { Int(raw[$0]) }
        default:
            throw SafetensorsError.badTensor(path, name, "dtype \(info.dtype.rawValue) is not an integer type")
        }
    }

    // MARK: - Header validation

    struct ParsedHeader {
        var dataStart: Int
        var metadata: [String: String]
        var tensors: [String: SafetensorsTensorInfo]
        var names: [String]
    }

    static func parseHeader(_ file: UnsafeRawBufferPointer, path: String) throws -> ParsedHeader {
        let length = file.loadUnaligned(fromByteOffset: 0, as: UInt64.self).littleEndian
        guard length <= UInt64(file.count - 8), length <= UInt64(maxHeaderLength) else {
            throw SafetensorsError.headerTooLarge(path, length: length, fileSize: file.count, limit: maxHeaderLength)
        }
        let headerLength = Int(length)
        let header = UnsafeRawBufferPointer(rebasing: file[8..<(8 + headerLength)])
        guard header.first == UInt8(ascii: "{") else {
            throw SafetensorsError.badHeader(path, "the header does not start with '{' (not JSON or not a safetensors file)")
        }
        let json: JSONValue
        do { json = try JSONValue.parse(header) } catch let error as JSONParseError {
            throw SafetensorsError.badHeader(path, "not valid JSON: \(error.description)")
        }
        guard let object = json.objectValue else {
            throw SafetensorsError.badHeader(path, "expected a JSON object, found \(json.typeName)")
        }
        let dataSize = file.count - 8 - headerLength
        var metadata: [String: String] = [:]
        var entries: [SafetensorsTensorInfo] = []
        entries.reserveCapacity(object.count)
        for (key, value) in object.pairs {
            if key == "__metadata__" {
                guard let map = value.objectValue else {
                    throw SafetensorsError.badHeader(path, "__metadata__ must be an object of strings, found \(value.typeName)")
                }
                for (mk, mv) in map.pairs {
                    guard let s = mv.stringValue else {
                        throw SafetensorsError.badHeader(path, "__metadata__['\(mk)'] must be a string, found \(mv.typeName)")
                    }
                    metadata[mk] = s
                }
                continue
            }
            entries.append(try parseEntry(key, value, path: path))
        }
        // The data region must be tiled exactly: sorted by offset, each tensor starts where
        // the previous ended, the last ends at the end of the file.
        entries.sort { ($0.dataRange.lowerBound, $0.dataRange.upperBound) < ($1.dataRange.lowerBound, $1.dataRange.upperBound) }
        var expectedStart = 0
        for entry in entries {
            if entry.dataRange.lowerBound != expectedStart {
                if entry.dataRange.lowerBound < expectedStart {
                    throw SafetensorsError.badTensor(path, entry.name, "data_offsets [\(entry.dataRange.lowerBound), \(entry.dataRange.upperBound)] overlap the previous tensor, which ends at \(expectedStart)")
                }
                throw SafetensorsError.badTensor(path, entry.name, "data_offsets start at \(entry.dataRange.lowerBound), expected \(expectedStart) (the data region has a gap)")
            }
            if entry.dataRange.upperBound > dataSize {
                throw SafetensorsError.badTensor(path, entry.name, "data_offsets end at \(entry.dataRange.upperBound), past the end of the data (\(dataSize) bytes) — truncated file?")
            }
            expectedStart = entry.dataRange.upperBound
        }
        if expectedStart != dataSize {
            throw SafetensorsError.badHeader(path, "the tensors cover \(expectedStart) bytes of data but the file holds \(dataSize) bytes after the header")
        }
        var tensors: [String: SafetensorsTensorInfo] = [:]
        for entry in entries { tensors[entry.name] = entry }
        return ParsedHeader(dataStart: 8 + headerLength, metadata: metadata, tensors: tensors, names: entries.map(\.name))
    }

    private static func parseEntry(_ name: String, _ value: JSONValue, path: String) throws -> SafetensorsTensorInfo {
        guard let entry = value.objectValue else {
            throw SafetensorsError.badTensor(path, name, "entry must be an object, found \(value.typeName)")
        }
        guard let dtypeName = entry["dtype"]?.stringValue else {
            throw SafetensorsError.badTensor(path, name, "missing string field 'dtype'")
        }
        guard let dtype = TensorDType(rawValue: dtypeName) else {
            let known = TensorDType.allCases.map(\.rawValue).joined(separator: ", ")
            throw SafetensorsError.badTensor(path, name, "unknown dtype '\(dtypeName)' (supported: \(known))")
        }
        guard let shapeItems = entry["shape"]?.arrayValue else {
            throw SafetensorsError.badTensor(path, name, "missing array field 'shape'")
        }
        var shape: [Int] = []
        var count = 1
        for item in shapeItems {
            guard let d = item.intValue, d >= 0 else {
                throw SafetensorsError.badTensor(path, name, "shape entries must be non-negative integers, found \(item)")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow else { throw SafetensorsError.badTensor(path, name, "shape \(shapeItems) overflows") }
            count = product
            shape.append(d)
        }
        guard let offsets = entry["data_offsets"]?.arrayValue, offsets.count == 2,
              let begin = offsets[0].intValue, let end = offsets[1].intValue, begin >= 0, end >= begin else {
            throw SafetensorsError.badTensor(path, name, "data_offsets must be two integers [begin, end] with 0 <= begin <= end")
        }
        let (expectedBytes, overflow) = count.multipliedReportingOverflow(by: dtype.byteSize)
        guard !overflow, end - begin == expectedBytes else {
            throw SafetensorsError.badTensor(path, name, "shape \(shape) of \(dtype.rawValue) needs \(overflow ? "too many" : String(expectedBytes)) bytes but data_offsets [\(begin), \(end)] span \(end - begin)")
        }
        return SafetensorsTensorInfo(name: name, dtype: dtype, shape: shape, dataRange: begin..<end)
    }
}
