import Geometry

extension FontLibrary {
    /// Measures `text` in `font` without drawing: advance with kerning, the font's ascent,
    /// descent and line height, and the ink box (see `TextMetrics`).
    ///
    /// Costs a few table reads per character once the glyphs have been seen (no FreeType call).
    public func measure(_ text: String, font: Font) -> TextMetrics {
        guard let (face, scale) = resolve(font) else {
            return TextMetrics(advance: 0, ascent: 0, descent: 0, lineHeight: 0, inkBounds: nil)
        }
        var x0 = Int.max, y0 = Int.max, x1 = Int.min, y1 = Int.min
        let advance = forEachGlyph(text, face: face) { g, _, pen in
            let info = face.info(g)
            guard info.hasInk else { return }
            x0 = min(x0, pen + Int(info.xMin)); x1 = max(x1, pen + Int(info.xMax))
            y0 = min(y0, -Int(info.yMax)); y1 = max(y1, -Int(info.yMin))
        }
        let ink = x0 <= x1
            ? Rect(x: Double(x0) * scale, y: Double(y0) * scale,
                   width: Double(x1 - x0) * scale, height: Double(y1 - y0) * scale)
            : nil
        return TextMetrics(advance: Double(advance) * scale, ascent: face.ascender * scale,
                           descent: -face.descender * scale, lineHeight: face.height * scale,
                           inkBounds: ink)
    }

    /// Lays `text` out on a baseline from x = 0: each glyph with its sub-pixel pen position.
    public func layout(_ text: String, font: Font) -> [PositionedGlyph] {
        guard let (face, scale) = resolve(font) else { return [] }
        var out: [PositionedGlyph] = []
        out.reserveCapacity(text.utf8.count)
        _ = forEachGlyph(text, face: face) { g, scalar, pen in
            out.append(PositionedGlyph(glyph: g, scalar: scalar, x: Double(pen) * scale,
                                       advance: Double(face.info(g).advance) * scale))
        }
        return out
    }

    /// The run's device-space bounding box after anchoring and rotation: the layout box (advance
    /// × ascent + descent) united with the ink box, turned about the anchor. Layout code uses it
    /// to keep labels from overlapping.
    public func runBounds(_ run: TextRun) -> Rect {
        let d = runCorners(run)
        let xs = d.map(\.x), ys = d.map(\.y)
        return Rect(corner: Point(xs.min()!, ys.min()!), Point(xs.max()!, ys.max()!))
    }

    /// The four corners of the run's box in device space, in order around it: the layout box
    /// united with the ink box, turned with the run (a slanted label's true outline, which its
    /// axis-aligned `runBounds` overstates).
    public func runCorners(_ run: TextRun) -> [Point] {
        let m = measure(run.text, font: run.font)
        let (ax, ay) = FontLibrary.anchorOffset(run, metrics: m)
        var box = Rect(x: 0, y: -m.ascent, width: m.advance, height: m.ascent + m.descent)
        if let ink = m.inkBounds { box = box.union(ink) }
        let t = FontLibrary.runTransform(run)
        return [Point(box.minX + ax, box.minY + ay), Point(box.maxX + ax, box.minY + ay),
                Point(box.maxX + ax, box.maxY + ay), Point(box.minX + ax, box.maxY + ay)].map(t.apply)
    }

    /// The text as one path (unhinted outlines), baseline origin at (0, 0), y down, in pixels.
    public func outline(_ text: String, font: Font) -> Path {
        outline(text, font: font, offsetX: 0, offsetY: 0)
    }

    func outline(_ text: String, font: Font, offsetX: Double, offsetY: Double) -> Path {
        guard let (face, scale) = resolve(font) else { return Path() }
        var path = Path()
        _ = forEachGlyph(text, face: face) { g, _, pen in
            let glyph = face.outline(g)
            if glyph.isEmpty { return }
            let t = Transform(a: scale, b: 0, c: 0, d: -scale,
                              tx: offsetX + Double(pen) * scale, ty: offsetY)
            path.append(glyph.transformed(by: t))
        }
        return path
    }

    // MARK: - Anchoring and rotation

    /// Where the run's baseline origin sits relative to its anchor point, before rotation.
    static func anchorOffset(_ run: TextRun, metrics m: TextMetrics) -> (x: Double, y: Double) {
        let x: Double
        switch run.horizontal {
        case .left: x = 0
        case .center: x = -m.advance / 2
        case .right: x = -m.advance
        }
        let y: Double
        switch run.vertical {
        case .baseline: y = 0
        case .top: y = m.ascent
        case .bottom: y = -m.descent
        case .center: y = (m.ascent - m.descent) / 2
        }
        return (x, y)
    }

    /// The number of quarter turns (0...3) when `degrees` is a whole multiple of 90, else nil.
    /// A non-finite angle counts as 0.
    static func quadrant(_ degrees: Double) -> Int? {
        guard degrees.isFinite else { return 0 }
        var r = degrees.truncatingRemainder(dividingBy: 360)
        if r < 0 { r += 360 }
        let q = (r / 90).rounded()
        guard abs(r - q * 90) < 1e-9 else { return nil }
        return Int(q) & 3
    }

    /// The map from run space (baseline origin at the anchor, x along the text, y down) to device
    /// space: a counter-clockwise turn on screen by `rotation` degrees, then the anchor position.
    /// Quarter turns are exact (no 6e-17 residue).
    static func runTransform(_ run: TextRun) -> Transform {
        let p = run.position
        if let q = quadrant(run.rotation) {
            switch q {
            case 0: return Transform(a: 1, b: 0, c: 0, d: 1, tx: p.x, ty: p.y)
            case 1: return Transform(a: 0, b: -1, c: 1, d: 0, tx: p.x, ty: p.y)
            case 2: return Transform(a: -1, b: 0, c: 0, d: -1, tx: p.x, ty: p.y)
            default: return Transform(a: 0, b: 1, c: -1, d: 0, tx: p.x, ty: p.y)
            }
        }
        let radians = (run.rotation.isFinite ? run.rotation : 0) * Double.pi / 180
        return Transform.rotation(-radians).translated(p.x, p.y)
    }
}
