import Engine
import Foundation

/// `_trl.TrainingRun(model, processing_class, args, padding_free)`: one trainer's engine
/// `TrainingLoop`, kept across `train()`/`evaluate()` calls so the step count, the optimizer
/// state and the tokens seen carry on, as a `Trainer`'s do. It prints what HF's Trainer prints
/// — a tqdm-style bar on stderr (steps, loss, tokens/s, ETA) and each log as
/// `{'loss': '2.345', ...}` on stdout — appends the logs to the Python `log_history` list as
/// they happen, and stops after the current step on Ctrl-C.
final class PyTrainingRun: NativeObject {
    let modelObject: Value
    let model: CausalLM
    let tokenizer: Tokenizer
    let plan: TrainingPlan
    let outputDirectory: String
    let collator: LanguageModelingCollator
    let neftuneAlpha: Float?
    /// `disable_tqdm=True`: plain `print(logs)` lines (HF's PrinterCallback), no bar.
    let quiet: Bool
    private var loop: TrainingLoop?
    /// Whether `train()` has run: HF's accelerator has the model prepared from then on.
    private var trainStarted = false
    /// HF's `trainer.model_preparation_time`: set by an `evaluate()` before any training (the
    /// only time HF prepares the model for evaluation) and from then on reported, with that same
    /// value, as `eval_model_preparation_time` in every evaluation — none without it.
    private var preparationTime: Double?

