import BigInt
import Engine
import Foundation

/// The Python surface of the tokenizer class: `tok(...)`, `encode`/`decode`, special tokens,
/// `apply_chat_template`, `save_pretrained`, `train_new_from_iterator`.
extension PyTokenizer {
    static let pyClass: PyClass = {
        let c = NativeClass<PyTokenizer>("TokenizersBackend", module: "transformers.tokenization_utils_tokenizers")
            .classMethod("from_pretrained", "pretrained_model_name_or_path, *inputs, **kwargs") { rt, _, a in
                try PyTokenizer.fromPretrained(rt, a[0], a[2])
            }
            .method("__call__", "text=None, text_pair=None, text_target=None, text_pair_target=None, add_special_tokens=True, padding=False, truncation=None, max_length=None, stride=0, is_split_into_words=False, pad_to_multiple_of=None, padding_side=None, return_tensors=None, return_token_type_ids=None, return_attention_mask=None, return_overflowing_tokens=False, return_special_tokens_mask=False, return_offsets_mapping=False, return_length=False, verbose=True, tokenizer_kwargs=None, **kwargs") { rt, this, a in
                if !a[1].isNone || !a[3].isNone { throw PyError.notImplemented("tokenizer(text, text_pair) (sentence pairs)") }
                if !a[2].isNone { throw PyError.notImplemented("tokenizer(text_target=...)") }
                if a[0].isNone { throw PyError.valueError("You need to specify either `text` or `text_target`.") }
                if try rt.truthy(a[9]) { throw PyError.notImplemented("is_split_into_words=True") }
                if try rt.truthy(a[15]) { throw PyError.notImplemented("return_overflowing_tokens=True") }
                var o = Options()
                o.addSpecialTokens = try rt.truthy(a[4])
                o.padding = try padding(rt, a[5])
                o.truncation = try truncation(rt, a[6])
                o.maxLength = a[7].isNone ? nil : try rt.toInt(a[7])
                o.padToMultipleOf = a[10].isNone ? nil : try rt.toInt(a[10])
                o.paddingSide = a[11].isNone ? nil : try rt.toStr(a[11])
                o.returnTensors = try returnTensors(rt, a[12])
                o.returnAttentionMask = a[14].isNone ? true : try rt.truthy(a[14])
                o.returnSpecialTokensMask = try rt.truthy(a[16])
                o.returnOffsets = try rt.truthy(a[17])
                o.returnLength = try rt.truthy(a[18])
                let (texts, batched) = try this.texts(rt, a[0])
                return .object(try this.batchEncoding(rt, try this.encodeRows(texts, o), batched: batched || o.returnTensors, o))
            }
            .method("encode", "text, text_pair=None, add_special_tokens=True, padding=False, truncation=None, max_length=None, stride=0, padding_side=None, return_tensors=None, **kwargs") { rt, this, a in
                if !a[1].isNone { throw PyError.notImplemented("encode(text, text_pair) (sentence pairs)") }
                var o = Options()
                o.addSpecialTokens = try rt.truthy(a[2])
                o.padding = try padding(rt, a[3])
                o.truncation = try truncation(rt, a[4])
                o.maxLength = a[5].isNone ? nil : try rt.toInt(a[5])
                o.paddingSide = a[7].isNone ? nil : try rt.toStr(a[7])
                o.returnTensors = try returnTensors(rt, a[8])
                let row = try this.encodeRows([try rt.toStr(a[0], "text")], o)[0]
                if o.returnTensors { return .object(PyTensor(int64: row.ids, shape: [1, row.ids.count])) }
                return .object(PyList(row.ids.map { .int($0) }))
            }
            .method("pad", "encoded_inputs, padding=True, max_length=None, pad_to_multiple_of=None, padding_side=None, return_attention_mask=None, return_tensors=None, verbose=True") { rt, this, a in
                try this.pad(rt, a)
            }
            .method("tokenize", "text, pair=None, add_special_tokens=False, **kwargs") { rt, this, a in
                let e = this.tokenizer.encode(try rt.toStr(a[0], "text"), addSpecialTokens: try rt.truthy(a[2]))
                return .object(PyList(e.tokens.map { .str($0) }))
            }
            .method("decode", "token_ids, skip_special_tokens=False, **kwargs") { rt, this, a in
                if case .object(let o) = a[0], let t = o as? PyTensor, t.shape.count == 2 {
                    return try this.batchDecode(rt, .object(t), skip: try rt.truthy(a[1]))
                }
                if case .object(let o) = a[0], let l = o as? PyList, let first = l.items.first, case .object(let f) = first, f is PyList {
                    return try this.batchDecode(rt, a[0], skip: try rt.truthy(a[1]))
                }
                let ids = try PyTokenizer.ids(rt, a[0])
                return .str(try engine { try this.tokenizer.decode(ids, skipSpecialTokens: try rt.truthy(a[1])) })
            }
            .method("batch_decode", "sequences, skip_special_tokens=False, clean_up_tokenization_spaces=None, **kwargs") { rt, this, a in
                try this.batchDecode(rt, a[0], skip: try rt.truthy(a[1]))
            }
            .method("convert_ids_to_tokens", "ids, skip_special_tokens=False") { rt, this, a in
                let skip = try rt.truthy(a[1])
                if case .int(let i) = a[0] { return this.tokenizer.idToToken(i).map { .str($0) } ?? .none }
                let ids = try PyTokenizer.ids(rt, a[0]).filter { !skip || !this.tokenizer.isSpecialToken(id: $0) }
                return .object(PyList(ids.map { id in this.tokenizer.idToToken(id).map { .str($0) } ?? .none }))
            }
            .method("convert_tokens_to_ids", "tokens") { rt, this, a in
                func id(_ v: Value) throws -> Value {
                    let t = try rt.toStr(v, "token")
                    return (this.tokenizer.tokenToId(t) ?? this.tokenizer.unkTokenId).map { .int($0) } ?? .none
                }
                if a[0].isNone { return .none }
                if case .object(let o) = a[0], o is PyStr { return try id(a[0]) }
                return .object(PyList(try rt.iterate(a[0]).map(id)))
            }
            .method("get_vocab", "") { _, this, _ in
                let d = PyDict()
                for i in 0..<this.tokenizer.count { if let t = this.tokenizer.idToToken(i) { d.setString(t, .int(i)) } }
                return .object(d)
            }
            .method("add_tokens", "new_tokens, special_tokens=False") { rt, this, a in
                let special = try rt.truthy(a[1])
                var items = [a[0]]
                if case .object(let o) = a[0], o is PyList || o is PyTuple { items = try rt.iterate(a[0]) }
                return .int(this.tokenizer.addTokens(try items.map { try PyAddedToken.token(rt, $0, special: special) }))
            }
            .method("add_special_tokens", "special_tokens_dict, replace_extra_special_tokens=True") { rt, this, a in
                try this.addSpecialTokens(rt, a[0])
            }
            .method("apply_chat_template", "conversation, tools=None, documents=None, chat_template=None, add_generation_prompt=False, continue_final_message=False, tokenize=True, sanitize_control_tokens=False, padding=False, truncation=False, max_length=None, return_tensors=None, return_dict=True, return_assistant_tokens_mask=False, tokenizer_kwargs=None, **kwargs") { rt, this, a in
                try this.applyChatTemplate(rt, a)
            }
            .method("save_pretrained", "save_directory, legacy_format=None, filename_prefix=None, push_to_hub=False, save_format=None, **kwargs") { rt, this, a in
                if try rt.truthy(a[3]) { throw PyError.notImplemented("save_pretrained(push_to_hub=True) (sftnb is offline)") }
                let dir = try rt.toStr(a[0], "save_directory")
                try engine { try this.tokenizer.save(to: dir) }
                var files = ["tokenizer_config.json"]
                if this.tokenizer.chatTemplate != nil { files.append("chat_template.jinja") }
                files.append("tokenizer.json")
                return .object(PyTuple(files.map { .str((dir as NSString).appendingPathComponent($0)) }))
            }
            .method("train_new_from_iterator", "text_iterator, vocab_size, length=None, new_special_tokens=None, special_tokens_map=None, **kwargs") { rt, this, a in
                var texts: [String] = []
                for item in try rt.iterate(a[0]) {
                    if case .object(let o) = item, let s = o as? PyStr { texts.append(s.value) } else { texts += try rt.iterate(item).map { try rt.toStr($0, "text") } }
                }
                let specials = a[3].isNone ? [] : try rt.iterate(a[3]).map { try rt.toStr($0, "special token") }
                let vocab = try rt.toInt(a[1])
                let new = try engine { try this.tokenizer.trainNew(from: texts, vocabSize: vocab, newSpecialTokens: specials) }
                return .object(PyTokenizer(new, nameOrPath: this.nameOrPath))
            }
            .method("num_special_tokens_to_add", "pair=False") { _, this, _ in
                .int(this.tokenizer.encode("", addSpecialTokens: true).count)
            }
            .property("vocab_size") { _, this in .int(this.tokenizer.vocabSize) }
            .property("name_or_path") { _, this in .str(this.nameOrPath) }
            .property("is_fast") { _, _ in .bool(true) }
            .property("model_input_names") { _, _ in .object(PyList([.str("input_ids"), .str("attention_mask")])) }
            .property("clean_up_tokenization_spaces") { _, this in .bool(this.tokenizer.config.cleanUpTokenizationSpaces) }
            .property("add_bos_token", { _, this in .bool(this.tokenizer.addBosToken) },
                      set: { rt, this, v in this.tokenizer.addBosToken = try rt.truthy(v) })
            .property("add_eos_token", { _, this in .bool(this.tokenizer.addEosToken) },
                      set: { rt, this, v in this.tokenizer.addEosToken = try rt.truthy(v) })
            .property("all_special_tokens") { _, this in .object(PyList(this.allSpecialTokens.map { .str($0) })) }
            .property("all_special_ids") { _, this in
                .object(PyList(this.allSpecialTokens.map { t in this.tokenizer.tokenToId(t).map { .int($0) } ?? .none }))
            }
            .property("special_tokens_map") { _, this in
                let d = PyDict()
                for (k, v) in this.specialTokensMap { d.setString(k, .str(v)) }
                return .object(d)
            }
            .property("extra_special_tokens") { _, this in .object(PyList(this.tokenizer.config.additionalSpecialTokens.map { .str($0) })) }
            .property("added_tokens_decoder") { rt, this in
                let d = PyDict()
                for (id, t) in this.tokenizer.addedTokens.sorted(by: { $0.key < $1.key }) { try d.setItem(.int(id), .object(PyAddedToken(t))) }
                return .object(d)
            }
            .property("chat_template", { _, this in this.tokenizer.chatTemplate.map { .str($0) } ?? .none },
                      set: { rt, this, v in this.tokenizer.chatTemplate = v.isNone ? nil : try rt.toStr(v, "chat_template") })
            .property("padding_side", { _, this in .str(this.tokenizer.paddingSide) }, set: { rt, this, v in
                this.tokenizer.paddingSide = try rt.toStr(v, "padding_side")
            })
            .property("truncation_side", { _, this in .str(this.tokenizer.truncationSide) }, set: { rt, this, v in
                this.tokenizer.truncationSide = try rt.toStr(v, "truncation_side")
            })
            .property("model_max_length", { _, this in
                this.tokenizer.modelMaxLength == Int.max ? PyTokenizer.veryLargeInteger : .int(this.tokenizer.modelMaxLength)
            }, set: { rt, this, v in
                this.tokenizer.modelMaxLength = (try? rt.toInt(v)) ?? Int.max
            })
        for name in ["bos", "eos", "unk", "pad"] { tokenProperties(c, name) }
        return c.pyClass
    }()

