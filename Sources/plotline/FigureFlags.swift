import Chart
import CommandSyntax
import FigureSpec
import Scene
import Table
import Vector
import Platform

/// The figure flags `render` and `watch` share (`--x`, `--y`, `--kind`, `--logy`, `--size`,
/// `--aggregate`, ...): what a default figure draws and how, one option group of both commands.
///
/// Their validation and their conversion into `RenderOptions` live here only, so `plotline watch
/// runs/ --y loss --logy` builds the same default spec for each data file as `plotline render
/// FILE --y loss --logy` prints with `--print-spec`. What only one command means (`-o`,
/// `--print-spec`, `--spec` overrides; `--once`, `--serve`) stays with that command.
struct FigureFlags {
    /// The flags, declared once: the commands list them (`all`) and `init` reads them.
    enum Options {
        static let x = OptionDefinition.value("x", valueName: "column", help: "The x column.")
        static let y = OptionDefinition.value("y", valueName: "a,b", help: "The y columns, comma-separated.")
        static let by = OptionDefinition.value("by", valueName: "column", help: "Split every series by this column's values: one colour and legend entry per group (stocks: --by symbol); param.NAME groups MLflow runs by a parameter (--by param.lr).")
        static let facet = OptionDefinition.value("facet", valueName: "column", help: "One panel per value of this column, in a grid on shared axes, each titled with its value, one legend; at most 36 values (iris: --facet species).")
        static let kind = OptionDefinition.value("kind", valueName: "kind", help: "Series kind: line, scatter, step, area, bar, histogram, box or heatmap (cells from --x, --y and --value, one per row, or a matrix of several --y columns; without them from the table's shape).")
        static let value = OptionDefinition.value("value", valueName: "column", help: "With --kind heatmap: the column of the cells' values, one cell per row at its --x and --y (flights: --x year --y month --value passengers).")
        static let bins = OptionDefinition.value("bins", valueName: "bins", help: "Histogram bins: a count, or auto, sturges, fd, sqrt (numpy's rules; default auto).")
        static let xlabel = OptionDefinition.value("xlabel", valueName: "text", help: "The x axis label (default: the x column's name).")
        static let ylabel = OptionDefinition.value("ylabel", valueName: "text", help: "The y axis label (default: the column or metric family).")
        static let logx = OptionDefinition.flag("logx", help: "Logarithmic x axis.")
        static let logy = OptionDefinition.flag("logy", help: "Logarithmic y axis.")
        static let robust = OptionDefinition.flag("robust", help: "y limits that ignore extreme outliers, such as a loss's first spikes.")
        static let subplots = OptionDefinition.invertibleFlag("subplots", help: "One panel per y column (--no-subplots: all in one panel).")
        static let title = OptionDefinition.value("title", valueName: "text", help: "The figure title.")
        static let dpi = OptionDefinition.value("dpi", valueName: "dpi", help: "Dots per inch, \(Canvas.dpiRangeText): scales fonts and lines (default: 100).")
        static let theme = OptionDefinition.value("theme", valueName: "theme", help: "light or dark.")
        static let rasterize = OptionDefinition.value("rasterize", valueName: "mode", help: "SVG and PDF: draw dense scatter series as embedded images of their pixels (matplotlib's rasterized=True): auto (above \(DenseSeries.autoThreshold) markers in a plot area), always or never (default auto); render --spec: overrides the spec's \"rasterize\" (default: the spec's).")
        static let color = OptionDefinition.value("color", valueName: "column", help: "Colour a scatter's points by this numeric column, with a colour bar (makes the default kind scatter).")
        static let colormap = OptionDefinition.value("colormap", valueName: "name", help: "The colour map of --color or of a heat map: viridis (default), magma, plasma, inferno, cividis; diverging RdBu, coolwarm (symmetric about 0 when the values have both signs).")
        static let palette = OptionDefinition.value("palette", valueName: "name", help: "The series colour cycle: tab10 (default) or tab20 (20 colours, for up to 20 groups).")
        static let smooth = OptionDefinition.value("smooth", valueName: "w", help: "TensorBoard smoothing weight in 0..<1: a faint raw curve under its moving average.")
        static let aggregate = OptionDefinition.value("aggregate", valueName: "stat", help: "Draw one line per metric (and group) instead of one per run: mean or median across the runs, or across rows sharing an x, with a band (--band). Runs sharing x values are aligned on them, others binned on a common grid.")
        static let band = OptionDefinition.value("band", valueName: "band", help: "The spread around a drawn statistic: std (default), minmax, ci95 or none; the band of --aggregate, or the error bars of bars of category means.")
        static let legend = OptionDefinition.value("legend", valueName: "place", help: "Where every legend goes, as the spec's \"legend\" key: \(FigureFlags.legendHelp) Panels without a legend (one series) stay without (default: each panel's own, else best; a best legend of more than 8 entries goes below). With render --spec it replaces the spec's; watch keeps a *.plot.json spec's own.")

