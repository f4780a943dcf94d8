import ArgumentParser
import Chart
import FigureSpec
import Foundation
import PNG
import Raster
import Scene
import Service
import Table
import Text
import Vector

/// `plotline render`: a table (or several runs of one) to a PNG figure.
struct Render: ParsableCommand, @unchecked Sendable {
    // @unchecked Sendable: the parsed flags (strings, numbers, arrays of them), never changed
    // after parsing; the render thread reads them in the jobs' figure builders while this
    // thread waits.
    static let configuration = CommandConfiguration(
        commandName: "render",  // explicit: the default costs a runtime type-name lookup at every start
        abstract: "Render CSV, TSV, JSON Lines or JSON tables to a PNG, SVG or PDF figure.",
        discussion: """
            With no options, the first counter column (step, epoch, …) or time column is x and \
            every other numeric column is a line; a training log gets one panel per metric \
            family (loss with val_loss, accuracy with val_accuracy, the learning rate on a log \
            axis). Several files are overlaid as runs, one colour per run. Use - to read standard \
            input. The extension of -o picks the format (.png, .svg, .pdf; SVG and PDF keep the text \
            as text); the file is written atomically (a reader sees the old file or the new one, \
            whole; --fsync also makes it survive a power loss) and is byte-identical for identical \
            input. With --spec, the spec's own "formats" are written beside that file with the same name \
            (--spec fig.plot.json -o fig.png with "formats": ["png", "svg"] writes fig.png and \
            fig.svg, a "wrote" line each); --format png,svg,pdf replaces the spec's list.

            Exit status: 0 written; 1 bad input (the message names the file, line and column); \
            64 bad usage.

            Examples:
              plotline render metrics.csv -o metrics.png
              plotline render metrics.csv -o metrics.pdf
              plotline render runs/*/metrics.csv -o compare.png --smooth 0.6
              plotline render logs/ -o logs.png                  # TensorBoard runs overlaid
              plotline render mlruns/0 -o exp0.png --x wall_time # MLflow runs by wall time
              plotline render seed*/metrics.csv -o seeds.png --aggregate mean --band std
              plotline render mlruns/0 -o lr.png --by param.lr --aggregate mean
              plotline render weather.csv --x date --y temp_max,temp_min --title Seattle -o t.png
              cat log.jsonl | plotline render - -o live.png --logy
              plotline render tips.csv --y total_bill,tip --kind histogram --bins 30 -o tips.png
              plotline render iris.csv --facet species -o iris.png  # one panel per species
              plotline render iris.csv --y sepal_width --color petal_length -o c.png
              plotline render tips.csv --x day --print-spec tips.plot.json  # start from the default figure
              plotline render --spec tips.plot.json -o tips.png             # ... edited, drawn
            """)