    /// transformers' `VERY_LARGE_INTEGER` (`int(1e30)`), the model_max_length of tokenizers without one.
    static let veryLargeInteger: Value = .bigint(BigInt("1000000000000000019884624838656") ?? BigInt(Int.max))

    /// `bos_token`/`bos_token_id` (settable) and friends.
    static func tokenProperties(_ c: NativeClass<PyTokenizer>, _ name: String) {
        let key = name + "_token"
        c.property(key, { _, this in this.token(named: key).map { .str($0) } ?? .none }, set: { rt, this, v in
            try this.setToken(named: key, v.isNone ? nil : try rt.toStr(v, key))
        })
        c.property(key + "_id", { _, this in
            this.token(named: key).flatMap { this.tokenizer.tokenToId($0) }.map { .int($0) } ?? .none
        }, set: { rt, this, v in
            if v.isNone { return try this.setToken(named: key, nil) }
            let id = try rt.toInt(v)
            guard let t = this.tokenizer.idToToken(id) else { throw PyError.valueError("\(key)_id: token id \(id) is not in the vocabulary (size \(this.tokenizer.count))") }
            try this.setToken(named: key, t)
        })
    }

    func token(named key: String) -> String? {
        switch key {
        case "bos_token": return tokenizer.bosToken
        case "eos_token": return tokenizer.eosToken
        case "unk_token": return tokenizer.unkToken
        default: return tokenizer.padToken
        }
    }

