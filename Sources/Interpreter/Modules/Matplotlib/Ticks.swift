import Foundation

/// Tick positions and labels chosen as matplotlib's defaults choose them, so a plot's axes
/// read the same: `MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10])` with the
/// `ScalarFormatter` for linear axes, decades with `10^k` labels for log axes.
public enum Ticks {
    /// A tick label; log axes put the exponent in `superscript` (`10` with `2` raised).
    public struct Label: Sendable, Equatable {
        public var text: String
        public var superscript: String?
        public init(_ text: String, superscript: String? = nil) {
            self.text = text
            self.superscript = superscript
        }
        /// `10^2` for log labels, the text otherwise (terminal and tests).
        public var plain: String { superscript.map { text + "^" + $0 } ?? text }
    }

    /// The ticks of one axis inside `lo...hi` (view limits), their labels, and the
    /// scientific-notation multiplier matplotlib writes at the axis end (`1e6`), if any.
    public struct Axis: Sendable {
        public var positions: [Double]
        public var labels: [Label]
        public var multiplier: String
    }

    /// matplotlib's `MaxNLocator._raw_ticks`: the smallest 'nice' step (1, 2, 2.5, 5 times a
    /// power of ten) that gives at most `nbins` intervals, backing off to smaller steps while
    /// fewer than two ticks would be visible. Returns ticks that may extend past the range.
    public static func maxN(_ vmin: Double, _ vmax: Double, nbins: Int) -> [Double] {
        var (vmin, vmax) = nonsingular(vmin, vmax, expander: 1e-13, tiny: 1e-14)
        if vmin > vmax { swap(&vmin, &vmax) }
        let n = Double(max(nbins, 1))
        let dv = abs(vmax - vmin)
        let meanv = (vmax + vmin) / 2
        let offset = abs(meanv) / dv < 100 ? 0 : copysign(pow(10, floor(log10(abs(meanv)))), meanv)
        let scale = pow(10, floor(log10(dv / n)))
        let lo = vmin - offset, hi = vmax - offset
        let steps = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20].map { $0 * scale }
        let rawStep = (hi - lo) / n
        let istep = steps.firstIndex { $0 >= rawStep } ?? steps.count - 1
        var ticks: [Double] = []
        for step in steps[...istep].reversed() {
            let best = (lo / step).rounded(.down) * step
            let low = edgeLE(lo - best, step: step, offset: offset)
            let high = edgeGE(hi - best, step: step, offset: offset)
            ticks = stride(from: low, through: high, by: 1).map { $0 * step + best }
            if ticks.filter({ $0 <= hi && $0 >= lo }).count >= 2 { break }
        }
        return ticks.map { $0 + offset }
    }

    private static func closeTo(_ ms: Double, _ edge: Double, step: Double, offset: Double) -> Bool {
        var tol = 1e-10
        if offset != 0 { tol = min(0.4999, max(1e-10, pow(10, log10(abs(offset) / step) - 12))) }
        return abs(ms - edge) < tol
    }

    /// The largest n with n*step <= x (with floating-point slack).
    private static func edgeLE(_ x: Double, step: Double, offset: Double) -> Double {
        let d = (x / step).rounded(.down), m = x - d * step
        return closeTo(m / step, 1, step: step, offset: offset) ? d + 1 : d
    }

    /// The smallest n with n*step >= x.
    private static func edgeGE(_ x: Double, step: Double, offset: Double) -> Double {
        let d = (x / step).rounded(.down), m = x - d * step
        return closeTo(m / step, 0, step: step, offset: offset) ? d : d + 1
    }

    /// matplotlib's `transforms.nonsingular`: widens an empty or degenerate range.
    public static func nonsingular(_ vmin: Double, _ vmax: Double, expander: Double, tiny: Double = 1e-15) -> (Double, Double) {
        guard vmin.isFinite, vmax.isFinite else { return (-expander, expander) }
        var (lo, hi) = vmin <= vmax ? (vmin, vmax) : (vmax, vmin)
        let maxabs = max(abs(lo), abs(hi))
        if maxabs < (1e6 / tiny) * Double.leastNormalMagnitude {
            return (-expander, expander)
        }
        if hi - lo <= maxabs * tiny {
            if hi == 0 && lo == 0 { return (-expander, expander) }
            lo -= expander * abs(lo)
            hi += expander * abs(hi)
        }
        return (lo, hi)
    }

    /// Ticks and labels of a linear axis showing `lo...hi`, `nbins` as matplotlib derives it
    /// from the axis length (`PlotLayout.binCount`).
    public static func linear(_ lo: Double, _ hi: Double, nbins: Int) -> Axis {
        let (a, b) = (min(lo, hi), max(lo, hi))
        let slack = (b - a) * 1e-10
        let visible = maxN(lo, hi, nbins: nbins).filter { $0 >= a - slack && $0 <= b + slack }
        let (labels, multiplier) = scalarLabels(visible, lo: a, hi: b)
        return Axis(positions: visible, labels: labels, multiplier: multiplier)
    }

    /// matplotlib's `ScalarFormatter` (no offset): one format with as few decimals as show
    /// every tick exactly, scientific notation outside 1e-5...1e6, U+2212 for minus.
    static func scalarLabels(_ locs: [Double], lo: Double, hi: Double) -> ([Label], String) {
        guard !locs.isEmpty else { return ([], "") }
        let biggest = locs.map(abs).max() ?? 0
        var oom = 0
        if biggest != 0 {
            let o = Int(floor(log10(biggest)))
            if o <= -5 || o >= 6 { oom = o }
        }
        let divisor = pow(10, Double(oom))
        var scaled = locs.map { $0 / divisor }
        var range = (scaled.max() ?? 0) - (scaled.min() ?? 0)
        if locs.count < 2 {
            let ends = [lo / divisor, hi / divisor]
            range = ((ends + scaled).max() ?? 0) - ((ends + scaled).min() ?? 0)
        }
        if range == 0 { range = scaled.map(abs).max() ?? 0 }
        if range == 0 { range = 1 }
        let rangeOOM = Int(floor(log10(range)))
        var sigfigs = max(0, 3 - rangeOOM)
        let thresh = 1e-3 * pow(10, Double(rangeOOM))
        while sigfigs >= 0 {
            let p = pow(10, Double(sigfigs))
            let worst = scaled.map { abs($0 - ($0 * p).rounded(.toNearestOrEven) / p) }.max() ?? 0
            if worst < thresh { sigfigs -= 1 } else { break }
        }
        sigfigs += 1
        scaled = scaled.map { abs($0) < 1e-8 ? 0 : $0 }
        let labels = scaled.map { v -> Label in
            var s = String(format: "%.\(sigfigs)f", v)
            if s.hasPrefix("-") { s = "\u{2212}" + s.dropFirst() }
            return Label(s)
        }
        return (labels, oom == 0 ? "" : "1e" + (oom < 0 ? "\u{2212}\(-oom)" : "\(oom)"))
    }

    /// Ticks of a log axis (base 10) showing `lo...hi` (both > 0): every decade (or every
    /// k-th when there are more than `maxTicks`), labelled `10^k`; a range spanning less than
    /// two decades also gets 2× and 5× ticks, labelled `2×10^k`.
    public static func log(_ lo: Double, _ hi: Double, maxTicks: Int) -> Axis {
        let a = Foundation.log10(min(lo, hi)), b = Foundation.log10(max(lo, hi))
        let first = Int(ceil(a - 1e-10)), last = Int(floor(b + 1e-10))
        var positions: [Double] = []
        var labels: [Label] = []
        if last - first + 1 >= 2 {
            let count = last - first + 1
            let stride = count > maxTicks ? (count + maxTicks - 1) / maxTicks : 1
            for k in Swift.stride(from: first, through: last, by: stride) {
                positions.append(pow(10, Double(k)))
                labels.append(Label("10", superscript: exponent(k)))
            }
            return Axis(positions: positions, labels: labels, multiplier: "")
        }
        for k in (first - 1)...(last + 1) {
            for sub in [1.0, 2, 5] {
                let v = sub * pow(10, Double(k))
                let lv = Foundation.log10(v)
                guard lv >= a - 1e-10, lv <= b + 1e-10 else { continue }
                positions.append(v)
                labels.append(Label(sub == 1 ? "10" : "\(Int(sub))\u{00D7}10", superscript: exponent(k)))
            }
        }
        return Axis(positions: positions, labels: labels, multiplier: "")
    }

    private static func exponent(_ k: Int) -> String {
        k < 0 ? "\u{2212}\(-k)" : "\(k)"
    }
}
