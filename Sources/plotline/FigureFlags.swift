import ArgumentParser
import Chart
import FigureSpec
import Scene
import Table
import Vector
import Platform

/// The figure flags `render` and `watch` share (`--x`, `--y`, `--kind`, `--logy`, `--size`,
/// `--aggregate`, ...): what a default figure draws and how, one `@OptionGroup` of both commands.
///
/// Their validation and their conversion into `RenderOptions` live here only, so `plotline watch
/// runs/ --y loss --logy` builds the same default spec for each data file as `plotline render
/// FILE --y loss --logy` prints with `--print-spec`. What only one command means (`-o`,
/// `--print-spec`, `--spec` overrides; `--once`, `--serve`) stays with that command.
struct FigureFlags: ParsableArguments {
    @Option(help: ArgumentHelp("The x column.", valueName: "column"))
    var x: String?

    @Option(help: ArgumentHelp("The y columns, comma-separated.", valueName: "a,b"))
    var y: String?

    @Option(help: ArgumentHelp("Split every series by this column's values: one colour and legend entry per group (stocks: --by symbol); param.NAME groups MLflow runs by a parameter (--by param.lr).", valueName: "column"))
    var by: String?

    @Option(help: ArgumentHelp("One panel per value of this column, in a grid on shared axes, each titled with its value, one legend; at most 36 values (iris: --facet species).", valueName: "column"))
    var facet: String?

