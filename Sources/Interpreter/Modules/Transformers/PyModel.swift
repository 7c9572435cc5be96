import Engine
import Foundation

/// `AutoModelForCausalLM` and the model object scripts hold: a `CausalLM` from the engine.
/// Covers loading (`from_pretrained` with `torch_dtype`/`dtype`), `model(input_ids, attention_mask,
/// labels)` → `.loss`/`.logits`, `generate`, `save_pretrained`, `num_parameters`, `eval`/`train`
/// and the PyTorch-style repr. Keyword arguments sftnb does not implement raise, never pass silently.
final class AutoModelForCausalLM: NativeObject {
    static let pyClass: PyClass = NativeClass<AutoModelForCausalLM>("AutoModelForCausalLM", module: "transformers.models.auto.modeling_auto")
        .constructor("*args, **kwargs") { _, _ in
            throw PyError(T.osError, "AutoModelForCausalLM is designed to be instantiated using the `AutoModelForCausalLM.from_pretrained(pretrained_model_name_or_path)` or `AutoModelForCausalLM.from_config(config)` methods.")
        }
        .classMethod("from_pretrained", "pretrained_model_name_or_path, *model_args, **kwargs") { rt, _, a in
            try PyModel.fromPretrained(rt, a[0], a[2])
        }
        .classMethod("from_config", "config, **kwargs") { rt, _, a in
            try PyModel.fromConfig(rt, a[0], a[1])
        }
        .pyClass
}

final class PyModel: NativeObject {
    let model: CausalLM
    let nameOrPath: String
    /// `model.config` / `model.generation_config`, made on first use (one object each, so
    /// attributes a script sets on them stay).
    private(set) lazy var configObject = PyModelConfig(owner: self)
    private(set) lazy var generationConfigObject = PyGenerationConfig(self)
    /// `gradient_checkpointing_enable()` was called (reported back, changes nothing in the engine).
    var checkpointing = false

    init(_ model: CausalLM, nameOrPath: String) {
        self.model = model
        self.nameOrPath = nameOrPath
        super.init(cls: PyModel.familyClass(model.config))
    }

    /// The transformers class of each family (`type(model).__name__` is `GPT2LMHeadModel`),
    /// all subclasses of `PreTrainedModel`.
    static let familyClasses: [String: PyClass] = ModelConfig.transformersClassNames.mapValues { name in
        NativeClass<PyModel>(name.class, module: name.module, base: pyClass).pyClass
    }

    static func familyClass(_ config: ModelConfig) -> PyClass { familyClasses[config.modelType] ?? pyClass }

    static func fromPretrained(_ rt: Interpreter, _ idValue: Value, _ kwargs: Value) throws -> Value {
        let id = try rt.toStr(idValue, "pretrained_model_name_or_path")
        var dtype: TensorDType?
        var revision = "main"
        for (k, v) in try PyDataset.kwargs(rt, kwargs) {
            switch k {
            case "torch_dtype", "dtype": dtype = try storageDType(rt, v)
            case "revision": revision = try rt.toStr(v, k)
            case "trust_remote_code", "low_cpu_mem_usage", "cache_dir", "token", "local_files_only", "force_download", "use_safetensors":
                continue
            case "attn_implementation":
                let impl = v.isNone ? "sdpa" : try rt.toStr(v, k)
                guard impl == "eager" || impl == "sdpa" else { throw PyError.notImplemented("attn_implementation=\(try rt.repr(.str(impl)))") }
            case "device_map":
                if !v.isNone, try rt.toStr(v, k) != "cpu" { throw PyError.notImplemented("device_map other than 'cpu'") }
            default:
                throw PyError.notImplemented("the from_pretrained keyword argument '\(k)'")
            }
        }
        let resolver = ModelResolver(stdlibRoot: ModuleLoader.stdlibDirectory())
        let resolved: ModelResolver.Resolved
        do {
            resolved = try resolver.resolve(id, requiring: ModelResolver.modelFiles, revision: revision, what: "model")
        } catch let e as ModelResolver.NotFound {
            throw PyError(T.osError, "\(id) is not a local folder and is not a valid model identifier listed on 'https://huggingface.co/models'\nsftnb is offline; it looked in:\n" + e.looked.map { "  - " + $0 }.joined(separator: "\n"))
        }
        return .object(PyModel(try rt.engineCall { try CausalLM.load(directory: resolved.directory, dtype: dtype) }, nameOrPath: id))
    }

