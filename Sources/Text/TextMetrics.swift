import Geometry

/// The size of a line of text, measured without drawing it (all values in device pixels).
///
/// Vertical values are relative to the baseline: `ascent` and `descent` are the font's (the same
/// for every string in a font, so labels line up), `inkBounds` is the union of the glyphs' outline
/// boxes (y down, origin at the start of the baseline), nil when nothing would be visible.
public struct TextMetrics: Hashable, Sendable, CustomStringConvertible {
    /// The pen advance of the whole run: the sum of the glyph advances plus kerning.
    public var advance: Double
    /// The font's ascent above the baseline (positive).
    public var ascent: Double
    /// The font's descent below the baseline (positive).
    public var descent: Double
    /// The font's recommended distance between baselines.
    public var lineHeight: Double
    /// The box of the glyph outlines (unhinted), relative to the baseline origin, y down.
    public var inkBounds: Rect?

    public init(advance: Double, ascent: Double, descent: Double, lineHeight: Double, inkBounds: Rect?) {
        self.advance = advance; self.ascent = ascent; self.descent = descent
        self.lineHeight = lineHeight; self.inkBounds = inkBounds
    }

    /// Ascent plus descent: the height of the run's layout box.
    public var height: Double { ascent + descent }

    public var description: String {
        let ink = inkBounds.map { "\($0)" } ?? "none"
        return "advance \(Point.format(advance)) ascent \(Point.format(ascent)) descent \(Point.format(descent)) line \(Point.format(lineHeight)) ink \(ink)"
    }
}

/// One glyph of a laid-out run: which glyph, from which character, and where its pen sits.
public struct PositionedGlyph: Hashable, Sendable {
    /// The glyph index in the face (0 is .notdef, drawn as a box).
    public var glyph: UInt32
    /// The Unicode scalar it came from.
    public var scalar: Unicode.Scalar
    /// The pen position along the baseline, in pixels from the run's origin (sub-pixel).
    public var x: Double
    /// The glyph's advance in pixels (kerning with the next glyph not included).
    public var advance: Double

    public init(glyph: UInt32, scalar: Unicode.Scalar, x: Double, advance: Double) {
        self.glyph = glyph; self.scalar = scalar; self.x = x; self.advance = advance
    }
}
