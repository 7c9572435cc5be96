import Engine

/// `print(model)` once LoRA adapters are attached, as PEFT + torch show it: each adapted
/// `Linear`/`Conv1D` line of the engine's module tree becomes a `lora.Linear(` block holding
/// the base layer, the dropout and the A/B projections. Works on the text of
/// `CausalLM.description` by following the `(name):` path of each line, so the engine's
/// tree stays free of PEFT's presentation.
enum LoRAModuleRepr {
    /// The model's module tree with adapters shown (the plain tree when it has none).
    static func describe(_ model: CausalLM) -> String {
        let adapted = model.adaptedModules
        guard let lora = model.lora, !adapted.isEmpty else { return model.description }
        let byPath = Dictionary(adapted.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let dropout = lora.config.dropout > 0
            ? "Dropout(p=\(FloatRepr.repr(lora.config.dropout)), inplace=False)" : "Identity()"
        var stack: [(indent: Int, key: String)] = []
        var out: [String] = []
        for line in model.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            guard body.hasPrefix("("), let close = body.firstIndex(of: ")") else { out.append(line); continue }
            let key = String(body[body.index(after: body.startIndex)..<close])
            if body.hasSuffix("(") { stack.append((indent, key)); out.append(line); continue }
            // A folded run "(0-1): 2 x Block(" stands for identical layers: name it by its first index.
            let path = (stack.map { firstIndex($0.key) } + [key]).joined(separator: ".")
            guard let m = byPath[path] else { out.append(line); continue }
            let base = String(body[body.index(close, offsetBy: 3)...])
            let pad = String(repeating: " ", count: indent)
            out.append("\(pad)(\(key)): lora.Linear(")
            out.append("\(pad)  (base_layer): \(base)")
            out.append(contentsOf: moduleDict("lora_dropout", dropout, pad))
            out.append(contentsOf: moduleDict("lora_A", "Linear(in_features=\(m.inDim), out_features=\(m.r), bias=False)", pad))
            out.append(contentsOf: moduleDict("lora_B", "Linear(in_features=\(m.r), out_features=\(m.outDim), bias=False)", pad))
            out.append("\(pad)  (lora_embedding_A): ParameterDict()")
            out.append("\(pad)  (lora_embedding_B): ParameterDict()")
            out.append("\(pad)  (lora_magnitude_vector): ModuleDict()")
            out.append("\(pad))")
        }
        return out.joined(separator: "\n")
    }

    private static func moduleDict(_ name: String, _ module: String, _ pad: String) -> [String] {
        ["\(pad)  (\(name)): ModuleDict(", "\(pad)    (default): \(module)", "\(pad)  )"]
    }

    private static func firstIndex(_ key: String) -> String {
        guard let dash = key.firstIndex(of: "-"), key[..<dash].allSatisfy(\.isNumber) else { return key }
        return String(key[..<dash])
    }

    /// PEFT's repr around the model: `PeftModelForCausalLM( (base_model): LoraModel( (model): ...`.
    static func wrap(_ inner: String, outer: String) -> String {
        let indented = inner.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { $0.offset == 0 ? String($0.element) : "    " + $0.element }.joined(separator: "\n")
        return "\(outer)(\n  (base_model): LoraModel(\n    (model): \(indented)\n  )\n)"
    }

    /// `LoraModel(` alone (what `peft_model.base_model` prints).
    static func loraModel(_ inner: String) -> String {
        let indented = inner.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { $0.offset == 0 ? String($0.element) : "  " + $0.element }.joined(separator: "\n")
        return "LoraModel(\n  (model): \(indented)\n)"
    }
}
