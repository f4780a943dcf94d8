// Raster: paths to anti-aliased pixels in a premultiplied RGBA8 pixmap.
//
// Design: every shape becomes line edges in device pixels (curves flattened to 0.1 px by
// `PathFlattener`, strokes turned into outlines by `Stroker`), and the edges go into an
// exact-area coverage accumulator (`CoverageAccumulator`, after font-rs and FreeType's smooth
// rasterizer) sized to the shape's bounds cut to the clip. The sweep hands out runs of equal
// coverage, so interiors are solid spans (plain stores for opaque colours) and the empty parts of
// a sparse shape are skipped a 16-pixel block at a time. No supersampling: plot lines are long
// and nearly horizontal, and a few vertical sub-samples would band them. Coordinates stay in
// floating point until the accumulator, which is exact to float precision.
//
// Fast paths where they pay, measured in bench/: axis-aligned rectangles (`fillRect`, exact
// area per edge pixel, solid interior), markers rasterized once per (shape, quarter-pixel offset)
// and stamped four pixels at a time (`MarkerStamper`, `MarkerSprites`), and thin strokes drawn as a 1-px hairline whose alpha is scaled
// by the width (no drop-outs, no moiré).
//
// Bad input: non-finite points are dropped by the flattener (a NaN splits a polyline); huge
// coordinates are clipped to the area in double precision before they reach the accumulator;
// zero-area paths draw nothing. A `Rasterizer` owns its scratch buffers and caches, so it belongs
// to one thread (the render thread) and is deliberately not `Sendable`.

import Geometry

/// Draws paths, rectangles, markers and images into a `Pixmap`; owns reusable scratch buffers.
public final class Rasterizer {
    /// The flattening tolerance for curves, in device pixels.
    public var tolerance: Double = PathFlattener.defaultTolerance
    var accumulator = CoverageAccumulator()
    var markers = MarkerStamper()

    public init() {}

    /// The cells the scratch accumulator holds now (it grows to the largest area drawn and is
    /// reused; 4 bytes a cell).
    public var scratchCells: Int { accumulator.capacity }

    /// Frees the scratch accumulator, which grows to the largest area drawn and is otherwise
    /// kept: after a huge figure, so its buffer (about 4 bytes a pixel) does not stay resident.
    public func releaseScratch() {
        accumulator = CoverageAccumulator()
    }

    /// Fills `path` (mapped through `transform`) with `color` under `rule`, anti-aliased.
    public func fill(_ path: Path, transform: Transform = .identity, rule: FillRule = .nonZero,
                     color: Color, clip: Clip? = nil, into pixmap: inout Pixmap) {
        fill(path, transform: transform, rule: rule, color: color, clip: clip, bounds: nil, linesOnly: false, into: &pixmap)
    }

    /// `fill` for callers that know more: `bounds` (device space, a superset of the path's
    /// extent) spares a pass over the points, and `linesOnly` the search for curves; both pay on
    /// the outlines of million-segment strokes.
    func fill(_ path: Path, transform: Transform, rule: FillRule, color: Color, clip: Clip?, bounds: Rect?,
              linesOnly: Bool, into pixmap: inout Pixmap) {
        guard color.a > 0, let box = bounds ?? Rasterizer.deviceBounds(path, transform),
              let area = Rasterizer.area(of: box, within: clip?.rect ?? pixmap.bounds, pixmap: pixmap.bounds)
        else { return }
        // When nothing was cut off, every edge lies inside the area and skips clipping. Only for
        // a translation: it maps points and the box with the same (monotonic) rounding.
        let translateOnly = transform.a == 1 && transform.b == 0 && transform.c == 0 && transform.d == 1
        let inside = translateOnly && box.minX >= Double(area.x) && box.maxX <= Double(area.maxX)
            && box.minY >= Double(area.y) && box.maxY <= Double(area.maxY)
        let src = PremultipliedColor.pack(color.premultiplied)
        var acc = takeAccumulator(area, path, transform, linesOnly: linesOnly, inside: inside)
        defer { accumulator = acc }
        let w = pixmap.width
        pixmap.withUnsafeMutablePixels { px in
            if let mask = clip?.mask, let c = clip?.rect {
                mask.withUnsafeBufferPointer { m in
                    acc.sweep(rule: rule) { y, x, n, cov in
                        let gy = y + area.y, gx = x + area.x
                        PixelBlend.span(px + gy * w + gx, count: n, src: src, coverage: cov,
                                        mask: m.baseAddress! + (gy - c.y) * c.width + (gx - c.x))
                    }
                }
            } else {
                acc.sweep(rule: rule) { y, x, n, cov in
                    PixelBlend.span(px + (y + area.y) * w + x + area.x, count: n, src: src, coverage: cov)
                }
            }
        }
    }

