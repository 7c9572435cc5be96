import Engine

/// Engine `JSONValue`s as Python values and back: config.json and generation_config.json for
/// the config objects scripts read and edit, the trainer's log entries for `log_history`.
extension Interpreter {
    func pyValue(_ j: JSONValue) -> Value {
        switch j {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .double(let d): return .float(d)
        case .string(let s): return .str(s)
        case .array(let a): return .object(PyList(a.map { pyValue($0) }))
        case .object(let o):
            let d = PyDict()
            for (k, v) in o.pairs { d.setString(k, pyValue(v)) }
            return .object(d)
        }
    }

    /// A Python value as JSON; `what` names the setting in errors (only JSON-like values fit
    /// in a config file).
    func jsonValue(_ v: Value, _ what: String) throws -> JSONValue {
        switch v {
        case .none: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .double(d)
        case .object(let o):
            if let s = o as? PyStr { return .string(s.value) }
            if o is PyList || o is PyTuple { return .array(try iterate(v).map { try jsonValue($0, what) }) }
            if let d = o as? PyDict {
                var out = JSONObject()
                for (k, val) in try PyDataset.kwargs(self, .object(d)) { out[k] = try jsonValue(val, what + "." + k) }
                return .object(out)
            }
            if let t = o as? PyDType { return .string(t.dtype.rawValue) }
        default: break
        }
        throw PyError.typeError("\(what): a \(typeName(v)) cannot be stored in a config (use numbers, strings, lists, dicts, None)")
    }
}
