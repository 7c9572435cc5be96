import Foundation

/// Rasterises a figure's scene (the same one the SVG renderer writes) and encodes it as PNG.
public enum PNGRenderer {
    public static func render(_ figure: PlotFigure) -> [UInt8] {
        render(PlotScene.make(figure))
    }

    public static func render(_ scene: PlotScene) -> [UInt8] {
        var canvas = Rasterizer(width: scene.width, height: scene.height)
        // The canvas starts white, which is what the figure background (the first item) paints.
        for item in scene.items.dropFirst(scene.items.first.map(isWhiteBackground) == true ? 1 : 0) {
            switch item {
            case .path(let path):
                let p = snapped(path)
                if let fill = p.fill, p.closed {
                    canvas.fill([p.points], color: fill, clip: p.clip)
                }
                if let stroke = p.stroke, p.width > 0 {
                    let pieces = p.dash.map { Rasterizer.dashes(p.points, pattern: $0) } ?? [p.points]
                    var polygons: [[PlotScene.Point]] = []
                    for piece in pieces {
                        polygons += Rasterizer.strokePolygons(piece, width: p.width, closed: p.closed && p.dash == nil,
                                                              squareCaps: p.dash == nil)
                    }
                    canvas.fill(polygons, color: stroke, clip: p.clip)
                }
            case .marker(let m):
                let outline = m.outline
                if let face = m.face, !m.shape.isStroke { canvas.fill(outline, color: face, clip: m.clip) }
                if let edge = m.edge, m.edgeWidth > 0 {
                    var polygons: [[PlotScene.Point]] = []
                    for piece in outline {
                        polygons += Rasterizer.strokePolygons(piece, width: m.edgeWidth, closed: !m.shape.isStroke, squareCaps: false)
                    }
                    canvas.fill(polygons, color: edge, clip: m.clip)
                }
            case .text(let t):
                draw(t, on: &canvas)
            }
        }
        let rgb = canvas.pixels.map { UInt8((min(max($0, 0), 1) * 255).rounded()) }
        return PNGEncoder.encode(rgb: rgb, width: canvas.width, height: canvas.height)
    }

    static func isWhiteBackground(_ item: PlotScene.Item) -> Bool {
        if case .path(let p) = item, p.fill == .white, p.stroke == nil { return true }
        return false
    }

    /// Rectilinear paths (frames, ticks, grid lines, bars) snapped to the pixel grid, as Agg
    /// snaps them: fills on pixel edges, odd-width strokes on pixel centres, so neighbouring
    /// bars meet without a seam and thin lines stay crisp.
    static func snapped(_ p: PlotScene.Path) -> PlotScene.Path {
        let points = p.points
        guard points.count >= 2, p.dash == nil else { return p }
        for (a, b) in zip(points, points.dropFirst() + [points[0]]) where a.x != b.x && a.y != b.y {
            return p
        }
        let strokeOnly = p.fill == nil
        let odd = strokeOnly && Int(p.width.rounded()) % 2 == 1
        func snap(_ v: Double) -> Double { odd ? (v - 0.5).rounded() + 0.5 : v.rounded() }
        var q = p
        q.points = points.map { PlotScene.Point(snap($0.x), snap($0.y)) }
        return q
    }

    /// Places text as the SVG renderer does: alignment from the layout font's advance widths
    /// and ascent/descent, superscripts at 70% size raised by 40% of an em.
    private static func draw(_ t: PlotScene.Text, on canvas: inout Rasterizer) {
        let supSize = t.size * 0.7
        let mainWidth = PlotFont.width(t.text, size: t.size)
        let total = mainWidth + (t.superscript.map { PlotFont.width($0, size: supSize) } ?? 0)
        let shift: Double
        switch t.hAlign {
        case .left: shift = 0
        case .center: shift = -total / 2
        case .right: shift = -total
        }
        let ascent = PlotFont.ascent(size: t.size), descent = PlotFont.descent(size: t.size)
        let drop: Double
        switch t.vAlign {
        case .top: drop = ascent
        case .center: drop = (ascent - descent) / 2
        case .baseline: drop = 0
        case .bottom: drop = -descent
        }
        // Position along the text (u) and across it (v, down) from the anchor, mapped to the canvas.
        func origin(_ u: Double, _ v: Double) -> (Double, Double) {
            t.rotated ? (t.at.x + v, t.at.y - u) : (t.at.x + u, t.at.y + v)
        }
        let (x, y) = origin(shift, drop)
        canvas.drawText(t.text, x: x, y: y, size: t.size, color: t.color, rotated: t.rotated)
        if let sup = t.superscript {
            let (sx, sy) = origin(shift + mainWidth, drop - t.size * 0.4)
            canvas.drawText(sup, x: sx, y: sy, size: supSize, color: t.color, rotated: t.rotated)
        }
    }
}
