import Engine

/// A model's torch module tree as scripts see it: what `print(model)` shows and what
/// `model.transformer.h[0].attn`, `named_modules()` and `children()` walk.
///
/// It is parsed back from the engine's `print(model)` text (so the engine stays free of the
/// script-side presentation), with ModuleList runs ("(0-11): 12 x Block(") unfolded into their
/// layers and, once LoRA adapters are attached, each adapted `Linear`/`Conv1D` replaced by
/// PEFT's `lora.Linear(` block. Rendering folds identical neighbouring layers again, as torch's
/// ModuleList repr does, so adapters on only some layers show as torch shows them.
struct ModuleNode {
    var name: String
    /// The `extra_repr` of a leaf module (nil for a container, even an empty one).
    var extra: String?
    var children: [(key: String, node: ModuleNode)] = []
    /// Keys from the model's root ("transformer", "h", "0", "attn"): the prefix of the
    /// module's parameter names.
    var path: [String] = []

    var pathName: String { path.joined(separator: ".") }
    var isList: Bool { name == "ModuleList" }

    func child(_ key: String) -> ModuleNode? { children.first { $0.key == key }?.node }

    func render(indent: Int) -> String {
        if let extra { return "\(name)(\(extra))" }
        let pad = String(repeating: " ", count: indent + 2)
        var lines = ["\(name)("]
        for (key, child) in renderedChildren { lines.append("\(pad)(\(key)): \(child.render(indent: indent + 2))") }
        lines.append(String(repeating: " ", count: indent) + ")")
        return lines.joined(separator: "\n")
    }

    /// The children as torch prints them: a ModuleList's runs of identical layers folded.
    private var renderedChildren: [(key: String, node: ModuleNode)] {
        guard isList else { return children }
        let rendered = children.map { $0.node.render(indent: 0) }
        var out: [(key: String, node: ModuleNode)] = []
        var start = 0
        while start < children.count {
            var end = start
            while end + 1 < children.count && rendered[end + 1] == rendered[start] { end += 1 }
            if end == start {
                out.append((children[start].key, children[start].node))
            } else {
                var folded = children[start].node
                folded.name = "\(end - start + 1) x \(folded.name)"
                out.append(("\(children[start].key)-\(children[end].key)", folded))
            }
            start = end + 1
        }
        return out
    }
}

enum ModuleTree {
    /// The model's tree, LoRA adapters shown.
    static func of(_ model: CausalLM) -> ModuleNode {
        let lines = model.description.split(separator: "\n").map(String.init)
        var index = 1
        var root = parse(lines.first ?? "", lines, &index, path: [])
        let adapted = model.adaptedModules
        if let lora = model.lora, !adapted.isEmpty {
            let dropout = lora.config.dropout > 0
                ? ModuleNode(name: "Dropout", extra: "p=\(FloatRepr.repr(lora.config.dropout)), inplace=False") : ModuleNode(name: "Identity", extra: "")
            root = adapt(root, Dictionary(adapted.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }), dropout)
        }
        return root
    }

    /// Parses the module whose header (`Name(` or `Name(extra)`) was just read; `index` is
    /// the next line. A ModuleList's folded runs are unfolded into one child per layer.
    private static func parse(_ header: String, _ lines: [String], _ index: inout Int, path: [String]) -> ModuleNode {
        guard header.hasSuffix("("), let open = header.firstIndex(of: "("), header.index(after: open) == header.endIndex else {
            let open = header.firstIndex(of: "(") ?? header.endIndex
            let inner = open < header.endIndex ? header[header.index(after: open)...].dropLast() : ""
            return ModuleNode(name: String(header[..<open]), extra: String(inner), path: path)
        }
        var node = ModuleNode(name: String(header.dropLast()), path: path)
        while index < lines.count {
            let line = lines[index].drop { $0 == " " }
            index += 1
            if line == ")" { break }
            guard line.hasPrefix("("), let close = line.firstIndex(of: ")") else { continue }
            let key = String(line[line.index(after: line.startIndex)..<close])
            let rest = String(line[line.index(close, offsetBy: min(3, line.distance(from: close, to: line.endIndex)))...])
            let bounds = key.split(separator: "-").compactMap { Int($0) }
            if node.isList, bounds.count == 2, let x = rest.range(of: " x ") {
                let block = parse(String(rest[x.upperBound...]), lines, &index, path: [])
                for i in bounds[0]...bounds[1] { node.children.append(("\(i)", rooted(block, at: path + ["\(i)"]))) }
            } else {
                node.children.append((key, parse(rest, lines, &index, path: path + [key])))
            }
        }
        return node
    }

    /// `node` with its paths moved under `path` (an unfolded copy of a ModuleList layer).
    private static func rooted(_ node: ModuleNode, at path: [String]) -> ModuleNode {
        var out = node
        out.path = path
        out.children = node.children.map { ($0.key, rooted($0.node, at: path + [$0.key])) }
        return out
    }

    private static func adapt(_ node: ModuleNode, _ byPath: [String: (path: String, shortName: String, inDim: Int, outDim: Int, r: Int)],
                              _ dropout: ModuleNode) -> ModuleNode {
        guard node.extra != nil else {
            var out = node
            out.children = node.children.map { ($0.key, adapt($0.node, byPath, dropout)) }
            return out
        }
        guard let m = byPath[node.pathName] else { return node }
        let p = node.path
        func dict(_ key: String, _ module: ModuleNode) -> ModuleNode {
            ModuleNode(name: "ModuleDict", children: [("default", rooted(module, at: p + [key, "default"]))], path: p + [key])
        }
        return ModuleNode(name: "lora.Linear", children: [
            ("base_layer", rooted(node, at: p + ["base_layer"])), ("lora_dropout", dict("lora_dropout", dropout)),
            ("lora_A", dict("lora_A", ModuleNode(name: "Linear", extra: "in_features=\(m.inDim), out_features=\(m.r), bias=False"))),
            ("lora_B", dict("lora_B", ModuleNode(name: "Linear", extra: "in_features=\(m.r), out_features=\(m.outDim), bias=False"))),
            ("lora_embedding_A", ModuleNode(name: "ParameterDict", extra: "", path: p + ["lora_embedding_A"])),
            ("lora_embedding_B", ModuleNode(name: "ParameterDict", extra: "", path: p + ["lora_embedding_B"])),
            ("lora_magnitude_vector", ModuleNode(name: "ModuleDict", extra: "", path: p + ["lora_magnitude_vector"])),
        ], path: p)
    }
}