    @Option(help: ArgumentHelp("Series kind: line, scatter, step, area, bar, histogram, box or heatmap (cells from --x, --y and --value, one per row, or a matrix of several --y columns; without them from the table's shape).", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("With --kind heatmap: the column of the cells' values, one cell per row at its --x and --y (flights: --x year --y month --value passengers).", valueName: "column"))
    var value: String?

    @Option(help: ArgumentHelp("Histogram bins: a count, or auto, sturges, fd, sqrt (numpy's rules; default auto).", valueName: "bins"))
    var bins: String?

    @Option(help: ArgumentHelp("The x axis label (default: the x column's name).", valueName: "text"))
    var xlabel: String?

    @Option(help: ArgumentHelp("The y axis label (default: the column or metric family).", valueName: "text"))
    var ylabel: String?

    @Flag(help: "Logarithmic x axis.") var logx = false
    @Flag(help: "Logarithmic y axis.") var logy = false
    @Flag(help: "y limits that ignore extreme outliers, such as a loss's first spikes.") var robust = false
    @Flag(inversion: .prefixedNo, help: "One panel per y column (--no-subplots: all in one panel).") var subplots: Bool?

    @Option(help: ArgumentHelp("The figure title.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("The image size in pixels, WIDTHxHEIGHT, \(Canvas.sizeRange) (default: 1200x800).", valueName: "WxH"),
            transform: FigureSize.parse)
    var size: FigureSize = FigureSize(width: 1200, height: 800)

    @Option(help: ArgumentHelp("Dots per inch, \(Canvas.dpiRangeText): scales fonts and lines (default: 100).", valueName: "dpi"))
    var dpi: Double = 100

    @Option(help: ArgumentHelp("light or dark.", valueName: "theme"))
    var theme: String = "light"

    @Option(help: ArgumentHelp("SVG and PDF: draw dense scatter series as embedded images of their pixels (matplotlib's rasterized=True): auto (above \(DenseSeries.autoThreshold) markers in a plot area), always or never (default auto); render --spec: overrides the spec's \"rasterize\" (default: the spec's).", valueName: "mode"))
    var rasterize: String?

    @Option(help: ArgumentHelp("Colour a scatter's points by this numeric column, with a colour bar (makes the default kind scatter).", valueName: "column"))
    var color: String?

    @Option(help: ArgumentHelp("The colour map of --color or of a heat map: viridis (default), magma, plasma, inferno, cividis; diverging RdBu, coolwarm (symmetric about 0 when the values have both signs).", valueName: "name"))
    var colormap: String?

    @Option(help: ArgumentHelp("The series colour cycle: tab10 (default) or tab20 (20 colours, for up to 20 groups).", valueName: "name"))
    var palette: String?

    @Option(help: ArgumentHelp("TensorBoard smoothing weight in 0..<1: a faint raw curve under its moving average.", valueName: "w"))
    var smooth: Double?

    @Option(help: ArgumentHelp("Draw one line per metric (and group) instead of one per run: mean or median across the runs, or across rows sharing an x, with a band (--band). Runs sharing x values are aligned on them, others binned on a common grid.", valueName: "stat"))
    var aggregate: String?

    @Option(help: ArgumentHelp("The spread around a drawn statistic: std (default), minmax, ci95 or none; the band of --aggregate, or the error bars of bars of category means.", valueName: "band"))
    var band: String?

    @Option(help: ArgumentHelp("Where every legend goes, as the spec's \"legend\" key: \(FigureFlags.legendHelp) Panels without a legend (one series) stay without (default: each panel's own, else best; a best legend of more than 8 entries goes below). With render --spec it replaces the spec's; watch keeps a *.plot.json spec's own.", valueName: "place"))
    var legend: String?

    /// The default size, which `render --spec` leaves to the spec.
    static let defaultSize = FigureSize(width: 1200, height: 800)

    func validate() throws {
        try FigureFlags.checkLegend(legend)
        if let k = kind, SeriesKind(rawValue: k).map(DefaultFigure.kinds.contains) != true {
            let note = SeriesKind(rawValue: k) == nil ? "" : " (a \(k) names its wedge labels in a figure spec: --spec, see docs/figure-spec.md)"
            throw ValidationError("--kind must be one of \(DefaultFigure.kinds.map(\.rawValue).joined(separator: ", ")), not \(k)\(note).")
        }
        if let b = bins, RenderOptions.parseBins(b) == nil {
            throw ValidationError("--bins must be a count 1...100000 or one of auto, sturges, fd, sqrt, not \(b).")
        }
        if theme != "light" && theme != "dark" { throw ValidationError("--theme must be light or dark, not \(theme).") }
        do throws(Canvas.Error) { try Canvas.check(dpi: dpi) } catch { throw ValidationError("--dpi must be \(Canvas.dpiRangeText), not \(dpi).") }
        if let s = smooth, !(s >= 0 && s < 1) { throw ValidationError("--smooth must be in 0..<1.") }
        if let a = aggregate, SeriesAggregate.Statistic(rawValue: a) == nil {
            throw ValidationError("--aggregate must be mean or median, not \(a).")
        }
        if let b = band, SeriesAggregate.Band(rawValue: b) == nil {
            throw ValidationError("--band must be one of std, minmax, ci95, none, not \(b).")
        }
        if let colormap, ColorMap(rawValue: colormap) == nil {
            throw ValidationError("--colormap must be one of \(ColorMap.allCases.map(\.rawValue).joined(separator: ", ")), not \(colormap).")
        }
        if let rasterize, RasterizeMode(rawValue: rasterize) == nil {
            throw ValidationError("--rasterize must be one of \(RasterizeMode.allCases.map(\.rawValue).joined(separator: ", ")), not \(rasterize).")
        }
        if colormap != nil && color == nil && kind != "heatmap" {
            throw ValidationError("--colormap colours the column given with --color, or a heat map's cells (--kind heatmap).")
        }
        if value != nil && kind != "heatmap" { throw ValidationError("--value is a heat map's cell value column: give --kind heatmap too.") }
        if let palette, Palette(rawValue: palette) == nil {
            throw ValidationError("--palette must be one of \(Palette.allCases.map(\.rawValue).joined(separator: ", ")), not \(palette).")
        }
        if color != nil, let kind, kind != "scatter" { throw ValidationError("--color colours scatter points; --kind \(kind) draws no points.") }
    }

    /// The default figure's options these flags ask for, its data files read with `read`.
    func renderOptions(read: CSVOptions) -> RenderOptions {
        var options = RenderOptions()
        options.x = x
        options.y = y.map { $0.split(separator: ",").map { String($0).trimmingWhitespace } }
        options.by = by
        options.facet = facet
        options.kind = kind.flatMap(SeriesKind.init(rawValue:))
        options.value = value
        options.logX = logx
        options.logY = logy
        options.robustY = robust
        options.subplots = subplots
        options.title = title
        options.width = size.width
        options.height = size.height
        options.dpi = dpi
        options.theme = theme == "dark" ? .dark : .light
        if let palette = palette.flatMap(Palette.init(rawValue:)) { options.theme.cycle = palette.colors }
        options.color = color
        if let map = colormap.flatMap(ColorMap.init(rawValue:)) { options.colorMap = map }
        options.smooth = smooth
        options.bins = bins.flatMap(RenderOptions.parseBins) ?? .auto
        options.xLabel = xlabel
        options.yLabel = ylabel
        options.aggregate = aggregate.flatMap(SeriesAggregate.Statistic.init(rawValue:))
        options.band = band.flatMap(SeriesAggregate.Band.init(rawValue:))
        options.rasterize = rasterize.flatMap(RasterizeMode.init(rawValue:))
        options.legend = legend.flatMap(FigureSpec.Panel.legendPlacement(named:))
        options.read = read
        return options
    }

    /// `figure`, a spec's, with the flags that `render --spec` lets override a spec applied:
    /// the title, the size (given, or when the spec has none), dpi, the dark theme, legends, rasterizing.
    func override(_ figure: inout Figure, specHasSize: Bool) {
        if let title { figure.title = title }
        if size != FigureFlags.defaultSize || !specHasSize { figure.width = size.width; figure.height = size.height }
        if dpi != 100 { figure.dpi = dpi }
        if theme == "dark" { figure.theme = .dark }
        if let placement = legend.flatMap(FigureSpec.Panel.legendPlacement(named:)) { figure.placeLegends(placement) }
        if let mode = rasterize.flatMap(RasterizeMode.init(rawValue:)) { figure.rasterize = mode }
    }

    /// `--legend`'s values for its help: the spec's `"legend"` strings.
    static var legendHelp: String {
        "best (default), outside (right of the plot area), below (under it, in columns), none, or inside at "
            + FigureSpec.Panel.legendNames.filter { !["best", "outside", "below", "none"].contains($0) }.map { "\"\($0)\"" }.joined(separator: ", ") + "."
    }

    /// A usage error for a `--legend` value the spec's `"legend"` key would not take, listing them.
    static func checkLegend(_ value: String?) throws {
        guard let value, FigureSpec.Panel.legendPlacement(named: value) == nil else { return }
        throw ValidationError("--legend must be one of \(FigureSpec.Panel.legendNames.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(value)\".")
    }
}
