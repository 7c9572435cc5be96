/// Attribute and item lookup as jinja2's sandboxed environment does it:
/// `a.b` tries the Python attribute (methods such as `items` or `strip`),
/// then the item; `a[b]` tries the item, then the attribute. Misses give
/// an undefined value whose message is jinja2's. Methods that mutate
/// (`append`, `update`, ...) are refused like ImmutableSandboxedEnvironment.
extension Interpreter {
    func getAttribute(_ obj: JinjaValue, _ name: String, _ span: TemplateSpan) throws -> JinjaValue {
        if case let .undefined(m) = obj { throw TemplateError.runtime(m, span) }
        if let method = try boundMethod(obj, name) { return method }
        return try item(obj, .string(name)) ?? missingAttribute(obj, .string(name))
    }

    func getItem(_ obj: JinjaValue, _ key: JinjaValue, _ span: TemplateSpan) throws -> JinjaValue {
        if case let .undefined(m) = obj { throw TemplateError.runtime(m, span) }
        if let v = try item(obj, key) { return v }
        if case let .string(name) = key, let method = try boundMethod(obj, name) { return method }
        return missingAttribute(obj, key)
    }

    private func missingAttribute(_ obj: JinjaValue, _ key: JinjaValue) -> JinjaValue {
        let owner = obj.isNoneValue ? "'None'" : "'\(obj.typeName) object'"
        if case .string = key { return .undefined("\(owner) has no attribute \(key.pyRepr)") }
        return .undefined("\(obj.isNoneValue ? "None" : "\(obj.typeName) object") has no element \(key.pyRepr)")
    }

    /// `obj[key]` or nil when Python would raise (missing key, index out of range).
    private func item(_ obj: JinjaValue, _ key: JinjaValue) throws -> JinjaValue? {
        switch obj {
        case let .dict(d): return d[key]
        case let .namespace(ns): return ns.attributes[key]
        case let .function(f): return f.attributes[key]
        case let .list(l), let .tuple(l):
            guard let i = key.intValue else { return nil }
            let j = i < 0 ? i + l.count : i
            return l.indices.contains(j) ? l[j] : nil
        case let .string(s):
            guard let i = key.intValue else { return nil }
            let scalars = Array(s.unicodeScalars)
            let j = i < 0 ? i + scalars.count : i
            return scalars.indices.contains(j) ? .string(String(scalars[j])) : nil
        default: return nil
        }
    }

    /// Python slicing `obj[start:stop:step]` for lists, tuples and strings.
    func slice(_ obj: JinjaValue, _ start: JinjaValue?, _ stop: JinjaValue?, _ step: JinjaValue?, _ span: TemplateSpan) throws -> JinjaValue {
        func bound(_ v: JinjaValue?) throws -> Int? {
            guard let v, !v.isNoneValue else { return nil }
            guard let i = v.intValue else { throw TemplateError.runtime("slice indices must be integers or None", span) }
            return i
        }
        let stepValue = try bound(step) ?? 1
        guard stepValue != 0 else { throw TemplateError.runtime("slice step cannot be zero", span) }
        func indices(_ n: Int) throws -> [Int] {
            func clamp(_ v: Int?, _ defaultValue: Int) -> Int {
                guard var v else { return defaultValue }
                if v < 0 { v += n }
                return stepValue > 0 ? min(max(v, 0), n) : min(max(v, -1), n - 1)
            }
            let a = clamp(try bound(start), stepValue > 0 ? 0 : n - 1)
            let b = clamp(try bound(stop), stepValue > 0 ? n : -1)
            return Array(stride(from: a, to: b, by: stepValue))
        }
        switch obj {
        case let .list(l): return .list(try indices(l.count).map { l[$0] })
        case let .tuple(l): return .tuple(try indices(l.count).map { l[$0] })
        case let .string(s):
            let scalars = Array(s.unicodeScalars)
            var view = String.UnicodeScalarView()
            for i in try indices(scalars.count) { view.append(scalars[i]) }
            return .string(String(view))
        case let .undefined(m): throw TemplateError.runtime(m, span)
        default: throw TemplateError.runtime("'\(obj.typeName)' object is not subscriptable", span)
        }
    }

    private static let unsafeMethods: [String: Set<String>] = [
        "list": ["append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear"],
        "dict": ["update", "pop", "popitem", "setdefault", "clear"],
    ]

    /// A method of a str, dict or list, bound to `obj`, or nil if there is none.
    private func boundMethod(_ obj: JinjaValue, _ name: String) throws -> JinjaValue? {
        if let unsafe = Interpreter.unsafeMethods[obj.typeName], unsafe.contains(name) {
            return .undefined("access to attribute '\(name)' of '\(obj.typeName)' object is unsafe.")
        }
        let method: ((JinjaArguments) throws -> JinjaValue)?
        switch obj {
        case let .string(s): method = stringMethod(s, name)
        case let .dict(d): method = dictMethod(d, name)
        case let .list(l), let .tuple(l): method = listMethod(l, name)
        default: method = nil
        }
        return method.map { .function(JinjaFunction("\(obj.typeName).\(name)", $0)) }
    }

    private func dictMethod(_ d: JinjaDict, _ name: String) -> ((JinjaArguments) throws -> JinjaValue)? {
        switch name {
        case "items": return { _ in .list(d.entries.map { .tuple([$0.key, $0.value]) }) }
        case "keys": return { _ in .list(d.keys) }
        case "values": return { _ in .list(d.values) }
        case "get":
            return { args in
                let a = try args.bind("get", [("key", nil), ("default", JinjaValue.none)])
                return d[a[0]] ?? a[1]
            }
        case "copy": return { _ in .dict(d) }
        default: return nil
        }
    }

    private func listMethod(_ l: [JinjaValue], _ name: String) -> ((JinjaArguments) throws -> JinjaValue)? {
        switch name {
        case "index":
            return { args in
                let a = try args.bind("index", [("value", nil)])
                guard let i = l.firstIndex(where: { pyEquals($0, a[0]) }) else {
                    throw TemplateError.runtime("\(a[0].pyRepr) is not in list")
                }
                return .int(i)
            }
        case "count":
            return { args in
                let a = try args.bind("count", [("value", nil)])
                return .int(l.filter { pyEquals($0, a[0]) }.count)
            }
        case "copy": return { _ in .list(l) }
        default: return nil
        }
    }
}

extension JinjaValue {
    var isNoneValue: Bool {
        if case .none = self { return true }
        return false
    }
}