        /// Every flag, in help order.
        static let all = [
            x, y, by, facet, kind, value, bins, xlabel, ylabel, logx, logy, robust, subplots, title, FigureSize.option, dpi, theme,
            rasterize, color, colormap, palette, smooth, aggregate, band, legend,
        ]
    }

    let x: String?
    let y: String?
    let by: String?
    let facet: String?
    let kind: String?
    let value: String?
    let bins: String?
    let xlabel: String?
    let ylabel: String?
    let logx: Bool
    let logy: Bool
    let robust: Bool
    let subplots: Bool?
    let title: String?
    let size: FigureSize
    let dpi: Double
    let theme: String
    let rasterize: String?
    let color: String?
    let colormap: String?
    let palette: String?
    let smooth: Double?
    let aggregate: String?
    let band: String?
    let legend: String?

    /// Reads the flags and checks each value and the rules between them.
    init(_ arguments: ParsedArguments) throws(UsageError) {
        x = arguments.value(Options.x)
        y = arguments.value(Options.y)
        by = arguments.value(Options.by)
        facet = arguments.value(Options.facet)
        kind = arguments.value(Options.kind)
        value = arguments.value(Options.value)
        bins = arguments.value(Options.bins)
        xlabel = arguments.value(Options.xlabel)
        ylabel = arguments.value(Options.ylabel)
        logx = arguments.isSet(Options.logx)
        logy = arguments.isSet(Options.logy)
        robust = arguments.isSet(Options.robust)
        subplots = arguments.toggle(Options.subplots)
        title = arguments.value(Options.title)
        size = try FigureSize(arguments)
        dpi = try arguments.double(Options.dpi) ?? 100
        theme = arguments.value(Options.theme) ?? "light"
        rasterize = arguments.value(Options.rasterize)
        color = arguments.value(Options.color)
        colormap = arguments.value(Options.colormap)
        palette = arguments.value(Options.palette)
        smooth = try arguments.double(Options.smooth)
        aggregate = arguments.value(Options.aggregate)
        band = arguments.value(Options.band)
        legend = arguments.value(Options.legend)
        try validate()
    }

    private func validate() throws(UsageError) {
        try FigureFlags.checkLegend(legend)
        if let k = kind, SeriesKind(rawValue: k).map(DefaultFigure.kinds.contains) != true {
            let note = SeriesKind(rawValue: k) == nil ? "" : " (a \(k) names its wedge labels in a figure spec: --spec, see docs/figure-spec.md)"
            throw UsageError("--kind must be one of \(DefaultFigure.kinds.map(\.rawValue).joined(separator: ", ")), not \(k)\(note).")
        }
        if let b = bins, RenderOptions.parseBins(b) == nil {
            throw UsageError("--bins must be a count 1...100000 or one of auto, sturges, fd, sqrt, not \(b).")
        }
        if theme != "light" && theme != "dark" { throw UsageError("--theme must be light or dark, not \(theme).") }
        do throws(Canvas.Error) { try Canvas.check(dpi: dpi) } catch { throw UsageError("--dpi must be \(Canvas.dpiRangeText), not \(dpi).") }
        if let s = smooth, !(s >= 0 && s < 1) { throw UsageError("--smooth must be in 0..<1.") }
        if let a = aggregate, SeriesAggregate.Statistic(rawValue: a) == nil {
            throw UsageError("--aggregate must be mean or median, not \(a).")
        }
        if let b = band, SeriesAggregate.Band(rawValue: b) == nil {
            throw UsageError("--band must be one of std, minmax, ci95, none, not \(b).")
        }
        if let colormap, ColorMap(rawValue: colormap) == nil {
            throw UsageError("--colormap must be one of \(ColorMap.allCases.map(\.rawValue).joined(separator: ", ")), not \(colormap).")
        }
        if let rasterize, RasterizeMode(rawValue: rasterize) == nil {
            throw UsageError("--rasterize must be one of \(RasterizeMode.allCases.map(\.rawValue).joined(separator: ", ")), not \(rasterize).")
        }
        if colormap != nil && color == nil && kind != "heatmap" {
            throw UsageError("--colormap colours the column given with --color, or a heat map's cells (--kind heatmap).")
        }
        if value != nil && kind != "heatmap" { throw UsageError("--value is a heat map's cell value column: give --kind heatmap too.") }
        if let palette, Palette(rawValue: palette) == nil {
            throw UsageError("--palette must be one of \(Palette.allCases.map(\.rawValue).joined(separator: ", ")), not \(palette).")
        }
        if color != nil, let kind, kind != "scatter" { throw UsageError("--color colours scatter points; --kind \(kind) draws no points.") }
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
        if size != FigureSize.standard || !specHasSize { figure.width = size.width; figure.height = size.height }
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
    static func checkLegend(_ value: String?) throws(UsageError) {
        guard let value, FigureSpec.Panel.legendPlacement(named: value) == nil else { return }
        throw UsageError("--legend must be one of \(FigureSpec.Panel.legendNames.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(value)\".")
    }
}
