import Foundation

/// The global functions a chat template can call: jinja2's sandbox globals
/// (`range`, `namespace`, `dict`) and transformers' additions
/// (`raise_exception`, `strftime_now`).
enum Globals {
    /// jinja2's sandbox refuses ranges longer than this (`MAX_RANGE`).
    static let maxRange = 100_000

    static func make(now: @escaping @Sendable () -> Date) -> [String: JinjaValue] {
        [
            "range": .function(JinjaFunction("range", range)),
            "namespace": .function(JinjaFunction("namespace") { args in
                .namespace(JinjaNamespace(try dictionary(args, "namespace")))
            }),
            "dict": .function(JinjaFunction("dict") { args in .dict(try dictionary(args, "dict")) }),
            "raise_exception": .function(JinjaFunction("raise_exception") { args in
                let a = try args.bind("raise_exception", [("message", nil)])
                throw TemplateError(.raised, a[0].pyStr)
            }),
            "strftime_now": .function(JinjaFunction("strftime_now") { args in
                let a = try args.bind("strftime_now", [("format", nil)])
                return .string(strftime(a[0].pyStr, now()))
            }),
        ]
    }

    private static func range(_ args: JinjaArguments) throws -> JinjaValue {
        let ints = try args.positional.map { v -> Int in
            guard let i = v.intValue else { throw TemplateError.runtime("'\(v.typeName)' object cannot be interpreted as an integer") }
            return i
        }
        let (start, stop, step): (Int, Int, Int)
        switch ints.count {
        case 1: (start, stop, step) = (0, ints[0], 1)
        case 2: (start, stop, step) = (ints[0], ints[1], 1)
        case 3: (start, stop, step) = (ints[0], ints[1], ints[2])
        default: throw TemplateError.runtime("range expected 1 to 3 arguments, got \(ints.count)")
        }
        guard step != 0 else { throw TemplateError.runtime("range() arg 3 must not be zero") }
        let span = step > 0 ? stop - start : start - stop
        let count = span <= 0 ? 0 : (span - 1) / abs(step) + 1
        guard count <= maxRange else {
            throw TemplateError.runtime("Range too big. The sandbox blocks ranges larger than MAX_RANGE (\(maxRange)).")
        }
        return .list(stride(from: start, to: stop, by: step).map(JinjaValue.int))
    }

    /// Python's `dict(mapping_or_pairs, **kwargs)`.
    private static func dictionary(_ args: JinjaArguments, _ name: String) throws -> JinjaDict {
        var d = JinjaDict()
        if args.positional.count > 1 { throw TemplateError.runtime("\(name) expected at most 1 argument, got \(args.positional.count)") }
        if let first = args.positional.first {
            switch first {
            case let .dict(m): d = m
            case let .namespace(ns): d = ns.attributes
            default:
                for pair in try first.iterate() {
                    let kv = try pair.iterate()
                    guard kv.count == 2 else { throw TemplateError.runtime("dictionary update sequence element has length \(kv.count); 2 is required") }
                    d[kv[0]] = kv[1]
                }
            }
        }
        for (k, v) in args.keywords {
            if name == "namespace", k.hasPrefix("_") {
                throw TemplateError.runtime("Chat templates cannot store underscore-prefixed attributes on a namespace, but got '\(k)'. Please rename the attribute.")
            }
            d[k] = v
        }
        return d
    }

    /// C `strftime` in local time, which Python's `datetime.now().strftime` uses.
    static func strftime(_ format: String, _ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        var buffer = [Int8](repeating: 0, count: 512)
        let n = Foundation.strftime(&buffer, buffer.count, format, &parts)
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
