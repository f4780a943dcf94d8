extension Pixmap {
    /// Composites `color` source-over through an 8-bit coverage mask whose top-left pixel lands at
    /// (`x`, `y`); the mask is `maskWidth` bytes a row. Used for glyphs and stamped markers.
    ///
    /// Pixels outside the pixmap or `clip` are skipped; a clip mask multiplies the coverage.
    public mutating func blendMask(
        _ mask: UnsafeBufferPointer<UInt8>, maskWidth: Int, maskHeight: Int,
        atX x: Int, y: Int, color: Color, clip: Clip? = nil
    ) {
        guard color.a > 0 else { return }
        blendMask(mask, maskWidth: maskWidth, maskHeight: maskHeight, atX: x, y: y,
                  premultiplied: PremultipliedColor.pack(color.premultiplied), clip: clip)
    }

    /// `blendMask` with the colour already premultiplied and packed (`PremultipliedColor.pack`).
    public mutating func blendMask(
        _ mask: UnsafeBufferPointer<UInt8>, maskWidth: Int, maskHeight: Int,
        atX x: Int, y: Int, premultiplied src: UInt32, clip: Clip? = nil
    ) {
        let area = clip?.rect.intersection(bounds) ?? bounds
        let x0 = max(x, area.x), x1 = min(x + maskWidth, area.maxX)
        let y0 = max(y, area.y), y1 = min(y + maskHeight, area.maxY)
        guard x0 < x1, y0 < y1, src != 0, let base = mask.baseAddress else { return }
        let w = width
        withUnsafeMutablePixels { px in
            for py in y0..<y1 {
                let m = base + (py - y) * maskWidth + (x0 - x)
                let dst = px + py * w + x0
                if let cm = clip?.mask, let c = clip {
                    cm.withUnsafeBufferPointer { cb in
                        let crow = cb.baseAddress! + (py - c.rect.y) * c.rect.width + (x0 - c.rect.x)
                        for i in 0..<(x1 - x0) {
                            let cov = mul255(m[i], crow[i])
                            if cov != 0 { PixelBlend.span(dst + i, count: 1, src: src, coverage: cov) }
                        }
                    }
                } else {
                    PixelBlend.span(dst, count: x1 - x0, src: src, coverage: m)
                }
            }
        }
    }

    /// Calls `body` with the pixels as packed premultiplied words, `width` a row.
    @inlinable
    public mutating func withUnsafeMutablePixels<R>(_ body: (UnsafeMutablePointer<UInt32>) throws -> R) rethrows -> R {
        try data.withUnsafeMutableBytes { raw in
            try raw.withMemoryRebound(to: UInt32.self) { try body($0.baseAddress!) }
        }
    }
}
