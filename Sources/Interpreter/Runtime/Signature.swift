/// The one argument binder, shared by `def` functions, lambdas, builtins and native
/// classes: Python's rules for positional, keyword, default, `*args` and `**kwargs`
/// arguments, with CPython's `TypeError` messages.
///
/// Bound values land in a flat array in declaration order: positional parameters, the
/// `*args` tuple if declared, keyword-only parameters, then the `**kwargs` dict.
struct Signature {
    /// For messages: `f`, `A.method`.
    var name: String
    var names: [String]
    var positionalOnlyCount: Int
    /// Positional-only plus regular parameters.
    var positionalCount: Int
    var keywordOnlyCount: Int
    var hasVarArgs: Bool
    var hasVarKeywords: Bool

    var slotCount: Int { names.count + (hasVarArgs ? 1 : 0) + (hasVarKeywords ? 1 : 0) }
    var varArgsSlot: Int { positionalCount }
    var varKeywordsSlot: Int { slotCount - 1 }

    /// The slot of named parameter `i` (keyword-only ones sit after the `*args` slot).
    @inline(__always) func slot(_ i: Int) -> Int {
        i < positionalCount || !hasVarArgs ? i : i + 1
    }

    /// A signature from a Python-style declaration such as `"self, sep=None, maxsplit=-1"`,
    /// `"*args, key=None, **kwargs"`, `"x, /"`. Defaults may be None, True, False, ints,
    /// floats or quoted strings; they are returned alongside.
    static func parse(_ name: String, _ declaration: String) -> (Signature, [Value?]) {
        var sig = Signature(name: name, names: [], positionalOnlyCount: 0, positionalCount: 0,
                            keywordOnlyCount: 0, hasVarArgs: false, hasVarKeywords: false)
        var defaults: [Value?] = []
        var keywordOnly = false
        for rawPart in declaration.split(separator: ",") {
            let part = rawPart.trimmingCharacters(in: .whitespaces)
            if part.isEmpty { continue }
            if part == "/" {
                sig.positionalOnlyCount = sig.names.count
            } else if part == "*" {
                keywordOnly = true
            } else if part.hasPrefix("**") {
                sig.hasVarKeywords = true
            } else if part.hasPrefix("*") {
                sig.hasVarArgs = true
                keywordOnly = true
            } else {
                let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                sig.names.append(pieces[0])
                defaults.append(pieces.count > 1 ? parseDefault(pieces[1]) : nil)
                if keywordOnly { sig.keywordOnlyCount += 1 } else { sig.positionalCount += 1 }
            }
        }
        return (sig, defaults)
    }

    private static func parseDefault(_ text: String) -> Value {
        switch text {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "<missing>": return .object(Missing.value)
        case "()": return .object(PyTuple.empty)
        default:
            if let i = Int(text) { return .int(i) }
            if let d = Double(text) { return .float(d) }
            if text.count >= 2, text.first == "'" || text.first == "\"" {
                return .str(String(text.dropFirst().dropLast()))
            }
            return .none
        }
    }

    /// Binds arguments into `slots` (which must have `slotCount` elements).
    func bind(_ args: [Value], _ kwargs: [(String, Value)], defaults: [Value?], into slots: inout [Value],
              offset: Int = 0) throws {
        let nPos = args.count
        if nPos > positionalCount && !hasVarArgs {
            throw tooManyPositional(given: nPos, defaults: defaults, kwargs: kwargs)
        }
        let direct = min(nPos, positionalCount)
        var filled = [Bool](repeating: false, count: names.count)
        for i in 0..<direct {
            slots[offset + i] = args[i]
            filled[i] = true
        }
        if hasVarArgs {
            slots[offset + varArgsSlot] = .object(nPos > positionalCount ? PyTuple(Array(args[positionalCount...])) : PyTuple.empty)
        }
        var extra: PyDict?
        if hasVarKeywords {
            extra = PyDict()
            slots[offset + varKeywordsSlot] = .object(extra!)
        }
        var positionalOnlyPassedByKeyword: [String] = []
        for (key, value) in kwargs {
            if let i = names.firstIndex(of: key), i >= positionalOnlyCount {
                if filled[i] { throw PyError.typeError("\(name)() got multiple values for argument '\(key)'") }
                slots[offset + slot(i)] = value
                filled[i] = true
            } else if let extra = extra {
                try extra.setItem(.str(key), value)
            } else if names.prefix(positionalOnlyCount).contains(key) {
                positionalOnlyPassedByKeyword.append(key)
            } else {
                throw PyError.typeError("\(name)() got an unexpected keyword argument '\(key)'")
            }
        }
        if !positionalOnlyPassedByKeyword.isEmpty {
            throw PyError.typeError("\(name)() got some positional-only arguments passed as keyword arguments: '"
                + positionalOnlyPassedByKeyword.joined(separator: ", ") + "'")
        }
        var missingPositional: [String] = []
        var missingKeyword: [String] = []
        for i in 0..<names.count where !filled[i] {
            if let d = defaults[i] {
                slots[offset + slot(i)] = d
            } else if i < positionalCount {
                missingPositional.append(names[i])
            } else {
                missingKeyword.append(names[i])
            }
        }
        if !missingPositional.isEmpty {
            throw missing(missingPositional, kind: "positional")
        }
        if !missingKeyword.isEmpty {
            throw missing(missingKeyword, kind: "keyword-only")
        }
    }

    private func missing(_ names: [String], kind: String) -> PyError {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
        }
        let plural = names.count == 1 ? "argument" : "arguments"
        return PyError.typeError("\(name)() missing \(names.count) required \(kind) \(plural): \(list)")
    }

    private func tooManyPositional(given: Int, defaults: [Value?], kwargs: [(String, Value)]) -> PyError {
        let required = (0..<positionalCount).filter { defaults[$0] == nil }.count
        let takes: String
        if required == positionalCount {
            takes = "\(positionalCount) positional argument\(positionalCount == 1 ? "" : "s")"
        } else {
            takes = "from \(required) to \(positionalCount) positional arguments"
        }
        let given = "\(given) \(given == 1 ? "was" : "were") given"
        return PyError.typeError("\(name)() takes \(takes) but \(given)")
    }
}
