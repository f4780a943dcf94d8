/// How an axis maps data: linear, logarithmic, symmetric log, time or categories.
public enum AxisScale: Sendable, Hashable {
    case linear
    case log
    case symlog(linthresh: Double)
    case time
    case category([String])
}

/// One axis of a panel: its label, scale and optional fixed limits.
public struct AxisSpec: Sendable, Hashable {
    public var label: String?
    public var scale: AxisScale
    /// Fixed limits; nil on either side is automatic (data plus matplotlib's 5% margins).
    public var min: Double?
    public var max: Double?
    /// Automatic limits that ignore extreme outliers, such as a training loss's first spikes
    /// (`RobustLimits`: the 1%–99% quantiles, kept out to a true extreme that is not far off).
    public var robust: Bool

    public init(label: String? = nil, scale: AxisScale = .linear, min: Double? = nil, max: Double? = nil,
                robust: Bool = false) {
        self.label = label; self.scale = scale; self.min = min; self.max = max; self.robust = robust
    }
}

/// Where a panel's legend goes.
public enum LegendPlacement: String, Sendable, Hashable, CaseIterable {
    /// The corner or edge spot that hides the fewest data points, as matplotlib's `loc="best"`;
    /// outside the axes, to the right, when every spot inside would hide data.
    case best
    case upperRight, upperLeft, lowerLeft, lowerRight, right, centerLeft, centerRight, lowerCenter, upperCenter, center
    /// To the right of the axes, outside the plot area.
    case outside
    /// Under the panel's x tick labels and axis label, in as many columns as fit its cell's
    /// width: where a `best` legend of many entries goes by itself (`LegendLayout.belowThreshold`).
    case below
    case none
}

/// Which axes a panel's grid lines follow (matplotlib's `grid(True, axis=...)`).
public enum GridAxis: String, Sendable, Hashable, CaseIterable {
    /// Vertical lines at the x ticks and horizontal lines at the y ticks.
    case both
    /// Vertical lines at the x ticks only.
    case x
    /// Horizontal lines at the y ticks only (matplotlib's `grid(True, axis="y")`).
    case y

    /// True when lines are drawn at the x ticks.
    public var showsX: Bool { self != .y }
    /// True when lines are drawn at the y ticks.
    public var showsY: Bool { self != .x }
}

/// One plot area of a figure (matplotlib's `Axes`): series, axes, title, grid and legend.
public struct Panel: Sendable, Hashable {
    public var title: String?
    public var x: AxisSpec
    public var y: AxisSpec
    /// The right-hand y axis (matplotlib's `twinx`) for series with `yAxis == .right`: its
    /// label, scale and limits. Nil with such series is an automatic linear axis.
    public var y2: AxisSpec?
    public var series: [Series]
    /// Draw the major grid (at the ticks of the axes `gridAxis` names).
    public var grid: Bool
    /// The axes whose ticks the grid follows, major and minor.
    public var gridAxis: GridAxis
    /// Also draw a minor grid at `AutoMinorLocator`'s ticks, thinner and fainter than the major
    /// one (matplotlib's minor grid: 0.6 × the line width at half opacity); linear axes only.
    public var minorGrid: Bool
    public var legend: LegendPlacement
    /// Reference lines, spans and text drawn over the series.
    public var annotations: [Annotation]

    public init(title: String? = nil, x: AxisSpec = AxisSpec(), y: AxisSpec = AxisSpec(), y2: AxisSpec? = nil, series: [Series] = [],
                grid: Bool = true, legend: LegendPlacement = .best, annotations: [Annotation] = [],
                gridAxis: GridAxis = .both, minorGrid: Bool = false) {
        self.title = title; self.x = x; self.y = y; self.series = series; self.grid = grid; self.legend = legend
        self.annotations = annotations; self.gridAxis = gridAxis; self.minorGrid = minorGrid
        self.y2 = y2
    }

    /// True when the panel has a right-hand y axis: `y2` is set or a series is drawn against it.
    public var hasRightAxis: Bool { !isPie && (y2 != nil || series.contains { $0.yAxis == .right }) }

    /// True when the panel holds only pies: drawn without axes, ticks or grid, at equal aspect.
    public var isPie: Bool { !series.isEmpty && series.allSatisfy { $0.kind == .pie } }

    /// True when the panel draws a legend: at least two named series, or one with a placement
    /// other than `best`; a pie lists its wedges only when a placement other than `best` is
    /// asked for (its labels already name them); heat maps have none (their colour bar is the key).
    public var showsLegend: Bool {
        guard legend != .none else { return false }
        if isPie { return legend != .best }
        let named = series.filter { !$0.name.isEmpty && $0.kind != .heatmap && $0.kind != .pie }.count
        return named >= 2 || (named == 1 && legend != .best)
    }
}

extension Figure {
    /// Moves every legend the figure draws to `placement` (`--legend`); panels that draw none
    /// (`Panel.showsLegend`) stay without, and `none` hides them all.
    public mutating func placeLegends(_ placement: LegendPlacement) {
        for i in panels.indices where panels[i].showsLegend { panels[i].legend = placement }
    }
}
