import Foundation

/// What loading found besides the expected tensors.
public struct ParameterLoadReport: Equatable, Sendable {
    /// Tensors in the checkpoint that no view wants (transformers warns about these too).
    public var unexpected: [String] = []
    /// Aliases present in the file but taken from the tied view instead (older tied saves).
    public var ignoredTied: [String] = []
}

extension ParameterStore {
    /// Fills every view from the checkpoint by name, converting to each view's dtype.
    /// A missing tensor or a shape mismatch throws an error naming the file, the tensor and
    /// expected versus found; nothing is partially loaded into a view of the wrong shape.
    @discardableResult
    public func load(from checkpoint: SafetensorsCheckpoint) throws -> ParameterLoadReport {
        // Check every tensor first, so a wrong checkpoint fails before any copying.
        for view in views {
            guard let info = checkpoint.info(view.name) else {
                throw ParameterError.missing(file: checkpoint.directory, tensor: view.name)
            }
            let file = checkpoint.file(containing: view.name)?.path ?? checkpoint.directory
            guard info.shape == view.shape else {
                throw ParameterError.wrongShape(file: file, tensor: view.name, expected: view.shape, found: info.shape)
            }
            guard info.dtype.isFloatingCompute else {
                throw ParameterError("\(file): tensor '\(view.name)' has dtype \(info.dtype.rawValue), expected a floating-point dtype (F32, BF16, F16)")
            }
        }
        for view in views {
            try copy(view, from: checkpoint)
        }
        var report = ParameterLoadReport()
        for name in checkpoint.names where view(name)?.name != name {
            if ties[name] != nil { report.ignoredTied.append(name) } else { report.unexpected.append(name) }
        }
        return report
    }

    private func copy(_ view: ParameterView, from checkpoint: SafetensorsCheckpoint) throws {
        guard view.count > 0, let file = checkpoint.file(containing: view.name),
              let info = file.tensors[view.name] else { return }
        if let destination = floats(view) {
            try file.readFloat32(view.name, into: destination)
            return
        }
        let source = try file.bytes(view.name)
        let target = rawBytes(view)
        if info.dtype == view.dtype {
            target.copyMemory(from: source)
            return
        }
        // Convert in chunks through a small float32 scratch buffer, so loading a large
        // F32 checkpoint as BF16 never holds an F32 copy of a whole tensor.
        let chunk = 1 << 16
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: chunk)
        defer { scratch.deallocate() }
        var start = 0
        while start < view.count {
            let n = min(chunk, view.count - start)
            FloatConversion.toFloat(info.dtype, source.baseAddress! + start * info.dtype.byteSize, scratch, count: n)
            FloatConversion.fromFloat(view.dtype, scratch, target.baseAddress! + start * view.dtype.byteSize, count: n)
            start += n
        }
    }

    /// The tensors `save_pretrained` writes, in state-dict order: every view, tied aliases
    /// omitted (transformers 5 saves only the embedding of a tied pair). `dtype` converts
    /// on the way out; nil keeps each view's own dtype.
    public func checkpointEntries(dtype: TensorDType? = nil) -> [SafetensorsEntry] {
        views.map { view in
            let target = dtype ?? view.dtype
            return SafetensorsEntry(name: view.name, dtype: target, shape: view.shape) { [self] out in
                let source = rawBytes(view)
                if target == view.dtype {
                    out.copyMemory(from: UnsafeRawBufferPointer(source))
                    return
                }
                var scratch = [Float](repeating: 0, count: view.count)
                scratch.withUnsafeMutableBufferPointer { read(view, into: $0) }
                _ = scratch.withUnsafeBufferPointer {
                    FloatConversion.fromFloat(target, $0.baseAddress!, out.baseAddress!, count: view.count)
                }
            }
        }
    }

    /// Saves `model.safetensors` (or shards plus index) into `directory`, as transformers does.
    /// Shards are filled in transformers' order: `dot_natural_key` order for a model loaded
    /// with `from_pretrained`, declaration order for one built with `from_config`
    /// (`fromConfig: true`). A single file is laid out by dtype and name either way.
    @discardableResult
    public func save(to directory: String, dtype: TensorDType? = nil,
                     maxShardSize: Int = ShardedSave.defaultMaxShardSize, fromConfig: Bool = false) throws -> [String] {
        if let dtype, !dtype.isFloatingCompute {
            throw ParameterError("cannot save parameters as \(dtype.rawValue) (use F32, BF16 or F16)")
        }
        var entries = checkpointEntries(dtype: dtype)
        if !fromConfig { entries.sort { ShardedSave.dotNaturalOrder($0.name, $1.name) } }
        return try ShardedSave.save(entries, to: directory, maxShardSize: maxShardSize,
                                    totalParameters: parameterCount)
    }
}
