import Foundation

/// Data artists and the legend of one axes, in pixels.
extension AxesLayout {
    func drawLine(_ line: PlotLine, into scene: inout PlotScene) {
        if let span = line.span, let v = span == .horizontal ? line.ys.first : line.xs.first {
            let p = span == .horizontal ? py(v) : px(v)
            guard p.isFinite, line.style != .none else { return }
            let ends = span == .horizontal ? [PlotScene.Point(box.x, p), PlotScene.Point(box.x + box.width, p)]
                                           : [PlotScene.Point(p, box.y), PlotScene.Point(p, box.y + box.height)]
            let dash = line.style.dashPattern.map { $0.map { $0 * line.width * pt } }
            scene.items.append(.path(PlotScene.Path(points: ends, closed: false, fill: nil, stroke: line.color,
                                                    width: line.width * pt, dash: dash, clip: box)))
            return
        }
        var runs: [[PlotScene.Point]] = [[]]
        for (x, y) in zip(line.xs, line.ys) {
            let p = point(x, y)
            if p.x.isFinite && p.y.isFinite { runs[runs.count - 1].append(p) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        if line.style != .none && line.width > 0 {
            let dash = line.style.dashPattern.map { $0.map { $0 * line.width * pt } }
            for run in runs where run.count >= 2 {
                scene.items.append(.path(PlotScene.Path(points: run, closed: false, fill: nil, stroke: line.color,
                                                        width: line.width * pt, dash: dash, clip: box)))
            }
        }
        if let m = line.marker {
            for run in runs {
                for p in run {
                    scene.items.append(.marker(marker(m, at: p)))
                }
            }
        }
    }

    func marker(_ m: PlotMarker, at p: PlotScene.Point, clip: Bool = true) -> PlotScene.Marker {
        PlotScene.Marker(shape: m.shape, center: p, size: m.size * pt, face: m.shape.isStroke ? nil : m.face,
                         edge: m.edge, edgeWidth: m.edgeWidth * pt, clip: clip ? box : nil)
    }

    func drawScatter(_ s: PlotScatter, into scene: inout PlotScene) {
        for i in s.xs.indices where i < s.ys.count {
            let p = point(s.xs[i], s.ys[i])
            guard p.x.isFinite, p.y.isFinite else { continue }
            let color = s.colors.isEmpty ? PlotFigure.colorCycle[0] : s.colors[i % s.colors.count]
            let size = s.sizes.isEmpty ? 36 : s.sizes[i % s.sizes.count]
            let m = PlotMarker(shape: s.shape, size: size.squareRoot(), face: color, edge: color, edgeWidth: 1)
            scene.items.append(.marker(marker(m, at: p)))
        }
    }

    func drawBars(_ bars: PlotBars, into scene: inout PlotScene) {
        for r in bars.rects {
            let a = point(r.x0, r.y0), b = point(r.x1, r.y1)
            guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { continue }
            let rect = PlotScene.Box(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
            scene.items.append(.path(PlotScene.Path(points: PlotScene.rectangle(rect), closed: true, fill: bars.color,
                                                    stroke: bars.edgeColor, width: bars.edgeWidth * pt, dash: nil, clip: box)))
        }
    }

    /// matplotlib's legend box: 10 pt text, handles 2 em long, 0.4 em border padding, 0.5 em
    /// between rows and from the axes edge, white at 80% opacity with a light gray frame.
    func drawLegend(_ legend: PlotLegend, into scene: inout PlotScene) {
        let entries = axes.artists.compactMap { a -> (PlotArtist, String)? in
            guard let label = a.label, !label.isEmpty, !label.hasPrefix("_") else { return nil }
            return (a, label)
        }
        guard !entries.isEmpty else { return }
        let size = legend.fontSize * pt
        let em = size
        let rowHeight = PlotFont.height(size: size)
        let border = 0.4 * em, spacing = 0.5 * em, handle = 2 * em, handlePad = 0.8 * em, axesPad = 0.5 * em
        let textWidth = entries.map { PlotFont.width($0.1, size: size) }.max() ?? 0
        let width = 2 * border + handle + handlePad + textWidth
        let height = 2 * border + Double(entries.count) * rowHeight + Double(entries.count - 1) * spacing
        let legendBox = place(legend.location, width: width, height: height, pad: axesPad)
        if legend.frameOn {
            scene.items.append(.path(PlotScene.Path(points: PlotScene.rectangle(legendBox), closed: true,
                                                    fill: PlotColor(r: 1, g: 1, b: 1, a: 0.8),
                                                    stroke: PlotColor(r: 0.8, g: 0.8, b: 0.8), width: 1 * pt, dash: nil, clip: nil)))
        }
        for (i, (artist, label)) in entries.enumerated() {
            let top = legendBox.y + border + Double(i) * (rowHeight + spacing)
            let mid = top + rowHeight / 2
            let x0 = legendBox.x + border
            switch artist {
            case .line(let l):
                if l.style != .none {
                    scene.items.append(.path(PlotScene.Path(
                        points: [PlotScene.Point(x0, mid), PlotScene.Point(x0 + handle, mid)], closed: false, fill: nil,
                        stroke: l.color, width: l.width * pt, dash: l.style.dashPattern.map { $0.map { $0 * l.width * pt } },
                        clip: nil)))
                }
                if let m = l.marker { scene.items.append(.marker(marker(m, at: PlotScene.Point(x0 + handle / 2, mid), clip: false))) }
            case .scatter(let s):
                let color = s.colors.first ?? PlotFigure.colorCycle[0]
                let m = PlotMarker(shape: s.shape, size: (s.sizes.first ?? 36).squareRoot(), face: color, edge: color, edgeWidth: 1)
                scene.items.append(.marker(marker(m, at: PlotScene.Point(x0 + handle / 2, mid), clip: false)))
            case .bars(let b):
                let h = 0.7 * em
                scene.items.append(.path(PlotScene.Path(
                    points: PlotScene.rectangle(PlotScene.Box(x: x0, y: mid - h / 2, width: handle, height: h)), closed: true,
                    fill: b.color, stroke: b.edgeColor, width: b.edgeWidth * pt, dash: nil, clip: nil)))
            }
            scene.items.append(.text(PlotScene.Text(text: label, superscript: nil, at: PlotScene.Point(x0 + handle + handlePad, mid),
                                                    size: size, color: .black, hAlign: .left, vAlign: .center, rotation: 0)))
        }
    }

    /// The legend's box at `location`; `best` takes the first of matplotlib's candidate
    /// places that covers the fewest data points.
    private func place(_ location: PlotLegendLocation, width: Double, height: Double, pad: Double) -> PlotScene.Box {
        func candidate(_ loc: PlotLegendLocation) -> PlotScene.Box {
            let left = box.x + pad, right = box.x + box.width - pad - width, hcenter = box.x + (box.width - width) / 2
            let top = box.y + pad, bottom = box.y + box.height - pad - height, vcenter = box.y + (box.height - height) / 2
            let (x, y): (Double, Double)
            switch loc {
            case .best, .upperRight: (x, y) = (right, top)
            case .upperLeft: (x, y) = (left, top)
            case .lowerLeft: (x, y) = (left, bottom)
            case .lowerRight: (x, y) = (right, bottom)
            case .right, .centerRight: (x, y) = (right, vcenter)
            case .centerLeft: (x, y) = (left, vcenter)
            case .lowerCenter: (x, y) = (hcenter, bottom)
            case .upperCenter: (x, y) = (hcenter, top)
            case .center: (x, y) = (hcenter, vcenter)
            }
            return PlotScene.Box(x: x, y: y, width: width, height: height)
        }
        guard location == .best else { return candidate(location) }
        var points: [PlotScene.Point] = []
        for artist in axes.artists {
            switch artist {
            case .line(let l) where l.span == nil: points += zip(l.xs, l.ys).map { point($0, $1) }
            case .line: break
            case .scatter(let s): points += zip(s.xs, s.ys).map { point($0, $1) }
            case .bars(let b): points += b.rects.flatMap { [point($0.x0, $0.y1), point($0.x1, $0.y1), point(($0.x0 + $0.x1) / 2, $0.y1)] }
            }
        }
        let candidates: [PlotLegendLocation] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft,
                                                .centerRight, .lowerCenter, .upperCenter, .center]
        var best = candidates[0], fewest = Int.max
        for c in candidates {
            let b = candidate(c)
            let covered = points.filter { b.contains($0) }.count
            if covered < fewest { fewest = covered; best = c }
        }
        return candidate(best)
    }
}
