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
    /// The right-hand y axis, when the panel has one (`Panel.hasRightAxis`).
    var y2: AxisModel?
    /// The width right of the frame taken by the right axis, the colour bar or the last x tick
    /// label's overhang (an outside legend goes beyond it).
    var rightExtent = 0.0
    /// False on the inner panels of shared axes: tick marks stay, tick labels, offset text and
    /// the axis label go (matplotlib's `label_outer`).
    var showsXLabels = true, showsYLabels = true
    /// The x tick labels' rotation in degrees (counter-clockwise): 0, or 45 when category
    /// labels would collide side by side (matplotlib's `autofmt_xdate` look: anchored at their
    /// right end under the tick), each then at most `xLabelWidthLimit` wide (cut with "…").
    var xLabelRotation = 0.0, xLabelWidthLimit = Double.infinity
    /// How far the x tick labels reach below the tick marks' ends (their height, or the height
    /// of the tallest rotated label).
    var xLabelDepth = 0.0
    /// The height of the panel's grid cell (frame and margins), which bounds slanted labels the
    /// same way in every layout pass.
    var cellHeight = 0.0
    /// The frame was squeezed under three font sizes: slanted labels are cut shorter (at most a
    /// quarter of the cell's height, at least 3 font sizes, instead of at least 6).
    var squeezed = false
    /// How far the x tick labels, offset text and axis label reach below the frame (where a
    /// legend below the panel starts, a legend gap further).
    var bottomTextExtent = 0.0
    var frame = Rect(x: 0, y: 0, width: 1, height: 1)
    var legend: LegendLayout?
    /// The series made ready for drawing (bars stacked and binned, boxes computed).
    let prepared: [PreparedSeries]
    /// A heat map's colour bar axis (value limits and ticks) and colour map.
    var colorbar: AxisModel?
    var colorbarMap: ColorMap = .viridis

    /// `histogramEdges`: bins shared with other panels (a facet grid's), else the panel's own.
    init(panel: Panel, style: ResolvedStyle, histogramEdges: [BarOrientation: [Double]]? = nil) {
        self.panel = panel
        self.style = style
        prepared = PreparedSeries.prepare(panel, sharedEdges: histogramEdges)
        var xs: [[Double]] = [], ys: [[Double]] = [], ys2: [[Double]] = []
        var xSticky: [Double] = [], ySticky: [Double] = [], ySticky2: [Double] = []
        for p in prepared {
            xs += p.xs; xSticky += p.xSticky
            if p.series.yAxis == .right && panel.hasRightAxis { ys2 += p.ys; ySticky2 += p.ySticky }
            else { ys += p.ys; ySticky += p.ySticky }
        }
        // Reference lines and spans count along their own axis (matplotlib's axhline updates
        // only the y data limits).
        for a in panel.annotations {
            switch a {
            case .horizontalLine(let v, _, _, _): ys.append([v])
            case .verticalLine(let v, _, _, _): xs.append([v])
            case .horizontalSpan(let a, let b, _, _): ys.append([a, b])
            case .verticalSpan(let a, let b, _, _): xs.append([a, b])
            case .text: break
            }
        }
        // Category positions with widths (bars, boxes) need no extra categorical padding.
        let widthOnX = prepared.contains { ($0.series.kind.isBarLike && $0.series.barOrientation == .vertical) || $0.series.kind == .box }
        let widthOnY = prepared.contains { $0.series.kind.isBarLike && $0.series.barOrientation == .horizontal }
        x = AxisModel(spec: panel.x, values: xs, sticky: xSticky, padCategories: !widthOnX)
        y = AxisModel(spec: panel.y, values: ys, sticky: ySticky, padCategories: !widthOnY)
        if panel.hasRightAxis { y2 = AxisModel(spec: panel.y2 ?? AxisSpec(), values: ys2, sticky: ySticky2) }
        if let h = prepared.first(where: { $0.series.kind == .heatmap && !$0.series.matrix.isEmpty }) {
            // imshow: row 0 at the top, whole-number ticks on rows and columns.
            y.inverted = true
            x.integerTicks = true; y.integerTicks = true
            let (lo, hi) = h.colorLimits
            colorbar = AxisModel(spec: AxisSpec(label: h.series.labels.first, min: lo, max: hi), values: [[lo, hi]])
            colorbarMap = h.series.colorMap
        } else if let c = prepared.first(where: { $0.series.kind == .scatter && !$0.series.colorValues.isEmpty }) {
            // A scatter coloured by a column: its colour bar, as `plt.colorbar(scatter)`.
            let (lo, hi) = c.colorLimits
            colorbar = AxisModel(spec: AxisSpec(label: c.series.labels.first, min: lo, max: hi), values: [[lo, hi]])
            colorbarMap = c.series.colorMap
        }
    }

    /// The colour bar's width and its gap from the frame for a frame of this size (matplotlib's
    /// `colorbar` defaults: aspect 20, pad 0.05 of the axes).
    func colorbarGeometry(frameWidth: Double, frameHeight: Double) -> (gap: Double, width: Double) {
        (min(0.05 * frameWidth, 3 * style.tickFont.size).rounded(), max(6, min(frameHeight / 20, 2.5 * style.tickFont.size)).rounded())
    }

    /// Places ticks for a frame of the given size and returns the margins the text then needs.
    mutating func measure(frameWidth: Double, frameHeight: Double, fonts: FontLibrary) -> Margins {
        let st = style
        let tickHeight = st.tickMetrics.ascent + st.tickMetrics.descent
        if panel.isPie {
            var m = Margins(left: st.outerPad, right: st.outerPad, top: st.outerPad, bottom: st.outerPad)
            if panel.title?.isEmpty == false { m.top += st.titlePad + st.titleMetrics.ascent + st.titleMetrics.descent }
            if let l = legend, l.outside { m.right += l.size.width + st.legendGap }
            bottomTextExtent = 0
            if let l = legend, l.below { m.bottom += l.size.height + st.legendGap }
            return m
        }
        y.placeTicks(length: frameHeight, labelExtent: tickHeight, horizontal: false)
        // On x, a label needs its own width plus an em of air, or matplotlib's three font sizes.
        x.placeTicks(length: frameWidth, labelExtent: st.tickFont.size, horizontal: true)
        var widest = x.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
        if Double(x.ticks.count) * (widest + st.tickFont.size) > frameWidth {
            x.placeTicks(length: frameWidth, labelExtent: (widest + st.tickFont.size) / 3, horizontal: true)
        }
        xLabelRotation = 0
        xLabelWidthLimit = .infinity
        let measureX: (String) -> Double = { fonts.measure($0, font: st.tickFont).advance }
        if case .category = panel.x.scale, showsXLabels, x.ticks.count > 1,
           !x.labelsFit(length: frameWidth, gap: st.tickFont.size / 2, extent: measureX) {
            // Category names side by side would collide (and be thinned away): slant them, each
            // taking a line height and a bit along the axis; thinning remains the last resort.
            xLabelRotation = 45
            xLabelWidthLimit = squeezed ? max(3 * st.tickFont.size, 0.25 * cellHeight)
                : max(6 * st.tickFont.size, 0.25 * max(cellHeight, frameHeight))
            x.thin(length: frameWidth, gap: st.tickFont.size / 4) { _ in tickHeight * 2.0.squareRoot() }
        } else {
            x.thin(length: frameWidth, gap: st.tickFont.size / 2, extent: measureX)
        }
        y.thin(length: frameHeight, gap: st.tickFont.size / 4) { _ in tickHeight }
        widest = x.labels.map { min(measureX($0), xLabelWidthLimit) }.max() ?? 0
        let slant = 0.5 * 2.0.squareRoot()  // sin 45° = cos 45°
        xLabelDepth = xLabelRotation == 0 ? tickHeight : (widest + tickHeight) * slant
        let yWidest = y.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
        var m = Margins()
        if showsYLabels {
            m.left = st.tickLength + st.tickPad + yWidest + st.outerPad
            if panel.y.label?.isEmpty == false { m.left += st.labelPad + st.labelMetrics.ascent + st.labelMetrics.descent }
        } else {
            m.left = st.tickLength + st.outerPad
        }
        if showsXLabels {
            m.bottom = st.tickLength + st.tickPad + xLabelDepth + st.outerPad
            if panel.x.label?.isEmpty == false { m.bottom += st.labelPad + st.labelMetrics.ascent + st.labelMetrics.descent }
            if x.offset != nil { m.bottom += tickHeight }
        } else {
            m.bottom = st.tickLength + st.outerPad
        }
        bottomTextExtent = m.bottom - st.outerPad
        if let l = legend, l.below { m.bottom += l.size.height + st.legendGap }
        m.top = st.outerPad
        if panel.title?.isEmpty == false { m.top += st.titlePad + st.titleMetrics.ascent + st.titleMetrics.descent }
        // The y offset text ("1e8") sits above the frame's top-left corner, under the title.
        if y.offset != nil && showsYLabels { m.top += tickHeight + st.tickPad }
        // The last x label may overhang the frame by half its width; slanted labels end at their
        // ticks and reach left instead, the first one past the frame by what its tick leaves.
        m.right = max(st.outerPad, showsXLabels && xLabelRotation == 0 ? widest / 2 + 2 : 0)
        if showsXLabels, xLabelRotation == 0, let first = x.ticks.first, let label = x.labels.first {
            // The first x label overhangs the frame's left edge by what its tick leaves of its half.
            let reach = measureX(label) / 2 - x.fraction(first) * frameWidth
            m.left = max(m.left, reach + st.outerPad)
        }
        if xLabelRotation != 0, let first = x.ticks.first {
            let reach = (widest + tickHeight) * slant - x.fraction(first) * frameWidth
            m.left = max(m.left, reach + st.outerPad)
        }
        // The last x tick label's overhang is in the way of an outside legend too.
        rightExtent = showsXLabels && xLabelRotation == 0 ? widest / 2 + 2 : 0
        if var r = y2 {
            r.placeTicks(length: frameHeight, labelExtent: tickHeight, horizontal: false)
            r.thin(length: frameHeight, gap: st.tickFont.size / 4) { _ in tickHeight }
            y2 = r
            let rWidest = r.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
            var room = st.spineWidth + st.tickLength + st.tickPad + rWidest
            if r.spec.label?.isEmpty == false { room += st.labelPad + st.labelMetrics.ascent + st.labelMetrics.descent }
            rightExtent = max(rightExtent, room)
            m.right = max(m.right, room + st.outerPad)
            if r.offset != nil && !(y.offset != nil && showsYLabels) { m.top += tickHeight + st.tickPad }
        }
        if var c = colorbar {
            c.placeTicks(length: frameHeight, labelExtent: tickHeight, horizontal: false)
            c.thin(length: frameHeight, gap: st.tickFont.size / 4) { _ in tickHeight }
            colorbar = c
            let (gap, width) = colorbarGeometry(frameWidth: frameWidth, frameHeight: frameHeight)
            let cWidest = c.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
            var r = gap + width + st.spineWidth + st.tickLength + st.tickPad + cWidest + st.outerPad
            if c.spec.label?.isEmpty == false { r += st.labelPad + st.labelMetrics.ascent + st.labelMetrics.descent }
            m.right = max(m.right, r)
            rightExtent = max(rightExtent, r - st.outerPad)
        }
        if let l = legend, l.outside, !l.below { m.right += l.size.width + st.legendGap }
        return m
    }

    /// The painter for a series: against the right axis for `yAxis == .right`, else the left;
    /// dense scatters scale their markers by the points of every scatter in the panel.
    func painter(for p: PreparedSeries) -> SeriesPainter {
        var painter = SeriesPainter(x: x, y: p.series.yAxis == .right ? (y2 ?? y) : y, frame: frame, style: style)
        painter.scatterPoints = prepared.reduce(0) { n, q in
            q.series.kind == .scatter ? n + min(q.series.x.count, q.series.y.count) : n
        }
        return painter
    }

    /// Every series' drawn points in device pixels (for the legend's `best` spot).
    var footprints: [[Point?]] { prepared.map { painter(for: $0).footprint($0) } }

    /// Where an outside legend starts: right of the frame and of the right axis or colour bar.
    var outsideLegendX: Double { (frame.maxX + rightExtent + style.legendGap).rounded() }
}
