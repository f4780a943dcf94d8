import Geometry

extension Rasterizer {
    /// Strokes `path` (mapped through `transform`) with `style` and `color`, anti-aliased.
    ///
    /// Dashes, then outlines (`Stroker`), then fills the outline with the nonzero rule. A stroke
    /// thinner than one device pixel is drawn as a 1-px hairline with its alpha scaled by the
    /// width, so it never drops out and keeps its apparent weight.
    public func stroke(_ path: Path, style: StrokeStyle, transform: Transform = .identity, color: Color,
                       clip: Clip? = nil, into pixmap: inout Pixmap) {
        guard color.a > 0, style.width > 0, style.width.isFinite else { return }
        let (s, c) = Rasterizer.hairline(style, color, scale: transform.maxScale)
        // The outline lies within the path's device bounds grown by the stroke's reach: half the
        // width times the miter limit (miter joins), √2 (square caps) or 1 (round and bevel).
        var bounds: Rect? = nil
        if let b = path.bounds {
            let m = transform.maxScale
            let reach = s.width / 2 * m * max(s.join == .miter ? max(1, s.miterLimit) : 1, s.cap == .square ? 2.0.squareRoot() : 1) + 1
            let corners = [Point(b.minX, b.minY), Point(b.maxX, b.minY), Point(b.minX, b.maxY), Point(b.maxX, b.maxY)]
                .map(transform.apply)
            let xs = corners.map(\.x), ys = corners.map(\.y)
            bounds = Rect(x: xs.min()! - reach, y: ys.min()! - reach,
                          width: xs.max()! - xs.min()! + 2 * reach, height: ys.max()! - ys.min()! + 2 * reach)
        }
        fill(strokeOutline(path, style: s, transform: transform), transform: .identity, rule: .nonZero, color: c,
             clip: clip, bounds: bounds, linesOnly: true, into: &pixmap)
    }

    /// The outline of a stroke in device space, ready to fill with the nonzero rule.
    public func strokeOutline(_ path: Path, style: StrokeStyle, transform: Transform) -> Path {
        Stroker.outline(path, style: style, transform: transform, tolerance: tolerance)
    }

    /// A sub-pixel stroke as a 1-px one with proportionally less alpha; other strokes unchanged.
    static func hairline(_ style: StrokeStyle, _ color: Color, scale: Double) -> (StrokeStyle, Color) {
        let deviceWidth = style.width * scale
        guard deviceWidth < 1, scale > 0 else { return (style, color) }
        var s = style
        s.width = 1 / scale
        return (s, color.withOpacity(deviceWidth))
    }
}
