import Engine
import Foundation

/// `_trl`: the engine side of `trl` (stdlib/trl.py holds the Python classes users see:
/// `SFTConfig`, `SFTTrainer`, `DataCollatorForCompletionOnlyLM`, `setup_chat_format`).
/// The Python side mirrors TRL's argument handling; these functions do the heavy work:
///
/// ```
/// _trl.prepare_dataset(dataset, tokenizer, args, packing, formatting_func, collator, name)  # → Dataset of input_ids/completion_mask
/// _trl.TrainingRun(model, tokenizer, args)     # the engine's training loop for one trainer
/// _trl.completion_only_labels(tokenizer, input_ids, attention_mask, collator)  # DataCollatorForCompletionOnlyLM masking
/// ```
enum TrlNativeModule: NativeModule {
    static let name = "_trl"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name, doc: "Engine-backed parts of trl: data preparation, the training loop, completion-only masks.")
        m.function("prepare_dataset", "dataset, processing_class, args, packing, formatting_func, collator, dataset_name") { rt, a in
            try SFTDatasetBinding.prepare(rt, dataset: a[0], tokenizer: a[1], args: a[2], packing: a[3],
                                          formattingFunc: a[4], collator: a[5], name: try rt.toStr(a[6]))
        }
        m.function("completion_only_labels", "processing_class, input_ids, attention_mask, collator") { rt, a in
            try CompletionOnlyBinding.labels(rt, tokenizer: a[0], inputIDs: a[1], attentionMask: a[2], collator: a[3])
        }
        m.add(PyTrainingRun.pyClass)
        return m.module
    }
}

/// Reading fields of a Python `SFTConfig`/`TrainingArguments` object, with messages that name the field.
struct ArgsReader {
    let rt: Interpreter
    let args: Value

    func value(_ name: String) throws -> Value {
        (try? rt.getAttr(args, name)) ?? .none
    }
    func int(_ name: String) throws -> Int {
        let v = try value(name)
        guard case .int(let i) = v else { throw PyError.typeError("\(name) must be an int, not '\(pyTypeName(v))'") }
        return i
    }
    func optionalInt(_ name: String) throws -> Int? {
        try value(name).isNone ? nil : try int(name)
    }
    func double(_ name: String) throws -> Double {
        let v = try value(name)
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: throw PyError.typeError("\(name) must be a number, not '\(pyTypeName(v))'")
        }
    }
    func optionalDouble(_ name: String) throws -> Double? {
        try value(name).isNone ? nil : try double(name)
    }
    func bool(_ name: String) throws -> Bool { try rt.truthy(try value(name)) }
    /// A string field; enum-like values (`IntervalStrategy.STEPS`) are read through `.value`.
    func string(_ name: String) throws -> String {
        let v = try value(name)
        if case .object(let o) = v, o is PyStr { return try rt.toStr(v) }
        if let inner = try? rt.getAttr(v, "value"), case .object(let o) = inner, o is PyStr { return try rt.toStr(inner) }
        return try rt.toStr(v, name)
    }
    func optionalString(_ name: String) throws -> String? {
        try value(name).isNone ? nil : try string(name)
    }
}
