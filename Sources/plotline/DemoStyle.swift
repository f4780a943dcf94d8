import Geometry
import Raster
import Text

/// Sizes and colours of the demo figure, after matplotlib's defaults at 100 dpi, scaled with
/// the figure (a 1200×800 figure has scale 1).
struct DemoStyle {
    /// Pixels per point at 100 dpi.
    static let pointsToPixels = 100.0 / 72

    let scale: Double
    let tickFont: Font, labelFont: Font, titleFont: Font, suptitleFont: Font, legendFont: Font
    /// Outward tick length (3.5 pt) and the gap between a tick and its label (3.5 pt).
    let tickLength: Double, tickPad: Double
    /// The gap between tick labels and the axis label (4 pt), and between axes and title (6 pt).
    let labelPad: Double, titlePad: Double
    /// Thin lines (spines, ticks, grid) are whole pixels wide so they stay crisp.
    let hairline: Double
    /// Data line width (1.5 pt).
    let lineWidth: Double

    let ink = Color(rgb: 0x000000)
    let textColor = Color(rgb: 0x222222)
    let gridColor = Color(rgb: 0xb0b0b0, alpha: 0.45)
    let legendEdge = Color(rgb: 0xcccccc)
    let legendFace = Color(rgb: 0xffffff, alpha: 0.8)
    /// matplotlib's tab10 blue, orange and green.
    let blue = Color(rgb: 0x1f77b4), orange = Color(rgb: 0xff7f0e), green = Color(rgb: 0x2ca02c)

    /// Text never shrinks below this fraction of its 1200×800 size (8.3 px tick labels), so a
    /// small figure stays legible; its margins come from measured text, so nothing clips.
    static let minTextScale = 0.6

    init(scale: Double) {
        self.scale = scale
        let pt = DemoStyle.pointsToPixels * scale
        let textPt = DemoStyle.pointsToPixels * max(scale, DemoStyle.minTextScale)
        tickFont = Font(size: 10 * textPt)
        labelFont = Font(size: 11 * textPt)
        titleFont = Font(size: 12 * textPt)
        suptitleFont = Font(face: .sansBold, size: 14 * textPt)
        legendFont = Font(size: 10 * textPt)
        tickLength = (3.5 * pt).rounded()
        tickPad = 3.5 * pt
        labelPad = 4 * pt
        titlePad = 6 * pt
        hairline = max(1, (0.8 * pt).rounded())
        lineWidth = 1.5 * pt
    }
}
