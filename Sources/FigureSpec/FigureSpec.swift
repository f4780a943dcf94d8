// FigureSpec: the versioned JSON figure spec that `plotline render --spec` and `plotline watch`
// (`*.plot.json`) read; the format is documented with every key in docs/figure-spec.md. The
// module holds everything between tables and a `Chart.Figure`: the spec, its JSON form
// (`FigureSpec+JSON`, `--print-spec`) and JSON Schema (`FigureSpecSchema`), the default figure
// drafted from a table's columns (`DefaultFigure`, the render flags as `RenderOptions`), facet
// grids, group splits and run aggregates, CSS colour names, and the spec's located errors
// (`SpecError`). It reads tables from Table and builds figures for Chart; it renders nothing.
//
// Design. The spec is parsed by Table's `JSONDocument` (the one located JSON tree every spec
// format uses; it keeps key order and tells `true` from `1`, unlike Foundation's
// `JSONSerialization` on Linux, where both arrive as NSNumber) and decoded by hand through
// `FigureSpecNode` (Table's shared `JSONNode` reader throwing `SpecError`), one typed read per key.
// Hand decoding instead of `Codable`: `JSONDecoder` ignores unknown keys and its errors name a
// coding path only in a debug description, while a spec typo must fail loudly at its key path
// (`panels[0].seris: unknown key (did you mean "series"?)`). The cost is a few lines per key;
// speed is not a concern (one pass over a tree of a few dozen values; not measured, since the
// data tables it names dominate any render).
// Decoding checks everything that needs no data (types, choices, ranges, data-source names);
// `figure(tables:)` checks the rest against the tables (column names, numeric columns) and
// builds the `Chart.Figure`.
//
// Credits: the key set follows matplotlib's names (`linthresh`, legend `loc` strings, tab10
// `C0`/`tab:orange` colours, dash styles) and Vega-Lite's idea of named data sources referenced
// from marks; smoothing is TensorBoard's (Chart's `EMASmoother`); the did-you-mean hint is a
// Damerau-Levenshtein distance (with swaps, Table's `DidYouMean`), as compilers use for misspelt names.
import Chart
import FoundationEssentials
import JSON
import Scene
import Table
import Vector

/// A figure spec, decoded and checked: data sources, a grid of panels and their series.
///
/// Optional values are nil when the spec leaves them out, so a caller can tell a default from an
/// explicit choice; `figure(tables:)` applies the defaults.
public struct FigureSpec: Sendable, Equatable {
    /// The spec format version this build reads.
    public static let currentVersion = 1

    /// The spec file's name as given, used in every error message.
    public var source: String
    /// The absolute folder that relative data paths are resolved against (the spec's folder).
    public var directory: String
    /// The figure title.
    public var title: String?
    /// The width in pixels.
    public var width: Int?
    /// The height in pixels.
    public var height: Int?
    /// Dots per inch (point sizes scale with it; 100 is matplotlib's default).
    public var dpi: Double?
    /// The theme.
    public var theme: ThemeName?
    /// The grid's row count; nil computes it from the panel count.
    public var rows: Int?
    /// The grid's column count; nil computes it from the panel count.
    public var columns: Int?
    /// Shared x limits per grid column and y limits per grid row (`"share": {"x": true}`).
    public var sharedX: Bool?, sharedY: Bool?
    /// The column whose values each get a copy of the one panel (`FacetGrid`); nil: no facets.
    public var facet: String?
    /// The series colour cycle instead of the theme's (`"palette": "tab20"`); nil: the theme's.
    public var palette: Palette?
    /// Whether SVG and PDF output may embed dense series as images (`"rasterize"`); nil: auto.
    public var rasterize: RasterizeMode?
    /// The files `plotline watch` writes for this spec (`"formats"`, the same list as a report's):
    /// the PNG always, the others beside it; nil: the watched folder's `--format`.
    public var formats: [OutputFormat]?
    /// The data sources, in spec order.
    public var data: [DataSource]
    /// The panels, in row-major order.
    public var panels: [Panel]

    /// The two themes a spec can name.
    public enum ThemeName: String, Sendable, Equatable, CaseIterable {
        case light, dark

        /// The Chart theme.
        public var theme: Theme { self == .dark ? .dark : .light }
    }

    /// Creates a spec from decoded parts (specs normally come from `load(path:)` or `parse`).
    public init(source: String, directory: String, title: String? = nil, width: Int? = nil, height: Int? = nil,
                dpi: Double? = nil, theme: ThemeName? = nil, rows: Int? = nil, columns: Int? = nil,
                data: [DataSource], panels: [Panel]) {
        self.source = source; self.directory = directory; self.title = title
        self.width = width; self.height = height; self.dpi = dpi; self.theme = theme
        self.rows = rows; self.columns = columns; self.data = data; self.panels = panels
    }

