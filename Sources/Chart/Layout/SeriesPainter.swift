import Geometry
import Raster
import Scene

/// Draws one series into a panel's frame: lines (NaN breaks them, ±inf sits on the frame's
/// edge), scatter markers, steps, filled areas and bars.
///
/// Lines with more than four points per pixel column are first reduced with `M4Decimator`
/// (first, min, max and last of each column), which draws the same pixels as the full line at
/// a fraction of the cost.
struct SeriesPainter {
    let x: AxisModel
    let y: AxisModel
    let frame: Rect
    let style: ResolvedStyle

    /// A bar's width in data units: the series' own, or 0.8 of the smallest step between xs.
    static func barWidth(_ s: Series) -> Double {
        if let w = s.barWidth, w > 0, w.isFinite { return w }
        let xs = s.x.filter(\.isFinite).sorted()
        var step = Double.infinity
        for i in xs.indices.dropFirst() where xs[i] > xs[i - 1] { step = min(step, xs[i] - xs[i - 1]) }
        return 0.8 * (step.isFinite ? step : 1)
    }

    /// The device x of a data value; ±inf lands just outside the frame, NaN and values the
    /// scale rejects (≤ 0 on a log axis) give nil.
    func px(_ v: Double) -> Double? {
        if v == .infinity { return frame.maxX + 2 * style.lineWidth }
        if v == -.infinity { return frame.minX - 2 * style.lineWidth }
        guard v.isFinite, x.scale.isValid(v) else { return nil }
        return frame.minX + x.fraction(v) * frame.width
    }

    /// The device y of a data value (see `px`).
    func py(_ v: Double) -> Double? {
        if v == .infinity { return frame.minY - 2 * style.lineWidth }
        if v == -.infinity { return frame.maxY + 2 * style.lineWidth }
        guard v.isFinite, y.scale.isValid(v) else { return nil }
        return frame.maxY - y.fraction(v) * frame.height
    }

    /// The series' points in device pixels, with nil where the line breaks.
    func points(_ s: Series) -> [Point?] {
        let n = min(s.x.count, s.y.count)
        var out: [Point?] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            if let a = px(s.x[i]), let b = py(s.y[i]) { out.append(Point(a, b)) } else { out.append(nil) }
        }
        return out
    }

    func draw(_ s: Series, color: Color, into scene: inout Scene) {
        let alpha = s.alpha.isFinite ? max(0, min(1, s.alpha)) : 1
        let c = color.withOpacity(alpha)
        let lw = (s.lineWidth.map { $0 * style.ppp }) ?? style.lineWidth
        let stroke = StrokeStyle(width: lw, cap: .butt, join: .round,
                                 dash: s.dash.flatMap { DashPattern($0.map { $0 * lw }) })
        switch s.kind {
        case .line:
            let pts = reduced(s)
            scene.stroke(SeriesPainter.polyline(pts), style: stroke, color: c)
            if let m = s.marker {
                drawMarkers(pts.compactMap { $0 }, shape: m, color: c, into: &scene)
            } else if !SeriesPainter.runs(pts).contains(where: { $0.count >= 2 }) {
                // Only isolated points (a single row, or every neighbour missing): a line would
                // draw nothing, so show them as dots.
                drawMarkers(pts.compactMap { $0 }, shape: .circle, color: c, into: &scene)
            }
        case .scatter:
            drawMarkers(points(s).compactMap { $0 }, shape: s.marker ?? .circle, color: c, into: &scene)
        case .step:
            scene.stroke(SeriesPainter.polyline(steps(points(s))), style: stroke, color: c)
        case .area:
            let pts = reduced(s)
            guard let base = py(s.baseline) ?? py(y.low) else { return }
            var fill = Path()
            for run in SeriesPainter.runs(pts) where run.count >= 2 {
                fill.move(to: Point(run[0].x, base))
                for p in run { fill.line(to: p) }
                fill.line(to: Point(run[run.count - 1].x, base))
                fill.close()
            }
            scene.fill(fill, color: color.withOpacity(alpha * 0.35))
            scene.stroke(SeriesPainter.polyline(pts), style: stroke, color: c)
        case .bar:
            let half = SeriesPainter.barWidth(s) / 2
            let n = min(s.x.count, s.y.count)
            for i in 0..<n where s.x[i].isFinite && s.y[i].isFinite {
                guard let x0 = px(s.x[i] - half), let x1 = px(s.x[i] + half),
                      let y0 = py(s.baseline) ?? py(y.low), let y1 = py(s.y[i]) else { continue }
                scene.fill(Rect(corner: Point(x0, y0), Point(x1, y1)), color: c)
            }
        }
    }

    func drawMarkers(_ pts: [Point], shape: MarkerShape, color: Color, into scene: inout Scene) {
        guard !pts.isEmpty else { return }
        scene.markers(Path.marker(shape, size: style.markerSize), at: pts, fill: color)
    }

    /// The points of a line, reduced per pixel column (M4) when there are many more than pixels.
    func reduced(_ s: Series) -> [Point?] {
        let n = min(s.x.count, s.y.count)
        guard n > 4 * Int(frame.width) else { return points(s) }
        let mapping = AxisMapping(scale: x.scale, domain: (x.low, x.high), pixels: (frame.minX, frame.maxX))
        let r = M4Decimator(mapping: mapping).reduce(x: Array(s.x.prefix(n)), y: Array(s.y.prefix(n)))
        guard r.isReduced else { return points(s) }
        return points(Series(s.name, kind: s.kind, x: r.x, y: r.y))
    }

    /// 'Pre' steps, as matplotlib's default `step`: each y holds from the previous x up to its own.
    func steps(_ pts: [Point?]) -> [Point?] {
        var out: [Point?] = []
        var prev: Point? = nil
        for p in pts {
            if let p, let q = prev { out.append(Point(q.x, p.y)) }
            out.append(p)
            prev = p
        }
        return out
    }

    /// Maximal runs of consecutive non-nil points.
    static func runs(_ pts: [Point?]) -> [[Point]] {
        var out: [[Point]] = [], cur: [Point] = []
        for p in pts {
            if let p { cur.append(p) } else if !cur.isEmpty { out.append(cur); cur = [] }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// A path through the points, broken where a point is nil.
    static func polyline(_ pts: [Point?]) -> Path {
        var path = Path()
        path.reserveCapacity(verbs: pts.count, points: pts.count)
        var open = false
        for p in pts {
            guard let p else { open = false; continue }
            if open { path.line(to: p) } else { path.move(to: p); open = true }
        }
        return path
    }
}
