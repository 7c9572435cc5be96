import Foundation

/// The float64 arrays `hist` returns (numpy's `ndarray` in matplotlib): indexing, slicing,
/// iteration, `len`, `tolist()`, `sum()`/`min()`/`max()`/`mean()`/`argmax()`/`argmin()`,
/// `shape`, and numpy's printing (`array([1., 2., 4.])`, `[0.5  1.25]`, wrapped at 75
/// columns, scientific notation for wide ranges).
final class PyFloatArray: NativeObject {
    let values: [Double]

    init(_ values: [Double]) {
        self.values = values
        super.init(cls: PyFloatArray.pyClass)
    }

    override func length(_ rt: Interpreter) throws -> Int? { values.count }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        if let s = key.asObject as? PySlice { return .object(PyFloatArray(try rt.sliceItems(values, s))) }
        var i = try rt.toInt(key)
        if i < 0 { i += values.count }
        guard values.indices.contains(i) else {
            throw PyError.indexError("index \(try rt.toInt(key)) is out of bounds for axis 0 with size \(values.count)")
        }
        return .float(values[i])
    }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        var it = values.makeIterator()
        return { it.next().map { .float($0) } }
    }

    override func repr(_ rt: Interpreter) throws -> String {
        "array(" + Self.format(values, separator: ", ", indent: "       ", width: 73) + ")"
    }

    override func strValue(_ rt: Interpreter) throws -> String? {
        Self.format(values, separator: " ", indent: " ", width: 74)
    }

    /// numpy's `array2string` for a 1-D float64 array (floatmode 'maxprec', precision 8).
    static func format(_ values: [Double], separator: String, indent: String, width: Int) -> String {
        let words = elements(values)
        var text = "", line = indent
        for (i, word) in words.enumerated() {
            if line.count + word.count > width && line.count > indent.count {
                text += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
                line = indent
            }
            line += word
            if i < words.count - 1 { line += separator }
        }
        text += line
        return "[" + text.dropFirst(indent.count) + "]"
    }

    /// Each value in one shared format: positional with the integer parts right-aligned and
    /// the fractions left-aligned, or scientific when values span more than 1e3 or reach 1e8.
    static func elements(_ values: [Double]) -> [String] {
        let finite = values.filter { $0.isFinite }.map(abs)
        let maxValue = finite.max() ?? 0, minValue = finite.filter { $0 != 0 }.min() ?? 0
        let scientific = maxValue >= 1e8 || (minValue != 0 && (minValue < 1e-4 || maxValue / minValue > 1e3))
        if scientific {
            let digits = values.filter(\.isFinite).map { v -> Int in
                let mantissa = String(format: "%.8e", v).split(separator: "e")[0]
                let fraction = mantissa.split(separator: ".").dropFirst().first ?? ""
                return fraction.reversed().drop { $0 == "0" }.count
            }.max() ?? 0
            let strings = values.map { v -> String in
                guard v.isFinite else { return special(v) }
                var s = String(format: "%.\(digits)e", v)
                if digits == 0, let e = s.firstIndex(of: "e") { s.insert(".", at: e) }
                return s
            }
            let width = strings.map(\.count).max() ?? 0
            return strings.map { String(repeating: " ", count: width - $0.count) + $0 }
        }
        let parts = values.map { v -> (String, String) in
            guard v.isFinite else { return (special(v), "") }
            var s = String(format: "%.8f", v)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
            let pieces = s.split(separator: ".", omittingEmptySubsequences: false)
            return (String(pieces[0]) + ".", pieces.count > 1 ? String(pieces[1]) : "")
        }
        let left = parts.map(\.0.count).max() ?? 0, right = parts.map(\.1.count).max() ?? 0
        return parts.map { whole, fraction in
            String(repeating: " ", count: left - whole.count) + whole + fraction + String(repeating: " ", count: right - fraction.count)
        }
    }

    private static func special(_ v: Double) -> String { v.isNaN ? "nan" : v > 0 ? "inf" : "-inf" }

    static let pyClass: PyClass = NativeClass<PyFloatArray>("ndarray", module: "numpy")
        .method("tolist", "") { _, this, _ in .object(PyList(this.values.map { .float($0) })) }
        .method("sum", "") { _, this, _ in .float(this.values.reduce(0, +)) }
        .method("mean", "") { _, this, _ in .float(this.values.isEmpty ? .nan : this.values.reduce(0, +) / Double(this.values.count)) }
        .method("max", "") { _, this, _ in
            guard let m = this.values.max() else { throw PyError.valueError("zero-size array to reduction operation maximum which has no identity") }
            return .float(m)
        }
        .method("min", "") { _, this, _ in
            guard let m = this.values.min() else { throw PyError.valueError("zero-size array to reduction operation minimum which has no identity") }
            return .float(m)
        }
        .method("argmax", "") { _, this, _ in
            guard let m = this.values.max(), let i = this.values.firstIndex(of: m) else { throw PyError.valueError("attempt to get argmax of an empty sequence") }
            return .int(i)
        }
        .method("argmin", "") { _, this, _ in
            guard let m = this.values.min(), let i = this.values.firstIndex(of: m) else { throw PyError.valueError("attempt to get argmin of an empty sequence") }
            return .int(i)
        }
        .property("shape") { _, this in .object(PyTuple([.int(this.values.count)])) }
        .property("size") { _, this in .int(this.values.count) }
        .property("ndim") { _, _ in .int(1) }
        .pyClass
}
