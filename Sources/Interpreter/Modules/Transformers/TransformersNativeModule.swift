import Engine
import Foundation

/// `_transformers`: the engine-backed classes of `transformers` (stdlib/transformers.py
/// re-exports them): `AutoTokenizer`, `PreTrainedTokenizerFast`, `BatchEncoding`,
/// `AutoModelForCausalLM` (models: PyModel), `AutoConfig` and the config classes
/// (PyModelConfig), `GenerationConfig`, `set_seed`. `pipeline` is Python
/// (stdlib/_transformers_pipeline.py).
///
/// API for other bindings (model, trainer, collator, pipeline):
/// ```
/// let tok = try rt.engineTokenizer(value, "processing_class")   // the engine Tokenizer behind a Python tokenizer
/// PyTokenizer(tokenizer, nameOrPath: "gpt2")                    // wrap an engine Tokenizer for Python
/// PyBatchEncoding(dict)                                         // a BatchEncoding over a PyDict of inputs
/// PyTensor(int64: ids, shape: [1, n]); PyTensor(float32: logits, shape: [1, n, vocab])
/// let m = try rt.engineModel(value, "model")                    // PyModel behind a model or PEFT model (Peft/)
/// PyModel(causalLM, nameOrPath: id)                             // wrap an engine CausalLM; m.model is the CausalLM
/// try m.configObject.current()                                  // the ModelConfig with the script's edits
/// ```
enum TransformersNativeModule: NativeModule {
    static let name = "_transformers"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name, doc: "Engine-backed transformers classes (tokenizers).")
        m.add(AutoTokenizer.pyClass)
        m.add(PyTokenizer.pyClass)
        m.value("PreTrainedTokenizerFast", .object(PyTokenizer.pyClass))
        m.value("PreTrainedTokenizerBase", .object(PyTokenizer.pyClass))
        m.add(PyBatchEncoding.pyClass)
        m.add(PyAddedToken.pyClass)
        m.add(AutoModelForCausalLM.pyClass)
        m.value("PreTrainedModel", .object(PyModel.pyClass))
        m.add(AutoConfig.pyClass)
        for cls in PyModelConfig.familyClasses.values { m.add(cls) }
        m.value("PretrainedConfig", .object(PyModelConfig.baseClass))
        m.value("PreTrainedConfig", .object(PyModelConfig.baseClass))
        m.add(PyGenerationConfig.pyClass)
        m.function("set_seed", "seed, deterministic=False") { rt, a in try transformersSetSeed(rt, a) }
        return m.module
    }
}

/// `AutoTokenizer`: only `from_pretrained`, like transformers (it cannot be instantiated).
final class AutoTokenizer: NativeObject {
    static let pyClass: PyClass = NativeClass<AutoTokenizer>("AutoTokenizer", module: "transformers.models.auto.tokenization_auto")
        .constructor("*args, **kwargs") { _, _ in
            throw PyError(T.osError, "AutoTokenizer is designed to be instantiated using the `AutoTokenizer.from_pretrained(pretrained_model_name_or_path)` method.")
        }
        .classMethod("from_pretrained", "pretrained_model_name_or_path, *inputs, **kwargs") { rt, _, a in
            try PyTokenizer.fromPretrained(rt, a[0], a[2])
        }
        .pyClass
}

extension Interpreter {
    /// The engine tokenizer of a Python tokenizer object; `what` names the argument in errors.
    func engineTokenizer(_ v: Value, _ what: String) throws -> Tokenizer {
        guard case .object(let o) = v, let t = o as? PyTokenizer else {
            throw PyError.typeError("\(what) must be a tokenizer from AutoTokenizer.from_pretrained, not '\(pyTypeName(v))'")
        }
        return t.tokenizer
    }
}

extension PyTokenizer {
    /// Loads a tokenizer folder found by `ModelResolver` (a path, the Hugging Face cache, or
    /// sftnb's bundled models); keyword arguments override tokenizer_config.json.
    static func fromPretrained(_ rt: Interpreter, _ idValue: Value, _ kwargs: Value) throws -> Value {
        let id = try rt.toStr(idValue, "pretrained_model_name_or_path")
        var revision = "main"
        var overrides: [(String, Value)] = []
        for (k, v) in try PyDataset.kwargs(rt, kwargs) {
            switch k {
            case "revision": revision = try rt.toStr(v, k)
            case "trust_remote_code", "use_fast", "cache_dir", "token", "local_files_only", "force_download", "subfolder", "legacy":
                continue
            default: overrides.append((k, v))
            }
        }
        let resolver = ModelResolver(stdlibRoot: ModuleLoader.stdlibDirectory())
        let resolved: ModelResolver.Resolved
        do {
            resolved = try resolver.resolve(id, requiring: ModelResolver.tokenizerFiles, revision: revision, what: "tokenizer")
        } catch let e as ModelResolver.NotFound {
            throw PyError(T.osError, "Can't load tokenizer for '\(id)'. If you were trying to load it from 'https://huggingface.co/models', make sure you don't have a local directory with the same name. Otherwise, make sure '\(id)' is the correct path to a directory containing all relevant files for a TokenizersBackend tokenizer.\nsftnb is offline; it looked in:\n" + e.looked.map { "  - " + $0 }.joined(separator: "\n"))
        }
        let tokenizer = try engine { try Tokenizer.load(directory: resolved.directory) }
        let tok = PyTokenizer(tokenizer, nameOrPath: id)
        for (k, v) in overrides {
            switch k {
            case "bos_token", "eos_token", "unk_token", "pad_token": try tok.setToken(named: k, v.isNone ? nil : try rt.toStr(v, k))
            case "padding_side", "truncation_side", "model_max_length", "chat_template":
                try rt.setAttr(.object(tok), k, v)
            case "add_bos_token": tokenizer.addBosToken = try rt.truthy(v)
            case "add_eos_token": tokenizer.addEosToken = try rt.truthy(v)
            default: throw PyError.typeError("AutoTokenizer.from_pretrained() got an unsupported keyword argument '\(k)' (sftnb supports revision, bos/eos/unk/pad_token, padding_side, truncation_side, model_max_length, chat_template, add_bos_token, add_eos_token)")
            }
        }
        return .object(tok)
    }
}