    func setToken(named key: String, _ value: String?) throws {
        switch key {
        case "bos_token": tokenizer.bosToken = value
        case "eos_token": tokenizer.eosToken = value
        case "unk_token": tokenizer.unkToken = value
        case "pad_token": tokenizer.padToken = value
        default: throw PyError.valueError("Key \(key) is not a special token")
        }
    }

    /// transformers' order: bos, eos, unk, sep, pad, cls, mask.
    var specialTokensMap: [(String, String)] {
        [("bos_token", tokenizer.bosToken), ("eos_token", tokenizer.eosToken), ("unk_token", tokenizer.unkToken),
         ("pad_token", tokenizer.padToken)].compactMap { k, v in v.map { (k, $0) } }
    }

    var allSpecialTokens: [String] {
        var seen = Set<String>()
        return (specialTokensMap.map(\.1) + tokenizer.config.additionalSpecialTokens).filter { seen.insert($0).inserted }
    }

    func batchDecode(_ rt: Interpreter, _ v: Value, skip: Bool) throws -> Value {
        let rows: [[Int]]
        if case .object(let o) = v, let t = o as? PyTensor {
            guard t.shape.count == 2 else { throw PyError.typeError("batch_decode expects a 2-D tensor, got \(t.shape.count)-D") }
            rows = (0..<t.shape[0]).map { r in (0..<t.shape[1]).map { PyTensor.int(t.values[r * t.shape[1] + $0]) } }
        } else {
            rows = try rt.iterate(v).map { try PyTokenizer.ids(rt, $0) }
        }
        return .object(PyList(try PyTokenizer.engine { try tokenizer.batchDecode(rows, skipSpecialTokens: skip) }.map { .str($0) }))
    }

