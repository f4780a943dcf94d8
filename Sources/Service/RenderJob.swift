import Chart
import PNG
import Vector

/// One request for a figure: what to draw, the file it goes to, and how (`FigurePipeline`).
///
/// A job is a `Sendable` value, so any thread or task can hand it to a `RenderQueue`. The
/// output path is the job's key: a newer job for the same path replaces a waiting one (latest
/// wins). Paths are compared as given, so callers should pass one spelling per file (for
/// example always absolute, or always relative to one folder).
public struct RenderJob: Sendable {
    /// Where a job's figure comes from.
    public enum Source: Sendable {
        /// A finished figure, built by the producer.
        case figure(Figure)
        /// A function that builds the figure on the render thread, just before drawing.
        ///
        /// Use it when building the figure costs something (reading a table that keeps
        /// growing): a job that is replaced while it waits never runs its function, so a burst
        /// of appends reads the data only for the renders that actually happen, and always the
        /// newest bytes. It runs on the render thread, so it must not block for long, and must
        /// not wait for the queue (no `shutdownAndJoin`, no waiting on a `render` result). An
        /// error it throws fails the job like any other (the previous PNG stays).
        case make(@Sendable () throws -> Figure)
        /// As `make`, and the formats written beside the main file as decided for this figure
        /// (`OutputFormats`), known only once its spec is read: they replace `alsoWrite` when not nil.
        case makeWithFormats(@Sendable () throws -> (figure: Figure, alsoWrite: [OutputFormat]?))
    }

    /// The PNG file to write; also the key that coalesces jobs.
    public var output: String
    /// The figure, or the function that builds it on the render thread.
    public var source: Source
    /// libpng settings and text chunks for the encoded file.
    public var pngOptions: PNG.Options
    /// Whether the file is fsynced before it replaces the old one (see `AtomicFile.write`);
    /// live figures that are redrawn anyway turn it off. Either way readers never see half a file.
    public var durable = true
    /// When set, the output must lie below this folder and is written without following any
    /// link below it (checked at write time: `AtomicFile.write(_:to:under:)`).
    public var outputRoot: String?
    /// Formats written too, beside the main file, from the same Scene: the output's path with
    /// the format's extension (`fig.png` → `fig.svg`, `fig.pdf`; `fig.svg` → `fig.png`). The
    /// main file's own format in the list is ignored.
    public var alsoWrite: [OutputFormat] = []
    /// The format of `output` itself: PNG (the default), or SVG or PDF for a vector figure.
    /// `-` as the output writes to standard output.
    public var format: OutputFormat = .png
    /// Where the PNG is deflated and the files written: on the render thread (the default), or
    /// on a background writer while the next job is drawn.
    public var encoding: Encoding = .onRenderThread
    /// Called with what was written, on the thread that wrote it, before the queue records the
    /// render (the report hashes the PNG here). Not called when the job fails.
    public var onWritten: (@Sendable (WrittenFigure) -> Void)?

    /// A job that draws a finished figure.
    public init(output: String, figure: Figure, pngOptions: PNG.Options = .default) {
        self.output = output
        self.source = .figure(figure)
        self.pngOptions = pngOptions
    }

    /// A job whose figure is built on the render thread when its turn comes (see `Source.make`).
    public init(output: String, pngOptions: PNG.Options = .default,
                makeFigure: @escaping @Sendable () throws -> Figure) {
        self.output = output
        self.source = .make(makeFigure)
        self.pngOptions = pngOptions
    }

    /// A job whose figure, and the formats its source asks for, are built on the render thread
    /// when its turn comes (see `Source.makeWithFormats`).
    public init(output: String, pngOptions: PNG.Options = .default,
                makeFigureAndFormats: @escaping @Sendable () throws -> (figure: Figure, alsoWrite: [OutputFormat]?)) {
        self.output = output
        self.source = .makeWithFormats(makeFigureAndFormats)
        self.pngOptions = pngOptions
    }

    /// The path a format's file is written to: the output's with its extension replaced.
    public static func path(_ output: String, as format: OutputFormat) -> String {
        let name = output.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return output + "." + format.fileExtension }
        return String(output.dropLast(name.distance(from: dot, to: name.endIndex))) + "." + format.fileExtension
    }

    /// The formats written, main output first, each once (`alsoWrite`, or the formats the
    /// figure's source asked for, without repeats). Standard output (`-`) is the PNG alone:
    /// it has no name to put other files beside.
    func formats(alsoWrite asked: [OutputFormat]? = nil) -> [OutputFormat] {
        var list = [format]
        if output == "-" { return list }
        for f in asked ?? alsoWrite where !list.contains(f) { list.append(f) }
        return list
    }

    /// The path a format's file of this job goes to: the output itself for its own format.
    func path(as f: OutputFormat) -> String { f == format ? output : RenderJob.path(output, as: f) }

    /// The figure to draw: the stored one, or the result of the builder (on the calling thread),
    /// with the formats its source asked for (nil: the job's `alsoWrite`).
    func figure() throws -> (figure: Figure, alsoWrite: [OutputFormat]?) {
        switch source {
        case .figure(let f): return (f, nil)
        case .make(let build): return (try build(), nil)
        case .makeWithFormats(let build): return try build()
        }
    }
}
