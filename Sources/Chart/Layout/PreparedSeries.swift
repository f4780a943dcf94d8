/// A series made ready for layout and drawing: its bars (stacked and binned), boxes and the
/// data extents the panel's axes must show.
///
/// Positions and values are in data units. For bar-like kinds `position` runs along the
/// category axis (x for vertical bars, y for horizontal ones) and `low…high` along the value
/// axis; stacking follows matplotlib's `bottom=` idiom: within a stack group, positive values
/// pile up from the baseline and negative ones down, per position.
struct PreparedSeries {
    struct Bar: Equatable {
        var position: Double, width: Double, low: Double, high: Double
        /// Symmetric error drawn at `high` (NaN = none).
        var error: Double
    }
    struct Box: Equatable {
        var position: Double, width: Double, stats: BoxStatistics
    }

    let series: Series
    /// The series' index in its panel (its cycle colour).
    let index: Int
    var bars: [Bar] = []
    var boxes: [Box] = []
    /// Values the x and y axes must show, and values their margins may not cross.
    var xs: [[Double]] = [], ys: [[Double]] = []
    var xSticky: [Double] = [], ySticky: [Double] = []

    /// For scatters coloured by value: the colour limits every such series of the panel shares
    /// (the union of their own), so one colour bar reads for all of them.
    var sharedColorLimits: (low: Double, high: Double)?

    /// The panel's series, prepared in order (stack groups accumulate over earlier series).
    ///
    /// The histograms of a panel (the groups of a `by` split, or several columns) share one set
    /// of bins per orientation, as matplotlib's `hist([a, b])` and seaborn's `common_bins`: the
    /// first one's rule over all their values pooled (`Histogram.commonEdges`), so bars of one
    /// bin line up and compare. `sharedEdges` (`histogramEdges(of:)` over a facet grid's panels)
    /// replaces them, so the bins line up across panels too.
    static func prepare(_ panel: Panel, sharedEdges: [BarOrientation: [Double]]? = nil) -> [PreparedSeries] {
        var stacks: [String: [Double: (up: Double, down: Double)]] = [:]
        let edges = sharedEdges ?? histogramEdges(of: [panel])
        var prepared = panel.series.enumerated().map { i, s in
            var p = PreparedSeries(series: s, index: i)
            p.build(stacks: &stacks, histogramEdges: edges[s.barOrientation])
            return p
        }
        let colored = prepared.indices.filter { prepared[$0].series.kind == .scatter && !prepared[$0].series.colorValues.isEmpty }
        if colored.count > 1 {
            var lo = Double.infinity, hi = -Double.infinity
            for i in colored { let l = prepared[i].colorLimits; lo = min(lo, l.low); hi = max(hi, l.high) }
            let first = prepared[colored[0]].series
            if first.colorMin == nil, first.colorMax == nil { (lo, hi) = first.colorMap.autoLimits(low: lo, high: hi) }
            for i in colored { prepared[i].sharedColorLimits = (lo, hi) }
        }
        return prepared
    }

    /// One set of histogram bin edges per orientation for all histograms of `panels` together
    /// (when there are at least two): the first one's rule over all their values pooled, as
    /// seaborn's `displot(col=…)` / `FacetGrid.map(histplot)` with `common_bins=True`.
    static func histogramEdges(of panels: [Panel]) -> [BarOrientation: [Double]] {
        var edges: [BarOrientation: [Double]] = [:]
        for orientation in [BarOrientation.vertical, .horizontal] {
            let histograms = panels.flatMap(\.series).filter { $0.kind == .histogram && $0.barOrientation == orientation }
            guard histograms.count > 1, let first = histograms.first else { continue }
            edges[orientation] = Histogram.commonEdges(histograms.map(\.y), rule: first.bins)
        }
        return edges
    }

