import Foundation

/// The weights of a Hugging Face model directory: either one `model.safetensors` or shards
/// listed by `model.safetensors.index.json` (`weight_map`: tensor name → shard file).
/// Tensors are looked up by name across shards; each shard is mapped once.
public final class SafetensorsCheckpoint {
    public static let singleFileName = "model.safetensors"
    public static let indexFileName = "model.safetensors.index.json"

    public let directory: String
    /// The files opened, in name order.
    public let files: [SafetensorsFile]
    private let location: [String: (file: SafetensorsFile, info: SafetensorsTensorInfo)]

    /// Opens the checkpoint in `directory`, preferring the index when both exist (as
    /// transformers does for sharded saves). `weightsName` selects another base name such
    /// as `adapter_model.safetensors`.
    public init(directory: String, weightsName: String = SafetensorsCheckpoint.singleFileName) throws {
        self.directory = directory
        let fm = FileManager.default
        let indexName = weightsName + ".index.json"
        let indexPath = directory + "/" + indexName
        var files: [SafetensorsFile] = []
        var location: [String: (SafetensorsFile, SafetensorsTensorInfo)] = [:]
        if fm.fileExists(atPath: indexPath) {
            let weightMap = try SafetensorsCheckpoint.readWeightMap(indexPath)
            var byFile: [String: SafetensorsFile] = [:]
            for shard in Set(weightMap.values).sorted() {
                let shardPath = directory + "/" + shard
                guard fm.fileExists(atPath: shardPath) else {
                    throw SafetensorsError(indexPath, "lists shard '\(shard)', which is missing from \(directory)")
                }
                let file = try SafetensorsFile(path: shardPath)
                byFile[shard] = file
                files.append(file)
            }
            for (name, shard) in weightMap {
                let file = byFile[shard]!
                guard let info = file.tensors[name] else {
                    throw SafetensorsError(indexPath, "maps tensor '\(name)' to '\(shard)', which does not contain it")
                }
                location[name] = (file, info)
            }
        } else {
            let path = directory + "/" + weightsName
            guard fm.fileExists(atPath: path) else {
                throw SafetensorsError(directory, "no \(weightsName) or \(indexName) (only safetensors checkpoints are supported; convert pytorch_model.bin with transformers' save_pretrained(safe_serialization=True))")
            }
            let file = try SafetensorsFile(path: path)
            files.append(file)
            for (name, info) in file.tensors { location[name] = (file, info) }
        }
        self.files = files
        self.location = location
    }

    /// All tensor names, sorted.
    public var names: [String] { location.keys.sorted() }

    public func info(_ name: String) -> SafetensorsTensorInfo? { location[name]?.info }

    /// The file holding `name` (for error messages and raw reads).
    public func file(containing name: String) -> SafetensorsFile? { location[name]?.file }

    public func readFloat32(_ name: String, into destination: UnsafeMutableBufferPointer<Float>) throws {
        guard let (file, _) = location[name] else { throw SafetensorsError.missingTensor(directory, name) }
        try file.readFloat32(name, into: destination)
    }

    public func floats(_ name: String) throws -> [Float] {
        guard let (file, _) = location[name] else { throw SafetensorsError.missingTensor(directory, name) }
        return try file.floats(name)
    }

    /// Reads `weight_map` from an index file.
    public static func readWeightMap(_ indexPath: String) throws -> [String: String] {
        let json: JSONValue
        do { json = try JSONValue.parse(contentsOfFile: indexPath) } catch let error as JSONParseError {
            throw SafetensorsError(indexPath, error.description)
        }
        guard let map = json["weight_map"]?.objectValue else {
            throw SafetensorsError(indexPath, "missing object 'weight_map' (tensor name → shard file)")
        }
        var result: [String: String] = [:]
        for (name, value) in map.pairs {
            guard let file = value.stringValue, !file.contains("/") else {
                throw SafetensorsError(indexPath, "weight_map['\(name)'] must be a shard file name, found \(value)")
            }
            result[name] = file
        }
        return result
    }
}
