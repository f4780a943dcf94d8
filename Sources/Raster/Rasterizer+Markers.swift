import Geometry

extension Rasterizer {
    /// Draws `shape` (centred on the origin, in device pixels) at every point: filled with `fill`
    /// and outlined with `stroke`, each marker's fill then its outline, in the order given.
    ///
    /// Positions are rounded to a quarter pixel (see `MarkerStamper`). Points that are not
    /// finite, or whose marker lies wholly outside the clip, are skipped.
    public func stampMarkers(_ shape: Path, at points: [Point], fill: Color?, stroke: (StrokeStyle, Color)? = nil,
                             clip: Clip? = nil, into pixmap: inout Pixmap) {
        var layers: [(Path, UInt32)] = []
        if let f = fill, f.a > 0 { layers.append((shape, PremultipliedColor.pack(f.premultiplied))) }
        if let (style, color) = stroke, color.a > 0 {
            let (s, c) = Rasterizer.hairline(style, color, scale: 1)
            layers.append((strokeOutline(shape, style: s, transform: .identity), PremultipliedColor.pack(c.premultiplied)))
        }
        guard !layers.isEmpty, let lim = (clip?.rect ?? pixmap.bounds).intersection(pixmap.bounds) else { return }
        var stamper = MarkerStamper()
        swap(&stamper, &markers)
        defer { swap(&stamper, &markers) }
        // The 16 quarter-pixel variants of each layer, flattened (`MarkerSprites`) on first use.
        let steps = MarkerStamper.steps
        let w = pixmap.width
        let sprites = MarkerSprites(layers: layers.count, stride: w)
        let colors = layers.map(\.1)
        let clipMask = clip?.mask
        let xLow = Double(lim.x) - 1024, xHigh = Double(lim.maxX) + 1024
        let yLow = Double(lim.y) - 1024, yHigh = Double(lim.maxY) + 1024
        pixmap.withUnsafeMutablePixels { px in
            for p in points {
                guard p.x > xLow, p.x < xHigh, p.y > yLow, p.y < yHigh else { continue }  // NaN too
                let (ix, fx) = MarkerStamper.split(p.x), (iy, fy) = MarkerStamper.split(p.y)
                for l in 0..<colors.count {
                    let k = (l * steps + fx) * steps + fy
                    if sprites.variants[k].start < 0 {
                        let m = stamper.mask(layers[l].0, rule: .nonZero, fx: fx, fy: fy) { self.coverageMask($0, area: $1) }
                        sprites.build(k, mask: m, src: colors[l])
                    }
                    let v = sprites.variants[k]
                    guard v.present else { continue }
                    let x0 = ix + v.dx, y0 = iy + v.dy
                    if clipMask == nil, x0 >= lim.x, y0 >= lim.y, x0 + v.paddedWidth <= lim.maxX, y0 + v.height <= lim.maxY {
                        // Wholly inside, padding included: one four-pixel source-over per quad.
                        let at = px + y0 * w + x0
                        let offsets = sprites.offsets + v.start, sources = sprites.sources + v.start
                        for j in 0..<v.count { MarkerSprites.blend(sources[j], over: at + offsets[j]) }
                    } else if let m = sprites.masks[k] {
                        m.coverage.withUnsafeBufferPointer { cov in
                            Rasterizer.blendClipped(px, w, lim, clip, cov, m.width, m.height, x0, y0, colors[l])
                        }
                    }
                }
            }
        }
    }

    /// Fills one shape at every point: `stampMarkers` without an outline.
    public func stampMarkers(_ shape: Path, at points: [Point], color: Color, clip: Clip? = nil,
                             into pixmap: inout Pixmap) {
        stampMarkers(shape, at: points, fill: color, stroke: nil, clip: clip, into: &pixmap)
    }

    /// Blends a coverage mask at (x0, y0) cut to `lim` and multiplied by the clip's mask.
    static func blendClipped(_ px: UnsafeMutablePointer<UInt32>, _ w: Int, _ lim: IntRect, _ clip: Clip?,
                             _ cov: UnsafeBufferPointer<UInt8>, _ mw: Int, _ mh: Int, _ x0: Int, _ y0: Int, _ src: UInt32) {
        let xa = max(x0, lim.x), xb = min(x0 + mw, lim.maxX), ya = max(y0, lim.y), yb = min(y0 + mh, lim.maxY)
        guard xa < xb, ya < yb else { return }
        for y in ya..<yb {
            for x in xa..<xb {
                var c = cov[(y - y0) * mw + (x - x0)]
                if let clip { c = mul255(c, clip.coverage(x: x, y: y)) }
                if c != 0 { PixelBlend.span(px + y * w + x, count: 1, src: src, coverage: c) }
            }
        }
    }
}
