import Geometry
import Text

/// The one colour bar of a facet grid whose scatters are coloured by value on one scale
/// (`FacetGrid` gives every panel the same limits): right of the grid, as tall as the grid's
/// plot frames from the first row's top to the last row's bottom, as matplotlib's
/// `fig.colorbar(sc, ax=axs)`; the panels then draw none of their own.
///
/// The grid is laid out `reserve` pixels narrower, so the bar, its tick labels and its label
/// fit beside it; the bar itself is matplotlib's `colorbar` (width 1/20 of its height, at most
/// 2.5 font sizes; gap 0.05 of a frame's width, at most 3 font sizes).
struct SharedColorbar {
    var axis: AxisModel
    let map: ColorMap
    /// The width right of the grid that the bar, its labels and the canvas edge pad take.
    private(set) var reserve = 0.0
    private let style: ResolvedStyle

    /// Takes the colour bars off the panels of a facet grid (`Figure.sharedGrid`) when at least
    /// two coloured-scatter panels show one: same limits, same map; nil (nothing taken) otherwise,
    /// and for heat maps, whose bars stay their own.
    static func take(from layouts: inout [PanelLayout], figure: Figure, style: ResolvedStyle, fonts: FontLibrary,
                     height: Double) -> SharedColorbar? {
        guard figure.sharedGrid else { return nil }
        let members = layouts.indices.filter { layouts[$0].colorbar != nil }
        guard members.count > 1 else { return nil }
        for i in members where layouts[i].panel.series.contains(where: { $0.kind == .heatmap }) { return nil }
        let first = layouts[members[0]]
        guard let axis = first.colorbar else { return nil }
        for i in members {
            guard let c = layouts[i].colorbar, c.spec.min == axis.spec.min, c.spec.max == axis.spec.max,
                  layouts[i].colorbarMap == first.colorbarMap else { return nil }
        }
        for i in members { layouts[i].colorbar = nil }
        var bar = SharedColorbar(axis: axis, map: first.colorbarMap, style: style)
        bar.measure(height: height, frameWidth: Double(figure.width) / Double(figure.columns), fonts: fonts)
        return bar
    }

    /// The bar's gap from the frames and its width, for a bar this tall beside frames this wide.
    func geometry(height: Double, frameWidth: Double) -> (gap: Double, width: Double) {
        (min(0.05 * frameWidth, 3 * style.tickFont.size).rounded(), max(6, min(height / 20, 2.5 * style.tickFont.size)).rounded())
    }

    /// Places ticks for a bar `height` pixels tall and sets `reserve` from its labels.
    mutating func measure(height: Double, frameWidth: Double, fonts: FontLibrary) {
        let st = style
        let tickHeight = st.tickMetrics.ascent + st.tickMetrics.descent
        axis.placeTicks(length: height, labelExtent: tickHeight, horizontal: false)
        axis.thin(length: height, gap: st.tickFont.size / 4) { _ in tickHeight }
        let (gap, width) = geometry(height: height, frameWidth: frameWidth)
        let widest = axis.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
        var r = gap + width + 2 * st.spineWidth + st.tickLength + st.tickPad + widest + st.outerPad
        if axis.spec.label?.isEmpty == false { r += st.labelPad + st.labelMetrics.ascent + st.labelMetrics.descent }
        reserve = max(reserve, r.rounded(.up))
    }

    /// The bar's rectangle right of `frames` (the grid's plot frames).
    func bar(beside frames: [Rect]) -> Rect? {
        guard let right = frames.map(\.maxX).max(), let top = frames.map(\.minY).min(), let bottom = frames.map(\.maxY).max(),
              let frameWidth = frames.first?.width else { return nil }
        let (gap, width) = geometry(height: bottom - top, frameWidth: frameWidth)
        return Rect(x: right + style.spineWidth + gap, y: top, width: width, height: bottom - top)
    }
}
