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
    /// The points of every scatter in the panel, which `ScatterDensity` scales markers by, so the
    /// groups of one panel draw at one size and opacity (nil: the series' own count).
    var scatterPoints: Int? = nil
    /// The axes' data → position rules, built once: every point goes through them.
    private let fx: AxisTransform
    private let fy: AxisTransform
    /// The frame's pixel spans: x rightwards from its left edge, y upwards from its bottom edge.
    private let xSpan: AxisTransform.Span
    private let ySpan: AxisTransform.Span

    init(x: AxisModel, y: AxisModel, frame: Rect, style: ResolvedStyle) {
        self.x = x; self.y = y; self.frame = frame; self.style = style
        fx = x.transform; fy = y.transform
        xSpan = .x(of: frame); ySpan = .y(of: frame)
    }

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
        guard v.isFinite, fx.isValid(v) else { return nil }
        return fx.pixel(v, on: xSpan)
    }

    /// The device y of a data value (see `px`).
    func py(_ v: Double) -> Double? {
        if v == .infinity { return frame.minY - 2 * style.lineWidth }
        if v == -.infinity { return frame.maxY + 2 * style.lineWidth }
        guard v.isFinite, fy.isValid(v) else { return nil }
        return fy.pixel(v, on: ySpan)
    }

    /// The series' points in device pixels, with nil where the line breaks; every `stride`-th
    /// point only when `stride` > 1 (a sample, for legend placement on huge series).
    func points(_ s: Series, stride: Int = 1) -> [Point?] {
        let n = min(s.x.count, s.y.count)
        var out: [Point?] = []
        out.reserveCapacity(n / max(1, stride) + 1)
        var i = 0
        while i < n {
            if let a = px(s.x[i]), let b = py(s.y[i]) { out.append(Point(a, b)) } else { out.append(nil) }
            i += max(1, stride)
        }
        return out
    }

    /// The series' drawable points in device pixels: those of `points`, without the breaks. A
    /// scatter of 10⁵ points spares the optional array in between (2.4 MB of fresh pages).
    func drawnPoints(_ s: Series) -> [Point] {
        let n = min(s.x.count, s.y.count)
        var out: [Point] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            if let a = px(s.x[i]), let b = py(s.y[i]) { out.append(Point(a, b)) }
        }
        return out
    }

    func draw(_ p: PreparedSeries, color: Color, into scene: inout Scene) {
        let s = p.series
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
                drawMarkers(pts.compactMap { $0 }, shape: m, size: s.markerSize, color: c, into: &scene)
            } else if !SeriesPainter.runs(pts).contains(where: { $0.count >= 2 }) {
                // Only isolated points (a single row, or every neighbour missing): a line would
                // draw nothing, so show them as dots.
                drawMarkers(pts.compactMap { $0 }, shape: .circle, size: s.markerSize, color: c, into: &scene)
            }
            drawErrors(s, color: c, into: &scene)
        case .scatter:
            drawErrors(s, color: c, into: &scene)
            let dense = ScatterDensity.scaling(count: max(min(s.x.count, s.y.count), scatterPoints ?? 0))
            let size = s.markerSize ?? (dense.size < 1 ? style.markerSize / style.ppp * dense.size : nil)
            // Points coloured by value stay opaque: translucency would shift their colours.
            let opacity = s.alpha == 1 && s.colorValues.isEmpty ? dense.alpha : alpha
            if s.colorValues.isEmpty {
                drawMarkers(drawnPoints(s), shape: s.marker ?? .circle, size: size, color: color.withOpacity(opacity), into: &scene)
            } else {
                drawColoredMarkers(p, points: points(s), shape: s.marker ?? .circle, size: size, opacity: opacity, into: &scene)
            }
        case .step:
            scene.stroke(SeriesPainter.polyline(steps(points(s))), style: stroke, color: c)
        case .area where s.y2 != nil:
            drawBand(s, color: color.withOpacity(alpha * 0.35), stroke: lw > 0 ? (stroke, c) : nil, into: &scene)
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
        case .bar, .histogram:
            drawBars(p, color: c, into: &scene)
        case .box:
            drawBoxes(p, color: s.color ?? style.theme.text, into: &scene)
        case .heatmap:
            drawHeatmap(p, into: &scene)
        case .pie:
            break  // pies draw in pie panels only (PanelPainter)
        }
    }

    /// An area between two edges (`y2` below, `y` above): one polygon per stretch where x and
    /// both edges are drawable, forward along `y` and back along `y2`; the edges are stroked
    /// only when `stroke` is given (a band has none).
    func drawBand(_ s: Series, color: Color, stroke: (StrokeStyle, Color)?, into scene: inout Scene) {
        guard let low = s.y2 else { return }
        let n = min(s.x.count, s.y.count, low.count)
        var fill = Path()
        var upper: [Point] = [], lower: [Point] = []
        var edges: [[Point]] = []
        func flush() {
            if upper.count >= 2 {
                fill.move(to: upper[0])
                for p in upper.dropFirst() { fill.line(to: p) }
                for p in lower.reversed() { fill.line(to: p) }
                fill.close()
                edges += [upper, lower]
            }
            upper.removeAll(keepingCapacity: true); lower.removeAll(keepingCapacity: true)
        }
        for i in 0..<n {
            if let a = px(s.x[i]), let hi = py(s.y[i]), let lo = py(low[i]) {
                upper.append(Point(a, hi)); lower.append(Point(a, lo))
            } else {
                flush()
            }
        }
        flush()
        scene.fill(fill, color: color)
        if let (style, c) = stroke {
            var path = Path()
            for e in edges { path.append(Path(polyline: e)) }
            scene.stroke(path, style: style, color: c)
        }
    }

    /// A bar's rectangle in device pixels (value axis and position axis swapped for horizontal
    /// bars); nil when an end is not drawable on the scale.
    func rect(_ b: PreparedSeries.Bar, horizontal: Bool) -> Rect? {
        let p0 = b.position - b.width / 2, p1 = b.position + b.width / 2
        if horizontal {
            guard let a = py(p0), let c = py(p1), let v0 = px(b.low) ?? px(x.low), let v1 = px(b.high) else { return nil }
            return Rect(corner: Point(v0, a), Point(v1, c))
        }
        guard let a = px(p0), let c = px(p1), let v0 = py(b.low) ?? py(y.low), let v1 = py(b.high) else { return nil }
        return Rect(corner: Point(a, v0), Point(c, v1))
    }

    /// Bars as filled rectangles without edges (matplotlib's bar and hist defaults), then their
    /// error bars in the theme's text colour (matplotlib's `ecolor` for bars is black).
    func drawBars(_ p: PreparedSeries, color: Color, into scene: inout Scene) {
        let horizontal = p.series.barOrientation == .horizontal
        var path = Path()
        for b in p.bars { if let r = rect(b, horizontal: horizontal) { path.append(Path.rect(r)) } }
        if !path.isEmpty { scene.fill(path, color: color) }
        var errors: [(Point, Point, Bool)] = []
        for b in p.bars where b.error.isFinite {
            if horizontal {
                guard let c = py(b.position), let a = px(b.high - b.error), let z = px(b.high + b.error) else { continue }
                errors.append((Point(a, c), Point(z, c), true))
            } else {
                guard let c = px(b.position), let a = py(b.high - b.error), let z = py(b.high + b.error) else { continue }
                errors.append((Point(c, a), Point(c, z), false))
            }
        }
        strokeErrors(errors, color: style.theme.text, into: &scene)
    }

    /// The half length of an error bar's cap in pixels. matplotlib's 2.0 style has no caps
    /// (`errorbar.capsize` 0); we draw small ones, 2.5 pt each side, so a bar's end reads
    /// clearly against the grid.
    var capHalf: Double { 2.5 * style.ppp }

    /// Vertical error bars of a line or scatter series at ±yError around each point.
    func drawErrors(_ s: Series, color: Color, into scene: inout Scene) {
        guard let e = s.yError else { return }
        var segs: [(Point, Point, Bool)] = []
        for i in 0..<min(s.x.count, s.y.count, e.count) where e[i].isFinite {
            guard let c = px(s.x[i]), let a = py(s.y[i] - abs(e[i])), let z = py(s.y[i] + abs(e[i])) else { continue }
            segs.append((Point(c, a), Point(c, z), false))
        }
        strokeErrors(segs, color: color, into: &scene)
    }

    /// Error segments with caps at both ends (perpendicular to the segment).
    func strokeErrors(_ segs: [(Point, Point, Bool)], color: Color, into scene: inout Scene) {
        guard !segs.isEmpty else { return }
        var path = Path()
        let h = capHalf
        for (a, b, horizontal) in segs {
            path.move(to: a); path.line(to: b)
            for q in [a, b] {
                if horizontal { path.move(to: Point(q.x, q.y - h)); path.line(to: Point(q.x, q.y + h)) }
                else { path.move(to: Point(q.x - h, q.y)); path.line(to: Point(q.x + h, q.y)) }
            }
        }
        scene.stroke(path, style: StrokeStyle(width: style.lineWidth, cap: .butt, join: .miter), color: color)
    }

    /// matplotlib's boxplot defaults: an unfilled box and whiskers in `color` (black), 1 pt
    /// lines, caps half the box wide, the median in the cycle's second colour (C1), fliers as
    /// hollow circles.
    func drawBoxes(_ p: PreparedSeries, color: Color, into scene: inout Scene) {
        let lw = 1 * style.ppp
        var lines = Path(), medians = Path()
        var fliers: [Point] = []
        for b in p.boxes {
            let st = b.stats
            guard let x0 = px(b.position - b.width / 2), let x1 = px(b.position + b.width / 2),
                  let c0 = px(b.position - b.width / 4), let c1 = px(b.position + b.width / 4), let xc = px(b.position),
                  let q1 = py(st.q1), let q3 = py(st.q3), let med = py(st.median),
                  let wl = py(st.whiskerLow), let wh = py(st.whiskerHigh) else { continue }
            lines.append(Path.rect(Rect(corner: Point(x0, q1), Point(x1, q3))))
            lines.move(to: Point(xc, q1)); lines.line(to: Point(xc, wl))
            lines.move(to: Point(xc, q3)); lines.line(to: Point(xc, wh))
            lines.move(to: Point(c0, wl)); lines.line(to: Point(c1, wl))
            lines.move(to: Point(c0, wh)); lines.line(to: Point(c1, wh))
            medians.move(to: Point(x0, med)); medians.line(to: Point(x1, med))
            for f in st.fliers { if let fy = py(f) { fliers.append(Point(xc, fy)) } }
        }
        let stroke = StrokeStyle(width: lw, cap: .butt, join: .miter)
        scene.stroke(lines, style: stroke, color: color)
        scene.stroke(medians, style: stroke, color: style.theme.color(1))
        if !fliers.isEmpty {
            scene.markers(Path.marker(.circle, size: style.markerSize), at: fliers, fill: nil,
                          stroke: (StrokeStyle(width: lw), color))
        }
    }

    /// The matrix as an image, one pixel per cell, scaled with the nearest filter into the
    /// cells' extent (−0.5 … n − 0.5 on both axes); NaN cells stay transparent.
    func drawHeatmap(_ p: PreparedSeries, into scene: inout Scene) {
        let m = p.series.matrix
        let rows = m.count, cols = m.map(\.count).max() ?? 0
        guard rows > 0, cols > 0, let pixmap = SeriesPainter.heatmapPixmap(m, map: p.series.colorMap, limits: p.colorLimits),
              let x0 = px(-0.5), let x1 = px(Double(cols) - 0.5), let y0 = py(-0.5), let y1 = py(Double(rows) - 0.5) else { return }
        scene.image(pixmap, in: Rect(corner: Point(x0, y0), Point(x1, y1)), filter: .nearest,
                    opacity: p.series.alpha.isFinite ? max(0, min(1, p.series.alpha)) : 1)
    }

    /// One pixel per cell, row 0 on top; short rows and NaN cells transparent.
    static func heatmapPixmap(_ m: [[Double]], map: ColorMap, limits: (low: Double, high: Double)) -> Pixmap? {
        let rows = m.count, cols = m.map(\.count).max() ?? 0
        guard var pm = try? Pixmap(width: cols, height: rows) else { return nil }
        for (r, row) in m.enumerated() {
            for (c, v) in row.enumerated() {
                if let color = map.color(v, low: limits.low, high: limits.high) { pm.setPixel(x: c, y: r, color.premultiplied) }
            }
        }
        return pm
    }

    /// Device points that stand for what a series covers, for the legend's `best` search: the
    /// line's points, each bar's outline, each box's corners and whisker ends.
    func footprint(_ p: PreparedSeries) -> [Point?] {
        switch p.series.kind {
        case .bar, .histogram:
            var out: [Point?] = []
            for b in p.bars {
                guard let r = rect(b, horizontal: p.series.barOrientation == .horizontal) else { continue }
                out += [Point(r.minX, r.maxY), Point(r.minX, r.minY), Point(r.maxX, r.minY), Point(r.maxX, r.maxY), nil]
            }
            return out
        case .box:
            var out: [Point?] = []
            for b in p.boxes {
                for v in [b.stats.whiskerLow, b.stats.q1, b.stats.q3, b.stats.whiskerHigh] + b.stats.fliers {
                    if let a = px(b.position - b.width / 2), let c = px(b.position + b.width / 2), let yy = py(v) {
                        out += [Point(a, yy), Point(c, yy), nil]
                    }
                }
            }
            return out
        case .heatmap, .pie:
            return []
        default:
            // At most about 8,000 points: the legend's badness only needs the shape.
            return points(p.series, stride: max(1, min(p.series.x.count, p.series.y.count) / 8000))
        }
    }

    /// Stamps a scatter coloured by value: each point in its `colorMap` colour, one marker batch
    /// per colour (in order of first appearance); points with a NaN value are not drawn.
    func drawColoredMarkers(_ p: PreparedSeries, points pts: [Point?], shape: MarkerShape, size: Double?, opacity: Double,
                            into scene: inout Scene) {
        let s = p.series
        let (lo, hi) = p.colorLimits
        var order: [Color] = [], batches: [Color: [Point]] = [:]
        for (i, point) in pts.enumerated() {
            guard let point, i < s.colorValues.count, let c = s.colorMap.color(s.colorValues[i], low: lo, high: hi) else { continue }
            if batches[c] == nil { order.append(c) }
            batches[c, default: []].append(point)
        }
        for c in order { drawMarkers(batches[c] ?? [], shape: shape, size: size, color: c.withOpacity(opacity), into: &scene) }
    }

    /// Stamps one marker per point; `size` in points (nil = the theme's).
    func drawMarkers(_ pts: [Point], shape: MarkerShape, size: Double?, color: Color, into scene: inout Scene) {
        guard !pts.isEmpty else { return }
        let d = size.flatMap { $0 > 0 && $0.isFinite ? $0 * style.ppp : nil } ?? style.markerSize
        scene.markers(Path.marker(shape, size: d), at: pts, fill: color)
    }

    /// The points of a line, reduced per pixel column (M4) when there are many more than pixels.
    func reduced(_ s: Series) -> [Point?] {
        let n = min(s.x.count, s.y.count)
        guard n > 4 * Int(frame.width) else { return points(s) }
        let r = M4Decimator(axis: fx, pixels: xSpan).reduce(x: Array(s.x.prefix(n)), y: Array(s.y.prefix(n)))
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
