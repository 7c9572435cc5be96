/// A value seen by a Jinja template: what Python objects jinja2 sees in
/// transformers' chat templates (JSON-like data, plus undefined, tuples,
/// functions and namespaces). Dicts keep insertion order, as Python's do,
/// because `tojson` and `items()` output depend on it.
public indirect enum JinjaValue: Sendable {
    /// A missing variable or key; the name is kept for error messages.
    case undefined(String)
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([JinjaValue])
    case tuple([JinjaValue])
    case dict(JinjaDict)
    case namespace(JinjaNamespace)
    case function(JinjaFunction)

    public static let missing = JinjaValue.undefined("")

    public var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    /// Python truthiness.
    public var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case let .bool(b): return b
        case let .int(i): return i != 0
        case let .float(f): return f != 0
        case let .string(s): return !s.isEmpty
        case let .list(l), let .tuple(l): return !l.isEmpty
        case let .dict(d): return !d.isEmpty
        case .namespace, .function: return true
        }
    }

    /// The Python type name, for error messages like jinja2's.
    var typeName: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .namespace: return "Namespace"
        case .function: return "function"
        }
    }

    /// Elements when iterated as Python would (dicts yield keys, strings characters).
    func iterate(_ span: TemplateSpan? = nil) throws -> [JinjaValue] {
        switch self {
        case .undefined: return []
        case let .list(l), let .tuple(l): return l
        case let .dict(d): return d.keys
        case let .string(s): return s.unicodeScalars.map { .string(String($0)) }
        default: throw TemplateError.runtime("'\(typeName)' object is not iterable", span)
        }
    }
}

/// An insertion-ordered dictionary with Python key equality (`1 == 1.0 == True`).
public struct JinjaDict: Sendable {
    private(set) var entries: [(key: JinjaValue, value: JinjaValue)] = []
    /// Fast path for the usual string keys.
    private var stringIndex: [String: Int] = [:]

    public init() {}

    public init(_ pairs: [(String, JinjaValue)]) {
        for (k, v) in pairs { self[.string(k)] = v }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [JinjaValue] { entries.map(\.key) }
    public var values: [JinjaValue] { entries.map(\.value) }

    private func index(of key: JinjaValue) -> Int? {
        if case let .string(s) = key { return stringIndex[s] }
        return entries.firstIndex { pyEquals($0.key, key) }
    }

    public subscript(key: JinjaValue) -> JinjaValue? {
        get { index(of: key).map { entries[$0].value } }
        set {
            if let i = index(of: key) {
                if let newValue { entries[i].value = newValue } else { remove(at: i) }
            } else if let newValue {
                if case let .string(s) = key { stringIndex[s] = entries.count }
                entries.append((key, newValue))
            }
        }
    }

    public subscript(key: String) -> JinjaValue? {
        get { self[.string(key)] }
        set { self[.string(key)] = newValue }
    }

    private mutating func remove(at i: Int) {
        entries.remove(at: i)
        stringIndex = [:]
        for (j, e) in entries.enumerated() { if case let .string(s) = e.key { stringIndex[s] = j } }
    }
}

/// `namespace(...)`: the one mutable object templates can create, shared by
/// reference so `{% set ns.x = ... %}` inside a loop is seen after it.
public final class JinjaNamespace: @unchecked Sendable {
    var attributes: JinjaDict
    init(_ attributes: JinjaDict) { self.attributes = attributes }
}

/// Positional and keyword arguments of one call, after `*args`/`**kwargs` expansion.
public struct JinjaArguments {
    public var positional: [JinjaValue]
    public var keywords: [(String, JinjaValue)]

    public init(_ positional: [JinjaValue] = [], keywords: [(String, JinjaValue)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// Python-style binding of these arguments to named parameters with defaults;
    /// throws on unknown, duplicate or missing arguments like Python does.
    func bind(_ function: String, _ parameters: [(String, JinjaValue?)]) throws -> [JinjaValue] {
        if positional.count > parameters.count {
            throw TemplateError.runtime("\(function)() takes at most \(parameters.count) arguments (\(positional.count) given)")
        }
        var bound: [JinjaValue?] = positional.map { $0 } + Array(repeating: nil, count: parameters.count - positional.count)
        for (name, value) in keywords {
            guard let i = parameters.firstIndex(where: { $0.0 == name }) else {
                throw TemplateError.runtime("\(function)() got an unexpected keyword argument '\(name)'")
            }
            if bound[i] != nil { throw TemplateError.runtime("\(function)() got multiple values for argument '\(name)'") }
            bound[i] = value
        }
        return try zip(bound, parameters).map { value, parameter in
            if let v = value ?? parameter.1 { return v }
            throw TemplateError.runtime("\(function)() missing required argument: '\(parameter.0)'")
        }
    }
}

/// A callable value: a builtin (global function or bound method) or a template macro.
public final class JinjaFunction: @unchecked Sendable {
    enum Body {
        case builtin((JinjaArguments) throws -> JinjaValue)
        case macro(MacroDefinition, Scope)
    }

    let name: String
    let body: Body
    /// Attributes of a callable object; jinja2's `loop` is both callable
    /// (in recursive loops) and has `index`, `first`, ...
    let attributes: JinjaDict

    init(_ name: String, attributes: JinjaDict = JinjaDict(), _ body: @escaping (JinjaArguments) throws -> JinjaValue) {
        self.name = name
        self.body = .builtin(body)
        self.attributes = attributes
    }

    init(macro: MacroDefinition, scope: Scope) {
        self.name = macro.name
        self.body = .macro(macro, scope)
        self.attributes = JinjaDict()
    }
}

/// Literals make messages easy to write: `["role": "user", "content": "Hi"]`.
/// (No `nil` literal: it would be ambiguous with a missing Optional value.)
extension JinjaValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JinjaValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, JinjaValue)...) { self = .dict(JinjaDict(elements)) }
}
