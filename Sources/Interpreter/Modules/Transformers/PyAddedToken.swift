import Engine

/// `tokenizers.AddedToken` (re-exported by transformers): a token added to a vocabulary
/// with its matching options, as `add_tokens` takes it and `added_tokens_decoder` lists it.
final class PyAddedToken: NativeObject {
    let token: AddedToken

    init(_ token: AddedToken) {
        self.token = token
        super.init(cls: PyAddedToken.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyAddedToken>("AddedToken", module: "tokenizers")
        .constructor("content=None, single_word=False, lstrip=False, rstrip=False, normalized=None, special=False") { rt, a in
            let special = try rt.truthy(a[5])
            return PyAddedToken(AddedToken(a[0].isNone ? "" : try rt.toStr(a[0], "content"), special: special,
                                           singleWord: try rt.truthy(a[1]), lstrip: try rt.truthy(a[2]), rstrip: try rt.truthy(a[3]),
                                           normalized: a[4].isNone ? nil : try rt.truthy(a[4])))
        }
        .property("content") { _, this in .str(this.token.content) }
        .property("single_word") { _, this in .bool(this.token.singleWord) }
        .property("lstrip") { _, this in .bool(this.token.lstrip) }
        .property("rstrip") { _, this in .bool(this.token.rstrip) }
        .property("normalized") { _, this in .bool(this.token.normalized) }
        .property("special") { _, this in .bool(this.token.special) }
        .pyClass

    override func repr(_ rt: Interpreter) throws -> String {
        func py(_ b: Bool) -> String { b ? "True" : "False" }
        let t = token
        return "AddedToken(\"\(t.content)\", rstrip=\(py(t.rstrip)), lstrip=\(py(t.lstrip)), single_word=\(py(t.singleWord)), normalized=\(py(t.normalized)), special=\(py(t.special)))"
    }

    override func equals(_ rt: Interpreter, _ other: Value) throws -> Bool? {
        if case .object(let o) = other, let t = o as? PyAddedToken { return t.token == token }
        return false
    }

    override func hash(_ rt: Interpreter) throws -> Int { token.content.hashValue }

    /// A str or an AddedToken argument as an engine token; `special` applies to strings.
    static func token(_ rt: Interpreter, _ v: Value, special: Bool) throws -> AddedToken {
        if case .object(let o) = v, let t = o as? PyAddedToken { return t.token }
        return AddedToken(try rt.toStr(v, "token"), special: special)
    }
}
