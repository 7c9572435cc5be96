import Engine
import Foundation

/// A transformers 5 tokenizer (`TokenizersBackend`, which `PreTrainedTokenizerFast` names
/// too) over the engine's `Tokenizer`. This file holds the encoding logic behind
/// `tok(...)`, `encode` and `apply_chat_template`: truncation, padding and tensors, with
/// transformers' defaults and error messages.
final class PyTokenizer: NativeObject {
    let tokenizer: Tokenizer
    var nameOrPath: String

    init(_ tokenizer: Tokenizer, nameOrPath: String) {
        self.tokenizer = tokenizer
        self.nameOrPath = nameOrPath
        super.init(cls: PyTokenizer.pythonClass(for: tokenizer.config.tokenizerClass))
    }

    /// transformers 5 instantiates `TokenizersBackend` for tokenizer.json-only folders and
    /// for `PreTrainedTokenizerFast`; a model-specific class name (`GPT2TokenizerFast`) is
    /// reported without its `Fast` suffix, as transformers 5 names its classes.
    static func pythonClass(for configured: String?) -> PyClass {
        guard var name = configured, !["PreTrainedTokenizerFast", "TokenizersBackend", "PreTrainedTokenizer"].contains(name) else {
            return pyClass
        }
        if name.hasSuffix("Fast") { name.removeLast(4) }
        if let c = subclasses[name] { return c }
        let model = (name.hasSuffix("Tokenizer") ? String(name.dropLast(9)) : name).lowercased()
        let c = PyClass(name: name, bases: [pyClass], isBuiltin: true, module: "transformers.models.\(model).tokenization_\(model)")
        c.cls = T.type
        subclasses[name] = c
        return c
    }
    nonisolated(unsafe) static var subclasses: [String: PyClass] = [:]

    override func length(_ rt: Interpreter) throws -> Int? { tokenizer.count }

    override func repr(_ rt: Interpreter) throws -> String { try describe(rt) }

    /// What `tok(...)`/`encode` need to know besides the texts.
    struct Options {
        var addSpecialTokens = true
        var padding: Padding = .none
        var truncation = false
        var maxLength: Int?
        var padToMultipleOf: Int?
        var paddingSide: String?
        var returnTensors = false
        var returnAttentionMask = true
        var returnSpecialTokensMask = false
        var returnOffsets = false
        var returnLength = false
    }

    enum Padding { case none, longest, maxLength }

    static func padding(_ rt: Interpreter, _ v: Value) throws -> Padding {
        switch v {
        case .bool(let b): return b ? .longest : .none
        case .none: return .none
        default:
            switch try rt.toStr(v) {
            case "longest": return .longest
            case "max_length": return .maxLength
            case "do_not_pad": return .none
            case let s: throw PyError.valueError("'\(s)' is not a valid PaddingStrategy, please select one of ['longest', 'max_length', 'do_not_pad']")
            }
        }
    }

