import Foundation
import Interpreter

/// Draws a figure on a terminal: lines and points in Unicode braille (2×4 dots per
/// character), bars and histograms in block characters, each axes with its title, the
/// y range's max and min beside the plot, the x range's ends below it, the axis labels and a
/// legend; colours as 24-bit ANSI escapes when `color` is on.
struct BrailleFigure {
    var columns = 60
    var rows = 14
    var color = true

    func render(_ figure: PlotFigure) -> String {
        figure.axes.map { render($0, limits: PlotLayout.limits($0, in: figure)) }.joined(separator: "\n")
    }

    /// One cell of the character grid: braille dots, or a block-character bar, with a colour.
    private struct Cell {
        var dots: UInt8 = 0
        var block: Character?
        var color: PlotColor?
    }

    func render(_ axes: PlotAxes, limits: PlotLayout.Limits) -> String {
        var grid = [[Cell]](repeating: [Cell](repeating: Cell(), count: columns), count: rows)
        let dotW = columns * 2, dotH = rows * 4
        func fx(_ x: Double) -> Double { fraction(x, limits.x.lo, limits.x.hi, axes.x.scale) }
        func fy(_ y: Double) -> Double { fraction(y, limits.y.lo, limits.y.hi, axes.y.scale) }
        func dot(_ x: Double, _ y: Double) -> (Int, Int)? {
            let u = fx(x), v = fy(y)
            guard u.isFinite, v.isFinite, u >= 0, u <= 1, v >= 0, v <= 1 else { return nil }
            return (min(Int(u * Double(dotW - 1)), dotW - 1), min(Int((1 - v) * Double(dotH - 1)), dotH - 1))
        }
        func plot(_ p: (Int, Int), _ c: PlotColor) {
            let (x, y) = p
            let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
            grid[y / 4][x / 2].dots |= bits[y % 4][x % 2]
            grid[y / 4][x / 2].color = c
        }
        for artist in axes.artists {
            guard case .bars(let b) = artist else { continue }
            for r in b.rects {
                let u0 = fx(r.x0), u1 = fx(r.x1), top = fy(r.y1), base = fy(r.y0)
                guard u0.isFinite, u1.isFinite, top.isFinite else { continue }
                let c0 = max(0, Int((u0 * Double(columns)).rounded())), c1 = min(columns, max(c0 + 1, Int((u1 * Double(columns)).rounded())))
                let lo = max(0, min(base.isFinite ? base : 0, top)), hi = min(1, max(base.isFinite ? base : 0, top))
                let eighthsLo = Int((lo * Double(rows * 8)).rounded()), eighthsHi = Int((hi * Double(rows * 8)).rounded())
                for column in c0..<c1 where column < columns {
                    for row in 0..<rows {
                        let cellLo = (rows - 1 - row) * 8
                        let filled = min(max(eighthsHi - max(cellLo, eighthsLo), 0), 8)
                        guard filled > 0, eighthsLo < cellLo + 8 else { continue }
                        grid[row][column].block = Array("▁▂▃▄▅▆▇█")[filled - 1]
                        grid[row][column].color = b.color
                    }
                }
            }
        }
        for artist in axes.artists {
            switch artist {
            case .line(let l) where l.span != nil:
                let horizontal = l.span == .horizontal
                guard let v = horizontal ? l.ys.first : l.xs.first else { continue }
                let f = horizontal ? fy(v) : fx(v)
                guard f.isFinite, f >= 0, f <= 1 else { continue }
                if horizontal {
                    let y = min(Int((1 - f) * Double(dotH - 1)), dotH - 1)
                    for x in 0..<dotW { plot((x, y), l.color) }
                } else {
                    let x = min(Int(f * Double(dotW - 1)), dotW - 1)
                    for y in 0..<dotH { plot((x, y), l.color) }
                }
            case .line(let l):
                var previous: (Int, Int)?
                for (x, y) in zip(l.xs, l.ys) {
                    guard let p = dot(x, y) else { previous = nil; continue }
                    if let q = previous, l.style != .none { for d in Self.segment(q, p) { plot(d, l.color) } } else { plot(p, l.color) }
                    previous = p
                }
            case .scatter(let s):
                for (i, (x, y)) in zip(s.xs, s.ys).enumerated() {
                    if let p = dot(x, y) { plot(p, s.colors.isEmpty ? PlotFigure.colorCycle[0] : s.colors[i % s.colors.count]) }
                }
            case .bars: break
            }
        }
        let yTop = Self.number(limits.y.hi), yBottom = Self.number(limits.y.lo)
        let gutter = max(yTop.count, yBottom.count)
        var lines: [String] = []
        if !axes.title.isEmpty { lines.append(String(repeating: " ", count: gutter + 2 + max(0, (columns - axes.title.count) / 2)) + axes.title) }
        if !axes.y.label.isEmpty { lines.append(String(repeating: " ", count: gutter + 1) + axes.y.label) }
        for (r, row) in grid.enumerated() {
            let label = r == 0 ? yTop : r == rows - 1 ? yBottom : ""
            var line = String(repeating: " ", count: gutter - label.count) + label + (r == 0 || r == rows - 1 ? " ┤" : " │")
            var current: PlotColor?
            for cell in row {
                let braille = Unicode.Scalar(0x2800 + UInt32(cell.dots)).map(Character.init) ?? " "
                let ch: Character = cell.block ?? (cell.dots == 0 ? " " : braille)
                if color, ch != " ", let c = cell.color, c != current {
                    line += Self.ansi(c)
                    current = c
                }
                line.append(ch)
            }
            if color, current != nil { line += "\u{1B}[0m" }
            lines.append(line)
        }
        lines.append(String(repeating: " ", count: gutter + 1) + "└" + String(repeating: "─", count: columns))
        let xLo = Self.number(limits.x.lo), xHi = Self.number(limits.x.hi)
        lines.append(String(repeating: " ", count: gutter + 2) + xLo
                     + String(repeating: " ", count: max(1, columns - xLo.count - xHi.count)) + xHi)
        if !axes.x.label.isEmpty {
            lines.append(String(repeating: " ", count: gutter + 2 + max(0, (columns - axes.x.label.count) / 2)) + axes.x.label)
        }
        if axes.legend != nil {
            let entries = axes.artists.compactMap { a -> String? in
                guard let label = a.label, !label.isEmpty, !label.hasPrefix("_") else { return nil }
                let c: PlotColor
                switch a {
                case .line(let l): c = l.color
                case .scatter(let s): c = s.colors.first ?? PlotFigure.colorCycle[0]
                case .bars(let b): c = b.color
                }
                let swatch = a.isBars ? "█" : "──"
                return (color ? Self.ansi(c) + swatch + "\u{1B}[0m" : swatch) + " " + label
            }
            if !entries.isEmpty { lines.append(String(repeating: " ", count: gutter + 2) + entries.joined(separator: "   ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func fraction(_ v: Double, _ lo: Double, _ hi: Double, _ scale: PlotScale) -> Double {
        if scale == .log {
            guard v > 0, lo > 0, hi > 0 else { return .nan }
            return (log10(v) - log10(lo)) / (log10(hi) - log10(lo))
        }
        return (v - lo) / (hi - lo)
    }

    /// The dots of a straight segment (Bresenham).
    static func segment(_ a: (Int, Int), _ b: (Int, Int)) -> [(Int, Int)] {
        var (x, y) = a
        let dx = abs(b.0 - x), dy = -abs(b.1 - y)
        let sx = x < b.0 ? 1 : -1, sy = y < b.1 ? 1 : -1
        var err = dx + dy
        var out: [(Int, Int)] = []
        while true {
            out.append((x, y))
            if x == b.0 && y == b.1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
        return out
    }

    /// An axis end value, short: `1000`, `0.42`, `1.5e-05`.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        let magnitude = abs(v)
        if magnitude >= 1e-3 && magnitude < 1e6 {
            var s = String(format: "%.4g", v)
            if s.contains("e") { s = String(format: "%.3f", v) }
            return s
        }
        return String(format: "%.2e", v)
    }

    static func ansi(_ c: PlotColor) -> String {
        "\u{1B}[38;2;\(Int(c.r * 255));\(Int(c.g * 255));\(Int(c.b * 255))m"
    }
}

extension PlotArtist {
    var isBars: Bool {
        if case .bars = self { return true }
        return false
    }
}
