/// How transformers 5 writes a config back (`PreTrainedConfig.to_diff_dict` then
/// `json.dumps(indent=2, sort_keys=True)`), so that `save_pretrained` from sftnb writes the
/// same `config.json` as transformers would after loading the same file:
/// - every key of the family's config class is written (defaults filled in);
/// - a key not of the class is dropped when it equals `PreTrainedConfig()`'s default;
/// - `torch_dtype` becomes `dtype`; `_name_or_path` and internal keys are dropped;
/// - `transformers_version` is the version sftnb mirrors.
enum ConfigSerialization {
    /// The transformers release whose behaviour sftnb mirrors and whose version it writes.
    static let transformersVersion = "5.24.0"

    /// `PreTrainedConfig().to_dict()` in that release.
    static let baseDefaults: JSONObject = JSONObject([
        ("architectures", .null), ("chunk_size_feed_forward", .int(0)), ("dtype", .null),
        ("id2label", .object(JSONObject([("0", .string("LABEL_0")), ("1", .string("LABEL_1"))]))),
        ("is_encoder_decoder", .bool(false)),
        ("label2id", .object(JSONObject([("LABEL_0", .int(0)), ("LABEL_1", .int(1))]))),
        ("output_attentions", .bool(false)), ("output_hidden_states", .bool(false)),
        ("problem_type", .null), ("return_dict", .bool(true)),
    ])

    /// Keys transformers never serialises.
    static let neverWritten: Set<String> = [
        "_name_or_path", "_is_quantized", "_auto_class", "_commit_hash", "_attn_implementation_internal",
        "_experts_implementation_internal", "_post_init_done", "ignore_keys_at_rope_validation",
        "base_model_tp_plan", "base_model_pp_plan", "base_model_fsdp_plan", "distributed_config",
        "torch_dtype", "transformers_version",
    ]

    /// The dictionary to write: `raw` (as read, unknown keys included), the class defaults
    /// for keys it lacks, the typed fields over both.
    static func dictionary(raw: JSONObject, classDefaults: JSONObject, typed: [(String, JSONValue)],
                           modelType: String, dtype: TensorDType?) -> JSONObject {
        var out = JSONObject()
        for (key, value) in raw.pairs where !neverWritten.contains(key) { out[key] = value }
        for (key, value) in classDefaults.pairs where out[key] == nil { out[key] = value }
        for (key, value) in typed {
            // Keep the file's spelling of an unchanged number (`0` stays `0`, not `0.0`), as
            // Python keeps the int it read.
            if let old = raw[key], let a = old.doubleValue, let b = value.doubleValue, a == b { continue }
            out[key] = value
        }
        out["dtype"] = dtype.map { .string($0.torchName) } ?? raw["dtype"] ?? .null
        out["model_type"] = .string(modelType)
        for key in out.keys where classDefaults[key] == nil {
            if let base = baseDefaults[key], base == out[key] { out[key] = nil }
        }
        out["transformers_version"] = .string(transformersVersion)
        return out
    }

    /// The text of the file: sorted keys, indent 2, trailing newline.
    static func text(_ object: JSONObject) -> String {
        JSONWriter.transformers.string(.object(object)) + "\n"
    }
}