    /// The anti-aliased coverage (0...255) of `path` over `area`, `area.width` bytes a row.
    ///
    /// Used for clip masks, stamped markers and text outlines.
    public func coverageMask(_ path: Path, transform: Transform = .identity, rule: FillRule = .nonZero,
                             area: IntRect) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: area.width * area.height)
        guard !area.isEmpty else { return out }
        var acc = takeAccumulator(area, path, transform, linesOnly: false)
        defer { accumulator = acc }
        let w = area.width
        out.withUnsafeMutableBufferPointer { o in
            acc.sweep(rule: rule) { y, x, n, cov in
                (o.baseAddress! + y * w + x).update(repeating: cov, count: n)
            }
        }
        return out
    }

    /// Moves the scratch accumulator out of `self` (so the hot loop mutates a local value, free of
    /// class exclusivity checks), sized to `area`, with the path's edges added.
    private func takeAccumulator(_ area: IntRect, _ path: Path, _ transform: Transform, linesOnly: Bool,
                                 inside: Bool = false) -> CoverageAccumulator {
        var acc = CoverageAccumulator()
        swap(&acc, &accumulator)
        acc.reset(width: area.width, height: area.height)
        let t = transform.translated(-Double(area.x), -Double(area.y))
        if !linesOnly && path.verbs.contains(where: { $0 == .quad || $0 == .cubic }) {
            PathFlattener.walk(path, transform: t, tolerance: tolerance, closeSubpaths: true) { a, b in
                acc.addLine(a, b)
            }
        } else {
            Rasterizer.addPolygons(path, t, inside: inside, &acc)
        }
        return acc
    }

    /// Adds the edges of a path of straight lines (a stroke outline, a polygon) without the
    /// general flattener: the hot path for strokes of long polylines. Like `PathFlattener.walk`,
    /// it skips non-finite points and closes every sub-path.
    static func addPolygons(_ path: Path, _ t: Transform, inside: Bool, _ acc: inout CoverageAccumulator) {
        if inside {
            addPolygons(path, t, &acc) { a, p, q in a.addLineInside(p.x, p.y, q.x, q.y) }
        } else {
            addPolygons(path, t, &acc) { a, p, q in a.addLine(p, q) }
        }
    }

    @inline(__always)
    static func addPolygons(_ path: Path, _ t: Transform, _ acc: inout CoverageAccumulator,
                            _ add: (inout CoverageAccumulator, Point, Point) -> Void) {
        let translateOnly = t.a == 1 && t.b == 0 && t.c == 0 && t.d == 1
        path.verbs.withUnsafeBufferPointer { verbs in
            path.points.withUnsafeBufferPointer { pts in
                var i = 0
                var start = Point.zero, pen = Point.zero
                var open = false
                for v in verbs {
                    switch v {
                    case .move, .line:
                        let p = translateOnly ? Point(pts[i].x + t.tx, pts[i].y + t.ty) : t.apply(pts[i])
                        i += 1
                        guard p.x.isFinite && p.y.isFinite else { continue }
                        if v == .move || !open {
                            if open { add(&acc, pen, start) }
                            start = p; open = true
                        } else {
                            add(&acc, pen, p)
                        }
                        pen = p
                    case .close:
                        if open { add(&acc, pen, start); pen = start }
                    case .quad, .cubic:
                        preconditionFailure("addPolygons takes straight lines only")
                    }
                }
                if open { add(&acc, pen, start) }
            }
        }
    }

    /// The whole pixels a path may touch: its transformed bounds cut to `limit` and the pixmap.
    func area(of path: Path, transform: Transform, within limit: IntRect, pixmap: IntRect) -> IntRect? {
        Rasterizer.deviceBounds(path, transform).flatMap { Rasterizer.area(of: $0, within: limit, pixmap: pixmap) }
    }

    /// The device-space box of a path's bounds mapped through `transform`; nil for an empty path
    /// or a NaN box.
    static func deviceBounds(_ path: Path, _ transform: Transform) -> Rect? {
        guard let b = path.bounds else { return nil }
        if transform.isIdentity { return b }
        let corners = [Point(b.minX, b.minY), Point(b.maxX, b.minY), Point(b.minX, b.maxY), Point(b.maxX, b.maxY)]
            .map(transform.apply)
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        for c in corners { x0 = min(x0, c.x); y0 = min(y0, c.y); x1 = max(x1, c.x); y1 = max(y1, c.y) }
        guard !x0.isNaN, !y0.isNaN, !x1.isNaN, !y1.isNaN else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The whole pixels of a device-space box cut to `limit` and the pixmap; nil when empty.
    static func area(of b: Rect, within limit: IntRect, pixmap: IntRect) -> IntRect? {
        guard let lim = limit.intersection(pixmap), !b.x.isNaN, !b.y.isNaN, !b.width.isNaN, !b.height.isNaN else { return nil }
        // Clamp in double before converting, so 1e30 or infinity cannot overflow an Int.
        let lx0 = Double(lim.x), ly0 = Double(lim.y), lx1 = Double(lim.maxX), ly1 = Double(lim.maxY)
        let ix0 = Int(max(lx0, min(lx1, b.minX.rounded(.down)))), iy0 = Int(max(ly0, min(ly1, b.minY.rounded(.down))))
        let ix1 = Int(max(lx0, min(lx1, b.maxX.rounded(.up)))), iy1 = Int(max(ly0, min(ly1, b.maxY.rounded(.up))))
        guard ix1 > ix0, iy1 > iy0 else { return nil }
        return IntRect(x: ix0, y: iy0, width: ix1 - ix0, height: iy1 - iy0)
    }
}
