extension Pixmap {
    /// Composites `color` source-over through an 8-bit coverage mask whose top-left pixel lands at
    /// (`x`, `y`); the mask is `maskWidth` bytes a row. Used for glyphs and stamped markers.
    ///
    /// Pixels outside the pixmap or `clip` are skipped; a clip mask multiplies the coverage.
    public mutating func blendMask(
        _ mask: UnsafeBufferPointer<UInt8>, maskWidth: Int, maskHeight: Int,
        atX x: Int, y: Int, color: Color, clip: Clip? = nil
    ) {
        let area = clip?.rect.intersection(bounds) ?? bounds
        let x0 = max(x, area.x), x1 = min(x + maskWidth, area.maxX)
        let y0 = max(y, area.y), y1 = min(y + maskHeight, area.maxY)
        guard x0 < x1, y0 < y1, color.a > 0 else { return }
        let src = color.premultiplied
        let w = width
        data.withUnsafeMutableBytes { raw in
            let px = raw.bindMemory(to: UInt8.self)
            for py in y0..<y1 {
                let mrow = (py - y) * maskWidth - x
                for pxX in x0..<x1 {
                    var cov = mask[mrow + pxX]
                    if cov == 0 { continue }
                    if let c = clip, c.mask != nil { cov = mul255(cov, c.coverage(x: pxX, y: py)) }
                    let i = (py * w + pxX) * 4
                    Pixmap.blend(px, i, src, coverage: cov)
                }
            }
        }
    }

    /// Source-over of a premultiplied colour scaled by `coverage` onto the pixel at byte `i`.
    @inlinable @inline(__always)
    static func blend(_ px: UnsafeMutableBufferPointer<UInt8>, _ i: Int, _ s: PremultipliedColor, coverage: UInt8) {
        if coverage == 255 && s.a == 255 {
            px[i] = s.r; px[i + 1] = s.g; px[i + 2] = s.b; px[i + 3] = 255
            return
        }
        let sa = mul255(s.a, coverage)
        let inv = 255 - sa
        px[i] = mul255(s.r, coverage) &+ mul255(px[i], inv)
        px[i + 1] = mul255(s.g, coverage) &+ mul255(px[i + 1], inv)
        px[i + 2] = mul255(s.b, coverage) &+ mul255(px[i + 2], inv)
        px[i + 3] = sa &+ mul255(px[i + 3], inv)
    }
}
