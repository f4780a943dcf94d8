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
        let bounds = Rasterizer.strokeBounds(path, style: s, transform: transform)
        fill(strokeOutline(path, style: s, transform: transform), transform: .identity, rule: .nonZero, color: c,
             clip: clip, bounds: bounds, linesOnly: true, into: &pixmap)
    }

    /// A device-space box that holds the stroke's outline: the path's bounds grown by the
    /// stroke's reach, half the width times the miter limit (miter joins), √2 (square caps) or 1
    /// (round and bevel), plus a pixel for the round joins' tangent polygons. The fill trusts it
    /// to skip per-edge clipping, so `StrokeBoundsTests` checks it against real outlines.
    static func strokeBounds(_ path: Path, style s: StrokeStyle, transform: Transform) -> Rect? {
        guard let b = path.bounds else { return nil }
        let m = transform.maxScale
        let reach = s.width / 2 * m * max(s.join == .miter ? max(1, s.miterLimit) : 1, s.cap == .square ? 2.0.squareRoot() : 1) + 1
        let corners = [Point(b.minX, b.minY), Point(b.maxX, b.minY), Point(b.minX, b.maxY), Point(b.maxX, b.maxY)]
            .map(transform.apply)
        let xs = corners.map(\.x), ys = corners.map(\.y)
        return Rect(x: xs.min()! - reach, y: ys.min()! - reach,
                    width: xs.max()! - xs.min()! + 2 * reach, height: ys.max()! - ys.min()! + 2 * reach)
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
