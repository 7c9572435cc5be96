import Engine

/// `print(model)` once LoRA adapters are attached, as PEFT + torch show it: the module tree
/// (`ModuleTree`, which puts PEFT's `lora.Linear(` blocks in place of the adapted layers)
/// and PEFT's wrappers around it.
enum LoRAModuleRepr {
    /// The model's module tree with adapters shown (the plain tree when it has none).
    static func describe(_ model: CausalLM) -> String {
        guard model.lora != nil, !model.adaptedModules.isEmpty else { return model.description }
        return ModuleTree.of(model).render(indent: 0)
    }

    /// PEFT's repr around the model: `PeftModelForCausalLM( (base_model): LoraModel( (model): ...`.
    static func wrap(_ inner: String, outer: String) -> String {
        "\(outer)(\n  (base_model): LoraModel(\n    (model): \(indent(inner, by: 4))\n  )\n)"
    }

    /// `LoraModel(` alone (what `peft_model.base_model` prints).
    static func loraModel(_ inner: String) -> String {
        "LoraModel(\n  (model): \(indent(inner, by: 2))\n)"
    }

    private static func indent(_ text: String, by n: Int) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : pad + $0.element }.joined(separator: "\n")
    }
}
