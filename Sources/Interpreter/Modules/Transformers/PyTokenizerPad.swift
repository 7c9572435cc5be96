/// `tokenizer.pad(features)`, what data collators call: pads `input_ids` (with the pad id),
/// `attention_mask` (0, created when missing) and `special_tokens_mask` (1) to a common
/// length; other columns (`labels`, ...) pass through unchanged, as in transformers.
extension PyTokenizer {
    func pad(_ rt: Interpreter, _ a: [Value]) throws -> Value {
        var o = Options()
        o.padding = try PyTokenizer.padding(rt, a[1])
        o.maxLength = a[2].isNone ? nil : try rt.toInt(a[2])
        o.padToMultipleOf = a[3].isNone ? nil : try rt.toInt(a[3])
        o.paddingSide = a[4].isNone ? nil : try rt.toStr(a[4])
        o.returnTensors = try PyTokenizer.returnTensors(rt, a[6])
        let wantMask = a[5].isNone ? true : try rt.truthy(a[5])

        // Columns in the order of the first example's keys.
        var keys: [String] = []
        var columns: [String: [Value]] = [:]
        var batched = true
        func columnsOf(_ d: PyDict) throws {
            for i in 0..<d.table.slotCount {
                guard let (k, v) = d.table.slot(i) else { continue }
                let key = try rt.toStr(k, "key")
                keys.append(key)
                columns[key] = try rt.iterate(v)
            }
        }
        if case .object(let obj) = a[0], let d = (obj as? PyDict) ?? (obj as? PyBatchEncoding)?.data {
            try columnsOf(d)
            if let first = columns["input_ids"]?.first, case .int = first {
                batched = false
                for k in keys { columns[k] = [.object(PyList(columns[k] ?? []))] }
            }
        } else {
            for (i, item) in try rt.iterate(a[0]).enumerated() {
                guard case .object(let obj) = item, let d = (obj as? PyDict) ?? (obj as? PyBatchEncoding)?.data else {
                    throw PyError.valueError("pad() expects a dict of lists or a list of dicts; item \(i) is '\(pyTypeName(item))'")
                }
                for j in 0..<d.table.slotCount {
                    guard let (k, v) = d.table.slot(j) else { continue }
                    let key = try rt.toStr(k, "key")
                    if i == 0 { keys.append(key) }
                    columns[key, default: []].append(v)
                }
            }
        }
        guard let ids = columns["input_ids"] else {
            throw PyError.valueError("You should supply an encoding or a list of encodings to this method that includes input_ids, but you provided \(try rt.repr(.object(PyList(keys.map { .str($0) }))))")
        }
        func ints(_ v: Value) throws -> [Int] { try PyTokenizer.ids(rt, v) }
        var rows: [Row] = []
        for (i, row) in ids.enumerated() {
            let idList = try ints(row)
            let mask = try columns["attention_mask"].map { try ints($0[i]) } ?? [Int](repeating: 1, count: idList.count)
            let special = try columns["special_tokens_mask"].map { try ints($0[i]) } ?? [Int](repeating: 0, count: idList.count)
            rows.append(Row(ids: idList, mask: mask, special: special, offsets: [Range<Int>](repeating: 0..<0, count: idList.count)))
        }
        rows = try pad(rows, o)
        if wantMask && columns["attention_mask"] == nil { keys.append("attention_mask") }

        let out = PyDict()
        for key in keys {
            let padded: [[Int]]?
            switch key {
            case "input_ids": padded = rows.map(\.ids)
            case "attention_mask": padded = wantMask ? rows.map(\.mask) : nil
            case "special_tokens_mask": padded = rows.map(\.special)
            default: padded = nil
            }
            if key == "attention_mask" && !wantMask { continue }
            var value: Value
            if let p = padded {
                value = .object(PyList(p.map { .object(PyList($0.map { .int($0) })) }))
            } else {
                value = .object(PyList(columns[key] ?? []))
            }
            if o.returnTensors { value = .object(try TorchModule.tensor(rt, value)) }
            if !batched, !o.returnTensors, case .object(let l) = value, let list = l as? PyList, let first = list.items.first { value = first }
            out.setString(key, value)
        }
        return .object(PyBatchEncoding(out))
    }
}
