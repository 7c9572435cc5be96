import Foundation

/// An RGB canvas that fills anti-aliased polygons: each pixel row is sampled on four
/// sub-scanlines, each span adds its exact horizontal coverage, and the non-zero winding
/// rule joins overlapping pieces (a stroke's segment quads and joins) without seams or
/// double blending. Text is drawn from the pre-rasterised font masks.
struct Rasterizer {
    let width: Int
    let height: Int
    /// RGB, row-major, 0...1.
    private(set) var pixels: [Float]
    private var coverage: [Float]

    private static let subRows = 4

    init(width: Int, height: Int) {
        self.width = max(width, 1)
        self.height = max(height, 1)
        pixels = [Float](repeating: 1, count: self.width * self.height * 3)
        coverage = [Float](repeating: 0, count: self.width + 2)
    }

    /// Fills the union of `polygons` (non-zero winding) with `color`, inside `clip`.
    mutating func fill(_ polygons: [[PlotScene.Point]], color: PlotColor, clip: PlotScene.Box?) {
        var edges: [(x0: Double, y0: Double, x1: Double, y1: Double, dir: Int)] = []
        var minY = Double.infinity, maxY = -Double.infinity
        for poly in polygons where poly.count >= 2 {
            for i in poly.indices {
                let a = poly[i], b = poly[(i + 1) % poly.count]
                guard a.y != b.y, a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { continue }
                edges.append(a.y < b.y ? (a.x, a.y, b.x, b.y, 1) : (b.x, b.y, a.x, a.y, -1))
                minY = min(minY, a.y, b.y)
                maxY = max(maxY, a.y, b.y)
            }
        }
        guard !edges.isEmpty else { return }
        var clipX0 = 0.0, clipX1 = Double(width), clipY0 = 0.0, clipY1 = Double(height)
        if let c = clip {
            clipX0 = max(clipX0, c.x); clipX1 = min(clipX1, c.x + c.width)
            clipY0 = max(clipY0, c.y); clipY1 = min(clipY1, c.y + c.height)
        }
        let rowStart = max(0, Int(floor(max(minY, clipY0)))), rowEnd = min(height - 1, Int(ceil(min(maxY, clipY1))))
        guard rowStart <= rowEnd else { return }
        let weight = 1.0 / Double(Self.subRows)
        // Active edge table: edges sorted by their top; only those spanning the row are scanned.
        edges.sort { $0.y0 < $1.y0 }
        var next = 0
        var active: [Int] = []
        var crossings: [(x: Double, dir: Int)] = []
        for row in rowStart...rowEnd {
            let rowTop = Double(row), rowBottom = Double(row + 1)
            while next < edges.count && edges[next].y0 < rowBottom {
                active.append(next)
                next += 1
            }
            active.removeAll { edges[$0].y1 <= rowTop }
            guard !active.isEmpty else { continue }
            var touched = false
            var lo = width, hi = -1
            for k in 0..<Self.subRows {
                let y = rowTop + (Double(k) + 0.5) * weight
                guard y >= clipY0, y < clipY1 else { continue }
                crossings.removeAll(keepingCapacity: true)
                for i in active {
                    let e = edges[i]
                    if y >= e.y0 && y < e.y1 {
                        crossings.append((e.x0 + (y - e.y0) / (e.y1 - e.y0) * (e.x1 - e.x0), e.dir))
                    }
                }
                guard crossings.count >= 2 else { continue }
                crossings.sort { $0.x < $1.x }
                var winding = 0
                for i in 0..<(crossings.count - 1) {
                    winding += crossings[i].dir
                    guard winding != 0 else { continue }
                    let a = max(crossings[i].x, clipX0), b = min(crossings[i + 1].x, clipX1)
                    guard a < b else { continue }
                    addSpan(a, b, weight: weight)
                    touched = true
                    lo = min(lo, Int(a)); hi = max(hi, Int(b))
                }
            }
            guard touched else { continue }
            blendRow(row, from: max(0, lo), to: min(width - 1, hi), color: color)
        }
    }

