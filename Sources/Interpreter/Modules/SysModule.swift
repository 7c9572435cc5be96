import Foundation

/// `sys`: argv, the standard streams, exit, version and limits.
enum SysModule: NativeModule {
    static let name = "sys"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        m.value("argv", .object(PyList(rt.argv.map { .str($0) })))
        m.value("stdout", .object(StdStream(.stdout)))
        m.value("stderr", .object(StdStream(.stderr)))
        m.value("__stdout__", m.module.namespace.values["stdout"] ?? .none)
        m.value("__stderr__", m.module.namespace.values["stderr"] ?? .none)
        m.value("version", .str("3.11.7 (sftnb)"))
        m.value("version_info", .object(PyTuple([.int(3), .int(11), .int(7), .str("final"), .int(0)])))
        m.value("platform", .str("linux"))
        m.value("maxsize", .int(Int.max))
        m.value("byteorder", .str("little"))
        m.value("executable", .str(CommandLine.arguments.first ?? "sftnb"))
        m.value("path", .object(PyList(rt.searchPaths.map { .str($0) })))
        let loaded = PyDict()
        for (name, module) in rt.modules.sorted(by: { $0.key < $1.key }) { loaded.setString(name, .object(module)) }
        loaded.setString("sys", .object(m.module))
        m.value("modules", .object(loaded))
        m.value("float_info", .object(PyTuple([.float(Double.greatestFiniteMagnitude)])))
        m.function("exit", "status=None") { _, a in
            throw PyError(PyException(cls: T.systemExit, args: a[0].isNone ? [] : [a[0]]))
        }
        m.function("getrecursionlimit", "") { rt, _ in .int(rt.recursionLimit) }
        m.function("setrecursionlimit", "limit") { rt, a in
            let n = try rt.toInt(a[0])
            if n < 1 { throw PyError.valueError("recursion limit must be greater or equal than 1") }
            rt.recursionLimit = min(n, 20_000)
            return .none
        }
        m.function("getsizeof", "obj, default=None") { _, _ in .int(64) }
        m.function("exc_info", "") { rt, _ in
            guard let e = rt.handling.last else { return .object(PyTuple([.none, .none, .none])) }
            return .object(PyTuple([.object(e.cls), .object(e), .none]))
        }
        m.function("intern", "s") { _, a in a[0] }
        return m.module
    }
}

/// `warnings.warn` prints CPython's one-line warning to stderr.
enum WarningsModule: NativeModule {
    static let name = "warnings"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        m.function("warn", "message, category=None, stacklevel=1, source=None") { rt, a in
            var category = "UserWarning"
            if case .object(let o) = a[1], let c = o as? PyClass { category = c.name }
            var text = try rt.str(a[0])
            if case .object(let o) = a[0], let e = o as? PyException {
                category = e.cls.name
                text = try rt.exceptionStr(e)
            }
            rt.output("sftnb: \(category): \(text)\n", .stderr)
            return .none
        }
        m.function("filterwarnings", "action, message='', category=None, module='', lineno=0, append=False") { _, _ in .none }
        m.function("simplefilter", "action, category=None, lineno=0, append=False") { _, _ in .none }
        return m.module
    }
}

/// `time`: clocks and sleep (interruptible).
enum TimeModule: NativeModule {
    static let name = "time"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        m.function("time", "") { _, _ in .float(Date().timeIntervalSince1970) }
        m.function("time_ns", "") { _, _ in .int(Int(Date().timeIntervalSince1970 * 1e9)) }
        m.function("perf_counter", "") { _, _ in .float(monotonic()) }
        m.function("perf_counter_ns", "") { _, _ in .int(Int(monotonic() * 1e9)) }
        m.function("monotonic", "") { _, _ in .float(monotonic()) }
        m.function("process_time", "") { _, _ in .float(Double(clock()) / Double(CLOCKS_PER_SEC)) }
        m.function("sleep", "secs") { rt, a in
            var remaining = try rt.toDouble(a[0])
            if remaining < 0 { throw PyError.valueError("sleep length must be non-negative") }
            while remaining > 0 {
                try rt.checkInterrupt()
                let step = min(remaining, 0.05)
                Thread.sleep(forTimeInterval: step)
                remaining -= step
            }
            return .none
        }
        m.function("_gmtime", "secs, local") { rt, a in
            var t = a[0].isNone ? time(nil) : time_t(try rt.toDouble(a[0]).rounded(.down))
            var tmValue = tm()
            if try rt.truthy(a[1]) { localtime_r(&t, &tmValue) } else { gmtime_r(&t, &tmValue) }
            let fields = [Int(tmValue.tm_year) + 1900, Int(tmValue.tm_mon) + 1, Int(tmValue.tm_mday), Int(tmValue.tm_hour),
                          Int(tmValue.tm_min), Int(tmValue.tm_sec), (Int(tmValue.tm_wday) + 6) % 7, Int(tmValue.tm_yday) + 1,
                          Int(tmValue.tm_isdst)]
            return .object(PyTuple(fields.map { .int($0) }))
        }
        m.function("_strftime", "format, t") { rt, a in
            let fmt = try rt.toStr(a[0])
            let f = try rt.iterate(a[1]).map { try rt.toInt($0) }
            guard f.count >= 9 else { throw PyError.typeError("strftime() needs a 9-field time tuple") }
            var tmValue = tm()
            tmValue.tm_year = Int32(f[0] - 1900)
            tmValue.tm_mon = Int32(f[1] - 1)
            tmValue.tm_mday = Int32(f[2])
            tmValue.tm_hour = Int32(f[3])
            tmValue.tm_min = Int32(f[4])
            tmValue.tm_sec = Int32(f[5])
            tmValue.tm_wday = Int32((f[6] + 1) % 7)
            tmValue.tm_yday = Int32(f[7] - 1)
            tmValue.tm_isdst = Int32(f[8])
            var buffer = [Int8](repeating: 0, count: 512)
            let n = strftime(&buffer, 512, fmt, &tmValue)
            return .str(String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return m.module
    }

    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// `string`: the character-class constants and `capwords`.
enum StringModule: NativeModule {
    static let name = "string"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        let lower = "abcdefghijklmnopqrstuvwxyz", upper = lower.uppercased(), digits = "0123456789"
        let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
        m.value("ascii_lowercase", .str(lower))
        m.value("ascii_uppercase", .str(upper))
        m.value("ascii_letters", .str(lower + upper))
        m.value("digits", .str(digits))
        m.value("hexdigits", .str("0123456789abcdefABCDEF"))
        m.value("octdigits", .str("01234567"))
        m.value("punctuation", .str(punctuation))
        m.value("whitespace", .str(" \t\n\r\u{0B}\u{0C}"))
        m.value("printable", .str(digits + lower + upper + punctuation + " \t\n\r\u{0B}\u{0C}"))
        m.function("capwords", "s, sep=None") { rt, a in
            let words = try StrMethods.split(rt, rt.toStr(a[0]), a[1], -1)
            let joined = words.map { w in w.prefix(1).uppercased() + w.dropFirst().lowercased() }
            return .str(joined.joined(separator: a[1].isNone ? " " : try rt.toStr(a[1])))
        }
        return m.module
    }
}
