import Geometry
import Raster

/// Where a text run's anchor point sits horizontally on the run's advance box.
public enum HorizontalAnchor: String, Hashable, Sendable { case left, center, right }

/// Where a text run's anchor point sits vertically: on the baseline, or on the font's ascent
/// (top), descent (bottom) or their middle (centre), so labels line up whatever their glyphs.
public enum VerticalAnchor: String, Hashable, Sendable { case baseline, top, center, bottom }

/// A line of text to draw: what, in which font and colour, anchored where, at which angle.
///
/// The run is first laid out horizontally, aligned so that (`horizontal`, `vertical`) falls on
/// `position`, and then rotated about `position` by `rotation` degrees counter-clockwise on
/// screen (90 reads bottom to top, as a y-axis label), as matplotlib's `rotation` does.
public struct TextRun: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var font: Font
    public var color: Color
    public var position: Point
    public var horizontal: HorizontalAnchor
    public var vertical: VerticalAnchor
    public var rotation: Double

    public init(_ text: String, font: Font, color: Color = .black, at position: Point,
                horizontal: HorizontalAnchor = .left, vertical: VerticalAnchor = .baseline,
                rotation: Double = 0) {
        self.text = text; self.font = font; self.color = color; self.position = position
        self.horizontal = horizontal; self.vertical = vertical; self.rotation = rotation
    }

    public var description: String {
        var s = "\"\(text)\" \(font) \(color) at \(position) \(horizontal.rawValue)/\(vertical.rawValue)"
        if rotation != 0 { s += " rot=\(Point.format(rotation))" }
        return s
    }
}
