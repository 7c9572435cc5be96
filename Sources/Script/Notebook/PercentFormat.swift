import Foundation
import Engine

/// jupytext's "percent" script format: `# %%` starts a code cell, `# %% [markdown]` a
/// markdown cell whose lines are comments. sftnb reads it as a notebook and writes it for
/// `sftnb export --to py`, so a notebook round-trips through a plain script CPython runs.
enum PercentFormat {
    static func parse(_ text: String) -> Notebook {
        var cells: [Cell] = []
        var kind: Cell.Kind = .code
        var metadata = JSONObject()
        var lines: [Substring] = []
        var sawMarker = false

        func flush() {
            while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
            while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
            defer { lines = [] }
            if lines.isEmpty && !sawMarker { return }
            var body = lines.map(String.init)
            if kind != .code {
                body = body.map { line in
                    if line.hasPrefix("# ") { return String(line.dropFirst(2)) }
                    if line.hasPrefix("#") { return String(line.dropFirst()) }
                    return line
                }
            }
            let source = body.joined(separator: "\n")
            let id = NotebookFile.makeCellID(index: cells.count, source: source, taken: Set(cells.map(\.id)))
            cells.append(Cell(id: id, kind: kind, source: source, metadata: metadata))
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed == "# %%" || trimmed.hasPrefix("# %% ") {
                flush()
                sawMarker = true
                (kind, metadata) = header(String(trimmed.dropFirst(4)))
                continue
            }
            lines.append(trimmed)
        }
        flush()
        return Notebook(cells: cells)
    }

    /// `# %% Title [markdown] tags=["parameters"]` → the cell kind and its metadata.
    static func header(_ rest: String) -> (Cell.Kind, JSONObject) {
        var kind = Cell.Kind.code
        if rest.contains("[markdown]") || rest.contains("[md]") { kind = .markdown }
        if rest.contains("[raw]") { kind = .raw }
        var metadata = JSONObject()
        if let range = rest.range(of: "tags=") {
            let value = rest[range.upperBound...]
            if let end = value.firstIndex(of: "]"),
               let tags = try? JSONParser.parse(String(value[...end])), tags.arrayValue != nil {
                metadata["tags"] = tags
            }
        }
        return (kind, metadata)
    }

    /// The notebook as a percent-format script: code cells as code, markdown as `# ` comments.
    static func render(_ notebook: Notebook) -> String {
        var parts: [String] = []
        for cell in notebook.cells {
            var marker = "# %%"
            switch cell.kind {
            case .markdown: marker += " [markdown]"
            case .raw: marker += " [raw]"
            case .code: break
            }
            let tags = cell.tags
            if !tags.isEmpty {
                marker += " tags=" + JSONWriter(itemSeparator: ", ").string(.array(tags.map(JSONValue.string)))
            }
            var body = String(cell.source.reversed().drop { $0 == "\n" }.reversed())
            if cell.kind != .code {
                body = body.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n")
            }
            parts.append(marker + "\n" + body)
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
