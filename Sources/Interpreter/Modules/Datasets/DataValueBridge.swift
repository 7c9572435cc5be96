import Engine

/// Converting between Python values and data-set cells (`DataValue`): what `datasets` hands
/// a `map` function and takes back.
extension Interpreter {
    func value(_ data: DataValue) -> Value {
        switch data {
        case .null: return .none
        case let .bool(b): return .bool(b)
        case let .int(i): return .int(Int(i))
        case let .double(d): return .float(d)
        case let .string(s): return .str(s)
        case let .list(items): return .object(PyList(items.map(value)))
        case let .dict(d): return .object(pyDict(d))
        }
    }

    func pyDict(_ d: DataDict) -> PyDict {
        let out = PyDict()
        for (k, v) in d { out.setString(k, value(v)) }
        return out
    }

    /// A Python value as a cell; `what` names it in errors (a column, a returned value).
    func dataValue(_ v: Value, _ what: String) throws -> DataValue {
        switch v {
        case .none: return .null
        case let .bool(b): return .bool(b)
        case let .int(i): return .int(Int64(i))
        case let .float(d): return .double(d)
        case let .object(o):
            if let s = o as? PyStr { return .string(s.value) }
            if let l = o as? PyList { return .list(try l.items.map { try dataValue($0, what) }) }
            if let t = o as? PyTuple { return .list(try t.items.map { try dataValue($0, what) }) }
            if let d = o as? PyDict { return .dict(try dataDict(d, what)) }
            if let e = o as? PyBatchEncoding { return .dict(try dataDict(e.data, what)) }
            if let t = o as? PyTensor { return try dataValue(try call(try getAttr(.object(t), "tolist"), []), what) }
            if let c = o as? PyColumn { return .list(c.values) }
            if o is PyBigInt { throw PyError.overflow("\(what): int too large to store in a data set column (int64)") }
            throw PyError.typeError("\(what): a data set cannot store a value of type '\(o.typeName)' (use None, bool, int, float, str, list or dict)")
        }
    }

    func dataDict(_ d: PyDict, _ what: String) throws -> DataDict {
        var out = DataDict()
        for i in 0..<d.table.slotCount {
            guard let (k, v) = d.table.slot(i) else { continue }
            guard case .object(let ko) = k, let key = ko as? PyStr else {
                throw PyError.typeError("\(what): column names must be str, not '\(pyTypeName(k))'")
            }
            out[key.value] = try dataValue(v, "\(what)['\(key.value)']")
        }
        return out
    }

    /// Runs an engine call, turning data-set errors into the Python exceptions `datasets` raises.
    func datasets<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DataError {
            throw PyError(DataErrorKind.pythonClass(e.kind), e.message)
        }
    }
}

enum DataErrorKind {
    /// pyarrow's `ArrowInvalid` (a ValueError), which `datasets` lets through for bad columns.
    static let arrowInvalid = ExceptionHierarchy.make("ArrowInvalid", T.valueError)

    static func pythonClass(_ kind: DataError.Kind) -> PyClass {
        switch kind {
        case .fileNotFound: return T.fileNotFoundError
        case .key: return T.keyError
        case .index: return T.indexError
        case .type: return T.typeError
        case .notImplemented: return T.notImplementedError
        case .arrowInvalid: return arrowInvalid
        case .unicode: return T.unicodeDecodeError
        default: return T.valueError
        }
    }
}

/// The Python type name of a value (the global `typeName`, reachable inside native classes
/// whose own `typeName` property would shadow it).
func pyTypeName(_ v: Value) -> String { typeName(v) }