    // MARK: - Loading

    /// Reads and checks the spec at `path`; relative data paths are resolved against its folder.
    public static func load(path: String) throws(SpecError) -> FigureSpec {
        let bytes: Data
        var isFolder: Bool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder {
            throw SpecError(.unreadable("a folder, not a figure spec file"), source: path)
        }
        switch FileBytes.readWhole(path) {
        case .success(let data): bytes = data
        case .failure(let failure): throw SpecError(.unreadable(failure.reason), source: path)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        return try parse(bytes: bytes, source: path, directory: folder)
    }

    /// Parses and checks spec text; `directory` (default: the current folder) resolves relative data paths.
    public static func parse(text: String, source: String, directory: String? = nil) throws(SpecError) -> FigureSpec {
        try parse(bytes: Array(text.utf8), source: source, directory: directory)
    }

    /// Parses and checks spec bytes; `directory` (default: the current folder) resolves relative data paths.
    public static func parse<Bytes: ContiguousBytes>(
        bytes: Bytes, source: String, directory: String? = nil
    ) throws(SpecError) -> FigureSpec {
        let root: JSONDocument.Node
        do {
            root = try JSONDocument(bytes: (bytes as? [UInt8]) ?? bytes.withUnsafeBytes { Array($0) }, topLevel: "the spec object").root
        } catch {
            throw SpecError(.invalidJSON(error.message), source: source, line: error.line)
        }
        let folder = directory.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            ?? FileManager.default.currentDirectoryPath
        return try decode(FigureSpecNode(root, source: source), directory: folder)
    }

    /// The data sources by name, with absolute paths and read options (what a watcher watches).
    public func dataSources() -> [String: DataSource] {
        Dictionary(data.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads every data source's table, keyed by source name (errors name the data file).
    ///
    /// Each path must lead inside `confinement` after resolving links (`render --spec` confines
    /// to the spec's folder, `watch` to the watched root); the real path is what is read, opened
    /// once without following links (`ReadConfinement.read`).
    public func readTables(confinement: ReadConfinement = .unconfined) throws(DataError) -> [String: DataTable] {
        var tables: [String: DataTable] = [:]
        for source in data {
            let real = try confinement.check(source.resolvedPath, shownAs: source.path, source: self.source)
            if RunInputs.isFolder(real) {
                // A run folder (TensorBoard events, an MLflow run), as `plotline render` reads one.
                tables[source.name] = try RunInputs.readOne(real, options: source.options)
                continue
            }
            let bytes = try confinement.read(source.resolvedPath, shownAs: source.path, source: self.source)
            tables[source.name] = try TableReader.parse(bytes: bytes, source: source.resolvedPath, options: source.options)
        }
        return tables
    }

    // MARK: - Decoding

    static let keys = ["version", "title", "size", "dpi", "theme", "layout", "share", "facet", "palette", "rasterize", "formats",
                       "data", "panels"]

    private static func decode(_ root: FigureSpecNode, directory: String) throws(SpecError) -> FigureSpec {
        let object = try root.object(keys: keys)
        let versionNode = try object.required("version")
        if case .number(let v) = versionNode.value, v != Double(currentVersion) {
            throw versionNode.error(.unsupportedVersion(found: versionNode.found, supported: currentVersion))
        }
        _ = try versionNode.integer()

        let data = try decodeData(try object.required("data"), directory: directory)
        var spec = FigureSpec(source: root.source, directory: directory, data: data, panels: [])
        spec.title = try object.optional("title")?.string()
        if let size = object.optional("size") { (spec.width, spec.height) = try decodeSize(size) }
        if let dpi = object.optional("dpi") {
            let d = try dpi.number()
            do throws(Canvas.Error) { try Canvas.check(dpi: d) } catch {
                throw dpi.error(.invalidValue(expected: "\(Canvas.dpiRangeText) (\(ResourceLimits.reference))", found: dpi.found))
            }
            spec.dpi = d
        }
        spec.theme = try object.optional("theme")?.choice(ThemeName.allCases.map { ($0.rawValue, $0) })
        spec.palette = try object.optional("palette")?.choice(Palette.allCases.map { ($0.rawValue, $0) })
        spec.rasterize = try object.optional("rasterize")?.choice(RasterizeMode.allCases.map { ($0.rawValue, $0) })
        if let formats = object.optional("formats") { spec.formats = try decodeFormats(formats) }
        if let layout = object.optional("layout") {
            let grid = try layout.object(keys: ["rows", "columns"])
            spec.rows = try grid.optional("rows").map { node throws(SpecError) in try cellCount(node) }
            spec.columns = try grid.optional("columns").map { node throws(SpecError) in try cellCount(node) }
        }
        if let share = object.optional("share") { (spec.sharedX, spec.sharedY) = try decodeShare(share) }

        let panelsNode = try object.required("panels")
        let panelNodes = try panelsNode.array()
        guard !panelNodes.isEmpty else {
            throw panelsNode.error(.invalidValue(expected: "at least one panel", found: "an empty array"))
        }
        let names = data.map(\.name)
        for node in panelNodes { spec.panels.append(try Panel.decode(node, dataSources: names)) }
        if let facet = object.optional("facet") {
            let column = try facet.string()
            guard !column.isEmpty else { throw facet.error(.invalidValue(expected: "a column name", found: "\"\"")) }
            guard spec.panels.count == 1 else {
                throw SpecError(.conflict("facet repeats one panel for each value of \"\(column)\"; the spec has \(spec.panels.count) panels"),
                                source: root.source, keyPath: "facet")
            }
            guard spec.rows == nil && spec.columns == nil else {
                throw SpecError(.conflict("facet lays out its own grid (⌈√n⌉ columns); leave out layout"), source: root.source, keyPath: "facet")
            }
            spec.facet = column
        }

        if let rows = spec.rows, let columns = spec.columns, rows * columns < spec.panels.count {
            throw SpecError(
                .conflict("a \(rows) × \(columns) grid has room for \(rows * columns) panel\(rows * columns == 1 ? "" : "s"), the spec has \(spec.panels.count)"),
                source: root.source, keyPath: "layout")
        }
        return spec
    }

    /// A `"formats"` list, by `OutputFormat.list`'s rule (the one a report's `"formats"` follows).
    private static func decodeFormats(_ node: FigureSpecNode) throws(SpecError) -> [OutputFormat] {
        let items = try node.array()
        var names: [String] = []
        for item in items { names.append(try item.string()) }
        switch OutputFormat.list(names) {
        case .success(let formats):
            return formats
        case .failure(.unknown(let i)):
            throw items[i].error(.invalidValue(expected: OutputFormat.listExpected, found: items[i].found))
        case .failure(.repeated(let i)):
            throw items[i].error(.invalidValue(expected: "each format once", found: "\(items[i].found) a second time"))
        }
    }

    private static func cellCount(_ node: FigureSpecNode) throws(SpecError) -> Int {
        let n = try node.integer()
        guard (1...100).contains(n) else { throw node.error(.invalidValue(expected: "an integer from 1 to 100", found: node.found)) }
        return n
    }

    private static func decodeData(_ node: FigureSpecNode, directory: String) throws(SpecError) -> [DataSource] {
        let keys: [String]
        guard case .object(let members) = node.value else { throw node.wrongType("an object") }
        keys = members.map(\.key)
        let object = try node.object(keys: keys)  // rejects duplicate names
        guard !keys.isEmpty else {
            throw node.error(.invalidValue(expected: "at least one data source", found: "an empty object"))
        }
        var sources: [DataSource] = []
        for key in keys {
            let child = try object.required(key)
            if case .null = child.value { throw child.wrongType("a file path or an object with \"path\"") }
            sources.append(try DataSource.decode(child, name: key, directory: directory))
        }
        return sources
    }

    /// `[1200, 800]` or `"1200x800"`, in the range of `Canvas`.
    private static func decodeSize(_ node: FigureSpecNode) throws(SpecError) -> (Int, Int) {
        let expected = "[width, height] or \"WIDTHxHEIGHT\", \(Canvas.sizeRange) (\(ResourceLimits.reference))"
        var pair: (width: Int, height: Int)?
        switch node.value {
        case .array(let elements) where elements.count == 2:
            let parts = try node.array()
            pair = (try parts[0].integer(), try parts[1].integer())
        case .string(let text):
            pair = Canvas.parseSize(text)
        case .array:
            break
        default:
            throw node.wrongType("[width, height] or \"WIDTHxHEIGHT\"")
        }
        guard let (w, h) = pair, (try? Canvas.check(width: w, height: h)) != nil else {
            throw node.error(.invalidValue(expected: expected, found: ResourceLimits.describeCanvas(pair) ?? node.found))
        }
        return (w, h)
    }
}
