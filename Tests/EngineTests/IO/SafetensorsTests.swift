import Foundation
import Testing
@testable import Engine

@Suite struct SafetensorsTests {
    var mixedPath: String { ModelFixtures.root + "/safetensors_mixed/mixed.safetensors" }

    @Test func readsEveryDtypeWrittenByPython() throws {
        let file = try SafetensorsFile(path: mixedPath)
        let expected = try JSONValue.parse(contentsOfFile: ModelFixtures.root + "/safetensors_mixed/expected.json")
        #expect(file.metadata == ["format": "pt"])
        #expect(file.tensors["b.f32"]?.shape == [3, 5])
        #expect(file.tensors["scalar"]?.shape == [])
        #expect(file.tensors["empty"]?.shape == [0, 4])
        let f32Bits = expected["f32_bits"]!.arrayValue!.map { UInt32(bitPattern: Int32($0.intValue!)) }
        #expect(try file.floats("b.f32").map(\.bitPattern) == f32Bits)
        let bf16 = expected["bf16_bits"]!.arrayValue!.map { UInt32($0.intValue!) << 16 }
        #expect(try file.floats("a.bf16").map(\.bitPattern) == bf16)
        let f16 = expected["f16_bits"]!.arrayValue!.map { Float(Float16(bitPattern: UInt16($0.intValue!))) }
        #expect(try file.floats("c.f16").map(\.bitPattern) == f16.map(\.bitPattern))
        #expect(try file.integers("ids.i64") == [0, -1, 1 << 40, 7, 8, 9])
        #expect(try file.integers("ids.i32") == [1, -2, 3])
        #expect(try file.integers("mask.bool") == [1, 0, 1])
        #expect(try file.integers("bytes.u8") == [0, 127, 255])
        #expect(try file.floats("scalar") == [2.5])
        #expect(try file.floats("empty") == [])
        #expect(try file.floats("z.café") == [1, 1])
        // Narrowing with our conversion gives torch's bits exactly.
        let f32 = try file.floats("b.f32")
        #expect(f32.map { UInt32(FloatConversion.bf16Bits($0)) << 16 } == bf16)
        #expect(f32.map { Float(Float16($0)).bitPattern } == f16.map(\.bitPattern))
    }

    @Test func writerIsByteIdenticalToSaveFile() throws {
        let file = try SafetensorsFile(path: mixedPath)
        // Re-write every tensor from its raw bytes, given in a scrambled order.
        let entries = file.names.reversed().map { name -> SafetensorsEntry in
            let info = file.tensors[name]!
            return SafetensorsEntry(name: name, dtype: info.dtype, shape: info.shape,
                                    bytes: Array(try! file.bytes(name)))
        }
        let dir = ModelFixtures.temporaryDirectory()
        try SafetensorsWriter.write(entries, to: dir + "/out.safetensors")
        #expect(ModelFixtures.bytes(dir + "/out.safetensors") == ModelFixtures.bytes(mixedPath))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.safetensors"])
    }

    @Test func floatEntriesConvertOnWrite() throws {
        let dir = ModelFixtures.temporaryDirectory()
        let values: [Float] = [1, -2.5, 3.14159, 1e-3, 65504, 0.1, 7, 8, 9]
        try SafetensorsWriter.write([
            SafetensorsEntry(name: "w", dtype: .BF16, shape: [3, 3], floats: values),
            SafetensorsEntry(name: "h", dtype: .F16, shape: [9], floats: values),
            SafetensorsEntry(name: "f", shape: [9], floats: values),
        ], to: dir + "/x.safetensors")
        let file = try SafetensorsFile(path: dir + "/x.safetensors")
        #expect(try file.floats("f") == values)
        #expect(try file.floats("w") == values.map { FloatConversion.float(bf16: FloatConversion.bf16Bits($0)) })
        #expect(try file.floats("h") == values.map { Float(Float16($0)) })
        // Header padded to 8 bytes, F32 laid out first.
        let bytes = ModelFixtures.bytes(dir + "/x.safetensors")
        let n = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(n % 8 == 0)
        #expect(file.names == ["f", "w", "h"])
    }

