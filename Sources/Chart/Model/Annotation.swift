import Raster

/// Something drawn on a panel in data coordinates besides its series: reference lines, spans
/// and text (matplotlib's `axhline`, `axvline`, `axhspan`, `axvspan` and `annotate`).
///
/// Lines and spans run across the whole frame and count for autoscaling along their own axis
/// only, as matplotlib's; text does not move the limits.
public enum Annotation: Sendable, Hashable {
    /// A horizontal line at `y` across the frame; colour nil = the theme's text colour,
    /// width in points (nil = the theme's line width), dash in multiples of the width.
    case horizontalLine(y: Double, color: Color? = nil, width: Double? = nil, dash: [Double]? = nil)
    /// A vertical line at `x` across the frame.
    case verticalLine(x: Double, color: Color? = nil, width: Double? = nil, dash: [Double]? = nil)
    /// A band between `y0` and `y1` across the frame, filled with `color` at `alpha`
    /// (nil colour = the first cycle colour, as matplotlib).
    case horizontalSpan(y0: Double, y1: Double, color: Color? = nil, alpha: Double = 0.25)
    /// A band between `x0` and `x1` from the frame's bottom to its top.
    case verticalSpan(x0: Double, x1: Double, color: Color? = nil, alpha: Double = 0.25)
    /// `text` at the data point (x, y) with its left baseline there plus an offset in points (dx
    /// right, dy up; matplotlib's `annotate(text, xy, xytext=(dx, dy), textcoords="offset points")`); a dot
    /// marks the point when `marker` is true.
    case text(String, x: Double, y: Double, dx: Double = 4, dy: Double = 4, color: Color? = nil, marker: Bool = true)
}