    /// Adds coverage `weight` over x in a..<b, with partial coverage at the two end pixels.
    private mutating func addSpan(_ a: Double, _ b: Double, weight: Double) {
        let ia = Int(a), ib = Int(b)
        if ia == ib {
            if ia < width { coverage[ia] += Float((b - a) * weight) }
            return
        }
        if ia < width { coverage[ia] += Float((Double(ia + 1) - a) * weight) }
        if ia + 1 < ib { for x in (ia + 1)..<min(ib, width) { coverage[x] += Float(weight) } }
        if ib < width { coverage[ib] += Float((b - Double(ib)) * weight) }
    }

    private mutating func blendRow(_ row: Int, from lo: Int, to hi: Int, color: PlotColor) {
        guard lo <= hi else { return }
        let r = Float(color.r), g = Float(color.g), b = Float(color.b), alpha = Float(color.a)
        let base = row * width * 3
        for x in lo...hi {
            let c = min(coverage[x], 1) * alpha
            coverage[x] = 0
            guard c > 0 else { continue }
            let i = base + x * 3
            pixels[i] += (r - pixels[i]) * c
            pixels[i + 1] += (g - pixels[i + 1]) * c
            pixels[i + 2] += (b - pixels[i + 2]) * c
        }
        coverage[hi + 1] = 0
    }

    /// A polyline `width` pixels wide as polygons: a quad per segment and a round join at each
    /// inner vertex (square caps at the ends for solid lines, as matplotlib's default).
    static func strokePolygons(_ points: [PlotScene.Point], width: Double, closed: Bool, squareCaps: Bool) -> [[PlotScene.Point]] {
        var pts = points
        if closed, let first = points.first { pts.append(first) }
        let h = max(width, 0.5) / 2
        var polys: [[PlotScene.Point]] = []
        for i in 0..<max(pts.count - 1, 0) {
            var a = pts[i], b = pts[i + 1]
            let dx = b.x - a.x, dy = b.y - a.y
            let len = (dx * dx + dy * dy).squareRoot()
            guard len > 0 else { continue }
            let ux = dx / len, uy = dy / len
            if squareCaps && !closed {
                if i == 0 { a = PlotScene.Point(a.x - ux * h, a.y - uy * h) }
                if i == pts.count - 2 { b = PlotScene.Point(b.x + ux * h, b.y + uy * h) }
            }
            let nx = -uy * h, ny = ux * h
            polys.append([PlotScene.Point(a.x + nx, a.y + ny), PlotScene.Point(b.x + nx, b.y + ny),
                          PlotScene.Point(b.x - nx, b.y - ny), PlotScene.Point(a.x - nx, a.y - ny)])
            if i > 0 || closed { polys.append(disc(pts[i], h)) }
        }
        return polys.map(orientedClockwise)
    }

    /// Splits a polyline into its dashes (`pattern`: on, off, on, off... in pixels).
    static func dashes(_ points: [PlotScene.Point], pattern: [Double]) -> [[PlotScene.Point]] {
        guard pattern.count >= 2, pattern.allSatisfy({ $0 > 0 }) else { return [points] }
        var result: [[PlotScene.Point]] = []
        var current: [PlotScene.Point] = []
        var index = 0, left = pattern[0], on = true
        if let first = points.first { current = [first] }
        for i in 0..<max(points.count - 1, 0) {
            var a = points[i]
            let b = points[i + 1]
            var remaining = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            while remaining > 0 {
                let step = min(left, remaining)
                let t = step / remaining
                let p = PlotScene.Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
                if on { current.append(p) }
                a = p
                remaining -= step
                left -= step
                if left <= 1e-9 {
                    if on, current.count >= 2 { result.append(current) }
                    on.toggle()
                    index = (index + 1) % pattern.count
                    left = pattern[index]
                    current = on ? [p] : []
                }
            }
        }
        if on, current.count >= 2 { result.append(current) }
        return result
    }

