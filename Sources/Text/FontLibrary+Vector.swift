import Geometry

/// A text run laid out for a vector writer: which face file, the glyphs with their pen positions
/// in font units (kerning applied), and the map from font units to device pixels.
public struct GlyphRunLayout: Sendable {
    /// The face the glyphs come from (DejaVu Sans when the requested face could not be opened).
    public var face: FontFace
    /// The font file the glyphs come from.
    public var fontPath: String
    /// Font units per em of that face.
    public var unitsPerEm: Double
    /// The em size in pixels, rounded to 1/64 px as FreeType renders it for the PNG.
    public var size: Double
    /// Each glyph, the scalar it came from, its pen position along the baseline and its advance
    /// (kerning with the next glyph not included), in font units.
    public var glyphs: [(glyph: UInt32, scalar: Unicode.Scalar, pen: Int, advance: Int)]
    /// The whole run's advance in font units.
    public var advance: Int
    /// Maps run space (baseline origin at (0, 0), x along the text, y down, pixels) to device
    /// space: the anchor offset, the rotation and the position, as the PNG draws it.
    public var transform: Transform
}

extension FontLibrary {
    /// The run laid out as `draw` lays it out, for writers that place glyphs themselves (SVG,
    /// PDF); nil when the run draws nothing (empty, transparent, zero size, non-finite position).
    public func glyphLayout(_ run: TextRun) -> GlyphRunLayout? {
        guard run.color.a > 0, !run.text.isEmpty, let (face, scale) = resolve(run.font),
              run.position.isFinite
        else { return nil }
        var glyphs: [(glyph: UInt32, scalar: Unicode.Scalar, pen: Int, advance: Int)] = []
        let advance = forEachGlyph(run.text, face: face) { g, s, pen in
            glyphs.append((g, s, pen, Int(face.info(g).advance)))
        }
        let m = TextMetrics(advance: Double(advance) * scale, ascent: face.ascender * scale,
                            descent: -face.descender * scale, lineHeight: 0, inkBounds: nil)
        let (ox, oy) = FontLibrary.anchorOffset(run, metrics: m)
        let t = Transform.translation(ox, oy).concatenating(FontLibrary.runTransform(run))
        return GlyphRunLayout(face: face.fontFace, fontPath: fontsDirectory + "/" + face.fontFace.fileName,
                              unitsPerEm: face.unitsPerEm, size: scale * face.unitsPerEm,
                              glyphs: glyphs, advance: advance, transform: t)
    }

    /// A glyph's outline in font units, y up, as FreeType decomposes it (empty for blank glyphs).
    public func glyphOutline(_ glyph: UInt32, face: FontFace) -> Path {
        let f = loaded(face)
        return glyph < UInt32(f.glyphCount) ? f.outline(glyph) : f.outline(0)
    }
}
