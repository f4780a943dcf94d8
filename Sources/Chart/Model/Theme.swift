import Raster

/// The look of a figure: colours, font sizes and line widths, in matplotlib's units (points at
/// the figure's dpi), so a figure scales with `Figure.dpi` the way a matplotlib figure does.
public struct Theme: Sendable, Hashable {
    public var background: Color
    public var axesBackground: Color
    public var text: Color
    public var spine: Color
    public var grid: Color
    public var legendBackground: Color
    public var legendEdge: Color
    /// The series colour cycle (tab10 by default, as matplotlib).
    public var cycle: [Color]
    /// Font sizes in points: tick labels, axis labels, panel titles, the figure title, legend.
    public var tickSize: Double, labelSize: Double, titleSize: Double, figureTitleSize: Double, legendSize: Double
    /// Line widths in points.
    public var lineWidth: Double, spineWidth: Double, gridWidth: Double, tickWidth: Double
    /// Tick mark length in points (drawn outward) and the gap between mark and label.
    public var tickLength: Double, tickPad: Double
    /// Scatter marker size (diameter) in points.
    public var markerSize: Double

    /// matplotlib's default style (`classic` is not the reference; the 2.0+ defaults are).
    public static let light = Theme(
        background: .white, axesBackground: .white, text: .black, spine: .black,
        grid: Color(rgb: 0xb0b0b0), legendBackground: Color(rgb: 0xffffff, alpha: 0.8),
        legendEdge: Color(rgb: 0xcccccc, alpha: 0.8), cycle: Theme.tab10,
        tickSize: 10, labelSize: 10, titleSize: 12, figureTitleSize: 14, legendSize: 10,
        lineWidth: 1.5, spineWidth: 0.8, gridWidth: 0.8, tickWidth: 0.8, tickLength: 3.5, tickPad: 3.5,
        markerSize: 6)

    /// A dark theme in the spirit of matplotlib's `dark_background` style.
    public static let dark: Theme = {
        var t = Theme.light
        t.background = Color(rgb: 0x111111)
        t.axesBackground = Color(rgb: 0x111111)
        t.text = Color(rgb: 0xe8e8e8)
        t.spine = Color(rgb: 0xc8c8c8)
        t.grid = Color(rgb: 0x4a4a4a)
        t.legendBackground = Color(rgb: 0x1e1e1e, alpha: 0.85)
        t.legendEdge = Color(rgb: 0x5a5a5a)
        t.cycle = [0x8dd3c7, 0xfeffb3, 0xbfbbd9, 0xfa8174, 0x81b1d2, 0xfdb462, 0xb3de69, 0xbc82bd, 0xccebc4, 0xffed6f]
            .map { Color(rgb: $0) }
        return t
    }()

    /// Tableau's ten colours, matplotlib's default cycle.
    public static let tab10: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(rgb: $0) }

    /// The colour of the `index`-th series.
    public func color(_ index: Int) -> Color { cycle[((index % cycle.count) + cycle.count) % cycle.count] }
}