    /// `torch.float32`/`torch.bfloat16`/"auto"/None → the storage dtype (nil: transformers' "auto").
    static func storageDType(_ rt: Interpreter, _ v: Value) throws -> TensorDType? {
        if v.isNone { return nil }
        if case .object(let o) = v, let d = o as? PyDType {
            switch d.dtype {
            case .float32: return .F32
            case .bfloat16: return .BF16
            default: throw PyError.notImplemented("torch_dtype=\(d.dtype.repr) (sftnb stores weights as torch.float32 or torch.bfloat16)")
            }
        }
        let name = try rt.toStr(v, "torch_dtype")
        switch name {
        case "auto": return nil
        case "float32": return .F32
        case "bfloat16": return .BF16
        default: throw PyError.notImplemented("torch_dtype=\(try rt.repr(.str(name)))")
        }
    }

    static let pyClass: PyClass = NativeClass<PyModel>("PreTrainedModel", module: "transformers.modeling_utils")
        .method("get_memory_footprint", "return_buffers=True") { rt, this, a in
            .int(this.memoryFootprint(buffers: try rt.truthy(a[0])))
        }
        .method("num_parameters", "only_trainable=False, exclude_embeddings=False") { rt, this, a in
            .int(this.model.numParameters(onlyTrainable: try rt.truthy(a[0]), excludeEmbeddings: try rt.truthy(a[1])))
        }
        .method("eval", "") { _, this, _ in this.model.training = false; return .object(this) }
        .method("train", "mode=True") { rt, this, a in this.model.training = try rt.truthy(a[0]); return .object(this) }
        .property("training") { _, this in .bool(this.model.training) }
        .property("name_or_path") { _, this in .str(this.nameOrPath) }
        .property("config") { _, this in .object(this.configObject) }
        .property("generation_config") { _, this in .object(this.generationConfigObject) }
        .property("dtype") { _, this in this.dtypeValue }
        .property("device") { _, _ in .object(PyDevice()) }
        .method("get_input_embeddings", "") { _, this, _ in .object(this.inputEmbeddings) }
        .method("get_output_embeddings", "") { _, this, _ in this.moduleTree.child("lm_head").map { .object(PyModuleView(this, $0)) } ?? .none }
        .method("children", "") { rt, this, _ in
            try parameterIterator(rt, this.moduleTree.children.map { .object(PyModuleView(this, $0.node)) })
        }
        .method("named_children", "") { rt, this, _ in
            try parameterIterator(rt, this.moduleTree.children.map { .object(PyTuple([.str($0.key), .object(PyModuleView(this, $0.node))])) })
        }
        .method("modules", "") { rt, this, _ in
            try parameterIterator(rt, this.namedModules(this.moduleTree, root: .object(this), prefix: "").map(\.1))
        }
        .method("named_modules", "memo=None, prefix='', remove_duplicate=True") { rt, this, a in
            try parameterIterator(rt, this.namedModules(this.moduleTree, root: .object(this), prefix: try rt.toStr(a[1], "prefix")).map {
                .object(PyTuple([.str($0.0), $0.1]))
            })
        }
        .method("get_submodule", "target") { rt, this, a in try this.submodule(this.moduleTree, root: .object(this), try rt.toStr(a[0], "target")) }
        .method("requires_grad_", "requires_grad=True") { rt, this, a in
            for (_, p) in this.namedParameters(prefix: "") { try rt.setAttr(.object(p), "requires_grad", a[0]) }
            return .object(this)
        }
        .method("named_parameters", "prefix='', recurse=True, remove_duplicate=True") { rt, this, a in
            let prefix = try rt.toStr(a[0], "prefix")
            return try parameterIterator(rt, this.namedParameters(prefix: prefix.isEmpty ? "" : prefix + ".").map {
                .object(PyTuple([.str($0.0), .object($0.1)]))
            })
        }
        .method("parameters", "recurse=True") { rt, this, _ in
            try parameterIterator(rt, this.namedParameters(prefix: "").map { .object($0.1) })
        }
        .method("to", "*args, **kwargs") { rt, this, a in
            try this.moveTo(rt, try rt.iterate(a[0]) + PyDataset.kwargs(rt, a[1]).map(\.1))
        }
        .method("cpu", "") { _, this, _ in .object(this) }
        // Activation checkpointing trades compute for memory; the engine keeps its activations
        // either way and computes the same gradients, so these are accepted as in transformers.
        .method("gradient_checkpointing_enable", "gradient_checkpointing_kwargs=None, **kwargs") { _, this, _ in this.checkpointing = true; return .none }
        .method("activation_checkpointing_enable", "activation_checkpointing_kwargs=None, every_n_layers=1, offload=False") { _, this, _ in this.checkpointing = true; return .none }
        .method("gradient_checkpointing_disable", "") { _, this, _ in this.checkpointing = false; return .none }
        .method("activation_checkpointing_disable", "") { _, this, _ in this.checkpointing = false; return .none }
        .property("is_gradient_checkpointing") { _, this in .bool(this.checkpointing) }
        .property("is_activation_checkpointing") { _, this in .bool(this.checkpointing) }
        .method("enable_input_require_grads", "") { _, _, _ in .none }
        .method("resize_token_embeddings", "new_num_tokens=None, pad_to_multiple_of=None, mean_resizing=True") { rt, this, a in
            try this.resizeTokenEmbeddings(rt, a)
        }
        .method("save_pretrained", "save_directory, is_main_process=True, state_dict=None, save_function=None, push_to_hub=False, max_shard_size='50GB', safe_serialization=True, variant=None, token=None, save_peft_format=True, **kwargs") { rt, this, a in
            if !a[2].isNone || !a[3].isNone { throw PyError.notImplemented("save_pretrained(state_dict=..., save_function=...)") }
            if try rt.truthy(a[4]) { throw PyError.notImplemented("push_to_hub (sftnb is offline)") }
            let dir = try rt.toStr(a[0], "save_directory")
            try rt.engineCall { try this.model.save(to: dir) }
            if !this.configObject.overrides.isEmpty {   // keys the script set on model.config
                let config = try this.configObject.current()
                try rt.engineCall { try config.save(to: dir + "/config.json") }
            }
            return .none
        }
        .method("forward", "input_ids=None, attention_mask=None, labels=None, **kwargs") { rt, this, a in
            try this.forward(rt, a)
        }
        .method("__call__", "input_ids=None, attention_mask=None, labels=None, **kwargs") { rt, this, a in
            try this.forward(rt, a)
        }
        .method("generate", "inputs=None, input_ids=None, attention_mask=None, max_new_tokens=None, max_length=None, do_sample=None, temperature=None, top_k=None, top_p=None, eos_token_id=None, pad_token_id=None, **kwargs") { rt, this, a in
            try this.generate(rt, a)
        }
        .pyClass

