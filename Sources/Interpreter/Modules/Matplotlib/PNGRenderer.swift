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

    /// Places text as the SVG renderer does (`PlotScene.Text.placement`), superscripts at
    /// 70% size raised by 40% of an em.
    private static func draw(_ t: PlotScene.Text, on canvas: inout Rasterizer) {
        let origin = t.placement.origin
        canvas.drawText(t.text, x: origin.x, y: origin.y, size: t.size, color: t.color, rotation: t.rotation)
        if let sup = t.superscript {
            let shift = t.offset(PlotFont.width(t.text, size: t.size), -t.size * 0.4)
            canvas.drawText(sup, x: origin.x + shift.x, y: origin.y + shift.y, size: t.size * 0.7, color: t.color, rotation: t.rotation)
        }
    }
}
