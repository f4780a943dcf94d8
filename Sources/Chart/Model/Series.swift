import Geometry
import Raster

/// What a series draws.
public enum SeriesKind: String, Sendable, Hashable, CaseIterable {
    case line, scatter, step, area, bar
}

/// One data series of a panel: x and y values (NaN = missing) and how to draw them.
///
/// Times are seconds since the Unix epoch and categories are level indices, as the panel's
/// axis scales say; the series itself holds plain numbers.
public struct Series: Sendable, Hashable {
    public var name: String
    public var kind: SeriesKind
    public var x: [Double]
    public var y: [Double]
    /// Nil picks the next colour of the theme's cycle.
    public var color: Color?
    /// Line width in points; nil for the theme's.
    public var lineWidth: Double?
    /// Dash pattern in multiples of the line width (matplotlib's `--` is [3.7, 1.6]); nil = solid.
    public var dash: [Double]?
    /// Marker drawn at each point (scatter always has one).
    public var marker: MarkerShape?
    /// Opacity 0...1 of lines, markers and fills.
    public var alpha: Double
    /// For bars: the bar width in data units (nil = 0.8 of the smallest x step); for areas: the
    /// baseline y.
    public var barWidth: Double?
    public var baseline: Double

    public init(_ name: String, kind: SeriesKind = .line, x: [Double], y: [Double], color: Color? = nil,
                lineWidth: Double? = nil, dash: [Double]? = nil, marker: MarkerShape? = nil, alpha: Double = 1,
                barWidth: Double? = nil, baseline: Double = 0) {
        self.name = name; self.kind = kind; self.x = x; self.y = y; self.color = color
        self.lineWidth = lineWidth; self.dash = dash; self.marker = marker; self.alpha = alpha
        self.barWidth = barWidth; self.baseline = baseline
    }

    /// matplotlib's dash patterns for `--`, `:` and `-.`, in multiples of the line width.
    public static let dashed: [Double] = [3.7, 1.6]
    public static let dotted: [Double] = [1, 1.65]
    public static let dashDot: [Double] = [6.4, 1.6, 1, 1.6]
}
