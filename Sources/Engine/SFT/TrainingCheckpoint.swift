import Foundation

/// A checkpoint in HF Trainer's layout, `OUTPUT/checkpoint-N/`: the model's files (full
/// weights or a PEFT adapter, written by the caller), the optimizer state, the scheduler
/// position and `trainer_state.json`. sftnb stores the optimizer as safetensors
/// (`optimizer.safetensors`) rather than a pickle, and needs no RNG state: the loop reseeds
/// dropout from the position in training, and the sample order is a function of the epoch. The
/// directory is written under a temporary name and renamed, so a checkpoint is never half there.
public struct TrainingCheckpoint {
    public var directory: String
    public var state: TrainerState
    public var tokensSeen: Int
    var optimizerStep: Int
    var m: [String: [Float]]
    var v: [String: [Float]]

    public static func name(step: Int) -> String { "checkpoint-\(step)" }

    static func save(from loop: TrainingLoop, directory output: String, saveModel: (String) throws -> Void,
                     totalLimit: Int?) throws {
        let fm = FileManager.default
        let final = output + "/" + name(step: loop.state.globalStep)
        let temp = output + "/.\(name(step: loop.state.globalStep)).tmp-\(getpid())"
        do {
            try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: temp)
            try fm.createDirectory(atPath: temp, withIntermediateDirectories: true)
            try saveModel(temp)
            let (step, m, v) = loop.optimizer.state
            var entries: [SafetensorsEntry] = []
            for name in loop.optimizer.names {
                entries.append(SafetensorsEntry(name: "exp_avg." + name, shape: [m[name]?.count ?? 0], floats: m[name] ?? []))
                entries.append(SafetensorsEntry(name: "exp_avg_sq." + name, shape: [v[name]?.count ?? 0], floats: v[name] ?? []))
            }
            try SafetensorsWriter.write(entries, metadata: ["format": "sftnb-adamw", "step": String(step)],
                                        to: temp + "/optimizer.safetensors")
            var scheduler = JSONObject()
            scheduler["last_epoch"] = .int(Int64(loop.state.globalStep))
            scheduler["num_tokens"] = .int(Int64(loop.tokensSeen))
            try AtomicFile.write(JSONWriter.transformers.string(.object(scheduler)) + "\n", to: temp + "/scheduler.json")
            try AtomicFile.write(JSONWriter.transformers.string(loop.state.json) + "\n", to: temp + "/trainer_state.json")
            try? fm.removeItem(atPath: final)
            try fm.moveItem(atPath: temp, toPath: final)
        } catch {
            try? fm.removeItem(atPath: temp)
            throw TrainingLoop.Failure(description: "could not write checkpoint \(final): \(error)")
        }
        if let limit = totalLimit, limit > 0 {
            let existing = (try? fm.contentsOfDirectory(atPath: output)) ?? []
            let steps = existing.compactMap { $0.hasPrefix("checkpoint-") ? Int($0.dropFirst("checkpoint-".count)) : nil }.sorted()
            for step in steps.dropLast(limit) { try? fm.removeItem(atPath: output + "/" + name(step: step)) }
        }
    }

    /// Reads `directory` (a `checkpoint-N` folder); errors say what is missing.
    public static func load(directory: String) throws -> TrainingCheckpoint {
        let statePath = directory + "/trainer_state.json"
        let state = try TrainerState(json: try JSONValue.parse(contentsOfFile: statePath), source: statePath)
        let optimizerPath = directory + "/optimizer.safetensors"
        guard FileManager.default.fileExists(atPath: optimizerPath) else {
            throw TrainingLoop.Failure(description: "\(directory) has no optimizer.safetensors: it is not a checkpoint sftnb can resume (checkpoints written by PyTorch's Trainer hold optimizer.pt, which sftnb cannot read)")
        }
        let file = try SafetensorsFile(path: optimizerPath)
        var m: [String: [Float]] = [:], v: [String: [Float]] = [:]
        for name in file.names {
            if name.hasPrefix("exp_avg_sq.") { v[String(name.dropFirst("exp_avg_sq.".count))] = try file.floats(name) }
            else if name.hasPrefix("exp_avg.") { m[String(name.dropFirst("exp_avg.".count))] = try file.floats(name) }
        }
        let scheduler = try JSONValue.parse(contentsOfFile: directory + "/scheduler.json")
        return TrainingCheckpoint(directory: directory, state: state, tokensSeen: scheduler["num_tokens"]?.intValue ?? 0,
                                  optimizerStep: Int(file.metadata["step"] ?? "") ?? state.globalStep, m: m, v: v)
    }

    /// The newest `checkpoint-N` in `output`, for `resume_from_checkpoint=True`.
    public static func latest(in output: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        let steps = names.compactMap { $0.hasPrefix("checkpoint-") ? Int($0.dropFirst("checkpoint-".count)) : nil }
        return steps.max().map { output + "/" + name(step: $0) }
    }

    func restore(into loop: TrainingLoop) throws {
        try loop.optimizer.restore(step: optimizerStep, m: m, v: v)
        loop.restoreState(state, tokensSeen: tokensSeen)
    }
}
