/// HF Trainer's `TrainerState`: where training is, and every logged entry — written as
/// `trainer_state.json` into each checkpoint, and exposed as `trainer.state.log_history`.
public struct TrainerState: Sendable {
    public var globalStep = 0
    public var epoch = 0.0
    public var maxSteps = 0
    public var numTrainEpochs = 0
    public var loggingSteps = 500
    public var evalSteps: Int?
    public var saveSteps = 500
    public var trainBatchSize = 8
    /// Each entry keeps its keys in the order HF writes them (loss, grad_norm, learning_rate, ..., epoch, step).
    public var logHistory: [JSONObject] = []
    public var totalFlos = 0.0

    public init() {}

    /// `trainer_state.json` as transformers writes it (`json.dumps(..., indent=2, sort_keys=True)`).
    public var json: JSONValue {
        var o = JSONObject()
        o["best_global_step"] = .null
        o["best_metric"] = .null
        o["best_model_checkpoint"] = .null
        o["epoch"] = .double(epoch)
        o["eval_steps"] = evalSteps.map { .int(Int64($0)) } ?? .int(Int64(loggingSteps))
        o["global_step"] = .int(Int64(globalStep))
        o["is_hyper_param_search"] = .bool(false)
        o["is_local_process_zero"] = .bool(true)
        o["is_world_process_zero"] = .bool(true)
        o["log_history"] = .array(logHistory.map(JSONValue.object))
        o["logging_steps"] = .int(Int64(loggingSteps))
        o["max_steps"] = .int(Int64(maxSteps))
        o["num_input_tokens_seen"] = .int(0)
        o["num_train_epochs"] = .int(Int64(numTrainEpochs))
        o["save_steps"] = .int(Int64(saveSteps))
        o["total_flos"] = .double(totalFlos)
        o["train_batch_size"] = .int(Int64(trainBatchSize))
        o["trial_name"] = .null
        o["trial_params"] = .null
        return .object(o)
    }

    public init(json: JSONValue, source: String) throws {
        guard let step = json["global_step"]?.intValue, let history = json["log_history"]?.arrayValue else {
            throw KernelError("\(source): not a trainer_state.json (needs global_step and log_history)")
        }
        globalStep = step
        epoch = json["epoch"]?.doubleValue ?? 0
        maxSteps = json["max_steps"]?.intValue ?? 0
        numTrainEpochs = json["num_train_epochs"]?.intValue ?? 0
        loggingSteps = json["logging_steps"]?.intValue ?? 500
        evalSteps = json["eval_steps"]?.intValue
        saveSteps = json["save_steps"]?.intValue ?? 500
        trainBatchSize = json["train_batch_size"]?.intValue ?? 8
        totalFlos = json["total_flos"]?.doubleValue ?? 0
        logHistory = history.compactMap(\.objectValue)
    }
}