    @Argument(help: ArgumentHelp("Data files (.csv, .tsv, .jsonl, .json, .npy, TensorBoard event files, MLflow metric files), log folders (TensorBoard log dirs, MLflow stores), or - for standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("A JSON figure spec (docs/figure-spec.md): panels, series, scales, styles, data files. Repeat it to render several figures in one run; -o is then a folder and each PNG is named after its spec.", valueName: "figure.json"))
    var spec: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The figure to write: its extension picks the format, .png, .svg or .pdf (default: the first file's name with .png); - writes PNG to standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("The formats to write, comma-separated: png, svg, pdf. It replaces a spec's own \"formats\". With one figure the extension of -o names the main file, always written, and the others go beside it with the same name; with several --spec each figure is written into the -o folder in these formats (default: the PNG, and beside it the spec's own \"formats\").", valueName: "list"))
    var format: String?

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

    @Option(help: ArgumentHelp("SVG and PDF: draw dense scatter series as embedded images of their pixels (matplotlib's rasterized=True): auto (above \(DenseSeries.autoThreshold) markers in a plot area), always or never; overrides a spec's \"rasterize\" (default: the spec's, else auto).", valueName: "mode"))
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

    @Option(help: ArgumentHelp("Where every legend goes, as the spec's \"legend\" key: \(Render.legendHelp) Panels without a legend (one series) stay without (default: each panel's own, else best; a best legend of more than 8 entries goes below).", valueName: "place"))
    var legend: String?

    @OptionGroup var read: CSVReadFlags

    @Option(name: .customLong("print-spec"), help: ArgumentHelp("Write the default figure as a figure spec instead of drawing it: to standard output, or to FILE (ending in .json). Every choice and flag is written out, data paths relative to the spec's folder; `--spec` draws it byte-identically. Not with --aggregate or --by param.NAME (no spec key draws those yet).", valueName: "FILE"))
    var printSpec: String?

    @Flag(help: "fsync every written file and its folder before exiting, so a power loss right after cannot lose them (default: atomic replacement only, as cp and matplotlib's savefig write; each fsync waits for the disk).")
    var fsync = false

    @Option(name: .customLong("allow-read"), help: ArgumentHelp("Let specs read data under PATH too (a file or folder; repeatable). Without it a spec reads only inside its own folder, after resolving links.", valueName: "path"))
    var allowRead: [String] = []

    func validate() throws {
        if files.isEmpty && spec.isEmpty { throw ValidationError("Give at least one data file (or - for standard input), or --spec.") }
        if !files.isEmpty && !spec.isEmpty { throw ValidationError("A spec names its own data files: give --spec or files, not both.") }
        if let k = kind, SeriesKind(rawValue: k).map(DefaultFigure.kinds.contains) != true {
            let note = SeriesKind(rawValue: k) == nil ? "" : " (a \(k) names its wedge labels in a figure spec: --spec, see docs/figure-spec.md)"
            throw ValidationError("--kind must be one of \(DefaultFigure.kinds.map(\.rawValue).joined(separator: ", ")), not \(k)\(note).")
        }
        if let b = bins, RenderOptions.parseBins(b) == nil {
            throw ValidationError("--bins must be a count 1...100000 or one of auto, sturges, fd, sqrt, not \(b).")
        }
        try Render.checkLegend(legend)
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
        if let printSpec {
            try PrintSpec.validate(printSpec)
            if !spec.isEmpty { throw ValidationError("--print-spec writes the default figure of data files; a --spec is a spec already.") }
            if files.contains("-") { throw ValidationError("--print-spec needs data files: standard input has no path a spec could read again.") }
            if output != nil { throw ValidationError("--print-spec writes the spec instead of the figure: give -o to draw it, or --print-spec, not both.") }
            if let flag = Render.specless(aggregate: aggregate, by: by) {
                throw ValidationError("--print-spec cannot write \(flag) yet: no spec key draws the same figure. Leave out \(flag), or draw it with -o.")
            }
        }
        if output == nil && files.first == "-" && printSpec == nil { throw ValidationError("Reading standard input needs -o to name the PNG.") }
        if let format {
            let list = try Watch.formats(format)
            if output == "-", spec.count <= 1, list != [.png] {
                throw ValidationError("-o - writes one PNG to standard output: --format \(format) would need files beside it; give -o a file name.")
            }
        }
        if let output, spec.count <= 1 {
            do { _ = try OutputFormat(path: output) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        var options = RenderOptions()
        options.x = x
        options.y = y.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
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
        options.aggregate = aggregate.flatMap(SeriesAggregate.Statistic.init(rawValue:))
        options.band = band.flatMap(SeriesAggregate.Band.init(rawValue:))
        options.yLabel = ylabel
        options.legend = legend.flatMap(FigureSpec.Panel.legendPlacement(named:))

        if let printSpec {
            let drawn = try defaultSpec(options, folder: PrintSpec.folder(of: printSpec), source: printSpec)
            guard let spec = drawn.spec else { throw CLIError("--print-spec: this default figure has no spec") }
            try PrintSpec.write(spec, to: printSpec)
            return
        }

        MemoryRelease.keepFreedPages()  // one-shot: each figure reuses the last one's buffers
        let queue: RenderQueue
        do { queue = try RenderQueue() } catch { throw CLIError("cannot load the fonts: \(error)") }
        defer { queue.shutdownAndJoin() }
        let lines = WroteLines()
        if spec.count > 1 {
            // Several figures in one run: -o is a folder (default: each spec's own folder).
            // Each spec is a job on the render queue: its thread builds and draws the figures
            // one after another while two background writers deflate and write the finished
            // ones (encoding is not drawing: zlib takes about half of a simple figure's time).
            // SVG and PDF (--format) are encoded on the render thread (they use its fonts) and
            // written by the same writers; the "wrote" lines come out in spec order.
            // The formats: --format's, else the PNG and the spec's own "formats" (`OutputFormats`).
            let rule = OutputFormats(commandLine: try format.map(Watch.formats))
            let first = rule.commandLine?.first ?? .png
            let writer = BackgroundWriter(label: "plotline.render.writer", workers: 2, depth: 3)
            for (index, path) in spec.enumerated() {
                let name = Render.figureName(path)
                let folder = output ?? (path as NSString).deletingLastPathComponent
                let main = (folder as NSString).appendingPathComponent(name + "." + first.fileExtension)
                var job = lines.job(index, output: main) { [self] in
                    let (figure, rows, own) = try specFigure(path)
                    return (figure, rows, rule.beside(main: first, spec: own))
                }
                job.format = first
                job.encoding = .background(writer)
                job.durable = fsync
                try lines.submit(job, index: index, to: queue)
            }
        } else {
            // One figure: built (from the spec or the data files), drawn, encoded and written by
            // the render queue's thread, as every figure is; this thread waits for it.
            let out = output ?? (spec.first.map { (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent(Render.figureName($0)) }
                ?? (files[0] as NSString).deletingPathExtension) + ".png"
            // -o's extension names the main file; --format, else the spec's own "formats", the
            // files beside it (`OutputFormats`).
            let main: OutputFormat
            do { main = out == "-" ? .png : try OutputFormat(path: out) } catch { throw ValidationError("\(error)") }
            let rule = OutputFormats(commandLine: try format.map(Watch.formats))
            var job = lines.job(0, output: out) { [self, options] in
                let (figure, rows, own) = try spec.first.map(specFigure) ?? { let d = try defaultFigure(options); return (d.figure, d.rows, nil) }()
                let beside = rule.beside(main: main, spec: own)
                if out == "-", !beside.isEmpty {
                    FileHandle.standardError.write(Data("note: -o - writes the PNG alone; the spec's \"formats\" \(beside.map(\.rawValue).joined(separator: ", ")) need a file name (-o fig.png)\n".utf8))
                }
                return (figure, rows, beside)
            }
            job.format = main
            job.durable = fsync
            try lines.submit(job, index: 0, to: queue)
        }
        queue.shutdownAndJoin()
        if let error = lines.firstError { throw error }
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

    /// "1200x800, 2 panels, 500 rows read": what a written figure holds, for the log line; `rows`
    /// counts the input rows read (every table the figure drew from), not the points drawn.
    static func summary(_ figure: Figure, rows: Int) -> String {
        "\(figure.width)x\(figure.height), \(figure.panels.count) panel\(figure.panels.count == 1 ? "" : "s"), \(rows) row\(rows == 1 ? "" : "s") read"
    }

    /// A spec's figure name: its file name without the folder and `.plot.json` or `.json`.
    static func figureName(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".plot.json", ".json"] where name.hasSuffix(suffix) { name.removeLast(suffix.count); break }
        return name
    }

    /// How to read the data files: the pandas-like options given on the command line.
    var csvOptions: CSVOptions { read.csvOptions }

    /// Prints what was read differently from the bytes as written (one line each, to standard error).
    static func printReadNotes(_ tables: [DataTable]) {
        for warning in tables.flatMap(\.readNotes) {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
    }

    /// The default figure for the data files and log folders (several runs are overlaid): the
    /// default spec (`DefaultFigure.spec`) drawn as `--spec` draws a spec, or, for what no spec
    /// key expresses yet (`specless`), `DefaultFigure.make`; with the rows read.
    func defaultFigure(_ options: RenderOptions) throws -> (figure: Figure, rows: Int) {
        let drawn = try defaultSpec(options, folder: FileManager.default.currentDirectoryPath, source: "<default figure>")
        return (drawn.figure, drawn.rows)
    }

    /// The flag of a default figure no spec draws yet (`--aggregate` across runs or rows,
    /// `--by param.NAME`), or nil when the default spec draws it.
    static func specless(aggregate: String?, by: String?) -> String? {
        if aggregate != nil { return "--aggregate" }
        if let by, by.hasPrefix("param.") { return "--by \(by)" }
        return nil
    }

    /// The default figure's spec (nil for a `specless` figure), with data paths relative to
    /// `folder` (where the spec will be read from), the figure, and the rows read; an error when
    /// it would draw nothing.
    func defaultSpec(_ options: RenderOptions, folder: String, source: String) throws -> (spec: FigureSpec?, figure: Figure, rows: Int) {
        do {
            var runs: [DefaultFigure.Input] = []
            var params: [[String: String]] = []
            if files.contains("-") {
                // Standard input among the files: each is one table, read as given.
                for (name, f) in zip(RunInputs.runNames(files), files) {
                    let table = f == "-"
                        ? try TableReader.parse(bytes: FileHandle.standardInput.readDataToEndOfFile(), source: "<stdin>", options: csvOptions)
                        : try TableReader.read(path: f, options: csvOptions)
                    runs.append((name: name, path: f, table: table))
                }
            } else {
                let note: (String) -> Void = { FileHandle.standardError.write(Data(("note: " + $0 + "\n").utf8)) }
                let read = try RunInputs.read(files, options: csvOptions, notes: note)
                runs = read.map { (name: $0.name, path: PrintSpec.specPath($0.path, folder: folder), table: $0.table) }
                params = read.map(\.params)
            }
            Render.printReadNotes(runs.map(\.table))
            WarningPrinter.print(runs.map(\.table))
            var spec: FigureSpec?
            var figure: Figure
            if Render.specless(aggregate: options.aggregate?.rawValue, by: options.by) != nil {
                figure = try DefaultFigure.make(runs: runs.map { (name: $0.name, table: $0.table) }, params: params, options: options)
            } else {
                let made = try DefaultFigure.spec(runs, options: options, read: csvOptions, source: source, directory: folder)
                let tables = Dictionary(zip(made.data.map(\.name), runs.map(\.table)), uniquingKeysWith: { a, _ in a })
                figure = try DefaultFigure.figure(made, tables: tables)
                spec = made
            }
            if let mode = rasterize.flatMap(RasterizeMode.init(rawValue:)) {
                figure.rasterize = mode
                spec?.rasterize = mode
            }
            if let why = DefaultFigure.nothingToDraw(figure, tables: runs.map(\.table)) {
                throw DataError(.nothingToDraw(why), at: DataLocation(source: files.joined(separator: ", ")))
            }
            return (spec, figure, runs.map(\.table.rowCount).reduce(0, +))
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// The figure a spec describes, with the flags given on the command line taking precedence,
    /// the rows read, and the spec's own `"formats"` (nil without the key).
    func specFigure(_ path: String) throws -> (figure: Figure, rows: Int, formats: [OutputFormat]?) {
        do {
            let spec = try FigureSpec.load(path: path)
            let confinement = ReadConfinement(root: spec.directory, allowed: allowRead)
            let tables = try spec.readTables(confinement: confinement)
            Render.printReadNotes(Array(tables.values))
            WarningPrinter.print(tables.keys.sorted().compactMap { tables[$0] })
            var figure = try spec.figure(tables: tables)
            if let title { figure.title = title }
            if size != FigureSize(width: 1200, height: 800) || spec.width == nil { figure.width = size.width; figure.height = size.height }
            if dpi != 100 { figure.dpi = dpi }
            if theme == "dark" { figure.theme = .dark }
            if let placement = legend.flatMap(FigureSpec.Panel.legendPlacement(named:)) { figure.placeLegends(placement) }
            if let mode = rasterize.flatMap(RasterizeMode.init(rawValue:)) { figure.rasterize = mode }
            return (figure, tables.values.map(\.rowCount).reduce(0, +), spec.formats)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
