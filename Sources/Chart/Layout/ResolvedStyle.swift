import Raster
import Text

/// A theme turned into pixels for one figure: fonts at the figure's dpi, measured once, and
/// every length in device pixels.
struct ResolvedStyle {
    let theme: Theme
    let tickFont: Font, labelFont: Font, titleFont: Font, figureTitleFont: Font, legendFont: Font
    let tickMetrics: TextMetrics, labelMetrics: TextMetrics, titleMetrics: TextMetrics
    let figureTitleMetrics: TextMetrics, legendMetrics: TextMetrics
    let lineWidth: Double, spineWidth: Double, gridWidth: Double, tickWidth: Double
    let tickLength: Double, tickPad: Double, labelPad: Double, titlePad: Double, outerPad: Double
    let markerSize: Double, legendGap: Double
    /// The minor grid's whole-pixel width and opacity: matplotlib's 0.6 × the major width at
    /// half opacity, a sub-pixel width shown as one pixel at proportionally less opacity.
    let minorGridWidth: Double, minorGridOpacity: Double
    /// A minor tick's length: matplotlib's 2 pt beside the major 3.5 pt, scaled with the theme.
    let minorTickLength: Double
    /// Pixels per point.
    let ppp: Double

    init(theme: Theme, dpi: Double, fonts: FontLibrary) {
        self.theme = theme
        let ppp = dpi / 72
        self.ppp = ppp
        tickFont = Font(face: .sans, size: theme.tickSize * ppp)
        labelFont = Font(face: .sans, size: theme.labelSize * ppp)
        titleFont = Font(face: .sans, size: theme.titleSize * ppp)
        figureTitleFont = Font(face: .sansBold, size: theme.figureTitleSize * ppp)
        legendFont = Font(face: .sans, size: theme.legendSize * ppp)
        // Metrics of a string with an ascender and a descender give the font's line box.
        tickMetrics = fonts.measure("0", font: tickFont)
        labelMetrics = fonts.measure("Ag", font: labelFont)
        titleMetrics = fonts.measure("Ag", font: titleFont)
        figureTitleMetrics = fonts.measure("Ag", font: figureTitleFont)
        legendMetrics = fonts.measure("Ag", font: legendFont)
        // Hairline-crisp widths: whole pixels for spines, grid and ticks (snapped when drawn).
        spineWidth = max(1, (theme.spineWidth * ppp).rounded())
        gridWidth = max(1, (theme.gridWidth * ppp).rounded())
        tickWidth = max(1, (theme.tickWidth * ppp).rounded())
        lineWidth = theme.lineWidth * ppp
        tickLength = theme.tickLength * ppp
        minorTickLength = theme.tickLength * ppp * 2 / 3.5
        tickPad = theme.tickPad * ppp
        labelPad = 4 * ppp
        titlePad = 6 * ppp
        outerPad = 6 * ppp
        markerSize = theme.markerSize * ppp
        legendGap = 6 * ppp
        let minor = 0.6 * theme.gridWidth * ppp
        minorGridWidth = max(1, minor.rounded())
        minorGridOpacity = 0.5 * min(1, minor)
    }
}
