import Geometry

extension Rasterizer {
    /// Fills an axis-aligned rectangle with exact anti-aliased edges: the fast path for bars,
    /// backgrounds and legend frames.
    ///
    /// An edge pixel's coverage is the product of the rectangle's overlap with the pixel's column
    /// and row, which is the exact area; interior rows are solid spans. Snap the rectangle first
    /// (`Rect.snapped`) for crisp edges.
    public func fillRect(_ rect: Rect, color: Color, clip: Clip? = nil, into pixmap: inout Pixmap) {
        guard color.a > 0, let lim = (clip?.rect ?? pixmap.bounds).intersection(pixmap.bounds) else { return }
        let x0 = max(rect.minX, Double(lim.x)), x1 = min(rect.maxX, Double(lim.maxX))
        let y0 = max(rect.minY, Double(lim.y)), y1 = min(rect.maxY, Double(lim.maxY))
        guard x0 < x1, y0 < y1 else { return }  // also false for NaN
        let ix0 = Int(x0.rounded(.down)), ix1 = Int(x1.rounded(.up))
        let iy0 = Int(y0.rounded(.down)), iy1 = Int(y1.rounded(.up))
        let src = PremultipliedColor.pack(color.premultiplied)
        let w = pixmap.width
        // Coverage of the first and last column (equal when the rectangle is one pixel wide).
        let cLeft = ix1 - ix0 == 1 ? x1 - x0 : Double(ix0 + 1) - x0
        let cRight = ix1 - ix0 == 1 ? x1 - x0 : x1 - Double(ix1 - 1)
        let mask = clip?.mask, crect = clip?.rect ?? lim
        pixmap.withUnsafeMutablePixels { px in
            if let mask {
                mask.withUnsafeBufferPointer { m in
                    for y in iy0..<iy1 {
                        let cy = min(Double(y + 1), y1) - max(Double(y), y0)
                        let mrow = m.baseAddress! + (y - crect.y) * crect.width - crect.x
                        for x in ix0..<ix1 {
                            let cx = x == ix0 ? cLeft : (x == ix1 - 1 ? cRight : 1)
                            let c = mul255(Rasterizer.byte(cx * cy), mrow[x])
                            if c != 0 { PixelBlend.span(px + y * w + x, count: 1, src: src, coverage: c) }
                        }
                    }
                }
                return
            }
            // Partial top and bottom rows, then the interior rows, which all share one set of
            // coverages: left pixel, solid middle, right pixel.
            let topFull = Double(iy0) == y0 ? iy0 : iy0 + 1
            let bottomFull = Double(iy1) == y1 ? iy1 : iy1 - 1
            func partialRow(_ y: Int) {
                let cy = min(Double(y + 1), y1) - max(Double(y), y0)
                Rasterizer.rectRow(px + y * w, ix0, ix1, src, Rasterizer.byte(cLeft * cy), Rasterizer.byte(cy),
                                   Rasterizer.byte(cRight * cy))
            }
            let firstPartial = topFull > iy0 ? iy0 : -1
            if firstPartial >= 0 { partialRow(firstPartial) }
            if bottomFull < iy1 && iy1 - 1 != firstPartial { partialRow(iy1 - 1) }
            guard topFull < bottomFull else { return }
            let l = Rasterizer.byte(cLeft), rgt = Rasterizer.byte(cRight)
            if ix1 - ix0 <= 2 || src >> 24 != 255 {
                for y in topFull..<bottomFull { Rasterizer.rectRow(px + y * w, ix0, ix1, src, l, 255, rgt) }
                return
            }
            let ls = PixelBlend.scale(src, UInt32(l)), rs = PixelBlend.scale(src, UInt32(rgt))
            let linv = 255 &- (ls >> 24), rinv = 255 &- (rs >> 24)
            let n = ix1 - ix0 - 2
            var row = px + topFull * w + ix0
            let end = px + bottomFull * w + ix0
            let quad = SIMD4<UInt32>(repeating: src)
            let k = SIMD4<UInt32>(linv, linv, rinv, rinv)
            let m = SIMD4<UInt32>(repeating: 0x00FF_00FF), half = SIMD4<UInt32>(repeating: 0x0080_0080)
            let eight = SIMD4<UInt32>(repeating: 8)
            // The last blend's inputs and outputs: a bar over a plain background (or over its
            // neighbour's solid colour) meets the same pixels row after row.
            var lastL: UInt32 = 0, lastR: UInt32 = 0, outL = ls, outR = rs
            while row < end {
                let l = row.pointee, r = row[n &+ 1]
                if l != lastL || r != lastR {
                    // Both edge pixels in one 4-lane multiply: (left R/B, left G/A, right R/B, right G/A).
                    var v = SIMD4<UInt32>(l, l >> 8, r, r >> 8) & m
                    v = v &* k &+ half
                    v = ((v &+ ((v &>> eight) & m)) &>> eight) & m
                    outL = ls &+ (v[0] | v[1] << 8)
                    outR = rs &+ (v[2] | v[3] << 8)
                    lastL = l; lastR = r
                }
                row.pointee = outL
                row[n &+ 1] = outR
                // The solid middle, four pixels a store.
                let raw = UnsafeMutableRawPointer(row + 1)
                if n >= 4 {
                    // Whole quads, then one last quad ending at the run's end (overlapping is harmless).
                    var i = 0
                    while i + 4 <= n { raw.storeBytes(of: quad, toByteOffset: i &* 4, as: SIMD4<UInt32>.self); i &+= 4 }
                    if i < n { raw.storeBytes(of: quad, toByteOffset: (n &- 4) &* 4, as: SIMD4<UInt32>.self) }
                } else {
                    for i in 0..<n { row[i &+ 1] = src }
                }
                row += w
            }
        }
    }

    /// One row of a rectangle: the left and right pixels and the run between them.
    @inline(__always)
    static func rectRow(_ row: UnsafeMutablePointer<UInt32>, _ ix0: Int, _ ix1: Int, _ src: UInt32,
                        _ left: UInt8, _ middle: UInt8, _ right: UInt8) {
        if ix1 - ix0 == 1 { PixelBlend.span(row + ix0, count: 1, src: src, coverage: left); return }
        PixelBlend.span(row + ix0, count: 1, src: src, coverage: left)
        if ix1 - ix0 > 2 && middle != 0 { PixelBlend.span(row + ix0 + 1, count: ix1 - ix0 - 2, src: src, coverage: middle) }
        PixelBlend.span(row + ix1 - 1, count: 1, src: src, coverage: right)
    }

    /// Coverage in 0...1 to a byte, rounded to nearest as the scan converter does.
    @inline(__always)
    static func byte(_ c: Double) -> UInt8 {
        c >= 1 ? 255 : (c <= 0 ? 0 : UInt8(Float(c) * 255 + 0.5))
    }
}
