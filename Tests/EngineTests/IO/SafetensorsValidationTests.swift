import Foundation
import Testing
@testable import Engine

/// Files whose header lies: each must fail with a thrown error that names the file, the
/// tensor and the problem — never a crash or an out-of-bounds read.
@Suite struct SafetensorsValidationTests {
    /// Writes a file from a header text and `dataBytes` bytes of data; `length` overrides the
    /// 8-byte length field.
    func file(_ header: String, dataBytes: Int, length: UInt64? = nil) -> String {
        let path = ModelFixtures.temporaryDirectory("st-bad") + "/bad.safetensors"
        var bytes: [UInt8] = []
        let h = Array(header.utf8)
        let n = length ?? UInt64(h.count)
        for i in 0..<8 { bytes.append(UInt8((n >> (8 * UInt64(i))) & 0xFF)) }
        bytes += h + [UInt8](repeating: 0, count: dataBytes)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func message(_ path: String) -> String {
        do {
            _ = try SafetensorsFile(path: path)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func offsetsPastTheEnd() {
        let path = file(#"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, dataBytes: 8)
        let m = message(path)
        #expect(m.contains(path) && m.contains("'w'") && m.contains("past the end") && m.contains("8 bytes"), "\(m)")
    }

    @Test func overlappingRanges() {
        let path = file(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#, dataBytes: 12)
        let m = message(path)
        #expect(m.contains("'b'") && m.contains("overlap") && m.contains("ends at 8"), "\(m)")
    }

    @Test func gapInTheData() {
        let path = file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#, dataBytes: 12)
        let m = message(path)
        #expect(m.contains("'b'") && m.contains("expected 4") && m.contains("gap"), "\(m)")
    }

    @Test func trailingUncoveredData() {
        let path = file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, dataBytes: 12)
        let m = message(path)
        #expect(m.contains("cover 4 bytes") && m.contains("12 bytes"), "\(m)")
    }

    @Test func unknownDtype() {
        let path = file(#"{"a":{"dtype":"F8_E9M9","shape":[1],"data_offsets":[0,1]}}"#, dataBytes: 1)
        let m = message(path)
        #expect(m.contains("'a'") && m.contains("unknown dtype 'F8_E9M9'") && m.contains("BF16"), "\(m)")
    }

    @Test func shapeDisagreesWithByteCount() {
        let path = file(#"{"a":{"dtype":"BF16","shape":[2,3],"data_offsets":[0,8]}}"#, dataBytes: 8)
        let m = message(path)
        #expect(m.contains("'a'") && m.contains("needs 12 bytes") && m.contains("span 8"), "\(m)")
    }

    @Test func absurdHeaderLength() {
        let path = file(#"{}"#, dataBytes: 0, length: 1 << 40)
        let m = message(path)
        #expect(m.contains("header length field says 1099511627776 bytes") && m.contains("truncated"), "\(m)")
        // Within the file but above the 100 MB cap is refused too (checked arithmetically).
        let capped = SafetensorsError.headerTooLarge("f", length: 200_000_000, fileSize: 300_000_000, limit: 100_000_000)
        #expect(capped.description.contains("exceeds the limit"))
    }

    @Test func truncatedFile() {
        let path = ModelFixtures.temporaryDirectory("st-bad") + "/short.safetensors"
        _ = FileManager.default.createFile(atPath: path, contents: Data([1, 2, 3]))
        #expect(message(path).contains("3 bytes, expected at least 8"))
        // A real file cut short: the header claims more data than remains.
        let full = ModelFixtures.bytes(ModelFixtures.directory("gpt2") + "/model.safetensors")
        let cut = ModelFixtures.temporaryDirectory("st-bad") + "/cut.safetensors"
        _ = FileManager.default.createFile(atPath: cut, contents: Data(full[0..<(full.count - 100)]))
        let m = message(cut)
        #expect(m.contains("past the end") && m.contains("truncated"), "\(m)")
    }

    @Test func headerIsNotJSON() {
        #expect(message(file("not json at all", dataBytes: 0)).contains("does not start with '{'"))
        let m = message(file(#"{"a": {"dtype": "F32",}"#, dataBytes: 0))
        #expect(m.contains("not valid JSON"), "\(m)")
        #expect(message(file(#"{"a": [1, 2]}"#, dataBytes: 0)).contains("entry must be an object"))
    }

    @Test func metadataMustBeStrings() {
        let m = message(file(#"{"__metadata__":{"format":1}}"#, dataBytes: 0))
        #expect(m.contains("__metadata__['format'] must be a string"), "\(m)")
    }

    @Test func badOffsetsAndShapes() {
        #expect(message(file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}"#, dataBytes: 4)).contains("data_offsets must be"))
        #expect(message(file(#"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, dataBytes: 4)).contains("non-negative"))
        let huge = message(file(#"{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}}"#, dataBytes: 4))
        #expect(huge.contains("overflow") || huge.contains("too many"), "\(huge)")
    }

    @Test func missingTensorAndWrongDtypeReads() throws {
        let file = try SafetensorsFile(path: ModelFixtures.root + "/safetensors_mixed/mixed.safetensors")
        #expect(throws: SafetensorsError.self) { try file.floats("nope") }
        let error = #expect(throws: SafetensorsError.self) { try file.floats("ids.i64") }
        #expect(error?.description.contains("I64 cannot be converted") == true)
    }
}
