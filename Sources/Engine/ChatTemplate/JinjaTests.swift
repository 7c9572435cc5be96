/// jinja2's builtin tests (`x is defined`, `n is divisibleby 3`, ...), from jinja2/tests.py.
extension Interpreter {
    func applyTest(_ name: String, to value: JinjaValue, _ args: JinjaArguments, _ span: TemplateSpan) throws -> Bool {
        func argument() throws -> JinjaValue {
            guard let a = args.positional.first ?? args.keywords.first?.1 else {
                throw TemplateError.runtime("test '\(name)' needs an argument", span)
            }
            return a
        }
        switch name {
        case "defined": return !value.isUndefined
        case "undefined": return value.isUndefined
        case "none": return value.isNoneValue
        case "boolean": if case .bool = value { return true } else { return false }
        case "true": if case .bool(true) = value { return true } else { return false }
        case "false": if case .bool(false) = value { return true } else { return false }
        case "integer": if case .int = value { return true } else { return false }
        case "float": if case .float = value { return true } else { return false }
        case "number": return value.numericValue != nil
        case "string": if case .string = value { return true } else { return false }
        case "mapping": if case .dict = value { return true } else { return false }
        case "sequence":
            switch value {
            case .string, .list, .tuple, .dict: return true
            default: return false
            }
        case "iterable":
            switch value {
            case .string, .list, .tuple, .dict, .undefined: return true
            default: return false
            }
        case "callable": if case .function = value { return true } else { return false }
        case "odd", "even":
            guard let i = value.intValue else {
                if case let .undefined(m) = value { throw TemplateError.runtime(m, span) }
                throw TemplateError.runtime("test '\(name)' needs an integer, got \(value.typeName)", span)
            }
            return (i % 2 != 0) == (name == "odd")
        case "divisibleby":
            guard let i = value.intValue, let n = try argument().intValue, n != 0 else {
                throw TemplateError.runtime("divisibleby needs integers and a non-zero divisor", span)
            }
            return i % n == 0
        case "lower": return value.pyStr.lowercased() == value.pyStr && value.pyStr.contains { $0.isLetter }
        case "upper": return value.pyStr.uppercased() == value.pyStr && value.pyStr.contains { $0.isLetter }
        case "escaped": return false
        case "sameas":
            let other = try argument()
            switch (value, other) {
            case (.none, .none), (.undefined, .undefined): return true
            case let (.bool(a), .bool(b)): return a == b
            case let (.namespace(a), .namespace(b)): return a === b
            case let (.function(a), .function(b)): return a === b
            default: return false
            }
        case "in": return try contains(try argument(), value, span)
        case "==", "eq", "equalto": return pyEquals(value, try argument())
        case "!=", "ne": return !pyEquals(value, try argument())
        case "<", "lt", "lessthan": return try compare("<", value, try argument(), span)
        case "<=", "le": return try compare("<=", value, try argument(), span)
        case ">", "gt", "greaterthan": return try compare(">", value, try argument(), span)
        case ">=", "ge": return try compare(">=", value, try argument(), span)
        case "filter": return Interpreter.filterNames.contains(value.pyStr)
        case "test": return Interpreter.testNames.contains(value.pyStr)
        default: throw TemplateError.runtime("No test named '\(name)' found.", span)
        }
    }

    static let testNames: Set<String> = [
        "defined", "undefined", "none", "boolean", "true", "false", "integer", "float", "number", "string",
        "mapping", "sequence", "iterable", "callable", "odd", "even", "divisibleby", "lower", "upper", "escaped",
        "sameas", "in", "==", "eq", "equalto", "!=", "ne", "<", "lt", "lessthan", "<=", "le", ">", "gt",
        "greaterthan", ">=", "ge", "filter", "test",
    ]

    static let filterNames: Set<String> = [
        "trim", "length", "count", "upper", "lower", "title", "capitalize", "string", "safe", "e", "escape",
        "forceescape", "default", "d", "join", "first", "last", "list", "reverse", "items", "int", "float", "abs",
        "round", "replace", "indent", "tojson", "map", "select", "reject", "selectattr", "rejectattr", "unique",
        "sort", "dictsort", "sum", "min", "max", "batch", "wordcount", "center", "format", "attr", "pprint",
    ]
}
