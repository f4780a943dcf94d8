import Chart
import CommandSyntax
import FigureSpec
import FoundationEssentials
import PNG
import Raster
import Scene
import Service
import Table
import Text
import Vector
import Platform

/// `plotline render`: a table (or several runs of one) to a PNG figure.
struct Render: Command, @unchecked Sendable {
    // @unchecked Sendable: the parsed flags (strings, numbers, arrays of them), never changed
    // after parsing; the render thread reads them in the jobs' figure builders while this
    // thread waits.
    static let definition = CommandDefinition(
        name: "render",
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
            """,
        positionals: [Options.files],
        groups: [
            OptionGroup([Options.spec, Options.output, Options.format]),
            OptionGroup("Figure (plotline watch takes the same flags)", FigureFlags.Options.all),
            OptionGroup(CSVReadFlags.options + [Options.printSpec, Options.fsync, Options.allowRead]),
        ])

    /// The arguments and options of `render` alone (the figure and read flags are shared with `watch`).
    enum Options {
        static let files = PositionalDefinition("file", .many, help: "Data files (.csv, .tsv, .jsonl, .json, .npy, TensorBoard event files, MLflow metric files), log folders (TensorBoard log dirs, MLflow stores), or - for standard input.")
        static let spec = OptionDefinition.repeated("spec", valueName: "figure.json", help: "A JSON figure spec (docs/figure-spec.md): panels, series, scales, styles, data files. Repeat it to render several figures in one run; -o is then a folder and each PNG is named after its spec.")
        static let output = OptionDefinition.value("output", short: "o", valueName: "path", help: "The figure to write: its extension picks the format, .png, .svg or .pdf (default: the first file's name with .png); - writes PNG to standard output.")
        static let format = OptionDefinition.value("format", valueName: "list", help: "The formats to write, comma-separated: png, svg, pdf. It replaces a spec's own \"formats\". With one figure the extension of -o names the main file, always written, and the others go beside it with the same name; with several --spec each figure is written into the -o folder in these formats (default: the PNG, and beside it the spec's own \"formats\").")
        static let printSpec = OptionDefinition.optionalValue("print-spec", valueName: "FILE", bareValue: PrintSpec.standardOutput, help: "Write the default figure as a figure spec instead of drawing it: to standard output, or to FILE (ending in .json). Every choice and flag is written out, data paths relative to the spec's folder; `--spec` draws it byte-identically. Not with --aggregate or --by param.NAME (no spec key draws those yet).")
        static let fsync = OptionDefinition.flag("fsync", help: "fsync every written file and its folder before exiting, so a power loss right after cannot lose them (default: atomic replacement only, as cp and matplotlib's savefig write; each fsync waits for the disk).")
        static let allowRead = OptionDefinition.repeated("allow-read", valueName: "path", help: "Let specs read data under PATH too (a file or folder; repeatable). Without it a spec reads only inside its own folder, after resolving links.")
    }

    let files: [String]
    let spec: [String]
    let output: String?
    let format: String?
    let figure: FigureFlags
    let read: CSVReadFlags
    let printSpec: String?
    let fsync: Bool
    let allowRead: [String]

    init(_ arguments: ParsedArguments) throws {
        files = arguments.positionals(Options.files)
        spec = arguments.values(Options.spec)
        output = arguments.value(Options.output)
        format = arguments.value(Options.format)
        figure = try FigureFlags(arguments)
        read = try CSVReadFlags(arguments)
        printSpec = arguments.value(Options.printSpec)
        fsync = arguments.isSet(Options.fsync)
        allowRead = arguments.values(Options.allowRead)
        try validate()
    }

    private func validate() throws {
        if files.isEmpty && spec.isEmpty { throw UsageError("Give at least one data file (or - for standard input), or --spec.") }
        if !files.isEmpty && !spec.isEmpty { throw UsageError("A spec names its own data files: give --spec or files, not both.") }
        if let printSpec {
            try PrintSpec.validate(printSpec)
            if !spec.isEmpty { throw UsageError("--print-spec writes the default figure of data files; a --spec is a spec already.") }
            if files.contains("-") { throw UsageError("--print-spec needs data files: standard input has no path a spec could read again.") }
            if output != nil { throw UsageError("--print-spec writes the spec instead of the figure: give -o to draw it, or --print-spec, not both.") }
            if let flag = DefaultFigure.speclessFlag(figure.renderOptions(read: read.csvOptions)) {
                throw UsageError("--print-spec cannot write \(flag) yet: no spec key draws the same figure. Leave out \(flag), or draw it with -o.")
            }
        }
        if output == nil && files.first == "-" && printSpec == nil { throw UsageError("Reading standard input needs -o to name the PNG.") }
        if let format {
            let list = try Watch.formats(format)
            if output == "-", spec.count <= 1, list != [.png] {
                throw UsageError("-o - writes one PNG to standard output: --format \(format) would need files beside it; give -o a file name.")
            }
        }
        if let output, spec.count <= 1 {
            do { _ = try OutputFormat(path: output) } catch { throw UsageError("\(error)") }
        }
    }

    func run() throws {
        let options = figure.renderOptions(read: read.csvOptions)

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
                let folder = output ?? PathName.deletingLastComponent(path)
                let main = PathName.appending(folder, name + "." + first.fileExtension)
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
            let out = output ?? (spec.first.map { PathName.appending(PathName.deletingLastComponent($0), Render.figureName($0)) }
                ?? PathName.deletingExtension(files[0])) + ".png"
            // -o's extension names the main file; --format, else the spec's own "formats", the
            // files beside it (`OutputFormats`).
            let main: OutputFormat
            do { main = out == "-" ? .png : try OutputFormat(path: out) } catch { throw UsageError("\(error)") }
            let rule = OutputFormats(commandLine: try format.map(Watch.formats))
            var job = lines.job(0, output: out) { [self, options] in
                let (figure, rows, own) = try spec.first.map(specFigure) ?? { let d = try defaultFigure(options); return (d.figure, d.rows, nil) }()
                let beside = rule.beside(main: main, spec: own)
                if out == "-", !beside.isEmpty {
                    StandardStream.error.write("note: -o - writes the PNG alone; the spec's \"formats\" \(beside.map(\.rawValue).joined(separator: ", ")) need a file name (-o fig.png)\n")
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

    /// "1200x800, 2 panels, 500 rows read": what a written figure holds, for the log line; `rows`
    /// counts the input rows read (every table the figure drew from), not the points drawn.
    static func summary(_ figure: Figure, rows: Int) -> String {
        "\(figure.width)x\(figure.height), \(figure.panels.count) panel\(figure.panels.count == 1 ? "" : "s"), \(rows) row\(rows == 1 ? "" : "s") read"
    }

    /// A spec's figure name: its file name without the folder and `.plot.json` or `.json`.
    static func figureName(_ path: String) -> String {
        var name = PathName.lastComponent(path)
        for suffix in [".plot.json", ".json"] where name.hasSuffix(suffix) { name.removeLast(suffix.count); break }
        return name
    }

    /// How to read the data files: the pandas-like options given on the command line.
    var csvOptions: CSVOptions { read.csvOptions }

    /// Prints what was read differently from the bytes as written (one line each, to standard error).
    static func printReadNotes(_ tables: [DataTable]) {
        for warning in tables.flatMap(\.readNotes) {
            StandardStream.error.write("warning: \(warning)\n")
        }
    }

    /// The default figure for the data files and log folders (several runs are overlaid): the
    /// default spec (`DefaultFigure.spec`) drawn as `--spec` draws a spec, or, for what no spec
    /// key expresses yet (`DefaultFigure.speclessFlag`), `DefaultFigure.make`; with the rows read.
    func defaultFigure(_ options: RenderOptions) throws -> (figure: Figure, rows: Int) {
        let drawn = try defaultSpec(options, folder: FileManager.default.currentDirectoryPath, source: "<default figure>")
        return (drawn.figure, drawn.rows)
    }

    /// The default figure's spec (nil for a figure no spec key draws yet: `DefaultFigure.speclessFlag`), with data paths relative to
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
                        ? try TableReader.parse(bytes: Data(StandardStream.readInput()), source: "<stdin>", options: csvOptions)
                        : try TableReader.read(path: f, options: csvOptions)
                    runs.append((name: name, path: f, table: table))
                }
            } else {
                let note: (String) -> Void = { StandardStream.error.write("note: " + $0 + "\n") }
                let read = try RunInputs.read(files, options: csvOptions, notes: note)
                runs = read.map { (name: $0.name, path: PrintSpec.specPath($0.path, folder: folder), table: $0.table) }
                params = read.map(\.params)
            }
            Render.printReadNotes(runs.map(\.table))
            WarningPrinter.print(runs.map(\.table))
            var spec: FigureSpec?
            let figure: Figure
            if DefaultFigure.speclessFlag(options) != nil {
                figure = try DefaultFigure.make(runs: runs.map { (name: $0.name, table: $0.table) }, params: params, options: options)
            } else {
                let made = try DefaultFigure.spec(runs, options: options, read: csvOptions, source: source, directory: folder)
                let tables = Dictionary(zip(made.data.map(\.name), runs.map(\.table)), uniquingKeysWith: { a, _ in a })
                figure = try DefaultFigure.figure(made, tables: tables)
                spec = made
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
            var drawn = try spec.figure(tables: tables)
            self.figure.override(&drawn, specHasSize: spec.width != nil)
            return (drawn, tables.values.map(\.rowCount).reduce(0, +), spec.formats)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
