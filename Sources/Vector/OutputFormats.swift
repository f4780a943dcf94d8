/// Which formats a figure is written in: the one rule for `render`, `report` and `watch`
/// (docs/figure-spec.md, "Output formats").
///
/// Each level may name a list of formats; the most specific level that names one wins whole
/// (lists are never merged):
/// 1. the command line: `plotline render --format`;
/// 2. a report's figure entry: `{"spec": "x.plot.json", "formats": [...]}`;
/// 3. the figure spec file's own `"formats"` (known only once the spec is read, on the render thread);
/// 4. the report-wide `"formats"`, or the watched folder's `watch --format`;
/// 5. none: the main file alone.
///
/// The main file is always written, first: the PNG for `report` and `watch` (their index,
/// baselines, sidecar and live page follow it), `-o`'s extension for `render`. The list's other
/// formats go beside it with the same stem (`fig.png` → `fig.svg`, `fig.pdf`).
public struct OutputFormats: Sendable, Equatable {
    /// Level 1: the command line's list (`render --format`), nil when not given.
    public var commandLine: [OutputFormat]?
    /// Level 2: the report figure entry's `"formats"`, nil when it has none.
    public var entry: [OutputFormat]?
    /// Level 4: the report-wide `"formats"` or the watched folder's `--format`, nil when not given.
    public var folder: [OutputFormat]?

    /// The levels known before a figure's spec is read.
    public init(commandLine: [OutputFormat]? = nil, entry: [OutputFormat]? = nil, folder: [OutputFormat]? = nil) {
        self.commandLine = commandLine; self.entry = entry; self.folder = folder
    }

    /// The list that wins for a figure whose spec says `spec` (nil: no spec, or no `"formats"` key).
    public func list(spec: [OutputFormat]?) -> [OutputFormat] {
        commandLine ?? entry ?? spec ?? folder ?? []
    }

    /// Every format written, the main file's first, each once.
    public func resolve(main: OutputFormat = .png, spec: [OutputFormat]?) -> [OutputFormat] {
        var out = [main]
        for f in list(spec: spec) where !out.contains(f) { out.append(f) }
        return out
    }

    /// The formats written beside the main file (`resolve` without its first).
    public func beside(main: OutputFormat = .png, spec: [OutputFormat]?) -> [OutputFormat] {
        Array(resolve(main: main, spec: spec).dropFirst())
    }
}
