import Engine

/// `print(model)` once LoRA adapters are attached, as PEFT + torch show it: each adapted
/// `Linear`/`Conv1D` of the engine's module tree becomes a `lora.Linear(` block holding the
/// base layer, the dropout and the A/B projections. The engine's text is parsed back into a
/// tree (so the engine stays free of PEFT's presentation); folded runs of identical layers
/// ("(0-11): 12 x Block(") are unfolded, adapted, and folded again as torch's ModuleList
/// does, so adapters on only some layers show as torch shows them.
enum LoRAModuleRepr {
    /// One module as torch prints it: a leaf `Name(extra)` or `Name(` children `)`.
    private struct Node {
        var name: String
        var extra: String?   // non-nil for a leaf
        var children: [(key: String, node: Node)] = []

        func render(indent: Int) -> String {
            if let extra { return "\(name)(\(extra))" }
            let pad = String(repeating: " ", count: indent + 2)
            var lines = ["\(name)("]
            for (key, child) in children { lines.append("\(pad)(\(key)): \(child.render(indent: indent + 2))") }
            lines.append(String(repeating: " ", count: indent) + ")")
            return lines.joined(separator: "\n")
        }
    }

    /// The model's module tree with adapters shown (the plain tree when it has none).
    static func describe(_ model: CausalLM) -> String {
        let adapted = model.adaptedModules
        guard let lora = model.lora, !adapted.isEmpty else { return model.description }
        let lines = model.description.split(separator: "\n").map(String.init)
        guard let first = lines.first else { return model.description }
        var index = 1
        let root = parse(first, lines, &index)
        let dropout = lora.config.dropout > 0
            ? Node(name: "Dropout", extra: "p=\(FloatRepr.repr(lora.config.dropout)), inplace=False") : Node(name: "Identity", extra: "")
        let byPath = Dictionary(adapted.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        return adapt(root, path: [], byPath, dropout).render(indent: 0)
    }

    /// Parses the module whose header (`Name(` or `Name(extra)`) was just read; `index` is
    /// the next line.
    private static func parse(_ header: String, _ lines: [String], _ index: inout Int) -> Node {
        guard header.hasSuffix("("), let open = header.firstIndex(of: "("), header.index(after: open) == header.endIndex else {
            let open = header.firstIndex(of: "(") ?? header.endIndex
            let inner = open < header.endIndex ? header[header.index(after: open)...].dropLast() : ""
            return Node(name: String(header[..<open]), extra: String(inner))
        }
        var node = Node(name: String(header.dropLast()))
        while index < lines.count {
            let line = lines[index].drop { $0 == " " }
            index += 1
            if line == ")" { break }
            guard line.hasPrefix("("), let close = line.firstIndex(of: ")") else { continue }
            let key = String(line[line.index(after: line.startIndex)..<close])
            let rest = String(line[line.index(close, offsetBy: min(3, line.distance(from: close, to: line.endIndex)))...])
            node.children.append((key, parse(rest, lines, &index)))
        }
        return node
    }

    private static func adapt(_ node: Node, path: [String], _ byPath: [String: (path: String, shortName: String, inDim: Int, outDim: Int, r: Int)],
                              _ dropout: Node) -> Node {
        if node.extra != nil {
            guard let m = byPath[path.joined(separator: ".")] else { return node }
            func dict(_ module: Node) -> Node { Node(name: "ModuleDict", children: [("default", module)]) }
            return Node(name: "lora.Linear", children: [
                ("base_layer", node), ("lora_dropout", dict(dropout)),
                ("lora_A", dict(Node(name: "Linear", extra: "in_features=\(m.inDim), out_features=\(m.r), bias=False"))),
                ("lora_B", dict(Node(name: "Linear", extra: "in_features=\(m.r), out_features=\(m.outDim), bias=False"))),
                ("lora_embedding_A", Node(name: "ParameterDict", extra: "")), ("lora_embedding_B", Node(name: "ParameterDict", extra: "")),
                ("lora_magnitude_vector", Node(name: "ModuleDict", extra: "")),
            ])
        }
        var out = node
        guard node.name == "ModuleList" else {
            out.children = node.children.map { ($0.key, adapt($0.node, path: path + [$0.key], byPath, dropout)) }
            return out
        }
        // Unfold "(a-b): n x Block(" into its layers, adapt each, fold identical neighbours again.
        var items: [Node] = []
        for (key, child) in node.children {
            let bounds = key.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, let x = child.name.firstIndex(of: "x"), child.name[..<x].hasSuffix(" ") {
                var block = child
                block.name = String(child.name[child.name.index(x, offsetBy: 2)...])
                for i in bounds[0]...bounds[1] { items.append(adapt(block, path: path + ["\(i)"], byPath, dropout)) }
            } else {
                items.append(adapt(child, path: path + [key], byPath, dropout))
            }
        }
        let rendered = items.map { $0.render(indent: 0) }
        out.children = []
        var start = 0
        while start < items.count {
            var end = start
            while end + 1 < items.count && rendered[end + 1] == rendered[start] { end += 1 }
            if end == start {
                out.children.append(("\(start)", items[start]))
            } else {
                var folded = items[start]
                folded.name = "\(end - start + 1) x \(folded.name)"
                out.children.append(("\(start)-\(end)", folded))
            }
            start = end + 1
        }
        return out
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
