import ArgumentParser
import Chart
import Foundation
import PNG
import Raster
import Scene
import Spec
import Text
import Vector

/// `plotline render`: a table (or several runs of one) to a PNG figure.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",  // explicit: the default costs a runtime type-name lookup at every start
        abstract: "Render CSV, TSV, JSON Lines or JSON tables to a PNG, SVG or PDF figure.",
        discussion: """
            With no options, the first counter column (step, epoch, …) or time column is x and \
            every other numeric column is a line; a training log gets one panel per metric \
            family (loss with val_loss, accuracy with val_accuracy, the learning rate on a log \
            axis). Several files are overlaid as runs, one colour per run. Use - to read standard \
            input. The extension of -o picks the format (.png, .svg, .pdf; SVG and PDF keep the text \
            as text); the file is written atomically and is byte-identical for identical input.

            Exit status: 0 written; 1 bad input (the message names the file, line and column); \
            64 bad usage.

            Examples:
              plotline render metrics.csv -o metrics.png
              plotline render metrics.csv -o metrics.pdf
              plotline render runs/*/metrics.csv -o compare.png --smooth 0.6
              plotline render logs/ -o logs.png                  # TensorBoard runs overlaid
              plotline render mlruns/0 -o exp0.png --x wall_time # MLflow runs by wall time
              plotline render weather.csv --x date --y temp_max,temp_min --title Seattle -o t.png
              cat log.jsonl | plotline render - -o live.png --logy
              plotline render tips.csv --y total_bill,tip --kind histogram --bins 30 -o tips.png
              plotline render tips.csv --x day --print-spec tips.plot.json  # start from the default figure
              plotline render --spec tips.plot.json -o tips.png             # ... edited, drawn
            """)

    @Argument(help: ArgumentHelp("Data files (.csv, .tsv, .jsonl, .json, .npy, TensorBoard event files, MLflow metric files), log folders (TensorBoard log dirs, MLflow stores), or - for standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("A JSON figure spec (docs/figure-spec.md): panels, series, scales, styles, data files. Repeat it to render several figures in one run; -o is then a folder and each PNG is named after its spec.", valueName: "figure.json"))
    var spec: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The figure to write: its extension picks the format, .png, .svg or .pdf (default: the first file's name with .png); - writes PNG to standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("With several --spec: the formats written into the -o folder, comma-separated: png, svg, pdf (default: png). With one figure the extension of -o picks the format.", valueName: "list"))
    var format: String = "png"

    @Option(help: ArgumentHelp("The x column.", valueName: "column"))
    var x: String?

    @Option(help: ArgumentHelp("The y columns, comma-separated.", valueName: "a,b"))
    var y: String?

    @Option(help: ArgumentHelp("Split every series by this column's values: one colour and legend entry per group (stocks: --by symbol).", valueName: "column"))
    var by: String?

    @Option(help: ArgumentHelp("Series kind: line, scatter, step, area, bar, histogram or box.", valueName: "kind"))
    var kind: String?

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

    @Option(help: ArgumentHelp("The image size in pixels, WIDTHxHEIGHT (default: 1200x800).", valueName: "WxH"),
            transform: FigureSize.parse)
    var size: FigureSize = FigureSize(width: 1200, height: 800)

    @Option(help: ArgumentHelp("Dots per inch: scales fonts and lines (default: 100).", valueName: "dpi"))
    var dpi: Double = 100

    @Option(help: ArgumentHelp("light or dark.", valueName: "theme"))
    var theme: String = "light"

    @Option(help: ArgumentHelp("TensorBoard smoothing weight in 0..<1: a faint raw curve under its moving average.", valueName: "w"))
    var smooth: Double?

    @Option(help: ArgumentHelp("The decimal mark of the data files: . or , (default: a comma is detected in files not separated by commas).", valueName: "mark"))
    var decimal: String?

    @Option(help: ArgumentHelp("A thousands separator inside numbers, such as , or . or ' (default: none).", valueName: "char"))
    var thousands: String?

    @Option(help: ArgumentHelp("Skip lines starting with this character (default: # when the file starts with #).", valueName: "char"))
    var comment: String?

    @Option(name: .customLong("na-values"), help: ArgumentHelp("More spellings of a missing value, comma-separated (NA, null, None, -, ... are built in).", valueName: "a,b"))
    var naValues: String?

    @Option(help: ArgumentHelp("The data files' encoding: utf-8, latin-1 or windows-1252 (default: UTF-8, or Windows-1252 with a warning when not valid UTF-8).", valueName: "name"))
    var encoding: String?

    @Option(name: .customLong("print-spec"), help: ArgumentHelp("Write the default figure as a figure spec instead of drawing it: to standard output, or to FILE (ending in .json). Every choice and flag is written out, data paths relative to the spec's folder; `--spec` draws it byte-identically.", valueName: "FILE"))
    var printSpec: String?

    @Option(name: .customLong("allow-read"), help: ArgumentHelp("Let specs read data under PATH too (a file or folder; repeatable). Without it a spec reads only inside its own folder, after resolving links.", valueName: "path"))
    var allowRead: [String] = []

    func validate() throws {
        if files.isEmpty && spec.isEmpty { throw ValidationError("Give at least one data file (or - for standard input), or --spec.") }
        if !files.isEmpty && !spec.isEmpty { throw ValidationError("A spec names its own data files: give --spec or files, not both.") }
        if let k = kind, SeriesKind(rawValue: k).map(DefaultFigure.kinds.contains) != true {
            let note = SeriesKind(rawValue: k) == nil ? "" : " (a \(k) names its cells or labels in a figure spec: --spec, see docs/figure-spec.md)"
            throw ValidationError("--kind must be one of \(DefaultFigure.kinds.map(\.rawValue).joined(separator: ", ")), not \(k)\(note).")
        }
        if let b = bins, RenderOptions.parseBins(b) == nil {
            throw ValidationError("--bins must be a count 1...100000 or one of auto, sturges, fd, sqrt, not \(b).")
        }
        if theme != "light" && theme != "dark" { throw ValidationError("--theme must be light or dark, not \(theme).") }
        if !(dpi >= 20 && dpi <= 600) { throw ValidationError("--dpi must be 20...600.") }
        if let s = smooth, !(s >= 0 && s < 1) { throw ValidationError("--smooth must be in 0..<1.") }
        if let d = decimal, d != "." && d != "," { throw ValidationError("--decimal must be \".\" or \",\", not \(d).") }
        for (flag, value) in [("--thousands", thousands), ("--comment", comment)] {
            if let value, value.utf8.count != 1 || value.utf8.first! >= 0x80 || value == "\"" {
                throw ValidationError("\(flag) must be one ASCII character other than a quote, not \(value).")
            }
        }
        if let e = encoding, TextEncoding(name: e) == nil {
            throw ValidationError("--encoding must be one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")), not \(e).")
        }
        if let printSpec {
            try PrintSpec.validate(printSpec)
            if !spec.isEmpty { throw ValidationError("--print-spec writes the default figure of data files; a --spec is a spec already.") }
            if files.contains("-") { throw ValidationError("--print-spec needs data files: standard input has no path a spec could read again.") }
            if output != nil { throw ValidationError("--print-spec writes the spec instead of the figure: give -o to draw it, or --print-spec, not both.") }
        }
        if output == nil && files.first == "-" && printSpec == nil { throw ValidationError("Reading standard input needs -o to name the PNG.") }
        if format != "png" {
            guard spec.count > 1 else { throw ValidationError("--format is for several --spec (a folder of figures); with one figure the extension of -o picks the format.") }
            _ = try Watch.formats(format)
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
        options.kind = kind.flatMap(SeriesKind.init(rawValue:))
        options.logX = logx
        options.logY = logy
        options.robustY = robust
        options.subplots = subplots
        options.title = title
        options.width = size.width
        options.height = size.height
        options.dpi = dpi
        options.theme = theme == "dark" ? .dark : .light
        options.smooth = smooth
        options.bins = bins.flatMap(RenderOptions.parseBins) ?? .auto
        options.xLabel = xlabel
        options.yLabel = ylabel

        if let printSpec {
            let (spec, _) = try defaultSpec(options, folder: PrintSpec.folder(of: printSpec), source: printSpec)
            try PrintSpec.write(spec, to: printSpec)
            return
        }

        let fonts: FontLibrary
        do { fonts = try FontLibrary() } catch { throw CLIError("cannot load the fonts: \(error)") }
        let renderer = FigureRenderer(fonts: fonts)
        let player = ScenePlayer(fonts: fonts, rasterizer: Rasterizer())
        if spec.count > 1 {
            // Several figures in one run: -o is a folder (default: each spec's own folder).
            // Drawing stays on this thread; each finished pixmap is encoded and written on a
            // writer queue while the next figure is drawn (encoding is not drawing: zlib takes
            // about half of a simple figure's time).
            // SVG and PDF (--format) are encoded here too (they use this thread's fonts) and
            // written by the same queue, so the "wrote" lines stay in order.
            let formats = try Watch.formats(format)
            let writer = PixmapWriter()
            for path in spec {
                let figure: Figure
                do { figure = try specFigure(path) } catch { writer.finish(); throw error }
                let scene = renderer.scene(for: figure)
                for f in formats {
                    let name = Render.figureName(path) + "." + f.fileExtension
                    let out = output.map { ($0 as NSString).appendingPathComponent(name) }
                        ?? ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
                    do {
                        if f == .png {
                            writer.write(try player.render(scene), to: out, summary: Render.summary(figure))
                        } else {
                            let bytes = try FigureEncoder.encode(scene, as: f, player: player, dpi: figure.dpi)
                            writer.write(bytes: bytes, to: out, summary: Render.summary(figure))
                        }
                    } catch {
                        writer.finish()
                        throw CLIError("cannot render \(path): \(error)")
                    }
                }
            }
            if let error = writer.finish() { throw error }
            return
        }
        let figure = try spec.first.map(specFigure) ?? defaultFigure(options)
        let out = output ?? (spec.first.map { (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent(Render.figureName($0)) }
            ?? (files[0] as NSString).deletingPathExtension) + ".png"
        try draw(figure, to: out, renderer: renderer, player: player)
    }

    /// Lays out, draws and writes one figure, and prints a line about it.
    func draw(_ figure: Figure, to out: String, renderer: FigureRenderer, player: ScenePlayer) throws {
        let scene = renderer.scene(for: figure)
        let format: OutputFormat
        do { format = try OutputFormat(path: out) } catch { throw ValidationError("\(error)") }
        if format == .png {
            let pixmap: Pixmap
            do { pixmap = try player.render(scene) } catch { throw CLIError("cannot render: \(error)") }
            try OutputFile.write(pixmap, to: out)
        } else {
            let bytes: [UInt8]
            do { bytes = try FigureEncoder.encode(scene, as: format, player: player, dpi: figure.dpi) } catch {
                throw CLIError("cannot render \(out): \(error)")
            }
            try OutputFile.write(bytes: bytes, to: out)
        }
        let line = "wrote \(out == "-" ? "standard output" : out) (\(Render.summary(figure)))"
        // With -o - the figure is standard output: the log line goes to standard error.
        if out == "-" { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { print(line) }
    }

    /// "1200x800, 2 panels, 500 rows": what a written figure holds, for the log line.
    static func summary(_ figure: Figure) -> String {
        let rows = figure.panels.flatMap(\.series).map(\.x.count).max() ?? 0
        return "\(figure.width)x\(figure.height), \(figure.panels.count) panel\(figure.panels.count == 1 ? "" : "s"), \(rows) rows"
    }

    /// A spec's figure name: its file name without the folder and `.plot.json` or `.json`.
    static func figureName(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".plot.json", ".json"] where name.hasSuffix(suffix) { name.removeLast(suffix.count); break }
        return name
    }

    /// How to read the data files: the pandas-like options given on the command line.
    var csvOptions: CSVOptions {
        var options = CSVOptions()
        options.decimal = decimal?.utf8.first
        options.thousands = thousands?.utf8.first
        options.comment = comment?.utf8.first
        options.missingValues = naValues.map { $0.split(separator: ",").map(String.init) } ?? []
        options.encoding = encoding.flatMap(TextEncoding.init(name:))
        return options
    }

    /// Prints what was read differently from the bytes as written (one line each, to standard error).
    static func printReadNotes(_ tables: [DataTable]) {
        for warning in tables.flatMap(\.readNotes) {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
    }

    /// The default figure for the data files and log folders (several runs are overlaid): the
    /// default spec (`DefaultFigure.spec`), drawn as `--spec` draws a spec.
    func defaultFigure(_ options: RenderOptions) throws -> Figure {
        try defaultSpec(options, folder: FileManager.default.currentDirectoryPath, source: "<default figure>").figure
    }

    /// The default figure's spec, with data paths relative to `folder` (where the spec will be
    /// read from), and the figure it draws; an error when it would draw nothing.
    func defaultSpec(_ options: RenderOptions, folder: String, source: String) throws -> (spec: FigureSpec, figure: Figure) {
        do {
            var runs: [DefaultFigure.Input] = []
            if files.contains("-") {
                // Standard input among the files: each is one table, read as given.
                for (name, f) in zip(DefaultFigure.runNames(files), files) {
                    let table = f == "-"
                        ? try TableReader.parse(bytes: FileHandle.standardInput.readDataToEndOfFile(), source: "<stdin>", options: csvOptions)
                        : try TableReader.read(path: f, options: csvOptions)
                    runs.append((name: name, path: f, table: table))
                }
            } else {
                let note: (String) -> Void = { FileHandle.standardError.write(Data(("note: " + $0 + "\n").utf8)) }
                runs = try RunInputs.read(files, options: csvOptions, notes: note).map {
                    (name: $0.name, path: PrintSpec.specPath($0.path, folder: folder), table: $0.table)
                }
            }
            Render.printReadNotes(runs.map(\.table))
            WarningPrinter.print(runs.map(\.table))
            let spec = try DefaultFigure.spec(runs, options: options, read: csvOptions, source: source, directory: folder)
            let tables = Dictionary(zip(spec.data.map(\.name), runs.map(\.table)), uniquingKeysWith: { a, _ in a })
            let figure = try DefaultFigure.figure(spec, tables: tables)
            if let why = DefaultFigure.nothingToDraw(figure, tables: runs.map(\.table)) {
                throw DataError(.nothingToDraw(why), at: DataLocation(source: files.joined(separator: ", ")))
            }
            return (spec, figure)
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// The figure a spec describes, with the flags given on the command line taking precedence.
    func specFigure(_ path: String) throws -> Figure {
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
            return figure
        } catch {
            throw CLIError("\(error)")
        }
    }
}
