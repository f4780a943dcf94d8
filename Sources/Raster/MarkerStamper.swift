import Geometry

/// Coverage masks of marker shapes, rasterized once per (shape, quarter-pixel offset) and reused
/// for every marker of a scatter series.
///
/// A marker's position is rounded to a quarter pixel in x and y, so a shape has at most 16 masks;
/// the error (≤ 1/8 px) is invisible, and each further marker costs only the blend of its few
/// dozen pixels. matplotlib's Agg does the same with one mask at whole pixels (`draw_markers`),
/// which visibly snaps dense scatters; quarter pixels keep their sub-pixel texture. The cache is
/// bounded: it is emptied when it holds more than `limit` masks.
struct MarkerStamper {
    /// Sub-pixel positions per axis.
    static let steps = 4
    static let limit = 1024

    struct Key: Hashable {
        var outline: Path
        var rule: FillRule
        var fx: Int
        var fy: Int
    }

    /// A rasterized marker: coverage bytes, and where its top-left pixel sits relative to the
    /// whole-pixel part of the marker's (offset) centre.
    struct Mask {
        var width: Int
        var height: Int
        var dx: Int
        var dy: Int
        var coverage: [UInt8]
    }

    private var cache: [Key: Mask] = [:]

    /// The mask of `outline` (centred on the origin) placed at offset (`fx`, `fy`) quarter pixels,
    /// rasterized by `rasterize(path, area)` when it is not cached.
    mutating func mask(_ outline: Path, rule: FillRule, fx: Int, fy: Int,
                       rasterize: (Path, IntRect) -> [UInt8]) -> Mask? {
        let key = Key(outline: outline, rule: rule, fx: fx, fy: fy)
        if let m = cache[key] { return m }
        guard let b = outline.bounds, b.isFinite else { return nil }
        let ox = Double(fx) / Double(MarkerStamper.steps), oy = Double(fy) / Double(MarkerStamper.steps)
        let x0 = Int((b.minX + ox).rounded(.down)), y0 = Int((b.minY + oy).rounded(.down))
        let x1 = Int((b.maxX + ox).rounded(.up)), y1 = Int((b.maxY + oy).rounded(.up))
        guard x1 > x0, y1 > y0, x1 - x0 <= 4096, y1 - y0 <= 4096 else { return nil }
        let area = IntRect(x: 0, y: 0, width: x1 - x0, height: y1 - y0)
        let placed = outline.transformed(by: .translation(ox - Double(x0), oy - Double(y0)))
        let m = Mask(width: area.width, height: area.height, dx: x0, dy: y0, coverage: rasterize(placed, area))
        if cache.count >= MarkerStamper.limit { cache.removeAll(keepingCapacity: true) }
        cache[key] = m
        return m
    }

    /// Splits a coordinate into its whole pixel and its quarter-pixel step (0..<steps): `v` is
    /// rounded to the nearest quarter, halves away from zero.
    ///
    /// Integer arithmetic, the same values as `(v · 4).rounded()` then a floor division: the
    /// library calls `round` and `floor` were two calls per coordinate, about 2% of W4 (10⁵
    /// markers). `v` must be finite and well inside ±2⁵⁰ (callers keep it near the pixmap).
    @inline(__always)
    static func split(_ v: Double) -> (Int, Int) {
        let t = v * Double(steps)
        var q = Int(t)  // toward zero; t − q is exact
        let r = t - Double(q)
        if r >= 0.5 { q += 1 } else if r <= -0.5 { q -= 1 }
        // `steps` is a power of two: the shift floors, the mask is the non-negative remainder.
        return (q >> steps.trailingZeroBitCount, q & (steps - 1))
    }
}