    override func repr(_ rt: Interpreter) throws -> String { LoRAModuleRepr.describe(model) }

    /// The top-level submodules (`model.transformer`, `model.lm_head`, `model.model`).
    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        moduleTree.child(name).map { .object(PyModuleView(self, $0)) }
    }

    /// transformers' `get_memory_footprint`: the bytes of the (tied-once) parameters in their
    /// storage dtype, plus the buffers transformers keeps: GPT-Neo's causal masks (one bool
    /// positions × positions matrix per layer) and Llama's two float32 RoPE frequency vectors.
    func memoryFootprint(buffers: Bool) -> Int {
        var bytes = model.store.valueByteCount + (model.lora?.store.valueByteCount ?? 0)
        guard buffers else { return bytes }
        switch model.config {
        case let .gptNeo(c): bytes += c.numLayers * c.maxPositionEmbeddings * c.maxPositionEmbeddings
        case let .llama(c): bytes += 2 * (c.headDim / 2) * 4
        case .gpt2, .opt: break
        }
        return bytes
    }

    /// Scripts may set their own attributes on a model, as on any torch module
    /// (`model.is_parallelizable = True` in older tutorials); `generation_config` and
    /// `training` go to the engine; other built-in attributes cannot be replaced.
    override func setAttribute(_ rt: Interpreter, _ name: String, _ value: Value) throws {
        switch name {
        case "generation_config":
            guard case .object(let o) = value, let g = o as? PyGenerationConfig else {
                throw PyError.typeError("generation_config must be a GenerationConfig, not '\(pyTypeName(value))'")
            }
            model.generationConfig = try g.config
        case "training":
            model.training = try rt.truthy(value)
        default:
            if cls.lookup(name) != nil { throw PyError.attributeError("sftnb cannot replace the model's '\(name)'") }
            setAttrValue(name, value)
        }
    }

    /// `model(input_ids=..., attention_mask=..., labels=...)`.
    func forward(_ rt: Interpreter, _ a: [Value]) throws -> Value {
        for (k, _) in try PyDataset.kwargs(rt, a[3]) where !["use_cache", "return_dict"].contains(k) {
            throw PyError.notImplemented("the model keyword argument '\(k)'")
        }
        guard !a[0].isNone else { throw PyError.valueError("You have to specify input_ids") }
        let (ids, rows, columns) = try rt.intMatrix(a[0], "input_ids")
        let mask = a[1].isNone ? [Int](repeating: 1, count: ids.count) : try rt.intMatrix(a[1], "attention_mask").0
        let labels = a[2].isNone ? nil : try rt.intMatrix(a[2], "labels").0
        guard mask.count == ids.count, labels.map({ $0.count == ids.count }) ?? true else {
            throw PyError.valueError("input_ids, attention_mask and labels must have the same shape")
        }
        let batch = TokenBatch(rows: rows, columns: columns, inputIDs: ids,
                               labels: labels ?? [Int](repeating: LanguageModelingCollator.ignoreIndex, count: ids.count),
                               attentionMask: mask, positionIDs: (0..<ids.count).map { $0 % columns }, documentIDs: nil)
        let logits = try rt.engineCall { try model.logits(batch) }
        let output = PyDict()
        // torch records the graph whenever grad mode is on and some weight requires grad.
        let records = rt.gradEnabled && model.numParameters(onlyTrainable: true) > 0
        if labels != nil {
            let result = try rt.engineCall { try model.evaluate(batch) }
            let loss = PyTensor(float32: [Float(result.meanLoss)], shape: [])
            if records { loss.gradFn = "NllLossBackward0" }
            output.setString("loss", .object(loss))
        }
        let logitsTensor = PyTensor(float32: logits, shape: [rows, columns, logits.count / max(ids.count, 1)])
        if records { logitsTensor.gradFn = "UnsafeViewBackward0" }
        output.setString("logits", .object(logitsTensor))
        return .object(PyModelOutput(output))
    }

    /// `model.generate(input_ids, attention_mask=None, max_new_tokens=..., do_sample=..., ...)`.
    func generate(_ rt: Interpreter, _ a: [Value]) throws -> Value {
        // generation_config= overrides the model's settings where it sets a field (transformers
        // fills its unset fields from model.generation_config); keyword arguments apply on top.
        var settings = model.generationConfig
        for (k, v) in try PyDataset.kwargs(rt, a[11]) {
            guard k == "generation_config" else { throw PyError.notImplemented("the generate keyword argument '\(k)'") }
            if v.isNone { continue }
            guard case .object(let o) = v, let g = o as? PyGenerationConfig else {
                throw PyError.typeError("generation_config must be a GenerationConfig, not '\(pyTypeName(v))'")
            }
            for (key, value) in try g.config.values.pairs { settings[key] = value }
        }
        let input = a[0].isNone ? a[1] : a[0]
        guard !input.isNone else { throw PyError.notImplemented("generate() without input_ids") }
        let (flat, rows, columns) = try rt.intMatrix(input, "input_ids")
        let maskFlat = a[2].isNone ? nil : try rt.intMatrix(a[2], "attention_mask").0
        var options = GenerationOptions(settings)
        if !a[3].isNone { options.maxNewTokens = try rt.toInt(a[3]) }
        else if !a[4].isNone { options.maxNewTokens = max(0, try rt.toInt(a[4]) - columns) }
        else if settings.maxNewTokens == nil { options.maxNewTokens = max(0, settings.maxLength - columns) }  // HF's max_length (20)
        if !a[5].isNone { options.doSample = try rt.truthy(a[5]) }
        if !a[6].isNone { options.sampling.temperature = Float(try rt.toDouble(a[6])) }
        if !a[7].isNone { options.sampling.topK = try rt.toInt(a[7]) }
        if !a[8].isNone { options.sampling.topP = Float(try rt.toDouble(a[8])) }
        if !a[9].isNone {
            if case .object(let o) = a[9], o is PyList { options.eosTokenIDs = try rt.iterate(a[9]).map { try rt.toInt($0) } }
            else { options.eosTokenIDs = [try rt.toInt(a[9])] }
        }
        if !a[10].isNone { options.padTokenID = try rt.toInt(a[10]) }
        options.seed = UInt64(truncatingIfNeeded: rt.torchSeed ?? 0)
        let ids = (0..<rows).map { Array(flat[($0 * columns)..<(($0 + 1) * columns)]) }
        let mask = maskFlat.map { m in (0..<rows).map { Array(m[($0 * columns)..<(($0 + 1) * columns)]) } }
        let out = try rt.engineCall { try model.generate(inputIDs: ids, attentionMask: mask, options: options) }
        let width = out.map(\.count).max() ?? 0
        let pad = options.padTokenID ?? options.eosTokenIDs.first ?? 0
        return .object(PyTensor(int64: out.flatMap { $0 + [Int](repeating: pad, count: width - $0.count) }, shape: [rows, width]))
    }
}

