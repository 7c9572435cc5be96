/// `datasets`' split strings: `"train"`, `"train[:500]"`, `"train[10%:20%]"`,
/// `"train[-100:]"`, `"train[:33%](pct1_dropremainder)"`, `"train+test[:10]"` (the
/// grammar and arithmetic of `datasets.ReadInstruction`): absolute bounds clamp to the
/// split; negative bounds count from the end; percent bounds become
/// `round(p * n / 100)` with Python's half-to-even rounding ("closest"), or
/// `p * trunc(n / 100)` with "pct1_dropremainder".
public struct SplitSpec: Equatable, Sendable {
    public struct Part: Equatable, Sendable {
        public var split: String
        public var from: Int?
        public var to: Int?
        public var percent: Bool
        public var dropRemainder: Bool
    }

    public let parts: [Part]

    public init(_ spec: String) throws {
        let subs = spec.split(separator: "+", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        parts = try subs.map { try SplitSpec.parsePart(String($0), whole: spec) }
    }

    private static func parsePart(_ s: String, whole: String) throws -> Part {
        let bad = DataError.value("Unrecognized instruction format: \(s)")
        var rest = Substring(s)
        var rounding: String? = nil
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
            rounding = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            rest = rest[..<open]
        }
        var name = rest, from: Int? = nil, to: Int? = nil, fromPct = false, toPct = false
        if rest.hasSuffix("]"), let open = rest.firstIndex(of: "[") {
            name = rest[..<open]
            let inner = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            let bounds = inner.split(separator: ":", omittingEmptySubsequences: false)
            guard bounds.count == 2 else { throw bad }
            func bound(_ b: Substring) throws -> (Int?, Bool) {
                if b.isEmpty { return (nil, false) }
                let pct = b.hasSuffix("%")
                let digits = (pct ? b.dropLast() : b).replacingOccurrences(of: "_", with: "")
                let body = digits.hasPrefix("-") ? digits.dropFirst() : Substring(digits)
                guard !body.isEmpty, body.allSatisfy(\.isASCII), body.allSatisfy(\.isNumber), let v = Int(digits) else { throw bad }
                return (v, pct)
            }
            (from, fromPct) = try bound(bounds[0])
            (to, toPct) = try bound(bounds[1])
        } else if rounding != nil { throw bad }
        let nameOK = !name.isEmpty && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        guard nameOK else { throw bad }
        let percent = fromPct || toPct
        if let r = rounding {
            guard r == "closest" || r == "pct1_dropremainder" else {
                throw DataError.value("rounding must be either closest or pct1_dropremainder")
            }
            if !percent { throw DataError.value("It is forbidden to specify rounding if not using percent slicing.") }
        }
        if percent, (from.map { abs($0) > 100 } ?? false) || (to.map { abs($0) > 100 } ?? false) {
            throw DataError.value("Percent slice boundaries must be > -100 and < 100.")
        }
        return Part(split: String(name), from: from, to: to, percent: percent, dropRemainder: rounding == "pct1_dropremainder")
    }

    /// The row range each part selects, given the sizes of the available splits.
    /// `take` is `to - from` before clamping at zero: `datasets` reads nothing (an error)
    /// when every part has take 0, but a reversed slice like `[20:10]` gives zero rows.
    public func ranges(sizes: [String: Int], order: [String]) throws -> [(split: String, range: Range<Int>, take: Int)] {
        try parts.map { p in
            guard let n = sizes[p.split] else {
                throw DataError.value("Unknown split \"\(p.split)\". Should be one of \(pythonList(order)).")
            }
            func absolute(_ b: Int?, default d: Int) throws -> Int {
                guard let b else { return d }
                if !p.percent { return b }
                if p.dropRemainder {
                    if n < 100 {
                        throw DataError.value("Using \"pct1_dropremainder\" rounding on a split with less than 100 elements is forbidden: it always results in an empty dataset.")
                    }
                    return b * (n / 100)
                }
                return Int((Double(b) * Double(n) / 100.0).rounded(.toNearestOrEven))
            }
            var from = try absolute(p.from, default: 0)
            var to = try absolute(p.to, default: n)
            if from < 0 { from = max(n + from, 0) }
            if to < 0 { to = max(n + to, 0) }
            from = min(from, n); to = min(to, n)
            return (p.split, from..<max(from, to), to - from)
        }
    }
}
