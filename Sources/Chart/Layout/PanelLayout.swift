import Geometry
import Text

/// The room a panel's text needs around its plot frame, in pixels, measured from the labels
/// that are actually there (as matplotlib's constrained layout does).
struct Margins {
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0

    /// The larger of two margins on every side (to align frames across a grid row or column).
    func union(_ o: Margins) -> Margins {
        Margins(left: max(left, o.left), right: max(right, o.right), top: max(top, o.top), bottom: max(bottom, o.bottom))
    }
}

/// A panel being laid out: its axes, frame, measured text and legend.
struct PanelLayout {
    let panel: Panel
    let style: ResolvedStyle
    var x: AxisModel
    var y: AxisModel
    var frame = Rect(x: 0, y: 0, width: 1, height: 1)
    var legend: LegendLayout?

    init(panel: Panel, style: ResolvedStyle) {
        self.panel = panel
        self.style = style
        var xs: [[Double]] = [], ys: [[Double]] = []
        var xSticky: [Double] = [], ySticky: [Double] = []
        for s in panel.series {
            xs.append(s.x); ys.append(s.y)
            switch s.kind {
            case .bar:
                let half = SeriesPainter.barWidth(s) / 2
                xs.append(s.x.map { $0 - half }); xs.append(s.x.map { $0 + half })
                ys.append([s.baseline]); ySticky.append(s.baseline)
            case .area:
                ys.append([s.baseline]); ySticky.append(s.baseline)
                if let f = s.x.first(where: \.isFinite), let l = s.x.last(where: \.isFinite) { xSticky += [f, l] }
            default:
                break
            }
        }
        x = AxisModel(spec: panel.x, values: xs, sticky: xSticky)
        y = AxisModel(spec: panel.y, values: ys, sticky: ySticky)
    }

    /// Places ticks for a frame of the given size and returns the margins the text then needs.
    mutating func measure(frameWidth: Double, frameHeight: Double, fonts: FontLibrary) -> Margins {
        let st = style
        let tickHeight = st.tickMetrics.ascent + st.tickMetrics.descent
        y.placeTicks(length: frameHeight, labelExtent: tickHeight, horizontal: false)
        // On x, a label needs its own width plus an em of air, or matplotlib's three font sizes.
        x.placeTicks(length: frameWidth, labelExtent: st.tickFont.size, horizontal: true)
        var widest = x.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
        if Double(x.ticks.count) * (widest + st.tickFont.size) > frameWidth {
            x.placeTicks(length: frameWidth, labelExtent: (widest + st.tickFont.size) / 3, horizontal: true)
        }
        x.thin(length: frameWidth, gap: st.tickFont.size / 2) { fonts.measure($0, font: st.tickFont).advance }
        y.thin(length: frameHeight, gap: st.tickFont.size / 4) { _ in tickHeight }
        widest = x.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
        let yWidest = y.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
        var m = Margins()
        m.left = st.tickLength + st.tickPad + yWidest + st.outerPad
        if panel.y.label?.isEmpty == false { m.left += st.labelPad + st.labelMetrics.ascent + st.labelMetrics.descent }
        m.bottom = st.tickLength + st.tickPad + tickHeight + st.outerPad
        if panel.x.label?.isEmpty == false { m.bottom += st.labelPad + st.labelMetrics.ascent + st.labelMetrics.descent }
        if x.offset != nil { m.bottom += tickHeight }
        m.top = st.outerPad
        if panel.title?.isEmpty == false { m.top += st.titlePad + st.titleMetrics.ascent + st.titleMetrics.descent }
        // The y offset text ("1e8") sits above the frame's top-left corner, under the title.
        if y.offset != nil { m.top += tickHeight + st.tickPad }
        // The last x label may overhang the frame by half its width.
        m.right = max(st.outerPad, widest / 2 + 2)
        if let l = legend, l.outside { m.right += l.size.width + st.legendGap }
        return m
    }
}
