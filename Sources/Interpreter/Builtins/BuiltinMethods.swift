import BigInt
import Foundation

/// Installs the methods of every builtin type (once per process).
enum BuiltinMethods {
    static func installAll() {
        TypeConstructors.install()
        StrMethods.install()
        ContainerMethods.install()
        installNumbers()
        installGenerators()
        installMisc()
        PyFile.install()
    }

    private static func installMisc() {
        TypeConstructors.def(T.slice, "indices", "self, length") { rt, a in
            guard case .object(let o) = a[0], let s = o as? PySlice else { return .none }
            let (start, stop, step, _) = try rt.sliceIndices(s, rt.toInt(a[1]))
            return .object(PyTuple([.int(start), .int(stop), .int(step)]))
        }
        TypeConstructors.def(T.range, "index", "self, value") { rt, a in
            guard case .object(let o) = a[0], let r = o as? PyRange else { return .none }
            if case .int(let v) = a[1], try rt.contains(a[0], a[1]) { return .int((v - r.start) / r.step) }
            throw PyError.valueError("\(try rt.repr(a[1])) is not in range")
        }
        T.bytes.dict["fromhex"] = .object(PyClassMethod(.object(makeBuiltin("fromhex", "cls, string, /") { rt, a in
            let hex = try rt.toStr(a[1]).filter { !$0.isWhitespace }
            guard hex.count % 2 == 0 else { throw PyError.valueError("non-hexadecimal number found in fromhex() arg at position \(hex.count)") }
            var bytes: [UInt8] = []
            var i = hex.startIndex
            while i < hex.endIndex {
                let j = hex.index(i, offsetBy: 2)
                guard let b = UInt8(hex[i..<j], radix: 16) else { throw PyError.valueError("non-hexadecimal number found in fromhex() arg") }
                bytes.append(b)
                i = j
            }
            return .object(PyBytes(bytes))
        })))
        TypeConstructors.def(T.range, "count", "self, value") { rt, a in .int(try rt.contains(a[0], a[1]) ? 1 : 0) }
        // bytes: the text methods, applied to the bytes as Latin-1 text.
        for name in ["upper", "lower", "strip", "lstrip", "rstrip", "split", "rsplit", "replace", "startswith", "endswith",
                     "find", "rfind", "index", "count", "join", "isdigit", "isalpha", "isspace", "title", "capitalize",
                     "splitlines", "partition", "center", "ljust", "rjust", "zfill"] {
            guard case .object(let o)? = T.str.dict[name], let strMethod = o as? PyBuiltin else { continue }
            T.bytes.dict[name] = .object(PyBuiltin(name: name, signature: strMethod.signature, defaults: strMethod.defaults) { rt, a in
                func toText(_ v: Value) -> Value {
                    if case .object(let bo) = v, let b = bo as? PyBytes { return .str(String(String.UnicodeScalarView(b.bytes.map { Unicode.Scalar($0) }))) }
                    if case .object(let lo) = v, let l = lo as? PyList { return .object(PyList(l.items.map(toText))) }
                    if case .object(let to) = v, let t = to as? PyTuple { return .object(PyTuple(t.items.map(toText))) }
                    return v
                }
                func toBytes(_ v: Value) -> Value {
                    if case .object(let so) = v, let s = so as? PyStr { return .object(PyBytes(s.value.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })) }
                    if case .object(let lo) = v, let l = lo as? PyList { return .object(PyList(l.items.map(toBytes))) }
                    if case .object(let to) = v, let t = to as? PyTuple { return .object(PyTuple(t.items.map(toBytes))) }
                    return v
                }
                return toBytes(try strMethod.impl(rt, a.map(toText)))
            })
        }
    }

    private static func installNumbers() {
        TypeConstructors.def(T.int, "bit_length", "self") { _, a in
            guard let b = Arith.big(a[0]) else { return .int(0) }
            return .int(b.isZero ? 0 : b.magnitude.bitWidth)
        }
        TypeConstructors.def(T.int, "to_bytes", "self, length=1, byteorder='big', *, signed=False") { rt, a in
            let n = try rt.toInt(a[0]), len = try rt.toInt(a[1])
            var bytes = (0..<len).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) }
            if try rt.toStr(a[2]) == "big" { bytes.reverse() }
            return .object(PyBytes(bytes))
        }
        TypeConstructors.def(T.int, "conjugate", "self") { _, a in a[0] }
        TypeConstructors.def(T.int, "__index__", "self") { _, a in a[0] }
        TypeConstructors.def(T.int, "__int__", "self") { _, a in a[0] }
        TypeConstructors.def(T.int, "__float__", "self") { rt, a in .float(try rt.toDouble(a[0])) }
        TypeConstructors.def(T.int, "__add__", "self, other") { rt, a in try rt.binary(.add, a[0], a[1]) }
        TypeConstructors.def(T.int, "__mul__", "self, other") { rt, a in try rt.binary(.multiply, a[0], a[1]) }
        TypeConstructors.def(T.int, "__hash__", "self") { rt, a in .int(try rt.hash(a[0])) }
        TypeConstructors.def(T.int, "__eq__", "self, other") { rt, a in .bool(try rt.equals(a[0], a[1])) }
        TypeConstructors.def(T.int, "__lt__", "self, other") { rt, a in try rt.compare(.less, a[0], a[1]) }
        TypeConstructors.def(T.int, "__repr__", "self") { rt, a in .str(try rt.repr(a[0])) }
        T.int.dict["from_bytes"] = .object(PyClassMethod(.object(makeBuiltin("from_bytes", "cls, bytes, byteorder='big', *, signed=False") { rt, a in
            var bytes = try rt.iterate(a[1]).map { try rt.toInt($0) }
            if try rt.toStr(a[2]) == "little" { bytes.reverse() }
            var r = BigInt(0)
            for b in bytes { r = r << 8 + BigInt(b) }
            if try rt.truthy(a[3]), let first = bytes.first, first >= 128 { r -= BigInt(1) << (8 * bytes.count) }
            return .bigint(r)
        })))
        TypeConstructors.def(T.float, "is_integer", "self") { rt, a in
            let d = try rt.toDouble(a[0])
            return .bool(d.isFinite && d == d.rounded())
        }
        TypeConstructors.def(T.float, "as_integer_ratio", "self") { rt, a in
            let d = try rt.toDouble(a[0])
            guard d.isFinite else { throw PyError.overflow("cannot convert Infinity to integer ratio") }
            var num = d, den = BigInt(1)
            while num != num.rounded() {
                num *= 2
                den *= 2
            }
            var n = BigInt(num)
            let g = n.greatestCommonDivisor(with: den)
            n /= g
            return .object(PyTuple([.bigint(n), .bigint(den / g)]))
        }
        TypeConstructors.def(T.float, "hex", "self") { rt, a in
            .str(CFormat.double("%a", try rt.toDouble(a[0])))
        }
        TypeConstructors.def(T.float, "conjugate", "self") { _, a in a[0] }
        TypeConstructors.def(T.float, "__float__", "self") { _, a in a[0] }
        TypeConstructors.def(T.float, "__int__", "self") { rt, a in try rt.intConstructor(a[0], .object(Missing.value)) }
        TypeConstructors.def(T.float, "__repr__", "self") { rt, a in .str(try rt.repr(a[0])) }
        T.float.dict["fromhex"] = .object(PyClassMethod(.object(makeBuiltin("fromhex", "cls, s") { rt, a in
            guard let d = Double(try rt.toStr(a[1])) else { throw PyError.valueError("invalid hexadecimal floating-point string") }
            return .float(d)
        })))
    }

    private static func installGenerators() {
        func gen(_ v: Value) throws -> PyGenerator {
            guard case .object(let o) = v, let g = o as? PyGenerator else { throw PyError.typeError("expected a generator") }
            return g
        }
        TypeConstructors.def(T.generator, "__next__", "self") { _, a in
            guard let v = try gen(a[0]).next() else { throw PyError(PyException(cls: T.stopIteration)) }
            return v
        }
        TypeConstructors.def(T.generator, "__iter__", "self") { _, a in a[0] }
        TypeConstructors.def(T.generator, "send", "self, value") { _, a in
            let g = try gen(a[0])
            guard let v = try g.resume(send: a[1], throwing: nil) else {
                let rv = g.channel.returnValue
                throw PyError(PyException(cls: T.stopIteration, args: rv.isNone ? [] : [rv]))
            }
            return v
        }
        TypeConstructors.def(T.generator, "throw", "self, type, value=None, tb=None") { rt, a in
            let g = try gen(a[0])
            var exc = try rt.makeException(a[1])
            if !a[2].isNone, case .object(let o) = a[1], o is PyClass { exc = try rt.makeException(rt.call(a[1], [a[2]])) }
            guard let v = try g.resume(send: .none, throwing: exc) else { throw PyError(PyException(cls: T.stopIteration)) }
            return v
        }
        TypeConstructors.def(T.generator, "close", "self") { _, a in
            try gen(a[0]).close()
            return .none
        }
        for c in [T.iterator, T.generatorExpression, T.reversedIterator, T.enumerateIterator, T.zipIterator,
                  T.mapIterator, T.filterIterator, T.callableIterator] {
            TypeConstructors.def(c, "__next__", "self") { _, a in
                guard case .object(let o) = a[0], let it = o as? PyIterator else { throw PyError.typeError("expected an iterator") }
                guard let v = try it.next() else { throw PyError(PyException(cls: T.stopIteration)) }
                return v
            }
            TypeConstructors.def(c, "__iter__", "self") { _, a in a[0] }
        }
    }
}
