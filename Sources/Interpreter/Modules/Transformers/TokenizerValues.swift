import Engine

/// Python values ⇄ chat-template values, for `apply_chat_template(messages, tools=...)`.
extension Interpreter {
    func jinjaValue(_ v: Value) throws -> JinjaValue {
        switch v {
        case .none: return .none
        case let .bool(b): return .bool(b)
        case let .int(i): return .int(i)
        case let .float(f): return .float(f)
        case let .object(o):
            if let s = o as? PyStr { return .string(s.value) }
            if let l = o as? PyList { return .list(try l.items.map(jinjaValue)) }
            if let t = o as? PyTuple { return .list(try t.items.map(jinjaValue)) }
            if let d = o as? PyDict {
                var pairs: [(String, JinjaValue)] = []
                for i in 0..<d.table.slotCount {
                    guard let (k, val) = d.table.slot(i) else { continue }
                    pairs.append((try toStr(k), try jinjaValue(val)))
                }
                return .dict(JinjaDict(pairs))
            }
            if let b = o as? PyBatchEncoding { return try jinjaValue(.object(b.data)) }
            throw PyError.typeError("apply_chat_template: cannot pass a '\(o.typeName)' to a chat template (use str, int, float, bool, None, list or dict)")
        }
    }
}
