import Foundation

/// A tokenizer's chat template(s) as transformers keeps them: one template
/// (`tokenizer.chat_template` is a str) or several named ones (a dict such as
/// `{"default": ..., "tool_use": ...}`), with transformers' rules for loading,
/// choosing and saving them.
public struct ChatTemplateSet: Equatable, Sendable {
    /// Name → template source, in load order.
    public private(set) var named: [(name: String, source: String)]
    /// True when transformers would hold a plain string (one template named "default").
    public var isSingle: Bool { named.count == 1 && named[0].name == "default" }

    public init(single source: String) { named = [("default", source)] }

    public init(named: [(name: String, source: String)]) { self.named = named }

    public static func == (a: ChatTemplateSet, b: ChatTemplateSet) -> Bool {
        a.named.map(\.name) == b.named.map(\.name) && a.named.map(\.source) == b.named.map(\.source)
    }

    /// Loads the templates of a model directory: `chat_template.jinja` (as "default") and
    /// `additional_chat_templates/*.jinja` take priority over `tokenizer_config.json`'s
    /// `chat_template`, which is a string or a list of `{"name", "template"}`. Nil when there is none.
    public static func load(directory: String, tokenizerConfig: JinjaValue?) throws -> ChatTemplateSet? {
        let fm = FileManager.default
        var files: [(name: String, source: String)] = []
        let main = (directory as NSString).appendingPathComponent("chat_template.jinja")
        if fm.fileExists(atPath: main) { files.append(("default", try String(contentsOfFile: main, encoding: .utf8))) }
        let extraDir = (directory as NSString).appendingPathComponent("additional_chat_templates")
        if let names = try? fm.contentsOfDirectory(atPath: extraDir) {
            for file in names.sorted() where file.hasSuffix(".jinja") {
                let path = (extraDir as NSString).appendingPathComponent(file)
                files.append((String(file.dropLast(".jinja".count)), try String(contentsOfFile: path, encoding: .utf8)))
            }
        }
        if !files.isEmpty { return ChatTemplateSet(named: files) }
        switch tokenizerConfig?.dictValueForConfig?["chat_template"] {
        case let .string(s)?:
            return ChatTemplateSet(single: s)
        case let .list(entries)?:
            var named: [(name: String, source: String)] = []
            for entry in entries {
                guard case let .dict(d) = entry, case let .string(name)? = d["name"], case let .string(source)? = d["template"] else {
                    throw TemplateError(.runtime, "tokenizer_config.json: each chat_template entry needs string \"name\" and \"template\" keys")
                }
                named.append((name, source))
            }
            return named.isEmpty ? nil : ChatTemplateSet(named: named)
        default:
            return nil
        }
    }

    /// transformers' `get_chat_template(chat_template, tools)`: `requested` is a template
    /// name or a whole template; otherwise "tool_use" when tools are given, else "default".
    public func select(requested: String? = nil, hasTools: Bool = false) throws -> String {
        if !isSingle {
            if let requested { return named.first { $0.name == requested }?.source ?? requested }
            if hasTools, let toolUse = named.first(where: { $0.name == "tool_use" }) { return toolUse.source }
            if let d = named.first(where: { $0.name == "default" }) { return d.source }
            throw TemplateError(.runtime, "This model has multiple chat templates with no default specified! Please either pass a chat template or the name of the template you wish to use to the `chat_template` argument. Available template names are \(JinjaValue.list(named.map { .string($0.name) }.sorted { $0.pyStr < $1.pyStr }).pyRepr).")
        }
        return requested ?? named[0].source
    }

    /// Writes the templates in transformers' current layout (`save_jinja_files=True`):
    /// "default" to `chat_template.jinja`, others to `additional_chat_templates/<name>.jinja`.
    /// Returns the paths written.
    public func save(to directory: String) throws -> [String] {
        var written: [String] = []
        for (name, source) in named {
            guard !name.isEmpty, !name.contains("/"), !name.contains(".."), !name.hasPrefix(".") else {
                throw TemplateError(.runtime, "Invalid chat template name: \(pythonStringRepr(name))")
            }
            let path: String
            if name == "default" {
                path = (directory as NSString).appendingPathComponent("chat_template.jinja")
            } else {
                let dir = (directory as NSString).appendingPathComponent("additional_chat_templates")
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                path = (dir as NSString).appendingPathComponent("\(name).jinja")
            }
            try AtomicFile.write(source, to: path)
            written.append(path)
        }
        return written
    }
}

private extension JinjaValue {
    var dictValueForConfig: JinjaDict? {
        if case let .dict(d) = self { return d }
        return nil
    }
}
