import Geometry
import Raster

extension FontLibrary {
    /// Draws a text run: laid out, anchored and rotated as `TextRun` describes.
    ///
    /// Upright and quarter-turned runs (0°, ±90°, 180°) blend cached coverage masks: the baseline
    /// is put on a whole pixel (hinting keeps it crisp) and each glyph's pen on the nearest quarter
    /// pixel along the text. Other angles, and sizes from `maxBitmapSize` up, fill the unhinted
    /// outlines with the Raster scan converter. Characters the font lacks draw its .notdef box;
    /// control characters (tab, newline, ...) advance like a space and draw nothing.
    public func draw(_ run: TextRun, into pixmap: inout Pixmap, clip: Clip? = nil) {
        guard run.color.a > 0, !run.text.isEmpty, let (face, scale) = resolve(run.font),
              run.position.isFinite
        else { return }
        let vertical = FontLibrary.anchorOffset(run, metrics: TextMetrics(
            advance: 0, ascent: face.ascender * scale, descent: -face.descender * scale,
            lineHeight: 0, inkBounds: nil)).y
        var horizontal = 0.0
        if run.horizontal != .left {
            let advance = Double(forEachGlyph(run.text, face: face) { _, _, _ in }) * scale
            horizontal = run.horizontal == .center ? -advance / 2 : -advance
        }
        if let q = FontLibrary.quadrant(run.rotation), run.font.size < FontLibrary.maxBitmapSize {
            drawMasks(run, face: face, scale: scale, quadrant: q, offsetX: horizontal, offsetY: vertical,
                      into: &pixmap, clip: clip)
        } else {
            let path = outline(run.text, font: run.font, offsetX: horizontal, offsetY: vertical)
            rasterizer.fill(path, transform: FontLibrary.runTransform(run), rule: .nonZero,
                            color: run.color, clip: clip, into: &pixmap)
        }
    }

    /// Draws `text` left-aligned with its baseline starting at `baselineOrigin`.
    public func draw(_ text: String, font: Font, at baselineOrigin: Point, color: Color,
                     into pixmap: inout Pixmap, clip: Clip? = nil) {
        draw(TextRun(text, font: font, color: color, at: baselineOrigin), into: &pixmap, clip: clip)
    }

    /// The mask path. In the turned frame (s along the text, t across it, both on the device pixel
    /// grid) the run is upright, so glyphs are placed as at 0° and the turned masks are put where
    /// the quarter turn maps them.
    private func drawMasks(_ run: TextRun, face: LoadedFace, scale: Double, quadrant q: Int,
                           offsetX: Double, offsetY: Double, into pixmap: inout Pixmap, clip: Clip?) {
        guard let size26 = FontLibrary.size26(run.font.size) else { return }
        let px = run.position.x, py = run.position.y
        // The anchor position in the turned frame (the inverse quarter turn).
        let (sPos, tPos): (Double, Double)
        switch q {
        case 0: (sPos, tPos) = (px, py)
        case 1: (sPos, tPos) = (-py, px)
        case 2: (sPos, tPos) = (-px, -py)
        default: (sPos, tPos) = (py, -px)
        }
        let sBase = sPos + offsetX
        let tValue = (tPos + offsetY).rounded()
        guard abs(sBase) < 1e9, abs(tValue) < 1e9 else { return }
        let tInt = Int(tValue)
        let faceKey = face.fontFace.ordinal
        let cache = glyphCache
        let color = PremultipliedColor.pack(run.color.premultiplied)
        _ = forEachGlyph(run.text, face: face) { glyph, _, pen in
            let quarters = Int(((sBase + Double(pen) * scale) * 4).rounded())
            let sInt = quarters >> 2, quarter = quarters & 3
            let key = GlyphCache.key(face: faceKey, size26: size26, glyph: glyph, quarter: quarter, quadrant: q)
            let slot = cache.lookup(key)
                ?? renderMask(key, face: face, size26: size26, glyph: glyph, quarter: quarter, quadrant: q)
            if slot.isEmpty { return }
            // The device pixel the turned frame's (sInt, tInt) corner lands on.
            let ox: Int, oy: Int
            switch q {
            case 0: (ox, oy) = (sInt, tInt)
            case 1: (ox, oy) = (tInt, -sInt)
            case 2: (ox, oy) = (-sInt, -tInt)
            default: (ox, oy) = (-tInt, sInt)
            }
            let w = Int(slot.width), h = Int(slot.height), start = Int(slot.offset)
            cache.arena.withUnsafeBufferPointer { arena in
                pixmap.blendMask(UnsafeBufferPointer(rebasing: arena[start..<start + w * h]),
                                 maskWidth: w, maskHeight: h, atX: ox + Int(slot.left), y: oy + Int(slot.top),
                                 premultiplied: color, clip: clip)
            }
        }
    }

    /// Renders a glyph mask on a cache miss, turns it, stores it and returns its slot.
    private func renderMask(_ key: UInt64, face: LoadedFace, size26: Int, glyph: UInt32,
                            quarter: Int, quadrant: Int) -> GlyphCache.Slot {
        guard let sized = try? face.sized(size26) else {
            return glyphCache.insert(key, pixels: UnsafeBufferPointer(start: nil, count: 0),
                                     width: 0, height: 0, left: 0, top: 0)
        }
        let bitmap = sized.render(glyph, quarter: quarter)
        let origin = GlyphCache.rotatedOrigin(width: bitmap.width, height: bitmap.height,
                                              left: bitmap.left, top: bitmap.top, quadrant: quadrant)
        let turned = bitmap.pixels.withUnsafeBufferPointer {
            GlyphCache.rotate($0, width: bitmap.width, height: bitmap.height, quadrant: quadrant)
        }
        return turned.pixels.withUnsafeBufferPointer {
            glyphCache.insert(key, pixels: $0, width: turned.width, height: turned.height,
                              left: origin.x, top: origin.y)
        }
    }
}