    static func disc(_ c: PlotScene.Point, _ r: Double) -> [PlotScene.Point] {
        let n = max(8, Int(r * 6))
        return (0..<n).map { i in
            let t = Double(i) / Double(n) * 2 * Double.pi
            return PlotScene.Point(c.x + r * cos(t), c.y + r * sin(t))
        }
    }

    /// Same orientation for every piece, so non-zero winding takes their union.
    static func orientedClockwise(_ poly: [PlotScene.Point]) -> [PlotScene.Point] {
        var area = 0.0
        for i in poly.indices {
            let a = poly[i], b = poly[(i + 1) % poly.count]
            area += a.x * b.y - b.x * a.y
        }
        return area < 0 ? poly.reversed() : poly
    }

    // MARK: Text

    /// Draws `text` with its left end of the baseline at (x, y), `size` pixels per em,
    /// turned `rotation` degrees counter-clockwise about that point.
    mutating func drawText(_ text: String, x: Double, y: Double, size: Double, color: PlotColor, rotation: Double) {
        let scale = size / Double(PlotFont.dataEm)
        let t = rotation * Double.pi / 180
        let (c, s) = (cos(t), sin(t))
        var pen = 0.0
        for ch in text {
            guard let g = PlotFont.glyph(ch) else { continue }
            if g.width > 0 {
                drawGlyph(g, penX: pen, originX: x, originY: y, scale: scale, color: color, cos: c, sin: s)
            }
            pen += g.advance * scale
        }
    }

    /// Samples the glyph mask bilinearly at each target pixel of its turned, scaled box.
    /// Text space: u along the baseline, v down; canvas = origin + (u·cos + v·sin, −u·sin + v·cos).
    private mutating func drawGlyph(_ g: PlotFont.Glyph, penX: Double, originX: Double, originY: Double, scale: Double,
                                    color: PlotColor, cos c: Double, sin s: Double) {
        let u0 = penX + Double(g.left) * scale, v0 = -Double(g.top) * scale
        let u1 = u0 + Double(g.width) * scale, v1 = v0 + Double(g.height) * scale
        let corners = [(u0, v0), (u1, v0), (u0, v1), (u1, v1)].map { (originX + $0.0 * c + $0.1 * s, originY - $0.0 * s + $0.1 * c) }
        let px0 = max(0, Int(floor(corners.map(\.0).min() ?? 0))), px1 = min(width - 1, Int(ceil(corners.map(\.0).max() ?? 0)))
        let py0 = max(0, Int(floor(corners.map(\.1).min() ?? 0))), py1 = min(height - 1, Int(ceil(corners.map(\.1).max() ?? 0)))
        guard px0 <= px1, py0 <= py1 else { return }
        let r = Float(color.r), gr = Float(color.g), b = Float(color.b)
        for py in py0...py1 {
            for px in px0...px1 {
                let dx = Double(px) + 0.5 - originX, dy = Double(py) + 0.5 - originY
                let u = dx * c - dy * s, v = dx * s + dy * c
                // Mask coordinates (pixel centres at +0.5).
                let a = Float(sample(g, (u - u0) / scale - 0.5, (v - v0) / scale - 0.5))
                guard a > 0 else { continue }
                let i = (py * width + px) * 3
                pixels[i] += (r - pixels[i]) * a
                pixels[i + 1] += (gr - pixels[i + 1]) * a
                pixels[i + 2] += (b - pixels[i + 2]) * a
            }
        }
    }

    private func sample(_ g: PlotFont.Glyph, _ x: Double, _ y: Double) -> Double {
        let x0 = Int(floor(x)), y0 = Int(floor(y))
        let fx = x - Double(x0), fy = y - Double(y0)
        func at(_ xi: Int, _ yi: Int) -> Double {
            guard xi >= 0, yi >= 0, xi < g.width, yi < g.height else { return 0 }
            return Double(g.coverage[yi * g.width + xi]) / 255
        }
        let top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
        let bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
        return top * (1 - fy) + bottom * fy
    }
}
