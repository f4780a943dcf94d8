import Geometry

extension Rasterizer {
    /// Draws `image` scaled into `rect`, sampled with `filter`, composited source-over at
    /// `opacity` (heat maps, colour bars).
    ///
    /// Each device pixel samples the image at its centre mapped into image space; pixels the
    /// rectangle only partly covers get their exact area as coverage, as in `fillRect`.
    /// `nearest` keeps heat-map cells crisp; `bilinear` interpolates premultiplied values and
    /// clamps at the image's edges.
    public func drawImage(_ image: Pixmap, in rect: Rect, filter: ImageFilter = .nearest, opacity: Double = 1,
                          clip: Clip? = nil, into pixmap: inout Pixmap) {
        let alpha = Rasterizer.byte(opacity)
        guard alpha > 0, rect.isFinite, !rect.isEmpty,
              let lim = (clip?.rect ?? pixmap.bounds).intersection(pixmap.bounds) else { return }
        let x0 = max(rect.minX, Double(lim.x)), x1 = min(rect.maxX, Double(lim.maxX))
        let y0 = max(rect.minY, Double(lim.y)), y1 = min(rect.maxY, Double(lim.maxY))
        guard x0 < x1, y0 < y1 else { return }
        let ix0 = Int(x0.rounded(.down)), ix1 = Int(x1.rounded(.up))
        let iy0 = Int(y0.rounded(.down)), iy1 = Int(y1.rounded(.up))
        let sx = Double(image.width) / rect.width, sy = Double(image.height) / rect.height
        let iw = image.width, ih = image.height, w = pixmap.width
        let mask = clip?.mask, crect = clip?.rect ?? lim
        image.data.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: UInt32.self) { src in
                pixmap.withUnsafeMutablePixels { px in
                    for y in iy0..<iy1 {
                        let cy = min(Double(y + 1), y1) - max(Double(y), y0)
                        let v = (Double(y) + 0.5 - rect.minY) * sy
                        for x in ix0..<ix1 {
                            let cx = min(Double(x + 1), x1) - max(Double(x), x0)
                            var cov = mul255(Rasterizer.byte(cx * cy), alpha)
                            if let mask { cov = mul255(cov, mask[(y - crect.y) * crect.width + (x - crect.x)]) }
                            if cov == 0 { continue }
                            let u = (Double(x) + 0.5 - rect.minX) * sx
                            let s: UInt32
                            switch filter {
                            case .nearest:
                                let ix = min(iw - 1, max(0, Int(u))), iy = min(ih - 1, max(0, Int(v)))
                                s = src[iy * iw + ix]
                            case .bilinear:
                                s = Rasterizer.bilinear(src, iw, ih, u - 0.5, v - 0.5)
                            }
                            PixelBlend.span(px + y * w + x, count: 1, src: s, coverage: cov)
                        }
                    }
                }
            }
        }
    }

    /// The premultiplied pixel of an `iw × ih` image at (u, v) in pixel-centre coordinates,
    /// interpolated between the four nearest pixels, edges clamped.
    static func bilinear(_ src: UnsafeBufferPointer<UInt32>, _ iw: Int, _ ih: Int, _ u: Double, _ v: Double) -> UInt32 {
        let fu = u.rounded(.down), fv = v.rounded(.down)
        let x0 = min(iw - 1, max(0, Int(fu))), x1 = min(iw - 1, max(0, Int(fu) + 1))
        let y0 = min(ih - 1, max(0, Int(fv))), y1 = min(ih - 1, max(0, Int(fv) + 1))
        let wx = UInt32(max(0, min(256, ((u - fu) * 256).rounded()))), wy = UInt32(max(0, min(256, ((v - fv) * 256).rounded())))
        let p00 = src[y0 * iw + x0], p10 = src[y0 * iw + x1], p01 = src[y1 * iw + x0], p11 = src[y1 * iw + x1]
        var out: UInt32 = 0
        for shift in stride(from: UInt32(0), to: 32, by: 8) {
            let a = (p00 >> shift) & 0xff, b = (p10 >> shift) & 0xff
            let c = (p01 >> shift) & 0xff, d = (p11 >> shift) & 0xff
            let top = a * (256 - wx) + b * wx, bottom = c * (256 - wx) + d * wx
            let value = (top * (256 - wy) + bottom * wy + 32768) >> 16
            out |= min(255, value) << shift
        }
        return out
    }
}