    func addSpecialTokens(_ rt: Interpreter, _ v: Value) throws -> Value {
        guard case .object(let o) = v, let d = o as? PyDict else {
            throw PyError.typeError("add_special_tokens expects a dict like {'pad_token': '[PAD]'}, not '\(pyTypeName(v))'")
        }
        var added = 0
        for i in 0..<d.table.slotCount {
            guard let (k, val) = d.table.slot(i) else { continue }
            let key = try rt.toStr(k, "key")
            switch key {
            case "bos_token", "eos_token", "unk_token", "pad_token":
                var t = try PyAddedToken.token(rt, val, special: true)
                t.special = true
                t.normalized = false
                added += tokenizer.addTokens([t])
                try setToken(named: key, t.content)
            case "additional_special_tokens", "extra_special_tokens":
                let tokens = try rt.iterate(val).map { v -> AddedToken in
                    var t = try PyAddedToken.token(rt, v, special: true)
                    t.special = true
                    t.normalized = false
                    return t
                }
                added += tokenizer.addTokens(tokens)
                for t in tokens.map(\.content) where !tokenizer.config.additionalSpecialTokens.contains(t) { tokenizer.config.additionalSpecialTokens.append(t) }
            case "sep_token", "cls_token", "mask_token":
                throw PyError.notImplemented("add_special_tokens({'\(key)': ...}) (sftnb's tokenizers have bos, eos, unk and pad tokens)")
            default:
                throw PyError.valueError("Key \(key) is not a special token")
            }
        }
        return .int(added)
    }

    /// transformers' `repr(tokenizer)`, with the added-tokens table.
    func describe(_ rt: Interpreter) throws -> String {
        let maxLength = tokenizer.modelMaxLength == Int.max ? "1000000000000000019884624838656" : String(tokenizer.modelMaxLength)
        let special = try specialTokensMap.map { "'\($0)': \(try rt.repr(.str($1)))" }
        var out = "\(cls.name)(name_or_path=\(try rt.repr(.str(nameOrPath))), vocab_size=\(tokenizer.vocabSize), model_max_length=\(maxLength), "
        out += "padding_side='\(tokenizer.paddingSide)', truncation_side='\(tokenizer.truncationSide)', special_tokens={\(special.joined(separator: ", "))}, added_tokens_decoder={\n"
        for (id, t) in tokenizer.addedTokens.sorted(by: { $0.key < $1.key }) {
            out += "\t\(id): AddedToken(\"\(t.content)\", rstrip=\(py(t.rstrip)), lstrip=\(py(t.lstrip)), single_word=\(py(t.singleWord)), normalized=\(py(t.normalized)), special=\(py(t.special))),\n"
        }
        return out + "})"
    }

    private func py(_ b: Bool) -> String { b ? "True" : "False" }
}