/// `CausalLMOutputWithPast`: `.loss`, `.logits`, and `out["logits"]`.
final class PyModelOutput: NativeObject {
    let fields: PyDict
    init(_ fields: PyDict) {
        self.fields = fields
        super.init(cls: PyModelOutput.pyClass)
    }
    static let pyClass = NativeClass<PyModelOutput>("CausalLMOutputWithPast", module: "transformers.modeling_outputs").pyClass

    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        if let v = fields.table.get(HashKey(value: .str(name), hash: name.hashValue)) { return v }
        return ["loss", "logits", "past_key_values", "hidden_states", "attentions"].contains(name) ? Value.none : nil
    }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        guard let v = fields.table.get(try rt.hashKey(key)) else { throw PyError.keyError(key) }
        return v
    }
}

extension Interpreter {
    /// A (rows, columns) int matrix from a tensor or nested lists, flattened row-major; a 1-D
    /// sequence is one row.
    func intMatrix(_ v: Value, _ what: String) throws -> ([Int], Int, Int) {
        if case .object(let o) = v, let t = o as? PyTensor {
            guard t.shape.count == 2 || t.shape.count == 1 else { throw PyError.valueError("\(what) must be 1-D or 2-D, got shape \(t.shape)") }
            let rows = t.shape.count == 2 ? t.shape[0] : 1
            return (t.values.map { PyTensor.int($0) }, rows, t.shape.last ?? 0)
        }
        let items = try iterate(v)
        if let first = items.first, case .object(let o) = first, o is PyList || o is PyTuple || o is PyTensor {
            let rowsValues = try items.map { try iterate($0).map { try toInt($0) } }
            let width = rowsValues.first?.count ?? 0
            guard rowsValues.allSatisfy({ $0.count == width }) else { throw PyError.valueError("\(what): rows of different lengths; pad them") }
            return (rowsValues.flatMap { $0 }, rowsValues.count, width)
        }
        let row = try items.map { try toInt($0) }
        return (row, 1, row.count)
    }

    /// Runs an engine call, turning engine errors into Python exceptions that say what failed.
    func engineCall<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as PyError {
            throw e
        } catch {
            throw PyError.runtimeError("\(error)")
        }
    }
}

extension ModelConfig {
    /// The transformers class (and its module) `AutoModelForCausalLM` builds per `model_type`.
    static let transformersClassNames: [String: (class: String, module: String)] = [
        "gpt2": ("GPT2LMHeadModel", "transformers.models.gpt2.modeling_gpt2"),
        "opt": ("OPTForCausalLM", "transformers.models.opt.modeling_opt"),
        "gpt_neo": ("GPTNeoForCausalLM", "transformers.models.gpt_neo.modeling_gpt_neo"),
        "llama": ("LlamaForCausalLM", "transformers.models.llama.modeling_llama"),
    ]

    var transformersClassName: String { Self.transformersClassNames[modelType]?.class ?? "PreTrainedModel" }
    var transformersModule: String { Self.transformersClassNames[modelType]?.module ?? "transformers.modeling_utils" }
}
