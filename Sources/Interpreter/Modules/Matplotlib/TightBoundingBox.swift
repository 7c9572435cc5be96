import Foundation

/// `bbox_inches='tight'` (and Jupyter's inline figures, which use it): the scene cropped —
/// or grown — to what is drawn on it plus 0.1 inch of padding, as matplotlib does.
extension PlotScene {
    public func tight(dpi: Double, padInches: Double = 0.1) -> PlotScene {
        guard let bounds = contentBounds() else { return self }
        let pad = padInches * dpi
        let dx = pad - bounds.x, dy = pad - bounds.y
        var out = PlotScene(width: Int((bounds.width + 2 * pad).rounded(.up)), height: Int((bounds.height + 2 * pad).rounded(.up)))
        func move(_ p: Point) -> Point { Point(p.x + dx, p.y + dy) }
        func move(_ b: Box?) -> Box? { b.map { Box(x: $0.x + dx, y: $0.y + dy, width: $0.width, height: $0.height) } }
        for (i, item) in items.enumerated() {
            switch item {
            case .path(var p):
                if i == 0 {
                    p.points = PlotScene.rectangle(Box(x: 0, y: 0, width: Double(out.width), height: Double(out.height)))
                } else {
                    p.points = p.points.map(move)
                    p.clip = move(p.clip)
                }
                out.items.append(.path(p))
            case .marker(var m):
                m.center = move(m.center)
                m.clip = move(m.clip)
                out.items.append(.marker(m))
            case .text(var t):
                t.at = move(t.at)
                out.items.append(.text(t))
            }
        }
        return out
    }

    /// The box around everything drawn after the figure's background (clipped data only
    /// within its clip box), nil for an empty figure.
    func contentBounds() -> Box? {
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        func add(_ x: Double, _ y: Double, clip: Box? = nil) {
            guard x.isFinite, y.isFinite else { return }
            var (x, y) = (x, y)
            if let c = clip {
                x = min(max(x, c.x), c.x + c.width)
                y = min(max(y, c.y), c.y + c.height)
            }
            x0 = min(x0, x); y0 = min(y0, y); x1 = max(x1, x); y1 = max(y1, y)
        }
        for item in items.dropFirst() {
            switch item {
            case .path(let p):
                let h = p.stroke == nil ? 0 : p.width / 2
                for q in p.points {
                    add(q.x - h, q.y - h, clip: p.clip)
                    add(q.x + h, q.y + h, clip: p.clip)
                }
            case .marker(let m):
                add(m.center.x - m.size / 2, m.center.y - m.size / 2, clip: m.clip)
                add(m.center.x + m.size / 2, m.center.y + m.size / 2, clip: m.clip)
            case .text(let t):
                let b = t.placement.bounds
                add(b.x, b.y)
                add(b.x + b.width, b.y + b.height)
            }
        }
        guard x0 <= x1, y0 <= y1 else { return nil }
        return Box(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
