/// transformers' `BatchEncoding`: a dict of model inputs (`input_ids`, `attention_mask`, ...)
/// that also answers attribute access (`enc.input_ids`) and prints as the plain dict.
final class PyBatchEncoding: NativeObject {
    let data: PyDict

    init(_ data: PyDict) {
        self.data = data
        super.init(cls: PyBatchEncoding.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyBatchEncoding>("BatchEncoding", module: "transformers.tokenization_utils_base")
        .constructor("data=None, encoding=None, tensor_type=None, prepend_batch_axis=False, n_sequences=None") { rt, a in
            let d = PyDict()
            if case .object(let o) = a[0], let src = o as? PyDict {
                for i in 0..<src.table.slotCount { if let (k, v) = src.table.slot(i) { try d.setItem(k, v) } }
            }
            return PyBatchEncoding(d)
        }
        .property("data") { _, this in .object(this.data) }
        .property("encodings") { _, _ in .none }
        .method("keys", "") { rt, this, _ in try PyMappingView.of(rt, this, .keys) }
        .method("values", "") { rt, this, _ in try PyMappingView.of(rt, this, .values) }
        .method("items", "") { rt, this, _ in try PyMappingView.of(rt, this, .items) }
        .method("get", "key, default=None") { _, this, a in try this.data.getItem(a[0]) ?? a[1] }
        .method("__contains__", "key") { _, this, a in .bool(try this.data.getItem(a[0]) != nil) }
        .method("to", "device") { _, this, _ in .object(this) }
        .method("cpu", "") { _, this, _ in .object(this) }
        .pyClass

    override func repr(_ rt: Interpreter) throws -> String { try rt.repr(.object(data)) }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        if case .object(let o) = key, o is PyStr {
            guard let v = try data.getItem(key) else { throw PyError.keyError(key) }
            return v
        }
        // A fast tokenizer's BatchEncoding answers positions and slices with its
        // `tokenizers.Encoding` objects, which sftnb does not have.
        if case .int = key { throw PyError.notImplemented("BatchEncoding[int] (the fast tokenizer's Encoding objects); use enc['input_ids'][i]") }
        if case .object(let o) = key, o is PySlice {
            throw PyError.notImplemented("BatchEncoding[a:b] (a list of the fast tokenizer's Encoding objects); slice enc['input_ids'] instead")
        }
        throw PyError.keyError(key)
    }

    override func setItem(_ rt: Interpreter, _ key: Value, _ value: Value) throws { try data.setItem(key, value) }

    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? { try data.getItem(.str(name)) }

    override func length(_ rt: Interpreter) throws -> Int? { data.table.count }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        let keys = try rt.iterate(.object(data))
        var i = 0
        return {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return keys[i]
        }
    }

    override func equals(_ rt: Interpreter, _ other: Value) throws -> Bool? {
        if case .object(let o) = other, let b = o as? PyBatchEncoding { return try rt.equals(.object(data), .object(b.data)) }
        return try rt.equals(.object(data), other)
    }
}

/// `collections.abc.KeysView` / `ValuesView` / `ItemsView`: what a `UserDict` such as
/// `BatchEncoding` returns from `keys()`, `values()` and `items()`. They iterate like the dict's
/// views but print the whole mapping: `KeysView({'input_ids': tensor([[...]]), ...})`.
final class PyMappingView: NativeObject {
    enum Kind { case keys, values, items }

    let owner: PyBatchEncoding
    /// The underlying dict's view, which does the iterating and counting.
    let view: Value

    private init(_ cls: PyClass, owner: PyBatchEncoding, view: Value) {
        self.owner = owner
        self.view = view
        super.init(cls: cls)
    }

    static func of(_ rt: Interpreter, _ owner: PyBatchEncoding, _ kind: Kind) throws -> Value {
        let (cls, method) = switch kind {
        case .keys: (keysClass, "keys")
        case .values: (valuesClass, "values")
        case .items: (itemsClass, "items")
        }
        return .object(PyMappingView(cls, owner: owner, view: try rt.callMethod(.object(owner.data), method, [])))
    }

    static let keysClass = NativeClass<PyMappingView>("KeysView", module: "collections.abc").pyClass
    static let valuesClass = NativeClass<PyMappingView>("ValuesView", module: "collections.abc").pyClass
    static let itemsClass = NativeClass<PyMappingView>("ItemsView", module: "collections.abc").pyClass

    override func repr(_ rt: Interpreter) throws -> String { "\(cls.name)(\(try rt.repr(.object(owner))))" }
    override func length(_ rt: Interpreter) throws -> Int? { try rt.length(view) }
    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        var items = try rt.iterate(view).makeIterator()
        return { items.next() }
    }
}
