import Geometry

extension Rasterizer {
    /// Draws `shape` (centred on the origin, in device pixels) at every point: filled with `fill`
    /// and outlined with `stroke`, each marker's fill then its outline, in the order given.
    ///
    /// Points that are not finite or whose marker lies wholly outside the clip are skipped.
    public func stampMarkers(_ shape: Path, at points: [Point], fill: Color?, stroke: (StrokeStyle, Color)? = nil,
                             clip: Clip? = nil, into pixmap: inout Pixmap) {
        let fillSrc = fill.map { PremultipliedColor.pack($0.premultiplied) } ?? 0
        var outline: Path? = nil
        var strokeSrc: UInt32 = 0
        if let (style, color) = stroke, color.a > 0 {
            outline = strokeOutline(shape, style: style, transform: .identity)
            strokeSrc = PremultipliedColor.pack(color.premultiplied)
        }
        guard fillSrc != 0 || strokeSrc != 0 else { return }
        var stamper = MarkerStamper()
        swap(&stamper, &markers)
        defer { swap(&stamper, &markers) }
        let raster: (Path, IntRect) -> [UInt8] = { p, a in self.coverageMask(p, area: a) }
        let limit = (clip?.rect ?? pixmap.bounds).intersection(pixmap.bounds)
        guard let lim = limit else { return }
        for p in points where p.isFinite {
            guard p.x > Double(lim.x) - 4096, p.x < Double(lim.maxX) + 4096,
                  p.y > Double(lim.y) - 4096, p.y < Double(lim.maxY) + 4096 else { continue }
            let (ix, fx) = MarkerStamper.split(p.x), (iy, fy) = MarkerStamper.split(p.y)
            if fillSrc != 0, let m = stamper.mask(shape, rule: .nonZero, fx: fx, fy: fy, rasterize: raster) {
                stamp(m, ix, iy, fillSrc, clip, &pixmap)
            }
            if strokeSrc != 0, let o = outline,
               let m = stamper.mask(o, rule: .nonZero, fx: fx, fy: fy, rasterize: raster) {
                stamp(m, ix, iy, strokeSrc, clip, &pixmap)
            }
        }
    }

    /// Fills one shape at every point: `stampMarkers` without an outline.
    public func stampMarkers(_ shape: Path, at points: [Point], color: Color, clip: Clip? = nil,
                             into pixmap: inout Pixmap) {
        stampMarkers(shape, at: points, fill: color, stroke: nil, clip: clip, into: &pixmap)
    }

    @inline(__always)
    private func stamp(_ m: MarkerStamper.Mask, _ ix: Int, _ iy: Int, _ src: UInt32, _ clip: Clip?, _ pixmap: inout Pixmap) {
        m.coverage.withUnsafeBufferPointer { cov in
            pixmap.blendMask(cov, maskWidth: m.width, maskHeight: m.height, atX: ix + m.dx, y: iy + m.dy,
                             premultiplied: src, clip: clip)
        }
    }
}
