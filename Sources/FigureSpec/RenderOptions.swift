import Chart
import Scene
import Table

/// What a user asked of `plotline render` and `plotline watch` beyond the data (their shared
/// figure flags, `FigureFlags`): every choice of the default figure
/// can be overridden here (nil = let the heuristics decide).
public struct RenderOptions: Sendable, Hashable {
    /// The x column; nil picks a counter (step, epoch, …), a time column or the first column.
    public var x: String?
    /// The y columns; nil takes every numeric column that is not a counter.
    public var y: [String]?
    /// A column whose values split every series into groups (one colour and legend entry per
    /// group); nil lets a long-format table's category column split it.
    public var by: String?
    /// A column whose values each get a panel of their own (`--facet`, `FacetGrid`): the rows
    /// with that value, on axes shared by all panels; nil draws one figure of every row.
    public var facet: String?
    /// A numeric column that colours a scatter's points through `colorMap`, with a colour bar
    /// (`--color`); it makes the default kind a scatter. nil: one colour per series.
    public var color: String?
    /// The colour map of `color` (`--colormap`).
    public var colorMap: ColorMap = .viridis
    /// A heat map's cell value column (`--value`, with `kind == .heatmap`: one cell per row at
    /// x and y, `DefaultFigure.heatmapColumns`); nil lets the table's shape decide.
    public var value: String?
    /// The series kind for every series; nil draws lines (bars over a category x).
    public var kind: SeriesKind?
    public var logX = false
    public var logY = false
    /// True: one panel per y column; false: everything in one panel; nil: panels by metric family
    /// and magnitude.
    public var subplots: Bool?
    public var title: String?
    public var width = 1200
    public var height = 800
    public var dpi = 100.0
    public var theme = Theme.light
    /// y limits that ignore extreme outliers (early loss spikes).
    public var robustY = false
    /// TensorBoard-style smoothing weight 0..<1: a faint raw curve under its debiased EMA.
    public var smooth: Double?
    /// Draw one line per metric (per group) for the runs, or for the rows sharing an x: their
    /// mean or median, with `band` around it (`SeriesAggregate` aligns them); nil overlays.
    public var aggregate: SeriesAggregate.Statistic?
    /// The spread shown around a drawn statistic: the aggregate's band (default std), or the
    /// error bars of bars of category means (default std; `none` leaves them out).
    public var band: SeriesAggregate.Band?
    /// Where every legend goes (`--legend`, the spec's `"legend"` strings); nil lets each panel's
    /// own key or the default decide. It moves legends that are drawn and does not add one to a
    /// panel without (a single named series, a facet grid's other panels); `none` hides them all.
    public var legend: LegendPlacement?
    /// How histograms choose their bins (with `kind == .histogram`).
    public var bins: HistogramBins = .auto
    /// Axis labels that replace the column names; nil keeps the default.
    public var xLabel: String?
    public var yLabel: String?
    /// SVG and PDF: whether dense series may be drawn as embedded images (`--rasterize`, the
    /// spec's `"rasterize"`); nil leaves the spec without the key (auto).
    public var rasterize: RasterizeMode?
    /// How the data files are read (`--decimal`, `--thousands`, ...: `CSVReadSetting`); `watch`
    /// and a report's data figures read with these too.
    public var read = CSVOptions()

    /// A bin rule from its command-line spelling: a count, or auto, sturges, fd, sqrt.
    public static func parseBins(_ text: String) -> HistogramBins? {
        if let n = Int(text), n >= 1, n <= 100_000 { return .count(n) }
        switch text.lowercased() {
        case "auto": return .auto
        case "sturges": return .sturges
        case "fd": return .freedmanDiaconis
        case "sqrt": return .sqrt
        default: return nil
        }
    }

    public init() {}
}