    init(modelObject: Value, model: CausalLM, tokenizer: Tokenizer, plan: TrainingPlan, outputDirectory: String,
         collator: LanguageModelingCollator, neftuneAlpha: Float?, quiet: Bool) {
        self.modelObject = modelObject
        self.model = model
        self.tokenizer = tokenizer
        self.plan = plan
        self.outputDirectory = outputDirectory
        self.collator = collator
        self.neftuneAlpha = neftuneAlpha
        self.quiet = quiet
        super.init(cls: PyTrainingRun.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyTrainingRun>("TrainingRun", module: "_trl")
        .constructor("model, processing_class, args, padding_free=False") { rt, a in
            let model = try rt.engineModel(a[0], "model").model
            let tok = try rt.engineTokenizer(a[1], "processing_class")
            let reader = ArgsReader(rt: rt, args: a[2])
            var plan = try TrainingPlan(reader)
            if case .gpt2 = model.config { plan.lossDenominator = .labels }
            guard let pad = tok.config.padToken, let padID = tok.tokenToId(pad) else {
                throw PyError.valueError("the tokenizer has no pad token in its vocabulary; set tokenizer.pad_token (e.g. to tokenizer.eos_token)")
            }
            let multiple = try reader.value("pad_to_multiple_of")
            let collator = LanguageModelingCollator(padTokenID: padID, paddingFree: try rt.truthy(a[3]),
                                                    padToMultipleOf: multiple.isNone ? nil : try rt.toInt(multiple))
            let alpha = try reader.optionalDouble("neftune_noise_alpha")
            let output = try reader.optionalString("output_dir") ?? "trainer_output"
            return PyTrainingRun(modelObject: a[0], model: model, tokenizer: tok, plan: plan, outputDirectory: output,
                                 collator: collator, neftuneAlpha: alpha.map(Float.init),
                                 quiet: try rt.truthy(try reader.value("disable_tqdm")))
        }
        .method("train", "train_dataset, eval_dataset, log_history, resume_from_checkpoint=None") { rt, this, a in
            try this.train(rt, trainDataset: a[0], evalDataset: a[1], logHistory: a[2], resume: a[3])
        }
        .method("evaluate", "eval_dataset, log_history, metric_key_prefix='eval'") { rt, this, a in
            try this.evaluate(rt, dataset: a[0], logHistory: a[1], prefix: try rt.toStr(a[2]))
        }
        .method("state", "") { rt, this, _ in this.stateDict(rt) }
        .method("save_model", "output_dir") { rt, this, a in
            let dir = try rt.toStr(a[0], "output_dir")
            try rt.engineCall { try this.saveModel(rt, to: dir) }
            return .none
        }
        .pyClass

    /// The loop, made on first use (the optimizer covers whatever is trainable at that moment).
    func trainingLoop() throws -> TrainingLoop {
        if let loop { return loop }
        let made = try TrainingLoop(model: model, plan: plan, collator: collator, outputDirectory: outputDirectory)
        loop = made
        return made
    }

    /// What `save_model` and checkpoints write: the full model, or only the adapter under LoRA
    /// (as PEFT models save, adapter_config.json from the script's LoraConfig), plus the
    /// tokenizer, as Trainer does.
    func saveModel(_ rt: Interpreter, to directory: String) throws {
        if case .object(let o) = modelObject, let peft = o as? PyPeftModel {
            try peft.save(rt, to: directory)
        } else if model.lora != nil {
            try model.saveAdapter(to: directory)
        } else {
            try model.save(to: directory)
        }
        try tokenizer.save(to: directory)
    }

    func train(_ rt: Interpreter, trainDataset: Value, evalDataset: Value, logHistory: Value, resume: Value) throws -> Value {
        let examples = try SFTDatasetBinding.examples(rt, trainDataset, what: "train_dataset")
        let evalExamples = evalDataset.isNone ? [] : try SFTDatasetBinding.examples(rt, evalDataset, what: "eval_dataset")
        // Each train() starts a fresh state and optimizer, as Trainer does; resuming restores both.
        loop = nil
        trainStarted = true
        let loop = try rt.engineCall { try trainingLoop() }
        let checkpoint = try resumeCheckpoint(rt, resume)
        if case .object(let o) = logHistory, let list = o as? PyList {
            list.items = (checkpoint?.state.logHistory ?? []).map { rt.pyValue(.object($0)) }
        }
        if let checkpoint {
            try rt.engineCall {
                if let lora = model.lora {
                    _ = try lora.store.load(from: SafetensorsCheckpoint(directory: checkpoint.directory, weightsName: "adapter_model.safetensors"))
                } else {
                    _ = try model.store.load(from: SafetensorsCheckpoint(directory: checkpoint.directory))
                }
            }
        }
        let shape = plan.schedule(examples: examples.count)
        let total = shape.maxSteps
        let bar = quiet ? nil : ProgressBar("", total: total) { rt.output($0, .stderr) }
        if let start = checkpoint?.state.globalStep { bar?.update(start) }
        var hooks = TrainingLoop.Hooks()
        hooks.log = { [unowned self] entry in self.log(rt, entry, into: logHistory, bar: bar) }
        hooks.progress = { step, _, loss, tokensPerSecond in
            guard let bar else { return }
            bar.postfix = ", loss=\(String(format: "%.4g", loss)), \(Int(tokensPerSecond.rounded())) tok/s"
            bar.update(step - bar.count)
        }
        hooks.saveModel = { [unowned self] dir in try self.saveModel(rt, to: dir) }
        hooks.shouldStop = { rt.interruptFlag.pointee != 0 }
        let previousAlpha = model.neftuneAlpha
        model.neftuneAlpha = neftuneAlpha
        defer { model.neftuneAlpha = previousAlpha }
        let summary: TrainingLoop.Summary
        do {
            summary = try loop.train(examples, evalExamples: evalExamples, resume: checkpoint, hooks: hooks)
        } catch {
            bar?.finish()
            if let e = error as? PyError { throw e }
            throw PyError.runtimeError("\(error)")
        }
        bar?.finish()
        if let step = summary.interruptedAfterStep {
            rt.interruptFlag.pointee = 0
            throw PyError(T.keyboardInterrupt, "training stopped after step \(step) of \(total); trainer.model keeps the weights of step \(step) (call trainer.train(resume_from_checkpoint=...) from a saved checkpoint to go on)")
        }
        let out = PyDict()
        out.setString("global_step", .int(summary.globalStep))
        out.setString("training_loss", .float(summary.trainingLoss))
        out.setString("metrics", rt.pyValue(.object(summary.metrics)))
        return .object(out)
    }

    func resumeCheckpoint(_ rt: Interpreter, _ resume: Value) throws -> TrainingCheckpoint? {
        var path: String?
        switch resume {
        case .none, .bool(false): return nil
        case .bool(true):
            guard let latest = TrainingCheckpoint.latest(in: outputDirectory) else {
                throw PyError.valueError("No valid checkpoint found in output directory (\(outputDirectory))")
            }
            path = latest
        default:
            path = try rt.toStr(resume, "resume_from_checkpoint")
        }
        guard let dir = path, FileManager.default.fileExists(atPath: dir + "/trainer_state.json") else {
            throw PyError.valueError("Can't find a valid checkpoint at \(path ?? "")")
        }
        return try rt.engineCall { try TrainingCheckpoint.load(directory: dir) }
    }

    func evaluate(_ rt: Interpreter, dataset: Value, logHistory: Value, prefix: String) throws -> Value {
        let examples = try SFTDatasetBinding.examples(rt, dataset, what: "eval_dataset")
        guard !examples.isEmpty else { throw PyError.valueError("the evaluation dataset is empty") }
        let preparation = Date()
        let loop = try rt.engineCall { try trainingLoop() }
        if preparationTime == nil && !trainStarted {
            preparationTime = (Date().timeIntervalSince(preparation) * 10_000).rounded() / 10_000
        }
        let evaluated = try rt.engineCall { try loop.evaluate(examples, prefix: prefix) }
        var entry = Self.withPreparationTime(evaluated, prefix: prefix, seconds: preparationTime)
        if loop.state.globalStep == 0 { entry["epoch"] = .int(0) }
        // Outside train() HF's ProgressCallback has no training bar to write above, so it prints
        // nothing; the PrinterCallback that `disable_tqdm=True` installs prints every log.
        record(rt, entry, into: logHistory)
        if quiet { printLog(rt, entry) }
        var metrics = entry
        metrics["step"] = nil
        return rt.pyValue(.object(metrics))
    }

    /// Appends a log entry (with its step) to the script's `log_history` list.
    func record(_ rt: Interpreter, _ entry: JSONObject, into history: Value) {
        if case .object(let o) = history, let list = o as? PyList { list.items.append(rt.pyValue(.object(entry))) }
    }

    /// One log during training: recorded, and printed as HF's ProgressCallback (above the bar)
    /// or, with `disable_tqdm=True`, its PrinterCallback prints it.
    func log(_ rt: Interpreter, _ logged: JSONObject, into history: Value, bar: ProgressBar?) {
        let entry = logged["eval_loss"] != nil ? Self.withPreparationTime(logged, prefix: "eval", seconds: preparationTime) : logged
        record(rt, entry, into: history)
        bar?.clear()
        printLog(rt, entry)
        bar?.redraw()
    }

    /// A log line as both of HF's printing callbacks write it: floats as `'{:.4g}'` strings,
    /// `total_flos` left out.
    func printLog(_ rt: Interpreter, _ entry: JSONObject) {
        let shown = PyDict()
        for (k, v) in entry.pairs where k != "step" && k != "total_flos" {
            if case .double(let d) = v, let text = try? rt.format(.float(d), ".4g") {
                shown.setString(k, .str(text))
            } else {
                shown.setString(k, rt.pyValue(v))
            }
        }
        guard let text = try? rt.repr(.object(shown)) else { return }
        rt.output(text + "\n", .stdout)
    }

    /// HF's evaluation metrics carry `eval_model_preparation_time` right after the loss once it
    /// has been measured (see `preparationTime`; sftnb's model is always ready, so it is tiny).
    static func withPreparationTime(_ metrics: JSONObject, prefix: String, seconds: Double?) -> JSONObject {
        guard let seconds, metrics["\(prefix)_model_preparation_time"] == nil else { return metrics }
        var out = JSONObject()
        for (k, v) in metrics.pairs {
            out[k] = v
            if k == "\(prefix)_loss" { out["\(prefix)_model_preparation_time"] = .double(seconds) }
        }
        return out
    }

    /// The fields of `trainer.state` after a run.
    func stateDict(_ rt: Interpreter) -> Value {
        let out = PyDict()
        guard let loop else { return .object(out) }
        let s = loop.state
        out.setString("global_step", .int(s.globalStep))
        out.setString("epoch", s.globalStep == 0 ? .none : .float(s.epoch))
        out.setString("max_steps", .int(s.maxSteps))
        out.setString("num_train_epochs", .int(s.numTrainEpochs))
        out.setString("logging_steps", .int(s.loggingSteps))
        out.setString("save_steps", .int(s.saveSteps))
        out.setString("train_batch_size", .int(s.trainBatchSize))
        out.setString("total_flos", .float(s.totalFlos))
        out.setString("num_input_tokens_seen", .int(loop.tokensSeen))
        return .object(out)
    }
}

extension TrainingPlan {
    /// The plan an `SFTConfig`/`TrainingArguments` describes; options sftnb does not run raise.
    init(_ r: ArgsReader) throws {
        self.init()
        batchSize = try r.int("per_device_train_batch_size")
        gradientAccumulationSteps = try r.int("gradient_accumulation_steps")
        epochs = try r.double("num_train_epochs")
        maxSteps = try r.int("max_steps")
        learningRate = try r.double("learning_rate")
        scheduler = try r.string("lr_scheduler_type")
        warmupSteps = try r.double("warmup_steps")
        if let ratio = try? r.optionalDouble("warmup_ratio"), ratio > 0, warmupSteps == 0 { warmupSteps = min(ratio, 0.999_999) }
        weightDecay = try r.double("weight_decay")
        beta1 = try r.double("adam_beta1")
        beta2 = try r.double("adam_beta2")
        epsilon = try r.double("adam_epsilon")
        maxGradNorm = try r.double("max_grad_norm")
        loggingStrategy = try r.string("logging_strategy")
        loggingSteps = try r.double("logging_steps")
        loggingFirstStep = try r.bool("logging_first_step")
        loggingNanInfFilter = try r.bool("logging_nan_inf_filter")
        evalStrategy = try r.string("eval_strategy")
        evalSteps = try r.optionalDouble("eval_steps")
        evalBatchSize = try r.int("per_device_eval_batch_size")
        saveStrategy = try r.string("save_strategy")
        saveSteps = try r.double("save_steps")
        saveTotalLimit = try r.optionalInt("save_total_limit")
        seed = try r.int("seed")
        dataSeed = try r.optionalInt("data_seed")
        dropLast = try r.bool("dataloader_drop_last")
        guard batchSize > 0 else { throw PyError.valueError("per_device_train_batch_size must be positive, got \(batchSize)") }
        guard gradientAccumulationSteps > 0 else { throw PyError.valueError("gradient_accumulation_steps must be positive, got \(gradientAccumulationSteps)") }
        guard learningRate >= 0, learningRate.isFinite else { throw PyError.valueError("learning_rate must be a finite number ≥ 0, got \(learningRate)") }
        guard maxSteps > 0 || epochs > 0 else { throw PyError.valueError("set num_train_epochs > 0 or max_steps > 0: nothing to train") }
        try refuseUnsupported(r)
    }

    /// Options that would change what training means and that sftnb does not implement
    /// (`optim` and `fp16` are refused earlier, by TrainingArguments in stdlib/transformers.py).
    private func refuseUnsupported(_ r: ArgsReader) throws {
        if (try r.optionalDouble("label_smoothing_factor") ?? 0) > 0 { throw PyError.notImplemented("label_smoothing_factor > 0") }
        if try r.bool("load_best_model_at_end") { throw PyError.notImplemented("load_best_model_at_end=True") }
        if try r.bool("eval_on_start") { throw PyError.notImplemented("eval_on_start=True") }
        if try r.bool("push_to_hub") { throw PyError.notImplemented("push_to_hub=True (sftnb is offline)") }
        if try r.bool("use_liger_kernel") { throw PyError.notImplemented("use_liger_kernel=True") }
        if try r.bool("group_by_length") { throw PyError.notImplemented("group_by_length=True") }
        let kwargs = try r.value("lr_scheduler_kwargs")
        if !kwargs.isNone, let n = try? r.rt.length(kwargs), n > 0 { throw PyError.notImplemented("lr_scheduler_kwargs") }
        for (field, allowed) in [("logging_strategy", ["steps", "epoch", "no"]), ("eval_strategy", ["steps", "epoch", "no"]),
                                 ("save_strategy", ["steps", "epoch", "no"])] {
            let v = try r.string(field)
            if !allowed.contains(v) { throw PyError.notImplemented("\(field)='\(v)'") }
        }
        if LRSchedule.Kind(rawValue: scheduler) == nil {
            let known = LRSchedule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw PyError.notImplemented("lr_scheduler_type='\(scheduler)' (sftnb has \(known))")
        }
    }
}
