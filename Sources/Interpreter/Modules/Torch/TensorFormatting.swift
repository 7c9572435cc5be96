import Foundation

/// `repr(tensor)` exactly as torch prints it with its default print options (precision 4,
/// line width 80, summarised with "..." past 1000 elements, 3 edge items): scripts print
/// tensors, and their output is compared with CPython's.
enum TensorFormatting {
    static let lineWidth = 80
    static let threshold = 1000
    static let edgeItems = 3

    static func repr(_ t: PyTensor) -> String {
        let prefix = "tensor("
        let indent = prefix.count
        let summarize = t.count > threshold
        var suffixes: [String] = []
        var body: String
        if t.count == 0 {
            body = "[]"
            if t.shape.count != 1 {
                let dims = t.shape.map(String.init).joined(separator: ", ")
                suffixes.append("size=(\(t.shape.count == 1 ? dims + "," : dims))")
            }
            if t.dtype != .float32 { suffixes.append("dtype=\(t.dtype.repr)") }
        } else {
            let formatter = Formatter(t.dtype, values: summarize ? summarizedValues(t) : t.values)
            body = format(t, offset: 0, dims: Array(t.shape.indices), indent: indent, summarize: summarize, formatter: formatter)
            if ![.float32, .int64, .bool].contains(t.dtype) { suffixes.append("dtype=\(t.dtype.repr)") }
        }
        if let gradFn = t.gradFn { suffixes.append("grad_fn=<\(gradFn)>") }
        var out = prefix + body
        for suffix in suffixes {
            let lastLine = out.split(separator: "\n", omittingEmptySubsequences: false).last.map(\.count) ?? 0
            out += lastLine + suffix.count + 2 > lineWidth ? ",\n" + String(repeating: " ", count: indent) + suffix : ", " + suffix
        }
        return out + ")"
    }

    /// torch's `_Formatter`: one width and one notation (integer, fixed, scientific) for all elements.
    struct Formatter {
        let dtype: PyTensor.DType
        var intMode = true
        var sciMode = false
        var width = 1

        init(_ dtype: PyTensor.DType, values: [Double]) {
            self.dtype = dtype
            if dtype.isFloatingPoint {
                let nonzero = values.filter { $0.isFinite && $0 != 0 }.map(abs)
                if let lo = nonzero.min(), let hi = nonzero.max() {
                    intMode = nonzero.allSatisfy { $0 == $0.rounded(.up) }
                    sciMode = intMode ? (hi / lo > 1000 || hi > 1e8) : (hi / lo > 1000 || hi > 1e8 || lo < 1e-4)
                }
            }
            // Float widths come from the nonzero finite values only: zeros, inf and nan print unpadded.
            let measured = dtype.isFloatingPoint ? values.filter { $0.isFinite && $0 != 0 } : values
            width = measured.reduce(1) { max($0, plain($1).count) }
        }

        func plain(_ v: Double) -> String {
            switch dtype {
            case .bool: return v != 0 ? "True" : "False"
            case .int64, .int32: return String(PyTensor.int(v))
            default:
                if v.isNaN { return "nan" }
                if v.isInfinite { return v < 0 ? "-inf" : "inf" }
                if sciMode { return String(format: "%.4e", v) }
                if intMode { return String(format: "%.0f", v) + "." }
                return String(format: "%.4f", v)
            }
        }

        func format(_ v: Double) -> String {
            let s = plain(v)
            return String(repeating: " ", count: max(0, width - s.count)) + s
        }
    }

    /// The values torch's formatter sees when summarising: the edge items of every dimension.
    static func summarizedValues(_ t: PyTensor) -> [Double] {
        var out: [Double] = []
        func walk(_ offset: Int, _ dim: Int) {
            if dim == t.shape.count { out.append(t.values[offset]); return }
            let stride = t.strides[dim]
            for i in edgeIndices(t.shape[dim]) { walk(offset + i * stride, dim + 1) }
        }
        walk(0, 0)
        return out
    }

    static func edgeIndices(_ n: Int) -> [Int] {
        n > 2 * edgeItems ? Array(0..<edgeItems) + Array((n - edgeItems)..<n) : Array(0..<n)
    }

    static func format(_ t: PyTensor, offset: Int, dims: [Int], indent: Int, summarize: Bool, formatter: Formatter) -> String {
        guard let dim = dims.first else { return formatter.format(t.values[offset]) }
        let n = t.shape[dim], step = t.strides[dim]
        let elided = summarize && n > 2 * edgeItems
        let head = elided ? Array(0..<edgeItems) : Array(0..<n)
        let tail = elided ? Array((n - edgeItems)..<n) : []
        if dims.count == 1 {
            let perLine = max(1, (lineWidth - indent) / (formatter.width + 2))
            var items = head.map { formatter.format(t.values[offset + $0 * step]) }
            if elided { items.append(" ...") }
            items += tail.map { formatter.format(t.values[offset + $0 * step]) }
            let lines = stride(from: 0, to: items.count, by: perLine).map { items[$0..<min($0 + perLine, items.count)].joined(separator: ", ") }
            return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
        }
        let rest = Array(dims.dropFirst())
        var parts = head.map { format(t, offset: offset + $0 * step, dims: rest, indent: indent + 1, summarize: summarize, formatter: formatter) }
        if elided { parts.append("...") }
        parts += tail.map { format(t, offset: offset + $0 * step, dims: rest, indent: indent + 1, summarize: summarize, formatter: formatter) }
        let separator = "," + String(repeating: "\n", count: dims.count - 1) + String(repeating: " ", count: indent + 1)
        return "[" + parts.joined(separator: separator) + "]"
    }
}
