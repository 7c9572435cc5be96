import Foundation

/// View limits as matplotlib's autoscaling sets them: the data range, widened when
/// degenerate, plus 5% margins (in log space on log axes) that never cross a sticky edge
/// (the baseline of bars), unless `xlim`/`ylim` fixed them.
public enum PlotLayout {
    public struct Limits: Sendable, Equatable {
        public var x: (lo: Double, hi: Double)
        public var y: (lo: Double, hi: Double)
        public static func == (a: Limits, b: Limits) -> Bool { a.x == b.x && a.y == b.y }
    }

    public static let margin = 0.05

    /// Limits of `axes` in `figure`, where axes sharing an axis autoscale over all their data.
    public static func limits(_ axes: PlotAxes, in figure: PlotFigure) -> Limits {
        var result = limits(axes)
        for isX in [true, false] {
            guard let group = isX ? axes.x.shareGroup : axes.y.shareGroup else { continue }
            var merged = axes
            merged.artists = figure.axes.filter { (isX ? $0.x.shareGroup : $0.y.shareGroup) == group }.flatMap(\.artists)
            let shared = limits(merged)
            if isX { result.x = shared.x } else { result.y = shared.y }
        }
        return result
    }

    public static func limits(_ axes: PlotAxes) -> Limits {
        var xs: [Double] = [], ys: [Double] = [], stickyY: [Double] = []
        for artist in axes.artists {
            switch artist {
            case .line(let l):
                if l.span != .horizontal { xs += l.xs }
                if l.span != .vertical { ys += l.ys }
            case .scatter(let s):
                xs += s.xs
                ys += s.ys
            case .bars(let b):
                for r in b.rects {
                    xs += [r.x0, r.x1]
                    ys += [r.y0, r.y1]
                    stickyY.append(r.y0)
                }
            }
        }
        if !axes.x.categories.isEmpty { xs += [0, Double(axes.x.categories.count - 1)] }
        let x = axisLimits(xs, axes.x, sticky: [])
        let y = axisLimits(ys, axes.y, sticky: stickyY)
        return Limits(x: x, y: y)
    }

    static func axisLimits(_ values: [Double], _ axis: PlotAxis, sticky: [Double]) -> (lo: Double, hi: Double) {
        if let lo = axis.lower, let hi = axis.upper { return (lo, hi) }
        let log = axis.scale == .log
        let usable = values.filter { $0.isFinite && (!log || $0 > 0) }
        var lo: Double, hi: Double
        if let mn = usable.min(), let mx = usable.max() {
            if log {
                (lo, hi) = mn == mx ? (mn / 10, mx * 10) : (mn, mx)
            } else {
                (lo, hi) = Ticks.nonsingular(mn, mx, expander: 0.05)
            }
            let tol = 1e-5 * abs(hi - lo)
            let lowBound = sticky.filter { $0 < lo + tol }.max()
            let highBound = sticky.filter { $0 > hi - tol }.min()
            if log {
                let (a, b) = (log10(lo), log10(hi))
                let d = (b - a) * margin
                (lo, hi) = (pow(10, a - d), pow(10, b + d))
            } else {
                let d = (hi - lo) * margin
                (lo, hi) = (lo - d, hi + d)
            }
            if let b = lowBound { lo = max(lo, b) }
            if let b = highBound { hi = min(hi, b) }
        } else {
            (lo, hi) = log ? (1, 10) : (0, 1)
        }
        return (axis.lower ?? lo, axis.upper ?? hi)
    }

    /// matplotlib's `get_tick_space`: how many tick labels fit along an axis `points` long
    /// (a label takes 3 font sizes across, 2 along a vertical axis), at most 9.
    public static func binCount(axisLengthPoints points: Double, fontSize: Double = 10, vertical: Bool) -> Int {
        let space = Int(floor(points / (fontSize * (vertical ? 2 : 3))))
        return min(max(space, 1), 9)
    }

    /// The major ticks of the axes' x or y axis, given the axes' size in points.
    public static func ticks(_ axis: PlotAxis, lo: Double, hi: Double, lengthPoints: Double, vertical: Bool) -> Ticks.Axis {
        if let fixed = axis.fixedTicks {
            let slack = abs(hi - lo) * 1e-10
            let shown = fixed.indices.filter { fixed[$0] >= min(lo, hi) - slack && fixed[$0] <= max(lo, hi) + slack }
            let positions = shown.map { fixed[$0] }
            if let names = axis.fixedTickLabels {
                return Ticks.Axis(positions: positions, labels: shown.map { Ticks.Label($0 < names.count ? names[$0] : "") }, multiplier: "")
            }
            let (labels, multiplier) = Ticks.scalarLabels(positions, lo: min(lo, hi), hi: max(lo, hi))
            return Ticks.Axis(positions: positions, labels: labels, multiplier: multiplier)
        }
        if !axis.categories.isEmpty {
            let positions = axis.categories.indices.map(Double.init).filter { $0 >= min(lo, hi) && $0 <= max(lo, hi) }
            return Ticks.Axis(positions: positions, labels: positions.map { Ticks.Label(axis.categories[Int($0)]) },
                              multiplier: "")
        }
        let bins = binCount(axisLengthPoints: lengthPoints, vertical: vertical)
        if axis.scale == .log, lo > 0, hi > 0 {
            return Ticks.log(lo, hi, maxTicks: max(bins, 2))
        }
        return Ticks.linear(lo, hi, nbins: bins)
    }
}