    @Test func duplicateNamesAreRefused() {
        let dir = ModelFixtures.temporaryDirectory()
        let e = SafetensorsEntry(name: "a", shape: [1], floats: [1])
        #expect(throws: SafetensorsWriter.WriteError.self) {
            try SafetensorsWriter.write([e, e], to: dir + "/d.safetensors")
        }
    }

    @Test func shardedSaveSplitsLikeHuggingFaceHub() throws {
        let dir = ModelFixtures.temporaryDirectory()
        // 40-byte tensors with a 100-byte limit: [a, b], [big] (own shard, placed first), [c].
        let entries = [
            SafetensorsEntry(name: "a", shape: [10], floats: Array(repeating: 1, count: 10)),
            SafetensorsEntry(name: "b", shape: [10], floats: Array(repeating: 2, count: 10)),
            SafetensorsEntry(name: "big", shape: [30], floats: Array(repeating: 3, count: 30)),
            SafetensorsEntry(name: "c", shape: [10], floats: Array(repeating: 4, count: 10)),
            SafetensorsEntry(name: "d", shape: [10], floats: Array(repeating: 5, count: 10)),
        ]
        _ = FileManager.default.createFile(atPath: dir + "/model.safetensors", contents: Data([1, 2, 3]))
        let written = try ShardedSave.save(entries, to: dir, maxShardSize: 100, totalParameters: 70)
        #expect(written == ["model-00001-of-00003.safetensors", "model-00002-of-00003.safetensors",
                            "model-00003-of-00003.safetensors", "model.safetensors.index.json"])
        // The stale single-file checkpoint of an earlier save is gone.
        #expect(!FileManager.default.fileExists(atPath: dir + "/model.safetensors"))
        let map = try SafetensorsCheckpoint.readWeightMap(dir + "/model.safetensors.index.json")
        #expect(map["big"] == "model-00001-of-00003.safetensors")
        #expect(map["a"] == "model-00002-of-00003.safetensors")
        #expect(map["d"] == "model-00003-of-00003.safetensors")
        let index = try ModelFixtures.text(dir + "/model.safetensors.index.json")
        #expect(index.hasPrefix("{\n  \"metadata\": {\n    \"total_parameters\": 70,\n    \"total_size\": 280\n  },"))
        let checkpoint = try SafetensorsCheckpoint(directory: dir)
        #expect(checkpoint.names == ["a", "b", "big", "c", "d"])
        #expect(try checkpoint.floats("c") == Array(repeating: 4, count: 10))
        // Saving again unsharded removes the shards and the index.
        try ShardedSave.save(entries, to: dir, totalParameters: 70)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["model.safetensors"])
    }

    @Test func parsesShardSizesLikeHuggingFaceHub() throws {
        #expect(try ShardedSave.parseSize("5GB") == 5_000_000_000)
        #expect(try ShardedSave.parseSize("2GiB") == 2 << 30)
        #expect(try ShardedSave.parseSize("500MB") == 500_000_000)
        #expect(try ShardedSave.parseSize("1234") == 1234)
        #expect(throws: ShardedSave.SizeError.self) { try ShardedSave.parseSize("lots") }
    }

    @Test func indexNamingAMissingShardIsAnError() throws {
        let dir = ModelFixtures.temporaryDirectory()
        try #"{"metadata": {}, "weight_map": {"a": "model-00001-of-00002.safetensors"}}"#
            .write(toFile: dir + "/model.safetensors.index.json", atomically: true, encoding: .utf8)
        let error = #expect(throws: SafetensorsError.self) { try SafetensorsCheckpoint(directory: dir) }
        #expect(error?.description.contains("model-00001-of-00002.safetensors") == true)
        #expect(error?.description.contains("missing") == true)
    }
}

@Suite struct DotNaturalOrderTests {
    @Test func sortsLikeTransformersDotNaturalKey() {
        let names = ["model.layers.10.mlp.weight", "model.layers.2.mlp.weight", "model.layers.2.input_layernorm.weight",
                     "lm_head.weight", "model.embed_tokens.weight", "shard_11.x", "shard_2.x", "shard.x", "model.norm.weight"]
        // The order Python gives: sorted(names, key=dot_natural_key).
        let expected = ["lm_head.weight", "model.embed_tokens.weight", "model.layers.2.input_layernorm.weight",
                        "model.layers.2.mlp.weight", "model.layers.10.mlp.weight", "model.norm.weight",
                        "shard.x", "shard_2.x", "shard_11.x"]
        #expect(names.sorted(by: ShardedSave.dotNaturalOrder) == expected)
    }
}