    private mutating func build(stacks: inout [String: [Double: (up: Double, down: Double)]], histogramEdges: [Double]?) {
        let s = series
        let horizontal = s.barOrientation == .horizontal
        func error(_ i: Int) -> Double {
            guard let e = s.yError, i < e.count, e[i].isFinite else { return .nan }
            return abs(e[i])
        }
        switch s.kind {
        case .line, .scatter, .step, .area:
            xs.append(s.x); ys.append(s.y)
            if s.yError != nil {
                let n = min(s.x.count, s.y.count)
                ys.append((0..<n).map { s.y[$0] - error($0) }); ys.append((0..<n).map { s.y[$0] + error($0) })
            }
            if s.kind == .area, let low = s.y2 {
                ys.append(low)  // between two edges: no baseline to show or stick to
                if let f = s.x.first(where: \.isFinite), let l = s.x.last(where: \.isFinite) { xSticky += [f, l] }
            } else if s.kind == .area {
                ys.append([s.baseline]); ySticky.append(s.baseline)
                if let f = s.x.first(where: \.isFinite), let l = s.x.last(where: \.isFinite) { xSticky += [f, l] }
            }
        case .bar:
            let width = SeriesPainter.barWidth(s)
            for i in 0..<min(s.x.count, s.y.count) where s.x[i].isFinite && s.y[i].isFinite {
                var low = s.baseline, high = s.y[i]
                if let g = s.stack {
                    var level = stacks[g]?[s.x[i]] ?? (s.baseline, s.baseline)
                    if s.y[i] >= 0 { low = level.up; high = low + s.y[i]; level.up = high }
                    else { low = level.down; high = low + s.y[i]; level.down = high }
                    stacks[g, default: [:]][s.x[i]] = level
                }
                bars.append(Bar(position: s.x[i], width: width, low: low, high: high, error: error(i)))
            }
            addBarExtents(horizontal: horizontal)
        case .histogram:
            let h = histogramEdges.map { Histogram(s.y, edges: $0) } ?? Histogram(s.y, rule: s.bins)
            for k in h.counts.indices {
                let a = h.edges[k], b = h.edges[k + 1]
                bars.append(Bar(position: (a + b) / 2, width: b - a, low: s.baseline,
                                high: s.baseline + Double(h.counts[k]), error: .nan))
            }
            addBarExtents(horizontal: horizontal)
        case .box:
            var groups: [Double: [Double]] = [:]
            for i in 0..<min(s.x.count, s.y.count) where s.x[i].isFinite { groups[s.x[i], default: []].append(s.y[i]) }
            let positions = groups.keys.sorted()
            let distance = (positions.last ?? 0) - (positions.first ?? 0)
            let width = s.barWidth.flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? min(0.15 * max(distance, 1), 0.5)
            for x in positions {
                guard let st = BoxStatistics(groups[x] ?? []) else { continue }
                boxes.append(Box(position: x, width: width, stats: st))
                // matplotlib's bxp sets the position axis to the outer positions ± 0.5.
                xs.append([x - max(0.5, width / 2), x + max(0.5, width / 2)])
                if x == positions.first { xSticky.append(x - max(0.5, width / 2)) }
                if x == positions.last { xSticky.append(x + max(0.5, width / 2)) }
                ys.append([st.whiskerLow, st.whiskerHigh] + st.fliers)
            }
        case .heatmap:
            let rows = s.matrix.count, cols = s.matrix.map(\.count).max() ?? 0
            guard rows > 0, cols > 0 else { return }
            xs.append([-0.5, Double(cols) - 0.5]); ys.append([-0.5, Double(rows) - 0.5])
            xSticky += [-0.5, Double(cols) - 0.5]; ySticky += [-0.5, Double(rows) - 0.5]
        case .pie:
            break
        }
    }

    private mutating func addBarExtents(horizontal: Bool) {
        var positions: [Double] = [], values: [Double] = [series.baseline]
        for b in bars {
            positions += [b.position - b.width / 2, b.position + b.width / 2]
            values += [b.low, b.high]
            if b.error.isFinite { values += [b.high - b.error, b.high + b.error] }
        }
        if horizontal {
            ys.append(positions); xs.append(values); xSticky.append(series.baseline)
        } else {
            xs.append(positions); ys.append(values); ySticky.append(series.baseline)
        }
    }

    /// The heat map's colour limits: the series' own or the matrix's finite min and max.
    var colorLimits: (low: Double, high: Double) {
        if let sharedColorLimits { return sharedColorLimits }
        var lo = Double.infinity, hi = -Double.infinity
        for row in series.matrix { for v in row where v.isFinite { lo = min(lo, v); hi = max(hi, v) } }
        for v in series.colorValues where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        if !(lo <= hi) { (lo, hi) = (0, 1) }
        if series.colorMin == nil, series.colorMax == nil { (lo, hi) = series.colorMap.autoLimits(low: lo, high: hi) }
        return (series.colorMin ?? lo, series.colorMax ?? hi)
    }
}