    static func truncation(_ rt: Interpreter, _ v: Value) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .none: return false
        default:
            switch try rt.toStr(v) {
            case "longest_first", "only_first": return true
            case "do_not_truncate": return false
            case "only_second": throw PyError.notImplemented("truncation='only_second' (text pairs)")
            case let s: throw PyError.valueError("'\(s)' is not a valid TruncationStrategy, please select one of ['only_first', 'only_second', 'longest_first', 'do_not_truncate']")
            }
        }
    }

    static func returnTensors(_ rt: Interpreter, _ v: Value) throws -> Bool {
        if v.isNone { return false }
        let s = try rt.toStr(v)
        if s == "pt" { return true }
        if s == "np" || s == "tf" || s == "jax" || s == "mlx" { throw PyError.notImplemented("return_tensors='\(s)' (sftnb has torch tensors only: use 'pt')") }
        throw PyError.valueError("Unable to convert output to tensors format \(s)")
    }

    /// The texts of `tok(text)`: one str, or a list/tuple of str (batched).
    func texts(_ rt: Interpreter, _ v: Value) throws -> (texts: [String], batched: Bool) {
        if case .object(let o) = v, let s = o as? PyStr { return ([s.value], false) }
        if case .object(let o) = v, o is PyList || o is PyTuple {
            return (try rt.iterate(v).map { item in
                guard case .object(let io) = item, let s = io as? PyStr else {
                    throw PyError.valueError("text input must be of type `str` (single example), `list[str]` (batch or single pretokenized example) or `list[list[str]]` (batch of pretokenized examples).")
                }
                return s.value
            }, true)
        }
        throw PyError.valueError("text input must be of type `str` (single example), `list[str]` (batch or single pretokenized example) or `list[list[str]]` (batch of pretokenized examples).")
    }

    struct Row {
        var ids: [Int]
        var mask: [Int]
        var special: [Int]
        var offsets: [Range<Int>]
    }

    func encodeRows(_ texts: [String], _ o: Options) throws -> [Row] {
        let rows = texts.map { t -> Row in
            let e = tokenizer.encode(t, addSpecialTokens: o.addSpecialTokens)
            return Row(ids: e.ids, mask: e.attentionMask, special: e.specialTokensMask, offsets: e.offsets)
        }
        return try pad(truncate(rows, o), o)
    }

    func truncate(_ rows: [Row], _ o: Options) -> [Row] {
        guard o.truncation, let limit = o.maxLength ?? (tokenizer.modelMaxLength == Int.max ? nil : tokenizer.modelMaxLength) else { return rows }
        let left = tokenizer.truncationSide == "left"
        return rows.map { r in
            guard r.ids.count > limit else { return r }
            // Content tokens go; the post-processor's BOS/EOS (special mask 1) stay, as in
            // transformers, which truncates before adding them.
            let content = r.special.indices.filter { r.special[$0] == 0 }
            let excess = r.ids.count - limit
            let dropped = Set(left ? content.prefix(excess) : content.suffix(excess))
            var keep = r.ids.indices.filter { !dropped.contains($0) }
            if keep.count > limit { keep = left ? Array(keep.suffix(limit)) : Array(keep.prefix(limit)) }
            return Row(ids: keep.map { r.ids[$0] }, mask: keep.map { r.mask[$0] }, special: keep.map { r.special[$0] },
                       offsets: keep.map { r.offsets[$0] })
        }
    }

    func pad(_ rows: [Row], _ o: Options) throws -> [Row] {
        var target: Int
        switch o.padding {
        case .none: return rows
        case .longest: target = rows.map(\.ids.count).max() ?? 0
        case .maxLength:
            guard let m = o.maxLength ?? (tokenizer.modelMaxLength == Int.max ? nil : tokenizer.modelMaxLength) else { return rows }
            target = m
        }
        if let k = o.padToMultipleOf, k > 0, target % k != 0 { target = (target / k + 1) * k }
        guard let padId = tokenizer.padTokenId else {
            throw PyError.valueError("Asking to pad but the tokenizer does not have a padding token. Please select a token to use as `pad_token` `(tokenizer.pad_token = tokenizer.eos_token e.g.)` or add a new pad token via `tokenizer.add_special_tokens({'pad_token': '[PAD]'})`.")
        }
        let side = o.paddingSide ?? tokenizer.paddingSide
        return rows.map { r in
            let n = max(0, target - r.ids.count)
            func padded<E>(_ a: [E], _ v: E) -> [E] {
                side == "left" ? [E](repeating: v, count: n) + a : a + [E](repeating: v, count: n)
            }
            return Row(ids: padded(r.ids, padId), mask: padded(r.mask, 0), special: padded(r.special, 1), offsets: padded(r.offsets, 0..<0))
        }
    }

    /// The `BatchEncoding` of encoded rows: flat lists for one text, lists of lists (or
    /// 2-D tensors) for a batch.
    func batchEncoding(_ rt: Interpreter, _ rows: [Row], batched: Bool, _ o: Options) throws -> PyBatchEncoding {
        let d = PyDict()
        func ints(_ key: String, _ pick: (Row) -> [Int]) throws {
            if o.returnTensors {
                let lengths = Set(rows.map { pick($0).count })
                guard lengths.count <= 1 else {
                    throw PyError.valueError("Unable to create tensor, you should probably activate truncation and/or padding with 'padding=True' 'truncation=True' to have batched tensors with the same length. Perhaps your features (`\(key)` in this case) have excessive nesting (inputs type `list` where type `int` is expected).")
                }
                d.setString(key, .object(PyTensor(int64: rows.flatMap(pick), shape: [rows.count, lengths.first ?? 0])))
            } else {
                let lists = rows.map { Value.object(PyList(pick($0).map { .int($0) })) }
                d.setString(key, batched ? .object(PyList(lists)) : lists[0])
            }
        }
        try ints("input_ids") { $0.ids }
        if o.returnAttentionMask { try ints("attention_mask") { $0.mask } }
        if o.returnSpecialTokensMask { try ints("special_tokens_mask") { $0.special } }
        if o.returnOffsets {
            if o.returnTensors { throw PyError.notImplemented("return_offsets_mapping=True with return_tensors='pt'") }
            let lists = rows.map { r in Value.object(PyList(r.offsets.map { .object(PyTuple([.int($0.lowerBound), .int($0.upperBound)])) })) }
            d.setString("offset_mapping", batched ? .object(PyList(lists)) : lists[0])
        }
        if o.returnLength {
            if o.returnTensors {
                d.setString("length", .object(PyTensor(int64: rows.map(\.ids.count), shape: [rows.count])))
            } else {
                d.setString("length", .object(PyList(rows.map { .int($0.ids.count) })))
            }
        }
        return PyBatchEncoding(d)
    }

    /// Token ids from an int, a list of ints, or a tensor (`decode` accepts all three).
    static func ids(_ rt: Interpreter, _ v: Value) throws -> [Int] {
        if case .int(let i) = v { return [i] }
        if case .object(let o) = v, let t = o as? PyTensor {
            guard t.shape.count <= 1 else { throw PyError.typeError("decode() expects one sequence of ids; use batch_decode for a 2-D tensor") }
            return t.values.map(PyTensor.int)
        }
        return try rt.iterate(v).map { try rt.toInt($0) }
    }

    /// Runs an engine call, turning tokenizer errors into the Python exceptions transformers raises.
    static func engine<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let e as TokenizerError {
            if case .idOutOfRange = e { throw PyError(T.indexError, e.description) }
            if case .notImplemented(let what) = e { throw PyError.notImplemented(what) }
            throw PyError(T.osError, e.description)
        } catch let e as ChatTemplatingError {
            throw PyError.valueError(e.description)
        } catch let e as ModelResolver.NotFound {
            throw PyError(T.osError, e.description)
        } catch let e as PyError {
            throw e
        } catch {
            throw PyError.valueError("\(error)")
        }
    }
}
